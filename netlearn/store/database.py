"""The learner's database: opening it, transactions, and every read and write by name."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from netlearn.plumbing.errors import StoreError
from netlearn.plumbing.paths import data_home
from netlearn.store import bulk
from netlearn.store.common import DB_NAME, ImportResult, iso, parse_date, utc_now
from netlearn.store.export import EXPORT_TABLES, write_csv_tables
from netlearn.store.migrations import migrate
from netlearn.store.reads import Reads
from netlearn.store.restore import merge_tables

BUSY_TIMEOUT_S = 60.0
PAGE_SIZE = 16384  # bytes, for a database created now (an older one keeps its own)
WAL_CHECKPOINT_BYTES = 4 * 1024 * 1024
OPTION_SEED_KEY = "option_seed"  # settings key of the learner's quiz-option shuffling seed
TIME_CONSENT_KEY = "time_consent"  # settings key: may the course measure time per notebook?
#: The notebook that asks for each self-assessment phase but "check" (asked in the mistake's
#: own notebook): notebook 00 rates every mistake "before", 06 "after", 07 at the check-in.
RATING_NOTEBOOKS = {"before": "00-start-here", "after": "06-action-plan",
                    "check-in": "07-check-in"}


class Store(Reads):
    """The learner's database: progress and networking activity.

    Screens read through named methods (:class:`~netlearn.store.reads.Reads`, e.g.
    ``recent_events()``, ``open_commitments(kind)``, ``contact_choices()``); no caller
    sends SQL.

    Parameters
    ----------
    home : path-like, optional
        Directory that holds the database; defaults to :func:`netlearn.plumbing.paths.data_home`.

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
        self._last_topic = None  # the notebook of the last save that named one (_note_activity)
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
            # a new database only (before its first page is written): an import writes
            # many rows at once, and bigger pages mean fewer of them to write and checkpoint
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            # checkpoint after ~4 MB of WAL whatever the page size (SQLite's default is
            # 1000 pages: 4 MB of 4 KB pages), so bigger pages do not defer the work
            (page_size,) = conn.execute("PRAGMA page_size").fetchone()
            conn.execute(f"PRAGMA wal_autocheckpoint = {max(1, WAL_CHECKPOINT_BYTES // page_size)}")
            conn.execute("PRAGMA synchronous = NORMAL")
            # 8 MB: room for the pages an import writes and the indexes it checks, without
            # holding much of a learner's database in a notebook kernel's memory
            conn.execute("PRAGMA cache_size = -8192")
            self._migrate(conn)
        except sqlite3.Error as exc:
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
        migrate(conn, self.path)

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

    def _query(self, sql: str, params=()) -> list[sqlite3.Row]:
        """Run a read-only query and return its rows (the store's own; callers use named reads)."""
        with self._lock, self._database_errors():
            cursor = self._conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    @contextmanager
    def _database_errors(self):
        """Turn every SQLite error into a one-line StoreError naming the file.

        Callers (screens, the CLI) catch :class:`~netlearn.plumbing.errors.NetlearnError` and never
        see ``sqlite3``; its message is kept in the line.
        """
        try:
            yield
        except sqlite3.Error as exc:
            text = " ".join(str(exc).split()) or type(exc).__name__
            if "malformed" in text or "not a database" in text:
                message = self._corrupt_message()
            elif isinstance(exc, sqlite3.OperationalError) and (
                    "disk" in text or "readonly" in text or "I/O" in text):
                message = f"cannot read or write ({text})"
            elif isinstance(exc, sqlite3.OperationalError) and (
                    "locked" in text or "busy" in text):
                message = (f"the database is locked by another program ({text}); close other "
                           "netlearn sessions and try again")
            elif isinstance(exc, (sqlite3.InterfaceError, sqlite3.ProgrammingError,
                                  sqlite3.IntegrityError)):
                message = f"cannot store this record ({text}); nothing was saved"
            else:
                message = f"cannot read or write ({text})"
            raise StoreError(message, path=self.path) from None

    # -- progress: quiz answers --------------------------------------------------
    def save_answer(self, topic, item_id, answer, score, max_score, correct, kind="quiz",
                    version="") -> int:
        """Store one attempt at a quiz item or scenario; return its row id.

        ``answer`` holds canonical option ids (never display letters); ``version`` is the
        item's content version when it was answered (``''`` where unknown).
        """
        with self.transaction() as conn:
            self._note_activity(conn, topic)
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
        rows = self._query(
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
            self._note_activity(conn, topic)
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
            self._note_activity(conn, RATING_NOTEBOOKS.get(phase, topic))
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
        for row in self._query(sql + " ORDER BY id", params):
            latest[(row["topic"], row["statement_id"], row["phase"])] = row["value"]
        return latest

    def save_reflection(self, topic, prompt_id, text) -> None:
        """Store (or replace) the learner's reflection on a prompt."""
        now = utc_now()
        with self.transaction() as conn:
            self._note_activity(conn, topic)
            conn.execute(
                "INSERT INTO reflections (topic, prompt_id, text, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic, prompt_id)"
                " DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                (topic, prompt_id, text, now, now),
            )

    def reflections(self, topic=None) -> dict[tuple[str, str], dict]:
        """Return reflections keyed by (topic, prompt id) with text and timestamps."""
        sql = "SELECT topic, prompt_id, text, created_at, updated_at FROM reflections"
        rows = self._query(sql + " WHERE topic = ?", (topic,)) if topic else self._query(sql)
        return {(r["topic"], r["prompt_id"]): dict(r) for r in rows}

    def save_pitch(self, text, words, seconds, rubric) -> int:
        """Store a version of the learner's elevator pitch; return its id."""
        with self.transaction() as conn:
            self._note_activity(conn)
            return conn.execute(
                "INSERT INTO pitches (text, words, seconds, rubric, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (text, int(words), float(seconds), json.dumps(rubric), utc_now()),
            ).lastrowid

    def pitches(self) -> list[dict]:
        """Return saved pitch versions, oldest first."""
        rows = self._query("SELECT id, text, words, seconds, rubric, created_at FROM pitches"
                          " ORDER BY id")
        return [dict(r, rubric=json.loads(r["rubric"])) for r in rows]

    def set_setting(self, key, value) -> None:
        """Store a small learner setting (e.g. which data the charts use)."""
        if key == TIME_CONSENT_KEY:  # a No must delete the moments: see set_time_consent
            raise ValueError("the time consent is set with set_time_consent")
        with self.transaction() as conn:
            self._note_activity(conn)
            _write_setting(conn, key, value)

    def setting(self, key, default=None):
        """Return a stored setting, or ``default``."""
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0]["value"]) if rows else default

    def option_seed(self) -> str:
        """Return this learner's seed for the order of quiz options, made on first need.

        A random value kept in the settings table, so the order each learner sees
        (:func:`netlearn.teaching.grading.option_order`) survives visits and kernel restarts.
        Two kernels asking at once get the same seed: the first insert wins.
        """
        rows = self._query("SELECT value FROM settings WHERE key = ?", (OPTION_SEED_KEY,))
        if not rows:
            with self.transaction() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO NOTHING",
                             (OPTION_SEED_KEY, json.dumps(secrets.token_hex(16))))
            rows = self._query("SELECT value FROM settings WHERE key = ?", (OPTION_SEED_KEY,))
        return str(json.loads(rows[0]["value"]))

    # -- activity ----------------------------------------------------------------
    def save_batch(self, batch, kind=None, digest=None) -> ImportResult:
        """Store an import batch in one transaction; re-importing adds nothing.

        See :func:`netlearn.store.bulk.save_batch`, which does the work.
        """
        with self.transaction() as conn:
            self._note_activity(conn)
            return bulk.save_batch(conn, batch, kind, digest)

    def has_imported(self, kind) -> bool:
        """Return True when anything was imported as ``kind`` before (logged in imports)."""
        return bool(self._query("SELECT 1 FROM imports WHERE kind = ? LIMIT 1", (kind,)))

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
        rows = self._query(
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
            self._note_activity(conn)
            bulk.log_import(conn, kind, path, utc_now(), result, digest)
        return result

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
        values = [iso(v) if not isinstance(v, bool) else int(v) for v in fields.values()]
        with self.transaction() as conn:
            self._note_activity(conn)
            conn.execute(f"UPDATE contacts SET {assignments} WHERE id = ?",
                         (*values, contact_id))

    def set_commitment_done(self, commitment_id, done=True) -> None:
        """Mark a commitment done (or open again)."""
        with self.transaction() as conn:
            self._note_activity(conn)
            conn.execute("UPDATE commitments SET done = ?, done_at = ? WHERE id = ?",
                         (int(done), utc_now() if done else None, commitment_id))

    def set_commitment_state(self, commitment_id, state) -> None:
        """Record a commitment as ``"done"``, ``"not done"`` (still open) or ``"dropped"``."""
        if state not in ("done", "not done", "dropped"):
            raise ValueError(f"unknown commitment state {state!r}")
        now = utc_now()
        with self.transaction() as conn:
            self._note_activity(conn)
            conn.execute(
                "UPDATE commitments SET done = ?, done_at = ?, dropped_at = ? WHERE id = ?",
                (int(state == "done"), now if state == "done" else None,
                 now if state == "dropped" else None, commitment_id))

    def commitment_states(self) -> dict:
        """Return commitment id -> ``"done"``, ``"not done"`` or ``"dropped"``."""
        from netlearn.network.records import commitment_state

        return {row["id"]: commitment_state(bool(row["done"]), row["dropped_at"] is not None)
                for row in self._query("SELECT id, done, dropped_at FROM commitments")}

    def update_event(self, event_id, **checklist) -> None:
        """Change an event's checklist items or attendance."""
        from netlearn.network.records import EVENT_CHECKLIST

        allowed = {"attended", "title", "location", "day", *EVENT_CHECKLIST}
        unknown = set(checklist) - allowed
        if unknown:
            raise ValueError(f"unknown event fields: {sorted(unknown)}")
        if not checklist:
            return
        assignments = ", ".join(f"{name} = ?" for name in checklist)
        values = [int(v) if isinstance(v, bool) else iso(v) for v in checklist.values()]
        with self.transaction() as conn:
            self._note_activity(conn)
            conn.execute(f"UPDATE events SET {assignments} WHERE id = ?", (*values, event_id))

    def counts(self) -> dict[str, int]:
        """Return the number of rows per activity table."""
        return {
            table: self._query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
            for table in ("contacts", "interactions", "events", "commitments")
        }

    def has_activity(self) -> bool:
        """Return True when the learner has logged or imported anything."""
        return any(self.counts().values())

    def load_network(self):
        """Return the learner's activity as a :class:`~netlearn.network.records.Network`."""
        from netlearn.network.records import Commitment, Contact, Event, Interaction, Network

        keys = {}
        contacts = []
        for row in self._query("SELECT * FROM contacts ORDER BY id"):
            contact = Contact(
                name=row["name"], source=row["source"], source_ref=row["source_ref"],
                email=row["email"], company=row["company"], position=row["position"],
                url=row["url"], connected_on=parse_date(row["connected_on"]),
                met_on=parse_date(row["met_on"]), cadence_days=row["cadence_days"],
                close=bool(row["close"]), notes=row["notes"], id=row["id"],
            )
            keys[row["id"]] = contact.key
            contacts.append(contact)
        with self._lock, self._database_errors():
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
        for row in self._query("SELECT event_id, contact_id FROM event_attendees"):
            attendees.setdefault(row["event_id"], []).append(keys.get(row["contact_id"], ""))
        events = [
            Event(
                title=row["title"], day=parse_date(row["day"]), attended=bool(row["attended"]),
                **{name: bool(row[name]) for name in Event.CHECKLIST}, location=row["location"],
                attendee_keys=attendees.get(row["id"], []), source=row["source"],
                source_ref=row["source_ref"], id=row["id"],
            )
            for row in self._query("SELECT * FROM events ORDER BY day, id")
        ]
        commitments = [
            Commitment(
                text=row["text"], due=parse_date(row["due"]), done=bool(row["done"]),
                contact_key=keys.get(row["contact_id"], ""), contact_id=row["contact_id"],
                source=row["source"], source_ref=row["source_ref"], id=row["id"],
                dropped=row["dropped_at"] is not None, kind=row["kind"],
            )
            for row in self._query("SELECT * FROM commitments ORDER BY due, id")
        ]
        return Network(contacts, interactions, events, commitments, label="your data")

    # -- export and forget -------------------------------------------------------
    def export_csv(self, directory) -> list[Path]:
        """Write one CSV per table (with a header row) into ``directory``; return the paths."""
        with self._lock, self._database_errors():
            return write_csv_tables(self._conn, directory)

    # -- privacy, backup and restore ---------------------------------------------
    def _make_private(self) -> None:
        """Make NETLEARN_HOME 0700 and the database and netlearn's files in it 0600.

        Also fixes files an older netlearn created readable by others. A store whose
        permissions cannot be changed still opens; the reason is printed as one line.
        """
        from netlearn.plumbing.permissions import create_private_file, report, secure_home

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
            :mod:`netlearn.keep.archive` (columns of this store's tables, ``id`` included).

        Returns
        -------
        dict
            table -> rows added; ``"__present__"`` -> rows already stored.

        Raises
        ------
        RestoreConflict
            When rows differ from stored ones with the same key (nothing written).
        """
        with self.transaction() as conn:
            return merge_tables(conn, tables)

    # -- measured time, only with the learner's consent ---------------------------------
    def time_consent(self) -> bool | None:
        """Return whether the learner lets the course measure their time per notebook.

        Returns
        -------
        bool or None
            None until they answer (nothing is measured then either).
        """
        value = self.setting(TIME_CONSENT_KEY)
        return None if value is None else bool(value)

    def set_time_consent(self, agree: bool) -> int:
        """Store the learner's answer; a No deletes every moment noted so far, at once.

        Parameters
        ----------
        agree : bool

        Returns
        -------
        int
            How many noted moments were deleted (0 after a Yes).
        """
        with self.transaction() as conn:
            _write_setting(conn, TIME_CONSENT_KEY, bool(agree))
            if agree:
                return 0
            return conn.execute("DELETE FROM notebook_activity").rowcount

    def measured_minutes(self) -> dict[str, int]:
        """Return topic id -> minutes measured in that notebook; empty without consent.

        The minutes between the learner's first and last save in each notebook, long gaps
        capped and rounded (:func:`netlearn.plumbing.measured_time.notebook_minutes`): a
        lower bound, since reading without a save is not seen.
        """
        from netlearn.plumbing.measured_time import measured_minutes

        moments: dict[str, list[str]] = {}
        for row in self._query(
                "SELECT topic, at FROM notebook_activity WHERE EXISTS (SELECT 1 FROM settings"
                " WHERE key = ? AND value = 'true') ORDER BY topic, at", (TIME_CONSENT_KEY,)):
            moments.setdefault(row["topic"], []).append(row["at"])
        return measured_minutes(moments)

    def _note_activity(self, conn, topic=None) -> None:
        """Note, in the caller's write transaction, that the learner saved something now.

        Only while they agree (:meth:`time_consent`): the answer is read in the same
        statement, so a kernel that missed a withdrawal made in another notes nothing. A
        save that names no notebook (a log entry, a pitch, a checklist) counts for the
        notebook of this store's last save that named one: Jupyter gives each open
        notebook its own kernel, and so its own store, so that is the notebook in use.
        Before any such save in this kernel, it is not noted.
        """
        if topic is None:
            topic = self._last_topic
        else:
            self._last_topic = topic
        if topic is None:
            return
        conn.execute(
            "INSERT OR IGNORE INTO notebook_activity (topic, at) SELECT ?, ? WHERE EXISTS"
            " (SELECT 1 FROM settings WHERE key = ? AND value = 'true')",
            (topic, utc_now(), TIME_CONSENT_KEY))


def _write_setting(conn, key, value) -> None:
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (key, json.dumps(value)))


_stores: dict[Path, Store] = {}


def get_store(home=None) -> Store:
    """Return the shared :class:`Store` for ``home`` (default: NETLEARN_HOME), opening it once."""
    path = Path(home) if home is not None else data_home()
    store = _stores.get(path)
    if store is None:
        store = _stores[path] = Store(path)
    return store
