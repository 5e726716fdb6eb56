"""The spaced check-in: dates, reminders, the 06/07 widgets and the chart (which items it asks:
tests/test_retrieval.py)."""

from __future__ import annotations

from datetime import date

import pytest

from netlearn.keep.reminders import reminder_calendar, reminders
from netlearn.network.records import Batch, Commitment, Network
from netlearn.teaching import checkin
from netlearn.widgets import checkin_date, checkin_quiz, commitment_review
from tests.helpers import assert_escaped, write_content

from .conftest import _course_files

TODAY = date(2026, 3, 2)


def reserve_item(qid: str, objective: str, extra: str = "") -> dict:
    return {"id": qid, "type": "single", "prompt": f"Parallel question {qid}?{extra}",
            "objectives": [objective], "tips": [], "reserve": True,
            "choices": [
                {"id": "x", "text": f"Right.{extra}", "correct": True, "feedback": "Yes."},
                {"id": "y", "text": f"Wrong.{extra}", "correct": False, "feedback": "No."},
            ]}


def write(directory, reserve: bool, extra: str = ""):
    files = _course_files(extra)
    if reserve:
        files["t1-alpha/questions.yaml"]["questions"].append(
            reserve_item("alpha-r", "alpha-obj", extra))
        files["t2-beta/questions.yaml"]["questions"].append(
            reserve_item("beta-r", "beta-obj", extra))
    return write_content(directory, files)


@pytest.fixture
def with_reserve(tmp_path):
    return write(tmp_path / "reserve-content", reserve=True)


# -- pure: dates ----------------------------------------------------------------------------


def test_checkin_window_is_two_to_four_weeks():
    assert checkin.checkin_window(TODAY) == (date(2026, 3, 16), date(2026, 3, 30))
    assert checkin.checkin_problem(date(2026, 3, 16), TODAY) is None
    assert checkin.checkin_problem(date(2026, 3, 30), TODAY) is None
    assert "less than two weeks" in checkin.checkin_problem(date(2026, 3, 15), TODAY)
    assert "more than four weeks" in checkin.checkin_problem(date(2026, 3, 31), TODAY)
    assert checkin.checkin_problem(None, TODAY) == "Pick a date."
    assert checkin.default_checkin(TODAY) == date(2026, 3, 23)


def test_status_text_explains_each_case():
    assert "have not finished notebook 06" in checkin.status_text(False, None, TODAY)
    assert "in 14 days" in checkin.status_text(True, date(2026, 3, 16), TODAY)
    assert "was booked" in checkin.status_text(True, date(2026, 3, 1), TODAY)
    assert "Welcome back" in checkin.status_text(True, None, TODAY)


def test_check_in_goes_into_reminders_and_the_calendar():
    net = Network(commitments=[Commitment("Call Ben", date(2026, 3, 5)),
                               Commitment("Old idea", date(2026, 3, 4), dropped=True)])
    found = reminders(net, TODAY, checkin=date(2026, 3, 20))
    assert [(r.kind, r.day) for r in found] == [("commitment", date(2026, 3, 5)),
                                                 ("check-in", date(2026, 3, 20))]
    assert "07" in found[-1].summary
    assert not any(r.kind == "check-in" for r in reminders(net, TODAY, checkin=date(2026, 3, 1)))
    ics = reminder_calendar(net, TODAY, checkin=date(2026, 3, 20)).decode()
    assert "DTSTART;VALUE=DATE:20260320" in ics and "CATEGORIES:check-in" in ics


def test_export_puts_the_booked_check_in_into_reminders_ics(store, tmp_path):
    from netlearn.keep.exporting import export_all

    store.set_setting(checkin.SETTING, "2026-03-20")
    store.save_self_assessment("t1-alpha", "alpha-s1", "check-in", 4)
    export_all(store, tmp_path / "out", today=TODAY)
    assert "DTSTART;VALUE=DATE:20260320" in (tmp_path / "out" / "reminders.ics").read_text()
    ratings = (tmp_path / "out" / "self_assessments.csv").read_text(encoding="utf-8")
    assert "alpha-s1,check-in,4" in ratings


# -- widgets ---------------------------------------------------------------------------------


def test_booking_a_date_two_to_four_weeks_out(store, reopen):
    widget = checkin_date(store=store, today=TODAY)
    assert widget.picker.value == date(2026, 3, 23)
    assert "16 Mar 2026 and 30 Mar 2026" in " ".join(widget.html_values())
    widget.picker.value = date(2026, 3, 10)  # the picker keeps to the window
    assert widget.picker.value == date(2026, 3, 16)
    widget.picker.value = None
    widget.book_button.click()
    assert "Pick a date." in widget.status.value
    assert store.setting(checkin.SETTING) is None
    widget.picker.value = date(2026, 3, 25)
    widget.book_button.click()
    assert "Booked for Wednesday 25 March 2026" in widget.status.value
    assert store.setting(checkin.SETTING) == "2026-03-25"
    again = checkin_date(store=reopen(), today=TODAY)
    assert again.picker.value == date(2026, 3, 25) and "Booked" in again.status.value


def test_opening_07_before_06_explains_instead_of_an_empty_quiz(store, with_reserve):
    widget = checkin_quiz(store=store, course=with_reserve)
    assert widget.quiz is None and widget.items == []
    assert "have not finished notebook 06" in widget.message.value


