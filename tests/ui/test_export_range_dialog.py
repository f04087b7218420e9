"""The calendar export's range dialog: from and to, never backwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.ui.export_range_dialog import ExportRangeDialog


def test_the_range_starts_as_given_and_the_last_day_follows_the_first(qtbot: QtBot) -> None:
    dialog = ExportRangeDialog(date(2030, 3, 4), date(2030, 3, 20))
    qtbot.addWidget(dialog)
    assert dialog.chosen_range() == (date(2030, 3, 4), date(2030, 3, 20))
    dialog.fromEdit.setDate(QDate(2030, 4, 1))  # after the last day
    assert dialog.chosen_range() == (date(2030, 4, 1), date(2030, 4, 1))
    dialog.toEdit.setDate(QDate(2030, 3, 1))  # before the first: refused
    assert dialog.chosen_range() == (date(2030, 4, 1), date(2030, 4, 1))
    dialog.set_range(date(2030, 5, 1), date(2030, 5, 9))
    assert dialog.chosen_range() == (date(2030, 5, 1), date(2030, 5, 9))


def test_ok_accepts_and_cancel_rejects(qtbot: QtBot) -> None:
    dialog = ExportRangeDialog(date(2030, 3, 4), date(2030, 3, 4))
    qtbot.addWidget(dialog)
    buttons = QDialogButtonBox.StandardButton
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(buttons.Ok).click()
    with qtbot.waitSignal(dialog.rejected):
        dialog.buttons.button(buttons.Cancel).click()
