"""Undoing one import: the rows it alone brought go, and the contacts left with nothing."""

from __future__ import annotations

from dataclasses import dataclass

from netlearn.plumbing.errors import StoreError
from netlearn.store.migrations import IMPORTED_TABLES


@dataclass(frozen=True)
class ImportEntry:
    """One import as the learner sees it in the list of imports."""

    id: int
    kind: str
    file_name: str
    imported_at: str  # ISO, UTC
    added: int
    #: rows still linked to it (0 for an import made before netlearn linked them)
    rows: int

    def describe(self) -> str:
        """One line: "mbox · Sent.mbox · 2026-01-06 09:00 UTC · 8 rows added"."""
        when = self.imported_at[:16].replace("T", " ")
        return (f"{self.kind} · {self.file_name} · {when} UTC · {self.added} "
                f"row{'' if self.added == 1 else 's'} added")


def list_imports(conn) -> list[ImportEntry]:
    """Every import but what was typed in a notebook (kind ``manual``), newest first."""
    return [ImportEntry(*row) for row in conn.execute(
        "SELECT i.id, i.kind, i.file_name, i.imported_at, i.added,"
        " (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id)"
        " FROM imports i WHERE i.kind != 'manual' ORDER BY i.id DESC")]


def forget_import(conn, import_id: int) -> dict[str, int]:
    """Delete one import and what it alone brought, in the caller's write transaction.

    Rows linked to this import and to no other are deleted (interactions, commitments,
    events with their attendee lists); then each contact it brought that no other import
    brought either, that was not added by hand, and that has no interaction or
    commitment left, from any source. The import's log entry goes, and so do the logged
    repeats of the same content (same kind and digest, linking no row), so that importing
    the file again reads it again. Running it twice deletes nothing more.

    Parameters
    ----------
    conn : sqlite3.Connection
        In a ``BEGIN IMMEDIATE`` transaction (``Store.transaction``).
    import_id : int
        An id from :func:`list_imports`.

    Returns
    -------
    dict
        Table -> rows deleted, for every table of :data:`IMPORTED_TABLES`.

    Raises
    ------
    StoreError
        No such import, or one typed in a notebook (nothing is deleted).
    """
    row = conn.execute("SELECT kind, digest FROM imports WHERE id = ?", (import_id,)).fetchone()
    if row is None or row[0] == "manual":
        raise StoreError(f"there is no import {import_id} (netlearn forget --list-imports "
                         "lists them); nothing was deleted")
    kind, digest = row
    deleted = {}
    for table in IMPORTED_TABLES:
        if table != "contacts":
            deleted[table] = _delete_only_theirs(conn, import_id, table)
    deleted["contacts"] = conn.execute(
        f"DELETE FROM contacts WHERE id IN ({_ONLY_THEIRS.format(table='contacts')})"
        " AND source != 'manual'"
        " AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.contact_id = contacts.id)"
        " AND NOT EXISTS (SELECT 1 FROM commitments c WHERE c.contact_id = contacts.id)",
        (import_id,)).rowcount
    conn.execute("DELETE FROM imports WHERE id = ?", (import_id,))
    if digest:
        conn.execute("DELETE FROM imports WHERE kind = ? AND digest = ? AND added = 0 AND NOT"
                     " EXISTS (SELECT 1 FROM import_rows r WHERE r.import_id = imports.id)",
                     (kind, digest))
    return {table: deleted[table] for table in IMPORTED_TABLES}


#: The ids of a table's rows that import ``?`` brought and no other import did.
_ONLY_THEIRS = (
    "SELECT r.row_id FROM import_rows r WHERE r.import_id = ? AND r.row_table = '{table}'"
    " AND NOT EXISTS (SELECT 1 FROM import_rows o WHERE o.row_table = r.row_table"
    " AND o.row_id = r.row_id AND o.import_id != r.import_id)")


def _delete_only_theirs(conn, import_id: int, table: str) -> int:
    return conn.execute(f"DELETE FROM {table} WHERE id IN ({_ONLY_THEIRS.format(table=table)})",
                        (import_id,)).rowcount
