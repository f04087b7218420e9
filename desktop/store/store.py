"""The Store: one SQLite training log, opened safely, written in transactions, backed up.

`Store` is a facade: each concern is a part with its own constructor and state, and every
public method of `Store` hands its call to one of them. `database` (the file, its lock
and the one read and write path) is the one owner of the connection; the others use it:
`sessions`, `templates`, `day_records` (profile, preferences, day logs), `progress`
(records and weekly totals) and `backing_up` (daily and manual backups, restore).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType

from desktop.advice.model import DayLog, InvalidInputError, Profile, Session, WeekTotals
from desktop.store import files
from desktop.store.backing_up import BackingUp
from desktop.store.base import Database, UnreadableRow
from desktop.store.days import DayRecords
from desktop.store.errors import BackupError, DatabaseFolderMissingError, NotADatabaseError
from desktop.store.lock import DatabaseLock
from desktop.store.records import ProgressQueries, ProgressRecords
from desktop.store.sessions import SessionTable
from desktop.store.templates import WeekTemplates

DEFAULT_KEEP_BACKUPS = 7
DEFAULT_BUSY_TIMEOUT_MS = 5000
MAX_BUSY_TIMEOUT_MS = 10 * 60 * 1000  # waiting longer for a lock helps nobody

__all__ = ["Store", "UnreadableRow"]


class Store:
    """A Liftrun database file opened for exclusive writing; use Store.open()."""

    def __init__(
        self, path: Path, lock: DatabaseLock, keep_backups: int, busy_timeout_ms: int
    ) -> None:
        self.database = Database(path, lock, keep_backups, busy_timeout_ms)
        """The open file, its lock, and the one read and write path."""
        self.sessions = SessionTable(self.database)
        """Sessions, and the rows that could not be read."""
        self.templates = WeekTemplates(self.database)
        """Week templates."""
        self.day_records = DayRecords(self.database)
        """The profile, preferences and day logs."""
        self.progress = ProgressQueries(self.database)
        """Records so far, the first session's day, weekly totals."""
        self.backing_up = BackingUp(self.database, reopen=self._reopen)
        """Daily and manual backups, restore, and the last backup failure."""

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
            store._reopen()
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

    def _reopen(self) -> None:
        """Load the file (checks, a migration if older) and keep what the migration told."""
        self.day_records.note_adjustments(self.database.load())

    @property
    def path(self) -> Path:
        """The database file."""
        return self.database.path

    @property
    def closed(self) -> bool:
        """True after close()."""
        return self.database.closed

    @property
    def keep_backups(self) -> int:
        """How many daily (and manual) backups are kept in the backups folder."""
        return self.database.keep_backups

    def close(self) -> None:
        """Close the database (SQLite checkpoints its WAL) and release the lock; idempotent.

        A background daily backup still running is waited for first, so it completes and
        its reading connection is gone before the last checkpoint.
        """
        self.backing_up.finish_background()
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- sessions (SessionTable) ------------------------------------------------------------

    def add(self, session: Session) -> int:
        """Save a new session and return its id (any id the session carries is ignored)."""
        return self.sessions.add(session)

    def add_many(self, sessions: Iterable[Session]) -> list[int]:
        """Save many new sessions in one transaction (all or none); returns their ids."""
        return self.sessions.add_many(sessions)

    def update(self, session_id: int, session: Session) -> None:
        """Replace a session's fields, keeping its created time; SessionNotFoundError if missing."""
        self.sessions.update(session_id, session)

    def delete(self, session_id: int) -> None:
        """Delete a session. Missing id: SessionNotFoundError."""
        self.sessions.delete(session_id)

    def apply_changes(
        self,
        *,
        remove: Iterable[int] = (),
        put: Iterable[Session] = (),
        add: Iterable[Session] = (),
    ) -> list[int]:
        """Delete sessions by id, write sessions exactly as given (with their ids and times)
        and add new ones, all in one transaction; returns the new sessions' ids (see
        `SessionTable.apply_changes`)."""
        return self.sessions.apply_changes(remove=remove, put=put, add=add)

    def get(self, session_id: int) -> Session | None:
        """The session with this id, or None (also when its stored values cannot be read)."""
        return self.sessions.get(session_id)

    def sessions_between(self, first: date, last: date) -> list[Session]:
        """Sessions starting on days first..last (both included), ordered by start."""
        return self.sessions.between(first, last)

    def sessions_on(self, day: date) -> list[Session]:
        """Sessions starting on one day, ordered by start."""
        return self.sessions.between(day, day)

    def all_sessions(self) -> list[Session]:
        """Every session, ordered by start."""
        return self.sessions.all()

    def unreadable_sessions(self) -> list[UnreadableRow]:
        """Stored sessions the reads so far had to leave out, by id (see UnreadableRow.message)."""
        return self.sessions.unreadable()

    # --- progress (ProgressQueries) ------------------------------------------------------------

    def weekly_totals(self, first: date, last: date, first_weekday: int = 0) -> list[WeekTotals]:
        """Totals for every week (from `first_weekday`, Monday 0 ... Sunday 6) from first's to
        last's, empty ones included."""
        return self.progress.weekly_totals(first, last, first_weekday)

    def weekly_mean_rpe(self, first: date, last: date, first_weekday: int = 0) -> dict[date, float]:
        """Each week's mean RPE of its done sessions, by the week's first day, from first's
        week to last's."""
        return self.progress.weekly_mean_rpe(first, last, first_weekday)

    def records(self) -> ProgressRecords:
        """The longest done run and the heaviest done deadlift set so far."""
        return self.progress.records()

    def first_session_day(self) -> date | None:
        """The day of the earliest session, None when there is none."""
        return self.progress.first_session_day()

    # --- week templates (WeekTemplates) ----------------------------------------------------------

    def save_template(self, name: str, sessions: Sequence[Session]) -> None:
        """Keep `sessions` as the week template `name` (replacing one of the same name)."""
        self.templates.save(name, sessions)

    def template_names(self) -> list[str]:
        """The saved templates' names, sorted."""
        return self.templates.names()

    def template(self, name: str, week_start: date, first_weekday: int = 0) -> list[Session]:
        """The template's sessions placed on the week holding `week_start` (weeks from
        `first_weekday`, Monday 0): planned, no ids."""
        return self.templates.placed(name, week_start, first_weekday)

    def delete_template(self, name: str) -> None:
        """Remove a template (nothing happens if there is none)."""
        self.templates.delete(name)

    # --- profile, preferences and day logs (DayRecords) ---------------------------------------

    def profile(self) -> Profile | None:
        """The saved profile, or None before the first save (or if it cannot be used)."""
        return self.day_records.profile()

    def profile_adjustments(self) -> tuple[str, ...]:
        """Sentences saying what Liftrun changed in the saved profile; each is given once."""
        return self.day_records.profile_adjustments()

    def save_profile(self, profile: Profile) -> None:
        """Save the profile (there is one)."""
        self.day_records.save_profile(profile)

    def preference(self, key: str, default: str | None = None) -> str | None:
        """An app preference, or `default` when unset."""
        return self.day_records.preference(key, default)

    def set_preference(self, key: str, value: str | None) -> None:
        """Save an app preference; None removes it."""
        self.day_records.set_preference(key, value)

    def day_log(self, day: date) -> DayLog:
        """What was logged for a day; an empty DayLog if nothing was."""
        return self.day_records.day_log(day)

    def day_logs_between(self, first: date, last: date) -> dict[date, DayLog]:
        """Day logs saved for days first..last (both included), by day."""
        return self.day_records.day_logs_between(first, last)

    def save_day_log(self, day_log: DayLog) -> None:
        """Save a whole day log (water, BCAAs, note, soreness)."""
        self.day_records.save_day_log(day_log)

    def save_day_logs(self, day_logs: Iterable[DayLog]) -> None:
        """Save many day logs in one transaction (all or none)."""
        self.day_records.save_day_logs(day_logs)

    def water(self, day: date) -> float | None:
        """Water drunk on a day in oz, or None if not logged."""
        return self.day_records.water(day)

    def set_water(self, day: date, oz: float) -> None:
        """Set the water drunk on a day, in oz (the engine's DayLog checks the amount)."""
        self.day_records.set_water(day, oz)

    def add_water(self, day: date, oz: float) -> float:
        """Add oz to a day's water (negative corrects a mistake) and return the new total."""
        return self.day_records.add_water(day, oz)

    # --- backups (BackingUp) ---------------------------------------------------------------------

    @property
    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        return self.backing_up.backup_folder

    @property
    def last_backup_error(self) -> BackupError | None:
        """The last backup's failure, None once a backup succeeded."""
        return self.backing_up.last_backup_error

    def backups(self) -> list[Path]:
        """This database's backups of every kind, newest first."""
        return self.backing_up.backups()

    def backup_now(self) -> Path:
        """Write a checked manual backup now and return its path (its own pool of keep_backups)."""
        return self.backing_up.backup_now()

    def new_backup_error(self) -> BackupError | None:
        """The last automatic backup failure not yet shown to the user, given once."""
        return self.backing_up.new_backup_error()

    def daily_backup(self) -> Path | None:
        """Take today's daily backup if it is due; safe from any thread; a failure never
        raises (see `last_backup_error` and `new_backup_error()`)."""
        return self.backing_up.daily_backup()

    def start_daily_backup(
        self, on_done: Callable[[BackupError | None], None] | None = None
    ) -> threading.Thread:
        """Run `daily_backup()` in a background thread; `close()` waits for it to finish.

        `on_done` is called from that thread with the failure not yet shown (or None).
        """
        return self.backing_up.start_daily_backup(on_done)

    def restore(self, backup_path: str | os.PathLike[str]) -> Path | None:
        """Replace the database's content with a backup's, keeping the current data first;
        returns where the previous data was kept. The store stays open and is reloaded, and
        a failed restore leaves the current database open and unchanged (see
        `BackingUp.restore`)."""
        return self.backing_up.restore(backup_path)
