"""Import a LinkedIn "Download your data" export: connections, messages, invitations and more."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from netlearn.importers import dates
from netlearn.importers import linkedin_complete as extra
from netlearn.importers.csv_files import (
    HEADER_SCAN_ROWS,
    Reader,
    find_header,
    normalise_header,
    numbered,
    parse_csv,
)
from netlearn.importers.dates import parse_day, parse_when
from netlearn.importers.linkedin_people import (
    _HIDDEN_MEMBER,
    _person,
    _person_id,
    _url_cache,
    norm_name,
    norm_url,
)
from netlearn.importers.sources import Progress, ProgressFn, Source, file_source
from netlearn.network.records import (
    Batch,
    Contact,
    Event,
    Interaction,
    Skipped,
)
from netlearn.plumbing.errors import InputError

CONNECTIONS, MESSAGES, INVITATIONS, PROFILE = "connections", "messages", "invitations", "profile"
#: The export's file names (matched case-insensitively, anywhere in the zip or folder).
FILE_NAMES = {
    CONNECTIONS: "Connections.csv",
    INVITATIONS: "Invitations.csv",
    MESSAGES: "messages.csv",
    PROFILE: "Profile.csv",
    **extra.FILE_NAMES,
}
#: Files whose trouble (binary, wrong header, broken CSV) leaves them out of a zip or
#: folder import, named in the output, while the rest of the export is imported.
OPTIONAL = frozenset({PROFILE, *extra.FILE_NAMES})
_NONE_FOUND = ("contains none of the LinkedIn files netlearn reads (Connections.csv, "
               "messages.csv, Invitations.csv, endorsements, recommendations, Shares.csv, "
               "Comments.csv, Reactions.csv, Events.csv)")
_SKIP_FOLDERS = frozenset({"DRAFT", "DRAFTS", "SPAM"})
_MAX_FOLDER_ENTRIES = 50_000


#: Every LinkedIn file's header, as the column names it must have (lower-case, spaces and
#: underscores removed: exports and re-saves spell them differently), tried in order.
#: Given and received recommendations share a header (kind ``"recommendations"``); the
#: file's name tells them apart.
HEADERS = (
    (CONNECTIONS, {"firstname", "lastname", "company", "position", "connectedon"}),
    (MESSAGES, {"conversationid", "from", "to", "date", "content"}),
    (INVITATIONS, {"from", "to", "sentat", "direction"}),
    (PROFILE, {"firstname", "lastname", "headline"}),
    (extra.ENDORSEMENTS_GIVEN, {"endorsementdate", "endorseefirstname", "endorseelastname"}),
    (extra.ENDORSEMENTS_RECEIVED, {"endorsementdate", "endorserfirstname",
                                   "endorserlastname"}),
    (extra.RECOMMENDATIONS, {"firstname", "lastname", "creationdate"}),
    (extra.SHARES, {"date", "sharelink"}),
    (extra.EVENTS, {"eventname", "eventtime"}),
    (extra.REACTIONS, {"date", "link", "type"}),
    (extra.REACTIONS, {"date", "link", "reactiontype"}),
    (extra.COMMENTS, {"date", "link", "message"}),
)


def squeeze(name: str) -> str:
    """A header cell as :data:`HEADERS` spells it: lower-case, no spaces or underscores."""
    return name.lower().replace(" ", "").replace("_", "")


def detect_kind(cells: list[str]) -> str | None:
    """Tell which LinkedIn CSV a header row belongs to (the one header detector).

    Parameters
    ----------
    cells : list of str
        Header cells, stripped and lower-cased.

    Returns
    -------
    str or None
        ``"connections"``, ``"messages"``, ``"invitations"``, ``"profile"``, a kind of
        :data:`linkedin_complete.FILE_NAMES` (``"recommendations"`` for either
        Recommendations file), or None.
    """
    names = {squeeze(cell) for cell in cells}
    for kind, needed in HEADERS:
        if needed <= names:
            return kind
    return None


def lone_file(name: str, head: bytes = b"") -> str | None:
    """Tell which file of a LinkedIn export a lone CSV is, by its name, else its header.

    Parameters
    ----------
    name : str
        The file name as uploaded (``Shares.csv``, ``Events.csv`` …).
    head : bytes
        The first few kilobytes of the file (a header after a preamble is found too).

    Returns
    -------
    str or None
        The export's file name (``"Shares.csv"``; ``"Recommendations_*.csv"`` when the
        name does not say given or received), or None when it is not one.
    """
    import csv

    base = Path(str(name or "").replace("\\", "/")).name.lower()
    if base.endswith(".zip"):  # a whole export: its first member's header is not a lone file
        return None
    for file_name in FILE_NAMES.values():
        if base == file_name.lower():
            return file_name
    text = head[:8192].decode("utf-8", errors="ignore")
    lines = text.splitlines()
    if len(head) >= 8192 and lines:
        lines.pop()  # possibly cut in the middle
    try:
        for row in csv.reader(lines[:HEADER_SCAN_ROWS]):
            kind = detect_kind(normalise_header(row))
            if kind == extra.RECOMMENDATIONS:
                kind = extra.recommendations_kind(base)
                return FILE_NAMES[kind] if kind else "Recommendations_*.csv"
            if kind is not None:
                return FILE_NAMES[kind]
    except csv.Error:
        return None
    return None


def read_linkedin(path, progress: ProgressFn | None = None) -> Batch:
    """Import a LinkedIn data export: the zip, the unzipped folder, or one of its CSVs.

    A zip or folder is searched (any case, any sub-folder) for ``Connections.csv``,
    ``Invitations.csv`` and ``messages.csv`` (``Profile.csv`` helps to recognise the
    export's owner), and for the complete export's files read by
    :mod:`netlearn.importers.linkedin_complete` (endorsements, recommendations, Shares,
    Comments, Reactions, Events). Other files are ignored; an optional file that cannot
    be read is left out and named in ``batch.notes``. ``batch.files`` lists the files
    read with their rows. A single CSV is recognised by its header. Files are decoded as
    UTF-8 (with or without BOM), falling back to cp1252/latin-1 for files re-saved by
    Excel on Windows.

    Connections become contacts (``source_ref`` = profile URL, else
    ``"first last|company"``, lower-cased). Each invitation and each message becomes an
    interaction; drafts, spam and sponsored messages are left out silently; message
    text is never kept. Messages are ``"out"`` when sent by the export's owner — the
    person present in the most messages, hence conversations (by profile URL, else
    name; Invitations.csv and Profile.csv settle ties). People who
    are not connections get a contact of their own.

    Parameters
    ----------
    path : str or os.PathLike
        Zip file, folder, or CSV file.
    progress : callable, optional
        ``progress(bytes_done, bytes_total)``.

    Returns
    -------
    Batch
        Rows that could not be used are in ``skipped`` with their physical line.

    Raises
    ------
    InputError
        Not a LinkedIn export, or one of its files cannot be read; nothing is kept.
    """
    from netlearn.importers.safezip import is_zip, open_zip

    label = os.fspath(path)
    p = Path(label)
    batch = Batch(source="linkedin", path=label)
    if not p.exists():
        raise InputError("file or folder not found", path=label)
    if p.is_dir():
        sources = folder_sources(p)
        if not sources:
            raise InputError(_NONE_FOUND, path=label)
        _import(sources, batch, progress, single=False)
    elif is_zip(p):
        with open_zip(p) as archive:
            sources = {}
            for kind, name in FILE_NAMES.items():
                info = archive.find(name)
                if info is not None and info.file_size > 0:
                    sources[kind] = Source(archive.member_label(info), info.file_size,
                                           lambda info=info: archive.open(info))
            if set(sources) <= {PROFILE}:
                raise InputError(_NONE_FOUND, path=label)
            _import(sources, batch, progress, single=False)
    else:
        _import({None: file_source(p)}, batch, progress, single=True)
    return batch


def folder_sources(root: Path) -> dict[str, Source]:
    """Find an unzipped export's CSVs (any case, shallowest first); {} if there are none.

    Parameters
    ----------
    root : pathlib.Path
        The folder.

    Returns
    -------
    dict of str to Source
        By kind: ``"connections"``, ``"messages"``, ``"invitations"``, ``"profile"``.
    """
    wanted = {name.lower(): kind for kind, name in FILE_NAMES.items()}
    found: dict[str, tuple[int, str]] = {}
    seen = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__MACOSX")
        depth = len(Path(dirpath).relative_to(root).parts)
        for name in filenames:
            seen += 1
            if seen > _MAX_FOLDER_ENTRIES:
                raise InputError("has too many files to be a LinkedIn export", path=str(root))
            kind = wanted.get(name.lower())
            full = os.path.join(dirpath, name)
            if kind is None or os.path.islink(full):
                continue
            if kind not in found or (depth, full) < found[kind]:
                found[kind] = (depth, full)
    sources = {}
    for kind, (_, full) in found.items():
        src = file_source(full)
        if src.size > 0:
            sources[kind] = src
    if set(sources) <= {PROFILE}:
        return {}
    return sources


# --------------------------------------------------------------------------- import flow


class _Message(NamedTuple):
    """A message as read, before the owner is known: when, its id, and who wrote to
    whom (a number in ``_Part.pairs``)."""

    when: datetime
    source_ref: str
    pair: int


@dataclass
class _Part:
    """What one CSV produced (discarded whole if the file must be re-read)."""

    kind: str
    rows: int = 0
    contacts: list[Contact] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # invitations: interactions' contact_key holds a person id until resolved.
    # messages: interactions are made once the owner is known; pairs[n] is
    # (sender id, recipient ids) of the messages whose pair is n.
    messages: list[_Message] = field(default_factory=list)
    pairs: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # person id -> display name
    urls: dict[str, str] = field(default_factory=dict)  # person id -> URL as written
    owner_ids: set[str] = field(default_factory=set)  # hints (invitations, profile)
    owner_names: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)  # Events.csv


def _import(sources: dict, batch: Batch, callback: ProgressFn | None, single: bool) -> None:
    try:
        _import_all(sources, batch, callback, single)
    finally:  # the caches only serve one import; do not keep them in a long-lived kernel
        _url_cache.clear()
        dates.clear_caches()


def _import_all(sources: dict, batch: Batch, callback: ProgressFn | None, single: bool) -> None:
    progress = Progress(callback, sum(s.size for s in sources.values()))
    parts = _read_parts(sources, batch, progress, single)
    progress.finish()
    _resolve_parts(parts, batch)


def _read_parts(sources: dict, batch: Batch, progress: Progress,
                single: bool) -> dict[str, _Part]:
    parts: dict[str, _Part] = {}
    for kind in (CONNECTIONS, INVITATIONS, MESSAGES, PROFILE, *extra.FILE_NAMES, None):
        source = sources.get(kind)
        if source is None:
            continue
        done = progress.done
        try:
            part = parse_csv(source, lambda reader, s=source, k=kind: _parse(
                reader, s.label, k), progress)
        except InputError as exc:
            if kind in OPTIONAL:  # the rest of the export still imports
                progress.rewind(done + source.size)
                if kind != PROFILE:  # Profile.csv is only a hint for finding the owner
                    batch.notes.append(f"not read: {exc}")
                continue
            raise
        if single:
            if part.kind == PROFILE:
                raise InputError("is LinkedIn's Profile.csv; import Connections.csv, "
                                 "messages.csv, Invitations.csv or the whole zip",
                                 path=source.label)
            if part.rows == 0:
                raise InputError("has a header but no rows", path=source.label)
            if not (part.contacts or part.interactions or part.messages or part.skipped
                    or part.events):
                raise InputError("has nothing to import (drafts, spam and sponsored "
                                 "messages are left out)", path=source.label)
        parts[part.kind] = part
        if part.kind != PROFILE:
            batch.files.append((source.label, part.rows))
    return parts


def _resolve_parts(parts: dict[str, _Part], batch: Batch) -> None:
    people = _People(batch)
    if CONNECTIONS in parts:
        people.add_connections(parts[CONNECTIONS].contacts)
        batch.skipped.extend(parts[CONNECTIONS].skipped)
    owner = _Owner()
    interactions: list[Interaction] = []
    if PROFILE in parts:
        owner.names |= parts[PROFILE].owner_names
    if INVITATIONS in parts:
        inv = parts[INVITATIONS]
        owner.ids |= inv.owner_ids
        owner.names |= inv.owner_names
        _resolve_people(inv, people)
        interactions.extend(inv.interactions)
        batch.skipped.extend(inv.skipped)
    if MESSAGES in parts:
        msg = parts[MESSAGES]
        interactions.extend(_resolve_messages(msg, people, owner))
        batch.skipped.extend(msg.skipped)
    for kind in extra.FILE_NAMES:
        part = parts.get(kind)
        if part is None:
            continue
        if kind in extra.PERSON_KINDS:
            _resolve_people(part, people)
        interactions.extend(part.interactions)
        batch.events.extend(part.events)
        batch.skipped.extend(part.skipped)
    batch.interactions = interactions
    batch.skipped.sort(key=lambda s: (s.path, s.line))


def _resolve_people(part: _Part, people: _People) -> None:
    """Turn the person ids in ``part``'s interactions into contact keys."""
    for it in part.interactions:
        pid = it.contact_key
        it.contact_key = people.key(pid, part.names.get(pid, ""), part.urls.get(pid, ""))


def _parse(reader: Reader, label: str, expected: str | None) -> _Part:
    if expected is None:
        what = "a LinkedIn export file netlearn reads (e.g. Connections.csv or messages.csv)"
    else:
        what = f"a LinkedIn {FILE_NAMES[expected]}"
    kind, cols, _ = find_header(reader, detect_kind, label, what)
    if kind == extra.RECOMMENDATIONS:
        named = extra.recommendations_kind(label)
        if expected in (extra.RECOMMENDATIONS_GIVEN, extra.RECOMMENDATIONS_RECEIVED):
            kind = expected
        elif named is not None:
            kind = named
        else:
            raise InputError("is a LinkedIn Recommendations file, but its name does not say "
                             "whether they were given or received; name it "
                             "Recommendations_Given.csv or Recommendations_Received.csv",
                             path=label)
    if expected is not None and kind != expected:
        raise InputError(f"is not {what} (its header is that of {FILE_NAMES[kind]})", path=label)
    if kind in extra.FILE_NAMES:
        return extra.parse(kind, reader, cols, label, _Part(kind))
    return _PARSERS[kind](reader, cols, label)


# --------------------------------------------------------------------------- values


def _safe_url(url: str) -> str:
    """Keep a URL for display only if it is a web address."""
    u = url.strip()
    return u if norm_url(u) and u.lower().startswith(("https://", "http://", "www.")) else ""


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def _blank(row: list[str]) -> bool:
    return not any(c.strip() for c in row)


# --------------------------------------------------------------------------- connections


def _connections(reader: Reader, cols: dict[str, int], label: str) -> _Part:
    part = _Part(CONNECTIONS)
    i_first, i_last = cols["first name"], cols["last name"]
    i_company, i_position, i_on = cols["company"], cols["position"], cols["connected on"]
    i_url, i_email = cols.get("url"), cols.get("email address")
    need = max(i_first, i_last, i_company, i_position, i_on) + 1
    for line, row in numbered(reader):
        if len(row) < need:
            if not _blank(row):
                part.skipped.append(Skipped(label, line,
                                            f"has {len(row)} columns, expected {need}"))
            continue
        part.rows += 1
        name = f"{row[i_first].strip()} {row[i_last].strip()}".strip()
        if not name:
            if not _blank(row):
                part.skipped.append(Skipped(label, line, "no name (a hidden or closed profile)"))
            continue
        raw_on = row[i_on]
        on = parse_day(raw_on) if raw_on else None
        if on is None and raw_on.strip():
            part.skipped.append(Skipped(label, line,
                                        f"'Connected On' is not a date: {raw_on[:30]!r}"))
            continue
        company = row[i_company].strip()
        url = _cell(row, i_url)
        ref = norm_url(url) if url else ""
        if not ref or not url.lower().startswith(("https://", "http://", "www.")):
            url = ""  # e.g. javascript:… is never kept
            ref = f"{norm_name(name)}|{norm_name(company)}"
        part.contacts.append(Contact(
            name, "linkedin", ref, _cell(row, i_email), company, row[i_position].strip(), url, on,
        ))
    return part


# --------------------------------------------------------------------------- invitations


def _invitations(reader: Reader, cols: dict[str, int], label: str) -> _Part:
    part = _Part(INVITATIONS)
    i_from, i_to, i_at, i_dir = cols["from"], cols["to"], cols["sent at"], cols["direction"]
    i_msg = cols.get("message")
    i_from_url = cols.get("inviterprofileurl")
    i_to_url = cols.get("inviteeprofileurl")
    need = max(i_from, i_to, i_at, i_dir) + 1
    refs_seen: dict[str, int] = {}
    for line, row in numbered(reader):
        if len(row) < need:
            if not _blank(row):
                part.skipped.append(Skipped(label, line,
                                            f"has {len(row)} columns, expected {need}"))
            continue
        part.rows += 1
        direction = row[i_dir].strip().upper()
        if direction == "OUTGOING":
            other = (row[i_to].strip(), _cell(row, i_to_url))
            me = (row[i_from].strip(), _cell(row, i_from_url))
            way = "out"
        elif direction == "INCOMING":
            other = (row[i_from].strip(), _cell(row, i_from_url))
            me = (row[i_to].strip(), _cell(row, i_to_url))
            way = "in"
        else:
            part.skipped.append(Skipped(label, line, "'Direction' is not INCOMING or OUTGOING"))
            continue
        when = parse_when(row[i_at])
        if when is None:
            part.skipped.append(Skipped(label, line,
                                        f"'Sent At' is not a date: {row[i_at][:30]!r}"))
            continue
        pid = _person(part, *other)
        if pid is None:
            part.skipped.append(Skipped(label, line, "no name or profile URL for the other person"))
            continue
        my_id = _person_id(*me)
        if my_id:
            part.owner_ids.add(my_id)
        if me[0]:
            part.owner_names.add(norm_name(me[0]))
        ref = f"inv:{way}|{pid}|{row[i_at].strip()}"
        seen = refs_seen.get(ref, 0)
        refs_seen[ref] = seen + 1
        part.interactions.append(Interaction(
            when=when, channel="linkedin_invitation", direction=way, purpose="introduction",
            contact_key=pid, personal_note=bool(_cell(row, i_msg)), source="linkedin",
            source_ref=f"{ref}#{seen + 1}" if seen else ref,
        ))
    return part


# --------------------------------------------------------------------------- messages


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


_SPONSORED = '<p class="spinmail'


def _messages(reader: Reader, cols: dict[str, int], label: str) -> _Part:
    """Read messages.csv's rows after the header into ``part.messages`` and ``part.pairs``.

    Drafts, spam and sponsored messages are left out. Each distinct (FROM, TO) as
    written is resolved to person ids once, as a numbered pair. A message's id is its
    conversation, time and sender; the 2nd, 3rd … message with the same id gets ``#2``,
    ``#3`` … in file order, so the same file gives the same ids.
    """
    part = _Part(MESSAGES)
    i_conv, i_from, i_to = cols["conversation id"], cols["from"], cols["to"]
    i_date, i_content = cols["date"], cols["content"]
    # older exports lack the URL columns: their cells read as empty
    i_from_url, i_to_urls = cols.get("sender profile url"), cols.get("recipient profile urls")
    i_folder, i_draft = cols.get("folder"), cols.get("is message draft")
    need = max(i_conv, i_from, i_to, i_date, i_content) + 1
    pair_numbers: dict[tuple[str, str], int] = {}  # (from, to) as written -> pair, or -1
    uses: dict[str, int] = {}  # how often each id was made
    for line, row in numbered(reader):
        if len(row) < need:
            if not _blank(row):
                part.skipped.append(Skipped(label, line,
                                            f"has {len(row)} columns, expected {need}"))
            continue
        part.rows += 1
        if (_cell(row, i_folder).upper() in _SKIP_FOLDERS
                or _cell(row, i_draft).lower() in ("yes", "true")
                or row[i_content].startswith(_SPONSORED)):
            continue
        raw_date = row[i_date]
        when = parse_when(raw_date)
        if when is None:
            part.skipped.append(Skipped(label, line, f"'DATE' is not a date: {raw_date[:30]!r}"))
            continue
        sender_name, sender_url = row[i_from], _raw_cell(row, i_from_url)
        to, to_urls = row[i_to], _raw_cell(row, i_to_urls)
        key = (sender_url or sender_name, to_urls or to)
        pair = pair_numbers.get(key)
        if pair is None:
            pair = pair_numbers[key] = _new_pair(part, sender_name, sender_url, to, to_urls)
        if pair < 0:
            part.skipped.append(Skipped(label, line, "the sender is a hidden LinkedIn member"))
            continue
        ref = f"msg:{row[i_conv]}|{raw_date}|{part.pairs[pair][0]}"
        n = uses[ref] = uses.get(ref, 0) + 1
        part.messages.append(_Message(when, ref if n == 1 else f"{ref}#{n}", pair))
    return part


def _raw_cell(row: list[str], i: int | None) -> str:
    """The cell as written (not stripped), ``""`` when the column is missing."""
    return row[i] if i is not None and i < len(row) else ""


def _new_pair(part: _Part, name: str, url: str, to: str, to_urls: str) -> int:
    """Register who sent a row to whom; return the pair's number, or -1 (hidden sender)."""
    sender = _sender(name, url, part.names, part.urls)
    if not sender:
        return -1
    part.pairs.append((sender, _recipients(to, to_urls, part.names, part.urls)))
    return len(part.pairs) - 1


def _sender(name: str, url: str, names: dict, urls: dict) -> str:
    """Return the sender's person id, or ``""`` for a hidden member."""
    pid = _person_id(name, url)
    if not pid or pid == "name:" + _HIDDEN_MEMBER:
        return ""
    if name.strip() and pid not in names:
        names[pid] = name.strip()
    if url.strip() and pid not in urls:
        urls[pid] = url.strip()
    return pid


def _recipients(to: str, to_urls: str, names: dict, urls: dict) -> tuple:
    if to_urls and "," not in to_urls and " " not in to_urls.strip():  # the usual case
        pid = _person_id(to, to_urls)
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
            pid = _person_id(name, url)
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
            if pid == "name:" + _HIDDEN_MEMBER:
                continue
            if pid not in names:
                names[pid] = name
            out.append(pid)
    return tuple(out)


class _Owner:
    """Hints about who exported the data (from Invitations.csv and Profile.csv)."""

    def __init__(self):
        self.ids: set[str] = set()
        self.names: set[str] = set()


def _find_owner(part: _Part, people: _People, hints: _Owner) -> set[str]:
    """Return the person ids that are the export's owner (their URL and/or name ids)."""
    # The owner is in every message (as sender or recipient), so counting messages finds
    # them exactly where counting conversations would. Ids of one person (a URL as
    # sender, a bare name as recipient) are merged by name.
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


def _resolve_messages(part: _Part, people: _People, hints: _Owner) -> list[Interaction]:
    owner = _find_owner(part, people, hints)
    names, urls = part.names, part.urls
    # profile URLs first, so a bare name (e.g. an old export's TO) joins its URL contact;
    # then every person but the owner has a key
    everyone = sorted({pid for sender, rec in part.pairs for pid in (sender, *rec)} - owner,
                      key=lambda pid: (pid.startswith("name:"), pid))
    keys = {pid: people.key(pid, names.get(pid, ""), urls.get(pid, "")) for pid in everyone}
    # direction and contact for each (sender, recipients) pair; "" = no one to count
    # (a note to self or to a hidden member)
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


# --------------------------------------------------------------------------- profile


def _profile(reader: Reader, cols: dict[str, int], label: str) -> _Part:
    part = _Part(PROFILE)
    for _, row in numbered(reader):
        name = f"{_cell(row, cols['first name'])} {_cell(row, cols['last name'])}".strip()
        if name:
            part.rows += 1
            part.owner_names.add(norm_name(name))
    return part


_PARSERS = {
    CONNECTIONS: _connections,
    INVITATIONS: _invitations,
    MESSAGES: _messages,
    PROFILE: _profile,
}


# --------------------------------------------------------------------------- people


class _People:
    """Maps person ids from messages/invitations to contact keys, creating contacts.

    A profile-URL id matches a connection by URL; by name only a connection listed
    without a URL (older exports), or any connection when the URL is LinkedIn's opaque
    member id (``/in/ACoAA…``) rather than a public profile address. A name-only id
    matches a connection, else a person already met in this import, by name.
    """

    def __init__(self, batch: Batch):
        self.batch = batch
        self.by_url: dict[str, str] = {}
        self.conn_by_name: dict[str, str] = {}
        self.conn_by_name_no_url: dict[str, str] = {}
        self.new_by_name: dict[str, str] = {}
        self.conn_urls: set[str] = set()
        self.keys: dict[str, str] = {}
        self.seen: set[str] = set()

    def add_connections(self, contacts: list[Contact]) -> None:
        for c in contacts:
            k = c.key
            if k in self.seen:
                continue  # the same person twice in Connections.csv
            self.seen.add(k)
            self.batch.contacts.append(c)
            if c.url:  # then source_ref is the canonical URL
                self.by_url.setdefault(c.source_ref, k)
                self.conn_urls.add(c.source_ref)
            self.conn_by_name.setdefault(norm_name(c.name), k)
            if not c.url:
                self.conn_by_name_no_url.setdefault(norm_name(c.name), k)

    def is_connection(self, pid: str, name: str) -> bool:
        return pid in self.conn_urls or (bool(name) and name in self.conn_by_name)

    def key(self, pid: str, name: str, url: str) -> str:
        k = self.keys.get(pid)
        if k is not None:
            return k
        by_name = pid.startswith("name:")
        n = norm_name(name) if name else (pid[5:] if by_name else "")
        if by_name:
            k = (self.conn_by_name.get(n) or self.new_by_name.get(n)) if n else None
        else:
            k = self.by_url.get(pid)
            if k is None and n:
                if "/in/acoa" in pid:  # an opaque member id, not a public address
                    k = self.conn_by_name.get(n)
                else:
                    k = self.conn_by_name_no_url.get(n)
        if k is None:
            if by_name:
                contact = Contact(name=name.strip() or n, source="linkedin", source_ref=f"{n}|")
            else:
                contact = Contact(name=name.strip() or _slug_name(pid), source="linkedin",
                                  source_ref=pid, url=_safe_url(url))
            k = contact.key
            if k not in self.seen:
                self.seen.add(k)
                self.batch.contacts.append(contact)
            if not by_name:
                self.by_url.setdefault(pid, k)
            if n:
                self.new_by_name.setdefault(n, k)
        self.keys[pid] = k
        return k


def _slug_name(url: str) -> str:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    return slug or url
