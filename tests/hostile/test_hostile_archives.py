"""Hostile backup archives are refused whole, in one line naming the file, with nothing changed."""

from __future__ import annotations

import pytest

from netlearn import store as store_module
from netlearn.cli import main
from netlearn.keep.archive import restore_archive
from tests.storedb import db_rows

from .make_archive_corpus import ARCHIVES, large_archives, small_archives

HOSTILE = sorted(set(small_archives()) - {"ar-valid.zip"}) + ["ar-zip-bomb.zip"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    paths = {name: ARCHIVES / name for name in small_archives()}
    paths.update(large_archives(tmp_path_factory.mktemp("large-archives")))
    return paths


def test_committed_archives_are_current():
    for name, data in small_archives().items():
        assert (ARCHIVES / name).read_bytes() == data, (
            f"run python tests/hostile/make_archive_corpus.py ({name})")


def test_corpus_covers_the_issue():
    for needed in ("zip-slip", "tampered-csv", "truncated-csv", "newer-schema",
                   "duplicate-ids", "zip-bomb"):
        assert any(needed in name for name in HOSTILE), needed


def snapshot(store) -> dict:
    return {table: [tuple(r) for r in db_rows(store, f"SELECT * FROM {table} ORDER BY rowid")]
            for table in ("contacts", "interactions", "reflections", "self_assessments")}


def seeded(home):
    store = store_module.Store(home)
    store.save_reflection("00-start-here", "goals", "mine")
    return store


def test_the_control_archive_restores(corpus, tmp_path):
    store = seeded(tmp_path / "home")
    result = restore_archive(store, corpus["ar-valid.zip"])
    assert result.added == {"contacts": 2, "interactions": 1}
    store.close()


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_archive_is_refused_with_nothing_changed(name, corpus, tmp_path, monkeypatch,
                                                         capsys):
    home = tmp_path / "work" / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    monkeypatch.chdir(tmp_path / "work" if (tmp_path / "work").exists() else tmp_path)
    store = seeded(home)
    before = snapshot(store)
    store.close()
    outside = sorted(p for p in tmp_path.rglob("*") if "home" not in p.parts)
    status = main(["restore", str(corpus[name])])
    err = capsys.readouterr().err
    store_module._stores.pop(home, None)
    assert status == 1, f"{name} was accepted"
    assert err.count("\n") == 1 and err.startswith("netlearn: "), err
    assert "Traceback" not in err and name in err
    store = store_module.Store(home)
    assert snapshot(store) == before
    store.close()
    assert sorted(p for p in tmp_path.rglob("*") if "home" not in p.parts) == outside
