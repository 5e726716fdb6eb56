"""The anonymised summary a learner hands to a facilitator: numbers only, no names or free text."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from datetime import date, datetime
from pathlib import Path

from netlearn.plumbing.clock import resolve_today
from netlearn.plumbing.errors import NetlearnError

FORMAT = "netlearn-summary"
VERSION = 2  # 2: each quiz carries item content versions and per-item answers
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


def build_summary(store, course, today) -> dict:
    """Build the anonymised summary of one learner's progress.

    It holds only: format name and version, course title, content version and
    fingerprint, a random summary id, the day of export, per topic the mean
    self-rating before / in the topic / after / at the check-in, quiz score, maximum, items
    answered and correct (answers re-graded against the current items; an answer
    to an earlier version of an item is not counted), each quiz item's content
    version and, per answered item, the version answered with its score
    (so a cohort never pools versions), scenario outcomes and points, how many reflections
    were written (not what), the topic's status as the learner's progress bar
    shows it ("done", "started", "not started"), and the plain
    counts behind each metric of the learner's own networking activity. No
    names, e-mail addresses, URLs, free text or times finer than a day.

    Parameters
    ----------
    store : netlearn.store.Store
        The learner's store.
    course : netlearn.teaching.content.Course
        The course the learner took (ids not in it are left out).
    today : datetime.date
        The day of export.

    Returns
    -------
    dict
        JSON-serialisable; see ``docs/facilitator-guide.md`` for the fields.
    """
    from netlearn.network.metrics import summary_counts
    from netlearn.plumbing.version import course_version
    from netlearn.teaching import completion as progress

    if isinstance(today, datetime):
        today = today.date()
    data = progress.ProgressData(store)  # the learner's own "done" is the facilitator's
    reflections = data.reflections
    topics = {}
    for topic in course.topics:
        entry = {"kind": topic.kind}
        if topic.statements:
            entry["self_assessment"] = _self_assessment(topic, data)
        if topic.questions:
            entry["quiz"] = _quiz(topic, data)
        if topic.scenarios:
            entry["scenarios"] = _scenarios(topic, data.answers(topic.id, "scenario"))
        if topic.kind == "check-in":
            entry["retrieval"] = _retrieval(data.answers(topic.id))
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


def _self_assessment(topic, data) -> dict:
    result = {"statements": len(topic.statements)}
    for phase in PHASES:
        mean = data.mean_rating(topic, phase)
        result[phase] = round(mean, 3) if mean is not None else None
        result[f"rated_{phase}"] = data.rated([topic], phase)[0]
    return result


def _retrieval(answers) -> dict:
    """The check-in quiz (its items vary per learner): how many answered and right."""
    return {"answered": len(answers), "correct": sum(1 for a in answers.values()
                                                     if a.get("correct"))}


def _quiz(topic, data) -> dict:
    from netlearn.teaching.grading import item_version
    from netlearn.teaching.item_history import load_history

    results, _earlier = data.quiz_results(topic)
    stored = data.answers(topic.id)
    history = load_history()
    versions = {q["id"]: item_version(q) for q in topic.questions}
    answers = {}
    for qid, version in versions.items():
        if qid in results:
            result = results[qid]
            answers[qid] = {"version": version, "score": round(result.score, 3),
                            "max": round(result.max_score, 3), "correct": result.correct}
        elif qid in stored:  # answered an earlier version: reported as that version
            saved = stored[qid]
            past = history.get(qid) or [""]
            answers[qid] = {"version": str(saved.get("version") or past[0]),
                            "score": round(float(saved["score"]), 3),
                            "max": round(float(saved["max_score"]), 3),
                            "correct": bool(saved["correct"])}
    current = list(results.values())
    return {
        "score": round(sum(r.score for r in current), 3),
        "max": round(sum(r.max_score for r in current), 3),
        "answered": len(current),
        "correct": sum(1 for r in current if r.correct),
        "items": len(versions),
        "item_versions": versions,
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
