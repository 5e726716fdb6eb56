"""Static checks on the committed notebooks: clean, built from source, faithful to the content."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOURCES = ROOT / "course-src"
CONTENT = ROOT / "netlearn" / "content"
BUILDER = ROOT / "tools" / "build_notebooks.py"

TOPICS = yaml.safe_load((CONTENT / "course.yaml").read_text(encoding="utf-8"))["topics"]
TOPIC_IDS = [t["id"] for t in TOPICS]
MISTAKE_IDS = [t["id"] for t in TOPICS if t["kind"] == "mistake"]
COMMITTED = sorted(NOTEBOOKS.glob("*.ipynb"))

#: Section headings every mistake notebook has, in this order.
MISTAKE_SECTIONS = [
    "## Where am I?",
    "## The mistake",
    "## What the research says",
    "## Worked example",
    "## Now you try",
    "## Practice",
    "## Quiz",
    "## Reflection",
    "## Key points",
]
SCENARIO_SECTION = "## Branching scenario"
TIP_MARKER = re.compile(r"<!--\s*tip:\s*([a-z0-9-]+)\s*-->")
TOPIC_CALL = re.compile(r"""netlearn\.\w+\(\s*["'](\d\d-[a-z0-9-]+)["']""")
NONDETERMINISTIC = ("my_network", "date.today", "datetime.now", "random", "time.time",
                    "data_home")


@pytest.fixture(scope="module")
def course():
    from netlearn.teaching.content import load_course

    saved = os.environ.pop("NETLEARN_CONTENT", None)
    try:
        return load_course()
    finally:
        if saved is not None:
            os.environ["NETLEARN_CONTENT"] = saved


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def notebook_for(topic_id: str) -> dict:
    path = NOTEBOOKS / f"{topic_id}.ipynb"
    if not path.is_file():
        pytest.skip(f"no {path.name} yet (see test_every_topic_has_a_notebook)")
    return read(path)


def text(cell: dict) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def markdown(nb: dict) -> list[str]:
    return [text(c) for c in nb["cells"] if c["cell_type"] == "markdown"]


def headings(nb: dict) -> list[str]:
    """The ``##`` headings; "## Worked example: Sam's …" counts as "## Worked example"."""
    return [line.strip().split(":")[0] for cell in markdown(nb) for line in cell.splitlines()
            if line.startswith("## ")]


# -- clean and built ----------------------------------------------------------------------


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.stem)
def test_committed_notebook_is_clean(path):
    raw = path.read_text(encoding="utf-8")
    nb = json.loads(raw)
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name} cell {index} has outputs"
            assert cell["execution_count"] is None, f"{path.name} cell {index} was executed"
        assert "widgets" not in cell.get("metadata", {}), f"{path.name} cell {index}"
    assert "widgets" not in nb["metadata"], f"{path.name} stores widget state"
    assert "application/vnd.jupyter.widget" not in raw
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_builder_check_passes():
    env = {k: v for k, v in os.environ.items() if k != "NETLEARN_CONTENT"}
    result = subprocess.run([sys.executable, str(BUILDER), "--check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.stem)
def test_every_notebook_has_a_source(path):
    assert (SOURCES / f"{path.stem}.py").is_file()


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_topic_has_a_notebook(topic_id):
    assert (NOTEBOOKS / f"{topic_id}.ipynb").is_file(), f"notebooks/{topic_id}.ipynb is missing"


# -- shape ----------------------------------------------------------------------------------


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_header_first_and_navigation_last(topic_id):
    nb = notebook_for(topic_id)
    cells = nb["cells"]
    assert cells[0]["id"] == "header" and text(cells[0]).startswith("# ")
    assert cells[-1]["id"] == "navigation" and "[Contents]" in text(cells[-1])


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_first_code_cell_loads_netlearn(topic_id):
    nb = notebook_for(topic_id)
    first = next(text(c) for c in nb["cells"] if c["cell_type"] == "code")
    assert first.splitlines()[:2] == ["import netlearn", "%matplotlib inline"]


@pytest.mark.parametrize("topic_id", MISTAKE_IDS)
def test_mistake_sections_in_order(topic_id, course):
    found = headings(notebook_for(topic_id))
    required = list(MISTAKE_SECTIONS)
    if course.topic(topic_id).scenarios:
        required.insert(required.index("## Quiz"), SCENARIO_SECTION)
    positions = []
    for section in required:
        assert section in found, f"{topic_id} lacks the section {section!r}"
        positions.append(found.index(section))
    assert positions == sorted(positions), f"{topic_id}: sections out of order: {found}"


@pytest.mark.parametrize("topic_id", MISTAKE_IDS)
def test_mistake_notebook_calls(topic_id, course):
    code = "\n".join(text(c) for c in notebook_for(topic_id)["cells"]
                     if c["cell_type"] == "code")
    for call in (f'netlearn.self_assessment("{topic_id}", "check")',
                 f'netlearn.quiz("{topic_id}")', f'netlearn.reflection("{topic_id}")',
                 f'netlearn.progress_bar("{topic_id}")',
                 "netlearn.sample_network()", "netlearn.my_network()"):
        assert call in code, f"{topic_id} never calls {call}"
    assert "mine.label" in code, f"{topic_id} never says which data 'Now you try' shows"
    if course.topic(topic_id).scenarios:
        assert f'netlearn.scenario("{topic_id}")' in code


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_facilitator_notes_are_in_the_facilitator_guide_not_the_learners_notebook(topic_id):
    # a learner's notebook has no facilitator cell at all, not even a collapsed empty one
    assert "facilitator_notes" not in json.dumps(notebook_for(topic_id))
    guide = read(NOTEBOOKS / "facilitator" / "facilitator-guide.ipynb")
    calls = [text(c) for c in guide["cells"] if c["cell_type"] == "code"]
    assert f'netlearn.facilitator_notes("{topic_id}")' in calls


def test_notebooks_holds_only_what_a_learner_or_facilitator_opens():
    found = {p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*")
             if p.is_file() and ".ipynb_checkpoints" not in p.parts}
    assert found == {f"{t}.ipynb" for t in TOPIC_IDS} | {
        "contents.md",  # the course table every notebook's Contents link opens
        "facilitator/cohort-dashboard.ipynb", "facilitator/facilitator-guide.ipynb"}


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_topic_ids_in_calls_match_the_notebook(topic_id):
    for cell in notebook_for(topic_id)["cells"]:
        for named in TOPIC_CALL.findall(text(cell)):
            assert named == topic_id, f"{topic_id}.ipynb calls a function for topic {named!r}"


@pytest.mark.parametrize("topic_id", MISTAKE_IDS)
def test_checked_outputs_are_deterministic(topic_id):
    checked = [text(c) for c in notebook_for(topic_id)["cells"]
               if "nbval-check-output" in c["metadata"].get("tags", [])]
    assert checked, f"{topic_id} has no worked-example cell tagged 'nbval-check-output'"
    for cell in checked:
        assert "sample_network()" in cell or "net." in cell
        for word in NONDETERMINISTIC:
            assert word not in cell, f"{topic_id}: checked cell uses {word!r}"


# -- fidelity to the seed and the content ----------------------------------------------------


@pytest.mark.parametrize("topic_id", MISTAKE_IDS)
def test_every_tip_is_taught_and_quizzed(topic_id, course):
    nb = notebook_for(topic_id)
    topic = course.topic(topic_id)
    cells = markdown(nb)
    tip_ids = [tip["id"] for tip in topic.tips]
    marked = {}
    for cell in cells:
        for tip_id in TIP_MARKER.findall(cell):
            marked.setdefault(tip_id, []).append(cell)
    unknown = set(marked) - set(tip_ids)
    assert not unknown, f"{topic_id} marks tips that are not in its topic.yaml: {unknown}"
    for tip_id in tip_ids:
        assert tip_id in marked, f"{topic_id}: no '<!-- tip: {tip_id} -->' marker"
        for cell in marked[tip_id]:
            prose = TIP_MARKER.sub("", cell)
            assert len(prose.split()) >= 40, f"{topic_id}: the cell marked {tip_id} teaches little"
            cell_headings = [line for line in cell.splitlines() if line.startswith("## ")]
            assert not set(cell_headings) & {"## Quiz", "## Reflection", "## Key points"}
        quizzed = [q["id"] for q in topic.questions if tip_id in q.get("tips", [])]
        assert quizzed, f"{topic_id}: tip {tip_id} is exercised by no quiz question"


@pytest.mark.parametrize("topic_id", MISTAKE_IDS)
def test_quiz_copy_is_answer_free_and_not_duplicated(topic_id, course):
    nb = notebook_for(topic_id)
    cells = {c["id"]: text(c) for c in nb["cells"]}
    assert "questions" in cells, f"{topic_id} has no generated netlearn:questions cell"
    copy = cells["questions"]
    assert copy.startswith("<details>") and copy.rstrip().endswith("</details>")
    others = [body for cell_id, body in cells.items() if cell_id != "questions"]
    for question in course.topic(topic_id).questions:
        options = question.get("choices") or question.get("responses") or []
        for option in options:
            for secret in (option.get("feedback"), option.get("rationale")):
                if secret:
                    assert secret.strip()[:60] not in copy, f"{question['id']} leaks feedback"
        if question.get("explanation"):
            assert question["explanation"].strip()[:60] not in copy
        stem = question["prompt"].strip()[:60]
        assert not any(stem in body for body in others), \
            f"{topic_id}: question {question['id']} is duplicated outside the generated copy"


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_no_notebook_reads_shared(topic_id):
    paths = [NOTEBOOKS / f"{topic_id}.ipynb", SOURCES / f"{topic_id}.py"]
    for path in paths:
        if path.is_file():
            body = path.read_text(encoding="utf-8")
            assert "../shared" not in body and "/work/shared" not in body, path.name


def test_code_cells_are_collapsed_except_the_worked_examples():
    """Issue 12: a learner never has to read code; >= 80 % of code cells start collapsed."""
    import json as _json
    from pathlib import Path as _Path

    folder = _Path(__file__).resolve().parents[1] / "notebooks"
    hidden = shown = 0
    for path in sorted(folder.glob("*.ipynb")):
        for cell in _json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            collapsed = cell["metadata"].get("jupyter", {}).get("source_hidden") is True
            if "nbval-check-output" in cell["metadata"].get("tags", []):
                assert not collapsed, f"{path.name}: the worked example should stay open"
            hidden += collapsed
            shown += not collapsed
    assert hidden + shown > 0
    assert hidden / (hidden + shown) >= 0.8, (hidden, shown)


# -- commands a learner can run ----------------------------------------------------------------

LEARNER_FILES = [*sorted(SOURCES.glob("*.py")), *COMMITTED]


def shell_commands(source: str) -> list[str]:
    """The ``netlearn <command>`` shell lines in ``source``, and every ``!netlearn``.

    After the README's set-up the ``netlearn`` script is not on the shell's path (the Windows
    and macOS steps never activate the venv), so such a line fails; ``%run -m netlearn …``
    and ``{sys.executable} -m netlearn …`` run in the kernel's Python and are allowed.
    """
    from netlearn.cli import COMMANDS

    commands = "|".join(map(re.escape, COMMANDS))
    bare = re.compile(rf"(?<![\w./-])(?<!-m )(?<!from )!?netlearn\s+(?:{commands})\b")
    found = [match.group(0) for match in bare.finditer(source)]
    return found + ["!netlearn"] * source.count("!netlearn")


def test_the_command_check_tells_a_shell_command_from_python():
    assert shell_commands("# netlearn export ~/netlearn-backup") == ["netlearn export"]
    assert shell_commands("run `!netlearn forget --yes`") == ["!netlearn forget", "!netlearn"]
    assert shell_commands("!netlearn --help") == ["!netlearn"]
    assert shell_commands("from netlearn import metrics\nimport netlearn\n"
                          "%run -m netlearn export out\n"
                          "!{sys.executable} -m netlearn forget --yes\n"
                          "netlearn.export_widget()") == []


@pytest.mark.parametrize("path", LEARNER_FILES, ids=lambda p: p.name)
def test_no_learner_cell_shows_a_netlearn_shell_command(path):
    cells = ([text(cell) for cell in read(path)["cells"]] if path.suffix == ".ipynb"
             else [path.read_text(encoding="utf-8")])
    found = [command for cell in cells for command in shell_commands(cell)]
    assert found == [], (f"{path.name} shows {found}: point learners to the export, backup or "
                         "delete widgets instead (or %run -m netlearn …, which works in a kernel)")


def comment_runs(source: str) -> list[int]:
    """Lengths of the runs of consecutive comment-only lines in a code cell's source."""
    runs, current = [], 0
    for line in source.splitlines():
        if line.lstrip().startswith("#"):
            current += 1
        else:
            runs, current = (runs + [current] if current else runs), 0
    return runs + [current] if current else runs


def test_comment_runs_counts_consecutive_comment_lines():
    assert comment_runs("# a\n# b\nx = 1\n# c\n#\n# d\n  # e") == [2, 4]
    assert comment_runs("x = 1  # not a comment-only line") == []


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_no_test_marker_and_no_prose_in_a_learners_code_cell(topic_id):
    """What a learner reads in a code cell is code: markers go in cell tags, prose in markdown."""
    for cell in notebook_for(topic_id)["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = text(cell)
        assert "NBVAL" not in source.upper(), f"{topic_id} {cell['id']}: a test marker in code"
        assert max(comment_runs(source), default=0) < 3, (
            f"{topic_id} {cell['id']}: prose as comments in a code cell; make it a markdown cell")
