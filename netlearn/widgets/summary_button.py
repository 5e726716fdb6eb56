"""The "Export summary for my facilitator" button for notebook 06."""

from __future__ import annotations

from netlearn.plumbing.clock import resolve_today
from netlearn.widgets._html import STYLE, escape
from netlearn.widgets.shared_models import html, make, vbox

WHAT_IT_HOLDS = (
    "It holds numbers only: your self-ratings before and after (averages per mistake), quiz "
    "scores, scenario outcomes, how many reflections you wrote (not what you wrote), which "
    "topics you completed, and counts from your networking log. No names, e-mail addresses, "
    "links, notes, reflections or pitch text, and no date finer than the day of export."
)


def summary_widget(store=None, course=None, today=None):
    """Return a button that writes the anonymised summary and offers it for download.

    The file goes to ``NETLEARN_HOME/exports/netlearn-summary-YYYY-MM-DD.json``;
    a download link (a ``data:`` URI, so it works on Binder too) appears below
    the button. Nothing is sent anywhere: the learner decides whether to hand
    the file to their facilitator.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Default: the learner's store in ``NETLEARN_HOME``.
    course : netlearn.teaching.content.Course, optional
        Default: the current course.
    today : datetime.date, optional
        Default: the day the button is clicked.

    Returns
    -------
    ipywidgets.VBox
        Its ``button`` and ``result`` attributes are the button and the HTML
        that shows where the file went (for tests: ``widget.button.click()``).
    """
    import ipywidgets as widgets

    button = make(widgets.Button, description="Export summary for my facilitator",
                  icon="download", button_style="primary",
                  layout=dict(width="auto"),
                  tooltip="Write an anonymised summary you can hand in")
    result = html("")
    intro = html(f'<p class="netlearn-muted">{escape(WHAT_IT_HOLDS)}</p>')

    def export(_=None):
        from netlearn.keep.summary import default_name, write_summary
        from netlearn.plumbing.errors import NetlearnError
        from netlearn.plumbing.paths import data_home

        day = resolve_today(today)
        try:
            active = store
            if active is None:
                from netlearn.store import get_store

                active = get_store()
            target = data_home() / "exports" / default_name(day)
            path = write_summary(active, target, course=course, today=day)
        except NetlearnError as exc:
            result.value = f'<div class="netlearn-box">Could not export: {escape(exc)}</div>'
            return
        from netlearn.widgets.downloads import download_links_html

        result.value = (
            '<div class="netlearn-box">Saved to <code>' + escape(path) + "</code>. "
            "Download it and hand it to your facilitator if you wish:"
            + download_links_html([path]) + "</div>"
        )

    button.on_click(export)
    box = vbox([html(STYLE), intro, button, result])
    box.add_class("netlearn-root")
    box.button = button
    box.result = result
    return box
