"""Honest timings: stated minutes at least the estimate, labels that add up, nothing at 0."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import pytest

from netlearn.facilitator.agenda import plan_agenda
from netlearn.facilitator.notebook_builder import parse_source, read_source, topic_source
from netlearn.teaching import timing

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted((ROOT / "course-src").glob("*.py"))
HEADER_MINUTES = re.compile(r"⏱ about (\d+) minutes(?: \(core sections: about (\d+)\))?")


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


def labels_of(cells: list[dict]) -> list[tuple[str, int]]:
    """``(kind, minutes)`` of every section label a learner sees, in order."""
    found = []
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            if timing.SECTION_MARK.match(line):
                kind, minutes = re.match(r"\*(\w+) · about (\d+) min\*", line).groups()
                found.append((kind, int(minutes)))
    return found


# -- every screen and chart has a time of its own ------------------------------------------


def code_in_sources(course) -> str:
    """The code of every course source and of a facilitator's generic topic notebook."""
    cells = [cell for source in SOURCES for cell in read_source(source)]
    for topic in course.topics:
        cells += parse_source(topic_source(topic), "<generated>")
    return "\n".join("\n".join(line for line in cell.source.splitlines()
                               if not line.lstrip().startswith("#"))
                     for cell in cells if cell.kind == "code")


def test_every_screen_and_chart_a_notebook_shows_has_minutes_of_its_own(course):
    code = code_in_sources(course)
    calls = {m["name"] for m in timing.CALL.finditer(code)}
    charts = {m["name"] for m in timing.CHART.finditer(code)}
    assert {"quiz", "show_chart", "pitch_builder"} <= calls and "event_preparation" in charts
    untimed = sorted(calls - {"show_chart"} - set(timing.SCREEN_MINUTES) - timing.NOT_SCREENS)
    assert not untimed, (f"netlearn.{untimed[0]}() is shown in a notebook but has no minutes:"
                         " add it to SCREEN_MINUTES in netlearn/teaching/timing.py (or to"
                         f" NOT_SCREENS if it shows nothing); untimed: {untimed}")
    uncharted = sorted(charts - set(timing.CHART_MINUTES))
    assert not uncharted, (f"charts.{uncharted[0]} is shown in a notebook but has no minutes:"
                           " add it to CHART_MINUTES in netlearn/teaching/timing.py")
    shown = calls & set(timing.SCREEN_MINUTES) - set(timing.CONTENT_SCREENS)
    assert all(timing.SCREEN_MINUTES[name] > 0 for name in shown)
    assert all(timing.CHART_MINUTES[name] > 0 for name in charts)


def test_the_tables_name_real_screens_and_charts():
    import netlearn
    from netlearn import charts

    public = set(netlearn.__all__)
    assert set(timing.SCREEN_MINUTES) <= public and timing.NOT_SCREENS <= public
    assert not set(timing.SCREEN_MINUTES) & timing.NOT_SCREENS
    assert all(callable(getattr(charts, name)) for name in timing.CHART_MINUTES)


def test_a_new_screen_is_caught_and_a_chart_counts(course):
    topic = course.topic("01-preparation")
    cells = [{"cell_type": "code", "metadata": {"jupyter": {"source_hidden": True}},
              "source": "netlearn.new_consent_screen()\n"
                        "netlearn.show_chart(charts.event_preparation, net, today=today)"}]
    (preamble,) = timing.estimate_sections(cells, topic, course)
    assert "tools" not in preamble.parts  # no time of its own: the source test above names it
    assert preamble.parts["charts"] == timing.CHART_MINUTES["event_preparation"]


# -- stated times: at least the estimate, and labels that add up ---------------------------


@pytest.mark.parametrize("topic_id", topic_ids())
def test_stated_minutes_are_at_least_the_estimate(topic_id, course):
    topic = course.topic(topic_id)
    full, core = timing.estimate(cells_of(topic_id), topic, course)
    stated_core = topic.core_minutes or topic.minutes
    assert topic.minutes >= full, (
        f"{topic_id}: course.yaml says {topic.minutes} min, the notebook asks about"
        f" {full:.1f}: state the real time or trim the notebook")
    assert stated_core >= core, f"{topic_id}: core {stated_core} min for {core:.1f}"
    for section, minutes in timing.stated_sections(cells_of(topic_id), topic, course):
        assert minutes >= section.minutes, f"{topic_id}: {section.title!r} {minutes} min"


