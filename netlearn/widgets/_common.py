"""Shared pieces of the widgets: defaults for store and course, the root box, time labels."""

from __future__ import annotations

from datetime import datetime

import ipywidgets as widgets

from netlearn.widgets import _html
from netlearn.widgets.shared_models import make, shared


def resolve(store=None, course=None):
    """Return ``(store, course)``, filling in the shared Store and the loaded course."""
    if store is None:
        from netlearn.store import get_store

        store = get_store()
    if course is None:
        from netlearn.teaching.content import course as load

        course = load()
    return store, course


def local_time(iso_text: str) -> str:
    """Format a stored UTC timestamp as local ``YYYY-MM-DD HH:MM``."""
    try:
        moment = datetime.fromisoformat(str(iso_text))
    except ValueError:
        return str(iso_text)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def plural(n: int, noun: str) -> str:
    """Return e.g. ``"1 attempt"`` or ``"3 attempts"``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def short_id_prefix(option_id: str) -> str:
    """Return ``"a) "`` for ids of one or two characters (as facilitators cite them), else ""."""
    return f"{option_id}) " if len(str(option_id)) <= 2 else ""


def button(description: str, tooltip: str, css_class: str, icon: str = "", **kwargs):
    """Return a Button with a visible label, a tooltip and a CSS class for tests."""
    made = make(widgets.Button, description=description, tooltip=tooltip, icon=icon, **kwargs)
    made.add_class(css_class)
    return made


class NetlearnBox(widgets.VBox):
    """The root of every netlearn widget: carries the scoped style and CSS classes.

    Parameters
    ----------
    css_class : str
        The widget's class, e.g. ``"netlearn-quiz"``, for browser tests.
    """

    summary_text = "netlearn widget"

    def __init__(self, css_class: str, **kwargs):
        kwargs.setdefault("layout", shared(widgets.Layout))
        super().__init__(**kwargs)
        self.add_class("netlearn-root")
        self.add_class(css_class)
        self._style = _html.style_widget()

    def set_body(self, children) -> None:
        """Show ``children`` below the style element."""
        self.children = (self._style, *children)

    def html_values(self) -> list[str]:
        """Return the value of every HTML widget inside (for tests of escaping)."""
        return [w.value for w in walk(self) if isinstance(w, widgets.HTML)
                and w is not self._style]

    def __repr__(self) -> str:
        return f"<{self.summary_text} — interactive; run the notebook in JupyterLab to use it>"


def walk(widget):
    """Yield ``widget`` and every widget nested in it through ``children``."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)
