"""Write deterministic demo learner summaries to netlearn/data/demo-summaries/ for the dashboard.

Each fake learner works through the course in a throw-away store (self-ratings, graded quiz
answers with retries after a wrong first try, scenario walks, a small networking log, and
for some of them measured minutes they agreed to share) and is exported with the real
``netlearn.keep.summary.build_summary``, so the files have the current format. The last
``--older`` learners are written as an earlier netlearn wrote them (summary format 2:
latest-attempt quiz scores, item versions of the first scheme), so that the dashboard and
``netlearn cohort`` show old and new summaries side by side, never pooled. Re-run after
changing topics or questions (the content fingerprint changes):

    python tools/make_demo_summaries.py
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "netlearn" / "data" / "demo-summaries"
SEED = 20240521
EXPORTED = date(2025, 3, 14)
OLDER = 3  # learners whose summaries an earlier netlearn wrote (format 2)
CONSENT = 0.6  # share of learners who agree to have their minutes measured and shared


def _answer(question: dict, rng: random.Random, skill: float):
    """Pick an answer to a question: the right one with probability ``skill``."""
    if question["type"] == "single":
        right = [c["id"] for c in question["choices"] if c["correct"]]
        wrong = [c["id"] for c in question["choices"] if not c["correct"]]
        return right[0] if rng.random() < skill or not wrong else rng.choice(wrong)
    if question["type"] == "multiple":
        picked = [c["id"] for c in question["choices"]
                  if (rng.random() < skill) == bool(c["correct"])]
        return picked or [question["choices"][0]["id"]]
    ratings = ("best", "acceptable", "poor")
    return {r["id"]: r["rating"] if rng.random() < skill else rng.choice(ratings)
            for r in question["responses"]}


def _walk(scenario: dict, rng: random.Random, skill: float):
    """Walk a scenario from its start; return (path of node ids, points)."""
    from netlearn.teaching.grading import scenario_step

    node, path, points = scenario["start"], [scenario["start"]], 0
    while not scenario["nodes"][node].get("ending") and len(path) < 50:
        choices = scenario["nodes"][node]["choices"]
        order = sorted(range(len(choices)), key=lambda i: -int(choices[i].get("points", 0)))
        index = order[0] if rng.random() < skill else rng.randrange(len(choices))
        node, _, earned = scenario_step(scenario, node, index)
        path.append(node)
        points += earned
    return path, points


def _activity(rng: random.Random, today: date, engagement: float):
    """Return a small fake networking log (names are placeholders and never exported)."""
    from netlearn.network.records import Batch, Commitment, Contact, Event, Interaction

    batch = Batch(source="demo", path="demo")
    contacts = [Contact(name=f"Demo contact {i}", source="demo", source_ref=f"c{i}",
                        met_on=today - timedelta(days=rng.randint(5, 400)),
                        close=rng.random() < 0.2,
                        cadence_days=rng.choice([None, 30, 90]))
                for i in range(rng.randint(5, 40))]
    batch.contacts = contacts
    purposes = ("meet", "follow_up", "check_in", "give", "ask", "thanks")
    channels = ("in_person", "event", "email", "linkedin_message", "call", "video")
    for i in range(rng.randint(3, int(10 + 60 * engagement))):
        contact = rng.choice(contacts)
        when = datetime.combine(today - timedelta(days=rng.randint(1, 360)), time(12, 0))
        batch.interactions.append(Interaction(
            when=when, channel=rng.choice(channels), direction=rng.choice(("out", "out", "in")),
            purpose=rng.choice(purposes), contact_key=contact.key, source="demo",
            source_ref=f"i{i}"))
    for i in range(rng.randint(0, 6)):
        batch.events.append(Event(
            title=f"Demo event {i}", day=today - timedelta(days=rng.randint(1, 300)),
            goal_set=rng.random() < engagement, attendees_researched=rng.random() < 0.4,
            intro_prepared=rng.random() < engagement, questions_prepared=rng.random() < 0.5,
            followup_blocked=rng.random() < 0.3, source="demo", source_ref=f"e{i}"))
    for i in range(rng.randint(0, 5)):
        batch.commitments.append(Commitment(
            text=f"Demo promise {i}", due=today + timedelta(days=rng.randint(-30, 30)),
            done=rng.random() < 0.5, contact_key=rng.choice(contacts).key, source="demo",
            source_ref=f"p{i}"))
    return batch


def make_learner(course, rng: random.Random, home: Path, today: date) -> dict:
    """Simulate one learner in a fresh store under ``home``; return their summary."""
    from netlearn.keep.summary import build_summary
    from netlearn.store import Store
    from netlearn.teaching.grading import grade, item_version, scenario_max_points

    store = Store(home)
    try:
        engagement = rng.uniform(0.35, 1.0)
        skill = rng.uniform(0.45, 0.95)
        reached = 0
        for _ in course.topics:
            if reached and rng.random() > 0.55 + 0.45 * engagement:
                break
            reached += 1
        taken = course.topics[:reached]
        baseline = {}
        for topic in course.mistakes:
            for statement in topic.statements:
                baseline[statement["id"]] = rng.choice((1, 2, 2, 3, 3, 3, 4))
                store.save_self_assessment(topic.id, statement["id"], "before",
                                           baseline[statement["id"]])
        finished = any(t.kind == "plan" for t in taken)
        checked_in = any(t.kind == "check-in" for t in taken)  # came back weeks later (07)
        for topic in taken:
            for statement in topic.statements:
                store.save_self_assessment(topic.id, statement["id"], "check",
                                           min(5, baseline[statement["id"]] + rng.choice((0, 1))))
                if finished:
                    after = min(5, baseline[statement["id"]] + rng.choice((0, 1, 1, 2)))
                    store.save_self_assessment(topic.id, statement["id"], "after", after)
                    if checked_in:
                        store.save_self_assessment(topic.id, statement["id"], "check-in",
                                                   max(1, min(5, after + rng.choice((-1, 0, 0)))))
            for question in topic.questions:
                if rng.random() > 0.85 + 0.15 * engagement:
                    continue
                practice = skill
                for _ in range(4):  # a first try, then retries while wrong, as practice
                    answer = _answer(question, rng, practice)
                    result = grade(question, answer)  # summaries re-grade stored answers
                    store.save_answer(topic.id, question["id"], answer, result.score,
                                      result.max_score, result.correct,
                                      version=item_version(question))
                    if result.correct or rng.random() > 0.7:
                        break
                    practice = min(0.98, practice + 0.3)  # the feedback helps
            for scenario in topic.scenarios:
                path, points = _walk(scenario, rng, skill)
                outcome = scenario["nodes"][path[-1]].get("outcome")
                store.save_answer(topic.id, scenario["id"],
                                  {"path": path, "ending": path[-1], "outcome": outcome},
                                  points, scenario_max_points(scenario), outcome == "good",
                                  kind="scenario")
            for prompt in topic.prompts:
                if rng.random() < 0.6 + 0.4 * engagement:
                    store.save_reflection(topic.id, prompt["id"], "demo reflection")
        store.save_batch(_activity(rng, today, engagement), kind="demo")
        minutes = None
        if rng.random() < CONSENT:  # measured from the first to the last interaction
            minutes = {t.id: t.minutes * rng.uniform(0.55, 1.3) for t in taken}
        summary = build_summary(store, course, today, measured_minutes=minutes)
    finally:
        store.close()
    summary["summary_id"] = uuid.UUID(int=rng.getrandbits(128), version=4).hex
    return summary


def as_format_2(summary: dict, course) -> dict:
    """Return ``summary`` as netlearn wrote it before format 3: latest-attempt quiz scores,
    item versions of the first scheme, no choices, keys or minutes."""
    from netlearn.teaching.grading import legacy_item_version

    older = {**summary, "version": 2, "topics": {}}
    for topic in course.topics:
        entry = dict(summary["topics"][topic.id])
        entry.pop("stated_minutes", None)
        entry.pop("measured_minutes", None)
        if "retrieval" in entry:
            entry["retrieval"] = {"answered": entry["retrieval"]["answered"],
                                  "correct": entry["retrieval"]["correct_after_retries"]}
        if "quiz" in entry:
            quiz = entry["quiz"]
            legacy = {q["id"]: legacy_item_version(q) for q in topic.questions}
            latest = {item: {"version": legacy[item], "score": a["after_retries"]["score"],
                             "max": a["max"], "correct": a["after_retries"]["correct"]}
                      for item, a in quiz["answers"].items() if a.get("after_retries")}
            entry["quiz"] = {**{k: quiz["after_retries"][k]
                                for k in ("score", "max", "answered", "correct")},
                             "items": quiz["items"], "item_versions": legacy,
                             "answers": latest}
        older["topics"][topic.id] = entry
    return older


def main(argv=None) -> int:
    """Write the demo summaries; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(OUT_DIR), help="directory to (re)write")
    parser.add_argument("--count", type=int, default=25)
    parser.add_argument("--older", type=int, default=OLDER,
                        help="how many of them to write as summary format 2 (the last ones)")
    parser.add_argument("--content", help="content directory (default: NETLEARN_CONTENT)")
    args = parser.parse_args(argv)

    from netlearn.keep.summary import summary_json
    from netlearn.teaching.content import load_course

    course = load_course(args.content)
    rng = random.Random(SEED)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("learner-*.json"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="netlearn-demo-") as scratch:
        for number in range(1, args.count + 1):
            today = EXPORTED + timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            summary = make_learner(course, rng, Path(scratch) / f"learner-{number}", today)
            if number > args.count - args.older:
                summary = as_format_2(summary, course)
            target = out / f"learner-{number:02d}.json"
            target.write_text(summary_json(summary), encoding="utf-8")
    print(f"wrote {args.count} demo summaries to {out} ({min(args.older, args.count)} in format 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
