"""Retrieval across the course: which items open notebooks 02–06 and which the check-in asks."""

from __future__ import annotations

import pytest

from netlearn.teaching import retrieval
from netlearn.teaching.grading import item_version
from tests.helpers import default_course, write_retrieval_course


@pytest.fixture
def course(tmp_path):
    return write_retrieval_course(tmp_path / "content")


def attempt(course, item_id: str, right: bool, at: str = "2026-01-01T10:00:00") -> dict:
    """A stored attempt at an item, right or wrong, at its current version."""
    question = next(q for t in course.topics
                    for q in [*t.questions, *t.reserve_questions, *t.pretest_questions]
                    if q["id"] == item_id)
    return {"item_id": item_id, "answer": "r" if right else "w", "version":
            item_version(question), "created_at": at, "score": float(right),
            "max_score": 1.0, "correct": right}


def record(course, right=(), wrong=(), shown=()):
    attempts = [attempt(course, i, True) for i in right] + [
        attempt(course, i, False) for i in wrong]
    return retrieval.course_record(course, attempts, shown)


def ids(chosen) -> list[str]:
    return [q["id"] for _, q in chosen]


# -- the record ---------------------------------------------------------------------------


def test_the_first_try_is_the_earliest_attempt_wherever_it_was_made(course):
    attempts = [attempt(course, "t1-q1", True, "2026-01-02T09:00:00"),  # an opener, later
                attempt(course, "t1-q1", False, "2026-01-01T09:00:00"),  # the quiz, first
                attempt(course, "t1-r1-1", True, "2026-01-03T09:00:00")]
    found = retrieval.course_record(course, attempts, ["t2-r1-1"])
    assert found.first == {"t1-q1": False, "t1-r1-1": True}
    assert found.answered == {"t1-q1", "t1-r1-1"} and found.shown == {"t2-r1-1"}
    assert found.missed({"id": "t1-q1"}) and not found.missed({"id": "t1-r1-1"})
    assert not found.unseen({"id": "t1-r1-1"}) and not found.unseen({"id": "t2-r1-1"})
    assert found.unseen({"id": "t2-r1-2"})


def test_pre_questions_are_never_retrieval_items(course):
    every = ids(retrieval.retrieval_items(course))
    assert every and not any("-p" in i for i in every)
    assert set(every) == {q["id"] for t in course.mistakes
                          for q in [*t.questions, *t.reserve_questions]}


# -- openers ------------------------------------------------------------------------------


def test_openers_ask_first_try_misses_from_earlier_notebooks_first(course):
    learner = record(course, right=["t1-q1", "t2-q1"], wrong=["t1-q2", "t1-q3", "t3-q1"])
    chosen = retrieval.select_openers(course, "t2", learner, "seed")
    # only notebook t1 comes before t2: its two misses, then one unseen reserve item
    assert ids(chosen)[:2] in (["t1-q2", "t1-q3"], ["t1-q3", "t1-q2"])
    assert len(chosen) == retrieval.OPENER_ITEMS
    assert chosen[2][1].get("reserve") and chosen[2][0] == "t1"
    assert {t for t, _ in chosen} == {"t1"}
    later = retrieval.select_openers(course, "t9-plan", learner, "seed")
    assert "t3-q1" in ids(later)  # the plan notebook draws on every mistake notebook


def test_openers_never_ask_an_item_right_on_the_first_try_or_a_pre_question(course):
    right = [q["id"] for t in course.mistakes for q in [*t.questions, *t.reserve_questions]]
    learner = record(course, right=right)
    for topic_id in ("t2", "t3", "t9-plan"):
        assert retrieval.select_openers(course, topic_id, learner, "s") == []


def test_openers_spread_over_objectives_and_prefer_reserves_on_missed_ones(course):
    learner = record(course, right=["t1-q2"], wrong=["t1-q1"])  # objective t1-o1 missed
    chosen = retrieval.select_openers(course, "t2", learner, "seed")
    assert ids(chosen)[0] == "t1-q1"
    # one reserve on each objective: o1 (missed) would come first, but o1 is taken by the
    # miss, so the spread picks o2's; the third goes back to o1
    objectives = [q["objectives"][0] for _, q in chosen]
    assert objectives == ["t1-o1", "t1-o2", "t1-o1"]


def test_openers_keep_the_last_unseen_reserve_of_each_objective_for_the_check_in(tmp_path):
    one_each = write_retrieval_course(tmp_path / "one", reserves=1)
    assert retrieval.select_openers(one_each, "t3", record(one_each), "s") == []
    three_each = write_retrieval_course(tmp_path / "three", reserves=3)
    chosen = retrieval.select_openers(three_each, "t2", record(three_each), "s")
    assert len(chosen) == 3 and all(q.get("reserve") for _, q in chosen)
    seen = record(three_each, right=[i for i in ids(chosen)])
    left = [q for t in three_each.mistakes for q in t.reserve_questions if seen.unseen(q)]
    for objective in ("t1-o1", "t1-o2"):
        assert any(objective in q["objectives"] for q in left)


