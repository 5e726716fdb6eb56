"""Plan a timed workshop agenda from course.yaml: welcome, topics, breaks, wrap-up."""

from __future__ import annotations

import math
from dataclasses import dataclass

from netlearn.plumbing.errors import NetlearnError

WELCOME_MINUTES = 5
WRAP_UP_MINUTES = 5
BREAK_MINUTES = 10
BREAK_EVERY = 60  # minutes of session between breaks (roughly)
BREAK_SLACK = 15  # no break in a session that runs at most BREAK_EVERY + BREAK_SLACK minutes
MIN_TOPIC_MINUTES = 10
ROUND_TO = 5  # scaled topic lengths are multiples of 5 minutes where the budget allows
MAX_SPARE_WRAP_UP = 10  # spare minutes up to this go to questions at the end; more, to the topics


@dataclass(frozen=True)
class Slot:
    """One line of an agenda.

    Attributes
    ----------
    start : int
        Minute from the start of the session.
    minutes : int
        Length of the slot.
    title : str
        What happens ("Welcome", a topic's title, "Break", "Wrap-up").
    kind : str
        ``"intro"``, ``"topic"``, ``"break"`` or ``"wrap-up"``.
    topic_id : str
        The topic (== notebook stem) of a topic slot; ``""`` otherwise.
    full_minutes : int
        The topic's length in course.yaml (equal to ``minutes`` unless shortened).
    core_minutes : int
        The length of the topic's core sections (course.yaml ``core_minutes``, else
        ``full_minutes``).
    """

    start: int
    minutes: int
    title: str
    kind: str
    topic_id: str = ""
    full_minutes: int = 0
    core_minutes: int = 0

    @property
    def end(self) -> int:
        """Minute at which the slot ends."""
        return self.start + self.minutes

    @property
    def shortened(self) -> bool:
        """True when a topic was scaled down to fit the session."""
        return self.kind == "topic" and self.minutes < self.full_minutes

    @property
    def core_only(self) -> bool:
        """True when a shortened topic keeps only its core sections (or less)."""
        return self.shortened and self.minutes <= self.core_minutes

    @property
    def extended(self) -> bool:
        """True when a topic was given more time than course.yaml plans."""
        return self.kind == "topic" and self.minutes > self.full_minutes


def breaks_for(session_minutes: int) -> int:
    """Return how many 10-minute breaks a session of this length gets (one per ~60 minutes)."""
    if session_minutes <= BREAK_EVERY + BREAK_SLACK:
        return 0
    return math.ceil((session_minutes - BREAK_SLACK) / BREAK_EVERY) - 1


def plan_agenda(course, minutes: int | None = None, topics=None) -> list[Slot]:
    """Plan a timed agenda for a workshop session.

    A 5-minute welcome, the chosen topics in course order, a 10-minute break
    after about every 60 minutes (always between two topics) and a 5-minute
    wrap-up. When ``minutes`` is shorter than the topics need, the optional
    sections go first: each topic keeps its core sections (course.yaml
    ``core_minutes``) plus a share of its optional minutes in proportion. When
    even the core sections do not fit, each topic's core is scaled down in
    proportion, to no less than 10 minutes.
    Spare minutes go to the wrap-up (questions), up to 10; beyond that the
    topics are lengthened in proportion (more time for discussion).

    Parameters
    ----------
    course : netlearn.teaching.content.Course
        The course (its topics' ``minutes`` come from course.yaml).
    minutes : int, optional
        Length of the session; default: whatever the chosen topics need.
    topics : list of str, optional
        Topic ids to include; default: every topic but a check-in (a session of
        its own, weeks later; name it to plan it). Course order is kept.

    Returns
    -------
    list of Slot
        In time order, the first starting at minute 0.

    Raises
    ------
    NetlearnError
        For an unknown topic id (listing the valid ones), or when the topics
        do not fit in ``minutes`` even at 10 minutes each (naming those that
        do not fit and suggesting sessions).
    """
    chosen = _choose(course, topics)
    needed = [t.minutes for t in chosen]
    if minutes is None:
        n_breaks = _fixed_point_breaks(WELCOME_MINUTES + WRAP_UP_MINUTES + sum(needed))
        n_breaks = min(n_breaks, len(chosen) - 1)
        lengths = list(needed)
        spare = 0
    else:
        minutes = int(minutes)
        if minutes <= 0:
            raise NetlearnError(f"a session needs a positive number of minutes, not {minutes}")
        n_breaks = min(breaks_for(minutes), len(chosen) - 1)
        budget = minutes - WELCOME_MINUTES - WRAP_UP_MINUTES - BREAK_MINUTES * n_breaks
        if budget < MIN_TOPIC_MINUTES * len(chosen):
            raise NetlearnError(_does_not_fit(chosen, minutes))
        if budget >= sum(needed):
            spare = min(budget - sum(needed), MAX_SPARE_WRAP_UP)
            lengths = scale_minutes(needed, budget - spare, MIN_TOPIC_MINUTES, ROUND_TO)
        else:
            lengths = shortened_minutes(chosen, budget)
            spare = 0
    return _lay_out(chosen, lengths, n_breaks, spare)


