"""Accessibility sweep over every widget: names on inputs, no sliders, no HTML descriptions."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from netlearn.plumbing.paths import set_facilitator_mode
from netlearn.widgets import (
    core_task,
    course_overview,
    openers,
    pitch_builder,
    pre_questions,
    progress_bar,
    quiz,
    reflection,
    scenario,
    self_assessment,
)
from netlearn.widgets._common import walk
from netlearn.widgets.practice.owndata import triage_list
from tests.helpers import write_retrieval_course

BUILDERS = {
    "quiz": lambda s, c: quiz("t1-alpha", store=s, course=c),
    "self_assessment": lambda s, c: self_assessment(None, "before", store=s, course=c),
    "self_check": lambda s, c: self_assessment("t1-alpha", store=s, course=c),
    "reflection": lambda s, c: reflection("t1-alpha", store=s, course=c),
    "scenario": lambda s, c: scenario("t1-alpha", store=s, course=c),
    "pitch_builder": lambda s, c: pitch_builder(store=s, course=c),
    "progress_bar": lambda s, c: progress_bar("t1-alpha", store=s, course=c),
    "course_overview": lambda s, c: course_overview(store=s, course=c),
}
INPUTS = (widgets.Button, widgets.Checkbox, widgets.RadioButtons, widgets.ToggleButtons,
          widgets.Textarea, widgets.Dropdown, widgets.FloatProgress)
SLIDERS = (widgets.IntSlider, widgets.FloatSlider, widgets.SelectionSlider,
           widgets.IntRangeSlider, widgets.FloatRangeSlider, widgets.SelectionRangeSlider)


#: Screens that need more than the small test course: pre-questions and openers on a
#: course that has them, every core task on the default content, the triage on Sam's sample.
MORE_BUILDERS = {
    "pre_questions": lambda s, d: pre_questions("t1", store=s,
                                                course=write_retrieval_course(d)),
    "openers": lambda s, d: openers("t2", store=s, course=write_retrieval_course(d)),
    "triage_list": lambda s, d: triage_list(store=s),
    **{f"core_task {topic_id}": (lambda s, d, t=topic_id: _compared(core_task(t, store=s)))
       for topic_id in ("01-preparation", "02-giving-not-just-taking", "03-following-up",
                        "04-online-networking", "05-maintaining-relationships")},
}


def _compared(task):
    task.compare()
    return task


@pytest.fixture(params=sorted(BUILDERS) + sorted(MORE_BUILDERS))
def built(request, store, course, tmp_path):
    set_facilitator_mode(True)  # build everything a facilitator would see, too
    if request.param in BUILDERS:
        return BUILDERS[request.param](store, course)
    return MORE_BUILDERS[request.param](store, tmp_path / "content")


def test_returns_a_vbox_with_netlearn_classes(built):
    assert isinstance(built, widgets.VBox)
    assert "netlearn-root" in built._dom_classes


def test_every_input_has_an_accessible_name(built):
    for widget in walk(built):
        if isinstance(widget, INPUTS):
            assert widget.description.strip(), widget
            assert widget.tooltip and widget.tooltip.strip(), widget
        if isinstance(widget, widgets.ToggleButtons):
            assert all(label.strip() for label, _ in widget.options)
            assert len(widget.tooltips) == len(widget.options)


def test_no_sliders_and_no_html_descriptions(built):
    for widget in walk(built):
        assert not isinstance(widget, SLIDERS), widget
        assert getattr(widget, "description_allow_html", False) is False, widget
