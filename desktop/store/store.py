"""The Store: one SQLite training log, opened safely, written in transactions, backed up."""

from __future__ import annotations

import contextlib
import logging
import math
import os
import random
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import peewee
from peewee import SqliteDatabase

from desktop.advice.model import DayLog, InvalidInputError, Kind, Profile, Session
from desktop.store import files
from desktop.store.errors import (
    BackupError,
    CorruptDatabaseError,
    DatabaseFolderMissingError,
    NotADatabaseError,
    SessionNotFoundError,
    StoreClosedError,
    StoreError,
    translate,
)
from desktop.store.lock import DatabaseLock
from desktop.store.schema import (
    CHANGES_KEY,
    SCHEMA_VERSION,
    Models,
    build_models,
    create_schema,
    migrate_to_current,
    user_version,
)

log = logging.getLogger(__name__)

DEFAULT_KEEP_BACKUPS = 7
DEFAULT_BUSY_TIMEOUT_MS = 5000
BACKUP_FOLDER = "backups"
# More than about 30 litres of water in a day is a typo, not a log entry.
MAX_WATER_OZ = 1000.0
MAX_ID = 2**63 - 1
MAX_TEXT = 100_000
SYNCHRONOUS_FULL = 2
# Values the prepared SQL is built with; only its "?" placeholders are kept.
_PLACEHOLDER_TIME = datetime(2000, 1, 1)
_PLACEHOLDER_DAY = date(2000, 1, 1)

SESSION_COLUMNS = (
    "id",
    "kind",
    "start",
    "duration_min",
    "workout",
    "distance_km",
    "speed_kmh",
    "spotter",
    "pain",
    "done",
    "notes",
    "sets",
    "reps",
    "load_kg",
    "created",
    "updated",
)
PROFILE_COLUMNS = (
    "max_distance_km",
    "max_speed_kmh",
    "immediate_window_min",
    "water_target_oz",
    "distance_unit",
    "volume_unit",
    "weight_unit",
)


def _now_utc() -> datetime:
    """The clock backups are named by (tests replace it)."""
    return datetime.now(UTC)


def _now_local() -> datetime:
    """The clock for created/updated times: naive local time, whole seconds."""
    return datetime.now().replace(microsecond=0)


def apply_pragmas(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """Set WAL, foreign keys, synchronous=FULL and a busy timeout; read each back.

    A PRAGMA that SQLite cannot honour fails silently (WAL on a network share
    or in memory answers with another mode), so every value is checked.
    """
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS_FULL}")
    found = {
        "journal_mode": str(mode).lower(),
        "foreign_keys": conn.execute("PRAGMA foreign_keys").fetchone()[0],
        "synchronous": conn.execute("PRAGMA synchronous").fetchone()[0],
        "busy_timeout": conn.execute("PRAGMA busy_timeout").fetchone()[0],
    }
    wanted = {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": SYNCHRONOUS_FULL,
        "busy_timeout": int(busy_timeout_ms),
    }
    wrong = [f"{name} is {found[name]!r}" for name in wanted if found[name] != wanted[name]]
    if wrong:
        raise StoreError(
            "SQLite refused Liftrun's safety settings (" + ", ".join(wrong) + "). "
            "Keep the database on a local disk, not a network share or cloud folder.",
        )


# Backups: <stem>-YYYYMMDDTHHMMSS-ffffffZ[-tag].db, sortable by name.
_BACKUP_TIME_FORMAT = "%Y%m%dT%H%M%S-%fZ"


def _backup_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}T\d{{6}}-\d{{6}}Z)(-[a-z0-9-]+)?\.db$")


def backup_time(path: Path) -> datetime | None:
    """When a backup was taken (UTC), read from its name; None for other files."""
    match = re.search(r"-(\d{8}T\d{6}-\d{6}Z)(-[a-z0-9-]+)?\.db$", path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _BACKUP_TIME_FORMAT).replace(tzinfo=UTC)


# --- boundary validation -------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_float(value: object, what: str, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not _is_number(value) or not math.isfinite(value):  # type: ignore[arg-type]
        raise InvalidInputError(f"{what} must be a finite number.")


