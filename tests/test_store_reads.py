"""The store's named reads: what screens ask for, as plain dicts, with no SQL in the caller."""

from datetime import date, datetime

from netlearn.network.records import Batch, Commitment, Contact, Event, Interaction


def seeded(store):
    store.save_batch(Batch("manual", "x", contacts=[
        Contact("bo Brown", source_ref="b", company="Acme", cadence_days=30),
        Contact("Ana Lima", source_ref="a", close=True, met_on=date(2026, 1, 2)),
        Contact("ana lima", source_ref="a2"),
        Contact("Cy", source_ref="c"),
    ], interactions=[
        Interaction(datetime(2026, 1, 5, 12), "email", contact_key="manual:a", note="first"),
        Interaction(datetime(2026, 1, 1, 12), "call", contact_key="", note="nobody"),
    ], events=[
        Event("Old", date(2025, 5, 1), source_ref="e1", goal_set=True),
        Event("New", date(2026, 2, 1), source_ref="e2"),
    ], commitments=[
        Commitment("Give: later", date(2026, 3, 9), contact_key="manual:a", source_ref="m1",
                   kind="give"),
        Commitment("Send follow-up: Bo", date(2026, 3, 2), source_ref="m2", kind="follow-up"),
        Commitment("Done one", date(2026, 3, 1), done=True, source_ref="m3"),
        Commitment("Give: sooner", date(2026, 3, 3), source_ref="m4", kind="give"),
    ]))
    return {c.name: c.id for c in store.load_network().contacts if c.source_ref != "a2"}


def test_contact_reads(store):
    ids = seeded(store)
    choices = store.contact_choices()
    assert [c["name"] for c in choices] == ["Ana Lima", "ana lima", "bo Brown", "Cy"]
    assert all(type(c) is dict for c in choices) and set(choices[0]) == {"id", "name", "company"}
    ana = store.contact(ids["Ana Lima"])
    assert type(ana) is dict and ana["met_on"] == "2026-01-02" and ana["close"] == 1
    assert store.contact(10_000) is None
    assert len(store.contact_ids_named("ANA LIMA")) == 2
    assert store.contact_ids_named("Bo Brown") == [ids["bo Brown"]]
    assert store.contact_ids_named("nobody") == []
    assert [c["name"] for c in store.recent_contacts(limit=2)] == ["Cy", "ana lima"]
    assert {c["name"]: c["cadence_days"] for c in store.contact_cadences()}["bo Brown"] == 30
    assert store.count_kept_in_touch() == 2


def test_interaction_event_and_commitment_reads(store):
    seeded(store)
    recent = store.recent_interactions(limit=5)
    assert sorted((r["note"], r["contact_name"]) for r in recent) == [("first", "Ana Lima"),
                                                                       ("nobody", "")]
    store.save_batch(Batch("manual", "y", interactions=[
        Interaction(datetime(2025, 1, 1, 12), "post", note="logged last")]))
    assert [r["note"] for r in store.recent_interactions(limit=1)] == ["logged last"]
    assert [e["title"] for e in store.event_choices()] == ["New", "Old"]
    assert [e["title"] for e in store.recent_events(limit=1)] == ["New"]
    old = store.event_choices()[1]["id"]
    assert store.event(old)["goal_set"] == 1 and store.event(10_000) is None
    open_ = store.open_commitments()
    assert [c["text"] for c in open_] == ["Send follow-up: Bo", "Give: sooner", "Give: later"]
    assert open_[2]["contact_name"] == "Ana Lima" and open_[0]["contact_name"] == ""
    assert [c["text"] for c in store.open_commitments(kind="give")] == [
        "Give: sooner", "Give: later"]
    assert [c["text"] for c in store.open_commitments(kind="give", limit=1)] == ["Give: sooner"]
    assert store.open_commitments(kind="other") == []
    assert store.commitment(open_[0]["id"])["kind"] == "follow-up"


def test_no_caller_can_send_sql(store):
    assert not hasattr(store, "query")


def test_quiz_attempts_come_in_the_order_made_reset_and_restored_ones_included(
        store, tmp_path, monkeypatch):
    """A restored backup's attempts take their place by the time they were made, so the
    first try is the earliest stored for the item, whichever store it came from."""
    from netlearn.store import Store, database
    from netlearn.teaching.grading import first_tries, item_version

    item = {"id": "q1", "type": "single", "prompt": "P?", "choices": [
        {"id": c, "text": c, "correct": c == "b", "feedback": "."} for c in "abc"]}
    version = item_version(item)
    other = Store(tmp_path / "other-home")  # the learner's earlier session, backed up
    try:
        monkeypatch.setattr(database, "utc_now", lambda: "2025-03-01T09:00:00+00:00")
        other.save_answer("t", "q1", "a", 0, 1, False, version=version)
        _, tables = other.snapshot()
    finally:
        other.close()
    monkeypatch.setattr(database, "utc_now", lambda: "2025-03-02T09:00:00+00:00")
    store.save_answer("t", "q1", "b", 1, 1, True, version=version)  # here, a day later
    store.reset_answers("t")
    store.save_answer("t", "q1", "c", 0, 1, False, version=version)
    store.restore_tables({"answers": tables["answers"]})
    attempts = store.quiz_attempts("t")
    assert [(a["answer"], a["cleared"]) for a in attempts] == [("a", False), ("b", True),
                                                               ("c", False)]
    assert set(attempts[0]) == {"item_id", "answer", "score", "max_score", "correct",
                                "version", "created_at", "cleared"}
    assert first_tries([item], attempts)["q1"].answer == "a"  # the restored, earliest one
    assert store.quiz_attempts("t", kind="scenario") == [] and store.quiz_attempts("u") == []
