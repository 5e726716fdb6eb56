"""A displayed chart is an <img alt> plus a collapsed data table; learner text stays escaped."""

from __future__ import annotations

import base64
from datetime import date, datetime
from html.parser import HTMLParser

import pytest

from netlearn.charts import display as chart_display
from netlearn.charts import learner as charts
from netlearn.charts import text as chart_text
from netlearn.charts.text import ChartText
from netlearn.network.records import Contact, Interaction, Network

HOSTILE = '<img src=x onerror=alert(1)> "quoted" & co'


class Tree(HTMLParser):
    """Records every start tag with its attributes and the text inside named tags."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.open: list[str] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]

    def handle_data(self, data):
        for tag in set(self.open):
            self.text.setdefault(tag, []).append(data)

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    return tree


TEXT = ChartText(alt=f"Bar chart of 1 contact: longest 5 days ({HOSTILE}).",
                 caption=f"Days since {HOSTILE}", headers=("Contact", "Days"),
                 rows=((HOSTILE, 5),))


def test_chart_html_has_img_alt_details_and_table():
    tree = parse(chart_display.chart_html(b"\x89PNG", TEXT))
    images = tree.all("img")
    assert len(images) == 1, "a hostile name must not become a second <img>"
    assert images[0]["alt"] == TEXT.alt
    assert images[0]["src"] == "data:image/png;base64," + base64.b64encode(b"\x89PNG").decode()
    assert len(tree.all("details")) == 1 and "open" not in tree.all("details")[0]
    assert "".join(tree.text["summary"]) == f"Show the data: Days since {HOSTILE}"
    assert "".join(tree.text["caption"]) == f"Days since {HOSTILE}"
    scopes = [attrs.get("scope") for attrs in tree.all("th")]
    assert scopes == ["col", "col", "row"]
    assert "".join(tree.text["td"]) == "5"
    assert not tree.all("script") and not tree.all("b")


def test_chart_without_data_has_alt_text_and_no_empty_table():
    text = chart_text.network_recency(Network(), today=date(2025, 1, 1))
    tree = parse(chart_display.chart_html(b"png", text))
    assert tree.all("img")[0]["alt"] == text.alt
    assert "no data yet" in text.alt
    assert not tree.all("table") and not tree.all("details")


def test_several_charts_join_their_alt_and_keep_one_table_each():
    other = ChartText("Second chart.", "Second", ("A", "B"), (("x", 1),))
    tree = parse(chart_display.chart_html(b"png", [TEXT, other]))
    assert tree.all("img")[0]["alt"] == f"{TEXT.alt} Second chart."
    assert len(tree.all("table")) == 2


@pytest.fixture
def shown(monkeypatch, plt):
    displayed = []
    monkeypatch.setattr("IPython.display.display",
                        lambda *objs, **kw: displayed.append((objs, kw)))
    return displayed


def test_show_chart_draws_describes_and_closes_the_figure(shown, plt):
    who = Contact(name=HOSTILE, source="t", source_ref="h", close=True)
    net = Network(contacts=[who], interactions=[Interaction(
        when=datetime(2025, 1, 1, 9), channel="email", contact_key=who.key, source="t",
        source_ref="1")])
    chart_display.show_chart(charts.network_recency, net, today=date(2025, 1, 6), top=10)
    (bundle,), options = shown[0]
    assert options == {"raw": True}
    expected = chart_text.network_recency(net, today=date(2025, 1, 6), top=10)
    assert bundle["text/plain"] == expected.alt
    tree = parse(bundle["text/html"])
    assert tree.all("img")[0]["alt"] == expected.alt
    assert tree.all("img")[0]["src"].startswith("data:image/png;base64,iVBOR")
    assert not plt.get_fignums(), "the figure must be closed, or the inline backend shows it again"


def test_show_chart_passes_the_axes_only_to_the_chart(shown, plt):
    _, ax = plt.subplots()
    chart_display.show_chart(charts.self_assessment_change, ({"A": 1}, {"A": 3}), ax=ax)
    (bundle,), _ = shown[0]
    assert "1 rose" in bundle["text/plain"]
    assert ax.get_title() == "Your self-assessment before and after"


def test_a_chart_without_text_function_is_refused(shown):
    def unknown_chart(net, ax=None):
        return ax

    with pytest.raises(KeyError, match="unknown_chart"):
        chart_display.show_chart(unknown_chart, Network())
