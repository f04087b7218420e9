"""What the window asks about the day's soreness and the file's health, beside the edits.

A mixin of Planner (desktop.planner): the day's soreness rating that every request for
advice passes on, and the store's one-time notices (a backup that failed, a profile
brought into range, sessions that could not be read) with the list of backups to restore.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.advice import DayLog

if TYPE_CHECKING:
    from desktop.store import BackupError, BackupInfo, Store, UnreadableRow


class HealthQueries:
    """Planner reads for soreness-aware advice and for the store's notices."""

    if TYPE_CHECKING:  # provided by Planner
        _store: Store
        _logs: dict[date, DayLog]
        _first: date | None
        _last: date | None

    def _soreness(self, day: date) -> int | None:
        """The day's logged soreness (0-10), None when not rated; every advice call passes it.

        Read from the loaded days when they hold `day`, else from the store without
        replacing the loaded range (an export asks for many days in turn).
        """
        if self._first is not None and self._last is not None and self._first <= day <= self._last:
            cached = self._logs.get(day)
            return cached.soreness if cached is not None else None
        return self._store.day_log(day).soreness

    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        return Path(self._store.backup_folder)

    def backup_list(self) -> list[BackupInfo]:
        """Every backup of the open database, newest first, with its kind, date and sessions."""
        from desktop.store import list_backups

        return list_backups(Path(self._store.path))

    def new_backup_error(self) -> BackupError | None:
        """The last automatic backup failure not yet shown, given once."""
        return self._store.new_backup_error()

    def profile_adjustments(self) -> tuple[str, ...]:
        """Sentences saying what was changed in an old saved profile; each is given once."""
        return self._store.profile_adjustments()

    def unreadable_sessions(self) -> list[UnreadableRow]:
        """Stored sessions the reads so far had to leave out (each has a `.message`)."""
        return self._store.unreadable_sessions()
