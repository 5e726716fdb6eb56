"""Every research claim the course makes is in docs/references.md: its source, and a row saying
where it stands, how the course words it and what the source found."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIBLIOGRAPHY = ROOT / "docs" / "references.md"
CLAIMS_HEADING = "## Every research claim in the course"
# "Gollwitzer & Sheeran, 2006", "Liu et al., 2023", "Granovetter (1973",
# "Liu, Rim, Min & Min, 2023"; not a year range such as "Riverside Academy, 2012–2023".
_CITATION = re.compile(
    r"((?:[A-Z][\w'’\-]+(?:,? & |, | and )?)+?)(?: et al\.)?,? \(?((?:19|20)\d{2})\b(?!\s*[–-])")
_SEPARATOR = re.compile(r",? & |, | and ")
# A notebook heading, "## What the research says {core}" or "### 4. Wake up a dormant tie".
_HEADING = re.compile(r"#{2,3} (.+?)(?: \{(?:core|optional)\})?$")
# A list item starts a passage of its own: "- text", "1. text".
_ITEM = re.compile(r"\s*(?:[-*]|\d{1,2}\.) ")
# YAML keys that only hold a list or mapping of things with ids (or names) of their own.
_CONTAINERS = {"questions", "choices", "responses", "scenarios", "nodes"}


def cited_authors(text):
    """Author surnames with the year they are cited with, in ``text``: a set of ``(name, year)``."""
    found = set()
    for match in _CITATION.finditer(text):
        for name in _SEPARATOR.split(match.group(1)):
            if name:
                found.add((name, match.group(2)))
    return found


def _sources():
    yield from sorted((ROOT / "course-src").glob("*.py"))
    yield from sorted((ROOT / "netlearn" / "content").rglob("*.yaml"))


def _paragraphs(lines):
    """Group text lines into passages: paragraphs end at blank lines; each list item is its own."""
    passage = []
    for line in [*lines, ""]:
        if (not line.strip() or _ITEM.match(line)) and passage:
            yield " ".join(passage)
            passage = []
        if line.strip():
            passage.append(line.strip())


def notebook_passages(text):
    """``(section heading, passage)`` for each paragraph, list item and code line of a notebook.

    The heading is the nearest ``##`` or ``###`` heading above, without its {core}/{optional} mark;
    text before the first one is in the section ``Opening``.
    """
    section, markdown, lines = "Opening", False, []
    for line in [*text.splitlines(), "# %%"]:
        if line.startswith("# %%"):
            yield from ((section, p) for p in _paragraphs(lines))
            markdown, lines = "[markdown]" in line, []
            continue
        if not markdown:
            if line.strip():
                yield section, line.strip()
            continue
        body = line[2:] if line.startswith("# ") else line.lstrip("#")
        heading = _HEADING.match(body)
        if heading:
            yield from ((section, p) for p in _paragraphs(lines))
            section, lines = heading.group(1), []
        else:
            lines.append(body)


def yaml_passages(node, where=()):
    """``(location, passage)`` for each paragraph or list item of each string in parsed YAML.

    The location names the path by ids and keys: ``online-q5 b feedback``, ``key_points 2``,
    ``notes``; list items without an id are numbered from 1.
    """
    if isinstance(node, str):
        for passage in _paragraphs(node.splitlines()):
            yield " ".join(where), passage
    elif isinstance(node, list):
        for number, item in enumerate(node, 1):
            label = item["id"] if isinstance(item, dict) and "id" in item else str(number)
            yield from yaml_passages(item, (*where, label))
    elif isinstance(node, dict):
        for key, value in node.items():
            if key != "id":
                yield from yaml_passages(value, where if key in _CONTAINERS else (*where, str(key)))


def passages(path):
    """``(location, passage)`` for every passage of a notebook source or content file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return list(notebook_passages(text))
    return list(yaml_passages(yaml.safe_load(text)))


def cited_passages():
    """``(file, location, passage)`` for every passage that cites an author and year."""
    for path in _sources():
        name = path.relative_to(ROOT).as_posix()
        for where, passage in passages(path):
            if cited_authors(passage):
                yield name, where, passage


def _plain(text):
    return " ".join(text.replace("*", "").split())


def quotes(passage, wording):
    """Whether ``passage`` holds ``wording``, whose "…" may stand for left-out words."""
    at, plain = 0, _plain(passage)
    for fragment in (_plain(f) for f in wording.split("…")):
        at = plain.find(fragment, at)
        if at < 0:
            return False
        at += len(fragment)
    return True


def claim_rows(markdown):
    """The claims table: one dict per row, with ``file``, ``where``, ``wording``, ``source`` and
    ``found``."""
    section = markdown.split(CLAIMS_HEADING, 1)[1].split("\n## ", 1)[0]
    rows, file = [], None
    for line in section.splitlines():
        heading = re.match(r"### `(.+)`$", line)
        if heading:
            file = heading.group(1)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")] \
            if line.startswith("|") else []
        if len(cells) != 4 or cells[0] == "Where" or set(cells[0]) <= set("-: "):
            continue
        rows.append({"file": file, "where": cells[0], "wording": cells[1].strip("“”"),
                     "source": cells[2], "found": cells[3]})
    return rows


