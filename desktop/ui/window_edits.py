"""The main window's edits: each user change becomes one command for the EditRunner.

A mixin of MainWindow (desktop.ui.main_window). Save, delete, duplicate, water, the day
log, cut, copy, paste, copy week and paste week each build one command
(desktop.ui.commands) and hand it to `self._edits.run`; errors, the undo stack and the
repaint are the runner's and `_on_changed`'s business. `_settle_form` is the one place
that asks Save / Discard / Cancel before something replaces unsaved form changes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from desktop.advice import DayLog, Session
    from desktop.planner import Planner
    from desktop.ui.day_list import DayList
    from desktop.ui.day_log_box import DayLogBox
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.session_form import SessionForm

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class EditsMixin(_Base):
    """Turns the window's edit gestures into commands run through one EditRunner."""

    _planner: Planner
    _edits: EditRunner
    day_list: DayList
    day_log_box: DayLogBox
    session_form: SessionForm
    _copied: tuple[Session, ...] = ()
    _copied_week: tuple[date, tuple[Session, ...]] | None = None

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def selected_day(self) -> date: ...

        def _confirm(self, question: str) -> bool: ...

        def _ask_unsaved(self) -> str: ...

        def _show_draft_advice(self, draft: Session) -> None: ...

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    # -- unsaved changes -------------------------------------------------------------

    def _settle_form(self) -> bool:
        """True when the form may be replaced: clean, saved or discarded; False on Cancel."""
        if not self.session_form.is_dirty():
            return True
        answer = self._ask_unsaved()
        if answer == "save":
            draft = self.session_form.draft()
            return draft is not None and self._save(draft)
        if answer == "discard":
            session_id = self.session_form.session_id()
            stored = self._planner.get(session_id) if session_id is not None else None
            if stored is not None:
                self.session_form.edit_session(stored)
            else:
                self.session_form.clear()
            return True
        return False

    # -- sessions --------------------------------------------------------------------

    def on_new_run(self) -> None:
        """Open the form on a new run for the selected day."""
        if self._settle_form():
            self._start_new(self._planner.default_run(self.selected_day()))

    def on_new_lift(self) -> None:
        """Open the form on a new deadlift for the selected day."""
        if self._settle_form():
            self._start_new(self._planner.default_lift(self.selected_day()))

    def _start_new(self, template: Session) -> None:
        self.day_list.clearSelection()
        self.session_form.new_session(template)  # its draft_changed shows the advice
        self.session_form.setFocus()

    def _on_draft_changed(self, draft: object) -> None:
        from desktop.advice import Session

        if isinstance(draft, Session):
            self._show_draft_advice(draft)

    def _on_suggestion_applied(self, suggestion: object) -> None:
        from desktop.advice import Suggestion

        if isinstance(suggestion, Suggestion):
            self.session_form.apply_suggestion(suggestion)

    def _on_save_requested(self, session: object) -> None:
        from desktop.advice import Session

        if isinstance(session, Session):
            self._save(session)

    def _save(self, session: Session) -> bool:
        """Save the form's session as one undo step; on an error the form keeps its values."""
        from desktop.ui.commands import SessionsCommand, session_label

        if session.id is None:
            command = SessionsCommand(session_label("Add", session), add=[session])
        else:
            command = SessionsCommand(session_label("Edit", session), put=[session])
        if not self._edits.run(command):
            return False
        self._status("Saved.")
        return True

    def on_delete(self) -> None:
        """Delete the session in the form, after asking."""
        session_id = self.session_form.session_id()
        if session_id is None:
            self._status("Select a saved session to delete.")
            return
        self._on_delete_requested(session_id)

    def _on_delete_requested(self, session_id: int) -> None:
        from desktop.ui.commands import SessionsCommand, session_label

        session = self._planner.get(session_id)
        if session is None:
            return
        what = f"the {session.kind.value} at {session.start:%H:%M} on {session.start:%a %d %b}"
        if not self._confirm(f"Delete {what}? Edit > Undo brings it back."):
            return
        command = SessionsCommand(
            session_label("Delete", session), remove=[session_id], go_to=session.day
        )
        if self._edits.run(command):
            self._status("Deleted. Edit > Undo brings it back.")

    def on_duplicate(self) -> None:
        """Copy the session in the form to the same time the next day, as its button does."""
        if not self.session_form.duplicateButton.isEnabled():
            self._status("Select a saved session to duplicate.")
            return
        self.session_form.duplicateButton.click()

    def _on_duplicate_requested(self, _copy: object) -> None:
        """Duplicate what is saved: unsaved form changes are settled first (Save/Discard)."""
        session_id = self.session_form.session_id()
        if session_id is None or not self._settle_form():
            return
        stored = self._planner.get(session_id)
        if stored is None:
            return
        self._paste((stored,), stored.day + timedelta(days=1), verb="Duplicate")

    # -- clipboard -------------------------------------------------------------------

    def _selected_session(self) -> Session | None:
        session_id = self.session_form.session_id() or self.day_list.selected_session_id()
        return self._planner.get(session_id) if session_id is not None else None

    def on_copy(self) -> None:
        """Edit > Copy: remember the selected session for Paste."""
        session = self._selected_session()
        if session is None:
            self._status("Select a saved session to copy.")
            return
        self._copied = (session,)
        self._status(f"Copied the {session.kind.value} at {session.start:%H:%M}.")

    def on_cut(self) -> None:
        """Edit > Cut: copy the selected session and remove it (one undo step)."""
        from desktop.ui.commands import SessionsCommand, session_label

        session = self._selected_session()
        if session is None or session.id is None:
            self._status("Select a saved session to cut.")
            return
        if not self._settle_form():
            return
        command = SessionsCommand(
            session_label("Cut", session), remove=[session.id], go_to=session.day
        )
        if self._edits.run(command):
            self._copied = (session,)
            self._status("Cut. Paste puts it on the selected day.")

    def on_paste(self) -> None:
        """Edit > Paste: a planned copy on the selected day at the same time of day."""
        if not self._copied:
            self._status("Copy or cut a session first.")
            return
        self._paste(self._copied, self.selected_day(), verb="Paste")

    def on_copy_week(self) -> None:
        """Edit > Copy week: remember Monday to Sunday of the selected day's week."""
        from desktop.planner.changes import DAYS_IN_WEEK, monday_of

        monday = monday_of(self.selected_day())
        week = self._edits.attempt(
            lambda: [
                s
                for offset in range(DAYS_IN_WEEK)
                for s in self._planner.sessions_on(monday + timedelta(days=offset))
            ]
        )
        if week is None:
            return
        self._copied_week = (monday, tuple(week))
        self._status(f"Copied {len(week)} sessions of the week of {monday:%a %d %b}.")

    def on_paste_week(self) -> None:
        """Edit > Paste week: the copied week's sessions into the selected day's week."""
        from desktop.planner.changes import monday_of, week_copies
        from desktop.ui.commands import SessionsCommand

        if self._copied_week is None:
            self._status("Copy a week first (Edit > Copy week).")
            return
        source, sessions = self._copied_week
        target = monday_of(self.selected_day())
        copies = week_copies(sessions, source, target)
        if not copies:
            self._status("The copied week has no sessions.")
            return
        if not self._settle_form():
            return
        label = f"Paste week of {source:%a %d %b} to {target:%a %d %b}"
        if self._edits.run(SessionsCommand(label, add=copies, go_to=self.selected_day())):
            self._status(f"Pasted {len(copies)} sessions.")

    def _paste(self, sessions: tuple[Session, ...], day: date, *, verb: str) -> None:
        from desktop.planner.changes import planned_copy
        from desktop.ui.commands import SessionsCommand, session_label

        if not self._settle_form():
            return
        copies = [planned_copy(s, day) for s in sessions]
        command = SessionsCommand(session_label(verb, copies[0]), add=copies)
        if self._edits.run(command):
            done = "Copied to" if verb == "Duplicate" else "Pasted on"
            self._status(f"{done} {day:%A %d %B}.")

    # -- the day's log ----------------------------------------------------------------

    def _on_water_added(self, oz: float) -> None:
        from desktop.advice.units import format_volume
        from desktop.ui.commands import WaterCommand

        day = self.selected_day()
        unit = self._planner.profile().volume_unit

        def describe(total_oz: float) -> str:
            return f"Add {format_volume(total_oz, unit)} water on {day:%a %d %b}"

        self._edits.run(WaterCommand(describe, day, oz))

    def _on_day_log_edited(self, day_log: DayLog) -> None:
        from desktop.ui.commands import DayLogCommand

        before = self._planner.day_log(day_log.day)
        if day_log.bcaa != before.bcaa:
            what = "Tick BCAAs" if day_log.bcaa else "Untick BCAAs"
        elif day_log.note != before.note:
            what = "Edit day note"
        else:
            what = "Set water"
        self._edits.run(DayLogCommand(f"{what} on {day_log.day:%a %d %b}", day_log, day_log.day))
