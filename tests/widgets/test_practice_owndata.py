"""Own-data practice widgets: triage (02), follow-up gaps (03), close-contact suggestions (05)."""

from __future__ import annotations

from datetime import date, datetime

from netlearn.keep.learner_network import my_network
from netlearn.network import metrics
from netlearn.network.records import Batch, Contact, Interaction
from netlearn.widgets.practice import owndata as own
from tests.helpers import HOSTILE_IMG as HOSTILE
from tests.helpers import html_values
from tests.storedb import db_rows

TODAY = date(2026, 6, 30)


def linkedin_person(name, connected=None):
    return Contact(name, source="linkedin", source_ref=f"https://www.linkedin.com/in/{name}",
                   company="Birch & Co", connected_on=connected)


def message(contact, when, conv, direction="out"):
    return Interaction(when, "linkedin_message", direction, contact_key=contact.key,
                       source="linkedin", source_ref=f"msg:{conv}|{when}|{direction}")


def seeded(store):
    ada, bo, cy = (linkedin_person(HOSTILE, date(2026, 6, 1)),
                   linkedin_person("Bo Birch", date(2026, 6, 2)),
                   linkedin_person("Cy Cedar", date(2025, 1, 1)))
    items = [message(cy, datetime(2026, 6, d, 9), "conv-cy", "out" if d % 2 else "in")
             for d in range(1, 8)]
    items.append(message(bo, datetime(2026, 6, 20, 9), "conv-bo"))
    store.save_batch(Batch("linkedin", "t", contacts=[ada, bo, cy], interactions=items))
    return ada, bo, cy


def html(widget):
    return "".join(html_values(widget))


def test_triage_tags_are_stored_and_count_as_gives_and_asks(store):
    seeded(store)
    triage = own.triage_list(store=store, today=TODAY)
    assert [conv.name for conv, _ in triage.rows] == ["Bo Birch", "Cy Cedar"]
    assert "7 messages" in html(triage)
    assert metrics.give_ask_ratio(my_network(store), TODAY).gives == 0
    triage.rows[0][1].value = "give"   # a click on "give" for Bo
    triage.rows[1][1].value = "both"
    assert store.setting(own.TRIAGE_KEY) == {"conv-bo": "give", "conv-cy": "both"}
    result = metrics.give_ask_ratio(my_network(store), TODAY)
    assert (result.gives, result.asks) == (2, 1)
    assert "Tagged 2 of 2" in triage.status.value
    again = own.triage_list(store=store, today=TODAY)  # the tags are remembered
    assert [t.value for _, t in again.rows] == ["give", "both"]
    again.rows[0][1].value = None
    assert store.setting(own.TRIAGE_KEY) == {"conv-cy": "both"}


def test_each_triage_group_is_named_for_its_person_and_day(store):
    seeded(store)
    triage = own.triage_list(store=store, today=TODAY)
    bo, cy = (toggle for _, toggle in triage.rows)
    assert bo.description == cy.description == "Mainly"
    assert bo.tooltip == ("Was your conversation with Bo Birch, 20 Jun 2026 mainly you "
                          "giving, asking, both or neither?")
    assert list(cy.tooltips) == ["Give: your conversation with Cy Cedar, 07 Jun 2026",
                           "Ask: your conversation with Cy Cedar, 07 Jun 2026",
                           "Both: your conversation with Cy Cedar, 07 Jun 2026",
                           "Neither: your conversation with Cy Cedar, 07 Jun 2026"]


def test_follow_up_gaps_add_a_commitment_in_one_click(store):
    ada, bo, _ = seeded(store)
    gaps = own.follow_up_gaps(store=store, today=TODAY)
    assert [m.name for m in gaps.missed] == [HOSTILE]  # Bo got a message, Cy is not new
    assert "&lt;img" in html(gaps) and "<img" not in html(gaps)
    gaps.buttons[0].click()
    rows = db_rows(store, "SELECT text, kind, due, contact_id FROM commitments")
    assert [(r["text"], r["kind"], r["due"]) for r in rows] == [
        (f"Send follow-up: {HOSTILE}", "follow-up", "2026-07-02")]
    assert rows[0]["contact_id"] is not None
    assert gaps.buttons[0].disabled