def core_of(topic) -> int:
    """Minutes of a topic's core sections (all of it when course.yaml names no core)."""
    core = getattr(topic, "core_minutes", 0) or topic.minutes
    return min(core, topic.minutes)


def shortened_minutes(chosen, budget: int) -> list[int]:
    """Lengths for topics that do not fit whole: optional sections give way first.

    Parameters
    ----------
    chosen : list of Topic
    budget : int
        Minutes for all of them, less than their full lengths.

    Returns
    -------
    list of int
        Each topic's core minutes plus a proportional share of the optional ones
        when the cores fit; else the cores scaled down (none below 10 minutes).
    """
    core = [core_of(t) for t in chosen]
    if budget < sum(core):
        return scale_minutes(core, budget, MIN_TOPIC_MINUTES, ROUND_TO)
    optional = [t.minutes - c for t, c in zip(chosen, core, strict=True)]
    extra = scale_minutes(optional, budget - sum(core), 0, ROUND_TO)
    return [c + e for c, e in zip(core, extra, strict=True)]


def _choose(course, topics):
    valid = [t.id for t in course.topics]
    if not topics:
        if not course.topics:
            raise NetlearnError("the course has no topics")
        # a check-in (07) is its own session weeks later: only when named with --topics
        same_day = [t for t in course.topics if t.kind != "check-in"]
        return same_day or list(course.topics)
    unknown = [t for t in topics if t not in valid]
    if unknown:
        raise NetlearnError(f"unknown topic id(s) {', '.join(unknown)}; "
                            f"valid ids: {', '.join(valid)}")
    wanted = set(topics)
    return [t for t in course.topics if t.id in wanted]


def _fixed_point_breaks(base: int) -> int:
    n_breaks = 0
    for _ in range(10):
        following = breaks_for(base + BREAK_MINUTES * n_breaks)
        if following == n_breaks:
            break
        n_breaks = following
    return n_breaks


def scale_minutes(needed: list[int], budget: int, floor: int, step: int = 1) -> list[int]:
    """Scale lengths in proportion so they sum to ``budget``, none below ``floor``.

    Parameters
    ----------
    needed : list of int
        The full lengths.
    budget : int
        The total to hit exactly (at least ``floor * len(needed)``).
    floor : int
        The least any one length may become.
    step : int
        Round every length to a multiple of this when ``budget`` and ``floor``
        are multiples of it (5 gives agendas that start on the quarter hour).

    Returns
    -------
    list of int
        Whole minutes summing to ``budget``.
    """
    if budget % step or floor % step:
        step = 1
    units, floor_units = budget // step, floor // step
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(len(needed)) if i not in fixed]
        remaining = units - sum(fixed.values())
        total = sum(needed[i] for i in free)
        shares = {i: needed[i] * remaining / total for i in free}
        low = [i for i in free if shares[i] < floor_units]
        if not low:
            break
        for i in low:
            fixed[i] = floor_units
    whole = {i: math.floor(share) for i, share in shares.items()}
    left = remaining - sum(whole.values())
    by_remainder = sorted(free, key=lambda i: (-(shares[i] - whole[i]), i))
    for i in by_remainder[:left]:
        whole[i] += 1
    whole.update(fixed)
    return [whole[i] * step for i in range(len(needed))]


def _does_not_fit(chosen, minutes: int) -> str:
    fits = 0
    for count in range(len(chosen), 0, -1):
        n_breaks = min(breaks_for(minutes), count - 1)
        budget = minutes - WELCOME_MINUTES - WRAP_UP_MINUTES - BREAK_MINUTES * n_breaks
        if budget >= MIN_TOPIC_MINUTES * count:
            fits = count
            break
    message = (f"{len(chosen)} topics do not fit in a {minutes}-minute session, even at "
               f"{MIN_TOPIC_MINUTES} minutes each with welcome, wrap-up and breaks; ")
    if not fits:
        return message + f"plan a session of at least {_least_minutes(1)} minutes"
    sessions = suggest_sessions(chosen, minutes)
    return (message
            + (f"only the first {fits} fit" if fits > 1 else "only the first fits")
            + f" ({', '.join(t.id for t in chosen[:fits])}); "
            + f"these do not: {', '.join(t.id for t in chosen[fits:])}; to keep the planned "
            + f"timings, split the course into {len(sessions)} sessions of {minutes} minutes ("
            + " | ".join(" ".join(s) for s in sessions)
            + ") or choose fewer topics with --topics")


def _least_minutes(count: int) -> int:
    return WELCOME_MINUTES + WRAP_UP_MINUTES + MIN_TOPIC_MINUTES * count


