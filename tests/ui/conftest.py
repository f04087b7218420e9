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

if TYPE_CHECKING:
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


class DialogLog:
    """Records what the window's replaceable dialogs were asked to show."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = True
        self.unsaved_asked = 0
        self.unsaved_answer = "cancel"


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: QSettings, profile: Profile, db_path: Path
) -> Iterator[Callable[..., MainWindow]]:
    """Build a real window on a real file with its modal dialogs replaced by recorders."""
    from desktop.app import create_main_window

    windows: list[MainWindow] = []

    def build(path: Path | None = None, *, with_profile: bool = True) -> MainWindow:
        window = create_main_window(path or db_path, settings=settings)
        qtbot.addWidget(window)
        dialogs = DialogLog()
        window._show_error = lambda title, text: dialogs.errors.append((title, text))  # type: ignore[method-assign]
        window._show_info = lambda title, text: dialogs.infos.append((title, text))  # type: ignore[method-assign]

        def confirm(question: str) -> bool:
            dialogs.questions.append(question)
            return dialogs.answer

        window._confirm = confirm  # type: ignore[method-assign]

        def ask_unsaved() -> str:
            dialogs.unsaved_asked += 1
            return dialogs.unsaved_answer

        window._ask_unsaved = ask_unsaved  # type: ignore[method-assign]
        window._ask_profile = lambda first_run: profile if with_profile else None  # type: ignore[method-assign]
        # The list of backups answers with the file a test hands `_choose_file`.
        window._choose_backup = lambda backups: window._choose_file("", Path(), "")  # type: ignore[method-assign]
        window.dialogs = dialogs  # type: ignore[attr-defined]
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
