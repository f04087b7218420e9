"""Drawing the week view (header, clock, zones, blocks, totals) and its keyboard neighbours."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.ui.chip_legend import zone_brush, zone_tile_brush
from desktop.ui.session_chips import ChipData, ChipPainter

if TYPE_CHECKING:
    from desktop.ui.week_geometry import WeekGeometry
    from desktop.ui.week_view import WeekView

TOTAL_SEPARATOR = " \u00b7 "  # between the parts of a day's total ("5.5/5.5 km · 3 sets")
TOTAL_LINES = 2  # a day's total takes up to two lines under its column
TOTAL_LINE_STEP = 0.8  # the second line's offset, in chip heights (they sit close)


def _fitted(ink: ChipPainter, forms: Sequence[str], width: float) -> str:
    """The first of `forms` that fits `width`, else the last one cut with "…"."""
    for form in forms:
        if ink.metrics.horizontalAdvance(form) <= width:
            return form
    return ink.metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, width)


def paint_week(view: WeekView, painter: QPainter, geometry: WeekGeometry, ink: ChipPainter) -> None:
    """The whole week view at its current size and scroll."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(view.rect(), ink.base)
    _paint_header(painter, geometry, ink)
    painter.save()
    painter.setClipRect(geometry.grid)
    _paint_clock(painter, geometry, ink)
    # On whole pixels and without antialiasing (a hatch has no edges to smooth), from a
    # pre-drawn tile where a device pixel is a pixel: the zones are the largest fills here.
    tiled = painter.device().devicePixelRatioF() == 1.0
    blocks = [
        shown
        for chip in view.chips()
        for shown in geometry.shown_rects(
            geometry.span_rect(chip.start, chip.end, *view.lane_of(chip.session_id))
        )
    ]
    for zone, rect in view.zone_rects():
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        brush = zone_tile_brush(zone.key) if tiled else zone_brush(zone.key)
        painter.fillRect(rect.toAlignedRect(), brush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # The label goes under any block drawn over the zone's top, or not at all.
        top = max(
            [rect.top(), *(b.bottom() for b in blocks if b.intersects(_label_band(rect, ink)))]
        )
        if rect.bottom() - top >= ink.line * 1.2:
            text = _fitted(ink, (zone.label, zone.short_label), rect.width() - 8)
            # A base-coloured backing keeps the words legible over any hatching, dark or light.
            backing = QRectF(
                rect.left() + 1, top + 1, ink.metrics.horizontalAdvance(text) + 4, ink.line
            )
            painter.save()
            painter.setOpacity(0.8)
            painter.fillRect(backing, ink.base)
            painter.restore()
            painter.setPen(ink.muted)
            painter.setFont(ink.font)
            painter.drawText(QPointF(rect.left() + 3, top + ink.metrics.ascent() + 1), text)
    selected = view.selected_session()
    dragged = view.dragged()
    for chip in view.chips():
        lane, count = view.lane_of(chip.session_id)
        rects = geometry.shown_rects(geometry.span_rect(chip.start, chip.end, lane, count))
        if dragged is not None and dragged[0].session_id == chip.session_id:
            # Where it was: an empty outline; the one image with words is the dragged block.
            for rect in rects:
                ink.paint_placeholder(painter, rect)
            continue
        for rect in rects:
            ink.paint_block(painter, rect, chip, selected=chip.session_id == selected)
        if rects:
            _paint_handle(painter, geometry.handle_rect(rects[-1]), ink)
    if dragged is not None:
        ghost, warns = dragged
        ghost_chip = ghost if ghost.warning == warns else _with_warning(ghost, warns)
        rects = geometry.shown_rects(geometry.span_rect(ghost.start, ghost.end))
        for rect in rects:
            ink.paint_block(painter, rect, ghost_chip, selected=True)
        if rects:
            _paint_handle(painter, geometry.handle_rect(rects[-1]), ink)
            _paint_time_label(painter, rects[0], ghost, ink)
    painter.restore()
    _paint_totals(view, painter, geometry, ink)


def _label_band(zone: QRectF, ink: ChipPainter) -> QRectF:
    """Where a zone's label would go: one line at the top of its rectangle."""
    return QRectF(zone.left(), zone.top(), zone.width(), ink.line + 2)


def _paint_handle(painter: QPainter, handle: QRectF, ink: ChipPainter) -> None:
    """A block's resize grip: two short lines across the middle of its lower strip."""
    width = min(handle.width() * 0.4, ink.line * 1.6)
    left = handle.center().x() - width / 2
    painter.save()
    painter.setPen(QPen(ink.muted, max(1.0, ink.pen_width)))
    for share in (0.35, 0.75):
        y = handle.top() + handle.height() * share
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
    painter.restore()


def _with_warning(chip: ChipData, warns: bool) -> ChipData:
    from dataclasses import replace

    return replace(chip, warning=warns)


def _paint_header(painter: QPainter, geometry: WeekGeometry, ink: ChipPainter) -> None:
    today = date.today()
    for index in range(7):
        day = geometry.monday + timedelta(days=index)
        box = QRectF(geometry.column_left(index), 0, geometry.column_width, geometry.grid.top())
        font = ink.bold if day == today else ink.font
        painter.setFont(font)
        painter.setPen(ink.text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{day:%a %d}")
    painter.setPen(QPen(ink.muted, 1))
    painter.drawLine(
        QPointF(geometry.grid.left(), geometry.grid.top()),
        QPointF(geometry.grid.right(), geometry.grid.top()),
    )


def _paint_clock(painter: QPainter, geometry: WeekGeometry, ink: ChipPainter) -> None:
    grid = geometry.grid
    faint = QColor(ink.muted)
    faint.setAlphaF(0.35)
    painter.setFont(ink.font)
    for hour in range(25):
        y = geometry.y_of(hour * 60)
        if y < grid.top() - ink.line or y > grid.bottom() + ink.line:
            continue
        painter.setPen(QPen(faint, 1))
        painter.drawLine(QPointF(grid.left() + geometry.gutter, y), QPointF(grid.right(), y))
        if hour < 24:
            painter.setPen(ink.muted)
            painter.drawText(
                QPointF(grid.left() + ink.pad * 2, y + ink.metrics.ascent()), f"{hour:02d}:00"
            )
    for index in range(8):
        x = geometry.column_left(index)
        painter.setPen(QPen(faint, 1))
        painter.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()))


