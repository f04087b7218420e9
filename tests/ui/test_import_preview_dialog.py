"""ImportPreviewDialog: shows every list from a real read, Import only when there is news."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from desktop.advice import Profile
from desktop.interop import describe, plan_import, read_file
from desktop.ui.import_preview_dialog import ImportPreviewDialog

DATA = Path(__file__).resolve().parent.parent / "interop" / "data"
PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)


def dialog_for(qtbot: QtBot, name: str, *, already_imported: bool = False) -> ImportPreviewDialog:
    result = read_file(DATA / name)
    existing = result.sessions[:1] if already_imported else ()
    preview = describe(result, plan_import(result, existing), PROFILE, name)
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_section_of_a_real_strong_file_is_listed(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "strong-current.csv", already_imported=True)
    assert dialog.objectName() == "importPreviewDialog"
    summary = dialog.findChild(QLabel, "importSummary")
    assert summary is not None and summary.text() == dialog.preview.summary
    assert "Strong export" in summary.text()
    assert dialog.lines("added") == list(dialog.preview.added) and len(dialog.lines("added")) == 3
    assert dialog.lines("duplicates") == [dialog.preview.duplicates[0]]
    assert "Deadlift 3x5 140 kg" in dialog.lines("duplicates")[0]
    assert "Bench Press (Barbell): 2 sets, not a deadlift or a run" in dialog.lines("skipped")
    assert dialog.lines("problems") == [
        "line 13: Weight is 'heavy', which is not a number. The set was left out.",
        "line 15: Date is 'someday', which is not a date and time. The set was left out.",
    ]
    for section in ("added", "duplicates", "skipped", "problems"):
        assert dialog.is_section_shown(section)
        heading = dialog.findChild(QLabel, f"{section}Heading")
        assert heading is not None and heading.isVisible()
        assert f"({len(dialog.lines(section))})" in heading.text()


def test_empty_sections_are_hidden(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "hevy-kg.csv")
    assert dialog.is_section_shown("added")
    for section in ("duplicates", "skipped", "problems"):
        assert not dialog.is_section_shown(section)
        items = dialog.findChild(QListWidget, f"{section}List")
        assert items is not None and not items.isVisible()


def test_import_accepts(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "hevy-kg.csv")
    button = dialog.findChild(QPushButton, "importButton")
    assert button is not None and button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cancel_rejects(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "hevy-kg.csv")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_escape_cancels(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "hevy-kg.csv")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_nothing_new_leaves_import_disabled(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "garmin-fenix-5-bike.fit")
    assert not dialog.importButton.isEnabled()
    assert dialog.lines("skipped") == ["FIT activity (cycling): 1 activity, not a run"]
    assert dialog.lines("added") == []


def test_short_lists_show_every_line_whole_without_scrolling(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "strong-current.csv", already_imported=True)
    dialog.adjustSize()
    for section in ("added", "duplicates", "skipped", "problems"):
        items = dialog.findChild(QListWidget, f"{section}List")
        assert items is not None
        assert not items.verticalScrollBar().isVisible(), section
        assert not items.horizontalScrollBar().isVisible(), section
        last = items.visualItemRect(items.item(items.count() - 1))
        assert items.viewport().rect().contains(last), section
