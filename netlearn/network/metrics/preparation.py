"""Mistake 1 (notebook 01): showing up to events unprepared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netlearn.network.records import Event, Network

__all__ = ["Preparation", "awaiting_retro", "past_attended_events", "preparation_rate"]


@dataclass(slots=True)
class Preparation:
    """Result of :func:`preparation_rate`."""

    events: int
    fully_prepared: int
    rate: float | None
    mean_items: float | None
    item_shares: dict[str, float]


def past_attended_events(events: list[Event], today: date) -> list[Event]:
    """Attended events up to ``today`` whose checklist the learner has answered.

    Parameters
    ----------
    events : list of Event
        Typically ``net.events``.
    today : date
        Events after this day are left out.

    Returns
    -------
    list of Event
        In the order of ``events``.
    """
    return [event for event in events
            if event.attended and event.day <= today and event.reviewed]


def awaiting_retro(net: Network, today: date) -> list[Event]:
    """Imported past events waiting for the learner's one-minute retro (latest first).

    They are left out of :func:`preparation_rate` until answered, rather than
    counted as 0 % prepared.

    Parameters
    ----------
    net : Network
    today : date
        Events after this day are not past yet.

    Returns
    -------
    list of Event
        Latest day first (ties: title, last first).
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
    events = past_attended_events(net.events, today)
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
