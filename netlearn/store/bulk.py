"""The bulk-insert path of imports: one batch of records stored inside a write transaction."""

from __future__ import annotations

import re
from itertools import compress, islice, repeat
from operator import attrgetter, methodcaller
from pathlib import Path

from netlearn.network.records import (
    EVENT_CHECKLIST,
    ONLINE_CHANNELS,
    SHARED_FIELDS,
    InteractionColumns,
    Same,
)
from netlearn.store.common import ImportResult, iso, new_ref, utc_now

_EVENT_COLUMNS = ("title", "day", "location", "attended", *EVENT_CHECKLIST, "source",
                  "source_ref", "created_at")
_INSERT_EVENT = (f"INSERT OR IGNORE INTO events ({', '.join(_EVENT_COLUMNS)})"
                 f" VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})")


def save_batch(conn, batch, kind=None, digest=None) -> ImportResult:
    """Store an import batch inside the caller's write transaction; re-importing adds nothing.

    Records are matched on ``(source, source_ref)``; a contact not seen
    under its own source is matched to an existing contact by e-mail.

    Parameters
    ----------
    conn : sqlite3.Connection
        In a ``BEGIN IMMEDIATE`` transaction (``Store.transaction``).
    batch : netlearn.network.records.Batch
        What an importer (or a logging widget) produced.
    kind : str, optional
        The import kind recorded in the import log; defaults to ``batch.source``.
    digest : str, optional
        :func:`netlearn.importers.content_digest` of the file, recorded in
        the import log so that the same content is recognised next time.

    Returns
    -------
    ImportResult
    """
    now = utc_now()
    added = present = 0
    contact_ids = save_contacts(conn, batch.contacts, now)
    new = len(contact_ids.pop("__added__"))
    added += new
    present += len(contact_ids) - new  # every contact of the batch has an id, once
    items = InteractionColumns.of(batch.interactions)
    new_items = new_interactions(conn, items)
    present += len(items) - len(new_items)  # stored before, or twice in the batch
    added += insert_interactions(conn, new_items, contact_ids, now)
    for event in batch.events:
        cursor = conn.execute(
            _INSERT_EVENT,
            (event.title, iso(event.day), event.location, int(event.attended),
             *(int(bool(getattr(event, name))) for name in EVENT_CHECKLIST), event.source,
             event.source_ref or new_ref(), now),
        )
        if cursor.rowcount:
            added += 1
            event_id = cursor.lastrowid
            conn.executemany(
                "INSERT OR IGNORE INTO event_attendees (event_id, contact_id)"
                " VALUES (?, ?)",
                [(event_id, contact_ids[k]) for k in event.attendee_keys
                 if k in contact_ids],
            )
        else:
            present += 1
    rows = [
        (contact_ids.get(c.contact_key, c.contact_id), c.text, c.kind, iso(c.due),
         int(c.done), c.source, c.source_ref or new_ref(), now)
        for c in batch.commitments
    ]
    n = insert_many(
        conn, "INSERT OR IGNORE INTO commitments (contact_id, text, kind, due, done, source,"
        " source_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    added += n
    present += len(rows) - n
    result = ImportResult(added, present, len(batch.skipped))
    log_import(conn, kind or batch.source, batch.path, now, result, digest)
    return result


def references_resolved(batch) -> bool:
    """True when every row of ``batch`` points at contacts through ``contact_key`` alone.

    Then :func:`save_batch` writes only contact ids it read from the contacts table
    or inserted there itself, in the same write transaction (so none can be deleted
    meanwhile), and event ids it inserted: every reference holds without SQLite
    checking it row by row. A row with its own ``contact_id`` (e.g. one logged on a
    screen) is not such a batch.
    """
    items = batch.interactions
    if isinstance(items, InteractionColumns):
        column = items.columns["contact_id"]
        free = column.count(None) == len(column)
    else:
        free = all(item.contact_id is None for item in items)
    return free and all(c.contact_id is None for c in batch.commitments)


def log_import(conn, kind, path, now, result, digest) -> None:
    conn.execute(
        "INSERT INTO imports (kind, file_name, imported_at, added, present, skipped,"
        " digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, Path(str(path)).name, now, result.added, result.present, result.skipped,
         digest),
    )


def new_interactions(conn, items: InteractionColumns) -> InteractionColumns:
    """Return the interactions whose ``(source, source_ref)`` is not stored yet.

    A record without a ref gets a new one; a ref that occurs twice in the batch
    is kept once. This is what makes imports idempotent: it runs inside the
    write transaction, so no other writer can add the same rows meanwhile.
    """
    if not len(items):
        return items
    refs = items.columns["source_ref"]
    if not any(refs):  # e.g. one logged by hand: new refs cannot be stored yet
        return InteractionColumns({**items.columns,
                                   "source_ref": [new_ref() for _ in refs]}, items.runs)
    if not all(refs):
        refs = [ref or new_ref() for ref in refs]
        items = InteractionColumns({**items.columns, "source_ref": refs}, items.runs)
    sources = items.columns["source"]
    distinct = sorted(set(sources))
    if len(distinct) == 1:  # the usual case: compare refs alone, at C speed
        fresh = set(refs)
        unique = len(fresh) == len(refs)  # no ref twice in the batch
        for chunk in _stored_ref_chunks(conn, distinct[0]):
            fresh.difference_update(chunk)
        if unique:
            if len(fresh) == len(refs):
                return items
            return items.keep(map(fresh.__contains__, refs)) if fresh else items[:0]
        keep = []
        for ref in refs:  # the first of a repeated ref is kept
            keep.append(ref in fresh)
            fresh.discard(ref)
        return items.keep(keep)
    marks = ",".join("?" * len(distinct))
    stored = set(conn.execute(
        f"SELECT source, source_ref FROM interactions WHERE source IN ({marks})", distinct))
    keep = []
    for key in zip(sources, refs, strict=True):
        keep.append(key not in stored)
        stored.add(key)
    return items.keep(keep)


