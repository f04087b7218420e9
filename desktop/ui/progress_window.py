"""View > Progress: a window of its own beside the planner, holding the ProgressView."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.ui.progress_view import ProgressView
from desktop.ui.prompts import Prompts

DEFAULT_SIZE = (1240, 640)  # fits a 1366x768 screen with its task bar


class ProgressWindow(QDialog):
    """A non-modal window: the calendar stays usable while the chart is open beside it."""

    def __init__(self, parent: QWidget | None = None, *, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressWindow")
        self.setWindowTitle("Progress")
        self.setModal(False)
        self.view = ProgressView(prompts=prompts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.resize(*DEFAULT_SIZE)
