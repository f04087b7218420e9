"""The calendar paints marks and chips, takes drags and drops, and keys move days."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QMimeData, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QImage,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop.advice import Kind
from desktop.planner import DayMarks, SessionMark
from desktop.ui.calendar_view import RUN_ACCENT, WARNING_ACCENT, CalendarView
from desktop.ui.session_chips import ChipData
from desktop.ui.session_mime import session_mime

DAY = date(2026, 3, 4)


def make_calendar(qtbot: QtBot) -> CalendarView:
    calendar = CalendarView()
    qtbot.addWidget(calendar)
    calendar.select_day(DAY)
    return calendar


def paint_cell(calendar: CalendarView, day: date, scale: float = 1.0) -> QImage:
    """Paint one day cell into an image at a device pixel ratio, as Qt would on screen."""
    width, height = 90, 70
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        calendar.paintCell(painter, QRect(0, 0, width, height), QDate(day.year, day.month, day.day))
    finally:
        painter.end()
    return image


def colours(image: QImage) -> set[tuple[int, int, int]]:
    found = set()
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 1):
            c = image.pixelColor(x, y)
            found.add((c.red(), c.green(), c.blue()))
    return found


def near(found: set[tuple[int, int, int]], colour: QColor, tolerance: int = 12) -> bool:
    target = (colour.red(), colour.green(), colour.blue())
    return any(all(abs(a - b) <= tolerance for a, b in zip(c, target, strict=True)) for c in found)


def test_marks_for_returns_what_was_set(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    marks = DayMarks((SessionMark(Kind.DEADLIFT, False), SessionMark(Kind.RUN, True)), True)
    calendar.set_marks({DAY: marks})
    assert calendar.marks_for(DAY) == marks
    assert calendar.marks_for(DAY + timedelta(days=1)) is None


def test_visible_range_is_the_six_week_grid(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    first, last = calendar.visible_range()
    assert (last - first).days == 41
    assert first < date(2026, 3, 1) <= date(2026, 3, 31) < last
    assert first.isoweekday() == calendar.firstDayOfWeek().value


def test_run_is_blue_warning_amber_and_crisp_at_200_percent(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_marks({DAY: DayMarks((SessionMark(Kind.RUN, True),), True)})
    found = colours(paint_cell(calendar, DAY, scale=2.0))
    assert near(found, RUN_ACCENT)
    assert near(found, WARNING_ACCENT)


def test_deadlift_uses_the_text_colour_not_an_accent(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.set_marks(
        {DAY + timedelta(days=1): DayMarks((SessionMark(Kind.DEADLIFT, True),), False)}
    )
    found = colours(paint_cell(calendar, DAY + timedelta(days=1)))
    assert not near(found, RUN_ACCENT)
    assert not near(found, WARNING_ACCENT)
    assert near(found, calendar.palette().color(QPalette.ColorRole.Text), tolerance=40)


def test_planned_is_hollow_and_done_is_filled(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    other = DAY + timedelta(days=1)
    calendar.set_marks(
        {
            other: DayMarks((SessionMark(Kind.RUN, False),), False),
            other + timedelta(days=1): DayMarks((SessionMark(Kind.RUN, True),), False),
        }
    )

    def blue_pixels(day: date) -> int:
        image = paint_cell(calendar, day, scale=2.0)
        count = 0
        for y in range(image.height()):
            for x in range(image.width()):
                c = image.pixelColor(x, y)
                if (
                    abs(c.red() - 0x2F) < 30
                    and abs(c.green() - 0x86) < 30
                    and abs(c.blue() - 0xDD) < 30
                ):
                    count += 1
        return count

    hollow, filled = blue_pixels(other), blue_pixels(other + timedelta(days=1))
    assert 0 < hollow < filled


def test_many_sessions_fit_with_a_plus_n(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    many = tuple(SessionMark(Kind.RUN, False) for _ in range(40))
    calendar.set_marks({DAY: DayMarks(many, False)})
    # The cell is the top half of the image: nothing may be drawn below it.
    image = QImage(90, 140, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        calendar.paintCell(painter, QRect(0, 0, 90, 70), QDate(DAY.year, DAY.month, DAY.day))
    finally:
        painter.end()
    below = image.copy(0, 71, 90, 69)
    assert colours(below) == {(255, 255, 255)}
    assert len(colours(image.copy(0, 0, 90, 70))) > 2  # the markers and the "+n" are there


def test_arrow_keys_move_through_days(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    calendar.show()
    qtbot.waitExposed(calendar)
    view = calendar.focusProxy() or calendar
    view.setFocus()
    with qtbot.waitSignal(calendar.selectionChanged):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert calendar.selected_day() == DAY + timedelta(days=1)
    with qtbot.waitSignal(calendar.selectionChanged):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert calendar.selected_day() == DAY + timedelta(days=8)


def test_paints_in_a_dark_palette(qtbot: QtBot) -> None:
    calendar = make_calendar(qtbot)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    calendar.setPalette(dark)
    other = DAY + timedelta(days=1)  # not the selected day, so no selection tint
    calendar.set_marks({other: DayMarks((SessionMark(Kind.DEADLIFT, False),), False)})
    found = colours(paint_cell(calendar, other))
    assert near(found, QColor("#1e1e1e"))
    assert near(found, QColor("#eeeeee"), tolerance=40)


def dark_calendar(qtbot: QtBot) -> CalendarView:
    calendar = make_calendar(qtbot)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    calendar.setPalette(dark)
    return calendar


def test_day_number_uses_the_text_colour_whatever_pen_it_is_given(qtbot: QtBot) -> None:
    """A painter with another pen (here black) still gets the day number in Text."""
    calendar = dark_calendar(qtbot)
    other = DAY + timedelta(days=1)  # no marks, not selected: only the number is drawn
    found = colours(paint_cell(calendar, other))
    assert near(found, QColor("#eeeeee"), tolerance=40)
    # Anti-aliased edges blend Text into Base (#1e1e1e); a black pen would go darker.
    assert min(min(colour) for colour in found) >= 0x1E


def test_day_numbers_in_the_shown_widget_use_the_text_colour(qtbot: QtBot) -> None:
    """Painted through Qt's own view (the pen Qt passes in), the numbers are in Text too."""
    calendar = dark_calendar(qtbot)
    calendar.resize(700, 500)
    calendar.show()
    qtbot.waitExposed(calendar)
    found = colours(calendar.grab().toImage())
    assert near(found, QColor("#eeeeee"), tolerance=40)


