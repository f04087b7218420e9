"""Repeat weekly: every N weeks until a date or N times, with a preview of the warnings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

MAX_EVERY_WEEKS = 12
MAX_TIMES = 104
DEFAULT_TIMES = 4


@dataclass(frozen=True)
class RepeatChoice:
    """What the user asked for: every `every_weeks` weeks, until a day or `times` copies."""

    every_weeks: int
    until: date | None = None
    times: int | None = None


# choice -> (copies, copies whose advice warns)
RepeatPreview = Callable[[RepeatChoice], tuple[int, int]]


class RepeatDialog(QDialog):
    """Asks how to repeat one session; the preview line counts copies and warnings."""

    def __init__(
        self, what: str, first_day: date, preview: RepeatPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repeatDialog")
        self.setWindowTitle("Repeat weekly")
        self._preview = preview
        self.everySpin = QSpinBox()
        self.everySpin.setObjectName("everySpin")
        self.everySpin.setRange(1, MAX_EVERY_WEEKS)
        self.everySpin.setSuffix(" week(s)")
        self.timesRadio = QRadioButton("&Number of copies")
        self.timesRadio.setObjectName("timesRadio")
        self.timesRadio.setChecked(True)
        self.timesSpin = QSpinBox()
        self.timesSpin.setObjectName("timesSpin")
        self.timesSpin.setRange(1, MAX_TIMES)
        self.timesSpin.setValue(DEFAULT_TIMES)
        self.untilRadio = QRadioButton("&Until")
        self.untilRadio.setObjectName("untilRadio")
        self.untilEdit = QDateEdit()
        self.untilEdit.setObjectName("untilEdit")
        self.untilEdit.setCalendarPopup(True)
        later = first_day + timedelta(weeks=DEFAULT_TIMES)
        self.untilEdit.setDate(QDate(later.year, later.month, later.day))
        self.untilEdit.setMinimumDate(QDate(first_day.year, first_day.month, first_day.day))
        self.previewLabel = QLabel()
        self.previewLabel.setObjectName("repeatPreview")
        self.previewLabel.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QFormLayout(self)
        layout.addRow(QLabel(f"Repeat {what}"))
        layout.addRow("&Every", self.everySpin)
        layout.addRow(self.timesRadio, self.timesSpin)
        layout.addRow(self.untilRadio, self.untilEdit)
        layout.addRow(self.previewLabel)
        layout.addRow(buttons)
        self._buttons = buttons
        self._connect_signals()
        self._on_changed()

    def _connect_signals(self) -> None:
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.everySpin.valueChanged.connect(self._on_changed)
        self.timesSpin.valueChanged.connect(self._on_changed)
        self.untilEdit.dateChanged.connect(self._on_changed)
        self.timesRadio.toggled.connect(self._on_changed)

    def choice(self) -> RepeatChoice:
        """The repeat as set in the dialog now."""
        every = self.everySpin.value()
        if self.timesRadio.isChecked():
            return RepeatChoice(every, times=self.timesSpin.value())
        picked = self.untilEdit.date()
        return RepeatChoice(every, until=date(picked.year(), picked.month(), picked.day()))

    def preview_text(self) -> str:
        """The preview line shown under the choices."""
        return self.previewLabel.text()

    def _on_changed(self, *_args: object) -> None:
        self.timesSpin.setEnabled(self.timesRadio.isChecked())
        self.untilEdit.setEnabled(self.untilRadio.isChecked())
        count, warned = self._preview(self.choice())
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(count > 0)
        if count == 0:
            self.previewLabel.setText("No copies: the end date is before the first repeat.")
            return
        copies = f"{count} {'copy' if count == 1 else 'copies'}"
        if warned == 0:
            self.previewLabel.setText(f"{copies}; the advice has no warning for any of them.")
        else:
            self.previewLabel.setText(f"{copies}; \u26a0 the advice would warn on {warned}.")
