"""The plain counts behind every metric, for the anonymised summary a learner hands on."""

from __future__ import annotations

from datetime import date

from netlearn.network.metrics.common import contacts_by_key
from netlearn.network.metrics.follow_up import follow_up, overdue_commitments
from netlearn.network.metrics.giving import give_ask_ratio
from netlearn.network.metrics.online import (
    in_person_also_online,
    invitation_note_share,
    online_mix,
)
from netlearn.network.metrics.preparation import past_attended_events, preparation_rate
from netlearn.network.metrics.upkeep import (
    cadence_overdue,
    dormant_reconnected,
    gone_cold,
    reconnect_pool,
)
from netlearn.network.records import Network

__all__ = ["summary_counts"]


def summary_counts(net: Network, today: date) -> dict[str, int]:
    """Plain counts behind every metric, with no names or free text.

    The counts are the numerators and denominators of the metrics, computed
    with their default parameters (90-day give/ask window, 365-day follow-up
    and online windows, 90-day cold threshold, 3-year dormancy); the
    anonymised summary a learner hands to a facilitator is built from them.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date
        The day to measure from.

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
    follow = follow_up(net, today)
    mix = online_mix(net, today)
    in_person = in_person_also_online(net)
    notes = invitation_note_share(net)
    contacts = contacts_by_key(net.contacts).values()
    return {
        "contacts": len(net.contacts),
        "interactions": len(net.interactions),
        "events": len(net.events),
        "commitments": len(net.commitments),
        "events_attended": prep.events,
        "events_fully_prepared": prep.fully_prepared,
        "event_checklist_items_done": sum(
            event.prepared_items for event in past_attended_events(net.events, today)
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
        "close_gone_cold_90d": len(gone_cold(net, today)),
        "cadence_contacts": sum(bool(contact.cadence_days) for contact in contacts),
        "cadence_overdue": len(cadence_overdue(net, today)),
        "dormant_reconnected_3y": len(dormant_reconnected(net, today)),
        "reconnect_candidates": len(reconnect_pool(net, today)),
    }
