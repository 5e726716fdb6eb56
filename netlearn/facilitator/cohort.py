"""Aggregate learners' anonymised summaries into a cohort table, charts and a short report."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from netlearn.charts.cohort_tables import before_after, participation
from netlearn.facilitator.item_analysis import (
    MIN_DISCRIMINATION,
    analysis_text,
    item_analysis,
    option_table,
    reference_versions,
)
from netlearn.keep.summary import FIRST_ATTEMPT, FORMAT, OUTCOMES, PHASES, VERSION

MAX_SUMMARY_BYTES = 2_000_000
STATUSES = ("done", "started", "not started")
_ID = re.compile(r"^[0-9a-fA-F-]{8,64}$")
_VERSION = re.compile(r"^[0-9a-f]{0,64}$")  # an item's content version ('' when unknown)
_OPTION = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")  # a canonical option id, as the schema has it
RATINGS = ("best", "acceptable", "poor")
LATEST_ATTEMPT = "latest attempt"  # how summaries before format 3 scored a quiz

COLUMNS = [
    "learner", "exported_on", "topic", "kind",
    "self_before", "self_check", "self_after",
    "self_checkin",
    "quiz_scoring",
    "quiz_score", "quiz_max", "quiz_percent", "quiz_answered", "quiz_correct",
    "quiz_correct_after_retries", "older_latest_percent", "older_latest_correct", "quiz_items",
    "scenarios_played", "scenario_good", "scenario_mixed", "scenario_poor",
    "scenario_points", "scenario_max_points", "reflections_written", "started", "completed",
]
ITEM_COLUMNS = ["scoring", "topic", "item", "version", "current", "learners", "correct",
                "mean_percent"]
MINUTES_COLUMNS = ["topic", "stated_minutes", "learners_measured", "median_measured_minutes"]
#: Fewest learners for per-topic and per-question results (``netlearn cohort --min-learners``):
#: in a smaller group one learner's answers could be inferred, so only counts are written.
MIN_LEARNERS = 5
MIN_LEARNERS_FOR_MINUTES = 5  # a median of measured minutes from at least this many learners
COUNT_COLUMNS = {
    "quiz_answered", "quiz_correct", "quiz_correct_after_retries", "older_latest_correct",
    "quiz_items", "scenarios_played", "scenario_good", "scenario_mixed", "scenario_poor",
    "reflections_written",
}


# -- loading ---------------------------------------------------------------------------


def _expand(files) -> list[Path]:
    paths = []
    for item in files:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        else:
            paths.append(path)
    return paths


def load_summaries(files, fingerprint: str | None = None) -> tuple[list[dict], list[str]]:
    """Read summary files; skip (and report) every one that cannot be used.

    A file is skipped when it cannot be read, is not JSON, is not a netlearn
    summary (or is a newer version of the format), repeats a summary id already
    read (handed in twice), or was made with different course content than the
    rest (its content fingerprint differs). Nothing here is fatal.

    Parameters
    ----------
    files : iterable of path-like
        Summary files; a directory stands for the ``*.json`` files in it.
    fingerprint : str, optional
        The content fingerprint to accept; default: the one most summaries
        share (ties: the first file's).

    Returns
    -------
    summaries : list of dict
        The usable summaries, in file order.
    problems : list of str
        One line per skipped file: ``<file>: <reason>; skipped``.
    """
    read: list[tuple[Path, dict]] = []
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in _expand(files):
        data, reason = _read(path)
        if reason is None:
            reason = validate_summary(data)
        if reason is None and data["summary_id"] in seen:
            reason = (f"same summary id as {seen[data['summary_id']]} "
                      "(the same summary handed in twice)")
        if reason is not None:
            problems.append(f"{path}: {reason}; skipped")
            continue
        seen[data["summary_id"]] = path
        read.append((path, data))
    if not read:
        return [], problems
    if fingerprint is None:
        counts = Counter(d["course"]["fingerprint"] for _, d in read)
        best = max(counts.values())
        fingerprint = next(d["course"]["fingerprint"] for _, d in read
                           if counts[d["course"]["fingerprint"]] == best)
    summaries = []
    for path, data in read:
        theirs = data["course"]["fingerprint"]
        if theirs != fingerprint:
            problems.append(
                f"{path}: made with a different version of the course content (fingerprint "
                f"{theirs[:12]}, expected {fingerprint[:12]}); skipped")
            continue
        summaries.append(data)
    return summaries, problems


def _read(path: Path) -> tuple[dict | None, str | None]:
    try:
        if path.stat().st_size > MAX_SUMMARY_BYTES:
            return None, f"is larger than {MAX_SUMMARY_BYTES // 1_000_000} MB, not a summary"
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None, "no such file"
    except UnicodeDecodeError:
        return None, "is not UTF-8 text, not a summary"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    return parse_summary(text)


def parse_summary(text: str) -> tuple[dict | None, str | None]:
    """Parse summary JSON text; return (data, None) or (None, reason)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"is not valid JSON (line {exc.lineno}: {exc.msg})"
    except RecursionError:
        return None, "is not valid JSON (nested too deeply)"


def _number(value, allow_none=True) -> bool:
    if value is None:
        return allow_none
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def validate_summary(data) -> str | None:
    """Return why ``data`` is not a usable summary, or None when it is.

    Parameters
    ----------
    data : object
        Parsed JSON.

    Returns
    -------
    str or None
        A short reason, e.g. ``"is not a netlearn summary"``.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return f"is not a netlearn summary (no \"format\": \"{FORMAT}\")"
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        return "is a malformed summary: no format version"
    if version > VERSION:
        return (f"was written by a newer netlearn (summary version {version}; this one reads "
                f"{VERSION}); upgrade netlearn")
    if version < 1:
        return f"is a malformed summary: unknown version {version}"
    if not isinstance(data.get("summary_id"), str) or not _ID.match(data["summary_id"]):
        return "is a malformed summary: no summary_id"
    try:
        date.fromisoformat(str(data.get("exported_on")))
    except ValueError:
        return "is a malformed summary: exported_on is not a day (YYYY-MM-DD)"
    course = data.get("course")
    if (not isinstance(course, dict) or not isinstance(course.get("fingerprint"), str)
            or not course["fingerprint"]):
        return "is a malformed summary: no course fingerprint"
    topics = data.get("topics")
    if not isinstance(topics, dict):
        return "is a malformed summary: no topics"
    for topic_id, entry in topics.items():
        problem = _topic_problem(entry, version)
        if problem:
            return f"is a malformed summary: topic {str(topic_id)[:60]!r}: {problem}"
    activity = data.get("activity", {})
    if not isinstance(activity, dict) or not all(_number(v, False) for v in activity.values()):
        return "is a malformed summary: activity holds something other than counts"
    return None


def _topic_problem(entry, version: int) -> str | None:
    if not isinstance(entry, dict):
        return "not an object"
    rating = entry.get("self_assessment")
    if rating is not None:
        if not isinstance(rating, dict) or not all(_number(rating.get(p)) for p in PHASES):
            return "self_assessment is not numbers"
    quiz = entry.get("quiz")
    if quiz is not None:
        problem = _quiz_problem(quiz, version)
        if problem:
            return problem
    for key in ("stated_minutes", "measured_minutes"):
        if key in entry and not (_number(entry[key], False) and entry[key] >= 0):
            return f"{key} is not a number of minutes"
    retrieval = entry.get("retrieval")
    if retrieval is not None and (not isinstance(retrieval, dict) or not all(
            _number(v, False) for v in retrieval.values())):
        return "retrieval is not counts"
    scenarios = entry.get("scenarios")
    if scenarios is not None:
        if not isinstance(scenarios, dict) or not all(isinstance(s, dict)
                                                      for s in scenarios.values()):
            return "scenarios are malformed"
        for scenario in scenarios.values():
            if scenario.get("outcome") not in (*OUTCOMES, None):
                return "unknown scenario outcome"
            if not (_number(scenario.get("points")) and _number(scenario.get("max_points"))):
                return "scenario points are not numbers"
    if not _number(entry.get("reflections_written", 0), False):
        return "reflections_written is not a number"
    if not isinstance(entry.get("completed", False), bool):
        return "completed is not true or false"
    if entry.get("status", "done") not in STATUSES:
        return "unknown status"
    return None


def _quiz_problem(quiz, version: int) -> str | None:
    if not isinstance(quiz, dict) or not all(
            _number(quiz.get(k), False) for k in ("score", "max", "answered", "items")):
        return "quiz is not numbers"
    if version >= 3:
        if quiz.get("scoring") != FIRST_ATTEMPT:
            return f"quiz scoring is not {FIRST_ATTEMPT!r}"
        after = quiz.get("after_retries")
        if not isinstance(after, dict) or not all(
                _number(after.get(k), False) for k in ("score", "max", "answered", "correct")):
            return "quiz after_retries is not numbers"
        keys = quiz.get("item_keys", {})
        if not isinstance(keys, dict) or not all(_key(k) for k in keys.values()):
            return "quiz item keys are malformed"
    versions = quiz.get("item_versions", {})
    if not isinstance(versions, dict) or not all(
            isinstance(v, str) and _VERSION.match(v) for v in versions.values()):
        return "quiz item versions are malformed"
    answers = quiz.get("answers", {})
    if not isinstance(answers, dict) or not all(
            isinstance(a, dict) and isinstance(a.get("version"), str)
            and _VERSION.match(a["version"]) and _number(a.get("score"), False)
            and _number(a.get("max"), False) and isinstance(a.get("correct"), bool)
            and (version < 3 or _answer_v3(a))
            for a in answers.values()):
        return "quiz answers are malformed"
    return None


def _choice(value) -> bool:
    """Canonical option ids (a list) or response id -> rating: never anything else."""
    if isinstance(value, list):
        return len(value) <= 60 and all(isinstance(v, str) and _OPTION.match(v) for v in value)
    if isinstance(value, dict):
        return len(value) <= 60 and all(isinstance(k, str) and _OPTION.match(k) and v in RATINGS
                                        for k, v in value.items())
    return False


def _key(value) -> bool:
    """Option id -> correct (true or false), or response id -> the course's rating."""
    return (isinstance(value, dict) and len(value) <= 60 and all(
        isinstance(k, str) and _OPTION.match(k) and (isinstance(v, bool) or v in RATINGS)
        for k, v in value.items()))


def _answer_v3(answer: dict) -> bool:
    after = answer.get("after_retries")
    return (("chosen" not in answer or _choice(answer["chosen"]))
            and _number(answer.get("attempts"), False)
            and (after is None or (isinstance(after, dict) and _number(after.get("score"), False)
                                   and isinstance(after.get("correct"), bool))))


def scoring(summary: dict) -> str:
    """Return how a summary's quiz scores were made: :data:`~netlearn.keep.summary.FIRST_ATTEMPT`
    (format 3 on) or :data:`LATEST_ATTEMPT` (older summaries, never pooled with the first)."""
    return FIRST_ATTEMPT if summary.get("version", 0) >= 3 else LATEST_ATTEMPT


# -- aggregating -----------------------------------------------------------------------


def aggregate(summaries):
    """Return one row per learner per topic.

    Quiz columns never pool first attempts with latest attempts: ``quiz_score``,
    ``quiz_max``, ``quiz_percent`` and ``quiz_correct`` are first-attempt results (format 3
    on) and ``quiz_correct_after_retries`` their result after retries; an older summary's
    latest-attempt results go to ``older_latest_percent`` and ``older_latest_correct``
    instead, its first-attempt columns empty. ``quiz_scoring`` says which.

    Parameters
    ----------
    summaries : list of dict
        Usable summaries (from :func:`load_summaries`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`; ``learner`` is the summary's random id, topics
        keep the order of the course. Missing values are NaN.
    """
    import pandas as pd

    references = _references(summaries)
    rows = []
    for summary in summaries:
        reference = references[scoring(summary)]
        for topic_id, entry in summary["topics"].items():
            rows.append(_row(summary, topic_id, _versioned(topic_id, entry, reference)))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    order = list(dict.fromkeys(frame["topic"]))
    frame["topic"] = pd.Categorical(frame["topic"], categories=order, ordered=True)
    for column in COLUMNS[4:-2]:
        if column == "quiz_scoring":
            continue
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
        if column in COUNT_COLUMNS:
            frame[column] = frame[column].round().astype("Int64")
    frame["started"] = frame["started"].astype(bool)
    frame["completed"] = frame["completed"].astype(bool)
    return frame


def _references(summaries) -> dict:
    """Scoring -> (topic, item) -> reference version, each over the summaries scored so:
    older summaries carry versions of their own scheme and must not lose their answers to
    the newer summaries' versions."""
    return {way: reference_versions([s for s in summaries if scoring(s) == way])
            for way in (FIRST_ATTEMPT, LATEST_ATTEMPT)}


def _versioned(topic_id, entry: dict, reference: dict) -> dict:
    """The entry with quiz totals over answers to the reference version of each item only
    (summaries before format 2 carry no versions: their totals are used as they are)."""
    quiz = entry.get("quiz") or {}
    if "answers" not in quiz:
        return entry
    kept = [a for item, a in quiz["answers"].items()
            if a["version"] == reference.get((str(topic_id), str(item)), a["version"])]
    totals = {"score": round(sum(a["score"] for a in kept), 3),
              "max": round(sum(a["max"] for a in kept), 3), "answered": len(kept),
              "correct": sum(1 for a in kept if a["correct"])}
    if "after_retries" in quiz:
        retried = [a for a in kept if a.get("after_retries")]
        totals["after_retries"] = {
            "score": round(sum(a["after_retries"]["score"] for a in retried), 3),
            "max": round(sum(a["max"] for a in retried), 3), "answered": len(retried),
            "correct": sum(1 for a in retried if a["after_retries"]["correct"])}
    return {**entry, "quiz": {**quiz, **totals}}


def item_table(summaries):
    """Return one row per quiz item per content version and scoring: nothing pools.

    Parameters
    ----------
    summaries : list of dict
        Usable summaries (format 2 or later carry per-item answers).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ITEM_COLUMNS`: ``scoring`` is ``"first attempt"`` (format 3 on) or
        ``"latest attempt"`` (older summaries); ``current`` is true for the version most
        summaries of that scoring were made with; ``learners`` answered that version,
        ``correct`` of them answered it correctly, ``mean_percent`` is their mean score.
    """
    import pandas as pd

    references = _references(summaries)
    groups: dict[tuple, list] = {}
    for summary in summaries:
        way = scoring(summary)
        for topic_id, entry in summary["topics"].items():
            for item, answer in ((entry.get("quiz") or {}).get("answers") or {}).items():
                key = (way, str(topic_id), str(item), answer["version"])
                groups.setdefault(key, []).append(answer)
    rows = []
    for (way, topic_id, item, version), answers in groups.items():
        percents = [100 * a["score"] / a["max"] for a in answers if a["max"]]
        rows.append({
            "scoring": way, "topic": topic_id, "item": item, "version": version,
            "current": references[way].get((topic_id, item), version) == version,
            "learners": len(answers), "correct": sum(1 for a in answers if a["correct"]),
            "mean_percent": round(sum(percents) / len(percents), 1) if percents else None,
        })
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)


