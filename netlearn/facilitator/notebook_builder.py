"""Build notebooks from jupytext percent sources and the course content: one builder for all."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from netlearn.plumbing.errors import NetlearnError

#: Generated cells a source asks for with ``# %% [markdown] netlearn:NAME`` (left empty).
PLACEHOLDERS = ("header", "questions", "navigation")
#: Cell metadata jupytext keeps only to write the blank lines of the source back.
JUPYTEXT_LAYOUT = ("lines_to_next_cell", "lines_to_end_of_cell_marker")
#: A section heading in a source: ``## Title {core}`` or ``## Title {optional}``.
SECTION_RE = re.compile(r"^## (?P<title>.+?) \{(?P<kind>core|optional)\}$")
SECTION_MARK = "*{kind} · about {minutes} min*"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: Cell tags a source may set on a code cell (``# %% tags=["..."]``), kept in the cell's
#: metadata where the learner never reads them. A worked example's output is compared by
#: nbval (CHECK_OUTPUT); both tags keep the cell's code open, as it teaches through its code.
CHECK_OUTPUT = "nbval-check-output"
SHOW_CODE = "show-code"
CELL_TAGS = (CHECK_OUTPUT, SHOW_CODE)
#: Where the facilitator guide goes, relative to a notebooks folder.
FACILITATOR_GUIDE = Path("facilitator") / "facilitator-guide.ipynb"


class BuildError(NetlearnError):
    """A problem in a notebook source, reported as ``path:line: message``."""


@dataclass
class SourceCell:
    """One cell of a percent-format source, as the builder needs it.

    Attributes
    ----------
    kind : str
        ``"markdown"`` or ``"code"``.
    source : str
        The cell's text (comment prefixes of markdown removed by jupytext).
    placeholder : str or None
        ``"header"``, ``"questions"`` or ``"navigation"`` for a generated cell.
    line : int
        The 1-based line of the cell's ``# %%`` marker.
    tags : tuple of str
        A code cell's tags from its marker (:data:`CELL_TAGS`).
    """

    kind: str
    source: str
    placeholder: str | None
    line: int
    tags: tuple = ()


# -- reading a percent-format source ---------------------------------------------------


def read_source(path) -> list[SourceCell]:
    """Read a jupytext percent-format source into cells.

    Parameters
    ----------
    path : path-like
        The ``.py`` source.

    Returns
    -------
    list of SourceCell

    Raises
    ------
    BuildError
        For text before the first ``# %%`` marker, an unknown marker or tag, an empty
        cell, or text in a generated (placeholder) cell; naming the file and line.
    """
    path = Path(path)
    return parse_source(path.read_text(encoding="utf-8"), path)


def parse_source(text: str, path) -> list[SourceCell]:
    """Split percent-format ``text`` (from ``path``, for messages) into cells with jupytext."""
    import jupytext

    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines, start=1) if line.startswith("# %%")]
    first_text = next((number for number, line in enumerate(lines, start=1) if line.strip()),
                      None)
    if first_text is not None and (not starts or first_text < starts[0]):
        raise BuildError("text before the first '# %%' cell marker", path, first_text)
    notebook = jupytext.reads(text, fmt="py:percent")
    if len(notebook.cells) != len(starts):
        raise BuildError(f"jupytext read {len(notebook.cells)} cells from {len(starts)}"
                         " '# %%' markers", path)
    cells = []
    for cell, line in zip(notebook.cells, starts, strict=True):
        metadata = {key: value for key, value in cell.metadata.items()
                    if key not in JUPYTEXT_LAYOUT}
        title = metadata.pop("title", None)
        tags = metadata.pop("tags", [])
        placeholder = None
        if tags and (cell.cell_type != "code" or not isinstance(tags, list)
                     or not set(tags) <= set(CELL_TAGS)):
            raise BuildError(f"unknown cell marker {lines[line - 1]!r} (code cell tags:"
                             f" {', '.join(CELL_TAGS)})", path, line)
        if cell.cell_type not in ("markdown", "code") or metadata or (
                title is not None and (cell.cell_type != "markdown"
                                       or title.removeprefix("netlearn:") not in PLACEHOLDERS
                                       or not title.startswith("netlearn:"))):
            raise BuildError(f"unknown cell marker {lines[line - 1]!r} (placeholders: markdown"
                             f" netlearn:{'|'.join(PLACEHOLDERS)})", path, line)
        if title is not None:
            placeholder = title.removeprefix("netlearn:")
        source = cell.source.strip("\n")
        if cell.cell_type == "markdown":
            source = "\n".join(part.rstrip() for part in source.splitlines())
        if placeholder and source.strip():
            raise BuildError(f"a netlearn:{placeholder} cell is generated and must be empty",
                             path, line)
        if not placeholder and not source.strip():
            raise BuildError("empty cell", path, line)
        cells.append(SourceCell(cell.cell_type, source, placeholder, line, tuple(tags)))
    return cells


# -- generated cells -------------------------------------------------------------------


def md(text: str) -> str:
    """Course text as Markdown: Markdown stays, HTML is shown as text."""
    return html.escape(str(text).strip(), quote=False)


def _indent(text: str, prefix: str) -> str:
    """Indent every line after the first (for list items and numbered paragraphs)."""
    return text.replace("\n", "\n" + prefix)


def number_of(topic) -> str:
    """Return a topic's number, the part of its id before the first ``-``."""
    return topic.id.split("-", 1)[0]


