"""The calendar paints the planner's marks: shapes, colours, badges, today; keys move days."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from desktop.advice import Kind
from desktop.planner import DayMarks, SessionMark
from desktop.ui.calendar_view import RUN_ACCENT, WARNING_ACCENT, CalendarView

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
