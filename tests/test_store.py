"""The learner's store: migrations, transactions, idempotent batches, refusal of bad files."""

import csv
import os
import sqlite3
from datetime import date, datetime

import pytest

from netlearn.network.records import Batch, Commitment, Contact, Event, Interaction
from netlearn.plumbing.errors import StoreError
from netlearn.store import DB_NAME, SCHEMA_VERSION, Store, forget, get_store
from tests.storedb import db_rows


def small_batch():
    ada = Contact("Ada Example", source="csv", source_ref="ada", email="ada@example.com")
    bo = Contact("Bo Example", source="csv", source_ref="bo")
    return Batch(
        source="csv", path="log.csv", contacts=[ada, bo],
        interactions=[
            Interaction(datetime(2026, 1, 5, 9), "in_person", "out", "meet",
                        contact_key=ada.key, source="csv", source_ref="i1"),
            Interaction(datetime(2026, 1, 6, 9), "email", "out", "follow_up",
                        contact_key=ada.key, source="csv", source_ref="i2"),
        ],
        events=[Event("Meetup", date(2026, 1, 5), goal_set=True, attendee_keys=[ada.key],
                      source="csv", source_ref="e1")],
        commitments=[Commitment("Send the article", date(2026, 1, 8), contact_key=ada.key,
                                source="csv", source_ref="c1")],
    )


