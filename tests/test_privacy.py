"""Each notebook runs top to bottom on a learner's own imported data (the own-data path).

Writing only to NETLEARN_HOME, with no traceback or warning, and with the sample-persona
cells (# NBVAL_CHECK_OUTPUT) printing exactly what they print with an empty home.
nbval covers the empty-home (sample persona) path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT_S = 300
# Caches that Python and the test tools keep inside a checkout; everything else must stay put.
SNAPSHOT_SKIP_DIRS = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache",
                      ".mypy_cache", "node_modules"}


def _git_status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO, check=True,
        capture_output=True, text=True, timeout=60,
    ).stdout


def _require_git_checkout() -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot check that notebooks write nothing into the "
                    "repository")
    probe = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=REPO,
                           capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.strip() != "true":
        pytest.skip(f"{REPO} is not a git checkout: cannot check that notebooks write nothing "
                    "into the repository")


def _status_diff(before: str, after: str) -> str:
    old, new = set(before.splitlines()), set(after.splitlines())
    lines = [f"+ {line}" for line in sorted(new - old)]
    lines += [f"- {line}" for line in sorted(old - new)]
    if not lines and before != after:
        lines = ["(same entries, different order)"]
    return "\n".join(lines)


def _tree_snapshot() -> dict[str, tuple[int, int]]:
    """Return relative path -> (size, mtime_ns) for every file in the repository (even ignored
    ones), skipping version control, virtual environments and bytecode caches."""
    snapshot = {}
    for directory, subdirs, files in os.walk(REPO):
        subdirs[:] = [d for d in subdirs
                      if d not in SNAPSHOT_SKIP_DIRS and not d.endswith(".egg-info")]
        for name in files:
            path = Path(directory, name)
            try:
                stat = path.stat()
            except OSError:
                continue
            snapshot[path.relative_to(REPO).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return snapshot


def _changed_files(before: dict, after: dict) -> list[str]:
    changes = [f"new: {p}" for p in sorted(set(after) - set(before))]
    changes += [f"removed: {p}" for p in sorted(set(before) - set(after))]
    changes += [f"modified: {p}" for p in sorted(set(before) & set(after))
                if before[p] != after[p]]
    return changes


def _output_text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return "\n".join(output.get("traceback", [])) or output.get("evalue", "")
    data = output.get("data", {})
    return "\n".join(str(data.get(kind, "")) for kind in ("text/plain", "text/html"))


def _problems(notebook) -> list[str]:
    """Return every traceback, error and warning in an executed notebook's outputs."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            text = _output_text(output)
            where = f"cell {index} ({output.get('output_type')})"
            if output.get("output_type") == "error":
                found.append(f"{where}: {output.get('ename')}: {output.get('evalue')}")
            elif "Traceback" in text:
                found.append(f"{where}: prints a traceback: {text[-600:]}")
            elif output.get("name") == "stderr" and "Warning" in text:
                found.append(f"{where}: prints a warning on stderr: {text[:600]}")
    return found


@pytest.fixture(scope="module")
def git_checkout():
    _require_git_checkout()


