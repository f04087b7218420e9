"""File > Export > CSV: which separator, the region's offered first, and how to open the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.interop.spreadsheet import COMMA, SEMICOLON, opening_hint


class CsvExportDialog(QDialog):
    """Commas or semicolons between the cells, with a sentence on opening the file."""

    def __init__(self, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvExportDialog")
        self.setWindowTitle("Export to CSV")
        self.setModal(True)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel("Every session with every field. Separate the cells with:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.semicolonButton = QRadioButton("&Semicolons (;)")
        self.semicolonButton.setObjectName("semicolonButton")
        self.commaButton = QRadioButton("&Commas (,)")
        self.commaButton.setObjectName("commaButton")
        self._group = QButtonGroup(self)
        # The region's separator first: it is the one a double-click opens in columns.
        first, second = (
            (self.semicolonButton, self.commaButton)
            if default == SEMICOLON
            else (self.commaButton, self.semicolonButton)
        )
        for button in (first, second):
            self._group.addButton(button)
            layout.addWidget(button)
        first.setChecked(True)
        self.hintLabel = QLabel()
        self.hintLabel.setObjectName("csvHintLabel")
        self.hintLabel.setWordWrap(True)
        layout.addWidget(self.hintLabel)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export…")
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._on_choice_changed()

    def _connect_signals(self) -> None:
        self.semicolonButton.toggled.connect(self._on_choice_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _on_choice_changed(self) -> None:
        self.hintLabel.setText(opening_hint(self.separator()))

    def separator(self) -> str:
        """The separator chosen: ";" or ","."""
        return SEMICOLON if self.semicolonButton.isChecked() else COMMA
