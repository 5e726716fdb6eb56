"""The learner's results per topic, read from the store: self-assessment means and quiz scores."""

from __future__ import annotations


def self_assessment_means(store=None, course=None, key="title"):
    """Return the mean self-rating per mistake topic, before and after.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Defaults to the learner's store.
    course : netlearn.content.Course, optional
        Defaults to the current course.
    key : {"title", "id"}
        Key the dicts by topic title (for charts) or topic id.

    Returns
    -------
    (dict, dict)
        ``before`` and ``after``: topic -> mean of the latest 1–5 rating of each of
        the topic's statements in that phase. Topics with no rating are left out.
    """
    from .content import course as current_course
    from .store import get_store

    store = store or get_store()
    course = course or current_course()
    ratings = store.self_assessments()
    means = ({}, {})
    for topic in course.mistakes:
        label = topic.title if key == "title" else topic.id
        statement_ids = {s["id"] for s in topic.statements}
        for phase, target in zip(("before", "after"), means, strict=False):
            values = [v for (t, s, p), v in ratings.items()
                      if t == topic.id and p == phase and s in statement_ids]
            if values:
                target[label] = sum(values) / len(values)
    return means


def quiz_scores(store=None, course=None) -> dict[str, dict]:
    """Return quiz results per topic id.

    Returns
    -------
    dict
        topic id -> {"answered", "items", "correct", "score", "max_score"} from the
        latest not-reset attempt at each item.
    """
    from .content import course as current_course
    from .store import get_store

    store = store or get_store()
    course = course or current_course()
    results = {}
    for topic in course.topics:
        if not topic.questions:
            continue
        item_ids = {q["id"] for q in topic.questions}
        last = {k: v for k, v in store.last_answers(topic.id).items() if k in item_ids}
        results[topic.id] = {
            "answered": len(last),
            "items": len(item_ids),
            "correct": sum(v["correct"] for v in last.values()),
            "score": sum(v["score"] for v in last.values()),
            "max_score": float(len(item_ids)),
        }
    return results
