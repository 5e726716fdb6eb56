"""What several metric families share: comparable times, day windows and the interactions
grouped by contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from netlearn.network.records import Contact, Interaction, Network

__all__ = [
    "Share",
    "Timeline",
    "contact_timelines",
    "end_of_day",
    "interaction_times",
    "contacts_by_key",
    "month_start",
    "months_back",
    "naive_datetime",
    "network_timelines",
    "window",
]


@dataclass(slots=True)
class Share:
    """``part`` out of ``whole``; ``share`` is ``part / whole`` or None when ``whole`` is 0."""

    part: int
    whole: int

    @property
    def share(self) -> float | None:
        return self.part / self.whole if self.whole else None


# --------------------------------------------------------------------------- time


def naive_datetime(when) -> datetime:
    """Make interaction times comparable with each other.

    Parameters
    ----------
    when : datetime or date
        An interaction time, naive or timezone-aware, or a plain date.

    Returns
    -------
    datetime
        Naive: aware values converted to UTC, plain dates at midnight.
    """
    if isinstance(when, datetime):
        if when.tzinfo is None:
            return when
        return when.astimezone(timezone.utc).replace(tzinfo=None)
    return datetime.combine(when, time())


def interaction_times(interactions: list[Interaction]) -> list[datetime]:
    """Every interaction's time as a naive datetime, in the same order.

    Parameters
    ----------
    interactions : list of Interaction

    Returns
    -------
    list of datetime
        :func:`naive_datetime` of each ``item.when``.
    """
    return [naive_datetime(item.when) for item in interactions]


def end_of_day(today: date) -> datetime:
    """The first moment after ``today`` (the midnight that starts the next day).

    Parameters
    ----------
    today : date

    Returns
    -------
    datetime
        Naive; metrics count what happened strictly before it.
    """
    return datetime.combine(today + timedelta(days=1), time())


def window(today: date, days: int) -> tuple[datetime, datetime]:
    """The ``days`` calendar days ending with ``today``, as naive datetimes.

    Parameters
    ----------
    today : date
        The last day of the window.
    days : int
        How many calendar days (1: ``today`` alone).

    Returns
    -------
    tuple of (datetime, datetime)
        The first moment of the window and the first moment after it (exclusive).
    """
    return datetime.combine(today - timedelta(days=days - 1), time()), end_of_day(today)


def month_start(day: date) -> date:
    """The first day of ``day``'s calendar month.

    Parameters
    ----------
    day : date

    Returns
    -------
    date
    """
    return day.replace(day=1)


def months_back(month: date, count: int) -> date:
    """The first day of the calendar month ``count`` months before ``month``'s.

    Parameters
    ----------
    month : date
        The first day of a month.
    count : int
        How many months back (0: ``month`` itself).

    Returns
    -------
    date
    """
    number = month.year * 12 + month.month - 1 - count
    return date(number // 12, number % 12 + 1, 1)


# --------------------------------------------------------------------------- by contact


class Timeline:
    """One contact's interactions up to a given day, oldest first.

    ``items`` are the interactions and ``whens`` their times as naive datetimes, in the
    same order; ``last`` is the latest of ``whens`` and ``days`` their dates.
    """

    __slots__ = ("items", "whens")

    def __init__(self, items: list[Interaction], whens: list[datetime]):
        self.items = items
        self.whens = whens

    @property
    def last(self) -> datetime:
        return self.whens[-1]

    @property
    def days(self) -> list[date]:
        return [when.date() for when in self.whens]

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"Timeline({len(self.items)} interactions)"


def contact_timelines(interactions: list[Interaction], today: date) -> dict[str, Timeline]:
    """Group interactions by contact, sorted by time, dropping any after ``today``.

    Parameters
    ----------
    interactions : list of Interaction
        Typically ``net.interactions``.
    today : date
        Interactions after the end of this day are left out.

    Returns
    -------
    dict of str to Timeline
        Keyed by ``contact_key``; interactions with an empty key are left out. Equal
        times keep the order of ``interactions``.
    """
    end = end_of_day(today)
    timelines: dict[str, Timeline] = {}
    for item in interactions:
        key = item.contact_key
        when = naive_datetime(item.when)
        if not key or when >= end:
            continue
        timeline = timelines.get(key)
        if timeline is None:
            timelines[key] = timeline = Timeline([], [])
        timeline.items.append(item)
        timeline.whens.append(when)
    for timeline in timelines.values():
        items, whens = timeline.items, timeline.whens
        if whens != sorted(whens):  # the store's records come in time order, others may not
            order = sorted(range(len(whens)), key=whens.__getitem__)  # stable: ties keep order
            timeline.items = [items[i] for i in order]
            timeline.whens = [whens[i] for i in order]
    return timelines


def network_timelines(net: Network, today: date) -> dict[str, Timeline]:
    """:func:`contact_timelines` of ``net``'s interactions, built once per Network and day.

    Most metrics read the interactions by contact, and a notebook calls several of them
    on the same Network, so the grouping is kept in ``net.derived`` (it lives exactly as
    long as its data, and two networks never share one). It is reused while
    ``net.interactions`` holds the same records: the list comparison passes identical
    objects without looking inside them. A record edited in place is the same object, so
    :meth:`~netlearn.network.records.Network.changed` forgets the grouping after such an
    edit (the package never edits a built Network's records).

    Parameters
    ----------
    net : Network
    today : date

    Returns
    -------
    dict of str to Timeline
        Shared with later calls: read it, never change it.
    """
    name = f"timelines {today}"
    interactions = net.interactions
    kept = net.derived.get(name)
    if kept is not None and kept[0] == interactions:
        return kept[1]
    timelines = contact_timelines(interactions, today)
    net.derived[name] = (list(interactions), timelines)
    return timelines


def contacts_by_key(contacts: list[Contact]) -> dict[str, Contact]:
    """The contacts by key, a key only once (the first contact with it wins).

    Parameters
    ----------
    contacts : list of Contact
        Typically ``net.contacts``.

    Returns
    -------
    dict of str to Contact
        In the order of ``contacts``.
    """
    by_key: dict[str, Contact] = {}
    for contact in contacts:
        by_key.setdefault(contact.key, contact)
    return by_key
