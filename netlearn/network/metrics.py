"""Pure metrics over a Network, one family per networking mistake.

Metrics keep no state of their own. Several read the same per-contact index of the
interactions (:func:`contact_timelines`); rather than a module-global "last index" (which
outlived its data and was checked against every record's time and contact on each call),
it is kept on the Network it was built from, in ``Network.derived``, keyed by ``today``.
So it lives exactly as long as its data, two networks never share one, and a reuse costs
one identity-first list comparison. It is reused while the Network's lists hold the same
records; a record edited in place is the same object, so call ``Network.changed()`` after
such an edit (the package never edits a built Network's records). Passing ``timelines=``
explicitly still works and bypasses the cache.

From :data:`~netlearn.network.metrics_index.MIN_INTERACTIONS` interactions up (an imported
LinkedIn export, say), the metrics read a numpy column index instead
(:mod:`netlearn.network.metrics_index`), kept the same way under ``"index"``: built once per
Network whatever ``today`` is, it replaces the per-contact timelines and the loops over
every record with array operations, and gives the same results (``tests/
test_metrics_index.py`` compares the two). Below that, and whenever ``timelines=`` is
passed, they loop in Python without importing numpy.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import compress
from operator import and_, attrgetter, itemgetter, methodcaller
from statistics import median

from netlearn.network import metrics_index
from netlearn.network.metrics_index import naive_datetime
from netlearn.network.records import (
    CHANNELS,
    ONLINE_CHANNELS,
    Commitment,
    Contact,
    Event,
    Interaction,
    Network,
)
from netlearn.plumbing.clock import resolve_today

__all__ = [
    "COLD_DAYS",
    "DORMANT_DAYS",
    "FOLLOW_UP_FAST_HOURS",
    "FOLLOW_UP_WEEK_HOURS",
    "IN_PERSON_CHANNELS",
    "CadenceOverdue",
    "CloseSuggestion",
    "Conversation",
    "NotFollowedUp",
    "ParticipationMonth",
    "DormantTie",
    "FollowUp",
    "GiveAsk",
    "MonthCount",
    "OnlineMix",
    "OverdueCommitment",
    "Preparation",
    "ReconnectCandidate",
    "Recency",
    "Share",
    "Timeline",
    "apply_triage",
    "awaiting_retro",
    "cadence_overdue",
    "close_contacts_or_suggested",
    "close_in_touch",
    "connection_follow_up",
    "contact_timelines",
    "dormant_reconnected",
    "follow_up",
    "give_ask_ratio",
    "gone_cold",
    "in_person_also_online",
    "interaction_times",
    "invitation_note_share",
    "naive_datetime",
    "never_followed_up",
    "online_mix",
    "overdue_commitments",
    "participation_by_month",
    "participation_kind",
    "preparation_rate",
    "reconnect_candidates",
    "recency",
    "recent_conversations",
    "suggest_close_contacts",
    "summary_counts",
]

COLD_DAYS = 90
DORMANT_DAYS = 3 * 365  # Levin, Walter & Murnighan (2011): no contact for 3+ years
FOLLOW_UP_FAST_HOURS = 48.0
FOLLOW_UP_WEEK_HOURS = 7 * 24.0
IN_PERSON_CHANNELS = frozenset({"in_person", "event"})
LINKEDIN_CHANNELS = frozenset({"linkedin_message", "linkedin_invitation"})
DATE_ONLY_MEETING_TIME = time(12, 0)
FAST_US = int(FOLLOW_UP_FAST_HOURS) * metrics_index.HOUR_US
WEEK_US = int(FOLLOW_UP_WEEK_HOURS) * metrics_index.HOUR_US
NOON_US = DATE_ONLY_MEETING_TIME.hour * metrics_index.HOUR_US


# --------------------------------------------------------------------------- small results


@dataclass(slots=True)
class Share:
    """``part`` out of ``whole``; ``share`` is ``part / whole`` or None when ``whole`` is 0."""

    part: int
    whole: int

    @property
    def share(self) -> float | None:
        return self.part / self.whole if self.whole else None


@dataclass(slots=True)
class Preparation:
    """Result of :func:`preparation_rate`."""

    events: int
    fully_prepared: int
    rate: float | None
    mean_items: float | None
    item_shares: dict[str, float]


@dataclass(slots=True)
class MonthCount:
    """Outgoing gives and asks in one calendar month (``month`` is its first day)."""

    month: date
    gives: int
    asks: int


@dataclass(slots=True)
class GiveAsk:
    """Result of :func:`give_ask_ratio`."""

    gives: int
    asks: int
    ratio: float | None
    days: int
    by_month: list[MonthCount]


@dataclass(slots=True)
class FollowUp:
    """Result of :func:`follow_up`."""

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
class OnlineMix:
    """Result of :func:`online_mix`."""

    total: int
    online: int
    offline: int
    share: float | None
    by_channel: dict[str, int]
    days: int


@dataclass(slots=True)
class Recency:
    """When a contact was last in touch (``last`` is None if never)."""

    contact_key: str
    name: str
    close: bool
    last: date | None
    days_since: int | None
    interactions: int


@dataclass(slots=True)
class CadenceOverdue:
    """A contact whose keep-in-touch cadence has lapsed."""

    contact_key: str
    name: str
    cadence_days: int
    last: date
    days_since: int
    days_overdue: int


@dataclass(slots=True)
class DormantTie:
    """A tie that went quiet for ``gap_days`` and was then picked up again."""

    contact_key: str
    name: str
    dormant_since: date
    reconnected_on: date
    gap_days: int


@dataclass(slots=True)
class ReconnectCandidate:
    """A cold or dormant tie worth reconnecting with, and why."""

    contact_key: str
    name: str
    close: bool
    last: date
    days_since: int
    interactions: int
    reason: str


# --------------------------------------------------------------------------- indexing


class Timeline:
    """One contact's interactions up to a given day, oldest first.

    ``items`` are the interactions; ``whens`` their times as naive datetimes
    (aware ones converted to UTC), in the same order; ``days`` their dates;
    ``first`` and ``last`` the earliest and latest of ``whens``.
    """

    __slots__ = ("items", "first", "last", "_whens")

    def __init__(self, items: list[Interaction], whens: list[datetime] | None = None):
        self.items = items
        self._whens = whens  # None: every item.when is already a naive datetime
        if whens is None:
            self.first, self.last = items[0].when, items[-1].when
        else:
            self.first, self.last = whens[0], whens[-1]

    @property
    def whens(self) -> list[datetime]:
        if self._whens is None:  # made once, then kept (read-only, like items)
            self._whens = list(map(_WHEN, self.items))
        return self._whens

    @property
    def days(self) -> list[date]:
        return [when.date() for when in self.whens]

    def when_at(self, index: int) -> datetime:
        """The (naive) time of ``items[index]``."""
        return self.items[index].when if self._whens is None else self._whens[index]

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"Timeline({len(self.items)} interactions)"


def _end_of(today: date) -> datetime:
    """The first moment after ``today`` (midnight that starts the next day)."""
    return datetime.combine(today + timedelta(days=1), time())


def interaction_times(interactions: list[Interaction]) -> list[datetime]:
    """Every interaction's time as a naive datetime, in the same order.

    Parameters
    ----------
    interactions : list of Interaction

    Returns
    -------
    list of datetime
        ``item.when`` itself when all times are naive datetimes (checked
        without a Python-level loop), else :func:`naive_datetime` of each.
    """
    whens = list(map(_WHEN, interactions))
    if set(map(type, whens)) <= {datetime} and not any(map(_TZINFO, whens)):
        return whens
    return [naive_datetime(when) for when in whens]


def contact_timelines(interactions: list[Interaction], today: date) -> dict[str, Timeline]:
    """Group interactions by contact, sorted by time, dropping any after ``today``.

    Build it once and pass it as ``timelines=`` to several metrics to avoid
    indexing the same interactions again (it must be built with the same
    ``today``).

    Parameters
    ----------
    interactions : list of Interaction
        Typically ``net.interactions``.
    today : date
        Interactions after the end of this day are ignored.

    Returns
    -------
    dict of str to Timeline
        Keyed by ``contact_key``; interactions with an empty key are left out.
        One pass over the interactions plus a sort per contact.

    Notes
    -----
    Metrics called without ``timelines=`` reuse the index they built last
    time when the network's interactions are still the same objects with the
    same times and contact keys, so calling several metrics in a row on the
    same data indexes it once.
    """
    end = _end_of(today)
    groups: dict[str, list[Interaction]] = {}
    regular = True  # every time a naive datetime: sort on the attribute itself
    for item in interactions:
        key = item.contact_key
        if not key:
            continue
        when = item.when
        if type(when) is not datetime or when.tzinfo is not None:
            regular = False
            when = naive_datetime(when)
        if when >= end:
            continue
        bucket = groups.get(key)
        if bucket is None:
            groups[key] = [item]
        else:
            bucket.append(item)
    timelines = {}
    if regular:
        by_when = attrgetter("when")
        for key, items in groups.items():
            if len(items) > 1:
                items.sort(key=by_when)
            timelines[key] = Timeline(items)
    else:
        for key, items in groups.items():
            items.sort(key=lambda item: naive_datetime(item.when))
            timelines[key] = Timeline(items, [naive_datetime(item.when) for item in items])
    return timelines


_WHEN = attrgetter("when")
_TZINFO = attrgetter("tzinfo")
_CHANNEL = attrgetter("channel")
_PURPOSE = attrgetter("purpose")
_CONTACT_KEY = attrgetter("contact_key")
_SOURCE = attrgetter("source")
_SOURCE_REF = attrgetter("source_ref")
_CLOSE = attrgetter("close")


def _derived(net: Network, name: str, records: list, build):
    """An index built from ``records`` (a list of ``net``), kept on ``net.derived``.

    It is reused while ``records`` holds the same (or equal) records (a list
    comparison that stops at the first difference and passes identical objects
    without looking inside, a few milliseconds for 200,000), else built again. A record edited
    in place is the same object: :meth:`Network.changed` forgets the indexes then.
    Anything that is not a :class:`Network` gets a fresh index every call.
    """
    cache = getattr(net, "derived", None)
    if not isinstance(cache, dict):
        return build()
    hit = cache.get(name)
    if hit is not None and len(hit[0]) == len(records) and hit[0] == records:
        return hit[1]
    built = build()
    cache[name] = (list(records), built)
    return built


def _index(net: Network, timelines: dict[str, Timeline] | None = None):
    """``net``'s :class:`~netlearn.network.metrics_index.InteractionIndex` (built once, kept on
    ``net.derived``), or None when the metrics should loop in Python: ``timelines``
    given, ``net`` not a Network, or fewer interactions than
    :data:`~netlearn.network.metrics_index.MIN_INTERACTIONS`."""
    if timelines is not None or not isinstance(getattr(net, "derived", None), dict):
        return None
    interactions = net.interactions
    if len(interactions) < metrics_index.MIN_INTERACTIONS:
        return None
    return _derived(net, "index", interactions,
                    lambda: metrics_index.build_index(interactions))


def _timelines(
    net: Network, today: date, timelines: dict[str, Timeline] | None
) -> dict[str, Timeline]:
    """``timelines`` if given, else the index of ``net``'s interactions for ``today``."""
    if timelines is not None:
        return timelines
    interactions = net.interactions
    return _derived(net, f"timelines {today}", interactions,
                    lambda: contact_timelines(interactions, today))


