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


def snap_to_week_start(edit: QDateEdit, picked: QDate, first_weekday: int = 0) -> None:
    """Show the first day of the week holding the day picked; weeks start on `first_weekday`
    (Python's numbering, Monday 0 ... Sunday 6; Qt's dayOfWeek is that plus one)."""
    start = picked.addDays(-((picked.dayOfWeek() - 1 - first_weekday) % 7))
    if start != picked:
        with QSignalBlocker(edit):
            edit.setDate(start)


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
    """A planning dialog: a week start that snaps to the first day of its week, a preview
    asked again on every change of the inputs (or the sentence why there is none), and Apply
    that accepts only a shown preview. A dialog builds its inputs, calls `_add_pane`, shows
    its first week with `_show_week_start` (whose weekday is the first day of every week
    picked after) and answers `_ask_preview`."""

    preview_changed = Signal(object)  # the new PlanPreview, or None when there is none
    weekStartEdit: QDateEdit  # noqa: N815 - named like its objectName

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._preview: PlanPreview | None = None
        self._first_weekday = 0

    def _show_week_start(self, first: date) -> None:
        """Show the week starting on `first`; weeks picked later start on its weekday too."""
        from PySide6.QtCore import Qt

        self._first_weekday = first.weekday()
        popup = self.weekStartEdit.calendarWidget()
        if popup is not None:
            popup.setFirstDayOfWeek(Qt.DayOfWeek(first.isoweekday()))
        self.weekStartEdit.setDate(QDate(first.year, first.month, first.day))

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
        """The first day of the week chosen."""
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
        snap_to_week_start(self.weekStartEdit, picked, self._first_weekday)
        self.refresh()

    def _on_input_changed(self) -> None:
        self.refresh()

    def _on_apply(self) -> None:
        if self._preview is not None:
            self.accept()
