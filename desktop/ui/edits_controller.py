"""The session form's edits, Edit > Undo and Redo, and the day's log, as commands.

Save, delete, new run, new deadlift, water, the day log and soreness each build one command
(desktop.ui.commands) and hand it to the EditRunner; errors, the undo stack and the repaint
are the runner's and the window's business. `settle_form` is the one place that asks
Save / Discard / Cancel before something replaces unsaved form changes; every other
controller calls it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.advice import DayLog, Session
from desktop.advice.units import format_volume
from desktop.ui.calendar_view import CalendarView
from desktop.ui.commands import DayLogCommand, SessionsCommand, WaterCommand, session_label
from desktop.ui.day_list import DayList
from desktop.ui.day_log_box import DayLogBox
from desktop.ui.edit_runner import EditRunner
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.prompts import Prompts
from desktop.ui.session_form import SessionForm

STATUS_MS = 4000


class EditsController(QObject):
    """Turns the form's and the day log's gestures into commands; owns Undo and Redo."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        form: SessionForm,
        day_list: DayList,
        day_log_box: DayLogBox,
        calendar: CalendarView,
        status_bar: QStatusBar,
        undo_redo: tuple[QAction, QAction],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._form = form
        self._day_list = day_list
        self._day_log_box = day_log_box
        self._calendar = calendar
        self._status_bar = status_bar
        self._undo_action, self._redo_action = undo_redo
        self._window = parent

        self._connect_signals()

    def _connect_signals(self) -> None:
        self._form.save_requested.connect(self._on_save_requested)
        self._form.delete_requested.connect(self._on_delete_requested)
        self._day_log_box.water_added.connect(self._on_water_added)
        self._day_log_box.day_log_edited.connect(self._on_day_log_edited)
        self._day_log_box.soreness_rated.connect(self._on_soreness_rated)
        self._runner.stack_changed.connect(self.update_undo_actions)

    def status(self, text: str) -> None:
        """A short message in the status bar."""
        self._status_bar.showMessage(text, STATUS_MS)

    def selected_day(self) -> date:
        """The day the calendar has selected."""
        return self._calendar.selected_day()

    def selected_session(self) -> Session | None:
        """The session in the form, or else the one selected in the day's list."""
        session_id = self._form.session_id() or self._day_list.selected_session_id()
        return self._runner.planner.get(session_id) if session_id is not None else None

    # -- unsaved changes -------------------------------------------------------------

    def settle_form(self) -> bool:
        """True when the form may be replaced: clean, saved or discarded; False on Cancel."""
        if not self._form.is_dirty():
            return True
        answer = self._prompts.ask_unsaved()
        if answer == "save":
            draft = self._form.draft()
            return draft is not None and self.save(draft)
        if answer == "discard":
            session_id = self._form.session_id()
            stored = self._runner.planner.get(session_id) if session_id is not None else None
            if stored is not None:
                self._form.edit_session(stored)
            else:
                self._form.clear(self._calendar.selected_day(), sessions=self._day_list.row_count())
            return True
        return False

    # -- undo and redo -----------------------------------------------------------------

    def on_undo(self) -> None:
        """Edit > Undo, after settling unsaved form changes."""
        if self.settle_form():
            self._runner.stack.undo()

    def on_redo(self) -> None:
        """Edit > Redo, after settling unsaved form changes."""
        if self.settle_form():
            self._runner.stack.redo()

    def on_show_history(self) -> None:
        """View > History: the undo stack; clicking a line goes back to it."""
        dialog = self._window.findChild(HistoryDialog, "historyDialog")
        if dialog is None:
            dialog = HistoryDialog(self._runner.stack, self._window)
        dialog.show()
        dialog.raise_()

    def update_undo_actions(self) -> None:
        """Undo and Redo enabled, and named after the step they take."""
        stack = self._runner.stack
        for action, can, text, word in (
            (self._undo_action, stack.canUndo(), stack.undoText(), "&Undo"),
            (self._redo_action, stack.canRedo(), stack.redoText(), "R&edo"),
        ):
            action.setEnabled(can)
            action.setText(f"{word} {text}" if can and text else word)

    # -- sessions --------------------------------------------------------------------

    def on_new_run(self) -> None:
        """Open the form on a new run for the selected day."""
        if self.settle_form():
            self.start_new(self._runner.planner.default_run(self.selected_day()))

    def on_new_lift(self) -> None:
        """Open the form on a new deadlift for the selected day."""
        if self.settle_form():
            self.start_new(self._runner.planner.default_lift(self.selected_day()))

    def start_new(self, template: Session) -> None:
        """The form on a new, unsaved session (its draft_changed shows the advice)."""
        self._day_list.clearSelection()
        self._form.new_session(template)
        self._form.setFocus()

    def _on_save_requested(self, session: object) -> None:
        if isinstance(session, Session):
            self.save(session)

    def save(self, session: Session) -> bool:
        """Save the form's session as one undo step; on an error the form keeps its values."""
        if session.id is None:
            command = SessionsCommand(session_label("Add", session), add=[session])
        else:
            command = SessionsCommand(session_label("Edit", session), put=[session])
        if not self._runner.run(command):
            return False
        self.status("Saved.")
        return True

    def on_delete(self) -> None:
        """Delete the session in the form, after asking."""
        session_id = self._form.session_id()
        if session_id is None:
            self.status("Select a saved session to delete.")
            return
        self._on_delete_requested(session_id)

    def _on_delete_requested(self, session_id: int) -> None:
        session = self._runner.planner.get(session_id)
        if session is None:
            return
        what = f"the {session.kind.value} at {session.start:%H:%M} on {session.start:%a %d %b}"
        if not self._prompts.confirm(f"Delete {what}? Edit > Undo brings it back."):
            return
        command = SessionsCommand(
            session_label("Delete", session), remove=[session_id], go_to=session.day
        )
        if self._runner.run(command):
            self.status("Deleted. Edit > Undo brings it back.")

    # -- the day's log ----------------------------------------------------------------

    def _on_water_added(self, oz: float) -> None:
        day = self.selected_day()
        unit = self._runner.planner.profile().volume_unit

        def describe(total_oz: float) -> str:
            return f"Add {format_volume(total_oz, unit)} water on {day:%a %d %b}"

        self._runner.run(WaterCommand(describe, day, oz))

    def _on_day_log_edited(self, day_log: DayLog) -> None:
        before = self._runner.planner.day_log(day_log.day)
        if day_log.bcaa != before.bcaa:
            what = "Tick BCAAs" if day_log.bcaa else "Untick BCAAs"
        elif day_log.note != before.note:
            what = "Edit day note"
        else:
            what = "Set water"
        self._runner.run(DayLogCommand(f"{what} on {day_log.day:%a %d %b}", day_log, day_log.day))

    def _on_soreness_rated(self, day_log: DayLog) -> None:
        """A soreness rating is one undoable step; the advice follows at once."""
        rating = "clear" if day_log.soreness is None else f"{day_log.soreness}/10"
        text = f"Rate soreness {rating} on {day_log.day:%a %d %b}"
        if day_log.soreness is None:
            text = f"Clear soreness on {day_log.day:%a %d %b}"
        self._runner.run(DayLogCommand(text, day_log, day_log.day))
