"""Edit > Cut, Copy, Paste, Copy week, Paste week and Duplicate to next day.

The controller keeps what was copied (a session, or a week with its first day); each paste is
one `SessionsCommand` of planned copies run through the EditRunner, so one Edit > Undo
takes it back.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject

from desktop.advice import Session
from desktop.planner.changes import DAYS_IN_WEEK, planned_copy, start_of_week, week_copies
from desktop.ui.calendar_view import CalendarView
from desktop.ui.commands import SessionsCommand, session_label
from desktop.ui.edit_runner import EditRunner
from desktop.ui.edits_controller import EditsController
from desktop.ui.session_form import SessionForm


class ClipboardController(QObject):
    """Copies sessions and weeks and pastes them as planned copies, one undo step each."""

    def __init__(
        self,
        runner: EditRunner,
        edits: EditsController,
        form: SessionForm,
        calendar: CalendarView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._edits = edits
        self._form = form
        self._calendar = calendar
        self._copied: tuple[Session, ...] = ()
        self._copied_week: tuple[date, tuple[Session, ...]] | None = None

        self._connect_signals()

    def _connect_signals(self) -> None:
        self._form.duplicate_requested.connect(self._on_duplicate_requested)

    def on_copy(self) -> None:
        """Edit > Copy: remember the selected session for Paste."""
        session = self._edits.selected_session()
        if session is None:
            self._edits.status("Select a saved session to copy.")
            return
        self._copied = (session,)
        self._edits.status(f"Copied the {session.kind.value} at {session.start:%H:%M}.")

    def on_cut(self) -> None:
        """Edit > Cut: copy the selected session and remove it (one undo step)."""
        session = self._edits.selected_session()
        if session is None or session.id is None:
            self._edits.status("Select a saved session to cut.")
            return
        if not self._edits.settle_form():
            return
        command = SessionsCommand(
            session_label("Cut", session), remove=[session.id], go_to=session.day
        )
        if self._runner.run(command):
            self._copied = (session,)
            self._edits.status("Cut. Paste puts it on the selected day.")

    def on_paste(self) -> None:
        """Edit > Paste: a planned copy on the selected day at the same time of day."""
        if not self._copied:
            self._edits.status("Copy or cut a session first.")
            return
        self._paste(self._copied, self._calendar.selected_day(), verb="Paste")

    def on_copy_week(self) -> None:
        """Edit > Copy week: remember the seven days of the selected day's week."""
        monday = self._week_start()
        planner = self._runner.planner
        week = self._runner.attempt(
            lambda: [
                s
                for offset in range(DAYS_IN_WEEK)
                for s in planner.sessions_on(monday + timedelta(days=offset))
            ]
        )
        if week is None:
            return
        self._copied_week = (monday, tuple(week))
        self._edits.status(f"Copied {len(week)} sessions of the week of {monday:%a %d %b}.")

    def _week_start(self) -> date:
        """The first day of the selected day's week (the calendar's first day of the week)."""
        return start_of_week(self._calendar.selected_day(), self._calendar.first_weekday())

    def on_paste_week(self) -> None:
        """Edit > Paste week: the copied week's sessions into the selected day's week."""
        if self._copied_week is None:
            self._edits.status("Copy a week first (Edit > Copy week).")
            return
        source, sessions = self._copied_week
        target = self._week_start()
        copies = week_copies(sessions, source, target, self._calendar.first_weekday())
        if not copies:
            self._edits.status("The copied week has no sessions.")
            return
        if not self._edits.settle_form():
            return
        label = f"Paste week of {source:%a %d %b} to {target:%a %d %b}"
        command = SessionsCommand(label, add=copies, go_to=self._calendar.selected_day())
        if self._runner.run(command):
            self._edits.status(f"Pasted {len(copies)} sessions.")

    def on_duplicate(self) -> None:
        """Copy the session in the form to the same time the next day, as its button does."""
        if not self._form.duplicateButton.isEnabled():
            self._edits.status("Select a saved session to duplicate.")
            return
        self._form.duplicateButton.click()

    def _on_duplicate_requested(self, _copy: object) -> None:
        """Duplicate what is saved: unsaved form changes are settled first (Save/Discard)."""
        session_id = self._form.session_id()
        if session_id is None or not self._edits.settle_form():
            return
        stored = self._runner.planner.get(session_id)
        if stored is None:
            return
        self._paste((stored,), stored.day + timedelta(days=1), verb="Duplicate")

    def _paste(self, sessions: tuple[Session, ...], day: date, *, verb: str) -> None:
        if not self._edits.settle_form():
            return
        copies = [planned_copy(s, day) for s in sessions]
        command = SessionsCommand(session_label(verb, copies[0]), add=copies)
        if self._runner.run(command):
            done = "Copied to" if verb == "Duplicate" else "Pasted on"
            self._edits.status(f"{done} {day:%A %d %B}.")
