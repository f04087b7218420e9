"""The import preview: what will be added, what is skipped and why, problems, duplicates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.interop import ImportPreview

# Section object name -> heading; a section is shown only when it has lines.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("added", "Will be added"),
    ("duplicates", "Already in Liftrun (not added twice)"),
    ("skipped", "Left out on purpose"),
    ("problems", "Problems (not imported)"),
)
_MAX_LIST_ROWS = 8
_MAX_LIST_WIDTH = 860
_SCROLL_BAR_ROOM = 24


def _fit_to_lines(items: QListWidget, count: int) -> None:
    """Tall enough for up to eight whole rows, wide enough for the longest line (capped)."""
    frame = 2 * items.frameWidth()
    row_height = max(items.sizeHintForRow(0), items.fontMetrics().height()) if count else 16
    items.setFixedHeight(row_height * max(1, min(count, _MAX_LIST_ROWS)) + frame)
    width = items.sizeHintForColumn(0) + frame + _SCROLL_BAR_ROOM
    items.setMinimumWidth(min(width, _MAX_LIST_WIDTH))


class ImportPreviewDialog(QDialog):
    """Lists an import's outcome before anything is written; Import accepts, Cancel rejects."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(preview.title)
        self.setModal(True)
        self._preview = preview
        self._lists: dict[str, QListWidget] = {}
        self._headings: dict[str, QLabel] = {}

        layout = QVBoxLayout(self)
        self.summaryLabel = QLabel(preview.summary)
        self.summaryLabel.setObjectName("importSummary")
        self.summaryLabel.setWordWrap(True)
        layout.addWidget(self.summaryLabel)
        for name, heading in SECTIONS:
            lines: tuple[str, ...] = getattr(preview, name)
            label = QLabel(f"{heading} ({len(lines)})")
            label.setObjectName(f"{name}Heading")
            items = QListWidget()
            items.setObjectName(f"{name}List")
            items.addItems(list(lines))
            items.setAlternatingRowColors(True)
            _fit_to_lines(items, len(lines))
            label.setBuddy(items)
            label.setVisible(bool(lines))
            items.setVisible(bool(lines))
            layout.addWidget(label)
            layout.addWidget(items)
            self._lists[name] = items
            self._headings[name] = label
        layout.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.importButton = QPushButton("&Import")
        self.importButton.setObjectName("importButton")
        self.importButton.setEnabled(preview.can_import)
        self.importButton.setDefault(preview.can_import)
        self.buttons.addButton(self.importButton, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancelButton.setObjectName("cancelButton")
        layout.addWidget(self.buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @property
    def preview(self) -> ImportPreview:
        """What the dialog shows."""
        return self._preview

    def lines(self, section: str) -> list[str]:
        """The lines a section lists: "added", "duplicates", "skipped" or "problems"."""
        items = self._lists[section]
        return [items.item(row).text() for row in range(items.count())]

    def is_section_shown(self, section: str) -> bool:
        """True when the section has lines and is not hidden."""
        return not self._lists[section].isHidden()
