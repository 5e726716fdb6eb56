"""Notebook 00's notice of where the course runs: plain words when it is a shared service."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.plumbing.hosting import SharedService, shared_service
from netlearn.plumbing.version import course_version
from netlearn.widgets import _html
from netlearn.widgets.shared_models import html


def notice_html(service: SharedService | None) -> str:
    """Return the HTML that says where the kernel runs and what that means for imports.

    Parameters
    ----------
    service : SharedService or None
        From :func:`netlearn.plumbing.hosting.shared_service`.

    Returns
    -------
    str
        Escaped HTML; a short line on the learner's own computer.
    """
    if service is None:
        return ("<p>This course is running on <strong>your own computer</strong>: what you "
                "import stays here.</p>")
    keep = (" Download a backup (notebook 06) before you leave." if service.temporary
            else "")
    return (
        "<div class='netlearn-shared-service' role='note'>"
        f"<p><strong>⚠ This course is running on {_html.escape(service.name)}, not on your "
        "own computer.</strong> It is " + _html.escape(service.detail) + ".</p>"
        "<p>A LinkedIn export, address book, calendar or mailbox holds <strong>other people's "
        "personal data</strong> — your contacts'. A mailbox uploaded here puts <strong>the "
        "whole mailbox, message text and attachments included, on this server</strong> while "
        "it is read. Here, use the <strong>sample persona</strong> or a "
        "log you type in by hand; import real exports only in a copy of the course installed "
        "on your own computer (see the README)." + _html.escape(keep) + "</p></div>")


def hosting_notice(environ=None) -> widgets.HTML:
    """Show where the course runs (and its version); a warning on Binder or a JupyterHub."""
    markup = notice_html(shared_service(environ))
    markup += (f"<p class='netlearn-muted'>Course version {_html.escape(course_version())}."
               "</p>")
    return html(markup)
