"""my_network: the learner's own records when they have some, else the labelled sample persona."""

from datetime import date, datetime

import pytest

from netlearn.keep.learner_network import (
    data_choice,
    describe,
    my_network,
    network_today,
    use_sample,
)
from netlearn.network.records import Batch, Contact, Interaction
from netlearn.network.sample import DEFAULT_TODAY


def _log_one(store):
    contact = Contact(name="Ana Lima", source="manual", source_ref="c1")
    item = Interaction(when=datetime(2026, 3, 1, 12), channel="email", contact_key=contact.key,
                       source="manual", source_ref="i1")
    store.save_batch(Batch(source="manual", path="notebook", contacts=[contact],
                           interactions=[item]))


def test_without_data_the_sample_is_shown_and_labelled(store):
    net = my_network(store)
    assert net.is_sample
    assert "sample" in net.label
    assert net.contacts and all(c.source == "sample" for c in net.contacts)
    assert not store.has_activity()  # nothing of the sample reached the store


def test_own_data_wins_once_there_is_some(store):
    _log_one(store)
    net = my_network(store)
    assert not net.is_sample
    assert net.label == "your data"
    assert [c.name for c in net.contacts] == ["Ana Lima"]
    assert all(c.source != "sample" for c in net.contacts)
    assert all(i.source != "sample" for i in net.interactions)


def test_choice_sample_overrides_own_data_and_is_remembered(store):
    _log_one(store)
    use_sample(True, store=store)
    assert data_choice(store) == "sample"
    assert store.setting("data_choice") == "sample"
    assert my_network(store).is_sample
    assert store.counts()["contacts"] == 1  # sample not mixed in
    use_sample(False, store=store)
    assert data_choice(store) == "own"
    assert not my_network(store).is_sample


def test_choice_own_without_data_still_shows_the_sample(store):
    use_sample(False, store=store)
    assert my_network(store).is_sample


@pytest.mark.parametrize(("choice", "prefer", "sample"), [
    ("sample", "own", False),
    ("own", "sample", True),
    (None, "sample", True),
    (None, "own", False),
])
def test_prefer_overrides_the_stored_choice(store, choice, prefer, sample):
    _log_one(store)
    if choice is not None:
        use_sample(choice == "sample", store=store)
    assert my_network(store, prefer=prefer).is_sample is sample


def test_unknown_prefer_is_refused(store):
    with pytest.raises(ValueError, match="prefer"):
        my_network(store, prefer="theirs")


def test_default_store_comes_from_netlearn_home(home):
    assert my_network().is_sample
    use_sample(True)
    assert data_choice() == "sample"


def test_sample_is_fresh_on_every_call(store):
    first = my_network(store)
    first.contacts.clear()
    assert my_network(store).contacts


def test_network_today(store):
    assert network_today(my_network(store)) == DEFAULT_TODAY
    assert network_today(my_network(store), date(2020, 1, 1)) == date(2020, 1, 1)
    _log_one(store)
    assert network_today(my_network(store)) == date.today()


def test_describe_says_whose_data(store):
    assert "sample persona" in describe(my_network(store))
    _log_one(store)
    assert "1 contacts" in describe(my_network(store))
