"""The month calendar: each day cell shows a marker per session and a warning badge."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QCalendarWidget, QWidget

if TYPE_CHECKING:  # the engine is not loaded before the window's first paint
    from desktop.planner import DayMarks, SessionMark

# The two accents: they read on light and dark backgrounds alike.
RUN_ACCENT = QColor("#2f86dd")  # runs: blue circles
WARNING_ACCENT = QColor("#f0a020")  # warning badges: amber triangles with "!"
WARNING_INK = QColor("#1a1a1a")
GRID_DAYS = 42


class CalendarView(QCalendarWidget):
    """A QCalendarWidget that paints the planner's marks into each day cell.

    Deadlifts are squares in the text colour, runs are blue circles; an outline
    means planned, a filled shape means done. An amber triangle marks a day
    whose advice has a warning. Today gets a ring and a bold number.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setAccessibleName("Training calendar")
        self._marks: dict[date, DayMarks] = {}
        self._today = date.today()
        self._ink: _Ink | None = None

    # -- data ------------------------------------------------------------------

    def set_marks(self, marks: dict[date, DayMarks]) -> None:
        """Replace the marks shown and repaint."""
        self._marks = dict(marks)
        self._today = date.today()
        self.updateCells()

    def marks_for(self, day: date) -> DayMarks | None:
        """The marks painted on a day, None if it has nothing."""
        return self._marks.get(day)

    def selected_day(self) -> date:
        """The selected day as a Python date."""
        return _to_date(self.selectedDate())

    def select_day(self, day: date) -> None:
        """Select a day and show its month."""
        self.setSelectedDate(QDate(day.year, day.month, day.day))

    def visible_range(self) -> tuple[date, date]:
        """First and last day of the 6-week grid for the month shown."""
        first_of_month = date(self.yearShown(), self.monthShown(), 1)
        first_weekday = self.firstDayOfWeek().value  # Monday = 1 .. Sunday = 7
        offset = (first_of_month.isoweekday() - first_weekday) % 7
        # Like Qt, start a week early when the 1st falls in the first column.
        if offset == 0:
            offset = 7
        first = first_of_month - timedelta(days=offset)
        return first, first + timedelta(days=GRID_DAYS - 1)

    # -- painting --------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Drop the cached colours and fonts when the palette or font changes."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._ink = None
        super().changeEvent(event)

    def _current_ink(self) -> _Ink:
        if self._ink is None:
            self._ink = _Ink(self.palette(), self.font())
        return self._ink

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        """Paint the day number, today's ring, the session markers and the badge."""
        ink = self._current_ink()
        day = date(qdate.year(), qdate.month(), qdate.day())
        is_today = day == self._today
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        cell = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(cell, ink.base)
        if qdate == self.selectedDate():
            painter.fillRect(cell, ink.tint)
            painter.setPen(ink.selection_pen)
            half = ink.selection_pen.widthF() / 2
            painter.drawRect(cell.adjusted(half, half, -half, -half))
        if qdate.month() != self.monthShown():
            painter.setOpacity(0.45)

        line = ink.line
        number_rect = QRectF(cell.left(), cell.top() + line * 0.15, cell.width(), line)
        painter.setFont(ink.bold if is_today else ink.font)
        painter.setPen(ink.text)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if is_today:
            painter.setPen(ink.today_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(number_rect.center(), ink.ring_radius, ink.ring_radius)

        marks = self._marks.get(day)
        if marks is not None:
            top = number_rect.bottom() + line * 0.2
            area = QRectF(cell.left(), top, cell.width(), cell.bottom() - top)
            self._paint_markers(painter, area, marks.sessions, ink)
            if marks.has_warning:
                self._paint_badge(painter, cell, ink)
        painter.restore()

    def _paint_markers(
        self,
        painter: QPainter,
        area: QRectF,
        sessions: tuple[SessionMark, ...],
        ink: _Ink,
    ) -> None:
        size = ink.line * 0.8
        gap = size * 0.45
        step = size + gap
        per_row = max(1, math.floor((area.width() - gap) / step))
        rows = max(1, math.floor((area.height() + gap * 0.5) / step))
        capacity = per_row * rows
        shown = list(sessions)
        overflow = 0
        if len(shown) > capacity:
            overflow = len(shown) - (capacity - 1)
            shown = shown[: capacity - 1]
        slots = len(shown) + (1 if overflow else 0)
        for index in range(slots):
            row, col = divmod(index, per_row)
            in_row = min(per_row, slots - row * per_row)
            left = area.center().x() - (in_row * step - gap) / 2
            box = QRectF(left + col * step, area.top() + row * step, size, size)
            if index < len(shown):
                self._paint_marker(painter, box, shown[index], ink.text)
            else:
                painter.setFont(ink.small)
                painter.setPen(ink.text)
                wide = box.adjusted(-gap, -gap / 2, gap * 2, gap / 2)
                painter.drawText(wide, Qt.AlignmentFlag.AlignCenter, f"+{overflow}")

    @staticmethod
    def _paint_marker(
        painter: QPainter, box: QRectF, mark: SessionMark, text_colour: QColor
    ) -> None:
        # Marks come from the planner, so the engine is loaded by now: a dict lookup.
        from desktop.advice import Kind

        colour = RUN_ACCENT if mark.kind is Kind.RUN else text_colour
        pen = QPen(colour)
        pen.setWidthF(max(1.0, box.width() * 0.2))
        painter.setPen(pen)
        painter.setBrush(colour if mark.done else Qt.BrushStyle.NoBrush)
        inset = pen.widthF() / 2
        inner = box.adjusted(inset, inset, -inset, -inset)
        if mark.kind is Kind.RUN:
            painter.drawEllipse(inner)
        else:
            painter.drawRect(inner)

    @staticmethod
    def _paint_badge(painter: QPainter, cell: QRectF, ink: _Ink) -> None:
        line = ink.line
        size = line * 1.0
        margin = line * 0.15
        right, top = cell.right() - margin, cell.top() + margin
        path = QPainterPath()
        path.moveTo(QPointF(right - size / 2, top))
        path.lineTo(QPointF(right, top + size * 0.9))
        path.lineTo(QPointF(right - size, top + size * 0.9))
        path.closeSubpath()
        painter.setOpacity(1.0)
        painter.setPen(QPen(WARNING_INK, max(0.8, line / 16)))
        painter.setBrush(WARNING_ACCENT)
        painter.drawPath(path)
        painter.setFont(ink.badge)
        painter.setPen(WARNING_INK)
        text_box = QRectF(right - size, top + size * 0.2, size, size * 0.7)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, "!")


class _Ink:
    """Colours, pens and fonts for painting cells, worked out once per palette and font."""

    def __init__(self, palette: QPalette, font: QFont) -> None:
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.tint = QColor(highlight)
        self.tint.setAlpha(48)
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(self.bold)
        self.small.setPointSizeF(max(1.0, font.pointSizeF() * 0.75))
        self.badge = QFont(self.bold)
        self.badge.setPointSizeF(max(1.0, font.pointSizeF() * 0.6))
        metrics = QFontMetricsF(self.bold)
        self.line = metrics.height()
        self.ring_radius = max(metrics.horizontalAdvance("30"), self.line) * 0.62
        self.selection_pen = QPen(highlight)
        self.selection_pen.setWidthF(max(1.5, self.line / 8))
        self.today_pen = QPen(highlight)
        self.today_pen.setWidthF(max(1.5, self.line / 9))


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
