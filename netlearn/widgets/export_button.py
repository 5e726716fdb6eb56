"""Notebook 06's "Export my data" button: progress while writing, then a download link per file."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from netlearn.plumbing.errors import NetlearnError
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import escape, ok, problem, resolve_store
from netlearn.widgets.downloads import download_links_html
from netlearn.widgets.shared_models import html


class ExportWidget(NetlearnBox):
    """Export the learner's data into a new folder under their data home and offer downloads.

    Attributes
    ----------
    button : Button
    bar : IntProgress
        Driven by :func:`netlearn.keep.exporting.export_all`'s progress callback.
    message : HTML
        "✓ Exported 13 files to …" or "✗ Export failed: …".
    links : HTML
        A ``data:`` download link per file (or where it is, when too big).
    folder : Path or None
        Where the last export went.
    """

    summary_text = "Export my data"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-export")
        self.store = resolve_store(store)
        self.today = today
        self.folder = None
        self.button = button("Export my data", "Write your data, reminders and action plan "
                             "to a new folder and offer them for download", "netlearn-export",
                             icon="download", button_style="primary")
        self.bar = widgets.IntProgress(value=0, min=0, max=100, description="Exporting",
                                       layout=widgets.Layout(visibility="hidden"))
        self.message = html("")
        self.message.add_class("netlearn-message")
        self.links = html("")
        self.button.on_click(lambda _: self.run())
        self.set_body([
            html("<p>Writes your records (one CSV file per table), your reminders "
                 "(<code>reminders.ics</code>) and your action plan "
                 "(<code>action-plan.md</code>) into a new folder on this computer, "
                 "then offers them for download.</p>"),
            self.button, self.bar, self.message, self.links,
        ])

    def _progress(self, done: int, total: int) -> None:
        self.bar.value = int(100 * done / total) if total else 0

    def run(self) -> list:
        """Export now; return the files written (empty after a failure)."""
        from netlearn.keep import exporting

        self.bar.layout.visibility = "visible"
        self.bar.value = 0
        self.bar.bar_style = ""
        self.links.value = ""
        target = exporting.export_directory(self.store.home)
        try:
            paths = exporting.export_all(self.store, target, today=self.today,
                                         progress=self._progress)
        except (NetlearnError, OSError) as exc:
            self.bar.bar_style = "danger"
            self.message.value = problem(f"Export failed: {exc}")
            return []
        self.folder = target
        self.bar.bar_style = "success"
        self.message.value = (ok(f"Exported {len(paths)} files.")
                              + f"<br><small>Folder: <code>{escape(target)}</code></small>")
        self.links.value = download_links_html(paths)
        return paths


def export_widget(store=None, today: date | None = None):
    """An "Export my data" button for notebook 06, with progress and download links.

    Writes into ``NETLEARN_HOME/exports/<timestamp>/`` with :func:`export_all`
    and then offers each file as a download link.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        The learner's store; defaults to the shared one.
    today : date, optional
        The day reminders and the plan are computed for.

    Returns
    -------
    netlearn.widgets.export_button.ExportWidget
        With attributes ``button``, ``bar``, ``message`` and ``links``.
    """
    return ExportWidget(store=store, today=today)
