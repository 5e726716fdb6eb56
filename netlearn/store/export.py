"""The store's files: CSV export of every table, and forgetting everything netlearn wrote."""

from __future__ import annotations

import csv
from pathlib import Path

# Tables in export order: the learner's activity first, then their progress.
EXPORT_TABLES = (
    "contacts", "interactions", "events", "event_attendees", "commitments",
    "answers", "self_assessments", "reflections", "pitches", "imports", "settings",
    "notebook_activity",
)


def write_csv_tables(conn, directory) -> list[Path]:
    """Write one CSV per table (:data:`EXPORT_TABLES`, with a header row) into ``directory``.

    Each file is written as ``NAME.csv.part`` and renamed when complete; text that a
    spreadsheet would take for a formula is kept as text. Returns the paths written.
    """

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXPORT_TABLES:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        header = [d[0] for d in cursor.description]
        target = directory / f"{table}.csv"
        partial = target.with_name(target.name + ".part")
        with open(partial, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(map(_csv_safe_row, cursor))
        partial.replace(target)
        written.append(target)
    return written


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe_row(row) -> list:
    """A row for a CSV a spreadsheet may open: text that would start a formula
    (``=HYPERLINK(...)``, ``+``, ``-``, ``@``) gets a leading ``'`` so it stays text."""
    return ["'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value
            for value in row]