@pytest.fixture(scope="module")
def imported_home(tmp_path_factory):
    """A learner home filled the way a learner fills it: imports through the CLI."""
    import sys

    from netlearn.network.sample import write_sample_linkedin_export

    home = tmp_path_factory.mktemp("imported") / "home"
    export = write_sample_linkedin_export(tmp_path_factory.mktemp("export"))
    fixtures = REPO / "tests" / "fixtures" / "cli"
    env = {**os.environ, "NETLEARN_HOME": str(home)}
    for kind, path in [("linkedin", export), ("csv", fixtures / "log.csv"),
                       ("vcard", fixtures / "contacts.vcf"), ("ics", fixtures / "calendar.ics")]:
        done = subprocess.run([sys.executable, "-m", "netlearn", "import", kind, str(path)],
                              env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    return home


def _checked_cell_mismatches(path: Path, notebook) -> list[str]:
    expected_file = REPO / "course-src" / "expected" / f"{path.stem}.json"
    if not expected_file.exists():
        return []
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    found = []
    for cell in notebook.cells:
        if cell.get("id") in expected:
            want = "".join(_output_text(o) for o in expected[cell["id"]]["outputs"])
            got = "".join(_output_text(o) for o in cell.get("outputs", []))
            if want != got:
                found.append(f"cell {cell['id']}: expected {want!r}, got {got!r}")
    return found


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/*.ipynb yet")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_on_own_data_writes_only_to_netlearn_home(path, git_checkout, imported_home,
                                                           tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    home = tmp_path / "netlearn-home"
    shutil.copytree(imported_home, home)
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    monkeypatch.delenv("NETLEARN_CONTENT", raising=False)
    monkeypatch.delenv("NETLEARN_FACILITATOR", raising=False)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "matplotlib"))

    status_before = _git_status()
    tree_before = _tree_snapshot()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            allow_errors=True,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()
    status_after = _git_status()
    changed = _changed_files(tree_before, _tree_snapshot())

    status_change = _status_diff(status_before, status_after)
    assert not status_change, (f"running {path.name} changed `git status` of the repository:\n"
                               + status_change)
    assert not changed, (f"running {path.name} wrote inside the repository:\n"
                         + "\n".join(changed))
    assert (home / "netlearn.db").is_file(), (
        f"running {path.name} did not create the learner database in NETLEARN_HOME ({home}); "
        f"it holds: {sorted(p.name for p in home.glob('*')) if home.exists() else 'nothing'}")
    problems = _problems(notebook)
    assert not problems, f"{path.name} shows tracebacks or warnings:\n" + "\n".join(problems)
    mismatches = _checked_cell_mismatches(path, notebook)
    assert not mismatches, (f"{path.name}: sample-persona cells differ on the own-data path:\n"
                            + "\n".join(mismatches))
    labels = "".join(_output_text(o) for c in notebook.cells for o in c.get("outputs", []))
    if "my_network()" in "".join(c.source for c in notebook.cells):
        assert "your data" in labels, f"{path.name} did not show the learner's own data"


# --------------------------------------------------------------------------- LinkedIn only
# Issue 12: a learner whose only data is a LinkedIn export sees their own numbers. With the
# complete export no notebook says it has no data; with the Basic one, 03-05 do not.
NO_DATA_PHRASES = ("no data", "nothing yet", "no past events", "no gives or asks",
                   "no one met in the last year", "or no cadences are set yet")
OWN_DATA_NOTEBOOKS = {
    "complete": [p for p in NOTEBOOKS if p.stem[:2] in ("01", "02", "03", "04", "05", "06")],
    "basic": [p for p in NOTEBOOKS if p.stem[:2] in ("03", "04", "05")],
}


@pytest.fixture(scope="module")
def linkedin_only_homes(tmp_path_factory):
    """One home per export kind, filled by `netlearn import linkedin` and nothing else."""
    import sys

    from netlearn.network.sample import write_sample_linkedin_export

    homes = {}
    for kind in OWN_DATA_NOTEBOOKS:
        home = tmp_path_factory.mktemp(f"linkedin-{kind}") / "home"
        export = write_sample_linkedin_export(tmp_path_factory.mktemp(f"export-{kind}"),
                                              complete=kind == "complete")
        done = subprocess.run([sys.executable, "-m", "netlearn", "import", "linkedin",
                               str(export)], env={**os.environ, "NETLEARN_HOME": str(home)},
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        homes[kind] = home
    return homes


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/*.ipynb yet")
@pytest.mark.parametrize("kind, path", [(kind, path) for kind, paths in OWN_DATA_NOTEBOOKS.items()
                                        for path in paths],
                         ids=[f"{kind}-{path.stem[:2]}" for kind, paths in
                              OWN_DATA_NOTEBOOKS.items() for path in paths])
def test_linkedin_only_learner_sees_own_numbers(kind, path, linkedin_only_homes, tmp_path,
                                                monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    home = tmp_path / "netlearn-home"
    shutil.copytree(linkedin_only_homes[kind], home)
    for name, value in (("NETLEARN_HOME", str(home)), ("MPLBACKEND", "Agg"),
                        ("IPYTHONDIR", str(tmp_path / "ipython")),
                        ("MPLCONFIGDIR", str(tmp_path / "matplotlib"))):
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NETLEARN_CONTENT", raising=False)
    monkeypatch.delenv("NETLEARN_FACILITATOR", raising=False)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(NOTEBOOK_DIR)}}).execute()
    problems = _problems(notebook)
    assert not problems, f"{path.name} ({kind}): " + "\n".join(problems)
    own = [_output_text(o) for c in notebook.cells if "my_network()" in c.source
           or "netlearn.triage_list" in c.source or "follow_up_gaps" in c.source
           for o in c.get("outputs", [])]
    text = "".join(own).lower()
    assert "your data" in text, f"{path.name} ({kind}) did not show the learner's own data"
    found = [phrase for phrase in NO_DATA_PHRASES if phrase in text]
    assert not found, f"{path.name} ({kind}) says {found}:\n{text[:3000]}"
