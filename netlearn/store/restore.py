"""Merging a backup's tables into the store, matching rows on their natural keys."""

from __future__ import annotations

import sqlite3
from operator import itemgetter

from netlearn.plumbing.errors import StoreError
from netlearn.store.migrations import legacy_kind

# -- restore (see Store.restore_tables) ------------------------------------------------

#: How a restored row is recognised in a store that has it already.
RESTORE_KEYS = {
    "contacts": ("source", "source_ref"),
    "interactions": ("source", "source_ref"),
    "events": ("source", "source_ref"),
    "commitments": ("source", "source_ref"),
    "event_attendees": ("event_id", "contact_id"),
    "answers": ("topic", "item_id", "kind", "answer", "created_at"),
    "self_assessments": ("topic", "statement_id", "phase", "created_at"),
    "reflections": ("topic", "prompt_id"),
    "pitches": ("text", "created_at"),
    "imports": ("kind", "file_name", "imported_at"),
    "settings": ("key",),
}
#: Tables whose key a backup written before a schema version may hold twice: interactions
#: were not unique on (source, source_ref) from schema 2 until migration 6.
REPEATED_KEYS_BEFORE = {"interactions": 6}
#: Tables other rows point to are restored first (their ids are mapped).
_RESTORE_FIRST = {"contacts": 0, "events": 1}
_MAPPED = {"contacts": "contact_id", "events": "event_id"}


class RestoreConflict(StoreError):
    """A backup's rows differ from rows already stored under the same keys."""

    def __init__(self, conflicts: list[str]):
        shown = "; ".join(conflicts[:3]) + (f"; and {len(conflicts) - 3} more"
                                             if len(conflicts) > 3 else "")
        super().__init__(
            f"{len(conflicts)} record(s) differ between the backup and your records "
            f"({shown}); nothing was restored. Keep your records as they are, or delete them "
            "first (Delete my data in notebook 06, or netlearn forget --yes) and restore "
            "again to get the backup's")
        self.conflicts = conflicts


def _same(a, b) -> bool:
    return (a if a != "" else None) == (b if b != "" else None) or (
        isinstance(a, (int, float)) and isinstance(b, (int, float)) and float(a) == float(b))


def _restore_table(conn, table, columns, rows, maps) -> tuple[int, int, list[str]]:
    """Merge one table's rows; return (added, already present, conflicts).

    Rows are compared as tuples (a stored row read back equals its archived copy), and
    value by value (NULL and '' alike, 1 and 1.0 alike) only when the tuples differ.
    Rows are taken in id order; a row with the key of an earlier row of the backup (see
    :data:`REPEATED_KEYS_BEFORE`) follows that one, as migration 6 does in a database:
    it is not written, and ids that pointed at it point at the earlier row's.
    """
    key_columns = RESTORE_KEYS.get(table) or tuple(c for c in columns if c != "id")
    compare = [c for c in columns if c not in ("id", "created_at")]
    at = {c: i for i, c in enumerate(columns)}
    key_at = [at[c] for c in key_columns]
    compare_at = [at[c] for c in compare]
    mapped = [(at[c], maps[c]) for c in columns if c in maps]
    id_at = at.get("id")
    if id_at is not None:
        rows = sorted(rows, key=itemgetter(id_at))
    existing = {}
    query = (f"SELECT {'id' if 'id' in columns else 'rowid'}, {', '.join(key_columns)}, "
             f"{', '.join(compare)} FROM {table}")
    n_keys = len(key_columns)
    for stored in conn.execute(query):
        existing[stored[1:1 + n_keys]] = (stored[0], stored[1 + n_keys:])
    added = present = 0
    conflicts = []
    own_map = maps.get(_MAPPED.get(table, ""))
    insert_at = [i for i, c in enumerate(columns) if c != "id"]
    sql = (f"INSERT INTO {table} ({', '.join(columns[i] for i in insert_at)}) "
           f"VALUES ({', '.join('?' * len(insert_at))})")
    in_backup = {}  # key -> id here of the backup's rows merged so far
    for row in rows:
        if mapped:
            row = list(row)
            for i, ids in mapped:
                if row[i] is not None:
                    row[i] = ids.get(row[i])
        key = tuple([row[i] for i in key_at])
        if key in in_backup:
            present += 1
            new_id = in_backup[key]
        elif key in existing:
            stored_id, stored = existing[key]
            values = tuple([row[i] for i in compare_at])
            if values != stored:
                differ = [c for c, a, b in zip(compare, stored, values, strict=True)
                          if not _same(a, b)]
                if differ:
                    ref = ", ".join(f"{c}={row[at[c]]!s:.40}" for c in key_columns
                                    if c not in ("text", "answer"))
                    conflicts.append(f"{table} {ref}: {', '.join(differ)}")
                else:
                    present += 1
            else:
                present += 1
            new_id = stored_id
        else:
            new_id = conn.execute(sql, [row[i] for i in insert_at]).lastrowid
            added += 1
        in_backup[key] = new_id
        if own_map is not None and id_at is not None:
            own_map[row[id_at]] = new_id
    return added, present, conflicts


def _with_legacy_kinds(columns, rows):
    """A schema-4 backup's commitments with the kind migration 5 would give them."""
    at = columns.index("text")
    return [*columns, "kind"], [(*row, legacy_kind(row[at])) for row in rows]


def _check_names(conn, tables: dict) -> None:
    """Refuse a table or column this store lacks: only the schema's own names go into SQL."""
    for table, (columns, _rows) in tables.items():
        known = {name for (name,) in conn.execute(
            "SELECT name FROM pragma_table_info(?)", (table,))}
        unknown = [c for c in columns if c not in known] if known else [table]
        if unknown:
            raise StoreError(f"the backup names {unknown[0][:40]!r}, which this store does "
                             "not have; nothing was restored")


def merge_tables(conn, tables: dict[str, tuple[list[str], list[tuple]]]) -> dict:
    """Merge a backup's rows in the caller's write transaction (see ``Store.restore_tables``)."""
    _check_names(conn, tables)
    order = sorted(tables, key=lambda t: (_RESTORE_FIRST.get(t, 9), t))
    maps = {"contact_id": {}, "event_id": {}}
    added, present, conflicts = {}, 0, []
    for table in order:
        columns, rows = tables[table]
        if table == "commitments" and "kind" not in columns and "text" in columns:
            columns, rows = _with_legacy_kinds(columns, rows)
        try:
            n, same, problems = _restore_table(conn, table, columns, rows, maps)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"the backup holds a {table} record this store cannot "
                             f"take ({exc}); nothing was restored") from None
        added[table] = n
        present += same
        conflicts += problems
    if conflicts:
        raise RestoreConflict(conflicts)
    added["__present__"] = present
    return added
