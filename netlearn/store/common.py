"""Small values the store's modules share: the file name, timestamps, new refs, import counts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone

DB_NAME = "netlearn.db"


def utc_now() -> str:
    """Return the current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_ref() -> str:
    """Return a fresh source reference for a record the learner typed in."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class ImportResult:
    """What one import did: rows added, rows already present, rows skipped."""

    added: int
    present: int
    skipped: int

    def __str__(self) -> str:
        return f"added {self.added}, already present {self.present}, skipped {self.skipped}"


def iso(value):
    """A date or datetime as ISO 8601 text; anything else unchanged."""
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def parse_date(value):
    """The date at the start of an ISO 8601 text, or None for an empty value."""
    if not value:
        return None
    return date.fromisoformat(value[:10])
