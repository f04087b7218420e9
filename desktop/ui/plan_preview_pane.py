"""The planning dialogs' preview side: the plan as rich text, its notes, errors and buttons."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.advice.plan_preview import PlanPreview
from desktop.ui.plan_preview_text import notes_text, preview_html


def snap_to_monday(edit: QDateEdit, picked: QDate) -> None:
    """Weeks run Monday to Sunday: show the Monday of the week holding the day picked."""
    monday = picked.addDays(1 - picked.dayOfWeek())
    if monday != picked:
        with QSignalBlocker(edit):
            edit.setDate(monday)


class PlanPreviewPane:
    """The preview, notes and error widgets and the Apply/Cancel buttons, added to one layout."""

    def __init__(self, layout: QVBoxLayout) -> None:
        self.previewText = QTextBrowser()
        self.previewText.setObjectName("previewText")
        self.previewText.setOpenLinks(False)
        layout.addWidget(self.previewText, 1)
        self.notesLabel = QLabel()
        self.notesLabel.setObjectName("planNotes")
        self.notesLabel.setWordWrap(True)
        layout.addWidget(self.notesLabel)
        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("planError")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: palette(highlight); font-weight: bold;")
        layout.addWidget(self.errorLabel)
        self.buttons = QDialogButtonBox()
        self.applyButton = QPushButton("&Apply")
        self.applyButton.setObjectName("applyButton")
        self.applyButton.setDefault(True)
        self.buttons.addButton(self.applyButton, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancelButton.setObjectName("cancelButton")
        layout.addWidget(self.buttons)

    def show(self, preview: PlanPreview | None, palette: QPalette) -> None:
        """Show a preview and its notes and enable Apply; with None, clear them and disable it."""
        self.applyButton.setEnabled(preview is not None)
        if preview is None:
            self.previewText.clear()
            self.notesLabel.setVisible(False)
            return
        self.previewText.setHtml(preview_html(preview, palette))
        self.notesLabel.setText(notes_text(preview))
        self.notesLabel.setVisible(bool(preview.notes))