def suggest_sessions(topics, minutes: int) -> list[list[str]]:
    """Group topics, in order, into sessions of ``minutes`` that keep their planned lengths.

    A topic longer than one session on its own gets a session of its own (and is
    shortened there).

    Parameters
    ----------
    topics : list of Topic
        In course order.
    minutes : int
        Length of each session.

    Returns
    -------
    list of list of str
        Topic ids per session.
    """
    sessions: list[list] = []
    current: list = []
    for topic in topics:
        trial = current + [topic]
        n_breaks = min(breaks_for(minutes), len(trial) - 1)
        budget = minutes - WELCOME_MINUTES - WRAP_UP_MINUTES - BREAK_MINUTES * n_breaks
        if current and sum(t.minutes for t in trial) > budget:
            sessions.append(current)
            current = [topic]
        else:
            current = trial
    if current:
        sessions.append(current)
    return [[t.id for t in session] for session in sessions]


def _lay_out(chosen, lengths: list[int], n_breaks: int, spare: int) -> list[Slot]:
    after = _break_positions(lengths, n_breaks)
    slots = [Slot(0, WELCOME_MINUTES, "Welcome", "intro")]
    clock = WELCOME_MINUTES
    for index, (topic, length) in enumerate(zip(chosen, lengths, strict=True)):
        slots.append(Slot(clock, length, topic.title, "topic", topic.id, topic.minutes,
                          core_of(topic)))
        clock += length
        if index in after:
            slots.append(Slot(clock, BREAK_MINUTES, "Break", "break"))
            clock += BREAK_MINUTES
    title = "Wrap-up and questions" if spare else "Wrap-up"
    slots.append(Slot(clock, WRAP_UP_MINUTES + spare, title, "wrap-up"))
    return slots


def _break_positions(lengths: list[int], n_breaks: int) -> set[int]:
    """Return the indexes of the topics after which a break goes (closest to every 60 minutes)."""
    chosen: list[int] = []
    last = len(lengths) - 2  # never after the last topic
    for k in range(1, n_breaks + 1):
        target = BREAK_EVERY * k
        first = chosen[-1] + 1 if chosen else 0
        latest = last - (n_breaks - k)
        best = None
        for j in range(first, latest + 1):
            end = WELCOME_MINUTES + sum(lengths[: j + 1]) + BREAK_MINUTES * (k - 1)
            distance = abs(end - target)
            if best is None or distance < best[0]:
                best = (distance, j)
        if best is not None:
            chosen.append(best[1])
    return set(chosen)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def format_agenda(agenda: list[Slot], markdown: bool = False) -> str:
    """Return an agenda as plain text lines or as a Markdown table for handouts.

    Parameters
    ----------
    agenda : list of Slot
        From :func:`plan_agenda`.
    markdown : bool
        A Markdown table (Time, Minutes, Activity, Notebook) instead of lines
        like ``00:00–00:05  Welcome``.

    Returns
    -------
    str
        The agenda, ending with its total length (no trailing newline).
    """
    total = agenda[-1].end if agenda else 0
    shortened = [s for s in agenda if s.shortened]
    if markdown:
        lines = ["| Time | Minutes | Activity | Notebook |", "|---|---:|---|---|"]
        for slot in agenda:
            what = _md(slot.title)
            if slot.kind == "break":
                what = f"*{what}*"
            if slot.shortened or slot.extended:
                change = "shortened" if slot.shortened else "extended"
                what += f" ({change} from {slot.full_minutes}{_core_note(slot)})"
            notebook = f"`{slot.topic_id}.ipynb`" if slot.topic_id else ""
            lines.append(f"| {_clock(slot.start)}–{_clock(slot.end)} | {slot.minutes} | "
                         f"{what} | {notebook} |")
        lines.append("")
        lines.append(f"Total: {total} minutes.")
        if shortened:
            lines.append("Shortened topics: run the sections marked *Core* in the notebook "
                         "(every section's heading says Core or Optional, with its minutes); "
                         "learners do the optional ones afterwards.")
        return "\n".join(lines)
    lines = []
    for slot in agenda:
        line = f"{_clock(slot.start)}–{_clock(slot.end)}  {slot.title}"
        if slot.topic_id:
            line += f"  [{slot.topic_id}]"
        if slot.shortened or slot.extended:
            change = "shortened" if slot.shortened else "extended"
            line += f"  ({change} from {slot.full_minutes} min{_core_note(slot)})"
        lines.append(line)
    lines.append(f"Total: {total} minutes")
    return "\n".join(lines)


def _core_note(slot: Slot) -> str:
    if not slot.shortened or slot.core_minutes >= slot.full_minutes:
        return ""
    if slot.minutes == slot.core_minutes:
        return "; core sections only"
    if slot.minutes < slot.core_minutes:
        return f"; core sections only, {slot.core_minutes} min in full"
    return "; core sections and some optional ones"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
