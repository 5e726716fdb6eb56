"""Mistake 5 (notebook 05): letting relationships go cold. Recency, keep-in-touch cadence,
dormant ties and whom to reconnect with, and the close contacts they are measured on."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from netlearn.network.metrics.common import (
    Share,
    contacts_by_key,
    network_timelines,
    window,
)
from netlearn.network.records import Network

__all__ = [
    "COLD_DAYS",
    "DORMANT_DAYS",
    "INNER_CADENCE_DAYS",
    "INNER_LAYER",
    "OUTER_CADENCE_DAYS",
    "RECENCY_HALF_LIFE_DAYS",
    "SUGGEST_MAX",
    "SUGGEST_MIN_INTERACTIONS",
    "CadenceOverdue",
    "CloseSuggestion",
    "DormantTie",
    "ReconnectCandidate",
    "Recency",
    "cadence_overdue",
    "close_contacts_or_suggested",
    "close_in_touch",
    "dormant_reconnected",
    "gone_cold",
    "reconnect_candidates",
    "reconnect_pool",
    "recency",
    "suggest_close_contacts",
]

COLD_DAYS = 90
DORMANT_DAYS = 3 * 365  # Levin, Walter & Murnighan (2011): no contact for 3+ years
#: Practice guidance (notebook 05): close contacts monthly, the next layer every month or two.
INNER_CADENCE_DAYS = 30
OUTER_CADENCE_DAYS = 60
INNER_LAYER = 5
SUGGEST_MAX = 15
SUGGEST_MIN_INTERACTIONS = 3
RECENCY_HALF_LIFE_DAYS = 90


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


# --------------------------------------------------------------------------- recency


def recency(net: Network, today: date) -> list[Recency]:
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

    Returns
    -------
    list of Recency
        In the order of ``net.contacts``.
    """
    return list(_recency_rows(net, today))


def _recency_rows(net: Network, today: date) -> Iterator[Recency]:
    """The rows of :func:`recency` one at a time, so that a caller keeping a few of them
    frees the others at once instead of leaving a row per contact to the garbage collector."""
    timelines = network_timelines(net, today)
    for key, contact in contacts_by_key(net.contacts).items():
        timeline = timelines.get(key)
        if timeline is None:
            yield Recency(key, contact.name, contact.close, None, None, 0)
            continue
        last = timeline.last.date()
        yield Recency(key, contact.name, contact.close, last, (today - last).days,
                      len(timeline))


def gone_cold(net: Network, today: date, days: int = COLD_DAYS,
              close_only: bool = True) -> list[Recency]:
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

    Returns
    -------
    list of Recency
        Most overdue first (largest ``days_since``), ties by name.
    """
    cold = [row for row in _recency_rows(net, today)
            if row.last is not None and row.days_since >= days
            and (row.close or not close_only)]
    return sorted(cold, key=lambda row: (-row.days_since, row.name, row.contact_key))


def cadence_overdue(net: Network, today: date) -> list[CadenceOverdue]:
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

    Returns
    -------
    list of CadenceOverdue
        Most overdue first, ties by name.
    """
    timelines = network_timelines(net, today)
    overdue = []
    for key, contact in contacts_by_key(net.contacts).items():
        cadence = contact.cadence_days
        timeline = timelines.get(key)
        if not cadence or cadence <= 0 or timeline is None:
            continue
        last = timeline.last.date()
        since = (today - last).days
        if since > cadence:
            overdue.append(
                CadenceOverdue(key, contact.name, cadence, last, since, since - cadence)
            )
    overdue.sort(key=lambda entry: (-entry.days_overdue, entry.name, entry.contact_key))
    return overdue


#: At most this many past interactions reads as "spent little time together" in a reason.
FEW_INTERACTIONS = 3


