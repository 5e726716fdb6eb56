"""Before/after self-assessment means as notebook 06 charts them."""

from netlearn.keep.self_ratings import self_assessment_means
from netlearn.teaching.content import course


def test_means_per_mistake_topic_before_and_after(store):
    prep = course().topic("01-preparation")
    first, second = (s["id"] for s in prep.statements[:2])
    store.save_self_assessment(prep.id, first, "before", 2)
    store.save_self_assessment(prep.id, second, "before", 3)
    store.save_self_assessment(prep.id, first, "after", 4)
    store.save_self_assessment(prep.id, first, "after", 5)  # the latest rating counts
    store.save_self_assessment(prep.id, first, "check", 1)  # other phases do not
    before, after = self_assessment_means(store=store)
    assert before == {prep.title: 2.5}
    assert after == {prep.title: 5.0}
    by_id = self_assessment_means(store=store, key="id")
    assert by_id == ({"01-preparation": 2.5}, {"01-preparation": 5.0})


def test_no_ratings_gives_empty_dicts(store):
    assert self_assessment_means(store=store) == ({}, {})
