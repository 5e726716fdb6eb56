"""Widgets share their default layout and style models, and a screen opens few models."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.teaching.content import course as load_course
from netlearn.widgets import quiz, self_assessment
from netlearn.widgets.shared_models import html, make, shared


def _models_opened(build) -> int:
    """How many widget models ``build()`` opens (each is a comm to the browser)."""
    before = set(widgets.widgets.widget._instances)
    build()
    return len(set(widgets.widgets.widget._instances) - before)


def test_defaults_are_one_model_each():
    first, second = html("<p>a</p>"), html("<p>b</p>")
    assert first.layout is second.layout
    assert first.style is second.style
    assert first.model_id != second.model_id


def test_a_style_dict_becomes_one_shared_model_per_value_set():
    a = make(widgets.ToggleButtons, options=["x"], style={"button_width": "auto"})
    b = make(widgets.ToggleButtons, options=["y"], style={"button_width": "auto"})
    c = make(widgets.ToggleButtons, options=["z"], style={"button_width": "9em"})
    assert a.style is b.style
    assert c.style is not a.style and c.style.button_width == "9em"
    assert isinstance(a.style, widgets.ToggleButtonsStyle)


def test_a_layout_dict_is_shared_and_a_layout_model_is_kept():
    own = widgets.Layout(visibility="hidden")
    mine = make(widgets.IntProgress, layout=own)
    wide = make(widgets.Text, layout={"width": "100%"})
    also_wide = make(widgets.Text, layout={"width": "100%"})
    assert mine.layout is own
    assert wide.layout is also_wide.layout and wide.layout.width == "100%"


def test_a_closed_shared_model_is_made_again():
    old = shared(widgets.Layout)
    old.close()
    fresh = html("")
    assert fresh.layout is not old and fresh.layout.comm is not None


def test_a_self_assessment_opens_fewer_than_five_models_per_statement(store):
    course = load_course()
    statements = sum(len(topic.statements) for topic in course.topics)
    opened = _models_opened(lambda: self_assessment(None, "before", store=store,
                                                    course=course))
    # a statement is a box, its text, the five buttons and a note: 4 models, not 10
    assert statements >= 10 and opened < 5 * statements


def test_a_quiz_opens_fewer_models_than_it_did_with_private_defaults(store):
    course = load_course()
    topic = next(topic for topic in course.topics if topic.questions)
    opened = _models_opened(lambda: quiz(topic.id, store=store, course=course))
    # with a layout and a style model of its own for every widget, a question took
    # about 26 models; with shared defaults about 11 remain
    assert opened < 16 * len(topic.questions)