def link_text(topic) -> str:
    """Return ``"NN · Title"`` safe inside a Markdown link."""
    return f"{number_of(topic)} · {md(topic.title)}".replace("[", r"\[").replace("]", r"\]")


def minutes_text(topic) -> str:
    """``"about 45 minutes (core sections: about 25)"`` from course.yaml."""
    text = f"about {topic.minutes} minutes"
    if topic.core_minutes and topic.core_minutes < topic.minutes:
        text += f" (core sections: about {topic.core_minutes})"
    return text


def header_cell(course, topic) -> str:
    """Return a notebook's header: title, mistake, minutes, key question, objectives."""
    lines = [f"# {number_of(topic)} · {md(topic.title)}", ""]
    facts = []
    if topic.kind == "mistake":
        position = [t.id for t in course.mistakes].index(topic.id) + 1
        facts.append(f"**Mistake {position} of {len(course.mistakes)}: {md(topic.mistake)}**")
    facts.append(f"⏱ {minutes_text(topic)}")
    lines += [" · ".join(facts), "", f"**Key question:** {md(topic.key_question)}"]
    if topic.objectives:
        lines += ["", "**In this notebook you will:**", ""]
        lines += [f"{i}. {_indent(md(o['text']), '   ')}"
                  for i, o in enumerate(topic.objectives, start=1)]
    return "\n".join(lines)


def questions_cell(topic) -> str:
    """Return the answer-free static copy of a topic's quiz questions."""
    if not topic.questions:
        raise BuildError(f"topic {topic.id} has no quiz questions for its netlearn:questions"
                         " cell")
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
            lines.append(f"- {_indent(md(option['text']), '  ')}")
    lines += ["", "</details>"]
    return "\n".join(lines)


#: The course table beside the notebooks: the README is outside the folder that
#: ``jupyter lab notebooks/00-start-here.ipynb`` serves, so a link to it opens nothing.
CONTENTS_PAGE = "contents.md"


def navigation_cell(course, topic) -> str:
    """Return the previous · Contents · next links."""
    ids = [t.id for t in course.topics]
    index = ids.index(topic.id)
    parts = []
    if index > 0:
        before = course.topics[index - 1]
        parts.append(f"[← {link_text(before)}]({before.id}.ipynb)")
    parts.append(f"[Contents]({CONTENTS_PAGE})")
    if index + 1 < len(ids):
        after = course.topics[index + 1]
        parts.append(f"[{link_text(after)} →]({after.id}.ipynb)")
    return " · ".join(parts)


