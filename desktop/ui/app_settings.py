"""Liftrun's one source of QSettings: the OS's own store, or an ini file when one is named.

Without an override the settings live where each OS keeps them (the registry under
HKEY_CURRENT_USER\\Software\\Liftrun on Windows, a preferences file under ~/Library/Preferences
on macOS, ~/.config/Liftrun/Liftrun.conf on Linux). `QSettings.setPath` cannot move the
registry or macOS's preferences, so LIFTRUN_SETTINGS names an ini file to use instead: the
test suite points it into a temporary folder for every test and every process a test starts.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QSettings

from desktop import APP_NAME

SETTINGS_FILE_ENV = "LIFTRUN_SETTINGS"


def app_settings(environ: Mapping[str, str] | None = None) -> QSettings:
    """The settings the window remembers its layout and choices in."""
    env = os.environ if environ is None else environ
    override = env.get(SETTINGS_FILE_ENV, "").strip()
    if override:
        return QSettings(os.path.expanduser(override), QSettings.Format.IniFormat)
    return QSettings(APP_NAME, APP_NAME)
