"""The Store's database: the open file, its lock, and the one read and write path to SQLite.

Also the checks every part of the store makes at its boundary (ids, days, keys, types).
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import peewee
from peewee import SqliteDatabase

from desktop.advice.limits import InvalidInputError, check_whole
from desktop.store import files
from desktop.store.errors import StoreClosedError, StoreError, translate
from desktop.store.lock import DatabaseLock
from desktop.store.models import MODELS, MetaRow
from desktop.store.opening import connect, prepare_queries
from desktop.store.schema import CHANGES_KEY

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
    """A query bound: any calendar date, date.min and date.max included (the engine's
    check_day is narrower, for days it advises on)."""
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInputError("A day must be a calendar date without a time.")
    return day


def _check_range(first: object, last: object) -> tuple[date, date]:
    first_day, last_day = _check_day(first), _check_day(last)
    if first_day > last_day:
        raise InvalidInputError("The first day of a range must not be after the last day.")
    return first_day, last_day


def _check_id(session_id: object) -> int:
    """A row id as SQLite stores it, checked with the engine's whole-number check."""
    check_whole(session_id, "A session id", 1, MAX_ID, optional=False)
    return session_id  # type: ignore[return-value]


def _check_key(key: object, what: str = "A preference name") -> str:
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY:
        raise InvalidInputError(f"{what} must be text of 1 to {MAX_KEY} characters.")
    return key


class Database:
    """One open Liftrun database file: its lock, its connection and prepared queries, and
    the one read path and one write path every part of the store goes through."""

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

    def load(self) -> list[str]:
        """Check the file read-only, back up and migrate if older, then open it for writing.

        Returns the sentences a migration left for the user.
        """
        db, told = connect(self._path, self._busy_timeout_ms, self._keep_backups)
        self._db = db
        with self.reading():
            self._sql = prepare_queries()
        return told

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def closed(self) -> bool:
        """True after close() (and while a restore swaps the file)."""
        return self._db is None

    @property
    def keep_backups(self) -> int:
        """How many daily (and manual) backups are kept in the backups folder."""
        return self._keep_backups

    @property
    def timeout_s(self) -> float:
        """How long a read or write waits for another connection's lock, in seconds."""
        return self._timeout_s

    def disconnect(self) -> None:
        """Close the connection but keep the lock (a restore swaps the file, then loads)."""
        db, self._db = self._db, None
        if db is not None:
            db.close()

    def close(self) -> None:
        """Close the connection (SQLite checkpoints its WAL) and release the lock."""
        try:
            self.disconnect()
        finally:
            self._lock.release()

    def closed_error(self) -> StoreClosedError:
        """The error every call on a closed store raises."""
        return StoreClosedError(
            f"{self._path} is closed; open it again to read or save.", self._path
        )

    def open_db(self) -> SqliteDatabase:
        """The open Peewee database; StoreClosedError once closed."""
        if self._db is None:
            raise self.closed_error()
        return self._db

    def connection(self) -> sqlite3.Connection:
        """The open SQLite connection; StoreClosedError once closed."""
        conn: sqlite3.Connection = self.open_db().connection()
        return conn

    @contextlib.contextmanager
    def reading(self, doing: str = "reading the database") -> Iterator[sqlite3.Connection]:
        """The models bound to this database for one read; SQLite errors become StoreErrors."""
        db = self.open_db()
        try:
            with db.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False):
                yield db.connection()
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, doing) from error

    @contextlib.contextmanager
    def writing(self, doing: str) -> Iterator[None]:
        """One transaction for one user action; nothing is written if anything fails."""
        db = self.open_db()
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

    def query(self, key: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """The rows of one prepared query (see opening.prepare_queries)."""
        with self.reading() as conn:
            return list(conn.execute(self._sql[key], params).fetchall())
