"""The logging forms: validation in the widget, rows stored, edits, recent tables, escaping."""

from datetime import date, timedelta

import pytest

from netlearn.network.records import CHANNELS, DIRECTIONS, PURPOSES, Batch, Contact
from netlearn.plumbing.errors import StoreError
from netlearn.widgets.log import log_tabs as lw
from tests.helpers import HOSTILE_IMG as HOSTILE
from tests.helpers import assert_escaped
from tests.storedb import db_rows

TODAY = date(2026, 3, 10)


def rows(store, table):
    return [dict(r) for r in db_rows(store, f"SELECT * FROM {table} ORDER BY id")]


def add_contact(store, name="Ana Lima", **fields):
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = name
    for key, value in fields.items():
        getattr(form, f"{key}_input").value = value
    assert form.save(), form.message.value
    return rows(store, "contacts")[-1]


# --------------------------------------------------------------------------- contacts


def test_contact_needs_a_name(store):
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = "   "
    form.save_button.click()
    assert "✗ Please give a name" in form.message.value
    assert rows(store, "contacts") == []


@pytest.mark.parametrize("email", ["ana", "ana@", "ana@example", "a b@example.com",
                                   "<ana@example.com>"])
def test_contact_email_is_validated(store, email):
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = "Ana"
    form.email_input.value = email
    form.save_button.click()
    assert "✗" in form.message.value and "e-mail" in form.message.value
    assert rows(store, "contacts") == []


def test_contact_met_in_the_future_is_refused(store):
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = "Ana"
    form.met_input.value = TODAY + timedelta(days=1)
    form.save_button.click()
    assert "✗" in form.message.value and "future" in form.message.value


def test_contact_is_saved_with_every_field(store):
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = "  Ana   Lima "
    form.email_input.value = "ana@example.com"
    form.company_input.value = "Example Health"
    form.where_input.value = "Accessibility meetup"
    form.met_input.value = date(2026, 3, 8)
    form.close_input.value = True
    form.cadence_input.value = 60
    form.save_button.click()
    assert "✓ Saved Ana Lima" in form.message.value
    [row] = rows(store, "contacts")
    assert row["name"] == "Ana Lima"
    assert row["email"] == "ana@example.com"
    assert row["company"] == "Example Health"
    assert row["notes"] == "Accessibility meetup"
    assert row["met_on"] == "2026-03-08"
    assert row["close"] == 1 and row["cadence_days"] == 60
    assert row["source"] == "manual" and len(row["source_ref"]) == 32
    assert "Ana Lima" in form.recent.value and "every 60 days" in form.recent.value
    assert form.name_input.value == "" and form.pick.value == 0  # ready for the next person
    [log] = rows(store, "imports")
    assert log["kind"] == "manual" and log["file_name"] == "notebook"


def test_contact_with_a_known_email_is_not_duplicated(store):
    add_contact(store, email="ana@example.com")
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = "Ana L."
    form.email_input.value = "ANA@example.com"
    form.save_button.click()
    assert "same e-mail" in form.message.value
    assert len(rows(store, "contacts")) == 1


def test_contact_can_be_edited(store):
    row = add_contact(store, company="Old Co")
    form = lw.contact_form(store=store, today=TODAY)
    assert ("Ana Lima — Old Co", row["id"]) in form.pick.options
    form.pick.value = row["id"]
    assert form.name_input.value == "Ana Lima" and form.company_input.value == "Old Co"
    assert form.save_button.description == "Save changes"
    form.company_input.value = "New Co"
    form.cadence_input.value = 30
    form.close_input.value = True
    form.save_button.click()
    assert "✓ Updated Ana Lima" in form.message.value
    [updated] = rows(store, "contacts")
    assert (updated["company"], updated["cadence_days"], updated["close"]) == ("New Co", 30, 1)
    assert updated["source_ref"] == row["source_ref"]


def test_contact_edit_keeps_an_unusual_cadence(store):
    store.save_batch(Batch(source="manual", path="t", contacts=[
        Contact(name="Bo", source="manual", source_ref="b", cadence_days=45)]))
    form = lw.contact_form(store=store, today=TODAY)
    form.pick.value = rows(store, "contacts")[0]["id"]
    assert form.cadence_input.value == 45
    assert ("every 45 days", 45) in form.cadence_input.options