# -- chips, drag and drop ------------------------------------------------------------------


def chip_on(day: date, session_id: int, hour: int, kind: str = "run", **fields: Any) -> ChipData:
    chip = ChipData(
        session_id=session_id,
        kind=kind,
        start=datetime.combine(day, time(hour, 0)),
        duration_min=45,
        text=f"{hour:02d}:00 " + ("Intervals 3 km" if kind == "run" else "5x5 140 kg"),
    )
    return dataclasses.replace(chip, **fields)


def shown_calendar(qtbot: QtBot) -> CalendarView:
    calendar = make_calendar(qtbot)
    calendar.resize(900, 640)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def test_chips_are_shown_in_time_order(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    run = chip_on(DAY, 2, 18)
    lift = chip_on(DAY, 1, 7, kind="deadlift")
    calendar.set_chips({DAY: [run, lift]})
    assert [c.session_id for c in calendar.chips_for(DAY)] == [1, 2]
    cell = QRectF(calendar.cell_rect(DAY) or QRect())
    placed, more, hidden = calendar.chip_layout(DAY, cell)
    assert [c.session_id for c, _rect, _ghost in placed] == [1, 2]
    assert placed[0][1].bottom() <= placed[1][1].top()  # the earlier one above
    assert more is None and hidden == 0


def test_a_full_cell_says_how_many_more_and_paints_inside_itself(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    calendar.set_chips({DAY: [chip_on(DAY, n, 6 + n) for n in range(9)]})
    cell = QRectF(calendar.cell_rect(DAY) or QRect())
    placed, more, hidden = calendar.chip_layout(DAY, cell)
    assert more is not None and hidden == 9 - len(placed) > 0
    assert all(cell.contains(rect) for _c, rect, _g in placed) and cell.contains(more)
    assert [c.session_id for c, _r, _g in placed] == list(range(len(placed)))  # earliest first


def test_a_chip_under_the_cursor_has_its_own_tooltip(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    warned = chip_on(DAY, 5, 18, tooltip="18:00 Intervals 3 km\n! Too fast after a deadlift")
    calendar.set_chips({DAY: [warned]})
    cell = QRectF(calendar.cell_rect(DAY) or QRect())
    (_chip, rect, _ghost), *_ = calendar.chip_layout(DAY, cell)[0]
    viewport = calendar.grid_view().viewport()
    point = rect.center().toPoint()
    assert calendar.chip_at(point) == warned
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert "Too fast after a deadlift" in QToolTip.text()
    assert calendar.chip_at(QRectF(cell).topLeft().toPoint() + QPoint(2, 2)) is None


def drag_event(
    kind: type[QDropEvent], calendar: CalendarView, day: date, mime: QMimeData, copy: bool
) -> QDropEvent:
    rect = calendar.cell_rect(day)
    assert rect is not None
    modifiers = Qt.KeyboardModifier.NoModifier
    if copy:
        modifiers = (
            Qt.KeyboardModifier.AltModifier
            if sys.platform == "darwin"
            else Qt.KeyboardModifier.ControlModifier
        )
    return kind(
        rect.center(),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        modifiers,
    )


def send_drag(
    calendar: CalendarView,
    kind: type[QDropEvent],
    day: date,
    copy: bool = False,
    session_id: int = 7,
) -> QDropEvent:
    mime = session_mime(session_id)  # kept alive here: the event only points at it
    event = drag_event(kind, calendar, day, mime, copy)
    QApplication.sendEvent(calendar.grid_view().viewport(), event)
    return event


@pytest.mark.parametrize("copy", [False, True])
def test_a_drop_moves_or_copies_through_drop_session(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, copy: bool
) -> None:
    calendar = shown_calendar(qtbot)
    calendar.set_chips({DAY: [chip_on(DAY, 7, 18)]})
    target = DAY + timedelta(days=2)
    calls: list[tuple[int, date, bool]] = []
    original = calendar.drop_session

    def spy(session_id: int, day: date, copy: bool = False) -> None:
        calls.append((session_id, day, copy))
        original(session_id, day, copy)

    monkeypatch.setattr(calendar, "drop_session", spy)
    send_drag(calendar, QDragEnterEvent, DAY)
    send_drag(calendar, QDragMoveEvent, target, copy)
    with qtbot.waitSignal(calendar.session_dropped) as dropped:
        event = send_drag(calendar, QDropEvent, target, copy)
    assert dropped.args == [7, target, copy]
    assert calls == [(7, target, copy)]  # the mouse goes through the public method
    assert event.isAccepted()
    expected = Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction
    assert event.dropAction() == expected
    assert calendar.drop_hover() is None


def test_drop_session_without_a_drag_emits_the_same_signal(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    with qtbot.waitSignal(calendar.session_dropped) as dropped:
        calendar.drop_session(3, DAY, True)
    assert dropped.args == [3, DAY, True]


def test_hovering_shows_the_ghost_and_the_warning_from_the_preview(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    lift_day = DAY + timedelta(days=3)
    calendar.set_chips(
        {DAY: [chip_on(DAY, 7, 18)], lift_day: [chip_on(lift_day, 8, 17, "deadlift")]}
    )
    asked: list[tuple[int, date, bool]] = []

    def preview(session_id: int, day: date, copy: bool) -> list[str]:
        asked.append((session_id, day, copy))
        return ["Run right after a deadlift: keep it under 5 km"] if day == lift_day else []

    calendar.set_drop_preview(preview)
    send_drag(calendar, QDragEnterEvent, DAY)
    send_drag(calendar, QDragMoveEvent, DAY + timedelta(days=1))
    hover = calendar.drop_hover()
    assert hover is not None and hover.warnings == ()
    send_drag(calendar, QDragMoveEvent, lift_day)
    hover = calendar.drop_hover()
    assert hover is not None and hover.day == lift_day
    assert hover.warnings == ("Run right after a deadlift: keep it under 5 km",)
    assert "keep it under 5 km" in hover.message()
    qtbot.waitUntil(lambda: "keep it under 5 km" in QToolTip.text())
    # The ghost sits in the target cell in time order (18:00 after the 17:00 lift), warning.
    cell = QRectF(calendar.cell_rect(lift_day) or QRect())
    placed, _more, _hidden = calendar.chip_layout(lift_day, cell)
    assert [(c.session_id, ghost) for c, _r, ghost in placed] == [(8, False), (7, True)]
    assert placed[1][0].warning
    # Painting the hovered cell shows the amber badge; the same cell without the drag does not.
    hovered = paint_cell(calendar, lift_day, scale=2.0)
    assert near(colours(hovered), WARNING_ACCENT)
    send_drag(calendar, QDragMoveEvent, lift_day)  # the same cell: no second engine call
    assert asked == [(7, DAY, False), (7, DAY + timedelta(days=1), False), (7, lift_day, False)]


def test_escape_and_leaving_cancel_the_hover_without_a_drop(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    calendar.set_chips({DAY: [chip_on(DAY, 7, 18)]})
    calendar.set_drop_preview(lambda _id, _day, _copy: ["a warning"])
    dropped: list[object] = []
    calendar.session_dropped.connect(lambda *args: dropped.append(args))
    send_drag(calendar, QDragEnterEvent, DAY)
    send_drag(calendar, QDragMoveEvent, DAY + timedelta(days=1))
    assert calendar.drop_hover() is not None
    qtbot.keyClick(calendar.grid_view(), Qt.Key.Key_Escape)
    assert calendar.drop_hover() is None
    send_drag(calendar, QDragMoveEvent, DAY + timedelta(days=2))
    assert calendar.drop_hover() is not None
    QApplication.sendEvent(calendar.grid_view().viewport(), QDragLeaveEvent())
    assert calendar.drop_hover() is None
    assert not near(colours(paint_cell(calendar, DAY + timedelta(days=2))), WARNING_ACCENT)
    assert dropped == []


def test_a_drag_without_a_session_is_refused(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    calendar.set_chips({})
    other = QMimeData()
    other.setText("hello")
    event = drag_event(QDragEnterEvent, calendar, DAY, other, False)
    QApplication.sendEvent(calendar.grid_view().viewport(), event)
    assert not event.isAccepted()


def test_double_click_on_an_empty_part_asks_for_a_new_session(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    session = chip_on(DAY, 7, 18)
    calendar.set_chips({DAY: [session]})
    viewport = calendar.grid_view().viewport()
    cell = calendar.cell_rect(DAY)
    assert cell is not None
    with qtbot.waitSignal(calendar.new_session_requested) as requested:
        qtbot.mouseDClick(
            viewport, Qt.MouseButton.LeftButton, pos=cell.bottomRight() - QPoint(4, 4)
        )
    assert requested.args == [DAY]
    (_c, rect, _g), *_ = calendar.chip_layout(DAY, QRectF(cell))[0]
    with qtbot.waitSignal(calendar.session_activated) as activated:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert activated.args == [7]


def test_day_at_matches_the_day_qt_selects(qtbot: QtBot) -> None:
    calendar = shown_calendar(qtbot)
    calendar.set_chips({})
    target = DAY + timedelta(days=9)
    cell = calendar.cell_rect(target)
    assert cell is not None
    qtbot.mouseClick(calendar.grid_view().viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert calendar.selected_day() == target
    found = calendar.day_at(cell.center())
    assert found is not None and found[0] == target


def test_the_month_menus_arrow_has_room_beside_the_longest_month_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QToolButton

    calendar = make_calendar(qtbot)
    calendar.show()
    qtbot.waitExposed(calendar)
    button = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert button is not None
    metrics = button.fontMetrics()
    widest = max(metrics.horizontalAdvance(calendar.locale().monthName(m)) for m in range(1, 13))
    # The name is centred and the arrow sits in the right corner: a font height on each side.
    assert button.width() - widest >= 1.5 * metrics.height()
