"""Practice widgets of notebooks 02–05: give planner, follow-up drafter, profile audit, cadences."""

from datetime import date, datetime, timedelta

import pytest

import netlearn
from netlearn.network.records import Batch, Contact, Interaction
from netlearn.store import Store
from netlearn.widgets._ui import FOLLOW_UP_PREFIX, GIVE_PREFIX
from netlearn.widgets.practice.cadence import PAGE
from netlearn.widgets.practice.give import WAYS
from netlearn.widgets.practice.profile import ITEMS, SETTING_KEY
from tests.helpers import HOSTILE_IMG as HOSTILE
from tests.helpers import assert_escaped, html_values
from tests.storedb import db_rows

TODAY = date(2026, 3, 10)


def seed(store, *contacts, interactions=()):
    store.save_batch(Batch(source="manual", path="t", contacts=list(contacts),
                           interactions=list(interactions)))
    return {r["name"]: r["id"] for r in db_rows(store, "SELECT id, name FROM contacts")}


def person(name, ref, **fields):
    return Contact(name=name, source="manual", source_ref=ref, **fields)


def touch(contact, when, purpose="check_in", ref=None, direction="out"):
    return Interaction(when=when, channel="email", direction=direction, purpose=purpose,
                       contact_key=contact.key, source="manual",
                       source_ref=ref or f"{contact.source_ref}-{when:%Y%m%d}-{purpose}")


def commitments(store):
    return [dict(r) for r in db_rows(store, "SELECT * FROM commitments ORDER BY id")]


# --------------------------------------------------------------------------- 02 give planner


def test_give_planner_shows_the_sample_ratio_when_there_is_no_data(store):
    planner = netlearn.give_planner(store=store, today=TODAY)
    assert "Give:ask over the last 90 days" in planner.ratio.value
    assert "sample persona" in planner.ratio.value
    assert [label for label, _ in planner.way_input.options] == list(WAYS)


def test_give_planner_validates(store):
    planner = netlearn.give_planner(store=store, today=TODAY)
    planner.save_button.click()
    assert "✗ Please pick at least one person" in planner.message.value
    planner.someone_input.value = "Bo"
    planner.save_button.click()
    assert "✗ Please write a one-line plan" in planner.message.value
    planner.plan_input.value = "send the article"
    planner.due_input.value = TODAY - timedelta(days=1)
    planner.save_button.click()
    assert "✗ The date has passed" in planner.message.value
    assert commitments(store) == []


def test_give_planner_saves_one_commitment_per_person(store):
    ana, bo = person("Ana Lima", "a"), person("Bo Placeholder", "b")
    ids = seed(store, ana, bo, interactions=[
        touch(ana, datetime(2026, 3, 1, 12), "give"),
        touch(ana, datetime(2026, 3, 2, 12), "ask"),
        touch(bo, datetime(2026, 3, 3, 12), "ask"),
    ])
    planner = netlearn.give_planner(store=store, today=TODAY)
    assert "1 gives, 2 asks (ratio 0.5)" in planner.ratio.value
    planner.people.value = (ids["Ana Lima"], ids["Bo Placeholder"])
    planner.way_input.value = "make an introduction"
    planner.plan_input.value = "introduce them to each other"
    planner.save_button.click()
    assert "✓ Planned: make an introduction for Ana Lima, Bo Placeholder" in \
        planner.message.value
    saved = commitments(store)
    assert [c["text"] for c in saved] == [
        f"{GIVE_PREFIX}make an introduction — Ana Lima: introduce them to each other",
        f"{GIVE_PREFIX}make an introduction — Bo Placeholder: introduce them to each other"]
    assert [c["contact_id"] for c in saved] == [ids["Ana Lima"], ids["Bo Placeholder"]]
    assert [c["kind"] for c in saved] == ["give", "give"]
    assert {c["due"] for c in saved} == {(TODAY + timedelta(days=7)).isoformat()}
    assert "introduce them to each other" in planner.recent.value
    assert planner.people.value == ()


