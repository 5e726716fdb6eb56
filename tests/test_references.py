"""Every author the notebooks and content cite is in the course bibliography, docs/references.md."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIBLIOGRAPHY = ROOT / "docs" / "references.md"
# "Gollwitzer & Sheeran, 2006", "Liu et al., 2023", "Granovetter (1973",
# "Liu, Rim, Min & Min, 2023"; not a year range such as "Riverside Academy, 2012–2023".
_CITATION = re.compile(
    r"((?:[A-Z][\w'’\-]+(?:,? & |, | and )?)+?)(?: et al\.)?,? \(?((?:19|20)\d{2})\b(?!\s*[–-])")
_SEPARATOR = re.compile(r",? & |, | and ")


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
