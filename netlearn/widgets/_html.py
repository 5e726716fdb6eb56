"""The scoped CSS of the netlearn widgets; escaping and markdown come from ``plumbing.html``."""

from __future__ import annotations

from netlearn.plumbing.html import box, escape, inline, live, markdown, plain

__all__ = ["STYLE", "box", "escape", "inline", "live", "markdown", "plain", "style_widget"]

# Scoped layout fixes for long labels. Colours only through JupyterLab's variables,
# so the widgets read well in light and dark themes.
STYLE = """<style>
.netlearn-root .jupyter-widget-radio-box label,
.netlearn-root .widget-radio-box label {
  height: auto; line-height: 1.4; white-space: normal; margin-bottom: 0.35em;
  display: flex; flex-direction: row-reverse; justify-content: flex-end;
  align-items: flex-start;
}
.netlearn-root .jupyter-widget-radio-box input,
.netlearn-root .widget-radio-box input {
  float: none; flex-shrink: 0; height: auto; margin: 0.25em 0.6em 0 1px;
}
.netlearn-root .jupyter-widget-html-content, .netlearn-root .widget-html-content {
  line-height: 1.5;
}
.netlearn-root .jupyter-widget-checkbox, .netlearn-root .widget-checkbox {
  width: auto; height: auto;
}
.netlearn-root .jupyter-widget-checkbox .widget-label-basic,
.netlearn-root .widget-checkbox .widget-label-basic,
.netlearn-root .widget-checkbox label span {
  white-space: normal; overflow: visible; line-height: 1.4;
}
.netlearn-root .netlearn-choice.jupyter-button, .netlearn-root .netlearn-choice.widget-button {
  white-space: normal; height: auto; min-height: var(--jp-widgets-inline-height);
  text-align: left; padding: 0.4em 0.8em; line-height: 1.4;
}
.netlearn-box {
  border: 1px solid var(--jp-border-color2); border-radius: 4px; padding: 0.5em 0.8em;
  color: var(--jp-ui-font-color1); background: var(--jp-layout-color1); margin: 0.3em 0;
}
.netlearn-muted { color: var(--jp-ui-font-color2); }
.netlearn-table { border-collapse: collapse; }
.netlearn-table th, .netlearn-table td {
  border: 1px solid var(--jp-border-color2); padding: 0.3em 0.6em; text-align: left;
  vertical-align: top; color: var(--jp-ui-font-color1);
}
.netlearn-table td:nth-child(2) { white-space: nowrap; }
.netlearn-side-by-side { display: flex; gap: 1em; flex-wrap: wrap; }
.netlearn-side-by-side > div { flex: 1 1 18em; }
.netlearn-root .jupyter-widget-toggle-buttons, .netlearn-root .widget-toggle-buttons {
  flex-wrap: wrap;
}
/* A focus ring that shows on every control (the widgets' own is 1 px, or none on text areas). */
.netlearn-root button:focus-visible, .netlearn-root input:focus-visible,
.netlearn-root textarea:focus-visible, .netlearn-root select:focus-visible {
  outline: 2px solid var(--jp-brand-color1) !important; outline-offset: 2px;
}
/* Full-width controls keep their margin inside the column, so nothing scrolls sideways. */
.netlearn-root .jupyter-widgets { max-width: calc(100% - 2 * var(--jp-widgets-margin)); }
</style>"""


def style_widget():
    """Return the HTML widget carrying the scoped CSS that the netlearn widgets use.

    One model per kernel, shown in every netlearn widget (a model can have many views).
    """
    import ipywidgets as widgets

    from netlearn.widgets.shared_models import shared

    return shared(widgets.HTML, value=STYLE)
