"""Turn a network into calendar reminders (keep in touch, follow up, commitments) as iCalendar."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from netlearn.network.records import Network

PRODID = "-//netlearn//networking reminders//EN"
FOLLOW_UP_AFTER_DAYS = 2
FOLLOW_UP_WINDOW_DAYS = 30  # people met longer ago than this get no follow-up reminder
KINDS = ("keep-in-touch", "follow-up", "commitment", "check-in")


@dataclass(frozen=True)
class Reminder:
    """One all-day reminder.

    ``uid`` is stable across exports: a hash of the record's source and
    source reference plus the reminder kind.
    """

    kind: str
    day: date
    summary: str
    description: str
    uid: str
    subject: str = ""  # the contact's name, or the commitment's text


def reminder_uid(kind: str, source: str, source_ref: str) -> str:
    """Return a stable UID for a reminder about one record."""
    digest = hashlib.sha256(f"{kind}\x1f{source}\x1f{source_ref}".encode()).hexdigest()
    return f"{digest[:32]}@netlearn"


def _record_ref(record, fallback: str) -> tuple[str, str]:
    source = getattr(record, "source", "") or "manual"
    ref = getattr(record, "source_ref", "") or fallback
    return source, ref


def _meeting_day(contact, items) -> date | None:
    for item in items:
        if item.purpose == "meet":
            return item.when.date()
    return contact.met_on


def checkin_reminder(day: date) -> Reminder:
    """Return the reminder for the course check-in (notebook 07) on ``day``."""
    return Reminder(
        "check-in", day, "netlearn check-in: open notebook 07",
        "Your networking course check-in. Open notebooks/07-check-in.ipynb: a short quiz from "
        "memory, your self-ratings once more, and a look at your 30-day commitments. About 20 "
        "minutes.", reminder_uid("check-in", "netlearn", "07-check-in"), "07-check-in")


def reminders(net: Network, today: date, checkin: date | None = None) -> list[Reminder]:
    """Return the reminders for ``net`` as of ``today``, sorted by day, kind and summary.

    - *keep-in-touch*: every contact with a cadence; due on the last touch
      (latest interaction up to ``today``, else the day met, else the day
      connected) plus the cadence, or ``today`` when that has passed or the
      contact was never in touch.
    - *follow-up*: people met in the last 30 days (first ``meet`` interaction,
      else ``met_on``) with no outgoing, non-meeting interaction since; due
      two days after the meeting, or ``today`` when that has passed.
    - *commitment*: every open commitment, on its due date, or ``today`` when
      overdue.
    - *check-in*: the course check-in (notebook 07) on ``checkin``, when given
      and not in the past.

    Parameters
    ----------
    net : Network
        The learner's network.
    today : date
        The day reminders are computed for.
    checkin : date, optional
        The check-in date the learner picked in notebook 06.

    Returns
    -------
    list of Reminder
    """
    from netlearn.network.metrics import contact_timelines

    timelines = contact_timelines(net.interactions, today)
    names = {}
    result = []
    seen = set()
    for index, contact in enumerate(net.contacts):
        if contact.key in seen:
            continue
        seen.add(contact.key)
        names[contact.key] = contact.name
        source, ref = _record_ref(contact, f"{contact.name}|{contact.email}|{index}")
        timeline = timelines.get(contact.key)
        items = timeline.items if timeline is not None else []
        if contact.cadence_days and contact.cadence_days > 0:
            touches = [d for d in (timeline.days[-1] if timeline else None, contact.met_on,
                                   contact.connected_on) if d is not None and d <= today]
            last = max(touches) if touches else None
            due = last + timedelta(days=contact.cadence_days) if last else today
            lines = [f"Your keep-in-touch cadence with {contact.name}: every "
                     f"{contact.cadence_days} days."]
            if last:
                lines.append(f"Last in touch: {last.isoformat()} ({(today - last).days} days "
                             f"before {today.isoformat()}).")
            else:
                lines.append("No contact recorded yet.")
            if due < today:
                lines.append(f"Overdue since {due.isoformat()}.")
            lines.append("A short, specific message is enough: share something useful, "
                         "congratulate, or ask how a project went.")
            result.append(Reminder(
                "keep-in-touch", max(due, today), f"Keep in touch: {contact.name}",
                "\n".join(lines), reminder_uid("keep-in-touch", source, ref), contact.name))
        met = _meeting_day(contact, items)
        if met is None or met > today or (today - met).days > FOLLOW_UP_WINDOW_DAYS:
            continue
        followed = any(
            item.direction == "out" and item.purpose != "meet" and item.when.date() >= met
            for item in items
        )
        if followed:
            continue
        due = met + timedelta(days=FOLLOW_UP_AFTER_DAYS)
        result.append(Reminder(
            "follow-up", max(due, today), f"Follow up: {contact.name}",
            f"You met {contact.name} on {met.isoformat()}. Send a short, personal follow-up: "
            "their name, something specific you discussed, and a next step or offer.",
            reminder_uid("follow-up", source, ref), contact.name))
    for index, item in enumerate(net.commitments):
        if item.done or item.dropped:
            continue
        source, ref = _record_ref(item, f"{item.text}|{item.due}|{index}")
        who = names.get(item.contact_key, "")
        lines = [item.text + (f" (for {who})" if who else "")]
        lines.append(f"Due {item.due.isoformat()}" + (" — overdue." if item.due < today else "."))
        result.append(Reminder(
            "commitment", max(item.due, today), f"Commitment: {item.text}",
            "\n".join(lines), reminder_uid("commitment", source, ref), item.text))
    if checkin is not None and checkin >= today:
        result.append(checkin_reminder(checkin))
    result.sort(key=lambda r: (r.day, KINDS.index(r.kind), r.summary, r.uid))
    return result


def reminder_calendar(net: Network, today: date, stamp: datetime | None = None,
                      checkin: date | None = None) -> bytes:
    """Return the network's reminders as an iCalendar (RFC 5545) file.

    One all-day VEVENT per :func:`reminders` entry, with PRODID, VERSION,
    a stable UID, DTSTAMP, DTSTART/DTEND as ``VALUE=DATE``, SUMMARY,
    DESCRIPTION and CATEGORIES; the events are marked free time
    (``TRANSP:TRANSPARENT``). Contact names appear in the file: it is the
    learner's own.

    Parameters
    ----------
    net : Network
        The learner's network.
    today : date
        The day reminders are computed for.
    stamp : datetime, optional
        DTSTAMP for every event (UTC); defaults to now.
    checkin : date, optional
        The course check-in date, added as a reminder (see :func:`reminders`).

    Returns
    -------
    bytes
        The ``.ics`` file contents (CRLF line endings, UTF-8).
    """
    from icalendar import Calendar, Event

    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "netlearn reminders")
    for item in reminders(net, today, checkin):
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp.astimezone(timezone.utc))
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
