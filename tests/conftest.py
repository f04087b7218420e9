"""Test set-up shared by every suite: Qt runs offscreen, and nothing touches the user's files.

Each test gets its own home folder: HOME, the XDG folders (Linux, and macOS through
platformdirs), Windows' APPDATA/LOCALAPPDATA and platformdirs' WIN_PD_OVERRIDE_* folders (on
Windows platformdirs asks the system, not APPDATA, unless those are set), LIFTRUN_LOG_DIR and
LIFTRUN_SETTINGS (an ini file: QSettings.setPath cannot move the registry or macOS's
preferences) point into its tmp_path. The variables are set in os.environ, so every
subprocess a test starts inherits them.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Offscreen, one 1366x768 screen (the smallest the window is made for) instead of Qt's
# 800x800: the first-start size and the panels' room are measured on it.
_SCREEN_CONFIG = Path(__file__).with_name("offscreen_screen.json")


def _screen_config_option() -> str | None:
    """The config file as the platform option takes it: no ':' (it separates options)."""
    candidates = [str(_SCREEN_CONFIG)]
    with contextlib.suppress(ValueError):  # on another drive there is no relative path
        candidates.append(os.path.relpath(_SCREEN_CONFIG))  # Windows: "C:" is a colon
    return next((path for path in candidates if ":" not in path), None)


if os.environ["QT_QPA_PLATFORM"] == "offscreen" and (_option := _screen_config_option()):
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_option}"


def _real_home() -> Path:
    """The user's home from the password database (HOME itself is replaced per test)."""
    if sys.platform == "win32":
        return Path.home()  # USERPROFILE, read before any test replaces it
    import pwd

    return Path(pwd.getpwuid(os.getuid()).pw_dir)


REAL_HOME = _real_home()
# pip's own user configuration (an index mirror, say) stays readable for tests that build a
# wheel; pip only reads it.
_REAL_PIP_CONFIG = next(
    (
        path
        for path in (
            Path(os.environ.get("XDG_CONFIG_HOME") or REAL_HOME / ".config") / "pip" / "pip.conf",
            REAL_HOME / ".pip" / "pip.conf",
        )
        if path.is_file()
    ),
    None,
)

# Relative to the temporary home. platformdirs follows the XDG variables on Linux and macOS
# and only the WIN_PD_OVERRIDE_<CSIDL name> ones on Windows (platformdirs/windows.py,
# get_win_folder); Qt and the rest of Windows read APPDATA and LOCALAPPDATA.
USER_FOLDERS = {
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CACHE_HOME": ".cache",
    "XDG_STATE_HOME": ".local/state",
    "XDG_DOCUMENTS_DIR": "Documents",
    "XDG_PICTURES_DIR": "Pictures",
    "XDG_DOWNLOAD_DIR": "Downloads",
    "XDG_DESKTOP_DIR": "Desktop",
    "APPDATA": "AppData/Roaming",
    "LOCALAPPDATA": "AppData/Local",
    "WIN_PD_OVERRIDE_APPDATA": "AppData/Roaming",
    "WIN_PD_OVERRIDE_LOCAL_APPDATA": "AppData/Local",
    "WIN_PD_OVERRIDE_COMMON_APPDATA": "ProgramData",
    "WIN_PD_OVERRIDE_PERSONAL": "Documents",
    "WIN_PD_OVERRIDE_MYPICTURES": "Pictures",
    "WIN_PD_OVERRIDE_DOWNLOADS": "Downloads",
    "WIN_PD_OVERRIDE_DESKTOPDIRECTORY": "Desktop",
}
# The settings file every test's (and subprocess's) app_settings() uses, relative to home.
SETTINGS_FILE = ".config/Liftrun/liftrun-settings.ini"
# Variables that steer Liftrun's own files away from the defaults.
LIFTRUN_OVERRIDES = ("LIFTRUN_LOG_DIR", "LIFTRUN_SETTINGS", "LIFTRUN_DB")


def user_folders_env(home: Path) -> dict[str, str]:
    """Environment variables that put a user's home, folders, Liftrun's log and settings
    under `home`."""
    env = {"HOME": str(home), "USERPROFILE": str(home)}
    for variable, relative in USER_FOLDERS.items():
        (home / relative).mkdir(parents=True, exist_ok=True)
        env[variable] = str(home / relative)
    env["LIFTRUN_LOG_DIR"] = str(home / "liftrun-log")
    env["LIFTRUN_SETTINGS"] = str(home / SETTINGS_FILE)
    if _REAL_PIP_CONFIG is not None and "PIP_CONFIG_FILE" not in os.environ:
        env["PIP_CONFIG_FILE"] = str(_REAL_PIP_CONFIG)
    return env


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point home, settings, logs and data of this test (and its subprocesses) into tmp_path."""
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path / "home"
    home.mkdir()
    for variable, value in user_folders_env(home).items():
        monkeypatch.setenv(variable, value)
    monkeypatch.delenv("LIFTRUN_DB", raising=False)
    # Qt works its settings folder out once per process; point it here for this test.
    QStandardPaths.setTestModeEnabled(True)
    settings_folder = str(home / ".config")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, settings_folder)
    yield home


@pytest.fixture(autouse=True)
def neutral_locale() -> Iterator[None]:
    """Every test starts in Qt's C locale (decimal point, weeks from Monday), whatever the
    machine's region, and with the engine writing numbers with a point; a test of another
    locale sets its own (tests/locales.py). Both are put back after."""
    from PySide6.QtCore import QLocale

    from desktop.advice import units

    before = QLocale()
    QLocale.setDefault(QLocale.c())
    style = units.set_number_style(units.POINT)
    yield
    units.set_number_style(style)
    QLocale.setDefault(before)
