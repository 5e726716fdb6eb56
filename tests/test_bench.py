"""bench/run.py runs the learner's path end to end, and measures what the notebooks call.

The figures themselves are not asserted: the bench reports them (see bench/run.py).
"""

from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load(path: Path):
    """Import a script by path (bench/ and tools/ are not packages)."""
    spec = importlib.util.spec_from_file_location(f"loaded_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_bench_measures_every_metric_the_notebooks_call():
    learner_path = _load(REPO / "bench" / "learner_path.py")
    called = set()
    for source in (REPO / "course-src").glob("*.py"):
        called |= set(re.findall(r"\bmetrics\.(\w+)\(", source.read_text(encoding="utf-8")))
    measured = {call.split("(")[0] for call in learner_path.METRIC_CALLS}
    assert called, "no metric call found in course-src/"
    assert measured == called


def test_a_small_run_prints_every_row_of_the_learners_path():
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--size", "small", "--repeat", "1",
         "--only", "import,metrics,lines,callback", "--baseline", "HEAD"],
        capture_output=True, text=True, cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    metrics = len(_load(REPO / "bench" / "learner_path.py").METRIC_CALLS)
    table = result.stdout.split("\nmeasure ", 1)[1]  # the table printed at the end
    rows = ["lines of netlearn/**/*.py: now vs at HEAD", "check-answer callback median"]
    for label in ("typical", "200k"):
        rows += [
            f"import, {label} export, in a kernel (import_file) vs pandas read_csv + to_sql",
            f"import, {label} export: kernel peak RSS vs the pandas kernel's",
            f"my_network(), {label} export, in a new kernel",
            f"all {metrics} notebook metrics, {label} export, first pass",
            f"notebook kernel peak RSS after my_network() + metrics, {label} export",
        ]
    lines = table.splitlines()[1:]
    assert len(lines) == len(rows)
    for row in rows:
        found = [line for line in lines if line.startswith(row + " ")]
        assert len(found) == 1, row
        assert re.search(r"  [\d.,e+-]+ (s|ms|MB|lines)  ", found[0]), found[0]
    # the import and the floor read the same rows of the same files
    for label in ("typical", "200k"):
        read = re.search(rf"{label} export: .* the import read ([\d,]+) rows from (\d+) files",
                         result.stdout)
        floor = re.search(rf"{label} export: pandas read ([\d,]+) rows from (\d+) files",
                          result.stdout)
        assert read and floor and read.groups() == floor.groups(), label


def test_a_small_complete_export_scales_every_activity_file(tmp_path):
    generator = _load(REPO / "tools" / "make_linkedin_export.py")
    paths = generator.write_export(tmp_path, connections=20, messages=50, invitations=5,
                                   complete=True, activity_scale=0.01)
    files = {"reactions": "Reactions.csv", "comments": "Comments.csv", "shares": "Shares.csv",
             "endorsements": "Endorsement_Given_Info.csv",
             "recommendations": "Recommendations_Given.csv", "events": "Events.csv"}
    assert set(files) == set(generator.ACTIVITY_ROWS)
    for name, file_name in files.items():
        with paths[file_name].open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == max(1, round(generator.ACTIVITY_ROWS[name] * 0.01)), file_name
