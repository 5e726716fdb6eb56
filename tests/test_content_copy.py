"""Copying the default content into a facilitator's folder (netlearn.facilitator.content_copy)."""

import pytest

from netlearn import cli
from netlearn.facilitator.content_copy import copy_content
from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.paths import default_content_dir
from netlearn.teaching.content import check


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
