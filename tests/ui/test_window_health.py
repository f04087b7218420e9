"""The window's health side against a real file: soreness, backup failures, store notices."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from desktop.advice import Code, DayLog, Kind, Session, Workout
from desktop.store import BackupKind, Store
from desktop.ui.health_controller import (
    BACKUP_FAILED_TITLE,
    PROFILE_ADJUSTED_TITLE,
    UNREADABLE_TITLE,
)
from desktop.ui.main_window import MainWindow
from tests.ui.recording_prompts import prompts_of

MONDAY = date(2026, 3, 2)


def intervals_run(day: date = MONDAY, hour: int = 7) -> Session:
    return Session(
        kind=Kind.RUN,
        start=datetime.combine(day, time(hour)),
        duration_min=30,
        workout=Workout.INTERVALS,
        distance_km=4.0,
    )


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def notices(window: MainWindow) -> list[tuple[str, str]]:
    """The non-modal notices the window has shown (the recorder's list, kept current)."""
    return prompts_of(window).notices


def break_backups(db_path: Path) -> None:
    """Put a file where the backups folder goes: every backup then really fails."""
    folder = db_path.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("not a folder")


# --- soreness ---------------------------------------------------------------------------


def test_a_soreness_rating_is_one_undo_step_and_the_advice_follows_at_once(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    with Store.open(db_path) as store:
        run_id = store.add(intervals_run())
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    window.day_list.select_session(run_id, notify=True)
    assert window.session_form.session_id() == run_id
    assert "very sore" not in window.advice_panel.plain_text()
    assert not window.day_list.rows()[0].has_warning

    picker = window.day_log_box.sorenessPicker
    eight = picker.findChild(QToolButton, "soreness8Button")
    assert eight is not None
    eight.click()

    assert window.planner.store.day_log(MONDAY).soreness == 8  # in the file
    assert "very sore today (8/10)" in window.advice_panel.plain_text()  # the run's advice
    assert window.day_list.rows()[0].has_warning
    stored = window.planner.get(run_id)
    assert stored is not None
    advice = window.planner.advise_draft(stored)
    assert Code.SORENESS_HIGH in {w.code for w in advice.warnings}
    assert action(window, "undoAction").text() == f"&Undo Rate soreness 8/10 on {MONDAY:%a %d %b}"

    action(window, "undoAction").trigger()
    assert window.planner.store.day_log(MONDAY).soreness is None
    assert picker.rating() is None
    assert "very sore" not in window.advice_panel.plain_text()
    assert not window.day_list.rows()[0].has_warning

    action(window, "redoAction").trigger()
    assert window.planner.store.day_log(MONDAY).soreness == 8
    assert picker.rating() == 8
    assert "very sore today (8/10)" in window.advice_panel.plain_text()


def test_below_seven_nothing_changes_and_the_keyboard_rates_too(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    with Store.open(db_path) as store:
        store.add(intervals_run())
        store.save_day_log(DayLog(day=MONDAY, water_oz=20.0, note="kept"))
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    picker = window.day_log_box.sorenessPicker
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_6)
    assert window.planner.store.day_log(MONDAY) == DayLog(
        day=MONDAY, water_oz=20.0, note="kept", soreness=6
    )
    assert not window.day_list.rows()[0].has_warning
    assert "very sore" not in window.advice_panel.plain_text()  # the day's advice
    qtbot.keyClick(picker, Qt.Key.Key_Right)
    assert window.planner.store.day_log(MONDAY).soreness == 7
    assert window.day_list.rows()[0].has_warning
    assert "very sore" in window.advice_panel.plain_text()
    qtbot.keyClick(picker, Qt.Key.Key_Delete)
    assert window.planner.store.day_log(MONDAY).soreness is None
    assert action(window, "undoAction").text() == f"&Undo Clear soreness on {MONDAY:%a %d %b}"


# --- backups --------------------------------------------------------------------------------


def test_a_failed_daily_backup_is_shown_in_the_status_bar_and_once_in_a_dialog(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    with Store.open(db_path) as store:
        store.add(intervals_run())  # something to protect: the next open's backup is due
    break_backups(db_path)
    window = make_window()
    errors = prompts_of(window).errors
    qtbot.waitUntil(lambda: len(errors) == 1)
    title, text = errors[0]
    assert title == BACKUP_FAILED_TITLE
    assert "backups" in text and "File > Back up now" in text  # what failed, what to do
    assert window.statusBar().currentMessage().startswith(BACKUP_FAILED_TITLE)
    assert window.planner.store.last_backup_error is not None

    window.calendar.select_day(MONDAY + timedelta(days=40))  # another page, more reading
    window.health.tell_store_notices()  # as after File > Open or a restore
    assert len(errors) == 1  # told once
    window.statusBar().clearMessage()
    assert window.planner.store.daily_backup() is None  # fails again, a new failure
    window.health.tell_store_notices()
    assert len(errors) == 1  # the dialog was the first time only
    assert window.statusBar().currentMessage().startswith(BACKUP_FAILED_TITLE)

    window.statusBar().clearMessage()
    action(window, "backupAction").trigger()  # by hand: asked for, so answered again
    assert len(errors) == 2 and errors[1][0] == BACKUP_FAILED_TITLE
    assert window.statusBar().currentMessage().startswith(BACKUP_FAILED_TITLE)

    (db_path.parent / "backups").unlink()
    action(window, "backupAction").trigger()
    assert len(errors) == 2
    assert window.statusBar().currentMessage().startswith("Backed up to")


def test_restore_lists_the_backups_and_still_checks_the_chosen_file(
    make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.ensure_profile()
    action(window, "backupAction").trigger()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)

    prompts_of(window).backup_answer = garbage
    action(window, "restoreAction").trigger()
    [[info]] = prompts_of(window).backups_offered
    assert info.kind is BackupKind.MANUAL and info.sessions == 0 and info.ok
    assert prompts_of(window).errors
    assert prompts_of(window).questions == []  # never asked to replace


# --- the store's one-time notices -------------------------------------------------------


def test_an_adjusted_profile_is_told_once_after_the_window_is_ready(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    from tests.store.helpers import build_v2

    build_v2(db_path, window_min=1440, water_oz=32.0)
    window = make_window()
    infos = prompts_of(window).infos
    assert infos == []  # not inside attach: once the window is ready
    qtbot.waitUntil(lambda: bool(infos))
    [(title, text)] = infos
    assert title == PROFILE_ADJUSTED_TITLE
    assert "1440 minutes" in text and "64" in text
    assert window.planner.profile().immediate_window_min == 180
    window.health.tell_store_notices()
    assert len(infos) == 1  # told once
    window.close()

    again = make_window()  # the next open of the same file
    again.health.tell_store_notices()
    assert prompts_of(again).infos == []


def test_an_unreadable_session_is_named_once_and_the_rest_of_the_calendar_shows(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    with Store.open(db_path) as store:
        kept = store.add(intervals_run(hour=7))
        bad = store.add(intervals_run(hour=18))
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE session SET speed_kmh = 1000 WHERE id = ?", (bad,))
    conn.commit()
    conn.close()

    window = make_window()
    shown = notices(window)
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    qtbot.waitUntil(lambda: bool(shown))
    [(title, text)] = shown
    assert title == UNREADABLE_TITLE
    assert "2026-03-02 18:00" in text and f"number {bad}" in text
    assert "could not be read" in window.statusBar().currentMessage()
    assert [row.session_id for row in window.day_list.rows()] == [kept]
    marks = window.calendar.marks_for(MONDAY)
    assert marks is not None and len(marks.sessions) == 1

    window.calendar.select_day(MONDAY + timedelta(days=35))
    window.calendar.select_day(MONDAY)  # read again (page changes tell at once)
    window.health.tell_store_notices()
    assert len(shown) == 1  # once per open


def test_the_restore_list_names_each_backup_and_offers_any_other_file(
    make_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton

    from desktop.ui.dialogs import QtPrompts
    from desktop.ui.prompts import OTHER_FILE
    from desktop.ui.restore_backup_dialog import RestoreBackupDialog

    window = make_window()
    window.ensure_profile()
    action(window, "backupAction").trigger()
    infos = window.planner.backup_list()
    seen: list[str] = []

    def answer(button_name: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreBackupDialog)
        intro = dialog.findChild(QLabel, "restoreIntro")
        assert intro is not None
        seen.append(intro.text())
        item = dialog.backup_list.topLevelItem(0)
        assert item is not None
        seen.append(" | ".join(item.text(column) for column in range(3)))
        button = dialog.findChild(QPushButton, button_name)
        assert button is not None
        button.click()

    prompts = QtPrompts(window)  # the real dialog, as the window shows it
    QTimer.singleShot(0, lambda: answer("restoreButton"))
    assert prompts.choose_backup(window.planner.db_path, infos) == infos[0].path
    assert "backed up first" in seen[0]  # not the start-up wording about a damaged file
    assert "Made by hand" in seen[1] and "0 sessions" in seen[1]

    QTimer.singleShot(0, lambda: answer("otherBackupButton"))
    assert prompts.choose_backup(window.planner.db_path, infos) == OTHER_FILE
    # "Other file…" goes on to the file chooser, in the backups folder.
    recorder = prompts_of(window)
    recorder.backup_answer = OTHER_FILE
    action(window, "restoreAction").trigger()
    assert recorder.asked[-1] == ("open file", "Restore a backup")
    assert recorder.questions == []  # Cancel there: nothing replaced


def test_a_window_closed_before_its_notices_are_due_says_nothing(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    from tests.store.helpers import build_v2

    build_v2(db_path, window_min=1440, water_oz=80.0)
    window = make_window()
    window.close()  # the store is closed; the queued notices must not ask it anything
    window.health.tell_store_notices()
    assert prompts_of(window).infos == [] and prompts_of(window).errors == []
