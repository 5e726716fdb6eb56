"""Test session set-up: learner data goes to a temporary NETLEARN_HOME, never the repo.

Also gives nbval something to compare: committed notebooks carry no outputs, so the
expected output of each cell tagged `nbval-check-output` is injected from
course-src/expected/<stem>.json (written by tools/record_expected_outputs.py).
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent
EXPECTED = REPO / "course-src" / "expected"


def pytest_addoption(parser):
    parser.addoption("--update-screenshots", action="store_true",
                     help="let the browser tests write docs/screenshots/*.png (else a temp dir)")


def pytest_configure(config):
    # Set before any notebook kernel starts, so nbval's kernels inherit it too.
    home = tempfile.mkdtemp(prefix="netlearn-test-home-")
    os.environ["NETLEARN_HOME"] = home
    os.environ.pop("NETLEARN_CONTENT", None)
    os.environ.pop("NETLEARN_FACILITATOR", None)
    os.environ.setdefault("MPLBACKEND", "Agg")
    config._netlearn_home = home


def _course_notebook(path: Path) -> bool:
    return path.suffix == ".ipynb" and path.parent == REPO / "notebooks"


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    """Collect each course notebook once, as a CheckedNotebook, in place of nbval's own copy.

    nbval's hook collects every notebook; replacing its collector here (rather than dropping its
    items after collection) keeps pytest's "selected" count equal to what runs.
    """
    collectors = yield
    opt = parent.config.option
    if not (getattr(opt, "nbval", False) or getattr(opt, "nbval_lax", False)):
        return collectors
    if not _course_notebook(file_path):
        return collectors
    kept = [c for c in collectors if type(c).__name__ != "IPyNbFile"]
    return [*kept, _checked_notebook_class().from_parent(parent, path=file_path)]


_CLASS = []


def _checked_notebook_class():
    if _CLASS:
        return _CLASS[0]
    from nbformat import from_dict
    from nbval.plugin import IPyNbFile

    from netlearn.facilitator.notebook_builder import CHECK_OUTPUT

    class CheckedNotebook(IPyNbFile):
        """A course notebook whose checked cells get their recorded expected output."""

        def collect(self):
            items = list(super().collect())
            expected_path = EXPECTED / f"{self.path.stem}.json"
            expected = (json.loads(expected_path.read_text(encoding="utf-8"))
                        if expected_path.exists() else {})
            for cell in self.nb.cells:
                if cell.cell_type != "code" or CHECK_OUTPUT not in cell.metadata.get("tags", []):
                    continue
                record = expected.get(cell.get("id"))
                digest = hashlib.sha256(cell.source.encode("utf-8")).hexdigest()[:16]
                if record is None or record["source"] != digest:
                    raise pytest.UsageError(
                        f"{expected_path}: no expected output for checked cell "
                        f"{cell.get('id')!r} (or its source changed); run "
                        "python tools/record_expected_outputs.py")
                cell.outputs = [from_dict(output) for output in record["outputs"]]
                cell.execution_count = 1
            return items

    _CLASS.append(CheckedNotebook)
    return CheckedNotebook
