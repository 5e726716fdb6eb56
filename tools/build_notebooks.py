"""Build notebooks/<stem>.ipynb from jupytext percent sources in notebooks/src and the content."""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "notebooks" / "src"
OUT_DIR = ROOT / "notebooks"
README = ROOT / "README.md"
TABLE_START = "<!-- course-table:start -->"
TABLE_END = "<!-- course-table:end -->"
PLACEHOLDERS = ("header", "questions", "navigation")
CELL_RE = re.compile(r"^# %%(?P<markdown>\s+\[(?:markdown|md)\])?(?P<rest>.*)$")
#: A section heading in a source: ``## Title {core}`` or ``## Title {optional}``.
SECTION_RE = re.compile(r"^## (?P<title>.+?) \{(?P<kind>core|optional)\}$")
SECTION_MARK = "*{kind} · about {minutes} min*"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


class BuildError(Exception):
    """A problem in a source file, reported as ``path:line: message``."""


# -- reading a percent-format source ---------------------------------------------------


def parse_source(path: Path) -> list[dict]:
    """Split a percent-format file into cells: ``{"kind", "source", "placeholder", "line"}``.

    Markdown lines must be ``#`` or start with ``# `` (the prefix is removed); code
    lines are kept as they are, including magics and ``# NBVAL_…`` markers.
    """
    text = path.read_text(encoding="utf-8")
    cells: list[dict] = []
    current: dict | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = CELL_RE.match(line)
        if match:
            rest = match["rest"].strip()
            kind = "markdown" if match["markdown"] else "code"
            placeholder = None
            if rest:
                name = rest.removeprefix("netlearn:")
                if kind != "markdown" or not rest.startswith("netlearn:") \
                        or name not in PLACEHOLDERS:
                    raise BuildError(f"{path}:{number}: unknown cell marker {line!r}"
                                     f" (placeholders: markdown netlearn:{'|'.join(PLACEHOLDERS)})")
                placeholder = name
            current = {"kind": kind, "lines": [], "placeholder": placeholder, "line": number}
            cells.append(current)
            continue
        if current is None:
            if line.strip():
                raise BuildError(f"{path}:{number}: text before the first '# %%' cell marker")
            continue
        if current["kind"] == "markdown" and line.strip():
            if line != "#" and not line.startswith("# "):
                raise BuildError(f"{path}:{number}: markdown lines must start with '# '")
            line = line[2:]
        current["lines"].append(line.rstrip() if current["kind"] == "markdown" else line)
    for cell in cells:
        lines = cell.pop("lines")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        cell["source"] = "\n".join(lines)
        if cell["placeholder"] and cell["source"]:
            raise BuildError(f"{path}:{cell['line']}: a netlearn:{cell['placeholder']} cell is"
                             " generated and must be empty")
        if not cell["placeholder"] and not cell["source"]:
            raise BuildError(f"{path}:{cell['line']}: empty cell")
    return cells


# -- generated cells -------------------------------------------------------------------


def md(text: str) -> str:
    """Course text as Markdown: Markdown stays, HTML is shown as text."""
    return html.escape(str(text).strip(), quote=False)


def indent(text: str, prefix: str) -> str:
    """Indent every line after the first (for list items and numbered paragraphs)."""
    return text.replace("\n", "\n" + prefix)


def number_of(topic) -> str:
    return topic.id.split("-", 1)[0]


def link_text(topic) -> str:
    return f"{number_of(topic)} · {md(topic.title)}".replace("[", r"\[").replace("]", r"\]")


def minutes_text(topic) -> str:
    """``"about 45 minutes (core sections: about 25)"`` from course.yaml."""
    text = f"about {topic.minutes} minutes"
    if topic.core_minutes and topic.core_minutes < topic.minutes:
        text += f" (core sections: about {topic.core_minutes})"
    return text


def header_cell(course, topic) -> str:
    lines = [f"# {number_of(topic)} · {md(topic.title)}", ""]
    facts = []
    if topic.kind == "mistake":
        position = [t.id for t in course.mistakes].index(topic.id) + 1
        facts.append(f"**Mistake {position} of {len(course.mistakes)}: {md(topic.mistake)}**")
    facts.append(f"⏱ {minutes_text(topic)}")
    lines += [" · ".join(facts), "", f"**Key question:** {md(topic.key_question)}"]
    if topic.objectives:
        lines += ["", "**In this notebook you will:**", ""]
        lines += [f"{i}. {indent(md(o['text']), '   ')}"
                  for i, o in enumerate(topic.objectives, start=1)]
    return "\n".join(lines)


