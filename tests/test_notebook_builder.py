"""The one notebook builder: percent sources via jupytext, new topics, the facilitator guide."""

import copy
import json
from pathlib import Path

import nbformat
import pytest

from netlearn.facilitator.notebook_builder import (
    CONTENTS_PAGE,
    FACILITATOR_GUIDE,
    BuildError,
    build,
    contents_page,
    facilitator_guide,
    navigation_cell,
    new_topic_notebook,
    parse_source,
)
from netlearn.plumbing.errors import NetlearnError
from netlearn.teaching.content import course as load_course
from netlearn.widgets.topic_text import topic_key_points

ROOT = Path(__file__).resolve().parent.parent
COURSE_NOTEBOOK = ROOT / "notebooks" / "01-preparation.ipynb"


def sources(notebook) -> list[str]:
    return ["".join(cell["source"]) for cell in notebook["cells"]]


# -- reading a source ---------------------------------------------------------------------

GOOD = """\
# %% [markdown] netlearn:header

# %% [markdown]
# ## Practice {core}
#
# Some *prose*.

# %%
import netlearn
%matplotlib inline

netlearn.progress_bar("01-preparation")

# %% [markdown] netlearn:navigation
"""


def test_a_source_is_read_into_cells_with_their_lines():
    cells = parse_source(GOOD, "x.py")
    assert [(c.kind, c.placeholder, c.line) for c in cells] == [
        ("markdown", "header", 1), ("markdown", None, 3), ("code", None, 8),
        ("markdown", "navigation", 14)]
    assert cells[1].source == "## Practice {core}\n\nSome *prose*."
    assert cells[2].source.splitlines()[:2] == ["import netlearn", "%matplotlib inline"]


