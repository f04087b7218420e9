"""Start-up with a damaged database (restore a backup) and the daily backup after the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from desktop import startup
from desktop.advice import Session
from desktop.sample import sample_profile
from desktop.store import BackupError, Store
from desktop.store.backups import BackupKind, backup_paths
from tests.builders import run


def _run(day: int) -> Session:
    return run(datetime(2024, 3, day, 7, 0), minutes=30)


# `liftrun --db PATH` in a fresh process, with start-up's modal dialogs replaced by ones that
# answer as told (argv[2], JSON) and record what the user was shown; the window is closed
# as soon as it is complete.
MAIN_WITH_DIALOGS_REPLACED = r"""
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop import app, startup
from desktop.ui import dialogs
from desktop.ui.main_window import MainWindow

QTimer.singleShot(60_000, lambda: os._exit(5))  # never hang the test run
plan = json.loads(sys.argv[2])
seen = {"offers": [], "listed": [], "messages": [], "sessions": None}

def ask_restore(parent, title, text):
    seen["offers"].append([title, text])
    return plan["answer"] if len(seen["offers"]) == 1 else False

def choose_backup(parent, db, infos):
    seen["listed"].append([[i.kind.value, i.sessions, i.ok, str(i.path)] for i in infos])
    return None if plan["pick"] is None else infos[plan["pick"]].path

def show_message(parent, title, text, *, error=False):
    seen["messages"].append([title, text, error])

startup.ask_restore = ask_restore
startup.choose_backup = choose_backup
startup.show_message = show_message
dialogs.show_error = lambda parent, title, text: seen["messages"].append([title, text, True])

def close_when_ready():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if windows and windows[0].is_attached:
        seen["sessions"] = len(windows[0].planner.store.all_sessions())
        QTimer.singleShot(100, windows[0].close)  # after the window's own queued notices
    elif windows and windows[0].isVisible():
        QTimer.singleShot(20, close_when_ready)

QTimer.singleShot(0, close_when_ready)
seen["code"] = app.main(["--db", sys.argv[1]])
print("SEEN " + json.dumps(seen))
"""


def _main(db: Path, *, answer: bool = True, pick: int | None = 0) -> dict[str, Any]:
    """Run `liftrun --db db` in a real process; what its replaced dialogs were shown."""
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            MAIN_WITH_DIALOGS_REPLACED,
            str(db),
            json.dumps({"answer": answer, "pick": pick}),
        ],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("SEEN ")]
    assert lines, completed.stderr
    seen: dict[str, Any] = json.loads(lines[-1].removeprefix("SEEN "))
    return seen


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    """In-process: record start-up's messages instead of showing them."""
    shown: list[tuple[str, str, bool]] = []

    def show_message(parent: QWidget, title: str, text: str, *, error: bool = False) -> None:
        shown.append((title, text, error))

    monkeypatch.setattr(startup, "show_message", show_message)
    monkeypatch.setattr(startup, "_told", set())
    # The window's own error dialogs (it may report a backup failure itself).
    from desktop.ui import dialogs as ui_dialogs

    monkeypatch.setattr(
        ui_dialogs, "show_error", lambda parent, title, text: shown.append((title, text, True))
    )
    return shown


def _damaged_with_backup(folder: Path) -> tuple[Path, bytes]:
    """A database with a 2-session backup, then 3 sessions, then truncated mid-page."""
    db = folder / "liftrun.db"
    with Store.open(db) as store:
        store.save_profile(sample_profile())
        store.add_many([_run(1), _run(2)])
        store.backup_now()
        store.add(_run(3))
    data = db.read_bytes()
    damaged = data[: len(data) - 700]
    db.write_bytes(damaged)
    return db, damaged


