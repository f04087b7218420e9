"""What the planning dialogs share: the preview side (the plan as rich text, its notes,
errors and buttons) and `PlanPreviewDialog`, their week start, preview and Apply."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
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


class PlanPreviewDialog(QDialog):
    """A planning dialog: a week start that snaps to its Monday, a preview asked again on
    every change of the inputs (or the sentence why there is none), and Apply that accepts
    only a shown preview. A dialog builds its inputs, calls `_add_pane` and answers
    `_ask_preview`."""

    preview_changed = Signal(object)  # the new PlanPreview, or None when there is none
    weekStartEdit: QDateEdit  # noqa: N815 - named like its objectName

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._preview: PlanPreview | None = None

    def _add_pane(self, layout: QVBoxLayout) -> None:
        """Add the preview, notes, error and Apply/Cancel to `layout`, named on the dialog."""
        self._pane = PlanPreviewPane(layout)
        self.previewText = self._pane.previewText
        self.notesLabel = self._pane.notesLabel
        self.errorLabel = self._pane.errorLabel
        self.buttons = self._pane.buttons
        self.applyButton = self._pane.applyButton
        self.cancelButton = self._pane.cancelButton
        self.buttons.accepted.connect(self._on_apply)

    def week_start(self) -> date:
        """The Monday of the week chosen."""
        picked = self.weekStartEdit.date()
        return date(picked.year(), picked.month(), picked.day())

    def plan_preview(self) -> PlanPreview | None:
        """The preview shown now; what Apply accepts. None when there is nothing to apply."""
        return self._preview

    def refresh(self) -> None:
        """Ask for the preview of the inputs now and show it, or why there is none."""
        self._preview, message = self._ask_preview()
        self.errorLabel.setText(message)
        self.errorLabel.setVisible(bool(message))
        self._pane.show(self._preview, self.palette())
        self.preview_changed.emit(self._preview)

    def _ask_preview(self) -> tuple[PlanPreview | None, str]:
        """The preview of the inputs now, or None and the sentence to show instead."""
        raise NotImplementedError

    def _on_week_start_changed(self, picked: QDate) -> None:
        snap_to_monday(self.weekStartEdit, picked)
        self.refresh()

    def _on_input_changed(self) -> None:
        self.refresh()

    def _on_apply(self) -> None:
        if self._preview is not None:
            self.accept()
