"""One painter for a session wherever it is drawn: month chips, week blocks, the legend.

`ChipData` is the plain view-model the planner fills in (what to show, already worded);
`ChipPainter` draws it. Marks never rely on colour alone: the kind is a shape (square for
a deadlift, circle for a run), planned is an outline and done a filled shape, missed is a
hollow shape crossed out with struck-through text, done differently is a filled shape with
a "≠", and a warning is a "!" in an amber disc. Colours come from the palette (text, base,
highlight), so a dark palette works, and sizes from the system font, so scaling works.

A chip too narrow for its whole line drops its less important words first (`chip_variants`):
"18:00 5x5 140 kg" becomes "18:00 140 kg", "18:45 Intervals 3 km" becomes "18:45 Int 3 km"
and then "18:45 3 km"; only then is the text cut with "…". A week-view block, whose place
on the clock tells its time, drops the time first ("Long 16 km"). The tooltip keeps the
whole line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
)

from desktop.ui.accents import RUN_ACCENT, WARNING_ACCENT, WARNING_INK
from desktop.ui.calendar_ink import ChipBox, chip_font

DEADLIFT = "deadlift"
RUN = "run"
DIFFERENT_MARK = "\u2260"  # ≠
WARNING_MARK = "!"
DONE_TINT = 0.22  # a done chip's fill: its kind colour at this share over the base

_TIME = re.compile(r"\d{1,2}:\d{2}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Words a narrow chip may shorten before it drops them (the tooltip keeps the whole word).
_SHORT_WORDS = {"Intervals": "Int"}


class ChipState(StrEnum):
    """Planned against done, as drawn (the values match the engine's `Compliance`)."""

    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    DIFFERENT = "different"


STATE_TEXT = {
    ChipState.PLANNED: "planned",
    ChipState.DONE: "done",
    ChipState.MISSED: "missed",
    ChipState.DIFFERENT: "done, not as planned",
}


@dataclass(frozen=True)
class ChipData:
    """One session as a chip: its id, kind ("deadlift"/"run"), time and worded text."""

    session_id: int
    kind: str
    start: datetime
    duration_min: int
    text: str
    tooltip: str = ""
    state: ChipState = ChipState.PLANNED
    warning: bool = False

    @property
    def end(self) -> datetime:
        """When the session finishes."""
        return self.start + timedelta(minutes=self.duration_min)

    @property
    def day(self) -> date:
        """The day the session starts on."""
        return self.start.date()

    def full_tooltip(self) -> str:
        """The tooltip shown on the chip: the whole line, its state and its warnings."""
        body = self.tooltip or self.text
        return f"{body}\n({STATE_TEXT[self.state]})"


def _mix(colour: QColor, over: QColor, share: float) -> QColor:
    """`colour` laid at `share` opacity over `over`, as an opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * share + over.redF() * (1 - share),
        colour.greenF() * share + over.greenF() * (1 - share),
        colour.blueF() * share + over.blueF() * (1 - share),
    )


class ChipPainter:
    """Draws chips, blocks, the "+N more" line and legend glyphs for one palette and font."""

    def __init__(self, palette: QPalette, font: QFont) -> None:
        self.text = palette.color(QPalette.ColorRole.Text)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.muted = _mix(self.text, self.base, 0.6)
        self.box = ChipBox(font)
        self.font = chip_font(font)
        self.struck = QFont(self.font)
        self.struck.setStrikeOut(True)
        self.bold = QFont(self.font)
        self.bold.setBold(True)
        self.metrics = self.box.metrics
        self.bold_metrics = QFontMetricsF(self.bold)
        self.line = self.box.line
        self.pad = self.box.pad
        self.chip_height = self.line + 2 * self.pad
        self.pen_width = max(1.0, self.line / 14)
        self._elided: dict[tuple[str, int], str] = {}
        self._fitted: dict[tuple[str, bool, float], str] = {}

    # -- colours ---------------------------------------------------------------

    def kind_colour(self, kind: str) -> QColor:
        """Runs in the run accent, deadlifts in the palette's text colour."""
        return RUN_ACCENT if kind == RUN else self.text

    def fill_colour(self, chip: ChipData) -> QColor:
        """The chip's background: the base when planned or missed, tinted when done."""
        if chip.state in (ChipState.DONE, ChipState.DIFFERENT):
            return _mix(self.kind_colour(chip.kind), self.base, DONE_TINT)
        return self.base

    # -- whole chips -------------------------------------------------------------

    def paint_chip(
        self, painter: QPainter, rect: QRectF, chip: ChipData, *, ghost: bool = False
    ) -> None:
        """One line: glyph, optional "≠", elided text, optional "!"; a ghost is dashed."""
        painter.save()
        if ghost:
            painter.setOpacity(0.7)
        self._paint_frame(painter, rect, chip, ghost=ghost)
        self._paint_line(painter, rect, chip)
        painter.restore()

    def paint_block(
        self,
        painter: QPainter,
        rect: QRectF,
        chip: ChipData,
        *,
        ghost: bool = False,
        selected: bool = False,
    ) -> None:
        """A week-view block: the chip's line at the top, the time span under it if room."""
        painter.save()
        if ghost:
            painter.setOpacity(0.7)
        self._paint_frame(painter, rect, chip, ghost=ghost)
        if selected:
            pen = QPen(self.highlight, self.pen_width * 2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = pen.widthF() / 2
            painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), 3, 3)
        top_line = QRectF(
            rect.left(), rect.top(), rect.width(), min(rect.height(), self.chip_height)
        )
        self._paint_line(painter, top_line, chip, block=True)
        if rect.height() >= self.chip_height + self.line:
            span = f"{chip.start:%H:%M}\u2013{chip.end:%H:%M}"
            painter.setPen(self.muted if chip.state is ChipState.MISSED else self.text)
            painter.setFont(self.font)
            box = QRectF(
                rect.left() + self.pad * 2,
                top_line.bottom(),
                rect.width() - self.pad * 4,
                self.line,
            )
            text = self.metrics.elidedText(span, Qt.TextElideMode.ElideRight, box.width())
            painter.drawText(QPointF(box.left(), box.top() + self.metrics.ascent()), text)
        painter.restore()

    def paint_placeholder(self, painter: QPainter, rect: QRectF) -> None:
        """Where a dragged block was: a dashed outline without words (they move with it)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(self.muted, self.pen_width, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = pen.widthF() / 2
        radius = min(rect.height(), self.chip_height) * 0.22
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
        painter.restore()

    def paint_more(self, painter: QPainter, rect: QRectF, hidden: int) -> None:
        """The "+N more" line for chips that do not fit."""
        painter.save()
        painter.setPen(self.text)
        painter.setFont(self.bold)
        text = self.bold_metrics.elidedText(
            f"+{hidden} more", Qt.TextElideMode.ElideRight, rect.width() - self.pad * 2
        )
        baseline = (
            rect.center().y() + (self.bold_metrics.ascent() - self.bold_metrics.descent()) / 2
        )
        painter.drawText(QPointF(rect.left() + self.pad * 2, baseline), text)
        painter.restore()

    # -- parts (the legend draws these too) ----------------------------------------

    def paint_glyph(self, painter: QPainter, box: QRectF, kind: str, state: ChipState) -> None:
        """The kind's shape: outlined when planned or missed (missed crossed), else filled."""
        colour = self.kind_colour(kind)
        pen = QPen(colour, max(1.0, box.width() * 0.16))
        filled = state in (ChipState.DONE, ChipState.DIFFERENT)
        inset = pen.widthF() / 2
        inner = box.adjusted(inset, inset, -inset, -inset)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(QBrush(colour) if filled else Qt.BrushStyle.NoBrush)
        if kind == RUN:
            painter.drawEllipse(inner)
        else:
            painter.drawRect(inner)
        if state is ChipState.MISSED:
            cross = QPen(self.text, max(1.0, box.width() * 0.14))
            cross.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(cross)
            painter.drawLine(box.topLeft(), box.bottomRight())
            painter.drawLine(box.bottomLeft(), box.topRight())
        painter.restore()

    def paint_warning(self, painter: QPainter, box: QRectF) -> None:
        """An amber disc with a dark "!" (the "!" carries the meaning, not the amber)."""
        painter.save()
        painter.setPen(QPen(WARNING_INK, max(0.8, box.width() / 14)))
        painter.setBrush(WARNING_ACCENT)
        painter.drawEllipse(box)
        painter.setPen(WARNING_INK)
        painter.setFont(self.bold)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, WARNING_MARK)
        painter.restore()

    def paint_different(self, painter: QPainter, box: QRectF) -> None:
        """The "≠" mark of a session done differently from its plan."""
        painter.save()
        painter.setPen(self.text)
        painter.setFont(self.bold)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, DIFFERENT_MARK)
        painter.restore()

    def elide(self, text: str, width: float) -> str:
        """`text` cut with "…" to fit `width` in the chip font (remembered: cells repeat)."""
        key = (text, int(width))
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 4096:
                self._elided.clear()
            found = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
            self._elided[key] = found
        return found

    def fit(self, text: str, width: float, *, block: bool = False) -> str:
        """The longest of `chip_variants(text)` (`block_variants` for a week block) that fits
        `width`, else the shortest cut with "…" (remembered: cells repeat)."""
        key = (text, block, round(width, 2))
        found = self._fitted.get(key)
        if found is None:
            variants = block_variants(text) if block else chip_variants(text)
            found = next((v for v in variants if self.metrics.horizontalAdvance(v) <= width), None)
            if found is None:
                found = self.metrics.elidedText(
                    variants[-1], Qt.TextElideMode.ElideRight, int(width)
                )
            if len(self._fitted) > 4096:
                self._fitted.clear()
            self._fitted[key] = found
        return found

    def glyph_size(self) -> float:
        """The side of a kind glyph inside a chip."""
        return self.box.glyph

    def text_width(self, chip: ChipData, width: float) -> float:
        """The room for a chip's text in a chip `width` wide, after its glyph and marks."""
        mark = (
            self.bold_metrics.horizontalAdvance(DIFFERENT_MARK)
            if chip.state is ChipState.DIFFERENT
            else 0.0
        )
        return width - self.box.chrome(warning=chip.warning, mark_width=mark)

    # -- internals ---------------------------------------------------------------------

    def _paint_frame(self, painter: QPainter, rect: QRectF, chip: ChipData, *, ghost: bool) -> None:
        radius = min(rect.height(), self.chip_height) * 0.22
        if ghost:
            pen = QPen(self.highlight, self.pen_width * 1.5, Qt.PenStyle.DashLine)
        elif chip.state is ChipState.MISSED:
            pen = QPen(self.muted, self.pen_width, Qt.PenStyle.DashLine)
        else:
            pen = QPen(self.kind_colour(chip.kind), self.pen_width)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(self.fill_colour(chip))
        inset = pen.widthF() / 2
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)

    def _paint_line(
        self, painter: QPainter, rect: QRectF, chip: ChipData, *, block: bool = False
    ) -> None:
        """Glyph, "≠", text and "!" along one chip-high line at the top of `rect`."""
        middle = rect.top() + min(rect.height(), self.chip_height) / 2
        size = self.glyph_size()
        x = rect.left() + self.pad * 1.5
        right = rect.right() - self.pad * 1.5
        if x + size <= right:
            self.paint_glyph(
                painter, QRectF(x, middle - size / 2, size, size), chip.kind, chip.state
            )
            x += size + self.pad * 1.5
        if chip.state is ChipState.DIFFERENT:
            mark_width = self.bold_metrics.horizontalAdvance(DIFFERENT_MARK)
            if x + mark_width <= right:
                box = QRectF(x, middle - self.line / 2, mark_width, self.line)
                self.paint_different(painter, box)
                x += mark_width + self.pad
        if chip.warning:
            disc = self.box.disc
            if right - disc >= x:
                self.paint_warning(painter, QRectF(right - disc, middle - disc / 2, disc, disc))
                right -= disc + self.pad
        width = right - x
        if width <= self.metrics.averageCharWidth():
            return
        missed = chip.state is ChipState.MISSED
        painter.setFont(self.struck if missed else self.font)
        painter.setPen(self.muted if missed else self.text)
        text = self.fit(chip.text, width, block=block)
        baseline = middle + (self.metrics.ascent() - self.metrics.descent()) / 2
        painter.drawText(QPointF(x, baseline), text)


