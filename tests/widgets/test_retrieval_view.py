"""The warm-up pre-questions and the retrieval openers: saved apart, restored, never scored."""

from __future__ import annotations

import pytest

from netlearn.teaching import pretest, retrieval
from netlearn.widgets import openers, pre_questions, quiz
from tests.helpers import HOSTILE, assert_escaped, write_retrieval_course


@pytest.fixture
def course(tmp_path):
    return write_retrieval_course(tmp_path / "content")


def check(view, answer) -> None:
    view.set_answer(answer)
    view.check_button.click()


# -- pre-questions -------------------------------------------------------------------------


def test_pre_questions_say_they_are_a_warm_up_and_are_never_scored(store, course):
    widget = pre_questions("t1", store=store, course=course)
    text = " ".join(widget.html_values())
    assert "A warm-up: guesses are fine; trying first helps you learn the answer later" in text
    assert "(Richland, Kornell &amp; Kao, 2009)" in text and "never scored" in text
    assert [v.question_id for v in widget.questions] == ["t1-p1", "t1-p2"]
    assert "Right on the first try" not in text


def test_pre_question_answers_are_saved_apart_and_come_back(store, reopen, course):
    widget = pre_questions("t1", store=store, course=course)
    check(widget.question("t1-p1"), "w")
    assert "Not quite" in widget.question("t1-p1").feedback.value
    saved = store.last_answers("t1", kind=pretest.PRETEST_KIND)
    assert saved["t1-p1"]["correct"] is False
    assert store.last_answers("t1") == {} and store.quiz_attempts("t1") == []
    again = pre_questions("t1", store=reopen(), course=course)
    view = again.question("t1-p1")
    assert view.radio.value == "w" and "Not quite" in view.feedback.value
    assert again.question("t1-p2").feedback.value == ""


def test_a_topic_without_pre_questions_says_so(store, tmp_path):
    course = write_retrieval_course(tmp_path / "none", pretest=False)
    widget = pre_questions("t2", store=store, course=course)
    assert widget.questions == []
    assert "no warm-up questions" in " ".join(widget.html_values())


def test_the_quiz_shows_which_warm_up_objectives_are_now_right(store, course):
    warm_up = pre_questions("t1", store=store, course=course)
    the_quiz = quiz("t1", store=store, course=course)
    assert the_quiz.pretest_line.value == ""  # nothing to compare yet
    check(warm_up.question("t1-p1"), "w")
    check(warm_up.question("t1-p2"), "w")
    check(the_quiz.question("t1-q1"), "r")
    check(the_quiz.question("t1-q2"), "r")
    line = the_quiz.pretest_line.value
    assert "Before: 0 of 2 objectives right; now: 1 of 2" in line
    assert "Objective 1 of t1.: before reading, not right; now, 2 of 2 quiz questions" in line
    assert "no quiz question answered yet" in line
    check(the_quiz.question("t1-q3"), "r")
    assert "now: 2 of 2" in the_quiz.pretest_line.value
    assert the_quiz.outcome.right_first == 3  # the warm-up is not in the quiz's score


# -- openers -------------------------------------------------------------------------------


def test_openers_ask_earlier_misses_and_save_as_practice(store, reopen, course):
    the_quiz = quiz("t1", store=store, course=course)
    check(the_quiz.question("t1-q1"), "w")
    check(the_quiz.question("t1-q1"), "r")  # right after a retry: still a first-try miss
    widget = openers("t2", store=store, course=course)
    assert [q["id"] for _, q in widget.items][0] == "t1-q1"
    assert len(widget.items) == retrieval.OPENER_ITEMS
    text = " ".join(widget.html_values())
    assert "1 question you got wrong on the first try and 2 new questions" in text
    assert "they change no quiz result" in text
    check(widget.question("t1-q1"), "w")
    assert store.last_answers("t2", kind=retrieval.RETRIEVAL_KIND)["t1-q1"]["correct"] is False
    assert store.last_answers("t1")["t1-q1"]["correct"] is True  # the t1 quiz is untouched
    assert store.last_answers("t2") == {}
    again = openers("t2", store=reopen(), course=course)
    assert again.items == widget.items  # chosen once, kept
    assert again.question("t1-q1").radio.value == "w"
    assert "1 question you got wrong on the first try" in " ".join(again.html_values())
    assert quiz("t1", store=reopen(), course=course).outcome.right_first == 0


def test_later_openers_do_not_repeat_what_an_earlier_one_asked(store, course):
    store.save_answer("t1", "t1-q1", "w", 0, 1, False)
    first = openers("t2", store=store, course=course)
    later = openers("t3", store=store, course=course)
    assert not {q["id"] for _, q in first.items} & {q["id"] for _, q in later.items}
    assert store.setting(retrieval.setting_key("t2")) == [q["id"] for _, q in first.items]


def test_the_first_notebook_and_an_empty_pool_say_so(store, tmp_path, course):
    assert "first notebook" in " ".join(openers("t1", store=store, course=course)
                                        .html_values())
    one_each = write_retrieval_course(tmp_path / "one", reserves=1)
    widget = openers("t2", store=store, course=one_each)
    assert widget.items == [] and "Nothing to revisit yet" in " ".join(widget.html_values())
    assert store.setting(retrieval.setting_key("t2")) is None  # may find items later


def test_pre_questions_and_openers_escape_item_text(store, tmp_path):
    hostile = write_retrieval_course(tmp_path / "hostile", extra=f" {HOSTILE}")
    assert_escaped(pre_questions("t1", store=store, course=hostile))
    assert_escaped(openers("t2", store=store, course=hostile))