def first_attempt_summaries(summaries) -> list[dict]:
    """Return the summaries whose quiz scores are first attempts (format 3 on)."""
    return [s for s in summaries if scoring(s) == FIRST_ATTEMPT]


def split_items(summaries) -> list[str]:
    """Return one line per quiz item answered in more than one content version."""
    seen: dict[tuple, set] = {}
    for summary in summaries:
        for topic_id, entry in summary["topics"].items():
            for item, answer in ((entry.get("quiz") or {}).get("answers") or {}).items():
                seen.setdefault((scoring(summary), str(topic_id), str(item)),
                                set()).add(answer["version"])
    return [f"{topic}: item {item}: answers to {len(versions)} versions, reported separately"
            " in items.csv; quiz totals count only the current one"
            for (_way, topic, item), versions in seen.items() if len(versions) > 1]


def _row(summary: dict, topic_id: str, entry: dict) -> dict:
    rating = entry.get("self_assessment") or {}
    quiz = entry.get("quiz") or {}
    scenarios = list((entry.get("scenarios") or {}).values())
    played = [s for s in scenarios if s.get("played", s.get("outcome") is not None)]
    outcomes = Counter(s.get("outcome") for s in played)
    answered = quiz.get("answered")
    maximum = quiz.get("max")
    percent = round(100 * quiz["score"] / maximum, 1) if answered and maximum else None
    first = scoring(summary) == FIRST_ATTEMPT
    after = quiz.get("after_retries") or {}
    return {
        "learner": summary["summary_id"],
        "exported_on": summary["exported_on"],
        "topic": str(topic_id),
        "kind": str(entry.get("kind", "")),
        "self_before": rating.get("before"),
        "self_check": rating.get("check"),
        "self_after": rating.get("after"),
        "self_checkin": rating.get("check-in"),
        "quiz_scoring": scoring(summary) if quiz else None,
        "quiz_score": quiz.get("score") if answered and first else None,
        "quiz_max": maximum if answered and first else None,
        "quiz_percent": percent if first else None,
        "quiz_answered": answered,
        "quiz_correct": quiz.get("correct") if first else None,
        "quiz_correct_after_retries": after.get("correct") if first and quiz else None,
        "older_latest_percent": None if first else percent,
        "older_latest_correct": None if first else quiz.get("correct"),
        "quiz_items": quiz.get("items"),
        "scenarios_played": len(played) if scenarios else None,
        "scenario_good": outcomes["good"] if scenarios else None,
        "scenario_mixed": outcomes["mixed"] if scenarios else None,
        "scenario_poor": outcomes["poor"] if scenarios else None,
        "scenario_points": sum(s.get("points") or 0 for s in played) if played else None,
        "scenario_max_points": sum(s.get("max_points") or 0 for s in played) if played else None,
        "reflections_written": entry.get("reflections_written", 0),
        "started": _started(entry, answered, rating, played),
        "completed": bool(entry.get("completed", False)),
    }


