"""Importing a file once: the same content again is recognised by its digest, not re-read."""

import shutil
from pathlib import Path

import pytest

from netlearn import importers
from netlearn.keep.ingest import import_file
from netlearn.plumbing.errors import InputError
from netlearn.store import forget
from tests.storedb import db_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORT = FIXTURES / "import" / "linkedin_export"


def no_reading(*_args, **_kwargs):
    raise AssertionError("the file was read again")


def test_same_file_twice_is_not_read_again(store, monkeypatch):
    path = FIXTURES / "cli" / "log.csv"
    first = import_file(store, "csv", path)
    assert first.same_as is None and first.result.added > 0 and first.skipped
    before = store.counts()
    monkeypatch.setattr(importers, "read", no_reading)
    again = import_file(store, "csv", path)
    assert again.same_as == db_rows(store, "SELECT imported_at FROM imports")[0][0]
    assert (again.result.added, again.result.present, again.result.skipped) == (
        0, first.result.added + first.result.present, first.result.skipped)
    assert again.skipped == [] and store.counts() == before
    log = [tuple(r) for r in db_rows(store, "SELECT added, present, digest FROM imports")]
    assert len(log) == 2 and log[0][2] == log[1][2] and len(log[0][2]) == 64


def test_same_content_elsewhere_is_recognised_but_changed_content_is_read(store, tmp_path):
    original = FIXTURES / "cli" / "log.csv"
    import_file(store, "csv", original)
    copy = tmp_path / "renamed.csv"
    shutil.copyfile(original, copy)
    assert import_file(store, "csv", copy).same_as is not None
    with open(copy, "a", encoding="utf-8") as handle:
        handle.write("2026-02-01,Cy New,cy@example.com,,email,out,ask,\n")
    changed = import_file(store, "csv", copy)
    assert changed.same_as is None
    assert changed.result.added == 2  # Cy and the e-mail to Cy; the rest are present


def test_linkedin_folder_digest_covers_its_csvs(store, tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    first = import_file(store, "linkedin", folder)
    assert first.same_as is None and first.result.added > 0
    assert import_file(store, "linkedin", folder).same_as is not None
    (folder / "unrelated.txt").write_text("not part of the export")
    assert import_file(store, "linkedin", folder).same_as is not None
    [invitations] = folder.rglob("Invitations.csv")
    invitations.write_bytes(invitations.read_bytes().replace(b"2:37 PM", b"2:38 PM"))
    changed = import_file(store, "linkedin", folder)
    assert changed.same_as is None and changed.result.added == 1


def test_a_new_importer_version_reads_the_file_again(store, monkeypatch):
    path = FIXTURES / "cli" / "contacts.vcf"
    import_file(store, "vcard", path)
    monkeypatch.setattr(importers, "IMPORTER_VERSION", importers.IMPORTER_VERSION + 1)
    again = import_file(store, "vcard", path)
    assert again.same_as is None and again.result.added == 0


def test_the_kind_is_part_of_the_digest():
    path = FIXTURES / "cli" / "log.csv"
    assert importers.content_digest("csv", path) != importers.content_digest("linkedin", path)
    assert importers.content_digest("csv", path) == importers.content_digest("csv", path)
    assert importers.content_digest("csv", path.parent / "missing.csv") is None
    assert importers.content_digest("csv", path.parent) is None


def test_a_refused_file_is_not_remembered(store, tmp_path):
    bad = tmp_path / "log.csv"
    bad.write_text("this is not the template\n1,2,3\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            import_file(store, "csv", bad)
    assert db_rows(store, "SELECT COUNT(*) FROM imports")[0][0] == 0


def test_forget_forgets_what_was_imported(home, store):
    path = FIXTURES / "cli" / "log.csv"
    import_file(store, "csv", path)
    store.close()
    forget(home)
    from netlearn.store import Store

    fresh = Store(home)
    again = import_file(fresh, "csv", path)
    assert again.same_as is None and again.result.added > 0
    fresh.close()


def test_a_first_import_hashes_the_file_then_reads_it_and_logs_that_digest(store, monkeypatch):
    path = FIXTURES / "cli" / "log.csv"
    real_digest, real_read, calls = importers.content_digest, importers.read, []

    def digest(kind, p):
        calls.append("digest")
        return real_digest(kind, p)

    def read(kind, p, progress=None):
        calls.append("read")
        return real_read(kind, p, progress=progress)

    monkeypatch.setattr(importers, "content_digest", digest)
    monkeypatch.setattr(importers, "read", read)
    import_file(store, "csv", path)
    assert calls == ["digest", "read"]
    logged = db_rows(store, "SELECT digest FROM imports")[0][0]
    assert logged == real_digest("csv", path)
    assert import_file(store, "csv", path).same_as is not None
    assert calls == ["digest", "read", "digest"]  # recognised by its digest: not read again


def test_a_first_import_that_cannot_be_read_logs_nothing(store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError):
        import_file(store, "csv", bad)
    assert not store.has_imported("csv")
    assert db_rows(store, "SELECT count(*) FROM imports")[0][0] == 0
