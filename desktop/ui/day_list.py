"""The selected day's sessions as a table: one row per session, in time order.

The advice column wraps its first warning over as many lines as it takes (the row grows to
the text's height), so the whole sentence reads at the window's first size. Only a column
too narrow for that in `ADVICE_LINES` lines cuts it with "…" after a whole word, keeping the
"(+n more)" count readable; the tooltip and the advice panel beside it hold every word.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.planner import DayRow
from desktop.ui.session_mime import SESSION_MIME_TYPE, session_mime
from desktop.ui.signals import signals_blocked

_HEADERS = ("Time", "Session", "Workout", "Distance", "Advice")
_ADVICE_COLUMN = 4
# A table model's flags for a cell (QAbstractTableModel.flags), and rows drag.
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)
# A glyph, bold text and the words themselves: the mark does not rely on colour.
_WARNING_MARK = "\u26a0"
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_MORE_ROLE = Qt.ItemDataRole.UserRole + 2  # the "(+2 more)" tail the delegate keeps visible
# The advice wraps over at most this many lines before it is cut: enough for any warning in
# the column's width at the window's first size (about 20 characters a line).
ADVICE_LINES = 12
AnyIndex = QModelIndex | QPersistentModelIndex


def _warnings(row: DayRow) -> list[str]:
    """The row's warning messages, first one first ("Warning" if none was given)."""
    if not row.has_warning:
        return []
    messages = [line.strip() for line in row.warning_text.splitlines() if line.strip()]
    return messages or ["Warning"]


def _more(count: int) -> str:
    return f" (+{count - 1} more)" if count > 1 else ""


def _lines(metrics: QFontMetrics, text: str, width: int) -> int:
    """How many lines `text` takes, word-wrapped to `width`."""
    flags = int(Qt.TextFlag.TextWordWrap.value)
    height = metrics.boundingRect(QRect(0, 0, max(1, width), 1 << 20), flags, text).height()
    return max(1, round(height / max(1, metrics.lineSpacing())))


class _AdviceDelegate(QStyledItemDelegate):
    """Wraps the first warning whole, over up to `ADVICE_LINES` lines; beyond that cuts its
    message with "…" but keeps the mark and the "(+n more)" count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (text, width, font) -> the text shown: asked on every paint and size hint.
        self._shown: dict[tuple[str, int, str], tuple[str, bool]] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        text: str = option.text
        if not text:
            return
        key = (text, option.rect.width(), option.font.key())
        found = self._shown.get(key)
        if found is None:
            self._fit(option, index)
            if len(self._shown) > 256:
                self._shown.clear()
            wraps = bool(option.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
            self._shown[key] = found = (option.text, wraps)
            return
        option.text = found[0]
        if found[1]:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def _fit(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Wrap the text, or cut it to `ADVICE_LINES` lines keeping the count."""
        text: str = option.text
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        metrics = option.fontMetrics
        width = option.rect.width() - 2 * margin
        if _lines(metrics, text, width) <= ADVICE_LINES:
            return
        more = str(index.data(_MORE_ROLE) or "")
        head = text[: -len(more)] if more and text.endswith(more) else text
        # The longest start of the message that, with "…" and the count, fits the lines.
        low, high = 0, len(head)
        while low < high:
            middle = (low + high + 1) // 2
            if _lines(metrics, head[:middle].rstrip() + "\u2026" + more, width) <= ADVICE_LINES:
                low = middle
            else:
                high = middle - 1
        cut = head.rfind(" ", 0, low + 1)  # at a word's end where one is in reach
        if cut > len(_WARNING_MARK) + 1:
            low = cut
        if low > len(_WARNING_MARK) + 1:
            option.text = head[:low].rstrip() + "\u2026" + more
            return
        # Not even the mark and a word fit: one line, cut as a whole, the count kept.
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        room = width - metrics.horizontalAdvance(more)
        if room > metrics.horizontalAdvance(f"{_WARNING_MARK} \u2026"):
            option.text = metrics.elidedText(head, Qt.TextElideMode.ElideRight, room) + more


