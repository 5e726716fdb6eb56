"""The `netlearn` command: check, forget and store errors, run as a learner would run them."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netlearn.plumbing.paths import default_content_dir
from netlearn.store import DB_NAME

REPO = Path(__file__).resolve().parent.parent


def run(*args, home, cwd=REPO, **env):
    environment = {**os.environ, "NETLEARN_HOME": str(home), **env}
    environment.pop("NETLEARN_CONTENT", None)
    return subprocess.run([sys.executable, "-m", "netlearn", *args], capture_output=True,
                          text=True, env=environment, cwd=cwd, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_check_default_content_passes_with_summary(tmp_path):
    result = run("check", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ok: default content: 8 topics, \d+ questions, \d+ minutes; notebooks "
                     r"checked", result.stdout, re.M)


def test_check_reports_every_problem_as_path_line(tmp_path):
    mine = tmp_path / "mine"
    shutil.copytree(default_content_dir(), mine, ignore=shutil.ignore_patterns("schema"))
    (mine / "01-preparation" / "topic.yaml").write_text("objectives:\n\t- x\n", encoding="utf-8")
    questions = mine / "02-giving-not-just-taking" / "questions.yaml"
    questions.write_text(questions.read_text(encoding="utf-8").replace("correct: true",
                                                                       "correct: false"),
                         encoding="utf-8")
    result = run("check", str(mine), home=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{mine / '01-preparation' / 'topic.yaml'}:2: ")
    assert any(line.startswith(f"{questions}:") and "correct" in line for line in lines)
    assert all(re.match(r"^/.+:\d+: \S", line) for line in lines), lines
    assert "Traceback" not in result.stderr


def test_check_finds_topic_without_notebook(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "00-start-here.ipynb").write_text("{}")
    result = run("check", "--notebooks", str(notebooks), home=tmp_path)
    assert result.returncode == 1
    assert "has no notebook 01-preparation.ipynb" in result.stdout


def test_forget_asks_without_yes_and_deletes_with_it(tmp_path):
    from netlearn.store import Store

    Store(tmp_path).save_reflection("t", "p", "private")
    refused = run("forget", home=tmp_path)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert (tmp_path / DB_NAME).exists()
    done = run("forget", "--yes", home=tmp_path)
    assert done.returncode == 0 and "deleted" in done.stdout
    assert not (tmp_path / DB_NAME).exists()


def test_corrupt_store_is_one_line_error(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"garbage" * 1000)
    result = run("export", str(tmp_path / "out"), home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and str(tmp_path / DB_NAME) in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / DB_NAME).read_bytes() == b"garbage" * 1000


@pytest.mark.parametrize("blocker", ["file", "proc"])
def test_unusable_home_is_one_line_error(tmp_path, blocker):
    home = tmp_path / "file" / "home" if blocker == "file" else Path("/proc/netlearn-home")
    (tmp_path / "file").write_text("not a directory")
    result = run("export", str(tmp_path / "out"), home=home)
    assert result.returncode == 1
    assert result.stderr.startswith("netlearn: ") and result.stderr.count("\n") == 1
    assert "NETLEARN_HOME" in result.stderr and "Traceback" not in result.stderr


def test_forget_one_import_lists_asks_and_deletes_only_it(tmp_path):
    home = tmp_path / "home"
    fixtures = REPO / "tests" / "fixtures" / "cli"
    assert run("import", "vcard", str(fixtures / "contacts.vcf"), home=home).returncode == 0
    assert run("import", "csv", str(fixtures / "log.csv"), home=home).returncode == 0
    listed = run("forget", "--list-imports", home=home)
    lines = listed.stdout.splitlines()
    assert [line.split(" · ")[0].split()[1] for line in lines] == ["csv", "vcard"]
    csv_id = lines[0].split()[0]
    refused = run("forget", "--import", csv_id, home=home)
    assert refused.returncode == 1 and "without --yes" in refused.stderr
    done = run("forget", "--import", csv_id, "--yes", home=home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"deleted import {csv_id}: ")
    after = run("forget", "--list-imports", home=home).stdout.splitlines()
    assert [line.split(" · ")[0].split()[1] for line in after] == ["vcard"]
    gone = run("forget", "--import", csv_id, "--yes", home=home)
    assert gone.returncode == 1 and "there is no import" in gone.stderr
    assert "Traceback" not in gone.stderr
