"""Own-data metrics (LinkedIn-only learners), against hand-computed cases."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from netlearn.network import metrics
from netlearn.network.records import Contact, Interaction, Network

TODAY = date(2026, 6, 30)


def person(name, connected=None, close=False, company="Acme"):
    return Contact(name, source="linkedin", source_ref=name.lower(), company=company,
                   connected_on=connected, close=close)


def msg(contact, when, direction="out", conv="c1", channel="linkedin_message", n=0):
    return Interaction(when, channel, direction, contact_key=contact.key, source="linkedin",
                       source_ref=f"msg:{conv}|{when}|{direction}{n}")


def test_connection_follow_up_by_hand():
    ada = person("Ada", date(2026, 6, 1))   # invited 09:00, message 2 days 1 h later: 49 h
    bo = person("Bo", date(2026, 6, 10))    # message the same morning: latency 0
    cy = person("Cy", date(2026, 6, 2))     # never: listed by name
    di = person("Di", date(2026, 6, 28))    # 2 days ago, nothing yet: awaiting
    ed = person("Ed", date(2024, 1, 1))     # connected long ago: not new
    fi = person("Fi", date(2026, 6, 5))     # only an endorsement: not a follow-up
    inv = Interaction(datetime(2026, 6, 1, 9), "linkedin_invitation", "out",
                      contact_key=ada.key, source="linkedin", source_ref="inv:1")
    items = [inv, msg(ada, datetime(2026, 6, 3, 10)), msg(bo, datetime(2026, 6, 10, 8)),
             Interaction(datetime(2026, 6, 6), "post", "out", "give", contact_key=fi.key,
                         source="linkedin", source_ref="endorse:out|fi|x"),
             msg(ed, datetime(2026, 6, 20))]
    net = Network([ada, bo, cy, di, ed, fi], items)
    result = metrics.connection_follow_up(net, TODAY)
    assert (result.new_contacts, result.followed_up) == (5, 2)
    assert (result.never_followed_up, result.awaiting) == (2, 1)
    assert result.latencies_hours == [49.0, 0.0]
    # one denominator for both shares: Ada, Bo (followed up), Cy, Fi (7 days passed)
    assert (result.within_48h.part, result.within_48h.whole) == (1, 4)
    assert (result.within_7d.part, result.within_7d.whole) == (2, 4)
    missed = metrics.never_followed_up(net, TODAY)
    assert [(m.name, m.connected) for m in missed] == [("Fi", date(2026, 6, 5)),
                                                       ("Cy", date(2026, 6, 2))]


def test_participation_by_month_counts_each_kind():
    def act(ref, when):
        return Interaction(when, "post", "out", source="linkedin", source_ref=ref)

    items = [act("share:u|1", datetime(2026, 6, 1)), act("comment:u|2", datetime(2026, 6, 2)),
             act("comment:u|3", datetime(2026, 5, 2)), act("reaction:LIKE|u|4",
                                                           datetime(2026, 5, 3)),
             act("reaction:LIKE|u|5", datetime(2025, 1, 3)),  # too old
             act("endorse:out|x|6", datetime(2026, 6, 3)),  # a give, not participation
             Interaction(datetime(2026, 6, 4), "post", "out", "give", source="sample",
                         source_ref="i1")]  # the sample's posts
    months = metrics.participation_by_month(Network([], items), TODAY, months=3)
    assert [(m.month, m.posts, m.comments, m.reactions) for m in months] == [
        (date(2026, 4, 1), 0, 0, 0), (date(2026, 5, 1), 0, 1, 1), (date(2026, 6, 1), 2, 1, 0)]


def test_suggest_close_contacts_by_hand():
    people = [person(name) for name in ("Ada", "Bo", "Cy", "Di")]
    ada, bo, cy, di = people
    items = [
        # Ada: 3 messages today -> score 3.0
        *(msg(ada, datetime(2026, 6, 30, h), n=h) for h in (8, 9, 10)),
        # Bo: 4 messages 90 days ago -> 4 * 0.5 = 2.0
        *(msg(bo, datetime(2026, 4, 1, h), n=h) for h in (8, 9, 10, 11)),
        # Cy: only 2 -> not suggested
        *(msg(cy, datetime(2026, 6, 29, h), n=h) for h in (8, 9)),
        # Di: 3 but 400 days ago -> outside the year
        *(msg(di, datetime(2025, 5, 26, h), n=h) for h in (8, 9, 10)),
    ]
    found = metrics.suggest_close_contacts(Network(people, items), TODAY)
    assert [(s.name, s.interactions, s.score, s.cadence_days, s.days_since) for s in found] == [
        ("Ada", 3, 3.0, 30, 0), ("Bo", 4, 2.0, 30, 90)]
    ada.close = True  # already close: not suggested again, and the fallback is not used
    assert [s.name for s in metrics.suggest_close_contacts(Network(people, items), TODAY)] == [
        "Bo"]
    assert metrics.close_contacts_or_suggested(Network(people, items), TODAY) == ([ada.key],
                                                                                 False)
    ada.close = False
    keys, suggested = metrics.close_contacts_or_suggested(Network(people, items), TODAY)
    assert suggested and keys == [ada.key, bo.key]
    share = metrics.close_in_touch(Network(people, items), TODAY)
    assert (share.part, share.whole) == (2, 2)  # Bo's 90 days ago is within 90 days
    share = metrics.close_in_touch(Network(people, items), TODAY, days=89)
    assert (share.part, share.whole) == (1, 2)


def test_suggestions_beyond_the_inner_layer_get_60_days():
    people = [person(f"P{i:02d}") for i in range(20)]
    items = [msg(p, datetime(2026, 6, 1 + i % 28, h), conv=p.name, n=h)
             for i, p in enumerate(people) for h in (8, 9, 10)]
    found = metrics.suggest_close_contacts(Network(people, items), TODAY)
    assert len(found) == 15
    assert [s.cadence_days for s in found] == [30] * 5 + [60] * 10


def test_recent_conversations_and_triage_feed_give_ask():
    ada, bo = person("Ada"), person("Bo")
    items = [msg(ada, datetime(2026, 6, 1, 9), conv="a"), msg(ada, datetime(2026, 6, 2, 9), "in",
                                                              conv="a"),
             msg(bo, datetime(2026, 6, 20, 9), conv="b"), msg(ada, datetime(2026, 6, 25, 9),
                                                             conv="c")]
    net = Network([ada, bo], items, as_of=TODAY)
    convs = metrics.recent_conversations(net, TODAY)
    assert [(c.conversation_id, c.name, c.messages, c.last) for c in convs] == [
        ("c", "Ada", 1, datetime(2026, 6, 25, 9)), ("b", "Bo", 1, datetime(2026, 6, 20, 9)),
        ("a", "Ada", 2, datetime(2026, 6, 2, 9))]
    assert metrics.give_ask_ratio(net, TODAY).gives == 0
    tagged = metrics.apply_triage(net, {"a": "give", "b": "both", "c": "neither", "zz": "ask"})
    result = metrics.give_ask_ratio(tagged, TODAY)
    assert (result.gives, result.asks) == (2, 1)
    assert len(net.interactions) == 4  # the learner's records are untouched
    assert metrics.apply_triage(net, {}) is net


def test_conversations_at_the_same_time_keep_list_order():
    """Equal times: the first in the list is the earlier; ties between conversations go by
    id, latest first, and a conversation's person is its first latest message's."""
    when = datetime(2026, 6, 1, 9)
    ada, bo = person("Ada", when.date()), person("Bo")
    items = [
        Interaction(when, "linkedin_message", "in", contact_key=ada.key, source="linkedin",
                    source_ref="msg:first|1"),
        Interaction(when, "linkedin_message", "out", contact_key=bo.key, source="linkedin",
                    source_ref="msg:first|2"),
        Interaction(when, "linkedin_invitation", "out", contact_key=ada.key),
        Interaction(when, "linkedin_message", "out", contact_key=ada.key, source="linkedin",
                    source_ref="msg:second|1"),
    ]
    convs = metrics.recent_conversations(Network([ada, bo], items), TODAY)
    assert [(c.conversation_id, c.contact_key, c.messages) for c in convs] == [
        ("second", ada.key, 1), ("first", ada.key, 2)]


@pytest.mark.parametrize("tag, gives, asks", [("give", 1, 0), ("ask", 0, 1), ("both", 1, 1),
                                              ("neither", 0, 0)])
def test_each_triage_tag(tag, gives, asks):
    ada = person("Ada")
    net = Network([ada], [msg(ada, datetime(2026, 6, 1, 9), conv="a")], as_of=TODAY)
    result = metrics.give_ask_ratio(metrics.apply_triage(net, {"a": tag}), TODAY)
    assert (result.gives, result.asks) == (gives, asks)
