"""Storing interactions: exact round trips, refs kept once, ids from SQLite, schema migration."""

import sqlite3
from datetime import datetime, timedelta

import pytest

from netlearn.network.records import Batch, Contact, Interaction
from netlearn.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store
from tests.storedb import db_rows


def stored(store):
    return [tuple(r) for r in db_rows(store,
        "SELECT c.source_ref, i.occurred_at, i.channel, i.direction, i.purpose, i.online,"
        " i.personal_note, i.note, i.source, i.source_ref FROM interactions i"
        " LEFT JOIN contacts c ON c.id = i.contact_id ORDER BY i.source, i.source_ref")]


def unique_indexes(conn, table):
    """The columns of each unique index on ``table``."""
    return [[col[2] for col in conn.execute(f"PRAGMA index_info({index[1]})")]
            for index in conn.execute(f"PRAGMA index_list({table})") if index[2]]


def expected(items):
    online = {"email", "linkedin_message", "linkedin_invitation", "forum", "post", "video"}
    return sorted((
        (it.contact_key.split(":", 1)[1] if it.contact_key else None, it.when.isoformat(),
         it.channel, it.direction, it.purpose, int(it.channel in online),
         int(it.personal_note), it.note, it.source, it.source_ref)
        for it in items), key=lambda row: (row[8], row[9]))


def people(n=3):
    return [Contact(f"Person {i}", source="csv", source_ref=f"p{i}") for i in range(n)]


def test_interactions_round_trip_exactly(store):
    start = datetime(2026, 3, 1, 8, 30)
    items = [Interaction(start + timedelta(hours=i), channel, direction, purpose,
                         contact_key=f"csv:p{i % 3}", personal_note=i % 2 == 0,
                         source="csv", source_ref=f"r{i}")
             for i, (channel, direction, purpose) in enumerate(
                 [("email", "out", "ask"), ("call", "in", "give"), ("email", "out", "ask")] * 4)]
    result = store.save_batch(Batch("csv", "log.csv", contacts=people(), interactions=items))
    assert result.added == 3 + len(items)
    assert stored(store) == expected(items)
    created = {r["created_at"] for r in db_rows(store, "SELECT created_at FROM interactions")}
    assert len(created) == 1 and created.pop().startswith("20")


def test_quotes_and_sql_in_values_round_trip(store):
    start = datetime(2026, 4, 1)
    hostile = ["O'Brien said \"hi\"", "'); DROP TABLE interactions; --", "x' OR '1'='1",
               "naïve café ☕", "line\nbreak", ""]
    items = [Interaction(start + timedelta(days=i), "email", "out", "check_in",
                         contact_key="csv:p0", note=hostile[i % len(hostile)], source="csv",
                         source_ref=f"h{i}") for i in range(30)]
    items += [Interaction(start, "forum", "in", "thanks", note=f"group {i}", source="csv",
                          source_ref=f"g{i}") for i in range(20)]
    store.save_batch(Batch("csv", "log.csv", contacts=people(1), interactions=items))
    assert stored(store) == expected(items)
    quoted = [Interaction(start, "email", note="it's", source="csv", source_ref="q1")]
    store.save_batch(Batch("csv", "q.csv", interactions=quoted))
    assert db_rows(store, "SELECT note FROM interactions WHERE source_ref = 'q1'")[0][0] == "it's"


def test_a_ref_twice_in_one_batch_is_stored_once(store):
    when = datetime(2026, 1, 1)
    twice = [Interaction(when, "email", source="csv", source_ref="same"),
             Interaction(when + timedelta(days=1), "call", source="csv", source_ref="same"),
             Interaction(when, "post", source="other", source_ref="same")]
    result = store.save_batch(Batch("csv", "log.csv", interactions=twice))
    assert (result.added, result.present) == (2, 1)
    assert [r[2] for r in stored(store)] == ["email", "post"]  # the first one wins
    again = store.save_batch(Batch("csv", "log.csv", interactions=twice))
    assert (again.added, again.present) == (0, 3)


def test_refs_are_filled_in_without_changing_the_batch(store):
    items = [Interaction(datetime(2026, 1, 1), "email"), Interaction(datetime(2026, 1, 2), "email")]
    assert store.save_batch(Batch("manual", "form", interactions=items)).added == 2
    assert [item.source_ref for item in items] == ["", ""]
    refs = [r[0] for r in db_rows(store, "SELECT source_ref FROM interactions")]
    assert len(set(refs)) == 2 and all(refs)


