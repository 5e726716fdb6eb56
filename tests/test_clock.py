"""The one rule for "today" (netlearn.plumbing.clock): explicit > the network's day > real."""

from datetime import date

from netlearn.keep.learner_network import network_today
from netlearn.network.records import Network
from netlearn.network.sample import DEFAULT_TODAY, sample_network
from netlearn.plumbing.clock import resolve_today


def test_an_explicit_date_wins_over_the_networks_day():
    assert resolve_today(date(2020, 2, 3), sample_network()) == date(2020, 2, 3)
    assert resolve_today(date(2020, 2, 3)) == date(2020, 2, 3)


def test_the_sample_network_gets_its_fixed_day_not_the_real_one():
    sample = sample_network()
    assert sample.as_of == DEFAULT_TODAY != date.today()
    assert resolve_today(None, sample) == DEFAULT_TODAY
    assert sample.today() == DEFAULT_TODAY
    assert network_today(sample) == DEFAULT_TODAY
    moved = sample_network(date(2025, 5, 5))
    assert resolve_today(None, moved) == moved.today() == date(2025, 5, 5)


def test_without_either_it_is_the_real_date():
    own = Network()
    assert resolve_today() == date.today()
    assert resolve_today(None, own) == own.today() == network_today(own) == date.today()


def test_the_last_resort_can_be_replaced_and_is_only_asked_when_needed():
    asked = []

    def latest():
        asked.append(True)
        return date(2019, 1, 1)

    assert resolve_today(None, sample_network(), otherwise=latest) == DEFAULT_TODAY
    assert resolve_today(date(2021, 1, 1), Network(), otherwise=latest) == date(2021, 1, 1)
    assert not asked
    assert resolve_today(None, Network(), otherwise=latest) == date(2019, 1, 1)
    assert resolve_today(None, Network(), otherwise=lambda: None) is None


def test_a_widget_without_a_network_uses_the_explicit_date_else_the_real_one(store):
    from netlearn.widgets.checkin import CheckinDateWidget

    assert CheckinDateWidget(store).today == date.today()
    assert CheckinDateWidget(store, today=date(2024, 4, 4)).today == date(2024, 4, 4)
