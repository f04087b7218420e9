"""View > History: the database's undo stack; clicking a line goes back to that point."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QUndoView, QVBoxLayout, QWidget

EMPTY_LABEL = "Opened the database"


class HistoryDialog(QDialog):
    """A non-modal list of the changes made since the database was opened."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("History of changes")
        self.setModal(False)
        hint = QLabel("Click a line to go back to that point; click a later one to redo.")
        hint.setWordWrap(True)
        self.view = QUndoView(stack)
        self.view.setObjectName("historyView")
        self.view.setEmptyLabel(EMPTY_LABEL)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        line = self.fontMetrics().height()
        self.resize(line * 24, line * 20)
