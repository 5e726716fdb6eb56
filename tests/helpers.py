"""Helpers shared by the tests: hostile strings and the escaping asserts."""

from __future__ import annotations

import html
import os
import time
from contextlib import contextmanager

import pytest

#: Would run script if it reached HTML unescaped; course fields in tests/widgets carry it.
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
#: The shorter one the learner-data forms and importers plant in names and notes.
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def html_values(widget) -> list[str]:
    """The value of every ``ipywidgets.HTML`` inside ``widget`` (the widget itself included)."""
    import ipywidgets as widgets

    from netlearn.widgets._common import walk

    return [w.value for w in walk(widget) if isinstance(w, widgets.HTML)]


def assert_escaped(widget, shown: str = "<script>alert(1)</script>", *,
                   expect_in_html: bool = True) -> None:
    """Assert that no HTML value inside ``widget`` holds raw markup from a hostile string.

    Parameters
    ----------
    widget : ipywidgets.Widget
    shown : str, default the script tag of :data:`HOSTILE`
        Hostile markup the widget displays; it must appear, escaped, in some HTML value.
    expect_in_html : bool, default True
        False for a widget that shows the hostile text only in non-HTML widgets.
    """
    values = html_values(widget)
    for value in values:
        assert "<script" not in value.lower()
        assert "<img" not in value.lower()
    if expect_in_html:
        escaped = html.escape(shown, quote=False)
        assert any(escaped in value for value in values), f"{escaped!r} is not shown"


@contextmanager
def learner_time_zone(name: str):
    """Run the block as a learner whose computer is set to time zone ``name``.

    Importers put times on the learner's clock (``plumbing.clock.local_wall_clock``), which
    reads the process's zone: ``TZ``, applied with ``time.tzset`` (not on Windows).
    """
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are set through TZ only where time.tzset exists")
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
