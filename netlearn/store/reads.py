"""The store's named reads for screens: what a form or practice tool asks for, as plain dicts.

Callers outside the store never send SQL; each read here names what it returns. Rows come
back as dicts of column -> value (dates as ISO text, flags as 0/1, as stored).
"""

from __future__ import annotations

import json


class Reads:
    """Named reads of the learner's activity, mixed into :class:`~netlearn.store.Store`.

    Every method runs one query through ``Store._query`` (under the store's lock, with
    SQLite errors turned into :class:`~netlearn.plumbing.errors.StoreError`).
    """

    def _query(self, sql: str, params=()):  # provided by Store: a list of sqlite3.Row
        raise NotImplementedError

    def _dicts(self, sql: str, params=()) -> list[dict]:
        return [dict(row) for row in self._query(sql, params)]

    def _one(self, sql: str, params=()) -> dict | None:
        rows = self._dicts(sql, params)
        return rows[0] if rows else None

    # -- contacts ----------------------------------------------------------------
    def contact(self, contact_id) -> dict | None:
        """Return one stored contact (every column), or None when there is no such id."""
        return self._one("SELECT * FROM contacts WHERE id = ?", (contact_id,))

    def contact_choices(self) -> list[dict]:
        """Return every contact's ``id``, ``name`` and ``company``, by name (case-blind)."""
        return self._dicts("SELECT id, name, company FROM contacts ORDER BY lower(name), id")

    def contact_ids_named(self, name: str) -> list[int]:
        """Return the ids of the contacts called ``name`` (case-blind), in id order."""
        return [row["id"] for row in self._query(
            "SELECT id FROM contacts WHERE lower(name) = lower(?) ORDER BY id", (name,))]

    def recent_contacts(self, limit: int = 5) -> list[dict]:
        """Return the latest ``limit`` contacts added: name, company, met_on, cadence, close."""
        return self._dicts("SELECT id, name, company, met_on, cadence_days, close FROM contacts"
                           " ORDER BY id DESC LIMIT ?", (limit,))

    def contact_cadences(self) -> list[dict]:
        """Return every contact's ``id``, ``name``, ``company``, ``cadence_days`` and ``close``."""
        return self._dicts("SELECT id, name, company, cadence_days, close FROM contacts"
                           " ORDER BY id")

    def count_kept_in_touch(self) -> int:
        """Return how many contacts have a keep-in-touch cadence or are marked close."""
        return self._query("SELECT COUNT(*) AS n FROM contacts"
                           " WHERE cadence_days IS NOT NULL OR close = 1")[0]["n"]

    # -- interactions ------------------------------------------------------------
    def recent_interactions(self, limit: int = 5) -> list[dict]:
        """Return the latest ``limit`` interactions logged, with the contact's name.

        Keys: ``occurred_at``, ``contact_name`` ('' when none), ``channel``, ``direction``,
        ``purpose``, ``note``.
        """
        return self._dicts(
            "SELECT i.occurred_at, coalesce(c.name, '') AS contact_name, i.channel,"
            " i.direction, i.purpose, i.note FROM interactions i"
            " LEFT JOIN contacts c ON c.id = i.contact_id ORDER BY i.id DESC LIMIT ?",
            (limit,))

    # -- events ------------------------------------------------------------------
    def event(self, event_id) -> dict | None:
        """Return one stored event (every column), or None when there is no such id."""
        return self._one("SELECT * FROM events WHERE id = ?", (event_id,))

    def event_choices(self) -> list[dict]:
        """Return every event's ``id``, ``title`` and ``day``, latest day first."""
        return self._dicts("SELECT id, title, day FROM events ORDER BY day DESC, id DESC")

    def recent_events(self, limit: int = 5) -> list[dict]:
        """Return the latest ``limit`` events logged (every column), newest first."""
        return self._dicts("SELECT * FROM events ORDER BY id DESC LIMIT ?", (limit,))

    # -- commitments -------------------------------------------------------------
    def commitment(self, commitment_id) -> dict | None:
        """Return one stored commitment (every column), or None when there is no such id."""
        return self._one("SELECT * FROM commitments WHERE id = ?", (commitment_id,))

    def open_commitments(self, kind: str | None = None, limit: int | None = None) -> list[dict]:
        """Return the commitments not marked done, soonest due first.

        Parameters
        ----------
        kind : str, optional
            Only this kind (:data:`netlearn.network.records.COMMITMENT_KINDS`); default: every kind.
        limit : int, optional
            At most this many.

        Returns
        -------
        list of dict
            ``id``, ``text``, ``kind``, ``due``, ``contact_id`` and ``contact_name``
            ('' when promised to nobody in particular).
        """
        sql = ("SELECT m.id, m.text, m.kind, m.due, m.contact_id,"
               " coalesce(c.name, '') AS contact_name FROM commitments m"
               " LEFT JOIN contacts c ON c.id = m.contact_id WHERE m.done = 0")
        params: tuple = ()
        if kind is not None:
            sql += " AND m.kind = ?"
            params = (kind,)
        sql += " ORDER BY m.due, m.id"
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return self._dicts(sql, params)

    # -- quiz attempts -----------------------------------------------------------
    def quiz_attempts(self, topic, kind: str = "quiz") -> list[dict]:
        """Return every stored attempt of a topic, those cleared by a reset included.

        What :func:`netlearn.teaching.grading.first_tries` reads to find each item's first
        attempt: in the order made (``created_at``, then the order stored), so an attempt
        restored from a backup takes its place by the time it was made.

        Returns
        -------
        list of dict
            ``item_id``, ``answer`` (parsed JSON: canonical option ids), ``score``,
            ``max_score``, ``correct`` (bool), ``version``, ``created_at`` and ``cleared``
            (bool).
        """
        rows = self._query(
            "SELECT item_id, answer, score, max_score, correct, version, created_at, cleared"
            " FROM answers WHERE topic = ? AND kind = ? ORDER BY created_at, id",
            (topic, kind))
        attempts = []
        for row in rows:
            attempt = dict(row)
            try:
                attempt["answer"] = json.loads(attempt["answer"])
            except ValueError:  # not written by save_answer: never a valid answer
                attempt["answer"] = None
            attempt["correct"] = bool(attempt["correct"])
            attempt["cleared"] = bool(attempt["cleared"])
            attempts.append(attempt)
        return attempts
