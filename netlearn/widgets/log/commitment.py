"""A form to note a promise made to someone, with a due date, and to mark promises done."""

from __future__ import annotations

from datetime import date, timedelta

from netlearn.network.records import Batch, Commitment
from netlearn.widgets._common import button
from netlearn.widgets._ui import NOBODY, contact_options, note, ok, problem, table_html
from netlearn.widgets.log._form import ActivityForm, Invalid, date_input, dropdown, text_input
from netlearn.widgets.shared_models import hbox, html

DEFAULT_DUE_DAYS = 7


def save_commitment(store, text: str, due: date, contact_id: int | None = None,
                    kind: str = "other"):
    """Store one commitment typed in a notebook; return the store's ImportResult.

    Parameters
    ----------
    store : netlearn.store.Store
    text : str
        What was promised.
    due : date
    contact_id : int, optional
        The stored contact it was promised to.
    kind : str, optional
        One of :data:`netlearn.network.records.COMMITMENT_KINDS` (default ``"other"``).
    """
    from netlearn.store import new_ref

    item = Commitment(text=text, due=due, contact_id=contact_id or None, source="manual",
                      source_ref=new_ref(), kind=kind)
    return store.save_batch(Batch(source="manual", path="notebook", commitments=[item]))


class CommitmentForm(ActivityForm):
    """Note what you promised to whom and by when; mark promises done.

    Attributes
    ----------
    text_input : Text
    contact_input : Dropdown
        A stored contact's id, or 0 for nobody in particular.
    due_input : DatePicker
    open_input : Dropdown
        Open commitments (value: id).
    done_button : Button
        Marks the commitment chosen in ``open_input`` done.
    """

    summary_text = "Commitment form"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-commitment-form", store, today,
                         save_label="Save commitment")
        self.text_input = text_input("I promised to", "e.g. send Ana the checklist")
        self.contact_input = dropdown("To", [("(nobody in particular)", NOBODY)])
        self.due_input = date_input("By", self.today + timedelta(days=DEFAULT_DUE_DAYS))
        self.open_input = dropdown("Open promises", [("(none open)", NOBODY)])
        self.done_button = button("Mark done", "Mark the chosen commitment as done",
                                  "netlearn-done", icon="check-square")
        self.done_button.on_click(lambda _: self.mark_done())
        self.set_body([
            self.text_input, self.contact_input, self.due_input, self.save_button,
            self.message, html("<strong>Done something you promised?</strong>"),
            hbox([self.open_input, self.done_button]), self.recent,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Reload contacts and open commitments."""
        self.set_options(self.contact_input,
                         contact_options(self.store, blank="(nobody in particular)"))
        rows = self.store.open_commitments()
        self.set_options(self.open_input, [(f"{r['due']} · {r['text']}", r["id"])
                                           for r in rows] or [("(none open)", NOBODY)])
        self.show_recent()

    def _save(self) -> str:
        text = " ".join(self.text_input.value.split())
        if not text:
            raise Invalid("Please say what you promised.")
        due = self.due_input.value
        if due is None:
            raise Invalid("Please give a due date.")
        save_commitment(self.store, text, due, self.contact_input.value)
        self.text_input.value = ""
        self.refresh()
        return ok(f"Saved: {text} — due {due.isoformat()}.")

    def mark_done(self) -> bool:
        """Mark the commitment chosen in :attr:`open_input` done; return True if one was."""
        commitment_id = self.open_input.value
        if not commitment_id:
            self.message.value = problem("There is no open commitment to mark done.")
            return False
        row = self.store.commitment(commitment_id)
        self.store.set_commitment_done(commitment_id, True)
        self.refresh()
        self.message.value = ok(f"Done: {row['text'] if row else 'commitment'}.")
        return True

    def _recent_html(self) -> str:
        rows = self.store.open_commitments(limit=10)
        if not rows:
            return note("No open commitments.")
        today = self.today.isoformat()
        return table_html(
            ("Due", "Promise", "To", ""),
            [(r["due"], r["text"], r["contact_name"], "overdue" if r["due"] < today else "")
             for r in rows],
            caption="Your open commitments")


def commitment_form(store=None, today=None) -> CommitmentForm:
    """Return a form to note commitments and mark them done.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where to save (default: the learner's store).
    today : date, optional
        Used for the default due date (today + 7 days) and "overdue".

    Returns
    -------
    CommitmentForm
    """
    return CommitmentForm(store=store, today=today)
