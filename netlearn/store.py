"""The one module that touches the learner's SQLite database under NETLEARN_HOME."""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import compress, repeat
from operator import methodcaller, not_
from pathlib import Path

from .errors import StoreError
from .paths import data_home
from .records import ONLINE_CHANNELS, SHARED_FIELDS, InteractionColumns

DB_NAME = "netlearn.db"
SCHEMA_VERSION = 4
BUSY_TIMEOUT_S = 60.0
OPTION_SEED_KEY = "option_seed"  # settings key of the learner's quiz-option shuffling seed

# Migrations: MIGRATIONS[n] upgrades a database from user_version n to n + 1.
MIGRATIONS = [
    """
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'quiz',
        answer TEXT NOT NULL,
        score REAL NOT NULL,
        max_score REAL NOT NULL,
        correct INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        cleared INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX answers_item ON answers(topic, item_id, cleared);
    CREATE TABLE self_assessments (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('before', 'check', 'after')),
        value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
        created_at TEXT NOT NULL
    );
    CREATE INDEX self_assessments_item ON self_assessments(topic, statement_id, phase);
    CREATE TABLE reflections (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        prompt_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (topic, prompt_id)
    );
    CREATE TABLE pitches (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        words INTEGER NOT NULL,
        seconds REAL NOT NULL,
        rubric TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        connected_on TEXT,
        met_on TEXT,
        cadence_days INTEGER,
        close INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        source_ref TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (source, source_ref)
    );
    CREATE INDEX contacts_email ON contacts(email) WHERE email != '';
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        day TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        attended INTEGER NOT NULL DEFAULT 1,
        goal_set INTEGER NOT NULL DEFAULT 0,
        attendees_researched INTEGER NOT NULL DEFAULT 0,
        intro_prepared INTEGER NOT NULL DEFAULT 0,
        questions_prepared INTEGER NOT NULL DEFAULT 0,
        followup_blocked INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL,
        source_ref TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (source, source_ref)
    );
    CREATE TABLE event_attendees (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, contact_id)
    );
    CREATE TABLE interactions (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        occurred_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        direction TEXT NOT NULL,
        purpose TEXT NOT NULL,
        online INTEGER NOT NULL,
        personal_note INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        source_ref TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (source, source_ref)
    );
    CREATE INDEX interactions_contact ON interactions(contact_id, occurred_at);
    CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        due TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        done_at TEXT,
        source TEXT NOT NULL,
        source_ref TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (source, source_ref)
    );
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        added INTEGER NOT NULL,
        present INTEGER NOT NULL,
        skipped INTEGER NOT NULL
    );
    """,
    # 2: imports remember a digest of the file, so the same content is not read twice;
    # interactions lose their two indexes. Nothing queried by contact, and
    # UNIQUE (source, source_ref) only repeated what save_batch already ensures inside
    # its write transaction (it reads the stored refs first). Keeping both up to date
    # was nearly half the save time of a 200,000-message LinkedIn import.
    """
    CREATE TABLE interactions_v2 (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        occurred_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        direction TEXT NOT NULL,
        purpose TEXT NOT NULL,
        online INTEGER NOT NULL,
        personal_note INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        source_ref TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    INSERT INTO interactions_v2 (id, contact_id, occurred_at, channel, direction, purpose,
        online, personal_note, note, source, source_ref, created_at)
        SELECT id, contact_id, occurred_at, channel, direction, purpose, online,
        personal_note, note, source, source_ref, created_at FROM interactions;
    DROP TABLE interactions;
    ALTER TABLE interactions_v2 RENAME TO interactions;
    ALTER TABLE imports ADD COLUMN digest TEXT;
    """,
    # 2 -> 3: self-assessment gains a fourth phase, 'check-in' (notebook 07, weeks after
    # 06), which the CHECK constraint must allow, so the table is rebuilt; and each answer
    # records the content version (a digest of the item's choices and key) it was given
    # to, so a changed item is never graded or pooled with answers to its earlier version.
    """
    CREATE TABLE self_assessments_v3 (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('before', 'check', 'after', 'check-in')),
        value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
        created_at TEXT NOT NULL
    );
    INSERT INTO self_assessments_v3 (id, topic, statement_id, phase, value, created_at)
        SELECT id, topic, statement_id, phase, value, created_at FROM self_assessments;
    DROP TABLE self_assessments;
    ALTER TABLE self_assessments_v3 RENAME TO self_assessments;
    CREATE INDEX self_assessments_item ON self_assessments(topic, statement_id, phase);
    ALTER TABLE answers ADD COLUMN version TEXT NOT NULL DEFAULT '';
    """,
    # 3 -> 4: a commitment reviewed at the check-in (notebook 07) may be dropped on purpose,
    # which is neither done nor still open; NULL means not dropped.
    """
    ALTER TABLE commitments ADD COLUMN dropped_at TEXT;
    """,
]

