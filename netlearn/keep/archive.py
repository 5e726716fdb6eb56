"""Backup archives: all of a learner's records in one zip, and their checked, merging restore."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from netlearn.plumbing.errors import InputError

FORMAT = "netlearn-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 1_000_000
ARCHIVE_PREFIX = "netlearn-backup"
#: Columns that hold another table's row id (mapped to the restoring store's ids).
REFERENCES = {"contact_id": "contacts", "event_id": "events"}


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: rows added per table, and rows that were already there."""

    added: dict
    present: int

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def __str__(self) -> str:
        parts = [f"{n} {table}" for table, n in self.added.items() if n]
        what = ", ".join(parts) if parts else "nothing new"
        return f"restored {what}; already present {self.present}"


def default_name(now: datetime | None = None) -> str:
    """Return ``netlearn-backup-YYYY-MM-DD_HHMMSS.zip``."""
    now = now or datetime.now()
    return f"{ARCHIVE_PREFIX}-{now.strftime('%Y-%m-%d_%H%M%S')}.zip"


def _csv_bytes(columns, rows) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_archive(store, path) -> Path:
    """Write all of the learner's records into a zip at ``path`` (atomically, mode 0600).

    The zip holds one CSV per table and ``manifest.json``: the format and its version,
    the store's schema version, the netlearn version, and per table its columns, row
    count and SHA-256, so that a restore can tell a damaged or edited archive.

    Parameters
    ----------
    store : netlearn.store.Store
    path : path-like
        The zip to write; an existing directory gets :func:`default_name` inside it.

    Returns
    -------
    Path
        The file written.
    """
    from netlearn.plumbing.permissions import FILE_MODE, make_private, report
    from netlearn.plumbing.version import course_version

    target = Path(path).expanduser()
    if target.is_dir():
        target = target / default_name()
    schema, tables = store.snapshot()
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": schema,
        "netlearn_version": course_version(),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tables": {},
    }
    members = {}
    for table, (columns, rows) in tables.items():
        data = _csv_bytes(columns, rows)
        members[f"{table}.csv"] = data
        manifest["tables"][table] = {"file": f"{table}.csv", "columns": columns,
                                     "rows": len(rows),
                                     "sha256": hashlib.sha256(data).hexdigest()}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2) + "\n")
            for name, data in members.items():
                archive.writestr(name, data)
        report(make_private(partial, FILE_MODE))
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def read_archive(path, table_columns: dict, schema_version: int) -> dict:
    """Read and check a backup archive; return its tables ready for ``Store.restore_tables``.

    Nothing is written anywhere. Refused (one :class:`InputError` naming the archive):
    not a zip, unsafe member names or a zip bomb (:mod:`netlearn.importers.safezip`),
    another or a newer format, a newer schema, unknown tables or columns, a CSV whose
    bytes or row count differ from the manifest (damaged, truncated or edited), values of
    the wrong type, duplicate ids or keys (but for a key its schema let a table repeat:
    ``store.REPEATED_KEYS_BEFORE``), and references to rows the archive lacks.

    Parameters
    ----------
    path : path-like
        The archive.
    table_columns : dict
        ``Store.table_columns()`` of the store to restore into.
    schema_version : int
        The schema version this netlearn writes (``store.SCHEMA_VERSION``).

    Returns
    -------
    dict
        table -> (column names, rows of typed values).
    """
    from netlearn.importers.safezip import open_zip

    label = os.fspath(path)
    with open_zip(path) as archive:
        manifest = _manifest(archive, label)
        _check_versions(manifest, label, schema_version)
        tables = {}
        for table, entry in manifest["tables"].items():
            if table not in table_columns:
                raise InputError(f"holds an unknown table {table[:40]!r}; refusing it",
                                 path=label)
            tables[table] = _read_table(archive, label, table, entry, table_columns[table],
                                        manifest["schema_version"])
    _check_references(tables, label)
    return tables


def _manifest(archive, label: str) -> dict:
    info = archive.find(MANIFEST)
    if info is None or info.filename != MANIFEST:
        raise InputError("is not a netlearn backup (no manifest.json at its top)", path=label)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise InputError("has an oversized manifest.json; refusing it", path=label)
    with archive.open(info) as stream:
        raw = stream.read()
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputError("has a damaged manifest.json", path=label) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError("is not a netlearn backup (its manifest names another format)",
                         path=label)
    tables = manifest.get("tables")
    if not isinstance(tables, dict) or not all(
            isinstance(t, str) and isinstance(e, dict) for t, e in tables.items()):
        raise InputError("has a damaged manifest.json (no table list)", path=label)
    return manifest


def _check_versions(manifest: dict, label: str, schema_version: int) -> None:
    version = manifest.get("format_version")
    schema = manifest.get("schema_version")
    if not isinstance(version, int) or not isinstance(schema, int) or version < 1 or schema < 1:
        raise InputError("has a damaged manifest.json (no format or schema version)",
                         path=label)
    made_by = str(manifest.get("netlearn_version", "a newer netlearn"))[:20]
    if version > FORMAT_VERSION or schema > schema_version:
        raise InputError(
            f"was written by netlearn {made_by} (backup format {version}, schema {schema}); "
            f"this netlearn reads up to format {FORMAT_VERSION}, schema {schema_version} — "
            "update the course first (see the README), then restore", path=label)


