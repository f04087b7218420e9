"""The Store's backups: daily (at open or in the background), by hand, and restore.

The daily backup reads the database through its own read-only SQLite connection, never
the store's, so it can run in another thread while the window writes: SQLite's online
backup copies one consistent snapshot (WAL readers never block the writer), and the copy is
checked with the full integrity_check before it counts as a backup.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from desktop.store import files
from desktop.store.base import Database
from desktop.store.errors import (
    BackupError,
    CorruptDatabaseError,
    NotADatabaseError,
    StoreError,
    disk_full,
    is_disk_full,
)
from desktop.store.opening import change_token

log = logging.getLogger(__name__)


def take_daily_backup(db_path: Path, *, keep: int, timeout_s: float) -> Path | None:
    """Back up `db_path` as today's daily copy if due; returns it, or None if none was due.

    Due means: no daily copy taken today, and something changed since the newest one (a
    database never written to has nothing to protect). Reads through its own connection,
    so any thread may call it while a Store writes. Raises BackupError or StoreError.
    """
    from desktop.store import backups  # on first use: opening a file does not need it

    with files.shared_read_connection(db_path, timeout_s) as conn:
        token = change_token(conn)
        newest = next(iter(backups.backup_paths(db_path, backups.BackupKind.DAILY)), None)
        if newest is None:
            if token == 0:
                return None
        else:
            taken = backups.backup_time(newest)
            today = backups.now_utc().astimezone().date()
            if taken is not None and taken.astimezone().date() == today:
                return None
            with (
                contextlib.suppress(StoreError, sqlite3.Error),
                files.read_only_connection(newest, 1.0) as old,
            ):
                if change_token(old) == token:
                    return None
        try:
            daily: Path = backups.take_backup(db_path, conn, backups.BackupKind.DAILY, keep=keep)
        except sqlite3.Error as error:
            raise BackupError(
                f"Could not read {db_path.name} to back it up ({error}).", db_path
            ) from error
    backups.promote(db_path, daily, keep=keep)
    return daily


class BackingUp:
    """Backups of an open database: daily (at open or in a background thread), by hand, and
    restore; and the last backup failure, kept until it is shown. The pools and the file
    work live in desktop.store.backups."""

    def __init__(self, database: Database, reopen: Callable[[], None]) -> None:
        """`reopen` loads the database again after a restore replaced (or failed to
        replace) its content."""
        self._database = database
        self._path = database.path
        self._reopen = reopen
        self.last_backup_error: BackupError | None = None
        self._unseen_backup_error: BackupError | None = None
        self._state = threading.Lock()  # the daily backup may run in another thread
        self._background: list[threading.Thread] = []

    @property
    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        from desktop.store import backups

        return backups.backup_folder(self._path)

    def backups(self) -> list[Path]:
        """This database's backups of every kind, newest first."""
        from desktop.store import backups

        return backups.backup_paths(self._path)

    def backup_now(self) -> Path:
        """Write a checked manual backup now and return its path (its own pool of keep_backups)."""
        from desktop.store import backups

        with self._database.reading("backing up") as conn:
            made = backups.take_backup(
                self._path, conn, backups.BackupKind.MANUAL, keep=self._database.keep_backups
            )
        self._backup_succeeded()
        return made

    def _backup_failed(self, error: BackupError) -> None:
        log.warning("Backup failed: %s", error)
        with self._state:
            self.last_backup_error = error
            self._unseen_backup_error = error

    def _backup_succeeded(self) -> None:
        with self._state:
            self.last_backup_error = None
            self._unseen_backup_error = None

    def new_backup_error(self) -> BackupError | None:
        """The last automatic backup failure not yet shown to the user, given once."""
        with self._state:
            error, self._unseen_backup_error = self._unseen_backup_error, None
        return error

    def daily_backup(self) -> Path | None:
        """Take today's daily backup if it is due; safe from any thread.

        Returns the new backup (None when none was due or it failed). A failure never
        raises: it is kept in `last_backup_error` and given once by `new_backup_error()`.
        """
        try:
            made = take_daily_backup(
                self._path, keep=self._database.keep_backups, timeout_s=self._database.timeout_s
            )
        except BackupError as error:
            self._backup_failed(error)
            return None
        except StoreError as error:
            self._backup_failed(
                BackupError(
                    f"The daily backup of {self._path.name} could not be made: {error}",
                    self._path,
                )
            )
            return None
        if made is not None:
            self._backup_succeeded()
        return made

    def start_daily_backup(
        self, on_done: Callable[[BackupError | None], None] | None = None
    ) -> threading.Thread:
        """Run `daily_backup()` in a background thread; `finish_background()` waits for it.

        `on_done` is called from that thread with the failure not yet shown (or None).
        """
        self._database.open_db()  # StoreClosedError once closed

        def work() -> None:
            self.daily_backup()
            if on_done is not None:
                on_done(self.new_backup_error())

        thread = threading.Thread(target=work, name="liftrun-daily-backup")
        self._background.append(thread)
        thread.start()
        return thread

    def finish_background(self) -> None:
        """Wait for background backups still running (not the calling thread itself)."""
        while self._background:
            thread = self._background.pop()
            if thread is not threading.current_thread():
                thread.join()

    def restore(self, backup_path: str | os.PathLike[str]) -> Path | None:
        """Replace the database's content with a backup's, keeping the current data first.

        The current data goes to a before-restore backup; if that cannot be written because
        the file is damaged, the file itself is kept aside as `<name>.damaged-<time>`.
        Returns where the previous data was kept. The store stays open and is reloaded.

        A restore that fails (a full disk, an unwritable folder) leaves the current database
        open and unchanged and raises its own error: DiskFullError or BackupError.
        """
        self._database.open_db()  # StoreClosedError once closed
        source = Path(backup_path).expanduser().absolute()
        if source.exists() and source.resolve() == self._path.resolve():
            raise BackupError("That is the open database itself; choose a backup file.", source)
        from desktop.store import backups

        backups.check_restorable(source)
        files.check_writable(self._path)
        doing = "restoring the backup"
        try:
            with self._database.reading("backing up") as conn:
                kept: Path | None = backups.take_backup(
                    self._path,
                    conn,
                    backups.BackupKind.BEFORE_RESTORE,
                    keep=self._database.keep_backups,
                    protect=frozenset({source}),
                )
                with files.read_only_connection(source, self._database.timeout_s) as src:
                    src.backup(conn, pages=-1)
        except (BackupError, CorruptDatabaseError, NotADatabaseError) as error:
            if is_disk_full(error, self._path):
                # Nothing was changed: the copy of the current data could not be written.
                raise disk_full(self._path, doing) from error
            log.warning("Restoring in place failed (%s); keeping the file aside instead", error)
            self._database.disconnect()
            kept = self._swap_in_or_reopen(source, doing)
        except StoreError as error:
            if is_disk_full(error, self._path):
                raise disk_full(self._path, doing) from error
            raise
        else:
            self._database.disconnect()
        try:
            self._reopen()
        except StoreError as error:
            raise BackupError(
                f"The restored database could not be reopened ({error}). Your previous data "
                f"is in {kept}; restore that file.",
                self._path,
            ) from error
        backups.forget_older_before_restore(
            self._path, frozenset({source, *([kept] if kept else [])})
        )
        return kept

    def _swap_in_or_reopen(self, source: Path, doing: str) -> Path | None:
        """Put `source` in place of the closed database; if that fails, reopen the current
        file (unchanged) and raise the swap's own error, never a later one."""
        from desktop.store import backups

        try:
            return backups.swap_in(self._path, source)
        except StoreError as error:
            failure: StoreError = (
                disk_full(self._path, doing) if is_disk_full(error, self._path) else error
            )
            try:
                self._reopen()
            except StoreError as reopen_error:
                log.warning("Reopening after a failed restore failed too: %s", reopen_error)
            raise failure from error
