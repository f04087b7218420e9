"""Month switch in the calendar with years of history, and the 1 / 10 / 30 years growth table.

Also the chip figures of the planning calendar, all in the real window on the real path
(`Planner.month_feed` / `week_feed` / `drop_warnings` through `desktop.ui.calendar_controller`):
a month switch with chips, a drag hovering a new cell, and a week switch in the week view
(the whole switch, and the week view's share of it).

In process: the real main window (`desktop.app.create_main_window`) is built on a cached
sample database and shown offscreen. One switch is `calendar.setCurrentPage(next month)`,
which makes the window reload the 6-week grid's markers and badges (planner -> store ->
engine, synchronously through `currentPageChanged`), followed by `calendar.repaint()`, a
forced synchronous paint of every cell with its markers and warning badge. The switches walk
month by month through the last 11 months (see WALK_MONTHS), so no month comes from a warm
cache and every history length is measured on the same months.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import Result, history_db, result, session_count, skipped, time_ms

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.ui.main_window import MainWindow

MONTH_SWITCH_BUDGET_MS = 16.0
CHIPS_BUDGET_MS = 8.0
GROWTH_YEARS = (1, 10, 30)
GROWTH_YEARS_QUICK = (1, 2)


def _application() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import ensure_application

    return ensure_application()


@contextmanager
def shown_window(db: Path) -> Iterator[MainWindow]:
    """The real main window on `db`, shown offscreen and painted once; closed on exit.

    Window settings go to a throw-away ini file, never the user's.
    """
    from PySide6.QtCore import QSettings

    from desktop.app import create_main_window

    app = _application()
    with tempfile.TemporaryDirectory(prefix="liftrun-bench-calendar-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_main_window(db, settings=settings)
        try:
            window.show()
            app.processEvents()
            window.repaint()
            yield window
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()


def _months_back(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) - months
    return index // 12, index % 12 + 1


# Month switches walk through the last WALK_MONTHS months before today, then jump back to the
# first of them: every history (1 year or more) has sessions in all of them, and the planner
# only keeps the current range, so each switch loads from the store.
WALK_MONTHS = 11


def month_switch_samples(db: Path, switches: int, warmup: int = 3) -> list[float]:
    """Milliseconds per month switch (page change, reload, synchronous repaint)."""
    with shown_window(db) as window:
        calendar = window.calendar
        pages = [_months_back(date.today(), back) for back in range(WALK_MONTHS, 0, -1)]
        calendar.setCurrentPage(*_months_back(date.today(), 0))
        calendar.repaint()
        step = [0]

        def switch() -> None:
            year, month = pages[step[0] % len(pages)]
            step[0] += 1
            calendar.setCurrentPage(year, month)
            calendar.repaint()

        samples = time_ms(switch, repeats=switches, warmup=warmup)
        shown = pages[(step[0] - 1) % len(pages)]
        if (calendar.yearShown(), calendar.monthShown()) != shown:
            raise RuntimeError("the calendar did not follow setCurrentPage")
        first, _last = calendar.visible_range()
        if not any(calendar.marks_for(first + timedelta(days=n)) for n in range(42)):
            raise RuntimeError("the calendar shows no markers: the reload did not happen")
        return samples


def _row(figure: str, measure: Callable[[], list[float]], budget: float, note: str) -> Result:
    """A measured row, or a failed row naming the error if the figure could not be taken."""
    try:
        return result(figure, measure(), budget=budget, note=note)
    except Exception as error:
        row = skipped(figure, f"not measured: {type(error).__name__}: {error}", budget=budget)
        row["passed"] = False
        return row


def run(quick: bool = False) -> list[Result]:
    """Rows: month switch (window, chips), drag hover, week switch; 10 years (1 when quick)."""
    years = 1 if quick else 10
    db = history_db(years)
    history = f"{years} year{'' if years == 1 else 's'} of history"
    repeats = 5 if quick else 33
    return [
        _row(
            f"month switch, {history}",
            lambda: month_switch_samples(db, switches=5 if quick else 24),
            MONTH_SWITCH_BUDGET_MS,
            f"setCurrentPage + reload + repaint; {session_count(db):,} sessions",
        ),
        _row(
            f"month switch with chips, {history}",
            lambda: chip_month_switch(db, repeats),
            CHIPS_BUDGET_MS,
            "real window: setCurrentPage + month_feed + set_chips + paint of the dirty region",
        ),
        _row(
            f"drag hover over a new cell, {history}",
            lambda: drag_hover(db, repeats),
            CHIPS_BUDGET_MS,
            "real window: DragMove + drop_warnings + repaint of the dirty cells",
        ),
        _row(
            f"week switch in the week view, {history}",
            lambda: week_switch(db, repeats),
            CHIPS_BUDGET_MS,
            "real window: View > Previous week (week view + day panel) + paint of the dirty region",
        ),
        _row(
            f"week switch, week view part only, {history}",
            lambda: week_switch(db, repeats, week_view_only=True),
            CHIPS_BUDGET_MS,
            "real window: quiet select + week_feed + set_* + paint of the dirty region",
        ),
    ]


# -- chips: month, drag hover, week (the real window's path) --------------------------------


@contextmanager
def counted_paints(widget: QWidget) -> Iterator[list[int]]:
    """Counts the paint events `widget` gets while the block runs (one-item list)."""
    from PySide6.QtCore import QEvent, QObject

    count = [0]

    class Counter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                count[0] += 1
            return False

    counter = Counter()
    widget.installEventFilter(counter)
    try:
        yield count
    finally:
        widget.removeEventFilter(counter)


def _painted_every_time(count: list[int], switches: int, what: str) -> None:
    if count[0] < switches:
        raise RuntimeError(f"{what} was painted {count[0]} times for {switches} switches")


def chip_month_switch(db: Path, repeats: int) -> list[float]:
    """Milliseconds per month switch in the real window, chips included.

    `setCurrentPage` makes the window run `Planner.month_feed` and hand the calendar its
    marks, chips and badges (`CalendarController.refresh_month`); then `processEvents()` paints
    what the switch made dirty (every cell of the grid, the month's name), as the event
    loop would. The grid must be painted on every switch.
    """
    from PySide6.QtWidgets import QApplication

    with shown_window(db) as window:
        calendar = window.calendar
        pages = [_months_back(date.today(), back) for back in range(WALK_MONTHS, 0, -1)]
        step = [0]

        def switch() -> None:
            year, month = pages[step[0] % len(pages)]
            step[0] += 1
            calendar.setCurrentPage(year, month)
            QApplication.processEvents()

        with counted_paints(calendar.grid_view().viewport()) as paints:
            samples = time_ms(switch, repeats=repeats, warmup=3)
        _painted_every_time(paints, repeats + 3, "the calendar's grid")
        first, _last = calendar.visible_range()
        if not any(calendar.chips_for(first + timedelta(days=n)) for n in range(42)):
            raise RuntimeError("the calendar shows no chips after a month switch")
        return samples


def drag_hover(db: Path, repeats: int) -> list[float]:
    """Milliseconds for a drag entering a new cell of the real window's calendar.

    The window's drop preview (`Planner.drop_warnings`) is asked; after the event,
    processEvents() runs Qt's pending paint of the dirty region (the cell left and the cell
    entered), as the event loop would.
    """
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    from desktop.ui.session_mime import session_mime

    with shown_window(db) as window:
        calendar = window.calendar
        calendar.setCurrentPage(*_months_back(date.today(), 1))
        QApplication.processEvents()
        first, _last = calendar.visible_range()
        moved = next(
            chip
            for n in range(42)
            for chip in calendar.chips_for(first + timedelta(days=n))
            if chip.kind == "run"
        )
        mime = session_mime(moved.session_id)
        viewport = calendar.grid_view().viewport()
        days = [first + timedelta(days=n) for n in range(7, 35)]
        actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
        start = calendar.cell_rect(days[-1])
        assert start is not None
        enter = QDragEnterEvent(
            start.center(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, enter)  # Qt sends moves only to the entered target
        step = [0]

        def hover() -> None:
            day = days[step[0] % len(days)]
            step[0] += 1
            rect = calendar.cell_rect(day)
            assert rect is not None
            event = QDragMoveEvent(
                QPointF(rect.center()).toPoint(),
                actions,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(viewport, event)
            QApplication.processEvents()  # paints what the hover made dirty: the two cells

        samples = time_ms(hover, repeats=repeats, warmup=3)
        if calendar.drop_hover() is None:
            raise RuntimeError("the drag hover did not reach the calendar")
        calendar.cancel_drop_hover()
        return samples


def week_switch(db: Path, repeats: int, *, week_view_only: bool = False) -> list[float]:
    """Milliseconds per week switch in the real window's week view (View > Previous week).

    The action selects the same weekday a week earlier; through the window's signals the
    week view gets `Planner.week_feed` (blocks, zones, totals) and the day panel the new
    day (rows, log, advice); about one switch in four also turns the calendar's page. Then
    `processEvents()` paints what the switch made dirty, as the event loop would; the week
    view must be painted on every switch.

    `week_view_only`: the day is selected quietly and only the window's week refresh runs
    (the week view's own share of the switch, without the day panel).
    """
    from PySide6.QtWidgets import QApplication

    from desktop.ui.signals import signals_blocked

    with shown_window(db) as window:
        window.views.on_week_view()
        QApplication.processEvents()
        calendar = window.calendar

        def switch() -> None:
            if week_view_only:
                with signals_blocked(calendar):
                    calendar.select_day(calendar.selected_day() - timedelta(days=7))
                window.views.refresh_week()
            else:
                window.views.on_previous_week()
            QApplication.processEvents()

        with counted_paints(window.week_view) as paints:
            samples = time_ms(switch, repeats=repeats, warmup=3)
        _painted_every_time(paints, repeats + 3, "the week view")
        if window.week_view.week() != calendar.selected_day() - timedelta(
            days=calendar.selected_day().weekday()
        ):
            raise RuntimeError("the week view did not follow the selected day")
        if not window.week_view.chips():
            raise RuntimeError("the week view shows no blocks after a week switch")
        return samples


# -- growth ---------------------------------------------------------------------------------


def _advice_for_a_run(db: Path, repeats: int) -> list[float]:
    """advise_run for a run at the end of the history, given every session of the database."""
    from desktop.advice import Kind, Session, Workout, advise_run
    from desktop.store import Store

    with Store.open(db) as store:
        sessions = store.all_sessions()
        profile = store.profile()
    assert profile is not None
    lift = max((s for s in sessions if s.kind is Kind.DEADLIFT), key=lambda s: s.start)
    draft = Session(
        kind=Kind.RUN,
        start=lift.end + timedelta(minutes=20),
        duration_min=30,
        workout=Workout.INTERVALS,
        distance_km=3.0,
        speed_kmh=11.0,
    )
    return time_ms(lambda: advise_run(draft, sessions, profile), repeats=repeats)


def _grid_load(db: Path, repeats: int) -> list[float]:
    """A fresh planner's markers and badges for a 42-day grid (store query + engine)."""
    from desktop.planner import Planner
    from desktop.store import Store

    first = date.today() - timedelta(days=60)
    with Store.open(db) as store:

        def load() -> None:
            marks = Planner(store).month_marks(first, first + timedelta(days=41))
            if not marks:
                raise RuntimeError("a 42-day grid inside the history has no marks")

        return time_ms(load, repeats=repeats)


def _open_window(db: Path, repeats: int) -> list[float]:
    """In process: create_main_window + show + first synchronous paint, then close."""
    app = _application()
    samples: list[float] = []
    for index in range(repeats + 1):
        started = time.perf_counter_ns()
        with shown_window(db):
            elapsed = (time.perf_counter_ns() - started) / 1e6
        app.processEvents()
        if index:
            samples.append(elapsed)
    return samples


GROWTH_FIGURES: dict[str, Callable[[Path, bool], list[float]]] = {
    "month switch (reload + repaint)": lambda db, quick: month_switch_samples(
        db, switches=5 if quick else 12
    ),
    "advise_run, all sessions as history": lambda db, quick: _advice_for_a_run(
        db, 5 if quick else 30
    ),
    "42-day grid: planner marks + badges": lambda db, quick: _grid_load(db, 3 if quick else 10),
    "open: build window + first paint": lambda db, quick: _open_window(db, 2 if quick else 5),
}


def growth(quick: bool = False) -> list[dict[str, Any]]:
    """How each figure's median grows with the years of history (1, 10, 30; 1, 2 when quick)."""
    years_list = GROWTH_YEARS_QUICK if quick else GROWTH_YEARS
    dbs = {years: history_db(years) for years in years_list}
    rows: list[dict[str, Any]] = [
        {
            "figure": "sessions in the database",
            "unit": "",
            "values": {str(years): float(session_count(db)) for years, db in dbs.items()},
        }
    ]
    for figure, measure in GROWTH_FIGURES.items():
        values = {str(years): statistics.median(measure(db, quick)) for years, db in dbs.items()}
        rows.append({"figure": figure, "unit": "ms", "values": values})
    first, last = str(years_list[0]), str(years_list[-1])
    for row in rows:
        values = row["values"]
        row["growth"] = values[last] / values[first] if values[first] else None
        row["years"] = f"{first}->{last}"
    return rows


def growth_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """Headers and cells of the growth table (one column per history length)."""
    if not rows:
        return [], []
    years = list(rows[0]["values"])
    headers = ["growth", *(f"{y} year" + ("" if y == "1" else "s") for y in years)]
    headers.append(f"{years[-1]} / {years[0]} years")
    cells: list[list[str]] = []
    for row in rows:
        unit = row["unit"]
        line = [row["figure"]]
        for y in years:
            value = row["values"][y]
            line.append(f"{value:,.0f}" if not unit else f"{value:.2f} {unit}")
        ratio = row.get("growth")
        line.append("-" if ratio is None else f"{ratio:.1f}x")
        cells.append(line)
    return headers, cells
