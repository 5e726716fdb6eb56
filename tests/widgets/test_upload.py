"""The upload widget: kind detection, private temp files, progress, counts, errors, preview."""

from datetime import datetime, timezone
from pathlib import Path

import pytest

from netlearn import importers
from netlearn.plumbing.errors import StoreError
from netlearn.store import ImportResult
from netlearn.widgets import upload
from netlearn.widgets.upload import detect_kind, import_widget, result_line, safe_file_name
from tests.helpers import HOSTILE_IMG as HOSTILE
from tests.helpers import assert_escaped
from tests.storedb import db_rows

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "cli"
REPO = Path(__file__).resolve().parents[2]

LOG_CSV = (b"date,name,email,company,channel,direction,purpose,note\n"
           b"2026-01-15,Ada Example,ada@example.com,Example Ltd,in_person,out,meet,\n"
           b"2026-01-16,Ada Example,ada@example.com,Example Ltd,email,out,follow_up,\n"
           b"not-a-date,Bo,,,email,out,ask,\n")


def choose(widget, name: str, data: bytes) -> None:
    widget.upload.value = ({"name": name, "type": "", "size": len(data),
                            "content": memoryview(data),
                            "last_modified": datetime(2026, 1, 1, tzinfo=timezone.utc)},)


def counts(store):
    return store.counts()


@pytest.mark.parametrize(("name", "head", "kind"), [
    ("Basic_LinkedInDataExport_01-01-2026.zip", b"PK\x03\x04", "linkedin"),
    ("contacts.VCF", b"", "vcard"),
    ("calendar.ics", b"", "ics"),
    ("Connections.csv", b"Notes:\n\"When exporting...\"\n\nFirst Name,Last Name,URL,"
                        b"Email Address,Company,Position,Connected On\n", "linkedin"),
    ("messages.csv", b"CONVERSATION ID,CONVERSATION TITLE,FROM,TO,DATE,CONTENT\n", "linkedin"),
    ("Invitations.csv", b"From,To,Sent At,Message,Direction\n", "linkedin"),
    ("my-log.csv", b"date,name,email,company,channel,direction,purpose,note\n", "csv"),
    ("noextension", b"BEGIN:VCARD\r\nVERSION:3.0\r\n", "vcard"),
    ("noextension", b"\xef\xbb\xbfBEGIN:VCALENDAR\r\n", "ics"),
    ("noextension", b"PK\x03\x04rest", "linkedin"),
    ("notes.txt", b"just some words", None),
])
def test_detect_kind(name, head, kind):
    assert detect_kind(name, head) == kind


