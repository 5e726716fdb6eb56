"""The import path: one batch of records stored inside a write transaction."""

from __future__ import annotations

from pathlib import Path

from netlearn.network.records import EVENT_CHECKLIST, ONLINE_CHANNELS
from netlearn.store.common import ImportResult, iso, new_ref, utc_now

_CONTACT_COLUMNS = ("name", "email", "company", "position", "url", "connected_on", "met_on",
                    "cadence_days", "close", "notes", "source", "source_ref", "created_at")
_INTERACTION_COLUMNS = ("contact_id", "occurred_at", "channel", "direction", "purpose",
                        "online", "personal_note", "note", "source", "source_ref",
                        "created_at")
_EVENT_COLUMNS = ("title", "day", "location", "attended", *EVENT_CHECKLIST, "source",
                  "source_ref", "created_at")
_COMMITMENT_COLUMNS = ("contact_id", "text", "kind", "due", "done", "source", "source_ref",
                       "created_at")


def _insert(table: str, columns: tuple[str, ...], verb: str = "INSERT OR IGNORE") -> str:
    """An insert of ``columns`` into ``table`` with every value bound."""
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_INSERT_CONTACT = _insert("contacts", _CONTACT_COLUMNS, verb="INSERT")
_INSERT_INTERACTION = _insert("interactions", _INTERACTION_COLUMNS)
_INSERT_EVENT = _insert("events", _EVENT_COLUMNS)
_INSERT_ATTENDEE = _insert("event_attendees", ("event_id", "contact_id"))
_INSERT_COMMITMENT = _insert("commitments", _COMMITMENT_COLUMNS)


def save_batch(conn, batch, kind=None, digest=None) -> ImportResult:
    """Store an import batch inside the caller's write transaction; re-importing adds nothing.

    Records are matched on ``(source, source_ref)``, which every activity table holds
    unique: a record already stored is ignored. A contact not seen under its own source
    is matched to an existing contact by e-mail. Contacts are written first, so every
    row that points at one points at a stored row.

    Parameters
    ----------
    conn : sqlite3.Connection
        In a ``BEGIN IMMEDIATE`` transaction (``Store.transaction``).
    batch : netlearn.network.records.Batch
        What an importer (or a logging widget) produced: sequences of records.
    kind : str, optional
        The import kind recorded in the import log; defaults to ``batch.source``.
    digest : str, optional
        :func:`netlearn.importers.content_digest` of the file, recorded in
        the import log so that the same content is recognised next time.

    Returns
    -------
    ImportResult
        A contact counts once however often the batch names it; any other record
        counts each time, as added the first time and as already present after that.
    """
    now = utc_now()
    contact_ids, added = save_contacts(conn, batch.contacts, now)
    present = len(contact_ids) - added
    interactions = _interaction_rows(batch.interactions, contact_ids, now)
    events = [(event.source, event.source_ref or new_ref()) for event in batch.events]
    commitments = _commitment_rows(batch.commitments, contact_ids, now)
    counts = [
        insert_rows(conn, _INSERT_INTERACTION, interactions),
        save_events(conn, batch.events, contact_ids, now, [ref for _, ref in events]),
        insert_rows(conn, _INSERT_COMMITMENT, commitments),
    ]
    for new, old in counts:
        added += new
        present += old
    result = ImportResult(added, present, len(batch.skipped))
    import_id = log_import(conn, kind or batch.source, batch.path, now, result, digest)
    if batch.source != "manual":  # what the learner types in is not an import to undo
        link_rows(conn, import_id, "contacts", [(i,) for i in set(contact_ids.values())])
        link_keys(conn, import_id, "interactions", [row[8:10] for row in interactions])
        link_keys(conn, import_id, "events", events)
        link_keys(conn, import_id, "commitments", [row[5:7] for row in commitments])
    return result


def log_import(conn, kind, path, now, result, digest) -> int:
    """Record one import (its file name and counts) in the import log; return its id."""
    return conn.execute(
        "INSERT INTO imports (kind, file_name, imported_at, added, present, skipped,"
        " digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, Path(str(path)).name, now, result.added, result.present, result.skipped,
         digest),
    ).lastrowid


