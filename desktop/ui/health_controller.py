"""Backups, restore and what the store has to tell: File > Back up now, Restore a backup.

Once a database is open (and after each change) the store's one-time notices reach the
person: a profile brought into range (once, after the window is ready), a failed backup (a
lasting status-bar message and a dialog the first time) and stored sessions that cannot be
read (status bar and a non-modal notice, each once per open database).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from desktop.planner import BackupError, Planner, StoreError
from desktop.ui.calendar_view import CalendarView
from desktop.ui.dialogs import error_title
from desktop.ui.edit_runner import EditRunner
from desktop.ui.edits_controller import EditsController
from desktop.ui.prompts import OTHER_FILE, Prompts

log = logging.getLogger(__name__)

BACKUP_FAILED_TITLE = "The backup failed"
PROFILE_ADJUSTED_TITLE = "Your profile was brought into range"
UNREADABLE_TITLE = "Some sessions could not be read"
BACKUP_FILTER = "Liftrun backups (*.sqlite *.db *.bak);;All files (*)"


def backup_advice(folder: Path) -> str:
    """What to do when a backup could not be made."""
    return (
        "Your plan itself is safe: only the copy could not be made. Check that the folder "
        f"{folder} exists, that you may write to it and that the disk has free space, then "
        "choose File > Back up now. Until a backup succeeds, copy the database file "
        "somewhere safe yourself."
    )


class HealthController(QObject):
    """Back up now, Restore a backup and the store's notices, each told once."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        calendar: CalendarView,
        status_bar: QStatusBar,
        reload_all: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._calendar = calendar
        self._status_bar = status_bar
        self._reload_all = reload_all
        self._stopped = False
        self._backup_failure_told = False
        self._told_planner: Planner | None = None
        self._told_unreadable: set[int] = set()

        self._connect_signals()

    def _connect_signals(self) -> None:
        self._calendar.currentPageChanged.connect(self.tell_unreadable)

    def stop(self) -> None:
        """The window closed: its store is gone, so a queued notice says nothing."""
        self._stopped = True

    # -- backups ----------------------------------------------------------------------

    def on_back_up(self) -> None:
        """File > Back up now: a failure is said in the status bar and a dialog."""
        try:
            path = self._runner.planner.backup_now()
        except BackupError as error:
            self.show_backup_failure(error, by_hand=True)
            return
        except StoreError as error:
            log.warning("%s: %s", type(error).__name__, error)
            self._prompts.show_error(error_title(error), str(error))
            return
        self._status_bar.showMessage(f"Backed up to {path}", 8000)

    def show_backup_failure(self, error: BackupError, *, by_hand: bool = False) -> None:
        """A lasting status-bar message; a dialog the first time (every time when asked for)."""
        self._status_bar.showMessage(
            f"{BACKUP_FAILED_TITLE}: your plan is safe, but it has no new backup. "
            "Try File > Back up now."
        )
        if self._backup_failure_told and not by_hand:
            return
        self._backup_failure_told = True
        folder = self._runner.attempt(self._runner.planner.backup_folder)
        text = str(error) if folder is None else f"{error}\n\n{backup_advice(folder)}"
        self._prompts.show_error(BACKUP_FAILED_TITLE, text)

    def on_restore_backup(self) -> None:
        """File > Restore a backup: pick from the list, check it, confirm, replace the file."""
        if not self._edits.settle_form():
            return
        planner = self._runner.planner
        infos = self._runner.attempt(planner.backup_list)
        if infos is None:
            return
        if infos:
            chosen = self._prompts.choose_backup(planner.db_path, infos)
            path = self._choose_backup_file() if chosen == OTHER_FILE else chosen
        else:
            path = self._choose_backup_file()
        if path is None or not self._runner.attempt(lambda: planner.check_backup(path)):
            return
        question = (
            f"Replace your current plan with the backup {path.name}? "
            "Your current file is backed up first; this clears Edit > Undo."
        )
        if not self._prompts.confirm(question):
            return

        def restore() -> bool:
            planner.restore(path)
            return True

        restored = self._runner.attempt(restore)
        self._runner.clear()  # the stack described the file as it was before
        self._reload_all()
        if restored:
            self._status_bar.showMessage(f"Restored {path.name}.", 8000)
            self.queue_store_notices()  # an older backup may hold an out-of-range profile

    def _choose_backup_file(self) -> Path | None:
        planner = self._runner.planner
        folder = self._runner.attempt(planner.backup_folder) or planner.db_path.parent
        return self._prompts.choose_open_file("Restore a backup", folder, BACKUP_FILTER)

    # -- the store's notices -------------------------------------------------------------

    def queue_store_notices(self) -> None:
        """Tell the store's notices once the window has had a turn to paint."""
        QTimer.singleShot(0, self, self.tell_store_notices)

    def tell_store_notices(self) -> None:
        """A profile brought into range, a failed backup, unreadable sessions: each once."""
        if self._stopped:  # closed before the event loop came round: its store is gone
            return
        planner = self._runner.planner
        adjustments = self._runner.attempt(planner.profile_adjustments)
        if adjustments:
            self._prompts.show_info(PROFILE_ADJUSTED_TITLE, "\n\n".join(adjustments))
        error = self._runner.attempt(planner.new_backup_error)
        if error is not None:
            self.show_backup_failure(error)
        self.tell_unreadable()

    def tell_unreadable(self, *_args: object) -> None:
        """Name each stored session that could not be read, once per open database."""
        if self._stopped:
            return
        planner = self._runner.planner
        if self._told_planner is not planner:
            self._told_planner = planner
            self._told_unreadable = set()
        rows = self._runner.attempt(planner.unreadable_sessions) or []
        new = [row for row in rows if row.id not in self._told_unreadable]
        if not new:
            return
        self._told_unreadable.update(row.id for row in new)
        count = len(rows)
        self._status_bar.showMessage(
            f"{count} stored session{'' if count == 1 else 's'} could not be read and "
            f"{'is' if count == 1 else 'are'} not shown; the rest of your plan is."
        )
        text = "\n\n".join(row.message for row in new)
        log.info("%s: %s", UNREADABLE_TITLE, text)
        self._prompts.show_notice(UNREADABLE_TITLE, text)
