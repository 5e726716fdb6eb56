"""Test-only reads of a store's database in plain SQL (the package reads by name only)."""

from __future__ import annotations

import sqlite3


def db_rows(store, sql: str, params=()) -> list[sqlite3.Row]:
    """Run ``sql`` on the database file of ``store`` (a Store or a path) in a new connection."""
    conn = sqlite3.connect(getattr(store, "path", store))
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
