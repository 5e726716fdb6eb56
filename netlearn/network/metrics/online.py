"""Mistake 4 (notebook 04): networking only offline, or only online without a personal
touch, and taking part online over time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from netlearn.network.metrics.common import (
    Share,
    contacts_by_key,
    end_of_day,
    month_start,
    months_back,
    naive_datetime,
    window,
)
from netlearn.network.records import CHANNELS, ONLINE_CHANNELS, Interaction, Network

__all__ = [
    "IN_PERSON_CHANNELS",
    "LINKEDIN_CHANNELS",
    "OnlineMix",
    "ParticipationMonth",
    "in_person_also_online",
    "invitation_note_share",
    "online_mix",
    "participation_by_month",
    "participation_kind",
]

IN_PERSON_CHANNELS = frozenset({"in_person", "event"})
LINKEDIN_CHANNELS = frozenset({"linkedin_message", "linkedin_invitation"})
#: An imported LinkedIn activity's ``source_ref`` starts with its kind: "share:…" is a post.
_PARTICIPATION_PREFIXES = {"share": "post", "comment": "comment", "reaction": "reaction"}


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
class ParticipationMonth:
    """Posts, comments and reactions in one calendar month (``month`` is its first day)."""

    month: date
    posts: int
    comments: int
    reactions: int


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
    start, end = window(today, days)
    by_channel = dict.fromkeys(CHANNELS, 0)
    for item in net.interactions:
        if start <= naive_datetime(item.when) < end:
            by_channel[item.channel] = by_channel.get(item.channel, 0) + 1
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
    met_keys: set[str] = set()
    linkedin_keys: set[str] = set()
    for item in net.interactions:
        if item.channel in IN_PERSON_CHANNELS:
            met_keys.add(item.contact_key)
        elif item.channel in LINKEDIN_CHANNELS:
            linkedin_keys.add(item.contact_key)
    part = whole = 0
    for key, contact in contacts_by_key(net.contacts).items():
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
    part = whole = 0
    for item in net.interactions:
        if item.channel == "linkedin_invitation" and item.direction == "out":
            whole += 1
            part += bool(item.personal_note)
    return Share(part, whole)


def participation_kind(item: Interaction) -> str | None:
    """``"post"``, ``"comment"`` or ``"reaction"`` for online participation, else None.

    Imported LinkedIn records are told apart by their ``source_ref`` (see
    :func:`netlearn.importers.linkedin_complete.activity_kind`); anything else logged
    on channel ``post`` with no contact is a post.

    Parameters
    ----------
    item : Interaction

    Returns
    -------
    str or None
    """
    if item.channel != "post":
        return None
    if item.source == "linkedin":
        return _PARTICIPATION_PREFIXES.get(item.source_ref.split(":", 1)[0])
    return None if item.contact_key else "post"


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
    last = month_start(today)
    end = end_of_day(today)
    start = datetime.combine(months_back(last, months - 1), time())
    counts: Counter = Counter()  # (month, kind) -> count
    for item in net.interactions:
        kind = participation_kind(item)
        if kind is None:
            continue
        when = naive_datetime(item.when)
        if start <= when < end:
            counts[month_start(when.date()), kind] += 1
    result = []
    for offset in range(months - 1, -1, -1):
        month = months_back(last, offset)
        result.append(ParticipationMonth(month, counts[month, "post"], counts[month, "comment"],
                                         counts[month, "reaction"]))
    return result
