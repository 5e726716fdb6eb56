"""The database schema as an ordered list of migrations, and the step that applies them."""

from __future__ import annotations

import sqlite3

from netlearn.plumbing.errors import StoreError

SCHEMA_VERSION = 7

#: How schema 4 and earlier marked a commitment's kind: by how its text began (the give
#: planner wrote "Give: …"; the follow-up drafter and the never-followed-up list wrote
#: "Send follow-up: …"). Frozen: migration 5 and the restore of older backups read it.
LEGACY_KIND_PREFIXES = (("give", "Give: "), ("follow-up", "Send follow-up: "))


def _unique_interaction_refs(conn: sqlite3.Connection) -> None:
    """5 -> 6: interactions are unique on ``(source, source_ref)`` again.

    Schema 2 to 5 had no such constraint, so a database may hold an interaction twice.
    The earliest row (lowest id) of each ``(source, source_ref)`` stays; whatever points
    at a later one (any column whose foreign key names ``interactions``) is moved to the
    earliest, and the later ones are deleted. Then a unique index holds the pair.
    """
    later = conn.execute(
        "SELECT i.id, first.id FROM interactions i JOIN (SELECT source, source_ref, min(id)"
        " AS id FROM interactions GROUP BY source, source_ref HAVING count(*) > 1) first"
        " ON i.source = first.source AND i.source_ref = first.source_ref"
        " WHERE i.id != first.id").fetchall()
    if later:
        for table, column in _columns_referencing(conn, "interactions"):
            conn.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" = ?',
                             [(first, duplicate) for duplicate, first in later])
        conn.executemany("DELETE FROM interactions WHERE id = ?",
                         [(duplicate,) for duplicate, _ in later])
    conn.execute("CREATE UNIQUE INDEX interactions_source_ref"
                 " ON interactions(source, source_ref)")


def _columns_referencing(conn: sqlite3.Connection, target: str) -> list[tuple[str, str]]:
    """Every (table, column) whose foreign key points at the id of ``target``'s rows.

    Names come from the database's own schema, so they may be written into SQL text.
    """
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    found = []
    for table in tables:
        for key in conn.execute('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)',
                                (table,)):
            if key[0] == target and key[2] in (None, "id"):
                found.append((table, key[1]))
    return found


# Migrations: MIGRATIONS[n] upgrades a database from user_version n to n + 1: a script of
# SQL statements, or a function of the connection where the step needs to look first.
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
    # interactions lose their two indexes (nothing queried by contact). Dropping
    # UNIQUE (source, source_ref) with them left idempotent imports to the import code
    # alone; migration 6 brings it back.
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
    # 4 -> 5: a commitment's kind ('give', 'follow-up' or 'other') becomes a column instead
    # of a prefix of its text (see LEGACY_KIND_PREFIXES); substr, not LIKE, so the match is
    # as exact (case and all) as the startswith tests it replaces. The text keeps its
    # prefix: it is what the learner reads on every screen, reminder and action plan, and a
    # backup made before this version must match its rows when restored, not conflict.
    "ALTER TABLE commitments ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';" + "".join(
        f"UPDATE commitments SET kind = '{kind}'"
        f" WHERE substr(text, 1, {len(prefix)}) = '{prefix}';"
        for kind, prefix in LEGACY_KIND_PREFIXES),
    # 5 -> 6: idempotent imports rest on the schema again, not on the import code alone.
    _unique_interaction_refs,
    # 6 -> 7: when the learner saved something in each notebook (topic id, UTC time), noted
    # only while they agree to have their time measured (Store.measured_minutes). Two saves
    # in the same second are one moment, hence the UNIQUE.
    """
    CREATE TABLE notebook_activity (
        topic TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (topic, at)
    );
    """,
]


def legacy_kind(text) -> str:
    """Return the kind schema 4 meant by a commitment's text (as migration 5 reads it)."""
    for kind, prefix in LEGACY_KIND_PREFIXES:
        if isinstance(text, str) and text.startswith(prefix):
            return kind
    return "other"


def migrate(conn: sqlite3.Connection, path) -> None:
    """Bring a database up to :data:`SCHEMA_VERSION` in one transaction; refuse a newer one."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"was written by a newer netlearn (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade netlearn (pip install -U netlearn) to open it",
            path=path,
        )
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for step in MIGRATIONS[version:]:
            if callable(step):
                step(conn)
                continue
            for statement in step.split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