def questions_cell(topic) -> str:
    if not topic.questions:
        raise BuildError(f"topic {topic.id} has no quiz questions for its netlearn:questions cell")
    lines = [
        "<details>",
        "<summary>Quiz questions (readable without running the notebook)</summary>",
        "",
        "A copy of the quiz questions, without the answers, so that you can read them anywhere."
        " Run the quiz cell above to answer them and see the feedback.",
    ]
    for number, question in enumerate(topic.questions, start=1):
        lines.append("")
        if question["type"] == "judgement":
            if question.get("situation"):
                lines += [f"**{number}.** {md(question['situation'])}", "",
                          f"*{md(question['prompt'])}*"]
            else:
                lines.append(f"**{number}.** {md(question['prompt'])}")
            options = question["responses"]
        else:
            lines.append(f"**{number}.** {md(question['prompt'])}")
            options = question["choices"]
        lines.append("")
        for option in options:  # no letters: the quiz shuffles options per learner
            lines.append(f"- {indent(md(option['text']), '  ')}")
    lines += ["", "</details>"]
    return "\n".join(lines)


def navigation_cell(course, topic) -> str:
    ids = [t.id for t in course.topics]
    index = ids.index(topic.id)
    parts = []
    if index > 0:
        before = course.topics[index - 1]
        parts.append(f"[← {link_text(before)}]({before.id}.ipynb)")
    parts.append("[Contents](../README.md)")
    if index + 1 < len(ids):
        after = course.topics[index + 1]
        parts.append(f"[{link_text(after)} →]({after.id}.ipynb)")
    return " · ".join(parts)


# -- core and optional sections -----------------------------------------------------------


def mark_sections(cell: dict, source: Path) -> str:
    """Turn ``## Title {core|optional}`` into the heading plus a visible marker line.

    Every ``##`` heading must say whether its section is core (kept in a shortened
    session) or optional. The minutes are filled in by :func:`state_section_minutes`.
    """
    lines = []
    for offset, line in enumerate(cell["source"].splitlines()):
        if not line.startswith("## "):
            lines.append(line)
            continue
        match = SECTION_RE.match(line)
        if not match:
            raise BuildError(f"{source}:{cell['line'] + 1 + offset}: a '##' heading must end"
                             " with {core} or {optional}")
        lines += [f"## {match['title']}", "",
                  SECTION_MARK.format(kind=match["kind"].capitalize(), minutes=0)]
    return "\n".join(lines)


def state_section_minutes(cells, topic, course) -> None:
    """Write each section's estimated minutes into its marker line (netlearn.timing)."""
    from netlearn.timing import estimate_sections, shown_minutes

    sections = [s for s in estimate_sections(cells, topic, course) if s.heading]
    marks = iter(sections)
    for cell in cells:
        if cell.cell_type != "markdown" or cell.get("id") in PLACEHOLDERS:
            continue
        out = []
        for line in cell.source.splitlines():
            if line in ("*Core · about 0 min*", "*Optional · about 0 min*"):
                section = next(marks)
                kind = "Core" if section.core else "Optional"
                line = SECTION_MARK.format(kind=kind, minutes=shown_minutes(section.minutes))
            out.append(line)
        cell.source = "\n".join(out)


# -- the notebook ----------------------------------------------------------------------


#: A code cell with this comment stays open (it teaches something through its code).
SHOW_CODE = "# netlearn: show-code"


def teaches_through_code(source: str) -> bool:
    """True for the code cells a learner should read: each notebook's worked example
    (the cell whose output is checked) and any cell marked with :data:`SHOW_CODE`."""
    return "# NBVAL_CHECK_OUTPUT" in source or SHOW_CODE in source


