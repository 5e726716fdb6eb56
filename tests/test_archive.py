"""Backup archives: everything round-trips, restores merge idempotently in one transaction."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from netlearn.cli import main
from netlearn.keep.archive import FORMAT_VERSION, MANIFEST, restore_archive, write_archive
from netlearn.network.records import Batch
from netlearn.network.sample import sample_network
from netlearn.plumbing.errors import InputError
from netlearn.store import SCHEMA_VERSION, RestoreConflict, Store
from tests.storedb import db_rows

REPO = Path(__file__).resolve().parents[1]


def fill(store: Store) -> None:
    """A learner with activity and progress in every table."""
    net = sample_network()
    store.save_batch(Batch(source="sample", path="sample.csv", contacts=net.contacts,
                           interactions=net.interactions, events=net.events,
                           commitments=net.commitments))
    store.save_answer("01-preparation", "q1", ["a"], 1, 1, True)
    store.save_answer("01-preparation", "q1", ["b"], 0, 1, False)
    store.save_self_assessment("01-preparation", "s1", "before", 3)
    store.save_reflection("00-start-here", "goals", "Meet two people a month")
    store.save_pitch("I design clinics' software.", 5, 2.0, {"clear": True})
    store.set_setting("use_sample", False)
    first = db_rows(store, "SELECT id FROM commitments ORDER BY id LIMIT 1")[0]["id"]
    store.set_commitment_done(first)


def everything(store: Store) -> dict:
    """Every table's rows without ids or creation times, ids of other rows replaced by keys."""
    contacts = {r["id"]: (r["source"], r["source_ref"])
                for r in db_rows(store, "SELECT id, source, source_ref FROM contacts")}
    events = {r["id"]: (r["source"], r["source_ref"])
              for r in db_rows(store, "SELECT id, source, source_ref FROM events")}
    out = {}
    for table in ("contacts", "interactions", "events", "event_attendees", "commitments",
                  "answers", "self_assessments", "reflections", "pitches", "imports",
                  "settings"):
        rows = []
        for row in db_rows(store, f"SELECT * FROM {table}"):
            row = dict(row)
            row.pop("id", None)
            if "contact_id" in row:
                row["contact_id"] = contacts.get(row["contact_id"])
            if "event_id" in row:
                row["event_id"] = events.get(row["event_id"])
            rows.append(tuple(sorted((k, str(v)) for k, v in row.items())))
        out[table] = sorted(rows)
    return out


@pytest.fixture
def backup(tmp_path):
    source = Store(tmp_path / "source")
    fill(source)
    path = write_archive(source, tmp_path / "backup.zip")
    yield source, path
    source.close()


def test_round_trip_into_an_empty_store(backup, tmp_path):
    source, path = backup
    target = Store(tmp_path / "target")
    result = restore_archive(target, path)
    assert result.added["contacts"] == 140 and result.present == 0
    assert everything(target) == everything(source)
    target.close()


def test_restore_is_idempotent_and_merges(backup, tmp_path):
    source, path = backup
    target = Store(tmp_path / "target")
    target.save_reflection("01-preparation", "own", "written here first")
    restore_archive(target, path)
    before = everything(target)
    again = restore_archive(target, path)
    assert again.total_added == 0 and again.present > 900
    assert everything(target) == before
    assert target.reflections()[("01-preparation", "own")]["text"] == "written here first"
    assert restore_archive(source, path).total_added == 0  # into the store it came from
    target.close()


def test_conflict_refuses_and_changes_nothing(backup, tmp_path):
    source, path = backup
    target = Store(tmp_path / "target")
    target.save_reflection("00-start-here", "goals", "Something else")
    before = everything(target)
    with pytest.raises(RestoreConflict) as caught:
        restore_archive(target, path)
    assert "reflections" in str(caught.value) and "nothing was restored" in str(caught.value)
    assert everything(target) == before
    target.close()


def rewrite_manifest(path: Path, change) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members[MANIFEST])
    change(manifest, members)
    members[MANIFEST] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_newer_archive_is_refused(backup, tmp_path):
    _, path = backup
    target = Store(tmp_path / "target")
    rewrite_manifest(path, lambda m, _: m.update(schema_version=SCHEMA_VERSION + 1))
    with pytest.raises(InputError, match="update the course first"):
        restore_archive(target, path)
    rewrite_manifest(path, lambda m, _: m.update(schema_version=SCHEMA_VERSION,
                                                 format_version=FORMAT_VERSION + 1))
    with pytest.raises(InputError, match="backup format"):
        restore_archive(target, path)
    assert target.counts()["contacts"] == 0
    target.close()


