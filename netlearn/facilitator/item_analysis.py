"""Classical item analysis of first-attempt quiz answers, for facilitators (pure).

Over the summaries that score quizzes on first attempts (format 3 on; older summaries hold
latest-attempt scores and never enter it), per quiz item and content version:

- **p**, the proportion of learners right on their first try (a judgement item counts as
  right from a score of 0.75, as the quiz says "Correct");
- **option counts**: how often each option was chosen on the first try (a judgement item:
  how often each response was rated best, acceptable and poor);
- **discrimination**: the point-biserial correlation between the item (1 right on the first
  try, 0 not) and the learner's *rest score*, the share of their other first-attempt items
  right over the whole course (current versions only, the item itself left out)::

      r_pb = (M1 - M0) / s * sqrt(p * (1 - p))

  where M1 and M0 are the mean rest scores of the learners right and not right on the
  item, s the standard deviation of the rest scores (dividing by n) and p the share right,
  all over the learners who answered the item and at least one other. It equals Pearson's r
  of the two. Positive: learners who do well elsewhere get this item right more often.

p and option counts are given from :data:`MIN_LEARNERS` learners on (as every per-question
result of ``netlearn cohort``), the discrimination index from :data:`MIN_DISCRIMINATION`
learners on, below which it is mostly noise. Flags: *too easy* (p > 0.9), *too hard*
(p < 0.3), *misleading* (a distractor chosen more often than a keyed option; a response
the course rates best or poor given the opposite rating more often than the course's; or a
negative discrimination index).
"""

from __future__ import annotations

import json
import math
from collections import Counter

MIN_LEARNERS = 5
MIN_DISCRIMINATION = 20
ANALYSIS_COLUMNS = ["topic", "item", "version", "current", "learners", "p", "discrimination",
                    "flags", "options", "key"]
OPTION_COLUMNS = ["topic", "item", "version", "option", "course", "answer", "learners"]
TOO_EASY = 0.9
TOO_HARD = 0.3
_OPPOSITE = {"best": "poor", "poor": "best"}


def reference_versions(summaries) -> dict:
    """Return (topic, item) -> the item's content version most summaries were made with.

    Ties go to the version seen first.
    """
    counts: dict[tuple, Counter] = {}
    for summary in summaries:
        for topic_id, entry in summary["topics"].items():
            versions = (entry.get("quiz") or {}).get("item_versions") or {}
            for item, version in versions.items():
                counts.setdefault((str(topic_id), str(item)), Counter())[version] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in counts.items()}


def _first_answers(summary):
    """(topic, item) -> (version, first-attempt answer, key or None) of one summary."""
    found = {}
    for topic_id, entry in summary["topics"].items():
        quiz = entry.get("quiz") or {}
        versions = quiz.get("item_versions") or {}
        keys = quiz.get("item_keys") or {}
        for item, answer in (quiz.get("answers") or {}).items():
            key = keys.get(item) if versions.get(item) == answer["version"] else None
            found[(str(topic_id), str(item))] = (answer["version"], answer, key)
    return found


