"""The first start's window: within the screen, the month at its minimum, the rest for the
form and advice."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.window_layout import FIRST_SIZE, first_size


def test_first_size_is_limited_to_the_screen() -> None:
    assert first_size(QRect(0, 0, 1920, 1040), 30) == QSize(*FIRST_SIZE)
    # A 1366x768 laptop with a 40-pixel task bar: the window and its title bar fit.
    assert first_size(QRect(0, 0, 1366, 728), 30) == QSize(1280, 698)
    assert first_size(QRect(0, 0, 1024, 728), 30) == QSize(1024, 698)


def test_the_first_window_fits_the_screen_and_gives_the_month_its_minimum(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    title_bar = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    assert window.height() + title_bar <= available.height()
    assert available.contains(window.geometry())
    left, right = window.main_splitter.sizes()
    assert left >= window.calendar.minimumSizeHint().width()
    # At this size the month takes just its minimum, and all the rest is the form's and
    # the advice's (on a 1366x768 screen that is over 400 pixels).
    assert left == window.calendar.minimumSizeHint().width()
    assert right == window.width() - left - window.main_splitter.handleWidth()
    assert right > 400
