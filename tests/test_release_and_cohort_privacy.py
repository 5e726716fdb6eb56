"""Small groups get counts only; the version has one source; links pin a release tag."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from test_cohort import fake_summary, write

import netlearn
from netlearn import cli
from netlearn.facilitator.cohort import MIN_LEARNERS, run_cohort
from netlearn.plumbing.version import course_version

REPO = Path(__file__).resolve().parents[1]


def summaries(tmp_path, n):
    return [write(tmp_path / f"s{i}.json", fake_summary(i)) for i in range(1, n + 1)]


def test_fewer_than_five_learners_get_counts_only(tmp_path, capsys):
    assert MIN_LEARNERS == 5
    out = tmp_path / "out"
    assert run_cohort(summaries(tmp_path, 4), out) == 0
    assert sorted(p.name for p in out.iterdir()) == ["participation.csv", "participation.png"]
    table = (out / "participation.csv").read_text().splitlines()
    assert table[0] == "topic,started,completed"
    assert "only counts" in capsys.readouterr().out


def test_five_learners_get_scores_and_the_minimum_is_settable(tmp_path, capsys):
    files = summaries(tmp_path, 5)
    assert run_cohort(files, tmp_path / "five") == 0
    assert (tmp_path / "five" / "quiz_scores.png").exists()
    assert cli.main(["cohort", *map(str, files), "--out", str(tmp_path / "strict"),
                     "--min-learners", "8"]) == 0
    assert not (tmp_path / "strict" / "cohort.csv").exists()
    assert cli.main(["cohort", *map(str, files[:2]), "--out", str(tmp_path / "loose"),
                     "--min-learners", "2"]) == 0
    assert (tmp_path / "loose" / "cohort.csv").exists()
    assert cli.main(["cohort", str(files[0]), "--out", str(tmp_path / "x"),
                     "--min-learners", "0"]) == 1


def test_version_comes_from_pyproject():
    text = (REPO / "pyproject.toml").read_text()
    declared = re.search(r'^version = "([^"]+)"', text, re.MULTILINE).group(1)
    assert course_version() == declared == netlearn.__version__ == "0.2.0"
    code = "import netlearn, sys; print(netlearn.__version__); print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout.splitlines()
    assert out[0] == declared
    assert "pandas" not in out[1] and "sqlite3" not in out[1]


def test_changelog_describes_this_release():
    changelog = (REPO / "CHANGELOG.md").read_text()
    assert f"## [{course_version()}]" in changelog and "Unreleased" in changelog


def test_summary_carries_the_course_version(store):
    from netlearn.keep.summary import build_summary
    from netlearn.teaching.content import course

    data = build_summary(store, course(), __import__("datetime").date(2026, 1, 1))
    assert data["course"]["netlearn_version"] == course_version()
    json.dumps(data)


def test_links_pin_binder_to_a_release_tag_and_never_give_the_hub_one(capsys):
    assert cli.main(["links", "--repo", "https://github.com/you/netlearn", "--ref", "v0.2.0",
                     "--hub", "https://hub.example.org"]) == 0
    out, err = capsys.readouterr()
    assert "mybinder.org/v2/gh/you/netlearn/v0.2.0?" in out
    assert "branch=v0.2.0" not in out  # nbgitpuller fails on a tag's second pull
    assert "branch=main" in out and "--branch" in err  # ... so it says how to pin a branch


def test_too_old_python_gets_one_line_naming_the_version_and_where():
    import pytest

    old = Path("/root/.pyenv/versions/3.9.18/bin/python")
    script = REPO / "tools" / "check_python.py"
    ok = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.startswith("ok:")
    if not old.exists():
        pytest.skip("no Python 3.9 here to refuse")
    refused = subprocess.run([str(old), str(script)], capture_output=True, text=True)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1
    assert "3.10 or newer" in refused.stderr and "python.org" in refused.stderr
