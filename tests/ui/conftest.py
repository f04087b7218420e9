"""Fixtures for window tests: a settings file, a real database file, a ready window.

Every test already has its own home and Qt settings folder (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.advice import Profile
from tests.ui.recording_prompts import RecordingPrompts

if TYPE_CHECKING:
    from desktop.ui.appearance import AppearanceController
    from desktop.ui.main_window import MainWindow


@pytest.fixture
def isolated_settings(isolated_user_folders: Path) -> Path:
    """The folder this test's default QSettings write to (tests/conftest.py points it there)."""
    return isolated_user_folders / ".config"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """An explicit ini-file QSettings the window can be handed."""
    return QSettings(str(tmp_path / "liftrun-test.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def profile() -> Profile:
    """A runner whose longest run is 10 km and top speed 15 km/h; units left default."""
    return Profile(max_distance_km=10.0, max_speed_kmh=15.0)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a fresh test database goes."""
    return tmp_path / "plan.db"


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: QSettings, profile: Profile, db_path: Path
) -> Iterator[Callable[..., MainWindow]]:
    """Build a real window on a real file, asking its questions of a `RecordingPrompts`.

    `prompts_of(window)` (tests/ui/recording_prompts.py) gives the recorder (or the one
    handed in as `prompts`); its profile dialog answers `profile`, or Cancel when built
    `with_profile=False`.
    """
    from desktop.app import create_main_window

    windows: list[MainWindow] = []

    def build(
        path: Path | None = None,
        *,
        with_profile: bool = True,
        prompts: RecordingPrompts | None = None,
        appearance: AppearanceController | None = None,
    ) -> MainWindow:
        if prompts is None:
            prompts = RecordingPrompts()
        prompts.profile = profile if with_profile else None
        window = create_main_window(
            path or db_path, settings=settings, prompts=prompts, appearance=appearance
        )
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