def test_store_errors_are_shown_in_the_widget(store, monkeypatch):
    def broken(*args, **kwargs):
        raise StoreError("the database stayed locked", path=store.path)

    monkeypatch.setattr(store, "save_batch", broken)
    form = lw.contact_form(store=store, today=TODAY)
    form.name_input.value = "Ana"
    form.save_button.click()  # no exception
    assert "✗ Could not save" in form.message.value and "locked" in form.message.value


# --------------------------------------------------------------------------- interactions


def test_dropdowns_show_readable_words_for_every_code(store):
    form = lw.interaction_form(store=store, today=TODAY)
    for dropdown, codes in ((form.channel_input, CHANNELS), (form.direction_input, DIRECTIONS),
                            (form.purpose_input, PURPOSES)):
        assert [value for _, value in dropdown.options] == list(codes)
        for label, _value in dropdown.options:
            assert "_" not in label and label
        assert dropdown.description


def test_interaction_needs_a_contact(store):
    form = lw.interaction_form(store=store, today=TODAY)
    form.save_button.click()
    assert "✗ Please choose who it was with" in form.message.value
    assert rows(store, "interactions") == []


def test_interaction_is_saved(store):
    contact = add_contact(store)
    form = lw.interaction_form(store=store, today=TODAY)
    form.contact_input.value = contact["id"]
    form.day_input.value = date(2026, 3, 9)
    form.channel_input.value = "linkedin_invitation"
    form.direction_input.value = "out"
    form.purpose_input.value = "follow_up"
    form.note_input.value = "after the meetup"
    form.personal_note_input.value = True
    form.save_button.click()
    assert "✓ Saved: LinkedIn invitation with Ana Lima on 2026-03-09" in form.message.value
    [row] = rows(store, "interactions")
    assert row["contact_id"] == contact["id"]
    assert row["occurred_at"].startswith("2026-03-09T12:00")
    assert (row["channel"], row["direction"], row["purpose"]) == (
        "linkedin_invitation", "out", "follow_up")
    assert row["online"] == 1 and row["personal_note"] == 1
    assert row["note"] == "after the meetup"
    assert row["source"] == "manual"
    assert "Ana Lima" in form.recent.value and "LinkedIn invitation" in form.recent.value
    assert form.note_input.value == ""


def test_interaction_in_the_future_is_refused(store):
    add_contact(store)
    form = lw.interaction_form(store=store, today=TODAY)
    form.day_input.value = TODAY + timedelta(days=3)
    form.save_button.click()
    assert "✗" in form.message.value and "future" in form.message.value
    form.day_input.value = None
    form.save_button.click()
    assert "✗ Please give the date" in form.message.value
    assert rows(store, "interactions") == []


# --------------------------------------------------------------------------- events


def test_event_checklist_on_its_own():
    checklist = lw.event_checklist()
    assert len(checklist.checks) == 5
    assert "0 of 5 done" in checklist.summary.value
    checklist.checks["goal_set"].value = True
    checklist.checks["intro_prepared"].value = True
    assert "2 of 5 done" in checklist.summary.value
    assert "researched who is coming" in checklist.summary.value
    assert checklist.values["goal_set"] and not checklist.values["followup_blocked"]
    checklist.values = dict.fromkeys(checklist.checks, True)
    assert "5 of 5 done — you are prepared" in checklist.summary.value


def test_event_checklist_starts_from_values():
    checklist = lw.event_checklist({"questions_prepared": True})
    assert checklist.values["questions_prepared"]
    assert "1 of 5 done" in checklist.summary.value


def test_event_needs_a_title(store):
    form = lw.event_form(store=store, today=TODAY)
    form.save_button.click()
    assert "✗ Please give the event a name" in form.message.value
    assert rows(store, "events") == []