def _started(entry: dict, answered, rating: dict, played: list) -> bool:
    if entry.get("status") in STATUSES:
        return entry["status"] != "not started"
    return bool(entry.get("completed") or answered or played or rating.get("check") is not None
                or entry.get("reflections_written"))


def activity_table(summaries):
    """Return one row per learner with the counts behind each metric.

    Parameters
    ----------
    summaries : list of dict

    Returns
    -------
    pandas.DataFrame
        ``learner`` plus one column per count.
    """
    import pandas as pd

    rows = [{"learner": s["summary_id"], **s.get("activity", {})} for s in summaries]
    return pd.DataFrame(rows)


def minutes_table(summaries, min_learners: int = MIN_LEARNERS_FOR_MINUTES):
    """Return, per topic, its stated minutes and the median measured minutes.

    Measured minutes come only from learners who agreed to carry them in their summary
    (format 3 on). They are a lower bound: the kernel sees the learner's clicks, not their
    reading, so time spent reading after the last interaction is not counted.

    Parameters
    ----------
    summaries : list of dict
    min_learners : int
        Fewest learners with measured minutes for a topic's median; below it the median
        is left empty, so that no one's minutes can be inferred.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MINUTES_COLUMNS`, one row per topic in course order: the stated
        minutes most summaries carry, how many learners' minutes were measured and their
        median (NaN below ``min_learners``).
    """
    import pandas as pd

    stated: dict[str, Counter] = {}
    measured: dict[str, list] = {}
    for summary in summaries:
        for topic_id, entry in summary["topics"].items():
            stated.setdefault(str(topic_id), Counter())
            measured.setdefault(str(topic_id), [])
            if "stated_minutes" in entry:
                stated[str(topic_id)][entry["stated_minutes"]] += 1
            if "measured_minutes" in entry:
                measured[str(topic_id)].append(entry["measured_minutes"])
    rows = []
    for topic_id, counts in stated.items():
        values = sorted(measured[topic_id])
        median = float("nan")
        if values and len(values) >= min_learners:
            middle = len(values) // 2
            median = (values[middle] if len(values) % 2
                      else (values[middle - 1] + values[middle]) / 2)
        rows.append({"topic": topic_id,
                     "stated_minutes": counts.most_common(1)[0][0] if counts else None,
                     "learners_measured": len(values), "median_measured_minutes": median})
    return pd.DataFrame(rows, columns=MINUTES_COLUMNS)


