"""Feedback is announced (polite live region); focus stays in a scenario; HTML stays text."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.widgets import quiz, reflection, scenario, self_assessment
from netlearn.widgets._common import walk
from tests.helpers import HOSTILE, assert_escaped

TOPIC = "t1-alpha"
LIVE = '<div role="status" aria-live="polite" aria-atomic="true">'


def test_quiz_feedback_is_a_polite_live_region(store, course):
    view = quiz(TOPIC, store=store, course=course).question("alpha-q1")
    view.check_button.click()  # nothing chosen: the problem is announced too
    assert view.feedback.value.startswith(LIVE)
    view.radio.value = "b"  # the keyed choice (options are shuffled per learner)
    view.check_button.click()
    assert view.feedback.value.startswith(LIVE) and "✓ Correct" in view.feedback.value


def test_scenario_feedback_and_ending_are_live_and_focus_moves_on(store, course, monkeypatch):
    focused = []
    monkeypatch.setattr(widgets.Button, "focus", lambda self: focused.append(self))
    widget = scenario(TOPIC, store=store, course=course)
    widget.choice_buttons[0].click()
    assert widget.feedback.value.startswith(LIVE) and "Warm." in widget.feedback.value
    assert focused == [widget.choice_buttons[0]], "focus goes to the first new choice"
    widget.choice_buttons[0].click()
    assert widget.ending_html.value.startswith(LIVE)
    assert focused[-1] is widget.restart_button, "at an ending focus goes to Start again"


def test_html_in_labels_and_prompts_stays_text_and_names_the_control(store, hostile_course):
    built = [quiz(TOPIC, store=store, course=hostile_course),
             self_assessment(TOPIC, store=store, course=hostile_course),
             reflection(TOPIC, store=store, course=hostile_course),
             scenario(TOPIC, store=store, course=hostile_course)]
    for widget in built:
        assert_escaped(widget)
        named = [w for w in walk(widget) if isinstance(
            w, (widgets.Button, widgets.RadioButtons, widgets.ToggleButtons, widgets.Textarea,
                widgets.Checkbox))]
        assert named, widget
        for control in named:
            # descriptions and tooltips are plain text (set as text, never parsed as HTML)
            assert control.description.strip() and control.tooltip.strip(), control
            assert not getattr(control, "description_allow_html", False)
    radio = built[0].question("alpha-q1").radio
    assert radio.options[0][0].endswith(HOSTILE), "the label keeps the markup as visible text"
    likert = next(iter(built[1].likerts.values()))
    assert HOSTILE in likert.tooltip
    assert any(HOSTILE in b.description for b in built[3].choice_buttons)
