"""Tests for the branching-scenario widget: every ending, saving, restarting, reopening."""

from __future__ import annotations

import pytest

from netlearn.teaching import grading
from netlearn.widgets import scenario
from tests.helpers import assert_escaped

TOPIC = "t1-alpha"


def walk(widget, choices):
    for index in choices:
        widget.choice_buttons[index].click()


def test_starts_at_the_start_node_with_a_button_per_choice(store, course):
    widget = scenario(TOPIC, store=store, course=course)
    assert widget.scenario_id == "alpha-scn"
    assert widget.current_node == "start"
    assert "You walk in." in widget.node_html.value
    assert [b.description for b in widget.choice_buttons] == ["Greet the host.",
                                                               "Leave at once."]
    assert all("netlearn-choice" in b._dom_classes for b in widget.choice_buttons)
    assert widget.ending_html.value == ""
    assert widget.max_points == 4


def test_a_choice_shows_its_feedback_and_moves_on(store, course):
    widget = scenario(TOPIC, store=store, course=course)
    walk(widget, [0])
    assert widget.current_node == "mid"
    assert "<strong>You chose:</strong> Greet the host." in widget.feedback.value
    assert "Warm." in widget.feedback.value
    assert "✓ Strong move —" in widget.feedback.value  # a symbol, not colour alone
    assert "The host introduces Dana." in widget.node_html.value
    assert widget.points == 2
    assert store.last_answers(TOPIC, kind="scenario") == {}  # saved only at an ending


def test_a_costly_choice_is_marked_in_text(store, course):
    widget = scenario(TOPIC, store=store, course=course)
    walk(widget, [1])
    assert "✗ Costly move —" in widget.feedback.value


@pytest.mark.parametrize("choices, path, label, points, correct, debrief", [
    ([0, 0], ["start", "mid", "good-end"], "✓ Good outcome", 4, True,
     "<strong>Well done:</strong> a next step."),
    ([0, 1], ["start", "mid", "mixed-end"], "◐ Mixed outcome", 3, False,
     "Nothing to build on."),
    ([1], ["start", "poor-end"], "✗ Poor outcome", 0, False, "The evening ended early."),
])
def test_every_ending_shows_outcome_debrief_points_and_is_saved(
        store, course, choices, path, label, points, correct, debrief):
    widget = scenario(TOPIC, store=store, course=course)
    walk(widget, choices)
    assert widget.finished
    assert widget.choice_buttons == []
    assert label in widget.ending_html.value
    assert f"you scored {points} of 4 points" in widget.ending_html.value
    assert debrief in widget.ending_html.value
    saved = store.last_answers(TOPIC, kind="scenario")["alpha-scn"]
    assert saved == {"answer": path, "score": float(points), "max_score": 4.0,
                     "correct": correct, "attempts": 1, "version": ""}
    assert store.last_answers(TOPIC) == {}  # not mixed up with quiz answers


def test_start_again_goes_back_to_the_start(store, course):
    widget = scenario(TOPIC, store=store, course=course)
    walk(widget, [1])
    widget.restart_button.click()
    assert widget.current_node == "start"
    assert widget.points == 0
    assert widget.ending_html.value == ""
    assert widget.feedback.value == ""
    assert len(widget.choice_buttons) == 2
    walk(widget, [0, 0])
    assert store.last_answers(TOPIC, kind="scenario")["alpha-scn"]["attempts"] == 2


def test_reopening_shows_the_last_ending_reached(store, course, reopen):
    widget = scenario(TOPIC, store=store, course=course)
    walk(widget, [0, 0])
    second = scenario(TOPIC, store=store, course=course)
    assert second.finished and "✓ Good outcome" in second.ending_html.value
    second.restart_button.click()
    walk(second, [0, 1])

    fresh = scenario(TOPIC, store=reopen(), course=course)
    assert fresh.finished
    assert fresh.path == ["start", "mid", "mixed-end"]
    assert "◐ Mixed outcome" in fresh.ending_html.value
    assert "you scored 3 of 4 points" in fresh.ending_html.value
    assert "Your last run ended here" in fresh.feedback.value
    fresh.restart_button.click()
    assert fresh.current_node == "start"


def test_a_stale_saved_path_starts_afresh(store, course):
    store.save_answer(TOPIC, "alpha-scn", ["start", "gone-node"], 1, 4, False, kind="scenario")
    widget = scenario(TOPIC, store=store, course=course)
    assert widget.current_node == "start"
    assert not widget.finished


def test_scenario_by_id_and_unknown_ids(store, course):
    assert scenario(TOPIC, "alpha-scn", store=store, course=course).scenario_id == "alpha-scn"
    with pytest.raises(KeyError):
        scenario(TOPIC, "nope", store=store, course=course)
    with pytest.raises(KeyError):
        scenario("t2-beta", store=store, course=course)


def test_hostile_scenario_text_is_escaped(store, hostile_course):
    widget = scenario(TOPIC, store=store, course=hostile_course)
    assert_escaped(widget)
    walk(widget, [0, 0])
    assert_escaped(widget)
    assert "netlearn-scenario" in widget._dom_classes


def test_choices_are_shown_in_each_learners_own_stable_order(store, course, reopen):
    orders = {}
    for seed in (f"seed-{n}" for n in range(1, 9)):
        store.set_setting("option_seed", seed)
        widget = scenario(TOPIC, store=store, course=course)
        shown = [b.description for b in widget.choices_box.children]
        assert sorted(shown) == sorted(b.description for b in widget.choice_buttons)
        assert widget.display_order() == grading.stable_order(
            range(2), f"{seed}\x00alpha-scn\x00start")
        orders[seed] = shown
    assert len({tuple(o) for o in orders.values()}) == 2  # both orders occur among 8 seeds
    store.set_setting("option_seed", "seed-1")
    store.close()
    again = scenario(TOPIC, store=reopen(), course=course)  # a restart keeps the order
    assert [b.description for b in again.choices_box.children] == orders["seed-1"]
    again.choice_buttons[0].click()  # buttons keep their meaning whatever the display order
    assert again.current_node == "mid"
