"""The metrics through the numpy index give exactly what the Python loops give."""

from __future__ import annotations

import inspect
import random
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest
import test_metrics
import test_metrics_own_data

from netlearn.network import metrics, metrics_index
from netlearn.network.records import Commitment, Contact, Event, Interaction, Network

TODAY = date(2026, 10, 20)

# The same metrics called with their defaults, as bench/run.py calls them.
ALL_METRICS = (
    "preparation_rate", "give_ask_ratio", "follow_up", "overdue_commitments", "online_mix",
    "in_person_also_online", "invitation_note_share", "recency", "gone_cold",
    "cadence_overdue", "dormant_reconnected", "reconnect_candidates", "summary_counts",
    "connection_follow_up", "never_followed_up", "participation_by_month",
    "suggest_close_contacts", "close_in_touch", "recent_conversations",
)


def call_everything(net: Network, today: date) -> dict:
    """Every metric with its defaults, plus non-default parameters that change the work."""
    out = {}
    for name in ALL_METRICS:
        fn = getattr(metrics, name)
        out[name] = fn(net, today) if "today" in inspect.signature(fn).parameters else fn(net)
    out.update(
        gone_cold_all=metrics.gone_cold(net, today, days=20, close_only=False),
        dormant_short=metrics.dormant_reconnected(net, today, dormant_days=30),
        reconnect_few=metrics.reconnect_candidates(net, today, n=3, cold_days=5),
        reconnect_none=metrics.reconnect_candidates(net, today, n=0),
        suggest_long=metrics.suggest_close_contacts(net, today, days=900, limit=50),
        conversations=metrics.recent_conversations(net, today, n=4),
        conversations_none=metrics.recent_conversations(net, today, n=0),
        give_ask_long=metrics.give_ask_ratio(net, today, days=400, months=30),
        online_short=metrics.online_mix(net, today, days=30),
        follow_long=metrics.follow_up(net, today, days=2000),
        connection_long=metrics.connection_follow_up(net, today, days=2000),
        never_long=metrics.never_followed_up(net, today, days=2000),
        participation_long=metrics.participation_by_month(net, today, months=40),
        close=metrics.close_contacts_or_suggested(net, today),
    )
    return out


def both_paths(monkeypatch, net: Network, today: date) -> tuple[dict, dict]:
    """All results through the Python loops, then through the index."""
    monkeypatch.setattr(metrics_index, "MIN_INTERACTIONS", 10 ** 12)
    net.changed()
    plain = call_everything(net, today)
    assert "index" not in net.derived
    monkeypatch.setattr(metrics_index, "MIN_INTERACTIONS", 0)
    net.changed()
    indexed = call_everything(net, today)
    assert "index" in net.derived  # the index was built and read
    return plain, indexed


def assert_same(plain: dict, indexed: dict) -> None:
    differ = [name for name in plain if plain[name] != indexed[name]]
    assert not differ, {name: (plain[name], indexed[name]) for name in differ}


# --------------------------------------------------------------------------- random networks

CHANNELS = ("in_person", "event", "call", "video", "email", "linkedin_message",
            "linkedin_invitation", "forum", "post", "carrier_pigeon")
PURPOSES = ("meet", "follow_up", "check_in", "give", "ask", "thanks", "introduction")
PLUS_TWO = timezone(timedelta(hours=2))


def random_network(seed: int, today: date = TODAY) -> Network:
    """A small network with the edge cases mixed in: times shared by several records,
    aware and naive times and plain dates, records after ``today``, keyless records,
    records of people who are not contacts, duplicate contact keys, contacts with no
    record, imported and logged messages and posts."""
    rng = random.Random(seed)
    contacts = []
    for i in range(rng.randint(0, 25)):
        def day():
            return today - timedelta(days=rng.randint(-5, 1500)) if rng.random() < 0.4 else None
        contacts.append(Contact(
            name=rng.choice(["Ada", "Bo", "Cy", "Di"]) + str(i % 7), source="t",
            source_ref=str(i if rng.random() < 0.9 else rng.randint(0, 3)),
            company=rng.choice(["", "Acme"]), connected_on=day(), met_on=day(),
            cadence_days=rng.choice([None, 0, -3, 14, 60, 400]), close=rng.random() < 0.3))
    keys = [c.key for c in contacts] + ["t:stranger", ""]
    base = datetime.combine(today, datetime.min.time())
    shared = [base - timedelta(days=rng.randint(-3, 1500), minutes=rng.randint(0, 1440))
              for _ in range(5)]
    interactions = []
    for _ in range(rng.randint(0, 120)):
        when = (rng.choice(shared) if rng.random() < 0.3 else
                base - timedelta(days=rng.randint(-30, 1500), seconds=rng.randint(0, 86399),
                                 microseconds=rng.randint(0, 999999)))
        form = rng.random()
        if form < 0.15:
            when = when.replace(tzinfo=timezone.utc)
        elif form < 0.25:
            when = (when + timedelta(hours=2)).replace(tzinfo=PLUS_TWO)
        elif form < 0.3:
            when = when.date()
        channel = rng.choice(CHANNELS)
        key = rng.choice(keys) if rng.random() < 0.95 else ""
        source, ref = "manual", ""
        if channel == "linkedin_message" and rng.random() < 0.7:
            source = "linkedin"
            ref = rng.choice([f"msg:c{rng.randint(0, 6)}|{rng.random()}", "other|x",
                              f"msg:c{rng.randint(0, 6)}"])
        elif channel == "linkedin_message" and rng.random() < 0.3:
            source = "triage"
        elif channel == "post" and rng.random() < 0.7:
            source = "linkedin"
            ref = rng.choice(["share:u1", "comment:u2", "reaction:u3", "other:u4", "nothing"])
        interactions.append(Interaction(
            when=when, channel=channel, direction=rng.choice(["out", "in"]),
            purpose=rng.choice(PURPOSES), contact_key=key,
            personal_note=rng.random() < 0.5, source=source, source_ref=ref))
    events = [Event("e", today - timedelta(days=3), goal_set=True)]
    commitments = [Commitment("c", today - timedelta(days=2))]
    return Network(contacts, interactions, events, commitments)


