"""The main window's health side: soreness ratings, backups and what the store has to tell.

A mixin of MainWindow (desktop.ui.main_window). A soreness rating is one undoable
`DayLogCommand`; the advice follows at once. File > Back up now and File > Restore a
backup live here. Once a database is open (and after each refresh) the store's one-time
notices reach the user: a profile brought into range (once, after the window is ready), a
failed backup (a lasting status-bar message and a dialog the first time) and stored
sessions that cannot be read (status bar and a non-modal list, each once per open).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from desktop.advice import DayLog, Session
    from desktop.planner import Planner
    from desktop.store import BackupError, BackupInfo
    from desktop.ui.calendar_view import CalendarView
    from desktop.ui.day_list import DayList
    from desktop.ui.day_log_box import DayLogBox
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.session_form import SessionForm

    _Base = QMainWindow
else:
    _Base = object

log = logging.getLogger(__name__)

BACKUP_FAILED_TITLE = "The backup failed"
PROFILE_ADJUSTED_TITLE = "Your profile was brought into range"
UNREADABLE_TITLE = "Some sessions could not be read"


def backup_advice(folder: Path) -> str:
    """What to do when a backup could not be made."""
    return (
        "Your plan itself is safe: only the copy could not be made. Check that the folder "
        f"{folder} exists, that you may write to it and that the disk has free space, then "
        "choose File > Back up now. Until a backup succeeds, copy the database file "
        "somewhere safe yourself."
    )


class HealthMixin(_Base):
    """Soreness, Back up now, Restore a backup and the store's notices for MainWindow."""

    _planner: Planner
    _edits: EditRunner
    _closed: bool
    calendar: CalendarView
    day_list: DayList
    day_log_box: DayLogBox
    session_form: SessionForm

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def _settle_form(self) -> bool: ...

        def _choose_file(self, title: str, directory: Path, name_filter: str) -> Path | None: ...

        def _confirm(self, question: str) -> bool: ...

        def _show_error(self, title: str, text: str) -> None: ...

        def _show_info(self, title: str, text: str) -> None: ...

        def _report(self, exc: Exception) -> None: ...

        def _reload_all(self) -> None: ...

        def _show_day_advice(self, day: date) -> None: ...

        def _show_draft_advice(self, draft: Session) -> None: ...

    def _connect_health_signals(self) -> None:
        """Called from `_connect_signals` (inside `attach`), after the panels' connections.

        The store's notices are queued now and told on the event loop's next turn, once
        `attach` has completed the window.
        """
        self.day_log_box.soreness_rated.connect(self._on_soreness_rated)
        # After the month or an edit has been read, tell about rows that reading skipped.
        self.calendar.currentPageChanged.connect(self._tell_unreadable)
        self._edits.changed.connect(self._tell_unreadable)
        self._queue_store_notices()

    # -- soreness --------------------------------------------------------------------

    def _on_soreness_rated(self, day_log: DayLog) -> None:
        from desktop.ui.commands import DayLogCommand

        rating = "clear" if day_log.soreness is None else f"{day_log.soreness}/10"
        text = f"Rate soreness {rating} on {day_log.day:%a %d %b}"
        if day_log.soreness is None:
            text = f"Clear soreness on {day_log.day:%a %d %b}"
        self._edits.run(DayLogCommand(text, day_log, day_log.day))

    def _refresh_advice_after_log(self, day: date) -> None:
        """A day's log changed: its rows' badges and the advice shown (day or session).

        Soreness changes every run's advice of the day, not only the day's water line.
        """
        rows = self._edits.attempt(lambda: self._planner.day_rows(day))
        if rows is not None:
            selected = self.day_list.selected_session_id()
            self.day_list.show_rows(rows)
            if selected is not None:
                self.day_list.select_session(selected)
        draft = self.session_form.draft()
        if draft is not None:
            self._show_draft_advice(draft)
        elif self.session_form.session_id() is None:
            self._show_day_advice(day)

    # -- backups ----------------------------------------------------------------------

    def on_back_up(self) -> None:
        """File > Back up now: a failure is said in the status bar and a dialog."""
        from desktop.store import BackupError, StoreError

        try:
            path = self._planner.backup_now()
        except BackupError as error:
            self.show_backup_failure(error, by_hand=True)
            return
        except StoreError as error:
            self._report(error)
            return
        self.statusBar().showMessage(f"Backed up to {path}", 8000)

    def show_backup_failure(self, error: BackupError, *, by_hand: bool = False) -> None:
        """A lasting status-bar message; a dialog the first time (every time when asked for)."""
        self.statusBar().showMessage(
            f"{BACKUP_FAILED_TITLE}: your plan is safe, but it has no new backup. "
            "Try File > Back up now."
        )
        told = getattr(self, "_backup_failure_told", False)
        if told and not by_hand:
            return
        self._backup_failure_told = True
        folder = self._edits.attempt(self._planner.backup_folder)
        text = str(error) if folder is None else f"{error}\n\n{backup_advice(folder)}"
        self._show_error(BACKUP_FAILED_TITLE, text)

    def on_restore_backup(self) -> None:
        """File > Restore a backup: pick from the list, check it, confirm, replace the file."""
        if not self._settle_form():
            return
        infos = self._edits.attempt(self._planner.backup_list)
        if infos is None:
            return
        path = self._choose_backup(infos) if infos else self._choose_backup_file()
        if path is None or not self._edits.attempt(lambda: self._planner.check_backup(path)):
            return
        question = (
            f"Replace your current plan with the backup {path.name}? "
            "Your current file is backed up first; this clears Edit > Undo."
        )
        if not self._confirm(question):
            return

        def restore() -> bool:
            self._planner.restore(path)
            return True

        restored = self._edits.attempt(restore)
        self._edits.clear()  # the stack described the file as it was before
        self._reload_all()
        if restored:
            self.statusBar().showMessage(f"Restored {path.name}.", 8000)
            self._queue_store_notices()  # an older backup may hold an out-of-range profile

    def _choose_backup(self, backups: list[BackupInfo]) -> Path | None:
        """The list of backups (taken, kind, sessions), with "Other file..."; None if cancelled."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

        from desktop.ui.restore_backup_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self._planner.db_path, backups, self)
        intro = dialog.findChild(QLabel, "restoreIntro")
        if intro is not None:
            intro.setText(
                f"Choose the backup to put in place of {self._planner.db_path.name}. Your "
                "current plan is backed up first (as \u201cBefore a restore\u201d)."
            )
        other = dialog.buttons.addButton("Other file\u2026", QDialogButtonBox.ButtonRole.ActionRole)
        other.setObjectName("otherBackupButton")
        wants_other = False

        def choose_other() -> None:
            nonlocal wants_other
            wants_other = True
            dialog.reject()

        other.clicked.connect(choose_other)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selected_backup() if accepted else None
        finally:
            dialog.deleteLater()
        return self._choose_backup_file() if wants_other else chosen

    def _choose_backup_file(self) -> Path | None:
        folder = self._edits.attempt(self._planner.backup_folder) or self._planner.db_path.parent
        return self._choose_file(
            "Restore a backup", folder, "Liftrun backups (*.sqlite *.db *.bak);;All files (*)"
        )

    # -- the store's notices -------------------------------------------------------------

    def _queue_store_notices(self) -> None:
        """Tell the store's notices once the window has had a turn to paint."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, self._tell_store_notices)

    def _tell_store_notices(self) -> None:
        """A profile brought into range, a failed backup, unreadable sessions: each once."""
        if self._closed:  # closed before the event loop came round: its store is gone
            return
        adjustments = self._edits.attempt(self._planner.profile_adjustments)
        if adjustments:
            self._show_info(PROFILE_ADJUSTED_TITLE, "\n\n".join(adjustments))
        error = self._edits.attempt(self._planner.new_backup_error)
        if error is not None:
            self.show_backup_failure(error)
        self._tell_unreadable()

    def _tell_unreadable(self, *_args: object) -> None:
        """Name each stored session that could not be read, once per open database."""
        if self._closed:
            return
        if getattr(self, "_told_planner", None) is not self._planner:
            self._told_planner = self._planner
            self._told_unreadable: set[int] = set()
        rows = self._edits.attempt(self._planner.unreadable_sessions) or []
        new = [row for row in rows if row.id not in self._told_unreadable]
        if not new:
            return
        self._told_unreadable.update(row.id for row in new)
        count = len(rows)
        self.statusBar().showMessage(
            f"{count} stored session{'' if count == 1 else 's'} could not be read and "
            f"{'is' if count == 1 else 'are'} not shown; the rest of your plan is."
        )
        self._show_notice(UNREADABLE_TITLE, "\n\n".join(row.message for row in new))

    def _show_notice(self, title: str, text: str) -> None:
        """A non-modal message: the window stays usable while it is open (tests replace it)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("noticeDialog")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        log.info("%s: %s", title, text)
