"""iCalendar import: recurrence, attendees, all-day and time-zone events, broken input."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from netlearn.importers import ics, read
from netlearn.plumbing.errors import InputError
from tests.helpers import learner_time_zone

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = date(2026, 2, 1)


@pytest.fixture(scope="module")
def calendar():
    with learner_time_zone("Europe/Berlin"):  # a learner in Berlin, as the events are
        return ics.read_ics(FIX / "calendar.ics", today=TODAY)


def test_events_titles_days_and_refs(calendar):
    got = sorted((e.day, e.title, e.source_ref) for e in calendar.events)
    assert got == [
        (date(2025, 10, 15), "Meetup without UID", got[0][2]),
        (date(2025, 11, 20), "Fake Data Conference", "conf-2025@example.com"),
        (date(2025, 12, 10), "Informational interview", "video-1@example.com"),
        (date(2026, 1, 5), "Weekly coffee chat", "weekly-coffee@example.com|2026-01-05"),
        # the 12 January occurrence was moved to the 13th (RECURRENCE-ID)
        (date(2026, 1, 13), "Weekly coffee chat (moved)", "weekly-coffee@example.com|2026-01-12"),
        # 19 January is an EXDATE
        (date(2026, 1, 26), "Weekly coffee chat", "weekly-coffee@example.com|2026-01-26"),
        (date(2026, 2, 2), "Weekly coffee chat", "weekly-coffee@example.com|2026-02-02"),
        (date(2026, 2, 9), "Weekly coffee chat", "weekly-coffee@example.com|2026-02-09"),
    ]
    assert got[0][2].startswith("h:")  # no UID: a stable hash
    assert all(e.source == "ics" for e in calendar.events)


def test_future_occurrences_are_not_attended_and_have_no_interactions(calendar):
    attended = {e.day: e.attended for e in calendar.events}
    assert attended[date(2026, 1, 26)] is True
    assert attended[date(2026, 2, 2)] is False
    assert all(i.when.date() <= TODAY for i in calendar.interactions)


def test_attendees_become_contacts_and_interactions(calendar):
    contacts = {c.source_ref: c for c in calendar.contacts}
    # the calendar's owner (X-WR-CALNAME), a declined attendee and a room are left out
    assert sorted(contacts) == ["ada@example.com", "bo@example.org", "zed@example.net"]
    assert contacts["ada@example.com"].name == "Ada Example"
    assert contacts["ada@example.com"].email == "ada@example.com"
    assert all(c.source == "ics" for c in contacts.values())
    got = sorted((i.when, i.channel, i.contact_key) for i in calendar.interactions)
    assert got == [
        (datetime(2025, 10, 15, 18, 0), "video", "ics:bo@example.org"),  # zoom link
        (datetime(2025, 12, 10, 17, 0), "video", "ics:zed@example.net"),  # 16:00 UTC
        (datetime(2026, 1, 5, 8, 30), "in_person", "ics:ada@example.com"),
        (datetime(2026, 1, 13, 9, 0), "in_person", "ics:ada@example.com"),
        (datetime(2026, 1, 26, 8, 30), "in_person", "ics:ada@example.com"),
    ]
    assert all(i.purpose == "meet" and i.source == "ics" for i in calendar.interactions)
    assert len({i.source_ref for i in calendar.interactions}) == 5
    coffee = next(e for e in calendar.events if e.day == date(2026, 1, 5))
    assert coffee.attendee_keys == ["ics:ada@example.com"]
    assert coffee.location == "Cafe Placeholder, Fake Street 1"


def test_timezone_aware_start_keeps_the_local_wall_clock(calendar):
    coffee = [i for i in calendar.interactions if i.contact_key == "ics:ada@example.com"]
    assert coffee[0].when == datetime(2026, 1, 5, 8, 30)  # 08:30 Europe/Berlin
    assert coffee[0].when.tzinfo is None


def test_bad_dtstart_skipped_with_its_line_and_cancelled_left_out(calendar):
    assert [(s.line, s.reason) for s in calendar.skipped] == [
        (46, "DTSTART is not a date: 'next tuesday'"),
    ]
    assert "Cancelled lunch" not in {e.title for e in calendar.events}


def test_recurrence_is_bounded():
    batch = ics.read_ics(FIX / "recurring_forever.ics", today=TODAY)
    daily = [e for e in batch.events if e.title == "Daily stand-up"]
    # first occurrence always kept, then at most 1,000 from two years back
    assert len(daily) == 1 + ics.MAX_OCCURRENCES
    assert daily[0].day == date(2020, 1, 1)
    assert daily[1].day == date(2024, 2, 2)
    assert max(e.day for e in daily) <= date(2027, 2, 1)
    monthly = sorted(e.day for e in batch.events if e.title == "Monthly mixer")
    assert monthly == [date(2025, 1, 15), date(2025, 2, 15), date(2025, 3, 15),
                       date(2025, 4, 15)]
    assert all(e.attended for e in batch.events if e.title == "Monthly mixer")


def test_reimport_is_stable():
    a = ics.read_ics(FIX / "calendar.ics", today=TODAY)
    b = ics.read_ics(FIX / "calendar.ics", today=TODAY)
    assert [e.source_ref for e in a.events] == [e.source_ref for e in b.events]
    assert [i.source_ref for i in a.interactions] == [i.source_ref for i in b.interactions]


def test_owner_found_as_the_address_in_most_events(tmp_path):
    events = "".join(
        f"BEGIN:VEVENT\nUID:e{n}\nSUMMARY:Chat {n}\nDTSTART:2025010{n}T100000\n"
        f"ATTENDEE:mailto:me@example.com\nATTENDEE;CN=P{n}:mailto:p{n}@example.com\n"
        "END:VEVENT\n" for n in range(1, 4))
    f = tmp_path / "mine.ics"
    f.write_text(f"BEGIN:VCALENDAR\nVERSION:2.0\n{events}END:VCALENDAR\n", encoding="utf-8")
    batch = ics.read_ics(f, today=TODAY)
    assert sorted(c.source_ref for c in batch.contacts) == [
        "p1@example.com", "p2@example.com", "p3@example.com"]


def test_looks_like_video():
    assert ics.looks_like_video("https://us02web.zoom.us/j/1")
    assert ics.looks_like_video("", "Teams: https://teams.microsoft.com/l/meetup-join/x")
    assert not ics.looks_like_video("Room 4, Example Street")


@pytest.mark.parametrize("name, data, words", [
    ("empty.ics", b"", "empty"),
    ("picture.ics", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ("contacts.ics", b"BEGIN:VCARD\nFN:A\nEND:VCARD\n", "not an iCalendar"),
    ("garbage.ics", b"BEGIN:VCALENDAR\nthis is not a content line\nEND:VCALENDAR\n",
     "not a valid iCalendar"),
])
def test_broken_file_is_refused_with_one_line(tmp_path, name, data, words):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        read("ics", f)
    text = str(err.value)
    assert "\n" not in text and str(f) in text and words in text


def test_truncated_calendar_is_refused(tmp_path):
    f = tmp_path / "cut.ics"
    f.write_bytes((FIX / "calendar.ics").read_bytes()[:700])
    with pytest.raises(InputError) as err:
        read("ics", f)
    assert "truncated" in str(err.value) and str(f) in str(err.value)


def test_calendar_without_events_is_refused():
    with pytest.raises(InputError) as err:
        read("ics", FIX / "no_events.ics")
    assert "no events" in str(err.value)
    assert str(FIX / "no_events.ics") in str(err.value)


@pytest.mark.parametrize("rule, count", [
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", 1),  # never matches: only DTSTART
    ("FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31", 1),
    ("FREQ=DAILY;INTERVAL=7;BYDAY=MO", 1),  # every 7 days from a Wednesday: never Monday
    ("FREQ=DAILY;INTERVAL=7;BYDAY=WE", 109),
    ("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", 4),  # DTSTART (a Wednesday) is always the first
    ("FREQ=SECONDLY", 1),  # not expanded
])
def test_pathological_rules_expand_to_a_bounded_count(tmp_path, rule, count):
    """How long they take is a row of bench/run.py (``--only ics``), not a unit-test assert."""
    f = tmp_path / "rule.ics"
    f.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:r\nSUMMARY:R\n"
                 f"DTSTART:20250101T100000\nRRULE:{rule}\nEND:VEVENT\nEND:VCALENDAR\n",
                 encoding="utf-8")
    batch = ics.read_ics(f, today=TODAY)
    assert len(batch.events) == count
