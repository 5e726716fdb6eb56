"""Each chart's text alternative states its message in hand-computed numbers; empty data says so."""

from __future__ import annotations

import inspect
from datetime import date, datetime

import pytest

from netlearn.charts import cohort as cohort_charts
from netlearn.charts import learner as charts
from netlearn.charts import text as chart_text
from netlearn.network.records import Contact, Event, Interaction, Network

TODAY = date(2025, 6, 30)


def contact(ref, name, *, close=False, connected_on=None):
    return Contact(name=name, source="t", source_ref=ref, close=close, connected_on=connected_on)


def touch(who, when, channel="email", purpose="check_in", direction="out"):
    return Interaction(when=when, channel=channel, direction=direction, purpose=purpose,
                       contact_key=who.key, source="t", source_ref=f"{who.source_ref}-{when}")


ANN = contact("a", "Ann <b>Ash</b>", close=True, connected_on=date(2023, 3, 1))
BOB = contact("b", "Bob Birch", close=True, connected_on=date(2024, 5, 2))
CY = contact("c", "Cy Cole", connected_on=date(2024, 7, 9))
DEE = contact("d", "Dee Dale", close=True)


@pytest.fixture
def net():
    """A hand-made network; every number below is counted from it by hand."""
    interactions = [
        # Ann: last contact 1 Jan 2025 -> 180 days before 30 Jun 2025 (gone cold)
        touch(ANN, datetime(2025, 1, 1, 10), "in_person", "meet"),
        # Bob: met 1 Jun 12:00, followed up 2 Jun 0:00 (12 h); last 20 Jun -> 10 days
        touch(BOB, datetime(2025, 6, 1, 12), "event", "meet"),
        touch(BOB, datetime(2025, 6, 2, 0), "email", "give"),
        touch(BOB, datetime(2025, 6, 20, 9), "linkedin_message", "ask"),
        # Dee: last 1 Feb 2025 -> 149 days (gone cold)
        touch(DEE, datetime(2025, 2, 1, 9), "call", "ask"),
        # Cy (not close): met 1 May, followed up 5 May (96 h); 40 days
        touch(CY, datetime(2025, 5, 1, 9), "in_person", "meet"),
        touch(CY, datetime(2025, 5, 5, 9), "email", "give"),
        touch(CY, datetime(2025, 5, 21, 9), "email", "give"),
    ]
    events = [
        Event(title="<script>Meetup</script>", day=date(2025, 6, 1), goal_set=True,
              attendees_researched=True, intro_prepared=True, questions_prepared=True,
              followup_blocked=True),
        Event(title="Fair", day=date(2025, 5, 1), goal_set=True),
        Event(title="Skipped", day=date(2025, 4, 1), attended=False, goal_set=True),
    ]
    return Network(contacts=[ANN, BOB, CY, DEE], interactions=interactions, events=events,
                   as_of=TODAY)


def test_network_recency_counts_cold_close_contacts(net):
    text = chart_text.network_recency(net, today=TODAY)
    assert text.alt == ("Bar chart of 3 close contacts by days since last contact: "
                        "2 past 90 days, longest 180 days (Ann <b>Ash</b>).")
    assert text.rows == (("Ann <b>Ash</b>", 180, "yes"), ("Dee Dale", 149, "yes"),
                         ("Bob Birch", 10, "no"))
    assert text.headers[0] == "Contact"


def test_network_recency_says_when_the_chart_shows_only_the_longest(net):
    text = chart_text.network_recency(net, today=TODAY, top=2, days=150)
    assert text.alt.startswith("Bar chart of 3 close contacts by days since last contact "
                               "(the chart shows the 2 longest): 1 past 150 days")
    assert len(text.rows) == 2


