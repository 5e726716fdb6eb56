"""Widgets that share their default layout and style models instead of making new ones.

ipywidgets gives every widget its own ``Layout`` model and, for most kinds, its own style
model: a self-assessment row of a statement, five buttons and a note opened ten models
in the kernel and the browser, most of them empty defaults. Here the defaults are one
model each per kernel, shared by every widget that leaves them alone, so a notebook opens
far fewer models and shows sooner. A widget whose layout or
style is changed after it is made must get its own: pass ``layout=`` or ``style=``.
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["hbox", "html", "make", "shared", "vbox"]

_SHARED: dict[tuple, widgets.Widget] = {}


def shared(kind: type, **traits) -> widgets.Widget:
    """Return the kernel's one ``kind(**traits)`` model, made on first use.

    Parameters
    ----------
    kind : type
        A layout or style class, e.g. ``ipywidgets.Layout`` or ``ipywidgets.HTMLStyle``.
    **traits
        Its trait values (hashable), e.g. ``description_width="initial"``.

    Returns
    -------
    ipywidgets.Widget
        The same model for the same class and traits, or a new one if the old one was
        closed (``Widget.close_all()``).
    """
    key = (kind, tuple(sorted(traits.items())))
    model = _SHARED.get(key)
    if model is None or model.comm is None:
        model = _SHARED[key] = kind(**traits)
    return model


def make(kind: type, *args, **traits) -> widgets.Widget:
    """Make a widget whose default layout and style are the shared models.

    Parameters
    ----------
    kind : type
        A DOM widget class, e.g. ``ipywidgets.ToggleButtons``.
    *args, **traits
        What ``kind`` takes. A ``layout`` or ``style`` given as a dict becomes the shared
        model with those values; one given as a model is used as it is (give a widget
        that will change its layout, e.g. to hide itself, a model of its own).

    Returns
    -------
    ipywidgets.DOMWidget
    """
    class_traits = kind.class_traits()
    if "layout" in class_traits:
        given = traits.get("layout")
        if given is None:
            traits["layout"] = shared(widgets.Layout)
        elif isinstance(given, dict):
            traits["layout"] = shared(widgets.Layout, **given)
    style = class_traits.get("style")
    if style is not None:
        given = traits.get("style")
        if given is None:
            traits["style"] = shared(style.klass)
        elif isinstance(given, dict):
            traits["style"] = shared(style.klass, **given)
    return kind(*args, **traits)


def html(value: str = "", **traits) -> widgets.HTML:
    """An HTML widget with the shared layout and style (see :func:`make`)."""
    return make(widgets.HTML, value, **traits)


def vbox(children=(), **traits) -> widgets.VBox:
    """A VBox with the shared layout (see :func:`make`)."""
    return make(widgets.VBox, children, **traits)


def hbox(children=(), **traits) -> widgets.HBox:
    """An HBox with the shared layout (see :func:`make`)."""
    return make(widgets.HBox, children, **traits)

