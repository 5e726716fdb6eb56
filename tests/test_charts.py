"""Every chart draws headless, labels itself, survives empty data and marks the sample persona."""

from __future__ import annotations

from datetime import date

import pytest

from netlearn.charts import learner as charts
from netlearn.network.records import Network
from netlearn.network.sample import DEFAULT_TODAY, sample_network

BEFORE = {"Lack of preparation": 2, "Only taking": 3, "No follow-up": 1.5}
AFTER = {"Lack of preparation": 4, "Only taking": 4, "No follow-up": 3.5, "Online": 4}

CHARTS = {
    "activity_timeline": lambda net, **kw: charts.activity_timeline(net, **kw),
    "activity_timeline_weekly": lambda net, **kw: charts.activity_timeline(
        net, period="week", periods=26, **kw),
    "follow_up_latency": lambda net, **kw: charts.follow_up_latency(net, **kw),
    "give_vs_ask": lambda net, **kw: charts.give_vs_ask(net, today=DEFAULT_TODAY, **kw),
    "channel_mix": lambda net, **kw: charts.channel_mix(net, **kw),
    "network_recency": lambda net, **kw: charts.network_recency(net, today=DEFAULT_TODAY, **kw),
    "connections_growth": lambda net, **kw: charts.connections_growth(net, **kw),
    "event_preparation": lambda net, **kw: charts.event_preparation(net, **kw),
}


@pytest.fixture(autouse=True)
def headless(plt):
    """Every chart here draws on Agg (tests/conftest.py's ``plt``)."""
    return plt


@pytest.fixture(scope="module")
def sample():
    return sample_network()


def texts(ax) -> str:
    return " ".join(text.get_text() for text in ax.texts)


def has_artists(ax) -> bool:
    return bool(ax.patches or ax.lines or ax.collections or ax.texts)


@pytest.mark.parametrize("name", CHARTS)
def test_chart_on_sample_is_labelled_and_marked(name, sample):
    from matplotlib.axes import Axes

    ax = CHARTS[name](sample)
    assert isinstance(ax, Axes)
    assert ax.get_title().endswith(" (sample persona)")
    assert ax.get_xlabel() and ax.get_ylabel()
    assert ax.patches or ax.lines or ax.collections
    assert "No data yet" not in texts(ax)
    ax.figure.canvas.draw()


@pytest.mark.parametrize("name", CHARTS)
def test_chart_on_empty_network_says_so(name):
    ax = CHARTS[name](Network())
    assert ax.get_title() and not ax.get_title().endswith("(sample persona)")
    assert ax.get_xlabel() and ax.get_ylabel()
    assert has_artists(ax)
    assert texts(ax).startswith("No ")
    ax.figure.canvas.draw()


@pytest.mark.parametrize("name", CHARTS)
def test_chart_draws_on_the_axes_it_is_given(name, sample, headless):
    fig, (left, right) = headless.subplots(1, 2)
    assert CHARTS[name](sample, ax=right) is right
    assert not left.has_data()


def test_learner_data_is_not_marked_as_sample(sample):
    own = Network(sample.contacts, sample.interactions, sample.events, sample.commitments)
    for draw in CHARTS.values():
        assert "sample persona" not in draw(own).get_title()


def test_charts_leave_rcparams_alone(sample):
    import matplotlib

    before = dict(matplotlib.rcParams)
    for draw in CHARTS.values():
        draw(sample)
    charts.self_assessment_change((BEFORE, AFTER))
    assert dict(matplotlib.rcParams) == before


def test_follow_up_latency_marks_48_hours_and_7_days(sample):
    ax = charts.follow_up_latency(sample, today=DEFAULT_TODAY)
    positions = {line.get_xdata()[0] for line in ax.lines if len(line.get_xdata())}
    assert {2, 7} <= positions
    labels = ax.get_legend_handles_labels()[1]
    assert "48 hours" in labels and "7 days" in labels
    assert any(label.startswith("Never followed up: ") for label in labels)


def test_network_recency_limits_to_top_and_marks_90_days(sample):
    ax = charts.network_recency(sample, today=DEFAULT_TODAY, top=5)
    assert len(ax.get_yticklabels()) == 5
    assert any(list(line.get_xdata()) == [90, 90] for line in ax.lines)


def test_network_recency_title_has_one_parenthesis(sample):
    title = charts.network_recency(sample, today=DEFAULT_TODAY).get_title()
    assert title.count("(") == 1 and title.endswith(" (sample persona)")
    assert "close contact" in title and ") (" not in title


def test_network_recency_falls_back_to_all_contacts():
    own = sample_network()
    for contact in own.contacts:
        contact.close = False
    assert "none marked close" in charts.network_recency(own, today=DEFAULT_TODAY).get_title()


def test_self_assessment_change_uses_topic_titles():
    ax = charts.self_assessment_change((BEFORE, AFTER))
    assert [label.get_text() for label in ax.get_yticklabels()] == list(AFTER)
    assert len(ax.patches) == len(BEFORE) + len(AFTER)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert ax.get_legend() is not None


def test_self_assessment_change_empty():
    ax = charts.self_assessment_change(({}, {}))
    assert texts(ax).startswith("No self-assessment yet")


def test_activity_timeline_today_limits_the_range(sample):
    ax = charts.activity_timeline(sample, today=date(2026, 6, 30), periods=3)
    assert [label.get_text() for label in ax.get_xticklabels()] == ["Apr 26", "May 26", "Jun 26"]


def test_as_of_is_the_default_today(sample):
    earlier = Network(sample.contacts, sample.interactions, sample.events, sample.commitments,
                      as_of=date(2026, 6, 15))
    ax = charts.activity_timeline(earlier, periods=2)
    assert [label.get_text() for label in ax.get_xticklabels()] == ["May 26", "Jun 26"]
    assert len(charts.event_preparation(earlier).patches) < len(
        charts.event_preparation(sample).patches)


def test_a_chart_without_today_ends_on_the_networks_own_day(sample):
    """The clock's rule: no date given -> the sample persona's fixed day (not the real date)."""
    for name in ("give_vs_ask", "network_recency", "activity_timeline"):
        chart = getattr(charts, name)
        implicit, explicit = chart(sample), chart(sample, today=DEFAULT_TODAY)
        assert [tick.get_text() for tick in implicit.get_xticklabels()] == \
            [tick.get_text() for tick in explicit.get_xticklabels()]
        assert [p.get_height() for p in implicit.patches] == \
            [p.get_height() for p in explicit.patches]
    earlier = charts.give_vs_ask(sample, today=date(2026, 3, 31))
    assert earlier.get_xticklabels()[-1].get_text() != \
        charts.give_vs_ask(sample).get_xticklabels()[-1].get_text()


def test_connections_growth_leaves_out_connections_after_today(sample):
    everything = charts.connections_growth(sample)
    earlier = charts.connections_growth(sample, today=date(2026, 1, 1))
    total = int(everything.get_title().rsplit(": ", 1)[1].split()[0])
    before = int(earlier.get_title().rsplit(": ", 1)[1].split()[0])
    assert 0 < before < total