def insert_interactions(conn, items: InteractionColumns, contact_ids: dict,
                         now: str) -> int:
    """Insert interactions; return how many.

    Rows are inserted in groups that share channel, purpose, note, personal note
    and source, with those values written into the statement (when they are plain
    words) rather than bound for every row: binding 4 values a row instead of 11
    halves the time of a 200,000-message import. A run of rows known to share them
    (``items.runs``, e.g. an export's messages) is not grouped row by row.
    """
    if not len(items):
        return 0
    c = items.columns
    for start, stop, shared in items.run_bounds():
        if shared is not None:  # one pass over the run: each row's values made as it goes
            keys, ids, whens, ways, refs = (_rows(c[name], start, stop) for name in (
                "contact_key", "contact_id", "when", "direction", "source_ref"))
            own = (map(contact_ids.get, keys, ids), map(methodcaller("isoformat"), whens),
                   ways, refs)
            _insert_group(conn, own, shared, None, now)
            continue
        run = slice(start, stop)
        own = (list(map(contact_ids.get, c["contact_key"][run], c["contact_id"][run])),
               list(map(methodcaller("isoformat"), c["when"][run])), c["direction"][run],
               c["source_ref"][run])
        keys = list(zip(*(c[name][run] for name in SHARED_FIELDS), strict=True))
        groups = sorted(set(keys))
        if len(groups) > _MAX_INSERT_GROUPS or not all(map(_plain, groups)):
            _insert_bound(conn, own, keys, now)
            continue
        codes = {group: n for n, group in enumerate(groups)}
        row_codes = list(map(codes.__getitem__, keys)) if len(groups) > 1 else None
        for group, code in codes.items():
            flags = None if row_codes is None else list(map(code.__eq__, row_codes))
            _insert_group(conn, own, group, flags, now)
    return len(items)


def _rows(column, start: int, stop: int):
    """Rows ``start:stop`` of a column, to be iterated once: a run at least as long as the
    rows before it is not copied (``islice`` steps over those one by one); a shorter one,
    e.g. 20,000 reactions after 200,000 messages, is sliced (copied) instead."""
    if isinstance(column, Same) or start > stop - start:
        return column[start:stop]
    return islice(column, start, stop)


def insert_many(conn, sql, rows) -> int:
    before = conn.total_changes
    conn.executemany(sql, rows)
    return conn.total_changes - before


def save_contacts(conn, contacts, now) -> dict:
    """Insert new contacts in bulk; return key -> id for every contact of the batch.

    A contact is new unless its ``(source, source_ref)`` is stored, or its
    e-mail belongs to a stored contact (or to an earlier one in this batch).
    """
    ids: dict = {"__added__": []}
    if not contacts:
        return ids
    unique = {}
    for contact in contacts:
        unique.setdefault(contact.key, contact)
    sources = sorted({c.source for c in unique.values()})
    marks = ",".join("?" * len(sources))
    query = f"SELECT id, source, source_ref FROM contacts WHERE source IN ({marks})"
    known = {f"{source}:{ref}": cid for cid, source, ref in conn.execute(query, sources)}
    by_email: dict[str, int] = {}
    if any(c.email.strip() for key, c in unique.items() if key not in known):
        by_email = dict(conn.execute("SELECT lower(email), id FROM contacts WHERE email != ''"))
    same_as: dict[str, str] = {}  # key -> key of the batch contact with the same e-mail
    first_with_email: dict[str, str] = {}
    added = ids["__added__"]

    # values every contact of the batch shares (e.g. an export's source, no notes) are
    # written into the statement when they are plain words, not bound for every row:
    # 7 values a row instead of 13 saves a third of the insert
    shared = set(map(_CONTACT_SHARED, unique.values()))
    literals = None
    if len(shared) == 1:
        met_on, cadence, close, notes, source = shared.pop()
        values = (iso(met_on), cadence, int(close), notes, source, now)
        if _plain(values):
            literals = ", ".join(map(_sql_literal, values))

    def new_rows():  # made as SQLite takes them: 30,000 rows are never held at once
        for key, contact in unique.items():
            if key in known:
                ids[key] = known[key]
                continue
            email = contact.email.strip().lower()
            if email:
                if email in by_email:
                    ids[key] = by_email[email]
                    continue
                if email in first_with_email:
                    same_as[key] = first_with_email[email]
                    continue
                first_with_email[email] = key
            added.append(key)
            own = (contact.name, contact.email, contact.company, contact.position,
                   contact.url, iso(contact.connected_on), contact.source_ref)
            yield own if literals is not None else (
                *own, iso(contact.met_on), contact.cadence_days, int(contact.close),
                contact.notes, contact.source, now)

    (top,) = conn.execute("SELECT max(id) FROM contacts").fetchone()
    conn.executemany(
        "INSERT INTO contacts (name, email, company, position, url, connected_on, source_ref,"
        " met_on, cadence_days, close, notes, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
        + (literals or ", ".join("?" * 6)) + ")", new_rows())
    if added:
        _added_ids(conn, ids, added, top or 0, query, sources)
    for key, other in same_as.items():
        ids[key] = ids[other]
    return ids


