"""The Store: one SQLite training log, opened safely, written in transactions, backed up."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.advice.limits import InvalidInputError
from desktop.advice.model import Session, WeekTotals
from desktop.store import files, templates, totals
from desktop.store.backing_up import BackupMethods
from desktop.store.base import (
    StoreCore,
    UnreadableRow,
    _check_day,
    _check_id,
    _check_key,
    _check_range,
    _now_local,
    _typed,
    sql_variable_limit,
)
from desktop.store.days import DayRecords
from desktop.store.errors import (
    DatabaseFolderMissingError,
    NotADatabaseError,
    SessionNotFoundError,
    StoreError,
    TemplateNotFoundError,
)
from desktop.store.lock import DatabaseLock
from desktop.store.models import SessionRow, session_values
from desktop.store.records import RecordQueries

DEFAULT_KEEP_BACKUPS = 7
DEFAULT_BUSY_TIMEOUT_MS = 5000
MAX_BUSY_TIMEOUT_MS = 10 * 60 * 1000  # waiting longer for a lock helps nobody

__all__ = ["Store", "UnreadableRow"]


def _day_bounds(first: date, last: date) -> tuple[str, str]:
    """Start-column bounds [lo, hi) covering whole days first..last."""
    high = (last + timedelta(days=1)).isoformat() if last < date.max else "9999-12-31 ~"
    return first.isoformat(), high


class Store(BackupMethods, DayRecords, RecordQueries, StoreCore):
    """A Liftrun database file opened for exclusive writing; use Store.open()."""

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        keep_backups: int = DEFAULT_KEEP_BACKUPS,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        daily_backup: bool = True,
    ) -> Store:
        """Open (or create) the database at `path`, checking it before writing anything.

        The daily backup is taken before this returns; with `daily_backup=False` the caller
        promises to run it soon, e.g. `start_daily_backup()` once its window is on screen.

        Raises a StoreError subclass naming what to do: DatabaseFolderMissingError,
        NotADatabaseError, CorruptDatabaseError, ReadOnlyDatabaseError, DiskFullError,
        DatabaseLockedError, AlreadyOpenError, NewerSchemaError or BackupError.
        """
        if not isinstance(keep_backups, int) or isinstance(keep_backups, bool) or keep_backups < 1:
            raise InvalidInputError("keep_backups must be a whole number of at least 1.")
        if (
            not isinstance(busy_timeout_ms, int)
            or isinstance(busy_timeout_ms, bool)
            or not 0 <= busy_timeout_ms <= MAX_BUSY_TIMEOUT_MS
        ):
            raise InvalidInputError(
                f"busy_timeout_ms must be a whole number from 0 to {MAX_BUSY_TIMEOUT_MS:,}."
            )
        db_path = Path(path).expanduser().absolute()
        if not db_path.parent.is_dir():
            raise DatabaseFolderMissingError(
                f"The folder {db_path.parent} does not exist, so {db_path.name} cannot be "
                "created there. Create the folder first or choose another location.",
                db_path,
            )
        if db_path.is_dir():
            raise NotADatabaseError(
                f"{db_path} is a folder, not a database file. Choose a file such as "
                f"{db_path / 'liftrun.db'}.",
                db_path,
            )
        files.check_regular(db_path)
        files.check_writable(db_path)
        before = files.side_files(db_path)
        lock = DatabaseLock.acquire(db_path)
        store = cls(db_path, lock, keep_backups, busy_timeout_ms)
        try:
            store._load()
            if (db_path.parent / "backups").is_dir():
                from desktop.store import backups  # not loaded for a file without backups

                backups.remove_stray_partials(db_path)
            if daily_backup:
                store.daily_backup()
        except BaseException:
            store.close()
            files.remove_new_side_files(db_path, before)
            raise
        return store

    def __enter__(self) -> Store:
        return self

    # --- sessions ------------------------------------------------------------------------------

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
        conn = self._open_db().connection()
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
                self._path,
            )
        return new_ids

    def add(self, session: Session) -> int:
        """Save a new session and return its id (any id the session carries is ignored)."""
        session = _typed(session, Session, "a session")
        with self._writing("saving a session"):
            return self._insert(session, _now_local())

    def add_many(self, sessions: Iterable[Session]) -> list[int]:
        """Save many new sessions in one transaction (all or none); returns their ids."""
        checked = [_typed(session, Session, "a session") for session in sessions]
        now = _now_local()
        with self._writing("saving sessions"):
            return self._insert_all(checked, now)

    def update(self, session_id: int, session: Session) -> None:
        """Replace a session's fields, keeping its created time; SessionNotFoundError if missing."""
        session_id = _check_id(session_id)
        values = session_values(_typed(session, Session, "a session"))
        with self._writing("saving a session"):
            changed = (
                SessionRow.update(updated=_now_local(), **values)
                .where(SessionRow.id == session_id)
                .execute()
            )
            if changed != 1:
                raise SessionNotFoundError(
                    f"Session {session_id} no longer exists (it may have been deleted); "
                    "add it again instead.",
                    self._path,
                )
        self._unreadable.pop(session_id, None)

    def delete(self, session_id: int) -> None:
        """Delete a session. Missing id: SessionNotFoundError."""
        session_id = _check_id(session_id)
        with self._writing("deleting a session"):
            if SessionRow.delete().where(SessionRow.id == session_id).execute() != 1:
                raise SessionNotFoundError(
                    f"Session {session_id} does not exist; it may already have been deleted.",
                    self._path,
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
        with self._writing("saving your change"):
            step = sql_variable_limit(self._open_db().connection())
            for first in range(0, len(remove_ids), step):
                chunk = remove_ids[first : first + step]
                SessionRow.delete().where(SessionRow.id.in_(chunk)).execute()
            for session in checked:
                SessionRow.replace(
                    id=session.id,
                    created=session.created or now,
                    updated=session.updated or now,
                    **session_values(session),
                ).execute()
            new_ids = self._insert_all(new, now)
        for session_id in (*remove_ids, *(session.id for session in checked)):
            self._unreadable.pop(session_id, None)
        return new_ids

    def get(self, session_id: int) -> Session | None:
        """The session with this id, or None (also when its stored values cannot be read)."""
        found = self._sessions(self._query("get", (_check_id(session_id),)))
        return found[0] if found else None

    def sessions_between(self, first: date, last: date) -> list[Session]:
        """Sessions starting on days first..last (both included), ordered by start."""
        first, last = _check_range(first, last)
        return self._sessions(self._query("between", _day_bounds(first, last)))

    def sessions_on(self, day: date) -> list[Session]:
        """Sessions starting on one day, ordered by start."""
        return self.sessions_between(day, day)

    def all_sessions(self) -> list[Session]:
        """Every session, ordered by start."""
        return self._sessions(self._query("all", ()))

    def weekly_totals(self, first: date, last: date, first_weekday: int = 0) -> list[WeekTotals]:
        """Totals for every week (from `first_weekday`, Monday 0 ... Sunday 6) from first's to
        last's, empty ones included."""
        first, last = _check_range(first, last)
        if last > date.max - timedelta(days=7):
            raise InvalidInputError("The last week asked for is out of the calendar's range.")
        with self._reading() as conn:
            return totals.weekly_totals(conn, first, last, first_weekday)

    def weekly_mean_rpe(self, first: date, last: date, first_weekday: int = 0) -> dict[date, float]:
        """Each week's mean RPE of its done sessions, by the week's first day, from first's
        week to last's."""
        first, last = _check_range(first, last)
        with self._reading() as conn:
            return totals.weekly_mean_rpe(conn, first, last, first_weekday)

    # --- week templates ------------------------------------------------------------------------

    def save_template(self, name: str, sessions: Sequence[Session]) -> None:
        """Keep `sessions` as the week template `name` (replacing one of the same name)."""
        name = _check_key(name, "A template name")
        checked = [_typed(session, Session, "a session") for session in sessions]
        with self._writing("saving the template"):
            templates.write(name, checked)

    def template_names(self) -> list[str]:
        """The saved templates' names, sorted."""
        with self._reading():
            return templates.names()

    def template(self, name: str, week_start: date, first_weekday: int = 0) -> list[Session]:
        """The template's sessions placed on the week holding `week_start` (weeks from
        `first_weekday`, Monday 0): planned, no ids."""
        name = _check_key(name, "A template name")
        week_start = _check_day(week_start)
        with self._reading():
            placed = templates.place(name, week_start, first_weekday)
        if placed is None:
            raise TemplateNotFoundError(
                f"There is no template called {name!r}; it may have been deleted.", self._path
            )
        return placed

    def delete_template(self, name: str) -> None:
        """Remove a template (nothing happens if there is none)."""
        name = _check_key(name, "A template name")
        with self._writing("deleting the template"):
            templates.delete(name)
