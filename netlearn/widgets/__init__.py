"""The course's interactive widgets: quiz, self-assessment, reflection, scenario, pitch, progress.

Every function takes optional ``store`` (default: the shared Store for NETLEARN_HOME)
and ``course`` (default: the loaded course) and returns an ipywidgets box to show as
a cell's last expression.

The views live in ``quiz_view`` and ``scenario_view`` rather than ``quiz`` and
``scenario``: a submodule named like a function here would replace that function
as a package attribute the first time it is imported.
"""

from __future__ import annotations

__all__ = [
    "checkin_date",
    "checkin_quiz",
    "commitment_review",
    "core_task",
    "course_overview",
    "openers",
    "pitch_builder",
    "pre_questions",
    "progress_bar",
    "quiz",
    "reflection",
    "scenario",
    "self_assessment",
]


def quiz(topic_id: str, *, store=None, course=None):
    """Return the quiz of a topic.

    Single-choice, multiple-choice and situational-judgement items, each with a
    "Check answer" button, instant feedback and the explanation. Every attempt is
    saved; the last answers come back when the widget is built again, and
    "Reset this quiz" starts afresh. In facilitator mode each item also shows the
    course's answers and rationales.

    Parameters
    ----------
    topic_id : str
        The topic (== notebook stem), e.g. ``"01-preparation"``.
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.quiz_view.QuizWidget
    """
    from netlearn.plumbing.paths import facilitator_mode
    from netlearn.widgets._common import resolve
    from netlearn.widgets.quiz_view import QuizWidget

    store, course = resolve(store, course)
    return QuizWidget(course.topic(topic_id), store, facilitator=facilitator_mode())


def pre_questions(topic_id: str, *, store=None, course=None):
    """Return a notebook's warm-up pre-questions, answered before its teaching.

    A warm-up, never scored, and said to be so. Each answer is saved (as a pre-question
    attempt, which no score, summary or item analysis reads) and comes back when the
    widget is built again. After the quiz, the quiz shows which of the pre-questions'
    objectives the learner now gets right.

    Parameters
    ----------
    topic_id : str
        The topic (== notebook stem), e.g. ``"01-preparation"``.
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.retrieval_view.ItemSet
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.retrieval_view import pre_questions_widget

    store, course = resolve(store, course)
    return pre_questions_widget(course.topic(topic_id), store)


def openers(topic_id: str, *, store=None, course=None):
    """Return the retrieval items that open a notebook (02–06), from earlier notebooks.

    Items the learner got wrong on the first try come first, then new (reserve) items on
    the earlier notebooks' objectives (:func:`netlearn.teaching.retrieval.select_openers`).
    The choice is kept, so the same items come back with their answers after a restart.
    Answers are practice: they change no quiz result.

    Parameters
    ----------
    topic_id : str
        The notebook the items open, e.g. ``"03-following-up"``.
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.retrieval_view.ItemSet
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.retrieval_view import openers_widget

    store, course = resolve(store, course)
    return openers_widget(course, topic_id, store)


def core_task(topic_id: str, *, store=None, course=None, today=None):
    """Return a notebook's core task: write the real thing, compare, tick, revise and save.

    Parameters
    ----------
    topic_id : str
        A topic with a ``task.yaml``, e.g. ``"03-following-up"``.
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional
    today : datetime.date, optional
        For the drafting tools that save a reminder (default: today).

    Returns
    -------
    netlearn.widgets.core_task.CoreTaskWidget

    Raises
    ------
    KeyError
        When the topic has no core task.
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.core_task import CoreTaskWidget

    store, course = resolve(store, course)
    topic = course.topic(topic_id)
    if topic.task is None:
        raise KeyError(f"topic {topic_id!r} has no task.yaml")
    return CoreTaskWidget(topic, store, today)


def self_assessment(topic_id: str | None = None, phase: str = "check", *, store=None,
                    course=None):
    """Return Likert (1–5) ratings of self-assessment statements, saved as they are picked.

    Parameters
    ----------
    topic_id : str, optional
        One topic's statements; None for every mistake topic, grouped by title
        (notebook 00 uses ``self_assessment(None, "before")``, notebook 06 ``"after"``).
    phase : {"before", "check", "after", "check-in"}
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.assess.SelfAssessmentWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.assess import SelfAssessmentWidget

    store, course = resolve(store, course)
    topics = [course.topic(topic_id)] if topic_id else course.mistakes
    return SelfAssessmentWidget(topics, phase, store)


def reflection(topic_id: str, *, store=None, course=None):
    """Return a topic's reflection prompts: text areas with Save and a "Saved …" time.

    Parameters
    ----------
    topic_id : str
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.assess.ReflectionWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.assess import ReflectionWidget

    store, course = resolve(store, course)
    return ReflectionWidget(course.topic(topic_id), store)


def scenario(topic_id: str, scenario_id: str | None = None, *, store=None, course=None):
    """Return a branching scenario of a topic (its first one by default).

    Parameters
    ----------
    topic_id : str
    scenario_id : str, optional
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.scenario_view.ScenarioWidget

    Raises
    ------
    KeyError
        When the topic has no such scenario.
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.scenario_view import ScenarioWidget

    store, course = resolve(store, course)
    return ScenarioWidget(topic_id, course.topic(topic_id).scenario(scenario_id), store)


def pitch_builder(*, store=None, course=None):
    """Return the elevator-pitch builder (timing at the course's words per minute).

    Parameters
    ----------
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.pitch.PitchBuilder
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.pitch import PitchBuilder

    store, course = resolve(store, course)
    return PitchBuilder(store, course.words_per_minute)


def progress_bar(topic_id: str, *, store=None, course=None):
    """Return a notebook's progress bar with a line per part and a Refresh button.

    Parameters
    ----------
    topic_id : str
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.progress.ProgressBarWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.progress import ProgressBarWidget

    store, course = resolve(store, course)
    return ProgressBarWidget(course.topic(topic_id), course, store)


def course_overview(*, store=None, course=None):
    """Return a table of all topics: status, quiz score, self-assessment before → after.

    Parameters
    ----------
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.progress.CourseOverviewWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.progress import CourseOverviewWidget

    store, course = resolve(store, course)
    return CourseOverviewWidget(course, store)


def checkin_date(*, store=None, today=None):
    """Return the check-in date picker (notebook 06): two to four weeks out, saved on "Book".

    Parameters
    ----------
    store : netlearn.store.Store, optional
    today : datetime.date, optional

    Returns
    -------
    netlearn.widgets.checkin.CheckinDateWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.checkin import CheckinDateWidget

    store, _ = resolve(store, object())
    return CheckinDateWidget(store, today)


def checkin_quiz(*, store=None, course=None):
    """Return the check-in's retrieval quiz (notebook 07): a new item for every objective,
    those missed on the first try first.

    Before notebook 06 is done it explains that instead of showing an empty quiz.

    Parameters
    ----------
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    netlearn.widgets.checkin.CheckinQuizWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.checkin import CheckinQuizWidget

    store, course = resolve(store, course)
    return CheckinQuizWidget(course, store)


def commitment_review(*, store=None):
    """Return the review of the learner's commitments: done, not done or dropped.

    Parameters
    ----------
    store : netlearn.store.Store, optional

    Returns
    -------
    netlearn.widgets.checkin.CommitmentReviewWidget
    """
    from netlearn.widgets._common import resolve
    from netlearn.widgets.checkin import CommitmentReviewWidget

    store, _ = resolve(store, object())
    return CommitmentReviewWidget(store)
