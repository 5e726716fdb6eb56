"""Estimate a notebook's minutes from what it asks: reading, items, writing, practice tools."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Reading speed for prose, items and feedback (words a minute; course.yaml
#: ``reading_words_per_minute`` overrides it). About 200 for study reading.
READING_WPM = 200
#: Thinking time per item on top of reading it and its feedback (minutes).
DECIDE_MINUTES = {"single": 0.25, "multiple": 0.5, "judgement": 0.5}
#: Writing one reflection (minutes, on top of reading the prompt).
REFLECTION_MINUTES = 3.0
#: Rating one self-assessment statement (minutes, on top of reading it).
STATEMENT_MINUTES = 0.1
#: Choosing at one step of a branching scenario (minutes, on top of reading the step).
SCENARIO_STEP_MINUTES = 0.25
#: Looking at what a code cell shows: a chart, a table, a few printed lines (minutes).
OUTPUT_MINUTES = 0.5
#: Items a check-in quiz asks at most (see ``checkin.CHECKIN_ITEMS``); the estimate uses it.
CHECKIN_QUIZ_ITEMS = 6
#: Minutes a learner spends in each practice tool or form a notebook opens (practice use).
TOOL_MINUTES = {
    "pitch_builder": 6, "event_checklist": 3, "give_planner": 4, "followup_drafter": 5,
    "profile_audit": 4, "cadence_editor": 4, "reconnect_list": 2, "log_commitment": 3,
    "log_contact": 2, "log_event": 2, "log_interaction": 2, "import_widget": 3,
    "export_widget": 2, "summary_widget": 1, "course_overview": 1, "checkin_date": 1,
    "commitment_review": 3, "use_sample": 0.25, "time_consent": 1, "delete_data_widget": 2,
    # a core task: write the draft, compare it with the model answer, tick the checklist, revise
    "core_task": 8,
}
SECTION_MARK = re.compile(r"^\*(Core|Optional) · about \d+ min\*$")
HEADING = re.compile(r"^## (?P<title>.+?)\s*$")
CALL = re.compile(r"netlearn\.(?P<name>\w+)\((?P<args>[^)]*)\)")
WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’-][A-Za-z0-9À-ÿ]+)*")
SHOWS = re.compile(r"\bprint\(|plt\.show\(|charts\.\w+\(|display\(")


@dataclass
class Section:
    """One ``##`` section of a notebook and the minutes it asks for.

    Attributes
    ----------
    title : str
        The heading text (``"Preamble"`` for what comes before the first heading).
    core : bool
        True for core sections (kept in a shortened session), False for optional ones.
    heading : bool
        False for the preamble (the cells before the first ``##`` heading).
    minutes : float
        The estimate, unrounded.
    parts : dict
        What the minutes are made of: ``"reading"``, ``"items"``, ``"writing"``,
        ``"tools"``, ``"outputs"``.
    """

    title: str
    core: bool = True
    heading: bool = True
    minutes: float = 0.0
    parts: dict = field(default_factory=dict)

    def add(self, part: str, minutes: float) -> None:
        """Add ``minutes`` to this section under ``part``."""
        self.parts[part] = self.parts.get(part, 0.0) + minutes
        self.minutes += minutes


def words(text: str) -> int:
    """Count the words of prose (Markdown links count their text, not their address)."""
    text = re.sub(r"\]\([^)]*\)", "]", str(text))
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(WORD.findall(text))


def read_minutes(text: str, wpm: int = READING_WPM) -> float:
    """Minutes to read ``text`` at ``wpm`` words a minute."""
    return words(text) / wpm


def question_minutes(question: dict, wpm: int = READING_WPM) -> float:
    """Minutes for one quiz item: read it and its options, decide, read the feedback.

    The feedback read is the longest option's feedback plus the explanation.
    """
    options = question.get("choices") or question.get("responses") or []
    text = " ".join([question.get("situation", ""), question["prompt"],
                     *(o["text"] for o in options)])
    feedback = max((words(o.get("feedback", "")) for o in options), default=0)
    feedback += words(question.get("explanation", ""))
    return (read_minutes(text, wpm) + feedback / wpm
            + DECIDE_MINUTES.get(question["type"], 0.5))


def scenario_minutes(scenario: dict, wpm: int = READING_WPM) -> float:
    """Minutes for a branching scenario along its longest path from start to an ending."""
    nodes = scenario["nodes"]

    def node_minutes(name: str) -> float:
        node = nodes[name]
        choices = node.get("choices", [])
        feedback = max((words(c.get("feedback", "")) for c in choices), default=0)
        text = " ".join([node.get("text", ""), *(c["text"] for c in choices)])
        return (read_minutes(text, wpm) + feedback / wpm
                + (SCENARIO_STEP_MINUTES if choices else 0.0))

    def longest(name: str, path: frozenset) -> float:
        nexts = [c["next"] for c in nodes[name].get("choices", [])
                 if c["next"] in nodes and c["next"] not in path]
        return node_minutes(name) + max((longest(n, path | {n}) for n in nexts), default=0.0)

    return longest(scenario["start"], frozenset({scenario["start"]}))


def _call_topic(args: str, default):
    named = re.match(r"""\s*["']([^"']+)["']""", args)
    if named:
        return named.group(1)
    return None if args.strip().startswith("None") else default


def call_minutes(name: str, args: str, topic, course, wpm: int = READING_WPM
                 ) -> tuple[str, float]:
    """Return ``(part, minutes)`` for one ``netlearn.<name>(...)`` call in a code cell."""
    topic_id = _call_topic(args, topic.id)
    here = course.topic(topic_id) if topic_id else None
    if name == "quiz":
        return "items", sum(question_minutes(q, wpm) for q in here.questions)
    if name == "pre_questions":
        return "items", sum(question_minutes(q, wpm) for q in here.pretest_questions)
    if name == "openers":
        from netlearn.teaching.retrieval import OPENER_ITEMS

        return "items", OPENER_ITEMS * _mean_item_minutes(course, wpm)
    if name == "checkin_quiz":
        return "items", CHECKIN_QUIZ_ITEMS * _mean_item_minutes(course, wpm)
    if name == "self_assessment":
        statements = here.statements if here else [s for t in course.mistakes
                                                   for s in t.statements]
        return "items", sum(read_minutes(s["text"], wpm) + STATEMENT_MINUTES
                            for s in statements)
    if name == "reflection":
        return "writing", sum(read_minutes(p["text"], wpm) + REFLECTION_MINUTES
                              for p in here.prompts)
    if name == "scenario":
        return "items", sum(scenario_minutes(s, wpm) for s in here.scenarios[:1])
    if name == "topic_key_points":  # a new topic's notebook shows them from the YAML
        return "reading", read_minutes(" ".join([*here.key_points,
                                                 *(t["text"] for t in here.tips)]), wpm)
    return "tools", float(TOOL_MINUTES.get(name, 0.0))


def _mean_item_minutes(course, wpm: int) -> float:
    items = [q for t in course.mistakes for q in [*t.questions, *t.reserve_questions]]
    if not items:
        return 1.0
    return sum(question_minutes(q, wpm) for q in items) / len(items)


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def estimate_sections(cells: list[dict], topic, course) -> list[Section]:
    """Split a notebook into its ``##`` sections and estimate each one's minutes.

    Parameters
    ----------
    cells : list of dict
        The notebook's cells (``cell_type``, ``source``, optionally ``id``), as in
        an ``.ipynb`` file. The generated quiz copy and navigation are not counted
        (the quiz is counted once, from the content).
    topic : netlearn.teaching.content.Topic
        The notebook's topic.
    course : netlearn.teaching.content.Course
        The course, for other topics' content (notebook 00 rates every mistake)
        and the reading speed.

    Returns
    -------
    list of Section
        In notebook order. A section is optional when the line after its heading
        says so (``*Optional · about N min*``, by ``netlearn.facilitator.notebook_builder``).
    """
    wpm = getattr(course, "reading_words_per_minute", READING_WPM) or READING_WPM
    sections = [Section("Preamble", heading=False)]
    for cell in cells:
        body = _text(cell)
        if cell.get("id") in ("questions", "navigation"):
            continue
        if cell.get("cell_type") == "markdown":
            prose = []
            for line in body.splitlines():
                heading = HEADING.match(line)
                if heading:
                    sections.append(Section(heading["title"]))
                    continue
                mark = SECTION_MARK.match(line.strip())
                if mark:
                    sections[-1].core = mark.group(1) == "Core"
                    continue
                prose.append(line)
            sections[-1].add("reading", read_minutes("\n".join(prose), wpm))
            continue
        if cell.get("cell_type") != "code":
            continue
        code = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("#"))
        for call in CALL.finditer(code):
            part, minutes = call_minutes(call["name"], call["args"], topic, course, wpm)
            if minutes:
                sections[-1].add(part, minutes)
        if SHOWS.search(code):
            sections[-1].add("outputs", OUTPUT_MINUTES)
    return sections


def shown_minutes(minutes: float) -> int:
    """Whole minutes as a notebook states them: rounded half up, at least 1."""
    return max(1, int(minutes + 0.5))


def estimate(cells: list[dict], topic, course) -> tuple[float, float]:
    """Return ``(all minutes, core minutes)`` for a notebook (see :func:`estimate_sections`)."""
    sections = estimate_sections(cells, topic, course)
    return (sum(s.minutes for s in sections), sum(s.minutes for s in sections if s.core))