def test_planned_gives_and_follow_ups_are_listed_by_kind_not_by_text(store):
    from netlearn.widgets.log.commitment import save_commitment

    due = TODAY + timedelta(days=3)
    save_commitment(store, "Give: typed by hand in the commitment form", due)
    save_commitment(store, "Send follow-up: typed by hand too", due)
    save_commitment(store, "Give: a planned one", due, kind="give")
    save_commitment(store, "Send follow-up: Ana", due, kind="follow-up")
    planner = netlearn.give_planner(store=store, today=TODAY)
    assert "a planned one" in planner.recent.value
    assert "by hand" not in planner.recent.value and "Ana" not in planner.recent.value
    drafter = netlearn.followup_drafter(store=store, today=TODAY)
    assert "<td>Ana</td>" in drafter.recent.value and "by hand" not in drafter.recent.value
    assert [c["kind"] for c in store.open_commitments()] == [
        "other", "other", "give", "follow-up"]


# --------------------------------------------------------------------------- 03 drafter


def test_drafter_builds_the_draft_live_and_checks_it(store):
    drafter = netlearn.followup_drafter(store=store, today=TODAY)
    assert "✗ mentions their name" in drafter.checks.value
    drafter.name_input.value = "Ana Lima"
    drafter.where_input.value = "the accessibility meetup"
    drafter.detail_input.value = "screen reader testing"
    drafter.promised_input.value = "here is the checklist"
    drafter.next_input.value = "Would a call next week suit you?"
    assert drafter.draft.value.startswith("Hi Ana,")
    assert "screen reader testing" in drafter.draft.value
    for label in ("mentions their name", "refers to a specific detail",
                  "states a next step or an offer", "under 120 words", "no generic phrases"):
        assert f"✓ {label}" in drafter.checks.value


def test_drafter_checks_the_edited_draft(store):
    drafter = netlearn.followup_drafter(store=store, today=TODAY)
    drafter.name_input.value = "Ana"
    drafter.draft.value = "Hi Ana, just touching base. Let me circle back soon."
    assert "✗ no generic phrases — replace: “touching base”, “circle back”" in \
        drafter.checks.value


def test_drafter_reminder_creates_a_commitment_in_two_days(store):
    ids = seed(store, person("Ana Lima", "a"))
    drafter = netlearn.followup_drafter(store=store, today=TODAY)
    drafter.save_button.click()
    assert "✗ Please give their name" in drafter.message.value
    drafter.name_input.value = "ana lima"
    drafter.save_button.click()
    assert "✓ Reminder saved: send your follow-up to ana lima by 2026-03-12" in \
        drafter.message.value
    [saved] = commitments(store)
    assert saved["text"] == f"{FOLLOW_UP_PREFIX}ana lima"
    assert saved["due"] == "2026-03-12" and saved["contact_id"] == ids["Ana Lima"]
    assert saved["kind"] == "follow-up"
    assert "ana lima" in drafter.recent.value


# --------------------------------------------------------------------------- 04 profile audit


def test_profile_audit_scores_saves_and_restores(store, home):
    audit = netlearn.profile_audit(store=store, today=TODAY)
    assert len(audit.checks) == len(ITEMS) == 6
    assert "Your profile: 0 of 6" in audit.score.value
    audit.checks["photo"].value = True
    audit.checks["custom_url"].value = True
    assert "Your profile: 2 of 6" in audit.score.value
    assert "A headline that says what you do and for whom" in audit.score.value
    audit.save_button.click()
    assert "✓ Saved: 2 of 6" in audit.message.value
    saved = store.setting(SETTING_KEY)
    assert saved["score"] == 2 and saved["items"]["photo"] and not saved["items"]["about"]
    reopened = Store(home)  # as after a kernel restart
    try:
        again = netlearn.profile_audit(store=reopened, today=TODAY)
        assert again.values == audit.values
        assert "Last saved on 2026-03-10: 2 of 6" in again.recent.value
    finally:
        reopened.close()


# --------------------------------------------------------------------------- 05 cadences


def test_cadence_editor_without_contacts(store):
    editor = netlearn.cadence_editor(store=store, today=TODAY)
    assert "No contacts in your records yet" in editor.count.value
    assert editor.table.children == ()


