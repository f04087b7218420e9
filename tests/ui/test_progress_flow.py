"""Recording what happened, done as planned, week totals and View > Progress in the window."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QImage, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QLabel,
    QMenu,
    QSpinBox,
    QTableWidget,
    QToolTip,
)
from pytestqt.qtbot import QtBot

from desktop.advice import Compliance, Kind, Session, Workout
from desktop.advice.units import format_distance
from desktop.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.progress_chart import ProgressChart
from desktop.ui.progress_view import ProgressView
from tests.ui.recording_prompts import prompts_of

TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday()) - timedelta(weeks=1)  # last week: over
TUESDAY = MONDAY + timedelta(days=1)


def run(day: date = MONDAY, km: float = 10.0, hour: int = 7, **values: Any) -> Session:
    session = Session(
        kind=Kind.RUN,
        start=datetime.combine(day, time(hour)),
        duration_min=60,
        workout=Workout.EASY,
        distance_km=km,
    )
    return dataclasses.replace(session, **values)


def lift(day: date = TUESDAY, **values: Any) -> Session:
    session = Session(
        kind=Kind.DEADLIFT,
        start=datetime.combine(day, time(18)),
        duration_min=60,
        spotter=True,
        sets=5,
        reps=3,
        load_kg=100.0,
    )
    return dataclasses.replace(session, **values)


def seed(db_path: Path, *sessions: Session) -> list[int]:
    with Store.open(db_path) as store:
        return [store.add(session) for session in sessions]


def stored(window: MainWindow, session_id: int) -> Session:
    found = window.planner.store.get(session_id)
    assert found is not None
    return found


def reread(db_path: Path, session_id: int) -> Session:
    """The session as a fresh connection reads it from the file."""
    with Store.open(db_path) as store:
        found = store.get(session_id)
    assert found is not None
    return found


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    built = make_window()
    built.ensure_profile()
    return built


def open_session(window: MainWindow, day: date, session_id: int) -> None:
    window.calendar.select_day(day)
    assert window.day_list.select_session(session_id, notify=True)
    assert window.session_form.session_id() == session_id


def type_value(qtbot: QtBot, field: QSpinBox | QDoubleSpinBox, text: str) -> None:
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    field.interpretText()


# --- recording what happened -------------------------------------------------------------


def test_actual_values_are_saved_marked_done_and_read_back(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    [run_id] = seed(db_path, run())
    window = make_window()
    window.ensure_profile()
    open_session(window, MONDAY, run_id)
    form = window.session_form
    type_value(qtbot, form.actual.distanceField, "12.5")
    type_value(qtbot, form.actual.durationField, "70")
    type_value(qtbot, form.actual.rpeField, "8")
    form.saveButton.click()
    saved = stored(window, run_id)
    assert saved.done  # saving an actual value marks the session done
    assert (saved.actual_distance_km, saved.actual_duration_min, saved.rpe) == (12.5, 70, 8)
    assert saved.distance_km == 10.0  # the plan is kept beside it
    window.close()
    assert reread(db_path, run_id) == saved
    # Opened again, the form shows what was recorded.
    again = make_window()
    again.ensure_profile()
    open_session(again, MONDAY, run_id)
    assert again.session_form.actual.distanceField.value() == pytest.approx(12.5)
    assert again.session_form.actual.rpeField.value() == 8
    assert not again.session_form.is_dirty()


def test_deadlift_actuals_are_saved_and_undone_in_one_step(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    [lift_id] = seed(db_path, lift())
    window = make_window()
    window.ensure_profile()
    open_session(window, TUESDAY, lift_id)
    actual = window.session_form.actual
    type_value(qtbot, actual.setsField, "4")
    type_value(qtbot, actual.repsField, "3")
    type_value(qtbot, actual.loadField, "110")
    window.session_form.saveButton.click()
    saved = stored(window, lift_id)
    assert saved.done and (saved.actual_sets, saved.actual_reps, saved.actual_load_kg) == (
        4,
        3,
        110.0,
    )
    window.undo_action.trigger()
    back = stored(window, lift_id)
    assert not back.done and back.actual_sets is None and back.actual_load_kg is None


# --- done as planned -----------------------------------------------------------------------


def test_done_as_planned_button_is_one_undo_step(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    [run_id] = seed(db_path, run(actual_distance_km=3.0, rpe=5))
    window = make_window()
    window.ensure_profile()
    open_session(window, MONDAY, run_id)
    before = stored(window, run_id)
    window.session_form.doneAsPlannedButton.click()
    done = stored(window, run_id)
    assert done.done and done.actual_distance_km is None  # the plan is what happened
    assert done.rpe == 5  # the effort felt is kept
    assert window.undo_action.text().startswith("&Undo Done as planned: run on")
    assert window.session_form.fields.doneField.isChecked()
    window.undo_action.trigger()
    assert stored(window, run_id) == before
    window.redo_action.trigger()
    assert stored(window, run_id).done


def test_done_as_planned_key(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    [lift_id] = seed(db_path, lift())
    window = make_window()
    window.ensure_profile()
    window.show()
    window.activateWindow()  # a window shortcut needs the active window
    qtbot.waitActive(window)
    open_session(window, TUESDAY, lift_id)
    window.day_list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.day_list)
    qtbot.keyClick(
        window.day_list,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored(window, lift_id).done
    window.undo_action.trigger()
    assert not stored(window, lift_id).done


def test_done_as_planned_from_the_day_lists_context_menu(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    first_id, second_id = seed(db_path, run(), run(km=4.0, hour=19))
    window = make_window()
    window.ensure_profile()
    window.show()
    qtbot.waitExposed(window)
    window.calendar.select_day(MONDAY)
    day_list = window.day_list
    assert window.done_as_planned_action in day_list.actions()
    chosen: list[str] = []

    def choose_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.extend(a.text() for a in menu.actions())
        menu.close()
        window.done_as_planned_action.trigger()

    second_row = day_list.visualRect(day_list.model().index(1, 0)).center()
    qtbot.mouseClick(day_list.viewport(), Qt.MouseButton.RightButton, pos=second_row)
    assert window.session_form.session_id() == second_id  # a right-click selects the row
    QTimer.singleShot(0, choose_from_menu)  # runs inside the menu's own event loop
    menu_event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, second_row, day_list.viewport().mapToGlobal(second_row)
    )
    QApplication.sendEvent(day_list.viewport(), menu_event)
    qtbot.waitUntil(lambda: bool(chosen))
    assert window.done_as_planned_action.text() in chosen
    assert stored(window, second_id).done  # the row right-clicked, not the first one
    assert not stored(window, first_id).done
    window.undo_action.trigger()
    assert not stored(window, second_id).done


def test_done_as_planned_without_a_session_says_what_to_do(window: MainWindow) -> None:
    window.calendar.select_day(MONDAY)
    window.done_as_planned_action.trigger()
    assert "Select a saved session" in window.statusBar().currentMessage()
    assert not window.undo_action.isEnabled()


# --- compliance and week totals ------------------------------------------------------------


def test_missed_and_done_different_states_reach_the_calendar_feed(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    missed_id, different_id, kept_id = seed(
        db_path,
        run(),
        lift(done=True, actual_load_kg=130.0),
        run(day=TUESDAY, km=5.0, done=True, actual_distance_km=5.5),
    )
    window = make_window()
    window.ensure_profile()
    feed = window.planner.month_feed(MONDAY, MONDAY + timedelta(days=6))
    states = {chip.session_id: chip.state for chips in feed.chips.values() for chip in chips}
    assert states == {
        missed_id: Compliance.MISSED,
        different_id: Compliance.DIFFERENT,
        kept_id: Compliance.DONE,
    }


def test_week_totals_strip_shows_the_selected_week_and_follows_edits(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    [run_id, _lift_id] = seed(
        db_path, run(km=10.0), lift(done=True, actual_sets=4, actual_reps=5, actual_load_kg=100)
    )
    window = make_window()
    window.ensure_profile()
    strip = window.findChild(QLabel, "weekTotals")
    assert strip is not None and strip.isVisibleTo(window)
    window.calendar.select_day(TUESDAY)
    assert strip.text() == (
        f"Week of {MONDAY:%a %d %b}: runs 0 of 1 done, 0.0 km of 10.0 km \u00b7 "
        "deadlifts 1 of 1 done, volume 2,000 kg"
    )
    open_session(window, MONDAY, run_id)
    window.done_as_planned_action.trigger()
    assert "runs 1 of 1 done, 10.0 km of 10.0 km" in strip.text()
    window.calendar.select_day(MONDAY + timedelta(weeks=1))
    assert "runs 0 of 0 done" in strip.text() and "volume 0 kg" in strip.text()


# --- View > Progress -------------------------------------------------------------------------


def open_progress(window: MainWindow, qtbot: QtBot) -> ProgressView:
    progress_action = window.findChild(QAction, "progressAction")
    assert progress_action is not None
    progress_action.trigger()
    view = window.findChild(ProgressView, "progressView")
    assert view is not None
    qtbot.waitExposed(view.window())
    return view


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def table_column(table: QTableWidget, column: int) -> list[str]:
    return [cell(table, row, column) for row in range(table.rowCount())]


def test_progress_opens_with_the_stores_numbers_and_records(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    seed(
        db_path,
        run(km=10.0, done=True, actual_distance_km=12.0),
        run(day=MONDAY - timedelta(weeks=3), km=21.1, done=True),
        run(day=TUESDAY, km=30.0),  # planned, never done: no record
        lift(done=True, actual_load_kg=140.0, actual_reps=2),
        lift(day=MONDAY - timedelta(weeks=2), load_kg=120.0, done=True),
    )
    window = make_window()
    window.ensure_profile()
    view = open_progress(window, qtbot)
    assert view.window() is not window and not view.window().isModal()
    assert view.range_weeks() == 12
    expected = window.planner.store.weekly_totals(TODAY - timedelta(weeks=11), TODAY)
    table = view.table
    assert table.rowCount() == 12
    newest_first = list(reversed(expected))
    assert table_column(table, 0) == [f"{w.week_start:%d %b %Y}" for w in newest_first]
    assert table_column(table, 2) == [format_distance(w.run_km_done, "km") for w in newest_first]
    assert view.chart.weeks() == tuple(expected)
    records = view.recordsLabel.text()
    assert f"Longest run: 21.1 km on {MONDAY - timedelta(weeks=3):%a %d %b %Y}." in records
    assert f"Heaviest deadlift set: 140 kg \u00d7 2 reps on {TUESDAY:%a %d %b %Y}." in records

    view.rangeCombo.setCurrentIndex(view.rangeCombo.findData(0))  # all weeks
    first = MONDAY - timedelta(weeks=3)
    assert view.chart.weeks()[0].week_start == first
    assert view.chart.weeks()[-1].week_start == TODAY - timedelta(days=TODAY.weekday())


def test_progress_shows_each_weeks_mean_rpe_from_the_done_sessions(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    seed(
        db_path,
        run(done=True, actual_distance_km=10.0, rpe=6),
        lift(done=True, rpe=9),
        run(day=MONDAY - timedelta(weeks=1), done=True),  # done without an RPE
    )
    window = make_window()
    window.ensure_profile()
    view = open_progress(window, qtbot)
    table = view.table
    rpe_column = table.columnCount() - 1
    assert not table.isColumnHidden(rpe_column)
    weeks = table_column(table, 0)
    rpe = dict(zip(weeks, table_column(table, rpe_column), strict=True))
    assert rpe[f"{MONDAY:%d %b %Y}"] == "7.5"  # (6 + 9) / 2
    assert rpe[f"{MONDAY - timedelta(weeks=1):%d %b %Y}"] == "\u2014"


def test_progress_follows_edits_and_units(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    from desktop.advice import DistanceUnit, Profile

    [run_id] = seed(db_path, run(km=8.0))
    window = make_window()
    window.ensure_profile()
    view = open_progress(window, qtbot)
    last_week = view.chart.weeks()[-2]
    assert last_week.week_start == MONDAY and last_week.run_km_done == 0.0
    open_session(window, MONDAY, run_id)
    window.done_as_planned_action.trigger()
    assert view.chart.weeks()[-2].run_km_done == 8.0
    window.undo_action.trigger()
    assert view.chart.weeks()[-2].run_km_done == 0.0
    miles = Profile(max_distance_km=10.0, max_speed_kmh=15.0, distance_unit=DistanceUnit.MI)
    window.profiles.save_profile(miles)
    assert cell(view.table, 1, 3) == format_distance(8.0, DistanceUnit.MI)


def test_clicking_a_week_in_the_chart_selects_it_in_the_calendar(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    seed(db_path, run(km=10.0, done=True))
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(TODAY)
    view = open_progress(window, qtbot)
    chart: ProgressChart = view.chart
    index = len(chart.weeks()) - 2  # last week's bar
    point = chart.week_center(index)
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(point),
        QPointF(chart.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart, move)
    assert chart.hovered_week() == index
    assert f"Week of {MONDAY:%a %d %b %Y}" in QToolTip.text()
    with qtbot.waitSignal(view.week_chosen):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=point)
    assert window.calendar.selected_day() == MONDAY
    assert window.dayTitle.text() == f"<b>{MONDAY:%A %d %B %Y}</b>"


def test_the_chart_is_saved_as_png(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    seed(db_path, run(km=10.0, done=True))
    window = make_window()
    window.ensure_profile()
    view = open_progress(window, qtbot)
    target = tmp_path / "chart"
    prompts_of(window).save_file = target
    view.savePngButton.click()
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() >= view.chart.width()
    assert len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 2


def test_a_done_session_becomes_plain_planned_after_undo_in_the_feed(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    [run_id] = seed(db_path, run())
    window = make_window()
    window.ensure_profile()
    open_session(window, MONDAY, run_id)
    window.done_as_planned_action.trigger()
    feed = window.planner.month_feed(MONDAY, MONDAY)
    assert [chip.state for chip in feed.chips[MONDAY]] == [Compliance.DONE]
    window.undo_action.trigger()
    feed = window.planner.month_feed(MONDAY, MONDAY)
    assert [chip.state for chip in feed.chips[MONDAY]] == [Compliance.MISSED]