def _keyed_contacts(contacts: list[Contact], net: Network | None = None
                    ) -> list[tuple[str, Contact]]:
    """``(key, contact)`` pairs with duplicate keys dropped (first one wins), order kept."""
    def build():
        seen: set[str] = set()
        keyed = []
        for contact in contacts:
            key = contact.key
            if key not in seen:
                seen.add(key)
                keyed.append((key, contact))
        return keyed

    return build() if net is None else _derived(net, "keyed contacts", contacts, build)


def _window(today: date, days: int) -> tuple[datetime, datetime]:
    """Start and end (exclusive) of the ``days`` calendar days ending with ``today``."""
    return datetime.combine(today - timedelta(days=days - 1), time()), _end_of(today)


# --------------------------------------------------------------------------- 1 preparation


def _past_attended(events: list[Event], today: date) -> list[Event]:
    """Attended events up to ``today`` whose checklist the learner has answered."""
    return [event for event in events
            if event.attended and event.day <= today and event.reviewed]


def awaiting_retro(net: Network, today: date) -> list[Event]:
    """Imported past events waiting for the learner's one-minute retro (latest first).

    They are left out of :func:`preparation_rate` until answered, rather than
    counted as 0 % prepared.
    """
    waiting = [event for event in net.events
               if event.attended and event.day <= today and not event.reviewed]
    return sorted(waiting, key=lambda event: (event.day, event.title), reverse=True)


def preparation_rate(net: Network, today: date) -> Preparation:
    """How well the learner prepared for the events they attended.

    Definition: over events with ``attended`` true and ``day`` on or before
    ``today`` (imported events whose checklist was not answered yet, see
    :func:`awaiting_retro`, are left out), ``rate`` is the share with all five checklist items done
    (goal set, attendees researched, introduction prepared, questions prepared,
    follow-up time blocked); ``mean_items`` is the mean number of items done
    per event (0–5); ``item_shares`` maps each checklist item to the share of
    those events where it was done.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        Events after this day are not counted yet.

    Returns
    -------
    Preparation
        ``events``, ``fully_prepared``, ``rate`` (None with no events),
        ``mean_items`` (None with no events) and ``item_shares`` (empty with no
        events).
    """
    events = _past_attended(net.events, today)
    if not events:
        return Preparation(0, 0, None, None, {})
    checklist = Event.CHECKLIST
    done = [event.prepared_items for event in events]
    fully = sum(count == len(checklist) for count in done)
    shares = {
        item: sum(bool(getattr(event, item)) for event in events) / len(events)
        for item in checklist
    }
    return Preparation(
        events=len(events),
        fully_prepared=fully,
        rate=fully / len(events),
        mean_items=sum(done) / len(events),
        item_shares=shares,
    )


