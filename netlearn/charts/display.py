"""Put a chart on the page: an image with alt text and a collapsed data table."""

from __future__ import annotations

import base64
import inspect
import io
from collections.abc import Sequence

from netlearn.charts.text import ChartText, text_for
from netlearn.plumbing.html import escape

__all__ = ["chart_html", "display_chart", "show_chart"]

# Colours only through JupyterLab's variables (with fallbacks for nbconvert's static HTML),
# so the table reads in light and dark themes; the image never overflows its output area.
STYLE = """<style>
.netlearn-chart { margin: 0 0 0.5em 0; max-width: 100%; }
.netlearn-chart img { max-width: 100%; height: auto; display: block; }
.netlearn-chart summary { cursor: pointer; padding: 0.2em 0; }
.netlearn-chart summary:focus-visible { outline: 2px solid var(--jp-brand-color1, #1976d2); }
.netlearn-chart table { border-collapse: collapse; margin: 0.4em 0; }
.netlearn-chart caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
.netlearn-chart th, .netlearn-chart td {
  border: 1px solid var(--jp-border-color2, #ccc); padding: 0.2em 0.5em; text-align: left;
  vertical-align: top;
}
</style>"""


def _table_html(text: ChartText) -> str:
    """The data table of one chart as a ``<details>`` section (empty string without rows)."""
    if not text.rows:
        return ""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in text.headers)
    body = "".join(
        "<tr>" + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>"
        for row in text.rows)
    return (f"<details><summary>Show the data: {escape(text.caption)}</summary>"
            f"<table><caption>{escape(text.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>")


def chart_html(png: bytes, texts: ChartText | Sequence[ChartText]) -> str:
    """Return the HTML for a chart image and its text alternatives.

    Parameters
    ----------
    png : bytes
        The chart as a PNG image.
    texts : ChartText or sequence of ChartText
        What the chart says (several for a figure with several charts: their alt
        sentences are joined, each table gets its own "Show the data" section).

    Returns
    -------
    str
        A ``<figure>`` with an ``<img alt>`` (a data URI) and, per chart with data, a
        collapsed ``<details>`` holding a ``<table>`` with ``<caption>`` and ``<th scope>``.
        Every text is HTML-escaped.
    """
    texts = [texts] if isinstance(texts, ChartText) else list(texts)
    alt = " ".join(text.alt for text in texts)
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    tables = "".join(_table_html(text) for text in texts)
    return (f'{STYLE}<figure class="netlearn-chart">'
            f'<img src="{source}" alt="{escape(alt)}">{tables}</figure>')


def _figure(chart):
    """The Figure of an Axes, a list of Axes, or a Figure."""
    if isinstance(chart, (list, tuple)):
        chart = chart[0]
    return getattr(chart, "figure", None) or chart


def display_chart(chart, texts: ChartText | Sequence[ChartText]) -> None:
    """Display a drawn chart with its text alternatives, then close its figure.

    Parameters
    ----------
    chart : matplotlib Axes, list of Axes, or Figure
        What a chart function returned.
    texts : ChartText or sequence of ChartText
        From the matching :mod:`netlearn.charts.text` function.
    """
    import matplotlib.pyplot as plt
    from IPython.display import display

    figure = _figure(chart)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(figure)
    texts = [texts] if isinstance(texts, ChartText) else list(texts)
    html = chart_html(buffer.getvalue(), texts)
    display({"text/html": html, "text/plain": " ".join(text.alt for text in texts)}, raw=True)


def show_chart(chart, *args, **kwargs) -> None:
    """Draw a chart function's chart and display it with its alt text and data table.

    ``netlearn.show_chart(charts.network_recency, net, today=today)`` draws
    ``charts.network_recency(net, today=today)`` and describes it with
    ``chart_text.network_recency(net, today=today)``: both from the same arguments.

    Parameters
    ----------
    chart : callable
        A chart function from :mod:`netlearn.charts.learner` or :mod:`netlearn.charts.cohort`
        (one with a text function in :data:`netlearn.charts.text.TEXTS`).
    *args, **kwargs
        The chart function's arguments, ``data, *, today=None, ax=None, ...`` (an ``ax``
        or ``fig`` is used for drawing only).
    """
    describe = text_for(chart)
    drawn = chart(*args, **kwargs)
    bound = inspect.signature(chart).bind(*args, **kwargs)
    for name in ("ax", "fig"):
        bound.arguments.pop(name, None)
    display_chart(drawn, describe(**bound.arguments))
