"""Remembering the main window's size, state and splitter positions between starts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

# The first start's proportions, in text lines (they scale with the font).
FIRST_LEFT_LINES = 46
FIRST_RIGHT_LINES = 34
FIRST_SIZE = (1280, 800)


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
            window.resize(*FIRST_SIZE)
            line = window.fontMetrics().height()
            main_splitter.setSizes([line * FIRST_LEFT_LINES, line * FIRST_RIGHT_LINES])
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        self.restore_splitter(main_splitter)

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