_CONTACT_SHARED = attrgetter("met_on", "cadence_days", "close", "notes", "source")


def _added_ids(conn, ids: dict, added: list, top: int, query: str, sources) -> None:
    """Set ``ids[key]`` for the contacts just inserted, in the order they were inserted.

    SQLite gives a new row the id one above the largest (no row is deleted meanwhile:
    this runs in the write transaction), so the rows got ``top + 1``,
    ``top + 2`` … exactly when the largest id is now ``top + len(added)``; then
    nothing is read back. Otherwise (the largest possible id was reached and SQLite
    chose free ones) the ids are read back by ``(source, source_ref)``.
    """
    (now_top,) = conn.execute("SELECT max(id) FROM contacts").fetchone()
    if now_top == top + len(added):
        ids.update(zip(added, range(top + 1, now_top + 1), strict=True))
        return
    stored = {f"{source}:{ref}": cid for cid, source, ref in conn.execute(query, sources)}
    for key in added:
        ids[key] = stored[key]


def _stored_ref_chunks(conn, source: str, size: int = 20_000):
    """Yield the refs of the interactions stored under ``source``, a list at a time.

    A chunk of ``size`` rows (in id order, from where the last one ended) comes from
    SQLite as one joined string, split in Python: faster than a row per ref, and only
    one chunk is held at a time, so next month's export (every row stored already)
    is compared with the store without its 200,000 refs in memory at once. A ref
    holding the separator makes the counts differ; that chunk is then read a row at
    a time.
    """
    last = 0
    while True:
        count, top, joined = conn.execute(
            "SELECT count(*), max(id), group_concat(source_ref, char(31)) FROM ("
            " SELECT id, source_ref FROM interactions WHERE source = ? AND id > ?"
            " ORDER BY id LIMIT ?)", (source, last, size)).fetchone()
        if not count:
            return
        refs = joined.split("\x1f")
        del joined
        if len(refs) != count:
            refs = [ref for (ref,) in conn.execute(
                "SELECT source_ref FROM interactions WHERE source = ? AND id > ?"
                " ORDER BY id LIMIT ?", (source, last, size))]
        yield refs
        last = top


# the 4 values of each row, the shared ones (in SHARED_FIELDS order), then 2 derived
_COLUMNS = ", ".join(("contact_id", "occurred_at", "direction", "source_ref", *SHARED_FIELDS,
                      "online", "created_at"))


def _insert_group(conn, own: tuple, shared: tuple, flags, now: str) -> None:
    """Insert rows sharing ``shared`` (the SHARED_FIELDS values), those where ``flags``."""
    if not _plain((*shared, now)):
        _insert_bound(conn, own, repeat(shared), now, flags)
        return
    literals = ", ".join(map(_sql_literal, (*shared, shared[0] in ONLINE_CHANNELS, now)))
    rows = zip(*own, strict=True)
    if flags is not None:
        rows = compress(rows, flags)
    conn.executemany(f"INSERT INTO interactions ({_COLUMNS}) VALUES (?, ?, ?, ?, {literals})",
                     rows)


def _insert_bound(conn, own: tuple, keys, now: str, flags=None) -> None:
    """Insert rows binding every value (``keys``: each row's SHARED_FIELDS values)."""
    rows = (
        (*row, *key, key[0] in ONLINE_CHANNELS, now)
        for row, key in zip(zip(*own, strict=True), keys, strict=False)  # keys may repeat()
    )
    if flags is not None:
        rows = compress(rows, flags)
    conn.executemany(f"INSERT INTO interactions ({_COLUMNS}) VALUES ({', '.join('?' * 11)})",
                     rows)


#: Above this many groups (e.g. a CSV log with a note on every row) bind every value.
_MAX_INSERT_GROUPS = 16
_PLAIN_TEXT = re.compile(r"[A-Za-z0-9_:+. -]{0,64}")


def _plain(values) -> bool:
    """True when every value can be written into SQL as a literal with no escaping."""
    return all(isinstance(v, (bool, int)) or v is None
               or isinstance(v, str) and _PLAIN_TEXT.fullmatch(v) is not None
               for v in values)


def _sql_literal(value) -> str:
    """Write a value that :func:`_plain` accepted as an SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, (bool, int)):
        return str(int(value))
    return f"'{value}'"
