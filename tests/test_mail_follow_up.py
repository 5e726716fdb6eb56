"""E-mail in the course's numbers: follow-up after a first meeting (03), upkeep (05), the
online share (04), counted by hand, through the importers, the store and the metrics."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netlearn.keep.ingest import import_file
from netlearn.network import metrics
from netlearn.network.records import Contact, Interaction, Network
from tests.fixtures import make_mailboxes
from tests.helpers import learner_time_zone

TODAY = date(2026, 2, 1)
SAM = make_mailboxes.SAM


def ics(*events: str) -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netlearn tests//EN\r\n"
            "X-WR-CALNAME:sam.learner@example.org\r\n" + "".join(events) + "END:VCALENDAR\r\n")


def vevent(uid: str, start: str, *attendees: str, extra: str = "") -> str:
    people = "".join(f"ATTENDEE;CN={name}:mailto:{address}\r\n" for name, address in
                     (a.split("|") for a in attendees))
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n{start}\r\n{extra}"
            f"SUMMARY:Meeting\r\nORGANIZER:mailto:sam.learner@example.org\r\n{people}"
            "END:VEVENT\r\n")


def sent(n: int, to: str, date_header: str) -> tuple[str, bytes]:
    return (f"{n}@xxx Mon Jan 05 00:00:00 +0000 2026", make_mailboxes.message({
        "From": SAM, "To": to, "X-Gmail-Labels": "Sent", "Date": date_header,
        "Message-ID": f"<follow-{n}@mail.example.org>"}))


def import_both(store, tmp_path, calendar: str, mailbox: bytes | None = None):
    path = tmp_path / "calendar.ics"
    path.write_text(calendar, encoding="utf-8")
    import_file(store, "ics", path)
    if mailbox is None:
        (mailbox_path,) = make_mailboxes.takeout(tmp_path)
    else:
        mailbox_path = tmp_path / "Sent.mbox"
        mailbox_path.write_bytes(mailbox)
    import_file(store, "mbox", mailbox_path)
    return store.load_network()


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr("netlearn.importers.ics.resolve_today", lambda today=None: TODAY)
    monkeypatch.setattr("netlearn.importers.mbox.resolve_today", lambda today=None: TODAY)


# The calendar of tests/importers/test_mbox_exports.py, with the coffee with Eve in
# California's own zone (TZID) rather than in UTC: Google exports both kinds.
PACIFIC_CALENDAR = ics(
    vevent("meetup@example.org", "DTSTART:20260105T180000Z", "Ada Example|ada@example.com",
           "Bo Beispiel|bo@example.net", "Cy Stranger|cy@example.com"),
    vevent("coffee@example.org", "DTSTART;TZID=America/Los_Angeles:20260107T020000",
           "Eve Example|eve@example.com"),
)


def test_a_learner_on_pacific_time_gets_the_hand_counted_latencies(store, tmp_path,
                                                                   fixed_today):
    with learner_time_zone("America/Los_Angeles"):
        net = import_both(store, tmp_path, PACIFIC_CALENDAR)
    times = {(c.email, i.channel, i.when) for c in net.contacts for i in net.interactions
             if i.contact_id == c.id}
    # on Sam's clock: the meetup at 10:00 (18:00 UTC), Sam's mail at 01:00 (09:00 UTC)
    assert ("ada@example.com", "in_person", datetime(2026, 1, 5, 10, 0)) in times
    assert ("ada@example.com", "email", datetime(2026, 1, 6, 1, 0)) in times
    assert ("eve@example.com", "in_person", datetime(2026, 1, 7, 2, 0)) in times
    assert ("eve@example.com", "email", datetime(2026, 1, 10, 2, 0)) in times
    assert {i.purpose for i in net.interactions if i.channel == "email"} == {"message"}
    result = metrics.follow_up(net, TODAY)
    # met Ada and Bo at the meetup, wrote 15 h later; met Eve, wrote 72 h later; Cy never
    assert sorted(result.latencies_hours) == [15.0, 15.0, 72.0]
    assert (result.new_contacts, result.never_followed_up) == (4, 1)
    assert [(m.name, m.day, m.how) for m in metrics.never_followed_up(net, TODAY)] == [
        ("Cy Stranger", date(2026, 1, 5), "met")]


def test_a_mail_sent_before_the_meeting_on_the_learners_clock_is_no_follow_up(
        store, tmp_path, fixed_today):
    # coffee at 10:00 in California; Sam wrote at 09:00 (17:00 UTC) to confirm, then
    # at 13:00 (21:00 UTC) to thank: 3 h. Compared as UTC against the calendar's
    # California wall clock, the first mail would count, at 7 h.
    calendar = ics(vevent("coffee@example.org",
                          "DTSTART;TZID=America/Los_Angeles:20260112T100000",
                          "Eve Example|eve@example.com"))
    mailbox = make_mailboxes.mbox([
        sent(1, "eve@example.com", "Mon, 12 Jan 2026 17:00:00 +0000"),
        sent(2, "eve@example.com", "Mon, 12 Jan 2026 13:00:00 -0800")])
    with learner_time_zone("America/Los_Angeles"):
        net = import_both(store, tmp_path, calendar, mailbox)
    assert metrics.follow_up(net, TODAY).latencies_hours == [3.0]


def test_only_the_first_of_recurring_meetings_starts_the_clock(store, tmp_path, fixed_today):
    # a weekly meeting with Di from 5 January; Sam first wrote to her on 14 January, after
    # the second meeting: 9 days after the first one, not 2 after the second
    calendar = ics(vevent("weekly@example.org", "DTSTART:20260105T100000Z",
                          "Di Example|di@example.com", extra="RRULE:FREQ=WEEKLY;COUNT=4\r\n"))
    mailbox = make_mailboxes.mbox([sent(1, "di@example.com", "Wed, 14 Jan 2026 10:00:00 +0000")])
    net = import_both(store, tmp_path, calendar, mailbox)
    assert sum(i.purpose == "meet" for i in net.interactions) == 4
    result = metrics.follow_up(net, TODAY)
    assert (result.new_contacts, result.latencies_hours) == (1, [9 * 24.0])


def contact(name, **fields):
    return Contact(name, source="t", source_ref=name, **fields)


def touch(person, when, channel="email", purpose="message", direction="out"):
    return Interaction(when, channel, direction, purpose, contact_key=person.key, source="t",
                       source_ref=f"{person.name}{when}{channel}{direction}")


def test_never_followed_up_lists_people_met_and_connected_once_each():
    ada = contact("Ada")                                   # met, mailed 2 days later
    bo = contact("Bo")                                     # met, only mail *from* Bo
    cy = contact("Cy", connected_on=date(2026, 1, 10))    # connected, never written to
    di = contact("Di", connected_on=date(2026, 1, 2))     # met and connected: by meeting
    ed = contact("Ed")                                     # met 3 days ago: still awaiting
    items = [touch(ada, datetime(2026, 1, 5, 18), "in_person", "meet"),
             touch(ada, datetime(2026, 1, 7, 9)),
             touch(bo, datetime(2026, 1, 6, 18), "in_person", "meet"),
             touch(bo, datetime(2026, 1, 7, 9), direction="in"),
             touch(di, datetime(2026, 1, 8, 12), "video", "meet"),
             touch(ed, datetime(2026, 1, 29, 12), "in_person", "meet")]
    net = Network([ada, bo, cy, di, ed], items)
    assert [(m.name, m.day, m.how) for m in metrics.never_followed_up(net, TODAY)] == [
        ("Cy", date(2026, 1, 10), "connected"), ("Di", date(2026, 1, 8), "met"),
        ("Bo", date(2026, 1, 6), "met")]
    result = metrics.follow_up(net, TODAY)
    assert (result.followed_up, result.never_followed_up, result.awaiting) == (1, 2, 1)


def test_e_mail_is_neither_a_give_nor_an_ask():
    ada = contact("Ada")
    net = Network([ada], [touch(ada, datetime(2026, 1, 7, 9)),
                          touch(ada, datetime(2026, 1, 8, 9), purpose="give")])
    ratio = metrics.give_ask_ratio(net, TODAY)
    assert (ratio.gives, ratio.asks) == (1, 0)


def test_recency_and_cadence_count_e_mail(store, tmp_path, fixed_today):
    (zip_path,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", zip_path)
    net = store.load_network()
    ids = {c.email: c.id for c in net.contacts}
    store.update_contact(ids["ada@example.com"], close=True, cadence_days=14)
    store.update_contact(ids["bo@example.net"], close=True, cadence_days=30)
    net = store.load_network()
    last = {row.name: (row.last, row.interactions) for row in metrics.recency(net, TODAY)}
    # Ada: Sam's mail and her reply on 6 Jan; Bo: his reply on 12 Jan; Eve: Sam's on 10 Jan
    assert last == {"Ada Example": (date(2026, 1, 6), 2), "Bö Beispiel": (date(2026, 1, 12), 2),
                    "Eve Example": (date(2026, 1, 10), 1)}
    # Ada's 14-day cadence lapsed 26 days after her last mail; Bo's 30 days have not
    assert [(row.name, row.days_since, row.days_overdue)
            for row in metrics.cadence_overdue(net, TODAY)] == [("Ada Example", 26, 12)]
    # 90 days without a word: Ada (94 days) on 10 April, Bo (88) not yet
    assert [row.name for row in metrics.gone_cold(net, date(2026, 4, 10))] == ["Ada Example"]


def test_the_channel_mix_of_e_mail_alone_says_so(plt):
    from netlearn.charts import learner as chart
    from netlearn.charts import text as chart_text

    ada = contact("Ada")
    net = Network([ada], [touch(ada, datetime(2026, 1, 7, 9)),
                          touch(ada, datetime(2026, 1, 8, 9), direction="in")])
    mix = metrics.online_mix(net, TODAY)
    assert (mix.total, mix.email, mix.share) == (0, 2, None)
    assert chart.channel_mix(net, today=TODAY).get_title().startswith("Channel mix: e-mail only")
    assert chart_text.channel_mix(net, today=TODAY).alt == (
        "Bar chart of 2 interactions by channel: none online or in person; 2 e-mails counted "
        "apart, not in the online share; most used: Email (2).")


def test_mail_in_touch_counts_e_mail_with_contacts_in_the_window(store, tmp_path, fixed_today):
    (zip_path,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", zip_path)
    net = store.load_network()
    result = metrics.mail_in_touch(net, TODAY)
    # five messages with Ada, Bo and Eve; the latest is Bo's reply on 12 January
    assert (result.messages, result.people, result.last) == (5, 3, date(2026, 1, 12))
    assert metrics.mail_in_touch(net, TODAY, days=14).messages == 0
