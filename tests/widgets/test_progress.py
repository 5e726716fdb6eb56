"""Tests for the progress bar of one notebook and the course overview table."""

from __future__ import annotations

import pytest

from netlearn.teaching.completion import Step, share_done, status
from netlearn.widgets import course_overview, progress_bar, quiz, scenario
from tests.helpers import assert_escaped


def finish_alpha(store):
    """Do everything notebook t1-alpha asks, straight through the store."""
    right = {"alpha-q1": "b", "alpha-q2": ["a", "b"],  # answers are re-graded, so real ones
             "alpha-q3": {"a": "best", "b": "acceptable", "c": "poor", "d": "poor"}}
    for qid, answer in right.items():
        store.save_answer("t1-alpha", qid, answer, 1, 1, True)
    for sid in ("alpha-s1", "alpha-s2"):
        store.save_self_assessment("t1-alpha", sid, "check", 4)
    for pid in ("alpha-r1", "alpha-r2"):
        store.save_reflection("t1-alpha", pid, "Some thoughts.")
    store.save_answer("t1-alpha", "alpha-scn", ["start", "poor-end"], 0, 4, False,
                      kind="scenario")


def test_a_fresh_notebook_shows_nothing_done(store, course):
    widget = progress_bar("t1-alpha", store=store, course=course)
    assert widget.bar.value == 0
    assert [step.text for step in widget.steps] == [
        "○ Quiz: 0 of 3 questions answered",
        "○ Self-check: 0 of 2 statements rated",
        "○ Reflection: 0 of 2 prompts answered and saved",
        "○ Scenario: 0 of 1 finished",
    ]
    assert "0% · ○ not started" in widget.details.value


def test_refresh_picks_up_what_the_other_widgets_saved(store, course):
    widget = progress_bar("t1-alpha", store=store, course=course)
    the_quiz = quiz("t1-alpha", store=store, course=course)
    the_quiz.question("alpha-q1").radio.value = "b"
    the_quiz.question("alpha-q1").check_button.click()
    the_scenario = scenario("t1-alpha", store=store, course=course)
    the_scenario.choice_buttons[1].click()
    assert widget.bar.value == 0  # not until refreshed
    widget.refresh_button.click()
    # quiz 1/3, self-check 0, reflection 0, scenario 1/1 -> (1/3 + 1) / 4
    assert widget.bar.value == pytest.approx(100 * (1 / 3 + 1) / 4, abs=0.1)
    assert "◐ Quiz: 1 of 3 questions answered" in widget.details.value
    assert "✓ Scenario: 1 of 1 finished" in widget.details.value
    assert "◐ started" in widget.details.value


def test_everything_done_fills_the_bar(store, course):
    finish_alpha(store)
    widget = progress_bar("t1-alpha", store=store, course=course)
    assert widget.bar.value == 100
    assert widget.bar.bar_style == "success"
    assert "100% · ✓ done" in widget.details.value


def test_an_empty_reflection_does_not_count(store, course):
    store.save_reflection("t1-alpha", "alpha-r1", "   ")
    widget = progress_bar("t1-alpha", store=store, course=course)
    assert "○ Reflection: 0 of 2" in widget.details.value


def test_intro_and_plan_count_the_before_and_after_self_assessment(store, course):
    store.save_self_assessment("t1-alpha", "alpha-s1", "before", 2)
    intro = progress_bar("t0-intro", store=store, course=course)
    assert [s.text for s in intro.steps] == [
        "◐ Self-assessment (before the course): 1 of 3 statements rated",
        "○ Reflection: 0 of 1 prompts answered and saved",
    ]
    plan = progress_bar("t9-plan", store=store, course=course)
    assert plan.steps[0].text == "○ Self-assessment (after the course): 0 of 3 statements rated"


@pytest.mark.parametrize("steps, expected_status, share", [
    ([], "not started", 0.0),
    ([Step("Quiz", "answered", 0, 4)], "not started", 0.0),
    ([Step("Quiz", "answered", 2, 4), Step("Reflection", "saved", 0, 1)], "started", 0.25),
    ([Step("Quiz", "answered", 4, 4), Step("Reflection", "saved", 1, 1)], "done", 1.0),
])
def test_status_and_share(steps, expected_status, share):
    assert status(steps) == expected_status
    assert share_done(steps) == pytest.approx(share)