def _paint_time_label(painter: QPainter, rect: QRectF, ghost: ChipData, ink: ChipPainter) -> None:
    label = f"{ghost.start:%a %H:%M}\u2013{ghost.end:%H:%M}"
    width = ink.bold_metrics.horizontalAdvance(label) + ink.pad * 4
    box = QRectF(rect.left(), rect.top() - ink.chip_height, width, ink.chip_height)
    painter.setPen(QPen(ink.highlight, 1))
    painter.setBrush(ink.base)
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(ink.text)
    painter.setFont(ink.bold)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


def _paint_totals(
    view: WeekView, painter: QPainter, geometry: WeekGeometry, ink: ChipPainter
) -> None:
    top = geometry.grid.bottom()
    height = ink.chip_height
    painter.setPen(QPen(ink.muted, 1))
    painter.drawLine(QPointF(geometry.grid.left(), top), QPointF(geometry.grid.right(), top))
    painter.setFont(ink.font)
    painter.setPen(ink.text)
    totals = view.day_totals()
    for index in range(7):
        day = geometry.monday + timedelta(days=index)
        text = totals.get(day, "")
        if not text:
            continue
        box = QRectF(geometry.column_left(index), top, geometry.column_width, height)
        room = box.width() - ink.pad * 2
        if ink.metrics.horizontalAdvance(text) <= room:
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            continue
        # Too wide for one line: each part on its own line (the tooltip has the whole text).
        for line, part in enumerate(text.split(TOTAL_SEPARATOR)[:2]):
            line_box = box.translated(0, line * height * TOTAL_LINE_STEP)
            elided = ink.metrics.elidedText(part, Qt.TextElideMode.ElideRight, room)
            painter.drawText(line_box, Qt.AlignmentFlag.AlignCenter, elided)
    if view.week_total():
        painter.setFont(ink.bold)
        box = QRectF(
            geometry.grid.left() + ink.pad * 2,
            top + height * TOTAL_LINES,
            geometry.grid.width(),
            height,
        )
        text = ink.bold_metrics.elidedText(
            f"Week: {view.week_total()}", Qt.TextElideMode.ElideRight, box.width() - ink.pad * 4
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def neighbour(chips: Sequence[ChipData], current: ChipData | None, key: Qt.Key) -> ChipData | None:
    """The block an arrow key selects: Up/Down the previous/next session in time,
    Left/Right the session nearest in time of day on the previous/next day with any."""
    if not chips:
        return None
    if current is None:
        return chips[0]
    index = next((i for i, c in enumerate(chips) if c.session_id == current.session_id), 0)
    if key == Qt.Key.Key_Up:
        return chips[max(0, index - 1)]
    if key == Qt.Key.Key_Down:
        return chips[min(len(chips) - 1, index + 1)]
    forward = key == Qt.Key.Key_Right
    days = sorted(
        {c.day for c in chips if (c.day > current.day if forward else c.day < current.day)}
    )
    if not days:
        return current
    target_day = days[0] if forward else days[-1]
    minute = current.start.hour * 60 + current.start.minute

    def distance(chip: ChipData) -> int:
        return abs(chip.start.hour * 60 + chip.start.minute - minute)

    return min((c for c in chips if c.day == target_day), key=distance)


def tooltip_at(view: WeekView, pos: QPointF) -> str:
    """A block's whole line and warnings, else the zone under the point, else nothing."""
    chip = view.block_at(pos)
    if chip is not None:
        return chip.full_tooltip()
    in_grid = view.geometry_now().grid.contains(pos)  # zones are clipped to the clock
    zones = [zone.label for zone, rect in view.zone_rects() if in_grid and rect.contains(pos)]
    if zones:
        return f"After the deadlift: {zones[-1]}"
    return view.total_at(pos)