def minutes_text(table) -> str:
    """Return the measured-minutes lines ``netlearn cohort`` prints (empty when none)."""
    if not len(table) or table["learners_measured"].sum() == 0:
        return ""
    lines = ["Measured minutes per notebook (median of learners who agreed to have them"
             " measured; a lower bound: the kernel sees clicks, not reading):"]
    for row in table.itertuples(index=False):
        if not row.learners_measured:
            continue
        median = ("too few learners, not shown" if row.median_measured_minutes
                  != row.median_measured_minutes else f"median {row.median_measured_minutes:g}")
        stated = "" if row.stated_minutes is None else f", stated {row.stated_minutes:g}"
        lines.append(f"  {row.topic}: {median} ({row.learners_measured} measured{stated})")
    return "\n".join(lines)


def topic_overview(frame):
    """Return one row per topic: learners who started and completed it, mean first-attempt
    quiz score, mean self-rating before and after (over learners who gave both) and how
    many did; older summaries' latest-attempt quiz scores in columns of their own.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        Index: topic, in course order.
    """
    import pandas as pd

    counts = participation(frame)
    quiz = frame.groupby("topic", observed=False)["quiz_percent"].agg(["mean", "count"])
    quiz.index = quiz.index.astype(str)
    ratings = before_after(frame)
    table = pd.DataFrame({
        "started": counts["started"],
        "completed": counts["completed"],
        "quiz_first_try_mean_percent": quiz["mean"].round(1),
        "quiz_learners": quiz["count"].astype(int),
    })
    older = frame.groupby("topic", observed=False)["older_latest_percent"].agg(["mean", "count"])
    older.index = older.index.astype(str)
    if older["count"].sum() > 0:  # shown once some summary holds latest-attempt scores
        table["older_latest_mean_percent"] = older["mean"].round(1)
        table["older_latest_learners"] = older["count"].astype(int)
    table["self_before"] = ratings["before"].round(2)
    table["self_after"] = ratings["after"].round(2)
    table["self_n"] = ratings["n"]
    table["self_n"] = table["self_n"].fillna(0).astype(int)
    if ratings["n_check_in"].sum() > 0:  # shown once some learner has done the check-in
        table["self_checkin"] = ratings["check_in"].round(2)
        table["self_checkin_n"] = ratings["n_check_in"].reindex(table.index).fillna(0).astype(int)
    table.index.name = "topic"
    return table