def test_network_recency_falls_back_to_all_contacts():
    people = [contact("x", "Xu"), contact("y", "Yan")]
    net = Network(contacts=people, interactions=[
        touch(people[0], datetime(2025, 6, 20, 9)), touch(people[1], datetime(2024, 6, 30, 9))])
    text = chart_text.network_recency(net, today=TODAY)
    assert text.alt == ("Bar chart of 2 contacts (none marked close) by days since last "
                        "contact: 1 past 90 days, longest 365 days (Yan).")


def test_give_vs_ask_totals_and_months(net):
    text = chart_text.give_vs_ask(net, today=TODAY, months=6)
    # gives: Bob 2 Jun, Cy 5 May, Cy 21 May; asks: Bob 20 Jun, Dee 1 Feb
    assert text.rows == (("Jan 25", 0, 0), ("Feb 25", 0, 1), ("Mar 25", 0, 0),
                         ("Apr 25", 0, 0), ("May 25", 2, 0), ("Jun 25", 1, 1))
    assert text.alt == ("Bar chart of gives and asks per month, Jan 25 to Jun 25: 3 gives and "
                        "2 asks in total; asks outnumber gives in 1 month of 6.")


def test_follow_up_latency_groups(net):
    text = chart_text.follow_up_latency(net, today=TODAY)
    # new contacts met: Ann (1 Jan, never followed up), Bob 12 h, Cy 96 h; median 54 h
    assert text.alt == ("Histogram of how fast you followed up with people you met: of 2 "
                        "follow-ups, 1 within 48 hours, 1 within 2 to 7 days and 0 later; "
                        "median 2.2 days; 1 never followed up.")
    assert dict(text.rows)["Never followed up"] == 1


def test_channel_mix_share_and_top_channel(net):
    text = chart_text.channel_mix(net, today=TODAY)
    # 8 interactions: online = email 3 + linkedin_message 1 = 4 -> 50 %
    assert text.alt == ("Bar chart of 8 interactions by channel: 50% online (4), 4 in person "
                        "or by phone; most used: Email (3).")
    assert sum(row[2] for row in text.rows) == 8


def test_connections_growth_per_year(net):
    text = chart_text.connections_growth(net)
    assert text.rows == (("2023", 1, 1), ("2024", 2, 3))
    assert text.alt == ("Step chart of your LinkedIn connections over time: 3 in total, from "
                        "1 Mar 2023 to 9 Jul 2024; most in one year: 2024 (2).")


def test_event_preparation_counts_attended_events(net):
    text = chart_text.event_preparation(net, today=TODAY)
    # two attended events: 5 items and 1 item -> mean 3.0; goal set in both, others in 1
    assert text.alt == ("Stacked bar chart of checklist items done for 2 events: 1 fully "
                        "prepared (all 5 items), 3.0 items on average; done least: Attendees "
                        "researched (1 of 2).")
    assert [row[0] for row in text.rows] == ["Fair", "<script>Meetup</script>"]
    assert text.rows[0][-1] == 1 and text.rows[1][-1] == 5


def test_event_preparation_names_the_cut(net):
    text = chart_text.event_preparation(net, today=TODAY, last=1)
    assert "for the last 1 of 2 events:" in text.alt


def test_activity_timeline_totals(net):
    text = chart_text.activity_timeline(net, periods=3)
    # Apr–Jun 25: May: 1 in person + 2 email; Jun: 1 event + 1 email + 1 LinkedIn message
    assert text.rows == (("Apr 25", 0, 0, 0), ("May 25", 1, 2, 3), ("Jun 25", 1, 2, 3))
    assert text.alt == ("Stacked bar chart of interactions per month, Apr 25 to Jun 25: 6 in "
                        "total, 4 online and 2 in person or by phone; busiest month May 25 (3).")


def test_self_assessment_change_counts_rises():
    text = chart_text.self_assessment_change(({"A": 2, "B": 3}, {"A": 4, "B": 3, "C": 1}))
    assert text.alt == ("Bar chart of your self-ratings before and after for 3 mistakes: of 2 "
                        "mistakes rated both times, 1 rose, 0 fell and 1 stayed the same.")
    assert text.rows == (("A", "2", "4", "+2"), ("B", "3", "3", "0"), ("C", "not rated", "1", ""))


