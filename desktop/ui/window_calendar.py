"""The main window's planning calendar: chips in the month, the week view, drag to move.

A mixin of MainWindow (desktop.ui.main_window). It puts the month calendar and the week view
in one stack (View > Month, View > Week), feeds both from the planner's `month_feed` and
`week_feed` on every refresh, shows the engine's would-be warnings while a drag hovers, and
connects drops, block drags, resizes, Alt+arrow moves and Repeat weekly to
`desktop.ui.window_moves` (one `SessionsCommand` each).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop.ui.signals import signals_blocked
from desktop.ui.window_moves import DAYS_IN_WEEK, SessionMovesMixin

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QStackedWidget

    from desktop.advice import Session
    from desktop.planner import Planner
    from desktop.planner.calendar_feed import SessionChip
    from desktop.ui.calendar_view import CalendarView
    from desktop.ui.chip_legend import ChipLegend
    from desktop.ui.day_list import DayList
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.session_chips import ChipData
    from desktop.ui.session_form import SessionForm
    from desktop.ui.week_view import WeekView

log = logging.getLogger(__name__)


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


class CalendarMixin(SessionMovesMixin):
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
    _month_stale = False  # the month changed while the week view hid it

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
        """Reload the month's chips, badges and marks (and the week view when it shows).

        While the week view shows, the hidden month is only marked stale: it reloads when
        View > Month shows it again, so a week switch turning the page does not feed it.
        """
        if self._week_view_shown():
            self._month_stale = True
            self._refresh_week()
            return
        self._month_stale = False
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

    def _on_page_changed(self, _year: int, _month: int) -> None:
        if self._week_view_shown():
            # Behind the week view the page turns only with the selected day, whose own
            # signal shows the new week; the month reloads when it is shown again.
            self._month_stale = True
            return
        self.refresh_month()

    def _week_view_shown(self) -> bool:
        return self.calendar_stack.currentWidget() is self.week_view

    def _refresh_week(self) -> None:
        """Show the selected day's week in the week view, if the week view is shown."""
        if not self._week_view_shown():
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
        if self._month_stale:
            self.refresh_month()
        self.calendar.setFocus()

    def on_week_view(self) -> None:
        """View > Week: the selected day's week on a clock."""
        self.calendar_stack.setCurrentWidget(self.week_view)
        self.week_view_action.setChecked(True)
        self._refresh_week()
        self.week_view.setFocus()

    def on_previous_week(self) -> None:
        """View > Previous week: select the same weekday a week earlier."""
        self.calendar.select_day(self.calendar.selected_day() - timedelta(days=DAYS_IN_WEEK))

    def on_next_week(self) -> None:
        """View > Next week: select the same weekday a week later."""
        self.calendar.select_day(self.calendar.selected_day() + timedelta(days=DAYS_IN_WEEK))

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
