"""Plain records that importers produce, the store keeps, and metrics read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

CHANNELS = (
    "in_person", "event", "call", "video", "email",
    "linkedin_message", "linkedin_invitation", "forum", "post",
)
ONLINE_CHANNELS = frozenset(
    {"email", "linkedin_message", "linkedin_invitation", "forum", "post", "video"}
)
DIRECTIONS = ("out", "in")
PURPOSES = ("meet", "follow_up", "check_in", "give", "ask", "thanks", "introduction")


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

    CHECKLIST = (
        "goal_set", "attendees_researched", "intro_prepared",
        "questions_prepared", "followup_blocked",
    )

    @property
    def prepared_items(self) -> int:
        return sum(bool(getattr(self, name)) for name in self.CHECKLIST)


@dataclass(slots=True)
class Commitment:
    """A promise the learner made to a contact, with a due date."""

    text: str
    due: date
    done: bool = False
    contact_key: str = ""
    contact_id: int | None = None
    source: str = "manual"
    source_ref: str = ""
    id: int | None = None


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
    interactions: list[Interaction] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


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

    def today(self) -> date:
        """Return the date metrics should treat as today for this network."""
        return self.as_of or date.today()
