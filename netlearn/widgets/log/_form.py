"""The base of the activity forms: store, message line, Save button and a recent-entries table."""

from __future__ import annotations

import re

import ipywidgets as widgets

from netlearn.plumbing.clock import resolve_today
from netlearn.plumbing.errors import NetlearnError
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import ok, problem, resolve_store
from netlearn.widgets.shared_models import html, make

EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[A-Za-z]{2,}$")
WIDE = widgets.Layout(width="100%", max_width="40em")
LABEL_STYLE = {"description_width": "11em"}
RECENT_ROWS = 5


class Invalid(Exception):
    """Input the learner needs to correct; the message is shown in the widget."""


def valid_email(text: str) -> bool:
    """Return True for an empty address or one that looks like ``name@domain.tld``."""
    text = text.strip()
    return not text or EMAIL.match(text) is not None


def text_input(description: str, placeholder: str = "", value: str = ""):
    """A labelled, wide Text input."""
    return make(widgets.Text, value=value, description=description, placeholder=placeholder,
                layout=WIDE, style=LABEL_STYLE)


def dropdown(description: str, options, value=None):
    """A labelled, wide Dropdown."""
    made = make(widgets.Dropdown, options=options, description=description, layout=WIDE,
                style=LABEL_STYLE)
    if value is not None:
        made.value = value
    return made


def date_input(description: str, value=None):
    """A labelled DatePicker."""
    return make(widgets.DatePicker, value=value, description=description, style=LABEL_STYLE)


def checkbox(description: str, value: bool = False):
    """A Checkbox whose label is not cut off."""
    return make(widgets.Checkbox, value=value, description=description, indent=False,
                layout=dict(width="auto"))


class ActivityForm(NetlearnBox):
    """Shared behaviour of the logging forms.

    Subclasses build their inputs, then implement ``_save`` (return the HTML
    of the message, raise :class:`Invalid` for bad input) and ``_recent_html``.

    Attributes
    ----------
    store : netlearn.store.Store
    today : date
    message : HTML
        The one-line result of the last save ("✓ …" or "✗ …").
    recent : HTML
        A small table of recent entries.
    save_button : Button
    """

    def __init__(self, css_class: str, store=None, today=None, save_label: str = "Save"):
        super().__init__(css_class)
        self.store = resolve_store(store)
        self.today = resolve_today(today)
        self.message = html("")
        self.message.add_class("netlearn-message")
        self.recent = html("")
        self.recent.add_class("netlearn-recent")
        self.save_button = button(save_label, save_label, "netlearn-save", icon="check",
                                  button_style="primary")
        self.save_button.on_click(lambda _: self.save())

    def set_options(self, picker, options, fallback=None) -> bool:
        """Replace a Dropdown's options, keeping its value when still offered.

        Observers registered through :meth:`on_pick` do not fire meanwhile.
        Returns True when the value had to change to ``fallback`` (or the first option).
        """
        current = picker.value
        self._quiet = True
        try:
            picker.options = options
            values = [value for _, value in options]
            if current in values:
                picker.value = current
                return False
            if values:
                picker.value = fallback if fallback in values else values[0]
            return True
        finally:
            self._quiet = False

    def on_pick(self, picker, handler) -> None:
        """Call ``handler()`` when the learner changes ``picker`` (not in :meth:`set_options`)."""
        def changed(_):
            if not getattr(self, "_quiet", False):
                handler()
        picker.observe(changed, "value")

    def save(self) -> bool:
        """Validate and store the form; show the outcome in :attr:`message`.

        Returns
        -------
        bool
            True when something was stored or updated.
        """
        try:
            self.message.value = self._save()
        except Invalid as exc:
            self.message.value = problem(str(exc))
            return False
        except (NetlearnError, OSError) as exc:
            self.message.value = problem(f"Could not save: {exc}")
            return False
        self.show_recent()
        return True

    def show_recent(self) -> None:
        """Refresh the recent-entries table."""
        self.recent.value = self._recent_html()

    def refresh(self) -> None:
        """Reload choices that come from the store (e.g. contacts added elsewhere)."""
        self.show_recent()

    def _save(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _recent_html(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    @staticmethod
    def _ok(text: str) -> str:
        return ok(text)
