"""The main window's planning calendar: chips in the month, the week view, drag to move.

A mixin of MainWindow (desktop.ui.main_window). It puts the month calendar and the week view
in one stack (View > Month, View > Week), feeds both from the planner's `month_feed` and
`week_feed` on every refresh, and turns drops, block drags, resizes, Alt+arrow moves and
Repeat weekly into one `SessionsCommand` each, run through the window's EditRunner.
`drop_session(session_id, day, copy)` is the one path of a mouse drop, a keyboard move and a
test; `move_session(session_id, start, copy)` is the same with a time of day.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from desktop.ui.fields import signals_blocked

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QStackedWidget

    from desktop.advice import Session
    from desktop.planner import Planner
    from desktop.planner.calendar_feed import RepeatPlan, SessionChip
    from desktop.ui.calendar_view import CalendarView
    from desktop.ui.chip_legend import ChipLegend
    from desktop.ui.day_list import DayList
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.repeat_dialog import RepeatChoice, RepeatPreview
    from desktop.ui.session_chips import ChipData
    from desktop.ui.session_form import SessionForm
    from desktop.ui.week_view import WeekView

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object

DAYS_IN_WEEK = 7


def chip_data(chip: SessionChip) -> ChipData:
    """The planner's worded chip as the chip painter's view-model."""
    from desktop.ui.session_chips import ChipData, ChipState

    return ChipData(
        session_id=chip.session_id,
        kind=chip.kind,
        start=chip.start,
        duration_min=chip.duration_min,
        text=chip.text,
        tooltip=chip.tooltip,
        state=ChipState(chip.state),
        warning=chip.warning,
    )


class CalendarMixin(_Base):
    """Month chips, the week view, and moving sessions on them, for MainWindow."""

    _planner: Planner
    _edits: EditRunner
    calendar: CalendarView
    day_list: DayList
    session_form: SessionForm
    week_view: WeekView
    calendar_stack: QStackedWidget
    chip_legend: ChipLegend
    month_view_action: QAction
    week_view_action: QAction
    _view_group: QActionGroup

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def _settle_form(self) -> bool: ...

        def _confirm(self, question: str) -> bool: ...

        def _status(self, text: str) -> None: ...

        def _start_new(self, template: Session) -> None: ...

        def _selected_session(self) -> Session | None: ...

        def show_day(self, day: date, *, select_session: int | None = None) -> None: ...

        def _show_error(self, title: str, text: str) -> None: ...

    # -- construction ------------------------------------------------------------------

    def _build_calendar_views(self) -> None:
        """Put the calendar and a week view in a stack, the chip legend under the month."""
        from PySide6.QtGui import QActionGroup
        from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

        from desktop.ui.chip_legend import ChipLegend
        from desktop.ui.week_view import WeekView

        holder = self.calendar.parentWidget()
        layout = holder.layout() if holder is not None else None
        assert isinstance(layout, QVBoxLayout), "the shell puts the calendar in a VBox"
        index = layout.indexOf(self.calendar)
        layout.removeWidget(self.calendar)
        self.calendar_stack = QStackedWidget()
        self.calendar_stack.setObjectName("calendarStack")
        month_page = QWidget()
        month_page.setObjectName("monthPage")
        month_layout = QVBoxLayout(month_page)
        month_layout.setContentsMargins(0, 0, 0, 0)
        month_layout.addWidget(self.calendar, 1)
        self.chip_legend = ChipLegend()
        month_layout.addWidget(self.chip_legend)
        self.week_view = WeekView()
        self.calendar_stack.addWidget(month_page)
        self.calendar_stack.addWidget(self.week_view)
        layout.insertWidget(index, self.calendar_stack, 2)
        self.calendar.setToolTip("")
        self._view_group = QActionGroup(self)
        for action in (self.month_view_action, self.week_view_action):
            action.setCheckable(True)
            self._view_group.addAction(action)
        self.month_view_action.setChecked(True)
        for name in ("repeat_action", "move_day_back_action", "move_day_forward_action"):
            self.day_list.add_context_action(getattr(self, name))

    def _connect_calendar_signals(self) -> None:
        self.calendar.session_dropped.connect(self.drop_session)
        self.calendar.new_session_requested.connect(self._on_new_session_on_day)
        self.calendar.session_activated.connect(self._on_session_activated)
        self.calendar.set_drop_preview(self._drop_preview)
        self.calendar.selectionChanged.connect(self._refresh_week)
        view = self.week_view
        view.session_moved.connect(self.move_session)
        view.session_resized.connect(self.resize_session)
        view.session_selected.connect(self._on_week_session_selected)
        view.edit_requested.connect(self._on_session_activated)
        view.new_run_requested.connect(self._on_new_run_at)
        view.drag_finished.connect(self._refresh_week)
        view.set_move_preview(self._move_preview)
        view.set_resize_preview(self._resize_preview)

    # -- showing -----------------------------------------------------------------------

    def refresh_month(self) -> None:
        """Reload the month's chips, badges and marks (and the week view when it shows)."""
        first, last = self.calendar.visible_range()
        feed = self._edits.attempt(lambda: self._planner.month_feed(first, last))
        if feed is None:
            return
        self.calendar.set_marks(feed.marks)
        self.calendar.set_chips(
            {day: [chip_data(c) for c in chips] for day, chips in feed.chips.items()},
            feed.badge_days,
        )
        self._refresh_week()

    def _refresh_week(self) -> None:
        """Show the selected day's week in the week view, if the week view is shown."""
        if self.calendar_stack.currentWidget() is not self.week_view:
            return
        day = self.calendar.selected_day()
        feed = self._edits.attempt(lambda: self._planner.week_feed(day))
        if feed is None:
            return
        view = self.week_view
        view.set_week(feed.monday)
        view.set_chips(chip_data(c) for c in feed.chips)
        view.set_zones(feed.zones)
        view.set_totals(feed.day_totals, feed.week_total)
        selected = self.session_form.session_id()
        shown = {c.session_id for c in feed.chips}
        with signals_blocked(view):
            view.select_session(selected if selected in shown else None)

    def on_month_view(self) -> None:
        """View > Month: the month calendar with chips."""
        self.calendar_stack.setCurrentIndex(0)
        self.month_view_action.setChecked(True)
        self.calendar.setFocus()

    def on_week_view(self) -> None:
        """View > Week: the selected day's week on a clock."""
        self.calendar_stack.setCurrentWidget(self.week_view)
        self.week_view_action.setChecked(True)
        self._refresh_week()
        self.week_view.setFocus()

    # -- previews (never write; errors are logged, a drag must not open a dialog) ------------

    def _drop_preview(self, session_id: int, day: date, copy: bool) -> Sequence[str]:
        from desktop.ui.edit_runner import handled_errors

        try:
            return self._planner.drop_warnings(session_id, day, copy)
        except handled_errors() as exc:
            log.warning("Drop preview failed: %s", exc)
            return ()

    def _move_preview(self, session_id: int, start: datetime, copy: bool) -> Sequence[str]:
        """A block dragged to `start`: its would-be warnings; a deadlift's zones follow it."""
        from desktop.advice import Kind
        from desktop.ui.edit_runner import handled_errors

        try:
            session = self._planner.get(session_id)
            if session is None:
                return ()
            if session.kind is Kind.DEADLIFT:
                moved = self._planner.moved_session(session, start, copy)
                self.week_view.set_zones(self._planner.week_zones(self.week_view.week(), moved))
            return self._planner.move_warnings(session_id, start, copy)
        except handled_errors() as exc:
            log.warning("Move preview failed: %s", exc)
            return ()

    def _resize_preview(self, session_id: int, duration_min: int) -> Sequence[str]:
        """A block's lower edge dragged: its would-be warnings; a deadlift's zones follow."""
        from desktop.advice import Kind
        from desktop.ui.edit_runner import handled_errors

        try:
            session = self._planner.get(session_id)
            if session is None:
                return ()
            if session.kind is Kind.DEADLIFT:
                longer = replace(session, duration_min=duration_min)
                self.week_view.set_zones(self._planner.week_zones(self.week_view.week(), longer))
            return self._planner.resize_warnings(session_id, duration_min)
        except handled_errors() as exc:
            log.warning("Resize preview failed: %s", exc)
            return ()

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

    def on_previous_week(self) -> None:
        """View > Previous week: select the same weekday a week earlier."""
        self.calendar.select_day(self.calendar.selected_day() - timedelta(days=DAYS_IN_WEEK))

    def on_next_week(self) -> None:
        """View > Next week: select the same weekday a week later."""
        self.calendar.select_day(self.calendar.selected_day() + timedelta(days=DAYS_IN_WEEK))

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

    # -- selecting and starting sessions from the views ---------------------------------------

    def _show_session(self, session_id: int, *, refresh_week: bool = True) -> None:
        session = self._planner.get(session_id)
        if session is None or not self._settle_form():
            return
        with signals_blocked(self.calendar):
            self.calendar.select_day(session.day)
        self.show_day(session.day, select_session=session_id)
        if refresh_week:
            self._refresh_week()

    def _on_week_session_selected(self, session_id: int) -> None:
        """A block clicked: its day and the session in the form (the week view stays as is,
        so a drag that starts with this click goes on)."""
        if session_id != self.session_form.session_id():
            self._show_session(session_id, refresh_week=False)

    def _on_session_activated(self, session_id: int) -> None:
        self._show_session(session_id)
        self.session_form.setFocus()

    def _on_new_session_on_day(self, day: date) -> None:
        """A double-click on an empty part of a month cell: a new run that day."""
        if not self._settle_form():
            return
        self._select_quietly(day)
        self._start_new(self._planner.default_run(day))

    def _on_new_run_at(self, moment: datetime) -> None:
        """A double-click on an empty week slot: a new run starting there."""
        if not self._settle_form():
            return
        self._select_quietly(moment.date())
        self._start_new(replace(self._planner.default_run(moment.date()), start=moment))

    def _select_quietly(self, day: date) -> None:
        if day != self.calendar.selected_day():
            with signals_blocked(self.calendar):
                self.calendar.select_day(day)
            self.show_day(day)
            self._refresh_week()