# Tables in export order: the learner's activity first, then their progress.
EXPORT_TABLES = (
    "contacts", "interactions", "events", "event_attendees", "commitments",
    "answers", "self_assessments", "reflections", "pitches", "imports", "settings",
)


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


def _iso(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


class Store:
    """The learner's database: progress and networking activity.

    Parameters
    ----------
    home : path-like, optional
        Directory that holds the database; defaults to :func:`netlearn.paths.data_home`.

    Raises
    ------
    StoreError
        When the directory cannot be created or written, the file is not a
        netlearn database, or it was written by a newer netlearn.
    """

    def __init__(self, home=None):
        self.home = Path(home) if home is not None else data_home()
        self.path = self.home / DB_NAME
        self._lock = threading.RLock()
        self._conn = self._connect()

    # -- opening -----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data directory ({exc.strerror or exc}); "
                "set NETLEARN_HOME to a writable directory",
                path=self.home,
            ) from None
        self._make_private()
        if self.path.exists() and self.path.stat().st_size > 0:
            with open(self.path, "rb") as handle:
                if handle.read(16) != b"SQLite format 3\x00":
                    raise StoreError(self._corrupt_message(), path=self.path)
        try:
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                check_same_thread=False,
            )
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB: large imports touch big indexes
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "not a database" in text or "malformed" in text:
                raise StoreError(self._corrupt_message(), path=self.path) from None
            if "readonly" in text or "unable to open" in text:
                raise StoreError(
                    f"cannot write the database ({text}); "
                    "set NETLEARN_HOME to a writable directory",
                    path=self.path,
                ) from None
            raise StoreError(f"cannot open the database ({text})", path=self.path) from None
        return conn

    def _corrupt_message(self) -> str:
        return (
            "is not a readable netlearn database (corrupt or another file); it was left "
            f"untouched — move it aside (e.g. rename it to {DB_NAME}.broken) and netlearn "
            "starts a fresh one, or restore it from a backup"
        )

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"was written by a newer netlearn (schema {version}, this one reads up to "
                f"{SCHEMA_VERSION}); upgrade netlearn (pip install -U netlearn) to open it",
                path=self.path,
            )
        if version == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    # -- transactions ------------------------------------------------------------
    @contextmanager
    def transaction(self):
        """Run the block in one write transaction (``BEGIN IMMEDIATE``); roll back on error."""
        with self._lock, self._database_errors():
            self._begin()
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def _begin(self) -> None:
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise StoreError(f"cannot write ({exc})", path=self.path) from None
                if time.monotonic() > deadline:
                    raise StoreError(
                        "the database stayed locked by another program for over a minute; "
                        "close other netlearn sessions and try again",
                        path=self.path,
                    ) from None
                time.sleep(0.05)

    def query(self, sql: str, params=()) -> list[sqlite3.Row]:
        """Run a read-only query and return its rows."""
        with self._lock, self._database_errors():
            cursor = self._conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    @contextmanager
    def _database_errors(self):
        """Turn SQLite's corruption and I/O errors into one-line StoreErrors naming the file."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "malformed" in text or "not a database" in text:
                raise StoreError(self._corrupt_message(), path=self.path) from None
            if isinstance(exc, sqlite3.OperationalError) and (
                    "disk" in text or "readonly" in text or "I/O" in text):
                raise StoreError(f"cannot read or write ({text})", path=self.path) from None
            raise

    # -- progress: quiz answers --------------------------------------------------
    def save_answer(self, topic, item_id, answer, score, max_score, correct, kind="quiz",
                    version="") -> int:
        """Store one attempt at a quiz item or scenario; return its row id.

        ``answer`` holds canonical option ids (never display letters); ``version`` is the
        item's content version when it was answered (``''`` where unknown).
        """
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO answers (topic, item_id, kind, answer, score, max_score, correct,"
                " created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (topic, item_id, kind, json.dumps(answer), float(score), float(max_score),
                 int(bool(correct)), utc_now(), str(version)),
            )
            return cursor.lastrowid

    def last_answers(self, topic, kind="quiz") -> dict[str, dict]:
        """Return the latest not-reset attempt per item of a topic.

        Returns
        -------
        dict
            item id -> {"answer", "score", "max_score", "correct", "attempts", "version"}.
        """
        rows = self.query(
            "SELECT item_id, answer, score, max_score, correct, version, "
            "(SELECT COUNT(*) FROM answers b WHERE b.topic = a.topic AND b.item_id = a.item_id"
            " AND b.kind = a.kind AND b.cleared = 0) AS attempts "
            "FROM answers a WHERE topic = ? AND kind = ? AND cleared = 0 ORDER BY id",
            (topic, kind),
        )
        latest = {}
        for row in rows:
            latest[row["item_id"]] = {
                "answer": json.loads(row["answer"]), "score": row["score"],
                "max_score": row["max_score"], "correct": bool(row["correct"]),
                "attempts": row["attempts"], "version": row["version"],
            }
        return latest

    def reset_answers(self, topic, kind="quiz") -> int:
        """Mark a topic's attempts as reset (kept for history); return how many."""
        with self.transaction() as conn:
            return conn.execute(
                "UPDATE answers SET cleared = 1 WHERE topic = ? AND kind = ? AND cleared = 0",
                (topic, kind),
            ).rowcount

    # -- progress: self-assessment, reflections, pitches, settings ----------------
    def save_self_assessment(self, topic, statement_id, phase, value) -> None:
        """Store a 1–5 rating in a phase: 'before', 'check', 'after' or 'check-in'."""
        if phase not in ("before", "check", "after", "check-in"):
            raise ValueError(f"unknown phase {phase!r}")
        if not 1 <= int(value) <= 5:
            raise ValueError("a rating is between 1 and 5")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO self_assessments (topic, statement_id, phase, value, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (topic, statement_id, phase, int(value), utc_now()),
            )

    def self_assessments(self, phase=None) -> dict[tuple[str, str, str], int]:
        """Return the latest rating per (topic, statement id, phase)."""
        sql = "SELECT topic, statement_id, phase, value FROM self_assessments"
        params = ()
        if phase:
            sql += " WHERE phase = ?"
            params = (phase,)
        latest = {}
        for row in self.query(sql + " ORDER BY id", params):
            latest[(row["topic"], row["statement_id"], row["phase"])] = row["value"]
        return latest

    def save_reflection(self, topic, prompt_id, text) -> None:
        """Store (or replace) the learner's reflection on a prompt."""
        now = utc_now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO reflections (topic, prompt_id, text, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic, prompt_id)"
                " DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                (topic, prompt_id, text, now, now),
            )

    def reflections(self, topic=None) -> dict[tuple[str, str], dict]:
        """Return reflections keyed by (topic, prompt id) with text and timestamps."""
        sql = "SELECT topic, prompt_id, text, created_at, updated_at FROM reflections"
        rows = self.query(sql + " WHERE topic = ?", (topic,)) if topic else self.query(sql)
        return {(r["topic"], r["prompt_id"]): dict(r) for r in rows}

    def save_pitch(self, text, words, seconds, rubric) -> int:
        """Store a version of the learner's elevator pitch; return its id."""
        with self.transaction() as conn:
            return conn.execute(
                "INSERT INTO pitches (text, words, seconds, rubric, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (text, int(words), float(seconds), json.dumps(rubric), utc_now()),
            ).lastrowid

    def pitches(self) -> list[dict]:
        """Return saved pitch versions, oldest first."""
        rows = self.query("SELECT id, text, words, seconds, rubric, created_at FROM pitches"
                          " ORDER BY id")
        return [dict(r, rubric=json.loads(r["rubric"])) for r in rows]

    def set_setting(self, key, value) -> None:
        """Store a small learner setting (e.g. which data the charts use)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    def setting(self, key, default=None):
        """Return a stored setting, or ``default``."""
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0]["value"]) if rows else default

    def option_seed(self) -> str:
        """Return this learner's seed for the order of quiz options, made on first need.

        A random value kept in the settings table, so the order each learner sees
        (:func:`netlearn.grading.option_order`) survives visits and kernel restarts.
        Two kernels asking at once get the same seed: the first insert wins.
        """
        rows = self.query("SELECT value FROM settings WHERE key = ?", (OPTION_SEED_KEY,))
        if not rows:
            with self.transaction() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO NOTHING",
                             (OPTION_SEED_KEY, json.dumps(secrets.token_hex(16))))
            rows = self.query("SELECT value FROM settings WHERE key = ?", (OPTION_SEED_KEY,))
        return str(json.loads(rows[0]["value"]))

    # -- activity ----------------------------------------------------------------
    def save_batch(self, batch, kind=None, digest=None) -> ImportResult:
        """Store an import batch in one transaction; re-importing adds nothing.

        Records are matched on ``(source, source_ref)``; a contact not seen
        under its own source is matched to an existing contact by e-mail.

        Parameters
        ----------
        batch : netlearn.records.Batch
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
        with self.transaction() as conn:
            contact_ids = self._save_contacts(conn, batch.contacts, now)
            new = len(contact_ids.pop("__added__"))
            added += new
            present += len({c.key for c in batch.contacts}) - new
            items = InteractionColumns.of(batch.interactions)
            new_items = self._new_interactions(conn, items)
            present += len(items) - len(new_items)  # stored before, or twice in the batch
            added += self._insert_interactions(conn, new_items, contact_ids, now)
            for event in batch.events:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO events (title, day, location, attended, goal_set,"
                    " attendees_researched, intro_prepared, questions_prepared,"
                    " followup_blocked, source, source_ref, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (event.title, _iso(event.day), event.location, int(event.attended),
                     int(event.goal_set), int(event.attendees_researched),
                     int(event.intro_prepared), int(event.questions_prepared),
                     int(event.followup_blocked), event.source,
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
                (contact_ids.get(c.contact_key, c.contact_id), c.text, _iso(c.due),
                 int(c.done), c.source, c.source_ref or new_ref(), now)
                for c in batch.commitments
            ]
            n = self._insert_many(
                conn, "INSERT OR IGNORE INTO commitments (contact_id, text, due, done, source,"
                " source_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            added += n
            present += len(rows) - n
            result = ImportResult(added, present, len(batch.skipped))
            self._log_import(conn, kind or batch.source, batch.path, now, result, digest)
        return result

    @staticmethod
    def _log_import(conn, kind, path, now, result, digest) -> None:
        conn.execute(
            "INSERT INTO imports (kind, file_name, imported_at, added, present, skipped,"
            " digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, Path(str(path)).name, now, result.added, result.present, result.skipped,
             digest),
        )

    def earlier_import(self, kind, digest) -> tuple[str, ImportResult] | None:
        """Return when content with this digest was imported, and what it gave, or None.

        Parameters
        ----------
        kind : str
            The import kind.
        digest : str or None
            From :func:`netlearn.importers.content_digest`.

        Returns
        -------
        tuple of (str, ImportResult) or None
            The first such import's time (ISO, UTC) and its counts.
        """
        if not digest:
            return None
        rows = self.query(
            "SELECT imported_at, added, present, skipped FROM imports"
            " WHERE kind = ? AND digest = ? ORDER BY id LIMIT 1", (kind, digest))
        if not rows:
            return None
        row = rows[0]
        return row["imported_at"], ImportResult(row["added"], row["present"], row["skipped"])

    def log_repeat_import(self, kind, path, digest, earlier: ImportResult) -> ImportResult:
        """Record that content imported before was offered again; return its counts.

        Nothing is read or added: every record it holds is already stored.

        Parameters
        ----------
        kind : str
        path : str or os.PathLike
            The file offered this time (its name goes into the import log).
        digest : str
        earlier : ImportResult
            What the first import of that content gave.

        Returns
        -------
        ImportResult
            Added 0; already present: everything the first import found.
        """
        result = ImportResult(0, earlier.added + earlier.present, earlier.skipped)
        with self.transaction() as conn:
            self._log_import(conn, kind, path, utc_now(), result, digest)
        return result

    @staticmethod
    def _new_interactions(conn, items: InteractionColumns) -> InteractionColumns:
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
            stored = _stored_refs(conn, distinct[0])
            keys = refs
        else:
            marks = ",".join("?" * len(distinct))
            stored = set(conn.execute(
                f"SELECT source, source_ref FROM interactions WHERE source IN ({marks})",
                distinct))
            keys = list(zip(sources, refs, strict=True))
        if len(set(keys)) == len(keys):  # no ref twice in the batch
            fresh = list(map(not_, map(stored.__contains__, keys))) if stored else []
            if not stored or all(fresh):
                return items
            return items.keep(fresh) if any(fresh) else items[:0]
        keep = []
        for key in keys:
            keep.append(key not in stored)
            stored.add(key)
        return items.keep(keep)

    @staticmethod
    def _insert_interactions(conn, items: InteractionColumns, contact_ids: dict,
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
        ids = list(map(contact_ids.get, c["contact_key"], c["contact_id"]))
        whens = list(map(methodcaller("isoformat"), c["when"]))
        for start, stop, shared in items.run_bounds():
            run = slice(start, stop)
            own = (ids[run], whens[run], c["direction"][run], c["source_ref"][run])
            if shared is not None:
                _insert_group(conn, own, shared, None, now)
                continue
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

    @staticmethod
    def _insert_many(conn, sql, rows) -> int:
        before = conn.total_changes
        conn.executemany(sql, rows)
        return conn.total_changes - before

    def _save_contacts(self, conn, contacts, now) -> dict:
        """Insert new contacts in bulk; return key -> id for every contact of the batch.

        A contact is new unless its ``(source, source_ref)`` is stored, or its
        e-mail belongs to a stored contact (or to an earlier one in this batch).
        """
        ids: dict = {"__added__": set()}
        if not contacts:
            return ids
        unique = {}
        for contact in contacts:
            unique.setdefault(contact.key, contact)
        sources = sorted({c.source for c in unique.values()})
        marks = ",".join("?" * len(sources))
        query = f"SELECT id, source, source_ref FROM contacts WHERE source IN ({marks})"
        known = {f"{source}:{ref}": cid for cid, source, ref in conn.execute(query, sources)}
        by_email = None
        new_rows = []
        same_as: dict[str, str] = {}  # key -> key of the batch contact with the same e-mail
        first_with_email: dict[str, str] = {}
        for key, contact in unique.items():
            if key in known:
                ids[key] = known[key]
                continue
            email = contact.email.strip().lower()
            if email:
                if by_email is None:
                    by_email = dict(conn.execute(
                        "SELECT lower(email), id FROM contacts WHERE email != ''"))
                if email in by_email:
                    ids[key] = by_email[email]
                    continue
                if email in first_with_email:
                    same_as[key] = first_with_email[email]
                    continue
                first_with_email[email] = key
            new_rows.append((
                contact.name, contact.email, contact.company, contact.position, contact.url,
                _iso(contact.connected_on), _iso(contact.met_on), contact.cadence_days,
                int(contact.close), contact.notes, contact.source, contact.source_ref, now,
            ))
            ids["__added__"].add(key)
        if new_rows:
            conn.executemany(
                "INSERT INTO contacts (name, email, company, position, url, connected_on,"
                " met_on, cadence_days, close, notes, source, source_ref, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new_rows)
            stored = {f"{source}:{ref}": cid
                      for cid, source, ref in conn.execute(query, sources)}
            for key in ids["__added__"]:
                ids[key] = stored[key]
        for key, other in same_as.items():
            ids[key] = ids[other]
        return ids

    def update_contact(self, contact_id, **fields) -> None:
        """Change fields of a contact (e.g. ``cadence_days=30``, ``close=True``)."""
        allowed = {"name", "email", "company", "position", "url", "met_on", "cadence_days",
                   "close", "notes", "connected_on"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown contact fields: {sorted(unknown)}")
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        values = [_iso(v) if not isinstance(v, bool) else int(v) for v in fields.values()]
        with self.transaction() as conn:
            conn.execute(f"UPDATE contacts SET {assignments} WHERE id = ?",
                         (*values, contact_id))

    def set_commitment_done(self, commitment_id, done=True) -> None:
        """Mark a commitment done (or open again)."""
        with self.transaction() as conn:
            conn.execute("UPDATE commitments SET done = ?, done_at = ? WHERE id = ?",
                         (int(done), utc_now() if done else None, commitment_id))

    def set_commitment_state(self, commitment_id, state) -> None:
        """Record a commitment as ``"done"``, ``"not done"`` (still open) or ``"dropped"``."""
        if state not in ("done", "not done", "dropped"):
            raise ValueError(f"unknown commitment state {state!r}")
        now = utc_now()
        with self.transaction() as conn:
            conn.execute(
                "UPDATE commitments SET done = ?, done_at = ?, dropped_at = ? WHERE id = ?",
                (int(state == "done"), now if state == "done" else None,
                 now if state == "dropped" else None, commitment_id))

    def commitment_states(self) -> dict:
        """Return commitment id -> ``"done"``, ``"not done"`` or ``"dropped"``."""
        from .checkin import commitment_state

        return {row["id"]: commitment_state(bool(row["done"]), row["dropped_at"] is not None)
                for row in self.query("SELECT id, done, dropped_at FROM commitments")}

    def update_event(self, event_id, **checklist) -> None:
        """Change an event's checklist items or attendance."""
        allowed = {"attended", "goal_set", "attendees_researched", "intro_prepared",
                   "questions_prepared", "followup_blocked", "title", "location", "day"}
        unknown = set(checklist) - allowed
        if unknown:
            raise ValueError(f"unknown event fields: {sorted(unknown)}")
        if not checklist:
            return
        assignments = ", ".join(f"{name} = ?" for name in checklist)
        values = [int(v) if isinstance(v, bool) else _iso(v) for v in checklist.values()]
        with self.transaction() as conn:
            conn.execute(f"UPDATE events SET {assignments} WHERE id = ?", (*values, event_id))

    def counts(self) -> dict[str, int]:
        """Return the number of rows per activity table."""
        return {
            table: self.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
            for table in ("contacts", "interactions", "events", "commitments")
        }

    def has_activity(self) -> bool:
        """Return True when the learner has logged or imported anything."""
        return any(self.counts().values())

    def load_network(self):
        """Return the learner's activity as a :class:`~netlearn.records.Network`."""
        from .records import Commitment, Contact, Event, Interaction, Network

        keys = {}
        contacts = []
        for row in self.query("SELECT * FROM contacts ORDER BY id"):
            contact = Contact(
                name=row["name"], source=row["source"], source_ref=row["source_ref"],
                email=row["email"], company=row["company"], position=row["position"],
                url=row["url"], connected_on=_date(row["connected_on"]),
                met_on=_date(row["met_on"]), cadence_days=row["cadence_days"],
                close=bool(row["close"]), notes=row["notes"], id=row["id"],
            )
            keys[row["id"]] = contact.key
            contacts.append(contact)
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, contact_id, occurred_at, channel, direction, purpose,"
                " personal_note, note, source, source_ref FROM interactions"
                " ORDER BY occurred_at, id").fetchall()
        parse = datetime.fromisoformat
        interactions = [
            Interaction(
                when=parse(when), channel=channel, direction=direction, purpose=purpose,
                contact_key=keys.get(cid, ""), note=note, personal_note=bool(pn),
                source=source, source_ref=ref, contact_id=cid, id=iid,
            )
            for iid, cid, when, channel, direction, purpose, pn, note, source, ref in rows
        ]
        attendees = {}
        for row in self.query("SELECT event_id, contact_id FROM event_attendees"):
            attendees.setdefault(row["event_id"], []).append(keys.get(row["contact_id"], ""))
        events = [
            Event(
                title=row["title"], day=_date(row["day"]), attended=bool(row["attended"]),
                goal_set=bool(row["goal_set"]),
                attendees_researched=bool(row["attendees_researched"]),
                intro_prepared=bool(row["intro_prepared"]),
                questions_prepared=bool(row["questions_prepared"]),
                followup_blocked=bool(row["followup_blocked"]), location=row["location"],
                attendee_keys=attendees.get(row["id"], []), source=row["source"],
                source_ref=row["source_ref"], id=row["id"],
            )
            for row in self.query("SELECT * FROM events ORDER BY day, id")
        ]
        commitments = [
            Commitment(
                text=row["text"], due=_date(row["due"]), done=bool(row["done"]),
                contact_key=keys.get(row["contact_id"], ""), contact_id=row["contact_id"],
                source=row["source"], source_ref=row["source_ref"], id=row["id"],
                dropped=row["dropped_at"] is not None,
            )
            for row in self.query("SELECT * FROM commitments ORDER BY due, id")
        ]
        return Network(contacts, interactions, events, commitments, label="your data")

    # -- export and forget -------------------------------------------------------
    def export_csv(self, directory) -> list[Path]:
        """Write one CSV per table (with a header row) into ``directory``; return the paths."""
        import csv

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        with self._lock:
            for table in EXPORT_TABLES:
                cursor = self._conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
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

    # -- privacy, backup and restore ---------------------------------------------
    def _make_private(self) -> None:
        """Make NETLEARN_HOME 0700 and the database and netlearn's files in it 0600.

        Also fixes files an older netlearn created readable by others. A store whose
        permissions cannot be changed still opens; the reason is printed as one line.
        """
        from .permissions import create_private_file, report, secure_home

        for problem in secure_home(self.home):
            report(problem)
        create_private_file(self.path)

    def table_columns(self) -> dict[str, list[tuple[str, str, bool]]]:
        """Return table -> [(column, declared type, nullable)] for every table of the store."""
        with self._lock, self._database_errors():
            names = [name for (name,) in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {
                name: [(row[1], (row[2] or "").upper(), not row[3] and not row[5])
                       for row in self._conn.execute(f"PRAGMA table_info({name})")]
                for name in names
            }

    def snapshot(self) -> tuple[int, dict[str, tuple[list[str], list[tuple]]]]:
        """Read every table in one read transaction, for a backup archive.

        Returns
        -------
        tuple of (int, dict)
            The schema version and table -> (column names, rows), :data:`EXPORT_TABLES`
            first, then any other table.
        """
        tables = self.table_columns()
        order = [t for t in EXPORT_TABLES if t in tables]
        order += [t for t in sorted(tables) if t not in order]
        with self._lock, self._database_errors():
            self._conn.execute("BEGIN")
            try:
                version = self._conn.execute("PRAGMA user_version").fetchone()[0]
                out = {}
                for table in order:
                    cursor = self._conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
                    out[table] = ([d[0] for d in cursor.description], cursor.fetchall())
            finally:
                self._conn.execute("COMMIT")
        return version, out

    def restore_tables(self, tables: dict[str, tuple[list[str], list[tuple]]]) -> dict:
        """Merge a backup's rows into the store in one transaction; idempotent.

        Rows are matched on their natural keys (:data:`RESTORE_KEYS`; any other table on
        all its columns but ``id``), and contact and event ids are mapped to this store's.
        A row already here with the same values is skipped; a row here with the same key
        but different values is a conflict, and then nothing is written.

        Parameters
        ----------
        tables : dict
            table -> (column names, rows of typed values), as checked by
            :mod:`netlearn.archive` (columns of this store's tables, ``id`` included).

        Returns
        -------
        dict
            table -> rows added; ``"__present__"`` -> rows already stored.

        Raises
        ------
        RestoreConflict
            When rows differ from stored ones with the same key (nothing written).
        """
        order = sorted(tables, key=lambda t: (_RESTORE_FIRST.get(t, 9), t))
        with self.transaction() as conn:
            maps = {"contact_id": {}, "event_id": {}}
            added, present, conflicts = {}, 0, []
            for table in order:
                columns, rows = tables[table]
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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe_row(row) -> list:
    """A row for a CSV a spreadsheet may open: text that would start a formula
    (``=HYPERLINK(...)``, ``+``, ``-``, ``@``) gets a leading ``'`` so it stays text."""
    return ["'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value
            for value in row]


def _stored_refs(conn, source: str) -> set[str]:
    """Return the refs of the interactions stored under ``source``.

    One string from SQLite split in Python is faster than a row per ref (0.14 s
    instead of 0.22 s for 200,000 refs); a ref holding the separator makes the counts
    differ, and then the refs are read a row at a time.
    """
    count, joined = conn.execute(
        "SELECT count(*), group_concat(source_ref, char(31)) FROM interactions"
        " WHERE source = ?", (source,)).fetchone()
    if not count:
        return set()
    refs = joined.split("\x1f")
    if len(refs) != count:
        refs = [ref for (ref,) in conn.execute(
            "SELECT source_ref FROM interactions WHERE source = ?", (source,))]
    return set(refs)


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


def _date(value):
    if not value:
        return None
    return date.fromisoformat(value[:10])


_stores: dict[Path, Store] = {}


def get_store(home=None) -> Store:
    """Return the shared :class:`Store` for ``home`` (default: NETLEARN_HOME), opening it once."""
    path = Path(home) if home is not None else data_home()
    store = _stores.get(path)
    if store is None:
        store = _stores[path] = Store(path)
    return store


# What netlearn writes under NETLEARN_HOME besides the database: exports, uploads being
# imported, summaries a facilitator handed in, and the content-validation cache.
HOME_DIRECTORIES = ("exports", "uploads", "cohort-uploads", "cache")


def forget(home=None) -> list[Path]:
    """Delete everything netlearn wrote under NETLEARN_HOME; return what was removed.

    The database (with its WAL files) and netlearn's own folders in it
    (:data:`HOME_DIRECTORIES`); anything else the learner put there is left alone.
    """
    import shutil

    path = Path(home) if home is not None else data_home()
    store = _stores.pop(path, None)
    if store is not None:
        store.close()
    removed = []
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal"):
        target = path / name
        if target.exists():
            target.unlink()
            removed.append(target)
    for name in HOME_DIRECTORIES:
        target = path / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
            removed.append(target)
    return removed


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
            "first (netlearn forget --yes) and restore again to get the backup's")
        self.conflicts = conflicts


def _same(a, b) -> bool:
    return (a if a != "" else None) == (b if b != "" else None) or (
        isinstance(a, (int, float)) and isinstance(b, (int, float)) and float(a) == float(b))


def _restore_table(conn, table, columns, rows, maps) -> tuple[int, int, list[str]]:
    """Merge one table's rows; return (added, already present, conflicts).

    Rows are compared as tuples (a stored row read back equals its archived copy), and
    value by value (NULL and '' alike, 1 and 1.0 alike) only when the tuples differ.
    """
    key_columns = RESTORE_KEYS.get(table) or tuple(c for c in columns if c != "id")
    compare = [c for c in columns if c not in ("id", "created_at")]
    at = {c: i for i, c in enumerate(columns)}
    key_at = [at[c] for c in key_columns]
    compare_at = [at[c] for c in compare]
    mapped = [(at[c], maps[c]) for c in columns if c in maps]
    id_at = at.get("id")
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
    for row in rows:
        if mapped:
            row = list(row)
            for i, ids in mapped:
                if row[i] is not None:
                    row[i] = ids.get(row[i])
        key = tuple([row[i] for i in key_at])
        found = existing.get(key)
        if found is not None:
            stored_id, stored = found
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
            existing[key] = (new_id, tuple([row[i] for i in compare_at]))
            added += 1
        if own_map is not None and id_at is not None:
            own_map[row[id_at]] = new_id
    return added, present, conflicts
