"""Notebook 06's "Delete my data": a backup first, then deletion only after a confirmation."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import escape, ok, problem, resolve_store
from netlearn.widgets.backup_button import BackupWidget
from netlearn.widgets.shared_models import html, make

CONFIRMATION = "I understand this cannot be undone"


def what_is_deleted_html(home) -> str:
    """Return the HTML that says what "Delete my data" deletes in ``home`` and what it keeps."""
    from netlearn.store import DB_NAME, HOME_DIRECTORIES

    folders = ", ".join(f"<code>{escape(name)}/</code>" for name in HOME_DIRECTORIES)
    return (
        f"<p>This deletes <strong>everything the course has stored about you</strong> in "
        f"<code>{escape(home)}</code>:</p><ul>"
        f"<li>the database, <code>{escape(DB_NAME)}</code>: your answers, ratings, "
        "reflections, pitches, your networking log (contacts, conversations, events, "
        "commitments), your settings and any time measured;</li>"
        f"<li>the course's folders there: {folders} (your exports, backups, files being "
        "imported, summaries handed in to a facilitator's dashboard, and a cache of the "
        "course's content).</li></ul>"
        "<p>It does <strong>not</strong> delete copies you downloaded or saved elsewhere "
        "(a backup or export in your Downloads folder, a summary you handed to a "
        "facilitator), the files you imported from (such as your LinkedIn export), the "
        "course notebooks (they hold none of your answers), or any other file in that "
        "folder.</p>"
        "<p>If other course notebooks are open, shut them down first (File → Close and "
        "Shut Down Notebook), so that none of them goes on saving.</p>")


class DeleteDataWidget(NetlearnBox):
    """Explain what is deleted, offer a backup, and delete only after a confirmation.

    Attributes
    ----------
    backup : BackupWidget
        Its ``backup_button`` and ``backup_message`` are shown here, first.
    confirm : Checkbox
        "I understand this cannot be undone"; the delete button works only while ticked.
    delete_button : Button
        The red "Delete my data".
    message : HTML
        What was removed, or why nothing was.
    removed : list of Path
        What the last deletion removed.
    """

    summary_text = "Delete my data"

    def __init__(self, store=None):
        super().__init__("netlearn-delete-data")
        self.store = resolve_store(store)
        self.home = self.store.home
        self.removed = []
        self.backup = BackupWidget(self.store)
        self.confirm = make(widgets.Checkbox, value=False, indent=False,
                            description=CONFIRMATION, layout=dict(width="auto"))
        self.confirm.add_class("netlearn-delete-confirm")
        self.delete_button = button("Delete my data", "Delete everything the course stored "
                                    "about you in this folder", "netlearn-delete",
                                    icon="trash", button_style="danger", disabled=True)
        self.message = html("")
        self.message.add_class("netlearn-message")
        self.confirm.observe(lambda change: self._confirmed(change["new"]), "value")
        self.delete_button.on_click(lambda _: self.delete())
        self.set_body([
            html(what_is_deleted_html(self.home)),
            html("<p><strong>1. Keep a copy?</strong> Download a backup first, and click "
                 "its download link: the copy kept in that folder is deleted with the "
                 "rest. You can restore it later in notebook 00 or 06.</p>"),
            self.backup.backup_button, self.backup.backup_message,
            html("<p><strong>2. Delete.</strong> Tick the box, then click "
                 "<strong>Delete my data</strong>.</p>"),
            self.confirm, self.delete_button, self.message,
        ])

    def _confirmed(self, ticked: bool) -> None:
        self.delete_button.disabled = not ticked or self.store is None

    def delete(self) -> list:
        """Delete everything netlearn stored in the folder, if confirmed; return what went."""
        from netlearn.store import HOME_DIRECTORIES, forget

        if not self.confirm.value:
            self.message.value = problem(f"Nothing was deleted: tick “{CONFIRMATION}” first.")
            return []
        if self.store is None:
            return []
        self.store.close()  # before its files go (Windows cannot delete an open file)
        self.store = None
        self.backup.backup_button.disabled = True
        self.delete_button.disabled = True
        self.confirm.value = False
        try:
            self.removed = forget(self.home)
        except OSError as exc:
            self.message.value = problem(
                f"Deleting stopped: {exc}. Whatever is left is in {self.home}; delete that "
                "folder yourself to finish.")
            return []
        names = ", ".join(path.name + ("/" if path.name in HOME_DIRECTORIES else "")
                          for path in self.removed)
        self.message.value = (
            ok(f"Deleted from {self.home}: {names or 'nothing was stored there'}.")
            + "<p>The course now starts afresh. The cells above still show what they read "
              "before: restart the kernel (Kernel → Restart Kernel) before you use the "
              "course again.</p>")
        return self.removed


def delete_data_widget(store=None) -> DeleteDataWidget:
    """Return "Delete my data" (notebook 06): what goes, a backup first, a confirmation.

    Deletes what :func:`netlearn.store.forget` deletes: the database and netlearn's own
    folders in NETLEARN_HOME, nothing else.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Default: the learner's store.

    Returns
    -------
    DeleteDataWidget
    """
    return DeleteDataWidget(store=store)