def test_sample_persona_is_named_in_alt_and_caption():
    from netlearn.network.sample import sample_network

    net = sample_network()
    text = chart_text.network_recency(net, today=net.today())
    assert text.alt == ("Bar chart of 15 close contacts by days since last contact (sample "
                        "persona): 4 past 90 days, longest 1,555 days (Idris Oyelaran).")
    assert text.caption.endswith("(sample persona)")


@pytest.mark.parametrize("name, call", [
    ("activity_timeline", lambda: chart_text.activity_timeline(Network())),
    ("follow_up_latency", lambda: chart_text.follow_up_latency(Network())),
    ("give_vs_ask", lambda: chart_text.give_vs_ask(Network(), today=TODAY)),
    ("channel_mix", lambda: chart_text.channel_mix(Network())),
    ("network_recency", lambda: chart_text.network_recency(Network(), today=TODAY)),
    ("connections_growth", lambda: chart_text.connections_growth(Network())),
    ("event_preparation", lambda: chart_text.event_preparation(Network())),
    ("self_assessment_change", lambda: chart_text.self_assessment_change(({}, {}))),
])
def test_empty_network_still_has_alt_text(name, call):
    text = call()
    assert text.alt.endswith(".") and (" no " in text.alt or ": no " in text.alt)
    assert text.rows == () and text.caption and text.headers


# -- cohort charts ------------------------------------------------------------------------


@pytest.fixture
def cohort_frame():
    pd = pytest.importorskip("pandas")
    return pd.DataFrame({
        "topic": ["01-prep", "01-prep", "01-prep", "02-give"],
        "quiz_percent": [50.0, 100.0, 80.0, None],
    })


def test_quiz_scores_medians(cohort_frame):
    text = chart_text.plot_quiz_scores(cohort_frame)
    assert text.rows == (("01-prep", 3, "80 %", "50 %", "100 %"),)
    assert text.alt == ("Box plot of first-try quiz scores for 1 topic, one dot per learner: "
                        "median scores run from 80 % (01-prep) to 80 % (01-prep).")


def test_before_after_and_participation():
    pd = pytest.importorskip("pandas")
    table = pd.DataFrame({"before": [2.0, 3.0, 1.0], "after": [4.0, 3.5, 1.0], "n": [4, 2, 0]},
                         index=["01-prep", "02-give", "03-follow"])
    text = chart_text.plot_before_after(table)
    assert text.rows == (("01-prep", 4, "2.0", "4.0"), ("02-give", 2, "3.0", "3.5"))
    assert text.alt == ("Bar chart of the mean self-rating before and after for 2 topics: the "
                        "biggest change is 01-prep (+2.0), the smallest 02-give (+0.5).")
    part = pd.DataFrame({"started": [5, 3], "completed": [4, 1]}, index=["01-prep", "02-give"])
    text = chart_text.plot_participation(part, n_learners=6)
    assert text.alt == ("Bar chart of how many of 6 learners started and completed each of "
                        "2 topics: most completed 01-prep (4), fewest 02-give (1).")
    empty = chart_text.plot_participation(part.iloc[0:0], n_learners=0)
    assert empty.alt.endswith(": no usable summaries yet.") and empty.rows == ()


# -- every chart function has a text function with its arguments ----------------------------


def _public_charts():
    for module in (charts, cohort_charts):
        for name, function in vars(module).items():
            if (inspect.isfunction(function) and function.__module__ == module.__name__
                    and not name.startswith("_") and "ax" in inspect.signature(function).parameters
                    or name == "plot_dashboard"):
                yield name, function


