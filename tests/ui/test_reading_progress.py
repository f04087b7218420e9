"""The reading progress: fed by (done, total), False once Cancel is pressed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.reading_progress import SHOW_AFTER_MS, ReadingProgress


def test_progress_follows_the_reader_until_cancel(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = ReadingProgress("Reading big.csv…", parent)
    assert progress.dialog.minimumDuration() == SHOW_AFTER_MS == 500
    assert progress(500, 10_000) is True
    assert (progress.dialog.value(), progress.dialog.maximum()) == (500, 10_000)
    progress.cancel()
    assert progress.cancelled
    assert progress(1_000, 10_000) is False
    progress.close()
    assert not progress.dialog.isVisible()
