"""Appearance: System, Light and Dark palettes, and System following the OS while running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.appearance import (
    Appearance,
    AppearanceController,
    dark_palette,
    is_dark,
    light_palette,
    load_appearance,
    save_appearance,
)
from tests.ui.fake_hints import FakeHints


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[QApplication]:
    """The application, its palette put back afterwards."""
    del qtbot
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    before = QPalette(instance.palette())
    yield instance
    instance.setPalette(before)


def _contrast(palette: QPalette, fore: QPalette.ColorRole, back: QPalette.ColorRole) -> float:
    def luminance(role: QPalette.ColorRole) -> float:
        colour = palette.color(role)

        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * linear(colour.redF())
            + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF())
        )

    high, low = sorted((luminance(fore), luminance(back)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_both_palettes_keep_text_readable(palette: QPalette) -> None:
    role = QPalette.ColorRole
    assert _contrast(palette, role.Text, role.Base) >= 7
    assert _contrast(palette, role.WindowText, role.Window) >= 7
    assert _contrast(palette, role.HighlightedText, role.Highlight) >= 3
    assert is_dark(dark_palette()) and not is_dark(light_palette())


def test_light_and_dark_apply_whatever_the_system_says(app: QApplication) -> None:
    hints = FakeHints(Qt.ColorScheme.Dark)
    controller = AppearanceController(app, hints)
    controller.set_appearance(Appearance.LIGHT)
    assert not is_dark(app.palette())
    hints.switch(Qt.ColorScheme.Light)
    hints.switch(Qt.ColorScheme.Dark)
    assert not is_dark(app.palette())  # a chosen scheme ignores the system's changes
    controller.set_appearance(Appearance.DARK)
    assert is_dark(app.palette())


def test_system_follows_the_operating_system_while_running(app: QApplication, qtbot: QtBot) -> None:
    hints = FakeHints(Qt.ColorScheme.Light)
    controller = AppearanceController(app, hints)
    controller.set_appearance(Appearance.SYSTEM)
    assert not is_dark(app.palette())
    with qtbot.waitSignal(controller.changed) as changed:
        hints.switch(Qt.ColorScheme.Dark)
    assert changed.args == [True]
    assert is_dark(app.palette())
    hints.switch(Qt.ColorScheme.Light)
    assert not is_dark(app.palette())


def test_the_choice_is_saved_and_an_unknown_one_means_system(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat)
    assert load_appearance(settings) is Appearance.SYSTEM
    save_appearance(settings, Appearance.DARK)
    assert load_appearance(settings) is Appearance.DARK
    settings.setValue("appearance/scheme", "purple")
    assert load_appearance(settings) is Appearance.SYSTEM
    assert [a.label.replace("&", "") for a in Appearance] == ["System", "Light", "Dark"]