def test_version_1_database_migrates_keeping_rows_and_ids(home):
    home.mkdir(parents=True)
    conn = sqlite3.connect(home / DB_NAME)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO contacts (id, name, source, source_ref, created_at)"
                 " VALUES (5, 'Ada', 'linkedin', 'ada', 'then')")
    conn.executemany(
        "INSERT INTO interactions (id, contact_id, occurred_at, channel, direction, purpose,"
        " online, source, source_ref, created_at) VALUES (?, 5, ?, 'email', 'out',"
        " 'check_in', 1, 'linkedin', ?, 'then')",
        [(10 + i, f"2025-01-0{i + 1}T09:00:00", f"m{i}") for i in range(3)])
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    store = Store(home)
    raw = sqlite3.connect(home / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert unique_indexes(raw, "interactions") == [["source", "source_ref"]]
    assert "digest" in [col[1] for col in raw.execute("PRAGMA table_info(imports)")]
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = raw.execute("SELECT id, contact_id, source_ref FROM interactions ORDER BY id")
    assert rows.fetchall() == [(10, 5, "m0"), (11, 5, "m1"), (12, 5, "m2")]
    raw.close()
    again = [Interaction(datetime(2025, 1, 1, 9), "email", contact_key="linkedin:ada",
                         source="linkedin", source_ref=f"m{i}") for i in range(4)]
    result = store.save_batch(Batch("linkedin", "x", interactions=again))
    assert (result.added, result.present) == (1, 3)
    store.close()


def test_a_new_store_holds_each_interaction_ref_once(store):
    raw = sqlite3.connect(store.path)
    assert unique_indexes(raw, "interactions") == [["source", "source_ref"]]
    row = ("2026-01-01T09:00:00", "email", "out", "ask", 1, "csv", "r1", "then")
    insert = ("INSERT INTO interactions (occurred_at, channel, direction, purpose, online,"
              " source, source_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    raw.execute(insert, row)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        raw.execute(insert, row)
    raw.close()


def schema_5_database(home) -> sqlite3.Connection:
    """A database as the release with schema 5 wrote it (interactions not unique)."""
    home.mkdir(parents=True)
    conn = sqlite3.connect(home / DB_NAME)
    for script in MIGRATIONS[:5]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 5")
    return conn


def test_a_schema_5_database_keeps_the_earliest_of_each_interaction(home):
    conn = schema_5_database(home)
    conn.execute("INSERT INTO contacts (id, name, source, source_ref, created_at)"
                 " VALUES (1, 'Ada', 'linkedin', 'ada', 'then')")
    conn.executemany(
        "INSERT INTO interactions (id, contact_id, occurred_at, channel, direction, purpose,"
        " online, note, source, source_ref, created_at) VALUES (?, 1, '2025-01-01T09:00:00',"
        " 'email', 'out', 'check_in', 1, ?, ?, ?, 'then')",
        [(3, "first", "linkedin", "m1"), (4, "", "linkedin", "m2"), (5, "again", "linkedin", "m1"),
         (7, "third", "linkedin", "m1"), (8, "other source", "csv", "m1"),
         (9, "later", "linkedin", "m2")])
    # rows pointing at interactions, as a table of a later schema might: one names the
    # column, one the table alone (its primary key); a lost pointer would cascade or fail
    conn.executescript("""
        CREATE TABLE interaction_tags (
            interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
            tag TEXT NOT NULL);
        CREATE TABLE replies (id INTEGER PRIMARY KEY, reply_to INTEGER REFERENCES interactions);
        INSERT INTO interaction_tags VALUES (3, 'a'), (5, 'b'), (7, 'c'), (9, 'd'), (8, 'e');
        INSERT INTO replies VALUES (1, 5), (2, 4), (3, NULL);
    """)
    conn.commit()
    conn.close()

    store = Store(home)
    raw = sqlite3.connect(home / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("SELECT id, source, source_ref, note FROM interactions ORDER BY id"
                       ).fetchall() == [(3, "linkedin", "m1", "first"), (4, "linkedin", "m2", ""),
                                        (8, "csv", "m1", "other source")]
    assert sorted(raw.execute("SELECT interaction_id, tag FROM interaction_tags")) == [
        (3, "a"), (3, "b"), (3, "c"), (4, "d"), (8, "e")]
    assert raw.execute("SELECT id, reply_to FROM replies ORDER BY id").fetchall() == [
        (1, 3), (2, 4), (3, None)]
    assert unique_indexes(raw, "interactions") == [["source", "source_ref"]]
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    again = [Interaction(datetime(2025, 1, 1, 9), "email", source="linkedin", source_ref=ref)
             for ref in ("m1", "m2", "m3")]
    result = store.save_batch(Batch("linkedin", "x", interactions=again))
    assert (result.added, result.present) == (1, 2)
    store.close()


def test_next_import_adds_only_what_is_new(store):
    when = datetime(2026, 2, 1)
    refs = [f"m{i}" for i in range(8)] + ["has\x1fseparator", "last"]
    first = [Interaction(when + timedelta(hours=i), "email", source="csv", source_ref=ref)
             for i, ref in enumerate(refs)]
    store.save_batch(Batch("csv", "a.csv", interactions=first[::2]))  # 5 stored
    store.save_batch(Batch("other", "x", interactions=[
        Interaction(when, "call", source="other", source_ref="m1")]))  # not the same source
    result = store.save_batch(Batch("csv", "b.csv", interactions=first + first[1:2]))
    assert (result.added, result.present) == (5, 6)  # the odd ones; m1 once
    stored_refs = [r[0] for r in db_rows(store, "SELECT source_ref FROM interactions"
                                                " WHERE source = 'csv' ORDER BY source_ref")]
    assert stored_refs == sorted(refs)
    assert store.save_batch(Batch("csv", "c.csv", interactions=first)).added == 0


def test_new_contacts_get_their_own_ids_after_gaps_and_at_the_id_limit(store):
    from tests.storedb import db_rows as rows

    store.save_batch(Batch("csv", "a.csv", contacts=people(3)))
    with store.transaction() as conn:  # a gap below the largest id, and one at the limit
        conn.execute("DELETE FROM contacts WHERE source_ref = 'p1'")
    when = datetime(2026, 3, 1)
    batch = Batch("csv", "b.csv", contacts=people(6), interactions=[
        Interaction(when, "email", contact_key=f"csv:p{i}", source="csv", source_ref=f"r{i}")
        for i in range(6)])
    store.save_batch(batch)
    assert stored(store) == expected(batch.interactions)
    with store.transaction() as conn:
        conn.execute("INSERT INTO contacts (id, name, source, source_ref, created_at)"
                     " VALUES (9223372036854775807, 'Max', 'manual', 'max', 'then')")
    late = Batch("csv", "c.csv", contacts=[Contact(f"Late {i}", source="csv",
                                                   source_ref=f"late{i}") for i in range(3)],
                 interactions=[Interaction(when, "call", contact_key=f"csv:late{i}",
                                           source="csv", source_ref=f"l{i}") for i in range(3)])
    store.save_batch(late)  # SQLite picks free ids at random: they are read back
    assert stored(store) == expected(batch.interactions + late.interactions)
    assert rows(store, "PRAGMA foreign_key_check") == []


def _foreign_keys_on(store):
    return store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_row_with_its_own_contact_id_is_still_checked(store):
    from netlearn.store import StoreError

    bad = Batch("manual", "form", interactions=[
        Interaction(datetime(2026, 1, 1), "call", contact_id=999, source_ref="x")])
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.save_batch(bad)
    assert db_rows(store, "SELECT count(*) FROM interactions")[0][0] == 0
    assert _foreign_keys_on(store)


def test_an_import_keeps_foreign_keys_checked_and_is_all_or_nothing(store, monkeypatch):
    from netlearn.store import StoreError, bulk

    store.save_batch(Batch("csv", "a.csv", contacts=people(2)))
    when = datetime(2026, 1, 1)
    items = [Interaction(when, "email", "out", "ask", contact_key=key, source="csv",
                         source_ref=ref)
             for key, ref in zip(["csv:p0", "csv:p1", "csv:p2", "csv:nobody"], "abcd",
                                 strict=True)]
    batch = Batch("csv", "b.csv", contacts=people(3), interactions=items)
    assert store.save_batch(batch).added == 1 + 4
    assert db_rows(store, "PRAGMA foreign_key_check") == []
    linked = db_rows(store, "SELECT c.source_ref FROM interactions i"
                            " LEFT JOIN contacts c ON c.id = i.contact_id ORDER BY i.source_ref")
    assert [r[0] for r in linked] == ["p0", "p1", "p2", None]
    assert _foreign_keys_on(store)

    def broken(*args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(bulk, "save_events", broken)
    more = Batch("csv", "c.csv", contacts=[Contact("New", source="csv", source_ref="new")],
                 interactions=[Interaction(when, "email", "in", "ask", source="csv",
                                           source_ref="e")])
    with pytest.raises(StoreError):
        store.save_batch(more)
    assert store.counts() == {"contacts": 3, "interactions": 4, "events": 0, "commitments": 0}
    assert _foreign_keys_on(store)