# -- the dashboard notebook's folders ------------------------------------------------------


def demo_summaries_dir() -> Path:
    """Return the folder of generated demo summaries shipped with netlearn."""
    return Path(__file__).resolve().parents[1] / "data" / "demo-summaries"


def uploads_dir() -> Path:
    """Return where the dashboard keeps uploaded summaries (``NETLEARN_HOME/cohort-uploads``)."""
    from netlearn.plumbing.paths import data_home

    return data_home() / "cohort-uploads"


def dashboard_sources(folder=None, uploads=None) -> list[Path]:
    """Return what the dashboard reads: ``folder`` (if given) plus uploaded summaries.

    With neither a folder nor any upload, the demo summaries, so the dashboard
    always has something to show.
    """
    sources = [Path(folder).expanduser()] if folder else []
    if uploads is not None and Path(uploads).is_dir() and any(Path(uploads).glob("*.json")):
        sources.append(Path(uploads))
    return sources or [demo_summaries_dir()]


def save_uploads(uploads, directory) -> tuple[list[Path], list[str]]:
    """Save files from a FileUpload widget as summaries in ``directory``.

    Parameters
    ----------
    uploads : iterable of mapping
        ``{"name": str, "content": bytes or memoryview}`` (ipywidgets 8 FileUpload values).
    directory : path-like
        Created when missing. Names are reduced to safe characters; an existing
        different file of the same name is kept and the upload saved beside it.

    Returns
    -------
    saved : list of Path
    problems : list of str
        One line per upload not saved (too large), naming it.
    """
    target = Path(directory)
    saved, problems = [], []
    for upload in uploads:
        name = Path(str(upload.get("name", "summary.json"))).name
        content = bytes(upload.get("content", b""))
        if len(content) > MAX_SUMMARY_BYTES:
            problems.append(f"{name}: is larger than {MAX_SUMMARY_BYTES // 1_000_000} MB, "
                            "not a summary; skipped")
            continue
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip(".-") or "summary"
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"{stem[:80]}.json"
        number = 2
        while path.exists() and path.read_bytes() != content:
            path = target / f"{stem[:80]}-{number}.json"
            number += 1
        path.write_bytes(content)
        saved.append(path)
    return saved, problems