def contents_page(course) -> str:
    """Return ``notebooks/contents.md``: the course table, linking to the notebooks beside it.

    JupyterLab opens a Markdown file linked from a notebook as a rendered preview, so its
    links open the notebooks.
    """
    return (f"# {md(course.title)}: contents\n\n"
            + course_table(course, folder="")
            + "\n\nEvery notebook ends with links to the one before, the one after and this"
            " page.\n")


# -- core and optional sections -----------------------------------------------------------


def mark_sections(cell: SourceCell, source) -> str:
    """Turn ``## Title {core|optional}`` into the heading plus a visible marker line.

    Every ``##`` heading must say whether its section is core (kept in a shortened
    session) or optional. The minutes are filled in by :func:`state_section_minutes`.

    Raises
    ------
    BuildError
        For a ``##`` heading without ``{core}`` or ``{optional}`` (file and line).
    """
    lines = []
    for offset, line in enumerate(cell.source.splitlines()):
        if not line.startswith("## "):
            lines.append(line)
            continue
        match = SECTION_RE.match(line)
        if not match:
            raise BuildError("a '##' heading must end with {core} or {optional}", source,
                             cell.line + 1 + offset)
        lines += [f"## {match['title']}", "",
                  SECTION_MARK.format(kind=match["kind"].capitalize(), minutes=0)]
    return "\n".join(lines)


def state_section_minutes(cells, topic, course) -> None:
    """Write each section's minutes into its marker line (netlearn.teaching.timing).

    The labels are :func:`netlearn.teaching.timing.stated_sections`: rounded up, the
    preamble counted in the first, so that they add up to the notebook's time.
    """
    from netlearn.teaching.timing import stated_sections

    marks = iter(stated_sections(cells, topic, course))
    for cell in cells:
        if cell.cell_type != "markdown" or cell.get("id") in PLACEHOLDERS:
            continue
        out = []
        for line in cell.source.splitlines():
            if line in ("*Core · about 0 min*", "*Optional · about 0 min*"):
                section, minutes = next(marks)
                kind = "Core" if section.core else "Optional"
                line = SECTION_MARK.format(kind=kind, minutes=minutes)
            out.append(line)
        cell.source = "\n".join(out)


# -- the notebook ----------------------------------------------------------------------


def _code_cell(source: str, cell_id: str, tags=()):
    import nbformat

    cell = nbformat.v4.new_code_cell(source)
    cell.id = cell_id
    if tags:
        cell.metadata["tags"] = list(tags)
    else:
        # collapsed in JupyterLab: a learner runs it without having to read it
        cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def _notebook_text(cells) -> str:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def find_topic(course, topic_id: str, source=None):
    """Return the course's topic ``topic_id``, or raise a BuildError listing the valid ids."""
    try:
        return course.topic(topic_id)
    except KeyError:
        valid = ", ".join(t.id for t in course.topics)
        raise BuildError(f"no topic {topic_id!r} in course.yaml (a notebook's name is its"
                         " topic id: add the topic there first, and point NETLEARN_CONTENT or"
                         f" --content at your content); valid ids: {valid}", source) from None


def build_cells(course, topic, cells: list[SourceCell], source=None) -> str:
    """Return the notebook JSON text for a topic from its source cells.

    Parameters
    ----------
    course : netlearn.teaching.content.Course
    topic : netlearn.teaching.content.Topic
    cells : list of SourceCell
        From :func:`read_source` (or :func:`parse_source`).
    source : path-like, optional
        The source file, for messages.

    Returns
    -------
    str
        nbformat 4.5 JSON, without outputs: generated header, quiz copy and
        navigation filled in, section minutes stated, code cells collapsed except
        those tagged (a worked example, or code shown on purpose).
    """
    import nbformat

    generators = {
        "header": lambda: header_cell(course, topic),
        "questions": lambda: questions_cell(topic),
        "navigation": lambda: navigation_cell(course, topic),
    }
    built = []
    for index, cell in enumerate(cells):
        if cell.placeholder:
            new = nbformat.v4.new_markdown_cell(generators[cell.placeholder]())
            new.id = cell.placeholder
            new.metadata["netlearn"] = "generated"
        elif cell.kind == "markdown":
            new = nbformat.v4.new_markdown_cell(mark_sections(cell, source))
            new.id = f"cell-{index:02d}"
        else:
            new = _code_cell(cell.source, f"cell-{index:02d}", cell.tags)
        built.append(new)
    state_section_minutes(built, topic, course)
    return _notebook_text(built)


