"""Measured time in the store: noted only with consent, per notebook, deleted on withdrawal."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from netlearn.network.records import Batch, Commitment, Contact, Event, Interaction
from netlearn.plumbing.errors import StoreError
from netlearn.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store, forget, get_store
from tests.storedb import db_rows

START = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock(monkeypatch):
    """Set the store's clock: ``clock(m)`` makes "now" m minutes after 09:00 UTC."""

    def set_to(minutes: float) -> None:
        moment = (START + timedelta(minutes=minutes)).isoformat(timespec="seconds")
        monkeypatch.setattr("netlearn.store.database.utc_now", lambda: moment)

    set_to(0)
    return set_to


def moments(store) -> list[tuple[str, str]]:
    return [(r["topic"], r["at"]) for r in
            db_rows(store, "SELECT topic, at FROM notebook_activity ORDER BY at, topic")]


def save_one_of_each(store, topic="01-preparation"):
    store.save_answer(topic, "q1", ["a"], 1, 1, True)
    store.save_self_assessment(topic, "s1", "check", 4)
    store.save_reflection(topic, "r1", "text")


def test_nothing_is_noted_before_the_learner_answers_or_after_a_no(store):
    assert store.time_consent() is None
    save_one_of_each(store)
    assert moments(store) == [] and store.measured_minutes() == {}
    assert store.set_time_consent(False) == 0
    assert store.time_consent() is False
    save_one_of_each(store)
    assert moments(store) == [] and store.measured_minutes() == {}


def test_with_consent_the_minutes_come_from_the_saves_in_each_notebook(store, clock):
    store.set_time_consent(True)
    assert store.time_consent() is True
    assert store.measured_minutes() == {}
    store.save_answer("01-preparation", "q1", ["a"], 1, 1, True)  # 09:00
    clock(4)
    store.save_self_assessment("01-preparation", "s1", "check", 4)
    clock(9)
    store.save_answer("01-preparation", "alpha-scn", ["start"], 2, 4, False, kind="scenario")
    clock(21)  # a 12-minute gap: counts as 10
    store.save_reflection("01-preparation", "r1", "text")
    clock(30)
    store.save_answer("02-giving-not-just-taking", "q1", ["b"], 0, 1, False)
    assert store.measured_minutes() == {"01-preparation": 20, "02-giving-not-just-taking": 0}
    assert moments(store)[0] == ("01-preparation", "2026-03-10T09:00:00+00:00")


def test_ratings_count_for_the_notebook_that_asks_them(store, clock):
    # notebook 00 rates every mistake "before", 06 "after", 07 at the check-in
    store.set_time_consent(True)
    for minute, phase in enumerate(("before", "after", "check-in", "check")):
        clock(minute)
        store.save_self_assessment("03-following-up", "s1", phase, 3)
    assert [topic for topic, _ in moments(store)] == [
        "00-start-here", "06-action-plan", "07-check-in", "03-following-up"]


def test_a_save_naming_no_notebook_counts_for_the_last_one_named(store, clock):
    store.set_time_consent(True)
    store.save_pitch("Hello", 1, 0.5, {})  # nothing named yet in this kernel: not noted
    assert moments(store) == []
    clock(1)
    store.save_reflection("01-preparation", "r1", "text")
    ana = Contact("Ana", source="manual", source_ref="a")
    writes = [
        lambda: store.save_pitch("Hello again", 2, 1.0, {}),
        lambda: store.save_batch(Batch("manual", "notebook", contacts=[ana])),
        lambda: store.save_batch(Batch("manual", "notebook", interactions=[
            Interaction(datetime(2026, 3, 9, 12), "email", contact_key=ana.key,
                        source="manual", source_ref="i1")],
            events=[Event("Meetup", date(2026, 3, 12), source="manual", source_ref="e1")],
            commitments=[Commitment("Send it", date(2026, 3, 20), source="manual",
                                    source_ref="k1")])),
        lambda: store.update_contact(store.contact_ids_named("Ana")[0], cadence_days=30),
        lambda: store.update_event(store.event_choices()[0]["id"], goal_set=True),
        lambda: store.set_commitment_done(next(iter(store.commitment_states()))),
        lambda: store.set_commitment_state(next(iter(store.commitment_states())), "dropped"),
        lambda: store.set_setting("profile_audit", {"score": 3}),
    ]
    for minute, write in enumerate(writes, start=2):
        clock(minute)
        write()
    assert moments(store) == [("01-preparation", f"2026-03-10T09:{m:02d}:00+00:00")
                              for m in range(1, 2 + len(writes))]


