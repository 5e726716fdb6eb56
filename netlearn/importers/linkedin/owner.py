"""Whose export it is: the person in the most messages, with hints from other files."""

from __future__ import annotations

from collections import Counter

from netlearn.importers.linkedin.part import Part
from netlearn.importers.linkedin.people import People, norm_name


class OwnerHints:
    """What other files say about the export's owner.

    Attributes
    ----------
    ids : set of str
        The owner's person ids (Invitations.csv names them as sender or recipient).
    names : set of str
        The owner's normalised names (Invitations.csv, Profile.csv).
    """

    def __init__(self):
        self.ids: set[str] = set()
        self.names: set[str] = set()

    def add(self, part: Part) -> None:
        """Take the hints a file gave."""
        self.ids |= part.owner_ids
        self.names |= part.owner_names


def find_owner(part: Part, people: People, hints: OwnerHints) -> set[str]:
    """Return the person ids that are the export's owner (their URL and/or name ids).

    The owner is in every message, as sender or recipient, so it is the person in the
    most messages; a person the hints name goes first, and of people in as many
    messages, one who is not a connection.

    Parameters
    ----------
    part : Part
        messages.csv, read.
    people : People
        Knows the connections.
    hints : OwnerHints

    Returns
    -------
    set of str
        Empty when there are no messages.
    """
    # Ids of one person (a URL as sender, a bare name as recipient) are merged by name.
    by_pid: Counter[str] = Counter()
    for message in part.messages:
        sender, recipients = part.pairs[message.pair]
        by_pid.update({sender, *recipients})
    if not by_pid:
        return set()

    def name_of(pid: str) -> str:
        return norm_name(part.names.get(pid, ""))

    if any(pid.startswith("name:") for pid in by_pid):
        counts: Counter[str] = Counter()
        pids: dict[str, list[str]] = {}
        for pid, times in by_pid.items():
            i = name_of(pid) or pid
            counts[i] += times
            pids.setdefault(i, []).append(pid)
    else:  # every id is a profile URL (current exports): nothing to merge
        counts, pids = by_pid, {pid: [pid] for pid in by_pid}

    # hinted: an id of the owner (Invitations.csv) or the owner's name (Profile.csv)
    hinted_ones = {i for i, ps in pids.items()
                   if not hints.ids.isdisjoint(ps) or name_of(ps[0]) in hints.names}

    def rank(i: str):
        name = name_of(pids[i][0])
        connected = any(people.is_connection(p, name) for p in pids[i])
        return (i in hinted_ones, counts[i], not connected, i)

    top = max(counts.values())
    candidates = [i for i, c in counts.items() if c == top or i in hinted_ones]
    owner = max(candidates, key=rank)
    ids = set(pids[owner]) | hints.ids | {"name:" + n for n in hints.names}
    name = name_of(pids[owner][0])
    if name:
        ids.add("name:" + name)
    return ids
