"""Read LinkedIn's messages.csv: who wrote to whom and when, and each message's id."""

from __future__ import annotations

from netlearn.importers.csv_files import Reader, cell, numbered
from netlearn.importers.dates import parse_when
from netlearn.importers.linkedin.files import MESSAGES
from netlearn.importers.linkedin.owner import OwnerHints, find_owner
from netlearn.importers.linkedin.part import Message, Part, UniqueRefs
from netlearn.importers.linkedin.people import (
    HIDDEN_MEMBER,
    People,
    norm_name,
    person,
    person_id,
)
from netlearn.network.records import Interaction

_SKIP_FOLDERS = frozenset({"DRAFT", "DRAFTS", "SPAM"})
_SPONSORED = '<p class="spinmail'


def read_messages(reader: Reader, cols: dict[str, int], label: str) -> Part:
    """Read messages.csv's rows after the header into ``part.messages`` and ``part.pairs``.

    A :class:`~netlearn.importers.linkedin.part.FileReader`; interactions are made from
    its part once the owner is known (:func:`message_interactions`). Drafts, spam and
    sponsored messages are left out, and so is what a hidden member sent. Each distinct
    FROM and TO, as written, is resolved to person ids once, as a numbered pair. A
    message's id is its conversation, time and sender, numbered when it repeats.
    """
    part = Part(MESSAGES, label)
    i_conv, i_from, i_to = cols["conversation id"], cols["from"], cols["to"]
    i_date, i_content = cols["date"], cols["content"]
    # older exports lack the URL columns: their cells read as empty
    i_from_url, i_to_urls = cols.get("sender profile url"), cols.get("recipient profile urls")
    i_folder, i_draft = cols.get("folder"), cols.get("is message draft")
    need = max(i_conv, i_from, i_to, i_date, i_content) + 1
    pair_numbers: dict[tuple[str, str], int] = {}  # (from, to) as written -> pair, or -1
    unique = UniqueRefs()
    for line, row in numbered(reader):
        if part.lacks_columns(line, row, need):
            continue
        part.rows += 1
        if (cell(row, i_folder).upper() in _SKIP_FOLDERS
                or cell(row, i_draft).lower() in ("yes", "true")
                or row[i_content].startswith(_SPONSORED)):
            continue
        raw_date = row[i_date]
        when = parse_when(raw_date)
        if when is None:
            part.skip(line, f"'DATE' is not a date: {raw_date[:30]!r}")
            continue
        sender, sender_url = row[i_from], _as_written(row, i_from_url)
        to, to_urls = row[i_to], _as_written(row, i_to_urls)
        key = (sender_url or sender, to_urls or to)
        pair = pair_numbers.get(key)
        if pair is None:
            pair = pair_numbers[key] = _new_pair(part, sender, sender_url, to, to_urls)
        if pair < 0:
            part.skip(line, "the sender is a hidden LinkedIn member")
            continue
        ref = unique(f"msg:{row[i_conv]}|{raw_date}|{part.pairs[pair][0]}")
        part.messages.append(Message(when, ref, pair))
    return part


def message_interactions(part: Part, people: People, hints: OwnerHints) -> list[Interaction]:
    """Return the messages as interactions, ``"out"`` when the export's owner sent them.

    Parameters
    ----------
    part : Part
        From :func:`read_messages`.
    people : People
        Gives every person but the owner a contact key (and a contact when new).
    hints : OwnerHints
        What Invitations.csv and Profile.csv say about the owner.

    Returns
    -------
    list of Interaction
        In file order; a note to self or to a hidden member is left out.
    """
    owner = find_owner(part, people, hints)
    names, urls = part.names, part.urls
    # profile URLs first, so a bare name (e.g. an old export's TO) joins its URL contact;
    # then every person but the owner has a key
    everyone = sorted({pid for sender, rec in part.pairs for pid in (sender, *rec)} - owner,
                      key=lambda pid: (pid.startswith("name:"), pid))
    keys = {pid: people.key(pid, names.get(pid, ""), urls.get(pid, "")) for pid in everyone}
    # direction and contact for each (sender, recipients) pair; "" = no one to count
    way: list[str] = []
    who: list[str] = []
    for sender, rec in part.pairs:
        if sender in owner:
            other = next((r for r in rec if r not in owner), None)
            way.append("out")
            who.append("" if other is None else keys[other])
        else:
            way.append("in")
            who.append(keys[sender])
    return [Interaction(when=m.when, channel="linkedin_message", direction=way[m.pair],
                        purpose="check_in", contact_key=who[m.pair], source="linkedin",
                        source_ref=m.source_ref)
            for m in part.messages if who[m.pair]]


def _as_written(row: list[str], i: int | None) -> str:
    """The cell as written (not stripped: it is part of a pair's key), ``""`` if missing."""
    return row[i] if i is not None and i < len(row) else ""


def _new_pair(part: Part, sender: str, sender_url: str, to: str, to_urls: str) -> int:
    """Register who sent a row to whom; return the pair's number, or -1 (hidden sender)."""
    sender_id = person(part, sender.strip(), sender_url.strip())
    if sender_id is None:
        return -1
    part.pairs.append((sender_id, _recipients(part, to, to_urls)))
    return len(part.pairs) - 1


def _recipients(part: Part, to: str, to_urls: str) -> tuple[str, ...]:
    """The person ids of TO (names joined by ", ") and its profile URLs."""
    names, urls = part.names, part.urls
    if to_urls and "," not in to_urls and " " not in to_urls.strip():  # one recipient
        pid = person_id(to, to_urls)
        if not pid:
            return ()
        name = to.strip()
        if name and pid not in names:
            names[pid] = name
        if pid not in urls:
            urls[pid] = to_urls.strip()
        return (pid,)
    url_list = [u for u in (x.strip() for x in to_urls.replace(" ", ",").split(",")) if u]
    name_list = _split_names(to)
    out = []
    if url_list:
        if len(url_list) == 1:
            paired = [(to.strip(), url_list[0])]
        elif len(url_list) == len(name_list):
            paired = list(zip(name_list, url_list, strict=True))
        else:
            paired = [("", u) for u in url_list]
        for name, url in paired:
            pid = person_id(name, url)
            if not pid:
                continue
            if name and pid not in names:
                names[pid] = name
            if pid not in urls:
                urls[pid] = url
            out.append(pid)
    else:
        for name in name_list:
            pid = "name:" + norm_name(name)
            if pid == "name:" + HIDDEN_MEMBER:
                continue
            if pid not in names:
                names[pid] = name
            out.append(pid)
    return tuple(out)


def _split_names(to: str) -> list[str]:
    """Split LinkedIn's ``", "``-joined TO names, keeping suffixes like ``Ph.D.`` attached."""
    out: list[str] = []
    for piece in to.split(", "):
        piece = piece.strip()
        if not piece:
            continue
        if out and " " not in piece:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out
