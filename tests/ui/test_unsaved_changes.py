"""No edit is lost silently: every path that replaces the form asks Save / Discard / Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.advice import DistanceUnit, Kind, Profile, Session, Workout
from desktop.store import Store
from desktop.ui import dialogs
from desktop.ui.main_window import MainWindow
from tests.ui.recording_prompts import prompts_of

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)
MILES = Profile(max_distance_km=10.0, max_speed_kmh=15.0, distance_unit=DistanceUnit.MI)


def run_at(hour: int) -> Session:
    return Session(
        kind=Kind.RUN,
        start=datetime.combine(MONDAY, time(hour)),
        duration_min=30,
        workout=Workout.EASY,
        distance_km=5.0,
    )


@dataclass
class Setup:
    """A window editing Monday's 07:00 run with its distance changed to 7.5 km, not saved."""

    window: MainWindow
    db_path: Path
    first: int
    second: int
    other_db: Path

    def distances(self) -> dict[int, float | None]:
        """Distances in the file; read through the window's store while it is open."""
        if self.window.planner.db_path == self.db_path and not self.window.planner.store.closed:
            sessions = self.window.planner.store.all_sessions()
        else:
            with Store.open(self.db_path) as store:
                sessions = store.all_sessions()
        return {s.id: s.distance_km for s in sessions if s.id is not None}


@pytest.fixture
def setup(make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path) -> Setup:
    with Store.open(db_path) as store:
        first, second = store.add(run_at(7)), store.add(run_at(18))
    window = make_window()
    window.ensure_profile()
    window.backup_action.trigger()  # for the Restore path
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(0)
    assert window.session_form.session_id() == first
    assert not window.isWindowModified()
    window.session_form.fields.distanceField.setValue(7.5)
    assert window.session_form.is_dirty() and window.isWindowModified()
    return Setup(window, db_path, first, second, tmp_path / "other.db")


def select_day(s: Setup) -> bool:
    s.window.calendar.select_day(TUESDAY)
    return s.window.selected_day() == TUESDAY


def select_row(s: Setup) -> bool:
    s.window.day_list.selectRow(1)
    return s.window.session_form.session_id() == s.second


def new_run(s: Setup) -> bool:
    s.window.new_run_action.trigger()
    return s.window.session_form.session_id() is None


def new_lift_button(s: Setup) -> bool:
    s.window.newLiftButton.click()
    draft = s.window.session_form.draft()
    return draft is not None and draft.kind is Kind.DEADLIFT


def save_profile(s: Setup) -> bool:
    prompts_of(s.window).profile = MILES
    s.window.profile_action.trigger()
    return s.window.planner.profile() == MILES


def open_database(s: Setup) -> bool:
    prompts_of(s.window).open_file = s.other_db
    s.window.open_action.trigger()
    return s.window.planner.db_path == s.other_db


def restore(s: Setup) -> bool:
    backup = s.window.planner.backups()[0]
    prompts_of(s.window).open_file = backup
    s.window.restore_action.trigger()
    return "Restored" in s.window.statusBar().currentMessage()


def close_window(s: Setup) -> bool:
    s.window.close()
    return not s.window.isVisible() and s.window.is_closed


def duplicate(s: Setup) -> bool:
    s.window.duplicate_action.trigger()
    return s.window.selected_day() == TUESDAY


PATHS = {
    "select another day": select_day,
    "select another session": select_row,
    "New run": new_run,
    "New deadlift button": new_lift_button,
    "save the profile": save_profile,
    "open another database": open_database,
    "restore a backup": restore,
    "close the window": close_window,
    "duplicate": duplicate,
}


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_cancel_keeps_everything_as_it_was(setup: Setup, path: Callable[[Setup], bool]) -> None:
    prompts_of(setup.window).unsaved_answer = "cancel"
    setup.window.show()
    assert not path(setup)
    assert prompts_of(setup.window).unsaved_asked == 1
    draft = setup.window.session_form.draft()
    assert draft is not None and draft.distance_km == 7.5
    assert setup.window.session_form.session_id() == setup.first
    assert setup.window.selected_day() == MONDAY
    assert setup.window.isWindowModified()
    assert setup.distances()[setup.first] == 5.0


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_discard_drops_the_edit_and_goes_on(setup: Setup, path: Callable[[Setup], bool]) -> None:
    prompts_of(setup.window).unsaved_answer = "discard"
    assert path(setup)
    assert prompts_of(setup.window).unsaved_asked == 1
    if path is not restore:
        assert setup.distances()[setup.first] == 5.0
    if path is duplicate:
        [copy_id] = set(setup.distances()) - {setup.first, setup.second}
        assert setup.distances()[copy_id] == 5.0  # what was saved, not the discarded edit
    assert not setup.window.isWindowModified()


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
def test_save_keeps_the_edit_and_goes_on(setup: Setup, path: Callable[[Setup], bool]) -> None:
    prompts_of(setup.window).unsaved_answer = "save"
    assert path(setup)
    assert prompts_of(setup.window).unsaved_asked == 1
    if path is not restore:  # a restore replaces the file, the saved edit with it
        assert setup.distances()[setup.first] == 7.5
    if path is duplicate:
        [copy_id] = set(setup.distances()) - {setup.first, setup.second}
        assert setup.distances()[copy_id] == 7.5
    assert not setup.window.isWindowModified()


def test_a_clean_form_is_never_asked_about(setup: Setup) -> None:
    prompts_of(setup.window).unsaved_answer = "save"
    setup.window.session_form.saveButton.click()
    assert not setup.window.isWindowModified()
    assert select_day(setup)
    assert new_run(setup)  # an untouched new template is not a change either
    setup.window.calendar.select_day(MONDAY)
    assert setup.window.selected_day() == MONDAY
    assert prompts_of(setup.window).unsaved_asked == 0


def test_the_question_is_a_message_box_with_save_discard_cancel(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer

    seen: list[tuple[str, object]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.objectName(), box.standardButtons()))
        box.button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(0, answer)
    assert dialogs.ask_unsaved(None) == "discard"
    [(name, buttons)] = seen
    assert name == "unsavedChangesBox"
    expected = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    assert buttons == expected
