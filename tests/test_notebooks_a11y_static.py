"""Notebook prose: headings go in order (no skipped level); link text makes sense on its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("notebooks/facilitator/*.ipynb")])
PROSE = sorted([ROOT / "README.md", *ROOT.glob("docs/*.md")])
VAGUE = {"here", "click here", "this", "this link", "link", "more", "read more", "go"}
HEADING = re.compile(r"^(#{1,6})\s+\S")
HTML_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)
MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")
HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)


def markdown_cells(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def headings(text: str) -> list[tuple[int, str]]:
    """(level, line) of every markdown or HTML heading outside code fences."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        match = HEADING.match(line)
        if match:
            found.append((len(match[1]), line.strip()))
        found.extend((int(level), line.strip()) for level in HTML_HEADING.findall(line))
    return found


def skipped_levels(levels: list[tuple[int, str]]) -> list[str]:
    """Each heading that goes more than one level deeper than the one before it."""
    problems, previous = [], 0
    for level, line in levels:
        if level > previous + 1:
            problems.append(f"h{previous} → h{level}: {line}")
        previous = level
    return problems


def vague_links(text: str) -> list[str]:
    texts = [label for label, _ in MD_LINK.findall(text)]
    texts += [re.sub(r"<[^>]+>", "", inner) for inner in HTML_LINK.findall(text)]
    return [label for label in texts if label.strip().strip(".:!").lower() in VAGUE]


def test_the_checks_catch_what_they_should():
    assert skipped_levels(headings("# A\n### C")) == ["h1 → h3: ### C"]
    assert skipped_levels(headings("# A\n## B\n### C\n## D\n```\n#### not a heading\n```")) == []
    assert skipped_levels(headings("# A\n<h3>C</h3>")) == ["h1 → h3: <h3>C</h3>"]
    assert vague_links("see [here](https://x.org) or <a href='y'>click here</a>") == [
        "here", "click here"]
    assert vague_links("see [the importing guide](docs/importing.md)") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_headings_go_in_order(path):
    levels = [h for cell in markdown_cells(path) for h in headings(cell)]
    assert levels and levels[0][0] == 1, f"{path.name}: the first heading is not a level-1 title"
    assert skipped_levels(levels) == [], f"{path.name}: skipped heading levels"


@pytest.mark.parametrize("path", NOTEBOOKS + PROSE, ids=[p.name for p in NOTEBOOKS + PROSE])
def test_no_link_text_like_here(path):
    text = "\n".join(markdown_cells(path)) if path.suffix == ".ipynb" \
        else path.read_text(encoding="utf-8")
    assert vague_links(text) == [], f"{path.name}: link text that means nothing out of context"