def uncovered(cited, rows):
    """The cited passages no row covers: no row at its file and location quotes it, or the rows that
    do leave one of its cited authors and years out of their sources."""
    missing = []
    for file, where, passage in cited:
        covering = [r for r in rows if (r["file"], r["where"]) == (file, where)
                    and quotes(passage, r["wording"])]
        named = set().union(*(cited_authors(r["source"]) for r in covering))
        if not covering or not cited_authors(passage) <= named:
            missing.append((file, where, passage[:80]))
    return missing


def test_the_citation_reader_finds_every_author_of_a_citation():
    text = ("as shown (Gollwitzer & Sheeran, 2006) and by Liu, Rim, Min & Min, 2023;"
            " Granovetter (1973) and Rajkumar et al., 2022; at Riverside Academy, 2012–2023.")
    assert cited_authors(text) == {
        ("Gollwitzer", "2006"), ("Sheeran", "2006"), ("Liu", "2023"), ("Rim", "2023"),
        ("Min", "2023"), ("Granovetter", "1973"), ("Rajkumar", "2022")}


def test_every_cited_author_and_year_is_in_docs_references():
    bibliography = BIBLIOGRAPHY.read_text(encoding="utf-8")
    missing = set()
    for path in _sources():
        for name, year in cited_authors(path.read_text(encoding="utf-8")):
            if not re.search(rf"{re.escape(name)}\b[^\n]*\n?[^\n]*\({year}\)", bibliography):
                missing.add((name, year, path.name))
    assert sorted(missing) == []


def test_each_cited_source_says_what_the_course_uses_it_for_and_where():
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    cited = text.split("## Sources and the findings the course uses", 1)[1].split("\n## ", 1)[0]
    entries = [e for e in re.split(r"\n(?=\*\*)", cited) if e.startswith("**")]
    assert len(entries) >= 19
    assert [e.split("**")[1] for e in entries if "Used in" not in e] == []


def test_passages_are_read_by_section_and_by_item():
    notebook = ("# %% [markdown]\n# ## What the research says {core}\n#\n# **Ties.** A finding\n"
                "# (Granovetter, 1974).\n#\n# - **A point** (Hall, 2019).\n#   More of it.\n"
                "\n# %%\nprint('Dunbar, 1992')\n")
    assert list(notebook_passages(notebook)) == [
        ("What the research says", "**Ties.** A finding (Granovetter, 1974)."),
        ("What the research says", "- **A point** (Hall, 2019). More of it."),
        ("What the research says", "print('Dunbar, 1992')")]
    choice = {"id": "b", "feedback": "F (Liu et al., 2023)."}
    content = {"questions": [{"id": "q1", "choices": [choice]}],
               "key_points": ["One.", "Two."], "notes": "- A\n  b.\n\nC."}
    assert list(yaml_passages(content)) == [
        ("q1 b feedback", "F (Liu et al., 2023)."), ("key_points 1", "One."),
        ("key_points 2", "Two."), ("notes", "- A b."), ("notes", "C.")]


def test_a_new_citation_without_a_row_is_reported():
    rows = [{"file": "f.py", "where": "Key points", "wording": "friendships decayed … ties",
             "source": "Roberts & Dunbar, 2015"}]
    covered = ("f.py", "Key points", "- Over 18 months, friendships decayed faster than family ties"
               " (Roberts & Dunbar, 2015).")
    assert uncovered([covered], rows) == []
    new_passage = ("f.py", "Key points", "- About 150 relationships (Dunbar, 1992).")
    new_source = (*covered[:2], covered[2].replace("2015)", "2015; Hall, 2019)"))
    elsewhere = ("f.py", "Practice", covered[2])
    assert [m[:2] for m in uncovered([new_passage, new_source, elsewhere], rows)] == [
        ("f.py", "Key points"), ("f.py", "Key points"), ("f.py", "Practice")]


def test_every_cited_passage_has_a_row_in_the_claims_table():
    rows = claim_rows(BIBLIOGRAPHY.read_text(encoding="utf-8"))
    assert uncovered(cited_passages(), rows) == []


def test_every_claims_table_row_still_stands_where_it_says():
    rows = claim_rows(BIBLIOGRAPHY.read_text(encoding="utf-8"))
    assert len(rows) >= 60
    stale = []
    for row in rows:
        path = ROOT / (row["file"] or "")
        here = [p for w, p in passages(path) if w == row["where"]] if path.is_file() else []
        if not any(quotes(p, row["wording"]) for p in here):
            stale.append((row["file"], row["where"], row["wording"][:60]))
        if not (row["source"] and row["found"]):
            stale.append((row["file"], row["where"], "no source or finding"))
    assert stale == []


def test_every_source_in_the_claims_table_is_in_the_bibliography():
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    listed = text.split("## Sources and the findings the course uses", 1)[1]
    listed = listed.split(CLAIMS_HEADING)[0]
    names = {(n, y) for row in claim_rows(text) for n, y in cited_authors(row["source"])}
    assert sorted((n, y) for n, y in names
                  if not re.search(rf"{re.escape(n)}\b[^\n]*\n?[^\n]*\({y}\)", listed)) == []
