"""The composition root: window creation, command line, start-up errors, the excepthook."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop import __version__, app
from desktop.store import Store

# tests/conftest.py points HOME, settings and LIFTRUN_LOG_DIR of every test into tmp_path.


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A throwaway settings file."""
    return QSettings(str(tmp_path / "test.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Record error dialogs instead of showing them; keep the real excepthook."""
    from desktop.ui import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: shown.append((title, text))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield shown


def test_create_main_window_builds_without_showing(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = app.create_main_window(tmp_path / "a.db", settings=settings)
    qtbot.addWidget(window)
    assert not window.isVisible()
    assert window.windowTitle().startswith("Liftrun")
    assert "Demo" not in window.windowTitle()
    window.close()
    # Closing released the lock: the same process can open the file again.
    again = app.create_main_window(tmp_path / "a.db", settings=settings)
    qtbot.addWidget(again)
    again.close()


def test_demo_title(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    window = app.create_main_window(tmp_path / "d.db", demo=True, settings=settings)
    qtbot.addWidget(window)
    assert window.windowTitle().endswith(" — Demo data")
    window.close()


def test_create_main_window_raises_store_errors(tmp_path: Path, settings: QSettings) -> None:
    from desktop.store import StoreError

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    with pytest.raises(StoreError):
        app.create_main_window(bad, settings=settings)


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop import logs

    try:
        with pytest.raises(SystemExit) as exit_info:
            app.main(["--version"])
    finally:
        logs.shutdown_logging()
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"Liftrun {__version__}\n"


def _installed_script() -> list[list[str]]:
    """The `liftrun` command pip put beside this Python, when the project is installed."""
    folder = Path(sys.executable).parent
    found = [folder / name for name in ("liftrun", "liftrun.exe") if (folder / name).is_file()]
    return [[str(found[0])]] if found else []


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [[sys.executable, "-m", "desktop"], *_installed_script()],
    ids=lambda command: Path(command[-1]).name,
)
def test_version_from_the_command_line(command: list[str], tmp_path: Path) -> None:
    """`liftrun --version` prints "Liftrun <version>" and exits 0, in a real process."""
    completed = subprocess.run(
        [*command, "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"Liftrun {__version__}\n"


def test_missing_database_folder_gets_its_own_title(
    tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    """--db in a folder that does not exist names that problem, not "Something went wrong"."""
    from desktop import logs

    missing = tmp_path / "no such folder" / "plan.db"
    try:
        code = app.main(["--db", str(missing)])
    finally:
        logs.shutdown_logging()
    assert code == 2
    [(title, text)] = shown_errors
    assert title == "The database folder is missing"
    assert "no such folder" in text
    assert not missing.parent.exists()  # nothing was created behind the user's back


def test_smoke_test_flag_is_hidden_and_runs_smoke(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from desktop import logs, smoke

    monkeypatch.setattr(smoke, "run", lambda: 42)
    try:
        assert app.main(["--smoke-test"]) == 42
    finally:
        logs.shutdown_logging()
    with pytest.raises(SystemExit):
        app.main(["--help"])
    assert "smoke" not in capsys.readouterr().out


def test_start_up_store_error_shows_a_dialog_and_exits_non_zero(
    tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    from desktop import logs

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    try:
        code = app.main(["--db", str(bad)])
    finally:
        logs.shutdown_logging()
    assert code == 2  # a database that cannot be opened
    [(title, text)] = shown_errors
    assert title == "Not a Liftrun database"
    assert str(bad.name) in text or "database" in text.lower()


def test_second_instance_is_refused_with_a_dialog(
    tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    from desktop import logs

    path = tmp_path / "held.db"
    with Store.open(path):
        try:
            code = app.main(["--db", str(path)])
        finally:
            logs.shutdown_logging()
    assert code == 2  # a database that cannot be opened
    assert shown_errors and shown_errors[0][0] == "Liftrun is already open"


def test_demo_opens_sample_data_and_removes_it_on_quit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    import tempfile

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import logs
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen: dict[str, object] = {}

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].is_attached:
            QTimer.singleShot(20, close_when_ready)
            return
        window = windows[0]
        seen["title"] = window.windowTitle()
        seen["db"] = window.planner.db_path
        seen["sessions"] = len(window.planner.store.all_sessions())
        window.close()

    QTimer.singleShot(0, close_when_ready)
    try:
        code = app.main(["--demo"])
    finally:
        logs.shutdown_logging()
    assert code == 0, shown_errors
    assert "Demo data" in str(seen["title"])
    db = seen["db"]
    assert isinstance(db, Path) and db.parent.parent == tmp_path
    assert isinstance(seen["sessions"], int) and seen["sessions"] > 300
    assert not db.parent.exists()  # the throwaway demo folder is gone after quitting


def test_excepthook_logs_and_shows_a_friendly_dialog(caplog: pytest.LogCaptureFixture) -> None:
    shown: list[tuple[str, str]] = []
    hook = app.make_excepthook(lambda title, text: shown.append((title, text)))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.CRITICAL):
            hook(type(exc), exc, exc.__traceback__)
    assert any(r.exc_info for r in caplog.records)
    [(_title, text)] = shown
    assert "Traceback" not in text
    assert "boom" in text and "log" in text.lower()


def test_excepthook_survives_a_failing_dialog(caplog: pytest.LogCaptureFixture) -> None:
    def broken(title: str, text: str) -> None:
        raise OSError("no display")

    hook = app.make_excepthook(broken)
    with caplog.at_level(logging.ERROR):
        hook(ValueError, ValueError("x"), None)  # must not raise
    messages = [record.getMessage() for record in caplog.records]
    assert "Uncaught exception" in messages
    assert "Could not show the error dialog" in messages


def test_installed_pyside6_keeps_none_referenced() -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a None reference per void call and aborted.

    pyproject.toml excludes that release; this fails loudly if such a build is installed.
    """
    from PySide6.QtGui import QColor

    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(1_000):
        colour.setRed(1)
    assert before - sys.getrefcount(None) < 10


FIRST_FRAME_PROBE = r"""
import sys
from pathlib import Path

import PySide6.QtCore as QtCore

from desktop.logs import setup_logging
from desktop.startup import ensure_application, start_main_window

setup_logging()
app = ensure_application()
built = {}

def locate():  # called once the shell's first frame is complete, before the store opens
    built["first frame"] = "Qt" in vars(QtCore)
    return Path(sys.argv[1])

def ready():
    built["ready"] = "Qt" in vars(QtCore)
    built["readers at ready"] = "desktop.interop.reader" in sys.modules
    app.quit()

window = start_main_window(locate, on_failure=app.exit)
window.ready.connect(ready)
window.show()
app.exec()
print(built)
"""


def test_first_frame_leaves_the_qt_namespace_unbuilt(tmp_path: Path) -> None:
    """The shell paints without PySide6 building the `Qt` namespace (~15 ms of start-up).

    Its first use (importing `Qt`, or a call whose overloads take a `Qt` enum such as
    QPainter.setPen) builds all of its enums at once; the complete window may do so. The
    file readers (gpxpy, xml, urllib: about 45 ms) load on the first import, never at start.
    """
    from desktop.sample import sample_profile

    db = tmp_path / "plan.db"
    with Store.open(db) as store:
        store.save_profile(sample_profile())  # so no first-run dialog follows
    completed = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, str(db)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    last_line = completed.stdout.strip().splitlines()[-1]
    assert last_line == "{'first frame': False, 'ready': True, 'readers at ready': False}"