def _check_int(value: object, what: str, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInputError(f"{what} must be a whole number.")


def _check_text(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise InvalidInputError(f"{what} must be text.")
    if len(value) > MAX_TEXT:
        raise InvalidInputError(f"{what} is too long (at most {MAX_TEXT} characters).")


def _check_session(session: object) -> Session:
    if not isinstance(session, Session):
        raise InvalidInputError("Only a Session can be saved as a session.")
    _check_int(session.duration_min, "A session's duration", optional=False)
    _check_float(session.distance_km, "A run's distance")
    _check_float(session.speed_kmh, "A run's speed")
    _check_float(session.load_kg, "The load")
    _check_int(session.sets, "Sets")
    _check_int(session.reps, "Reps")
    if session.spotter is not None and not isinstance(session.spotter, bool):
        raise InvalidInputError("Spotter must be yes, no or not set.")
    if not isinstance(session.pain, bool) or not isinstance(session.done, bool):
        raise InvalidInputError("Pain and done must be yes or no.")
    _check_text(session.notes, "The notes")
    for stamp in (session.created, session.updated):
        if stamp is not None and (not isinstance(stamp, datetime) or stamp.tzinfo is not None):
            raise InvalidInputError("Created and updated times must be local clock times.")
    return session


def _check_profile(profile: object) -> Profile:
    if not isinstance(profile, Profile):
        raise InvalidInputError("Only a Profile can be saved as the profile.")
    _check_float(profile.max_distance_km, "Your longest comfortable run", optional=False)
    _check_float(profile.max_speed_kmh, "Your top running speed", optional=False)
    _check_int(profile.immediate_window_min, "The 'right after a deadlift' window", optional=False)
    _check_float(profile.water_target_oz, "The daily water target", optional=False)
    return profile


def _check_day(day: object) -> date:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInputError("A day must be a calendar date (without a time).")
    return day


def _check_range(first: object, last: object) -> tuple[date, date]:
    first_day, last_day = _check_day(first), _check_day(last)
    if first_day > last_day:
        raise InvalidInputError("The first day of a range must not be after the last day.")
    return first_day, last_day


def _check_oz(oz: object, what: str = "Water drunk") -> float:
    _check_float(oz, what, optional=False)
    value = float(oz)  # type: ignore[arg-type]
    if value < 0:
        raise InvalidInputError(f"{what} cannot be negative.")
    if value > MAX_WATER_OZ:
        raise InvalidInputError(
            f"{what} above {MAX_WATER_OZ:.0f} oz (about 30 litres) in a day is not possible; "
            "check the value."
        )
    return value


def _require_id(session: Session) -> None:
    if session.id is None:
        raise ValueError("A session put back into the store must carry its id.")


def _check_id(session_id: object) -> int:
    if not isinstance(session_id, int) or isinstance(session_id, bool):
        raise InvalidInputError("A session id must be a whole number.")
    if not 1 <= session_id <= MAX_ID:
        raise InvalidInputError("A session id must be a positive whole number.")
    return session_id


def _check_day_log(day_log: object) -> DayLog:
    if not isinstance(day_log, DayLog):
        raise InvalidInputError("Only a DayLog can be saved as a day log.")
    _check_day(day_log.day)
    if day_log.water_oz is not None:
        _check_oz(day_log.water_oz)
    if not isinstance(day_log.bcaa, bool):
        raise InvalidInputError("BCAAs taken must be yes or no.")
    _check_text(day_log.note, "The day's note")
    return day_log


def _check_key(key: object) -> str:
    if not isinstance(key, str) or not key or len(key) > 200:
        raise InvalidInputError("A preference name must be text of 1 to 200 characters.")
    return key


def _day_bounds(first: date, last: date) -> tuple[str, str]:
    """Start-column bounds [lo, hi) covering whole days first..last."""
    high = (last + timedelta(days=1)).isoformat() if last < date.max else "9999-12-31 ~"
    return first.isoformat(), high


def _parse_stamp(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class Store:
    """A Liftrun database file opened for exclusive writing; use Store.open()."""

    def __init__(
        self, path: Path, lock: DatabaseLock, keep_backups: int, busy_timeout_ms: int
    ) -> None:
        self._path = path
        self._lock = lock
        self._keep_backups = keep_backups
        self._busy_timeout_ms = busy_timeout_ms
        self._db: SqliteDatabase | None = None
        self._models: Models | None = None
        self._sql: dict[str, str] = {}
        self.last_backup_error: BackupError | None = None

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        keep_backups: int = DEFAULT_KEEP_BACKUPS,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (or create) the database at `path`, checking it before writing anything.

        Raises a StoreError subclass naming what to do: DatabaseFolderMissingError,
        NotADatabaseError, CorruptDatabaseError, ReadOnlyDatabaseError,
        DatabaseLockedError, AlreadyOpenError, NewerSchemaError or BackupError.
        """
        if not isinstance(keep_backups, int) or isinstance(keep_backups, bool) or keep_backups < 1:
            raise InvalidInputError("keep_backups must be a whole number of at least 1.")
        if not isinstance(busy_timeout_ms, int) or busy_timeout_ms < 0:
            raise InvalidInputError("busy_timeout_ms must be a whole number of at least 0.")
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
        files.check_writable(db_path)
        lock = DatabaseLock.acquire(db_path)
        store = cls(db_path, lock, keep_backups, busy_timeout_ms)
        try:
            store._load()
            store._maybe_daily_backup()
        except BaseException:
            store.close()
            raise
        return store

    def _load(self) -> None:
        """Probe the file read-only, back up and migrate if older, then open it for writing."""
        path = self._path
        exists = path.exists() and (path.stat().st_size > 0 or files.has_wal_content(path))
        result = (
            files.probe(path, self._busy_timeout_ms / 1000)
            if exists
            else files.ProbeResult(version=0, empty=True)
        )
        if not result.empty and result.version < SCHEMA_VERSION:
            with files.read_only_connection(path, self._busy_timeout_ms / 1000) as source:
                self._write_backup(source, tag=f"before-v{SCHEMA_VERSION}")
        db = SqliteDatabase(
            str(path),
            autoconnect=False,
            thread_safe=False,
            timeout=self._busy_timeout_ms / 1000,
        )
        try:
            db.connect()
            conn = db.connection()
            apply_pragmas(conn, self._busy_timeout_ms)
            # A real write attempt: takes the write lock, writes nothing.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            models = build_models(db)
            if result.empty:
                with db.atomic():
                    create_schema(db, models)
            elif result.version < SCHEMA_VERSION:
                with db.atomic():
                    migrate_to_current(db, models, result.version)
            found = user_version(db)
            if found != SCHEMA_VERSION:
                raise CorruptDatabaseError(
                    f"{path} reports data version {found} after opening, expected "
                    f"{SCHEMA_VERSION}. Restore the newest file from the 'backups' folder.",
                    path,
                )
        except StoreError:
            db.close()
            raise
        except (peewee.PeeweeException, sqlite3.Error) as error:
            db.close()
            raise translate(error, path, "opening the database") from error
        self._db = db
        self._models = models
        self._prepare_queries(models)

    def _prepare_queries(self, models: Models) -> None:
        """Build the hot-path SQL once with Peewee; it runs later on plain cursors."""
        row = models.session
        columns = [getattr(row, name) for name in SESSION_COLUMNS]
        between = (
            row.select(*columns)
            .where((row.start >= _PLACEHOLDER_TIME) & (row.start < _PLACEHOLDER_TIME))
            .order_by(row.start, row.id)
        )
        self._sql["between"] = between.sql()[0]
        self._sql["all"] = row.select(*columns).order_by(row.start, row.id).sql()[0]
        self._sql["get"] = row.select(*columns).where(row.id == 0).sql()[0]
        day = models.daylog
        self._sql["days"] = (
            day.select(day.day, day.water_oz, day.bcaa, day.note)
            .where((day.day >= _PLACEHOLDER_DAY) & (day.day <= _PLACEHOLDER_DAY))
            .order_by(day.day)
            .sql()[0]
        )
        self._sql["day"] = (
            day.select(day.day, day.water_oz, day.bcaa, day.note)
            .where(day.day == _PLACEHOLDER_DAY)
            .sql()[0]
        )

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
        """How many backups are kept in the backups folder."""
        return self._keep_backups

    def close(self) -> None:
        """Close the database (SQLite checkpoints its WAL) and release the lock; idempotent."""
        db, self._db = self._db, None
        self._models = None
        try:
            if db is not None:
                db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- plumbing ------------------------------------------------------------------------------

    def _open_db(self) -> tuple[SqliteDatabase, Models]:
        if self._db is None or self._models is None:
            raise StoreClosedError(
                f"{self._path} is closed; open it again to read or save.", self._path
            )
        return self._db, self._models

    def _query(self, key: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        db, _ = self._open_db()
        try:
            return list(db.connection().execute(self._sql[key], params).fetchall())
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, "reading the database") from error

    @contextlib.contextmanager
    def _writing(self, doing: str) -> Iterator[Models]:
        """One transaction for one user action; nothing is written if anything fails."""
        db, models = self._open_db()
        files.check_writable(self._path)
        try:
            with db.atomic():
                yield models
                models.meta.update(value=random.getrandbits(62)).where(
                    models.meta.key == CHANGES_KEY
                ).execute()
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, doing) from error

    def _session_from_row(self, row: tuple[Any, ...]) -> Session:
        (
            session_id,
            kind,
            start,
            duration_min,
            workout,
            distance_km,
            speed_kmh,
            spotter,
            pain,
            done,
            notes,
            sets,
            reps,
            load_kg,
            created,
            updated,
        ) = row
        try:
            return Session(
                kind=Kind(kind),
                start=datetime.fromisoformat(start),
                duration_min=duration_min,
                workout=workout,
                distance_km=distance_km,
                speed_kmh=speed_kmh,
                spotter=None if spotter is None else bool(spotter),
                pain=bool(pain),
                id=session_id,
                done=bool(done),
                notes=notes,
                sets=sets,
                reps=reps,
                load_kg=load_kg,
                created=_parse_stamp(created),
                updated=_parse_stamp(updated),
            )
        except (ValueError, TypeError) as error:
            raise CorruptDatabaseError(
                f"Session {session_id} in {self._path} holds values Liftrun cannot read "
                f"({error}). Restore a backup or edit that session's row.",
                self._path,
            ) from error

    @staticmethod
    def _session_values(session: Session) -> dict[str, Any]:
        return {
            "kind": session.kind.value,
            "start": session.start,
            "duration_min": session.duration_min,
            "workout": None if session.workout is None else session.workout.value,
            "distance_km": session.distance_km,
            "speed_kmh": session.speed_kmh,
            "spotter": session.spotter,
            "pain": session.pain,
            "done": session.done,
            "notes": session.notes,
            "sets": session.sets,
            "reps": session.reps,
            "load_kg": session.load_kg,
        }

    # --- sessions ------------------------------------------------------------------------------

    @classmethod
    def _insert_session(cls, models: Models, session: Session, now: datetime) -> int:
        """Insert one checked session inside the caller's transaction; returns its new id."""
        values = cls._session_values(session)
        values["created"] = session.created or now
        values["updated"] = now
        return int(models.session.insert(**values).execute())

    def add(self, session: Session) -> int:
        """Save a new session and return its id (any id the session carries is ignored)."""
        session = _check_session(session)
        with self._writing("saving a session") as models:
            return self._insert_session(models, session, _now_local())

    def add_many(self, sessions: Iterable[Session]) -> list[int]:
        """Save many new sessions in one transaction (all or none); returns their ids."""
        checked = [_check_session(session) for session in sessions]
        now = _now_local()
        with self._writing("saving sessions") as models:
            return [self._insert_session(models, session, now) for session in checked]

    def update(self, session_id: int, session: Session) -> None:
        """Replace a session's fields, keeping its created time; SessionNotFoundError if missing."""
        session_id = _check_id(session_id)
        session = _check_session(session)
        values = self._session_values(session)
        values["updated"] = _now_local()
        with self._writing("saving a session") as models:
            changed = (
                models.session.update(**values).where(models.session.id == session_id).execute()
            )
            if changed != 1:
                raise SessionNotFoundError(
                    f"Session {session_id} no longer exists (it may have been deleted); "
                    "add it again instead.",
                    self._path,
                )

    def delete(self, session_id: int) -> None:
        """Delete a session. Missing id: SessionNotFoundError."""
        session_id = _check_id(session_id)
        with self._writing("deleting a session") as models:
            removed = models.session.delete().where(models.session.id == session_id).execute()
            if removed != 1:
                raise SessionNotFoundError(
                    f"Session {session_id} does not exist; it may already have been deleted.",
                    self._path,
                )

    def apply_changes(self, *, remove: Iterable[int] = (), put: Iterable[Session] = ()) -> None:
        """Delete sessions by id and write sessions exactly as given, in one transaction.

        Each session in `put` must carry its id; it is inserted, or replaces the row with
        that id, keeping its created and updated times. This is how undo and redo put back
        exactly what was there. A missing id in `remove` is ignored (it is already gone).
        """
        remove_ids = [_check_id(session_id) for session_id in remove]
        checked = [_check_session(session) for session in put]
        for session in checked:
            _require_id(session)
        now = _now_local()
        with self._writing("saving your change") as models:
            if remove_ids:
                models.session.delete().where(models.session.id.in_(remove_ids)).execute()
            for session in checked:
                values = self._session_values(session)
                values["id"] = session.id
                values["created"] = session.created or now
                values["updated"] = session.updated or now
                models.session.replace(**values).execute()

    def get(self, session_id: int) -> Session | None:
        """The session with this id, or None."""
        rows = self._query("get", (_check_id(session_id),))
        return self._session_from_row(rows[0]) if rows else None

    def sessions_between(self, first: date, last: date) -> list[Session]:
        """Sessions starting on days first..last (both included), ordered by start."""
        first, last = _check_range(first, last)
        rows = self._query("between", _day_bounds(first, last))
        convert = self._session_from_row
        return [convert(row) for row in rows]

    def sessions_on(self, day: date) -> list[Session]:
        """Sessions starting on one day, ordered by start."""
        return self.sessions_between(day, day)

    def all_sessions(self) -> list[Session]:
        """Every session, ordered by start."""
        convert = self._session_from_row
        return [convert(row) for row in self._query("all", ())]

    # --- profile and preferences ---------------------------------------------------------------

    def profile(self) -> Profile | None:
        """The saved profile, or None before the first save."""
        _, models = self._open_db()
        try:
            row = (
                models.profile.select(*[getattr(models.profile, c) for c in PROFILE_COLUMNS])
                .where(models.profile.id == 1)
                .dicts()
                .first()
            )
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, "reading the database") from error
        if row is None:
            return None
        try:
            return Profile(**row)
        except (ValueError, TypeError) as error:
            raise CorruptDatabaseError(
                f"The profile in {self._path} holds values Liftrun cannot read ({error}). "
                "Save your profile again.",
                self._path,
            ) from error

    def save_profile(self, profile: Profile) -> None:
        """Save the profile (there is one)."""
        profile = _check_profile(profile)
        values = {
            "max_distance_km": float(profile.max_distance_km),
            "max_speed_kmh": float(profile.max_speed_kmh),
            "immediate_window_min": profile.immediate_window_min,
            "water_target_oz": float(profile.water_target_oz),
            "distance_unit": profile.distance_unit.value,
            "volume_unit": profile.volume_unit.value,
            "weight_unit": profile.weight_unit.value,
        }
        with self._writing("saving your profile") as models:
            row = models.profile
            row.insert(id=1, **values).on_conflict(
                conflict_target=[row.id], update={getattr(row, k): v for k, v in values.items()}
            ).execute()

    def preference(self, key: str, default: str | None = None) -> str | None:
        """An app preference, or `default` when unset."""
        key = _check_key(key)
        _, models = self._open_db()
        try:
            row = (
                models.preference.select(models.preference.value)
                .where(models.preference.key == key)
                .tuples()
                .first()
            )
        except (peewee.PeeweeException, sqlite3.Error) as error:
            raise translate(error, self._path, "reading the database") from error
        return default if row is None else str(row[0])

    def set_preference(self, key: str, value: str | None) -> None:
        """Save an app preference; None removes it."""
        key = _check_key(key)
        if value is not None:
            _check_text(value, "A preference value")
        with self._writing("saving a preference") as models:
            row = models.preference
            if value is None:
                row.delete().where(row.key == key).execute()
            else:
                row.insert(key=key, value=value).on_conflict(
                    conflict_target=[row.key], update={row.value: value}
                ).execute()

    # --- day logs ------------------------------------------------------------------------------

    @staticmethod
    def _day_log_from_row(row: tuple[Any, ...]) -> DayLog:
        day, water_oz, bcaa, note = row
        return DayLog(day=date.fromisoformat(day), water_oz=water_oz, bcaa=bool(bcaa), note=note)

    def day_log(self, day: date) -> DayLog:
        """What was logged for a day; an empty DayLog if nothing was."""
        day = _check_day(day)
        rows = self._query("day", (day.isoformat(),))
        return self._day_log_from_row(rows[0]) if rows else DayLog(day=day)

    def day_logs_between(self, first: date, last: date) -> dict[date, DayLog]:
        """Day logs saved for days first..last (both included), by day."""
        first, last = _check_range(first, last)
        rows = self._query("days", (first.isoformat(), last.isoformat()))
        logs = (self._day_log_from_row(row) for row in rows)
        return {entry.day: entry for entry in logs}

    @staticmethod
    def _upsert_day(models: Models, day: date, **values: Any) -> None:
        """Upsert the day's row inside the caller's transaction; unnamed columns keep theirs."""
        row = models.daylog
        row.insert(day=day, **values).on_conflict(
            conflict_target=[row.day], update={getattr(row, k): v for k, v in values.items()}
        ).execute()

    @classmethod
    def _upsert_day_log(cls, models: Models, day_log: DayLog) -> None:
        cls._upsert_day(
            models, day_log.day, water_oz=day_log.water_oz, bcaa=day_log.bcaa, note=day_log.note
        )

    def save_day_log(self, day_log: DayLog) -> None:
        """Save a whole day log (water, BCAAs, note)."""
        day_log = _check_day_log(day_log)
        with self._writing("saving the day's log") as models:
            self._upsert_day_log(models, day_log)

    def save_day_logs(self, day_logs: Iterable[DayLog]) -> None:
        """Save many day logs in one transaction (all or none)."""
        checked = [_check_day_log(day_log) for day_log in day_logs]
        with self._writing("saving day logs") as models:
            for day_log in checked:
                self._upsert_day_log(models, day_log)

    def water(self, day: date) -> float | None:
        """Water drunk on a day in oz, or None if not logged."""
        return self.day_log(day).water_oz

    def set_water(self, day: date, oz: float) -> None:
        """Set the water drunk on a day, in oz."""
        day = _check_day(day)
        value = _check_oz(oz)
        with self._writing("saving water") as models:
            self._upsert_day(models, day, water_oz=value)

    def add_water(self, day: date, oz: float) -> float:
        """Add oz to a day's water (negative corrects a mistake) and return the new total."""
        day = _check_day(day)
        _check_float(oz, "Water added", optional=False)
        with self._writing("saving water") as models:
            row = models.daylog
            current = row.select(row.water_oz).where(row.day == day).tuples().first()
            total = _check_oz(float((current[0] if current else None) or 0.0) + float(oz))
            self._upsert_day(models, day, water_oz=total)
        return total

    # --- backups -------------------------------------------------------------------------------

    @property
    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        return self._path.parent / BACKUP_FOLDER

    def backups(self) -> list[Path]:
        """This database's backups, newest first."""
        folder = self.backup_folder
        if not folder.is_dir():
            return []
        pattern = _backup_pattern(self._path.stem)
        found = [entry for entry in folder.iterdir() if pattern.match(entry.name)]
        return sorted(found, key=lambda entry: entry.name, reverse=True)

    def _next_backup_path(self, tag: str) -> Path:
        stamp = _now_utc()
        newest = next(iter(self.backups()), None)
        newest_time = backup_time(newest) if newest is not None else None
        if newest_time is not None and stamp <= newest_time:
            stamp = newest_time + timedelta(microseconds=1)  # keep names in time order
        suffix = f"-{tag}" if tag else ""
        name = f"{self._path.stem}-{stamp.strftime(_BACKUP_TIME_FORMAT)}{suffix}.db"
        return self.backup_folder / name

    def _write_backup(
        self, source: sqlite3.Connection, tag: str = "", protect: frozenset[Path] = frozenset()
    ) -> Path:
        try:
            self.backup_folder.mkdir(exist_ok=True)
        except OSError as error:
            raise BackupError(
                f"Could not create the backups folder {self.backup_folder} ({error.strerror}). "
                "Check that the database's folder is writable.",
                self._path,
            ) from error
        self._remove_partial_backups()
        target = self._next_backup_path(tag)
        files.write_backup(source, target)
        self._rotate(protect | {target})
        return target

    def _remove_partial_backups(self) -> None:
        """Remove scratch copies left by a backup interrupted by a crash (never real backups)."""
        pattern = _backup_pattern(self._path.stem)
        for entry in self.backup_folder.glob(f"*{files.PARTIAL_SUFFIX}"):
            if pattern.match(entry.name.removesuffix(files.PARTIAL_SUFFIX)):
                entry.unlink(missing_ok=True)

    def _rotate(self, protect: frozenset[Path]) -> None:
        """Delete backups beyond keep_backups, never the protected ones."""
        keep = {entry.resolve() for entry in protect}
        for old in self.backups()[self._keep_backups :]:
            if old.resolve() not in keep:
                old.unlink(missing_ok=True)

    def backup_now(self) -> Path:
        """Write a checked backup of the database now and return its path."""
        db, _ = self._open_db()
        return self._write_backup(db.connection())

    def _change_token(self, conn: sqlite3.Connection) -> int | None:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (CHANGES_KEY,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else int(row[0])

    def _maybe_daily_backup(self) -> None:
        """At open: back up at most once a day, and only if something changed since."""
        db, _ = self._open_db()
        token = self._change_token(db.connection())
        newest = next(iter(self.backups()), None)
        if newest is None:
            if token == 0:
                return  # nothing was ever written
        else:
            taken = backup_time(newest)
            if taken is not None and taken.astimezone().date() == _now_utc().astimezone().date():
                return
            try:
                with files.read_only_connection(newest, 1.0) as conn:
                    if self._change_token(conn) == token:
                        return
            except StoreError:
                pass  # an unreadable newest backup is one more reason to take a new one
        try:
            self._write_backup(db.connection(), tag="daily")
            self.last_backup_error = None
        except BackupError as error:
            log.warning("Daily backup failed: %s", error)
            self.last_backup_error = error

    def restore(self, backup_path: str | os.PathLike[str]) -> None:
        """Replace the database's content with a backup's, after backing up the current one.

        The backup file is only read. The store stays open and is reloaded, so
        callers simply re-query everything they show.
        """
        db, _ = self._open_db()
        source = Path(backup_path).expanduser().absolute()
        if not source.is_file():
            raise BackupError(f"The backup {source} does not exist; choose another.", source)
        if source.resolve() == self._path.resolve():
            raise BackupError("That is the open database itself; choose a backup file.", source)
        try:
            found = files.probe(source, self._busy_timeout_ms / 1000)
        except StoreError as error:
            raise BackupError(f"{source} cannot be restored: {error}", source) from error
        if found.empty:
            raise BackupError(f"{source} holds no Liftrun data; choose another backup.", source)
        files.check_writable(self._path)
        safety = self._write_backup(
            db.connection(), tag="before-restore", protect=frozenset({source})
        )
        try:
            with files.read_only_connection(source, self._busy_timeout_ms / 1000) as conn:
                conn.backup(db.connection(), pages=-1)
        except (sqlite3.Error, StoreError) as error:
            raise BackupError(
                f"Restoring {source} failed ({error}); your data is unchanged and was also "
                f"saved to {safety}.",
                source,
            ) from error
        self._db = None
        self._models = None
        db.close()
        try:
            self._load()
        except StoreError as error:
            raise BackupError(
                f"The restored database could not be reopened ({error}). Your previous data "
                f"is in {safety}; restore that file.",
                self._path,
            ) from error