def _read_table(archive, label, table, entry, columns_here,
                schema: int) -> tuple[list[str], list[tuple]]:
    name = entry.get("file")
    info = archive.find(name) if isinstance(name, str) else None
    if info is None or info.filename != name or name != f"{table}.csv":
        raise InputError(f"lacks {table}.csv, which its manifest lists", path=label)
    member = f"{label}/{name}"
    with archive.open(info) as stream:
        data = stream.read()
    if (hashlib.sha256(data).hexdigest() != entry.get("sha256")
            or not isinstance(entry.get("rows"), int)):
        raise InputError("was changed or damaged after the backup was made (its checksum "
                         "does not match); refusing the whole archive", path=member)
    try:
        reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True)
        header = next(reader, [])
        raw_rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"is not readable CSV ({exc})", path=member) from None
    types = {col: (kind, nullable) for col, kind, nullable in columns_here}
    if header != entry.get("columns") or len(set(header)) != len(header):
        raise InputError("has columns other than its manifest lists", path=member)
    unknown = [c for c in header if c not in types]
    if unknown:
        raise InputError(f"has columns this netlearn does not know ({', '.join(unknown[:3])})",
                         path=member)
    if len(raw_rows) != entry["rows"]:
        raise InputError(f"holds {len(raw_rows)} rows, its manifest says {entry['rows']}",
                         path=member)
    for number, raw in enumerate(raw_rows, start=2):
        if len(raw) != len(header):
            raise InputError(f"has {len(raw)} values, not {len(header)}", path=member,
                             line=number)
    # column by column: a 200,000-row table converts in a fraction of the time row by row
    columns = [list(col) for col in zip(*raw_rows, strict=True)] if raw_rows else [
        [] for _ in header]
    typed = [_typed_column(values, *types[col], member, col)
             for col, values in zip(header, columns, strict=True)]
    rows = list(zip(*typed, strict=True)) if raw_rows else []
    if "id" in header:
        ids = typed[header.index("id")]
        if len(set(ids)) != len(ids):
            raise InputError("holds the same id twice; refusing the whole archive",
                             path=member)
    from netlearn.store import REPEATED_KEYS_BEFORE, RESTORE_KEYS

    keys = RESTORE_KEYS.get(table)
    # an older schema let some tables hold a key twice: the restore keeps the earliest row
    if keys and all(k in header for k in keys) and schema >= REPEATED_KEYS_BEFORE.get(table, 0):
        seen = set(zip(*(typed[header.index(k)] for k in keys), strict=True))
        if len(seen) != len(rows):
            raise InputError("holds the same record twice; refusing the whole archive",
                             path=member)
    return header, rows


def _typed_column(values: list, kind: str, nullable: bool, member: str, column: str) -> list:
    """Convert one CSV column to the store's type ('' is NULL where NULL is allowed)."""
    convert = int if "INT" in kind else float if "REAL" in kind else None
    if convert is None:
        return [v or None for v in values] if nullable else values
    try:
        if nullable:
            return [convert(v) if v != "" else None for v in values]
        return list(map(convert, values))
    except ValueError:
        for line, value in enumerate(values, start=2):  # find the line to name
            _typed(value, kind, nullable, member, line, column)
        raise


def _typed(value: str, kind: str, nullable: bool, member: str, line: int, column: str):
    if value == "" and nullable:
        return None
    try:
        if "INT" in kind:
            return int(value)
        if "REAL" in kind:
            return float(value)
    except ValueError:
        raise InputError(f"{column} is {value[:30]!r}, not a number", path=member,
                         line=line) from None
    return value


def _check_references(tables: dict, label: str) -> None:
    ids = {}
    for table in set(REFERENCES.values()):
        if table in tables and "id" in tables[table][0]:
            columns, rows = tables[table]
            ids[table] = {row[columns.index("id")] for row in rows}
    for table, (columns, rows) in tables.items():
        for column, target in REFERENCES.items():
            if column not in columns:
                continue
            position = columns.index(column)
            known = ids.get(target, set())
            if any(row[position] is not None and row[position] not in known for row in rows):
                raise InputError(f"{table}.csv refers to {target} the archive does not hold; "
                                 "refusing the whole archive", path=label)


def restore_archive(store, path) -> RestoreResult:
    """Check an archive, then merge it into ``store`` in one transaction.

    Restoring the same archive twice adds nothing the second time. A store that holds
    the same records with other values is left alone (``RestoreConflict``).

    Parameters
    ----------
    store : netlearn.store.Store
    path : path-like

    Returns
    -------
    RestoreResult
    """
    from netlearn.plumbing.errors import StoreError
    from netlearn.store import SCHEMA_VERSION

    tables = read_archive(path, store.table_columns(), SCHEMA_VERSION)
    try:
        counts = store.restore_tables(tables)
    except StoreError as exc:
        if exc.path is None:  # about the archive's records: name it
            exc.path = os.fspath(path)
        raise
    present = counts.pop("__present__")
    return RestoreResult(counts, present)
