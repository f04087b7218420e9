"""A stand-in for the operating system's light/dark scheme (QStyleHints' part of it).

Appearance tests hand it to AppearanceController so no test reads or changes the real one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal


class FakeHints(QObject):
    """Stands in for the OS: a colour scheme that a test can switch."""

    colorSchemeChanged = Signal(Qt.ColorScheme)  # noqa: N815 (Qt's name)

    def __init__(self, scheme: Qt.ColorScheme) -> None:
        super().__init__()
        self.scheme = scheme

    def colorScheme(self) -> Qt.ColorScheme:  # noqa: N802 (Qt's name)
        return self.scheme

    def switch(self, scheme: Qt.ColorScheme) -> None:
        self.scheme = scheme
        self.colorSchemeChanged.emit(scheme)
