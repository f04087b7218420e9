"""The month calendar: each day cell shows a marker per session and a warning badge.

The calendar is part of the window's first frame, which must not touch PySide6's `Qt`
namespace: its first use builds all of that namespace's enums at once (about 15 ms). That
includes the overload checks of QPainter.setPen, setBrush and fillRect, whose overloads take
`Qt` enums. So a cell's own parts (background, selection, day number, today's ring) are drawn
with fillPath/strokePath and palette brushes, and text with the painter's pen, which Qt sets
to the palette's text colour; text is centred from font metrics, not with an alignment flag.
Session markers and badges only exist once the window is attached (the namespace is built by
then), so they use the ordinary calls.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QPointF, QRect, QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QCalendarWidget, QWidget

if TYPE_CHECKING:  # the engine is not loaded before the window's first paint
    from desktop.planner import DayMarks, SessionMark

# The two accents: they read on light and dark backgrounds alike.
RUN_ACCENT = QColor("#2f86dd")  # runs: blue circles
WARNING_ACCENT = QColor("#f0a020")  # warning badges: amber triangles with "!"
WARNING_INK = QColor("#1a1a1a")
GRID_DAYS = 42
SELECTION_TINT = 0.19  # the selected day: the highlight colour at this opacity


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
        cell_path = _rect_path(cell)
        painter.fillPath(cell_path, ink.base)
        if qdate == self.selectedDate():
            painter.setOpacity(SELECTION_TINT)
            painter.fillPath(cell_path, ink.highlight)
            painter.setOpacity(1.0)
            half = ink.selection_pen.widthF() / 2
            painter.strokePath(
                _rect_path(cell.adjusted(half, half, -half, -half)), ink.selection_pen
            )
        if qdate.month() != self.monthShown():
            painter.setOpacity(0.45)

        line = ink.line
        number_rect = QRectF(cell.left(), cell.top() + line * 0.15, cell.width(), line)
        if painter.pen().color().rgba() != ink.text.rgba():  # Qt passes a text-coloured pen
            painter.setPen(ink.text)
        font, metrics = (ink.bold, ink.bold_metrics) if is_today else (ink.font, ink.font_metrics)
        _draw_centred(painter, number_rect, str(day.day), font, metrics)
        if is_today:
            ring = QPainterPath()
            ring.addEllipse(number_rect.center(), ink.ring_radius, ink.ring_radius)
            painter.strokePath(ring, ink.today_pen)

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
                painter.setPen(ink.text)
                wide = box.adjusted(-gap, -gap / 2, gap * 2, gap / 2)
                _draw_centred(painter, wide, f"+{overflow}", ink.small, ink.small_metrics)

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
        painter.setBrush(colour if mark.done else QBrush())  # QBrush(): no fill
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
        painter.setPen(WARNING_INK)
        text_box = QRectF(right - size, top + size * 0.2, size, size * 0.7)
        _draw_centred(painter, text_box, "!", ink.badge, ink.badge_metrics)


class _Ink:
    """Colours, pens and fonts for painting cells, worked out once per palette and font."""

    def __init__(self, palette: QPalette, font: QFont) -> None:
        self.text = palette.color(QPalette.ColorRole.Text)
        self.base = palette.brush(QPalette.ColorRole.Base)
        self.highlight = palette.brush(QPalette.ColorRole.Highlight)
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(self.bold)
        self.small.setPointSizeF(max(1.0, font.pointSizeF() * 0.75))
        self.badge = QFont(self.bold)
        self.badge.setPointSizeF(max(1.0, font.pointSizeF() * 0.6))
        self.font_metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.small_metrics = QFontMetricsF(self.small)
        self.badge_metrics = QFontMetricsF(self.badge)
        self.line = self.bold_metrics.height()
        self.ring_radius = max(self.bold_metrics.horizontalAdvance("30"), self.line) * 0.62
        self.selection_pen = QPen(self.highlight, max(1.5, self.line / 8))
        self.today_pen = QPen(self.highlight, max(1.5, self.line / 9))


def _rect_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path


def _draw_centred(
    painter: QPainter, box: QRectF, text: str, font: QFont, metrics: QFontMetricsF
) -> None:
    """Draw one line of text centred in box, placing its baseline from the font's metrics."""
    painter.setFont(font)
    left = box.center().x() - metrics.horizontalAdvance(text) / 2
    baseline = box.center().y() + (metrics.ascent() - metrics.descent()) / 2
    painter.drawText(QPointF(left, baseline), text)


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
