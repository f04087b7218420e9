"""Appearance: System, Light or Dark, applied to the whole application as its palette.

`Appearance` is the setting (stored as its value, "system", "light" or "dark");
`AppearanceController` applies it: Light and Dark set their palette (and, from Qt 6.8, ask
the platform style for that colour scheme too), System follows the operating system's
light/dark scheme and changes with it while Liftrun runs (`QStyleHints.colorSchemeChanged`).
Every painted part of Liftrun takes its colours from the palette, so a palette change
repaints chips, blocks, charts and text alike.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SETTINGS_KEY = "appearance/scheme"


class Appearance(StrEnum):
    """What a person chose under Settings: follow the system, or always light or dark."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """The menu's words for it."""
        return {"system": "&System", "light": "&Light", "dark": "&Dark"}[self.value]


Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# (role, active and inactive colour, disabled colour) for each scheme. Chosen for contrast:
# body text at least 7:1 on its base, disabled text at least 3:1.
_LIGHT: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    (Role.Window, "#efefef", "#efefef"),
    (Role.WindowText, "#1a1a1a", "#7a7a7a"),
    (Role.Base, "#ffffff", "#f4f4f4"),
    (Role.AlternateBase, "#f5f5f5", "#f5f5f5"),
    (Role.Text, "#1a1a1a", "#7a7a7a"),
    (Role.PlaceholderText, "#6b6b6b", "#8a8a8a"),
    (Role.Button, "#efefef", "#efefef"),
    (Role.ButtonText, "#1a1a1a", "#7a7a7a"),
    (Role.BrightText, "#ffffff", "#ffffff"),
    (Role.Light, "#ffffff", "#ffffff"),
    (Role.Midlight, "#e3e3e3", "#e3e3e3"),
    (Role.Mid, "#b8b8b8", "#b8b8b8"),
    (Role.Dark, "#9f9f9f", "#9f9f9f"),
    (Role.Shadow, "#767676", "#767676"),
    (Role.Highlight, "#308cc6", "#c4c4c4"),
    (Role.HighlightedText, "#ffffff", "#ffffff"),
    (Role.Link, "#0b57d0", "#6b6b6b"),
    (Role.LinkVisited, "#6a1b9a", "#6b6b6b"),
    (Role.ToolTipBase, "#ffffdc", "#ffffdc"),
    (Role.ToolTipText, "#1a1a1a", "#1a1a1a"),
)
_DARK: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    (Role.Window, "#2b2b2b", "#2b2b2b"),
    (Role.WindowText, "#e8e8e8", "#8c8c8c"),
    (Role.Base, "#1f1f1f", "#262626"),
    (Role.AlternateBase, "#292929", "#292929"),
    (Role.Text, "#e8e8e8", "#8c8c8c"),
    (Role.PlaceholderText, "#9a9a9a", "#7a7a7a"),
    (Role.Button, "#353535", "#303030"),
    (Role.ButtonText, "#e8e8e8", "#8c8c8c"),
    (Role.BrightText, "#ffffff", "#ffffff"),
    (Role.Light, "#4a4a4a", "#4a4a4a"),
    (Role.Midlight, "#3c3c3c", "#3c3c3c"),
    (Role.Mid, "#5c5c5c", "#5c5c5c"),
    (Role.Dark, "#1a1a1a", "#1a1a1a"),
    (Role.Shadow, "#0d0d0d", "#0d0d0d"),
    (Role.Highlight, "#3d8fd1", "#4a4a4a"),
    (Role.HighlightedText, "#ffffff", "#b0b0b0"),
    (Role.Link, "#8ab4f8", "#8c8c8c"),
    (Role.LinkVisited, "#c58af9", "#8c8c8c"),
    (Role.ToolTipBase, "#3a3a3a", "#3a3a3a"),
    (Role.ToolTipText, "#e8e8e8", "#e8e8e8"),
)


def _palette(entries: tuple[tuple[QPalette.ColorRole, str, str], ...]) -> QPalette:
    palette = QPalette()
    for role, normal, disabled in entries:
        for group in (Group.Active, Group.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    """Dark text on light ground."""
    return _palette(_LIGHT)


def dark_palette() -> QPalette:
    """Light text on dark ground."""
    return _palette(_DARK)


def is_dark(palette: QPalette) -> bool:
    """True when a palette's text is lighter than its background."""
    return palette.color(Role.WindowText).lightness() > palette.color(Role.Window).lightness()


def load_appearance(settings: QSettings) -> Appearance:
    """The saved choice; System when none (or an unknown one) was saved."""
    value = settings.value(SETTINGS_KEY, Appearance.SYSTEM.value)
    try:
        return Appearance(str(value))
    except ValueError:
        return Appearance.SYSTEM


def save_appearance(settings: QSettings, appearance: Appearance) -> None:
    """Remember the choice for the next start."""
    settings.setValue(SETTINGS_KEY, appearance.value)


class SchemeHints(Protocol):
    """What the controller reads of QStyleHints: the OS's scheme and its change signal."""

    @property
    def colorSchemeChanged(self) -> SignalInstance: ...  # noqa: N802 (Qt's name)

    def colorScheme(self) -> Qt.ColorScheme: ...  # noqa: N802 (Qt's name)


class AppearanceController(QObject):
    """Applies an `Appearance` to the application and, for System, follows the OS's scheme.

    `hints` is the application's QStyleHints (tests pass their own object with the same
    `colorScheme()` and `colorSchemeChanged`); `changed` says which scheme (light or dark)
    is in force after each change.
    """

    changed = Signal(bool)  # True: dark

    def __init__(self, app: QGuiApplication, hints: SchemeHints | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._hints: SchemeHints = hints if hints is not None else app.styleHints()
        self._appearance = Appearance.SYSTEM
        self._hints.colorSchemeChanged.connect(self._on_system_scheme_changed)

    def appearance(self) -> Appearance:
        """The choice in force."""
        return self._appearance

    def set_appearance(self, appearance: Appearance) -> None:
        """Apply a choice now (the window then saves it with `save_appearance`)."""
        self._appearance = appearance
        if appearance is Appearance.SYSTEM:
            self._follow_system()
        else:
            self._ask_style(
                Qt.ColorScheme.Dark if appearance is Appearance.DARK else Qt.ColorScheme.Light
            )
        self._apply(self.wants_dark())

    def wants_dark(self) -> bool:
        """Whether the choice in force means the dark palette right now."""
        if self._appearance is Appearance.SYSTEM:
            return self._hints.colorScheme() == Qt.ColorScheme.Dark
        return self._appearance is Appearance.DARK

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._appearance is Appearance.SYSTEM:
            self._apply(self.wants_dark())

    def _apply(self, dark: bool) -> None:
        palette = dark_palette() if dark else light_palette()
        if self._app.palette() != palette:
            self._app.setPalette(palette)
        self.changed.emit(dark)

    def _ask_style(self, scheme: Qt.ColorScheme) -> None:
        """From Qt 6.8 the platform style draws in the chosen scheme too."""
        setter = getattr(self._hints, "setColorScheme", None)
        if setter is not None:
            setter(scheme)

    def _follow_system(self) -> None:
        unset = getattr(self._hints, "unsetColorScheme", None)
        if unset is not None:
            unset()
