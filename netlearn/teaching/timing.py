"""Estimate a notebook's minutes from everything it shows and asks of a learner.

Reading prose, items and their feedback; choosing; typing answers; looking at charts and
printed numbers; using each practice tool; running the cells. Every constant comes from a
walk-through of notebooks 01 and 04 as a learner who is not a programmer, written down in
``docs/timing.md``: change a constant there first, with its reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

#: Reading speed for prose, items, feedback and screen text (words a minute; course.yaml
#: ``reading_words_per_minute`` overrides it). Below the adult mean for non-fiction
#: (Brysbaert, 2019: 238) because learners read to learn, on screen, some in a second language.
READING_WPM = 200
#: Typing speed for text a learner composes (words a minute): average computer users
#: composing (Karat et al., 1999: 19.0; copying ran at 32.5).
TYPING_WPM = 19
#: Words a learner writes for one reflection prompt ("a few honest sentences"): the mean of
#: the walk-through's answers to 01's and 04's four prompts (40, 37, 34 and 36 words).
REFLECTION_WORDS = 37
#: Choosing one option of an item or one step of a scenario, after reading it (seconds).
CHOOSE_SECONDS = 5
#: Rating one judgement response best / acceptable / poor, after reading it (seconds).
RATE_SECONDS = 8
#: Clicking "Check answer" and reading the verdict and attempts line (seconds).
CHECK_SECONDS = 10
#: Rating one self-assessment statement 1-5, after reading it (seconds).
STATEMENT_SECONDS = 6
#: Share of items a learner gets wrong first time and answers again (walk-through: 4 of 17).
RETRY_SHARE = 4 / 17
#: Plays of a branching scenario: the learner's own path and the replay the notebooks ask for.
SCENARIO_PLAYS = 2
#: Running one code cell: click it, Shift+Enter, wait for what it shows (minutes).
RUN_CELL_MINUTES = 0.1
#: Looking over a worked example's code, left open, as a non-programmer does (minutes).
OPEN_CODE_MINUTES = 0.5
#: Reading a few printed lines (about 50 words) and matching them with the prose (minutes).
OUTPUT_MINUTES = 0.5
#: Items a check-in quiz asks at most (see ``checkin.CHECKIN_ITEMS``); the estimate uses it.
CHECKIN_QUIZ_ITEMS = 6

#: Minutes on each chart ``netlearn.show_chart(charts.<name>, ...)`` draws: every word on it
#: (title, axes, legend, labels; counted on the sample persona) read once, plus half a minute
#: to find the pattern the prose points at. The prose around it is counted as reading.
CHART_MINUTES = {
    "event_preparation": 1.3,
    "give_vs_ask": 0.9,
    "follow_up_latency": 1.0,
    "channel_mix": 0.9,
    "participation": 1.0,
    "connections_growth": 0.8,
    "network_recency": 1.2,
    "self_assessment_change": 0.7,
    "self_assessment_phases": 0.8,
}

#: Minutes on each screen a ``netlearn.<name>(...)`` call shows, used once as the walk-through
#: used it: its own words read once, the text a learner types at TYPING_WPM, and its clicks
#: (docs/timing.md has the arithmetic). What a notebook asks beyond one use is a task in its
#: prose (:data:`TASK`). For quiz, check-in quiz, self-assessment,
#: reflection and scenario this is only the widget's own text: the content is added
#: (:data:`CONTENT_SCREENS`). A new screen needs its line here; the timing test names any
#: call in a notebook source that has none.
SCREEN_MINUTES = {
    # content screens: their own words beyond the content
    "quiz": 0.3, "checkin_quiz": 0.3, "self_assessment": 0.2, "reflection": 0.1,
    "scenario": 0.2, "topic_key_points": 0.0,
    # practice tools
    "pitch_builder": 7.0, "event_checklist": 0.9, "event_retro": 3.6, "triage_list": 2.0,
    "give_planner": 1.4, "follow_up_gaps": 1.0, "followup_drafter": 3.4,
    "profile_audit": 2.4, "connection_note_drafter": 2.0, "close_suggestions": 2.1,
    "cadence_editor": 1.9, "reconnect_list": 3.4,
    # logging
    "log_event": 1.6, "log_contact": 1.0, "log_interaction": 1.2, "log_commitment": 0.8,
    "commitment_review": 0.6, "checkin_date": 0.3,
    # data in and out
    "import_widget": 1.4, "export_widget": 0.9, "backup_widget": 0.9, "summary_widget": 1.0,
    "data_choice": 0.2, "hosting_notice": 0.2, "time_consent": 1.0, "delete_data_widget": 2.0,
    # where you are
    "course_overview": 0.8, "progress_bar": 0.2,
}
#: ``netlearn.<name>(...)`` calls that put nothing on screen of their own: they return data
#: a cell goes on to use or print (printed lines count as the cell's output).
NOT_SCREENS = frozenset({
    "sample_network", "my_network", "course", "self_assessment_means",
    "self_assessment_phase_means", "checkin_status", "set_facilitator_mode", "use_sample",
})

#: What a notebook's prose asks a learner to do beyond using its screens once (research an
#: event's speakers, send the note, log two more actions), timed where it is asked, in the
#: source: ``<!-- task: 5 min, look up who is coming -->`` (hidden when the notebook renders).
TASK = re.compile(r"<!--\s*task:\s*(?P<minutes>\d+(?:\.\d+)?)\s*min\b.*?-->", re.S)
SECTION_MARK = re.compile(r"^\*(Core|Optional) · about \d+ min\*$")
HEADING = re.compile(r"^## (?P<title>.+?)\s*$")
CALL = re.compile(r"netlearn\.(?P<name>\w+)\((?P<args>[^)]*)\)")
CHART = re.compile(r"show_chart\(\s*charts\.(?P<name>\w+)")
WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’-][A-Za-z0-9À-ÿ]+)*")
SHOWS = re.compile(r"\bprint\(|plt\.show\(|display\(")


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
        ``"tools"``, ``"tasks"``, ``"charts"``, ``"outputs"``, ``"running"``.
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


def type_minutes(count: int) -> float:
    """Minutes to compose and type ``count`` words at :data:`TYPING_WPM`."""
    return count / TYPING_WPM


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def question_minutes(question: dict, wpm: int = READING_WPM) -> float:
    """Minutes for one quiz item: read it, choose, check, read the feedback shown, retry.

    The feedback read is what the widget shows for a right answer: the chosen option's
    (single choice), every ticked option's (multiple answers: the right ones), every
    response's rationale (judgement), and the explanation. :data:`RETRY_SHARE` of items
    are answered twice: one wrong option's feedback more, one more choice and check.
    """
    judgement = question["type"] == "judgement"
    options = question["responses"] if judgement else question["choices"]
    text = " ".join([question.get("situation", ""), question["prompt"],
                     *(o["text"] for o in options)])
    if judgement:
        shown = [o["rationale"] for o in options]
        wrong = []
        choosing = len(options) * RATE_SECONDS
    else:
        shown = [o["feedback"] for o in options if o["correct"]]
        wrong = [words(o["feedback"]) / wpm for o in options if not o["correct"]]
        choosing = len(options) * CHOOSE_SECONDS
    feedback = sum(words(text) for text in shown) + words(question.get("explanation", ""))
    retry = _mean(wrong) + (CHOOSE_SECONDS + CHECK_SECONDS) / 60
    return (read_minutes(text, wpm) + (choosing + CHECK_SECONDS) / 60 + feedback / wpm
            + RETRY_SHARE * retry)


def scenario_paths(scenario: dict) -> list[list[tuple[str, int | None]]]:
    """Every path from the start to an ending, as ``(node, choice index)`` steps.

    The last step of a path is the ending, with choice None. A choice that leads back
    to a node already on the path ends that path there (the widget would loop).
    """
    nodes = scenario["nodes"]
    paths = []

    def walk(name: str, path: list, seen: frozenset) -> None:
        choices = nodes[name].get("choices", [])
        if not choices:
            paths.append([*path, (name, None)])
            return
        for index, choice in enumerate(choices):
            if choice["next"] in nodes and choice["next"] not in seen:
                walk(choice["next"], [*path, (name, index)], seen | {choice["next"]})

    walk(scenario["start"], [], frozenset({scenario["start"]}))
    return paths


def scenario_minutes(scenario: dict, wpm: int = READING_WPM) -> float:
    """Minutes for a branching scenario: :data:`SCENARIO_PLAYS` plays of an average path.

    Each step is read (the situation and every choice), chosen, and its feedback read; an
    ending's debrief is read. The average is over every path from the start to an ending.
    """
    nodes = scenario["nodes"]

    def step(name: str, index: int | None) -> float:
        node = nodes[name]
        if index is None:
            return read_minutes(" ".join([node.get("text", ""), node.get("debrief", "")]), wpm)
        choices = node["choices"]
        text = " ".join([node.get("text", ""), *(c["text"] for c in choices)])
        return (read_minutes(text, wpm) + CHOOSE_SECONDS / 60
                + read_minutes(choices[index].get("feedback", ""), wpm))

    plays = [sum(step(name, index) for name, index in path) for path in scenario_paths(scenario)]
    return SCENARIO_PLAYS * _mean(plays)


def statement_minutes(text: str, wpm: int = READING_WPM) -> float:
    """Minutes to read and rate one self-assessment statement."""
    return read_minutes(text, wpm) + STATEMENT_SECONDS / 60


def reflection_minutes(prompt: str, wpm: int = READING_WPM) -> float:
    """Minutes to read one reflection prompt and write :data:`REFLECTION_WORDS` words."""
    return read_minutes(prompt, wpm) + type_minutes(REFLECTION_WORDS)


def _call_topic(args: str, default):
    named = re.match(r"""\s*["']([^"']+)["']""", args)
    if named:
        return named.group(1)
    return None if args.strip().startswith("None") else default


def _content_minutes(name: str, here, course, wpm: int) -> float:
    if name == "quiz":
        return sum(question_minutes(q, wpm) for q in here.questions)
    if name == "checkin_quiz":
        return CHECKIN_QUIZ_ITEMS * _mean_item_minutes(course, wpm)
    if name == "self_assessment":
        statements = here.statements if here else [s for t in course.mistakes
                                                   for s in t.statements]
        return sum(statement_minutes(s["text"], wpm) for s in statements)
    if name == "reflection":
        return sum(reflection_minutes(p["text"], wpm) for p in here.prompts)
    if name == "scenario":
        return sum(scenario_minutes(s, wpm) for s in here.scenarios[:1])
    # topic_key_points: a facilitator's topic notebook shows them from the YAML
    return read_minutes(" ".join([*here.key_points, *(t["text"] for t in here.tips)]), wpm)


#: Screens whose minutes grow with the topic's content, and the part they count under.
CONTENT_SCREENS = {"quiz": "items", "checkin_quiz": "items", "self_assessment": "items",
                   "reflection": "writing", "scenario": "items", "topic_key_points": "reading"}


def call_minutes(name: str, args: str, topic, course, wpm: int = READING_WPM
                 ) -> tuple[str, float]:
    """Return ``(part, minutes)`` for one ``netlearn.<name>(...)`` call in a code cell.

    A call with no line in :data:`SCREEN_MINUTES` (and not in :data:`NOT_SCREENS`) counts
    0 here; the timing test fails on it, so that a new screen is timed before it ships.
    """
    if name in CONTENT_SCREENS:
        topic_id = _call_topic(args, topic.id)
        here = course.topic(topic_id) if topic_id else None
        return CONTENT_SCREENS[name], (SCREEN_MINUTES[name]
                                       + _content_minutes(name, here, course, wpm))
    return "tools", float(SCREEN_MINUTES.get(name, 0.0))


def _mean_item_minutes(course, wpm: int) -> float:
    items = [q for t in course.mistakes for q in [*t.questions, *t.reserve_questions]]
    if not items:
        return 1.0
    return sum(question_minutes(q, wpm) for q in items) / len(items)


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def code_is_open(cell: dict) -> bool:
    """True for a code cell a learner sees open: built without ``source_hidden``.

    A bare cell with no metadata (a sketch, a test) counts as collapsed, as most are.
    """
    metadata = cell.get("metadata")
    if metadata is None:
        return False
    return not metadata.get("jupyter", {}).get("source_hidden", False)


def _code_minutes(cell: dict, section: Section, topic, course, wpm: int) -> None:
    code = "\n".join(line for line in _text(cell).splitlines()
                     if not line.lstrip().startswith("#"))
    section.add("running", RUN_CELL_MINUTES)
    if code_is_open(cell):
        section.add("reading", OPEN_CODE_MINUTES)
    for call in CALL.finditer(code):
        part, minutes = call_minutes(call["name"], call["args"], topic, course, wpm)
        if minutes:
            section.add(part, minutes)
    for chart in CHART.finditer(code):
        section.add("charts", CHART_MINUTES.get(chart["name"], 0.0))
    if SHOWS.search(code):
        section.add("outputs", OUTPUT_MINUTES)


def estimate_sections(cells: list[dict], topic, course) -> list[Section]:
    """Split a notebook into its ``##`` sections and estimate each one's minutes.

    Parameters
    ----------
    cells : list of dict
        The notebook's cells (``cell_type``, ``source``, optionally ``id`` and
        ``metadata``), as in an ``.ipynb`` file. The generated quiz copy and navigation
        are not counted (the quiz is counted once, from the content).
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
        if cell.get("id") in ("questions", "navigation"):
            continue
        if cell.get("cell_type") == "markdown":
            prose = []
            for line in _text(cell).splitlines():
                heading = HEADING.match(line)
                if heading:
                    sections.append(Section(heading["title"]))
                    continue
                mark = SECTION_MARK.match(line.strip())
                if mark:
                    sections[-1].core = mark.group(1) == "Core"
                    continue
                prose.append(line)
            prose = "\n".join(prose)
            sections[-1].add("reading", read_minutes(prose, wpm))
            for task in TASK.finditer(prose):
                sections[-1].add("tasks", float(task["minutes"]))
        elif cell.get("cell_type") == "code":
            _code_minutes(cell, sections[-1], topic, course, wpm)
    return sections