def link_rows(conn, import_id: int, table: str, ids: list[tuple[int]]) -> None:
    """Note that import ``import_id`` brought the rows of ``table`` with these ids."""
    conn.executemany("INSERT OR IGNORE INTO import_rows (import_id, row_table, row_id)"
                     " VALUES (?, ?, ?)", [(import_id, table, row_id) for (row_id,) in ids])


def link_keys(conn, import_id: int, table: str, keys: list[tuple[str, str]]) -> None:
    """Note that import ``import_id`` brought the rows of ``table`` with these
    ``(source, source_ref)`` keys, added now or stored before."""
    # ``table`` is one of the store's own table names (an identifier cannot be bound)
    conn.executemany("INSERT OR IGNORE INTO import_rows (import_id, row_table, row_id)"
                     f" SELECT ?, ?, id FROM {table} WHERE source = ? AND source_ref = ?",
                     [(import_id, table, source, ref) for source, ref in keys])


def save_contacts(conn, contacts, now) -> tuple[dict[str, int], int]:
    """Insert the batch's new contacts; return key -> id for every contact, and how many are new.

    A contact is new unless its ``(source, source_ref)`` is stored, or its e-mail
    (compared case-blind) belongs to a stored contact or to an earlier one of this batch.
    Each new contact's id is the one SQLite gives it.
    """
    ids: dict[str, int] = {}
    if not contacts:
        return ids, 0
    by_email = dict(conn.execute("SELECT lower(email), id FROM contacts WHERE email != ''"))
    added = 0
    for contact in contacts:
        key = contact.key
        if key in ids:
            continue
        email = contact.email.strip().lower()
        stored = conn.execute("SELECT id FROM contacts WHERE source = ? AND source_ref = ?",
                              (contact.source, contact.source_ref)).fetchone()
        if stored is not None:
            ids[key] = stored[0]
        elif email and email in by_email:
            ids[key] = by_email[email]
        else:  # looked up just now, in this write transaction: a plain INSERT cannot clash
            ids[key] = conn.execute(_INSERT_CONTACT, (
                contact.name, contact.email, contact.company, contact.position, contact.url,
                iso(contact.connected_on), iso(contact.met_on), contact.cadence_days,
                int(contact.close), contact.notes, contact.source, contact.source_ref,
                now)).lastrowid
            added += 1
            if email:
                by_email[email] = ids[key]
    return ids, added


def save_events(conn, events, contact_ids: dict, now: str, refs: list[str]) -> tuple[int, int]:
    """Insert new events with their attendees; return (added, already present).

    ``refs`` holds each event's ``source_ref`` (a new one for an event that has none).
    """
    added = present = 0
    for event, ref in zip(events, refs, strict=True):
        cursor = conn.execute(_INSERT_EVENT, (
            event.title, iso(event.day), event.location, int(event.attended),
            *(int(bool(getattr(event, name))) for name in EVENT_CHECKLIST), event.source,
            ref, now))
        if not cursor.rowcount:  # stored before: its attendees were saved with it
            present += 1
            continue
        added += 1
        conn.executemany(_INSERT_ATTENDEE, [(cursor.lastrowid, contact_ids[key])
                                            for key in event.attendee_keys
                                            if key in contact_ids])
    return added, present


def insert_rows(conn, sql: str, rows: list) -> tuple[int, int]:
    """Run an ``INSERT OR IGNORE`` for each row; return (rows inserted, rows ignored)."""
    before = conn.total_changes
    conn.executemany(sql, rows)
    inserted = conn.total_changes - before
    return inserted, len(rows) - inserted


def _interaction_rows(interactions, contact_ids: dict, now: str) -> list[tuple]:
    return [(contact_ids.get(i.contact_key, i.contact_id), iso(i.when), i.channel, i.direction,
             i.purpose, int(i.channel in ONLINE_CHANNELS), int(i.personal_note), i.note,
             i.source, i.source_ref or new_ref(), now) for i in interactions]


def _commitment_rows(commitments, contact_ids: dict, now: str) -> list[tuple]:
    return [(contact_ids.get(c.contact_key, c.contact_id), c.text, c.kind, iso(c.due),
             int(c.done), c.source, c.source_ref or new_ref(), now) for c in commitments]
