"""Retrieval across the course: the items that open notebooks 02–06 and those the check-in asks.

Which items
-----------
- **Openers** (:func:`select_openers`): from notebook 02 on, each notebook opens with up to
  :data:`OPENER_ITEMS` items from *earlier* notebooks' objectives: first the items the learner
  got wrong on the first try, then reserve items they have not seen, those on objectives they
  missed first. An opener never takes the last unseen reserve item of an objective, so the
  check-in keeps a new item for every objective.
- **The check-in** (:func:`select_checkin`, notebook 07): one item the learner has not seen for
  every objective of notebooks 01–05, the objectives they missed on the first try first; only
  where an objective has no unseen item left does it re-ask an item missed on the first try.

Neither ever shows an item the learner got right on the first try, or a pre-question
(``pretest: true``, kept apart in ``Topic.pretest_questions``). The order is seeded with the
learner's seed, so it is the same on every visit and differs between learners.

Is an opener's answer a first try?
----------------------------------
An opener's answer is stored as an attempt of kind :data:`RETRIEVAL_KIND` under the notebook
that asked it, so the time spent is the notebook's and the quiz of the item's own notebook is
untouched (its "after retries" result included). For choosing retrieval items it counts as an
attempt at the item, like every attempt (:func:`course_record`): a reserve item first met in an
opener has its first try there, and a miss there makes its objective a missed one. For
reporting it never counts: the course map, notebook 06, the summary and ``netlearn cohort``
score each notebook's quiz on its own first tries, and an opener can only re-ask a quiz item
whose first try (wrong) was in the quiz.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netlearn.teaching import grading

OPENER_ITEMS = 3  # "2–3 retrieval items" per notebook; three when there are enough
RETRIEVAL_KIND = "retrieval"  # the answers' kind for opener attempts
SETTING_PREFIX = "retrieval:"  # + the notebook's topic id: the items its screen showed


@dataclass(frozen=True)
class Record:
    """What the learner has done with the course's retrieval items.

    Attributes
    ----------
    first : dict
        Item id -> whether the first try at the item's current version was right.
    answered : frozenset of str
        Items with any stored attempt (any version, reset or not).
    shown : frozenset of str
        Items a retrieval screen (an opener or the check-in) has already shown.
    """

    first: Mapping
    answered: frozenset = frozenset()
    shown: frozenset = frozenset()

    def missed(self, question: Mapping) -> bool:
        """True when the first try at this item was wrong."""
        return self.first.get(question["id"]) is False

    def unseen(self, question: Mapping) -> bool:
        """True when the learner has neither answered nor been shown this item."""
        return question["id"] not in self.answered and question["id"] not in self.shown


def retrieval_items(course) -> list[tuple[str, dict]]:
    """Return ``(topic id, question)`` for every quiz and reserve item of the mistake topics."""
    return [(topic.id, question) for topic in course.mistakes
            for question in [*topic.questions, *topic.reserve_questions]]


def course_record(course, attempts: Iterable, shown: Iterable = (),
                  history: Mapping | None = None) -> Record:
    """Return the learner's :class:`Record` from their stored attempts (pure).

    Parameters
    ----------
    course : netlearn.teaching.content.Course
    attempts : iterable of mapping
        Attempts from any notebook and kind but pre-questions (quiz answers, opener answers,
        check-in answers), as :meth:`netlearn.store.Store.quiz_attempts` returns them. Item ids
        are unique in the course, so where an attempt was made does not matter.
    shown : iterable of str
        Ids of items retrieval screens have shown.
    history : mapping, optional
        As :func:`netlearn.teaching.grading.first_tries`.
    """
    attempts = list(attempts)
    questions = [q for _, q in retrieval_items(course)]
    first = grading.first_tries(questions, attempts, history)
    return Record({qid: found.result.correct for qid, found in first.items()},
                  frozenset(str(a.get("item_id")) for a in attempts), frozenset(shown))


def earlier_topics(course, topic_id: str) -> list:
    """Return the mistake topics that come before ``topic_id`` in the course."""
    ids = [t.id for t in course.topics]
    if topic_id not in ids:
        raise KeyError(f"no topic {topic_id!r} in course.yaml")
    before = set(ids[:ids.index(topic_id)])
    return [t for t in course.mistakes if t.id in before]


def _missed_objectives(pairs, record: Record) -> set:
    return {o for _, q in pairs if record.missed(q) for o in q.get("objectives", [])}


def _seeded(pairs: list, salt: str) -> list:
    """``(topic id, question)`` pairs in the learner's seeded order of their question ids."""
    by_id = {q["id"]: (t, q) for t, q in pairs}
    return [by_id[q["id"]] for q in grading.stable_order([q for _, q in pairs], salt)]


def _objectives(pair) -> set:
    return set(pair[1].get("objectives", []))