def test_a_damaged_file_is_replaced_by_the_chosen_backup_and_kept_aside(
    tmp_path: Path,
) -> None:
    db, damaged = _damaged_with_backup(tmp_path)
    seen = _main(db)
    assert seen["code"] == 0, seen["messages"]
    [[title, text]] = seen["offers"]
    assert title == "The database is damaged" and "truncated" in text
    [listed] = seen["listed"]
    assert [row[:3] for row in listed] == [["manual", 2, True]]
    assert seen["sessions"] == 2  # start-up went on with the restored file
    [kept] = tmp_path.glob("liftrun.db.damaged-*")
    assert kept.read_bytes() == damaged  # never opened, never changed
    [[told_title, told, error], *_more] = seen["messages"]
    assert _more == [], _more
    assert told_title == "Backup restored" and not error
    assert str(kept) in told and Path(listed[0][3]).name in told


def test_closing_the_offer_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    db, damaged = _damaged_with_backup(tmp_path)
    seen = _main(db, answer=False)
    assert seen["code"] == 2
    assert len(seen["offers"]) == 1 and seen["listed"] == [] and seen["messages"] == []
    assert db.read_bytes() == damaged
    assert list(tmp_path.glob("liftrun.db.damaged-*")) == []


def test_cancelling_the_list_asks_again(tmp_path: Path) -> None:
    db, damaged = _damaged_with_backup(tmp_path)
    seen = _main(db, pick=None)
    assert seen["code"] == 2
    assert len(seen["offers"]) == 2  # the second time it was closed
    assert db.read_bytes() == damaged


def test_without_a_sound_backup_the_plain_error_is_shown(tmp_path: Path) -> None:
    db, damaged = _damaged_with_backup(tmp_path)
    for backup in backup_paths(db):
        backup.write_bytes(b"not a database")
    seen = _main(db)
    assert seen["code"] == 2
    assert seen["offers"] == []
    [[title, _text, error]] = seen["messages"]
    assert title == "The database is damaged" and error
    assert db.read_bytes() == damaged


def test_the_daily_backup_runs_after_the_window_is_complete(
    qtbot: QtBot, tmp_path: Path, dialogs: list[tuple[str, str, bool]]
) -> None:
    db = tmp_path / "liftrun.db"
    with Store.open(db) as store:
        store.save_profile(sample_profile())
        store.add(_run(1))
    assert backup_paths(db) == []  # a new file's first open needs no backup
    failures: list[int] = []
    window = startup.start_main_window(lambda: db, on_failure=failures.append)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert backup_paths(db) == []  # not taken while opening
    qtbot.waitUntil(lambda: len(backup_paths(db, BackupKind.DAILY)) == 1, timeout=10_000)
    window.close()
    assert failures == [] and dialogs == []


def test_a_failed_daily_backup_is_shown_once_in_a_dialog_and_in_the_status_bar(
    qtbot: QtBot, tmp_path: Path, dialogs: list[tuple[str, str, bool]]
) -> None:
    db = tmp_path / "liftrun.db"
    with Store.open(db) as store:
        store.save_profile(sample_profile())
        store.add(_run(1))
    assert not (tmp_path / "backups").exists()  # a new file's first open needs no backup
    (tmp_path / "backups").write_text("a file where the folder should be")
    window = startup.start_main_window(lambda: db, on_failure=lambda code: None)
    qtbot.addWidget(window)
    window.show()
    status = window.statusBar()
    qtbot.waitUntil(lambda: "backup failed" in status.currentMessage())
    assert "Back up now" in status.currentMessage()
    startup.report_backup_failure(window, BackupError("The backup failed again.", db))
    window.close()
    [(title, text, error)] = dialogs  # the dialog only the first time
    assert "backup failed" in title.lower() and error
    assert "backups folder" in text


def test_a_window_without_its_own_report_gets_the_status_message_and_one_dialog(
    qtbot: QtBot, tmp_path: Path, dialogs: list[tuple[str, str, bool]]
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    for attempt in ("first", "second"):
        startup.report_backup_failure(window, BackupError(f"The {attempt} copy failed.", tmp_path))
    assert "Back up now" in window.statusBar().currentMessage()
    assert dialogs == [(startup.BACKUP_FAILED_TITLE, "The first copy failed.", True)]
