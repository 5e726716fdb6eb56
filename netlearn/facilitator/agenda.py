"""Plan a timed workshop agenda from course.yaml: welcome, topics, breaks, wrap-up, self-study.

The rules a facilitator can rely on:

- **No topic below its core.** A topic gets at least its core minutes (course.yaml
  ``core_minutes``; all of it when none is stated) and at most its full ``minutes``.
- **What does not fit becomes self-study.** When a session cannot hold every chosen topic's
  core, it keeps the start (``kind: intro``) and the action plan (``kind: plan``) and as many
  of the other topics, in course order, as fit at their core; the rest are listed, in order
  and with their minutes, for learners to do on their own afterwards. When even the start and
  the action plan do not fit, planning fails with that advice.
- **A break about every hour.** A 10-minute break goes between two topics so that no stretch
  between breaks (counting the welcome and the wrap-up) runs longer than 70 minutes, with as
  few breaks as that takes; only a topic that is longer than that on its own makes a longer
  stretch.
- **Spare minutes** go to the topics' optional sections first, then up to 10 to questions in
  the wrap-up; what is left is said, never padded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from netlearn.plumbing.errors import NetlearnError

WELCOME_MINUTES = 5
WRAP_UP_MINUTES = 5
BREAK_MINUTES = 10
LONGEST_STRETCH = 70  # minutes between two breaks (or the start or the end) at most
MAX_QUESTIONS = 10  # spare minutes for questions in the wrap-up, once the topics are whole
ROUND_TO = 5  # optional minutes are shared out in steps of 5 where the figures allow
ANCHOR_KINDS = ("intro", "plan")  # kept in every session: where learners start, what they take


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
        """True when a topic keeps only part of its optional sections."""
        return self.kind == "topic" and self.minutes < self.full_minutes

    @property
    def core_only(self) -> bool:
        """True when a shortened topic keeps its core sections alone."""
        return self.shortened and self.minutes == self.core_minutes


@dataclass(frozen=True)
class SelfStudy:
    """A topic left out of the session, for learners to work through on their own."""

    topic_id: str
    title: str
    minutes: int
    core_minutes: int


@dataclass(frozen=True)
class Agenda(Sequence):
    """A planned session: its slots in time order, and what is left for afterwards.

    It is a sequence of :class:`Slot` (``for slot in agenda``, ``agenda[-1]``).

    Attributes
    ----------
    slots : tuple of Slot
        In time order, the first starting at minute 0.
    session_minutes : int or None
        The length asked for (None: the chosen topics at their full length).
    self_study : tuple of SelfStudy
        Topics that did not fit, in course order.
    check_in : SelfStudy or None
        The course's check-in when the session ends with the action plan and leaves it out:
        a session of its own two to four weeks later.
    """

    slots: tuple[Slot, ...]
    session_minutes: int | None = None
    self_study: tuple[SelfStudy, ...] = field(default_factory=tuple)
    check_in: SelfStudy | None = None

    def __getitem__(self, index):
        return self.slots[index]

    def __len__(self) -> int:
        return len(self.slots)

    @property
    def total(self) -> int:
        """Minutes from the welcome to the end of the wrap-up."""
        return self.slots[-1].end if self.slots else 0

    @property
    def free_minutes(self) -> int:
        """Minutes of the session the plan leaves unused (0 without a session length)."""
        return max((self.session_minutes or 0) - self.total, 0)

    @property
    def optional_later(self) -> list[Slot]:
        """The shortened topics, whose remaining optional sections learners do later."""
        return [slot for slot in self.slots if slot.shortened]


def plan_agenda(course, minutes: int | None = None, topics=None) -> Agenda:
    """Plan a timed agenda for a workshop session, by the rules in this module's docstring.

    Parameters
    ----------
    course : netlearn.teaching.content.Course
        The course (its topics' ``minutes`` and ``core_minutes`` come from course.yaml).
    minutes : int, optional
        Length of the session; default: the chosen topics at their full length.
    topics : list of str, optional
        Topic ids to include; default: every topic but a check-in (a session of its own,
        weeks later; name it to plan it). Course order is kept.

    Returns
    -------
    Agenda
        The slots, and the topics left for self-study.

    Raises
    ------
    NetlearnError
        For an unknown topic id (listing the valid ones), a length that is not positive,
        or a session too short for even the start's and the action plan's core sections
        (saying how long the shortest session is, and how to run the course as self-study).
    """
    chosen = _choose(course, topics)
    check_in = _check_in(course, chosen)
    if minutes is None:
        lengths = [t.minutes for t in chosen]
        return _agenda(chosen, lengths, WRAP_UP_MINUTES, None, (), check_in)
    minutes = int(minutes)
    if minutes <= 0:
        raise NetlearnError(f"a session needs a positive number of minutes, not {minutes}")
    kept = _kept(chosen, minutes)
    lengths, wrap_up = _filled(kept, minutes)
    left_out = tuple(_self_study(t) for t in chosen if t not in kept)
    return _agenda(kept, lengths, wrap_up, minutes, left_out, check_in)


def core_of(topic) -> int:
    """Minutes of a topic's core sections (all of it when course.yaml names no core)."""
    core = getattr(topic, "core_minutes", 0) or topic.minutes
    return min(core, topic.minutes)


def session_length(lengths: list[int], wrap_up: int = WRAP_UP_MINUTES) -> int:
    """Minutes a session takes for these topic lengths: welcome, topics, breaks, wrap-up."""
    if not lengths:
        return WELCOME_MINUTES + wrap_up
    breaks = len(break_positions(lengths, wrap_up))
    return WELCOME_MINUTES + sum(lengths) + BREAK_MINUTES * breaks + wrap_up


def break_positions(lengths: list[int], wrap_up: int = WRAP_UP_MINUTES) -> list[int]:
    """Return the indexes of the topics after which a break goes.

    As few breaks as keep every stretch (the welcome and the first topics, the topics
    between two breaks, the last topics and the wrap-up) within ``LONGEST_STRETCH``
    minutes, placed so that the longest stretch is as short as it can be. A topic longer
    than that on its own makes the one longer stretch it cannot avoid.

    Parameters
    ----------
    lengths : list of int
        The topics' minutes, in agenda order.
    wrap_up : int
        The wrap-up's minutes (part of the last stretch).

    Returns
    -------
    list of int
        Topic indexes, ascending; never the last topic.
    """
    count = len(lengths)
    if count == 0:
        return []
    spans = [length + (WELCOME_MINUTES if i == 0 else 0) + (wrap_up if i == count - 1 else 0)
             for i, length in enumerate(lengths)]
    # best[j]: (minutes over the limit, stretches, longest stretch, breaks) for topics [0, j)
    best: list[tuple | None] = [(0, 0, 0, ())] + [None] * count
    for end in range(1, count + 1):
        for start in range(end):
            before = best[start]
            stretch = sum(spans[start:end])
            candidate = (before[0] + max(stretch - LONGEST_STRETCH, 0), before[1] + 1,
                         max(before[2], stretch), before[3] + ((start - 1,) if start else ()))
            if best[end] is None or candidate[:3] < best[end][:3]:
                best[end] = candidate
    return list(best[count][3])


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


def _check_in(course, chosen):
    if not any(t.kind == "plan" for t in chosen):
        return None
    later = [t for t in course.topics if t.kind == "check-in" and t not in chosen]
    return _self_study(later[0]) if later else None


def _kept(chosen, minutes: int) -> list:
    """The topics a session of ``minutes`` holds at their core: all, or anchors and what fits."""
    if session_length([core_of(t) for t in chosen]) <= minutes:
        return list(chosen)
    kept = [t for t in chosen if t.kind in ANCHOR_KINDS]
    if session_length([core_of(t) for t in kept]) > minutes:
        raise NetlearnError(_too_short(chosen, kept, minutes))
    for topic in chosen:
        trial = [t for t in chosen if t in kept or t is topic]  # in course order
        if topic not in kept and session_length([core_of(t) for t in trial]) <= minutes:
            kept = trial
    if not kept:  # no start or plan chosen, and not one topic's core fits
        raise NetlearnError(_too_short(chosen, kept, minutes))
    return kept


def _filled(kept, minutes: int) -> tuple[list[int], int]:
    """Topic lengths and wrap-up for ``kept`` in ``minutes``: optional sections, then questions.

    The topics get as many optional minutes as fit with their breaks, the wrap-up as many
    of the rest as fit without another break (up to ``MAX_QUESTIONS``), and no stretch
    runs further past the limit than the cores alone make it.
    """
    cores = [core_of(t) for t in kept]
    optional = [t.minutes - c for t, c in zip(kept, cores, strict=True)]
    limit = _overrun(cores, WRAP_UP_MINUTES)

    def fits(lengths, wrap_up):
        return (session_length(lengths, wrap_up) <= minutes
                and _overrun(lengths, wrap_up) <= limit)

    most = min(minutes - session_length(cores), sum(optional))
    tries = [x for x in range(most, -1, -1) if x % ROUND_TO == 0] + list(range(most, -1, -1))
    lengths = next(candidate for candidate in (
        [c + s for c, s in zip(cores, _shares(optional, spare), strict=True)]
        for spare in tries) if fits(candidate, WRAP_UP_MINUTES))
    breaks = len(break_positions(lengths, WRAP_UP_MINUTES))
    wrap_up = next(w for w in range(WRAP_UP_MINUTES + MAX_QUESTIONS, WRAP_UP_MINUTES - 1, -1)
                   if w == WRAP_UP_MINUTES or fits(lengths, w)
                   and len(break_positions(lengths, w)) == breaks)  # no break for questions
    return lengths, wrap_up


def _shares(weights: list[int], total: int) -> list[int]:
    """Share ``total`` minutes in proportion to ``weights``, none above its weight."""
    if total <= 0 or not any(weights):
        return [0] * len(weights)
    step = ROUND_TO if total % ROUND_TO == 0 and all(w % ROUND_TO == 0 for w in weights) else 1
    raw = [w * total / sum(weights) for w in weights]
    whole = [int(r // step) * step for r in raw]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(raw[i] - whole[i]), i))
    left = total - sum(whole)
    for i in by_remainder:
        if left < step:
            break
        if whole[i] + step <= weights[i]:
            whole[i] += step
            left -= step
    return whole


def _overrun(lengths: list[int], wrap_up: int) -> int:
    """Minutes by which the stretches of the best break layout run past the limit, in all."""
    positions = break_positions(lengths, wrap_up)
    stretches = _stretches(lengths, wrap_up, positions)
    return sum(max(s - LONGEST_STRETCH, 0) for s in stretches)


def _stretches(lengths: list[int], wrap_up: int, positions: list[int]) -> list[int]:
    stretches, current = [], WELCOME_MINUTES
    for index, length in enumerate(lengths):
        current += length
        if index in positions:
            stretches.append(current)
            current = 0
    stretches.append(current + wrap_up)
    return stretches


def _self_study(topic) -> SelfStudy:
    return SelfStudy(topic.id, topic.title, topic.minutes, core_of(topic))


def _too_short(chosen, anchors, minutes: int) -> str:
    needed = anchors or [min(chosen, key=core_of)]
    least = session_length([core_of(t) for t in needed])
    which = " and ".join(f"{t.id}'s core ({core_of(t)} min)" for t in needed)
    names = "the start and the action plan" if len(anchors) > 1 else (
        "their core sections" if anchors else "one topic's core")
    order = ", ".join(t.id for t in chosen)
    full, core = sum(t.minutes for t in chosen), sum(core_of(t) for t in chosen)
    return (f"a {minutes}-minute session cannot hold even {names}: {which}, with the welcome, "
            f"wrap-up and breaks, take {least} minutes; plan at least {least} minutes, or give "
            f"learners the notebooks as self-study in this order: {order} (about {full} "
            f"minutes, {core} for the core sections alone)")


def _agenda(kept, lengths, wrap_up, minutes, left_out, check_in) -> Agenda:
    after = set(break_positions(lengths, wrap_up))
    slots = [Slot(0, WELCOME_MINUTES, "Welcome", "intro")]
    clock = WELCOME_MINUTES
    for index, (topic, length) in enumerate(zip(kept, lengths, strict=True)):
        slots.append(Slot(clock, length, topic.title, "topic", topic.id, topic.minutes,
                          core_of(topic)))
        clock += length
        if index in after:
            slots.append(Slot(clock, BREAK_MINUTES, "Break", "break"))
            clock += BREAK_MINUTES
    title = "Wrap-up and questions" if wrap_up > WRAP_UP_MINUTES else "Wrap-up"
    slots.append(Slot(clock, wrap_up, title, "wrap-up"))
    return Agenda(tuple(slots), minutes, left_out, check_in)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def format_agenda(agenda: Agenda, markdown: bool = False) -> str:
    """Return an agenda as plain text lines or as a Markdown table for handouts.

    Parameters
    ----------
    agenda : Agenda
        From :func:`plan_agenda`.
    markdown : bool
        A Markdown table (Time, Minutes, Activity, Notebook) instead of lines
        like ``00:00–00:05  Welcome``.

    Returns
    -------
    str
        The agenda and its total length, then what learners do afterwards on their own
        (no trailing newline).
    """
    lines = _table(agenda) if markdown else _lines(agenda)
    total = f"Total: {agenda.total} minutes"
    if agenda.free_minutes:
        why = ("no topic left out fits in them at its core" if agenda.self_study
               else "every topic is whole; add one with --topics, or end early")
        total += f" ({agenda.free_minutes} of the {agenda.session_minutes} are free: {why})"
    lines.append(total + ("." if markdown else ""))
    if markdown and agenda.optional_later:
        lines.append("Shortened topics: run the sections marked *Core* in the notebook "
                     "(every section's heading says Core or Optional, with its minutes); "
                     "learners do the optional ones afterwards.")
    lines += _afterwards(agenda, markdown)
    return "\n".join(lines)


def _table(agenda: Agenda) -> list[str]:
    lines = ["| Time | Minutes | Activity | Notebook |", "|---|---:|---|---|"]
    for slot in agenda:
        what = _md(slot.title)
        if slot.kind == "break":
            what = f"*{what}*"
        if slot.shortened:
            what += f" ({_core_note(slot)})"
        notebook = f"`{slot.topic_id}.ipynb`" if slot.topic_id else ""
        lines.append(f"| {_clock(slot.start)}–{_clock(slot.end)} | {slot.minutes} | "
                     f"{what} | {notebook} |")
    lines.append("")
    return lines


def _lines(agenda: Agenda) -> list[str]:
    lines = []
    for slot in agenda:
        line = f"{_clock(slot.start)}–{_clock(slot.end)}  {slot.title}"
        if slot.topic_id:
            line += f"  [{slot.topic_id}]"
        if slot.shortened:
            line += f"  ({_core_note(slot)})"
        lines.append(line)
    return lines


def _core_note(slot: Slot) -> str:
    if slot.core_only:
        return f"core sections only; {slot.full_minutes} min in full"
    return f"core and some optional sections; {slot.full_minutes} min in full"


def _afterwards(agenda: Agenda, markdown: bool) -> list[str]:
    """What learners do on their own: topics left out, optional sections, the check-in."""

    def notebook(topic_id: str) -> str:
        return f"`{topic_id}.ipynb`" if markdown else topic_id

    lines: list[str] = []
    if agenda.self_study:
        full = sum(t.minutes for t in agenda.self_study)
        core = sum(t.core_minutes for t in agenda.self_study)
        lines += ["", f"Self-study after the session, in this order (about {full} minutes, "
                      f"{core} for the core sections alone; answers are saved as learners go):"]
        for number, topic in enumerate(agenda.self_study, start=1):
            length = f"{topic.minutes} min"
            if topic.core_minutes < topic.minutes:
                length += f", core {topic.core_minutes}"
            lines.append(f"{'' if markdown else '  '}{number}. {notebook(topic.topic_id)}, "
                         f"{_md(topic.title)} ({length})")
    if agenda.optional_later:
        parts = [f"{notebook(s.topic_id)} ({s.full_minutes - s.minutes} min)"
                 for s in agenda.optional_later]
        lead = "Then" if agenda.self_study else "After the session"
        lines += ["", f"{lead}, the optional sections of {', '.join(parts)}."]
    if agenda.check_in is not None:
        topic = agenda.check_in
        command = f"netlearn agenda --topics {topic.topic_id}"
        lines += ["", f"Two to four weeks later: the check-in, {notebook(topic.topic_id)} "
                      f"({topic.minutes} min), a short session of its own "
                      f"({'`' + command + '`' if markdown else command})."]
    return lines


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