def dormant_reconnected(net: Network, today: date,
                        dormant_days: int = DORMANT_DAYS) -> list[DormantTie]:
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

    Returns
    -------
    list of DormantTie
        Most recent reconnection first.
    """
    timelines = network_timelines(net, today)
    ties = []
    for key, contact in contacts_by_key(net.contacts).items():
        timeline = timelines.get(key)
        if timeline is None:
            continue
        if (timeline.last.date() - timeline.whens[0].date()).days < dormant_days:
            continue  # no gap can be longer than from the first date to the last
        days = timeline.days
        for index in range(len(days) - 1, 0, -1):  # the latest gap first
            before, after = days[index - 1], days[index]
            gap = (after - before).days
            if gap >= dormant_days:
                ties.append(DormantTie(key, contact.name, before, after, gap))
                break
    ties.sort(key=lambda tie: (tie.reconnected_on, tie.name, tie.contact_key), reverse=True)
    return ties


def reconnect_pool(net: Network, today: date, cold_days: int = COLD_DAYS) -> list[Recency]:
    """Every tie :func:`reconnect_candidates` ranks: an actual relationship gone quiet.

    Definition: contacts with at least two interactions up to ``today`` (not a
    single encounter) whose last interaction is at least ``cold_days`` days
    before ``today``.

    Parameters
    ----------
    net : Network
    today : date
    cold_days : int, default 90

    Returns
    -------
    list of Recency
        In the order of ``net.contacts``.
    """
    return [row for row in _recency_rows(net, today)
            if row.interactions >= 2 and row.days_since >= cold_days]


def reconnect_candidates(net: Network, today: date, n: int = 10,
                         cold_days: int = COLD_DAYS) -> list[ReconnectCandidate]:
    """Cold or dormant ties worth reconnecting with, ranked.

    Definition: the ties of :func:`reconnect_pool` (at least two interactions up
    to ``today``, so people the learner really had contact with, the last at
    least ``cold_days`` days before ``today``), ranked the way the evidence
    points: ties dormant for three years or more first (Levin, Walter &
    Murnighan, 2011: executives got more novel advice from such ties), then the
    ties with *fewer* past interactions (Walter, Levin & Murnighan, 2015: people
    prefer the dormant ties they were closest to, but the ones they had spent
    less time with were worth more), then the longer silence, then the name; the
    first ``n`` are returned. Status, their other finding, is not in the data.
    ``reason`` is one line saying why the tie ranks where it does.

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

    Returns
    -------
    list of ReconnectCandidate
    """
    ranked = sorted(
        reconnect_pool(net, today, cold_days),
        key=lambda row: (row.days_since < DORMANT_DAYS, row.interactions, -row.days_since,
                         row.name, row.contact_key),
    )
    candidates = []
    for row in ranked[:max(n, 0)]:
        reason = (
            f"{row.days_since} days since your last contact, "
            f"after only {row.interactions} interactions"
            if row.interactions <= FEW_INTERACTIONS else
            f"{row.days_since} days since your last contact, after {row.interactions} interactions"
        )
        if row.days_since >= DORMANT_DAYS:
            reason += "; quiet for 3+ years: likely to know things you don't"
        if row.close:
            reason += "; marked as a close contact"
        candidates.append(ReconnectCandidate(
            row.contact_key, row.name, row.close, row.last, row.days_since,
            row.interactions, reason,
        ))
    return candidates


# --------------------------------------------------------------------------- close contacts


def suggest_close_contacts(net: Network, today: date, days: int = 365,
                           limit: int = SUGGEST_MAX) -> list[CloseSuggestion]:
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

    Returns
    -------
    list of CloseSuggestion
        Highest score first; contacts already marked close are left out.
    """
    timelines = network_timelines(net, today)
    start, _ = window(today, days)
    scored = []
    for key, contact in contacts_by_key(net.contacts).items():
        timeline = timelines.get(key)
        if contact.close or timeline is None:
            continue
        first = bisect_left(timeline.whens, start)
        recent = [when for item, when in zip(timeline.items[first:], timeline.whens[first:],
                                             strict=True)
                  if item.channel != "post"]
        if len(recent) < SUGGEST_MIN_INTERACTIONS:
            continue
        score = sum(0.5 ** ((today - when.date()).days / RECENCY_HALF_LIFE_DAYS)
                    for when in recent)
        scored.append((score, len(recent), contact.name, key, recent[-1].date()))
    scored.sort(key=lambda entry: (-entry[0], -entry[1], entry[2], entry[3]))
    suggestions = []
    for rank, (score, count, name, key, last) in enumerate(scored[:max(limit, 0)]):
        since = (today - last).days
        suggestions.append(CloseSuggestion(
            key, name, count, last, since, round(score, 3),
            INNER_CADENCE_DAYS if rank < INNER_LAYER else OUTER_CADENCE_DAYS,
            f"{count} interactions in the last {days} days, the latest {since} days ago"))
    return suggestions


def close_contacts_or_suggested(net: Network, today: date) -> tuple[list[str], bool]:
    """The contact keys counted as close: those marked close, else the suggestions.

    Parameters
    ----------
    net : Network
    today : date

    Returns
    -------
    tuple of (list of str, bool)
        The keys, and whether they are suggestions of :func:`suggest_close_contacts`
        (nobody marked close yet).
    """
    marked = [key for key, contact in contacts_by_key(net.contacts).items() if contact.close]
    if marked:
        return marked, False
    return [suggestion.contact_key for suggestion in suggest_close_contacts(net, today)], True


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
    timelines = network_timelines(net, today)
    part = 0
    for key in keys:
        timeline = timelines.get(key)
        if timeline is not None and (today - timeline.last.date()).days <= days:
            part += 1
    return Share(part, len(keys))
