"""Undo one import: the learner's imports listed, each with a remove button and a confirmation."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.plumbing.errors import NetlearnError
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import escape, note, ok, problem, resolve_store
from netlearn.widgets.shared_models import hbox, html, make


class ImportsList(NetlearnBox):
    """Every import (kind, file name, date, rows added), newest first, each removable alone.

    Pressing *Remove* on one asks first: *Yes, remove it* then deletes what that import
    alone brought (see ``Store.forget_import``); *Keep it* does nothing.

    Attributes
    ----------
    entries : list of netlearn.store.undo.ImportEntry
    remove_buttons : list of Button
        One per entry, in the order of :attr:`entries`.
    question : HTML
        The confirmation asked, empty when none is pending.
    yes_button, no_button : Button
    message : HTML
    """

    summary_text = "Your imports"

    def __init__(self, store=None):
        super().__init__("netlearn-imports-list")
        self.store = resolve_store(store)
        self.pending = None
        self.question = html("")
        self.yes_button = button("Yes, remove it", "Delete what this import alone brought",
                                 "netlearn-remove-import-yes", icon="trash",
                                 button_style="danger")
        self.no_button = button("Keep it", "Remove nothing", "netlearn-remove-import-no")
        self.yes_button.on_click(lambda _: self.confirm())
        self.no_button.on_click(lambda _: self._ask(None))
        self.confirmation = make(widgets.HBox, [self.yes_button, self.no_button],
                                 layout=dict(display="none"))
        self.message = html("")
        self.refresh()

    def refresh(self) -> None:
        """List the imports as they are stored now."""
        self.entries = self.store.imports()
        self.remove_buttons = []
        lines = []
        for entry in self.entries:
            remove = button("Remove", f"Remove import {entry.id}: {entry.file_name}",
                            "netlearn-remove-import", icon="trash")
            remove.on_click(lambda _, e=entry: self._ask(e))
            self.remove_buttons.append(remove)
            lines.append(hbox([html(f"<span>{escape(entry.describe())}</span>"), remove]))
        if not lines:
            lines = [html(note("No imports yet: nothing to remove."))]
        self.set_body([html("<p>Imported the wrong file? Remove that import alone: what it "
                            "brought goes, unless another import brought it too; what you "
                            "typed in stays, and so do people you still have a record "
                            "with.</p>"),
                       *lines, self.question, self.confirmation, self.message])

    def _ask(self, entry) -> None:
        self.pending = entry
        self.confirmation.layout.display = None if entry is not None else "none"
        self.question.value = "" if entry is None else (
            "<p><strong>" + escape(f"Remove import {entry.id} ({entry.describe()})?")
            + "</strong> " + escape("This cannot be undone, but you can import the file "
                                    "again.") + "</p>")

    def confirm(self) -> None:
        """Remove the import asked about, then list the imports again."""
        entry = self.pending
        if entry is None:
            return
        self._ask(None)
        try:
            deleted = self.store.forget_import(entry.id)
        except NetlearnError as exc:
            self.message.value = problem(str(exc))
            return
        parts = [f"{n} {table}" for table, n in deleted.items() if n]
        self.refresh()
        self.message.value = ok(f"Removed import {entry.id} ({entry.file_name}): "
                                + (", ".join(parts) if parts else "no rows of its own") + ".")


def imports_list(store=None) -> ImportsList:
    """Return the list of the learner's imports, each removable alone.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Default: the learner's store.

    Returns
    -------
    ImportsList
    """
    return ImportsList(store=store)
