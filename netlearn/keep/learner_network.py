"""Choose the network the charts show: the learner's own records or the labelled sample persona."""

from __future__ import annotations

from datetime import date

from netlearn.network.records import Network
from netlearn.plumbing.clock import resolve_today

CHOICE_KEY = "data_choice"
CHOICES = ("sample", "own")
#: The store setting that holds notebook 02's give/ask tags, by conversation id.
TRIAGE_KEY = "triage_tags"
#: The store setting that lists imported events whose checklist was answered (notebook 01).
REVIEWED_KEY = "reviewed_events"
#: Sources whose events arrive without a preparation checklist.
IMPORTED_EVENT_SOURCES = frozenset({"linkedin", "ics"})


def my_network(store=None, prefer: str | None = None) -> Network:
    """Return the network for charts and metrics.

    The learner's own records when they have logged or imported anything,
    unless their data choice (see :func:`use_sample`) or ``prefer`` says
    ``"sample"``; otherwise the synthetic sample persona, whose ``label``
    names it and whose ``is_sample`` is true. Sample records are built fresh
    on every call and never written to the store or added to the learner's
    network.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        The learner's store; defaults to :func:`netlearn.store.get_store`.
    prefer : {"sample", "own"}, optional
        Overrides the stored choice for this call.

    Returns
    -------
    Network
        ``store.load_network()`` (with the give/ask tags of notebook 02's triage
        counted, see :func:`netlearn.network.metrics.apply_triage`) or
        :func:`netlearn.network.sample.sample_network`.

    Raises
    ------
    ValueError
        When ``prefer`` is not one of ``"sample"``, ``"own"`` or None.
    """
    if prefer is not None and prefer not in CHOICES:
        raise ValueError(f"prefer must be 'sample', 'own' or None, not {prefer!r}")
    if store is None:
        from netlearn.store import get_store

        store = get_store()
    if not shows_sample(store, prefer):
        from netlearn.network.metrics import apply_triage

        net = store.load_network()
        mark_unreviewed(net.events, store.setting(REVIEWED_KEY, []))
        tags = store.setting(TRIAGE_KEY, {})
        return apply_triage(net, tags) if isinstance(tags, dict) and tags else net
    from netlearn.network.sample import sample_network

    return sample_network()


def shows_sample(store, prefer: str | None = None) -> bool:
    """Return True when :func:`my_network` gives the sample persona: the learner chose it (or
    ``prefer`` does), or has logged and imported nothing yet."""
    return (prefer or data_choice(store)) == "sample" or not store.has_activity()


def mark_unreviewed(events, reviewed_ids) -> None:
    """Set ``reviewed = False`` on imported events nobody answered the checklist of yet.

    An event from LinkedIn or a calendar with no checklist item ticked and whose id is
    not in ``reviewed_ids`` is waiting for its retro (see notebook 01).
    """
    done = set(reviewed_ids) if isinstance(reviewed_ids, list) else set()
    for event in events:
        if (event.source in IMPORTED_EVENT_SOURCES and event.id not in done
                and not event.prepared_items):
            event.reviewed = False


def data_choice(store=None) -> str | None:
    """Return the learner's stored choice, ``"sample"``, ``"own"`` or None when never chosen."""
    if store is None:
        from netlearn.store import get_store

        store = get_store()
    choice = store.setting(CHOICE_KEY)
    return choice if choice in CHOICES else None


def use_sample(on: bool, store=None) -> None:
    """Set whether charts show the sample persona (True) or the learner's own data (False).

    Parameters
    ----------
    on : bool
        True for the sample persona, False for the learner's own data (the
        sample is still shown while they have none).
    store : netlearn.store.Store, optional
        The learner's store; defaults to :func:`netlearn.store.get_store`.
    """
    if store is None:
        from netlearn.store import get_store

        store = get_store()
    store.set_setting(CHOICE_KEY, "sample" if on else "own")


def network_today(net: Network, today: date | None = None) -> date:
    """Return the day metrics measure ``net`` from (:func:`netlearn.plumbing.clock.resolve_today`).

    ``today`` when given; else the network's own day (the sample persona's fixed
    "today", :data:`netlearn.network.sample.DEFAULT_TODAY`, so its charts are reproducible);
    else the current date.
    """
    return resolve_today(today, net)


def describe(net: Network) -> str:
    """Return one line saying whose data ``net`` is, e.g. for a chart caption."""
    if net.is_sample:
        return (f"Showing the {net.label} — invented data, not yours. Log or import your own "
                "to see your network.")
    return (f"Showing {net.label}: {len(net.contacts)} contacts, "
            f"{len(net.interactions)} interactions, {len(net.events)} events.")
