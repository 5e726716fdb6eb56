"""The parse cache: later kernels read the course's YAML as JSON, and never stale content."""

from __future__ import annotations

import json
import shutil

import pytest

from netlearn.plumbing.paths import default_content_dir
from netlearn.teaching import content


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NETLEARN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _questions(course):
    return {t.id: (t.questions, t.statements, t.tips, t.key_points) for t in course.topics}


def test_a_second_load_reads_the_cache_and_gives_the_same_course(home, monkeypatch):
    first = content.load_course(use_cache=True)
    cache = home / "cache" / "parsed-content.json"
    assert cache.is_file()
    assert len(json.loads(cache.read_text())["documents"]) >= 30

    def no_parsing(path):
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(content, "read_yaml", no_parsing)
    second = content.load_course(use_cache=True)
    assert _questions(second) == _questions(first)
    assert second.topics[0].title == first.topics[0].title


def test_a_changed_file_is_parsed_again_with_its_line_numbers(home, tmp_path, monkeypatch):
    override = tmp_path / "content"
    shutil.copytree(default_content_dir(), override)
    monkeypatch.setenv("NETLEARN_CONTENT", str(override))
    content.load_course(override, use_cache=True)
    course_yaml = override / "course.yaml"
    course_yaml.write_text(course_yaml.read_text() + "\nnot_a_field: 1\n")
    with pytest.raises(content.ContentError) as caught:
        content.load_course(override, use_cache=True)
    assert "course.yaml" in str(caught.value)


def test_an_unreadable_cache_is_ignored(home):
    (home / "cache").mkdir(parents=True)
    (home / "cache" / "parsed-content.json").write_text("{not json")
    assert content.load_course(use_cache=True).topics
    assert json.loads((home / "cache" / "parsed-content.json").read_text())["version"] == \
        content.PARSE_VERSION
