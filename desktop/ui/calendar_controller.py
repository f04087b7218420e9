"""The planning calendar: chips in the month, the week view, and what happens on them.

It switches the stack between the month and the week (View > Month, View > Week), feeds
both from the planner's `month_feed` and `week_feed` on every refresh, shows the engine's
would-be warnings while a drag hovers, and opens or starts sessions from a click on either
view. The moves themselves are desktop.ui.moves_controller's.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QStackedWidget

from desktop.advice import Kind, Session, Zone
from desktop.planner.calendar_feed import SessionChip
from desktop.planner.changes import DAYS_IN_WEEK
from desktop.ui.calendar_view import CalendarView
from desktop.ui.edit_runner import EditRunner, handled_errors
from desktop.ui.edits_controller import EditsController
from desktop.ui.session_chips import ChipData, ChipState
from desktop.ui.session_form import SessionForm
from desktop.ui.signals import signals_blocked
from desktop.ui.week_view import WeekView

log = logging.getLogger(__name__)


class ShowDay(Protocol):
    """The window's `show_day`: a day's rows, log and advice, with a session in the form."""

    def __call__(self, day: date, *, select_session: int | None = None) -> None:
        """Show `day`, and `select_session` in the form when given."""


def chip_data(chip: SessionChip) -> ChipData:
    """The planner's worded chip as the chip painter's view-model."""
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


class CalendarController(QObject):
    """Feeds the month and the week view and turns their clicks into what the form shows."""

    def __init__(
        self,
        runner: EditRunner,
        edits: EditsController,
        calendar: CalendarView,
        stack: QStackedWidget,
        week_view: WeekView,
        form: SessionForm,
        month_and_week: tuple[QAction, QAction],
        show_day: ShowDay,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._edits = edits
        self._calendar = calendar
        self._stack = stack
        self._week_view = week_view
        self._form = form
        self._month_action, self._week_action = month_and_week
        self._show_day = show_day
        self._month_stale = False  # the month changed while the week view hid it
        self._view_group = QActionGroup(self)
        for action in month_and_week:
            action.setCheckable(True)
            self._view_group.addAction(action)
        self._month_action.setChecked(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        calendar = self._calendar
        calendar.currentPageChanged.connect(self._on_page_changed)
        calendar.new_session_requested.connect(self._on_new_session_on_day)
        calendar.session_activated.connect(self._on_session_activated)
        calendar.set_drop_preview(self._drop_preview)
        calendar.selectionChanged.connect(self.refresh_week)
        view = self._week_view
        view.session_selected.connect(self._on_week_session_selected)
        view.edit_requested.connect(self._on_session_activated)
        view.new_run_requested.connect(self._on_new_run_at)
        view.drag_finished.connect(self.refresh_week)
        view.set_move_preview(self._move_preview)
        view.set_resize_preview(self._resize_preview)

    # -- showing -----------------------------------------------------------------------

    def refresh_month(self) -> None:
        """Reload the month's chips, badges and marks (and the week view when it shows).

        While the week view shows, the hidden month is only marked stale: it reloads when
        View > Month shows it again, so a week switch turning the page does not feed it.
        """
        if self.week_view_shown():
            self._month_stale = True
            self.refresh_week()
            return
        self._month_stale = False
        first, last = self._calendar.visible_range()
        planner = self._runner.planner
        feed = self._runner.attempt(lambda: planner.month_feed(first, last))
        if feed is None:
            return
        self._calendar.set_marks(feed.marks)
        self._calendar.set_chips(
            {day: [chip_data(c) for c in chips] for day, chips in feed.chips.items()},
            feed.badge_days,
        )
        self.refresh_week()

    def _on_page_changed(self, _year: int, _month: int) -> None:
        if self.week_view_shown():
            # Behind the week view the page turns only with the selected day, whose own
            # signal shows the new week; the month reloads when it is shown again.
            self._month_stale = True
            return
        self.refresh_month()

    def week_view_shown(self) -> bool:
        """True while View > Week shows."""
        return self._stack.currentWidget() is self._week_view

    def refresh_week(self) -> None:
        """Show the selected day's week in the week view, if the week view is shown."""
        if not self.week_view_shown():
            return
        day = self._calendar.selected_day()
        planner = self._runner.planner
        first = self._calendar.first_weekday()
        feed = self._runner.attempt(lambda: planner.week_feed(day, first_weekday=first))
        if feed is None:
            return
        view = self._week_view
        view.set_week(feed.monday)
        view.set_chips(chip_data(c) for c in feed.chips)
        view.set_zones(feed.zones)
        view.set_totals(feed.day_totals, feed.week_total)
        selected = self._form.session_id()
        shown = {c.session_id for c in feed.chips}
        with signals_blocked(view):
            view.select_session(selected if selected in shown else None)

    def on_today(self) -> None:
        """View > Today: jump to today."""
        self._calendar.select_day(date.today())
        self._calendar.setFocus()

    def on_month_view(self) -> None:
        """View > Month: the month calendar with chips."""
        self._stack.setCurrentIndex(0)
        self._month_action.setChecked(True)
        if self._month_stale:
            self.refresh_month()
        self._calendar.setFocus()

    def on_week_view(self) -> None:
        """View > Week: the selected day's week on a clock."""
        self._stack.setCurrentWidget(self._week_view)
        self._week_action.setChecked(True)
        self.refresh_week()
        self._week_view.setFocus()

    def on_previous_week(self) -> None:
        """View > Previous week: select the same weekday a week earlier."""
        self._calendar.select_day(self._calendar.selected_day() - timedelta(days=DAYS_IN_WEEK))

    def on_next_week(self) -> None:
        """View > Next week: select the same weekday a week later."""
        self._calendar.select_day(self._calendar.selected_day() + timedelta(days=DAYS_IN_WEEK))

    # -- previews (never write; errors are logged, a drag must not open a dialog) ------------

    def _drop_preview(self, session_id: int, day: date, copy: bool) -> Sequence[str]:
        try:
            return self._runner.planner.drop_warnings(session_id, day, copy)
        except handled_errors() as exc:
            log.warning("Drop preview failed: %s", exc)
            return ()

    def _move_preview(self, session_id: int, start: datetime, copy: bool) -> Sequence[str]:
        """A block dragged to `start`: its would-be warnings; a deadlift's zones follow it."""
        planner = self._runner.planner
        try:
            session = planner.get(session_id)
            if session is None:
                return ()
            if session.kind is Kind.DEADLIFT:
                moved = planner.moved_session(session, start, copy)
                self._week_view.set_zones(self._zones_with(moved))
            return planner.move_warnings(session_id, start, copy)
        except handled_errors() as exc:
            log.warning("Move preview failed: %s", exc)
            return ()

    def _zones_with(self, changed: Session) -> list[Zone]:
        view = self._week_view
        return self._runner.planner.week_zones(
            view.week(), changed, first_weekday=view.first_weekday()
        )

    def _resize_preview(self, session_id: int, duration_min: int) -> Sequence[str]:
        """A block's lower edge dragged: its would-be warnings; a deadlift's zones follow."""
        planner = self._runner.planner
        try:
            session = planner.get(session_id)
            if session is None:
                return ()
            if session.kind is Kind.DEADLIFT:
                longer = replace(session, duration_min=duration_min)
                self._week_view.set_zones(self._zones_with(longer))
            return planner.resize_warnings(session_id, duration_min)
        except handled_errors() as exc:
            log.warning("Resize preview failed: %s", exc)
            return ()

    # -- selecting and starting sessions from the views ---------------------------------------

    def _show_session(self, session_id: int, *, refresh_week: bool = True) -> None:
        session = self._runner.planner.get(session_id)
        if session is None or not self._edits.settle_form():
            return
        with signals_blocked(self._calendar):
            self._calendar.select_day(session.day)
        self._show_day(session.day, select_session=session_id)
        if refresh_week:
            self.refresh_week()

    def _on_week_session_selected(self, session_id: int) -> None:
        """A block clicked: its day and the session in the form (the week view stays as is,
        so a drag that starts with this click goes on)."""
        if session_id != self._form.session_id():
            self._show_session(session_id, refresh_week=False)

    def _on_session_activated(self, session_id: int) -> None:
        self._show_session(session_id)
        self._form.setFocus()

    def _on_new_session_on_day(self, day: date) -> None:
        """A double-click on an empty part of a month cell: a new run that day."""
        if not self._edits.settle_form():
            return
        self._select_quietly(day)
        self._edits.start_new(self._runner.planner.default_run(day))

    def _on_new_run_at(self, moment: datetime) -> None:
        """A double-click on an empty week slot: a new run starting there."""
        if not self._edits.settle_form():
            return
        self._select_quietly(moment.date())
        self._edits.start_new(
            replace(self._runner.planner.default_run(moment.date()), start=moment)
        )

    def _select_quietly(self, day: date) -> None:
        if day != self._calendar.selected_day():
            with signals_blocked(self._calendar):
                self._calendar.select_day(day)
            self._show_day(day)
            self.refresh_week()