def test_new_store_has_schema_version_and_wal(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_batch_is_stored_once_and_reimport_adds_nothing(store):
    first = store.save_batch(small_batch())
    assert (first.added, first.present, first.skipped) == (6, 0, 0)
    second = store.save_batch(small_batch())
    assert (second.added, second.present) == (0, 6)
    assert store.counts() == {"contacts": 2, "interactions": 2, "events": 1, "commitments": 1}
    log = db_rows(store, "SELECT kind, file_name, added, present FROM imports ORDER BY id")
    assert [tuple(r) for r in log] == [("csv", "log.csv", 6, 0), ("csv", "log.csv", 0, 6)]


def test_contact_from_another_source_matches_by_email(store):
    store.save_batch(small_batch())
    other = Contact("A. Example", source="ics", source_ref="ada@example.com",
                    email="ADA@example.com")
    batch = Batch("ics", "cal.ics", contacts=[other], interactions=[
        Interaction(datetime(2026, 2, 1, 10), "video", contact_key=other.key,
                    source="ics", source_ref="x")])
    result = store.save_batch(batch)
    assert result.added == 1 and result.present == 1
    rows = db_rows(store, "SELECT contact_id FROM interactions WHERE source = 'ics'")
    ada = db_rows(store, "SELECT id FROM contacts WHERE source_ref = 'ada'")[0]["id"]
    assert rows[0]["contact_id"] == ada
    assert store.counts()["contacts"] == 2


def test_failed_batch_leaves_store_unchanged(store):
    store.save_batch(small_batch())
    before = store.counts()
    bad = small_batch()
    bad.interactions[0].source_ref = "new-one"
    bad.interactions.append(Interaction(datetime(2026, 1, 1), "email", source="csv",
                                        source_ref="boom"))
    bad.events.append(Event("Broken", date(2026, 1, 9), source="csv", source_ref="e2"))
    bad.events[-1].title = object()  # not storable: sqlite3 refuses mid-transaction
    with pytest.raises(StoreError, match="cannot store") as info:
        store.save_batch(bad)
    assert str(info.value).startswith(str(store.path)) and "\n" not in str(info.value)
    assert store.counts() == before


def test_load_network_round_trips_records(store):
    store.save_batch(small_batch())
    net = store.load_network()
    assert [c.name for c in net.contacts] == ["Ada Example", "Bo Example"]
    assert net.interactions[0].contact_key == "csv:ada"
    assert net.interactions[0].when == datetime(2026, 1, 5, 9)
    assert net.events[0].attendee_keys == ["csv:ada"] and net.events[0].goal_set
    assert net.commitments[0].due == date(2026, 1, 8) and not net.commitments[0].done
    assert not net.is_sample


def test_progress_tables(store):
    store.save_answer("01-preparation", "q1", "a", 0, 1, False)
    store.save_answer("01-preparation", "q1", "b", 1, 1, True)
    last = store.last_answers("01-preparation")
    assert last["q1"]["answer"] == "b" and last["q1"]["correct"] and last["q1"]["attempts"] == 2
    assert store.reset_answers("01-preparation") == 2
    assert store.last_answers("01-preparation") == {}
    store.save_self_assessment("01-preparation", "s1", "before", 2)
    store.save_self_assessment("01-preparation", "s1", "before", 3)
    assert store.self_assessments("before") == {("01-preparation", "s1", "before"): 3}
    with pytest.raises(ValueError):
        store.save_self_assessment("01-preparation", "s1", "later", 3)
    with pytest.raises(ValueError):
        store.save_self_assessment("01-preparation", "s1", "before", 6)
    store.save_reflection("01-preparation", "r1", "first")
    store.save_reflection("01-preparation", "r1", "second")
    assert store.reflections()[("01-preparation", "r1")]["text"] == "second"
    store.set_setting("data_choice", "sample")
    assert store.setting("data_choice") == "sample" and store.setting("nope", 7) == 7


def test_export_writes_one_csv_per_table_with_header(store, tmp_path):
    store.save_batch(small_batch())
    store.save_reflection("01-preparation", "r1", "text, with comma\nand newline")
    paths = store.export_csv(tmp_path / "out")
    names = {p.name for p in paths}
    assert {"contacts.csv", "interactions.csv", "events.csv", "answers.csv",
            "self_assessments.csv", "reflections.csv"} <= names
    with open(tmp_path / "out" / "reflections.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["id", "topic", "prompt_id"]
    assert rows[1][3] == "text, with comma\nand newline"
    assert not list((tmp_path / "out").glob("*.part"))


def test_corrupt_file_is_reported_and_left_untouched(home):
    home.mkdir(parents=True)
    target = home / DB_NAME
    target.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as info:
        Store(home)
    message = str(info.value)
    assert str(target) in message and "move it aside" in message and "\n" not in message
    assert target.read_bytes() == b"this is not a database at all" * 100


def test_truncated_sqlite_file_is_reported(home, tmp_path):
    first = Store(home)
    for i in range(200):
        first.save_reflection("t", f"p{i}", "x" * 500)
    first.close()  # checkpoints the WAL into the main file
    data = (home / DB_NAME).read_bytes()
    forget(home)
    (home / DB_NAME).write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError) as info:
        Store(home).reflections()
    assert DB_NAME in str(info.value)


def test_newer_schema_is_refused(home):
    home.mkdir(parents=True)
    conn = sqlite3.connect(home / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer netlearn"):
        Store(home)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_home_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(StoreError, match="writable"):
        Store(locked / "home")


def test_home_that_is_a_file_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        Store(blocker / "home")
    assert "NETLEARN_HOME" in str(info.value)


def test_forget_removes_database_and_netlearns_folders_only(home):
    get_store().save_reflection("t", "p", "x")
    (home / "exports" / "2026-11-25").mkdir(parents=True)
    (home / "exports" / "2026-11-25" / "contacts.csv").write_text("name\nAda\n")
    (home / "cache").mkdir()
    (home / "my-notes.txt").write_text("not netlearn's")
    removed = forget()
    assert home / DB_NAME in removed and home / "exports" in removed
    assert not (home / DB_NAME).exists() and not (home / "exports").exists()
    assert not (home / "cache").exists()
    assert (home / "my-notes.txt").read_text() == "not netlearn's"
    assert get_store().reflections() == {}


def test_version_2_database_upgrades_in_place_keeping_answers_and_ratings(tmp_path):
    """A store written by the previous release (schema 2) gains check-in and answer versions."""
    import sqlite3

    from netlearn.store import DB_NAME, MIGRATIONS, Store

    home = tmp_path / "old-home"
    home.mkdir()
    conn = sqlite3.connect(home / DB_NAME)
    conn.executescript(MIGRATIONS[0])
    conn.executescript(MIGRATIONS[1])
    conn.execute("INSERT INTO answers (id, topic, item_id, kind, answer, score, max_score,"
                 " correct, created_at) VALUES (7, '01-preparation', 'prep-q24', 'quiz',"
                 " '\"c\"', 1, 1, 1, 'then')")
    conn.executemany("INSERT INTO self_assessments (id, topic, statement_id, phase, value,"
                     " created_at) VALUES (?, '01-preparation', 's1', ?, ?, 'then')",
                     [(3, "before", 2), (4, "after", 4)])
    conn.execute("INSERT INTO settings (key, value) VALUES ('name', '\"Ada\"')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()

    store = Store(home)
    assert store.last_answers("01-preparation")["prep-q24"] == {
        "answer": "c", "score": 1.0, "max_score": 1.0, "correct": True, "attempts": 1,
        "version": ""}
    assert store.self_assessments() == {("01-preparation", "s1", "before"): 2,
                                        ("01-preparation", "s1", "after"): 4}
    assert store.setting("name") == "Ada"
    store.save_self_assessment("01-preparation", "s1", "check-in", 5)
    store.save_answer("01-preparation", "prep-q24", "b", 0, 1, False, version="abc123")
    assert store.self_assessments("check-in") == {("01-preparation", "s1", "check-in"): 5}
    assert store.last_answers("01-preparation")["prep-q24"]["version"] == "abc123"
    store.close()
    raw = sqlite3.connect(home / DB_NAME)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in raw.execute("SELECT id FROM self_assessments ORDER BY id")] == [3, 4, 5]
    raw.close()


def test_the_option_seed_is_made_on_first_need_and_kept(home):
    first = Store(home)
    assert first.setting("option_seed") is None  # nothing made until a quiz needs it
    seed = first.option_seed()
    assert len(seed) == 32 and first.option_seed() == seed
    other = Store(home)  # another kernel on the same store: the same seed
    try:
        assert other.option_seed() == seed
    finally:
        other.close()
        first.close()
    elsewhere = Store(home.parent / "another-learner")
    try:
        assert elsewhere.option_seed() != seed
    finally:
        elsewhere.close()


def test_a_version_3_database_upgrades_to_dropped_commitments(tmp_path):
    import sqlite3

    from netlearn.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store

    home = tmp_path / "v3-home"
    home.mkdir()
    conn = sqlite3.connect(home / DB_NAME)
    for step in range(3):
        conn.executescript(MIGRATIONS[step])
    conn.executemany(
        "INSERT INTO commitments (id, text, due, done, done_at, source, source_ref, created_at)"
        " VALUES (?, ?, '2026-01-10', ?, ?, 'manual', ?, 'then')",
        [(1, "Send Ana the article", 1, "then", "r1"), (2, "Call Ben", 0, None, "r2")])
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()

    store = Store(home)
    assert store.commitment_states() == {1: "done", 2: "not done"}
    store.set_commitment_state(2, "dropped")
    assert store.commitment_states() == {1: "done", 2: "dropped"}
    store.set_commitment_state(1, "not done")
    assert store.commitment_states() == {1: "not done", 2: "dropped"}
    assert [c.done for c in store.load_network().commitments] == [False, False]
    with pytest.raises(ValueError):
        store.set_commitment_state(1, "maybe")
    store.close()
    raw = sqlite3.connect(home / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("SELECT text FROM commitments WHERE id = 1").fetchone()[0] == \
        "Send Ana the article"
    raw.close()


def test_a_database_written_with_schema_4_gets_commitment_kinds(tmp_path):
    """Schema 4 marked a commitment's kind by its text's prefix; migration 5 moves it."""
    import sqlite3

    from netlearn.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store

    home = tmp_path / "v4-home"
    home.mkdir()
    conn = sqlite3.connect(home / DB_NAME)
    for script in MIGRATIONS[:4]:  # what netlearn with schema 4 created
        conn.executescript(script)
    conn.execute("INSERT INTO contacts (id, name, source, source_ref, created_at)"
                 " VALUES (1, 'Ana Lima', 'manual', 'c1', 'then')")
    texts = {
        1: "Give: share an article — Ana Lima: the ramp piece",  # the give planner
        2: "Send follow-up: Ana Lima",  # the follow-up drafter / never-followed-up list
        3: "Send Ana the checklist",  # the commitment form
        4: "give: lower case was never the planner's",
        5: "Gift: not a prefix",
        6: "Send follow-up:no space",
    }
    conn.executemany(
        "INSERT INTO commitments (id, contact_id, text, due, done, dropped_at, source,"
        " source_ref, created_at) VALUES (?, 1, ?, '2026-01-10', ?, ?, 'manual', ?, 'then')",
        [(i, text, int(i == 1), "then" if i == 3 else None, f"r{i}")
         for i, text in texts.items()])
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()

    store = Store(home)
    loaded = {c.id: c for c in store.load_network().commitments}
    assert {i: c.kind for i, c in loaded.items()} == {
        1: "give", 2: "follow-up", 3: "other", 4: "other", 5: "other", 6: "other"}
    assert {i: c.text for i, c in loaded.items()} == texts  # the learner's words unchanged
    assert (loaded[1].done, loaded[3].dropped, loaded[2].contact_key) == (
        True, True, "manual:c1")
    assert [r["id"] for r in store.open_commitments(kind="follow-up")] == [2]
    store.close()
    raw = sqlite3.connect(home / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()


def test_store_errors_show_as_their_one_line_in_a_notebook(tmp_path):
    # IPython shows _render_traceback_()'s lines instead of a traceback; tests/hub sees it in a
    # real kernel on a hub.
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shown = []
    shell._showtraceback = lambda etype, value, stb: shown.append(stb)
    shell.run_cell("from netlearn.plumbing.errors import StoreError\n"
                   f"raise StoreError('cannot write', path={str(tmp_path)!r})")
    assert shown == [[f"StoreError: {tmp_path}: cannot write"]]


def test_event_checklist_is_defined_once_and_every_item_round_trips(store):
    from dataclasses import fields
    from datetime import date

    from netlearn.network.records import EVENT_CHECKLIST, EVENT_CHECKLIST_HINTS, Batch, Event

    assert Event.CHECKLIST == tuple(EVENT_CHECKLIST)
    assert set(EVENT_CHECKLIST_HINTS) == set(EVENT_CHECKLIST)
    assert set(EVENT_CHECKLIST) <= {f.name for f in fields(Event)}
    columns = {name for name, _, _ in store.table_columns()["events"]}
    assert set(EVENT_CHECKLIST) <= columns
    for i, item in enumerate(EVENT_CHECKLIST):  # saved alone, each item reads back alone
        store.save_batch(Batch("manual", "x", events=[
            Event(f"e{i}", date(2026, 1, 1), source_ref=f"e{i}", **{item: True})]))
    events = {e.title: e for e in store.load_network().events}
    for i, item in enumerate(EVENT_CHECKLIST):
        assert [n for n in EVENT_CHECKLIST if getattr(events[f"e{i}"], n)] == [item]
    first = events["e0"]
    store.update_event(first.id, **{item: True for item in EVENT_CHECKLIST})
    again = {e.title: e for e in store.load_network().events}["e0"]
    assert again.prepared_items == len(EVENT_CHECKLIST)


def test_sqlite_errors_in_store_calls_reach_callers_as_one_line_store_errors(store):
    """A damaged database (a table gone) fails every read and write as a StoreError."""
    store.save_batch(small_batch())
    raw = sqlite3.connect(store.path)
    raw.execute("DROP TABLE commitments")
    raw.commit()
    raw.close()
    calls = [store.open_commitments, store.load_network, lambda: store.commitment(1),
             lambda: store.set_commitment_done(1), store.counts,
             lambda: store.export_csv(store.home / "csv")]
    for call in calls:
        with pytest.raises(StoreError) as info:
            call()
        text = str(info.value)
        assert text.startswith(f"{store.path}: ") and "no such table" in text
        assert "\n" not in text and info.value.__cause__ is None
    assert len(store.recent_events()) == 1  # the tables still there still read


def test_a_widget_shows_a_store_error_as_one_line(store, monkeypatch):
    from netlearn.widgets.log.commitment import CommitmentForm

    form = CommitmentForm(store=store, today=date(2026, 3, 1))
    raw = sqlite3.connect(store.path)
    raw.execute("DROP TABLE commitments")
    raw.commit()
    raw.close()
    form.text_input.value = "Send Ana the checklist"
    assert form.save() is False
    assert "Could not save:" in form.message.value and "no such table" in form.message.value
    assert str(store.path) in form.message.value


def test_the_package_outside_the_store_neither_imports_sqlite3_nor_sends_sql():
    import re
    from pathlib import Path

    import netlearn

    root = Path(netlearn.__file__).parent
    for path in root.rglob("*.py"):
        if path.parent.name == "store" and path.parent.parent == root:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+sqlite3", text, re.M), path
        assert not re.search(r"\.query\(|\bSELECT\b.+\bFROM\b", text), path


def test_a_new_database_gets_16k_pages_and_an_older_one_keeps_its_own(home, tmp_path):
    import sqlite3

    from netlearn.store import DB_NAME, Store

    fresh = Store(tmp_path / "new")
    assert fresh._conn.execute("PRAGMA page_size").fetchone()[0] == 16384
    assert fresh._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 256  # 4 MB
    fresh.close()
    old_home = tmp_path / "old"
    old_home.mkdir()
    raw = sqlite3.connect(old_home / DB_NAME)
    raw.execute("PRAGMA page_size = 4096")
    raw.execute("CREATE TABLE t (x)")  # the file exists with 4 KB pages
    raw.execute("DROP TABLE t")
    raw.commit()
    raw.close()
    old = Store(old_home)
    assert old._conn.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert old._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1024  # 4 MB too
    old.set_setting("k", 1)
    assert old.setting("k") == 1
    assert old._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()


_CONTACT_COLUMNS = ("name, email, company, position, url, connected_on, met_on, cadence_days,"
                    " close, notes, source, source_ref")


@pytest.mark.parametrize("shared", [True, False], ids=["same-notes", "own-notes"])
def test_contacts_store_every_value(store, shared):
    notes = "It's Ada" if not shared else "met at the meetup"
    ada = Contact("Ada O'Example", source="csv", source_ref="ada", email="ada@example.com",
                  company="Acme", position="Lead", url="https://example.com/ada",
                  connected_on=date(2025, 3, 1), met_on=date(2025, 2, 1), cadence_days=30,
                  close=True, notes=notes)
    bo = Contact("Bo Example", source="csv", source_ref="bo", met_on=date(2025, 2, 1),
                 cadence_days=30, close=True, notes="met at the meetup" if shared else "")
    result = store.save_batch(Batch("csv", "log.csv", contacts=[ada, bo]))
    assert result.added == 2
    rows = [tuple(r) for r in db_rows(store, f"SELECT {_CONTACT_COLUMNS} FROM contacts"
                                             " ORDER BY id")]
    assert rows == [
        ("Ada O'Example", "ada@example.com", "Acme", "Lead", "https://example.com/ada",
         "2025-03-01", "2025-02-01", 30, 1, notes, "csv", "ada"),
        ("Bo Example", "", "", "", "", None, "2025-02-01", 30, 1,
         "met at the meetup" if shared else "", "csv", "bo"),
    ]
    created = {r[0] for r in db_rows(store, "SELECT created_at FROM contacts")}
    assert len(created) == 1 and created.pop().startswith("20")
    assert store.save_batch(Batch("csv", "log.csv", contacts=[ada, bo])).added == 0
