"""Held-out mailboxes shaped like Takeout, Thunderbird and Apple Mail exports, counted by hand.

The mailboxes are written by tests/fixtures/make_mailboxes.py; every number asserted here
was counted from that script's messages, not from the importer's output.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import pytest

from netlearn.importers.mbox import read_mbox
from netlearn.keep.ingest import import_file
from netlearn.network import metrics
from netlearn.network.records import Batch, Contact
from tests.fixtures import make_mailboxes

TODAY = date(2026, 2, 1)
SAM = "sam.learner@example.org"


def summary(batch):
    contacts = {c.email: c.name for c in batch.contacts}
    moments = sorted((i.contact_key.removeprefix("mbox:"), i.direction, i.when)
                     for i in batch.interactions)
    return contacts, moments


# --------------------------------------------------------------------------- Google Takeout

TAKEOUT_CONTACTS = {"ada@example.com": "Ada Example", "bo@example.net": "Bö Beispiel",
                    "eve@example.com": "Eve Example"}
TAKEOUT_MOMENTS = [
    ("ada@example.com", "in", datetime(2026, 1, 6, 11, 30)),  # message 2, 12:30 +0100
    ("ada@example.com", "out", datetime(2026, 1, 6, 9, 0)),  # message 1, To
    ("bo@example.net", "in", datetime(2026, 1, 12, 8, 0)),  # message 12 (11 is an auto-reply)
    ("bo@example.net", "out", datetime(2026, 1, 6, 9, 0)),  # message 1, Cc
    ("eve@example.com", "out", datetime(2026, 1, 10, 10, 0)),  # message 9, Bcc
]
# 14 messages: 1 newsletter, 1 no-reply receipt, 1 from Cy (never written to), 1 spam and
# 1 deleted sent message, 1 draft, 1 invitation, 1 chat, 1 auto-reply, 1 note to self
TAKEOUT_LEFT_OUT = {"not_written_to": 1, "mailing_list": 1, "automatic": 1, "no_reply": 1,
                    "calendar": 1, "spam_or_trash": 2, "draft": 1, "chat": 1,
                    "to_no_person": 1}


@pytest.mark.parametrize("parts", [1, 3])
def test_takeout_export_in_one_or_several_zips(tmp_path, parts):
    zips = make_mailboxes.takeout(tmp_path, parts)
    batch = read_mbox(zips[0] if parts == 1 else tmp_path, today=TODAY)
    assert summary(batch) == (TAKEOUT_CONTACTS, TAKEOUT_MOMENTS)
    assert batch.left_out == TAKEOUT_LEFT_OUT
    assert batch.me == (SAM,) and batch.me_found_by == "sent"
    assert batch.skipped == []
    assert [count for _, count in batch.files] == [14]


# --------------------------------------------------------------------------- Thunderbird


def test_thunderbird_profile_folder(tmp_path):
    batch = read_mbox(make_mailboxes.thunderbird(tmp_path), today=TODAY)
    assert summary(batch) == (
        {"ada@example.com": "Ada Example", "bo@example.net": "Bo Beispiel",
         "fay@example.com": "Fay Example"},
        [("ada@example.com", "in", datetime(2026, 1, 6, 12, 0)),  # Inbox 1, 13:00 +0100
         ("ada@example.com", "out", datetime(2026, 1, 6, 8, 0)),  # Sent 1
         ("ada@example.com", "out", datetime(2026, 1, 7, 17, 0)),  # Sent 2, To
         ("bo@example.net", "out", datetime(2026, 1, 7, 17, 0)),  # Sent 2, Cc
         ("fay@example.com", "out", datetime(2025, 12, 1, 14, 0))])  # Sent.sbd/2025
    # Sent 3 went to a mailing list (its address is the List-Post of Inbox 2), Inbox 5
    # is Sent 1 again, Inbox 6 and 7 (from Fay) have no date and 31 February
    assert batch.left_out == {"not_written_to": 1, "mailing_list": 2, "spam_or_trash": 2,
                              "draft": 1, "to_no_person": 1, "duplicate": 1}
    inbox = str(tmp_path / "abcd1234.default-release" / "Mail" / "Local Folders" / "Inbox")
    assert [(s.path, s.reason.split(":")[0]) for s in batch.skipped] == [
        (inbox, "message 6"), (inbox, "message 7")]
    assert sorted(count for _, count in batch.files) == [1, 1, 1, 1, 3, 7]  # no .msf read


# --------------------------------------------------------------------------- Apple Mail


def test_apple_mail_export_folder(tmp_path):
    batch = read_mbox(make_mailboxes.apple(tmp_path), today=TODAY)
    assert summary(batch) == (
        {"ada@example.com": "Ada Example", "ivy@example.com": "Ivó Example",
         "jun@example.jp": "山田", "rene@example.com": "René Example"},
        [("ada@example.com", "out", datetime(2026, 1, 6, 14, 0)),  # 09:00 -0500
         ("ivy@example.com", "in", datetime(2026, 1, 7, 12, 0)),
         ("ivy@example.com", "out", datetime(2026, 1, 6, 15, 0)),
         ("jun@example.jp", "out", datetime(2026, 1, 7, 0, 0)),  # 09:00 +0900
         ("rene@example.com", "in", datetime(2026, 1, 8, 11, 0)),
         ("rene@example.com", "out", datetime(2026, 1, 7, 9, 0))])
    assert batch.left_out == {"not_written_to": 1, "mailing_list": 1, "no_reply": 1,
                              "calendar": 1}


# --------------------------------------------------------------------------- in the store

CALENDAR = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//netlearn tests//EN\r
X-WR-CALNAME:sam.learner@example.org\r
BEGIN:VEVENT\r
UID:meetup@example.org\r
DTSTAMP:20260101T000000Z\r
DTSTART:20260105T180000Z\r
DTEND:20260105T200000Z\r
SUMMARY:Health data meetup\r
ORGANIZER:mailto:sam.learner@example.org\r
ATTENDEE;CN=Ada Example:mailto:ada@example.com\r
ATTENDEE;CN=Bo Beispiel:mailto:bo@example.net\r
ATTENDEE;CN=Cy Stranger:mailto:cy@example.com\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:coffee@example.org\r
DTSTAMP:20260101T000000Z\r
DTSTART:20260107T100000Z\r
DTEND:20260107T110000Z\r
SUMMARY:Coffee\r
ORGANIZER:mailto:sam.learner@example.org\r
ATTENDEE;CN=Eve Example:mailto:eve@example.com\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_follow_up_latencies_after_meetings_match_a_hand_count(store, tmp_path, monkeypatch):
    monkeypatch.setattr("netlearn.importers.ics.resolve_today", lambda today=None: TODAY)
    calendar = tmp_path / "calendar.ics"
    calendar.write_text(CALENDAR, encoding="utf-8")
    import_file(store, "ics", calendar)
    (zip_path,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", zip_path)
    net = store.load_network()
    # one contact per person: the mailbox's people merged into the calendar's by address
    assert sorted(c.email for c in net.contacts) == [
        "ada@example.com", "bo@example.net", "cy@example.com", "eve@example.com"]
    result = metrics.follow_up(net, TODAY)
    # met Ada and Bo on 5 Jan at 18:00, wrote to both on 6 Jan at 09:00 (15 h); met Eve on
    # 7 Jan at 10:00, wrote on 10 Jan at 10:00 (72 h); met Cy, never wrote
    assert result.new_contacts == 4
    assert sorted(result.latencies_hours) == [15.0, 15.0, 72.0]
    assert result.never_followed_up == 1


def test_an_e_mail_contact_merges_with_a_vcard_contact_of_the_same_address(store, tmp_path):
    store.save_batch(Batch("vcard", "contacts.vcf", contacts=[
        Contact("Ada Lovelace", source="vcard", source_ref="uid-1", email="Ada@Example.com")]))
    (zip_path,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", zip_path)
    net = store.load_network()
    ada = [c for c in net.contacts if c.email.lower() == "ada@example.com"]
    assert [c.name for c in ada] == ["Ada Lovelace"]
    assert sum(i.contact_id == ada[0].id for i in net.interactions) == 2


def test_importing_again_adds_nothing_and_a_newer_export_only_what_is_new(store, tmp_path):
    older, newer = tmp_path / "older", tmp_path / "newer"
    older.mkdir()
    newer.mkdir()
    first = import_file(store, "mbox", make_mailboxes.takeout(older)[0])
    assert first.result.added == 3 + 5  # contacts and interactions
    again = import_file(store, "mbox", make_mailboxes.takeout(older)[0])
    assert again.result.added == 0
    # the newer export: the same mailbox with one more message Sam sent to Ada
    more = make_mailboxes.mbox([("1@xxx Sun Jan 18 09:00:00 +0000 2026", make_mailboxes.message({
        "From": make_mailboxes.SAM, "To": "ada@example.com", "X-Gmail-Labels": "Sent",
        "Date": "Sun, 18 Jan 2026 09:00:00 +0000", "Message-ID": "<t15@mail.example.org>"}))])
    path = newer / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(make_mailboxes.TAKEOUT_MBOX, make_mailboxes.takeout_mbox() + more)
    later = import_file(store, "mbox", path)
    assert (later.result.added, later.result.present) == (1, 3 + 5)
    assert len(store.load_network().interactions) == 6
