"""Record the outputs nbval compares for cells tagged `nbval-check-output`, outside the notebooks.

Committed notebooks carry no outputs, and nbval does not compare cells that were never
run, so the expected output of every checked cell lives in course-src/expected/<stem>.json
(cell id -> source digest + outputs). The test session injects it before nbval runs
(see the root conftest.py). Run this after changing a checked cell or the sample persona:

    python tools/record_expected_outputs.py [STEM ...]
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from netlearn.facilitator.notebook_builder import CHECK_OUTPUT

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
EXPECTED = REPO / "course-src" / "expected"


def source_digest(source: str) -> str:
    """Return the digest that ties an expected output to its cell's source."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def is_checked(cell) -> bool:
    """Return True for a code cell nbval compares."""
    return cell.cell_type == "code" and CHECK_OUTPUT in cell.metadata.get("tags", [])


def record(path: Path) -> Path | None:
    """Run one notebook in a fresh kernel with an empty NETLEARN_HOME; save checked outputs."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if not any(is_checked(cell) for cell in nb.cells):
        return None
    with tempfile.TemporaryDirectory(prefix="netlearn-record-") as home:
        os.environ["NETLEARN_HOME"] = home
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    expected = {}
    for cell in nb.cells:
        if is_checked(cell):
            outputs = [dict(output) for output in cell.outputs]
            expected[cell.id] = {"source": source_digest(cell.source), "outputs": outputs}
    EXPECTED.mkdir(exist_ok=True)
    target = EXPECTED / f"{path.stem}.json"
    target.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    stems = argv or sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
    for stem in stems:
        written = record(NOTEBOOKS / f"{stem}.ipynb")
        outcome = f"wrote {written.relative_to(REPO)}" if written else "no checked cells"
        print(f"{stem}: {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
