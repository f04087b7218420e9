"""File > Export > Calendar: which days to export, from and to (default: from today on)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

DATE_FORMAT = "ddd d MMM yyyy"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ExportRangeDialog(QDialog):
    """Two dates, first and last day to export; the last never goes before the first."""

    def __init__(self, first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportRangeDialog")
        self.setWindowTitle("Export to a calendar")
        self.setModal(True)
        self.setMinimumWidth(340)
        layout = QVBoxLayout(self)
        intro = QLabel("Sessions starting on these days become calendar events.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fromEdit = self._date_edit("exportFromEdit", first)
        self.toEdit = self._date_edit("exportToEdit", max(first, last))
        self.toEdit.setMinimumDate(self.fromEdit.date())
        form.addRow("&From:", self.fromEdit)
        form.addRow("&To:", self.toEdit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export…")
        layout.addWidget(self.buttons)
        self._connect_signals()

    @staticmethod
    def _date_edit(name: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        return edit

    def _connect_signals(self) -> None:
        self.fromEdit.dateChanged.connect(self._on_from_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _on_from_changed(self, first: QDate) -> None:
        # setMinimumDate moves a "to" before the new "from" up to it.
        self.toEdit.setMinimumDate(first)

    def set_range(self, first: date, last: date) -> None:
        """Show another range (the last day is kept at or after the first)."""
        self.fromEdit.setDate(_qdate(first))
        self.toEdit.setDate(_qdate(max(first, last)))

    def chosen_range(self) -> tuple[date, date]:
        """The first and last day chosen, both included."""
        first: date = self.fromEdit.date().toPython()  # type: ignore[assignment]
        last: date = self.toEdit.date().toPython()  # type: ignore[assignment]
        return first, max(first, last)