def shown_minutes(minutes: float) -> int:
    """Whole minutes as a notebook states them: rounded up, at least 1, never under the estimate."""
    return max(1, math.ceil(round(minutes, 6)))


def stated_sections(cells: list[dict], topic, course) -> list[tuple[Section, int]]:
    """Each ``##`` section with the minutes its label states.

    The preamble (header and any cells before the first heading) is read on the way to
    the first section, so its minutes are stated there; every label is rounded up, so
    the labels add up to at least the estimate.
    """
    sections = estimate_sections(cells, topic, course)
    preamble = sum(s.minutes for s in sections if not s.heading)
    headed = [s for s in sections if s.heading]
    return [(s, shown_minutes(s.minutes + (preamble if i == 0 else 0.0)))
            for i, s in enumerate(headed)]


def stated_minutes(cells: list[dict], topic, course) -> tuple[int, int]:
    """Return ``(all, core)``: the sums of a notebook's section labels."""
    labelled = stated_sections(cells, topic, course)
    return (sum(m for _, m in labelled), sum(m for s, m in labelled if s.core))


def estimate(cells: list[dict], topic, course) -> tuple[float, float]:
    """Return ``(all minutes, core minutes)`` for a notebook (see :func:`estimate_sections`)."""
    sections = estimate_sections(cells, topic, course)
    return (sum(s.minutes for s in sections), sum(s.minutes for s in sections if s.core))
