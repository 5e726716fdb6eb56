"""The complete LinkedIn export: gives, received, posts, comments, reactions and events."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from netlearn.importers import dates, read
from netlearn.importers.linkedin import complete as linkedin_extra
from netlearn.plumbing.errors import InputError
from netlearn.store import Store

SECRETS = ("PLANTED-POST-TEXT", "PLANTED-COMMENT-TEXT", "PLANTED-RECOMMENDATION-TEXT",
           "PLANTED-RECEIVED-TEXT", "PLANTED-MESSAGE-BODY", "PLANTED-INVITATION-NOTE",
           "PLANTED-SKILL")
OWNER = "https://www.linkedin.com/in/example-owner"
ADA = "https://www.linkedin.com/in/example-ada"

FILES = {
    "Connections.csv": (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"Ada,Example,{ADA},,Acme Health,Lead,08 Feb 2025\n"
        "Bo,Sample,https://www.linkedin.com/in/example-bo,,Birch Labs,Designer,09 Feb 2025\n"),
    "messages.csv": (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        f"c1,,Sam Owner,{OWNER},Ada Example,{ADA},2025-02-09 10:00:00 UTC,,"
        "PLANTED-MESSAGE-BODY,INBOX\n"),
    "Invitations.csv": (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        'Sam Owner,Ada Example,"2/8/25, 9:00 AM",PLANTED-INVITATION-NOTE,OUTGOING,'
        f"{OWNER},{ADA}\n"),
    "Endorsement_Given_Info.csv": (
        "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,"
        "Endorsement Status\n"
        "2025/06/01 14:03:22 UTC,PLANTED-SKILL,Ada,Example,www.linkedin.com/in/example-ada,"
        "ACCEPTED\n"
        "2025/06/02 14:03:22 UTC,Design,Cy,Newperson,,ACCEPTED\n"
        "yesterday,Design,Bo,Sample,www.linkedin.com/in/example-bo,ACCEPTED\n"),
    "Endorsement_Received_Info.csv": (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,"
        "Endorsement Status\n"
        "2025/07/01 08:00:00 UTC,Research,Bo,Sample,www.linkedin.com/in/example-bo,ACCEPTED\n"),
    "Recommendations_Given.csv": (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        'Bo,Sample,Birch Labs,Designer,"PLANTED-RECOMMENDATION-TEXT, two lines\nlong",'
        '"06/01/25, 2:03 PM",VISIBLE\n'),
    "Recommendations_Received.csv": (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        'Ada,Example,Acme Health,Lead,PLANTED-RECEIVED-TEXT,"07/04/25, 9:15 AM",VISIBLE\n'),
    "Shares.csv": (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2025-06-01 14:03:22,https://www.linkedin.com/feed/update/urn:li:share:1,"
        "PLANTED-POST-TEXT,,,MEMBER_NETWORK\n"
        "2025-06-08 09:00:00,,PLANTED-POST-TEXT again,,,MEMBER_NETWORK\n"),
    "Comments.csv": (
        "Date,Link,Message\n"
        "2025-06-03 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,"
        "PLANTED-COMMENT-TEXT\n"
        "2025-06-04 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,"
        "PLANTED-COMMENT-TEXT\n"),
    "Reactions.csv": (
        "Date,Type,Link\n"
        "2025-06-02 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:2\n"
        "2025-06-05 10:00:00,PRAISE,https://www.linkedin.com/feed/update/urn:li:activity:4\n"),
    "Events.csv": (
        "Event Name,Event Time,Status,External Url\n"
        "Health Data Meetup,2025-06-05 18:00:00 UTC,ATTENDING,https://example.com/meetup\n"
        '"Design Week, day 2","Jun 10, 2025, 6:00 PM - Jun 10, 2025, 8:00 PM",NOT_ATTENDING,\n'
        "Future Conference,2099-01-05 09:00:00 UTC,REGISTERED,\n"),
    "Ad_Targeting.csv": "Member Age,Buyer Groups\n25-34,PLANTED-POST-TEXT\n",
    "Rich_Media.csv": "Date/Time,Media Description,Media Link\nx,PLANTED-POST-TEXT,y\n",
}


def write_export(folder: Path, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (files or FILES).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def zip_of(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"Complete_LinkedInDataExport/{path.name}")
    return target


def refs(batch, prefix):
    return [i for i in batch.interactions if i.source_ref.startswith(prefix)]


@pytest.fixture
def export(tmp_path):
    return write_export(tmp_path / "export")


def test_every_file_maps_onto_the_existing_records(export):
    batch = read("linkedin", export)
    names = {Path(label).name: rows for label, rows in batch.files}
    assert names == {"Connections.csv": 2, "Invitations.csv": 1, "messages.csv": 1,
                     "Endorsement_Given_Info.csv": 3, "Endorsement_Received_Info.csv": 1,
                     "Recommendations_Given.csv": 1, "Recommendations_Received.csv": 1,
                     "Shares.csv": 2, "Comments.csv": 2, "Reactions.csv": 2, "Events.csv": 3}
    given = refs(batch, "endorse:out")
    assert [(i.when, i.contact_key, i.channel, i.direction, i.purpose) for i in given] == [
        (datetime(2025, 6, 1, 14, 3, 22), f"linkedin:{ADA}", "post", "out", "give"),
        (datetime(2025, 6, 2, 14, 3, 22), "linkedin:cy newperson|", "post", "out", "give")]
    [received] = refs(batch, "endorse:in")
    assert (received.direction, received.purpose) == ("in", "give")
    assert received.contact_key == "linkedin:https://www.linkedin.com/in/example-bo"
    [rec] = refs(batch, "recommend:out")
    assert rec.when == datetime(2025, 6, 1, 14, 3)
    assert rec.contact_key == "linkedin:https://www.linkedin.com/in/example-bo"  # by name
    [rec_in] = refs(batch, "recommend:in")
    assert (rec_in.when, rec_in.direction) == (datetime(2025, 7, 4, 9, 15), "in")
    kinds = [linkedin_extra.activity_kind(i) for i in batch.interactions]
    assert kinds.count("post") == 2 and kinds.count("comment") == 2
    assert kinds.count("reaction") == 2 and kinds.count("endorsement") == 3
    assert kinds.count("recommendation") == 2
    for item in refs(batch, "share:") + refs(batch, "comment:") + refs(batch, "reaction:"):
        assert (item.channel, item.direction, item.contact_key) == ("post", "out", "")
    assert len({i.source_ref for i in batch.interactions}) == len(batch.interactions)
    events = {e.title: e for e in batch.events}
    assert events["Health Data Meetup"].day == date(2025, 6, 5)
    assert events["Health Data Meetup"].attended
    assert events["Health Data Meetup"].location == "https://example.com/meetup"
    assert events["Design Week, day 2"].day == date(2025, 6, 10)
    assert not events["Design Week, day 2"].attended  # NOT_ATTENDING
    assert not events["Future Conference"].attended  # still to come
    assert {Path(s.path).name: (s.line, "not a date" in s.reason) for s in batch.skipped} == {
        "Endorsement_Given_Info.csv": (4, True)}
    assert batch.notes == []


def test_zip_and_folder_give_the_same_records(export, tmp_path):
    from_folder = read("linkedin", export)
    from_zip = read("linkedin", zip_of(export, tmp_path / "export.zip"))
    assert from_zip.contacts == from_folder.contacts
    assert list(from_zip.interactions) == list(from_folder.interactions)
    assert from_zip.events == from_folder.events
    assert [(s.line, s.reason) for s in from_zip.skipped] == [
        (s.line, s.reason) for s in from_folder.skipped]


@pytest.mark.parametrize("name", sorted(linkedin_extra.FILE_NAMES.values()))
def test_each_new_file_imports_on_its_own(export, name):
    batch = read("linkedin", export / name)
    assert [Path(label).name for label, _ in batch.files] == [name]
    assert batch.interactions or batch.events


def test_a_recommendations_file_whose_name_does_not_say_which_is_refused(export, tmp_path):
    odd = tmp_path / "recs.csv"
    shutil.copy(export / "Recommendations_Given.csv", odd)
    with pytest.raises(InputError, match="given or received") as info:
        read("linkedin", odd)
    assert str(odd) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("bad", [b"\x00\x01\x02binary", b"Foo,Bar\n1,2\n",
                                 b'Date,Link,Message\n2025-01-01,"open quote\n'])
def test_a_broken_optional_file_is_named_and_the_rest_imports(export, bad):
    (export / "Shares.csv").write_bytes(bad)
    batch = read("linkedin", export)
    assert len(batch.notes) == 1 and "Shares.csv" in batch.notes[0]
    assert batch.notes[0].startswith("not read:")
    assert "Shares.csv" not in {Path(label).name for label, _ in batch.files}
    assert len(batch.contacts) >= 2 and batch.events


def test_a_broken_core_file_still_refuses_the_whole_export(export):
    (export / "Connections.csv").write_bytes(b"\x00\x01 binary")
    with pytest.raises(InputError, match="Connections.csv"):
        read("linkedin", export)


def test_an_export_of_only_activity_files_imports(tmp_path):
    only = {name: FILES[name] for name in ("Shares.csv", "Reactions.csv", "Events.csv")}
    batch = read("linkedin", write_export(tmp_path / "only", only))
    assert len(batch.interactions) == 4 and len(batch.events) == 3


@pytest.mark.parametrize("text, expected", [
    ("2025/06/01 14:03:22 UTC", datetime(2025, 6, 1, 14, 3, 22)),
    ("06/01/25, 2:03 PM", datetime(2025, 6, 1, 14, 3)),
    ("2025-06-01 14:03:22", datetime(2025, 6, 1, 14, 3, 22)),
    ("2025-06-01T14:03:22Z", datetime(2025, 6, 1, 14, 3, 22)),
    ("Jun 1, 2025, 6:00 PM", datetime(2025, 6, 1, 18, 0)),
    ("2025-06-01 18:00:00 UTC - 2025-06-01 20:00:00 UTC", datetime(2025, 6, 1, 18, 0)),
    ("08 Feb 2026", datetime(2026, 2, 8)),
    ("yesterday", None), ("", None), ("13/45/25, 2:03 PM", None), ("2025-02-30 10:00:00", None),
    ("=HYPERLINK(\"http://x\")", None), ("9" * 500, None),
])
def test_one_date_parser_for_every_file(text, expected):
    assert dates.parse_time(text) == expected


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_no_free_text_anywhere_in_netlearn_home_or_the_export(export, tmp_path, monkeypatch):
    from netlearn import store as store_module
    from netlearn.cli import main

    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    assert main(["import", "linkedin", str(zip_of(export, tmp_path / "export.zip"))]) == 0
    assert main(["import", "linkedin", str(export)]) == 0  # the folder too: adds nothing
    assert main(["export", str(tmp_path / "exported")]) == 0
    assert main(["export", "--summary", str(tmp_path / "summary.json")]) == 0
    store_module._stores.pop(home, None)
    for folder in (home, tmp_path / "exported"):
        data = _all_bytes(folder)
        assert b"Health Data Meetup" in data  # it did store and export the records
        for secret in SECRETS:
            assert secret.encode() not in data, (folder, secret)
    assert not any(s.encode() in (tmp_path / "summary.json").read_bytes() for s in SECRETS)


def test_import_is_idempotent_and_logs_one_transaction(export, tmp_path):
    store = Store(tmp_path / "home")
    first = store.save_batch(read("linkedin", export), kind="linkedin")
    again = store.save_batch(read("linkedin", export), kind="linkedin")
    assert first.added > 0 and again.added == 0
    assert again.present == first.added + first.present
    net = store.load_network()
    assert len(net.events) == 3
    assert sum(linkedin_extra.activity_kind(i) == "reaction" for i in net.interactions) == 2
    store.close()


def test_the_cli_lists_the_files_used_and_names_a_broken_one(export, tmp_path, monkeypatch,
                                                             capsys):
    from netlearn.cli import main

    (export / "Reactions.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    monkeypatch.setenv("NETLEARN_HOME", str(tmp_path / "home"))
    assert main(["import", "linkedin", str(export)]) == 0
    out, err = capsys.readouterr()
    assert "Events.csv: 3 rows" in out and "Shares.csv: 2 rows" in out
    assert "Ad_Targeting" not in out + err  # unknown files are ignored
    assert "Reactions.csv" in err and "not read" in err
    assert "Endorsement_Given_Info.csv:4:" in err
    assert "Traceback" not in out + err
