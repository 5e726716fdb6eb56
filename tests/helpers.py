"""Helpers shared by the tests: hostile strings and the escaping asserts."""

from __future__ import annotations

import html
import os
import time
from contextlib import contextmanager

import pytest

#: Would run script if it reached HTML unescaped; course fields in tests/widgets carry it.
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
#: The shorter one the learner-data forms and importers plant in names and notes.
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def html_values(widget) -> list[str]:
    """The value of every ``ipywidgets.HTML`` inside ``widget`` (the widget itself included)."""
    import ipywidgets as widgets

    from netlearn.widgets._common import walk

    return [w.value for w in walk(widget) if isinstance(w, widgets.HTML)]


def assert_escaped(widget, shown: str = "<script>alert(1)</script>", *,
                   expect_in_html: bool = True) -> None:
    """Assert that no HTML value inside ``widget`` holds raw markup from a hostile string.

    Parameters
    ----------
    widget : ipywidgets.Widget
    shown : str, default the script tag of :data:`HOSTILE`
        Hostile markup the widget displays; it must appear, escaped, in some HTML value.
    expect_in_html : bool, default True
        False for a widget that shows the hostile text only in non-HTML widgets.
    """
    values = html_values(widget)
    for value in values:
        assert "<script" not in value.lower()
        assert "<img" not in value.lower()
    if expect_in_html:
        escaped = html.escape(shown, quote=False)
        assert any(escaped in value for value in values), f"{escaped!r} is not shown"


def single_item(item_id: str, objective: str, extra: str = "", **marks) -> dict:
    """A single-choice item whose option ``r`` is right and ``w`` wrong (``reserve=True``,
    ``pretest=True`` and ``tips=[...]`` go into the item as they are)."""
    return {"id": item_id, "type": "single", "prompt": f"Question {item_id}?{extra}",
            "objectives": [objective], "tips": marks.pop("tips", []), **marks,
            "choices": [
                {"id": "r", "text": f"Right.{extra}", "correct": True, "feedback": "Yes."},
                {"id": "w", "text": f"Wrong.{extra}", "correct": False, "feedback": "No."}]}


def write_retrieval_course(directory, reserves: int = 2, pretest: bool = True,
                           extra: str = ""):
    """Write and load a course of three mistake topics (t1, t2, t3) and a plan (t9).

    Each mistake topic has two objectives (``t1-o1``, ``t1-o2``, …), two quiz items per
    objective (``t1-q1`` … ``t1-q4``: q1 and q2 test o1), ``reserves`` reserve items per
    objective (``t1-r1-1``, ``t1-r1-2`` test o1; ``t1-r2-…`` o2) and, with ``pretest``, one
    pre-question per objective (``t1-p1``, ``t1-p2``). ``extra`` is appended to item text.
    """
    topics = [{"id": "t0-intro", "kind": "intro", "title": "Intro", "minutes": 10,
               "key_question": "Why?"}]
    files: dict = {"t0-intro/topic.yaml": {"objectives": [{"id": "t0-o", "text": "Start."}],
                                           "tips": [], "key_points": ["Begin."]},
                   "t0-intro/reflections.yaml": {"prompts": [{"id": "t0-r", "text": "Why?"}]},
                   "t0-intro/facilitator.yaml": {"notes": "Go."}}
    for n in (1, 2, 3):
        tid = f"t{n}"
        topics.append({"id": tid, "kind": "mistake", "mistake": f"Mistake {n}",
                       "title": f"Topic {n}", "minutes": 20, "key_question": "How?"})
        items = []
        for o in (1, 2):
            objective = f"{tid}-o{o}"
            items += [single_item(f"{tid}-q{2 * o - 1}", objective, extra, tips=[f"{tid}-tip"]),
                      single_item(f"{tid}-q{2 * o}", objective, extra)]
            items += [single_item(f"{tid}-r{o}-{k}", objective, extra, reserve=True)
                      for k in range(1, reserves + 1)]
            if pretest:
                items.append(single_item(f"{tid}-p{o}", objective, extra, pretest=True))
        files.update({
            f"{tid}/topic.yaml": {
                "objectives": [{"id": f"{tid}-o{o}", "text": f"Objective {o} of {tid}.{extra}"}
                               for o in (1, 2)],
                "tips": [{"id": f"{tid}-tip", "text": "A tip."}], "key_points": ["A point."]},
            f"{tid}/questions.yaml": {"questions": items},
            f"{tid}/self-assessment.yaml": {"statements": [{"id": f"{tid}-s", "text": "I do."}]},
            f"{tid}/reflections.yaml": {"prompts": [{"id": f"{tid}-refl", "text": "Why?"}]},
            f"{tid}/facilitator.yaml": {"notes": "Go."},
        })
    topics.append({"id": "t9-plan", "kind": "plan", "title": "Plan", "minutes": 20,
                   "key_question": "Next?"})
    files.update({"t9-plan/topic.yaml": {"objectives": [{"id": "t9-o", "text": "Plan."}],
                                         "tips": [], "key_points": ["Plan."]},
                  "t9-plan/reflections.yaml": {"prompts": [{"id": "t9-r", "text": "Next?"}]},
                  "t9-plan/facilitator.yaml": {"notes": "Go."}})
    files["course.yaml"] = {"version": 1, "title": "Retrieval course", "topics": topics}
    return write_content(directory, files)


def write_content(directory, files: dict):
    """Write relative path -> YAML data under ``directory``; return the course loaded from it."""
    from pathlib import Path

    import yaml

    from netlearn.teaching.content import load_course

    for relative, data in files.items():
        path = Path(directory) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return load_course(directory)


def default_course():
    """The default course, whatever NETLEARN_CONTENT says."""
    import os

    from netlearn.teaching.content import load_course

    saved = os.environ.pop("NETLEARN_CONTENT", None)
    try:
        return load_course()
    finally:
        if saved is not None:
            os.environ["NETLEARN_CONTENT"] = saved


@contextmanager
def learner_time_zone(name: str):
    """Run the block as a learner whose computer is set to time zone ``name``.

    Importers put times on the learner's clock (``plumbing.clock.local_wall_clock``), which
    reads the process's zone: ``TZ``, applied with ``time.tzset`` (not on Windows).
    """
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are set through TZ only where time.tzset exists")
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
