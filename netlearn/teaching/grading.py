"""Pure grading functions: a learner's answer and the course content in, a score out.

Which attempt counts
--------------------
Every attempt at a quiz item is stored (:meth:`netlearn.store.Store.save_answer`) with the
item's content version (:func:`item_version`: its type, stem and options with their key) and
the time it was made. The **first attempt** at an item is what the course scores and reports
(the quiz's score line, the course map, notebook 06, the summary and ``netlearn cohort``):
it shows what the learner knew when they met the question. Later attempts are practice,
reported apart as the result "after retries": the latest attempt not cleared by a reset.

The first attempt at an item is the earliest stored attempt, by the time it was made, at the
item's *current* content version:

- **After a quiz reset** it stays the first attempt. A reset clears the answers on screen and
  the "after retries" result so the learner can practise afresh; the cleared attempts are
  kept, and having seen the feedback cannot be undone.
- **After an item change** (a new content version: its stem, options or key changed), the
  first attempt is the first answer to the new version. Answers to an earlier version are
  kept and shown as such, and never scored.
- **After a restored backup** (:mod:`netlearn.keep.archive`), attempts keep the times they
  were made, so the first is the earliest stored for that item version, whichever store it
  came from. Attempts made in the same second keep the order they were stored in.

An attempt stored without a version (store schema 2 and earlier) counts as given to the
item's first recorded default version (:mod:`netlearn.teaching.item_history`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RATINGS = ("best", "acceptable", "poor")
JUDGEMENT_PASS = 0.75
SHUFFLED_TYPES = ("single", "multiple")  # judgement responses and their ratings keep their order
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
PITCH_SECONDS = (30, 60)  # what career advisers commonly suggest: practice guidance, not research

CORRECT = "✓ Correct —"
PARTLY = "◐ Partly —"
NOT_QUITE = "✗ Not quite —"

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True)
class Result:
    """The outcome of grading one answer.

    Attributes
    ----------
    score : float
        Points earned, between 0 and ``max_score``.
    max_score : float
        Points available (1 for every quiz item).
    correct : bool
        Whether the answer counts as answered correctly.
    feedback : tuple of (str, str, bool)
        ``(option_id, text, is_right_pick)`` per option the learner picked (single and
        multiple choice) or rated (judgement: ``is_right_pick`` means the rating matches
        the course's exactly), in the question's order.
    summary : str
        One sentence for the learner, starting with "✓ Correct —", "◐ Partly —" or
        "✗ Not quite —" so that the verdict never depends on colour.
    """

    score: float
    max_score: float
    correct: bool
    feedback: tuple = ()
    summary: str = ""


# -- quiz items ----------------------------------------------------------------------


def grade_single(question: Mapping, choice_id) -> Result:
    """Grade a single-choice question.

    Parameters
    ----------
    question : mapping
        A ``type: single`` question from ``questions.yaml``.
    choice_id : str
        The id of the choice the learner picked.

    Returns
    -------
    Result
        Score 1 for the correct choice, else 0; feedback for the picked choice.

    Raises
    ------
    ValueError
        When nothing is picked or the id is not one of the question's choices.
    """
    _expect_type(question, "single")
    if choice_id is None or choice_id == "":
        raise ValueError("Choose an answer first, then check it.")
    choice = _options(question, "choices").get(choice_id)
    if choice is None:
        raise ValueError(f"{choice_id!r} is not one of this question's answers.")
    right = bool(choice["correct"])
    summary = (f"{CORRECT} that is the best answer." if right
               else f"{NOT_QUITE} that is not the best answer. Read why, then try again.")
    return Result(
        score=1.0 if right else 0.0, max_score=1.0, correct=right,
        feedback=((choice["id"], choice["feedback"], right),), summary=summary,
    )


def grade_multiple(question: Mapping, choice_ids: Iterable) -> Result:
    """Grade a "select all that apply" question, with partial credit.

    The score is ``max(0, right picks - wrong picks) / number of correct choices``;
    the answer is correct only when the picks are exactly the correct choices.

    Parameters
    ----------
    question : mapping
        A ``type: multiple`` question from ``questions.yaml``.
    choice_ids : iterable of str
        The ids of every choice the learner ticked (order does not matter).

    Returns
    -------
    Result
        Feedback for every picked choice, in the question's order.

    Raises
    ------
    ValueError
        When nothing is ticked or an id is not one of the question's choices.
    """
    _expect_type(question, "multiple")
    if isinstance(choice_ids, str):
        choice_ids = [choice_ids]
    picked = set(choice_ids or ())
    if not picked:
        raise ValueError("Tick at least one answer first, then check.")
    choices = _options(question, "choices")
    unknown = sorted(str(c) for c in picked - set(choices))
    if unknown:
        raise ValueError(f"{', '.join(unknown)} is not one of this question's answers.")
    correct_ids = {cid for cid, c in choices.items() if c["correct"]}
    right = len(picked & correct_ids)
    wrong = len(picked - correct_ids)
    needed = len(correct_ids)
    score = max(0, right - wrong) / needed if needed else 0.0
    exact = picked == correct_ids
    feedback = tuple(
        (cid, c["feedback"], bool(c["correct"])) for cid, c in choices.items() if cid in picked
    )
    if exact:
        summary = f"{CORRECT} you found {_count(needed, 'right answer')}."
    else:
        found = f"you found {right} of {_count(needed, 'right answer')}"
        extra = ""
        if wrong:
            extra = f" and ticked {_count(wrong, 'answer')} that {_is(wrong)} not right"
        verdict = PARTLY if score > 0 else NOT_QUITE
        summary = f"{verdict} {found}{extra}. Read why, then try again."
    return Result(score=score, max_score=1.0, correct=exact, feedback=feedback, summary=summary)


def rating_distance(rating: str, other: str) -> int:
    """Return how many steps apart two ratings are (best–acceptable–poor): 0, 1 or 2."""
    try:
        return abs(RATINGS.index(rating) - RATINGS.index(other))
    except ValueError:
        bad = rating if rating not in RATINGS else other
        raise ValueError(f"{bad!r} is not a rating; rate each response best, acceptable"
                         " or poor.") from None


def grade_judgement(question: Mapping, ratings: Mapping) -> Result:
    """Grade a situational-judgement question by closeness to the course's ratings.

    Each response earns 1 for the course's rating, 0.5 for one step away
    (best↔acceptable or acceptable↔poor) and 0 for best↔poor; the score is the
    mean, and the answer counts as correct from 0.75.

    Parameters
    ----------
    question : mapping
        A ``type: judgement`` question from ``questions.yaml``.
    ratings : mapping
        Response id -> ``"best"``, ``"acceptable"`` or ``"poor"``, for every response.

    Returns
    -------
    Result
        Feedback (the course's rating and rationale) for every response.

    Raises
    ------
    ValueError
        When a response is not rated, an id is unknown, or a rating is not one of the three.
    """
    _expect_type(question, "judgement")
    responses = _options(question, "responses")
    ratings = dict(ratings or {})
    unknown = sorted(str(r) for r in set(ratings) - set(responses))
    if unknown:
        raise ValueError(f"{', '.join(unknown)} is not one of this question's responses.")
    missing = [rid for rid in responses if not ratings.get(rid)]
    if missing:
        raise ValueError(f"Rate every response before checking: {len(missing)} of "
                         f"{len(responses)} still {_need(len(missing))} a rating.")
    credit = {0: 1.0, 1: 0.5, 2: 0.0}
    feedback, exact, near, total = [], 0, 0, 0.0
    for rid, response in responses.items():
        distance = rating_distance(ratings[rid], response["rating"])
        total += credit[distance]
        exact += distance == 0
        near += distance == 1
        text = (f"You rated this {ratings[rid]}; the course rates it {response['rating']}. "
                f"{response['rationale']}")
        feedback.append((rid, text, distance == 0))
    n = len(responses)
    score = total / n
    passed = score >= JUDGEMENT_PASS
    counts = f"{exact} of {n} ratings match the course's"
    if near:
        counts += f" and {near} {_is(near)} one step away"
    if score == 1:
        summary = f"{CORRECT} all {n} of your ratings match the course's."
    elif passed:
        summary = f"{CORRECT} close to the course's view: {counts}."
    elif score > 0:
        summary = f"{PARTLY} {counts}. Read the rationales, then try again."
    else:
        summary = f"{NOT_QUITE} none of your ratings is close to the course's. Read the " \
                  "rationales, then try again."
    return Result(score=score, max_score=1.0, correct=passed, feedback=tuple(feedback),
                  summary=summary)


_GRADERS = {"single": grade_single, "multiple": grade_multiple, "judgement": grade_judgement}


def grade(question: Mapping, answer) -> Result:
    """Grade an answer to any quiz item, dispatching on the question's ``type``.

    Parameters
    ----------
    question : mapping
        A question from ``questions.yaml``.
    answer : str, list of str or mapping
        A choice id (single), choice ids (multiple) or response id -> rating (judgement).

    Returns
    -------
    Result

    Raises
    ------
    ValueError
        When the question type is unknown or the answer is invalid.
    """
    grader = _GRADERS.get(question.get("type"))
    if grader is None:
        raise ValueError(f"question {question.get('id')!r} has unknown type "
                         f"{question.get('type')!r}")
    return grader(question, answer)


def quiz_score(results: Iterable) -> tuple[float, float]:
    """Return ``(score, max_score)`` summed over results.

    Parameters
    ----------
    results : iterable of Result or mapping
        Results, or stored attempts with ``"score"`` and ``"max_score"`` keys
        (as :meth:`netlearn.store.Store.last_answers` returns them).
    """
    score = max_score = 0.0
    for result in results:
        if isinstance(result, Mapping):
            score += float(result["score"])
            max_score += float(result["max_score"])
        else:
            score += float(result.score)
            max_score += float(result.max_score)
    return score, max_score


# -- branching scenarios -------------------------------------------------------------


def scenario_step(scenario: Mapping, node_id: str, choice_index: int) -> tuple[str, str, int]:
    """Follow one choice in a branching scenario.

    Parameters
    ----------
    scenario : mapping
        A scenario from ``scenarios.yaml``.
    node_id : str
        The node the learner is at.
    choice_index : int
        The 0-based index of the choice they made.

    Returns
    -------
    tuple of (str, str, int)
        The next node's id, the choice's feedback and the points it earns.

    Raises
    ------
    ValueError
        When the node is unknown or an ending, or the choice does not exist.
    """
    node = scenario["nodes"].get(node_id)
    if node is None:
        raise ValueError(f"scenario {scenario.get('id')!r} has no step {node_id!r}.")
    if node.get("ending"):
        raise ValueError("This conversation has ended; start again to make new choices.")
    choices = node.get("choices", [])
    if isinstance(choice_index, bool) or not isinstance(choice_index, int) \
            or not 0 <= choice_index < len(choices):
        raise ValueError(f"Choose one of the {len(choices)} options.")
    choice = choices[choice_index]
    return choice["next"], choice["feedback"], int(choice.get("points", 0))


def scenario_max_points(scenario: Mapping) -> int:
    """Return the most points a run from the start to any ending can earn.

    Every node is visited at most once per run, so a loop cannot add points forever.
    """
    nodes = scenario["nodes"]

    def best(node_id: str, visited: frozenset) -> int | None:
        node = nodes.get(node_id)
        if node is None:
            return None
        if node.get("ending"):
            return 0
        options = []
        for choice in node.get("choices", []):
            if choice["next"] in visited:
                continue
            rest = best(choice["next"], visited | {choice["next"]})
            if rest is not None:
                options.append(int(choice.get("points", 0)) + rest)
        return max(options) if options else None

    if _is_acyclic(nodes):
        memo: dict[str, int | None] = {}

        def best_dag(node_id: str) -> int | None:
            if node_id not in memo:
                node = nodes.get(node_id)
                if node is None:
                    memo[node_id] = None
                elif node.get("ending"):
                    memo[node_id] = 0
                else:
                    options = [
                        int(c.get("points", 0)) + rest
                        for c in node.get("choices", [])
                        if (rest := best_dag(c["next"])) is not None
                    ]
                    memo[node_id] = max(options) if options else None
            return memo[node_id]

        result = best_dag(scenario["start"])
    else:
        result = best(scenario["start"], frozenset({scenario["start"]}))
    return result or 0


def _is_acyclic(nodes: Mapping) -> bool:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(name: str) -> bool:
        state[name] = 1
        for choice in nodes.get(name, {}).get("choices", []):
            target = choice["next"]
            if state.get(target) == 1:
                return False
            if target in nodes and target not in state and not visit(target):
                return False
        state[name] = 2
        return True

    return all(visit(name) for name in nodes if name not in state)


# -- elevator pitch ------------------------------------------------------------------


def pitch_stats(text: str, words_per_minute: int) -> tuple[int, float]:
    """Count a pitch's words and estimate how long it takes to say.

    Parameters
    ----------
    text : str
        The pitch. Words are runs of letters or digits; "don't" and "well-known"
        count once, punctuation and dashes not at all.
    words_per_minute : int
        Speaking rate (the course's ``words_per_minute``).

    Returns
    -------
    tuple of (int, float)
        Number of words and speaking time in seconds (one decimal).

    Raises
    ------
    ValueError
        When the speaking rate is not positive.
    """
    if not words_per_minute or words_per_minute <= 0:
        raise ValueError("the speaking rate must be a positive number of words per minute")
    words = len(_WORD.findall(text or ""))
    return words, round(words * 60 / words_per_minute, 1)


def pitch_timing(seconds: float, low: float = PITCH_SECONDS[0],
                 high: float = PITCH_SECONDS[1]) -> str:
    """Return ``"under"``, ``"within"`` or ``"over"`` the suggested 30–60 seconds."""
    if seconds < low:
        return "under"
    if seconds > high:
        return "over"
    return "within"


# -- ordering ------------------------------------------------------------------------


def stable_order(items: Iterable, seed_text: str) -> list:
    """Shuffle items deterministically: the same seed always gives the same order.

    Each item is ranked by a SHA-256 hash of the seed and the item's identity (its
    ``"id"`` when it is a mapping with one, else ``str(item)``), so the order does not
    depend on Python's random state or hash seed.

    Parameters
    ----------
    items : iterable
        What to shuffle (e.g. a question's choices).
    seed_text : str
        E.g. the learner's seed plus the question id.

    Returns
    -------
    list
        A new list with the same items.
    """
    def rank(pair):
        index, item = pair
        identity = item.get("id") if isinstance(item, Mapping) and "id" in item else item
        digest = hashlib.sha256(f"{seed_text}\x00{identity}".encode()).hexdigest()
        return digest, index

    return [item for _, item in sorted(enumerate(items), key=rank)]


def option_order(question: Mapping, seed) -> list:
    """Return a question's options in the order one learner sees them.

    Single- and multiple-choice choices are shuffled by :func:`stable_order` over the
    learner's seed and the question id, so the order is the same on every visit and
    after a kernel restart, and differs between learners. A question with
    ``shuffle: false``, a judgement item's responses (and so its ratings) and an empty
    seed keep the written order.

    Parameters
    ----------
    question : mapping
        A question from ``questions.yaml``.
    seed : str
        The learner's option seed (:meth:`netlearn.store.Store.option_seed`).

    Returns
    -------
    list of mapping
        The question's choices (or responses), each unchanged: ids stay canonical.
    """
    options = list(question.get("choices") or question.get("responses") or [])
    if not seed or not shuffles(question):
        return options
    return stable_order(options, f"{seed}\x00{question.get('id', '')}")


def shuffles(question: Mapping) -> bool:
    """Return whether a question's options are shuffled per learner (single or multiple
    choice without ``shuffle: false``)."""
    return question.get("type") in SHUFFLED_TYPES and question.get("shuffle", True) is not False


def display_letters(count: int) -> list[str]:
    """Return the letters shown before ``count`` options in display order: a, b, c, …"""
    return [_LETTERS[i] if i < len(_LETTERS) else str(i + 1) for i in range(count)]


def item_version(question: Mapping) -> str:
    """Return the content version of a quiz item: a digest of its stem, options and key.

    The digest covers the item's type, its stem (the prompt, and a judgement item's
    situation) and, for each option, its id, its text and its key (``correct`` or
    ``rating``). Text is compared with runs of whitespace made one space, so re-wrapping
    the YAML changes nothing; options are taken in id order, so reordering them in the
    file keeps the version; feedback, rationales and the explanation are not part of it.
    An item whose stem or key changes therefore gets a new version, and answers to the old
    one are never scored against it. Past default versions are recorded in
    ``netlearn/data/item-history.json``: keep this function stable, or that history stops
    matching (versions of the first scheme, :func:`legacy_item_version`, are mapped to
    this one there).

    Parameters
    ----------
    question : mapping
        A question from ``questions.yaml``.

    Returns
    -------
    str
        16 hexadecimal digits.
    """
    stem = [_plain(question.get("prompt")), _plain(question.get("situation"))]
    return _digest([question.get("type"), stem, _option_shape(question)])


def legacy_item_version(question: Mapping) -> str:
    """Return an item's content version as netlearn computed it before the stem counted.

    The first scheme digested only the type and the options with their key, so a stem
    rewrite kept the version. Answers stored then carry such versions; the item history
    maps each default item's last one to :func:`item_version` of the same content, and
    :func:`regrade` uses this digest for items the history does not know.
    """
    return _digest([question.get("type"), _option_shape(question)])


def _option_shape(question: Mapping) -> list:
    options = question.get("choices") or question.get("responses") or []
    return sorted(
        [str(o.get("id")), _plain(o.get("text", "")),
         o["rating"] if "rating" in o else bool(o.get("correct"))]
        for o in options)


def _plain(text) -> str:
    return " ".join(str(text or "").split())


def _digest(shape) -> str:
    text = json.dumps(shape, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


def item_key(question: Mapping) -> dict:
    """Return an item's key by canonical id, in the item's order: choice id -> whether it
    is correct (single and multiple choice), or response id -> the course's rating."""
    if question.get("type") == "judgement":
        return {str(r["id"]): r["rating"] for r in question.get("responses") or []}
    return {str(c["id"]): bool(c.get("correct")) for c in question.get("choices") or []}


def chosen_options(question: Mapping, answer):
    """Return what an answer chose, in the item's canonical terms and order.

    Parameters
    ----------
    question : mapping
    answer : str, list of str or mapping
        An answer :func:`grade` accepts for ``question``.

    Returns
    -------
    list of str or dict
        The chosen option ids in the item's order (single and multiple choice), or
        response id -> rating (judgement). Ids the item does not have are left out, so
        nothing but the item's own ids and the three ratings can come back.
    """
    if question.get("type") == "judgement":
        ratings = answer if isinstance(answer, Mapping) else {}
        return {str(r["id"]): ratings[r["id"]] for r in question.get("responses") or []
                if ratings.get(r["id"]) in RATINGS}
    picked = {answer} if isinstance(answer, str) else set(answer or ())
    return [str(c["id"]) for c in question.get("choices") or [] if c["id"] in picked]


def answered_version(question: Mapping, saved: Mapping, past_versions=(),
                     same_content: Mapping | None = None) -> str:
    """Return the content version a stored answer was given to, in today's scheme.

    Parameters
    ----------
    question : mapping
        The item as the content has it now.
    saved : mapping
        A stored attempt with a ``"version"`` (``""`` when stored without one).
    past_versions : sequence of str
        The item's past default versions, oldest first
        (:func:`netlearn.teaching.item_history.load_history`).
    same_content : mapping, optional
        First-scheme version -> the same content's :func:`item_version`
        (``load_history()[...]`` carries it as ``same_content``).

    Returns
    -------
    str
        An answer stored without a version counts as given to the first past version
        (or, with none known, to the current item). A first-scheme version is mapped to
        the same content's version where the history records it; one the history does
        not know counts as the current item's when the current item's options and key
        still give it (the best evidence there is for a facilitator's own items).
    """
    current = item_version(question)
    stored = str(saved.get("version") or "")
    if not stored:
        if not past_versions:
            return current
        stored = past_versions[0]
    same_content = same_content or {}
    if stored in same_content:
        return same_content[stored]
    known = stored in past_versions or stored in same_content.values()
    if not known and stored == legacy_item_version(question):
        return current
    return stored


def regrade(question: Mapping, saved: Mapping, past_versions=(), same_content=None
            ) -> Result | None:
    """Grade a stored answer against the current item, or return None for an earlier version.

    Parameters
    ----------
    question : mapping
        The item as the content has it now.
    saved : mapping
        A stored attempt with ``"answer"`` and ``"version"`` (as
        :meth:`netlearn.store.Store.last_answers` returns it).
    past_versions, same_content
        As :func:`answered_version`.

    Returns
    -------
    Result or None
        None when the answer was given to another version of the item, or no longer
        fits it (an option it names is gone); such an answer is never scored.
    """
    if answered_version(question, saved, past_versions, same_content) != item_version(question):
        return None
    try:
        return grade(question, saved.get("answer"))
    except ValueError:
        return None


def current_results(questions: Iterable, latest: Mapping, history: Mapping | None = None
                    ) -> tuple[dict, list]:
    """Re-grade a topic's latest stored answers against its current items.

    The result "after retries": what the quiz shows on screen and the course reports
    beside the first attempt (:func:`quiz_outcome`).

    Parameters
    ----------
    questions : iterable of mapping
        The topic's quiz items as the content has them now.
    latest : mapping
        Item id -> stored attempt (:meth:`netlearn.store.Store.last_answers`).
    history : mapping, optional
        Item id -> past default versions (:func:`netlearn.teaching.item_history.load_history`;
        its ``same_content`` is used when it has one).

    Returns
    -------
    results : dict
        Item id -> Result, for answers to the current version of an item.
    earlier : list of str
        Ids of items last answered in an earlier version (never scored).
    """
    history = history or {}
    same = getattr(history, "same_content", {})
    results, earlier = {}, []
    for question in questions:
        saved = latest.get(question["id"])
        if saved is None:
            continue
        result = regrade(question, saved, history.get(question["id"], ()),
                         same.get(question["id"]))
        if result is None:
            earlier.append(question["id"])
        else:
            results[question["id"]] = result
    return results, earlier


@dataclass(frozen=True)
class FirstTry:
    """The first attempt at the current version of one item (see the module docstring).

    Attributes
    ----------
    result : Result
        The first attempt, re-graded against the current item.
    answer : str, list of str or mapping
        What was chosen: canonical option ids (or response id -> rating).
    attempts : int
        Attempts at the current version, those cleared by a reset included.
    """

    result: Result
    answer: object
    attempts: int


def first_tries(questions: Iterable, attempts: Iterable, history: Mapping | None = None
                ) -> dict[str, FirstTry]:
    """Return the first attempt at the current version of each item (pure).

    Parameters
    ----------
    questions : iterable of mapping
        The topic's quiz items as the content has them now.
    attempts : iterable of mapping
        Every stored attempt of the topic, reset ones included, each with ``"item_id"``,
        ``"answer"``, ``"version"`` and ``"created_at"`` (ISO time), as
        :meth:`netlearn.store.Store.quiz_attempts` returns them.
    history : mapping, optional
        As :func:`current_results`.

    Returns
    -------
    dict
        Item id -> :class:`FirstTry`, for items with an attempt at their current version.
        The first is the earliest by ``created_at``; attempts made at the same time keep
        the order they are given in.
    """
    history = history or {}
    same = getattr(history, "same_content", {})
    by_item: dict[str, list] = {}
    for index, attempt in enumerate(attempts):
        by_item.setdefault(str(attempt.get("item_id")), []).append(
            (str(attempt.get("created_at") or ""), index, attempt))
    found = {}
    for question in questions:
        qid = question["id"]
        past, aliases = history.get(qid, ()), same.get(qid)
        current = item_version(question)
        tries = [a for _, _, a in sorted(by_item.get(qid, []), key=lambda t: t[:2])
                 if answered_version(question, a, past, aliases) == current]
        for attempt in tries:
            result = regrade(question, attempt, past, aliases)
            if result is not None:  # an answer that no longer fits is never a first try
                found[qid] = FirstTry(result, attempt.get("answer"), len(tries))
                break
    return found


@dataclass(frozen=True)
class QuizOutcome:
    """A topic's quiz as the course reports it: first attempts, and the result after retries.

    Attributes
    ----------
    items : int
        Questions in the quiz.
    first : dict
        Item id -> :class:`FirstTry` (:func:`first_tries`).
    latest : dict
        Item id -> Result of the latest attempt not cleared by a reset, at the current
        version (:func:`current_results`).
    earlier : list of str
        Items last answered in an earlier version (never scored).
    """

    items: int
    first: dict
    latest: dict
    earlier: list

    @property
    def right_first(self) -> int:
        """Items answered correctly on the first try."""
        return sum(1 for t in self.first.values() if t.result.correct)

    @property
    def right_after_retries(self) -> int:
        """Items whose latest (not reset) answer is correct."""
        return sum(1 for r in self.latest.values() if r.correct)

    def line(self) -> str:
        """E.g. ``"right on the first try: 5 of 8; after retries: 8 of 8"``."""
        return (f"right on the first try: {self.right_first} of {self.items}; "
                f"after retries: {self.right_after_retries} of {self.items}")

    def words(self) -> str:
        """The quiz's result for the learner: the line, capitalised, and any answers to an
        earlier version; ``"not yet"`` before any answer."""
        if not (self.first or self.latest or self.earlier):
            return "not yet"
        text = self.line()
        text = text[0].upper() + text[1:]
        if self.earlier:
            text += f"; {_count(len(self.earlier), 'answer')} to an earlier version, not counted"
        return text


def quiz_outcome(questions, latest: Mapping, attempts: Iterable,
                 history: Mapping | None = None) -> QuizOutcome:
    """Return a topic's :class:`QuizOutcome` from its stored attempts (pure).

    Parameters
    ----------
    questions : sequence of mapping
        The topic's quiz items as the content has them now.
    latest : mapping
        Item id -> latest not-reset attempt (:meth:`netlearn.store.Store.last_answers`).
    attempts : iterable of mapping
        Every attempt, reset ones included (:meth:`netlearn.store.Store.quiz_attempts`).
    history : mapping, optional
        As :func:`current_results`.
    """
    questions = list(questions)
    results, earlier = current_results(questions, latest, history)
    return QuizOutcome(len(questions), first_tries(questions, attempts, history), results,
                       earlier)


# -- helpers -------------------------------------------------------------------------


def _expect_type(question: Mapping, expected: str) -> None:
    if question.get("type") != expected:
        raise ValueError(f"question {question.get('id')!r} is a {question.get('type')!r}"
                         f" question, not {expected!r}")


def _options(question: Mapping, key: str) -> dict:
    return {option["id"]: option for option in question.get(key, [])}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _is(n: int) -> str:
    return "is" if n == 1 else "are"


def _need(n: int) -> str:
    return "needs" if n == 1 else "need"
