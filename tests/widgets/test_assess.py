"""Tests for the self-assessment (Likert) and reflection widgets."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from netlearn.widgets import reflection, self_assessment
from tests.helpers import assert_escaped
from tests.storedb import db_rows

# -- self-assessment -----------------------------------------------------------------


def test_before_phase_groups_every_mistake_topics_statements(store, course):
    widget = self_assessment(None, "before", store=store, course=course)
    assert list(widget.likerts) == ["alpha-s1", "alpha-s2", "beta-s1"]
    assert widget.statement_topics == {"alpha-s1": "t1-alpha", "alpha-s2": "t1-alpha",
                                       "beta-s1": "t2-beta"}
    headings = [v for v in widget.html_values() if v.startswith("<h3>")]
    assert [h.split(" <span")[0] for h in headings] == ["<h3>Alpha", "<h3>Beta"]
    assert "Alpha mistake" in headings[0]


def test_likert_items_are_labelled_toggle_buttons(store, course):
    widget = self_assessment("t1-alpha", store=store, course=course)
    likert = widget.likerts["alpha-s1"]
    assert isinstance(likert, widgets.ToggleButtons)
    assert likert.options[0] == ("1 · Not like me", 1)
    assert likert.options[-1] == ("5 · Very like me", 5)
    assert likert.value is None
    assert likert.description and likert.tooltip and all(likert.tooltips)
    assert "netlearn-likert" in likert._dom_classes


def test_a_rating_is_saved_as_soon_as_it_is_picked(store, course):
    widget = self_assessment(None, "before", store=store, course=course)
    widget.likerts["alpha-s1"].value = 2
    widget.likerts["beta-s1"].value = 5
    assert store.self_assessments("before") == {
        ("t1-alpha", "alpha-s1", "before"): 2, ("t2-beta", "beta-s1", "before"): 5}
    assert "◐ Saved · 2 of 3 statements rated." in widget.status.value
    widget.likerts["alpha-s2"].value = 3
    assert "✓ Saved · all 3 statements rated." in widget.status.value


def test_check_phase_shows_only_the_topic_and_restores_on_reopen(store, course, reopen):
    widget = self_assessment("t1-alpha", "check", store=store, course=course)
    assert list(widget.likerts) == ["alpha-s1", "alpha-s2"]
    widget.likerts["alpha-s2"].value = 4
    widget.likerts["alpha-s2"].value = 3  # the latest rating wins
    fresh = self_assessment("t1-alpha", "check", store=reopen(), course=course)
    assert fresh.likerts["alpha-s2"].value == 3
    assert fresh.likerts["alpha-s1"].value is None
    assert store.self_assessments("check") == {("t1-alpha", "alpha-s2", "check"): 3}
    # phases are kept apart
    assert self_assessment("t1-alpha", "after", store=store,
                           course=course).likerts["alpha-s2"].value is None


def test_after_phase_shows_the_earlier_rating_only_once_re_rated(store, course, reopen):
    store.save_self_assessment("t1-alpha", "alpha-s1", "before", 2)
    widget = self_assessment(None, "after", store=store, course=course)
    # not before the learner re-rates: the earlier rating would anchor the new one
    assert not any("you chose" in v for v in widget.html_values())
    assert widget.earlier["alpha-s1"].value == ""
    widget.likerts["alpha-s1"].value = 4
    shown = widget.earlier["alpha-s1"].value
    assert "Before the course you chose 2 · A little like me; now 4 · Mostly like me (up 2)." \
        in shown
    assert widget.earlier["alpha-s2"].value == ""  # other statements stay hidden
    # a re-rated statement shows its change on reopening
    fresh = self_assessment(None, "after", store=reopen(), course=course)
    assert "(up 2)" in fresh.earlier["alpha-s1"].value


def test_check_in_phase_compares_with_before_and_after(store, course):
    store.save_self_assessment("t1-alpha", "alpha-s1", "before", 2)
    store.save_self_assessment("t1-alpha", "alpha-s1", "after", 4)
    widget = self_assessment(None, "check-in", store=store, course=course)
    assert widget.earlier["alpha-s1"].value == ""
    widget.likerts["alpha-s1"].value = 3
    shown = widget.earlier["alpha-s1"].value
    assert "Before the course you chose 2 · A little like me; now 3" in shown
    assert "(up 1)" in shown and "(down 1)" in shown
    assert store.self_assessments("check-in") == {("t1-alpha", "alpha-s1", "check-in"): 3}


def test_unknown_phase_is_rejected(store, course):
    with pytest.raises(ValueError, match="phase must be one of"):
        self_assessment("t1-alpha", "during", store=store, course=course)


def test_topic_without_statements_says_so(store, course):
    widget = self_assessment("t0-intro", "check", store=store, course=course)
    assert widget.likerts == {}
    assert any("no self-assessment statements" in v for v in widget.html_values())


def test_hostile_statements_are_escaped(store, hostile_course):
    widget = self_assessment(None, "before", store=store, course=hostile_course)
    widget.likerts["alpha-s1"].value = 1
    assert_escaped(widget)


# -- reflection ----------------------------------------------------------------------


SAVED = re.compile(r"Saved \d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def test_reflection_saves_with_a_timestamp(store, course):
    widget = reflection("t1-alpha", store=store, course=course)
    assert [e.prompt_id for e in widget.entries] == ["alpha-r1", "alpha-r2"]
    entry = widget.entry("alpha-r1")
    assert "Not saved yet" in entry.saved_label.value
    entry.textarea.value = "I would pick two people to meet."
    entry.save_button.click()
    assert SAVED.search(entry.saved_label.value)
    row = store.reflections("t1-alpha")[("t1-alpha", "alpha-r1")]
    assert row["text"] == "I would pick two people to meet."
    assert ("t1-alpha", "alpha-r2") not in store.reflections("t1-alpha")


def test_reflection_text_comes_back_on_reopen_and_can_be_edited(store, course, reopen):
    widget = reflection("t1-alpha", store=store, course=course)
    widget.entry("alpha-r1").textarea.value = "First draft."
    widget.entry("alpha-r1").save_button.click()

    fresh = reflection("t1-alpha", store=reopen(), course=course)
    entry = fresh.entry("alpha-r1")
    assert entry.textarea.value == "First draft."
    assert SAVED.search(entry.saved_label.value)
    entry.textarea.value = "Second draft."
    assert "not saved yet" in entry.saved_label.value
    entry.save_button.click()
    assert SAVED.search(entry.saved_label.value)
    rows = db_rows(store, "SELECT text FROM reflections WHERE topic = 't1-alpha'")
    assert [r["text"] for r in rows] == ["Second draft."]


def test_reflection_widget_parts_are_labelled(store, course):
    widget = reflection("t1-alpha", store=store, course=course)
    assert "netlearn-reflection" in widget._dom_classes
    entry = widget.entries[0]
    assert entry.textarea.description == "Your reflection"
    assert "What would you change?" in entry.textarea.tooltip
    assert entry.save_button.description == "Save"


def test_topic_without_prompts_says_so(store, course):
    widget = reflection("t2-beta", store=store, course=course)
    assert widget.entries == []
    assert any("no reflection prompts" in v for v in widget.html_values())


def test_hostile_reflection_text_and_prompt_are_escaped(store, hostile_course, hostile,
                                                        reopen):
    widget = reflection("t1-alpha", store=store, course=hostile_course)
    entry = widget.entries[0]
    entry.textarea.value = f"My plan {hostile}"
    entry.save_button.click()
    assert_escaped(widget)  # the hostile prompt shows escaped
    fresh = reflection("t1-alpha", store=reopen(), course=hostile_course)
    assert fresh.entries[0].textarea.value == f"My plan {hostile}"  # a textarea shows text
    assert_escaped(fresh)
