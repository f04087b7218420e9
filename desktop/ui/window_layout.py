"""Remembering the main window's size, state and splitter positions between starts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QStyle

# The first start's proportions, in text lines (they scale with the font).
FIRST_LEFT_LINES = 46
FIRST_RIGHT_LINES = 34
# The first start's size where the screen has room; a smaller screen limits it.
FIRST_SIZE = (1280, 800)


def first_size(available: QRect, title_bar: int) -> QSize:
    """The first start's window size on a screen whose free area is `available`.

    FIRST_SIZE, limited to that area less the title bar the system adds above the window
    (a 1366x768 laptop screen with its task bar is shorter than 800 pixels).
    """
    width, height = FIRST_SIZE
    return QSize(min(width, available.width()), min(height, available.height() - title_bar))


class WindowLayout:
    """Saves and restores a window's geometry and its splitters in QSettings."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        self._window = window
        self._settings = settings
        self.first_start = not isinstance(settings.value("window/geometry"), QByteArray)

    def restore_shell(self, main_splitter: QSplitter) -> None:
        """The saved size and state and the main splitter (or the first start's)."""
        window = self._window
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        else:
            self._first_start_size(main_splitter)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        self.restore_splitter(main_splitter)

    def _first_start_size(self, main_splitter: QSplitter) -> None:
        """FIRST_SIZE within the screen, centred on it; the month gets what it needs to
        show its chips whole (its minimum width), the form and advice the rest."""
        window = self._window
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        title_bar = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        size = first_size(available, title_bar)
        window.resize(size)
        frame = QRect(0, 0, size.width(), size.height() + title_bar)
        frame.moveCenter(available.center())
        window.move(frame.left(), max(available.top(), frame.top()))
        line = window.fontMetrics().height()
        left_pane = main_splitter.widget(0)
        month = 0 if left_pane is None else left_pane.minimumSizeHint().width()
        left = max(month, min(line * FIRST_LEFT_LINES, size.width() - line * FIRST_RIGHT_LINES))
        main_splitter.setSizes([left, max(1, size.width() - left - main_splitter.handleWidth())])

    def restore_right(self, splitter: QSplitter, form_height: int) -> None:
        """The form/advice splitter: saved sizes, or the form at its natural height."""
        if self.first_start:
            line = self._window.fontMetrics().height()
            splitter.setSizes([form_height, line * FIRST_LEFT_LINES - form_height])
        self.restore_splitter(splitter)

    def restore_splitter(self, splitter: QSplitter) -> None:
        """A splitter's saved state, if any."""
        saved = self._settings.value(f"splitters/{splitter.objectName()}")
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)

    def save(self, *splitters: QSplitter) -> None:
        """Remember size, state and these splitters for the next start."""
        self._settings.setValue("window/geometry", self._window.saveGeometry())
        self._settings.setValue("window/state", self._window.saveState())
        for splitter in splitters:
            self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        self._settings.sync()
