"""Mailbox import: whose mail counts, the learner's addresses, bulk mail, names, dates, sources."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from netlearn.importers import read
from netlearn.importers.mbox import EMAIL_PURPOSE, read_mbox
from netlearn.network.records import PURPOSES
from netlearn.plumbing.errors import InputError
from tests.fixtures.make_mailboxes import mbox, message

TODAY = date(2026, 2, 1)
SAM = "Sam Learner <sam@example.org>"
_serial = iter(range(1, 10_000))


def mail(sender=SAM, to="Ada Example <ada@example.com>", when="Mon, 05 Jan 2026 09:00:00 +0000",
         **headers) -> tuple[str, bytes]:
    """One message in an mbox: headers named as keyword arguments (``Message_ID`` …)."""
    fields = {"From": sender, "To": to, "Date": when, "Subject": "Hi",
              "Message-ID": f"<m{next(_serial)}@example.org>"}
    fields.update({name.replace("_", "-"): value for name, value in headers.items()})
    return "x@example.org Mon Jan  5 09:00:00 2026", message(
        {k: v for k, v in fields.items() if v is not None})


def write(path: Path, *messages, crlf=False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(mbox(list(messages), crlf=crlf))
    return path


def load(path, **options):
    return read_mbox(path, today=TODAY, **options)


def people(batch):
    return {c.email: c.name for c in batch.contacts}


def moments(batch):
    return sorted((i.contact_key.removeprefix("mbox:"), i.direction, i.when)
                  for i in batch.interactions)


def test_people_written_to_become_contacts_and_their_replies_count(tmp_path):
    box = write(tmp_path / "mail.mbox",
                mail(to="Ada Example <ada@example.com>, bo@example.net",
                     Cc="Cy Example <CY@Example.com>", Message_ID="<out1@example.org>"),
                mail(sender="Ada Example <ada@example.com>", to=SAM,
                     when="Mon, 05 Jan 2026 12:30:00 +0100", In_Reply_To="<out1@example.org>"),
                mail(sender="Dee Stranger <dee@example.com>", to=SAM))
    batch = load(box)
    assert people(batch) == {"ada@example.com": "Ada Example", "bo@example.net": "bo@example.net",
                             "cy@example.com": "Cy Example"}
    assert moments(batch) == [
        ("ada@example.com", "in", datetime(2026, 1, 5, 11, 30)),  # 12:30 +0100, in UTC
        ("ada@example.com", "out", datetime(2026, 1, 5, 9, 0)),
        ("bo@example.net", "out", datetime(2026, 1, 5, 9, 0)),
        ("cy@example.com", "out", datetime(2026, 1, 5, 9, 0)),
    ]
    assert {(i.channel, i.purpose, i.source) for i in batch.interactions} == {
        ("email", EMAIL_PURPOSE, "mbox")}
    assert all(c.source == "mbox" and c.source_ref == c.email for c in batch.contacts)
    assert batch.left_out == {"not_written_to": 1}
    assert batch.me == ("sam@example.org",) and batch.me_found_by == "most"


def test_e_mail_gets_a_purpose_the_course_knows_and_not_check_in():
    assert EMAIL_PURPOSE in PURPOSES and EMAIL_PURPOSE != "check_in"


def test_refs_are_hashes_stable_across_reads_and_link_a_reply_to_its_message(tmp_path):
    box = write(tmp_path / "mail.mbox", mail(Message_ID="<out1@example.org>"),
                mail(sender="ada@example.com", to=SAM, References="<a@x> <out1@example.org>"))
    refs = [i.source_ref for i in load(box).interactions]
    assert refs == [i.source_ref for i in load(box).interactions]
    sent, reply = refs
    assert "out1" not in sent and "example" not in sent  # the id itself is never kept
    assert reply.endswith("~" + sent.split(".")[0])


def test_a_reply_names_the_message_it_answers_by_in_reply_to_first(tmp_path):
    box = write(tmp_path / "mail.mbox", mail(Message_ID="<one@x>"), mail(Message_ID="<two@x>"),
                mail(sender="ada@example.com", to=SAM, In_Reply_To="<two@x>",
                     References="<one@x>"))
    sent_one, sent_two, reply = (i.source_ref for i in load(box).interactions)
    assert reply.endswith("~" + sent_two.split(".")[0])


# --------------------------------------------------------------------------- the learner


def test_own_addresses_come_from_gmail_sent_labels(tmp_path):
    box = write(tmp_path / "All mail.mbox",
                mail(sender="Sam <sam@example.org>", X_Gmail_Labels="Sent,Opened"),
                mail(sender="Sam <s.alias@example.org>", to="bo@example.net",
                     X_Gmail_Labels="Sent"),
                mail(sender="ada@example.com", to="sam@example.org", X_Gmail_Labels="Inbox"),
                mail(sender="ada@example.com", to="sam@example.org", X_Gmail_Labels="Inbox"))
    batch = load(box)
    assert set(batch.me) == {"sam@example.org", "s.alias@example.org"}
    assert batch.me_found_by == "sent"
    assert people(batch).keys() == {"ada@example.com", "bo@example.net"}
    assert "your addresses: " in batch.notes[0] and "--me" in batch.notes[0]


@pytest.mark.parametrize("name", ["Sent", "Sent Items", "Gesendet", "Sent Messages.mbox",
                                  "Éléments envoyés"])
def test_own_addresses_come_from_a_sent_mailbox_by_its_name(tmp_path, name):
    folder = tmp_path / "mail"
    write(folder / name, mail(sender="sam@example.org", to="ada@example.com"))
    for _ in range(3):  # Ada writes more often than Sam: the sent mailbox decides
        write(folder / "Inbox", mail(sender="ada@example.com", to="sam@example.org"),
              mail(sender="ada@example.com", to="sam@example.org"),
              mail(sender="ada@example.com", to="sam@example.org"))
    batch = load(folder)
    assert batch.me == ("sam@example.org",) and batch.me_found_by == "sent"


def test_without_sent_mail_the_address_on_most_messages_is_the_learners(tmp_path):
    box = write(tmp_path / "archive",
                mail(sender="ada@example.com", to="sam@example.org"),
                mail(sender="ada@example.com", to="sam@example.org"),
                mail(sender="bo@example.net", to="sam@example.org"),
                mail(sender="sam@example.org", to="bo@example.net"))
    batch = load(box)
    assert batch.me == ("sam@example.org",) and batch.me_found_by == "most"
    assert people(batch).keys() == {"bo@example.net"}
    assert "no sent mail is marked" in batch.notes[0]


def test_me_overrides_what_is_found(tmp_path):
    box = write(tmp_path / "Sent", mail(sender="sam@example.org", to="ada@example.com"),
                mail(sender="ada@example.com", to="bo@example.net"))
    batch = load(box, me=["Ada@Example.com"])
    assert batch.me == ("ada@example.com",) and batch.me_found_by == "given"
    assert people(batch).keys() == {"bo@example.net"}


def test_me_must_be_an_address(tmp_path):
    box = write(tmp_path / "Sent", mail())
    with pytest.raises(InputError, match="--me 'sam' is not an e-mail address"):
        load(box, me=["sam"])


def test_no_sent_mail_says_what_to_import(tmp_path):
    box = write(tmp_path / "Inbox", mail(sender="ada@example.com", to="sam@example.org"))
    batch = load(box, me=["sam@example.org"])
    assert not batch.contacts and not batch.interactions
    assert any("import your sent mail too" in note for note in batch.notes)


# --------------------------------------------------------------------------- left out


@pytest.mark.parametrize(("headers", "reason"), [
    ({"List_Id": "<club.example.net>"}, "mailing_list"),
    ({"List_Unsubscribe": "<mailto:u@example.net>"}, "mailing_list"),
    ({"Precedence": "bulk"}, "mailing_list"),
    ({"Precedence": "junk"}, "mailing_list"),
    ({"Auto_Submitted": "auto-replied"}, "automatic"),
    ({"Auto_Submitted": "auto-generated"}, "automatic"),
    ({"X_Autoreply": "yes"}, "automatic"),
    ({"sender": "No Reply <no-reply@shop.example.com>"}, "no_reply"),
    ({"sender": "noreply+abc@example.com"}, "no_reply"),
    ({"sender": "MAILER-DAEMON@example.org"}, "no_reply"),
    ({"sender": "support@bank.example.com"}, "no_reply"),
    ({"Sender": "Google Calendar <calendar-notification@google.com>"}, "calendar"),
    ({"Content_Class": "urn:content-classes:calendarmessage"}, "calendar"),
    ({"X_Gmail_Labels": "Spam"}, "spam_or_trash"),
    ({"X_Gmail_Labels": "Opened,Trash"}, "spam_or_trash"),
    ({"X_Gmail_Labels": "Chat"}, "chat"),
])
def test_bulk_spam_and_chats_from_a_contact_are_left_out_and_counted(tmp_path, headers, reason):
    headers = dict(headers)
    sender = headers.pop("sender", "Ada Example <ada@example.com>")
    if "@" in sender and "ada@" not in sender:  # make the robot someone Sam wrote to
        written = sender.split("<")[-1].strip(">")
    else:
        written = "ada@example.com"
    box = write(tmp_path / "mail.mbox", mail(to=written),
                mail(sender=sender, to=SAM, **headers))
    batch = load(box)
    assert [i.direction for i in batch.interactions] in ([], ["out"])
    assert batch.left_out == {reason: 1} or batch.left_out == {reason: 1, "to_no_person": 1}


def test_an_invitation_is_a_calendar_message_by_its_content_type(tmp_path):
    invite = "x Mon Jan  5 09:00:00 2026", message(
        {"From": "ada@example.com", "To": SAM, "Date": "Mon, 05 Jan 2026 10:00:00 +0000"},
        calendar="REQUEST")
    box = write(tmp_path / "mail.mbox", mail(), invite)
    assert load(box).left_out == {"calendar": 1}


def test_drafts_are_never_counted_as_sent(tmp_path):
    folder = tmp_path / "Local Folders"
    write(folder / "Drafts", mail(to="eve@example.com"))
    write(folder / "Sent", mail(to="ada@example.com"))
    gmail = write(tmp_path / "gmail.mbox", mail(to="eve@example.com", X_Gmail_Labels="Drafts"),
                  mail(to="ada@example.com", X_Gmail_Labels="Sent"))
    for source in (folder, gmail):
        batch = load(source)
        assert people(batch).keys() == {"ada@example.com"}
        assert batch.left_out == {"draft": 1}


def test_mail_to_lists_services_or_oneself_makes_no_contact(tmp_path):
    box = write(tmp_path / "mail.mbox",
                mail(sender="x@lists.example.org", to="circle@lists.example.org",
                     List_Id="<circle>", List_Post="<mailto:circle@lists.example.org>"),
                mail(to="circle@lists.example.org"),
                mail(to="support@shop.example.com"),
                mail(to=SAM),
                mail(to="ada@example.com"))
    batch = load(box)
    assert people(batch).keys() == {"ada@example.com"}
    assert batch.left_out == {"mailing_list": 1, "to_no_person": 3}


def test_exclude_drops_domains_subdomains_and_addresses(tmp_path):
    box = write(tmp_path / "mail.mbox",
                mail(to="ada@example.com, bo@family.example, cy@mail.family.example"),
                mail(to="dee@example.com"),
                mail(to="bo@family.example"),
                mail(sender="cy@mail.family.example", to=SAM),
                mail(sender="eve@example.com", to=SAM))
    batch = load(box, exclude=["family.example", "DEE@example.com"])
    assert people(batch).keys() == {"ada@example.com"}
    assert batch.left_out == {"excluded": 3, "not_written_to": 1}
    assert "3 excluded by you" in batch.notes[1] and "of 5 messages" in batch.notes[1]


def test_the_same_message_in_two_mailboxes_counts_once(tmp_path):
    copy = mail(Message_ID="<same@example.org>")
    folder = tmp_path / "mail"
    write(folder / "Sent", copy)
    write(folder / "Inbox", copy)
    batch = load(folder)
    assert len(batch.interactions) == 1 and batch.left_out == {"duplicate": 1}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("when", "words"), [
    (None, "message 1: has no date (Date header)"),
    ("someday soon", "message 1: has a date that cannot be read ('someday soon')"),
    ("Tue, 31 Feb 2026 10:00:00 +0000",
     "message 1: has a date that cannot be read ('Tue, 31 Feb 2026 10:00:00 +0000')"),
    ("Thu, 01 Jan 1970 00:00:00 +0000", "message 1: has an impossible date (1970-01-01)"),
    ("Fri, 01 Jan 2100 00:00:00 +0000", "message 1: is dated in the future (2100-01-01)"),
])
def test_a_message_without_a_usable_date_is_skipped_with_its_number_and_line(tmp_path, when,
                                                                            words):
    box = write(tmp_path / "Sent", mail(when=when), mail(to="bo@example.net"))
    batch = load(box)
    assert [(s.path, s.line, s.reason) for s in batch.skipped] == [(str(box), 1, words)]
    assert people(batch).keys() == {"bo@example.net"}


def test_bad_dates_of_mail_that_is_left_out_anyway_are_not_listed(tmp_path):
    box = write(tmp_path / "mail.mbox", mail(),
                mail(sender="stranger@example.com", to=SAM, when="garbage"))
    batch = load(box)
    assert batch.skipped == [] and batch.left_out == {"not_written_to": 1}


def test_times_without_a_zone_are_taken_as_utc(tmp_path):
    box = write(tmp_path / "Sent", mail(when="Mon, 05 Jan 2026 09:00:00 -0000"),
                mail(to="bo@example.net", when="Mon, 5 Jan 26 23:30 -0800"))
    assert [i.when for i in load(box).interactions] == [datetime(2026, 1, 5, 9),
                                                        datetime(2026, 1, 6, 7, 30)]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(("raw", "name"), [
    ("=?UTF-8?B?SsO2cmcgTcO8bGxlcg==?=", "Jörg Müller"),
    ("=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M=C3=BCller?=", "Jörg Müller"),
    ("=?ISO-8859-1?Q?Andr=E9_Pr=E9vost?=", "André Prévost"),
    ("=?iso-8859-2?q?Pawe=B3_Kowalski?=", "Paweł Kowalski"),
    ("=?windows-1252?Q?Ren=E9e_=93Ren=94?=", "Renée “Ren”"),
    ("=?windows-1251?B?yOLg7SDP5fLw7uI=?=", "Иван Петров"),
    ("=?ISO-2022-JP?B?GyRCOzNFRBsoQiBUYXJv?=", "山田 Taro"),
    ("Hans =?iso-8859-1?q?M=FCller?=", "Hans Müller"),
    ("=?x-unknown?q?Ada?=", "Ada"),
    ("=?utf-8?b?!!!not-base64?=", "=?utf-8?b?!!!not-base64?="),
    ('"Doe, Jane"', "Doe, Jane"),
])
def test_encoded_names_are_decoded(tmp_path, raw, name):
    box = write(tmp_path / "Sent", mail(to=f"{raw} <ada@example.com>"))
    assert people(load(box)) == {"ada@example.com": name}


@pytest.mark.parametrize(("raw", "name"), [
    ("Jörg Müller".encode(), "Jörg Müller"),  # 8-bit UTF-8, unencoded
    ("Jörg Müller".encode("cp1252"), "Jörg Müller"),  # 8-bit Windows-1252
    (b"Bad \xff\xfe Name", "Bad ÿþ Name"),
])
def test_raw_8bit_names_are_read_as_utf8_else_windows_1252(tmp_path, raw, name):
    box = tmp_path / "Sent"
    box.write_bytes(b"From x Mon Jan  5 09:00:00 2026\nFrom: sam@example.org\nTo: " + raw
                    + b" <ada@example.com>\nDate: Mon, 05 Jan 2026 09:00:00 +0000\n\nhi\n")
    assert people(load(box)) == {"ada@example.com": name}


def test_a_persons_own_name_wins_over_the_one_they_were_addressed_by(tmp_path):
    box = write(tmp_path / "mail.mbox", mail(to="Ada <ada@example.com>"),
                mail(sender="Ada Lovelace-Example <ada@example.com>", to=SAM))
    assert people(load(box)) == {"ada@example.com": "Ada Lovelace-Example"}


# --------------------------------------------------------------------------- sources


def test_a_crlf_mailbox_reads_the_same_as_lf(tmp_path):
    messages = [mail(Message_ID="<a@x>"), mail(sender="ada@example.com", to=SAM,
                                               Message_ID="<b@x>")]
    lf = load(write(tmp_path / "lf" / "mail.mbox", *messages))
    crlf = load(write(tmp_path / "crlf" / "mail.mbox", *messages, crlf=True))
    assert moments(lf) == moments(crlf) and people(lf) == people(crlf)


def test_a_folder_of_apple_mail_exports_and_a_single_one(tmp_path):
    export = tmp_path / "export"
    write(export / "Sent Messages.mbox" / "mbox", mail())
    write(export / "INBOX.mbox" / "mbox", mail(sender="ada@example.com", to=SAM))
    (export / "INBOX.mbox" / "Info.plist").write_text("<plist/>")
    (export / "INBOX.mbox" / "table_of_contents").write_bytes(b"\x00\x01")
    assert len(load(export).interactions) == 2
    single = load(export / "Sent Messages.mbox")
    assert single.me_found_by == "sent" and len(single.interactions) == 1


def test_a_folder_without_mailboxes_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("From here on nothing\n")
    (tmp_path / "Inbox.msf").write_text("// <!-- <mdb:mork:z v=\"1.4\"/> -->")
    with pytest.raises(InputError, match="holds no mailbox"):
        load(tmp_path)


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load(tmp_path / "nowhere.mbox")


def test_a_file_that_starts_with_from_but_holds_no_mail_is_refused(tmp_path):
    path = tmp_path / "letter.mbox"
    path.write_text("From the desk of Sam\n\nDear all,\n")
    with pytest.raises(InputError) as err:
        load(path)
    assert str(err.value) == f"{path}: is not an mbox mailbox (its messages have no mail headers)"


def _takeout_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_takeout_zip_split_across_parts_reads_as_one_mailbox(tmp_path):
    data = mbox([mail(to=f"p{n}@example.com", X_Gmail_Labels="Sent") for n in range(30)])
    whole = load(_takeout_zip(tmp_path / "whole.zip", {"Takeout/Mail/All mail.mbox": data}))
    parts = tmp_path / "parts"
    parts.mkdir()
    cuts = [0, 700, 1900, len(data)]  # in the middle of messages, headers and lines
    for n in range(3):
        _takeout_zip(parts / f"takeout-001-{n + 1:03d}.zip",
                     {"Takeout/Mail/All mail.mbox": data[cuts[n]:cuts[n + 1]]})
    for source in (parts, sorted(parts.iterdir())):
        batch = load(source)
        assert moments(batch) == moments(whole) and len(batch.contacts) == 30
        assert batch.files == [(f"{parts / 'takeout-001-001.zip'}/Takeout/Mail/All mail.mbox "
                                "(and 2 more parts)", 30)]


def test_takeout_parts_numbered_in_their_names_continue_each_other(tmp_path):
    data = mbox([mail(to=f"p{n}@example.com", X_Gmail_Labels="Sent") for n in range(4)])
    names = ["All mail.mbox", "All mail-002.mbox"]
    for n, name in enumerate(names):
        half = data[:len(data) // 2] if n == 0 else data[len(data) // 2:]
        _takeout_zip(tmp_path / f"takeout-{n + 1:03d}.zip", {f"Takeout/Mail/{name}": half})
    assert len(load(tmp_path).contacts) == 4


def test_takeout_parts_that_each_hold_whole_messages_are_read_whole(tmp_path):
    first = mbox([mail(to="ada@example.com", X_Gmail_Labels="Sent")])
    second = mbox([mail(to="bo@example.net", X_Gmail_Labels="Sent")])
    for n, data in enumerate((first, second)):
        _takeout_zip(tmp_path / f"takeout-{n}.zip", {"Takeout/Mail/All mail.mbox": data})
    assert people(load(tmp_path)).keys() == {"ada@example.com", "bo@example.net"}


def test_a_zip_without_a_mailbox_is_refused(tmp_path):
    path = _takeout_zip(tmp_path / "takeout.zip", {"Takeout/Drive/notes.txt": b"x"})
    with pytest.raises(InputError, match="holds no mailbox"):
        load(path)


def test_progress_reaches_the_total_bytes(tmp_path):
    box = write(tmp_path / "Sent", *(mail() for _ in range(50)))
    seen = []
    read_mbox(box, lambda done, total: seen.append((done, total)), today=TODAY)
    assert seen[-1] == (box.stat().st_size, box.stat().st_size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_registry_reads_mbox_with_options(tmp_path):
    box = write(tmp_path / "mail.mbox", mail(sender="sam@example.org"),
                mail(sender="bo@example.net", to="ada@example.com"))
    batch = read("mbox", box, me=["bo@example.net"], exclude=["nobody.example"])
    assert people(batch).keys() == {"ada@example.com"}