def test_cadence_editor_saves_changes(store):
    ana = person("Ana Lima", "a")
    ids = seed(store, ana, person("Bo Placeholder", "b", close=True, cadence_days=90),
               interactions=[touch(ana, datetime(2026, 3, 1, 12))])
    editor = netlearn.cadence_editor(store=store, today=TODAY)
    first = editor.table.children[0]
    assert first.children[0].value == "Bo Placeholder"  # close contacts first
    assert editor.table.children[1].children[1].value == "9 days ago"
    cadence, close, _ = editor.rows[ids["Ana Lima"]]
    assert cadence.description == "Keep-in-touch cadence for Ana Lima"  # its accessible name
    assert [label for label, _ in cadence.options][:5] == [
        "no reminder", "every 30 days", "every 60 days", "every 90 days", "every 180 days"]
    cadence.value = 30
    close.value = True
    assert "1 unsaved change(s)" in editor.message.value
    editor.save_button.click()
    assert "✓ Saved changes for 1 contact" in editor.message.value
    row = db_rows(store, "SELECT cadence_days, close FROM contacts WHERE id = ?",
                      (ids["Ana Lima"],))[0]
    assert (row["cadence_days"], row["close"]) == (30, 1)
    editor.save_button.click()
    assert "No changes to save" in editor.message.value
    cadence.value = None
    editor.save_button.click()
    row = db_rows(store, "SELECT cadence_days FROM contacts WHERE id = ?", (ids["Ana Lima"],))[0]
    assert row["cadence_days"] is None


def test_cadence_editor_filters_and_pages(store):
    seed(store, *(person(f"Person {n:03d}", f"p{n}", company="Example Ltd")
                  for n in range(PAGE + 5)), person("Zed Unique", "z"))
    editor = netlearn.cadence_editor(store=store, today=TODAY)
    assert len(editor.table.children) == PAGE
    assert f"Showing {PAGE} of {PAGE + 6} contacts" in editor.count.value
    editor.filter_input.value = "zed"
    assert [row.children[0].value for row in editor.table.children] == ["Zed Unique"]
    editor.filter_input.value = "example"
    assert len(editor.table.children) == PAGE


def test_cadence_editor_keeps_unsaved_changes_across_filters(store):
    ids = seed(store, person("Ana Lima", "a"), person("Bo Placeholder", "b"))
    editor = netlearn.cadence_editor(store=store, today=TODAY)
    editor.rows[ids["Ana Lima"]][0].value = 60
    editor.filter_input.value = "bo"
    editor.filter_input.value = ""
    assert editor.rows[ids["Ana Lima"]][0].value == 60
    editor.save_button.click()
    assert db_rows(store, "SELECT cadence_days FROM contacts WHERE id = ?",
                       (ids["Ana Lima"],))[0]["cadence_days"] == 60


# --------------------------------------------------------------------------- 05 reconnect


def test_reconnect_list_on_the_sample(store):
    listing = netlearn.reconnect_list(n=5, store=store)
    assert 0 < len(listing.rows) <= 5
    for name, _last, reason, opener in listing.rows:
        assert reason and opener.startswith("Hi ")
        assert name.split()[0] in opener
    assert "Walter, Levin &amp; Murnighan, 2015" in html_values(listing)[1]
    assert "sample persona" in html_values(listing)[1]
    assert not store.has_activity()


def test_reconnect_list_on_own_data(store):
    old = person("Cy Sample", "c", close=True, company="Example Ltd")
    seed(store, old, interactions=[touch(old, datetime(2025, 1, 5, 12)),
                                   touch(old, datetime(2025, 6, 5, 12))])
    listing = netlearn.reconnect_list(store=store, today=TODAY)
    [(name, last, reason, opener)] = listing.rows
    assert (name, last) == ("Cy Sample", "2025-06-05")
    assert "278 days since your last contact" in reason
    assert "We last talked by e-mail in June 2025" in opener  # when and how, from the data
    assert "How are things at Example Ltd?" in opener
    assert "Cy Sample" in listing.table.value


def test_reconnect_list_empty(store):
    seed(store, person("Ana Lima", "a"))
    listing = netlearn.reconnect_list(store=store, today=TODAY)
    assert listing.rows == []
    assert "No one to suggest" in listing.table.value


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("make", ["give", "drafter", "reconnect"])
def test_practice_widgets_escape_names(store, make):
    hostile = person(HOSTILE, "h", company=HOSTILE, close=True)
    seed(store, hostile, interactions=[touch(hostile, datetime(2025, 1, 5, 12)),
                                       touch(hostile, datetime(2025, 6, 5, 12))])
    if make == "give":
        widget = netlearn.give_planner(store=store, today=TODAY)
        widget.someone_input.value = HOSTILE
        widget.plan_input.value = HOSTILE
        widget.save_button.click()
    elif make == "drafter":
        widget = netlearn.followup_drafter(store=store, today=TODAY)
        widget.name_input.value = HOSTILE
        widget.save_button.click()
    else:
        widget = netlearn.reconnect_list(store=store, today=TODAY)
    assert_escaped(widget, HOSTILE)
