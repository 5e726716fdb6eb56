"""A lone file from a complete LinkedIn export is imported as LinkedIn, never as the CSV log."""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from netlearn.widgets.upload import detect_kind, import_widget, linkedin_file
from tests.storedb import db_rows

SECRET = "PLANTED-FREE-TEXT"
#: Small hand-made files in the complete export's formats; free text is planted to be refused.
LONE = {
    "Shares.csv": (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        "2025-06-01 14:03:22,https://www.linkedin.com/feed/update/urn:li:share:1,"
        f"{SECRET} post,,,MEMBER_NETWORK\n"
        "2025-06-08 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:2,"
        f"\"{SECRET}, a second post\",,,MEMBER_NETWORK\n", 2),
    "Reactions.csv": (
        "Date,Type,Link\n"
        "2025-06-02 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:2\n"
        "2025-06-05 10:00:00,PRAISE,https://www.linkedin.com/feed/update/urn:li:activity:4\n"
        "2025-06-06 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:5\n", 3),
    "Comments.csv": (
        "Date,Link,Message\n"
        "2025-06-03 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:3,"
        f"{SECRET} comment\n", 1),
    "Endorsement_Given_Info.csv": (
        "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,"
        "Endorsement Status\n"
        "2025/06/01 14:03:22 UTC,Design,Ada,Example,www.linkedin.com/in/example-ada,ACCEPTED\n",
        None),
    "Recommendations_Given.csv": (
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        f'Bo,Sample,Birch Labs,Designer,"{SECRET} recommendation","06/01/25, 2:03 PM",VISIBLE\n',
        None),
    "Events.csv": (
        "Event Name,Event Time,Status,External Url\n"
        "Health Data Meetup,2025-06-05 18:00:00 UTC,ATTENDING,https://example.com/meetup\n",
        1),
}
LOG_HEADER = b"date,name,email,company,channel,direction,purpose,note\n"


def choose(widget, name: str, data: bytes) -> None:
    widget.upload.value = ({"name": name, "type": "", "size": len(data),
                            "content": memoryview(data),
                            "last_modified": datetime(2026, 1, 1, tzinfo=timezone.utc)},)


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.mark.parametrize("name", sorted(LONE))
def test_a_lone_file_is_recognised_by_its_name_and_by_its_header(name):
    data = LONE[name][0].encode()
    assert detect_kind(name, data) == "linkedin"
    assert linkedin_file(name, data) == name
    # renamed by a browser ("Shares (1).csv") or a learner: the header still tells
    assert detect_kind("download (1).csv", data) == "linkedin"
    renamed = "Recommendations_*.csv" if name.startswith("Recommendations") else name
    assert linkedin_file("download (1).csv", data) == renamed  # given or received: unsaid
    # its name alone is enough (the first bytes may not have arrived)
    assert detect_kind(name, b"") == "linkedin"


def test_the_course_log_is_still_the_course_log():
    assert detect_kind("my-log.csv", LOG_HEADER) == "csv"
    assert linkedin_file("my-log.csv", LOG_HEADER) is None
    assert detect_kind("notes.csv", b"a,b,c\n1,2,3\n") == "csv"


def test_an_unnamed_recommendations_file_does_not_guess_given_or_received():
    data = LONE["Recommendations_Given.csv"][0].encode()
    assert linkedin_file("recs.csv", data) == "Recommendations_*.csv"
    assert linkedin_file("my_Recommendations_Received.csv", data) == (
        "Recommendations_Received.csv")


@pytest.mark.parametrize("name", sorted(LONE))
def test_the_widget_imports_a_lone_file_through_the_linkedin_reader(store, name):
    text, interactions = LONE[name]
    widget = import_widget(store=store)
    choose(widget, name, text.encode())
    assert widget.kind.value == "linkedin"
    assert f"looks like LinkedIn&#x27;s {name}, one file of" in widget.detected.value
    widget.import_button.click()
    assert widget.result.value.startswith(f'<span class="netlearn-ok">✓ {name}: added ')
    assert "skipped 0" in widget.result.value
    [log] = db_rows(store, "SELECT kind, file_name FROM imports")
    assert (log["kind"], log["file_name"]) == ("linkedin", name)
    net = store.load_network()
    if name == "Events.csv":
        assert [e.title for e in net.events] == ["Health Data Meetup"]
    else:
        assert net.interactions
        assert all(i.source == "linkedin" for i in net.interactions)
        if interactions is not None:
            assert len(net.interactions) == interactions
    store.close()
    assert SECRET.encode() not in _all_bytes(store.home)


def test_a_lone_linkedin_file_chosen_as_the_course_log_is_named_in_one_line(store):
    widget = import_widget(store=store)
    choose(widget, "Shares.csv", LONE["Shares.csv"][0].encode())
    widget.kind.value = "csv"  # the learner overrode the detected type
    widget.import_button.click()
    message = widget.result.value
    assert message.startswith('<span class="netlearn-problem">✗ Shares.csv: is a file from a '
                              "LinkedIn export, not a netlearn CSV log")
    assert "\n" not in message and "Traceback" not in message
    assert not store.has_activity()


def test_a_lone_file_with_a_header_only_is_refused_in_one_line(store):
    widget = import_widget(store=store)
    choose(widget, "Reactions.csv", b"Date,Type,Link\n")
    widget.import_button.click()
    assert "✗ Reactions.csv: has a header but no rows" in widget.result.value
    assert not store.has_activity()


def test_the_cli_imports_a_lone_file_and_names_the_wrong_kind(tmp_path, monkeypatch, capsys):
    from netlearn import store as store_module
    from netlearn.cli import main

    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    shares = tmp_path / "Shares.csv"
    shares.write_text(LONE["Shares.csv"][0], encoding="utf-8")
    assert main(["import", "csv", str(shares)]) != 0
    out, err = capsys.readouterr()
    assert "Shares.csv: is a file from a LinkedIn export, not a netlearn CSV log" in err
    assert "netlearn import linkedin" in err and "Traceback" not in out + err
    assert main(["import", "linkedin", str(shares)]) == 0
    out, err = capsys.readouterr()
    assert "Shares.csv: added 2, already present 0, skipped 0" in out
    assert main(["import", "linkedin", str(shares)]) == 0  # idempotent
    assert "added 0, already present 2" in capsys.readouterr().out
    store_module._stores.pop(home, None)
    assert SECRET.encode() not in _all_bytes(home)


def test_a_whole_export_zip_is_not_taken_for_its_first_file(store, tmp_path):
    """A zip whose first member is stored uncompressed shows a CSV header in its first bytes."""
    import zipfile

    path = tmp_path / "Complete_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("Connections.csv", "Notes:\n\"When exporting your connection data, "
                         "you may notice...\"\n\nFirst Name,Last Name,URL,Email Address,"
                         "Company,Position,Connected On\nAda,Lovelace,,,,,01 Jan 2025\n")
    data = path.read_bytes()
    assert b"Connected On" in data[:8192]
    assert linkedin_file(path.name, data[:8192]) is None
    assert detect_kind(path.name, data[:8192]) == "linkedin"
    widget = import_widget(store=store)
    widget.upload.value = ({"name": path.name, "type": "application/zip", "size": len(data),
                            "content": memoryview(data),
                            "last_modified": datetime(2025, 1, 1, tzinfo=timezone.utc)},)
    assert "looks like LinkedIn data export" in widget.detected.value
