"""Pre-questions: a notebook's warm-up items, answered before its teaching and never scored.

A pre-question (``pretest: true`` in ``questions.yaml``) is asked before the notebook's
teaching; trying to answer first, even wrongly, helps learners learn the answer when they
read it (the pretesting effect: Richland, Kornell & Kao, 2009). Its answers are stored as
attempts of kind :data:`PRETEST_KIND`, which no score, summary or item analysis reads (they
read kind ``"quiz"``). After the quiz, :func:`before_and_after` tells the learner which of
the pre-questions' objectives they got right before reading, and which they get right now.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from netlearn.teaching import grading

PRETEST_KIND = "pretest"
WARM_UP = ("A warm-up: guesses are fine; trying first helps you learn the answer later "
           "(Richland, Kornell & Kao, 2009). These questions are never scored.")


@dataclass(frozen=True)
class ObjectiveNow:
    """One pre-question objective, before the teaching and now.

    Attributes
    ----------
    objective : str
        The objective's id.
    text : str
        The objective as ``topic.yaml`` words it.
    before : bool or None
        Whether the pre-questions on it were right on their first try (None: not answered).
    right_now : int
        Quiz items on it right on the first try.
    answered_now : int
        Quiz items on it answered (at their current version).
    """

    objective: str
    text: str
    before: bool | None
    right_now: int
    answered_now: int

    @property
    def now(self) -> bool | None:
        """True when every quiz item on it answered so far was right on the first try
        (None before any is answered)."""
        return None if not self.answered_now else self.right_now == self.answered_now


@dataclass(frozen=True)
class BeforeAndAfter:
    """The pre-questions' objectives, before the teaching and in the quiz."""

    objectives: tuple

    def line(self) -> str:
        """E.g. ``"Before: 0 of 2 objectives right; now: 2 of 2"``."""
        total = len(self.objectives)
        before = sum(o.before is True for o in self.objectives)
        now = sum(o.now is True for o in self.objectives)
        return f"Before: {before} of {total} objectives right; now: {now} of {total}"

    @property
    def ready(self) -> bool:
        """True once some pre-question and some quiz item on its objectives are answered."""
        return any(o.before is not None for o in self.objectives) and any(
            o.answered_now for o in self.objectives)


def before_and_after(topic, pretest_attempts: Iterable, quiz_first: Mapping,
                     history: Mapping | None = None) -> BeforeAndAfter:
    """Compare a topic's pre-question answers with its quiz's first tries, objective by objective.

    Parameters
    ----------
    topic : netlearn.teaching.content.Topic
        Its ``pretest_questions``, ``questions`` and ``objectives``.
    pretest_attempts : iterable of mapping
        The topic's attempts of kind :data:`PRETEST_KIND` (``Store.quiz_attempts``).
    quiz_first : mapping
        Item id -> :class:`netlearn.teaching.grading.FirstTry` of the topic's quiz.
    history : mapping, optional
        As :func:`netlearn.teaching.grading.first_tries`.

    Returns
    -------
    BeforeAndAfter
        One entry per objective of the pre-questions, in the order they first name them.
    """
    pre_first = grading.first_tries(topic.pretest_questions, pretest_attempts, history)
    texts = {o["id"]: o["text"] for o in topic.objectives}
    order: list[str] = []
    for question in topic.pretest_questions:
        order += [o for o in question.get("objectives", []) if o not in order]
    rows = []
    for objective in order:
        before = [pre_first[q["id"]].result.correct for q in topic.pretest_questions
                  if objective in q.get("objectives", []) and q["id"] in pre_first]
        now = [quiz_first[q["id"]].result.correct for q in topic.questions
               if objective in q.get("objectives", []) and q["id"] in quiz_first]
        rows.append(ObjectiveNow(objective, texts.get(objective, objective),
                                 all(before) if before else None, sum(now), len(now)))
    return BeforeAndAfter(tuple(rows))