class DayRowsModel(QAbstractTableModel):
    """A read-only table model over the planner's DayRow values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DayRow] = []

    def set_rows(self, rows: list[DayRow]) -> None:
        """Show these rows instead."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DayRow:
        """The DayRow behind a table row."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per session; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Time, session kind, workout, distance, warning."""
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == _ADVICE_COLUMN:
            return "The first warning for the session; point at it to see them all"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable and can be dragged onto the calendar."""
        # Asked for every cell on every paint: one constant, not a call into Qt and an OR.
        return _ROW_FLAGS if index.isValid() else super().flags(index)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        """A dragged row carries its session id, as calendar chips do."""
        return [SESSION_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        """The session of the first dragged row."""
        valid = [index for index in indexes if index.isValid()]
        if not valid:
            return QMimeData()
        return session_mime(self._rows[valid[0].row()].session_id)

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        """Move (the default) or copy (Ctrl, Option on macOS)."""
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, the warning's tooltip and the session id."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        warnings = _warnings(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == _ADVICE_COLUMN:
                if not warnings:
                    return ""
                if role == Qt.ItemDataRole.AccessibleTextRole:
                    return f"Warning: {warnings[0]}{_more(len(warnings))}"
                return f"{_WARNING_MARK} {warnings[0]}{_more(len(warnings))}"
            done = " (done)" if row.done else ""
            values = (row.time_text, row.kind_text + done, row.workout_text, row.distance_text)
            return values[column]
        if role == _MORE_ROLE and column == _ADVICE_COLUMN:
            return _more(len(warnings))
        if role == Qt.ItemDataRole.FontRole and column == _ADVICE_COLUMN and warnings:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and warnings:
            if len(warnings) == 1:
                return warnings[0]
            return "\n".join(f"\u2022 {message}" for message in warnings)
        if role == SESSION_ID_ROLE:
            return row.session_id
        return None


class DayList(QTableView):
    """The day's sessions; selecting a row asks for that session to be edited."""

    session_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayList")
        self.setAccessibleName("Sessions of the selected day")
        self._model = DayRowsModel(self)
        self.setModel(self._model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setDragEnabled(True)  # rows drag onto the calendar (session_mime)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(True)  # the advice column's delegate wraps; the others are short
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._advice_delegate = _AdviceDelegate(self)
        self.setItemDelegateForColumn(_ADVICE_COLUMN, self._advice_delegate)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The warning text takes what is left and wraps, never a sideways scroll bar. (Not
        # stretchLastSection as well: that never lets the last column shrink below its first
        # width, so a narrow pane scrolled sideways.)
        header.setSectionResizeMode(_ADVICE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def add_context_action(self, action: QAction) -> None:
        """Offer `action` in the rows' context menu (a right-click selects the row first)."""
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addAction(action)

    def show_rows(self, rows: list[DayRow]) -> None:
        """Show a day's rows; nothing is selected afterwards."""
        with signals_blocked(self):
            self._model.set_rows(rows)
        # Lay the rows out now rather than on Qt's zero timer, so the window's next paint
        # shows them in place instead of painting the list twice.
        self.executeDelayedItemsLayout()

    def row_count(self) -> int:
        """How many sessions are listed."""
        return self._model.rowCount()

    def rows(self) -> list[DayRow]:
        """The rows shown, top to bottom."""
        return [self._model.row_at(i) for i in range(self._model.rowCount())]

    def select_session(self, session_id: int, *, notify: bool = False) -> bool:
        """Select the row of a session; emits session_selected only if `notify`."""
        for row in range(self._model.rowCount()):
            if self._model.row_at(row).session_id == session_id:
                if notify:
                    self.selectRow(row)
                else:
                    with signals_blocked(self):
                        self.selectRow(row)
                return True
        return False

    def selected_session_id(self) -> int | None:
        """The id of the selected row's session, if any."""
        rows = self.selectionModel().selectedRows()
        return self._model.row_at(rows[0].row()).session_id if rows else None

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if selected.isEmpty():
            return
        session_id = self.selected_session_id()
        if session_id is not None:
            self.session_selected.emit(session_id)