def build(course, source) -> str:
    """Return the notebook JSON text for one course source ``<topic-id>.py``."""
    source = Path(source)
    topic = find_topic(course, source.stem, source)
    return build_cells(course, topic, read_source(source), source)


# -- a notebook for a topic a facilitator added -------------------------------------------


def topic_source(topic) -> str:
    """Return the percent-format source of the generic notebook for ``topic``.

    Each part the topic has (self-check, key points, scenario, quiz, reflection) gets a
    section whose widget renders that part from the YAML when it runs.
    """
    tid = json.dumps(topic.id)
    sections = []
    if topic.statements:
        sections.append(("Where am I? {core}", "How much is each statement like you today?"
                         " Only you see your answers. (Run a cell with"
                         " <kbd>Shift</kbd>+<kbd>Enter</kbd>.)",
                         f'netlearn.self_assessment({tid}, "check")'))
    sections.append(("Key points {core}", "", f"netlearn.topic_key_points({tid})"))
    if topic.scenarios:
        sections.append(("Branching scenario {optional}",
                         "Choose what you would do and see where it leads; then start"
                         " again and try a path you would not normally take.",
                         f"netlearn.scenario({tid})"))
    if topic.questions:
        sections.append(("Quiz {core}", "Check your understanding. You can change an answer"
                         " and try again.", f"netlearn.quiz({tid})"))
    if topic.prompts:
        sections.append(("Reflection {core}", "Your answers are saved on this computer only.",
                         f"netlearn.reflection({tid})"))
    sections.append(("Where next {core}", "", f"netlearn.progress_bar({tid})"))
    parts = ["# %% [markdown] netlearn:header\n"]
    for number, (heading, text, call) in enumerate(sections):
        prose = f"# ## {heading}\n" + (f"#\n# {text}\n" if text else "")
        code = ("import netlearn\n\n" if number == 0 else "") + call + "\n"
        parts += [f"# %% [markdown]\n{prose}", f"# %%\n{code}"]
        if call.startswith("netlearn.quiz("):
            parts.append("# %% [markdown] netlearn:questions\n")
    parts.append("# %% [markdown] netlearn:navigation\n")
    return "\n".join(parts)


def facilitator_guide(course) -> str:
    """Return the facilitator guide notebook: every topic's facilitator notes, in course order.

    The notes live here, in the facilitators' folder, and nowhere in a learner's
    notebook. The guide turns facilitator mode on for its own kernel only.
    """
    import nbformat

    intro = nbformat.v4.new_markdown_cell(
        "# Facilitator guide: notes for every notebook\n\n"
        "Each topic's notes, timings, discussion prompts and pair exercises, from its"
        " `facilitator.yaml`. They are kept out of the learners' notebooks. Run every cell"
        " (Run ▸ Run All Cells); the first turns facilitator mode on for this notebook only,"
        " so the learners' notebooks are not changed.\n\n"
        "See also the [cohort dashboard](cohort-dashboard.ipynb) and"
        " `docs/facilitator-guide.md`.")
    intro.id = "header"
    intro.metadata["netlearn"] = "generated"
    cells = [intro, _code_cell("import netlearn\n\nnetlearn.set_facilitator_mode(True)",
                               "facilitator-mode")]
    for topic in course.topics:
        heading = nbformat.v4.new_markdown_cell(
            f"## {number_of(topic)} · {md(topic.title)}\n\n"
            f"⏱ {minutes_text(topic)} · [open the notebook](../{topic.id}.ipynb)")
        heading.id = f"topic-{topic.id}"
        cells += [heading, _code_cell(f"netlearn.facilitator_notes({json.dumps(topic.id)})",
                                      f"notes-{topic.id}")]
    return _notebook_text(cells)


