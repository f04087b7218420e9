"""Test set-up shared by every suite: Qt runs offscreen, and nothing touches the user's files.

Each test gets its own home folder: HOME, the XDG folders, Windows' APPDATA/LOCALAPPDATA and
LIFTRUN_LOG_DIR point into its tmp_path, and Qt's settings paths too. The variables are set in
os.environ, so every subprocess a test starts inherits them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _real_home() -> Path:
    """The user's home from the password database (HOME itself is replaced per test)."""
    try:
        import pwd
    except ImportError:  # Windows
        return Path.home()
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

# Relative to the temporary home; platformdirs and Qt follow these on Linux, Windows, macOS.
USER_FOLDERS = {
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CACHE_HOME": ".cache",
    "XDG_STATE_HOME": ".local/state",
    "APPDATA": "AppData/Roaming",
    "LOCALAPPDATA": "AppData/Local",
}


def user_folders_env(home: Path) -> dict[str, str]:
    """Environment variables that put a user's home, folders and Liftrun's log under `home`."""
    env = {"HOME": str(home), "USERPROFILE": str(home)}
    for variable, relative in USER_FOLDERS.items():
        (home / relative).mkdir(parents=True, exist_ok=True)
        env[variable] = str(home / relative)
    env["LIFTRUN_LOG_DIR"] = str(home / "liftrun-log")
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
