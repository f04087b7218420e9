"""Moving sessions on the calendar: drops, block drags, resizes and Alt+arrow keys.

Each gesture is one `SessionsCommand` run through the EditRunner. `drop_session(session_id,
day, copy)` is the one path of a mouse drop, a keyboard move and a test; `move_session(
session_id, start, copy)` is the same with a time of day; `resize_session` changes a block's
length.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject

from desktop.advice import InvalidInputError, Session
from desktop.planner.changes import DAYS_IN_WEEK
from desktop.ui.calendar_controller import CalendarController
from desktop.ui.calendar_view import CalendarView
from desktop.ui.commands import SessionsCommand, session_label
from desktop.ui.edit_runner import EditRunner
from desktop.ui.edits_controller import EditsController
from desktop.ui.prompts import Prompts
from desktop.ui.week_view import WeekView


class MovesController(QObject):
    """Turns moves of sessions on the calendar views into one undoable command each."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        views: CalendarController,
        calendar: CalendarView,
        week_view: WeekView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._views = views
        self._calendar = calendar
        self._week_view = week_view

        self._connect_signals()

    def _connect_signals(self) -> None:
        self._calendar.session_dropped.connect(self.drop_session)
        self._week_view.session_moved.connect(self.move_session)
        self._week_view.session_resized.connect(self.resize_session)

    # -- the one path of drops, block drags and key moves -------------------------------------

    def drop_session(self, session_id: int, day: date, copy: bool = False) -> bool:
        """Move (or copy) a session to `day`, keeping its time of day; one undo step."""
        session = self._runner.planner.get(session_id)
        if session is None:
            self._prompts.show_error(
                "Session not found", "That session is gone; the day was reloaded."
            )
            self._views.refresh_month()
            return False
        return self.move_session(session_id, datetime.combine(day, session.start.time()), copy)

    def move_session(self, session_id: int, start: datetime, copy: bool = False) -> bool:
        """Move (or copy, as a new planned session) a session to `start`; one undo step.

        Moving a done session first asks whether to move it as planned. When nothing is
        written, the week view drops the would-be zones it showed during the drag.
        """
        moved = self._move_or_copy(session_id, start, copy)
        if not moved:
            self._views.refresh_week()
        return moved

    def _move_or_copy(self, session_id: int, start: datetime, copy: bool) -> bool:
        if not self._edits.settle_form():
            return False
        planner = self._runner.planner
        session = planner.get(session_id)
        if session is None or session.id is None:
            self._views.refresh_month()
            return False
        day = start.date()
        if copy:
            new = planner.moved_session(session, start, copy=True)
            command = SessionsCommand(session_label("Copy", session, day), add=[new], go_to=day)
        else:
            if start == session.start:
                return False
            moved = replace(session, start=start)
            if session.done:
                if not self._ask_move_done(session):
                    return False
                planned = planner.moved_session(session, start, copy=True)
                moved = replace(planned, id=session.id)
            command = SessionsCommand(session_label("Move", session, day), put=[moved], go_to=day)
        if not self._runner.run(command):
            return False
        self._edits.status(f"{'Copied' if copy else 'Moved'} to {start:%A %d %B %H:%M}.")
        return True

    def resize_session(self, session_id: int, duration_min: int) -> bool:
        """Give a session a new duration (a block's lower edge dragged); one undo step."""
        if not self._edits.settle_form():
            return False
        session = self._runner.planner.get(session_id)
        if session is None or session.duration_min == duration_min:
            self._views.refresh_week()
            return False
        try:
            resized = replace(session, duration_min=duration_min)
        except InvalidInputError as exc:
            self._prompts.show_error("Cannot change the length", str(exc))
            self._views.refresh_week()
            return False
        command = SessionsCommand(
            session_label("Change length of", session), put=[resized], go_to=session.day
        )
        return self._runner.run(command)

    def _ask_move_done(self, session: Session) -> bool:
        """Whether to move a done session as a planned one (a done session is a record)."""
        return self._prompts.confirm(
            f"The {session.kind.value} on {session.start:%a %d %b} is done: it records what "
            "you did. Move it as a planned session instead?"
        )

    def _move_selected(self, days: int) -> None:
        session = self._edits.selected_session()
        if session is None or session.id is None:
            self._edits.status("Select a saved session to move.")
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