def test_close_suggestions_confirmed_in_one_click(store):
    seeded(store)
    suggestions = own.close_suggestions(store=store, today=TODAY)
    assert [s.name for s in suggestions.suggestions] == ["Cy Cedar"]
    assert "every 30 days" in html(suggestions)
    suggestions.buttons[0].click()
    row = db_rows(store, "SELECT close, cadence_days FROM contacts WHERE name = 'Cy Cedar'")[0]
    assert (row["close"], row["cadence_days"]) == (1, 30)
    assert own.close_suggestions(store=store, today=TODAY).suggestions == []


def test_on_the_sample_nothing_is_saved(store):
    triage = own.triage_list(store=store)
    assert triage.rows
    triage.rows[0][1].value = "ask"
    assert store.setting(own.TRIAGE_KEY) is None
    suggestions = own.close_suggestions(store=store)
    assert 5 <= len(suggestions.suggestions) <= 15 or suggestions.suggestions == []
    suggestions.confirm_all.click()
    assert db_rows(store, "SELECT count(*) AS n FROM contacts")[0]["n"] == 0


def test_connection_note_drafter_checks_how_personal_the_note_is():
    drafter = own.connection_note_drafter()
    drafter.name_input.value = HOSTILE
    drafter.context_input.value = "your talk at the accessibility meetup"
    drafter.detail_input.value = "testing with screen-reader users"
    assert "screen-reader users" in drafter.draft.value
    assert drafter.checks.value.count("netlearn-ok") == 5
    assert "<img" not in drafter.checks.value
    drafter.draft.value = "I'd like to add you to my professional network."
    assert "add you to my network" in drafter.checks.value
    assert drafter.checks.value.count("netlearn-problem") == 4


def test_imported_past_events_wait_for_a_retro_instead_of_counting_as_unprepared(store):
    from netlearn.network.records import Event

    store.save_batch(Batch("linkedin", "t", events=[
        Event("Health Data Meetup", date(2026, 6, 5), source="linkedin", source_ref="e1"),
        Event(HOSTILE, date(2026, 7, 20), attended=False, source="linkedin", source_ref="e2"),
    ]))
    net = my_network(store)
    assert metrics.preparation_rate(net, TODAY).events == 0  # not 0 % prepared
    assert [e.title for e in metrics.awaiting_retro(net, TODAY)] == ["Health Data Meetup"]
    retro = own.event_retro(store=store, today=TODAY)
    assert [e.title for e, _, _ in retro.items] == [HOSTILE, "Health Data Meetup"]
    assert "<img" not in html(retro)
    _, checklist, save = retro.items[1]
    checklist.values = {"goal_set": True, "questions_prepared": True}
    save.click()
    prep = metrics.preparation_rate(my_network(store), TODAY)
    assert (prep.events, prep.fully_prepared, prep.mean_items) == (1, 0, 2.0)
    assert metrics.awaiting_retro(my_network(store), TODAY) == []
    _, checklist, save = retro.items[0]  # upcoming: the preparation checklist
    checklist.values = {"goal_set": True}
    save.click()
    assert db_rows(store, "SELECT goal_set FROM events WHERE source_ref = 'e2'")[0]["goal_set"] == 1


def test_linkedin_only_learner_who_accepts_suggestions_gets_reminders(store, tmp_path):
    from netlearn.keep.exporting import export_all
    from netlearn.keep.ingest import import_file
    from netlearn.network.sample import write_sample_linkedin_export

    import_file(store, "linkedin", write_sample_linkedin_export(tmp_path / "export"))
    today = date(2026, 11, 1)
    suggestions = own.close_suggestions(store=store, today=today)
    assert 5 <= len(suggestions.suggestions) <= 15
    suggestions.confirm_all.click()
    paths = export_all(store, tmp_path / "out", today=today)
    ics = next(p for p in paths if p.name == "reminders.ics").read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") + ics.count("BEGIN:VTODO") >= 5


def test_data_choice_is_a_click(store):
    seeded(store)
    choice = own.data_choice_widget(store=store)
    assert choice.choice.value == "own" and "your data" in choice.status.value
    choice.choice.value = "sample"
    assert store.setting("data_choice") == "sample"
    assert my_network(store).is_sample and "sample persona" in choice.status.value
    choice.choice.value = "own"
    assert not my_network(store).is_sample
