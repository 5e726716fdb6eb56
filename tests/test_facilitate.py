"""Facilitator tools: copying the content for editing and generating a topic's notebook."""

import json

import nbformat
import pytest

from netlearn import cli
from netlearn.content import check
from netlearn.content import course as load_course
from netlearn.errors import NetlearnError
from netlearn.facilitate import copy_content, new_topic_notebook, topic_intro, topic_key_points
from netlearn.paths import default_content_dir


def test_copy_content_copies_yaml_and_schemas_but_no_python(tmp_path):
    target = copy_content(tmp_path / "mine")
    assert target == tmp_path / "mine"
    source = default_content_dir()
    expected = {p.relative_to(source) for p in source.rglob("*")
                if p.is_file() and p.suffix in (".yaml", ".json")}
    copied = {p.relative_to(target) for p in target.rglob("*") if p.is_file()}
    assert expected <= copied
    assert copied - expected == {target.joinpath("README.md").relative_to(target)}
    assert not any(p.suffix == ".py" or "__pycache__" in p.parts for p in copied)
    assert (target / "course.yaml").read_bytes() == (source / "course.yaml").read_bytes()
    assert "netlearn check" in (target / "README.md").read_text(encoding="utf-8")
    assert check(target) == []


def test_copy_content_into_an_existing_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    assert (copy_content(tmp_path / "empty") / "course.yaml").is_file()


def test_copy_content_refuses_a_non_empty_directory_and_names_it(tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "precious.txt").write_text("keep me")
    with pytest.raises(NetlearnError) as caught:
        copy_content(target)
    assert str(target) in str(caught.value) and "not empty" in str(caught.value)
    assert sorted(p.name for p in target.iterdir()) == ["precious.txt"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(NetlearnError, match="not a directory"):
        copy_content(tmp_path / "file")


def test_cli_content_copy(tmp_path, capsys):
    assert cli.main(["content", "copy", str(tmp_path / "c")]) == 0
    assert f"netlearn check {tmp_path / 'c'}" in capsys.readouterr().out
    assert cli.main(["content", "copy", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path / "c") in err


def sources(notebook) -> list[str]:
    return ["".join(cell["source"]) for cell in notebook["cells"]]


def test_topic_notebook_renders_every_part_through_netlearn_calls(tmp_path):
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
    assert len({c.id for c in notebook.cells}) == len(notebook.cells)
    text = "\n".join(sources(notebook))
    order = ['topic_intro("01-preparation")', 'netlearn.facilitator_notes("01-preparation")',
             'netlearn.self_assessment("01-preparation", "check")',
             'topic_key_points("01-preparation")', 'netlearn.quiz("01-preparation")',
             'netlearn.scenario("01-preparation")', 'netlearn.reflection("01-preparation")',
             'netlearn.progress_bar("01-preparation")']
    positions = [text.index(call) for call in order]
    assert positions == sorted(positions)
    assert sources(notebook)[0].startswith(f"# {topic.title}\n")
    assert "[Start here](00-start-here.ipynb)" in sources(notebook)[-1]
    assert "(02-giving-not-just-taking.ipynb)" in sources(notebook)[-1]


def test_topic_notebook_leaves_out_parts_the_topic_does_not_have(tmp_path):
    course = load_course()
    path = new_topic_notebook("00-start-here", tmp_path, course)
    text = path.read_text(encoding="utf-8")
    assert "netlearn.quiz(" not in text and "netlearn.scenario(" not in text
    assert "netlearn.reflection(" in text
    assert "Previous" not in text


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


def test_topic_intro_and_key_points_escape_the_content():
    import copy

    course = copy.deepcopy(load_course())
    topic = course.topic("01-preparation")
    topic.key_question = "<script>x</script>?"
    topic.key_points = ["**Prepare** <b>well</b>"]
    intro = topic_intro("01-preparation", course).value
    assert "&lt;script&gt;" in intro and "<script>" not in intro
    assert topic.objectives[0]["id"] not in intro
    points = topic_key_points("01-preparation", course).value
    assert "<strong>Prepare</strong>" in points and "&lt;b&gt;well" in points
