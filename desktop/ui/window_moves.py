"""The main window's session moves: drops, block drags, resizes, Alt+arrow keys, repeat.

A mixin of MainWindow through `CalendarMixin` (desktop.ui.window_calendar). Each gesture is
one `SessionsCommand` run through the window's EditRunner. `drop_session(session_id, day,
copy)` is the one path of a mouse drop, a keyboard move and a test; `move_session(session_id,
start, copy)` is the same with a time of day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from desktop.advice import Session
    from desktop.planner import Planner
    from desktop.planner.calendar_feed import RepeatPlan
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.repeat_dialog import RepeatChoice, RepeatPreview

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object

DAYS_IN_WEEK = 7


class SessionMovesMixin(_Base):
    """Turns moves of sessions on the calendar views into one undoable command each."""

    _planner: Planner
    _edits: EditRunner

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def _settle_form(self) -> bool: ...

        def _confirm(self, question: str) -> bool: ...

        def _status(self, text: str) -> None: ...

        def _selected_session(self) -> Session | None: ...

        def _show_error(self, title: str, text: str) -> None: ...

        def refresh_month(self) -> None: ...

        def _refresh_week(self) -> None: ...

    # -- the one path of drops, block drags and key moves -------------------------------------

    def drop_session(self, session_id: int, day: date, copy: bool = False) -> bool:
        """Move (or copy) a session to `day`, keeping its time of day; one undo step."""
        session = self._planner.get(session_id)
        if session is None:
            self._show_error("Session not found", "That session is gone; the day was reloaded.")
            self.refresh_month()
            return False
        return self.move_session(session_id, datetime.combine(day, session.start.time()), copy)

    def move_session(self, session_id: int, start: datetime, copy: bool = False) -> bool:
        """Move (or copy, as a new planned session) a session to `start`; one undo step.

        Moving a done session first asks whether to move it as planned. When nothing is
        written, the week view drops the would-be zones it showed during the drag.
        """
        moved = self._move_or_copy(session_id, start, copy)
        if not moved:
            self._refresh_week()
        return moved

    def _move_or_copy(self, session_id: int, start: datetime, copy: bool) -> bool:
        from desktop.ui.commands import SessionsCommand, session_label

        if not self._settle_form():
            return False
        session = self._planner.get(session_id)
        if session is None or session.id is None:
            self.refresh_month()
            return False
        day = start.date()
        if copy:
            new = self._planner.moved_session(session, start, copy=True)
            command = SessionsCommand(session_label("Copy", session, day), add=[new], go_to=day)
        else:
            if start == session.start:
                return False
            moved = replace(session, start=start)
            if session.done:
                if not self._ask_move_done(session):
                    return False
                planned = self._planner.moved_session(session, start, copy=True)
                moved = replace(planned, id=session.id)
            command = SessionsCommand(session_label("Move", session, day), put=[moved], go_to=day)
        if not self._edits.run(command):
            return False
        self._status(f"{'Copied' if copy else 'Moved'} to {start:%A %d %B %H:%M}.")
        return True

    def resize_session(self, session_id: int, duration_min: int) -> bool:
        """Give a session a new duration (a block's lower edge dragged); one undo step."""
        from desktop.advice import InvalidInputError
        from desktop.ui.commands import SessionsCommand, session_label

        if not self._settle_form():
            return False
        session = self._planner.get(session_id)
        if session is None or session.duration_min == duration_min:
            self._refresh_week()
            return False
        try:
            resized = replace(session, duration_min=duration_min)
        except InvalidInputError as exc:
            self._show_error("Cannot change the length", str(exc))
            self._refresh_week()
            return False
        command = SessionsCommand(
            session_label("Change length of", session), put=[resized], go_to=session.day
        )
        return self._edits.run(command)

    def _ask_move_done(self, session: Session) -> bool:
        """Whether to move a done session as a planned one (a done session is a record)."""
        return self._confirm(
            f"The {session.kind.value} on {session.start:%a %d %b} is done: it records what "
            "you did. Move it as a planned session instead?"
        )

    def _move_selected(self, days: int) -> None:
        session = self._selected_session()
        if session is None or session.id is None:
            self._status("Select a saved session to move.")
            return
        self.drop_session(session.id, session.day + timedelta(days=days), False)

    def on_move_day_back(self) -> None:
        """Alt+Left: the selected session one day earlier."""
        self._move_selected(-1)

    def on_move_day_forward(self) -> None:
        """Alt+Right: the selected session one day later."""
        self._move_selected(1)

    def on_move_week_back(self) -> None:
        """Alt+Up: the selected session one week earlier."""
        self._move_selected(-DAYS_IN_WEEK)

    def on_move_week_forward(self) -> None:
        """Alt+Down: the selected session one week later."""
        self._move_selected(DAYS_IN_WEEK)

    # -- repeat ------------------------------------------------------------------------

    def on_repeat_weekly(self) -> None:
        """Repeat weekly...: planned copies every N weeks, until a date or N times; one step."""
        from desktop.ui.commands import SessionsCommand, session_label

        session = self._selected_session()
        if session is None or session.id is None:
            self._status("Select a saved session to repeat.")
            return
        if not self._settle_form():
            return
        session_id = session.id

        def preview(choice: RepeatChoice) -> tuple[int, int]:
            plan = self._edits.attempt(lambda: self._repeat_plan(session_id, choice))
            return (len(plan.copies), plan.warned) if plan is not None else (0, 0)

        choice = self._ask_repeat(session, preview)
        if choice is None:
            return
        plan = self._edits.attempt(lambda: self._repeat_plan(session_id, choice))
        if plan is None or not plan.copies:
            self._status("Nothing to repeat: no copy falls before the end date.")
            return
        count = len(plan.copies)
        label = session_label(f"Repeat weekly ({count}x)", session)
        if self._edits.run(SessionsCommand(label, add=plan.copies, go_to=session.day)):
            warned = f"; the advice warns on {plan.warned}" if plan.warned else ""
            self._status(f"Added {count} weekly copies{warned}. Edit > Undo takes them back.")

    def _repeat_plan(self, session_id: int, choice: RepeatChoice) -> RepeatPlan:
        return self._planner.repeat_weekly(
            session_id, choice.every_weeks, until=choice.until, times=choice.times
        )

    def _ask_repeat(self, session: Session, preview: RepeatPreview) -> RepeatChoice | None:
        """The Repeat weekly dialog (tests replace this)."""
        from desktop.ui.repeat_dialog import RepeatDialog

        what = f"the {session.kind.value} of {session.start:%a %d %b %H:%M}"
        dialog = RepeatDialog(what, session.day + timedelta(weeks=1), preview, self)
        if dialog.exec() != RepeatDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