def test_course_overview_table(store, course):
    finish_alpha(store)
    store.save_answer("t2-beta", "beta-q1", "a", 1, 1, True)
    store.save_answer("t2-beta", "beta-q2", "b", 0, 1, False)
    for sid, before, after in [("alpha-s1", 2, 4), ("alpha-s2", 3, 4)]:
        store.save_self_assessment("t1-alpha", sid, "before", before)
        store.save_self_assessment("t1-alpha", sid, "after", after)
    store.save_self_assessment("t2-beta", "beta-s1", "before", 1)
    widget = course_overview(store=store, course=course)
    rows = {row["topic_id"]: row for row in widget.rows}
    assert rows["t1-alpha"]["status"] == "✓ done"
    assert rows["t1-alpha"]["quiz"] == "Right on the first try: 3 of 3; after retries: 3 of 3"
    assert rows["t1-alpha"]["self_assessment"] == "2.5 → 4.0"
    assert rows["t2-beta"]["status"] == "◐ started"
    assert rows["t2-beta"]["quiz"] == "Right on the first try: 1 of 2; after retries: 1 of 2"
    assert rows["t2-beta"]["self_assessment"] == "1.0 → not yet"
    assert rows["t9-plan"]["status"] == "◐ started"  # 2 of 3 statements rated after
    assert rows["t0-intro"]["quiz"] == "—"
    html = widget.table_html.value
    assert "<th scope='col'>Status</th>" in html
    assert "<td>Alpha</td><td>✓ done</td>" in html
    # intro: the before self-assessment is complete, its reflection is not
    assert "<td>Intro</td><td>◐ started</td>" in html


def test_course_overview_refresh(store, course):
    widget = course_overview(store=store, course=course)
    assert {row["status"] for row in widget.rows} == {"○ not started"}
    assert {row["quiz"] for row in widget.rows} == {"—", "not yet"}
    store.save_answer("t2-beta", "beta-q1", "a", 1, 1, True)
    widget.refresh_button.click()
    assert {row["topic_id"]: row["status"] for row in widget.rows}["t2-beta"] == "◐ started"
    assert "Right on the first try: 1 of 2; after retries: 1 of 2" in widget.table_html.value
    assert "<th scope='col'>Quiz (your first try counts)</th>" in widget.table_html.value


def test_wrong_then_right_shows_as_not_right_on_the_first_try_in_the_course_map(
        store, course):
    """Notebook 06's results (the course map) and the notebook's own progress bar."""
    the_quiz = quiz("t1-alpha", store=store, course=course)
    for value in ("a", "b"):  # wrong, then right
        the_quiz.question("alpha-q1").radio.value = value
        the_quiz.question("alpha-q1").check_button.click()
    rows = {row["topic_id"]: row for row in course_overview(store=store, course=course).rows}
    assert rows["t1-alpha"]["quiz"] == "Right on the first try: 0 of 3; after retries: 1 of 3"
    bar = progress_bar("t1-alpha", store=store, course=course)
    assert bar.steps[0].text == ("◐ Quiz: 1 of 3 questions answered · right on the first try:"
                                 " 0 of 3; after retries: 1 of 3")


def test_the_course_map_keeps_first_tries_after_a_reset_and_earlier_versions_apart(
        store, course):
    store.save_answer("t2-beta", "beta-q1", "a", 1, 1, True)
    store.reset_answers("t2-beta")
    store.save_answer("t1-alpha", "alpha-q1", "b", 1, 1, True, version="0123456789abcdef")
    rows = {row["topic_id"]: row for row in course_overview(store=store, course=course).rows}
    assert rows["t2-beta"]["quiz"] == "Right on the first try: 1 of 2; after retries: 0 of 2"
    assert rows["t1-alpha"]["quiz"] == ("Right on the first try: 0 of 3; after retries: 0 of 3;"
                                        " 1 answer to an earlier version, not counted")


def test_css_classes(store, course):
    assert "netlearn-progress" in progress_bar("t1-alpha", store=store,
                                               course=course)._dom_classes
    assert "netlearn-overview" in course_overview(store=store, course=course)._dom_classes


def test_hostile_titles_are_escaped(store, hostile_course):
    assert_escaped(course_overview(store=store, course=hostile_course))
    assert_escaped(progress_bar("t1-alpha", store=store, course=hostile_course))
