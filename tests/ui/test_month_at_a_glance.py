"""At the window's first-start size, every chip of a demo month shows its time and key figure.

Measured with the chip painter's own font metrics on the cell rectangles the calendar lays
out. Qt's scale factor (200% on a high-density screen) multiplies device pixels, not these
logical ones, so the same layout holds at 100% and 200%.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from desktop.sample import create_demo_database
from desktop.ui.main_window import MainWindow
from desktop.ui.session_chips import chip_variants, elided_text
from desktop.ui.window_layout import FIRST_SIZE


def _key_figure(text: str) -> str:
    """What a chip must never lose: its shortest form without the time ("140 kg", "3 km")."""
    return chip_variants(text)[-1].split(" ", 1)[-1]


def test_each_chip_of_a_demo_month_keeps_its_time_and_key_figure(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(create_demo_database(tmp_path / "demo.db"))
    window.show()
    qtbot.waitExposed(window)
    # The first-start size, limited to the 1366x768 screen the tests run on.
    available = window.screen().availableGeometry()
    assert (available.width(), available.height()) == (1366, 768)
    assert window.width() == FIRST_SIZE[0]
    assert window.frameGeometry().height() <= available.height() < FIRST_SIZE[1]
    calendar = window.calendar
    first, last = calendar.visible_range()
    painter = calendar.chip_painter()
    checked = 0
    day = first
    while day <= last:
        cell = calendar.cell_rect(day)
        assert cell is not None
        placed, _more, _hidden = calendar.chip_layout(day, QRectF(cell))
        for chip, rect, _ghost in placed:
            shown = elided_text(painter, chip, rect.width())
            assert "\u2026" not in shown, (chip.text, shown, rect.width())
            assert shown.startswith(f"{chip.start:%H:%M} "), shown
            assert shown.endswith(_key_figure(chip.text)), (chip.text, shown)
            checked += 1
        day = date.fromordinal(day.toordinal() + 1)
    assert checked >= 10  # a demo month has sessions on many days
