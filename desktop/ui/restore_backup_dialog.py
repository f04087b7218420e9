"""Restore a backup when the database cannot be opened: the offer, and the list to choose from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.planner import BackupInfo, BackupKind

RESTORE_BUTTON_TEXT = "Restore a backup..."
KIND_NAMES = {
    BackupKind.DAILY: "Daily",
    BackupKind.WEEKLY: "Weekly",
    BackupKind.MONTHLY: "Monthly",
    BackupKind.MANUAL: "Made by hand",
    BackupKind.BEFORE_RESTORE: "Before a restore",
    BackupKind.BEFORE_UPGRADE: "Before an upgrade",
}
UNREADABLE = "cannot be read"
_PATH_ROLE = Qt.ItemDataRole.UserRole


def ask_restore_after_failure(parent: QWidget | None, title: str, text: str) -> bool:
    """The open-failure message with a "Restore a backup..." button; True if it was pressed."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, parent
    )
    box.setObjectName("openFailureDialog")
    restore = box.addButton(RESTORE_BUTTON_TEXT, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def describe_sessions(info: BackupInfo) -> str:
    """ "1,204 sessions", or why the backup cannot be used."""
    if not info.ok or info.sessions is None:
        return UNREADABLE
    return f"{info.sessions:,} session{'' if info.sessions == 1 else 's'}"


class RestoreBackupDialog(QDialog):
    """Lists a database's backups (date, kind, sessions) and lets the user pick a sound one."""

    def __init__(
        self, db_path: Path, backups: Sequence[BackupInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.setWindowTitle("Restore a backup")
        self._build(db_path, backups)
        self._connect_signals()
        self._select_newest_readable()

    def _build(self, db_path: Path, backups: Sequence[BackupInfo]) -> None:
        intro = QLabel(
            f"Choose the backup to put in place of {db_path.name}. The current file is not "
            "opened or deleted: it is kept beside it under a new name, so nothing is lost."
        )
        intro.setObjectName("restoreIntro")
        intro.setWordWrap(True)
        self.backup_list = QTreeWidget()
        self.backup_list.setObjectName("backupList")
        self.backup_list.setHeaderLabels(["Taken", "Kind", "Sessions"])
        self.backup_list.setRootIsDecorated(False)
        for info in backups:
            item = QTreeWidgetItem(
                [
                    info.created.strftime("%a %d %b %Y, %H:%M"),
                    KIND_NAMES.get(info.kind, info.kind.value),
                    describe_sessions(info),
                ]
            )
            item.setData(0, _PATH_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            if not info.ok:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.backup_list.addTopLevelItem(item)
        for column in range(3):
            self.backup_list.resizeColumnToContents(column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setObjectName("restoreButton")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backup_list)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

    def _connect_signals(self) -> None:
        self.backup_list.itemSelectionChanged.connect(self._on_selection_changed)
        self.backup_list.itemDoubleClicked.connect(self._on_item_double_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _select_newest_readable(self) -> None:
        for row in range(self.backup_list.topLevelItemCount()):
            item = self.backup_list.topLevelItem(row)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.backup_list.setCurrentItem(item)
                break
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _on_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.backup_list.setCurrentItem(item)
            self.accept()

    def selected_backup(self) -> Path | None:
        """The chosen backup's file, or None when no readable backup is selected."""
        items = self.backup_list.selectedItems()
        if not items or not items[0].flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return Path(str(items[0].data(0, _PATH_ROLE)))


def choose_backup(
    parent: QWidget | None, db_path: Path, backups: Sequence[BackupInfo]
) -> Path | None:
    """Show the list modally; the chosen backup, or None when cancelled."""
    dialog = RestoreBackupDialog(db_path, backups, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.selected_backup()
    finally:
        dialog.deleteLater()