@pytest.mark.parametrize("name, chart", list(_public_charts()))
def test_every_chart_has_a_text_function_with_its_arguments(name, chart):
    text = chart_text.text_for(chart)
    drawn = [p for p in inspect.signature(chart).parameters.values() if p.name not in ("ax", "fig")]
    assert list(inspect.signature(text).parameters.values()) == drawn


@pytest.mark.parametrize("name, chart", list(_public_charts()))
def test_every_chart_takes_data_then_keyword_only_today_and_ax(name, chart):
    data, *rest = inspect.signature(chart).parameters.values()
    assert data.kind is data.POSITIONAL_OR_KEYWORD and data.default is data.empty
    assert rest and all(p.kind is p.KEYWORD_ONLY for p in rest), "only the data is positional"
    options = {p.name: p.default for p in rest}
    drawn_on = "fig" if name == "plot_dashboard" else "ax"  # the dashboard draws several Axes
    assert options.pop("today") is None and options.pop(drawn_on) is None


def test_a_chart_and_a_metric_never_share_a_name():
    from netlearn.network import metrics

    def public(module):
        return {name for name, value in vars(module).items()
                if inspect.isfunction(value) and value.__module__ == module.__name__
                and not name.startswith("_")}

    assert not public(charts) & public(metrics)
    assert not public(cohort_charts) & public(metrics)


def test_self_assessment_phases_text_states_the_change_to_the_check_in():
    from netlearn.charts.text import self_assessment_phases

    text = self_assessment_phases({"before": {"Prep": 2.0, "Give": 3.0},
                                   "after": {"Prep": 4.0, "Give": 3.0},
                                   "check-in": {"Prep": 3.5, "Give": 2.5}})
    assert text.alt == ("Bar chart of your self-ratings for 2 mistakes (before, after, check-in):"
                        " from before to check-in, 1 rose, 1 fell and 0 stayed the same.")
    assert text.rows == (("Prep", "2", "4", "3.5"), ("Give", "3", "3", "2.5"))
    empty = self_assessment_phases({})
    assert "no self-assessment yet" in empty.alt and empty.rows == ()


def test_participation_text_counts_posts_comments_and_reactions_by_month():
    items = [Interaction(datetime(2025, 6, 3, 9), "post", source="linkedin", source_ref="share:1"),
             Interaction(datetime(2025, 6, 9, 9), "post", source="linkedin",
                         source_ref="comment:1"),
             Interaction(datetime(2025, 5, 2, 9), "post", source="linkedin",
                         source_ref="reaction:1"),
             Interaction(datetime(2025, 6, 20, 9), "post", source="linkedin",
                         source_ref="reaction:2")]
    text = chart_text.participation(Network(interactions=items), today=TODAY, months=3)
    assert text.rows == (("Apr 25", 0, 0, 0), ("May 25", 0, 0, 1), ("Jun 25", 1, 1, 1))
    assert text.alt == ("Stacked bar chart of posts, comments and reactions per month, Apr 25 "
                        "to Jun 25: 1 post, 1 comment and 2 reactions in total; busiest month "
                        "Jun 25; 1 month with none.")
    empty = chart_text.participation(Network(), today=TODAY)
    assert "no posts, comments or reactions" in empty.alt


def test_follow_up_text_takes_the_connection_result_the_chart_draws():
    from netlearn.network.metrics import FollowUp, Share

    result = FollowUp(new_contacts=4, followed_up=3, within_48h=Share(2, 4),
                      within_7d=Share(3, 4), median_hours=30.0, never_followed_up=1, awaiting=0,
                      latencies_hours=[10.0, 30.0, 100.0])
    text = chart_text.follow_up_latency(Network(), result=result, since="connecting")
    assert text.alt.startswith("Histogram of how fast you followed up with new connections: of "
                               "3 follow-ups, 2 within 48 hours, 1 within 2 to 7 days and 0 later")
    assert ("Never followed up", 1) in text.rows
