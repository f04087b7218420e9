"""The month calendar: each day cell shows its sessions (chips or markers) and a warning badge.

The calendar is part of the window's first frame, which must not touch PySide6's `Qt`
namespace: its first use builds all of that namespace's enums at once (about 15 ms). That
includes the overload checks of QPainter.setPen, setBrush and fillRect, whose overloads take
`Qt` enums. So a cell's own parts (background, selection, day number, today's ring) are drawn
with fillPath/strokePath and palette brushes, and text with the painter's pen, which Qt sets
to the palette's text colour; text is centred from font metrics, not with an alignment flag.
Session markers, chips and badges only exist once the window is attached (the namespace is
built by then), so they use the ordinary calls, and the chip painter and drag handling
(`session_chips`, `month_cells`) are imported only when chips are first set.

Chips are drag sources and cells drop targets (mime type in `session_mime`); a drop goes
through `drop_session(session_id, day, copy)`, the same method tests and keyboard moves use.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, QRect, QRectF, QSize, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTableView, QToolButton, QWidget

from desktop.ui.accents import RUN_ACCENT, WARNING_ACCENT, WARNING_INK
from desktop.ui.calendar_ink import (
    ChipBox,
    Ink,
    draw_centred,
    paint_badge,
    paint_markers,
    rect_path,
)

if TYPE_CHECKING:  # the engine and the chip painter are not loaded before the first paint
    from desktop.planner import DayMarks
    from desktop.ui.calendar_events import GridInteraction
    from desktop.ui.month_cells import DropHover, DropPreview
    from desktop.ui.session_chips import ChipData, ChipPainter

__all__ = ["RUN_ACCENT", "WARNING_ACCENT", "WARNING_INK", "CalendarView"]

GRID_DAYS = 42
GRID_SLACK = 8  # the grid's frame and lines around seven cells
MONTH_ARROW_ROOM = 1.6  # the month button's room beside the widest name, in font heights
WEEKDAY_ROW_LINES = 1.3  # the weekday names' row, in font heights (Qt gives it a week's)
SELECTION_TINT = 0.19  # the selected day: the highlight colour at this opacity


class CalendarView(QCalendarWidget):
    """A QCalendarWidget that paints the planner's chips (or plain marks) into each day cell.

    Chips (see `session_chips`) show each session's kind, time and substance in time order;
    plain marks are squares (deadlifts) and circles (runs). An amber triangle marks a day
    whose advice has a warning. Today gets a ring and a bold number.
    """

    session_dropped = Signal(int, date, bool)
    """A session was dropped (or keyed) onto a day: (session id, day, copy)."""
    new_session_requested = Signal(date)
    """A double-click on an empty part of a day."""
    session_activated = Signal(int)
    """A double-click on a chip: the session to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setAccessibleName("Training calendar")
        self._widen_month_button()
        self._fit_weekday_row()
        self._marks: dict[date, DayMarks] = {}
        self._today = date.today()
        self._ink: Ink | None = None
        self._chips: dict[date, list[ChipData]] = {}
        self._chip_by_id: dict[int, ChipData] = {}
        self._warning_days: frozenset[date] = frozenset()
        self._chip_painter: ChipPainter | None = None
        self._preview: DropPreview | None = None
        self._hover: DropHover | None = None
        self._interaction: GridInteraction | None = None  # installed with the first chips

    # -- data ------------------------------------------------------------------

    def set_marks(self, marks: dict[date, DayMarks]) -> None:
        """Replace the marks shown and repaint."""
        self._marks = dict(marks)
        self._today = date.today()
        self.updateCells()

    def set_chips(
        self, chips: Mapping[date, Sequence[ChipData]], warning_days: Collection[date] = ()
    ) -> None:
        """Replace the chips shown (and the days whose badge warns) and repaint.

        A day with chips shows them instead of its plain marks.
        """
        from desktop.ui.session_chips import in_time_order

        self._install_interaction()
        self._chips = {
            day: in_time_order(day_chips) for day, day_chips in chips.items() if day_chips
        }
        self._chip_by_id = {
            c.session_id: c for day_chips in self._chips.values() for c in day_chips
        }
        self._warning_days = frozenset(warning_days)
        self._today = date.today()
        self.updateCells()

    def chips_for(self, day: date) -> tuple[ChipData, ...]:
        """The chips shown on a day, in time order."""
        return tuple(self._chips.get(day, ()))

    def set_drop_preview(self, preview: DropPreview | None) -> None:
        """What a drag hovering a day asks: (session id, day, copy) -> warning texts."""
        self._preview = preview

    def marks_for(self, day: date) -> DayMarks | None:
        """The marks painted on a day, None if it has nothing."""
        return self._marks.get(day)

    def selected_day(self) -> date:
        """The selected day as a Python date."""
        return _to_date(self.selectedDate())

    def select_day(self, day: date) -> None:
        """Select a day and show its month."""
        self.setSelectedDate(QDate(day.year, day.month, day.day))

    def first_weekday(self) -> int:
        """The first day of the week: Python's numbering, Monday 0 ... Sunday 6.

        The window sets it once (`set_first_weekday`) and every week the window computes
        (week view, copy and paste week, totals, planning) starts on it.
        """
        return int(self.firstDayOfWeek().value) - 1

    def set_first_weekday(self, weekday: int) -> None:
        """Start the month's weeks on `weekday` (Monday 0 ... Sunday 6)."""
        from PySide6.QtCore import Qt  # not at module level: the shell avoids the Qt namespace

        self.setFirstDayOfWeek(Qt.DayOfWeek(weekday + 1))

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

    # -- size ------------------------------------------------------------------

    def _widen_month_button(self) -> None:
        """Give the month button room for its widest name and its menu arrow, so the arrow
        (drawn in the button's corner) never touches the month's name."""
        button = self.findChild(QToolButton, "qt_calendar_monthbutton")
        if button is None:
            return
        metrics = button.fontMetrics()
        locale = self.locale()
        widest = max(metrics.horizontalAdvance(locale.monthName(m)) for m in range(1, 13))
        button.setMinimumWidth(int(widest + metrics.height() * MONTH_ARROW_ROOM))

    def _fit_weekday_row(self) -> None:
        """The weekday names' row as tall as its text needs, not a seventh of the grid like
        the weeks: the weeks get that room, so a day shows two chips at the first size."""
        rows = self.grid_view().verticalHeader()
        if rows.count() == 0:
            return
        rows.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        rows.resizeSection(0, round(self.fontMetrics().height() * WEEKDAY_ROW_LINES))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Wide enough that a chip shows its time and key figure whole, warned or not
        ("18:00 152.5 kg"); the window's splitter keeps at least this for the month."""
        hint = super().minimumSizeHint()
        cells = 7 * ChipBox(self.font()).cell_width() + GRID_SLACK
        return QSize(max(hint.width(), int(cells)), hint.height())

    # -- painting --------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Drop the cached colours and fonts when the palette or font changes."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._ink = None
            self._chip_painter = None
            if event.type() == QEvent.Type.FontChange:
                self.updateGeometry()
                self._widen_month_button()
                self._fit_weekday_row()
        super().changeEvent(event)

    def _current_ink(self) -> Ink:
        if self._ink is None:
            self._ink = Ink(self.palette(), self.font())
        return self._ink

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        """Paint the day number, today's ring, the session markers and the badge."""
        ink = self._current_ink()
        day = date(qdate.year(), qdate.month(), qdate.day())
        is_today = day == self._today
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        cell = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
        cell_path = rect_path(cell)
        painter.fillPath(cell_path, ink.base)
        if qdate == self.selectedDate():
            painter.setOpacity(SELECTION_TINT)
            painter.fillPath(cell_path, ink.highlight)
            painter.setOpacity(1.0)
            half = ink.selection_pen.widthF() / 2
            painter.strokePath(
                rect_path(cell.adjusted(half, half, -half, -half)), ink.selection_pen
            )
        if qdate.month() != self.monthShown():
            painter.setOpacity(0.45)

        line = ink.line
        number_rect = QRectF(cell.left(), cell.top() + line * 0.15, cell.width(), line)
        if painter.pen().color().rgba() != ink.text.rgba():  # Qt passes a text-coloured pen
            painter.setPen(ink.text)
        font, metrics = (ink.bold, ink.bold_metrics) if is_today else (ink.font, ink.font_metrics)
        draw_centred(painter, number_rect, str(day.day), font, metrics)
        if is_today:
            ring = QPainterPath()
            ring.addEllipse(number_rect.center(), ink.ring_radius, ink.ring_radius)
            painter.strokePath(ring, ink.today_pen)

        marks = self._marks.get(day)
        top = number_rect.bottom() + line * 0.2
        area = QRectF(cell.left(), top, cell.width(), cell.bottom() - top)
        hover = self._hover if self._hover is not None and self._hover.day == day else None
        if day in self._chips or hover is not None:
            self._paint_chips(painter, cell, day)
        elif marks is not None:
            paint_markers(painter, area, marks.sessions, ink)
        warns = (marks is not None and marks.has_warning) or day in self._warning_days
        if warns or (hover is not None and hover.warnings):
            painter.setOpacity(1.0)
            paint_badge(painter, cell, ink)
        if hover is not None:
            self._paint_drop_frame(painter, cell, ink)
        painter.restore()

    # -- chips -----------------------------------------------------------------------------

    def chip_painter(self) -> ChipPainter:
        """The shared painter for this calendar's palette and font."""
        if self._chip_painter is None:
            from desktop.ui.session_chips import ChipPainter

            self._chip_painter = ChipPainter(self.palette(), self.font())
        return self._chip_painter

    def chip_layout(
        self, day: date, cell: QRectF
    ) -> tuple[list[tuple[ChipData, QRectF, bool]], QRectF | None, int]:
        """Where a day's chips go in its cell: (chip, rect, is ghost) each, the "more" line, N."""
        from desktop.ui.month_cells import chip_slots, ghost_chip, with_ghost

        ink = self._current_ink()
        top = cell.top() + ink.line * 1.45  # below the day number and today's ring
        area = QRectF(cell.left(), top, cell.width(), cell.bottom() - top - 1)
        chips = self._chips.get(day, [])
        ghost_index = -1
        hover = self._hover
        if hover is not None and hover.day == day and hover.session_id in self._chip_by_id:
            ghost = ghost_chip(self._chip_by_id[hover.session_id], day, bool(hover.warnings))
            chips, ghost_index = with_ghost(chips, ghost, hover.copy)
        slots, more, hidden = chip_slots(area, len(chips), self.chip_painter().chip_height)
        placed = [(chips[i], rect, i == ghost_index) for i, rect in enumerate(slots)]
        return placed, more, hidden

    def chip_at(self, pos: QPoint) -> ChipData | None:
        """The chip under a point of the calendar's grid (viewport coordinates), if any."""
        found = self.day_at(pos)
        if found is None:
            return None
        day, cell = found
        placed, _more, _hidden = self.chip_layout(day, cell)
        for chip, rect, is_ghost in placed:
            if not is_ghost and rect.contains(QPointF(pos)):
                return chip
        return None

    def _paint_chips(self, painter: QPainter, cell: QRectF, day: date) -> None:
        chip_painter = self.chip_painter()
        placed, more, hidden = self.chip_layout(day, cell)
        for chip, rect, is_ghost in placed:
            chip_painter.paint_chip(painter, rect, chip, ghost=is_ghost)
        if more is not None:
            chip_painter.paint_more(painter, more, hidden)

    def _paint_drop_frame(self, painter: QPainter, cell: QRectF, ink: Ink) -> None:
        pen = QPen(ink.selection_pen)
        pen.setWidthF(pen.widthF() * 1.5)
        painter.setOpacity(1.0)
        half = pen.widthF() / 2
        painter.strokePath(rect_path(cell.adjusted(half, half, -half, -half)), pen)

    # -- geometry --------------------------------------------------------------------------

    def grid_view(self) -> QTableView:
        """Qt's table view inside the calendar; its viewport takes the mouse and drops."""
        view = self.findChild(QTableView)
        assert view is not None, "QCalendarWidget always has its table view"
        return view

    def day_at(self, pos: QPoint) -> tuple[date, QRectF] | None:
        """The day under a viewport point and its cell, or None (headers, outside)."""
        view = self.grid_view()
        index = view.indexAt(pos)
        if not index.isValid():
            return None
        row = index.row() - self._header_rows()
        column = index.column() - self._header_columns()
        if row < 0 or column < 0:
            return None
        first, _last = self.visible_range()
        day = first + timedelta(days=row * 7 + column)
        return day, QRectF(view.visualRect(index))

    def cell_rect(self, day: date) -> QRect | None:
        """A day's cell in viewport coordinates, None when it is not on the shown grid."""
        return self._cell_rect_of(day)

    def _cell_rect_of(self, day: date) -> QRect | None:
        first, last = self.visible_range()
        if not first <= day <= last:
            return None
        offset = (day - first).days
        view = self.grid_view()
        model = view.model()
        row, column = divmod(offset, 7)
        index = model.index(row + self._header_rows(), column + self._header_columns())
        return view.visualRect(index)

    def _header_rows(self) -> int:
        no_header = QCalendarWidget.HorizontalHeaderFormat.NoHorizontalHeader
        return 0 if self.horizontalHeaderFormat() == no_header else 1

    def _header_columns(self) -> int:
        no_header = QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        return 0 if self.verticalHeaderFormat() == no_header else 1

    # -- drag and drop ---------------------------------------------------------------------

    def drop_session(self, session_id: int, day: date, copy: bool = False) -> None:
        """Drop (move or copy) a session onto a day: what a mouse drop and a key move call."""
        self.cancel_drop_hover()
        self.session_dropped.emit(session_id, day, copy)

    def hover_drop(self, session_id: int, day: date, copy: bool) -> tuple[str, ...]:
        """Show what dropping here would do (ghost, badge); returns the would-be warnings."""
        from desktop.ui.month_cells import DropHover

        old = self._hover
        if old is not None and (old.session_id, old.day, old.copy) == (session_id, day, copy):
            return old.warnings
        warnings = tuple(self._preview(session_id, day, copy)) if self._preview else ()
        self._hover = DropHover(session_id, day, copy, warnings)
        self._repaint_day(old.day if old is not None else None)
        self._repaint_day(day)
        return warnings

    def drop_hover(self) -> DropHover | None:
        """The drag hovering a day right now, if any."""
        return self._hover

    def cancel_drop_hover(self) -> None:
        """Forget a hovering drag (Esc, leaving the grid, or a drop) and repaint its cell."""
        old, self._hover = self._hover, None
        if old is not None:
            self._repaint_day(old.day)
            from PySide6.QtWidgets import QToolTip

            QToolTip.hideText()

    def _repaint_day(self, day: date | None) -> None:
        if day is not None:
            self.updateCell(QDate(day.year, day.month, day.day))

    def _install_interaction(self) -> None:
        if self._interaction is None:
            from desktop.ui.calendar_events import GridInteraction

            self._interaction = GridInteraction(self)

    def chip(self, session_id: int) -> ChipData | None:
        """The chip shown for a session, None if it is not on the grid."""
        return self._chip_by_id.get(session_id)


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
