"""Notebook 03's follow-up drafter: a live draft from what you recall, with personal checks."""

from __future__ import annotations

from datetime import timedelta

from netlearn.teaching import drafting
from netlearn.widgets._ui import FOLLOW_UP_PREFIX, escape, note, ok, table_html
from netlearn.widgets.log._form import WIDE, ActivityForm, Invalid, text_input
from netlearn.widgets.log.commitment import save_commitment
from netlearn.widgets.practice.drafts import Drafter
from netlearn.widgets.shared_models import hbox

REMIND_AFTER_DAYS = 2


def checks_html(checks) -> str:
    """Return the checks as an HTML list of "✓ …" / "✗ … — hint" lines (escaped)."""
    items = "".join(
        f"<li class='{'netlearn-ok' if c.passed else 'netlearn-problem'}'>{escape(str(c))}</li>"
        for c in checks)
    return f"<ul class='netlearn-checks' style='list-style:none;padding-left:0'>{items}</ul>"


class FollowupDrafter(ActivityForm, Drafter):
    """Draft a follow-up message and check it; optionally get a reminder to send it.

    Attributes
    ----------
    name_input, where_input, detail_input, promised_input, next_input : Text
    draft : Textarea
        The copy-ready draft; rebuilt when a field changes, and yours to edit.
    checks : HTML
        ✓/✗ personalisation checks of the draft as it stands.
    """

    summary_text = "Follow-up drafter"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-followup-drafter", store, today,
                         save_label="Remind me to send it")
        self.save_button.icon = "bell"
        self.name_input = text_input("Their name", "e.g. Ana Lima")
        self.where_input = text_input("Where you met", "e.g. the accessibility meetup")
        self.detail_input = text_input("A detail you discussed",
                                       "e.g. how her team tests with screen-reader users")
        self.promised_input = text_input("What you promised",
                                         "e.g. here is the checklist I mentioned")
        self.next_input = text_input("A next step or offer",
                                     "e.g. Would a 20-minute call next week suit you?")
        self.make_draft("Copy-ready draft", "Your follow-up message", "14em",
                        self.inputs().values())
        self.set_body([
            *self.inputs().values(), self.draft, self.checks,
            hbox([self.save_button], layout=WIDE), self.message, self.recent,
        ])
        self.rebuild()
        self.show_recent()

    def inputs(self) -> dict:
        """Return field name -> input (the names of the core task's follow-up tool)."""
        return {"name": self.name_input, "where": self.where_input,
                "detail": self.detail_input, "promised": self.promised_input,
                "next_step": self.next_input}

    def rebuild(self) -> None:
        """Build the draft from the fields (replacing edits in the draft box)."""
        self.draft.value = drafting.build_draft(
            self.name_input.value, self.where_input.value, self.detail_input.value,
            self.promised_input.value, self.next_input.value)
        self._check()

    def _check(self) -> None:
        self.checks.value = checks_html(drafting.check_draft(
            self.draft.value, self.name_input.value, self.detail_input.value))

    def _save(self) -> str:
        name = " ".join(self.name_input.value.split())
        if not name:
            raise Invalid("Please give their name.")
        due = self.today + timedelta(days=REMIND_AFTER_DAYS)
        ids = self.store.contact_ids_named(name)
        contact_id = ids[0] if len(ids) == 1 else None
        save_commitment(self.store, f"{FOLLOW_UP_PREFIX}{name}", due, contact_id,
                        kind="follow-up")
        return ok(f"Reminder saved: send your follow-up to {name} by {due.isoformat()}.")

    def _recent_html(self) -> str:
        rows = self.store.open_commitments(kind="follow-up", limit=10)
        if not rows:
            return note("No follow-ups waiting to be sent.")
        return table_html(("By", "Send a follow-up to"),
                          [(r["due"], r["text"].removeprefix(FOLLOW_UP_PREFIX)) for r in rows],
                          caption="Follow-ups to send")


def followup_drafter(store=None, today=None) -> FollowupDrafter:
    """Return notebook 03's follow-up drafter.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where a "send it" reminder is saved (default: the learner's store).
    today : date, optional
        The reminder is due two days after it.

    Returns
    -------
    FollowupDrafter
    """
    return FollowupDrafter(store=store, today=today)
