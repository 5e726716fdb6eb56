"""Facilitator notes: shown (escaped) in facilitator mode, no output at all otherwise."""

import copy
import json
from pathlib import Path

import pytest

import netlearn
from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.paths import set_facilitator_mode
from netlearn.teaching.content import course as load_course
from netlearn.widgets.facilitator import facilitator_notes, notes_html


@pytest.fixture(autouse=True)
def follow_environment(monkeypatch):
    monkeypatch.delenv("NETLEARN_FACILITATOR", raising=False)
    set_facilitator_mode(None)
    yield
    set_facilitator_mode(None)


def text_of(widget) -> str:
    return "".join(getattr(child, "value", "") for child in widget.children)


def test_learners_see_nothing():
    assert netlearn.facilitator_notes("01-preparation") is None


def _cell_outputs(notebook_path: Path, facilitator: str, monkeypatch, tmp_path):
    """Run a built notebook's facilitator cell in a real kernel; return that cell's outputs."""
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    source = nbformat.read(notebook_path, as_version=4)
    cell = next(c for c in source.cells if "netlearn.facilitator_notes(" in c.source)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import netlearn"), cell])
    monkeypatch.setenv("NETLEARN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NETLEARN_FACILITATOR", facilitator)
    client = nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(notebook_path.parent)}})
    client.execute()
    return notebook.cells[1].outputs


NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
GUIDE = NOTEBOOKS / "facilitator" / "facilitator-guide.ipynb"


def test_the_built_cell_has_no_output_at_all_when_the_mode_is_off(monkeypatch, tmp_path):
    # no widget view (not even an empty, hidden one), no text, no blank line
    assert _cell_outputs(GUIDE, "0", monkeypatch, tmp_path) == []


def test_the_built_cell_shows_the_notes_when_the_mode_is_on(monkeypatch, tmp_path):
    outputs = _cell_outputs(GUIDE, "1", monkeypatch, tmp_path)
    assert len(outputs) == 1
    assert "application/vnd.jupyter.widget-view+json" in outputs[0]["data"]
    assert json.dumps(outputs[0]) != "{}"


def test_the_guide_shows_every_topics_notes_without_the_environment_variable(
        monkeypatch, tmp_path):
    # a facilitator opens the guide and runs it: it turns the mode on for its own kernel
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    guide = nbformat.read(GUIDE, as_version=4)
    monkeypatch.setenv("NETLEARN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NETLEARN_FACILITATOR", raising=False)
    nbclient.NotebookClient(guide, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(GUIDE.parent)}}).execute()
    notes = [c for c in guide.cells if "facilitator_notes(" in c.source]
    assert len(notes) == len(load_course().topics)
    for cell in notes:
        assert [o["output_type"] for o in cell.outputs] == ["execute_result"], cell.source
        assert "application/vnd.jupyter.widget-view+json" in cell.outputs[0]["data"]


def test_environment_variable_turns_the_notes_on(monkeypatch):
    monkeypatch.setenv("NETLEARN_FACILITATOR", "1")
    widget = facilitator_notes("01-preparation")
    assert widget.layout.display != "none"
    html = text_of(widget)
    topic = load_course().topic("01-preparation")
    assert "Facilitator notes: Come prepared" in html or topic.title in html
    assert "<h4>Timings</h4>" in html
    assert "<h4>Discussion prompts</h4>" in html and "<h4>Pair exercises</h4>" in html
    for item in topic.facilitator["timings"]:
        assert f"<td>{item['minutes']}</td>" in html
    total = sum(item["minutes"] for item in topic.facilitator["timings"])
    assert f"<td>{total}</td><td>Total</td>" in html


def test_set_facilitator_mode_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("NETLEARN_FACILITATOR", "1")
    set_facilitator_mode(False)
    assert facilitator_notes("01-preparation") is None
    monkeypatch.delenv("NETLEARN_FACILITATOR")
    set_facilitator_mode(True)
    assert facilitator_notes("01-preparation").children


def test_every_topic_has_notes_in_facilitator_mode():
    set_facilitator_mode(True)
    for topic in load_course().topics:
        html = text_of(facilitator_notes(topic.id))
        assert "Only you see this" in html, topic.id


def test_content_is_escaped():
    course = copy.deepcopy(load_course())
    topic = course.topic("01-preparation")
    topic.title = "<b>bold</b> title"
    topic.facilitator = {
        "notes": "Watch for <script>alert('x')</script> and **bold**",
        "timings": [{"segment": "<img src=x onerror=alert(1)>", "minutes": 5}],
        "discussion_prompts": ["<iframe>"],
        "pair_exercises": ["Pairs: [a link](javascript:alert(1))"],
    }
    set_facilitator_mode(True)
    html = text_of(facilitator_notes("01-preparation", course=course))
    for raw in ("<script>", "<img", "<iframe>", "<b>bold</b>", 'href="javascript'):
        assert raw not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html
    assert "<strong>bold</strong>" in html
    assert "The segments add up to 5 minutes" in notes_html(topic)


def test_unknown_topic_lists_the_valid_ones():
    with pytest.raises(NetlearnError, match="valid ids: 00-start-here"):
        facilitator_notes("99-nope")
