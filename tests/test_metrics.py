"""Metrics on tiny hand-built networks, with the expected numbers worked out by hand."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

from netlearn.network import metrics
from netlearn.network.records import Commitment, Contact, Event, Interaction, Network

TODAY = date(2026, 10, 20)


def person(ref: str, **fields) -> Contact:
    return Contact(name=ref.title(), source="t", source_ref=ref, **fields)


def touch(ref: str, when: datetime, channel: str = "email", direction: str = "out",
          purpose: str = "check_in", **fields) -> Interaction:
    return Interaction(when=when, channel=channel, direction=direction, purpose=purpose,
                       contact_key=f"t:{ref}", **fields)


def days_ago(days: int, hour: int = 12) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days), datetime.min.time()).replace(hour=hour)


# --------------------------------------------------------------------------- empty


def test_empty_network_gives_zeros_and_nones():
    net = Network()
    prep = metrics.preparation_rate(net, TODAY)
    assert (prep.events, prep.rate, prep.mean_items, prep.item_shares) == (0, None, None, {})
    give_ask = metrics.give_ask_ratio(net, TODAY)
    assert (give_ask.gives, give_ask.asks, give_ask.ratio) == (0, 0, None)
    assert len(give_ask.by_month) == 12
    assert all(m.gives == m.asks == 0 for m in give_ask.by_month)
    follow = metrics.follow_up(net, TODAY)
    assert follow.new_contacts == 0
    assert follow.within_48h.share is None and follow.within_7d.share is None
    assert follow.median_hours is None and follow.latencies_hours == []
    assert metrics.overdue_commitments(net, TODAY) == []
    mix = metrics.online_mix(net, TODAY)
    assert (mix.total, mix.share) == (0, None)
    assert metrics.in_person_also_online(net).share is None
    assert metrics.invitation_note_share(net).share is None
    assert metrics.recency(net, TODAY) == []
    assert metrics.gone_cold(net, TODAY) == []
    assert metrics.cadence_overdue(net, TODAY) == []
    assert metrics.dormant_reconnected(net, TODAY) == []
    assert metrics.reconnect_candidates(net, TODAY) == []
    counts = metrics.summary_counts(net, TODAY)
    assert counts and set(counts.values()) == {0}


# --------------------------------------------------------------------------- preparation


def test_preparation_rate_counts_past_attended_events_only():
    net = Network(events=[
        Event("full", TODAY - timedelta(days=10), goal_set=True, attendees_researched=True,
              intro_prepared=True, questions_prepared=True, followup_blocked=True),
        Event("two", TODAY, goal_set=True, questions_prepared=True),
        Event("skipped", TODAY - timedelta(days=3), attended=False, goal_set=True),
        Event("future", TODAY + timedelta(days=1), goal_set=True),
    ])
    prep = metrics.preparation_rate(net, TODAY)
    assert prep.events == 2
    assert prep.fully_prepared == 1
    assert prep.rate == 0.5
    assert prep.mean_items == 3.5
    assert prep.item_shares == {
        "goal_set": 1.0, "attendees_researched": 0.5, "intro_prepared": 0.5,
        "questions_prepared": 1.0, "followup_blocked": 0.5,
    }


# --------------------------------------------------------------------------- giving


def test_give_ask_ratio_window_direction_and_months():
    net = Network(interactions=[
        touch("a", days_ago(0), purpose="give"),
        touch("a", days_ago(30), purpose="give"),
        touch("b", days_ago(89), purpose="give"),  # first day of the 90-day window
        touch("b", days_ago(90), purpose="ask"),  # one day too old
        touch("c", days_ago(5), purpose="ask"),
        touch("c", days_ago(6), purpose="ask"),
        touch("c", days_ago(7), purpose="ask", direction="in"),  # not the learner's ask
        touch("c", days_ago(-1), purpose="give"),  # tomorrow
        touch("c", days_ago(8), purpose="check_in"),
    ])
    result = metrics.give_ask_ratio(net, TODAY)
    assert (result.gives, result.asks) == (3, 2)
    assert result.ratio == 1.5
    months = {m.month: (m.gives, m.asks) for m in result.by_month}
    assert result.by_month[-1].month == date(2026, 10, 1)
    assert result.by_month[0].month == date(2025, 11, 1)
    assert months[date(2026, 10, 1)] == (1, 2)  # 20 Oct give, 14 and 15 Oct asks
    assert months[date(2026, 9, 1)] == (1, 0)  # 20 Sep
    assert months[date(2026, 7, 1)] == (1, 1)  # 23 Jul give, 22 Jul ask


def test_give_ask_ratio_is_none_without_asks():
    net = Network(interactions=[touch("a", days_ago(1), purpose="give")])
    result = metrics.give_ask_ratio(net, TODAY)
    assert (result.gives, result.asks, result.ratio) == (1, 0, None)


# --------------------------------------------------------------------------- follow-up


def follow_up_network() -> Network:
    met = datetime(2026, 10, 1, 18, 0)
    return Network(
        contacts=[
            person("a"), person("b"), person("c"), person("d"),
            person("e", met_on=date(2026, 10, 10)),
            person("f", met_on=date(2024, 10, 1)),  # met long ago: not new
        ],
        interactions=[
            touch("a", met, "event", purpose="meet"),
            touch("a", met + timedelta(hours=48)),  # exactly 48 h: counts
            touch("b", met, "event", purpose="meet"),
            touch("b", met + timedelta(hours=20), direction="in"),  # their message, not ours
            touch("b", met + timedelta(hours=30), "event", purpose="meet"),  # a meeting again
            touch("b", met + timedelta(hours=48, minutes=1)),  # one minute late
            touch("c", datetime(2026, 10, 5, 18, 0), "event", purpose="meet"),  # never
            touch("d", datetime(2026, 10, 19, 10, 0), "event", purpose="meet"),  # yesterday
            touch("e", datetime(2026, 10, 11, 9, 0)),  # met_on noon + 21 h
            touch("f", datetime(2024, 10, 2, 9, 0)),
        ],
    )


def test_follow_up_boundaries_and_eligibility():
    result = metrics.follow_up(follow_up_network(), TODAY)
    assert result.new_contacts == 5  # a, b, c, d, e
    assert result.followed_up == 3  # a, b, e
    # d was met 38 hours before the end of today: not yet judged
    assert result.within_48h == metrics.Share(2, 4)  # a, e of a, b, c, e
    assert result.within_7d == metrics.Share(3, 4)  # a, b, e of a, b, c, e
    assert sorted(result.latencies_hours) == pytest.approx([21.0, 48.0, 48 + 1 / 60])
    assert result.median_hours == 48.0
    assert result.never_followed_up == 1  # c
    assert result.awaiting == 1  # d


def test_follow_up_median_is_none_without_follow_ups():
    net = Network(contacts=[person("a")],
                  interactions=[touch("a", days_ago(10), "event", purpose="meet")])
    result = metrics.follow_up(net, TODAY)
    assert result.median_hours is None
    assert result.within_48h == metrics.Share(0, 1)
    assert result.never_followed_up == 1


def test_overdue_commitments_sorted_with_days_overdue():
    net = Network(commitments=[
        Commitment("late", TODAY - timedelta(days=1)),
        Commitment("due today", TODAY),
        Commitment("done", TODAY - timedelta(days=30), done=True),
        Commitment("very late", TODAY - timedelta(days=12)),
    ])
    overdue = metrics.overdue_commitments(net, TODAY)
    assert [(o.commitment.text, o.days_overdue) for o in overdue] == [
        ("very late", 12), ("late", 1),
    ]


# --------------------------------------------------------------------------- online


def test_online_mix_window_and_channels():
    net = Network(interactions=[
        touch("a", days_ago(0), "email"),
        touch("a", days_ago(364), "email", direction="in"),  # last day of the window
        touch("a", days_ago(365), "email"),  # outside
        touch("b", days_ago(3), "in_person"),
        touch("b", days_ago(4), "call"),
        touch("b", days_ago(5), "linkedin_message"),
    ])
    mix = metrics.online_mix(net, TODAY)
    assert (mix.total, mix.online, mix.offline) == (5, 3, 2)
    assert mix.share == 0.6
    assert mix.by_channel["email"] == 2 and mix.by_channel["call"] == 1
    assert mix.by_channel["forum"] == 0


def test_in_person_also_online():
    net = Network(
        contacts=[
            person("a", met_on=date(2026, 1, 1), connected_on=date(2026, 1, 2)),
            person("b"), person("c"), person("d", connected_on=date(2026, 1, 1)),
        ],
        interactions=[
            touch("b", days_ago(9), "in_person"),
            touch("b", days_ago(8), "linkedin_message", direction="in"),
            touch("c", days_ago(7), "event", purpose="meet"),
            touch("c", days_ago(6), "email"),  # email is online but not a connection
            touch("d", days_ago(5), "linkedin_message"),  # never met in person
        ],
    )
    assert metrics.in_person_also_online(net) == metrics.Share(2, 3)


def test_invitation_note_share_counts_outgoing_only():
    net = Network(interactions=[
        touch("a", days_ago(1), "linkedin_invitation", personal_note=True),
        touch("b", days_ago(1), "linkedin_invitation"),
        touch("c", days_ago(1), "linkedin_invitation"),
        touch("d", days_ago(1), "linkedin_invitation", direction="in", personal_note=True),
    ])
    share = metrics.invitation_note_share(net)
    assert share == metrics.Share(1, 3)
    assert share.share == pytest.approx(1 / 3)


# --------------------------------------------------------------------------- maintaining


def maintaining_network() -> Network:
    return Network(
        contacts=[
            person("cold", close=True), person("warm", close=True),
            person("acquaintance"), person("silent", close=True, cadence_days=30),
            person("equal", cadence_days=30), person("one", cadence_days=30),
            person("lapsed", cadence_days=30),
        ],
        interactions=[
            touch("cold", days_ago(200)), touch("cold", days_ago(90)),
            touch("warm", days_ago(89)),
            touch("acquaintance", days_ago(400)), touch("acquaintance", days_ago(200)),
            touch("equal", days_ago(30)),
            touch("one", days_ago(31)),
            touch("lapsed", days_ago(45)), touch("lapsed", days_ago(100)),
            touch("warm", days_ago(-3)),  # in the future: ignored
        ],
    )


def test_recency_per_contact():
    by_key = {r.contact_key: r for r in metrics.recency(maintaining_network(), TODAY)}
    assert by_key["t:cold"].last == TODAY - timedelta(days=90)
    assert (by_key["t:cold"].days_since, by_key["t:cold"].interactions) == (90, 2)
    assert (by_key["t:warm"].days_since, by_key["t:warm"].interactions) == (89, 1)
    assert (by_key["t:silent"].last, by_key["t:silent"].days_since) == (None, None)


def test_gone_cold_threshold_and_close_only():
    net = maintaining_network()
    assert [r.name for r in metrics.gone_cold(net, TODAY)] == ["Cold"]
    assert [r.name for r in metrics.gone_cold(net, TODAY, close_only=False)] == [
        "Acquaintance", "Cold",
    ]
    assert [r.name for r in metrics.gone_cold(net, TODAY, days=89)] == ["Cold", "Warm"]


def test_cadence_overdue_by_exact_days():
    overdue = metrics.cadence_overdue(maintaining_network(), TODAY)
    assert [(o.name, o.days_since, o.days_overdue) for o in overdue] == [
        ("Lapsed", 45, 15), ("One", 31, 1),
    ]


def test_dormant_reconnected_uses_consecutive_gaps():
    net = Network(
        contacts=[person("back"), person("short"), person("twice")],
        interactions=[
            touch("back", datetime(2022, 1, 1, 9)),
            touch("back", datetime(2025, 1, 1, 23)),  # 1096 days later
            touch("short", datetime(2022, 1, 2, 9)),
            touch("short", datetime(2024, 12, 31, 9)),  # 1094 days later
            touch("twice", datetime(2020, 1, 1, 9)),
            touch("twice", datetime(2023, 6, 1, 9)),
            touch("twice", datetime(2026, 9, 1, 9)),  # two long gaps: the latest one counts
        ],
    )
    ties = metrics.dormant_reconnected(net, TODAY)
    assert [(t.name, t.dormant_since, t.reconnected_on, t.gap_days) for t in ties] == [
        ("Twice", date(2023, 6, 1), date(2026, 9, 1), 1188),
        ("Back", date(2022, 1, 1), date(2025, 1, 1), 1096),
    ]
    shorter = metrics.dormant_reconnected(net, TODAY, dormant_days=1094)
    assert {t.name for t in shorter} == {"Back", "Short", "Twice"}


def test_reconnect_candidates_rank_dormant_then_less_time_together_then_silence():
    # Levin et al. (2011): dormant (3+ years) ties first; Walter et al. (2015): among the
    # rest, the ties the learner spent less time with first, even over a longer silence.
    net = Network(
        contacts=[person("old", close=True), person("many"), person("few"),
                  person("fewer days"), person("once"), person("recent")],
        interactions=[
            touch("old", days_ago(2000)), touch("old", days_ago(1200)),
            *(touch("many", days_ago(400 + d)) for d in range(5)),
            touch("few", days_ago(300)), touch("few", days_ago(150)),
            touch("fewer days", days_ago(600)), touch("fewer days", days_ago(300)),
            touch("once", days_ago(500)),
            touch("recent", days_ago(50)), touch("recent", days_ago(10)),
        ],
    )
    candidates = metrics.reconnect_candidates(net, TODAY)
    assert [(c.name, c.days_since, c.interactions) for c in candidates] == [
        ("Old", 1200, 2), ("Fewer Days", 300, 2), ("Few", 150, 2), ("Many", 400, 5),
    ]
    assert candidates[0].reason == (
        "1200 days since your last contact, after only 2 interactions; "
        "quiet for 3+ years: likely to know things you don't; marked as a close contact"
    )
    assert candidates[3].reason == "400 days since your last contact, after 5 interactions"
    assert len(metrics.reconnect_candidates(net, TODAY, n=1)) == 1


# --------------------------------------------------------------------------- plumbing


def test_summary_counts_are_plain_ints_matching_the_metrics():
    net = follow_up_network()
    net.contacts.append(person("a"))  # a duplicate key is counted once per contact metric
    counts = metrics.summary_counts(net, TODAY)
    assert all(type(value) is int for value in counts.values())
    assert counts["contacts"] == 7
    assert (counts["new_contacts"], counts["followed_up"]) == (5, 3)
    assert (counts["followed_up_48h"], counts["eligible_48h"]) == (2, 4)
    assert (counts["never_followed_up"], counts["awaiting_follow_up"]) == (1, 1)


def test_aware_and_naive_times_mix():
    net = Network(
        contacts=[person("a")],
        interactions=[
            touch("a", datetime(2026, 10, 1, 18, tzinfo=timezone.utc), "event", purpose="meet"),
            touch("a", datetime(2026, 10, 2, 18)),
            touch("a", datetime(2026, 10, 2, 12, tzinfo=timezone(timedelta(hours=2)))),
        ],
    )
    result = metrics.follow_up(net, TODAY)
    assert result.latencies_hours == [16.0]  # 12:00+02:00 is 10:00 UTC
    assert metrics.recency(net, TODAY)[0].last == date(2026, 10, 2)


def test_aware_times_count_in_utc():
    """23:30 at +02:00 on the 20th is 21:30 UTC: counted on the 20th, not after today."""
    plus_two = timezone(timedelta(hours=2))
    net = Network(
        contacts=[person("a")],
        interactions=[touch("a", datetime(2026, 10, 21, 1, 30, tzinfo=plus_two)),
                      touch("a", datetime(2026, 10, 21, 0, 30))],  # naive: after today
    )
    assert [(r.last, r.interactions) for r in metrics.recency(net, TODAY)] == [(TODAY, 1)]


def test_importing_metrics_stays_light():
    code = (
        "import sys, netlearn.network.metrics, netlearn.network.sample, netlearn.charts.learner; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_reused_index_notices_changed_data():
    net = maintaining_network()
    assert [r.name for r in metrics.gone_cold(net, TODAY)] == ["Cold"]
    assert net.derived  # the index lives on the network, not in the module
    net.interactions.append(touch("cold", days_ago(1)))  # added
    assert metrics.gone_cold(net, TODAY) == []
    net.interactions[-1].when = days_ago(95)  # re-timed in place: the same object
    net.changed()
    assert [r.days_since for r in metrics.gone_cold(net, TODAY)] == [90]
    net.interactions[-1].contact_key = "t:warm"  # re-assigned in place
    net.changed()
    assert [r.name for r in metrics.gone_cold(net, TODAY)] == ["Cold"]
    net.contacts[0].close = False  # read live
    assert metrics.gone_cold(net, TODAY) == []
    net.contacts[0] = person("renamed", close=True)  # replaced
    assert metrics.gone_cold(net, TODAY) == []
    assert metrics.gone_cold(net, TODAY - timedelta(days=30)) == []  # another day


def test_metrics_keep_no_state_between_networks():
    def module_state():
        return {name: repr(value) for name, value in vars(metrics).items()
                if not name.startswith("__") and isinstance(value, (dict, list, set, tuple))}

    before = module_state()
    first, second = maintaining_network(), maintaining_network()
    assert [r.name for r in metrics.gone_cold(first, TODAY)] == ["Cold"]
    second.interactions.append(touch("cold", days_ago(1)))
    assert metrics.gone_cold(second, TODAY) == []
    assert [r.name for r in metrics.gone_cold(first, TODAY)] == ["Cold"]
    assert module_state() == before