def test_event_is_saved_and_edited(store):
    form = lw.event_form(store=store, today=TODAY)
    form.title_input.value = "Design meetup"
    form.day_input.value = date(2026, 3, 5)
    form.location_input.value = "Example City"
    form.checklist.checks["goal_set"].value = True
    form.checklist.checks["attendees_researched"].value = True
    form.save_button.click()
    assert "✓ Saved Design meetup on 2026-03-05 (preparation 2 of 5 done)" in form.message.value
    [row] = rows(store, "events")
    assert (row["title"], row["day"], row["location"]) == ("Design meetup", "2026-03-05",
                                                           "Example City")
    assert row["goal_set"] == 1 and row["attendees_researched"] == 1
    assert row["intro_prepared"] == 0 and row["attended"] == 1
    assert "2 of 5" in form.recent.value

    form.pick.value = row["id"]
    assert form.title_input.value == "Design meetup"
    assert form.checklist.values["goal_set"]
    form.checklist.checks["followup_blocked"].value = True
    form.attended_input.value = False
    form.save_button.click()
    assert "✓ Updated Design meetup" in form.message.value
    [edited] = rows(store, "events")
    assert edited["followup_blocked"] == 1 and edited["attended"] == 0


# --------------------------------------------------------------------------- commitments


def test_commitment_needs_text(store):
    form = lw.commitment_form(store=store, today=TODAY)
    form.save_button.click()
    assert "✗ Please say what you promised" in form.message.value


def test_commitment_is_saved_and_marked_done(store):
    contact = add_contact(store)
    form = lw.commitment_form(store=store, today=TODAY)
    assert form.due_input.value == TODAY + timedelta(days=7)
    form.text_input.value = "Send Ana the checklist"
    form.contact_input.value = contact["id"]
    form.save_button.click()
    assert "✓ Saved: Send Ana the checklist — due 2026-03-17" in form.message.value
    [row] = rows(store, "commitments")
    assert row["contact_id"] == contact["id"] and row["done"] == 0
    assert row["source"] == "manual"
    assert "Send Ana the checklist" in form.recent.value
    assert form.open_input.value == row["id"]
    form.done_button.click()
    assert "✓ Done: Send Ana the checklist" in form.message.value
    assert rows(store, "commitments")[0]["done"] == 1
    form.done_button.click()
    assert "✗ There is no open commitment" in form.message.value


def test_overdue_commitments_are_flagged(store):
    form = lw.commitment_form(store=store, today=TODAY)
    form.text_input.value = "Old promise"
    form.due_input.value = TODAY - timedelta(days=2)
    form.save_button.click()
    assert "overdue" in form.recent.value


# --------------------------------------------------------------------------- together


def test_activity_log_shares_new_contacts_between_tabs(store):
    log = lw.activity_log(store=store, today=TODAY)
    assert [log.get_title(i) for i in range(4)] == list(lw.TITLES)
    log.contact.name_input.value = "Bo Placeholder"
    log.contact.save_button.click()
    assert "✓ Saved Bo Placeholder" in log.contact.message.value
    assert [label for label, _ in log.interaction.contact_input.options] == ["Bo Placeholder"]
    assert "Bo Placeholder" in [label for label, _ in log.commitment.contact_input.options]


def test_notebook_names_are_the_forms():
    assert lw.log_contact is lw.contact_form
    assert lw.log_interaction is lw.interaction_form
    assert lw.log_event is lw.event_form
    assert lw.log_commitment is lw.commitment_form


def test_every_html_value_escapes_learner_text(store):
    store.save_batch(Batch(source="manual", path="t", contacts=[
        Contact(name=HOSTILE, source="manual", source_ref="h", company=HOSTILE)]))
    contact_id = rows(store, "contacts")[0]["id"]
    log = lw.activity_log(store=store, today=TODAY)
    log.interaction.contact_input.value = contact_id
    log.interaction.note_input.value = HOSTILE
    log.interaction.save_button.click()
    log.event.title_input.value = HOSTILE
    log.event.save_button.click()
    log.commitment.text_input.value = HOSTILE
    log.commitment.contact_input.value = contact_id
    log.commitment.save_button.click()
    log.contact.pick.value = contact_id
    log.contact.save_button.click()
    for form in (log.contact, log.interaction, log.event, log.commitment):
        assert_escaped(form, HOSTILE)
