"""What the window asks about the database file's health: backups, restore, and the store's
one-time notices (a backup that failed, a profile brought into range, sessions that could
not be read)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.planner.loaded_days import LoadedDays
from desktop.planner.profiles import ProfileBook
from desktop.store import BackupError, Store, StoreError, UnreadableRow

if TYPE_CHECKING:  # the backups module is loaded when a backup is first listed
    from desktop.store.backups import BackupInfo


class Health:
    """Backups by hand, restoring one, and the notices the window shows once."""

    def __init__(self, store: Store, loaded: LoadedDays, profiles: ProfileBook) -> None:
        self._store = store
        self._loaded = loaded
        self._profiles = profiles

    @property
    def db_path(self) -> Path:
        """Where the database file is."""
        return Path(self._store.path)

    def backup_now(self) -> Path:
        """Copy the database to the backup folder; returns the copy's path."""
        return Path(self._store.backup_now())

    def backups(self) -> list[Path]:
        """Existing backups, newest first."""
        return [Path(p) for p in self._store.backups()]

    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        return Path(self._store.backup_folder)

    def backup_list(self) -> list[BackupInfo]:
        """Every backup of the open database, newest first, with its kind, date and sessions."""
        from desktop.store.backups import list_backups

        return list_backups(Path(self._store.path))

    def check_backup(self, backup: Path) -> bool:
        """Raise the store's error if `backup` cannot be restored (before asking to replace)."""
        from desktop.store.backups import check_restorable

        if backup.resolve() == self.db_path.resolve():
            raise BackupError("That is the open database itself; choose a backup file.", backup)
        check_restorable(backup)
        return True

    def restore(self, backup: Path) -> None:
        """Replace the database with a backup (the store backs up the current file first).

        A failed restore raises the store's own error; the store stays open on the current
        data, which is read again here without ever hiding that first error.
        """
        try:
            self._store.restore(backup)
        except BaseException:
            self._loaded.drop()
            if not self._store.closed:
                with contextlib.suppress(StoreError):
                    self._profiles.reload()
            raise
        self._loaded.drop()
        self._profiles.reload()

    def new_backup_error(self) -> BackupError | None:
        """The last automatic backup failure not yet shown, given once."""
        return self._store.new_backup_error()

    def profile_adjustments(self) -> tuple[str, ...]:
        """Sentences saying what was changed in an old saved profile; each is given once."""
        return self._store.profile_adjustments()

    def unreadable_sessions(self) -> list[UnreadableRow]:
        """Stored sessions the reads so far had to leave out (each has a `.message`)."""
        return self._store.unreadable_sessions()