def build(course, source: Path) -> str:
    """Return the notebook JSON text for one source file."""
    stem = source.stem
    try:
        topic = course.topic(stem)
    except KeyError:
        raise BuildError(f"{source}: no topic {stem!r} in course.yaml (stem must equal the"
                         " topic id)") from None
    generators = {
        "header": lambda: header_cell(course, topic),
        "questions": lambda: questions_cell(topic),
        "navigation": lambda: navigation_cell(course, topic),
    }
    cells = []
    for index, cell in enumerate(parse_source(source)):
        if cell["placeholder"]:
            new = nbformat.v4.new_markdown_cell(generators[cell["placeholder"]]())
            new.id = cell["placeholder"]
            new.metadata["netlearn"] = "generated"
        elif cell["kind"] == "markdown":
            new = nbformat.v4.new_markdown_cell(mark_sections(cell, source))
            new.id = f"cell-{index:02d}"
        else:
            new = nbformat.v4.new_code_cell(cell["source"])
            new.id = f"cell-{index:02d}"
            if not teaches_through_code(cell["source"]):
                # collapsed in JupyterLab: a learner runs it without having to read it
                new.metadata["jupyter"] = {"source_hidden": True}
        cells.append(new)
    state_section_minutes(cells, topic, course)
    nb = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def course_table(course) -> str:
    rows = ["| # | Notebook | The mistake | Key question | Minutes | Core only |",
            "|---|---|---|---|---|---|"]
    for topic in course.topics:
        cells = [number_of(topic), f"[{md(topic.title)}](notebooks/{topic.id}.ipynb)",
                 md(topic.mistake) or "—", md(topic.key_question), str(topic.minutes),
                 str(topic.core_minutes or topic.minutes)]
        rows.append("| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |")
    hours, minutes = divmod(course.minutes, 60)
    core = sum(t.core_minutes or t.minutes for t in course.topics)
    rows += ["", f"About {course.minutes} minutes in all ({hours} h {minutes:02d} min),"
                 " spread over as many sessions as you like; about"
                 f" {core} minutes for the core sections alone. The times count reading at"
                 f" about {course.reading_words_per_minute} words a minute, every quiz item,"
                 " reflection, scenario and practice tool (netlearn/timing.py)."]
    return "\n".join(rows)


def readme_text(course) -> tuple[str, str] | None:
    """Return (current, rebuilt) README text, or None when it has no course-table markers."""
    if not README.is_file():
        return None
    current = README.read_text(encoding="utf-8")
    start, end = current.find(TABLE_START), current.find(TABLE_END)
    if start < 0 or end < start:
        return None
    rebuilt = (current[: start + len(TABLE_START)] + "\n" + course_table(course) + "\n"
               + current[end:])
    return current, rebuilt


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stems", nargs="*", help="notebook stems to build (default: all sources)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 listing files that differ from a fresh build")
    parser.add_argument("--content", metavar="DIR",
                        help="facilitator content directory (default: NETLEARN_CONTENT, if set)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from netlearn.content import MANIFEST, default_validation_manifest, load_course
    from netlearn.errors import ContentError

    try:
        course = load_course(args.content)
    except ContentError as exc:
        print(f"error: course content is invalid: {exc}", file=sys.stderr)
        return 1
    sources = sorted(SRC_DIR.glob("*.py"))
    if args.stems:
        wanted = {Path(s).stem for s in args.stems}
        missing = wanted - {s.stem for s in sources}
        if missing:
            print(f"error: no source notebooks/src/{sorted(missing)[0]}.py", file=sys.stderr)
            return 1
        sources = [s for s in sources if s.stem in wanted]

    problems, stale = [], []
    for source in sources:
        target = OUT_DIR / f"{source.stem}.ipynb"
        try:
            text = build(course, source)
        except (BuildError, nbformat.ValidationError) as exc:
            problems.append(str(exc).splitlines()[0])
            continue
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(target.relative_to(ROOT))
        if not args.check:
            target.write_text(text, encoding="utf-8")
    if not args.stems:
        built = {s.stem for s in sources}
        for orphan in sorted(OUT_DIR.glob("*.ipynb")):
            if orphan.stem not in built:
                problems.append(f"{orphan.relative_to(ROOT)} has no source"
                                f" notebooks/src/{orphan.stem}.py")
        readme = readme_text(course)
        if readme and readme[0] != readme[1]:
            stale.append(README.relative_to(ROOT))
            if not args.check:
                README.write_text(readme[1], encoding="utf-8")
        manifest = ROOT / "netlearn" / "content" / "schema" / MANIFEST
        fresh = default_validation_manifest()
        if not manifest.is_file() or manifest.read_text(encoding="utf-8") != fresh:
            stale.append(manifest.relative_to(ROOT))
            if not args.check:
                manifest.write_text(fresh, encoding="utf-8")

    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    for path in stale:
        if args.check:
            print(f"out of date: {path} (run: python tools/build_notebooks.py)")
        else:
            print(f"wrote {path}")
    return 1 if problems or (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