# -- the whole run ---------------------------------------------------------------------




def enough_learners(summaries, min_learners: int = MIN_LEARNERS) -> bool:
    """Whether a group is large enough for per-topic and per-question results."""
    return len(summaries) >= min_learners


def counts_only_note(summaries, min_learners: int = MIN_LEARNERS) -> str:
    """The line a dashboard shows instead of results for a group below ``min_learners``."""
    return (f"{len(summaries)} learner(s): fewer than {min_learners}, so only how many started and "
            "completed each topic is shown — no scores or ratings, which in a group this small "
            "could reveal one learner's answers")


def dashboard_overview(summaries, min_learners: int = MIN_LEARNERS):
    """The per-topic table a dashboard may show: results, or only counts in a small group.

    Returns
    -------
    pandas.DataFrame
        :func:`topic_overview` from ``min_learners`` learners on, else :func:`participation`.
    """
    frame = aggregate(summaries)
    if enough_learners(summaries, min_learners):
        return topic_overview(frame)
    return participation(frame)


def write_counts_only(summaries, out_dir) -> list[Path]:
    """Write participation.csv (per topic: learners who started and completed it) and its chart.

    What a cohort smaller than :data:`MIN_LEARNERS` gets: counts, no scores or ratings,
    and no row per learner.
    """
    from netlearn.charts import cohort as cohort_charts

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    table = participation(aggregate(summaries))
    target = out / "participation.csv"
    partial = target.with_name(target.name + ".part")
    table.to_csv(partial, index=True)
    partial.replace(target)
    written = [target]
    fig, ax = _figure()
    cohort_charts.plot_participation(table, n_learners=len(summaries), ax=ax)
    chart = out / "participation.png"
    partial = chart.with_name(chart.stem + ".part.png")
    fig.savefig(partial, dpi=120)
    partial.replace(chart)
    written.append(chart)
    return written


