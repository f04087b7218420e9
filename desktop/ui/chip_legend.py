"""A legend drawn with the same painter as the chips: every mark next to its words.

Shapes and marks carry the meaning (square, circle, outline, filled, crossed, "≠", "!"),
so the legend explains them without relying on colour. The week view adds its zones'
hatchings to it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.session_chips import DEADLIFT, RUN, ChipPainter, ChipState


@dataclass(frozen=True)
class LegendEntry:
    """One legend item: what to draw (a glyph, a mark or a hatching) and its words."""

    words: str
    kind: str = ""  # DEADLIFT / RUN: a glyph in `state`
    state: ChipState = ChipState.PLANNED
    mark: str = ""  # "warning", "different" or "zone"
    brush: QBrush | None = None  # a zone's hatching


CHIP_ENTRIES: tuple[LegendEntry, ...] = (
    LegendEntry("deadlift", kind=DEADLIFT, state=ChipState.DONE),
    LegendEntry("run", kind=RUN, state=ChipState.DONE),
    LegendEntry("outline: planned", kind=RUN, state=ChipState.PLANNED),
    LegendEntry("filled: done", kind=DEADLIFT, state=ChipState.DONE),
    LegendEntry("crossed out: missed", kind=RUN, state=ChipState.MISSED),
    LegendEntry("done, not as planned", mark="different"),
    LegendEntry("advice warns", mark="warning"),
)


class ChipLegend(QWidget):
    """A row (wrapping as needed) of legend entries painted with the chip painter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipLegend")
        self.setAccessibleName("Legend")
        self._entries: tuple[LegendEntry, ...] = CHIP_ENTRIES
        self._painter: ChipPainter | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._update_text()

    def set_extra_entries(self, extra: Sequence[LegendEntry]) -> None:
        """Show these entries after the chip marks (the week view's zones)."""
        self._entries = (*CHIP_ENTRIES, *extra)
        self._update_text()
        self.updateGeometry()
        self.update()

    def entries(self) -> tuple[LegendEntry, ...]:
        """What the legend shows, in order."""
        return self._entries

    def _update_text(self) -> None:
        words = "; ".join(entry.words for entry in self._entries)
        self.setAccessibleDescription(words)
        self.setToolTip(words)

    def _chip_painter(self) -> ChipPainter:
        if self._painter is None:
            self._painter = ChipPainter(self.palette(), self.font())
        return self._painter

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Follow palette and font changes."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._painter = None
        super().changeEvent(event)

    def _layout(self, width: float) -> list[tuple[LegendEntry, QRectF, QRectF]]:
        chip_painter = self._chip_painter()
        line = chip_painter.chip_height
        mark = chip_painter.line
        x, y = 0.0, 0.0
        placed = []
        for entry in self._entries:
            text_width = chip_painter.metrics.horizontalAdvance(entry.words)
            width_needed = mark + chip_painter.pad * 2 + text_width
            if x > 0 and x + width_needed > width:
                x, y = 0.0, y + line
            mark_box = QRectF(x, y + (line - mark) / 2, mark, mark)
            text_box = QRectF(x + mark + chip_painter.pad * 2, y, text_width + 2, line)
            placed.append((entry, mark_box, text_box))
            x += width_needed + chip_painter.line
        return placed

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        """The legend wraps, so its height depends on its width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """Enough rows for every entry at this width."""
        placed = self._layout(width)
        bottom = max((text.bottom() for _, _, text in placed), default=0.0)
        return int(bottom + 2)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One row if it fits the current width."""
        return QSize(max(200, self.width()), self.heightForWidth(max(200, self.width())))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Each entry: its mark, then its words."""
        del event
        chip_painter = self._chip_painter()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for entry, mark_box, text_box in self._layout(self.width()):
                glyph = mark_box.adjusted(
                    mark_box.width() * 0.15,
                    mark_box.height() * 0.15,
                    -mark_box.width() * 0.15,
                    -mark_box.height() * 0.15,
                )
                if entry.kind:
                    chip_painter.paint_glyph(painter, glyph, entry.kind, entry.state)
                elif entry.mark == "warning":
                    chip_painter.paint_warning(painter, mark_box)
                elif entry.mark == "different":
                    chip_painter.paint_different(painter, mark_box)
                elif entry.brush is not None:
                    painter.setPen(QPen(chip_painter.muted, 1))
                    painter.setBrush(entry.brush)
                    painter.drawRect(mark_box)
                painter.setPen(chip_painter.text)
                painter.setFont(chip_painter.font)
                metrics = chip_painter.metrics
                baseline = text_box.center().y() + (metrics.ascent() - metrics.descent()) / 2
                painter.drawText(QPointF(text_box.left(), baseline), entry.words)
        finally:
            painter.end()


ZONE_COLOURS = {"immediately_after": "#f0a020", "same_day_later": "#2f86dd", "next_day": "#888888"}
ZONE_PATTERNS = {
    "immediately_after": Qt.BrushStyle.Dense4Pattern,
    "same_day_later": Qt.BrushStyle.BDiagPattern,
    "next_day": Qt.BrushStyle.Dense6Pattern,
}


def zone_brush(key: str) -> QBrush:
    """The hatching of a zone: a different pattern per zone, so colour is not needed."""
    colour = QColor(ZONE_COLOURS.get(key, "#888888"))
    return QBrush(colour, ZONE_PATTERNS.get(key, Qt.BrushStyle.Dense7Pattern))


# A zone's hatching drawn once on a tile of whole 8-pixel patterns: Qt fills a pattern brush
# pixel by pixel, a texture by copying rows, about three times faster over a week's zones.
ZONE_TILE_PX = 64


@functools.cache
def zone_tile_brush(key: str) -> QBrush:
    """`zone_brush(key)` as a texture: the same pixels on a 1x device, filled faster."""
    tile = QPixmap(ZONE_TILE_PX, ZONE_TILE_PX)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    try:
        painter.fillRect(tile.rect(), zone_brush(key))
    finally:
        painter.end()
    return QBrush(tile)


def zone_entries() -> list[LegendEntry]:
    """The week view's zone hatchings, each with its words."""
    words = {
        "immediately_after": "zone: right after the deadlift",
        "same_day_later": "zone: later the same day",
        "next_day": "zone: the next day",
    }
    return [LegendEntry(text, mark="zone", brush=zone_brush(key)) for key, text in words.items()]