def item_analysis(summaries, min_learners: int = MIN_LEARNERS,
                  min_discrimination: int = MIN_DISCRIMINATION):
    """Return the item analysis: one row per quiz item per content version.

    Parameters
    ----------
    summaries : list of dict
        Usable summaries that score on first attempts (format 3 on).
    min_learners : int
        Fewest learners for p, option counts and flags.
    min_discrimination : int
        Fewest learners for the discrimination index.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, ``item``, ``version``, ``current`` (the version most summaries
        were made with), ``learners`` (who answered that version), ``p``,
        ``discrimination`` (NaN where not given), ``flags`` ("; "-separated), ``options``
        (e.g. ``"a 2 · b* 10 · c 3"``, ``*`` marking the key; a judgement item's
        responses as ``"a(best) 9/2/1"``: rated best/acceptable/poor) and ``key``.
    """
    import pandas as pd

    reference = reference_versions(summaries)
    learners = [_first_answers(s) for s in summaries]
    groups: dict[tuple, list] = {}
    for answers in learners:
        for (topic_id, item), (version, answer, key) in answers.items():
            groups.setdefault((topic_id, item, version), []).append((answers, answer, key))
    rows = []
    for (topic_id, item, version), group in groups.items():
        key = _common_key([k for _, _, k in group])
        n = len(group)
        row = {"topic": topic_id, "item": item, "version": version,
               "current": reference.get((topic_id, item), version) == version,
               "learners": n, "p": float("nan"), "discrimination": float("nan"),
               "flags": "", "options": "", "key": _key_text(key)}
        if n >= min_learners:
            p = sum(1 for _, a, _ in group if a["correct"]) / n
            counts = option_counts([a.get("chosen") for _, a, _ in group], key)
            flags = _flags(p, counts, key)
            row.update(p=round(p, 3), options=_options_text(counts, key))
            if n >= min_discrimination:
                index = point_biserial([
                    (a["correct"], rest) for answers, a, _ in group
                    if (rest := _rest_score(answers, (topic_id, item), reference)) is not None])
                if index is not None:
                    row["discrimination"] = round(index, 3)
                    if index < 0:
                        flags.append("misleading: negative discrimination")
            row["flags"] = "; ".join(flags)
        rows.append(row)
    order = _course_order(summaries)
    rows.sort(key=lambda r: (order.get((r["topic"], r["item"]), len(order)), not r["current"],
                             r["version"]))
    return pd.DataFrame(rows, columns=ANALYSIS_COLUMNS)


def _course_order(summaries) -> dict:
    """(topic, item) -> its place in the course, as the summaries list topics and items."""
    order: dict[tuple, int] = {}
    for summary in summaries:
        for topic_id, entry in summary["topics"].items():
            quiz = entry.get("quiz") or {}
            for item in [*(quiz.get("item_versions") or {}), *(quiz.get("answers") or {})]:
                order.setdefault((str(topic_id), str(item)), len(order))
    return order


def _common_key(keys):
    known = [json.dumps(k, sort_keys=True) for k in keys if k is not None]
    return json.loads(Counter(known).most_common(1)[0][0]) if known else None


def _is_judgement(key) -> bool:
    return bool(key) and all(isinstance(v, str) for v in key.values())


def _keyed(key) -> set:
    return {option for option, right in (key or {}).items() if right is True}


def _key_text(key) -> str:
    if _is_judgement(key):
        return " ".join(f"{rid}:{rating}" for rid, rating in key.items())
    return " ".join(sorted(_keyed(key)))


def option_counts(chosen, key) -> dict:
    """Count first-attempt choices.

    Parameters
    ----------
    chosen : iterable
        Each learner's chosen option ids (a list) or response id -> rating (a dict);
        None where not known.
    key : dict or None
        The item's key (:func:`netlearn.teaching.grading.item_key`): option id -> correct,
        or response id -> the course's rating.

    Returns
    -------
    dict
        Option id -> learners who chose it (choice items, every option of the key listed),
        or response id -> Counter of ratings (judgement items), by id.
    """
    if _is_judgement(key):
        counts = {rid: Counter() for rid in key}
        for choice in chosen:
            for rid, rating in (choice or {}).items() if isinstance(choice, dict) else ():
                counts.setdefault(rid, Counter())[rating] += 1
        return dict(sorted(counts.items()))
    counts = Counter({option: 0 for option in key or ()})
    for choice in chosen:
        counts.update(choice if isinstance(choice, list) else ())
    return dict(sorted(counts.items()))


def _options_text(counts: dict, key) -> str:
    if _is_judgement(key):
        return " · ".join(f"{rid}({key.get(rid, '?')}) {c['best']}/{c['acceptable']}/{c['poor']}"
                          for rid, c in counts.items())
    keyed = _keyed(key)
    return " · ".join(f"{option}{'*' if option in keyed else ''} {n}"
                      for option, n in counts.items())