def _figure():
    """A figure and axes for a PNG file, without pyplot (the learner's backend stays as it is)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 5), layout="constrained")
    return fig, fig.subplots()


def write_outputs(summaries, out_dir, min_learners: int = MIN_LEARNERS) -> list[Path]:
    """Write the cohort's tables and the three charts for usable summaries.

    cohort.csv, activity.csv, items.csv, item_analysis.csv, options.csv and minutes.csv
    (:func:`item_analysis`, :func:`option_table` and :func:`minutes_table`, over
    first-attempt summaries), before_after.png, quiz_scores.png and participation.png.
    Callers check the group size first (:data:`MIN_LEARNERS`, :func:`run_cohort`).

    Parameters
    ----------
    summaries : list of dict
    out_dir : path-like
        Created when missing.
    min_learners : int
        Fewest learners for an item's p and option counts, and a notebook's median minutes.

    Returns
    -------
    list of Path
        The files written.
    """
    from netlearn.charts import cohort as cohort_charts

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frame = aggregate(summaries)
    first = first_attempt_summaries(summaries)
    written = [_write_csv(frame, out / "cohort.csv"),
               _write_csv(activity_table(summaries), out / "activity.csv"),
               _write_csv(item_table(summaries), out / "items.csv"),
               _write_csv(analysis(first, min_learners), out / "item_analysis.csv"),
               _write_csv(option_table(first, min_learners), out / "options.csv"),
               _write_csv(minutes_table(summaries, min_learners), out / "minutes.csv")]
    n = len(summaries)
    charts = (
        ("before_after.png",
         lambda ax: cohort_charts.plot_before_after(before_after(frame), ax=ax)),
        ("quiz_scores.png", lambda ax: cohort_charts.plot_quiz_scores(frame, ax=ax)),
        ("participation.png",
         lambda ax: cohort_charts.plot_participation(participation(frame), n_learners=n, ax=ax)),
    )
    for name, draw in charts:
        fig, ax = _figure()
        draw(ax)
        target = out / name
        partial = target.with_name(target.stem + ".part.png")
        fig.savefig(partial, dpi=120)
        partial.replace(target)
        written.append(target)
    return written


def analysis(summaries, min_learners: int = MIN_LEARNERS):
    """The item analysis (:func:`netlearn.facilitator.item_analysis.item_analysis`) with the
    group's minimum: p and option counts from ``min_learners``, the discrimination index
    from 20 (or ``min_learners``, if more)."""
    return item_analysis(summaries, min_learners, max(MIN_DISCRIMINATION, min_learners))


def _write_csv(frame, target: Path) -> Path:
    partial = target.with_name(target.name + ".part")
    frame.to_csv(partial, index=False)
    partial.replace(target)
    return target


def report(summaries, problems) -> str:
    """Return the short text report: learners, how their quizzes were scored, items answered
    in more than one version, skipped files with reasons."""
    lines = [f"{len(summaries)} learner summar{'y' if len(summaries) == 1 else 'ies'} used"]
    if summaries:
        days = sorted(s["exported_on"] for s in summaries)
        span = days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
        lines[0] += f" (exported {span})"
    older = len(summaries) - len(first_attempt_summaries(summaries))
    if older:
        lines.append(
            f"{older} of them {'is' if older == 1 else 'are'} older summar"
            f"{'y' if older == 1 else 'ies'} holding latest-attempt quiz scores: reported apart"
            " (older_latest_* in cohort.csv, scoring in items.csv), never pooled with"
            " first-attempt scores, and left out of the item analysis")
    split = split_items(summaries)
    if split:
        lines.append(f"{len(split)} quiz item(s) answered in more than one version:")
        lines.extend(f"  {line}" for line in split)
    if problems:
        lines.append(f"{len(problems)} file(s) skipped:")
        lines.extend(f"  {p}" for p in problems)
    return "\n".join(lines)


def run_cohort(files, out_dir, min_learners: int = MIN_LEARNERS) -> int:
    """Aggregate summaries into ``out_dir`` and print a short report (``netlearn cohort``).

    Parameters
    ----------
    files : list of path-like
        Summary files (or directories of them).
    out_dir : path-like
        Where cohort.csv, activity.csv, items.csv (per quiz item and version),
        item_analysis.csv, options.csv, minutes.csv, before_after.png, quiz_scores.png and
        participation.png go (:func:`write_outputs`). The item analysis and the measured
        minutes are printed too.
    min_learners : int
        With fewer usable summaries, only per-topic counts are written
        (:func:`write_counts_only`), so that no learner's answers can be inferred.

    Returns
    -------
    int
        0 when at least one summary was usable, else 1 (after a one-line error).
    """
    summaries, problems = load_summaries(files)
    if not summaries:
        print(report(summaries, problems))
        print(f"netlearn: no usable summary among {len(problems)} file(s); nothing written",
              file=sys.stderr)
        return 1
    print(report(summaries, problems))
    if len(summaries) < min_learners:
        written = write_counts_only(summaries, out_dir)
        print(f"fewer than {min_learners} learners: only counts were written, no scores or "
              "ratings, so that no one's answers can be inferred (--min-learners changes this)")
    else:
        written = write_outputs(summaries, out_dir, min_learners)
        print(analysis_report(summaries, min_learners))
        minutes = minutes_text(minutes_table(summaries, min_learners))
        if minutes:
            print(minutes)
    for path in written:
        print(f"wrote {path}")
    return 0


def analysis_report(summaries, min_learners: int = MIN_LEARNERS) -> str:
    """Return the printed item analysis: a heading saying what it counts, and the table."""
    first = first_attempt_summaries(summaries)
    if not first:
        return ("Item analysis: no summary scores quizzes on first attempts yet (older"
                " summaries hold latest attempts), so there is none")
    table = analysis(first, min_learners)
    heading = (f"Item analysis of first attempts ({len(first)} learner(s); p = share right on"
               f" the first try, from {min_learners} learners; D = point-biserial"
               f" discrimination against the rest score, from"
               f" {max(MIN_DISCRIMINATION, min_learners)}; a judgement item's responses are"
               " counted as rated best/acceptable/poor):")
    return heading + "\n" + analysis_text(table)
