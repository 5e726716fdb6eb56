"""Plain records that importers produce, the store keeps, and metrics read."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, eq

from netlearn.plumbing.clock import resolve_today

CHANNELS = (
    "in_person", "event", "call", "video", "email",
    "linkedin_message", "linkedin_invitation", "forum", "post",
)
ONLINE_CHANNELS = frozenset(
    {"email", "linkedin_message", "linkedin_invitation", "forum", "post", "video"}
)
DIRECTIONS = ("out", "in")
PURPOSES = ("meet", "follow_up", "check_in", "give", "ask", "thanks", "introduction")
#: The event preparation checklist, defined once: Event field (and store column) -> what
#: the learner reads ("I set a goal for the event"). Forms, the store, metrics and the
#: action plan derive theirs from it.
EVENT_CHECKLIST = {
    "goal_set": "set a goal for the event",
    "attendees_researched": "researched who is coming",
    "intro_prepared": "prepared my introduction",
    "questions_prepared": "prepared questions to ask",
    "followup_blocked": "blocked time to follow up afterwards",
}
#: A tip per checklist item (same keys as :data:`EVENT_CHECKLIST`).
EVENT_CHECKLIST_HINTS = {
    "goal_set": "decide what you want from it — specific enough to check afterwards",
    "attendees_researched": "look at the speaker or attendee list and pick two or three people",
    "intro_prepared": "a short introduction that ends with a question",
    "questions_prepared": "two or three open questions that fit the people you hope to meet",
    "followup_blocked": "put 30 minutes in your calendar for the day after",
}


#: The same items as short labels for a chart's legend and its data table (same keys).
EVENT_CHECKLIST_SHORT = {
    "goal_set": "Goal set", "attendees_researched": "Attendees researched",
    "intro_prepared": "Introduction prepared", "questions_prepared": "Questions prepared",
    "followup_blocked": "Follow-up time blocked",
}


def commitment_state(done: bool, dropped: bool) -> str:
    """Return ``"done"``, ``"dropped"`` or ``"not done"`` for a commitment's stored flags."""
    if done:
        return "done"
    return "dropped" if dropped else "not done"


@dataclass(slots=True)
class Contact:
    """A person in the learner's network.

    ``key`` identifies the contact inside one import batch (and, once stored,
    is ``source + ':' + source_ref``); interactions point at it.
    """

    name: str
    source: str = "manual"
    source_ref: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    url: str = ""
    connected_on: date | None = None  # connected online (e.g. LinkedIn)
    met_on: date | None = None  # first met in person
    cadence_days: int | None = None  # keep-in-touch cadence
    close: bool = False  # a close / important contact
    notes: str = ""
    id: int | None = None  # store row id once stored

    @property
    def key(self) -> str:
        return f"{self.source}:{self.source_ref}"


@dataclass(slots=True)
class Interaction:
    """One contact moment between the learner and a contact."""

    when: datetime
    channel: str
    direction: str = "out"
    purpose: str = "check_in"
    contact_key: str = ""  # Contact.key of the other person ('' if unknown)
    note: str = ""
    personal_note: bool = False  # e.g. an invitation sent with a message
    source: str = "manual"
    source_ref: str = ""
    contact_id: int | None = None
    id: int | None = None

    @property
    def online(self) -> bool:
        return self.channel in ONLINE_CHANNELS


_INTERACTION_FIELDS = tuple(f.name for f in fields(Interaction))
#: Fields that a run of interactions may share (see :attr:`InteractionColumns.runs`).
SHARED_FIELDS = ("channel", "purpose", "note", "personal_note", "source")


#: Columns that :meth:`InteractionColumns.of` keeps as :class:`Same` when every row holds
#: the very same object (e.g. one channel, no note, no contact id).
_SAME_FIELDS = (*SHARED_FIELDS, "contact_id", "id")


