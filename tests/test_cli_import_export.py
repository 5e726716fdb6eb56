"""`netlearn import` and `netlearn export` end to end, in a subprocess with its own data home."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cli"
ACTIVITY_CSVS = ("contacts.csv", "interactions.csv", "events.csv", "event_attendees.csv",
                 "commitments.csv")
REQUIRED = ("contacts.csv", "interactions.csv", "events.csv", "commitments.csv",
            "answers.csv", "self_assessments.csv", "reflections.csv", "reminders.ics",
            "action-plan.md")


def netlearn(home, *args):
    env = {key: value for key, value in os.environ.items()
           if key not in ("NETLEARN_CONTENT", "NETLEARN_FACILITATOR")}
    env["NETLEARN_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "netlearn", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=120)


def snapshot(home, tmp_path, name, tables=None):
    """Export with the CLI and return {file name: text} of the CSVs."""
    out = tmp_path / name
    run = netlearn(home, "export", out)
    assert run.returncode == 0, run.stderr
    names = tables or [p.name for p in out.glob("*.csv")]
    return {n: (out / n).read_text(encoding="utf-8") for n in names}


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.mark.parametrize(("kind", "name", "counts"), [
    ("linkedin", "Connections.csv", "added 3, already present 0, skipped 1"),
    ("vcard", "contacts.vcf", "added 2, already present 0, skipped 0"),
    ("ics", "calendar.ics", "added 2, already present 0, skipped 0"),
    ("csv", "log.csv", "added 5, already present 0, skipped 1"),
])
def test_import_prints_counts_and_reimport_adds_nothing(home, tmp_path, kind, name, counts):
    path = FIXTURES / name
    first = netlearn(home, "import", kind, path)
    assert first.returncode == 0, first.stderr
    assert f"{path}: {counts}" in first.stdout
    assert "Traceback" not in first.stderr
    before = snapshot(home, tmp_path, "before", ACTIVITY_CSVS)
    again = netlearn(home, "import", kind, path)
    assert again.returncode == 0, again.stderr
    assert ": added 0, already present " in again.stdout
    assert "(the same content was imported on 20" in again.stdout
    assert snapshot(home, tmp_path, "after", ACTIVITY_CSVS) == before


def test_skipped_rows_are_named_on_stderr(home):
    run = netlearn(home, "import", "linkedin", FIXTURES / "Connections.csv")
    assert run.returncode == 0
    assert f"skipped {FIXTURES / 'Connections.csv'}:7: no name" in run.stderr


@pytest.mark.parametrize(("kind", "name"), [
    ("vcard", "broken.vcf"),
    ("ics", "broken.vcf"),
    ("linkedin", "contacts.vcf"),
    ("csv", "calendar.ics"),
    ("vcard", "does-not-exist.vcf"),
])
def test_broken_file_exits_1_with_one_line_and_changes_nothing(home, tmp_path, kind, name):
    assert netlearn(home, "import", "csv", FIXTURES / "log.csv").returncode == 0
    before = snapshot(home, tmp_path, "before")
    run = netlearn(home, "import", kind, FIXTURES / name)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert name in lines[0]
    assert run.stdout == ""
    assert snapshot(home, tmp_path, "after") == before


def test_export_writes_every_file_with_a_header(home, tmp_path):
    for kind, name in (("linkedin", "Connections.csv"), ("ics", "calendar.ics"),
                       ("csv", "log.csv")):
        assert netlearn(home, "import", kind, FIXTURES / name).returncode == 0
    out = tmp_path / "export"
    run = netlearn(home, "export", out)
    assert run.returncode == 0, run.stderr
    printed = run.stdout.split()
    for name in REQUIRED:
        path = out / name
        assert path.is_file(), name
        assert str(path) in printed
        assert path.stat().st_size > 0
    for path in out.glob("*.csv"):
        with open(path, newline="", encoding="utf-8") as handle:
            assert next(csv.reader(handle)), path.name
    with open(out / "contacts.csv", newline="", encoding="utf-8") as handle:
        contacts = list(csv.DictReader(handle))
    assert {"Ada Example", "Bo Placeholder", "Cy Sample"} <= {c["name"] for c in contacts}
    assert (out / "reminders.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (out / "action-plan.md").read_text(encoding="utf-8").startswith(
        "# My networking action plan")
    assert not list(out.glob("*.part"))
    assert not list(home.glob("uploads/*"))


def test_export_into_a_file_fails_cleanly(home, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    run = netlearn(home, "export", blocker)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
