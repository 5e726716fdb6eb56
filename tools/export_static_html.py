"""Write an accessible static HTML copy of each course notebook, run on the sample persona.

For learners whose screen reader, magnifier or switch access struggles with JupyterLab:
one plain HTML page per notebook with the prose, the printed results, every chart as an
image with its text alternative and a "Show the data" table, and the quiz's static copy.
Code cells are left out (a learner never has to read code); interactive widgets become a
one-line note, because they need a running notebook. Nothing is loaded from the network.

    python tools/export_static_html.py [--out DIR] [STEM ...]

The default output folder is build/static-html/ (git-ignored). Learner data is never
used: each notebook runs in a fresh kernel with an empty NETLEARN_HOME, so it shows Sam
Rivera, the course's invented sample persona.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
DEFAULT_OUT = REPO / "build" / "static-html"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = ("Interactive exercise: open this notebook in JupyterLab to use it "
               "(its questions are listed in the text above or below).")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 1.05rem/1.6 system-ui, sans-serif; max-width: 48rem; margin: 0 auto;
       padding: 1rem; color: #1a1a1a; background: #fff; }}
a {{ color: #0b57a4; }}
img {{ max-width: 100%; height: auto; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: 0.5rem; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #767676; padding: 0.2rem 0.5rem; text-align: left; }}
:focus-visible {{ outline: 3px solid #0b57a4; outline-offset: 2px; }}
.netlearn-note {{ font-style: italic; }}
.skip {{ position: absolute; left: -999rem; }}
.skip:focus {{ position: static; }}
</style>
</head>
<body>
<a class="skip" href="#content">Skip to the content</a>
<main id="content">
{body}
</main>
</body>
</html>
"""


def run(path: Path):
    """Execute one notebook in a fresh kernel with an empty NETLEARN_HOME; return the node."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    saved = {name: os.environ.get(name) for name in ("NETLEARN_HOME", "MPLBACKEND")}
    with tempfile.TemporaryDirectory(prefix="netlearn-static-") as home:
        os.environ.update({"NETLEARN_HOME": home, "MPLBACKEND": "Agg"})
        try:
            NotebookClient(notebook, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return notebook


def readable(notebook) -> None:
    """Replace each widget output with a plain note (widgets need a running kernel)."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME in data:
                output["data"] = {"text/html": f"<p class='netlearn-note'>"
                                               f"{html.escape(WIDGET_NOTE)}</p>"}


def title_of(notebook, fallback: str) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def page_html(notebook, fallback_title: str) -> str:
    """Return the static page: prose and outputs only, no code, no scripts from the network."""
    from nbconvert import HTMLExporter

    readable(notebook)
    exporter = HTMLExporter(template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook)
    return PAGE.format(title=html.escape(title_of(notebook, fallback_title)), body=body)


def export(path: Path, out_dir: Path) -> Path:
    """Run ``path`` on the sample persona and write ``out_dir/<stem>.html``; return it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{path.stem}.html"
    target.write_text(page_html(run(path), path.stem), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stems", nargs="*", help="notebooks to export (default: all)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    stems = args.stems or sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
    for stem in stems:
        path = NOTEBOOKS / f"{stem}.ipynb"
        if not path.is_file():
            print(f"{path}: no such notebook", file=sys.stderr)
            return 1
        print(f"wrote {export(path, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
