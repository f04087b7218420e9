"""The restore list: dates, kinds and session counts; unreadable backups cannot be chosen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.advice import Kind, Session, Workout
from desktop.store import BackupInfo, Store, list_backups
from desktop.ui.restore_backup_dialog import (
    RESTORE_BUTTON_TEXT,
    UNREADABLE,
    RestoreBackupDialog,
    ask_restore_after_failure,
)


def _run(day: int) -> Session:
    return Session(
        kind=Kind.RUN,
        start=datetime(2024, 3, day, 7, 0),
        duration_min=30,
        workout=Workout.EASY,
        distance_km=5.0,
        speed_kmh=10.0,
    )


@pytest.fixture
def backups(tmp_path: Path) -> tuple[Path, list[BackupInfo]]:
    """A database with two sound manual backups (1 and 3 sessions) and a damaged newest one."""
    db = tmp_path / "liftrun.db"
    with Store.open(db) as store:
        store.add(_run(1))
        store.backup_now()
        store.add_many([_run(2), _run(3)])
        good = store.backup_now()
    damaged = good.parent / (good.name[: len("liftrun-")] + "29991231T000000-000000Z-daily.db")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 300)
    infos = list_backups(db)
    assert infos[0].path == damaged  # newest first
    return db, infos


def _rows(dialog: RestoreBackupDialog) -> list[list[str]]:
    tree = dialog.backup_list
    rows = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        assert item is not None
        rows.append([item.text(column) for column in range(3)])
    return rows


def test_lists_date_kind_and_sessions_with_unreadable_ones_marked(
    qtbot: QtBot, backups: tuple[Path, list[BackupInfo]]
) -> None:
    db, infos = backups
    dialog = RestoreBackupDialog(db, infos)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "restoreBackupDialog"
    rows = _rows(dialog)
    assert [row[1:] for row in rows] == [
        ["Daily", UNREADABLE],
        ["Made by hand", "3 sessions"],
        ["Made by hand", "1 session"],
    ]
    assert rows[0][0] == "Tue 31 Dec 2999, " + rows[0][0][-5:]  # local time of the name
    assert infos[1].created.strftime("%d %b %Y") in rows[1][0]


def test_the_newest_readable_backup_is_chosen_and_a_damaged_one_cannot_be(
    qtbot: QtBot, backups: tuple[Path, list[BackupInfo]]
) -> None:
    db, infos = backups
    dialog = RestoreBackupDialog(db, infos)
    qtbot.addWidget(dialog)
    assert dialog.selected_backup() == infos[1].path
    assert dialog.restore_button.isEnabled()
    damaged = dialog.backup_list.topLevelItem(0)
    assert damaged is not None
    dialog.backup_list.setCurrentItem(damaged)
    assert dialog.selected_backup() == infos[1].path  # a disabled row cannot be selected
    oldest = dialog.backup_list.topLevelItem(2)
    assert oldest is not None
    dialog.backup_list.setCurrentItem(oldest)
    assert dialog.selected_backup() == infos[2].path
    with qtbot.waitSignal(dialog.accepted):
        dialog.restore_button.click()


def test_with_only_damaged_backups_restore_stays_disabled(
    qtbot: QtBot, backups: tuple[Path, list[BackupInfo]]
) -> None:
    db, infos = backups
    dialog = RestoreBackupDialog(db, infos[:1])
    qtbot.addWidget(dialog)
    assert dialog.selected_backup() is None
    assert not dialog.restore_button.isEnabled()


@pytest.mark.parametrize("press_restore", [True, False])
def test_the_open_failure_message_offers_restore(qtbot: QtBot, press_restore: bool) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        assert box.objectName() == "openFailureDialog"
        assert "is truncated" in box.text()
        for button in box.buttons():
            if (button.text() == RESTORE_BUTTON_TEXT) == press_restore:
                button.click()
                return

    QTimer.singleShot(0, press)
    chosen = ask_restore_after_failure(None, "The database is damaged", "liftrun.db is truncated.")
    assert chosen is press_restore