def test_archive_of_an_older_schema_is_restored(backup, tmp_path):
    """Schema 1 had no import digest: an archive without that column still restores."""
    _, path = backup

    def drop_digest(manifest, members):
        manifest["schema_version"] = 1
        lines = members["imports.csv"].decode().splitlines()
        header = lines[0].split(",")
        keep = [i for i, name in enumerate(header) if name != "digest"]
        text = "".join(",".join(line.split(",")[i] for i in keep) + "\r\n" for line in lines)
        members["imports.csv"] = text.encode()
        entry = manifest["tables"]["imports"]
        entry["columns"] = [header[i] for i in keep]
        entry["sha256"] = hashlib.sha256(members["imports.csv"]).hexdigest()

    rewrite_manifest(path, drop_digest)
    target = Store(tmp_path / "target")
    assert restore_archive(target, path).added["imports"] == 1
    target.close()


def rewrite_csv(manifest, members, table, change) -> None:
    """Rewrite one table of an archive (``change`` gets and returns its rows, header first)."""
    import csv
    import io

    name = f"{table}.csv"
    rows = change(list(csv.reader(io.StringIO(members[name].decode(), newline=""))))
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    members[name] = out.getvalue().encode()
    entry = manifest["tables"][table]
    entry["columns"] = rows[0]
    entry["rows"] = len(rows) - 1
    entry["sha256"] = hashlib.sha256(members[name]).hexdigest()


def drop_column(manifest, members, table, column) -> None:
    """Rewrite one table of an archive without ``column``, as an older schema wrote it."""
    def without(rows):
        keep = [i for i, name in enumerate(rows[0]) if name != column]
        return [[row[i] for i in keep] for row in rows]

    rewrite_csv(manifest, members, table, without)


def with_repeated_interaction(rows):
    """The rows of interactions.csv with the first one again, under a new id, noted otherwise.

    The repeat comes first in the file; its id is the highest, so it is the later row.
    """
    header, first = rows[0], rows[1]
    at = {name: i for i, name in enumerate(header)}
    repeat = list(first)
    repeat[at["id"]] = str(max(int(row[at["id"]]) for row in rows[1:]) + 1)
    repeat[at["note"]] = "stored twice by schema 5"
    return [header, repeat, *rows[1:]]


def test_a_schema_5_backup_that_holds_an_interaction_twice_restores(backup, tmp_path):
    """Schemas 2 to 5 did not hold interactions unique; their backups may repeat one."""
    source, path = backup

    def as_schema_5(manifest, members):
        manifest["schema_version"] = 5
        rewrite_csv(manifest, members, "interactions", with_repeated_interaction)

    rewrite_manifest(path, as_schema_5)
    target = Store(tmp_path / "target")
    result = restore_archive(target, path)
    assert result.added["interactions"] == source.counts()["interactions"]
    assert everything(target) == everything(source)  # the earliest row, as migration 6 keeps
    again = restore_archive(target, path)
    assert again.total_added == 0
    assert restore_archive(source, path).total_added == 0
    target.close()


def test_a_current_backup_that_holds_an_interaction_twice_is_refused(backup, tmp_path):
    _, path = backup
    rewrite_manifest(path, lambda manifest, members: rewrite_csv(
        manifest, members, "interactions", with_repeated_interaction))
    target = Store(tmp_path / "target")
    with pytest.raises(InputError, match="same record twice"):
        restore_archive(target, path)
    assert target.counts()["contacts"] == 0
    target.close()


