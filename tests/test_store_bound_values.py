"""Every value from a file or from the learner reaches SQLite bound, never as SQL text."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from netlearn.keep.archive import restore_archive, write_archive
from netlearn.network.records import Batch, Commitment, Contact, Event, Interaction
from netlearn.store import Store, StoreError

MARK = "Zq7-mark"  # in every value below, and in no SQL the store sends


def hostile(what: str) -> str:
    return f"{MARK} {what}: O'Brien \"said\" '); DROP TABLE contacts; -- x' OR '1'='1"


PLAIN = f"{MARK} plain words"  # nothing to escape, yet a value all the same


class Recording(sqlite3.Connection):
    """A connection that keeps the SQL text of everything sent through it."""

    sent: list[str] = []

    def execute(self, sql, *args):
        self.sent.append(sql)
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        self.sent.append(sql)
        return super().executemany(sql, *args)

    def executescript(self, sql):
        self.sent.append(sql)
        return super().executescript(sql)


def test_values_full_of_quotes_and_sql_are_bound_and_round_trip(tmp_path, monkeypatch):
    real_connect = sqlite3.connect
    monkeypatch.setattr(Recording, "sent", [])
    monkeypatch.setattr(sqlite3, "connect",
                        lambda *args, **kwargs: real_connect(*args, factory=Recording, **kwargs))
    store = Store(tmp_path / "home")
    ada = Contact(hostile("name"), source=hostile("source"), source_ref=hostile("ref"),
                  email=f"{MARK}'@example.com", company=hostile("company"),
                  position=hostile("position"), url=hostile("url"), notes=hostile("notes"),
                  met_on=date(2025, 1, 2))
    batch = Batch(
        hostile("batch"), f"{MARK}'.csv", contacts=[ada],
        interactions=[Interaction(datetime(2026, 1, 1), "email", "out", "ask",
                                  contact_key=ada.key, note=hostile("note"),
                                  source=hostile("source"), source_ref=hostile(str(n)))
                      for n in range(3)],
        events=[Event(hostile("event"), date(2026, 2, 1), location=hostile("location"),
                      attendee_keys=[ada.key], source=hostile("source"),
                      source_ref=hostile("event ref"))],
        commitments=[Commitment(hostile("promise"), date(2026, 3, 1), contact_key=ada.key,
                                source=hostile("source"), source_ref=hostile("promise ref"))])
    assert store.save_batch(batch, kind=hostile("kind"), digest=hostile("digest")).added == 6
    assert store.save_batch(batch).added == 0
    plain = Batch(PLAIN, PLAIN, contacts=[
        Contact(f"Plain {n}", source=PLAIN, source_ref=f"{PLAIN} {n}", notes=PLAIN)
        for n in range(2)], interactions=[
        Interaction(datetime(2026, 1, 2), "email", "in", "thanks", contact_key=f"{PLAIN}:{PLAIN} 0",
                    note=PLAIN, source=PLAIN, source_ref=f"{PLAIN} {n}") for n in range(2)])
    assert store.save_batch(plain).added == 4
    network = store.load_network()
    contact_id = network.contacts[0].id
    store.update_contact(contact_id, notes=hostile("new notes"))
    store.update_event(network.events[0].id, title=hostile("new title"))
    store.save_reflection(hostile("topic"), hostile("prompt"), hostile("reflection"))
    store.save_answer(hostile("topic"), hostile("item"), [hostile("answer")], 1, 1, True,
                      version=hostile("version"))
    store.save_pitch(hostile("pitch"), 9, 3.0, {hostile("rubric"): True})
    store.set_setting(hostile("setting"), hostile("value"))
    other = Store(tmp_path / "other")
    restored = restore_archive(other, write_archive(store, tmp_path / "backup.zip"))
    assert restored.added["interactions"] == 5 and restored.added["contacts"] == 3
    store.export_csv(tmp_path / "csv")

    leaked = [sql for sql in Recording.sent if MARK in sql]
    assert not leaked, leaked[:3]
    for kept in (store, other):
        network = kept.load_network()
        assert [(c.name, c.notes, c.source_ref) for c in network.contacts] == [
            (hostile("name"), hostile("new notes"), hostile("ref")),
            ("Plain 0", PLAIN, f"{PLAIN} 0"), ("Plain 1", PLAIN, f"{PLAIN} 1")]
        assert sorted((i.note, i.contact_key) for i in network.interactions) == sorted(
            [(hostile("note"), ada.key)] * 3 + [(PLAIN, f"{PLAIN}:{PLAIN} 0")] * 2)
        assert [e.title for e in network.events] == [hostile("new title")]
        assert network.events[0].attendee_keys == [ada.key]
        assert [c.text for c in network.commitments] == [hostile("promise")]
        assert kept.reflections()[(hostile("topic"), hostile("prompt"))]["text"] == hostile(
            "reflection")
        assert kept.setting(hostile("setting")) == hostile("value")
    other.close()
    store.close()


def test_a_restore_writes_only_the_store_s_own_table_and_column_names(store):
    store.save_reflection("t", "p", "kept")
    for tables in ({"contacts": (["id", "name", "notes) VALUES (1, 2); --"], [])},
                   {"reflections; DROP TABLE reflections": (["topic"], [])}):
        with pytest.raises(StoreError, match="does not have; nothing was restored"):
            store.restore_tables(tables)
    assert store.reflections()[("t", "p")]["text"] == "kept"