def finish_plan(store) -> None:
    store.save_self_assessment("t1-alpha", "alpha-s1", "after", 3)


def test_checkin_quiz_asks_a_new_item_per_objective_missed_ones_first(store, reopen,
                                                                       with_reserve):
    store.save_answer("t2-beta", "beta-q1", "b", 0, 1, False)
    store.save_answer("t1-alpha", "alpha-q1", "b", 1, 1, True)
    finish_plan(store)
    widget = checkin_quiz(store=store, course=with_reserve)
    assert [q["id"] for _, q in widget.items] == ["beta-r", "alpha-r"]
    assert widget.missing == []
    assert ("2 new questions, one for each objective of notebooks 01–05, starting with those "
            "you got wrong on the first try") in widget.message.value
    view = widget.quiz.question("beta-r")
    view.set_answer("x")
    view.check_button.click()
    saved = store.last_answers(checkin.CHECKIN_TOPIC)
    assert saved["beta-r"]["correct"] is True
    assert store.last_answers("t2-beta")["beta-q1"]["correct"] is False  # the quiz is untouched
    again = checkin_quiz(store=reopen(), course=with_reserve)
    assert again.items == widget.items  # answering changes nothing: the choice is kept
    assert again.message.value == widget.message.value


def test_a_first_try_miss_comes_back_even_after_a_right_retry(store, course):
    store.save_answer("t2-beta", "beta-q1", "b", 0, 1, False)
    store.save_answer("t2-beta", "beta-q1", "a", 1, 1, True)  # retried until right
    store.save_answer("t1-alpha", "alpha-q1", "b", 1, 1, True)
    finish_plan(store)
    widget = checkin_quiz(store=store, course=course)
    # no reserve items in this course: the first-try miss is asked again, and alpha's
    # objective, right on the first try, has nothing left to ask
    assert [q["id"] for _, q in widget.items] == ["beta-q1"]
    assert widget.missing == ["alpha-obj"]
    assert ("1 question you got wrong on the first try, where no new one is left"
            in widget.message.value)


def test_checkin_quiz_with_nothing_to_ask_says_so(store, course):
    store.set_setting(checkin.SETTING, "2026-03-20")
    store.save_answer("t1-alpha", "alpha-q1", "b", 1, 1, True)
    widget = checkin_quiz(store=store, course=course)
    assert widget.quiz is None and "nothing to quiz you on" in widget.message.value
    assert "right on the first try" in widget.message.value


def test_checkin_quiz_with_no_answers_and_no_reserve_says_so(store, course):
    store.set_setting(checkin.SETTING, "2026-03-20")
    widget = checkin_quiz(store=store, course=course)
    assert widget.quiz is None and "not answered any quiz items" in widget.message.value


def test_commitment_review_saves_done_not_done_and_dropped(store, reopen, hostile):
    store.save_batch(Batch("manual", "", commitments=[
        Commitment(f"Send the deck {hostile}", date(2026, 3, 1), source="manual",
                   source_ref="c1"),
        Commitment("Call Ben", date(2026, 3, 5), source="manual", source_ref="c2"),
    ]))
    widget = commitment_review(store=store)
    ids = list(widget.choices)
    assert [c.value for c in widget.choices.values()] == ["not done", "not done"]
    widget.choices[ids[0]].value = "dropped"
    widget.choices[ids[1]].value = "done"
    assert store.commitment_states() == {ids[0]: "dropped", ids[1]: "done"}
    assert "1 done, 0 not done, 1 dropped" in widget.status.value
    assert_escaped(widget)
    again = commitment_review(store=reopen())
    assert [c.value for c in again.choices.values()] == ["dropped", "done"]


def test_commitment_review_without_commitments(store):
    widget = commitment_review(store=store)
    assert widget.choices == {} and any("no commitments" in v for v in widget.html_values())


def test_checkin_quiz_escapes_item_text(store, tmp_path, hostile):
    hostile_course = write(tmp_path / "hostile", reserve=True, extra=f" {hostile}")
    finish_plan(store)
    assert_escaped(checkin_quiz(store=store, course=hostile_course))


# -- the chart --------------------------------------------------------------------------------


def test_phases_chart_draws_three_bars_per_mistake(plt):
    from netlearn import charts

    ratings = {"before": {"Alpha": 2.0, "Beta": 3.0}, "after": {"Alpha": 3.5, "Beta": 4.0},
               "check-in": {"Alpha": 3.0}}
    fig, (left, right) = plt.subplots(1, 2)
    ax = charts.self_assessment_phases(ratings, ax=right)
    assert ax is right and not left.has_data()
    assert len(ax.patches) == 5
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Before", "After",
                                                                  "Check-in"]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Alpha", "Beta"]
    empty = charts.self_assessment_phases({"before": {}, "after": {}, "check-in": {}})
    assert "No self-assessment yet" in " ".join(t.get_text() for t in empty.texts)


def test_phase_means_include_the_check_in(store, course):
    from netlearn.keep.self_ratings import self_assessment_phase_means

    store.save_self_assessment("t1-alpha", "alpha-s1", "before", 2)
    store.save_self_assessment("t1-alpha", "alpha-s2", "check-in", 4)
    means = self_assessment_phase_means(store, course)
    assert means == {"before": {"Alpha": 2.0}, "after": {}, "check-in": {"Alpha": 4.0}}
