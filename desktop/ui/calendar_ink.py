"""Painting a month cell's own parts: colours and fonts, plain session markers, the badge.

Part of the window's first frame, so nothing here touches PySide6's `Qt` namespace (see
`calendar_view`): fillPath/strokePath with palette brushes, text with the painter's pen.
Markers and badges are drawn only once the window is attached, with the ordinary calls.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
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

from desktop.ui.accents import RUN_ACCENT, WARNING_ACCENT, WARNING_INK

if TYPE_CHECKING:
    from desktop.planner import SessionMark


CHIP_FONT_SCALE = 0.9  # a chip's text against the calendar's font
CHIP_MIN_POINTS = 7.0
# The widest line a chip must show whole at the calendar's narrowest: a time and a key figure.
WIDEST_CHIP_LINE = "00:00 888.8 kg"
CHIP_MARGIN = 2.0  # between a chip and its cell's sides (logical pixels)


def chip_font(font: QFont) -> QFont:
    """The chips' font: a little smaller than the calendar's, never below 7 pt."""
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(CHIP_MIN_POINTS, size * CHIP_FONT_SCALE))
    return small


class ChipBox:
    """A chip's inner measures for one font: padding, the glyph and the marks around the text.

    Shared by the chip painter and the calendar's minimum width, which keeps every day wide
    enough for `WIDEST_CHIP_LINE` with a kind glyph and a warning mark.
    """

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetricsF(chip_font(font))
        self.line = self.metrics.height()
        self.pad = max(1.0, self.line * 0.15)
        self.glyph = self.line * 0.62
        self.disc = self.line * 0.8

    def text_left(self) -> float:
        """From the chip's left edge to its text: a pad, the glyph and a pad."""
        return self.pad * 1.5 + self.glyph + self.pad * 1.5

    def chrome(self, *, warning: bool, mark_width: float = 0.0) -> float:
        """The chip's width that is not text: glyph, an optional "≠" mark and warning disc."""
        width = self.text_left() + self.pad * 1.5
        if mark_width:
            width += mark_width + self.pad
        if warning:
            width += self.disc + self.pad
        return width

    def cell_width(self) -> float:
        """The narrowest day cell whose chips show `WIDEST_CHIP_LINE` with a warning whole."""
        text = self.metrics.horizontalAdvance(WIDEST_CHIP_LINE)
        return math.ceil(text + self.chrome(warning=True) + 2 * CHIP_MARGIN + 1)


class Ink:
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


def rect_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path


def draw_centred(
    painter: QPainter, box: QRectF, text: str, font: QFont, metrics: QFontMetricsF
) -> None:
    """Draw one line of text centred in box, placing its baseline from the font's metrics."""
    painter.setFont(font)
    left = box.center().x() - metrics.horizontalAdvance(text) / 2
    baseline = box.center().y() + (metrics.ascent() - metrics.descent()) / 2
    painter.drawText(QPointF(left, baseline), text)


def paint_markers(
    painter: QPainter,
    area: QRectF,
    sessions: tuple[SessionMark, ...],
    ink: Ink,
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
            paint_marker(painter, box, shown[index], ink.text)
        else:
            painter.setPen(ink.text)
            wide = box.adjusted(-gap, -gap / 2, gap * 2, gap / 2)
            draw_centred(painter, wide, f"+{overflow}", ink.small, ink.small_metrics)


def paint_marker(painter: QPainter, box: QRectF, mark: SessionMark, text_colour: QColor) -> None:
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


def paint_badge(painter: QPainter, cell: QRectF, ink: Ink) -> None:
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
    draw_centred(painter, text_box, "!", ink.badge, ink.badge_metrics)
