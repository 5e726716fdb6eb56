"""Mistake 3 (notebook 03): not following up, after meeting someone or connecting online,
and commitments left open."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median

from netlearn.network.metrics.common import (
    Share,
    Timeline,
    contacts_by_key,
    network_timelines,
    window,
)
from netlearn.network.records import Commitment, Contact, Interaction, Network

__all__ = [
    "DATE_ONLY_MEETING_TIME",
    "FOLLOW_UP_FAST_HOURS",
    "FOLLOW_UP_WEEK_HOURS",
    "FollowUp",
    "NotFollowedUp",
    "OverdueCommitment",
    "connection_follow_up",
    "follow_up",
    "never_followed_up",
    "overdue_commitments",
]

FOLLOW_UP_FAST_HOURS = 48.0
FOLLOW_UP_WEEK_HOURS = 7 * 24.0
#: When a meeting or connection known only by its date is taken to have happened.
DATE_ONLY_MEETING_TIME = time(12, 0)
_FAST = timedelta(hours=FOLLOW_UP_FAST_HOURS)
_WEEK = timedelta(hours=FOLLOW_UP_WEEK_HOURS)
_HOUR = timedelta(hours=1)
#: Outgoing records that do not count as writing to a new connection.
_NOT_A_FOLLOW_UP = frozenset({"linkedin_invitation", "post"})


@dataclass(slots=True)
class FollowUp:
    """Result of :func:`follow_up` and :func:`connection_follow_up`."""

    new_contacts: int
    followed_up: int
    within_48h: Share
    within_7d: Share
    median_hours: float | None
    never_followed_up: int
    awaiting: int
    latencies_hours: list[float]


@dataclass(slots=True)
class OverdueCommitment:
    """An open commitment whose due date has passed."""

    commitment: Commitment
    days_overdue: int


@dataclass(slots=True)
class NotFollowedUp:
    """A new connection the learner never wrote to after connecting."""

    contact_key: str
    name: str
    company: str
    connected: date


# --------------------------------------------------------------------------- the shared rule


def _first_outgoing_after(timeline: Timeline | None, after: datetime,
                          counts: Callable[[Interaction], bool]) -> datetime | None:
    """The time of the first outgoing interaction in ``timeline`` strictly later than
    ``after`` that ``counts`` accepts, or None."""
    if timeline is None:
        return None
    whens = timeline.whens
    for index in range(bisect_right(whens, after), len(whens)):
        item = timeline.items[index]
        if item.direction == "out" and counts(item):
            return whens[index]
    return None


def _within(started: list[tuple[datetime, timedelta | None]], limit: timedelta,
            now: datetime) -> Share:
    """Followed up within ``limit``, out of those whose ``limit`` has passed by ``now`` or
    who were followed up within it (people met yesterday do not count against the learner).

    ``started`` holds when each clock started and the time to the follow-up (None: none).
    """
    part = whole = 0
    for start, lag in started:
        if lag is not None and lag <= limit:
            part += 1
            whole += 1
        elif start + limit <= now:
            whole += 1
    return Share(part, whole)


def _tally(started: list[tuple[datetime, timedelta | None]], now: datetime) -> FollowUp:
    """The counts of :class:`FollowUp`, each share with its own whole (see :func:`_within`)."""
    latencies = []
    never = awaiting = 0
    for start, lag in started:
        if lag is not None:
            latencies.append(lag / _HOUR)
        elif start + _WEEK <= now:
            never += 1
        else:
            awaiting += 1
    return FollowUp(
        new_contacts=len(started),
        followed_up=len(latencies),
        within_48h=_within(started, _FAST, now),
        within_7d=_within(started, _WEEK, now),
        median_hours=median(latencies) if latencies else None,
        never_followed_up=never,
        awaiting=awaiting,
        latencies_hours=latencies,
    )


# --------------------------------------------------------------------------- after meeting


def _meeting_moment(contact: Contact, timeline: Timeline | None) -> datetime | None:
    """When the learner met ``contact``: first 'meet' interaction, else ``met_on`` at noon."""
    if timeline is not None:
        for item, when in zip(timeline.items, timeline.whens, strict=True):
            if item.purpose == "meet":
                return when
    if contact.met_on is not None:
        return datetime.combine(contact.met_on, DATE_ONLY_MEETING_TIME)
    return None


def _follows_a_meeting(item: Interaction) -> bool:
    return item.purpose != "meet"


def follow_up(net: Network, today: date, days: int = 365) -> FollowUp:
    """How quickly the learner followed up with people they met.

    Definitions (only interactions up to the end of ``today`` count):

    - *meeting*: a contact's earliest interaction with purpose ``"meet"``; if it
      has none but ``met_on`` is set, 12:00 on ``met_on``. A *new contact* is
      one whose meeting falls on one of the ``days`` calendar days ending with
      ``today`` (people met long before are not new).
    - *follow-up*: the first interaction with the same contact that is
      outgoing (``direction == "out"``), has a purpose other than ``"meet"``
      and is strictly later than the meeting; its *latency* is the time between.
    - ``within_48h``: followed up with latency ≤ 48 hours, out of new contacts
      whose 48 hours have passed by the end of ``today`` or who were already
      followed up within them (so people met yesterday do not count against
      the learner). ``within_7d`` is the same with 7 days (168 hours).
    - ``median_hours``: median latency over followed-up contacts (None if none).
    - ``never_followed_up``: met 7 or more days ago (meeting + 168 h at or
      before the end of ``today``) and not followed up; ``awaiting``: met less
      than 7 days ago and not followed up yet.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The last day counted.
    days : int, default 365
        How far back a meeting may be for the contact to count as new.

    Returns
    -------
    FollowUp
        Counts, the two shares, the median and every latency in hours (for a
        histogram), in the order of ``net.contacts``.
    """
    timelines = network_timelines(net, today)
    start, now = window(today, days)
    met_keys = {item.contact_key for item in net.interactions if item.purpose == "meet"}
    meetings = []
    for key, contact in contacts_by_key(net.contacts).items():
        if contact.met_on is None and key not in met_keys:
            continue  # never met: nothing to follow up
        timeline = timelines.get(key)
        met = _meeting_moment(contact, timeline)
        if met is None or not start <= met < now:
            continue
        first = _first_outgoing_after(timeline, met, _follows_a_meeting)
        meetings.append((met, None if first is None else first - met))
    return _tally(meetings, now)


def overdue_commitments(net: Network, today: date) -> list[OverdueCommitment]:
    """Open commitments whose due date has passed.

    Definition: commitments neither done nor dropped whose ``due`` is strictly
    before ``today``; ``days_overdue = (today - due).days`` (so at least 1).

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to compare due dates with.

    Returns
    -------
    list of OverdueCommitment
        Sorted by due date (oldest first), then by text.
    """
    overdue = [
        OverdueCommitment(item, (today - item.due).days)
        for item in net.commitments
        if not item.done and not item.dropped and item.due < today
    ]
    overdue.sort(key=lambda entry: (entry.commitment.due, entry.commitment.text))
    return overdue


# --------------------------------------------------------------------------- after connecting


def _connection_moment(contact: Contact, timeline: Timeline | None) -> tuple[datetime, datetime]:
    """When the follow-up clock starts for a connection, and from when a message counts.

    An invitation on the day of connecting gives the exact time; otherwise 12:00 on
    ``connected_on``, with messages counted from the start of that day (latency 0
    for one sent that morning).
    """
    day = contact.connected_on
    if timeline is not None:
        for item, when in zip(timeline.items, timeline.whens, strict=True):
            if item.channel == "linkedin_invitation" and when.date() == day:
                return when, when
    return datetime.combine(day, DATE_ONLY_MEETING_TIME), datetime.combine(day, time())


def _writes_to_a_connection(item: Interaction) -> bool:
    return item.channel not in _NOT_A_FOLLOW_UP


def _connection_follow_up(net: Network, today: date,
                          days: int) -> tuple[FollowUp, list[NotFollowedUp]]:
    """:func:`connection_follow_up` and :func:`never_followed_up` from one pass."""
    timelines = network_timelines(net, today)
    first_day, now = window(today, days)
    started = []
    missed = []
    for key, contact in contacts_by_key(net.contacts).items():
        day = contact.connected_on
        if day is None or not first_day.date() <= day <= today:
            continue
        timeline = timelines.get(key)
        moment, counts_from = _connection_moment(contact, timeline)
        first = _first_outgoing_after(timeline, counts_from, _writes_to_a_connection)
        if first is not None:
            started.append((moment, max(first - moment, timedelta(0))))
            continue
        started.append((moment, None))
        if moment + _WEEK <= now:
            missed.append(NotFollowedUp(key, contact.name, contact.company, day))
    result = _tally(started, now)
    # One whole for both shares, so that they can be compared directly.
    result.within_48h = Share(result.within_48h.part, result.within_7d.whole)
    missed.sort(key=lambda m: (m.connected, m.name), reverse=True)
    return result, missed


def connection_follow_up(net: Network, today: date, days: int = 365) -> FollowUp:
    """How quickly the learner wrote to people after connecting on LinkedIn.

    Definitions (interactions up to the end of ``today``):

    - *new connection*: a contact whose ``connected_on`` is one of the ``days``
      calendar days ending with ``today``. The clock starts at the invitation sent
      or received that day (an accepted invitation), else at 12:00 on
      ``connected_on``; messages count from the start of that day.
    - *follow-up*: the first outgoing interaction after that which is not an
      invitation or a public post/endorsement (a message, e-mail, call, meeting);
      its latency is the time since the clock started (0 if sent that morning).
    - ``within_48h`` and ``within_7d`` share one denominator: new connections
      whose 7 days have passed by the end of ``today``, plus those already
      followed up within 7 days (so the two shares can be compared directly).
    - ``never_followed_up``: 7 days passed without a follow-up; ``awaiting``:
      connected less than 7 days ago and not written to yet.

    Parameters
    ----------
    net : Network
    today : date
    days : int, default 365
        How far back a connection counts as new.

    Returns
    -------
    FollowUp
        As :func:`follow_up`, for connections instead of meetings.
    """
    return _connection_follow_up(net, today, days)[0]


def never_followed_up(net: Network, today: date, days: int = 365) -> list[NotFollowedUp]:
    """New connections never written to within 7 days, newest first (see
    :func:`connection_follow_up` for the definitions).

    Parameters
    ----------
    net : Network
    today : date
    days : int, default 365

    Returns
    -------
    list of NotFollowedUp
    """
    return _connection_follow_up(net, today, days)[1]
