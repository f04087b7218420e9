"""The suite never touches the user's files: settings, logs and data land in a temporary home.

In process, tests/conftest.py points everything into tmp_path. The entry points the suite
starts as subprocesses are run here with only HOME set (and TMPDIR), so Liftrun's own default
folders are used, and must all land inside that temporary home.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop import __version__, logs
from desktop.store import Store, default_db_path
from desktop.ui.app_settings import app_settings
from tests.conftest import LIFTRUN_OVERRIDES, REAL_HOME, SETTINGS_FILE, USER_FOLDERS

# Where Liftrun keeps per-user files on each OS, relative to the real home.
REAL_LIFTRUN_FOLDERS = [
    REAL_HOME / ".config" / "Liftrun",
    REAL_HOME / ".local" / "share" / "Liftrun",
    REAL_HOME / ".cache" / "Liftrun",
    REAL_HOME / ".local" / "state" / "Liftrun",
    REAL_HOME / ".qttest",
    REAL_HOME / "Library" / "Logs" / "Liftrun",
    REAL_HOME / "Library" / "Application Support" / "Liftrun",
    REAL_HOME / "AppData" / "Local" / "Liftrun",
    REAL_HOME / "AppData" / "Roaming" / "Liftrun",
    # macOS keeps QSettings("Liftrun", "Liftrun") in a preferences file.
    REAL_HOME / "Library" / "Preferences" / "com.liftrun.Liftrun.plist",
    REAL_HOME / "Library" / "Preferences" / "com.Liftrun.Liftrun.plist",
]
# Windows keeps QSettings("Liftrun", "Liftrun") in the registry, under this key.
REGISTRY_KEY = r"Software\Liftrun"


def registry_snapshot() -> list[tuple[str, str, object]]:
    """Every value under HKEY_CURRENT_USER\\Software\\Liftrun (empty elsewhere than Windows)."""
    if sys.platform != "win32":
        return []
    import winreg

    found: list[tuple[str, str, object]] = []

    def walk(path: str) -> None:
        try:
            key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, path)
        except OSError:
            return
        with key:
            subkeys, values, _modified = winreg.QueryInfoKey(key)
            for index in range(values):
                name, value, _kind = winreg.EnumValue(key, index)
                found.append((path, name, value))
            for index in range(subkeys):
                walk(path + "\\" + winreg.EnumKey(key, index))

    walk(REGISTRY_KEY)
    return found


def test_each_test_has_its_own_home(isolated_user_folders: Path, tmp_path: Path) -> None:
    """HOME, the default settings file, the log folder and the default database are temporary."""
    home = isolated_user_folders
    assert home.is_relative_to(tmp_path)
    assert Path.home() == home
    assert Path(QSettings("Liftrun", "Liftrun").fileName()).is_relative_to(home)
    assert logs.log_dir().is_relative_to(home)
    assert default_db_path().is_relative_to(home)
    from platformdirs import user_config_dir, user_log_dir

    assert Path(user_config_dir("Liftrun")).is_relative_to(home)
    assert Path(user_log_dir("Liftrun")).is_relative_to(home)


def test_every_folder_and_the_settings_are_temporary_on_this_os(
    isolated_user_folders: Path,
) -> None:
    """On Windows platformdirs asks the system unless WIN_PD_OVERRIDE_* is set; on macOS
    QSettings' own format is a preferences file setPath cannot move: both are overridden."""
    import platformdirs

    home = isolated_user_folders
    for folder in (
        platformdirs.user_data_dir("Liftrun", appauthor=False),
        platformdirs.user_config_dir("Liftrun", appauthor=False),
        platformdirs.user_cache_dir("Liftrun", appauthor=False),
        platformdirs.user_log_dir("Liftrun", appauthor=False),
        platformdirs.user_documents_dir(),
        platformdirs.user_pictures_dir(),
        platformdirs.user_downloads_dir(),
        platformdirs.user_desktop_dir(),
    ):
        assert Path(folder).is_relative_to(home), folder
    settings = app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == home / SETTINGS_FILE
    settings.setValue("probe", 1)
    settings.sync()
    assert (home / SETTINGS_FILE).is_file()


def test_without_an_override_the_settings_are_the_os_own() -> None:
    """LIFTRUN_SETTINGS is the only way to an ini file; otherwise the OS's store is used."""
    settings = app_settings({})
    assert settings.format() == QSettings.Format.NativeFormat
    assert (settings.organizationName(), settings.applicationName()) == ("Liftrun", "Liftrun")
    named = app_settings({"LIFTRUN_SETTINGS": " /somewhere/liftrun.ini "})
    assert named.format() == QSettings.Format.IniFormat
    assert Path(named.fileName()) == Path("/somewhere/liftrun.ini")


