"""Charts for own data: participation per month, follow-up ticks on whole days."""

from __future__ import annotations

from datetime import date, datetime

from netlearn.charts import learner as charts
from netlearn.network import metrics
from netlearn.network.records import Contact, Interaction, Network
from netlearn.network.sample import sample_network

TODAY = date(2026, 6, 30)


def test_participation_stacks_posts_comments_reactions(plt):
    items = [Interaction(datetime(2026, 6, d), "post", "out", source="linkedin",
                         source_ref=f"{kind}:u|{d}")
             for d, kind in ((1, "share"), (2, "comment"), (3, "reaction"), (4, "reaction"))]
    fig, ax = plt.subplots()
    charts.participation(Network([], items), today=TODAY, ax=ax, months=3)
    heights = [round(p.get_height()) for p in ax.patches]
    assert heights == [0, 0, 1, 0, 0, 1, 0, 0, 2]  # three months of posts, comments, reactions
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Posts", "Comments",
                                                                  "Reactions"]
    plt.close(fig)


def test_participation_without_any_says_so(plt):
    fig, ax = plt.subplots()
    charts.participation(Network([], []), today=TODAY, ax=ax)
    assert "No posts, comments or reactions" in " ".join(t.get_text() for t in ax.texts)
    plt.close(fig)


def test_follow_up_ticks_fall_on_whole_days_and_connections_can_be_drawn(plt):
    net = sample_network()
    fig, ax = plt.subplots()
    charts.follow_up_latency(net, ax=ax, today=net.as_of)
    assert all(float(t).is_integer() for t in ax.get_xticks())
    plt.close(fig)
    ada = Contact("Ada", source="linkedin", source_ref="ada", connected_on=date(2026, 6, 1))
    mine = Network([ada], [Interaction(datetime(2026, 6, 2, 12), "linkedin_message", "out",
                                       contact_key=ada.key, source="linkedin", source_ref="m")])
    fig, ax = plt.subplots()
    result = metrics.connection_follow_up(mine, TODAY)
    charts.follow_up_latency(mine, ax=ax, today=TODAY, result=result, since="connecting")
    assert "connecting" in ax.get_xlabel()
    assert sum(p.get_height() for p in ax.patches) == 1
    plt.close(fig)
