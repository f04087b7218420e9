"""Settings > Appearance: System, Light and Dark as one exclusive group of checkable actions.

The actions are declared in desktop/ui/actions.py; this controller makes them a group,
checks the saved choice, and on a pick applies it through the `AppearanceController` and
saves it in the window's settings, where start-up reads it before the window shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup

from desktop.ui.appearance import (
    Appearance,
    AppearanceController,
    load_appearance,
    save_appearance,
)


class AppearanceMenu(QObject):
    """The three Appearance actions: checkable, exclusive, applied and remembered on a pick.

    `controller` gives the application's AppearanceController when a choice is made (the
    window may be built without one; the factory then makes it on first use).
    """

    def __init__(
        self,
        choices: Mapping[Appearance, QAction],
        settings: QSettings,
        controller: Callable[[], AppearanceController],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = dict(choices)
        self._settings = settings
        self._controller = controller
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        for action in self._choices.values():
            action.setCheckable(True)
            self._group.addAction(action)
        self._show(load_appearance(settings))

    def appearance(self) -> Appearance:
        """The checked choice."""
        return next(a for a, action in self._choices.items() if action.isChecked())

    def on_system(self) -> None:
        """Settings > Appearance > System: follow the operating system, also when it changes."""
        self.choose(Appearance.SYSTEM)

    def on_light(self) -> None:
        """Settings > Appearance > Light."""
        self.choose(Appearance.LIGHT)

    def on_dark(self) -> None:
        """Settings > Appearance > Dark."""
        self.choose(Appearance.DARK)

    def choose(self, appearance: Appearance) -> None:
        """Apply `appearance` now and keep it for the next start."""
        self._show(appearance)
        self._controller().set_appearance(appearance)
        save_appearance(self._settings, appearance)

    def _show(self, appearance: Appearance) -> None:
        self._choices[appearance].setChecked(True)