def chip_variants(text: str) -> list[str]:
    """A chip's line and its shorter forms, longest first, each keeping the time and the key
    figure (the last "number unit", else the last word): the words between are first
    shortened, then dropped. A line that does not start with a time has no shorter form."""
    words = text.split()
    if len(words) < 3 or not _TIME.fullmatch(words[0]):
        return [text]
    has_unit = _NUMBER.fullmatch(words[-2]) is not None and not _NUMBER.fullmatch(words[-1])
    figure = words[-2:] if has_unit else words[-1:]
    middle = words[1 : len(words) - len(figure)]
    if not middle:
        return [text]
    variants = [text]
    short = [_SHORT_WORDS.get(word, word) for word in middle]
    if short != middle:
        variants.append(" ".join([words[0], *short, *figure]))
    variants.append(" ".join([words[0], *figure]))
    return variants


def block_variants(text: str) -> list[str]:
    """A week-view block's line and its shorter forms: as a chip's, but a block's place on
    the clock already tells its time, so the time goes first ("Long 16 km", then "16 km")."""
    variants = chip_variants(text)
    if len(variants) == 1 and not _TIME.fullmatch(text.split(" ", 1)[0]):
        return variants
    untimed = [v.split(" ", 1)[1] for v in variants if " " in v]
    return [text, *dict.fromkeys(untimed)]


def elided_text(painter: ChipPainter, chip: ChipData, width: float) -> str:
    """The text a chip `width` wide shows (for tests and accessibility)."""
    return painter.fit(chip.text, painter.text_width(chip, width))


def in_time_order(chips: Iterable[ChipData]) -> list[ChipData]:
    """Chips in time order (ties by id), as cells and columns show them."""
    return sorted(chips, key=lambda chip: (chip.start, chip.session_id))