class Same(Sequence):
    """A read-only column made of runs of one value each, the value held once a run.

    ``Same("linkedin", 200_000)`` reads as 200,000 times ``"linkedin"`` but holds one
    pointer, where a list holds 200,000 (1.6 MB). :class:`InteractionColumns` keeps the
    columns that a whole import shares this way (channel, source, no note …).

    Parameters
    ----------
    value : object
        The value of every row.
    n : int
        How many rows.
    """

    __slots__ = ("values", "ends")

    def __init__(self, value=None, n: int = 0):
        self.values: list = [value] if n > 0 else []
        self.ends: list[int] = [n] if n > 0 else []

    @classmethod
    def join(cls, columns: Iterable[Same]) -> Same:
        """Return the columns one after the other (equal neighbouring runs merged)."""
        out = cls()
        total = 0
        for column in columns:
            for value, count in column.runs():
                if count <= 0:
                    continue
                total += count
                last = out.values[-1] if out.values else None
                if out.values and type(last) is type(value) and last == value:
                    out.ends[-1] = total
                else:
                    out.values.append(value)
                    out.ends.append(total)
        return out

    def runs(self) -> Iterator[tuple[object, int]]:
        """Yield ``(value, rows)`` for each run, in order."""
        return zip(self.values, self._counts(), strict=True)

    def _counts(self) -> list[int]:
        return [end - start for start, end in zip([0, *self.ends], self.ends, strict=False)]

    def keep(self, flags: list[bool]) -> Same:
        """Return the rows whose flag (a bool, one a row) is true."""
        out = Same()
        out.values = list(self.values)
        out.ends = list(accumulate(flags[start:end].count(True)
                                   for start, end in zip([0, *self.ends], self.ends,
                                                         strict=False)))
        return Same.join([out])  # runs left empty are dropped

    def count(self, value) -> int:
        return sum(n for v, n in self.runs() if v is value or v == value)

    def __len__(self) -> int:
        return self.ends[-1] if self.ends else 0

    def __getitem__(self, index):
        n = len(self)
        if isinstance(index, slice):
            start, stop, step = index.indices(n)
            if step != 1:
                return list(self)[index]
            out = Same()
            for value, end, first in zip(self.values, self.ends, [0, *self.ends],
                                         strict=False):
                rows = min(end, stop) - max(first, start)
                if rows > 0:
                    out.values.append(value)
                    out.ends.append((out.ends[-1] if out.ends else 0) + rows)
            return out
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("Same index out of range")
        return self.values[bisect_right(self.ends, index)]

    def __iter__(self) -> Iterator:
        return chain.from_iterable(map(repeat, self.values, self._counts()))

    def __eq__(self, other) -> bool:
        if isinstance(other, (Same, list, tuple)):
            return len(self) == len(other) and all(map(eq, self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Same({', '.join(f'{v!r} x{n}' for v, n in self.runs())})"


def _column(values: list, name: str):
    """``values`` as a column: :class:`Same` when every row holds the very same object."""
    if name in _SAME_FIELDS and values and len(set(map(id, values))) == 1:
        return Same(values[0], len(values))
    return values


class InteractionColumns(Sequence):
    """Interactions held column-wise: one list per :class:`Interaction` field.

    A big import (200,000 LinkedIn messages) is built and stored this way, which is
    several times cheaper than one object per row. It reads like a list of
    :class:`Interaction`: ``len``, indexing and iteration make the records on demand,
    and it compares equal to a list of the same records.

    Parameters
    ----------
    columns : dict of str to list
        One equally long list (or :class:`Same`) per field name of :class:`Interaction`.
    runs : list of (int, tuple or None), optional
        Where runs of rows start and, for a run whose rows share the values of
        :data:`SHARED_FIELDS`, those values (None: they may differ row to row). The
        store writes a shared run without looking at each row. Default: one run of
        unknown values.
    """

    __slots__ = ("columns", "runs")

    def __init__(self, columns: dict[str, list], runs: list[tuple] | None = None):
        lengths = {len(columns[name]) for name in _INTERACTION_FIELDS}
        if len(lengths) > 1:
            raise ValueError(f"columns of unequal length: {sorted(lengths)}")
        self.columns = {name: columns[name] for name in _INTERACTION_FIELDS}
        self.runs = runs if runs is not None else [(0, None)]

    @classmethod
    def build(cls, whens: list[datetime], contact_keys: list[str], directions: list[str],
              source_refs: list[str], *, channel: str, purpose: str, source: str,
              personal_note: bool = False, note: str = "") -> InteractionColumns:
        """Return interactions that share channel, purpose and source (e.g. messages).

        Parameters
        ----------
        whens, contact_keys, directions, source_refs : list
            The per-row values, equally long.
        channel, purpose, source : str
            Shared by every row.
        personal_note : bool, optional
        note : str, optional
            Shared by every row.

        Returns
        -------
        InteractionColumns
        """
        n = len(whens)
        return cls({
            "when": whens, "channel": Same(channel, n), "direction": directions,
            "purpose": Same(purpose, n), "contact_key": contact_keys, "note": Same(note, n),
            "personal_note": Same(personal_note, n), "source": Same(source, n),
            "source_ref": source_refs, "contact_id": Same(None, n), "id": Same(None, n),
        }, [(0, (channel, purpose, note, personal_note, source))])

    @classmethod
    def of(cls, records: Iterable[Interaction]) -> InteractionColumns:
        """Return ``records`` column-wise (itself if it already is).

        Parameters
        ----------
        records : iterable of Interaction or InteractionColumns

        Returns
        -------
        InteractionColumns
        """
        if isinstance(records, InteractionColumns):
            return records
        records = list(records)
        return cls({name: _column(list(map(attrgetter(name), records)), name)
                    for name in _INTERACTION_FIELDS})

    @classmethod
    def concat(cls, parts: Iterable[Iterable[Interaction]]) -> InteractionColumns:
        """Return the parts' interactions, in order, as one; the parts are used up.

        Each column is joined and the parts' own column dropped at once, so a big part
        (200,000 messages) is never held twice, as extending one by one would.

        Parameters
        ----------
        parts : iterable of InteractionColumns or of lists of Interaction
            Emptied (their columns replaced by empty lists) as they are joined.

        Returns
        -------
        InteractionColumns
        """
        parts = [part for part in map(cls.of, parts) if len(part)]
        if len(parts) == 1:
            return parts[0]
        runs: list[tuple] = []
        start = 0
        for part in parts:
            runs.extend((start + first, shared) for first, shared in part.runs)
            start += len(part)
        columns: dict[str, list] = {}
        for name in _INTERACTION_FIELDS:
            if all(isinstance(part.columns[name], Same) for part in parts):
                columns[name] = Same.join(part.columns[name] for part in parts)
                for part in parts:
                    part.columns[name] = Same()
                continue
            column: list = []
            for part in parts:
                column += part.columns[name]
                part.columns[name] = []
            columns[name] = column
        return cls(columns, runs or None)

    def extend(self, other: Iterable[Interaction]) -> None:
        """Append ``other``'s interactions (records or columns) in place."""
        other = InteractionColumns.of(other)
        start = len(self)
        if not len(other):
            return
        if not start:
            self.runs = []
        self.runs.extend((start + first, shared) for first, shared in other.runs)
        for name, column in self.columns.items():
            more = other.columns[name]
            if isinstance(column, Same):
                self.columns[name] = (Same.join([column, more]) if isinstance(more, Same)
                                      else [*column, *more])
            else:
                column.extend(more)

    def keep(self, flags: Iterable[bool]) -> InteractionColumns:
        """Return the rows whose flag is true (in order)."""
        flags = list(map(bool, flags))
        before = list(accumulate(flags, initial=0))  # rows kept before each position
        runs: dict[int, tuple | None] = {}
        for first, shared in self.runs:
            runs[before[first]] = shared  # a run left empty gives way to the next
        if not before[-1]:
            runs = {0: None}
        return InteractionColumns(
            {name: column.keep(flags) if isinstance(column, Same)
             else list(compress(column, flags)) for name, column in self.columns.items()},
            list(runs.items()))

    def run_bounds(self) -> Iterator[tuple[int, int, tuple | None]]:
        """Yield ``(start, stop, shared)`` for each run of rows (see ``runs``)."""
        n = len(self)
        starts = [first for first, _ in self.runs] + [n]
        for (first, shared), stop in zip(self.runs, starts[1:], strict=True):
            if first < stop:
                yield first, stop, shared

    def __len__(self) -> int:
        return len(self.columns["when"])

    def __getitem__(self, index):
        if isinstance(index, slice):  # the runs of a slice are not worked out
            return InteractionColumns(
                {name: column[index] for name, column in self.columns.items()})
        return Interaction(*(column[index] for column in self.columns.values()))

    def __iter__(self) -> Iterator[Interaction]:
        return map(Interaction, *self.columns.values())

    def __eq__(self, other) -> bool:
        if isinstance(other, (InteractionColumns, list, tuple)):
            return len(self) == len(other) and all(map(eq, self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"InteractionColumns({len(self)} interactions)"


@dataclass(slots=True)
class Event:
    """A networking event with its preparation checklist."""

    title: str
    day: date
    attended: bool = True
    goal_set: bool = False
    attendees_researched: bool = False
    intro_prepared: bool = False
    questions_prepared: bool = False
    followup_blocked: bool = False
    location: str = ""
    attendee_keys: list[str] = field(default_factory=list)
    source: str = "manual"
    source_ref: str = ""
    id: int | None = None
    #: False for an imported past event whose checklist the learner has not answered
    #: yet (notebook 01's retro): it is not counted as unprepared. Not stored as a column;
    #: :func:`netlearn.keep.learner_network.my_network` sets it from a setting.
    reviewed: bool = True

    CHECKLIST = tuple(EVENT_CHECKLIST)  # the checklist fields, in order

    @property
    def prepared_items(self) -> int:
        return sum(bool(getattr(self, name)) for name in self.CHECKLIST)


#: What a commitment is for: a planned give (notebook 02), a follow-up to send (notebook
#: 03's drafter, the never-followed-up list) or anything else the learner promised.
COMMITMENT_KINDS = ("give", "follow-up", "other")


@dataclass(slots=True)
class Commitment:
    """A promise the learner made to a contact, with a due date.

    ``kind`` is one of :data:`COMMITMENT_KINDS`. The practice tools also begin the text
    with a readable prefix ("Give: …"), because the text alone is what screens, reminders
    and the action plan show; code tests ``kind``, never the text.
    """

    text: str
    due: date
    done: bool = False
    contact_key: str = ""
    contact_id: int | None = None
    source: str = "manual"
    source_ref: str = ""
    id: int | None = None
    dropped: bool = False  # let go on purpose at the check-in (neither done nor open)
    kind: str = "other"  # one of COMMITMENT_KINDS


@dataclass(slots=True)
class Skipped:
    """A row an importer could not use, with its line number and why."""

    path: str
    line: int
    reason: str


@dataclass
class Batch:
    """What one import produced: records to store and rows skipped."""

    source: str
    path: str
    contacts: list[Contact] = field(default_factory=list)
    #: a list of :class:`Interaction`, or :class:`InteractionColumns` for a big import
    interactions: list[Interaction] | InteractionColumns = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: the files read and how many rows each had, e.g. ``[("x.zip/Shares.csv", 12)]``
    files: list[tuple[str, int]] = field(default_factory=list)
    #: one line per optional file left out (e.g. a LinkedIn Shares.csv that is binary)
    notes: list[str] = field(default_factory=list)


@dataclass
class Network:
    """Everything metrics and charts read: a learner's data or the sample persona."""

    contacts: list[Contact] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    label: str = "your data"
    is_sample: bool = False
    as_of: date | None = None  # the "today" metrics use; None means the real today
    #: Indexes metrics built from these records (see :mod:`netlearn.network.metrics`): not data,
    #: never compared or shown, gone with the Network.
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def changed(self) -> None:
        """Forget the indexes built from the records; call after editing a record in place.

        Adding, removing or replacing records needs no call: an index is reused only
        while the lists hold the very same record objects.
        """
        self.derived.clear()

    def today(self) -> date:
        """Return the date metrics treat as today (``plumbing.clock.resolve_today``)."""
        return resolve_today(None, self)
