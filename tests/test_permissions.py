"""The learner's data is private on POSIX: home 0700, files 0600, older stores fixed on open."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone

import pytest

from netlearn.plumbing import permissions
from netlearn.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_store_is_private(tmp_path):
    home = tmp_path / "home"
    store = Store(home)
    store.save_reflection("00-start-here", "p1", "private words")
    assert mode(home) == 0o700
    for name in ("netlearn.db", "netlearn.db-wal", "netlearn.db-shm"):
        assert mode(home / name) == 0o600, name
    store.close()


def test_older_store_is_fixed_on_open(tmp_path):
    home = tmp_path / "home"
    Store(home).close()
    os.chmod(home, 0o755)
    os.chmod(home / "netlearn.db", 0o644)
    exports = home / "exports" / "2026-01-01"
    exports.mkdir(parents=True)
    (exports / "contacts.csv").write_text("name\nAda\n")
    os.chmod(exports, 0o755)
    os.chmod(exports / "contacts.csv", 0o644)
    (home / "notes-of-my-own.txt").write_text("mine")
    os.chmod(home / "notes-of-my-own.txt", 0o644)
    Store(home).close()
    assert mode(home) == 0o700
    assert mode(home / "netlearn.db") == 0o600
    assert mode(exports) == 0o700
    assert mode(exports / "contacts.csv") == 0o600
    assert mode(home / "notes-of-my-own.txt") == 0o644  # not netlearn's: left alone


def test_store_whose_modes_cannot_change_opens_and_says_why_once(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    Store(home).close()
    os.chmod(home / "netlearn.db", 0o644)

    def refuse(path, mode):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(permissions.os, "chmod", refuse)
    permissions._warned.clear()
    store = Store(home)
    assert store.counts()["contacts"] == 0
    store.close()
    Store(home).close()
    lines = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(lines) == 1, lines
    assert "netlearn.db" in lines[0] and "could not make it private" in lines[0]
    assert "chmod 600" in lines[0]


def test_exports_summaries_and_backups_are_private(tmp_path, store):
    from netlearn.keep.archive import write_archive
    from netlearn.keep.exporting import export_all
    from netlearn.keep.summary import write_summary

    out = tmp_path / "anywhere"
    for path in export_all(store, out):
        assert mode(path) == 0o600, path
    assert mode(write_summary(store, tmp_path / "summary.json")) == 0o600
    assert mode(write_archive(store, tmp_path / "backup.zip")) == 0o600


def test_upload_copies_are_private(store, monkeypatch):
    from netlearn.widgets import upload

    seen = {}
    real = upload._private_opener

    def spy(path, flags):
        fd = real(path, flags)
        seen["mode"] = stat.S_IMODE(os.fstat(fd).st_mode)
        return fd

    monkeypatch.setattr(upload, "_private_opener", spy)
    widget = upload.import_widget(store=store, environ={})
    data = b"date,name\n2026-01-05,Ada\n"
    widget.upload.value = ({"name": "log.csv", "type": "", "size": len(data), "content": data,
                            "last_modified": datetime(2026, 1, 1, tzinfo=timezone.utc)},)
    widget.kind.value = "csv"
    widget.run_import()
    assert seen["mode"] == 0o600
