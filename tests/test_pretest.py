"""Pre-questions: loaded apart, never scored anywhere, and compared with the quiz afterwards."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from netlearn.keep.summary import build_summary
from netlearn.teaching import pretest, retrieval
from netlearn.teaching.completion import ProgressData
from netlearn.teaching.content import check
from netlearn.teaching.grading import first_tries, item_version
from tests.helpers import write_retrieval_course

TODAY = date(2026, 3, 2)


@pytest.fixture
def course(tmp_path):
    return write_retrieval_course(tmp_path / "content")


def answer(store, course, topic_id, item_id, right, kind="quiz"):
    question = course.topic(topic_id).question(item_id)
    store.save_answer(topic_id, item_id, "r" if right else "w", float(right), 1.0, right,
                      kind=kind, version=item_version(question))


# -- loading -------------------------------------------------------------------------------


def test_pre_questions_are_kept_apart_from_the_quiz_and_the_reserve(course):
    topic = course.topic("t1")
    assert [q["id"] for q in topic.pretest_questions] == ["t1-p1", "t1-p2"]
    assert not {"t1-p1", "t1-p2"} & {q["id"] for q in [*topic.questions,
                                                         *topic.reserve_questions]}
    assert topic.question("t1-p2")["pretest"] is True  # still found by id


def test_an_item_cannot_be_both_a_pre_question_and_a_reserve_item(tmp_path):
    course = write_retrieval_course(tmp_path / "content")
    path = tmp_path / "content" / "t2" / "questions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][-1]["reserve"] = True  # t2-p2
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    problems = [str(p) for p in check(tmp_path / "content")]
    assert len(problems) == 1 and course
    assert problems[0].startswith(f"{path}:")
    assert "'t2-p2' is marked both reserve and pretest" in problems[0]


def test_the_schema_refuses_a_pretest_that_is_not_a_boolean(tmp_path):
    write_retrieval_course(tmp_path / "content")
    path = tmp_path / "content" / "t1" / "questions.yaml"
    text = path.read_text(encoding="utf-8").replace("pretest: true", "pretest: maybe", 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "pretest: maybe" in row)
    problems = [str(p) for p in check(tmp_path / "content")]
    assert problems and problems[0].startswith(f"{path}:{line}: ")
    assert "maybe" in problems[0] and "\n" not in problems[0]


# -- never counted -------------------------------------------------------------------------


def test_pre_question_answers_count_toward_no_score_summary_or_item_analysis(store, course):
    from netlearn.facilitator.item_analysis import item_analysis

    answer(store, course, "t1", "t1-q1", False)
    answer(store, course, "t1", "t1-q2", True)
    before = build_summary(store, course, TODAY)
    for item in ("t1-p1", "t1-p2"):
        answer(store, course, "t1", item, True, kind=pretest.PRETEST_KIND)
    after = build_summary(store, course, TODAY)
    for summary in (before, after):
        summary.pop("summary_id")
    assert after == before
    quiz = after["topics"]["t1"]["quiz"]
    assert (quiz["answered"], quiz["correct"], quiz["items"]) == (2, 1, 4)
    assert not {"t1-p1", "t1-p2"} & (set(quiz["answers"]) | set(quiz["item_versions"]))
    outcome = ProgressData(store).quiz_outcome(course.topic("t1"))
    assert outcome.right_first == 1 and set(outcome.first) == {"t1-q1", "t1-q2"}
    assert store.last_answers("t1").keys() == {"t1-q1", "t1-q2"}
    table = item_analysis([after] * 5)
    assert set(table["item"]) == {"t1-q1", "t1-q2"}
    learner = retrieval.course_record(
        course, [*store.quiz_attempts("t1"),
                 *store.quiz_attempts("t1", kind=retrieval.RETRIEVAL_KIND)])
    assert set(learner.first) == {"t1-q1", "t1-q2"}


# -- before and after --------------------------------------------------------------------


def test_before_and_after_compares_objective_by_objective(store, course):
    topic = course.topic("t1")
    answer(store, course, "t1", "t1-p1", False, kind=pretest.PRETEST_KIND)
    answer(store, course, "t1", "t1-p1", True, kind=pretest.PRETEST_KIND)  # a retry: no
    answer(store, course, "t1", "t1-p2", True, kind=pretest.PRETEST_KIND)
    for item, right in (("t1-q1", True), ("t1-q2", True), ("t1-q3", False)):
        answer(store, course, "t1", item, right)
    first = first_tries(topic.questions, store.quiz_attempts("t1"))
    compared = pretest.before_and_after(
        topic, store.quiz_attempts("t1", kind=pretest.PRETEST_KIND), first)
    assert compared.ready
    assert compared.line() == "Before: 1 of 2 objectives right; now: 1 of 2"
    o1, o2 = compared.objectives
    assert (o1.objective, o1.text, o1.before, o1.right_now, o1.answered_now, o1.now) == (
        "t1-o1", "Objective 1 of t1.", False, 2, 2, True)
    assert (o2.before, o2.right_now, o2.answered_now, o2.now) == (True, 0, 1, False)


def test_before_and_after_waits_for_both_sides(course):
    topic = course.topic("t2")
    nothing = pretest.before_and_after(topic, [], {})
    assert not nothing.ready
    assert nothing.line() == "Before: 0 of 2 objectives right; now: 0 of 2"
    assert [o.now for o in nothing.objectives] == [None, None]