@pytest.mark.parametrize("topic_id", topic_ids())
def test_section_labels_add_up_to_the_header_and_course_yaml(topic_id, course):
    topic = course.topic(topic_id)
    cells = cells_of(topic_id)
    labels = labels_of(cells)
    full = sum(m for _, m in labels)
    core = sum(m for kind, m in labels if kind == "Core")
    header_full, header_core = HEADER_MINUTES.search("".join(cells[0]["source"])).groups()
    assert int(header_full) == full == topic.minutes, (
        f"{topic_id}: the sections add up to {full} min, the header and course.yaml say"
        f" {header_full} and {topic.minutes}: set course.yaml minutes to {full}")
    assert int(header_core or header_full) == core == (topic.core_minutes or topic.minutes), (
        f"{topic_id}: the core sections add up to {core} min; set course.yaml core_minutes")
    assert (full, core) == timing.stated_minutes(cells, topic, course)


SECTION_TIME_IN_PROSE = re.compile(
    r"\bit takes (?:about |around )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r" minutes", re.I)


@pytest.mark.parametrize("topic_id", topic_ids())
def test_prose_leaves_a_sections_time_to_its_label(topic_id):
    # 00 said "It takes about five minutes" under a label with another number
    for cell in cells_of(topic_id):
        if cell["cell_type"] == "markdown":
            found = SECTION_TIME_IN_PROSE.search("".join(cell["source"]))
            assert not found, f"{topic_id}: {found.group(0)!r}: the label says how long"


@pytest.mark.parametrize("topic_id", topic_ids())
def test_every_section_is_marked_core_or_optional_with_its_minutes(topic_id, course):
    topic = course.topic(topic_id)
    stated = timing.stated_sections(cells_of(topic_id), topic, course)
    assert stated, f"{topic_id} has no '##' sections"
    labels = labels_of(cells_of(topic_id))
    assert labels == [("Core" if s.core else "Optional", m) for s, m in stated]
    assert any(s.core for s, _ in stated)


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


def test_shown_minutes_round_up_so_a_label_is_never_under_its_estimate():
    assert [timing.shown_minutes(m) for m in (0.0, 0.2, 1.0, 1.01, 4.5)] == [1, 1, 1, 2, 5]


SINGLE = {"type": "single", "prompt": "Pick one.", "choices": [
    {"id": "a", "text": "Yes.", "correct": True, "feedback": "Right."},
    {"id": "b", "text": "No.", "correct": False, "feedback": "Wrong."}]}


def test_a_longer_item_takes_longer():
    long = dict(SINGLE, prompt="Pick one. " + "word " * 200)
    assert timing.question_minutes(long) - timing.question_minutes(SINGLE) == pytest.approx(1.0)


def test_an_item_counts_choosing_checking_and_a_share_of_retries():
    expected = (4 / 200 + (2 * timing.CHOOSE_SECONDS + timing.CHECK_SECONDS) / 60 + 1 / 200
                + timing.RETRY_SHARE * (1 / 200 + (timing.CHOOSE_SECONDS
                                                   + timing.CHECK_SECONDS) / 60))
    assert timing.question_minutes(SINGLE) == pytest.approx(expected)


def test_a_multiple_answer_item_counts_every_right_options_feedback():
    item = {"type": "multiple", "prompt": "Tick.", "choices": [
        {"id": c, "text": "x", "correct": c != "c", "feedback": "word " * 40} for c in "abc"]}
    one_right = copy.deepcopy(item)
    one_right["choices"][1]["correct"] = False
    # the second right answer's 40 words of feedback are read too, not only the longest
    gained = timing.question_minutes(item) - timing.question_minutes(one_right)
    assert gained == pytest.approx(40 / 200)


def test_a_judgement_item_counts_every_responses_rationale():
    item = {"type": "judgement", "situation": "A tricky moment.", "prompt": "Rate each.",
            "explanation": "Why.", "responses": [
                {"id": r, "text": "Do this.", "rating": "best", "rationale": "because " * 30}
                for r in "abcd"]}
    longer = copy.deepcopy(item)
    longer["responses"][2]["rationale"] += "and more " * 50
    assert timing.question_minutes(longer) - timing.question_minutes(item) == pytest.approx(
        100 / 200)
    assert timing.question_minutes(item) > (4 * 30) / 200 + 4 * timing.RATE_SECONDS / 60


SCENARIO = {"id": "s", "title": "T", "start": "a", "nodes": {
    "a": {"text": "one two", "choices": [
        {"text": "go", "next": "end", "feedback": "ok ok", "points": 2},
        {"text": "wait", "next": "b", "feedback": "hmm", "points": 1}]},
    "b": {"text": "three", "choices": [
        {"text": "go", "next": "end", "feedback": "fine", "points": 2},
        {"text": "back", "next": "a", "feedback": "loop", "points": 0}]},
    "end": {"ending": True, "outcome": "good", "debrief": "word " * 20}}}


def test_a_scenario_is_played_twice_along_an_average_path_with_its_debrief():
    paths = timing.scenario_paths(SCENARIO)
    assert paths == [[("a", 0), ("end", None)], [("a", 1), ("b", 0), ("end", None)]]
    choose = timing.CHOOSE_SECONDS / 60
    # each step: its text and every choice (4 words at a, 3 at b), the choice's feedback
    short = (4 + 2) / 200 + choose + 20 / 200  # and the ending's debrief
    long = (4 + 1) / 200 + choose + (3 + 1) / 200 + choose + 20 / 200
    assert timing.scenario_minutes(SCENARIO) == pytest.approx(
        timing.SCENARIO_PLAYS * (short + long) / 2)


def test_sections_count_prose_calls_charts_tasks_and_markers(course):
    topic = course.topic("01-preparation")
    hidden = {"jupyter": {"source_hidden": True}}
    cells = [
        {"cell_type": "markdown", "id": "header", "source": "# 01 · Title\n\n" + "word " * 100},
        {"cell_type": "markdown", "source": "## Practice\n\n*Optional · about 9 min*\n\n"
                                            + "word " * 200
                                            + "\n<!-- task: 5 min, look up the speakers -->"},
        {"cell_type": "code", "metadata": hidden, "source": "netlearn.pitch_builder()"},
        {"cell_type": "markdown", "source": "## Quiz\n\n*Core · about 1 min*"},
        {"cell_type": "code", "metadata": hidden, "source": 'netlearn.quiz("01-preparation")'},
        {"cell_type": "markdown", "id": "questions", "source": "word " * 5000},
        {"cell_type": "code", "metadata": {"tags": ["nbval-check-output"]},
         "source": "# netlearn.reflection('01-preparation')\nprint(1)"},
    ]
    preamble, practice, quiz = timing.estimate_sections(cells, topic, course)
    assert not preamble.heading and preamble.minutes == pytest.approx(102 / 200)
    assert practice.title == "Practice" and practice.core is False
    assert practice.parts == {"reading": pytest.approx(1.0), "tasks": 5.0,
                              "running": timing.RUN_CELL_MINUTES,
                              "tools": timing.SCREEN_MINUTES["pitch_builder"]}
    assert quiz.core is True
    assert quiz.parts["items"] == pytest.approx(
        timing.SCREEN_MINUTES["quiz"] + sum(timing.question_minutes(q) for q in topic.questions))
    assert "writing" not in quiz.parts and quiz.parts["outputs"] == timing.OUTPUT_MINUTES
    assert quiz.parts["reading"] == timing.OPEN_CODE_MINUTES  # the tagged cell stays open
    full, core = timing.estimate(cells, topic, course)
    assert full == pytest.approx(preamble.minutes + practice.minutes + quiz.minutes)
    assert core == pytest.approx(preamble.minutes + quiz.minutes)
    (first, shown_first), (second, shown_second) = timing.stated_sections(cells, topic, course)
    assert shown_first == timing.shown_minutes(preamble.minutes + practice.minutes)
    assert shown_second == timing.shown_minutes(quiz.minutes)


def test_the_builder_refuses_an_unmarked_heading(tmp_path):
    from netlearn.facilitator.notebook_builder import BuildError, SourceCell, mark_sections

    source = tmp_path / "x.py"
    cell = SourceCell("markdown", "Intro\n\n## Practice", None, 3)
    with pytest.raises(BuildError, match=r"x\.py:6: a '##' heading must end"):
        mark_sections(cell, source)
    cell = SourceCell("markdown", "## Practice {optional}", None, 1)
    assert mark_sections(cell, source) == "## Practice\n\n*Optional · about 0 min*"
    assert re.search(r"\{core\}", (ROOT / "course-src" / "07-check-in.py").read_text())
