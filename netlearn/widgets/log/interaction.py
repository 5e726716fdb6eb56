"""A form to log one interaction with a contact: who, when, channel, direction and purpose."""

from __future__ import annotations

from datetime import datetime, time

from netlearn.network.records import Batch, Interaction
from netlearn.widgets._ui import (
    CHANNEL_LABELS,
    DIRECTION_LABELS,
    NOBODY,
    PURPOSE_LABELS,
    channel_options,
    contact_options,
    direction_options,
    note,
    ok,
    purpose_options,
    table_html,
)
from netlearn.widgets.log._form import (
    WIDE,
    ActivityForm,
    Invalid,
    checkbox,
    date_input,
    dropdown,
    text_input,
)
from netlearn.widgets.shared_models import hbox

#: Interactions logged with a date only are stored at this time of day (as metrics assume).
LOGGED_TIME = time(12, 0)


class InteractionForm(ActivityForm):
    """Log a conversation, message or meeting with one of your contacts.

    Interactions can be added here; the store offers no way to change one
    afterwards.

    Attributes
    ----------
    contact_input : Dropdown
        Stored contacts (value: contact id; 0 when there are none).
    day_input : DatePicker
    channel_input, direction_input, purpose_input : Dropdown
        Readable labels, record codes as values.
    note_input : Text
    personal_note_input : Checkbox
        For invitations and messages: sent with a personal note.
    """

    summary_text = "Interaction form"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-interaction-form", store, today,
                         save_label="Save interaction")
        self.contact_input = dropdown("With", [("(no contacts yet)", NOBODY)])
        self.day_input = date_input("Date", self.today)
        self.channel_input = dropdown("How", channel_options(), "in_person")
        self.direction_input = dropdown("Who started it", direction_options(), "out")
        self.purpose_input = dropdown("Purpose", purpose_options(), "check_in")
        self.note_input = text_input("Note (optional)", "what it was about")
        self.personal_note_input = checkbox("Sent with a personal note (invitations, messages)")
        self.set_body([
            self.contact_input, self.day_input, self.channel_input, self.direction_input,
            self.purpose_input, self.note_input, self.personal_note_input,
            hbox([self.save_button], layout=WIDE), self.message, self.recent,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Reload the contacts to choose from."""
        options = contact_options(self.store)
        self.set_options(self.contact_input, options or [("(no contacts yet)", NOBODY)])
        self.show_recent()

    def _save(self) -> str:
        from netlearn.store import new_ref

        contact_id = self.contact_input.value
        if not contact_id:
            raise Invalid("Please choose who it was with — add them with the contact form "
                          "first.")
        day = self.day_input.value
        if day is None:
            raise Invalid("Please give the date.")
        if day > self.today:
            raise Invalid("The date is in the future — log it once it has happened.")
        item = Interaction(
            when=datetime.combine(day, LOGGED_TIME), channel=self.channel_input.value,
            direction=self.direction_input.value, purpose=self.purpose_input.value,
            contact_id=contact_id, note=self.note_input.value.strip(),
            personal_note=bool(self.personal_note_input.value), source="manual",
            source_ref=new_ref(),
        )
        self.store.save_batch(Batch(source="manual", path="notebook", interactions=[item]))
        contact = self.store.contact(contact_id)
        who = contact["name"] if contact else "your contact"
        self.note_input.value = ""
        self.personal_note_input.value = False
        return ok(f"Saved: {CHANNEL_LABELS.get(item.channel, item.channel)} with {who} on "
                  f"{day.isoformat()}.")

    def _recent_html(self) -> str:
        rows = self.store.recent_interactions(limit=5)
        if not rows:
            return note("No interactions logged yet.")
        return table_html(
            ("Date", "With", "How", "Who started it", "Purpose", "Note"),
            [(r["occurred_at"][:10], r["contact_name"], CHANNEL_LABELS.get(r["channel"],
              r["channel"]), DIRECTION_LABELS.get(r["direction"], r["direction"]),
              PURPOSE_LABELS.get(r["purpose"], r["purpose"]), r["note"]) for r in rows],
            caption="Your latest interactions")


def interaction_form(store=None, today=None) -> InteractionForm:
    """Return a form to log an interaction with a contact.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where to save (default: the learner's store).
    today : date, optional
        The default date (default: today).

    Returns
    -------
    InteractionForm
    """
    return InteractionForm(store=store, today=today)
