"""Notebook 05's reconnect list: cold and dormant ties worth a message, with a gentle first line."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.activity._ui import escape, note, resolve_store, table_html
from netlearn.activity.drafting import reconnect_opener
from netlearn.widgets._common import NetlearnBox

INTRO = (
    "People who reconnect with ties that have gone quiet — even for years — get fresh, useful "
    "advice (Levin, Walter & Murnighan, 2011). But worry about how the message will land "
    "leads people to pick the easier, less valuable ties (Walter, Levin & Murnighan, 2015). "
    "So choose by value, not comfort, and start with a line that asks for nothing."
)


def reconnect_rows(net, today, n: int = 10) -> list[tuple]:
    """Return (name, last contact, reason, suggested first line) for the top ``n`` candidates."""
    from netlearn.metrics import reconnect_candidates

    companies = {c.key: c.company for c in net.contacts}
    return [
        (c.name, c.last.isoformat(), c.reason,
         reconnect_opener(c.name, c.days_since, c.close, companies.get(c.contact_key, ""),
                          c.last))
        for c in reconnect_candidates(net, today, n=n)
    ]


class ReconnectList(NetlearnBox):
    """The reconnect candidates with their reasons and suggested first lines.

    Attributes
    ----------
    table : HTML
    rows : list of tuple
        What the table shows: (name, last contact, reason, suggested first line).
    """

    summary_text = "Reconnect list"

    def __init__(self, n: int = 10, store=None, today=None):
        from netlearn.activity.network import describe, my_network, network_today

        super().__init__("netlearn-reconnect")
        net = my_network(resolve_store(store))
        day = network_today(net, None if net.is_sample else today)
        self.rows = reconnect_rows(net, day, n)
        if self.rows:
            body = table_html(("Who", "Last contact", "Why", "A first line to try"),
                              self.rows, caption=f"Worth reconnecting with (as of {day})")
        else:
            body = note("No one to suggest: nobody you have been in touch with at least "
                        "twice has gone quiet for 90 days or more.")
        self.table = widgets.HTML(body)
        self.set_body([
            widgets.HTML(f"<p>{escape(INTRO)}</p><p class='netlearn-muted'>"
                         f"{escape(describe(net))}</p>"),
            self.table,
        ])


def reconnect_list(n: int = 10, store=None, today=None) -> ReconnectList:
    """Return notebook 05's list of ties worth reconnecting with.

    Parameters
    ----------
    n : int, default 10
        How many candidates to show at most.
    store : netlearn.store.Store, optional
        The learner's store (default: the shared one); see
        :func:`netlearn.activity.network.my_network` for sample versus own data.
    today : date, optional
        The day to measure from (the sample persona keeps its own "today").

    Returns
    -------
    ReconnectList
    """
    return ReconnectList(n=n, store=store, today=today)