def test_a_schema_4_backup_restores_with_commitment_kinds(tmp_path):
    """Schema 4 had no commitments.kind: its prefixes give the kind, and rows still match."""
    from datetime import date

    from netlearn.network.records import Commitment

    source = Store(tmp_path / "source")
    fill(source)
    texts = {"give": "Give: share an article — Ana, Bo: the ramp piece",
             "follow-up": "Send follow-up: Ana Lima", "other": "give: not the planner's"}
    source.save_batch(Batch(source="manual", path="notebook", commitments=[
        Commitment(text, date(2026, 3, 1), source_ref=f"k-{kind}", kind=kind)
        for kind, text in texts.items()]))
    path = write_archive(source, tmp_path / "backup.zip")

    def as_schema_4(manifest, members):
        manifest["schema_version"] = 4
        drop_column(manifest, members, "commitments", "kind")

    rewrite_manifest(path, as_schema_4)
    target = Store(tmp_path / "target")
    restore_archive(target, path)
    kinds = {c.text: c.kind for c in target.load_network().commitments}
    assert {kind: kinds[text] for kind, text in texts.items()} == {
        "give": "give", "follow-up": "follow-up", "other": "other"}
    assert {kinds[c.text] for c in sample_network().commitments} == {"other"}
    # restored again, and into the store it came from, it matches what is there
    assert restore_archive(target, path).total_added == 0
    assert restore_archive(source, path).total_added == 0
    target.close()
    source.close()


def test_cli_export_archive_and_restore(home, tmp_path, capsys):
    store = Store(home)
    fill(store)
    store.close()
    archive = tmp_path / "b.zip"
    assert main(["export", "--archive", str(archive)]) == 0
    assert main(["restore", str(archive)]) == 0
    assert "already present" in capsys.readouterr().out
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    assert main(["restore", str(tmp_path / "bad.zip")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.zip" in err


def test_widget_backs_up_and_restores(store, tmp_path):
    from netlearn.widgets.backup_button import backup_widget

    fill(store)
    widget = backup_widget(store=store)
    widget.backup_button.click()
    assert widget.path is not None and "download=" in widget.backup_message.value
    other = Store(tmp_path / "other")
    target = backup_widget(store=other)
    data = widget.path.read_bytes()
    target.upload.value = ({"name": "netlearn-backup.zip", "type": "", "size": len(data),
                            "content": data,
                            "last_modified": datetime(2026, 1, 1, tzinfo=timezone.utc)},)
    target.restore_button.click()
    assert "restored 140 contacts" in target.restore_message.value
    assert other.counts() == store.counts()
    target.restore_button.click()  # the upload was cleared
    assert "Choose a backup" in target.restore_message.value
    other.close()


RESTORE_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import netlearn.store as s
    import netlearn.store.restore as r
    from netlearn.keep.archive import restore_archive
    real = r._restore_table
    def slow(conn, table, *args):
        result = real(conn, table, *args)
        if table == "contacts":
            Path(sys.argv[3]).write_text("inside")
            time.sleep(120)
        return result
    r._restore_table = slow
    restore_archive(s.Store(sys.argv[1]), sys.argv[2])
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_restore_killed_midway_leaves_the_store_as_it_was(backup, tmp_path):
    _, path = backup
    home = tmp_path / "target"
    store = Store(home)
    store.save_reflection("01-preparation", "own", "kept")
    before = everything(store)
    store.close()
    flag = tmp_path / "inside"
    child = subprocess.Popen([sys.executable, "-c", RESTORE_SCRIPT, str(home), str(path),
                              str(flag)], cwd=REPO)
    deadline = time.monotonic() + 120
    while not flag.exists():
        assert child.poll() is None, "the restore ended before it was inside its transaction"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    store = Store(home)
    assert everything(store) == before
    assert restore_archive(store, path).added["contacts"] == 140  # and it works afterwards
    store.close()


def test_two_processes_restoring_at_once_lose_nothing(backup, tmp_path):
    source, path = backup
    home = tmp_path / "target"
    Store(home).close()
    script = ("import sys; from netlearn.store import Store; "
              "from netlearn.keep.archive import restore_archive; "
              "print(restore_archive(Store(sys.argv[1]), sys.argv[2]).total_added)")
    children = [subprocess.Popen([sys.executable, "-c", script, str(home), str(path)],
                                 cwd=REPO, stdout=subprocess.PIPE, text=True)
                for _ in range(2)]
    added = sorted(int(c.communicate(timeout=300)[0]) for c in children)
    assert [c.returncode for c in children] == [0, 0]
    assert added[0] == 0 and added[1] > 900  # one restored everything, the other nothing new
    store = Store(home)
    assert everything(store) == everything(source)
    store.close()