def test_openers_skip_misses_another_screen_already_showed(course):
    learner = record(course, wrong=["t1-q1"], shown=["t1-q1"])
    assert "t1-q1" not in ids(retrieval.select_openers(course, "t2", learner, "s"))


def test_openers_are_the_same_for_a_seed_and_differ_between_learners(course):
    learner = record(course)
    first = ids(retrieval.select_openers(course, "t3", learner, "alice"))
    assert first == ids(retrieval.select_openers(course, "t3", learner, "alice"))
    others = {tuple(ids(retrieval.select_openers(course, "t3", learner, f"learner-{n}")))
              for n in range(12)}
    assert len(others) > 1


def test_the_first_notebook_has_nothing_earlier(course):
    assert retrieval.earlier_topics(course, "t1") == []
    assert retrieval.select_openers(course, "t1", record(course), "s") == []
    with pytest.raises(KeyError):
        retrieval.earlier_topics(course, "no-such-notebook")


# -- the check-in -------------------------------------------------------------------------


def test_the_check_in_covers_every_objective_with_unseen_items(course):
    chosen = retrieval.select_checkin(course, record(course), "seed")
    assert retrieval.uncovered_objectives(course, chosen) == []
    assert len(chosen) == len(retrieval.course_objectives(course)) == 6
    assert all(q.get("reserve") for _, q in chosen)


def test_the_check_in_starts_with_objectives_missed_on_the_first_try(course):
    # t3-q2 was wrong first and right on a retry: still a first-try miss
    attempts = [attempt(course, "t3-q2", False, "2026-01-01T10:00:00"),
                attempt(course, "t3-q2", True, "2026-01-01T10:01:00"),
                attempt(course, "t2-q3", False)]
    learner = retrieval.course_record(course, attempts)
    chosen = retrieval.select_checkin(course, learner, "seed")
    objectives = [q["objectives"][0] for _, q in chosen]
    assert objectives[:2] == ["t2-o2", "t3-o1"]
    assert objectives[2:] == ["t1-o1", "t1-o2", "t2-o1", "t3-o2"]


def test_the_check_in_never_asks_a_seen_item_unless_no_new_one_is_left(tmp_path):
    course = write_retrieval_course(tmp_path / "one", reserves=1)
    learner = record(course, right=["t1-r1-1", "t2-q1"], wrong=["t1-q2"], shown=["t3-r2-1"])
    chosen = retrieval.select_checkin(course, learner, "seed")
    # t1-o1's only reserve item is answered: its first-try miss is asked again instead;
    # t3-o2's only reserve item was shown by an opener and nothing there was missed
    assert ids(chosen)[0] == "t1-q2"
    assert retrieval.uncovered_objectives(course, chosen) == ["t3-o2"]
    assert "t1-r1-1" not in ids(chosen) and "t2-q1" not in ids(chosen)


def test_default_content_check_in_covers_every_objective_after_every_opener():
    """07 must cover every objective of the default course with an item the learner has not
    seen, even after notebooks 02–06 opened with retrieval items (the worst case: a learner
    right on every first try, so every opener takes reserve items)."""
    course = default_course()
    right = [q["id"] for t in course.mistakes for q in t.questions]
    shown: list[str] = []
    for topic_id in ("02-giving-not-just-taking", "03-following-up", "04-online-networking",
                     "05-maintaining-relationships", "06-action-plan"):
        learner = record(course, right=right, shown=shown)
        shown += ids(retrieval.select_openers(course, topic_id, learner, "any learner"))
    learner = record(course, right=right, shown=shown)
    chosen = retrieval.select_checkin(course, learner, "any learner")
    unseen = [q for _, q in chosen if learner.unseen(q)]
    missing = retrieval.uncovered_objectives(course, [(None, q) for q in unseen])
    assert missing == [], f"07 has no unseen item for the objectives {missing}"
    assert len(retrieval.course_objectives(course)) == 20


def test_stored_ids_resolve_to_items_the_course_still_has(course):
    assert ids(retrieval.resolve(course, ["t2-r1-1", "gone", "t1-p1", 7, "t1-q1"])) == [
        "t2-r1-1", "t1-q1"]
    assert retrieval.resolve(course, "not a list") == []
    assert retrieval.setting_key("t2") == "retrieval:t2"
