"""The Store's core: its state, closing, and the one read and write path to SQLite."""

from __future__ import annotations

import contextlib
import logging
import random
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import peewee
from peewee import SqliteDatabase

from desktop.advice.limits import InvalidInputError
from desktop.advice.model import Session
from desktop.store import files
from desktop.store.errors import BackupError, StoreClosedError, StoreError, translate
from desktop.store.lock import DatabaseLock
from desktop.store.models import MODELS, MetaRow
from desktop.store.opening import connect, prepare_queries, rows_to_sessions
from desktop.store.schema import CHANGES_KEY

log = logging.getLogger(__name__)

MAX_ID = 2**63 - 1
MAX_KEY = 200
# The fewest "?" placeholders any SQLite build allows in one statement (builds before 3.32
# default to 999); used when a connection cannot say its own limit.
SAFE_SQL_VARIABLES = 999
# No statement needs more ids than this at once; fewer, longer statements gain nothing.
MOST_SQL_VARIABLES = 32_766


def sql_variable_limit(conn: sqlite3.Connection) -> int:
    """How many ids one statement may carry on this connection (its SQLite build's limit)."""
    try:
        limit = int(conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (sqlite3.Error, AttributeError):
        return SAFE_SQL_VARIABLES
    return max(1, min(MOST_SQL_VARIABLES, limit))


@dataclass(frozen=True)
class UnreadableRow:
    """A stored session whose values the engine refuses; it is left out of every read."""

    id: int
    start: str
    reason: str

    @property
    def message(self) -> str:
        """The sentence telling the user which session is hidden and what to do."""
        return (
            f"The session saved for {self.start[:16]} (number {self.id}) holds values Liftrun "
            f"cannot use ({self.reason}), so it is not shown. Restore a backup, or delete it."
        )


def _now_local() -> datetime:
    """The clock for created/updated times: naive local time, whole seconds."""
    return datetime.now().replace(microsecond=0)


def _typed(value: object, kind: type, what: str) -> Any:
    """The store's own boundary check: the right engine type (its values are the engine's)."""
    if not isinstance(value, kind):
        raise InvalidInputError(f"Only a {kind.__name__} can be saved as {what}.")
    return value


def _check_day(day: object) -> date:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInputError("A day must be a calendar date (without a time).")
    return day


def _check_range(first: object, last: object) -> tuple[date, date]:
    first_day, last_day = _check_day(first), _check_day(last)
    if first_day > last_day:
        raise InvalidInputError("The first day of a range must not be after the last day.")
    return first_day, last_day


def _check_id(session_id: object) -> int:
    if not isinstance(session_id, int) or isinstance(session_id, bool):
        raise InvalidInputError("A session id must be a whole number.")
    if not 1 <= session_id <= MAX_ID:
        raise InvalidInputError("A session id must be a positive whole number.")
    return session_id


def _check_key(key: object, what: str = "A preference name") -> str:
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY:
        raise InvalidInputError(f"{what} must be text of 1 to {MAX_KEY} characters.")
    return key


class StoreCore:
    """What every part of the Store shares: the open database, its lock, its read/write path."""

    def __init__(
        self, path: Path, lock: DatabaseLock, keep_backups: int, busy_timeout_ms: int
    ) -> None:
        self._path = path
        self._lock = lock
        self._keep_backups = keep_backups
        self._timeout_s = busy_timeout_ms / 1000
        self._busy_timeout_ms = busy_timeout_ms
        self._db: SqliteDatabase | None = None
        self._sql: dict[str, str] = {}
        self._unreadable: dict[int, UnreadableRow] = {}
        self._adjustments: list[str] = []
        self._unseen_backup_error: BackupError | None = None
        self.last_backup_error: BackupError | None = None
        self._backup_state = threading.Lock()  # the daily backup may run in another thread
        self._background: list[threading.Thread] = []

    def _load(self) -> None:
        """Check the file read-only, back up and migrate if older, then open it for writing."""
        db, told = connect(self._path, self._busy_timeout_ms, self._keep_backups)
        self._db = db
        self._adjustments.extend(told)
        with self._reading():
            self._sql = prepare_queries()

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def closed(self) -> bool:
        """True after close()."""
        return self._db is None

    @property
    def keep_backups(self) -> int:
        """How many daily (and manual) backups are kept in the backups folder."""
        return self._keep_backups

    def close(self) -> None:
        """Close the database (SQLite checkpoints its WAL) and release the lock; idempotent.

        A background daily backup still running is waited for first, so it completes and
        its reading connection is gone before the last checkpoint.
        """
        while self._background:
            thread = self._background.pop()
            if thread is not threading.current_thread():
                thread.join()
        db, self._db = self._db, None
        try:
            if db is not None:
                db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> StoreCore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- plumbing ------------------------------------------------------------------------------

    def _closed_error(self) -> StoreClosedError:
        return StoreClosedError(
            f"{self._path} is closed; open it again to read or save.", self._path
        )

    def _open_db(self) -> SqliteDatabase:
        if self._db is None:
            raise self._closed_error()
        return self._db

    @contextlib.contextmanager
    def _reading(self, doing: str = "reading the database") -> Iterator[sqlite3.Connection]:
        """The models bound to this database for one read; SQLite errors become StoreErrors."""
        db = self._open_db()
        try:
            with db.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False):
                yield db.connection()
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, doing) from error

    @contextlib.contextmanager
    def _writing(self, doing: str) -> Iterator[None]:
        """One transaction for one user action; nothing is written if anything fails."""
        db = self._open_db()
        files.check_writable(self._path)
        try:
            with db.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False), db.atomic():
                yield
                MetaRow.update(value=random.getrandbits(62)).where(
                    MetaRow.key == CHANGES_KEY
                ).execute()
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, doing) from error
        except (OverflowError, UnicodeEncodeError) as error:
            # The engine refuses such values; this only guards against a caller that forced
            # one into a frozen Session after it was validated.
            raise StoreError(
                f"A value could not be stored ({error}), so {doing} failed. Check the "
                "numbers and the text you entered; nothing was saved.",
                self._path,
            ) from error

    def _query(self, key: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self._reading() as conn:
            return list(conn.execute(self._sql[key], params).fetchall())

    def _sessions(self, rows: list[tuple[Any, ...]]) -> list[Session]:
        sessions, refused = rows_to_sessions(rows)
        for row_id, start, reason in refused:
            if row_id not in self._unreadable:
                log.warning("Session %s cannot be read and is left out: %s", row_id, reason)
            self._unreadable[row_id] = UnreadableRow(row_id, start, reason)
        return sessions

    def unreadable_sessions(self) -> list[UnreadableRow]:
        """Stored sessions the reads so far had to leave out, by id (see UnreadableRow.message)."""
        return [self._unreadable[key] for key in sorted(self._unreadable)]
