"""Plain records that importers produce, the store keeps, and metrics read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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
    interactions: list[Interaction] = field(default_factory=list)
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
