"""LinkedIn export import: every known file variant, the zip/folder/CSV entry points, errors."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from netlearn.importers import dates, read
from netlearn.plumbing.errors import InputError

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
EXPORT = FIX / "linkedin_export"
ADA = "linkedin:https://www.linkedin.com/in/ada-example"
BO = "linkedin:https://www.linkedin.com/in/bo-placeholder"


def by_name(batch):
    return {c.name: c for c in batch.contacts}


def skipped(batch):
    return [(Path(s.path).name, s.line) for s in batch.skipped]


def assert_one_line_error(exc: InputError, path) -> None:
    text = str(exc)
    assert "\n" not in text and "\r" not in text
    assert str(path) in text
    assert "Traceback" not in text


# --------------------------------------------------------------------------- Connections.csv


def test_connections_current_format_with_preamble():
    batch = read("linkedin", FIX / "connections_current.csv")
    people = by_name(batch)
    assert sorted(people) == ["Ada Example", "Bo Placeholder", "Di Testperson"]
    ada = people["Ada Example"]
    assert ada.source == "linkedin"
    assert ada.source_ref == "https://www.linkedin.com/in/ada-example"
    assert ada.key == ADA
    assert ada.email == "ada@example.com"
    assert ada.company == "Example Analytics Ltd"
    assert ada.position == "Data Lead"
    assert ada.connected_on == date(2026, 2, 8)
    assert people["Bo Placeholder"].company == "Fake & Sons, Inc."
    assert people["Bo Placeholder"].connected_on == date(2025, 1, 15)
    # hidden profile (no name) on line 7, unparseable date on line 8
    assert skipped(batch) == [("connections_current.csv", 7), ("connections_current.csv", 8)]
    assert "hidden" in batch.skipped[0].reason
    assert "not a date" in batch.skipped[1].reason
    assert batch.interactions == []  # connecting is recorded on the contact


def test_connections_2022_preamble_without_url_column():
    batch = read("linkedin", FIX / "connections_2022.csv")
    people = by_name(batch)
    assert sorted(people) == ["Ed Mock", "Flo Fiction"]
    assert people["Ed Mock"].source_ref == "ed mock|nowhere gmbh"
    assert people["Ed Mock"].url == ""
    assert people["Flo Fiction"].email == "flo@example.net"
    assert people["Flo Fiction"].connected_on == date(2021, 11, 21)
    assert skipped(batch) == [("connections_2022.csv", 6)]


def test_connections_older_format_without_preamble_or_final_newline():
    batch = read("linkedin", FIX / "connections_2020.csv")
    people = by_name(batch)
    assert sorted(people) == ["Gus Madeup", "Hal Notreal"]
    assert people["Hal Notreal"].connected_on == date(2020, 1, 2)
    assert people["Hal Notreal"].source_ref == "hal notreal|pretend ltd"
    assert batch.skipped == []


def test_connections_resaved_by_excel_bom_crlf_short_dates():
    raw = (FIX / "connections_excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    batch = read("linkedin", FIX / "connections_excel.csv")
    people = by_name(batch)
    assert sorted(people) == ["Ivy Dummy", "Jo Example"]
    assert people["Ivy Dummy"].connected_on == date(2021, 4, 4)
    assert people["Jo Example"].connected_on == date(2019, 11, 12)
    assert skipped(batch) == [("connections_excel.csv", 7)]  # 30-Feb-21


def test_reimport_gives_identical_source_refs():
    first = read("linkedin", FIX / "connections_2022.csv")
    second = read("linkedin", FIX / "connections_2022.csv")
    assert [c.key for c in first.contacts] == [c.key for c in second.contacts]


def test_unsafe_url_is_not_kept(tmp_path):
    f = tmp_path / "Connections.csv"
    f.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                 "Evil,Cell,javascript:alert(1),,Acme,Boss,01 Jan 2026\n", encoding="utf-8")
    (contact,) = read("linkedin", f).contacts
    assert contact.url == ""
    assert contact.source_ref == "evil cell|acme"


@pytest.mark.parametrize("text, expected", [
    ("08 Feb 2026", date(2026, 2, 8)),
    ("4-Apr-21", date(2021, 4, 4)),
    ("2026-02-08", date(2026, 2, 8)),
    ("2/8/26", date(2026, 2, 8)),
    ("Feb 8, 2026", date(2026, 2, 8)),
    ("31 Feb 2026", None),
    ("soon", None),
    ("", None),
])
def test_parse_day(text, expected):
    assert dates.parse_day(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2025-06-01 14:03:22 UTC", datetime(2025, 6, 1, 14, 3, 22)),
    ("2025/06/01 14:03:22 UTC", datetime(2025, 6, 1, 14, 3, 22)),
    ("1/29/26, 2:37 PM", datetime(2026, 1, 29, 14, 37)),
    ("12/3/25, 12:05 AM", datetime(2025, 12, 3, 0, 5)),
    ("12/3/25, 13:05 PM", None),
    ("yesterday", None),
])
def test_parse_when(text, expected):
    assert dates.parse_when(text) == expected


# --------------------------------------------------------------------------- messages.csv


def test_messages_directions_drafts_spam_and_multiline_content():
    batch = read("linkedin", FIX / "messages.csv")
    msgs = batch.interactions
    assert all(m.channel == "linkedin_message" and m.source == "linkedin" for m in msgs)
    assert all(m.purpose == "check_in" for m in msgs)
    got = [(m.when, m.direction, m.contact_key) for m in msgs]
    assert got == [
        (datetime(2026, 2, 9, 10, 0), "out", ADA),
        (datetime(2026, 2, 10, 8, 30), "in", ADA),
        (datetime(2025, 6, 1, 14, 3, 22), "in", "linkedin:https://www.linkedin.com/in/zed-stranger"),
        (datetime(2025, 12, 24, 9, 15), "out", BO),
        (datetime(2026, 1, 5, 18, 0), "out", ADA),  # group message: first recipient
    ]
    # draft (line 8), spam (line 9) and sponsored (line 11) are left out silently;
    # a bad date (line 10) and a hidden sender (line 12) are reported
    assert skipped(batch) == [("messages.csv", 10), ("messages.csv", 12)]
    # the owner never becomes a contact; people met in messages do
    names = by_name(batch)
    assert "Sam Owner" not in names
    assert names["Zed Stranger"].source_ref == "https://www.linkedin.com/in/zed-stranger"
    assert "Spammy Person" not in names and "Example Sponsor" not in names
    # stable ids; no message text kept anywhere
    assert msgs[0].source_ref == (
        "msg:2-c1|2026-02-09 10:00:00 UTC|https://www.linkedin.com/in/sam-owner")
    assert all("Thanks" not in repr(m) and "Hi Ada" not in repr(m) for m in msgs)
    assert all(m.note == "" for m in msgs)


def test_messages_old_format_names_only_recipients():
    batch = read("linkedin", FIX / "messages_2022.csv")
    jane = "linkedin:https://www.linkedin.com/in/jane-doe-phd"
    got = [(m.direction, m.contact_key) for m in batch.interactions]
    assert got == [("out", jane), ("in", jane),
                   ("in", "linkedin:https://www.linkedin.com/in/ed-mock")]
    assert sorted(by_name(batch)) == ["Ed Mock", "Jane Doe, Ph.D."]


def test_message_owner_found_in_single_conversation_by_not_being_a_connection(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FIX / "connections_current.csv", folder / "Connections.csv")
    (folder / "messages.csv").write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Ada Example,https://www.linkedin.com/in/ada-example,Me Myself,"
        "https://www.linkedin.com/in/me-myself,2026-01-01 10:00:00 UTC,,hi,INBOX\n",
        encoding="utf-8")
    batch = read("linkedin", folder)
    (msg,) = batch.interactions
    assert (msg.direction, msg.contact_key) == ("in", ADA)
    assert "Me Myself" not in by_name(batch)


def test_message_with_a_long_content_field_is_kept(tmp_path):
    f = tmp_path / "messages.csv"
    big = "x" * (5 * 1024 * 1024)
    f.write_text("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
                 "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
                 f"c1,,A B,https://www.linkedin.com/in/a-b,C D,https://www.linkedin.com/in/c-d,"
                 f"2026-01-01 10:00:00 UTC,,{big},INBOX\n"
                 "c2,,A B,https://www.linkedin.com/in/a-b,E F,https://www.linkedin.com/in/e-f,"
                 "2026-01-02 10:00:00 UTC,,short,INBOX\n", encoding="utf-8")
    batch = read("linkedin", f)
    assert [m.direction for m in batch.interactions] == ["out", "out"]


# --------------------------------------------------------------------------- Invitations.csv


def test_invitations_both_directions():
    batch = read("linkedin", FIX / "invitations.csv")
    got = [(i.when, i.direction, i.contact_key, i.personal_note) for i in batch.interactions]
    assert got == [
        (datetime(2026, 1, 29, 14, 37), "out",
         "linkedin:https://www.linkedin.com/in/eve-newperson", True),
        (datetime(2025, 12, 3, 9, 5), "in",
         "linkedin:https://www.linkedin.com/in/kai-recruiter", False),
        (datetime(2026, 2, 8, 11, 59), "out", ADA, False),
    ]
    assert all(i.channel == "linkedin_invitation" and i.purpose == "introduction"
               for i in batch.interactions)
    assert skipped(batch) == [("invitations.csv", 5), ("invitations.csv", 6)]
    assert "Sam Owner" not in by_name(batch)


# --------------------------------------------------------------------------- folder and zip


def _check_full_export(batch):
    names = by_name(batch)
    # connections keep their details; people only met in messages/invitations are added
    assert names["Ada Example"].email == "ada@example.com"
    assert names["Ada Example"].connected_on == date(2026, 2, 8)
    assert sorted(names) == ["Ada Example", "Bo Placeholder", "Di Testperson",
                             "Eve Newperson", "Kai Recruiter", "Zed Stranger"]
    kinds = [(i.channel, i.direction) for i in batch.interactions]
    assert kinds.count(("linkedin_invitation", "out")) == 2
    assert kinds.count(("linkedin_invitation", "in")) == 1
    assert kinds.count(("linkedin_message", "out")) == 3
    assert kinds.count(("linkedin_message", "in")) == 2
    keys = {c.key for c in batch.contacts}
    assert all(i.contact_key in keys for i in batch.interactions)
    assert sorted((Path(s.path).name.lower(), s.line) for s in batch.skipped) == [
        ("connections.csv", 7), ("connections.csv", 8),
        ("invitations.csv", 5), ("invitations.csv", 6),
        ("messages.csv", 10), ("messages.csv", 12),
    ]


def test_unzipped_folder():
    batch = read("linkedin", EXPORT)
    assert batch.source == "linkedin"
    _check_full_export(batch)


def test_zip_with_files_in_a_subfolder_and_any_case(tmp_path):
    z = tmp_path / "Basic_LinkedInDataExport_02-08-2026.zip"
    src = EXPORT / "Basic_LinkedInDataExport_02-08-2026"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(src / "Connections.csv", "export/CONNECTIONS.CSV")
        zf.write(src / "messages.csv", "export/Messages.csv")
        zf.write(src / "Invitations.csv", "export/invitations.csv")
        zf.writestr("__MACOSX/export/._Connections.csv", b"\x00\x05\x16\x07binary")
        zf.writestr("export/Learning.csv", "Title,Description\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    seen = []
    batch = read("linkedin", z, progress=lambda done, total: seen.append((done, total)))
    _check_full_export(batch)
    assert batch.skipped[0].path == f"{z}/export/CONNECTIONS.CSV"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing extracted
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


def test_zip_without_linkedin_files(tmp_path):
    z = tmp_path / "photos.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("holiday/readme.txt", "nothing here")
    with pytest.raises(InputError) as err:
        read("linkedin", z)
    assert_one_line_error(err.value, z)
    assert "Connections.csv" in str(err.value)


def test_zip_with_a_broken_member_is_refused_whole(tmp_path):
    z = tmp_path / "export.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIX / "connections_current.csv", "Connections.csv")
        zf.writestr("messages.csv", "First Name,Last Name\nnot,messages\n")
    with pytest.raises(InputError) as err:
        read("linkedin", z)
    assert_one_line_error(err.value, f"{z}/messages.csv")


# --------------------------------------------------------------------------- broken files


def _broken(tmp_path, name: str, data: bytes) -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.mark.parametrize("name, data, words", [
    ("empty.csv", b"", "empty"),
    ("blank.csv", b"\n\n  \n", "empty"),
    ("header_only.csv", HEADER, "no rows"),
    ("picture.csv", PNG, "not a text file"),
    ("nul.csv", HEADER + b"Ada,Ex\x00ample,,,,,08 Feb 2026\n", "NUL"),
    ("utf16.csv", "First Name,Last Name\n".encode("utf-16"), "UTF-16"),
    ("profile.csv", b"First Name,Last Name,Headline\nSam,Owner,Fake\n", "Profile.csv"),
    ("wrong.csv", b"date,name,email,company,channel,direction,purpose,note\n", "not a LinkedIn"),
    ("semicolon.csv", HEADER.replace(b",", b";") + b"Ada;Example;;;;;08 Feb 2026\n",
     "semicolon"),
    ("unterminated.csv", HEADER + b'Ada,"Example,,,,,08 Feb 2026\n', "not valid CSV"),
    ("many_columns.csv", b",".join(b"c%d" % i for i in range(5000)) + b"\n1,2\n", "5000 columns"),
    ("fake.zip", b"PK\x03\x04 this is not really a zip", "zip"),
])
def test_broken_file_is_refused_with_one_line(tmp_path, name, data, words):
    f = _broken(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read("linkedin", f)
    assert_one_line_error(err.value, f)
    assert words in str(err.value)


def test_single_huge_line_is_refused(tmp_path):
    f = _broken(tmp_path, "huge.csv", b"a" * (40 * 1024 * 1024))
    with pytest.raises(InputError) as err:
        read("linkedin", f)
    assert_one_line_error(err.value, f)
    assert len(str(err.value)) < 300


def test_40mb_row_is_refused_with_its_line(tmp_path):
    f = _broken(tmp_path, "Connections.csv",
                HEADER + b"Bo,Placeholder,,,Fake Ltd,Boss,08 Feb 2026\n"
                + b"Ada,Example,,,Acme," + b"x" * (40 * 1024 * 1024) + b",08 Feb 2026\n")
    with pytest.raises(InputError) as err:
        read("linkedin", f)
    assert_one_line_error(err.value, f)
    assert str(err.value).startswith(f"{f}:3: ") and "16 MB" in str(err.value)


@pytest.mark.parametrize("rows_before", [0, 1, 5000, 20000])
def test_an_over_long_line_after_many_short_ones_is_named_by_its_line(tmp_path, rows_before):
    # the lines before are counted only once the long one is found: across many chunks,
    # CRLF line ends, and a long line that starts inside a chunk
    short = b"Bo,Placeholder,,,Fake Ltd,Boss,08 Feb 2026\r\n" * rows_before
    f = _broken(tmp_path, "Connections.csv", HEADER + short + b"Ada,Example,,,Acme,"
                + b"x" * (17 * 1024 * 1024) + b",08 Feb 2026\n")
    with pytest.raises(InputError) as err:
        read("linkedin", f)
    assert str(err.value).startswith(f"{f}:{rows_before + 2}: ") and "16 MB" in str(err.value)


def test_field_over_the_limit_across_short_lines_is_refused(tmp_path):
    field = (b"x" * 999 + b"\n") * (17 * 1024)  # 17 MB of 1 kB lines inside quotes
    f = _broken(tmp_path, "Connections.csv", HEADER + b'Ada,"' + field + b'",,,,,08 Feb 2026\n')
    with pytest.raises(InputError) as err:
        read("linkedin", f)
    assert_one_line_error(err.value, f)
    assert "field larger than field limit" in str(err.value)
    assert err.value.line is not None


def test_latin1_file_is_decoded_not_refused(tmp_path):
    f = _broken(tmp_path, "Connections.csv",
                HEADER + "Zoë,Müller,,,Café Ltd,Barista,08 Feb 2026\n".encode("latin-1"))
    (contact,) = read("linkedin", f).contacts
    assert contact.name == "Zoë Müller"
    assert contact.company == "Café Ltd"


def test_messages_with_only_drafts_and_spam_are_refused(tmp_path):
    f = _broken(tmp_path, "messages.csv", (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        b"DATE,SUBJECT,CONTENT,FOLDER\n"
        b"c1,,A B,https://www.linkedin.com/in/a-b,C D,https://www.linkedin.com/in/c-d,"
        b"2025-06-01 14:03:22 UTC,,hi,DRAFT\n"
        b"c2,,E F,https://www.linkedin.com/in/e-f,A B,https://www.linkedin.com/in/a-b,"
        b"2025-06-02 14:03:22 UTC,,buy,SPAM\n"))
    with pytest.raises(InputError) as err:
        read("linkedin", f)
    assert_one_line_error(err.value, f)
    assert "nothing to import" in str(err.value)


def test_missing_path_and_unknown_kind(tmp_path):
    with pytest.raises(InputError) as err:
        read("linkedin", tmp_path / "nope.zip")
    assert_one_line_error(err.value, tmp_path / "nope.zip")
    with pytest.raises(InputError):
        read("myspace", FIX / "connections_current.csv")


def test_folder_without_export_files(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read("linkedin", tmp_path)
    assert_one_line_error(err.value, tmp_path)


def test_record_field_order_the_importer_relies_on():
    # linkedin.py builds records positionally in its hot loops; a field inserted in the
    # middle of these dataclasses must come with a change there.
    from dataclasses import fields

    from netlearn.network.records import Contact, Interaction

    assert [f.name for f in fields(Interaction)][:9] == [
        "when", "channel", "direction", "purpose", "contact_key", "note", "personal_note",
        "source", "source_ref"]
    assert [f.name for f in fields(Contact)][:8] == [
        "name", "source", "source_ref", "email", "company", "position", "url", "connected_on"]


def test_unreadable_profile_csv_does_not_block_the_import(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    (folder / "Basic_LinkedInDataExport_02-08-2026" / "Profile.csv").write_bytes(b"\x00\x01")
    batch = read("linkedin", folder)
    assert len(batch.contacts) == 6


def test_messages_in_the_same_second_keep_distinct_ids(tmp_path):
    rows = "".join(
        f"c1,,{who},https://www.linkedin.com/in/{slug},{to},https://www.linkedin.com/in/{to_slug},"
        "2026-01-01 10:00:00 UTC,,x,INBOX\n"
        for who, slug, to, to_slug in [("A B", "a-b", "C D", "c-d"), ("C D", "c-d", "A B", "a-b"),
                                       ("A B", "a-b", "C D", "c-d")] * 2)
    f = tmp_path / "messages.csv"
    f.write_text("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
                 "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n" + rows, encoding="utf-8")
    refs = [m.source_ref for m in read("linkedin", f).interactions]
    assert len(refs) == 6 and len(set(refs)) == 6
    assert refs[2].endswith("#2") and refs[5].endswith("#4")
    assert refs == [m.source_ref for m in read("linkedin", f).interactions]


@pytest.mark.parametrize("connections, sender_url, same_person", [
    # same public URL: the connection
    ("connections_current.csv", "https://www.linkedin.com/in/ada-example", True),
    # another public URL under the same name: somebody else
    ("connections_current.csv", "https://www.linkedin.com/in/ada-example-2", False),
    # LinkedIn's opaque member id instead of the public address: matched by name
    ("connections_current.csv", "https://www.linkedin.com/in/ACoAAB1234567xyz", True),
    # an older Connections.csv without URLs: matched by name
    ("connections_2022.csv", "https://www.linkedin.com/in/ed-mock-77", True),
])
def test_message_sender_matched_to_connection(tmp_path, connections, sender_url, same_person):
    name = "Ada Example" if "current" in connections else "Ed Mock"
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FIX / connections, folder / "Connections.csv")
    (folder / "messages.csv").write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        f"c1,,{name},{sender_url},Sam Owner,https://www.linkedin.com/in/sam-owner,"
        "2026-01-01 10:00:00 UTC,,hi,INBOX\n"
        f"c2,,Sam Owner,https://www.linkedin.com/in/sam-owner,{name},{sender_url},"
        "2026-01-02 10:00:00 UTC,,hi,INBOX\n", encoding="utf-8")
    batch = read("linkedin", folder)
    connection = next(c for c in batch.contacts if c.name == name and c.connected_on)
    keys = {m.contact_key for m in batch.interactions}
    assert len(keys) == 1
    assert (keys == {connection.key}) is same_person
    assert len([c for c in batch.contacts if c.name == name]) == (1 if same_person else 2)


def test_a_hidden_sender_first_does_not_shift_the_senders_of_later_rows(tmp_path):
    header = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
              "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n")
    rows = [("c0", "LinkedIn Member", "", "A B", "a-b", "01"),  # hidden: no pair number
            ("c1", "C D", "c-d", "A B", "a-b", "02"), ("c1", "A B", "a-b", "C D", "c-d", "03"),
            ("c2", "E F", "e-f", "A B", "a-b", "04"), ("c1", "C D", "c-d", "A B", "a-b", "05")]
    f = tmp_path / "messages.csv"
    f.write_text(header + "".join(
        f"{conv},,{who},{'https://www.linkedin.com/in/' + slug if slug else ''},{to},"
        f"https://www.linkedin.com/in/{to_slug},2026-01-{day} 10:00:00 UTC,,x,INBOX\n"
        for conv, who, slug, to, to_slug, day in rows), encoding="utf-8")
    batch = read("linkedin", f)
    assert [s.line for s in batch.skipped] == [2]
    assert [m.source_ref.rsplit("|", 1)[1] for m in batch.interactions] == [
        f"https://www.linkedin.com/in/{slug}" for slug in ("c-d", "a-b", "e-f", "c-d")]
