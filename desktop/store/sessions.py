"""The Store's sessions: added, updated, deleted and put back exactly, read by day or id.

Rows the engine refuses are left out of every read and kept as `UnreadableRow`s, so the
window can say which sessions are hidden and why.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from desktop.advice.model import Session
from desktop.store.base import (
    Database,
    UnreadableRow,
    _check_id,
    _check_range,
    _now_local,
    _typed,
    sql_variable_limit,
)
from desktop.store.errors import SessionNotFoundError, StoreError
from desktop.store.models import SessionRow, session_values
from desktop.store.opening import rows_to_sessions

log = logging.getLogger(__name__)


def _day_bounds(first: date, last: date) -> tuple[str, str]:
    """Start-column bounds [lo, hi) covering whole days first..last."""
    high = (last + timedelta(days=1)).isoformat() if last < date.max else "9999-12-31 ~"
    return first.isoformat(), high


class SessionTable:
    """Every session of the database, and the rows that could not be read."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._unreadable: dict[int, UnreadableRow] = {}

    # --- writing -------------------------------------------------------------------------------

    def add(self, session: Session) -> int:
        """Save a new session and return its id (any id the session carries is ignored)."""
        session = _typed(session, Session, "a session")
        with self._database.writing("saving a session"):
            return self._insert(session, _now_local())

    def add_many(self, sessions: Iterable[Session]) -> list[int]:
        """Save many new sessions in one transaction (all or none); returns their ids."""
        checked = [_typed(session, Session, "a session") for session in sessions]
        now = _now_local()
        with self._database.writing("saving sessions"):
            return self._insert_all(checked, now)

    def update(self, session_id: int, session: Session) -> None:
        """Replace a session's fields, keeping its created time; SessionNotFoundError if missing."""
        session_id = _check_id(session_id)
        values = session_values(_typed(session, Session, "a session"))
        with self._database.writing("saving a session"):
            changed = (
                SessionRow.update(updated=_now_local(), **values)
                .where(SessionRow.id == session_id)
                .execute()
            )
            if changed != 1:
                raise SessionNotFoundError(
                    f"Session {session_id} no longer exists (it may have been deleted); "
                    "add it again instead.",
                    self._database.path,
                )
        self._unreadable.pop(session_id, None)

    def delete(self, session_id: int) -> None:
        """Delete a session. Missing id: SessionNotFoundError."""
        session_id = _check_id(session_id)
        with self._database.writing("deleting a session"):
            if SessionRow.delete().where(SessionRow.id == session_id).execute() != 1:
                raise SessionNotFoundError(
                    f"Session {session_id} does not exist; it may already have been deleted.",
                    self._database.path,
                )
        self._unreadable.pop(session_id, None)

    def apply_changes(
        self,
        *,
        remove: Iterable[int] = (),
        put: Iterable[Session] = (),
        add: Iterable[Session] = (),
    ) -> list[int]:
        """Delete sessions by id, write sessions exactly as given and add new ones, all in one
        transaction (all or none); returns the new sessions' ids. Any number of each works:
        ids are deleted in statements no longer than the SQLite build allows, inside the
        one transaction.

        Each session in `put` must carry its id; it is inserted, or replaces the row with
        that id, keeping its created and updated times. This is how undo and redo put back
        exactly what was there. A missing id in `remove` is ignored (it is already gone).
        Sessions in `add` get new ids, as with `add_many`.
        """
        remove_ids = [_check_id(session_id) for session_id in remove]
        new = [_typed(session, Session, "a session") for session in add]
        checked = [_typed(session, Session, "a session") for session in put]
        for session in checked:
            if session.id is None:
                raise ValueError("A session put back into the store must carry its id.")
            _check_id(session.id)
        now = _now_local()
        with self._database.writing("saving your change"):
            step = sql_variable_limit(self._database.connection())
            for first in range(0, len(remove_ids), step):
                chunk = remove_ids[first : first + step]
                SessionRow.delete().where(SessionRow.id.in_(chunk)).execute()
            for session in checked:
                SessionRow.insert(
                    id=session.id,
                    created=session.created or now,
                    updated=session.updated or now,
                    **session_values(session),
                ).on_conflict("REPLACE").execute()
            new_ids = self._insert_all(new, now)
        for session_id in (*remove_ids, *(session.id for session in checked)):
            self._unreadable.pop(session_id, None)
        return new_ids

    @staticmethod
    def _insert(session: Session, now: datetime) -> int:
        values = session_values(session)
        return int(
            SessionRow.insert(created=session.created or now, updated=now, **values).execute()
        )

    def _insert_all(self, sessions: list[Session], now: datetime) -> list[int]:
        """Insert new sessions in multi-row statements (as many rows as the SQLite build's
        limit on "?" allows) inside the caller's transaction; their new ids, in order.

        The id column is AUTOINCREMENT and this transaction holds the write lock, so every
        row gets an id above all before it, in the order the rows are given.
        """
        if not sessions:
            return []
        rows = [
            {"created": session.created or now, "updated": now, **session_values(session)}
            for session in sessions
        ]
        conn = self._database.connection()
        per_statement = max(1, sql_variable_limit(conn) // len(rows[0]))
        before = conn.execute("SELECT coalesce(max(id), 0) FROM session").fetchone()[0]
        for first in range(0, len(rows), per_statement):
            SessionRow.insert_many(rows[first : first + per_statement]).execute()
        new_ids = [
            int(row[0])
            for row in conn.execute("SELECT id FROM session WHERE id > ? ORDER BY id", (before,))
        ]
        if len(new_ids) != len(sessions):  # never expected: it would misname undo's ids
            raise StoreError(
                "Liftrun could not tell which sessions it just added, so nothing was saved. "
                "Try again.",
                self._database.path,
            )
        return new_ids

    # --- reading -------------------------------------------------------------------------------

    def get(self, session_id: int) -> Session | None:
        """The session with this id, or None (also when its stored values cannot be read)."""
        found = self._sessions(self._database.query("get", (_check_id(session_id),)))
        return found[0] if found else None

    def between(self, first: date, last: date) -> list[Session]:
        """Sessions starting on days first..last (both included), ordered by start."""
        first, last = _check_range(first, last)
        return self._sessions(self._database.query("between", _day_bounds(first, last)))

    def all(self) -> list[Session]:
        """Every session, ordered by start."""
        return self._sessions(self._database.query("all", ()))

    def unreadable(self) -> list[UnreadableRow]:
        """Stored sessions the reads so far had to leave out, by id (see UnreadableRow.message)."""
        return [self._unreadable[key] for key in sorted(self._unreadable)]

    def _sessions(self, rows: list[tuple[Any, ...]]) -> list[Session]:
        sessions, refused = rows_to_sessions(rows)
        for row_id, start, reason in refused:
            if row_id not in self._unreadable:
                log.warning("Session %s cannot be read and is left out: %s", row_id, reason)
            self._unreadable[row_id] = UnreadableRow(row_id, start, reason)
        return sessions
