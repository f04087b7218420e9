"""The week view: seven day columns on a clock, sessions as blocks, the zones after lifts.

Everything shown is given from outside (chips, zones, totals); the view only draws it and
turns the mouse and keys into signals. Blocks use the chips' painter. Dragging a block
moves it (snapping to 15 minutes, 5 with Shift; Ctrl, Option on macOS, copies) with a live
preview of the would-be warnings from an injected callable, wherever in the block it was
pressed; only the visible handle along its lower edge changes its duration. A short block is
drawn (and grabbed) at least one line plus its handle tall. `move_session` and
`resize_session` are what the mouse calls, so tests and keys use the same path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QToolTip, QWidget

from desktop.advice.weeks import MONDAY, start_of_week
from desktop.ui.chip_legend import ChipLegend, zone_entries
from desktop.ui.month_cells import wants_copy
from desktop.ui.session_chips import ChipData, ChipPainter, in_time_order
from desktop.ui.week_drag import BlockDrag, MovePreview, ResizePreview, moved, resized
from desktop.ui.week_geometry import (
    DAYS,
    FINE_SNAP_MIN,
    SNAP_MIN,
    ShadedZone,
    WeekGeometry,
    ZoneLike,
    content_region,
    lanes,
    shaded_zones,
)

FIRST_HOUR, LAST_HOUR = 6, 23
HANDLE_LINES = 0.45  # a block's resize handle, in chip lines (never under HANDLE_MIN pixels)
HANDLE_MIN = 5.0


class WeekView(QWidget):
    """Seven columns from the first day of the week, on a 24-hour axis showing 06:00-23:00 first."""

    session_moved = Signal(int, datetime, bool)
    """A block was dropped at a new start: (session id, start, copy)."""
    session_resized = Signal(int, int)
    """A block's lower edge was dragged: (session id, new duration in minutes)."""
    session_selected = Signal(int)
    edit_requested = Signal(int)
    """Enter or a double-click on a block."""
    new_run_requested = Signal(datetime)
    """A double-click on an empty slot: a run starting there."""
    drag_finished = Signal()
    """A block drag ended with nothing changed (dropped in place, or Esc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setAccessibleName("Week")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._first_weekday = MONDAY
        self._monday = start_of_week(date.today())
        self._chips: list[ChipData] = []
        self._lanes: dict[int, tuple[int, int]] = {}
        self._zones: list[ShadedZone] = []
        self._day_totals: dict[date, str] = {}
        self._week_total = ""
        self._selected: int | None = None
        self._drag: BlockDrag | None = None
        self._preview: MovePreview | None = None
        self._resize_preview: ResizePreview | None = None
        self._painter: ChipPainter | None = None
        self._scrolled = False
        self._scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._legend = ChipLegend(self)
        self._legend.set_extra_entries(zone_entries())
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._scrollbar.valueChanged.connect(self._on_scrolled)

    # -- data ------------------------------------------------------------------------------

    def set_first_weekday(self, weekday: int) -> None:
        """Start weeks on `weekday` (Monday 0 ... Sunday 6): the first column's day."""
        self._first_weekday = weekday
        self.set_week(self._monday)

    def first_weekday(self) -> int:
        """The weekday of the first column (Monday 0 ... Sunday 6)."""
        return self._first_weekday

    def set_week(self, monday: date) -> None:
        """Show the week holding this day (it starts on the first weekday set)."""
        wanted = start_of_week(monday, self._first_weekday)
        if wanted != self._monday:
            self._monday = wanted
            self._drag = None
        self._update_content()

    def week(self) -> date:
        """The first day of the week shown (a Monday unless weeks start on another day)."""
        return self._monday

    def set_chips(self, chips: Iterable[ChipData]) -> None:
        """The sessions to show as blocks (any outside the week are ignored)."""
        self._chips = in_time_order(chips)
        self._lanes = lanes(self._chips)
        if self._selected is not None and self._selected not in self._lanes:
            self._selected = None
        self._update_content()

    def set_zones(self, zones: Iterable[ZoneLike | tuple[object, datetime, datetime]]) -> None:
        """Shade these zones: engine `Zone`s or (label or context, start, end) tuples."""
        self._zones = shaded_zones(zones)
        self._update_content()

    def zones(self) -> list[ShadedZone]:
        """The zones shaded now."""
        return list(self._zones)

    def set_totals(self, day_totals: Mapping[date, str], week_total: str) -> None:
        """Text under each column and for the whole week (already worded)."""
        self._day_totals = dict(day_totals)
        self._week_total = week_total
        self._update_content()

    def set_move_preview(self, preview: MovePreview | None) -> None:
        """What a block dragged to a new start asks: (id, start, copy) -> warning texts."""
        self._preview = preview

    def set_resize_preview(self, preview: ResizePreview | None) -> None:
        """What a lower edge dragged asks: (id, minutes) -> warning texts."""
        self._resize_preview = preview

    def selected_session(self) -> int | None:
        """The id of the selected block, if any."""
        return self._selected

    def select_session(self, session_id: int | None) -> None:
        """Select a block (None: none) and scroll it into view."""
        self._selected = session_id
        chip = self._chip(session_id)
        if chip is not None:
            self.session_selected.emit(chip.session_id)
            self._scroll_to(chip.start)
        self._update_content()

    # -- the code path of mouse, keys and tests -----------------------------------------------

    def move_session(self, session_id: int, start: datetime, copy: bool = False) -> None:
        """Move (or copy) a session to a new start: what a block drop calls."""
        self._drag = None
        self.session_moved.emit(session_id, start, copy)
        self._update_content()

    def resize_session(self, session_id: int, duration_min: int) -> None:
        """Give a session a new duration: what dragging a lower edge calls."""
        self._drag = None
        self.session_resized.emit(session_id, duration_min)
        self._update_content()

    def drag_warnings(self) -> tuple[str, ...]:
        """The would-be warnings of the block being dragged (empty when none)."""
        return self._drag.warnings if self._drag is not None else ()

    def cancel_drag(self) -> None:
        """Forget a block drag in progress (Esc)."""
        self._drag = None
        QToolTip.hideText()
        self.drag_finished.emit()
        self._update_content()

    # -- geometry (public for tests and tooltips) -------------------------------------------

    def geometry_now(self) -> WeekGeometry:
        """The grid as laid out at the widget's current size and scroll."""
        chip_painter = self._chip_painter()
        header = chip_painter.line * 1.6
        footer = chip_painter.chip_height * 3 + self._legend.height()  # day totals, week
        gutter = QFontMetricsF(self.font()).horizontalAdvance("00:00") + chip_painter.pad * 4
        width = self.width() - self._scrollbar.sizeHint().width()
        grid = QRectF(0, header, width, max(1.0, self.height() - header - footer))
        hour = max(chip_painter.line * 1.5, grid.height() / (LAST_HOUR - FIRST_HOUR))
        handle = max(HANDLE_MIN, chip_painter.line * HANDLE_LINES)
        return WeekGeometry(
            self._monday,
            grid,
            gutter,
            hour,
            float(self._scrollbar.value()),
            handle=handle,
            block_min=chip_painter.chip_height + handle,
        )

    def block_rects(self, session_id: int) -> list[QRectF]:
        """Where a session's block is drawn (one rectangle per day it spans)."""
        chip = self._chip(session_id)
        if chip is None:
            return []
        lane, count = self._lanes.get(session_id, (0, 1))
        return self.geometry_now().span_rect(chip.start, chip.end, lane, count)

    def shown_block_rects(self, session_id: int) -> list[QRectF]:
        """A session's block as drawn and grabbed: at least a line and its handle tall."""
        return self.geometry_now().shown_rects(self.block_rects(session_id))

    def handle_rect(self, session_id: int) -> QRectF | None:
        """The resize handle along a block's lower edge, None for a session not shown."""
        shown = self.shown_block_rects(session_id)
        return self.geometry_now().handle_rect(shown[-1]) if shown else None

    def total_at(self, pos: QPointF) -> str:
        """The whole total under a point of the totals row ("" elsewhere): its tooltip."""
        geometry = self.geometry_now()
        rows = self._chip_painter().chip_height * 2
        if not geometry.grid.bottom() <= pos.y() <= geometry.grid.bottom() + rows:
            return ""
        column = geometry.column_of(pos.x())
        if column is None:
            return ""
        return self._day_totals.get(self._monday + timedelta(days=column), "")

    def zone_rects(self) -> list[tuple[ShadedZone, QRectF]]:
        """Each zone's shaded rectangles (one per day column it covers)."""
        geometry = self.geometry_now()
        return [(z, rect) for z in self._zones for rect in geometry.span_rect(z.start, z.end)]

    def block_at(self, pos: QPointF) -> ChipData | None:
        """The block under a point, if any (the latest drawn wins)."""
        for chip in reversed(self._chips):
            if any(rect.contains(pos) for rect in self.shown_block_rects(chip.session_id)):
                return chip
        return None

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Header, hour lines, zones, blocks, a dragged block's ghost, then totals."""
        del event
        from desktop.ui.week_painting import paint_week

        painter = QPainter(self)
        try:
            paint_week(self, painter, self.geometry_now(), self._chip_painter())
        finally:
            painter.end()

    def chips(self) -> list[ChipData]:
        """The blocks shown, in time order."""
        return list(self._chips)

    def lane_of(self, session_id: int) -> tuple[int, int]:
        """A block's lane and the lanes in its overlapping group."""
        return self._lanes.get(session_id, (0, 1))

    def day_totals(self) -> dict[date, str]:
        """The text under each column."""
        return dict(self._day_totals)

    def week_total(self) -> str:
        """The week's total text."""
        return self._week_total

    def dragged(self) -> tuple[ChipData, bool] | None:
        """The ghost of a block being dragged (the chip as it would be) and whether it warns."""
        drag = self._drag
        if drag is None:
            return None
        ghost = replace(drag.chip, start=drag.start, duration_min=drag.duration_min)
        return ghost, bool(drag.warnings)

    def _chip_painter(self) -> ChipPainter:
        if self._painter is None:
            self._painter = ChipPainter(self.palette(), self.font())
        return self._painter

    def _update_content(self) -> None:
        children = (self._scrollbar, self._legend)
        fixed = [child.geometry() for child in children if not child.isHidden()]
        self.update(content_region(self.rect(), fixed))

    def _chip(self, session_id: int | None) -> ChipData | None:
        return next((c for c in self._chips if c.session_id == session_id), None)

    # -- layout and scrolling ---------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Follow palette and font changes."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._painter = None
            self._layout_children()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Place the scroll bar and the legend; keep the clock in view."""
        super().resizeEvent(event)
        self._layout_children()

    def _layout_children(self) -> None:
        legend_height = self._legend.heightForWidth(self.width())
        self._legend.setGeometry(0, self.height() - legend_height, self.width(), legend_height)
        geometry = self.geometry_now()
        bar = self._scrollbar.sizeHint().width()
        self._scrollbar.setGeometry(
            int(geometry.grid.right()), int(geometry.grid.top()), bar, int(geometry.grid.height())
        )
        self._scrollbar.setRange(0, max(0, int(geometry.content_height - geometry.grid.height())))
        self._scrollbar.setPageStep(int(geometry.grid.height()))
        self._scrollbar.setSingleStep(int(geometry.hour_height / 4) or 1)
        if not self._scrolled:
            self._scrollbar.setValue(int(geometry.hour_height * FIRST_HOUR))

    def _on_scrolled(self, value: int) -> None:
        del value
        self._update_content()

    def _scroll_to(self, moment: datetime) -> None:
        geometry = self.geometry_now()
        minute = moment.hour * 60 + moment.minute
        y = geometry.y_of(minute)
        if not geometry.grid.top() <= y <= geometry.grid.bottom() - geometry.hour_height:
            self._scrolled = True
            self._scrollbar.setValue(int(minute * geometry.hour_height / 60 - geometry.hour_height))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Scroll the clock."""
        self._scrolled = True
        self._scrollbar.setValue(self._scrollbar.value() - event.angleDelta().y() // 2)

    # -- mouse and keys -----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Select a block and start dragging it: moving it, or resizing it from its handle."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus()
        pos = event.position()
        chip = self.block_at(pos)
        if chip is None:
            return
        handle = self.handle_rect(chip.session_id)
        resize = handle is not None and handle.contains(pos)
        self._drag = BlockDrag(chip, pos, resize, chip.start, chip.duration_min)
        self.select_session(chip.session_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Move the dragged block's ghost, snapping, and ask for its would-be warnings."""
        drag = self._drag
        if drag is None or not event.buttons() & Qt.MouseButton.LeftButton:
            self._show_grab_cursor(event.position())
            return
        fine = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = FINE_SNAP_MIN if fine else SNAP_MIN
        geometry = self.geometry_now()
        pos = event.position()
        if drag.resize:
            duration = geometry.resized(drag.chip.duration_min, drag.origin, pos, step)
            self._update_resize(duration)
        else:
            start = geometry.moved(drag.chip.start, drag.origin, pos, step)
            self._update_move(start, wants_copy(event))
        self._update_content()

    def _show_grab_cursor(self, pos: QPointF) -> None:
        """Over a handle a resize cursor, over a block an open hand, else the arrow."""
        chip = self.block_at(pos)
        if chip is None:
            self.unsetCursor()
            return
        handle = self.handle_rect(chip.session_id)
        on_handle = handle is not None and handle.contains(pos)
        self.setCursor(Qt.CursorShape.SizeVerCursor if on_handle else Qt.CursorShape.OpenHandCursor)

    def _update_move(self, start: datetime, copy: bool) -> None:
        assert self._drag is not None
        before = self._drag
        self._drag = moved(before, start, copy, self._preview)
        if self._drag is before:
            return
        if self._drag.warnings:
            text = "\n".join(self._drag.warnings)
            QToolTip.showText(self.mapToGlobal(self._drag.origin.toPoint()), text, self)
        else:
            QToolTip.hideText()

    def _update_resize(self, duration: int) -> None:
        assert self._drag is not None
        self._drag = resized(self._drag, duration, self._resize_preview)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Drop the dragged block: one move (or copy) or one resize, if anything changed."""
        drag = self._drag
        self._drag = None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        QToolTip.hideText()
        if drag.resize and drag.duration_min != drag.chip.duration_min:
            self.resize_session(drag.chip.session_id, drag.duration_min)
        elif not drag.resize and (drag.start != drag.chip.start or drag.copy):
            self.move_session(drag.chip.session_id, drag.start, wants_copy(event) or drag.copy)
        elif drag.previewed:
            self.drag_finished.emit()
        self._update_content()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """On a block: edit it; on an empty slot: a new run starting there."""
        pos = event.position()
        chip = self.block_at(pos)
        if chip is not None:
            self.edit_requested.emit(chip.session_id)
            return
        moment = self.geometry_now().time_at(pos)
        if moment is not None:
            self.new_run_requested.emit(moment)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Arrows move the selection, Enter edits it, Esc cancels a drag."""
        from desktop.ui.week_painting import neighbour

        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self.cancel_drag()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.edit_requested.emit(self._selected)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            target = neighbour(self._chips, self._chip(self._selected), Qt.Key(key))
            if target is not None:
                self.select_session(target.session_id)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tooltips: a block's whole line and warnings, or the zone under the cursor."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            from desktop.ui.week_painting import tooltip_at

            text = tooltip_at(self, QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


__all__ = ["DAYS", "MovePreview", "ResizePreview", "WeekView"]
