"""The main window's second phase: the day pane, form and advice, and what they show.

A mixin of MainWindow (desktop.ui.main_window): building the panels at attach, showing a
day, the month's marks and advice, and repainting what a change touched.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from desktop.ui.signals import signals_blocked

if TYPE_CHECKING:
    from desktop.advice import Session
    from desktop.planner import Planner
    from desktop.ui.advice_panel import AdvicePanel
    from desktop.ui.calendar_view import CalendarView
    from desktop.ui.commands import Touched
    from desktop.ui.day_list import DayList
    from desktop.ui.day_log_box import DayLogBox
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.session_form import SessionForm
    from desktop.ui.window_layout import WindowLayout

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class PanelsMixin(_Base):
    """Builds and fills the day pane, the form and the advice for MainWindow."""

    _planner: Planner
    _edits: EditRunner
    _layout: WindowLayout
    _right_layout: QVBoxLayout
    calendar: CalendarView
    day_pane: QWidget
    dayTitle: QLabel  # noqa: N815 - named like its objectName
    newRunButton: QPushButton  # noqa: N815
    newLiftButton: QPushButton  # noqa: N815
    day_list: DayList
    day_log_box: DayLogBox
    session_form: SessionForm
    advice_panel: AdvicePanel

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def _settle_form(self) -> bool: ...

        def _update_title(self) -> None: ...

        def _show_error(self, title: str, text: str) -> None: ...

        def _refresh_advice_after_log(self, day: date) -> None: ...

        def refresh_month(self) -> None: ...

    def _build_panels(self) -> None:
        from PySide6.QtCore import Qt  # not at module level: see main_window's docstring
        from PySide6.QtWidgets import QSplitter

        from desktop.ui.advice_panel import AdvicePanel
        from desktop.ui.day_list import DayList
        from desktop.ui.day_log_box import DayLogBox
        from desktop.ui.session_form import SessionForm

        self.dayTitle = QLabel()
        self.dayTitle.setObjectName("dayTitle")
        # Text, shortcut and enabled state come from the Edit menu's action (bind_button).
        self.newRunButton = QPushButton()
        self.newRunButton.setObjectName("newRunButton")
        self.newRunButton.setToolTip("Plan a run on the selected day (Ctrl+R)")
        self.newLiftButton = QPushButton()
        self.newLiftButton.setObjectName("newLiftButton")
        self.newLiftButton.setToolTip("Plan a deadlift on the selected day (Ctrl+L)")
        self.day_list = DayList()
        self.day_log_box = DayLogBox()
        self.session_form = SessionForm()
        self.advice_panel = AdvicePanel()

        day_header = QHBoxLayout()
        day_header.addWidget(self.dayTitle, 1)
        day_header.addWidget(self.newRunButton)
        day_header.addWidget(self.newLiftButton)
        day_layout = QVBoxLayout(self.day_pane)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addLayout(day_header)
        day_body = QHBoxLayout()
        day_body.addWidget(self.day_list, 3)
        day_body.addWidget(self.day_log_box, 2, Qt.AlignmentFlag.AlignTop)
        day_layout.addLayout(day_body, 1)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.setChildrenCollapsible(False)
        self._right_layout.addWidget(self.right_splitter)
        self.right_splitter.addWidget(self.session_form)
        self.right_splitter.addWidget(self.advice_panel)
        self.right_splitter.setStretchFactor(0, 0)
        self.right_splitter.setStretchFactor(1, 1)
        self._layout.restore_right(self.right_splitter, self.session_form.sizeHint().height())

        # Keyboard order: calendar, day actions, the day's rows, its log, the form, advice.
        order = [
            self.calendar,
            self.newRunButton,
            self.newLiftButton,
            self.day_list,
            self.day_log_box,
            self.session_form,
            self.advice_panel,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- showing -------------------------------------------------------------------

    def show_day(self, day: date, *, select_session: int | None = None) -> None:
        """Show a day: its rows, its log, and its advice (or the chosen session's)."""
        self._shown_day = day
        self.dayTitle.setText(f"<b>{day:%A %d %B %Y}</b>")
        shown = self._edits.attempt(
            lambda: (self._planner.day_rows(day), self._planner.day_log(day))
        )
        if shown is None:
            return
        rows, day_log = shown
        self.day_list.show_rows(rows)
        self.day_log_box.show_day(day_log, self._planner.profile().water_target_oz)
        session = self._planner.get(select_session) if select_session is not None else None
        if session is not None and session.id is not None:
            self.day_list.select_session(session.id)
            self.session_form.edit_session(session)  # its draft_changed shows the advice
        else:
            self.session_form.clear()
            self._show_day_advice(day)

    def _go_to(self, day: date, session_id: int | None) -> None:
        """Select a day (quietly), repaint the month and show the day with a session."""
        with signals_blocked(self.calendar):
            self.calendar.select_day(day)
        self.refresh_month()
        self.show_day(day, select_session=session_id)

    def _reload_all(self) -> None:
        self._update_title()
        self._apply_profile()
        self.refresh_month()
        self.show_day(self.calendar.selected_day())

    def _apply_profile(self) -> None:
        profile = self._planner.profile()
        self.session_form.set_profile(profile)
        self.advice_panel.set_profile(profile)
        self.day_log_box.set_profile(profile)

    def _on_changed(self, touched: Touched) -> None:
        """After a change, an undo or a redo: repaint what it touched and show the result."""
        if touched.profile:
            self._apply_profile()
            self.refresh_month()
            self.show_day(self.calendar.selected_day())
            return
        if touched.log_day is not None:
            self._show_day_log_saved(touched.log_day)
            return
        day = touched.go_to or self.calendar.selected_day()
        self._go_to(day, touched.select)

    def _show_day_log_saved(self, day: date) -> None:
        """After a day-log change: the month's badges, the stored log, the day's rows and
        the advice shown (the day's, or the session's in the form)."""
        if day != self.calendar.selected_day():
            self._go_to(day, None)
            return
        self.refresh_month()  # first: it reloads the visible weeks, the day's log with them
        day_log = self._edits.attempt(lambda: self._planner.day_log(day))
        if day_log is None:
            return
        self.day_log_box.show_day(day_log, self._planner.profile().water_target_oz)
        self._refresh_advice_after_log(day)  # window_health: soreness changes every run's advice

    def _show_draft_advice(self, draft: Session) -> None:
        advice = self._edits.attempt(lambda: self._planner.advise_draft(draft))
        if advice is not None:
            self.advice_panel.show_advice(advice, draft)

    def _show_day_advice(self, day: date) -> None:
        advice = self._edits.attempt(lambda: self._planner.advise_day(day))
        if advice is not None:
            self.advice_panel.show_advice(advice, None)

    # -- slots: calendar and day ---------------------------------------------------

    def _on_day_selected(self) -> None:
        day = self.calendar.selected_day()
        if day == getattr(self, "_shown_day", None):
            return
        if not self._settle_form():
            with signals_blocked(self.calendar):  # Cancel: back to the day being edited
                self.calendar.select_day(self._shown_day)
            return
        with signals_blocked(self.calendar):  # saving may have gone back to the saved day
            self.calendar.select_day(day)
        self.show_day(day)

    def _on_session_selected(self, session_id: int) -> None:
        if session_id == self.session_form.session_id():
            return
        if not self._settle_form():
            current = self.session_form.session_id()
            if current is None:
                self.day_list.clearSelection()
            else:
                self.day_list.select_session(current)
            return
        self.day_list.select_session(session_id)  # saving may have reloaded the rows
        session = self._planner.get(session_id)
        if session is None:
            self._show_error("Session not found", "That session is gone; the day was reloaded.")
            self.show_day(self.calendar.selected_day())
            return
        self.session_form.edit_session(session)  # its draft_changed shows the advice