def _pick(pairs: list, chosen: list, limit: int, allowed=None) -> None:
    """Add items of ``pairs`` to ``chosen``, in order, up to ``limit``: first only items on
    objectives ``chosen`` does not test yet, then any; ``allowed(pair)`` may refuse one."""
    for spread in (True, False):
        for pair in pairs:
            if len(chosen) >= limit:
                return
            covered = set().union(*map(_objectives, chosen))
            if pair in chosen or (spread and _objectives(pair) & covered):
                continue
            if allowed is None or allowed(pair):
                chosen.append(pair)


def select_openers(course, topic_id: str, record: Record, seed: str = "",
                   limit: int = OPENER_ITEMS) -> list[tuple[str, dict]]:
    """Choose the retrieval items that open a notebook (02–06), from earlier notebooks (pure).

    Parameters
    ----------
    course : netlearn.teaching.content.Course
    topic_id : str
        The notebook the items open.
    record : Record
        From :func:`course_record`.
    seed : str
        The learner's seed (:meth:`netlearn.store.Store.option_seed`).
    limit : int
        The most items to choose.

    Returns
    -------
    list of (topic id, question)
        First-try misses not yet shown by another retrieval screen, then unseen reserve
        items (on objectives missed on the first try first), one per objective while there
        is a choice; never an item right on the first try, never a pre-question, and never
        the last unseen reserve item of an objective (the check-in's).
    """
    pool = [(t.id, q) for t in earlier_topics(course, topic_id)
            for q in [*t.questions, *t.reserve_questions]]
    salt = f"{seed}\x00openers\x00{topic_id}"
    chosen: list = []
    misses = [p for p in pool if record.missed(p[1]) and p[1]["id"] not in record.shown]
    _pick(_seeded(misses, salt), chosen, limit)
    missed = _missed_objectives(pool, record)
    reserves = _seeded([p for p in pool if p[1].get("reserve") and record.unseen(p[1])], salt)
    reserves.sort(key=lambda p: not _objectives(p) & missed)  # stable: seeded within each
    spare = _spare_reserves(course, record)

    def keeps_one_for_the_checkin(pair) -> bool:
        taken = [q for _, q in chosen if q.get("reserve") and record.unseen(q)]
        return all(spare.get(o, 0) - sum(o in q.get("objectives", []) for q in taken) >= 2
                   for o in _objectives(pair))

    _pick(reserves, chosen, limit, keeps_one_for_the_checkin)
    return chosen


def _spare_reserves(course, record: Record) -> dict:
    """Objective id -> how many unseen reserve items test it."""
    spare: dict[str, int] = {}
    for _, question in retrieval_items(course):
        if question.get("reserve") and record.unseen(question):
            for objective in question.get("objectives", []):
                spare[objective] = spare.get(objective, 0) + 1
    return spare


def course_objectives(course) -> list[str]:
    """Return the objective ids of the mistake topics, in course order."""
    return [o["id"] for topic in course.mistakes for o in topic.objectives]


def select_checkin(course, record: Record, seed: str = "") -> list[tuple[str, dict]]:
    """Choose the check-in's items (notebook 07): one new item for every objective (pure).

    Parameters
    ----------
    course : netlearn.teaching.content.Course
    record : Record
        From :func:`course_record`.
    seed : str
        The learner's seed: which of an objective's unseen items is asked.

    Returns
    -------
    list of (topic id, question)
        For each objective of notebooks 01–05, the objectives missed on the first try
        first (then course order): an unseen reserve item on it, or, where none is left,
        an item missed on the first try; an objective an earlier choice already tests gets
        no second item. Never an item right on the first try, never a pre-question.
    """
    pairs = retrieval_items(course)
    missed = _missed_objectives(pairs, record)
    objectives = course_objectives(course)
    order = [o for o in objectives if o in missed] + [o for o in objectives if o not in missed]
    fresh = _seeded([p for p in pairs if p[1].get("reserve") and record.unseen(p[1])],
                    f"{seed}\x00check-in")
    again = [p for p in pairs if record.missed(p[1])]
    chosen, covered = [], set()
    for objective in order:
        if objective in covered:
            continue
        for candidates in (fresh, again):
            pair = next((p for p in candidates if objective in p[1].get("objectives", [])
                         and p not in chosen), None)
            if pair is not None:
                chosen.append(pair)
                covered |= set(pair[1].get("objectives", []))
                break
    return chosen


def uncovered_objectives(course, chosen: Iterable) -> list[str]:
    """Return the objective ids of notebooks 01–05 that no chosen item tests, in course order."""
    tested = {o for _, q in chosen for o in q.get("objectives", [])}
    return [o for o in course_objectives(course) if o not in tested]


def setting_key(topic_id: str) -> str:
    """Return the store setting that keeps the items a notebook's retrieval screen showed."""
    return f"{SETTING_PREFIX}{topic_id}"


def resolve(course, ids) -> list[tuple[str, dict]]:
    """Return ``(topic id, question)`` for stored item ids the course still has as retrieval
    items (a removed item, or one that became a pre-question, is left out)."""
    known = {q["id"]: (t, q) for t, q in retrieval_items(course)}
    ids = ids if isinstance(ids, list) else []
    return [known[i] for i in ids if isinstance(i, str) and i in known]
