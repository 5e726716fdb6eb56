"""Notebook 06's "Your numbers today": aims apart from descriptions, imported events counted."""

from __future__ import annotations

from datetime import date

from netlearn.keep.action_plan import _prep
from netlearn.keep.learner_network import REVIEWED_KEY, my_network
from netlearn.keep.numbers_today import habit_numbers, habit_numbers_text
from netlearn.network.records import Batch, Event, Network
from netlearn.network.sample import sample_network

TODAY = date(2026, 6, 30)


def imported_events(store, count=6):
    store.save_batch(Batch("linkedin", "t", events=[
        Event(f"Meetup {n}", date(2026, 5, n + 1), source="linkedin", source_ref=f"e{n}")
        for n in range(count)]))


def row(numbers, habit):
    return next(n for n in numbers if n.habit == habit)


def test_imported_events_without_a_checklist_are_not_no_events(store):
    imported_events(store)
    prep = row(habit_numbers(my_network(store), TODAY), "01 Preparation")
    assert prep.value == "6 imported events to look back on (notebook 01)"
    assert "no events" not in habit_numbers_text(my_network(store), TODAY)


def test_an_answered_event_turns_the_row_into_a_share(store):
    imported_events(store, count=2)
    first = my_network(store).events[0]
    store.update_event(first.id, goal_set=True, attendees_researched=True, intro_prepared=True,
                       questions_prepared=True, followup_blocked=True)
    store.set_setting(REVIEWED_KEY, [first.id])
    assert row(habit_numbers(my_network(store), TODAY), "01 Preparation").value == "100%"


def test_no_events_at_all_says_so():
    assert row(habit_numbers(Network(), TODAY), "01 Preparation").value == "no events yet"


def test_only_preparation_and_maintaining_are_aims_the_rest_are_descriptions():
    net = sample_network()
    numbers = habit_numbers(net, net.today())
    assert [n.habit for n in numbers if n.aim] == ["01 Preparation", "05 Maintaining"]
    assert [n.habit for n in numbers if not n.aim] == ["02 Giving", "03 Follow-up", "04 Online"]
    text = habit_numbers_text(net, net.today())
    aims, descriptions = text.split("\n\n")
    assert "02 Giving" in descriptions and "04 Online" in descriptions
    assert "02 Giving" not in aims and "01 Preparation" in aims
    assert descriptions.splitlines()[0].startswith("Three descriptions, not scores")


def test_the_action_plan_counts_imported_events_too(store):
    imported_events(store, count=1)
    metric, _ = _prep(my_network(store), TODAY)
    assert metric.endswith("1 imported event to look back on first (notebook 01)")
