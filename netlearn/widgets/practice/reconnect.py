"""Notebook 05's reconnect list: cold and dormant ties worth a message, with a gentle first line."""

from __future__ import annotations

from netlearn.teaching.drafting import reconnect_opener
from netlearn.widgets._common import NetlearnBox
from netlearn.widgets._ui import escape, note, resolve_store, table_html
from netlearn.widgets.shared_models import html

INTRO = (
    "Executives who reconnected with contacts they had not spoken to for three years or more got "
    "more novel advice from them than from their current ties (Levin, Walter & Murnighan, 2011). "
    "People tend to pick the dormant ties they were closest to, but the ones they had spent less "
    "time with were worth more (Walter, Levin & Murnighan, 2015). So this list puts long-quiet "
    "ties first, then people you were in touch with only a few times; each line says why."
)


def reconnect_rows(net, today, n: int = 10) -> list[tuple]:
    """Return (name, last contact, reason, suggested first line) for the top ``n`` candidates.

    Each first line is built from what is known about the person (company, role, when
    and how you were last in touch, notebook 02's give/ask tag); no two are the same.
    """
    from netlearn.network.metrics import naive_datetime, reconnect_candidates
    from netlearn.teaching.drafting import personal_opener

    candidates = reconnect_candidates(net, today, n=n)
    wanted = {c.contact_key for c in candidates}
    contacts = {c.key: c for c in net.contacts}
    last_channel: dict[str, tuple] = {}
    tags: dict[str, set] = {}
    for item in net.interactions:
        key = item.contact_key
        if key not in wanted:
            continue
        if item.source == "triage":
            tags.setdefault(key, set()).add(item.purpose)
            continue
        when = naive_datetime(item.when)
        if key not in last_channel or when > last_channel[key][0]:
            last_channel[key] = (when, item.channel)
    rows, used = [], set()
    for index, c in enumerate(candidates):
        person = contacts.get(c.contact_key)
        found = tags.get(c.contact_key, set())
        tag = "both" if found >= {"give", "ask"} else next(iter(found), "")
        for variant in range(8):
            line = personal_opener(
                c.name, c.days_since, c.last, company=getattr(person, "company", ""),
                position=getattr(person, "position", ""),
                channel=last_channel.get(c.contact_key, (None, ""))[1], tag=tag,
                variant=index + variant)
            if line not in used:
                break
        else:
            line = reconnect_opener(c.name, c.days_since, c.close,
                                    getattr(person, "company", ""), c.last)
        used.add(line)
        rows.append((c.name, c.last.isoformat(), c.reason, line))
    return rows


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
        from netlearn.keep.learner_network import describe, my_network, network_today

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
        self.table = html(body)
        self.set_body([
            html(f"<p>{escape(INTRO)}</p><p class='netlearn-muted'>"
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
        :func:`netlearn.keep.learner_network.my_network` for sample versus own data.
    today : date, optional
        The day to measure from (the sample persona keeps its own "today").

    Returns
    -------
    ReconnectList
    """
    return ReconnectList(n=n, store=store, today=today)