# --------------------------------------------------------------------------- 2 giving


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _months_back(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def give_ask_ratio(net: Network, today: date, days: int = 90, months: int = 12) -> GiveAsk:
    """Gives versus asks in the learner's outgoing interactions.

    Definition: among interactions with ``direction == "out"`` on one of the
    ``days`` calendar days ending with ``today``, ``gives`` counts purpose
    ``"give"`` and ``asks`` purpose ``"ask"``; ``ratio = gives / asks`` (None
    when there are no asks). ``by_month`` counts the same two purposes per
    calendar month for the ``months`` months ending with ``today``'s month
    (oldest first, months without any included as zeros; later days of the
    current month are not counted).

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The last day counted.
    days : int, default 90
        Length of the window for ``gives``, ``asks`` and ``ratio``.
    months : int, default 12
        Number of calendar months in ``by_month``.

    Returns
    -------
    GiveAsk
        ``gives``, ``asks``, ``ratio``, ``days`` and ``by_month``.
    """
    window_start = today - timedelta(days=days)
    first_month = _months_back(_month_start(today), months - 1)
    index = _index(net)
    if index is not None:
        gives, asks, per_month = metrics_index.give_ask_numbers(index, today, days, first_month)
        return _give_ask(gives, asks, per_month, today, days, months)
    gives = asks = 0
    per_month: dict[date, list[int]] = {}
    for item in net.interactions:
        if item.direction != "out" or item.purpose not in ("give", "ask"):
            continue
        day = naive_datetime(item.when).date()
        if day > today:
            continue
        is_give = item.purpose == "give"
        if day > window_start:
            if is_give:
                gives += 1
            else:
                asks += 1
        if day >= first_month:
            counts = per_month.setdefault(_month_start(day), [0, 0])
            counts[0 if is_give else 1] += 1
    return _give_ask(gives, asks, per_month, today, days, months)


def _give_ask(gives: int, asks: int, per_month: dict, today: date, days: int,
              months: int) -> GiveAsk:
    by_month = []
    for offset in range(months - 1, -1, -1):
        month = _months_back(_month_start(today), offset)
        give_count, ask_count = per_month.get(month, (0, 0))
        by_month.append(MonthCount(month, give_count, ask_count))
    return GiveAsk(
        gives=gives,
        asks=asks,
        ratio=gives / asks if asks else None,
        days=days,
        by_month=by_month,
    )


# --------------------------------------------------------------------------- 3 follow-up


def _meeting_moment(contact: Contact, timeline: Timeline | None) -> datetime | None:
    """When the learner met ``contact``: first 'meet' interaction, else ``met_on`` at noon."""
    if timeline is not None:
        for index, item in enumerate(timeline.items):
            if item.purpose == "meet":
                return timeline.when_at(index)
    if contact.met_on is not None:
        return datetime.combine(contact.met_on, DATE_ONLY_MEETING_TIME)
    return None


def _first_follow_up(met: datetime, timeline: Timeline | None) -> datetime | None:
    """The first outgoing, non-'meet' interaction strictly after ``met``."""
    if timeline is None:
        return None
    whens = timeline.whens
    for index in range(bisect_right(whens, met), len(whens)):
        item = timeline.items[index]
        if item.direction == "out" and item.purpose != "meet":
            return whens[index]
    return None


def _follow_up(
    net: Network, today: date, timelines: dict[str, Timeline] | None, days: int
) -> FollowUp:
    index = _index(net, timelines)
    if index is not None:
        (new, followed, fast_part, fast_whole, week_part, week_whole, never, awaiting,
         latencies) = metrics_index.follow_up_numbers(
            index, net.contacts, today, days, FAST_US, WEEK_US, NOON_US)
        return FollowUp(new, followed, Share(fast_part, fast_whole), Share(week_part, week_whole),
                        median(latencies) if latencies else None, never, awaiting, latencies)
    timelines = _timelines(net, today, timelines)
    now = _end_of(today)
    window_start = datetime.combine(today - timedelta(days=days - 1), time())
    fast = timedelta(hours=FOLLOW_UP_FAST_HOURS)
    week = timedelta(hours=FOLLOW_UP_WEEK_HOURS)
    meetings = []
    purposes = map(_PURPOSE, net.interactions)
    meet_keys = set(compress(map(_CONTACT_KEY, net.interactions), map("meet".__eq__, purposes)))
    for key, contact in _keyed_contacts(net.contacts, net):
        if contact.met_on is None and key not in meet_keys:
            continue  # never met: nothing to follow up
        timeline = timelines.get(key)
        met = _meeting_moment(contact, timeline)
        if met is None or not window_start <= met < now:
            continue
        meetings.append((met, _first_follow_up(met, timeline)))
    new = len(meetings)
    (followed, fast_part, fast_whole, week_part, week_whole, never, awaiting,
     latencies) = metrics_index.tally_follow_ups(meetings, now, fast, week, timedelta(hours=1))
    return FollowUp(
        new_contacts=new,
        followed_up=followed,
        within_48h=Share(fast_part, fast_whole),
        within_7d=Share(week_part, week_whole),
        median_hours=median(latencies) if latencies else None,
        never_followed_up=never,
        awaiting=awaiting,
        latencies_hours=latencies,
    )


def follow_up(
    net: Network, today: date, days: int = 365, *, timelines: dict[str, Timeline] | None = None
) -> FollowUp:
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
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    FollowUp
        Counts, the two shares, the median and every latency in hours (for a
        histogram).
    """
    return _follow_up(net, today, timelines, days)


def overdue_commitments(net: Network, today: date) -> list[OverdueCommitment]:
    """Open commitments whose due date has passed.

    Definition: commitments with ``done`` false and ``due`` strictly before
    ``today``; ``days_overdue = (today - due).days`` (so at least 1).

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


# --------------------------------------------------------------------------- 4 online


def online_mix(net: Network, today: date, days: int = 365) -> OnlineMix:
    """How much of the learner's networking happens online.

    Definition: over all interactions (both directions) on one of the ``days``
    calendar days ending with ``today``, ``share = online / total`` where an
    interaction is online if its channel is one of email, linkedin_message,
    linkedin_invitation, forum, post or video (``Interaction.online``);
    everything else (in_person, event, call) is ``offline``.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The last day counted.
    days : int, default 365
        Length of the window.

    Returns
    -------
    OnlineMix
        ``total``, ``online``, ``offline``, ``share`` (None with no
        interactions) and ``by_channel`` (count per channel, every known
        channel present, unknown channel names appended).
    """
    first, end = _window(today, days)
    index = _index(net)
    if index is not None:
        counts = metrics_index.channel_counts(index, first, end, frozenset(CHANNELS))
    else:
        whens = interaction_times(net.interactions)
        in_window = map(and_, map(first.__le__, whens), map(end.__gt__, whens))
        counts = Counter(compress(map(_CHANNEL, net.interactions), in_window))
    by_channel = dict.fromkeys(CHANNELS, 0)
    by_channel.update(counts)
    total = sum(by_channel.values())
    online = sum(count for channel, count in by_channel.items() if channel in ONLINE_CHANNELS)
    return OnlineMix(
        total=total,
        online=online,
        offline=total - online,
        share=online / total if total else None,
        by_channel=by_channel,
        days=days,
    )


def in_person_also_online(net: Network) -> Share:
    """Share of people met in person who are also connected online.

    Definition: the whole is contacts with ``met_on`` set or at least one
    interaction on channel ``in_person`` or ``event``; the part is those of
    them with ``connected_on`` set or at least one ``linkedin_message`` or
    ``linkedin_invitation`` interaction (either direction, any date).

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.

    Returns
    -------
    Share
    """
    index = _index(net)
    if index is not None:
        return Share(*metrics_index.met_and_online(
            index, net.contacts, IN_PERSON_CHANNELS, LINKEDIN_CHANNELS))
    met_keys: set[str] = set()
    linkedin_keys: set[str] = set()
    for item in net.interactions:
        if item.channel in IN_PERSON_CHANNELS:
            met_keys.add(item.contact_key)
        elif item.channel in LINKEDIN_CHANNELS:
            linkedin_keys.add(item.contact_key)
    part = whole = 0
    for key, contact in _keyed_contacts(net.contacts, net):
        if contact.met_on is None and key not in met_keys:
            continue
        whole += 1
        part += contact.connected_on is not None or key in linkedin_keys
    return Share(part, whole)


def invitation_note_share(net: Network) -> Share:
    """Share of outgoing LinkedIn invitations sent with a personal note.

    Definition: over interactions with channel ``linkedin_invitation`` and
    ``direction == "out"`` (any date), the part is those with
    ``personal_note`` true.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.

    Returns
    -------
    Share
    """
    index = _index(net)
    if index is not None:
        interactions = net.interactions
        sent = metrics_index.positions_where(index, "linkedin_invitation", out=True).tolist()
        return Share(sum(bool(interactions[i].personal_note) for i in sent), len(sent))
    part = whole = 0
    for item in net.interactions:
        if item.channel == "linkedin_invitation" and item.direction == "out":
            whole += 1
            part += bool(item.personal_note)
    return Share(part, whole)


# --------------------------------------------------------------------------- 5 maintaining


def _recency(
    net: Network, today: date, timelines: dict[str, Timeline] | None, *,
    close_only: bool = False, min_days: int | None = None, min_interactions: int = 0,
    count_only: bool = False, top: int | None = None,
) -> list[Recency] | int:
    """Recency rows in contact order (or how many); the filters skip rows before they are
    built. ``top``: the index path may leave out rows that cannot be among the ``top`` of
    :func:`_reconnect_candidates`."""
    index = _index(net, timelines)
    if index is not None:
        return metrics_index.recency_rows(
            index, net.contacts, today, close_only=close_only,
            min_days=min_days, min_interactions=min_interactions, count_only=count_only,
            top=top, make=Recency)
    timelines = _timelines(net, today, timelines)
    result = []
    for key, contact in _keyed_contacts(net.contacts, net):
        if close_only and not contact.close:
            continue
        timeline = timelines.get(key)
        if timeline is None:
            if min_days is None and min_interactions <= 0:
                result.append(Recency(key, contact.name, contact.close, None, None, 0))
            continue
        count = len(timeline.items)
        if count < min_interactions:
            continue
        last = timeline.last.date()
        since = (today - last).days
        if min_days is not None and since < min_days:
            continue
        result.append(Recency(key, contact.name, contact.close, last, since, count))
    return len(result) if count_only else result


def recency(
    net: Network, today: date, *, timelines: dict[str, Timeline] | None = None
) -> list[Recency]:
    """When each contact was last in touch.

    Definition: for every contact (duplicate keys once), ``last`` is the date
    of its latest interaction (either direction, any channel) on or before
    ``today``; ``days_since = (today - last).days``; ``interactions`` counts
    its interactions up to ``today``. Contacts without any have ``last`` and
    ``days_since`` None.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to measure from.
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    list of Recency
        In the order of ``net.contacts``.
    """
    return _recency(net, today, timelines)


def _by_days_since(entries: list[Recency]) -> list[Recency]:
    return sorted(entries, key=lambda entry: (-entry.days_since, entry.name, entry.contact_key))


def gone_cold(
    net: Network, today: date, days: int = COLD_DAYS, close_only: bool = True, *,
    timelines: dict[str, Timeline] | None = None,
) -> list[Recency]:
    """Contacts not in touch for ``days`` days or more.

    Definition: contacts (only those marked ``close`` when ``close_only``)
    whose ``days_since`` from :func:`recency` is at least ``days``. Contacts
    with no interaction at all are not listed (there is no date to measure).

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to measure from.
    days : int, default 90
        Threshold in days.
    close_only : bool, default True
        Only consider contacts marked close.
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    list of Recency
        Most overdue first (largest ``days_since``), ties by name.
    """
    rows = _recency(net, today, timelines, close_only=close_only, min_days=days)
    return _by_days_since(rows)


def _cadence_overdue(
    net: Network, today: date, timelines: dict[str, Timeline] | None
) -> list[CadenceOverdue]:
    index = _index(net, timelines)
    if index is not None:
        overdue = [CadenceOverdue(*row) for row in metrics_index.cadence_rows(
            index, net.contacts, today)]
        overdue.sort(key=lambda entry: (-entry.days_overdue, entry.name, entry.contact_key))
        return overdue
    timelines = _timelines(net, today, timelines)
    overdue = []
    for key, contact in _keyed_contacts(net.contacts, net):
        cadence = contact.cadence_days
        if not cadence or cadence <= 0:
            continue
        timeline = timelines.get(key)
        if timeline is None:
            continue
        last = timeline.last.date()
        since = (today - last).days
        if since > cadence:
            overdue.append(
                CadenceOverdue(key, contact.name, cadence, last, since, since - cadence)
            )
    overdue.sort(key=lambda entry: (-entry.days_overdue, entry.name, entry.contact_key))
    return overdue


def cadence_overdue(
    net: Network, today: date, *, timelines: dict[str, Timeline] | None = None
) -> list[CadenceOverdue]:
    """Contacts whose keep-in-touch cadence has lapsed.

    Definition: contacts with ``cadence_days`` set (> 0) and at least one
    interaction on or before ``today``, whose ``days_since`` last interaction
    is greater than ``cadence_days``; ``days_overdue = days_since -
    cadence_days`` (so at least 1). Contacts never in touch are not listed.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to measure from.
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    list of CadenceOverdue
        Most overdue first, ties by name.
    """
    return _cadence_overdue(net, today, timelines)


def _dormant_reconnected(
    net: Network, today: date, timelines: dict[str, Timeline] | None, dormant_days: int
) -> list[DormantTie]:
    index = _index(net, timelines)
    if index is not None:
        ties = [DormantTie(*row) for row in metrics_index.dormant_rows(
            index, net.contacts, today, dormant_days)]
        ties.sort(key=lambda tie: (tie.reconnected_on, tie.name, tie.contact_key), reverse=True)
        return ties
    timelines = _timelines(net, today, timelines)
    ties = []
    # A gap of ``dormant_days`` dates needs more than ``dormant_days - 1`` days of clock time.
    clock_gap = timedelta(days=dormant_days - 1)
    for key, contact in _keyed_contacts(net.contacts, net):
        timeline = timelines.get(key)
        if timeline is None or timeline.last - timeline.first <= clock_gap:
            continue  # no gap can be that long
        whens = timeline.whens
        for index in range(len(whens) - 1, 0, -1):
            if whens[index] - whens[index - 1] <= clock_gap:
                continue
            before, after = whens[index - 1].date(), whens[index].date()
            gap = (after - before).days
            if gap >= dormant_days:
                ties.append(DormantTie(key, contact.name, before, after, gap))
                break
    ties.sort(key=lambda tie: (tie.reconnected_on, tie.name, tie.contact_key), reverse=True)
    return ties


def dormant_reconnected(
    net: Network, today: date, dormant_days: int = DORMANT_DAYS, *,
    timelines: dict[str, Timeline] | None = None,
) -> list[DormantTie]:
    """Dormant ties the learner (or the contact) picked up again.

    Definition: contacts with two consecutive interactions (either direction,
    by date, up to ``today``) at least ``dormant_days`` days apart. Levin,
    Walter & Murnighan (2011) call a tie dormant after three or more years
    without contact, hence the default of 3 × 365 days; pass a shorter
    ``dormant_days`` to explore short data. For a contact with several such
    gaps only the most recent is reported: ``dormant_since`` is the last date
    before the gap, ``reconnected_on`` the first date after it.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        Interactions after this day are ignored.
    dormant_days : int, default 1095
        Minimum gap in days.
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    list of DormantTie
        Most recent reconnection first.
    """
    return _dormant_reconnected(net, today, timelines, dormant_days)


def _reconnect_candidates(entries: list[Recency], n: int) -> list[ReconnectCandidate]:
    ranked = heapq.nsmallest(
        max(n, 0), entries,
        key=lambda entry: (-entry.days_since, -entry.interactions, entry.name, entry.contact_key),
    )
    candidates = []
    for entry in ranked:
        reason = (
            f"{entry.days_since} days since your last contact, "
            f"after {entry.interactions} interactions"
        )
        if entry.days_since >= DORMANT_DAYS:
            reason += "; dormant for 3+ years, a source of fresh advice"
        if entry.close:
            reason += "; marked as a close contact"
        candidates.append(
            ReconnectCandidate(
                entry.contact_key, entry.name, entry.close, entry.last, entry.days_since,
                entry.interactions, reason,
            )
        )
    return candidates


def reconnect_candidates(
    net: Network, today: date, n: int = 10, cold_days: int = COLD_DAYS, *,
    timelines: dict[str, Timeline] | None = None,
) -> list[ReconnectCandidate]:
    """Cold or dormant ties worth reconnecting with, ranked.

    Definition: contacts with at least two interactions up to ``today`` (an
    actual relationship, not a single encounter) whose last interaction is at
    least ``cold_days`` days before ``today``; ranked by days since the last
    interaction (longest first), then by number of interactions (more first),
    then by name; the first ``n`` are returned. ``reason`` is one line built
    from those numbers, noting 3+ years of dormancy and close contacts.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to measure from.
    n : int, default 10
        How many candidates to return at most.
    cold_days : int, default 90
        Minimum days since the last interaction.
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    list of ReconnectCandidate
    """
    rows = _recency(net, today, timelines, min_days=cold_days, min_interactions=2, top=max(n, 0))
    return _reconnect_candidates(rows, n)


# --------------------------------------------------------------------------- summary


def summary_counts(
    net: Network, today: date, *, timelines: dict[str, Timeline] | None = None
) -> dict[str, int]:
    """Plain counts behind every metric, with no names or free text.

    The counts are the numerators and denominators of the metrics above,
    computed with their default parameters (90-day give/ask window, 365-day
    follow-up and online windows, 90-day cold threshold, 3-year dormancy); the anonymised
    summary a learner hands to a facilitator is built from them.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to measure from.
    timelines : dict of str to Timeline, optional
        A prebuilt :func:`contact_timelines` index for the same ``today``, to
        share one index across several metrics.

    Returns
    -------
    dict of str to int
        Keys, in order: contacts, interactions, events, commitments,
        events_attended, events_fully_prepared, event_checklist_items_done,
        gives_90d, asks_90d, new_contacts, followed_up, followed_up_48h,
        eligible_48h, followed_up_7d, eligible_7d, never_followed_up,
        awaiting_follow_up, commitments_done, commitments_overdue,
        interactions_365d, online_interactions_365d, met_in_person,
        met_in_person_also_online, invitations_sent, invitations_with_note,
        close_contacts, close_gone_cold_90d, cadence_contacts,
        cadence_overdue, dormant_reconnected_3y, reconnect_candidates.
    """
    prep = preparation_rate(net, today)
    give_ask = give_ask_ratio(net, today)
    follow = _follow_up(net, today, timelines, 365)
    mix = online_mix(net, today)
    in_person = in_person_also_online(net)
    notes = invitation_note_share(net)
    index = _index(net, timelines)
    if index is not None:
        contacts = index.contact_columns(net.contacts).contacts
    else:
        contacts = [contact for _, contact in _keyed_contacts(net.contacts, net)]
    return {
        "contacts": len(net.contacts),
        "interactions": len(net.interactions),
        "events": len(net.events),
        "commitments": len(net.commitments),
        "events_attended": prep.events,
        "events_fully_prepared": prep.fully_prepared,
        "event_checklist_items_done": sum(
            event.prepared_items for event in _past_attended(net.events, today)
        ),
        "gives_90d": give_ask.gives,
        "asks_90d": give_ask.asks,
        "new_contacts": follow.new_contacts,
        "followed_up": follow.followed_up,
        "followed_up_48h": follow.within_48h.part,
        "eligible_48h": follow.within_48h.whole,
        "followed_up_7d": follow.within_7d.part,
        "eligible_7d": follow.within_7d.whole,
        "never_followed_up": follow.never_followed_up,
        "awaiting_follow_up": follow.awaiting,
        "commitments_done": sum(bool(item.done) for item in net.commitments),
        "commitments_overdue": len(overdue_commitments(net, today)),
        "interactions_365d": mix.total,
        "online_interactions_365d": mix.online,
        "met_in_person": in_person.whole,
        "met_in_person_also_online": in_person.part,
        "invitations_sent": notes.whole,
        "invitations_with_note": notes.part,
        "close_contacts": sum(bool(contact.close) for contact in contacts),
        "close_gone_cold_90d": _recency(net, today, timelines, close_only=True,
                                        min_days=COLD_DAYS, count_only=True),
        "cadence_contacts": sum(bool(contact.cadence_days) for contact in contacts),
        "cadence_overdue": len(_cadence_overdue(net, today, timelines)),
        "dormant_reconnected_3y": len(_dormant_reconnected(net, today, timelines, DORMANT_DAYS)),
        "reconnect_candidates": _recency(net, today, timelines, min_days=COLD_DAYS,
                                         min_interactions=2, count_only=True),
    }


# --------------------------------------------------------------------------- own data (LinkedIn)
# What a learner whose only data is a LinkedIn export can be shown: follow-up after
# connecting, participation over time, close contacts suggested from messages, and the
# give/ask tags the learner puts on recent conversations.

#: Practice guidance (notebook 05): close contacts monthly, the next layer every month or two.
INNER_CADENCE_DAYS = 30
OUTER_CADENCE_DAYS = 60
INNER_LAYER = 5
SUGGEST_MAX = 15
SUGGEST_MIN_INTERACTIONS = 3
RECENCY_HALF_LIFE_DAYS = 90
TRIAGE_TAGS = ("give", "ask", "both", "neither")
_NOT_A_FOLLOW_UP = frozenset({"linkedin_invitation", "post"})


@dataclass(slots=True)
class NotFollowedUp:
    """A new connection the learner never wrote to after connecting."""

    contact_key: str
    name: str
    company: str
    connected: date


@dataclass(slots=True)
class ParticipationMonth:
    """Posts, comments and reactions in one calendar month (``month`` is its first day)."""

    month: date
    posts: int
    comments: int
    reactions: int


@dataclass(slots=True)
class CloseSuggestion:
    """A contact the data suggests as close, with the cadence the course suggests."""

    contact_key: str
    name: str
    interactions: int
    last: date
    days_since: int
    score: float
    cadence_days: int
    reason: str


@dataclass(slots=True)
class Conversation:
    """A recent LinkedIn conversation for give/ask triage (never its text)."""

    conversation_id: str
    contact_key: str
    name: str
    last: datetime
    messages: int


def _connection_moment(contact: Contact, timeline: Timeline | None) -> tuple[datetime, datetime]:
    """When the follow-up clock starts for a connection, and from when a message counts.

    An invitation on the day of connecting gives the exact time; otherwise 12:00 on
    ``connected_on``, with messages counted from the start of that day (latency 0
    for one sent that morning).
    """
    day = contact.connected_on
    start = datetime.combine(day, time())
    if timeline is not None:
        for index, item in enumerate(timeline.items):
            when = timeline.when_at(index)
            if item.channel == "linkedin_invitation" and when.date() == day:
                return when, when
    return datetime.combine(day, DATE_ONLY_MEETING_TIME), start


def _connection_follow_up(net: Network, today: date, timelines: dict[str, Timeline] | None,
                          days: int) -> tuple[FollowUp, list[NotFollowedUp]]:
    index = _index(net, timelines)
    if index is not None:
        (new, followed, fast_part, week_part, eligible, never, awaiting, latencies,
         missed) = metrics_index.connection_numbers(
            index, net.contacts, today, days, FAST_US, WEEK_US, NOON_US,
            _NOT_A_FOLLOW_UP)
        missed = [NotFollowedUp(*row) for row in missed]
        missed.sort(key=lambda m: (m.connected, m.name), reverse=True)
        return FollowUp(
            new_contacts=new, followed_up=followed,
            within_48h=Share(fast_part, eligible), within_7d=Share(week_part, eligible),
            median_hours=median(latencies) if latencies else None,
            never_followed_up=never, awaiting=awaiting, latencies_hours=latencies,
        ), missed
    timelines = _timelines(net, today, timelines)
    now = _end_of(today)
    first_day = today - timedelta(days=days - 1)
    fast = timedelta(hours=FOLLOW_UP_FAST_HOURS)
    week = timedelta(hours=FOLLOW_UP_WEEK_HOURS)
    connections = []
    for key, contact in _keyed_contacts(net.contacts, net):
        day = contact.connected_on
        if day is None or not first_day <= day <= today:
            continue
        timeline = timelines.get(key)
        moment, counts_from = _connection_moment(contact, timeline)
        first = None
        if timeline is not None:
            whens = timeline.whens
            for index in range(bisect_right(whens, counts_from), len(whens)):
                item = timeline.items[index]
                if (item.direction == "out" and item.channel not in _NOT_A_FOLLOW_UP
                        and whens[index] > counts_from):
                    first = whens[index]
                    break
        connections.append((moment, first, (key, contact)))
    new = len(connections)
    (followed, fast_part, week_part, eligible, never, awaiting, latencies,
     missed_contacts) = metrics_index.tally_connection_follow_ups(
        connections, now, fast, week, timedelta(hours=1), timedelta(0))
    missed = [NotFollowedUp(key, contact.name, contact.company, contact.connected_on)
              for key, contact in missed_contacts]
    missed.sort(key=lambda m: (m.connected, m.name), reverse=True)
    result = FollowUp(
        new_contacts=new, followed_up=followed,
        within_48h=Share(fast_part, eligible), within_7d=Share(week_part, eligible),
        median_hours=median(latencies) if latencies else None,
        never_followed_up=never, awaiting=awaiting, latencies_hours=latencies,
    )
    return result, missed


def connection_follow_up(
    net: Network, today: date, days: int = 365, *, timelines: dict[str, Timeline] | None = None
) -> FollowUp:
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
    timelines : dict of str to Timeline, optional

    Returns
    -------
    FollowUp
        As :func:`follow_up`, for connections instead of meetings.
    """
    return _connection_follow_up(net, today, timelines, days)[0]


def never_followed_up(
    net: Network, today: date, days: int = 365, *, timelines: dict[str, Timeline] | None = None
) -> list[NotFollowedUp]:
    """New connections never written to within 7 days, newest first (see
    :func:`connection_follow_up` for the definitions).

    Parameters
    ----------
    net : Network
    today : date
    days : int, default 365
    timelines : dict of str to Timeline, optional

    Returns
    -------
    list of NotFollowedUp
    """
    return _connection_follow_up(net, today, timelines, days)[1]


_PARTICIPATION_PREFIXES = {"share": "post", "comment": "comment", "reaction": "reaction"}


def participation_kind(item: Interaction) -> str | None:
    """``"post"``, ``"comment"`` or ``"reaction"`` for online participation, else None.

    Imported LinkedIn records are told apart by their ``source_ref`` (see
    :func:`netlearn.importers.linkedin_complete.activity_kind`); anything else logged
    on channel ``post`` with no contact is a post.
    """
    if item.channel != "post":
        return None
    if item.source == "linkedin":
        return _PARTICIPATION_PREFIXES.get(item.source_ref.split(":", 1)[0])
    return None if item.contact_key else "post"


_PARTICIPATION_KINDS = ("post", "comment", "reaction")


def _participation_kinds(net: Network, index) -> tuple:
    """The index rows on channel ``post`` and their :func:`participation_kind` as codes
    into ``_PARTICIPATION_KINDS`` (-1: none), worked out once per Network."""
    found = index.memo.get("participation")
    if found is None:
        import numpy as np

        rows = metrics_index.rows_in_list_order(index, "post")
        interactions = net.interactions
        posts = [interactions[i] for i in index.pos[rows].tolist()]
        code = {kind: number for number, kind in enumerate(_PARTICIPATION_KINDS)}
        if set(map(_SOURCE, posts)) == {"linkedin"}:  # an export's: the kind is the ref's head
            by_head = {head: code[kind] for head, kind in _PARTICIPATION_PREFIXES.items()}
            kinds = np.fromiter((by_head.get(ref.partition(":")[0], -1)
                                 for ref in map(_SOURCE_REF, posts)), np.int64, len(posts))
        else:
            kinds = np.fromiter((code.get(participation_kind(item), -1) for item in posts),
                                np.int64, len(posts))
        found = index.memo["participation"] = (rows, kinds)
    return found


def participation_by_month(net: Network, today: date,
                           months: int = 12) -> list[ParticipationMonth]:
    """Posts, comments and reactions per calendar month, the last ``months`` months.

    Parameters
    ----------
    net : Network
    today : date
        Its month is the last one; nothing after ``today`` counts.
    months : int, default 12

    Returns
    -------
    list of ParticipationMonth
        Oldest month first, every month present (zeros included).
    """
    last = _month_start(today)
    first = _months_back(last, months - 1)
    counts: dict[date, Counter] = {_months_back(last, k): Counter() for k in range(months)}
    end = _end_of(today)
    start = datetime.combine(first, time())
    index = _index(net)
    if index is not None:
        rows, kinds = _participation_kinds(net, index)
        cells = metrics_index.kind_counts(index, rows, kinds, len(_PARTICIPATION_KINDS),
                                          start, end)
        for (month, kind), count in cells.items():
            counts[month][_PARTICIPATION_KINDS[kind]] += count
        return [ParticipationMonth(month, c["post"], c["comment"], c["reaction"])
                for month, c in sorted(counts.items())]
    posts = compress(net.interactions, map("post".__eq__, map(_CHANNEL, net.interactions)))
    for item in posts:
        kind = participation_kind(item)
        if kind is None:
            continue
        when = naive_datetime(item.when)
        if start <= when < end:
            counts[date(when.year, when.month, 1)][kind] += 1
    return [ParticipationMonth(month, c["post"], c["comment"], c["reaction"])
            for month, c in sorted(counts.items())]


def suggest_close_contacts(
    net: Network, today: date, days: int = 365, limit: int = SUGGEST_MAX, *,
    timelines: dict[str, Timeline] | None = None,
) -> list[CloseSuggestion]:
    """Contacts the data suggests as close: much contact, recently (not yet marked close).

    Definition: over interactions with a contact (either direction, any channel
    except public posts) on the ``days`` calendar days ending with ``today``,
    contacts with at least 3 qualify; ``score`` sums ``0.5 ** (age / 90 days)``
    over those interactions (recent contact weighs more). The ``limit`` highest
    scores are returned (ties: more interactions, then name). The first 5 get a
    30-day cadence, the rest 60 days — the course's practice guidance ("close
    contacts monthly", the next layer every month or two).

    Parameters
    ----------
    net : Network
    today : date
    days : int, default 365
    limit : int, default 15
    timelines : dict of str to Timeline, optional

    Returns
    -------
    list of CloseSuggestion
        Highest score first; contacts already marked close are left out.
    """
    index = _index(net, timelines)
    if index is not None:
        scored = metrics_index.close_scores(index, net.contacts, today,
                                            days, SUGGEST_MIN_INTERACTIONS,
                                            RECENCY_HALF_LIFE_DAYS)
        return _close_suggestions(scored, today, days, limit)
    timelines = _timelines(net, today, timelines)
    start = datetime.combine(today - timedelta(days=days - 1), time())
    scored = []
    for key, contact in _keyed_contacts(net.contacts, net):
        if contact.close:
            continue
        timeline = timelines.get(key)
        if timeline is None:
            continue
        whens = timeline.whens
        first = bisect_right(whens, start - timedelta(microseconds=1))
        if len(whens) - first < SUGGEST_MIN_INTERACTIONS:
            continue
        recent = [(timeline.items[i], whens[i]) for i in range(first, len(whens))
                  if timeline.items[i].channel != "post"]
        if len(recent) < SUGGEST_MIN_INTERACTIONS:
            continue
        score = sum(0.5 ** ((today - when.date()).days / RECENCY_HALF_LIFE_DAYS)
                    for _, when in recent)
        last = recent[-1][1].date()
        scored.append((score, len(recent), contact.name, key, last))
    return _close_suggestions(scored, today, days, limit)


def _close_suggestions(scored: list[tuple], today: date, days: int,
                       limit: int) -> list[CloseSuggestion]:
    scored.sort(key=lambda s: (-s[0], -s[1], s[2], s[3]))
    out = []
    for rank, (score, count, name, key, last) in enumerate(scored[:max(limit, 0)]):
        since = (today - last).days
        out.append(CloseSuggestion(
            key, name, count, last, since, round(score, 3),
            INNER_CADENCE_DAYS if rank < INNER_LAYER else OUTER_CADENCE_DAYS,
            f"{count} interactions in the last {days} days, the latest {since} days ago"))
    return out


def close_contacts_or_suggested(net: Network, today: date) -> tuple[list[str], bool]:
    """The contact keys counted as close: those marked close, else the suggestions.

    Returns
    -------
    tuple of (list of str, bool)
        The keys, and whether they are suggestions (nobody marked close yet).
    """
    index = _index(net)
    if index is not None:
        columns = index.contact_columns(net.contacts)
        marked = list(compress(columns.keys, map(_CLOSE, columns.contacts)))
    else:
        marked = [key for key, contact in _keyed_contacts(net.contacts, net) if contact.close]
    if marked:
        return marked, False
    suggested = _derived(net, f"suggested {today}", net.interactions, lambda: tuple(
        s.contact_key for s in suggest_close_contacts(net, today)))
    return list(suggested), True


def close_in_touch(net: Network, today: date, days: int = COLD_DAYS) -> Share:
    """Close contacts (marked, else suggested) in touch within the last ``days`` days.

    Parameters
    ----------
    net : Network
    today : date
    days : int, default 90

    Returns
    -------
    Share
        ``part``: close contacts whose latest interaction is at most ``days``
        days before ``today``; ``whole``: the close contacts.
    """
    keys, _ = close_contacts_or_suggested(net, today)
    index = _index(net)
    if index is not None:
        lasts = metrics_index.last_days(index, keys, today)
        return Share(sum(last is not None and (today - last).days <= days for last in lasts),
                     len(keys))
    timelines = _timelines(net, today, None)
    part = 0
    for key in keys:
        timeline = timelines.get(key)
        if timeline is not None and (today - naive_datetime(timeline.last).date()).days <= days:
            part += 1
    return Share(part, len(keys))


def _conversation_of(item: Interaction) -> str | None:
    """A LinkedIn message's conversation id (from its ``source_ref``), else None."""
    if item.channel != "linkedin_message" or item.source == "triage":
        return None  # triage's own gives/asks are not conversations
    ref = item.source_ref
    if item.source == "linkedin" and ref.startswith("msg:"):
        return ref[4:].split("|", 1)[0]
    return f"{item.source}:{item.contact_key}" if item.contact_key else None


def _conversations(interactions: list[Interaction]) -> tuple:
    """The LinkedIn messages, their naive times, conversation ids (None: not counted)
    and their positions latest first (a stable sort: file order among equal times)."""
    messages = list(compress(interactions,
                             map("linkedin_message".__eq__, map(_CHANNEL, interactions))))
    whens = interaction_times(messages)
    # An imported message's conversation is its ref up to the first "|" ("msg:ID"), cut
    # at C speed; other messages (logged, the sample's) take _conversation_of.
    heads = list(map(itemgetter(0), map(methodcaller("partition", "|"),
                                        map(_SOURCE_REF, messages))))
    convs: list[str | None] = []
    for item, head in zip(messages, heads, strict=True):
        if item.source == "linkedin" and head.startswith("msg:") and item.contact_key:
            convs.append(head[4:])
        else:
            conv = _conversation_of(item)
            convs.append(conv if conv is not None and item.contact_key else None)
    order = sorted(range(len(messages)), key=whens.__getitem__, reverse=True)
    return messages, whens, convs, order


def _conversation_groups(net: Network, index) -> tuple:
    """The index rows of LinkedIn messages (in list order), each one's conversation as a
    code into a list of conversation ids (-1: not counted), that list and a memo for
    :func:`~netlearn.network.metrics_index.latest_groups`; worked out once per Network.

    An imported message's conversation is its ref up to the first "|" ("msg:ID"), cut
    once per distinct head; other messages take :func:`_conversation_of`.
    """
    found = index.memo.get("conversations")
    if found is not None:
        return found
    import numpy as np

    rows = metrics_index.rows_in_list_order(index, "linkedin_message")
    flags = np.zeros(len(index), dtype=bool)
    flags[index.pos[rows]] = True
    messages = list(compress(net.interactions, flags.tolist()))
    heads = [ref.partition("|")[0] for ref in map(_SOURCE_REF, messages)]
    distinct_heads = dict.fromkeys(heads)
    code_of: dict[str, int] = {}
    head_group = {}
    for head in distinct_heads:
        if head.startswith("msg:"):
            head_group[head] = code_of.setdefault(head[4:], len(code_of))
        else:
            head_group[head] = -1
    groups = np.fromiter(map(head_group.__getitem__, heads), np.int64, len(heads))
    fast = (groups >= 0) & (index.code[rows] != index.code_of.get("", -1))
    if set(map(_SOURCE, messages)) != {"linkedin"}:
        fast &= np.array([item.source == "linkedin" for item in messages], dtype=bool)
    for i in np.flatnonzero(~fast).tolist():
        item = messages[i]
        conv = _conversation_of(item) if item.contact_key else None
        groups[i] = -1 if conv is None else code_of.setdefault(conv, len(code_of))
    conv_ids = list(code_of)
    found = index.memo["conversations"] = (rows, groups, conv_ids, {})
    return found


def recent_conversations(net: Network, today: date, n: int = 15) -> list[Conversation]:
    """The ``n`` most recent LinkedIn conversations, for tagging give/ask/both/neither.

    A conversation is one LinkedIn conversation id (imported messages), or all
    messages with one contact (messages logged or from the sample). Its person is
    the contact of its latest message; ``messages`` counts both directions.

    Parameters
    ----------
    net : Network
    today : date
        Messages after it are not counted.
    n : int, default 15

    Returns
    -------
    list of Conversation
        Latest first; no message text.
    """
    end = _end_of(today)
    interactions = net.interactions
    index = _index(net)
    if index is not None:
        columns = index.contact_columns(net.contacts)
        rows, groups, conv_ids, memo = _conversation_groups(net, index)
        want = max(n, 0)
        found, counts = metrics_index.latest_groups(index, rows, groups,
                                                    metrics_index.us_of(end), want, memo)
        latest = {conv_ids[group]: (index.keys[index.code[row]], when)
                  for group, (row, when) in found.items()}
        ranked = heapq.nlargest(want, latest.items(), key=lambda kv: (kv[1][1], kv[0]))
        code_of = {conv: group for group, conv in enumerate(conv_ids)}
        found = [(conv, key, columns.position(key), when) for conv, (key, when) in ranked]
        return [Conversation(conv, key, "" if at is None else columns.contacts[at].name,
                             metrics_index.datetime_of(when), int(counts[code_of[conv]]))
                for conv, key, at, when in found]
    names = {key: contact.name for key, contact in _keyed_contacts(net.contacts, net)}
    messages, whens, convs, order = _derived(net, "conversations", interactions,
                                             lambda: _conversations(interactions))
    counts = Counter(compress(convs, map(end.__gt__, whens)))
    counts.pop(None, None)
    # the latest message of each conversation: walk from the latest (a stable sort keeps
    # file order among equal times, as the first one seen wins) until n conversations
    # are found and no later-sorted one can tie with the n-th
    latest: dict[str, tuple[str, datetime]] = {}
    want = max(n, 0)
    cutoff = None
    for i in order:
        when = whens[i]
        if when >= end:
            continue
        if cutoff is not None and when < cutoff:
            break
        conv = convs[i]
        if conv is None or conv in latest:
            continue
        latest[conv] = (messages[i].contact_key, when)
        if len(latest) == want:
            cutoff = when
    ranked = heapq.nlargest(want, latest.items(), key=lambda kv: (kv[1][1], kv[0]))
    latest = [(conv, (key, when, counts[conv])) for conv, (key, when) in ranked]
    return [Conversation(conv, key, names.get(key, ""), when, count)
            for conv, (key, when, count) in latest]


def apply_triage(net: Network, tags: dict[str, str], today: date | None = None) -> Network:
    """The network with the learner's give/ask tags on conversations counted as gives/asks.

    Each conversation tagged ``give`` or ``ask`` adds one outgoing interaction
    with that purpose, at the conversation's latest message, with its contact;
    ``both`` adds one of each; ``neither`` adds nothing. Untagged and unknown
    conversation ids are ignored. The records themselves are not changed.

    Parameters
    ----------
    net : Network
    tags : dict of str to str
        Conversation id (see :func:`recent_conversations`) -> one of
        :data:`TRIAGE_TAGS`.
    today : date, optional
        Defaults to ``net.today()``.

    Returns
    -------
    Network
        A new Network sharing the records, with the added interactions.
    """
    if not tags:
        return net
    today = resolve_today(today, net)
    latest: dict[str, tuple[str, datetime]] = {}
    for item in net.interactions:
        conv = _conversation_of(item)
        if conv is None or conv not in tags or not item.contact_key:
            continue
        when = naive_datetime(item.when)
        if conv not in latest or when > latest[conv][1]:
            latest[conv] = (item.contact_key, when)
    added = []
    for conv, (key, when) in sorted(latest.items()):
        tag = tags.get(conv)
        purposes = {"give": ("give",), "ask": ("ask",), "both": ("give", "ask")}.get(tag, ())
        for purpose in purposes:
            added.append(Interaction(when=when, channel="linkedin_message", direction="out",
                                     purpose=purpose, contact_key=key, source="triage",
                                     source_ref=f"{conv}|{purpose}"))
    if not added:
        return net
    return Network(contacts=net.contacts, interactions=[*net.interactions, *added],
                   events=net.events, commitments=net.commitments, label=net.label,
                   is_sample=net.is_sample, as_of=net.as_of)
