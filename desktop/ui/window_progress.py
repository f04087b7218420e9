"""The main window's progress features: week totals, View > Progress and "done as planned".

A mixin of MainWindow (desktop.ui.main_window), listed before PanelsMixin so its
`show_day` and `_reload_all` run the panels' own and then bring the week totals strip and
an open Progress window up to date. The Progress window is a separate non-modal window,
not a dock: the chart and its table need width the three panes cannot give, and a person
can keep it open on another screen while editing; a click on a week selects that Monday
in the calendar. "Done as planned" is one SessionsCommand (one undo step).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.progress_window import ProgressWindow
    from desktop.ui.week_totals_strip import WeekTotalsStrip
    from desktop.ui.window_panels import PanelsMixin as _Base
else:
    _Base = object


class ProgressMixin(_Base):
    """Week totals under the calendar, the Progress window and marking sessions done."""

    week_totals_strip: WeekTotalsStrip
    _progress_window: ProgressWindow | None = None

    if TYPE_CHECKING:  # provided by the other parts of MainWindow
        from PySide6.QtGui import QAction

        done_as_planned_action: QAction

        def _status(self, text: str) -> None: ...

    def _attach_progress(self) -> None:
        """Build the totals strip at the top of the day pane and connect the signals."""
        from PySide6.QtWidgets import QBoxLayout

        from desktop.ui.week_totals_strip import WeekTotalsStrip

        self.week_totals_strip = WeekTotalsStrip()
        layout = self.day_pane.layout()
        assert isinstance(layout, QBoxLayout), "the day pane is built before this strip"
        layout.insertWidget(0, self.week_totals_strip)
        self.day_list.add_context_action(self.done_as_planned_action)
        self.session_form.done_as_planned_requested.connect(self._on_done_as_planned_requested)
        self._edits.changed.connect(self._on_progress_data_changed)

    # -- keeping the numbers current ------------------------------------------------------

    def show_day(self, day: date, *, select_session: int | None = None) -> None:
        """Show a day as the panels do, and its week's totals."""
        super().show_day(day, select_session=select_session)
        self._update_week_totals(day)

    def _reload_all(self) -> None:
        super()._reload_all()
        self._refresh_progress()

    def _update_week_totals(self, day: date) -> None:
        strip = getattr(self, "week_totals_strip", None)
        if strip is None:  # show_day ran before _attach_progress
            return
        totals = self._edits.attempt(lambda: self._planner.week_totals(day))
        if totals is not None:
            profile = self._planner.profile()
            strip.show_totals(totals, profile.distance_unit, profile.weight_unit)

    def _on_progress_data_changed(self, _touched: object) -> None:
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        """Refill an open Progress window from the store (a closed one waits until shown)."""
        window = self._progress_window
        if window is None or not window.isVisible():
            return
        view = window.view
        weeks = view.range_weeks()
        found = self._edits.attempt(
            lambda: (
                self._planner.progress_weeks(weeks, date.today()),
                self._planner.record_lines(),
            )
        )
        if found is None:
            return
        totals, records = found
        profile = self._planner.profile()
        view.set_weeks(totals, profile.distance_unit, profile.weight_unit)
        view.set_records(records)

    # -- View > Progress ----------------------------------------------------------------

    def on_show_progress(self) -> None:
        """View > Progress: open (or bring forward) the Progress window, filled afresh."""
        if self._progress_window is None:
            from desktop.ui.progress_window import ProgressWindow

            window = ProgressWindow(self)
            window.view.range_changed.connect(self._on_progress_range_changed)
            window.view.week_chosen.connect(self._on_progress_week_chosen)
            self._progress_window = window
        self._progress_window.show()
        self._progress_window.raise_()
        self._progress_window.activateWindow()
        self._refresh_progress()

    def _on_progress_range_changed(self, _weeks: int) -> None:
        self._refresh_progress()

    def _on_progress_week_chosen(self, monday: object) -> None:
        """Show the chosen week in the calendar: its Monday selected, the window in front."""
        if isinstance(monday, date):
            self.calendar.select_day(monday)
            self.raise_()
            self.activateWindow()

    # -- done as planned ------------------------------------------------------------------

    def on_done_as_planned(self) -> None:
        """Edit > Done as planned: the form's or the day list's session, done as planned."""
        session_id = self.session_form.session_id() or self.day_list.selected_session_id()
        if session_id is None:
            self._status("Select a saved session to mark done as planned.")
            return
        self._on_done_as_planned_requested(session_id)

    def _on_done_as_planned_requested(self, session_id: int) -> None:
        from desktop.ui.commands import SessionsCommand, session_label

        if not self._settle_form():
            return
        done = self._edits.attempt(lambda: self._planner.done_as_planned(session_id))
        if done is None:
            return
        label = session_label("Done as planned:", done)
        if self._edits.run(SessionsCommand(label, put=[done], go_to=done.day)):
            self._status("Marked done as planned. Edit > Undo takes it back.")