@pytest.mark.parametrize("seed", range(60))
def test_random_networks_give_the_same_results(monkeypatch, seed):
    net = random_network(seed)
    assert_same(*both_paths(monkeypatch, net, TODAY))


@pytest.mark.parametrize("shift", [-2000, -400, -1, 0, 1, 40])
def test_a_today_before_or_after_the_records(monkeypatch, shift):
    net = random_network(7)
    assert_same(*both_paths(monkeypatch, net, TODAY + timedelta(days=shift)))


def test_no_interactions_or_no_contacts(monkeypatch):
    people = [Contact("Ada", source="t", source_ref="a", met_on=TODAY, close=True,
                      cadence_days=3, connected_on=TODAY)]
    for net in (Network(contacts=people), Network(), random_network(3)):
        net.contacts = net.contacts or []
        assert_same(*both_paths(monkeypatch, net, TODAY))
    only_records = random_network(11)
    only_records.contacts = []
    assert_same(*both_paths(monkeypatch, only_records, TODAY))


def test_the_same_time_keeps_list_order(monkeypatch):
    """Equal times: the first in the list is the earlier (the loops' stable sort)."""
    when = datetime(2026, 10, 1, 9)
    ada = Contact("Ada", source="t", source_ref="a", connected_on=when.date())
    items = [
        Interaction(when, "linkedin_message", "in", contact_key="t:a", source="linkedin",
                    source_ref="msg:first|1"),
        Interaction(when, "linkedin_message", "out", contact_key="t:b", source="linkedin",
                    source_ref="msg:first|2"),
        Interaction(when, "linkedin_invitation", "out", contact_key="t:a"),
        Interaction(when, "linkedin_message", "out", contact_key="t:a", source="linkedin",
                    source_ref="msg:second|1"),
    ]
    net = Network([ada, Contact("Bo", source="t", source_ref="b")], items)
    plain, indexed = both_paths(monkeypatch, net, TODAY)
    assert_same(plain, indexed)
    first = indexed["recent_conversations"]
    # ties in time go by id, latest first; a conversation's person is its first message's
    assert [(c.conversation_id, c.contact_key, c.messages) for c in first] == [
        ("second", "t:a", 1), ("first", "t:a", 2)]


def test_aware_times_count_in_utc(monkeypatch):
    """23:30 at +02:00 on the 20th is 21:30 UTC: counted on the 20th, not after today."""
    ada = Contact("Ada", source="t", source_ref="a")
    items = [Interaction(datetime(2026, 10, 21, 1, 30, tzinfo=PLUS_TWO), "email",
                         contact_key="t:a"),
             Interaction(datetime(2026, 10, 21, 0, 30), "email", contact_key="t:a")]
    plain, indexed = both_paths(monkeypatch, Network([ada], items), TODAY)
    assert_same(plain, indexed)
    assert [(r.last, r.interactions) for r in indexed["recency"]] == [(TODAY, 1)]


def test_contacts_are_read_live_and_changes_noticed(monkeypatch):
    monkeypatch.setattr(metrics_index, "MIN_INTERACTIONS", 0)
    net = random_network(5)
    before = metrics.gone_cold(net, TODAY, close_only=True)
    for contact in net.contacts:
        contact.close = not contact.close  # in place: no call needed, as in the loops
    after = metrics.gone_cold(net, TODAY, close_only=True)
    monkeypatch.setattr(metrics_index, "MIN_INTERACTIONS", 10 ** 12)
    assert after == metrics.gone_cold(net, TODAY, close_only=True)
    assert before != after
    monkeypatch.setattr(metrics_index, "MIN_INTERACTIONS", 0)
    net.interactions.append(Interaction(datetime(2026, 10, 20, 8), "email",
                                        contact_key=net.contacts[0].key))
    assert metrics.recency(net, TODAY)[0].last == TODAY  # a new record: index rebuilt


def test_small_networks_do_not_import_numpy():
    code = ("import sys; from netlearn import metrics, sample; net = sample.sample_network(); "
            "metrics.summary_counts(net, net.today()); metrics.recent_conversations("
            "net, net.today()); print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_the_sample_persona_through_the_index(monkeypatch):
    from netlearn.network.sample import sample_network

    net = sample_network()
    assert_same(*both_paths(monkeypatch, net, net.today()))


# --------------------------------------------------------------------------- hand-computed
# The hand-computed cases of test_metrics.py and test_metrics_own_data.py, run again with
# the index always on.


@pytest.fixture(autouse=True)
def index_always(monkeypatch):
    monkeypatch.setattr(metrics_index, "MIN_INTERACTIONS", 0)


for _module in (test_metrics, test_metrics_own_data):
    for _name, _test in vars(_module).items():
        if _name.startswith("test_") and _name != "test_importing_metrics_stays_light":
            globals()[f"test_indexed_{_module.__name__[5:]}_{_name[5:]}"] = _test
