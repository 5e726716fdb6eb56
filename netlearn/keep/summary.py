"""The anonymised summary a learner hands to a facilitator: numbers only, no names or free text."""

from __future__ import annotations

import hashlib
import json
import math
import os
import uuid
from datetime import date, datetime
from pathlib import Path

from netlearn.plumbing.clock import resolve_today
from netlearn.plumbing.errors import NetlearnError

FORMAT = "netlearn-summary"
#: 2: each quiz carries item content versions and per-item answers (latest attempts).
#: 3: quiz scores are first attempts (``"scoring": "first attempt"``), with the result after
#: retries apart, each item's key and first-attempt chosen options; each topic carries its
#: stated minutes and, only with the learner's consent, its measured minutes.
VERSION = 3
FIRST_ATTEMPT = "first attempt"  # the quiz's "scoring" from format 3 on
MINUTES_STEP = 5  # measured minutes are carried rounded to this
PHASES = ("before", "check", "after", "check-in")  # check-in: notebook 07, weeks later
OUTCOMES = ("good", "mixed", "poor")


def content_fingerprint(course) -> str:
    """Return a sha256 over the course's topic ids and question ids, in order.

    Two summaries with the same fingerprint were made with the same topics and
    quiz items, so their scores can be compared.

    Parameters
    ----------
    course : netlearn.teaching.content.Course

    Returns
    -------
    str
        64 hexadecimal digits.
    """
    shape = [[topic.id, [q["id"] for q in topic.questions]] for topic in course.topics]
    text = json.dumps(shape, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def default_name(today: date) -> str:
    """Return the file name of a summary exported on ``today``."""
    return f"netlearn-summary-{today.isoformat()}.json"


def build_summary(store, course, today, measured_minutes=None) -> dict:
    """Build the anonymised summary of one learner's progress.

    It holds only: format name and version, course title, content version and
    fingerprint, a random summary id, the day of export, and per topic: the mean
    self-rating before / in the topic / after / at the check-in; the quiz scored on first
    attempts (points, maximum, items answered and correct; answers re-graded against the
    current items, an answer to an earlier version of an item not counted) with the result
    after retries apart; each quiz item's content version and key (the correct option ids,
    or the course's rating of each response) and, per answered item, the version answered,
    the options chosen on the first attempt (canonical option ids or ratings, never
    text), its score, how many attempts and the result after retries (so a cohort never
    pools versions or attempts); scenario outcomes and points, how many reflections were
    written (not what), the topic's status as the learner's progress bar shows it ("done",
    "started", "not started"), its stated minutes and, only if the learner agreed to it,
    the minutes measured in it; and the plain counts behind each metric of the learner's
    own networking activity. No names, e-mail addresses, URLs, free text or times finer
    than a day.

    Parameters
    ----------
    store : netlearn.store.Store
        The learner's store.
    course : netlearn.teaching.content.Course
        The course the learner took (ids not in it are left out).
    today : datetime.date
        The day of export.
    measured_minutes : mapping, optional
        Topic id -> minutes measured in that notebook, **only for a learner who agreed**
        to have them carried in the summary. Default: ``store.measured_minutes()`` when
        the store has that method (it returns None, or an empty mapping, without the
        learner's consent), else none. Values are rounded to
        :data:`MINUTES_STEP` minutes; ids of topics not in the course, and values that
        are not a number of minutes, are left out.

    Returns
    -------
    dict
        JSON-serialisable; see ``docs/privacy.md`` for the fields.
    """
    from netlearn.network.metrics import summary_counts
    from netlearn.plumbing.version import course_version
    from netlearn.teaching import completion as progress

    if isinstance(today, datetime):
        today = today.date()
    minutes = _measured(store, measured_minutes)
    data = progress.ProgressData(store)  # the learner's own "done" is the facilitator's
    reflections = data.reflections
    topics = {}
    for topic in course.topics:
        entry = {"kind": topic.kind, "stated_minutes": int(topic.minutes)}
        if topic.id in minutes:
            entry["measured_minutes"] = minutes[topic.id]
        if topic.statements:
            entry["self_assessment"] = _self_assessment(topic, data)
        if topic.questions:
            entry["quiz"] = _quiz(topic, data)
        if topic.scenarios:
            entry["scenarios"] = _scenarios(topic, data.answers(topic.id, "scenario"))
        if topic.kind == "check-in":
            entry["retrieval"] = _retrieval(data.attempts(topic.id), data.answers(topic.id))
        prompt_ids = {p["id"] for p in topic.prompts}
        entry["reflections_written"] = sum(
            1 for (t, prompt), row in reflections.items()
            if t == topic.id and prompt in prompt_ids and str(row.get("text", "")).strip()
        )
        entry["status"] = progress.status(progress.topic_steps(topic, course, data))
        entry["completed"] = entry["status"] == "done"
        topics[topic.id] = entry
    counts = summary_counts(store.load_network(), today)
    return {
        "format": FORMAT,
        "version": VERSION,
        "summary_id": uuid.uuid4().hex,
        "exported_on": today.isoformat(),
        "course": {
            "title": course.title,
            "content_version": course.version,
            "fingerprint": content_fingerprint(course),
            "netlearn_version": course_version(),
        },
        "topics": topics,
        "activity": {str(k): int(v) for k, v in counts.items()
                     if isinstance(v, (int, float)) and not isinstance(v, bool)},
    }


def _measured(store, given) -> dict[str, int]:
    """Topic id -> measured minutes rounded to :data:`MINUTES_STEP` (empty without consent)."""
    if given is None:
        reader = getattr(store, "measured_minutes", None)
        given = reader() if callable(reader) else None
    if not given:
        return {}
    rounded = {}
    for topic_id, value in dict(given).items():
        if (isinstance(value, bool) or not isinstance(value, (int, float))
                or not math.isfinite(value) or value < 0):
            continue  # not a number of minutes
        # half up (12.5 -> 15), not Python's round-half-to-even
        rounded[str(topic_id)] = MINUTES_STEP * math.floor(value / MINUTES_STEP + 0.5)
    return rounded


def _self_assessment(topic, data) -> dict:
    result = {"statements": len(topic.statements)}
    for phase in PHASES:
        mean = data.mean_rating(topic, phase)
        result[phase] = round(mean, 3) if mean is not None else None
        result[f"rated_{phase}"] = data.rated([topic], phase)[0]
    return result


def _retrieval(attempts, latest) -> dict:
    """The check-in quiz (its items vary per learner): items answered, right on the first
    try (the earliest stored attempt at each, as for every quiz) and right after retries."""
    first: dict[str, bool] = {}
    for attempt in attempts:  # in the order made
        first.setdefault(str(attempt["item_id"]), bool(attempt["correct"]))
    return {"answered": len(first), "correct": sum(first.values()),
            "correct_after_retries": sum(1 for a in latest.values() if a.get("correct"))}


def _quiz(topic, data) -> dict:
    from netlearn.teaching.grading import answered_version, chosen_options, item_key, item_version
    from netlearn.teaching.item_history import load_history

    outcome = data.quiz_outcome(topic)
    history = load_history()
    versions = {q["id"]: item_version(q) for q in topic.questions}
    answers = {}
    for question in topic.questions:
        qid = question["id"]
        first = outcome.first.get(qid)
        if first is not None:
            after = outcome.latest.get(qid)
            answers[qid] = {
                "version": versions[qid],
                "chosen": chosen_options(question, first.answer),
                "score": round(first.result.score, 3), "max": round(first.result.max_score, 3),
                "correct": first.result.correct, "attempts": first.attempts,
                "after_retries": None if after is None else {
                    "score": round(after.score, 3), "correct": after.correct}}
            continue
        # Answered only in an earlier version: its first attempt at the version last
        # answered, reported as that version (its options may differ: no choices carried).
        past, same = history.get(qid, ()), history.same_content.get(qid)
        earlier = [(version, a) for a in data.attempts(topic.id) if a["item_id"] == qid
                   if (version := answered_version(question, a, past, same)) != versions[qid]]
        if earlier:
            version = earlier[-1][0]
            tries = [a for v, a in earlier if v == version]
            answers[qid] = {"version": version, "score": round(float(tries[0]["score"]), 3),
                            "max": round(float(tries[0]["max_score"]), 3),
                            "correct": bool(tries[0]["correct"]), "attempts": len(tries),
                            "after_retries": None}
    firsts = [t.result for t in outcome.first.values()]
    latest = list(outcome.latest.values())
    return {
        "scoring": FIRST_ATTEMPT,
        "score": round(sum(r.score for r in firsts), 3),
        "max": round(sum(r.max_score for r in firsts), 3),
        "answered": len(firsts),
        "correct": outcome.right_first,
        "after_retries": {"score": round(sum(r.score for r in latest), 3),
                          "max": round(sum(r.max_score for r in latest), 3),
                          "answered": len(latest), "correct": outcome.right_after_retries},
        "items": len(versions),
        "item_versions": versions,
        "item_keys": {q["id"]: item_key(q) for q in topic.questions},
        "answers": answers,
    }


def _scenarios(topic, answers) -> dict:
    result = {}
    for scenario in topic.scenarios:
        attempt = answers.get(scenario["id"])
        if attempt is None:
            result[scenario["id"]] = {"played": False, "outcome": None, "points": None,
                                      "max_points": None}
            continue
        result[scenario["id"]] = {
            "played": True,
            "outcome": scenario_outcome(scenario, attempt.get("answer")),
            "points": round(float(attempt["score"]), 3),
            "max_points": round(float(attempt["max_score"]), 3),
        }
    return result


def scenario_outcome(scenario: dict, answer) -> str | None:
    """Return 'good', 'mixed' or 'poor' for a stored scenario answer, or None if unknown.

    The answer may name the outcome, the ending node, or the path of node ids
    taken; the outcome is always looked up in (or checked against) the course,
    so nothing the learner typed can pass through.
    """
    nodes = scenario.get("nodes", {})
    if isinstance(answer, dict):
        if answer.get("outcome") in OUTCOMES:
            return answer["outcome"]
        for key in ("ending", "end", "node"):
            if isinstance(answer.get(key), str):
                return _ending_outcome(nodes, answer[key])
        answer = answer.get("path")
    if isinstance(answer, str):
        return answer if answer in OUTCOMES else _ending_outcome(nodes, answer)
    if isinstance(answer, list) and answer:
        last = answer[-1]
        if isinstance(last, dict):
            last = last.get("node") or last.get("next")
        if isinstance(last, str):
            return _ending_outcome(nodes, last)
    return None


def _ending_outcome(nodes: dict, node_id: str) -> str | None:
    node = nodes.get(node_id)
    if isinstance(node, dict) and node.get("outcome") in OUTCOMES:
        return node["outcome"]
    return None


def summary_json(summary: dict) -> str:
    """Return the summary as the JSON text that is written and downloaded."""
    return json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_summary(store, path, *, course=None, today=None) -> Path:
    """Write the anonymised summary to ``path`` atomically (a ``.part`` file, then rename).

    Parameters
    ----------
    store : netlearn.store.Store
        The learner's store.
    path : path-like
        The JSON file to write; an existing directory gets
        ``netlearn-summary-YYYY-MM-DD.json`` inside it.
    course : netlearn.teaching.content.Course, optional
        Default: the current course (``NETLEARN_CONTENT`` applies).
    today : datetime.date, optional
        Default: today.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    NetlearnError
        When the file cannot be written (naming it).
    """
    if course is None:
        from netlearn.teaching.content import course as current_course

        course = current_course()
    today = resolve_today(today)
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / default_name(today)
    text = summary_json(build_summary(store, course, today))
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(partial, 0o600)  # private, like the store
        partial.replace(target)
    except OSError as exc:
        try:
            partial.unlink()
        except OSError:
            pass
        raise NetlearnError(f"cannot write the summary ({exc.strerror or exc})",
                            path=target) from None
    return target
