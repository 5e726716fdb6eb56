"""Undoing one import (netlearn forget --import ID): what it alone brought goes, the rest stays."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date

import pytest

from netlearn.keep.archive import restore_archive, write_archive
from netlearn.keep.ingest import import_file
from netlearn.network.records import Batch, Commitment, Contact
from netlearn.plumbing.errors import StoreError
from netlearn.store import SCHEMA_VERSION, Store
from netlearn.store import undo as undo_module
from tests.fixtures import make_mailboxes
from tests.storedb import db_rows
from tests.test_mail_follow_up import PACIFIC_CALENDAR, TODAY, sent

pytestmark = pytest.mark.usefixtures("fixed_today")


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr("netlearn.importers.ics.resolve_today", lambda today=None: TODAY)
    monkeypatch.setattr("netlearn.importers.mbox.resolve_today", lambda today=None: TODAY)


def everything(store) -> dict[str, list[tuple]]:
    """Every row of the learner's records, ids left out, to compare stores by content."""
    return {table: sorted(tuple(row)[1:] for row in db_rows(store, f"SELECT * FROM {table}"))
            for table in ("contacts", "interactions", "events", "commitments", "imports")}


def calendar_and_mailbox(store, tmp_path):
    calendar = tmp_path / "calendar.ics"
    calendar.write_text(PACIFIC_CALENDAR, encoding="utf-8")
    import_file(store, "ics", calendar)
    (mailbox,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", mailbox)
    return {entry.kind: entry for entry in store.imports()}


def emails(store) -> list:
    return db_rows(store, "SELECT * FROM interactions WHERE channel = 'email'")


def test_forgetting_the_mailbox_keeps_the_calendar_and_its_people(store, tmp_path):
    imports = calendar_and_mailbox(store, tmp_path)
    assert [(e.kind, e.file_name, e.added) for e in store.imports()] == [
        ("mbox", "takeout-20260201T090000Z-001.zip", 5), ("ics", "calendar.ics", 10)]
    assert len(emails(store)) == 5
    deleted = store.forget_import(imports["mbox"].id)
    # the five messages go; Ada, Bo and Eve stay, met at the calendar's events
    assert deleted == {"contacts": 0, "interactions": 5, "events": 0, "commitments": 0}
    assert emails(store) == []
    assert len(db_rows(store, "SELECT * FROM contacts")) == 4
    assert [e.kind for e in store.imports()] == ["ics"]
    # forgetting the calendar too leaves nothing behind
    store.forget_import(imports["ics"].id)
    assert everything(store) == {table: [] for table in everything(store)}
    assert db_rows(store, "SELECT * FROM import_rows") == []


def test_a_wrong_mailbox_goes_with_its_people_but_not_those_added_by_hand(store, tmp_path):
    store.save_batch(Batch("manual", "notebook", contacts=[
        Contact("Ada (typed in)", email="ada@example.com", source="manual", source_ref="a1")]))
    store.save_batch(Batch("vcard", "contacts.vcf", contacts=[
        Contact("Bo from vCard", email="bo@example.net", source="vcard", source_ref="v1")]))
    before = everything(store)
    (mailbox,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", mailbox)
    (entry,) = [e for e in store.imports() if e.kind == "mbox"]
    deleted = store.forget_import(entry.id)
    # Ada was typed in and Bo came from the vCard file: they stay; Eve came only by mail
    assert deleted["contacts"] == 1 and deleted["interactions"] == 5
    assert everything(store) == before


def test_rows_a_later_import_also_brought_stay(store, tmp_path):
    older, newer = tmp_path / "older", tmp_path / "newer"
    older.mkdir()
    newer.mkdir()
    import_file(store, "mbox", make_mailboxes.takeout(older)[0])
    more = make_mailboxes.mbox([sent(15, "ada@example.com", "Sun, 18 Jan 2026 09:00:00 +0000")])
    path = newer / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(make_mailboxes.TAKEOUT_MBOX, make_mailboxes.takeout_mbox() + more)
    import_file(store, "mbox", path)
    first = store.imports()[-1]
    assert first.file_name == "takeout-20260201T090000Z-001.zip"
    assert store.forget_import(first.id) == {"contacts": 0, "interactions": 0, "events": 0,
                                             "commitments": 0}
    assert len(emails(store)) == 6
    assert len(db_rows(store, "SELECT * FROM contacts")) == 3


def test_a_contact_named_in_a_commitment_stays(store, tmp_path):
    (mailbox,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", mailbox)
    (eve,) = db_rows(store, "SELECT id FROM contacts WHERE email = 'eve@example.com'")
    store.save_batch(Batch("manual", "notebook", commitments=[
        Commitment("Send Eve the link", date(2026, 2, 3), contact_id=eve["id"])]))
    store.forget_import(store.imports()[0].id)
    assert [r["email"] for r in db_rows(store, "SELECT email FROM contacts")] == [
        "eve@example.com"]


def test_forgetting_twice_deletes_nothing_more_and_importing_again_reads_again(store,
                                                                              tmp_path):
    (mailbox,) = make_mailboxes.takeout(tmp_path)
    first = import_file(store, "mbox", mailbox)
    again = import_file(store, "mbox", mailbox)
    assert again.same_as is not None and len(store.imports()) == 2
    entry_id = store.imports()[-1].id
    store.forget_import(entry_id)
    assert store.imports() == []  # the logged repeat of the same file went with it
    before = everything(store)
    with pytest.raises(StoreError, match=f"there is no import {entry_id}"):
        store.forget_import(entry_id)
    assert everything(store) == before
    back = import_file(store, "mbox", mailbox)
    assert back.same_as is None and back.result.added == first.result.added


def test_a_failure_half_way_deletes_nothing(store, tmp_path, monkeypatch):
    imports = calendar_and_mailbox(store, tmp_path)
    before = everything(store)
    real = undo_module._delete_only_theirs

    def fails_at_events(conn, import_id, table):
        if table == "events":
            raise sqlite3.OperationalError("disk I/O error")
        return real(conn, import_id, table)

    monkeypatch.setattr(undo_module, "_delete_only_theirs", fails_at_events)
    with pytest.raises(StoreError):
        store.forget_import(imports["ics"].id)
    assert everything(store) == before


def test_notebook_entries_are_not_imports(store):
    store.save_batch(Batch("manual", "notebook", contacts=[Contact("Ada")]))
    assert store.imports() == []
    (manual,) = db_rows(store, "SELECT id FROM imports")
    with pytest.raises(StoreError, match="there is no import"):
        store.forget_import(manual["id"])


def test_an_import_made_before_schema_8_is_linked_to_the_rows_it_added(home, tmp_path):
    (mailbox,) = make_mailboxes.takeout(tmp_path)
    store = Store(home)
    import_file(store, "mbox", mailbox)
    store.close()
    conn = sqlite3.connect(home / "netlearn.db")
    conn.executescript("DROP TABLE import_rows; PRAGMA user_version = 7;")
    for table in ("contacts", "interactions", "events", "commitments"):
        conn.execute(f"DROP TRIGGER {table}_unlinked")
    conn.commit()
    conn.close()
    store = Store(home)
    assert db_rows(store, "PRAGMA user_version")[0][0] == SCHEMA_VERSION
    (entry,) = store.imports()
    assert entry.rows == 3 + 5
    store.forget_import(entry.id)
    assert everything(store) == {table: [] for table in everything(store)}
    store.close()


def test_export_and_a_restored_backup_keep_the_links(store, home, tmp_path):
    imports = calendar_and_mailbox(store, tmp_path)
    exported = store.export_csv(tmp_path / "csv")
    assert "import_rows.csv" in {path.name for path in exported}
    backup = write_archive(store, tmp_path / "backup.zip")
    elsewhere = Store(tmp_path / "elsewhere")
    try:
        # the other store holds a row of its own first, so ids differ from the backup's
        elsewhere.save_batch(Batch("manual", "notebook", contacts=[Contact("Zoe")]))
        restore_archive(elsewhere, backup)
        restored = {e.kind: e for e in elsewhere.imports()}
        assert restored["mbox"].rows == imports["mbox"].rows
        elsewhere.forget_import(restored["mbox"].id)
        assert emails(elsewhere) == []
        assert len(db_rows(elsewhere, "SELECT * FROM contacts")) == 5  # Zoe and 4 met
    finally:
        elsewhere.close()
