"""Progress: the week's totals under the calendar, View > Progress and "done as planned".

The Progress window is a separate non-modal window, not a dock: the chart and its table
need width the three panes cannot give, and a person can keep it open on another screen
while editing; a click on a week selects its first day in the calendar. The window is built
the first time it is shown. "Done as planned" is one SessionsCommand (one undo step).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.ui.calendar_view import CalendarView
from desktop.ui.commands import SessionsCommand, session_label
from desktop.ui.day_list import DayList
from desktop.ui.edit_runner import EditRunner
from desktop.ui.edits_controller import EditsController
from desktop.ui.prompts import Prompts
from desktop.ui.session_form import SessionForm
from desktop.ui.week_totals_strip import WeekTotalsStrip

if TYPE_CHECKING:
    from desktop.ui.progress_window import ProgressWindow


class ProgressController(QObject):
    """Keeps the week's totals and an open Progress window current; marks sessions done."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        calendar: CalendarView,
        form: SessionForm,
        day_list: DayList,
        strip: WeekTotalsStrip,
        *,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._calendar = calendar
        self._form = form
        self._day_list = day_list
        self._strip = strip
        self._window = window
        self.progress_window: ProgressWindow | None = None
        """Built by the first View > Progress."""
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._form.done_as_planned_requested.connect(self._on_done_as_planned_requested)

    # -- keeping the numbers current ------------------------------------------------------

    def update_week_totals(self, day: date) -> None:
        """The totals strip for the week of `day` (the window shows a day)."""
        planner = self._runner.planner
        first = self._calendar.first_weekday()
        totals = self._runner.attempt(lambda: planner.week_totals(day, first))
        if totals is not None:
            profile = planner.profile()
            self._strip.show_totals(totals, profile.distance_unit, profile.weight_unit)

    def refresh(self, *_touched: object) -> None:
        """Refill an open Progress window from the store (a closed one waits until shown)."""
        window = self.progress_window
        if window is None or not window.isVisible():
            return
        view = window.view
        weeks = view.range_weeks()
        planner = self._runner.planner
        today = date.today()
        first = self._calendar.first_weekday()
        found = self._runner.attempt(
            lambda: (
                planner.progress_weeks(weeks, today, first),
                planner.progress_mean_rpe(weeks, today, first),
                planner.record_lines(),
            )
        )
        if found is None:
            return
        totals, mean_rpe, records = found
        profile = planner.profile()
        view.set_weeks(totals, profile.distance_unit, profile.weight_unit, mean_rpe)
        view.set_records(records)

    # -- View > Progress ----------------------------------------------------------------

    def on_show_progress(self) -> None:
        """View > Progress: open (or bring forward) the Progress window, filled afresh."""
        if self.progress_window is None:
            from desktop.ui.progress_window import ProgressWindow  # the chart loads on first use

            window = ProgressWindow(self._window, prompts=self._prompts)
            window.view.range_changed.connect(self.refresh)
            window.view.week_chosen.connect(self._on_week_chosen)
            self.progress_window = window
        self.progress_window.show()
        self.progress_window.raise_()
        self.progress_window.activateWindow()
        self.refresh()

    def _on_week_chosen(self, monday: object) -> None:
        """Show the chosen week in the calendar: its first day selected, the window in front."""
        if isinstance(monday, date):
            self._calendar.select_day(monday)
            self._window.raise_()
            self._window.activateWindow()

    # -- done as planned ------------------------------------------------------------------

    def on_done_as_planned(self) -> None:
        """Edit > Done as planned: the form's or the day list's session, done as planned."""
        session_id = self._form.session_id() or self._day_list.selected_session_id()
        if session_id is None:
            self._edits.status("Select a saved session to mark done as planned.")
            return
        self._on_done_as_planned_requested(session_id)

    def _on_done_as_planned_requested(self, session_id: int) -> None:
        if not self._edits.settle_form():
            return
        planner = self._runner.planner
        done = self._runner.attempt(lambda: planner.done_as_planned(session_id))
        if done is None:
            return
        label = session_label("Done as planned:", done)
        if self._runner.run(SessionsCommand(label, put=[done], go_to=done.day)):
            self._edits.status("Marked done as planned. Edit > Undo takes it back.")
