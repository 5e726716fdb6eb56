"""Notebooks 00 and 06: download a backup of all the learner's records, and restore one."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.plumbing.errors import NetlearnError
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import escape, ok, problem, resolve_store
from netlearn.widgets.shared_models import hbox, html
from netlearn.widgets.upload import _private_opener, _uploaded, private_temp_dir


class BackupWidget(NetlearnBox):
    """Download a backup archive; restore one uploaded from an earlier session.

    Attributes
    ----------
    backup_button : Button
    backup_message : HTML
        "✓ Backup written …" and a download link.
    upload : FileUpload
        A ``netlearn-backup-….zip``.
    restore_button : Button
    restore_message : HTML
        "✓ restored 140 contacts, …" or "✗ …" (nothing changed).
    """

    summary_text = "Back up or restore my records"

    def __init__(self, store=None):
        super().__init__("netlearn-backup")
        self.store = resolve_store(store)
        self.path = None
        self.backup_button = button("Download a backup", "Write all your records into one "
                                    "zip file and offer it for download", "netlearn-backup",
                                    icon="download", button_style="primary")
        self.backup_message = html("")
        self.backup_message.add_class("netlearn-message")
        self.upload = widgets.FileUpload(accept=".zip", multiple=False,
                                         description="Choose backup")
        self.restore_button = button("Restore", "Add the records of the chosen backup to "
                                     "yours", "netlearn-restore", icon="upload")
        self.restore_message = html("")
        self.restore_message.add_class("netlearn-message")
        self.backup_button.on_click(lambda _: self.backup())
        self.restore_button.on_click(lambda _: self.restore())
        self.set_body([
            html("<p><strong>Back up</strong>: one zip file with everything the "
                 "course keeps for you — answers, ratings, reflections, pitches and "
                 "your networking records. Keep it somewhere private: it holds your "
                 "contacts' names.</p>"),
            self.backup_button, self.backup_message,
            html("<p><strong>Restore</strong>: choose a backup made earlier (say, at "
                 "the end of your last Binder session). Its records are added to "
                 "yours; restoring twice adds nothing, and a backup that disagrees "
                 "with your records changes nothing.</p>"),
            hbox([self.upload, self.restore_button]), self.restore_message,
        ])

    def backup(self):
        """Write a backup into NETLEARN_HOME/backups and show a download link; return its path."""
        from netlearn.keep.archive import write_archive
        from netlearn.widgets.downloads import download_links_html

        folder = self.store.home / "backups"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = write_archive(self.store, folder)
        except (NetlearnError, OSError) as exc:
            self.backup_message.value = problem(f"Backup failed: {exc}")
            return None
        self.path = path
        self.backup_message.value = (
            ok(f"Backup written ({path.stat().st_size:,} bytes).")
            + f"<br><small>Also kept at <code>{escape(path)}</code></small>"
            + download_links_html([path]))
        return path

    def restore(self):
        """Restore the uploaded backup; return the RestoreResult, or None (nothing changed)."""
        from netlearn.keep.archive import restore_archive

        uploaded = _uploaded(self.upload.value)
        if uploaded is None:
            self.restore_message.value = problem("Choose a backup file first.")
            return None
        name, data = uploaded
        try:
            with private_temp_dir(self.store.home) as folder:
                path = folder / "backup.zip"
                with open(path, "wb", opener=_private_opener) as handle:
                    handle.write(data)
                try:
                    result = restore_archive(self.store, path)
                except (NetlearnError, OSError) as exc:
                    text = str(exc).replace(str(path), name)
                    self.restore_message.value = problem(text)
                    return None
        except OSError as exc:
            self.restore_message.value = problem(f"Could not store the upload: {exc}")
            return None
        self.restore_message.value = ok(f"{name}: {result}")
        self.upload.value = ()
        return result


def backup_widget(store=None) -> BackupWidget:
    """Return the backup-and-restore widget (notebooks 00 and 06).

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Default: the learner's store.

    Returns
    -------
    BackupWidget
    """
    return BackupWidget(store=store)