def test_tests_never_open_a_real_window(qapp: Any) -> None:
    """The suite's QApplication draws offscreen, never on the user's screen."""
    assert qapp.platformName() == "offscreen"


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under the folders (missing ones are empty)."""
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        if folder.exists():
            for path in [folder, *folder.rglob("*")]:
                info = path.lstat()
                found[str(path)] = (info.st_size if path.is_file() else 0, info.st_mtime_ns)
    return found


def files_under(folder: Path) -> set[str]:
    """Every file under folder, relative to it, with forward slashes."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


# Runs `liftrun` with the given arguments and closes the window as soon as it is complete.
RUN_UNTIL_READY = r"""
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app
from desktop.startup import ensure_application
from desktop.ui.main_window import MainWindow

ensure_application()

def close_when_ready() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if windows and windows[0].is_attached:
        windows[0].close()
        return
    QTimer.singleShot(20, close_when_ready)

QTimer.singleShot(0, close_when_ready)
sys.exit(app.main(sys.argv[1:]))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="HOME steers the per-user folders on Linux")
def test_entry_points_write_only_inside_a_temporary_home(tmp_path: Path) -> None:
    """--version, --smoke-test, --demo and a normal start keep every file in the given home."""
    home = tmp_path / "entry-home"  # not the test's own home from tests/conftest.py
    temp = tmp_path / "entry-tmp"
    home.mkdir()
    temp.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {*USER_FOLDERS, *LIFTRUN_OVERRIDES, "USERPROFILE"}
    }
    env.update(HOME=str(home), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    # A normal start opens the per-user database; give it a profile so no dialog waits.
    data = home / ".local" / "share" / "Liftrun"
    data.mkdir(parents=True)
    from desktop.sample import sample_profile

    with Store.open(data / "liftrun.db") as store:
        store.save_profile(sample_profile())

    before = snapshot(REAL_LIFTRUN_FOLDERS)
    runs = {
        "--version": [sys.executable, "-m", "desktop", "--version"],
        "--smoke-test": [sys.executable, "-m", "desktop", "--smoke-test"],
        "--demo": [sys.executable, "-c", RUN_UNTIL_READY, "--demo"],
        "a normal start": [sys.executable, "-c", RUN_UNTIL_READY],
    }
    for name, command in runs.items():
        completed = subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180
        )
        assert completed.returncode == 0, f"{name}: {completed.stdout}{completed.stderr}"
        if name == "--version":
            assert completed.stdout == f"Liftrun {__version__}\n"
    assert snapshot(REAL_LIFTRUN_FOLDERS) == before, "a Liftrun entry point wrote the real home"

    written = files_under(home)
    # The defaults really were used, and all of them inside the temporary home.
    assert {
        ".local/state/Liftrun/log/liftrun.log",
        ".config/Liftrun/Liftrun.conf",
        ".local/share/Liftrun/liftrun.db",
    } <= written, sorted(written)
    log_text = (home / ".local/state/Liftrun/log/liftrun.log").read_text(encoding="utf-8")
    assert log_text.count(f"Liftrun {__version__} starting") == len(runs)
    assert not files_under(temp), "the demo and smoke-test folders were left behind"


@pytest.mark.slow
def test_started_apps_keep_every_file_in_the_test_home_on_every_os(
    isolated_user_folders: Path, tmp_path: Path
) -> None:
    """A normal start and a demo, as subprocesses with the suite's overrides, on any OS.

    Their settings land in the LIFTRUN_SETTINGS ini file, their log in LIFTRUN_LOG_DIR and
    the default database in platformdirs' (overridden) data folder, all in the test's home;
    the real home's Liftrun folders, macOS's preferences file and Windows' registry key are
    as they were.
    """
    home = isolated_user_folders
    db_path = default_db_path()
    assert db_path.is_relative_to(home)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    from desktop.sample import sample_profile

    with Store.open(db_path) as store:
        store.save_profile(sample_profile())
    before = snapshot(REAL_LIFTRUN_FOLDERS), registry_snapshot()
    for name, arguments in {"a normal start": [], "--demo": ["--demo"]}.items():
        completed = subprocess.run(
            [sys.executable, "-c", RUN_UNTIL_READY, *arguments],
            cwd=tmp_path,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert completed.returncode == 0, f"{name}: {completed.stdout}{completed.stderr}"
    assert (snapshot(REAL_LIFTRUN_FOLDERS), registry_snapshot()) == before
    settings = QSettings(str(home / SETTINGS_FILE), QSettings.Format.IniFormat)
    assert settings.allKeys(), "the window kept no layout in the test's settings file"
    log_text = (home / "liftrun-log" / logs.LOG_FILE).read_text(encoding="utf-8")
    assert log_text.count(f"Liftrun {__version__} starting") == 2
