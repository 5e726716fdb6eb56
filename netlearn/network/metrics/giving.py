"""Mistake 2 (notebook 02): taking more than giving, and the give/ask tags a learner puts
on recent LinkedIn conversations."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from netlearn.network.metrics.common import (
    contacts_by_key,
    end_of_day,
    month_start,
    months_back,
    naive_datetime,
    window,
)
from netlearn.network.records import Interaction, Network
from netlearn.plumbing.clock import resolve_today

__all__ = [
    "TRIAGE_TAGS",
    "Conversation",
    "GiveAsk",
    "MonthCount",
    "apply_triage",
    "give_ask_ratio",
    "recent_conversations",
]

TRIAGE_TAGS = ("give", "ask", "both", "neither")
_TAGGED_PURPOSES = {"give": ("give",), "ask": ("ask",), "both": ("give", "ask")}


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
class Conversation:
    """A recent LinkedIn conversation for give/ask triage (never its text)."""

    conversation_id: str
    contact_key: str
    name: str
    last: datetime
    messages: int


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
    start, end = window(today, days)
    last_month = month_start(today)
    first_month = datetime.combine(months_back(last_month, months - 1), time())
    in_window: Counter = Counter()  # purpose -> count
    per_month: Counter = Counter()  # (month, purpose) -> count
    for item in net.interactions:
        if item.direction != "out" or item.purpose not in ("give", "ask"):
            continue
        when = naive_datetime(item.when)
        if when >= end:
            continue
        if when >= start:
            in_window[item.purpose] += 1
        if when >= first_month:
            per_month[month_start(when.date()), item.purpose] += 1
    by_month = []
    for offset in range(months - 1, -1, -1):
        month = months_back(last_month, offset)
        by_month.append(MonthCount(month, per_month[month, "give"], per_month[month, "ask"]))
    gives, asks = in_window["give"], in_window["ask"]
    return GiveAsk(
        gives=gives,
        asks=asks,
        ratio=gives / asks if asks else None,
        days=days,
        by_month=by_month,
    )


def _conversation_of(item: Interaction) -> str | None:
    """A LinkedIn message's conversation id, else None (not a message, or nobody's).

    An imported message carries its conversation id in ``source_ref`` ("msg:ID|…");
    messages logged or from the sample make one conversation per source and contact.
    """
    if item.channel != "linkedin_message" or item.source == "triage" or not item.contact_key:
        return None  # triage's own gives/asks are not conversations
    ref = item.source_ref
    if item.source == "linkedin" and ref.startswith("msg:"):
        return ref[4:].split("|", 1)[0]
    return f"{item.source}:{item.contact_key}"


def _conversations(interactions: list[Interaction], end: datetime | None = None
                   ) -> tuple[dict[str, tuple[str, datetime]], Counter]:
    """Each conversation's latest message, as (contact key, naive time), and its number of
    messages, counting messages before ``end`` (all when None). Of messages at the same
    latest time, the first in the list is the latest."""
    latest: dict[str, tuple[str, datetime]] = {}
    counts: Counter = Counter()
    for item in interactions:
        conversation = _conversation_of(item)
        if conversation is None:
            continue
        when = naive_datetime(item.when)
        if end is not None and when >= end:
            continue
        counts[conversation] += 1
        if conversation not in latest or when > latest[conversation][1]:
            latest[conversation] = (item.contact_key, when)
    return latest, counts


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
        Latest first (the same time: the larger id first); no message text.
    """
    latest, counts = _conversations(net.interactions, end_of_day(today))
    names = {key: contact.name for key, contact in contacts_by_key(net.contacts).items()}
    ranked = heapq.nlargest(max(n, 0), latest.items(),
                            key=lambda pair: (pair[1][1], pair[0]))
    return [Conversation(conversation, key, names.get(key, ""), when, counts[conversation])
            for conversation, (key, when) in ranked]


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
    latest, _ = _conversations(net.interactions)
    added = []
    for conversation, (key, when) in sorted(latest.items()):
        for purpose in _TAGGED_PURPOSES.get(tags.get(conversation), ()):
            added.append(Interaction(when=when, channel="linkedin_message", direction="out",
                                     purpose=purpose, contact_key=key, source="triage",
                                     source_ref=f"{conversation}|{purpose}"))
    if not added:
        return net
    return Network(contacts=net.contacts, interactions=[*net.interactions, *added],
                   events=net.events, commitments=net.commitments, label=net.label,
                   is_sample=net.is_sample, as_of=net.as_of)