@pytest.mark.parametrize(("text", "where", "message"), [
    ("import os\n" + GOOD, "x.py:1:", "text before the first"),
    (GOOD.replace("# %% [markdown] netlearn:navigation", "# %% [markdown] netlearn:footer"),
     "x.py:14:", "unknown cell marker"),
    (GOOD.replace("# %%\nimport", "# %% tags=[\"x\"]\nimport"), "x.py:8:", "unknown cell marker"),
    (GOOD.replace("# %% [markdown]\n# ## Practice",
                  "# %% [markdown] tags=[\"show-code\"]\n# ## Practice"), "x.py:3:",
     "unknown cell marker"),
    (GOOD.replace("netlearn:navigation", "netlearn:navigation\n# hi"), "x.py:14:",
     "must be empty"),
    (GOOD + "\n# %%\n\n", "x.py:16:", "empty cell"),
    (GOOD.replace("# ## Practice {core}", "# ## Practice"), "x.py:4:", "must end with {core}"),
])
def test_a_bad_source_is_one_line_naming_file_and_line(text, where, message, tmp_path):
    source = tmp_path / "01-preparation.py"
    source.write_text(text.replace("x.py", str(source)), encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build(load_course(), source)
    assert str(caught.value).startswith(f"{source}:{where.split(':')[1]}:"), str(caught.value)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_checked_cell_carries_its_marker_as_a_tag_and_stays_open(tmp_path):
    source = tmp_path / "01-preparation.py"
    source.write_text(GOOD.replace("# %%\nimport", '# %% tags=["nbval-check-output"]\nimport'),
                      encoding="utf-8")
    (code,) = [c for c in nbformat.reads(build(load_course(), source), as_version=4).cells
               if c.cell_type == "code"]
    assert code.metadata["tags"] == ["nbval-check-output"] and "jupyter" not in code.metadata
    assert code.source.splitlines()[0] == "import netlearn"  # nothing for a learner to skip


def test_a_source_for_no_topic_is_refused(tmp_path):
    source = tmp_path / "99-nope.py"
    source.write_text(GOOD, encoding="utf-8")
    with pytest.raises(BuildError, match="no topic '99-nope'.*valid ids: 00-start-here"):
        build(load_course(), source)


def test_a_course_source_builds_to_its_committed_notebook():
    built = build(load_course(), ROOT / "course-src" / "01-preparation.py")
    assert built == COURSE_NOTEBOOK.read_text(encoding="utf-8")


# -- a new topic's notebook has the course notebooks' shape --------------------------------


def test_topic_notebook_has_the_course_shape_and_renders_parts_through_netlearn_calls(tmp_path):
    course = load_course()
    topic = course.topic("01-preparation")
    assert topic.scenarios and topic.questions and topic.statements and topic.prompts
    path = new_topic_notebook("01-preparation", tmp_path, course)
    assert path == tmp_path / "01-preparation.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4 and notebook.metadata.kernelspec.name == "python3"
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert all(c.metadata["jupyter"]["source_hidden"] is True for c in code)
    assert len({c.id for c in notebook.cells}) == len(notebook.cells)
    # the same generated cells as the course's notebook: header, quiz copy, navigation
    course_nb = nbformat.read(COURSE_NOTEBOOK, as_version=4)
    generated = {c.id: c.source for c in course_nb.cells if c.metadata.get("netlearn")}
    mine = {c.id: c.source for c in notebook.cells if c.metadata.get("netlearn")}
    assert mine == generated
    assert notebook.cells[0].id == "header" and notebook.cells[-1].id == "navigation"
    text = "\n".join(sources(notebook))
    order = ['netlearn.self_assessment("01-preparation", "check")',
             'netlearn.topic_key_points("01-preparation")', 'netlearn.scenario("01-preparation")',
             'netlearn.quiz("01-preparation")', 'netlearn.reflection("01-preparation")',
             'netlearn.progress_bar("01-preparation")']
    positions = [text.index(call) for call in order]
    assert positions == sorted(positions)
    assert "facilitator_notes" not in text
    assert "*Core · about " in text and "*Optional · about " in text
    assert "about 0 min" not in text
    # the key points the widget shows are counted as reading (netlearn.teaching.timing)
    from netlearn.teaching.timing import estimate_sections, read_minutes, shown_minutes

    words = " ".join([*topic.key_points, *(t["text"] for t in topic.tips)])
    section = next(s for s in estimate_sections(notebook.cells, topic, course)
                   if s.title == "Key points")
    assert section.parts["reading"] == pytest.approx(read_minutes(words))
    assert f"## Key points\n\n*Core · about {shown_minutes(section.minutes)} min*" in text
    assert (tmp_path / FACILITATOR_GUIDE).is_file()
    assert "](01-preparation.ipynb)" in (tmp_path / CONTENTS_PAGE).read_text(encoding="utf-8")


def test_topic_notebook_leaves_out_parts_the_topic_does_not_have(tmp_path):
    course = load_course()
    path = new_topic_notebook("00-start-here", tmp_path, course)
    text = path.read_text(encoding="utf-8")
    assert "netlearn.quiz(" not in text and "netlearn.scenario(" not in text
    assert '"id": "questions"' not in text
    assert "netlearn.reflection(" in text
    assert "←" not in text and "01-preparation.ipynb" in text


def test_notebook_is_deterministic_and_not_overwritten(tmp_path):
    course = load_course()
    first = new_topic_notebook("02-giving-not-just-taking", tmp_path / "a", course)
    second = new_topic_notebook("02-giving-not-just-taking", tmp_path / "b", course)
    assert first.read_bytes() == second.read_bytes()
    with pytest.raises(NetlearnError, match="already exists"):
        new_topic_notebook("02-giving-not-just-taking", tmp_path / "a", course)
    first.write_text("{}")
    new_topic_notebook("02-giving-not-just-taking", tmp_path / "a", course, overwrite=True)
    assert json.loads(first.read_text(encoding="utf-8"))["nbformat"] == 4


def test_unknown_topic_lists_the_valid_ids(tmp_path):
    with pytest.raises(NetlearnError) as caught:
        new_topic_notebook("07-nope", tmp_path)
    assert "valid ids: 00-start-here" in str(caught.value)
    assert not list(tmp_path.iterdir())


def test_key_points_escape_the_content():
    course = copy.deepcopy(load_course())
    topic = course.topic("01-preparation")
    topic.key_points = ["**Prepare** <b>well</b>"]
    topic.tips = [{"id": "t", "text": "<script>x</script>"}]
    points = topic_key_points("01-preparation", course).value
    assert "<strong>Prepare</strong>" in points and "&lt;b&gt;well" in points
    assert "&lt;script&gt;" in points and "<script>" not in points
    with pytest.raises(NetlearnError, match="valid ids: 00-start-here"):
        topic_key_points("99-nope", course)


# -- the facilitator guide --------------------------------------------------------------------


def test_the_guide_has_every_topics_notes_in_course_order_and_escapes_titles():
    course = copy.deepcopy(load_course())
    course.topic("01-preparation").title = "<b>Come</b> [prepared]"
    guide = nbformat.reads(facilitator_guide(course), as_version=4)
    nbformat.validate(guide)
    calls = [c.source for c in guide.cells if "facilitator_notes" in c.source]
    assert calls == [f'netlearn.facilitator_notes("{t.id}")' for t in course.topics]
    assert "netlearn.set_facilitator_mode(True)" in guide.cells[1].source
    text = "\n".join(c.source for c in guide.cells)
    assert "&lt;b&gt;Come&lt;/b&gt;" in text and "<b>" not in text
    assert "(../01-preparation.ipynb)" in text


def test_the_committed_guide_is_in_the_facilitator_folder():
    guide = ROOT / "notebooks" / FACILITATOR_GUIDE
    assert guide.read_text(encoding="utf-8") == facilitator_guide(load_course())


# -- navigation ---------------------------------------------------------------------------


def test_every_link_of_the_navigation_opens_a_file_inside_the_served_folder():
    """``jupyter lab notebooks/00-start-here.ipynb`` serves notebooks/: nothing above it opens."""
    import re

    course = load_course()
    notebooks = ROOT / "notebooks"
    for topic in course.topics:
        links = re.findall(r"\]\(([^)]+)\)", navigation_cell(course, topic))
        assert f"({CONTENTS_PAGE})" in navigation_cell(course, topic)
        for link in links:
            assert "/" not in link and (notebooks / link).is_file(), (topic.id, link)


def test_the_contents_page_is_the_course_table_linking_the_notebooks_beside_it():
    course = load_course()
    page = (ROOT / "notebooks" / CONTENTS_PAGE).read_text(encoding="utf-8")
    assert page == contents_page(course)
    rows = [line for line in page.splitlines() if line.startswith("| 0")]
    assert len(rows) == len(course.topics)
    for topic, row in zip(course.topics, rows, strict=True):
        assert f"]({topic.id}.ipynb)" in row and f"| {topic.minutes} |" in row
