"""The Store's backups: daily at open, by hand, and restore (in place or by swapping files)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path

from desktop.store import backups, files
from desktop.store.backups import BackupKind
from desktop.store.base import StoreCore
from desktop.store.errors import (
    BackupError,
    CorruptDatabaseError,
    NotADatabaseError,
    StoreError,
)
from desktop.store.opening import change_token

log = logging.getLogger(__name__)


class BackupMethods(StoreCore):
    """Backups of an open store; the pools and file work live in desktop.store.backups."""

    @property
    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        return backups.backup_folder(self._path)

    def backups(self) -> list[Path]:
        """This database's backups of every kind, newest first."""
        return backups.backup_paths(self._path)

    def backup_now(self) -> Path:
        """Write a checked manual backup now and return its path (its own pool of keep_backups)."""
        with self._reading("backing up") as conn:
            made = backups.take_backup(self._path, conn, BackupKind.MANUAL, keep=self._keep_backups)
        self._backup_succeeded()
        return made

    def _backup_failed(self, error: BackupError) -> None:
        log.warning("Backup failed: %s", error)
        self.last_backup_error = error
        self._unseen_backup_error = error

    def _backup_succeeded(self) -> None:
        self.last_backup_error = None
        self._unseen_backup_error = None

    def new_backup_error(self) -> BackupError | None:
        """The last automatic backup failure not yet shown to the user, given once."""
        error, self._unseen_backup_error = self._unseen_backup_error, None
        return error

    def _maybe_daily_backup(self) -> None:
        """At open: back up at most once a day, and only if something changed since."""
        with self._reading() as conn:
            token = change_token(conn)
        newest = next(iter(backups.backup_paths(self._path, BackupKind.DAILY)), None)
        if newest is None:
            if token == 0:
                return  # nothing was ever written
        else:
            taken = backups.backup_time(newest)
            today = backups.now_utc().astimezone().date()
            if taken is not None and taken.astimezone().date() == today:
                return
            with (
                contextlib.suppress(StoreError, sqlite3.Error),
                files.read_only_connection(newest, 1.0) as old,
            ):
                if change_token(old) == token:
                    return
        try:
            with self._reading("backing up") as conn:
                daily = backups.take_backup(
                    self._path, conn, BackupKind.DAILY, keep=self._keep_backups
                )
            backups.promote(self._path, daily, keep=self._keep_backups)
        except BackupError as error:
            self._backup_failed(error)
        else:
            self._backup_succeeded()

    def restore(self, backup_path: str | os.PathLike[str]) -> Path | None:
        """Replace the database's content with a backup's, keeping the current data first.

        The current data goes to a before-restore backup; if that cannot be written (the
        file is damaged), the file itself is kept aside as `<name>.damaged-<time>`. Returns
        where the previous data was kept. The store stays open and is reloaded.
        """
        db = self._open_db()
        source = Path(backup_path).expanduser().absolute()
        if source.exists() and source.resolve() == self._path.resolve():
            raise BackupError("That is the open database itself; choose a backup file.", source)
        backups.check_restorable(source)
        files.check_writable(self._path)
        try:
            with self._reading("backing up") as conn:
                kept: Path | None = backups.take_backup(
                    self._path,
                    conn,
                    BackupKind.BEFORE_RESTORE,
                    keep=self._keep_backups,
                    protect=frozenset({source}),
                )
                with files.read_only_connection(source, self._timeout_s) as src:
                    src.backup(conn, pages=-1)
        except (BackupError, CorruptDatabaseError, NotADatabaseError) as error:
            log.warning("Restoring in place failed (%s); keeping the file aside instead", error)
            self._db = None
            db.close()
            kept = backups.swap_in(self._path, source)
        else:
            self._db = None
            db.close()
        try:
            self._load()
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