def new_topic_notebook(topic_id: str, notebooks_dir, course=None, *, overwrite=False) -> Path:
    """Write the notebook for a topic a facilitator added in YAML, and the facilitator guide.

    The notebook has the course notebooks' shape (header, sections with their minutes,
    collapsed code, quiz copy, navigation). ``facilitator/facilitator-guide.ipynb`` and
    ``contents.md`` in ``notebooks_dir`` are rewritten too, so that they hold the new
    topic's notes and its row of the course table.

    Parameters
    ----------
    topic_id : str
        The topic's id in course.yaml; the notebook is ``<topic_id>.ipynb``.
    notebooks_dir : path-like
        The course's ``notebooks/`` directory (created when missing).
    course : netlearn.teaching.content.Course, optional
        Default: the current course (``NETLEARN_CONTENT`` applies).
    overwrite : bool
        Replace an existing notebook (default: refuse).

    Returns
    -------
    Path
        The notebook written.

    Raises
    ------
    NetlearnError
        For an unknown topic id (listing the valid ones), or when the notebook
        exists and ``overwrite`` is false.
    """
    if course is None:
        from netlearn.teaching.content import course as current_course

        course = current_course()
    topic = find_topic(course, topic_id)
    folder = Path(notebooks_dir).expanduser()
    target = folder / f"{topic.id}.ipynb"
    if target.exists() and not overwrite:
        raise NetlearnError("already exists; delete it or write elsewhere with --out",
                            path=target)
    text = build_cells(course, topic, parse_source(topic_source(topic), "<generated>"))
    write_atomically(target, text)
    write_atomically(folder / FACILITATOR_GUIDE, facilitator_guide(course))
    write_atomically(folder / CONTENTS_PAGE, contents_page(course))
    return target


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file, so it is whole or untouched."""
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError as exc:
        raise NetlearnError(f"cannot write the notebook ({exc.strerror or exc})",
                            path=target) from None


# -- the README's course table --------------------------------------------------------------

TABLE_START = "<!-- course-table:start -->"
TABLE_END = "<!-- course-table:end -->"


def course_table(course, folder: str = "notebooks/") -> str:
    """Return the README's Markdown table of the course's notebooks and their minutes.

    ``folder`` is the notebooks' path from the page the table is on.
    """
    rows = ["| # | Notebook | The mistake | Key question | Minutes | Core only |",
            "|---|---|---|---|---|---|"]
    for topic in course.topics:
        cells = [number_of(topic), f"[{md(topic.title)}]({folder}{topic.id}.ipynb)",
                 md(topic.mistake) or "—", md(topic.key_question), str(topic.minutes),
                 str(topic.core_minutes or topic.minutes)]
        rows.append("| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |")
    hours, minutes = divmod(course.minutes, 60)
    core = sum(t.core_minutes or t.minutes for t in course.topics)
    rows += ["", f"About {course.minutes} minutes in all ({hours} h {minutes:02d} min),"
                 " spread over as many sessions as you like; about"
                 f" {core} minutes for the core sections alone. The times count everything a"
                 f" notebook asks: reading at about {course.reading_words_per_minute} words a"
                 " minute, every quiz item and its feedback, writing, scenarios, charts, the"
                 " practice tools and the tasks the prose sets (docs/timing.md). They leave out"
                 " waiting for a LinkedIn export."]
    return "\n".join(rows)


def with_course_table(readme: str, course) -> str | None:
    """Return ``readme`` with its course table rebuilt, or None when it has no table markers."""
    start, end = readme.find(TABLE_START), readme.find(TABLE_END)
    if start < 0 or end < start:
        return None
    return (readme[: start + len(TABLE_START)] + "\n" + course_table(course) + "\n"
            + readme[end:])