def test_two_saves_in_one_second_are_one_moment(store):
    store.set_time_consent(True)
    store.save_answer("01-preparation", "q1", ["a"], 1, 1, True)
    store.save_answer("01-preparation", "q2", ["a"], 1, 1, True)
    assert len(moments(store)) == 1


def test_the_moment_is_written_in_the_same_transaction_as_the_save(store):
    store.set_time_consent(True)
    with pytest.raises(TypeError):  # the answer cannot be stored: nothing at all is
        store.save_answer("01-preparation", "q1", object(), 1, 1, True)
    assert moments(store) == [] and store.last_answers("01-preparation") == {}


def test_withdrawing_deletes_every_moment_at_once(store, clock):
    store.set_time_consent(True)
    for minute in range(3):
        clock(minute)
        save_one_of_each(store, f"0{minute + 1}-topic")
    assert len(moments(store)) == 3
    assert store.set_time_consent(False) == 3
    assert moments(store) == [] and store.measured_minutes() == {}
    clock(10)
    save_one_of_each(store)
    assert moments(store) == []
    assert store.last_answers("01-topic")  # the answers themselves stay


def test_the_answer_cannot_be_changed_around_the_deletion(store):
    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "text")
    with pytest.raises(ValueError, match="set_time_consent"):
        store.set_setting("time_consent", False)
    assert store.time_consent() is True and len(moments(store)) == 1


def test_a_no_given_in_another_kernel_stops_the_noting_here(home):
    here, there = Store(home), Store(home)
    here.set_time_consent(True)
    here.save_answer("01-preparation", "q1", ["a"], 1, 1, True)
    assert there.set_time_consent(False) == 1
    here.save_reflection("01-preparation", "r1", "written after the No")
    assert moments(here) == [] and here.measured_minutes() == {}
    here.close()
    there.close()


def test_a_schema_5_database_gains_the_table_and_keeps_its_rows(tmp_path):
    home = tmp_path / "old"
    home.mkdir()
    conn = sqlite3.connect(home / DB_NAME)
    for script in MIGRATIONS[:5]:
        conn.executescript(script)
    conn.execute("INSERT INTO reflections (topic, prompt_id, text, created_at, updated_at)"
                 " VALUES ('01-preparation', 'r1', 'kept', 'then', 'then')")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    store = Store(home)
    assert store.reflections()[("01-preparation", "r1")]["text"] == "kept"
    assert store.time_consent() is None and store.measured_minutes() == {}
    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "changed")
    assert [topic for topic, _ in moments(store)] == ["01-preparation"]
    store.close()
    assert db_rows(home / DB_NAME, "PRAGMA user_version")[0][0] == SCHEMA_VERSION


def test_the_export_holds_the_moments(store, tmp_path):
    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "text")
    paths = store.export_csv(tmp_path / "out")
    assert tmp_path / "out" / "notebook_activity.csv" in paths
    with open(tmp_path / "out" / "notebook_activity.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["topic", "at"] and [r[0] for r in rows[1:]] == ["01-preparation"]
    settings = (tmp_path / "out" / "settings.csv").read_text(encoding="utf-8")
    assert "time_consent,true" in settings


def test_forget_takes_the_moments_and_the_backups_with_everything(home):
    store = get_store(home)
    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "text")
    (home / "backups").mkdir()
    (home / "backups" / "netlearn-backup-x.zip").write_bytes(b"zip")
    (home / "mine.txt").write_text("the learner's own file")
    removed = forget(home)
    assert home / DB_NAME in removed and home / "backups" in removed
    assert not (home / "backups").exists() and (home / "mine.txt").is_file()
    fresh = get_store(home)
    assert fresh is not store
    assert fresh.time_consent() is None and fresh.measured_minutes() == {}
    assert moments(fresh) == [] and fresh.reflections() == {}


def test_a_backup_carries_the_answer_and_the_moments(store, tmp_path):
    from netlearn.keep.archive import restore_archive, write_archive

    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "text")
    path = write_archive(store, tmp_path / "backup.zip")
    target = Store(tmp_path / "target")
    restore_archive(target, path)
    assert target.time_consent() is True and moments(target) == moments(store)
    assert restore_archive(target, path).total_added == 0
    target.close()


def test_a_backup_with_a_yes_is_refused_by_a_store_that_said_no(store, tmp_path):
    # the moments never land in a store whose learner said No
    from netlearn.keep.archive import restore_archive, write_archive

    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "text")
    path = write_archive(store, tmp_path / "backup.zip")
    target = Store(tmp_path / "target")
    target.set_time_consent(False)
    with pytest.raises(StoreError, match="nothing was restored"):
        restore_archive(target, path)
    assert moments(target) == []
    target.close()
