"""reminders.ics: valid iCalendar with stable, unique UIDs and one event per due reminder."""

from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from netlearn.keep.reminders import PRODID, reminder_calendar, reminder_uid, reminders
from netlearn.network.records import Commitment, Contact, Interaction, Network
from netlearn.network.sample import DEFAULT_TODAY, sample_network

TODAY = date(2026, 3, 10)


def contact(name, ref, **fields):
    return Contact(name=name, source="manual", source_ref=ref, **fields)


def touch(person, day, purpose="check_in", direction="out"):
    return Interaction(when=datetime.combine(day, datetime.min.time()).replace(hour=12),
                       channel="email", direction=direction, purpose=purpose,
                       contact_key=person.key, source="manual",
                       source_ref=f"{person.source_ref}-{day}-{purpose}")


@pytest.fixture
def net():
    steady = contact("Ana Lima", "a", cadence_days=30)
    lapsed = contact("Bo Placeholder", "b", cadence_days=30)
    never = contact("Cy Never", "c", cadence_days=60)
    met_only = contact("Dee Met", "d", cadence_days=90, met_on=date(2026, 3, 1))
    new = contact("Eli New", "e", met_on=date(2026, 3, 9))
    followed = contact("Fay Followed", "f")
    long_ago = contact("Gil Old", "g", met_on=date(2025, 12, 1))
    return Network(
        contacts=[steady, lapsed, never, met_only, new, followed, long_ago],
        interactions=[
            touch(steady, date(2026, 3, 1)),
            touch(lapsed, date(2026, 1, 2)),
            touch(followed, date(2026, 3, 5), "meet"),
            touch(followed, date(2026, 3, 6), "follow_up"),
            touch(steady, date(2026, 4, 1)),  # after today: ignored
        ],
        commitments=[
            Commitment("Send Ana the checklist", date(2026, 3, 20), contact_key=steady.key,
                       source="manual", source_ref="k1"),
            Commitment("Intro Bo to Cy", date(2026, 3, 1), source="manual", source_ref="k2"),
            Commitment("Done already", date(2026, 3, 15), done=True, source="manual",
                       source_ref="k3"),
        ],
    )


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_reminder_dates_follow_the_rules(net):
    due = {(r.kind, r.subject): r.day for r in reminders(net, TODAY)}
    assert due == {
        ("keep-in-touch", "Ana Lima"): date(2026, 3, 31),  # last touch + 30
        ("keep-in-touch", "Bo Placeholder"): TODAY,  # overdue → today
        ("keep-in-touch", "Cy Never"): TODAY,  # never in touch → today
        ("keep-in-touch", "Dee Met"): date(2026, 5, 30),  # met_on + 90
        ("follow-up", "Dee Met"): TODAY,  # met 1 March, + 2 days has passed
        ("follow-up", "Eli New"): date(2026, 3, 11),  # met yesterday → + 2 days
        ("commitment", "Send Ana the checklist"): date(2026, 3, 20),
        ("commitment", "Intro Bo to Cy"): TODAY,  # overdue → today
    }


def test_reminders_are_sorted_by_day(net):
    days = [r.day for r in reminders(net, TODAY)]
    assert days == sorted(days)


def test_calendar_is_valid_icalendar(net):
    data = reminder_calendar(net, TODAY, stamp=datetime(2026, 3, 10, 8, tzinfo=timezone.utc))
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.rstrip().endswith(b"END:VCALENDAR")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    calendar = parse(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    events = calendar.walk("VEVENT")
    assert len(events) == 8
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert prop in event, prop
        start = event.decoded("DTSTART")
        assert type(start) is date  # all-day
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTEND") == start + timedelta(days=1)
        assert event.decoded("DTSTAMP") == datetime(2026, 3, 10, 8, tzinfo=timezone.utc)
    assert b"DTSTART;VALUE=DATE:20260320" in data
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Keep in touch: Ana Lima" in summaries
    assert "Follow up: Eli New" in summaries
    assert "Commitment: Send Ana the checklist" in summaries


def test_uids_are_unique_and_stable(net):
    first = parse(reminder_calendar(net, TODAY))
    later = parse(reminder_calendar(net, TODAY + timedelta(days=1),
                                    stamp=datetime(2027, 1, 1, tzinfo=timezone.utc)))
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert all(uid.endswith("@netlearn") for uid in uids)
    # the same records give the same UIDs on another day and with another DTSTAMP
    assert {str(e["UID"]) for e in later.walk("VEVENT")} == set(uids)
    assert reminder_uid("commitment", "manual", "k1") == reminder_uid("commitment", "manual",
                                                                      "k1")
    assert reminder_uid("follow-up", "manual", "d") != reminder_uid("keep-in-touch", "manual",
                                                                    "d")


def test_uid_depends_on_the_record_not_its_dates(net):
    uids = {r.subject: r.uid for r in reminders(net, TODAY) if r.kind == "keep-in-touch"}
    net.interactions.append(touch(net.contacts[0], date(2026, 3, 9)))
    moved = {r.subject: r.uid for r in reminders(net, TODAY) if r.kind == "keep-in-touch"}
    assert uids == moved


def test_sample_calendar_count_matches_its_inputs():
    net = sample_network()
    calendar = parse(reminder_calendar(net, DEFAULT_TODAY))
    events = calendar.walk("VEVENT")
    keep = sum(1 for c in net.contacts if c.cadence_days)
    open_items = sum(1 for c in net.commitments if not c.done)
    follow = sum(1 for r in reminders(net, DEFAULT_TODAY) if r.kind == "follow-up")
    assert len(events) == keep + open_items + follow
    kinds = [str(e["CATEGORIES"].cats[0]) for e in events]
    assert kinds.count("keep-in-touch") == keep
    assert kinds.count("commitment") == open_items
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_empty_network_gives_an_empty_calendar():
    calendar = parse(reminder_calendar(Network(), TODAY))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["PRODID"]) == PRODID


def test_names_are_escaped_by_icalendar():
    tricky = contact("Ana; Lima, \\ Jr.\nX", "t", cadence_days=30)
    calendar = parse(reminder_calendar(Network(contacts=[tricky]), TODAY))
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Keep in touch: Ana; Lima, \\ Jr.\nX"
