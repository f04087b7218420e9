"""The month calendar's mouse, drag-and-drop, tooltip and Esc handling on its grid.

`GridInteraction` filters the events of Qt's table view inside a `CalendarView`, so the
widget file keeps its painting and its public API. Loaded only once chips are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QDrag,
    QDropEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.ui.month_cells import wants_copy
from desktop.ui.session_mime import session_id_of, session_mime

if TYPE_CHECKING:
    from desktop.ui.calendar_view import CalendarView

_DRAG_EVENTS = {QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}


class GridInteraction(QObject):
    """An event filter on the calendar's table view and its viewport."""

    def __init__(self, calendar: CalendarView) -> None:
        super().__init__(calendar)
        self._calendar = calendar
        self._press: tuple[QPoint, int] | None = None  # where a chip was pressed, its id
        view = calendar.grid_view()
        self._viewport = view.viewport()
        self._viewport.setAcceptDrops(True)
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Handle one event of the grid; True when it was consumed."""
        calendar = self._calendar
        kind = event.type()
        if kind == QEvent.Type.FocusOut and watched is not self._viewport:
            return True  # cells are painted alike with or without focus: no 42-cell repaint
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and calendar.drop_hover() is not None:
                calendar.cancel_drop_hover()
                return True
            return False
        if watched is not self._viewport:
            return False
        if kind in _DRAG_EVENTS and isinstance(event, QDropEvent):
            return _drag_event(calendar, event)
        if kind == QEvent.Type.DragLeave:
            calendar.cancel_drop_hover()
            return True
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return _tooltip(calendar, event)
        if isinstance(event, QMouseEvent):
            return self._mouse_event(event)
        return False

    def _mouse_event(self, event: QMouseEvent) -> bool:
        calendar = self._calendar
        kind = event.type()
        pos = event.position().toPoint()
        left = event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress and left:
            chip = calendar.chip_at(pos)
            self._press = (pos, chip.session_id) if chip is not None else None
            return False  # Qt still selects the day
        if kind == QEvent.Type.MouseButtonRelease:
            self._press = None
            return False
        if kind == QEvent.Type.MouseButtonDblClick and left:
            return _double_click(calendar, pos)
        if kind == QEvent.Type.MouseMove and event.buttons() & Qt.MouseButton.LeftButton:
            if self._press is None:
                return False
            origin, session_id = self._press
            if (pos - origin).manhattanLength() < QApplication.startDragDistance():
                return True  # no rubber-band selection while a drag may start
            self._press = None
            _start_drag(calendar, session_id)
            return True
        return False


def _drag_event(calendar: CalendarView, event: QDropEvent) -> bool:
    session_id = session_id_of(event.mimeData())
    pos = event.position().toPoint()
    found = calendar.day_at(pos)
    if session_id is None or found is None:
        event.ignore()
        if event.type() != QEvent.Type.DragEnter:
            calendar.cancel_drop_hover()
        return True
    day, cell = found
    copy = wants_copy(event)
    action = Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction
    if event.type() == QEvent.Type.Drop:
        event.setDropAction(action)
        event.accept()
        calendar.drop_session(session_id, day, copy)
        return True
    event.setDropAction(action)
    event.accept()
    calendar.hover_drop(session_id, day, copy)
    hover = calendar.drop_hover()
    if hover is not None:
        viewport = calendar.grid_view().viewport()
        QToolTip.showText(viewport.mapToGlobal(pos), hover.message(), viewport, cell.toRect())
    return True


def _tooltip(calendar: CalendarView, event: QHelpEvent) -> bool:
    chip = calendar.chip_at(event.pos())
    if chip is None:
        QToolTip.hideText()
        return False  # the calendar's own tooltip (the legend) may show
    viewport = calendar.grid_view().viewport()
    QToolTip.showText(event.globalPos(), chip.full_tooltip(), viewport)
    return True


def _double_click(calendar: CalendarView, pos: QPoint) -> bool:
    chip = calendar.chip_at(pos)
    if chip is not None:
        calendar.session_activated.emit(chip.session_id)
        return True
    found = calendar.day_at(pos)
    if found is not None:
        calendar.new_session_requested.emit(found[0])
        return True
    return False


def _start_drag(calendar: CalendarView, session_id: int) -> None:
    drag = QDrag(calendar)
    drag.setMimeData(session_mime(session_id))
    chip = calendar.chip(session_id)
    if chip is not None:
        painter_ = calendar.chip_painter()
        width = max(60.0, min(220.0, calendar.grid_view().columnWidth(0) * 1.0))
        ratio = calendar.devicePixelRatioF()
        pixmap = QPixmap(int(width * ratio), int(painter_.chip_height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            painter_.paint_chip(painter, QRectF(0, 0, width, painter_.chip_height), chip)
        finally:
            painter.end()
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPointF(8, painter_.chip_height / 2).toPoint())
    drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)
    calendar.cancel_drop_hover()
