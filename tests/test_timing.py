"""Honest timings: stated minutes against an estimate from each notebook and its content."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from netlearn.facilitator.agenda import plan_agenda
from netlearn.teaching import timing

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
HONEST = 0.85  # a stated time under 0.85 of the estimate fails
GENEROUS = 1.35  # one far above it is not honest either


@pytest.fixture(scope="module")
def course():
    from netlearn.teaching.content import load_course

    saved = os.environ.pop("NETLEARN_CONTENT", None)
    try:
        return load_course()
    finally:
        if saved is not None:
            os.environ["NETLEARN_CONTENT"] = saved


def cells_of(topic_id: str) -> list[dict]:
    return json.loads((NOTEBOOKS / f"{topic_id}.ipynb").read_text(encoding="utf-8"))["cells"]


def topic_ids():
    import yaml

    data = yaml.safe_load((ROOT / "netlearn" / "content" / "course.yaml").read_text("utf-8"))
    return [t["id"] for t in data["topics"]]


@pytest.mark.parametrize("topic_id", topic_ids())
def test_stated_minutes_are_honest(topic_id, course):
    topic = course.topic(topic_id)
    full, core = timing.estimate(cells_of(topic_id), topic, course)
    assert topic.minutes >= HONEST * full, (
        f"{topic_id}: course.yaml says {topic.minutes} min, the notebook asks about"
        f" {full:.0f}: state the real time or trim the notebook")
    assert topic.minutes <= GENEROUS * full, f"{topic_id}: {topic.minutes} min for ~{full:.0f}"
    stated_core = topic.core_minutes or topic.minutes
    assert stated_core >= HONEST * core, f"{topic_id}: core {stated_core} min for ~{core:.0f}"
    assert stated_core <= GENEROUS * core + 5, f"{topic_id}: core {stated_core} for ~{core:.0f}"


@pytest.mark.parametrize("topic_id", topic_ids())
def test_every_section_is_marked_core_or_optional_with_its_minutes(topic_id, course):
    topic = course.topic(topic_id)
    sections = [s for s in timing.estimate_sections(cells_of(topic_id), topic, course)
                if s.heading]
    assert sections, f"{topic_id} has no '##' sections"
    marks = [line for cell in cells_of(topic_id) if cell["cell_type"] == "markdown"
             for line in "".join(cell["source"]).splitlines()
             if timing.SECTION_MARK.match(line)]
    assert len(marks) == len(sections)
    for section, mark in zip(sections, marks, strict=True):
        kind = "Core" if section.core else "Optional"
        assert mark == f"*{kind} · about {timing.shown_minutes(section.minutes)} min*"
    assert any(s.core for s in sections)


@pytest.mark.parametrize("topic_id", topic_ids())
def test_header_readme_and_agenda_agree_with_course_yaml(topic_id, course):
    topic = course.topic(topic_id)
    header = "".join(cells_of(topic_id)[0]["source"])
    assert f"⏱ about {topic.minutes} minutes" in header
    if topic.core_minutes and topic.core_minutes < topic.minutes:
        assert f"(core sections: about {topic.core_minutes})" in header
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines()
               if line.startswith("| ") and f"(notebooks/{topic_id}.ipynb)" in line)
    assert row.rstrip(" |").split(" | ")[-2:] == [
        str(topic.minutes), str(topic.core_minutes or topic.minutes)]
    slot = next(s for s in plan_agenda(course, topics=[topic_id]) if s.topic_id == topic_id)
    assert slot.minutes == topic.minutes and slot.core_minutes == (
        topic.core_minutes or topic.minutes)


def test_the_readme_total_is_the_course_total(course):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"About {course.minutes} minutes in all" in readme


@pytest.mark.parametrize("topic_id", [t for t in topic_ids() if t[:2] in
                                      {"01", "02", "03", "04", "05"}])
def test_facilitator_timings_cover_the_notebook(topic_id, course):
    topic = course.topic(topic_id)
    segments = [t["segment"] for t in topic.facilitator["timings"]]
    assert sum(t["minutes"] for t in topic.facilitator["timings"]) == topic.minutes
    for section in ("Now you try", "Practice", "Quiz"):
        assert any(s.startswith(section) for s in segments), f"{topic_id}: no {section!r}"
    headings = [line[3:].strip() for cell in cells_of(topic_id)
                if cell["cell_type"] == "markdown"
                for line in "".join(cell["source"]).splitlines() if line.startswith("## ")]
    worked = [s for s in segments if s.startswith("Worked example")]
    assert worked, f"{topic_id}: no worked-example segment"
    for label in worked:
        assert label in headings, f"{topic_id}: {label!r} is not a heading of the notebook"


@pytest.mark.parametrize("topic_id", topic_ids())
def test_facilitator_timings_add_up_to_the_stated_minutes(topic_id, course):
    timings = course.topic(topic_id).facilitator.get("timings", [])
    assert sum(t["minutes"] for t in timings) == course.topic(topic_id).minutes


# -- the estimator itself ---------------------------------------------------------------------


def test_words_skip_link_targets_comments_and_tags():
    assert timing.words("Read [the guide](https://example.com/a-b-c) <b>now</b>") == 4
    assert timing.words("<!-- tip: x --> don't stop") == 2


def test_a_longer_item_takes_longer(course):
    short = {"type": "single", "prompt": "Pick one.", "choices": [
        {"id": "a", "text": "Yes.", "correct": True, "feedback": "Right."},
        {"id": "b", "text": "No.", "correct": False, "feedback": "Wrong."}]}
    long = dict(short, prompt="Pick one. " + "word " * 200)
    assert timing.question_minutes(long) - timing.question_minutes(short) == pytest.approx(1.0)
    assert timing.question_minutes(short) > timing.DECIDE_MINUTES["single"]


def test_sections_count_prose_calls_and_markers(course):
    topic = course.topic("01-preparation")
    cells = [
        {"cell_type": "markdown", "id": "header", "source": "# 01 · Title\n\n" + "word " * 100},
        {"cell_type": "markdown", "source": "## Practice\n\n*Optional · about 9 min*\n\n"
                                            + "word " * 200},
        {"cell_type": "code", "source": "netlearn.pitch_builder()"},
        {"cell_type": "markdown", "source": "## Quiz\n\n*Core · about 1 min*"},
        {"cell_type": "code", "source": 'netlearn.quiz("01-preparation")'},
        {"cell_type": "markdown", "id": "questions", "source": "word " * 5000},
        {"cell_type": "code", "source": "# netlearn.reflection('01-preparation')\nprint(1)"},
    ]
    preamble, practice, quiz = timing.estimate_sections(cells, topic, course)
    assert not preamble.heading and preamble.minutes == pytest.approx(102 / 200)
    assert practice.title == "Practice" and practice.core is False
    assert practice.parts == {"reading": pytest.approx(1.0),
                              "tools": timing.TOOL_MINUTES["pitch_builder"]}
    assert quiz.core is True
    assert quiz.parts["items"] == pytest.approx(
        sum(timing.question_minutes(q) for q in topic.questions))
    assert "writing" not in quiz.parts and quiz.parts["outputs"] == timing.OUTPUT_MINUTES
    full, core = timing.estimate(cells, topic, course)
    assert full == pytest.approx(preamble.minutes + practice.minutes + quiz.minutes)
    assert core == pytest.approx(preamble.minutes + quiz.minutes)


def test_the_builder_refuses_an_unmarked_heading(tmp_path):
    from netlearn.facilitator.notebook_builder import BuildError, SourceCell, mark_sections

    source = tmp_path / "x.py"
    cell = SourceCell("markdown", "Intro\n\n## Practice", None, 3)
    with pytest.raises(BuildError, match=r"x\.py:6: a '##' heading must end"):
        mark_sections(cell, source)
    cell = SourceCell("markdown", "## Practice {optional}", None, 1)
    assert mark_sections(cell, source) == "## Practice\n\n*Optional · about 0 min*"
    assert re.search(r"\{core\}", (ROOT / "course-src" / "07-check-in.py").read_text())
