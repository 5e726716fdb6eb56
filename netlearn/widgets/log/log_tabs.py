"""The learner's networking log: the four logging forms, alone or together in tabs."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.widgets.log.commitment import CommitmentForm, commitment_form
from netlearn.widgets.log.contact import ContactForm, contact_form
from netlearn.widgets.log.event import EventChecklist, EventForm, event_checklist, event_form
from netlearn.widgets.log.interaction import InteractionForm, interaction_form

__all__ = [
    "ActivityLog",
    "CommitmentForm",
    "ContactForm",
    "EventChecklist",
    "EventForm",
    "InteractionForm",
    "activity_log",
    "commitment_form",
    "contact_form",
    "event_checklist",
    "event_form",
    "interaction_form",
    "log_commitment",
    "log_contact",
    "log_event",
    "log_interaction",
]

TITLES = ("Contact met", "Interaction", "Event", "Commitment")

# The names the notebooks use (``netlearn.log_contact()`` …).
log_contact = contact_form
log_interaction = interaction_form
log_event = event_form
log_commitment = commitment_form


class ActivityLog(widgets.Tab):
    """The four logging forms in tabs; a save in one refreshes the others' choices.

    Attributes
    ----------
    contact, interaction, event, commitment : ActivityForm
    """

    def __init__(self, store=None, today=None):
        from netlearn.widgets._ui import resolve_store

        store = resolve_store(store)
        self.contact = ContactForm(store, today)
        self.interaction = InteractionForm(store, today)
        self.event = EventForm(store, today)
        self.commitment = CommitmentForm(store, today)
        forms = (self.contact, self.interaction, self.event, self.commitment)
        super().__init__(children=forms, titles=TITLES)
        for form in forms:
            form.save_button.on_click(lambda _: self._refresh_all())
        self.observe(lambda _: self._refresh_all(), "selected_index")

    def _refresh_all(self) -> None:
        for form in self.children:
            message = form.message.value
            form.refresh()
            form.message.value = message

    def __repr__(self) -> str:
        return "<Networking log — interactive; run the notebook in JupyterLab to use it>"


def activity_log(store=None, today=None) -> ActivityLog:
    """Return the networking log: contact, interaction, event and commitment forms in tabs.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where to save (default: the learner's store).
    today : date, optional
        Default dates (default: today).

    Returns
    -------
    ActivityLog
    """
    return ActivityLog(store=store, today=today)