@pytest.mark.parametrize(("name", "safe"), [
    ("Connections.csv", "Connections.csv"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\me\\export.zip", "export.zip"),
    ("", "upload.zip"),
    ("..", "upload.zip"),
    ("a<b>c.csv", "a_b_c.csv"),
])
def test_safe_file_name(name, safe):
    assert safe_file_name(name, "linkedin") == safe


def test_result_line_lists_skipped_rows():
    from netlearn.network.records import Skipped

    skipped = [Skipped("/tmp/x/log.csv", n, f"reason {n}") for n in range(1, 8)]
    line = result_line(ImportResult(120, 0, 7), skipped, "/tmp/x")
    assert line.startswith("added 120, already present 0, skipped 7 — skipped rows: line 1: "
                           "reason 1; line 2")
    assert line.endswith("; … and 2 more")
    assert "/tmp/x" not in line


def test_nothing_chosen(store):
    widget = import_widget(store=store)
    widget.import_button.click()
    assert "✗ Choose a file first" in widget.result.value


def test_import_a_csv_log(store):
    widget = import_widget(store=store)
    choose(widget, "my-log.csv", LOG_CSV)
    assert widget.kind.value == "csv"
    assert "looks like My networking log" in widget.detected.value
    widget.import_button.click()
    message = widget.result.value
    assert "✓ my-log.csv: added 3, already present 0, skipped 1" in message
    assert "skipped rows: line 4: date must be" in message
    assert counts(store)["contacts"] == 1 and counts(store)["interactions"] == 2
    assert widget.bar.value == 100 and widget.bar.bar_style == "success"
    assert widget.upload.value == ()  # cleared after the import
    uploads = store.home / "uploads"
    assert uploads.is_dir() and (uploads.stat().st_mode & 0o777) == 0o700
    assert list(uploads.iterdir()) == []  # the uploaded copy is deleted
    assert not any(REPO.glob("**/my-log.csv"))
    [log] = db_rows(store, "SELECT kind, file_name FROM imports")
    assert (log["kind"], log["file_name"]) == ("csv", "my-log.csv")


def test_reimport_adds_nothing(store):
    widget = import_widget(store=store)
    choose(widget, "my-log.csv", LOG_CSV)
    widget.import_button.click()
    before = counts(store)
    choose(widget, "my-log.csv", LOG_CSV)
    widget.import_button.click()
    assert "added 0, already present 3, skipped 1" in widget.result.value
    assert "the same file was imported on 20" in widget.result.value
    assert "line 4" not in widget.result.value  # listed the first time
    assert counts(store) == before
    changed = LOG_CSV + b"2026-01-20,Ada Example,ada@example.com,Example Ltd,call,in,give,\n"
    choose(widget, "my-log.csv", changed)
    widget.import_button.click()
    assert "✓ my-log.csv: added 1, already present 3, skipped 1" in widget.result.value
    assert "the same file" not in widget.result.value


@pytest.mark.parametrize(("name", "kind"), [
    ("Connections.csv", "linkedin"), ("contacts.vcf", "vcard"), ("calendar.ics", "ics"),
    ("log.csv", "csv"),
])
def test_every_fixture_kind_imports(store, name, kind):
    widget = import_widget(store=store)
    choose(widget, name, (FIXTURES / name).read_bytes())
    assert widget.kind.value == kind
    widget.import_button.click()
    assert f"✓ {name}: added " in widget.result.value
    assert store.has_activity()


def test_kind_can_be_overridden(store):
    widget = import_widget(store=store)
    choose(widget, "my-log.csv", LOG_CSV)
    widget.kind.value = "vcard"
    widget.import_button.click()
    assert "✗ my-log.csv: is not a vCard file" in widget.result.value
    assert not store.has_activity()


def test_broken_file_is_one_line_without_the_temp_path(store):
    widget = import_widget(store=store)
    choose(widget, "broken.vcf", (FIXTURES / "broken.vcf").read_bytes())
    widget.import_button.click()
    message = widget.result.value
    assert message.startswith('<span class="netlearn-problem">✗ broken.vcf: ')
    assert "uploads" not in message and "import-" not in message
    assert "\n" not in message and "Traceback" not in message
    assert widget.bar.bar_style == "danger"
    assert not store.has_activity()
    assert list((store.home / "uploads").iterdir()) == []


def test_store_error_is_shown(store, monkeypatch):
    def broken(*args, **kwargs):
        raise StoreError("cannot write (disk I/O error)", path=store.path)

    monkeypatch.setattr(store, "save_batch", broken)
    widget = import_widget(store=store)
    choose(widget, "my-log.csv", LOG_CSV)
    widget.import_button.click()
    assert "✗" in widget.result.value and "disk I/O error" in widget.result.value


def test_progress_bar_follows_the_importer(store, monkeypatch):
    seen = []
    real_read = importers.read

    def read(kind, path, progress=None):
        widget.bar.observe(lambda change: seen.append(change["new"]), "value")
        for done in (0, 25, 50, 100):
            progress(done, 100)
        return real_read(kind, path, progress)

    monkeypatch.setattr(importers, "read", read)
    widget = import_widget(store=store)
    choose(widget, "my-log.csv", LOG_CSV)
    widget.import_button.click()
    assert 25 in seen and 50 in seen
    assert widget.bar.value == 100


def test_preview_of_the_sample_export_stores_nothing(store):
    widget = import_widget(store=store)
    widget.preview_button.click()
    text = widget.preview.value
    assert "The sample LinkedIn export" in text and "contacts" in text
    assert "Nothing was saved" in text
    assert not store.has_activity()
    assert db_rows(store, "SELECT COUNT(*) AS n FROM imports")[0]["n"] == 0
    assert list((store.home / "uploads").iterdir()) == []


def test_uploaded_names_and_data_are_escaped(store):
    widget = import_widget(store=store)
    data = (b"date,name,email,company,channel,direction,purpose,note\n"
            b"2026-01-15,\"" + HOSTILE.encode() + b"\",,,in_person,out,meet,\n"
            b"oops,\"" + HOSTILE.encode() + b"\",,,email,out,ask,\n")
    choose(widget, HOSTILE + ".csv", data)
    widget.import_button.click()
    assert_escaped(widget, HOSTILE, expect_in_html=False)
    assert db_rows(store, "SELECT name FROM contacts")[0]["name"] == HOSTILE


def test_upload_folder_is_private_even_if_it_existed(store):
    folder = store.home / "uploads"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    assert upload.uploads_dir(store.home) == folder
    assert (folder.stat().st_mode & 0o777) == 0o700
