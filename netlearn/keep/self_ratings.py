"""The learner's self-ratings per mistake topic, read from the store for the charts of 06 and 07."""

from __future__ import annotations

from netlearn.store import get_store
from netlearn.teaching.completion import ProgressData
from netlearn.teaching.content import course as current_course


def self_assessment_means(store=None, course=None, key="title"):
    """Return the mean self-rating per mistake topic, before and after the course.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Defaults to the learner's store.
    course : netlearn.teaching.content.Course, optional
        Defaults to the current course.
    key : {"title", "id"}
        Key the dicts by topic title (for charts) or by topic id.

    Returns
    -------
    (dict, dict)
        ``before`` and ``after``: topic -> mean of the latest 1–5 rating of each
        of the topic's statements in that phase; unrated topics are left out.
    """
    store = store or get_store()
    course = course or current_course()
    data = ProgressData(store)
    before, after = {}, {}
    for topic in course.mistakes:
        label = topic.title if key == "title" else topic.id
        for phase, target in (("before", before), ("after", after)):
            mean = data.mean_rating(topic, phase)
            if mean is not None:
                target[label] = mean
    return before, after


def self_assessment_phase_means(store=None, course=None, key="title",
                                phases=("before", "after", "check-in")) -> dict:
    """Return phase -> {topic: mean self-rating} for each phase (see :func:`self_assessment_means`).

    Parameters
    ----------
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional
    key : {"title", "id"}
    phases : tuple of str
        Default: before the course, after it (06) and at the check-in (07).

    Returns
    -------
    dict
        Every phase is a key; unrated topics are left out of its dict.
    """
    store = store or get_store()
    course = course or current_course()
    data = ProgressData(store)
    result = {phase: {} for phase in phases}
    for topic in course.mistakes:
        label = topic.title if key == "title" else topic.id
        for phase in phases:
            mean = data.mean_rating(topic, phase)
            if mean is not None:
                result[phase][label] = mean
    return result
