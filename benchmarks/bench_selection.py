"""Selecting a day or a session, from the click to the repainted window, with years of history.

In process: the real main window (`benchmarks.bench_calendar.shown_window`, the same window
`desktop.app.create_main_window` builds) on the cached sample database, shown offscreen on
last month's page (every day of it in the past, so the days have done sessions and advice).

- **day**: a mouse click (press and release, `QTest.mouseClick`) on a day's cell of the
  calendar's grid, then `SETTLE_PASSES` rounds of `QApplication.processEvents()`, which run
  Qt's pending layouts and paint of everything the click made dirty (the calendar's cells,
  the day list, the form, the advice panel), as the event loop would. One round is not
  enough: Qt defers some work to the next round (an item view lays its rows out on a zero
  timer; a layout that changes a label's width asks for another layout), and the user sees
  the window only once that is done. Each click picks another day of the month, so every
  one reloads the day's rows, its log and its advice.
- **session**: with a day selected (untimed, settled), a click on the first row of the day
  list, then the same rounds: the form loads the session and the advice panel shows its
  advice.

Both report the median and the 95th percentile of the clicks (the issue's budgets: a median
under 8 ms and a 95th percentile under 16 ms).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import Result, history_db, result, session_count, skipped, time_ms

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    from desktop.ui.main_window import MainWindow

MEDIAN_BUDGET_MS = 8.0
P95_BUDGET_MS = 16.0
SETTLE_PASSES = 4
"""Event-loop rounds after a click: a click's deferred layouts settle within three, and an
idle round costs a few microseconds."""


def percentile_95(samples: list[float]) -> float:
    """The 95th percentile of the samples (inclusive method; the largest of fewer than 2)."""
    if len(samples) < 2:
        return max(samples)
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def _click(widget: QWidget, point: QPoint) -> None:
    """A left click at a point of a widget, then the layouts and paint of what it made dirty."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    for _ in range(SETTLE_PASSES):
        QApplication.processEvents()


def _last_month(window: MainWindow) -> list[date]:
    """Show last month's page and return its days."""
    from PySide6.QtWidgets import QApplication

    today = date.today()
    last_of_month = today.replace(day=1) - timedelta(days=1)
    window.calendar.setCurrentPage(last_of_month.year, last_of_month.month)
    QApplication.processEvents()
    return [last_of_month.replace(day=n) for n in range(1, last_of_month.day + 1)]


def _click_day(window: MainWindow, day: date) -> None:
    rect = window.calendar.cell_rect(day)
    if rect is None:
        raise RuntimeError(f"{day} is not on the calendar's page")
    _click(window.calendar.grid_view().viewport(), rect.center())


def day_selection(db: Path, repeats: int) -> list[float]:
    """Milliseconds per click on another day of the month, until the window is repainted."""
    from benchmarks.bench_calendar import shown_window

    with shown_window(db) as window:
        days = _last_month(window)
        step = [0]

        def select() -> None:
            _click_day(window, days[step[0] % len(days)])
            step[0] += 1

        samples = time_ms(select, repeats=repeats, warmup=3)
        expected = days[(step[0] - 1) % len(days)]
        if window.calendar.selected_day() != expected:
            raise RuntimeError("the click did not select the day")
        if expected.strftime("%d %B %Y") not in window.dayTitle.text():
            raise RuntimeError("the day pane does not show the clicked day")
        return samples


def session_selection(db: Path, repeats: int) -> list[float]:
    """Milliseconds per click on a session of the day list, until the window is repainted."""
    from benchmarks.bench_calendar import shown_window

    with shown_window(db) as window:
        days = _last_month(window)
        with_sessions = [day for day in days if window.calendar.marks_for(day)]
        if not with_sessions:
            raise RuntimeError("last month has no sessions")
        step = [0]
        clicked: list[int] = []

        def pick_day() -> None:
            _click_day(window, with_sessions[step[0] % len(with_sessions)])
            step[0] += 1
            if window.day_list.row_count() == 0:
                raise RuntimeError("a day with a marker lists no session")

        def select() -> None:
            view = window.day_list
            index = view.model().index(0, 0)
            _click(view.viewport(), view.visualRect(index).center())
            clicked.append(view.rows()[0].session_id)

        samples = time_ms(select, repeats=repeats, warmup=3, setup=pick_day)
        if window.session_form.session_id() != clicked[-1]:
            raise RuntimeError("the click did not open the session in the form")
        return samples


def _rows(what: str, history: str, measure: Callable[[], list[float]], note: str) -> list[Result]:
    """The median row and the 95th-percentile row of one measurement (or why it failed)."""
    median_figure = f"select a {what}, {history}: median"
    p95_figure = f"select a {what}, {history}: 95th percentile"
    try:
        samples = measure()
    except Exception as error:
        rows = []
        for figure, budget in ((median_figure, MEDIAN_BUDGET_MS), (p95_figure, P95_BUDGET_MS)):
            row = skipped(figure, f"not measured: {type(error).__name__}: {error}", budget=budget)
            row["passed"] = False
            rows.append(row)
        return rows
    p95 = percentile_95(samples)
    p95_row = result(p95_figure, [p95], budget=P95_BUDGET_MS, note=f"of {len(samples)} clicks")
    p95_row["samples"] = len(samples)
    p95_row["spread"] = None
    return [result(median_figure, samples, budget=MEDIAN_BUDGET_MS, note=note), p95_row]


def run(quick: bool = False) -> list[Result]:
    """Rows: day and session selection, median and 95th percentile; 10 years (1 when quick)."""
    years = 1 if quick else 10
    db = history_db(years)
    history = f"{years} year{'' if years == 1 else 's'} of history"
    repeats = 5 if quick else 40
    sessions = f"{session_count(db):,} sessions"
    return [
        *_rows(
            "day",
            history,
            lambda: day_selection(db, repeats),
            f"click on a cell + repaint (rows, log, advice); {sessions}",
        ),
        *_rows(
            "session",
            history,
            lambda: session_selection(db, repeats),
            "click on a day-list row + repaint (form, the session's advice)",
        ),
    ]