def _flags(p: float, counts: dict, key) -> list[str]:
    flags = []
    if p > TOO_EASY:
        flags.append(f"too easy (p > {TOO_EASY})")
    if p < TOO_HARD:
        flags.append(f"too hard (p < {TOO_HARD})")
    if _is_judgement(key):
        for rid, course in key.items():
            opposite = _OPPOSITE.get(course)
            if opposite and counts[rid][opposite] > counts[rid][course]:
                flags.append(f"misleading: response {rid} rated {opposite} more often than"
                             f" {course}")
    elif _keyed(key):
        least = min(counts[k] for k in _keyed(key))
        for option, n in counts.items():
            if option not in _keyed(key) and n > least:
                flags.append(f"misleading: option {option} chosen more often than the key")
    return flags


def _rest_score(answers: dict, item: tuple, reference: dict) -> float | None:
    """The share of a learner's other first-attempt items (current versions) right."""
    others = [a["correct"] for key, (version, a, _) in answers.items()
              if key != item and reference.get(key) == version]
    return sum(others) / len(others) if others else None


def point_biserial(pairs) -> float | None:
    """Return the point-biserial correlation of 0/1 outcomes with scores.

    Parameters
    ----------
    pairs : iterable of (bool, float)
        (right on the item, rest score) per learner.

    Returns
    -------
    float or None
        ``(M1 - M0) / s * sqrt(p * (1 - p))``; None when fewer than two learners, when
        all or none were right, or when the scores do not vary.
    """
    pairs = [(bool(right), float(score)) for right, score in pairs]
    n = len(pairs)
    right = [score for ok, score in pairs if ok]
    wrong = [score for ok, score in pairs if not ok]
    if n < 2 or not right or not wrong:
        return None
    mean = sum(score for _, score in pairs) / n
    spread = math.sqrt(sum((score - mean) ** 2 for _, score in pairs) / n)
    if spread == 0:
        return None
    p = len(right) / n
    return (sum(right) / len(right) - sum(wrong) / len(wrong)) / spread * math.sqrt(p * (1 - p))


def option_table(summaries, min_learners: int = MIN_LEARNERS):
    """Return how often each option was chosen on the first try, long form.

    One row per item, version, option and answer (``"chosen"`` for a choice item; each
    rating for a judgement item's response), only for item versions answered by at least
    ``min_learners``. Columns :data:`OPTION_COLUMNS`;
    ``course`` is ``"correct"``/``"not correct"`` or the course's rating.
    """
    import pandas as pd

    groups: dict[tuple, list] = {}
    for summary in summaries:
        for (topic_id, item), (version, answer, key) in _first_answers(summary).items():
            groups.setdefault((topic_id, item, version), []).append((answer, key))
    rows = []
    for (topic_id, item, version), group in groups.items():
        if len(group) < min_learners:
            continue
        key = _common_key([k for _, k in group])
        counts = option_counts([a.get("chosen") for a, _ in group], key)
        for option, count in counts.items():
            if _is_judgement(key):
                rows.extend({"topic": topic_id, "item": item, "version": version,
                             "option": option, "course": key.get(option, ""), "answer": rating,
                             "learners": count[rating]} for rating in ("best", "acceptable",
                                                                       "poor"))
            else:
                rows.append({"topic": topic_id, "item": item, "version": version,
                             "option": option,
                             "course": "correct" if option in _keyed(key) else "not correct",
                             "answer": "chosen", "learners": count})
    return pd.DataFrame(rows, columns=OPTION_COLUMNS)


def analysis_text(table) -> str:
    """Return the item analysis as a plain-text table for the terminal (one line per row)."""
    headers = ("topic", "item", "version", "n", "p", "D", "options (first try; * key)", "flags")
    lines = []
    for row in table.itertuples(index=False):
        p = "" if row.p != row.p else f"{row.p:.2f}"  # NaN: not shown
        d = "" if row.discrimination != row.discrimination else f"{row.discrimination:+.2f}"
        version = row.version[:8] + ("" if row.current else " (earlier)")
        lines.append((str(row.topic), str(row.item), version, str(row.learners), p, d,
                      row.options, row.flags))
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *lines, strict=True)]
    return "\n".join("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True))
                     .rstrip() for line in (headers, *lines))
