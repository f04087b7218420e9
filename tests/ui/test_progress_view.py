"""The Progress view: chart hover and click, the table beside it, PNG export, units."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.advice.model import DistanceUnit, WeekTotals, WeightUnit
from desktop.ui.progress_chart import ProgressChart
from desktop.ui.progress_view import ProgressView
from tests.ui.recording_prompts import RecordingPrompts

MONDAY = date(2026, 10, 5)


def _weeks(count: int) -> list[WeekTotals]:
    return [
        WeekTotals(
            week_start=MONDAY + timedelta(weeks=index),
            runs=4,
            runs_done=3,
            lifts=2,
            lifts_done=2,
            run_km=20.0 + index,
            run_km_done=15.0 + index,
            lift_volume_kg=5 * 5 * 140.0 * 2,
            longest_run_km=8.0 + index / 2,
        )
        for index in range(count)
    ]


def _view(qtbot: QtBot, weeks: int = 4, prompts: RecordingPrompts | None = None) -> ProgressView:
    view = ProgressView(prompts=prompts)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.set_weeks(_weeks(weeks), DistanceUnit.KM, WeightUnit.KG)
    view.show()
    qtbot.waitExposed(view)
    return view


def _move(chart: ProgressChart, point: QPoint) -> None:
    local = QPointF(point)
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        local,
        QPointF(chart.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart, event)


def test_the_contract_names_are_there(qtbot: QtBot) -> None:
    view = _view(qtbot)
    assert view.objectName() == "progressView"
    assert view.findChild(ProgressChart, "progressChart") is view.chart


def test_hovering_a_week_picks_that_week(qtbot: QtBot) -> None:
    view = _view(qtbot)
    chart = view.chart
    with qtbot.waitSignal(chart.week_hovered) as hovered:
        _move(chart, chart.week_center(2))
    assert hovered.args == [2]
    assert chart.hovered_week() == 2


def test_clicking_a_week_asks_for_that_week(qtbot: QtBot) -> None:
    view = _view(qtbot)
    with qtbot.waitSignal(view.week_chosen) as chosen:
        qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=view.chart.week_center(1))
    assert chosen.args == [MONDAY + timedelta(weeks=1)]


def test_a_click_outside_the_bars_asks_for_nothing(qtbot: QtBot) -> None:
    view = _view(qtbot)
    with qtbot.assertNotEmitted(view.week_chosen):
        qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_the_table_holds_the_same_numbers_newest_first_in_the_users_units(qtbot: QtBot) -> None:
    view = ProgressView()
    qtbot.addWidget(view)
    view.set_weeks(_weeks(3), DistanceUnit.MI, WeightUnit.LB)
    table = view.table
    assert table.rowCount() == 3
    cells = [table.item(0, column) for column in range(table.columnCount())]
    newest = [cell.text() if cell is not None else "" for cell in cells]
    assert newest[0] == "19 Oct 2026"
    assert newest[1] == "3 / 4"
    assert "mi" in newest[2] and "km" not in newest[2]
    assert "lb" in newest[6]


def test_double_clicking_a_table_row_asks_for_that_week(qtbot: QtBot) -> None:
    view = _view(qtbot, weeks=3)
    with qtbot.waitSignal(view.week_chosen) as chosen:
        view.table.cellDoubleClicked.emit(2, 0)
    assert chosen.args == [MONDAY]


def test_changing_the_range_asks_for_that_many_weeks(qtbot: QtBot) -> None:
    view = _view(qtbot)
    with qtbot.waitSignal(view.range_changed) as changed:
        view.rangeCombo.setCurrentIndex(view.rangeCombo.findData(52))
    assert changed.args == [52]
    with qtbot.waitSignal(view.range_changed) as changed:
        view.rangeCombo.setCurrentIndex(view.rangeCombo.findData(0))
    assert changed.args == [0]


def test_save_as_png_writes_the_chart(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "progress"
    prompts = RecordingPrompts()
    prompts.save_file = target
    view = _view(qtbot, prompts=prompts)
    view.savePngButton.click()
    image = QImage(str(tmp_path / "progress.png"))
    assert not image.isNull()
    assert image.width() >= view.chart.width()


def test_a_png_that_cannot_be_written_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    prompts = RecordingPrompts()
    prompts.save_file = tmp_path / "missing" / "chart.png"
    view = _view(qtbot, prompts=prompts)
    view.savePngButton.click()
    assert prompts.errors and "could not be saved" in prompts.errors[0][1]


def test_done_bars_are_painted_in_the_palettes_highlight_dark_too(qtbot: QtBot) -> None:
    view = _view(qtbot, weeks=1)
    palette = view.chart.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#30a0ff"))
    view.chart.setPalette(palette)
    image = view.chart.grab().toImage()
    centre = view.chart.week_center(0)
    # Just above the distance panel's floor, in the middle of the week's bar.
    floor = centre.y() + 10
    colours = {image.pixelColor(centre.x(), y).name() for y in range(centre.y(), floor)}
    assert "#30a0ff" in colours
    assert image.pixelColor(1, 1).name() == "#202020"


def test_an_empty_range_says_so_instead_of_drawing_nothing(qtbot: QtBot) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.set_weeks([], DistanceUnit.KM, WeightUnit.KG)
    assert chart.week_at(QPoint(200, 150)) == -1
    assert not chart.grab().toImage().isNull()


def test_ten_years_of_weeks_each_get_a_column(qtbot: QtBot) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(1600, 400)  # more than a pixel per week, whatever the screen
    chart.set_weeks(_weeks(520), DistanceUnit.KM, WeightUnit.KG)
    assert chart.week_at(chart.week_center(0)) == 0
    assert chart.week_at(chart.week_center(519)) == 519


def test_longest_run_line_keeps_contrast_on_a_dark_palette(qtbot: QtBot) -> None:
    from desktop.ui.progress_chart import _line_colour

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dark.setColor(QPalette.ColorRole.Link, QColor("#0000ff"))  # Qt's default: lost on dark
    assert _line_colour(dark) == QColor("#e6e6e6")
    dark.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))  # a dark theme's own link
    assert _line_colour(dark) == QColor("#8ab4f8")


def test_a_five_digit_volume_axis_label_is_painted_whole(qtbot: QtBot) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    heavy = [replace_volume(week, 9_500.0) for week in _weeks(3)]
    chart.set_weeks(heavy, DistanceUnit.KM, WeightUnit.KG)
    layout = chart._layout()
    label_room = layout.volume.left() - 8 - 6  # _MARGIN and _AXIS_GAP
    assert chart.fontMetrics().horizontalAdvance("10,000") <= label_room


def replace_volume(week: WeekTotals, volume_kg: float) -> WeekTotals:
    from dataclasses import replace

    return replace(week, lift_volume_kg=volume_kg)


def test_the_y_axes_have_several_round_ticks_with_the_unit_on_top(qtbot: QtBot) -> None:
    from desktop.ui.progress_chart import axis_ticks

    assert axis_ticks(37.0) == (0.0, 10.0, 20.0, 30.0, 40.0)
    assert axis_ticks(9_500.0) == (0.0, 2_500.0, 5_000.0, 7_500.0, 10_000.0)
    assert axis_ticks(3.2) == (0.0, 1.0, 2.0, 3.0, 4.0)
    view = _view(qtbot, weeks=12)  # up to 31 km planned a week, 7,000 kg lifted
    distance, volume = view.chart.y_axis_labels()
    assert distance == ["0", "10", "20", "30", "40 km"]
    assert volume == ["0", "2,000", "4,000", "6,000", "8,000 kg"]


def test_the_x_axis_labels_the_weeks_and_thins_out_as_the_range_grows(qtbot: QtBot) -> None:
    chart = ProgressChart()
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.set_weeks(_weeks(12), DistanceUnit.KM, WeightUnit.KG)
    quarter = chart.x_axis_labels()
    assert [text for _, text in quarter] == [
        f"{MONDAY + timedelta(weeks=index):%d %b}" for index in range(12)
    ]
    chart.set_weeks(_weeks(52), DistanceUnit.KM, WeightUnit.KG)
    year = chart.x_axis_labels()
    assert 4 <= len(year) < 52
    assert year[-1] == (51, f"{MONDAY + timedelta(weeks=51):%d %b}")  # the latest week
    steps = {b - a for (a, _), (b, _) in pairwise(year)}
    assert len(steps) == 1  # evenly spaced
    metrics = chart.fontMetrics()
    slot = chart._layout().slot
    widest = max(metrics.horizontalAdvance(text) for _, text in year)
    assert steps.pop() * slot >= widest  # labels never touch
    chart.set_weeks(_weeks(520), DistanceUnit.KM, WeightUnit.KG)
    decade = chart.x_axis_labels()
    assert len(decade) < len(year) * 2 and decade[-1][1] == f"{MONDAY + timedelta(weeks=519):%b %Y}"


def test_hovering_a_week_shows_planned_done_and_its_mean_rpe(qtbot: QtBot) -> None:
    view = ProgressView()
    qtbot.addWidget(view)
    weeks = _weeks(3)
    view.set_weeks(weeks, DistanceUnit.KM, WeightUnit.KG, {weeks[1].week_start: 6.5})
    text = view.chart.week_text(1)
    assert "Runs: 3 of 4 done, 16.0 km of 21.0 km planned" in text
    assert "Mean RPE: 6.5" in text
    assert "RPE" not in view.chart.week_text(0)


def test_the_table_has_an_rpe_column_and_needs_no_sideways_scrolling(qtbot: QtBot) -> None:
    from desktop.ui.progress_window import ProgressWindow

    window = ProgressWindow()
    qtbot.addWidget(window)
    weeks = _weeks(12)
    window.view.set_weeks(weeks, DistanceUnit.KM, WeightUnit.KG, {weeks[-1].week_start: 7.3})
    window.show()
    qtbot.waitExposed(window)
    table = window.view.table
    header = table.horizontalHeaderItem(table.columnCount() - 1)
    assert header is not None and "RPE" in header.text()
    rpe_cells = [table.item(row, table.columnCount() - 1) for row in range(2)]
    assert [cell.text() if cell else "" for cell in rpe_cells] == ["7.3", "\u2014"]
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_without_rpe_figures_the_rpe_column_is_hidden(qtbot: QtBot) -> None:
    view = _view(qtbot)
    assert view.table.isColumnHidden(view.table.columnCount() - 1)
    view.set_weeks(_weeks(4), DistanceUnit.KM, WeightUnit.KG, {})
    assert not view.table.isColumnHidden(view.table.columnCount() - 1)
