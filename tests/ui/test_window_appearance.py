"""Settings > Appearance through the real window: one exclusive choice, applied before the
window shows, kept in the settings, and System following the (stand-in) OS while running.

The OS's scheme is always `FakeHints`: no test reads or changes the real one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.startup import start_appearance
from desktop.store import Store
from desktop.ui.appearance import Appearance, is_dark, load_appearance, save_appearance
from desktop.ui.main_window import MainWindow
from desktop.ui.progress_chart import ProgressChart
from desktop.ui.soreness_picker import SorenessPicker
from tests.builders import MONDAY, at, lift, run
from tests.ui.fake_hints import FakeHints

NAMES = ("appearanceSystemAction", "appearanceLightAction", "appearanceDarkAction")


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[QApplication]:
    """The application, its palette put back afterwards."""
    del qtbot
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    before = QPalette(instance.palette())
    yield instance
    instance.setPalette(before)


def checked(window: MainWindow) -> list[bool]:
    found = [window.findChild(QAction, name) for name in NAMES]
    assert all(action is not None for action in found)
    return [action.isChecked() for action in found if action is not None]


def mean_lightness(widget: QWidget) -> int:
    """How light a widget looks on the whole, from its rendering (0 black, 255 white)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    small = image.scaled(
        1, 1, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return small.pixelColor(0, 0).lightness()


def test_appearance_is_one_choice_applied_before_the_window_and_kept(
    make_window: Callable[..., MainWindow], settings: QSettings, app: QApplication
) -> None:
    hints = FakeHints(Qt.ColorScheme.Light)
    save_appearance(settings, Appearance.DARK)
    controller = start_appearance(app, settings, hints)
    assert is_dark(app.palette())  # before any window exists
    window = make_window(appearance=controller)
    assert checked(window) == [False, False, True]
    group = window.appearance_dark_action.actionGroup()
    assert group is not None and group.isExclusive()
    assert {a.objectName() for a in group.actions()} == set(NAMES)

    window.appearance_light_action.trigger()
    assert not is_dark(app.palette())
    assert checked(window) == [False, True, False]
    assert load_appearance(settings) is Appearance.LIGHT

    window.appearance_system_action.trigger()
    assert not is_dark(app.palette())
    hints.switch(Qt.ColorScheme.Dark)  # the OS turns dark while Liftrun runs
    assert is_dark(app.palette())
    hints.switch(Qt.ColorScheme.Light)
    assert not is_dark(app.palette())
    assert load_appearance(settings) is Appearance.SYSTEM

    window.appearance_dark_action.trigger()
    hints.switch(Qt.ColorScheme.Light)  # a fixed choice ignores the OS
    assert is_dark(app.palette())
    assert checked(window) == [False, False, True]


def test_a_live_switch_repaints_the_painted_parts_and_the_advice_frames(
    make_window: Callable[..., MainWindow],
    settings: QSettings,
    db_path: Path,
    app: QApplication,
    qtbot: QtBot,
) -> None:
    with Store.open(db_path) as store:
        too_far = run(at(0, 19), 57, distance_km=9.5)  # a warning: more than 8 km after it
        store.add_many([lift(at(0, 18)), too_far, run(at(1, 7), done=True)])
    controller = start_appearance(app, settings, FakeHints(Qt.ColorScheme.Light))
    window = make_window(appearance=controller)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    window.calendar.select_day(MONDAY)
    warnings = [
        f for f in window.advice_panel.findChildren(QFrame, "adviceWarning") if f.isVisible()
    ]
    assert warnings, window.advice_panel.plain_text()
    window.progress_action.trigger()
    chart = window.findChild(ProgressChart)
    assert chart is not None
    window.week_view_action.trigger()
    painted: list[QWidget] = [window.week_view, warnings[0], chart]
    window.month_view_action.trigger()
    painted.append(window.calendar)

    def lightness() -> list[int]:
        """Once every widget has heard of the palette (Qt posts that news)."""
        dark = is_dark(app.palette())
        qtbot.waitUntil(lambda: all(is_dark(w.palette()) == dark for w in painted))
        shown = [mean_lightness(widget) for widget in painted[:-1]]
        window.month_view_action.trigger()
        return [*shown, mean_lightness(painted[-1])]

    light = lightness()
    assert all(value > 160 for value in light), light
    window.appearance_dark_action.trigger()
    dark = lightness()
    assert all(value < 110 for value in dark), dark
    # Texts under a widget's own style sheet take the new colours too.
    picker = window.day_log_box.findChild(SorenessPicker)
    assert picker is not None
    number = picker.findChild(QToolButton, "soreness3Button")
    assert number is not None
    texts: list[QWidget] = [picker.questionLabel, picker.valueLabel, number]
    qtbot.waitUntil(lambda: all(is_dark(widget.palette()) for widget in texts))
    window.appearance_light_action.trigger()
    again = lightness()
    assert all(value > 160 for value in again), again
