"""Every edit is one undo step: do, undo, redo, with the real SQLite file checked each time."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from desktop.advice import DistanceUnit, Kind, Profile, Session, Workout
from desktop.store import Store
from desktop.ui.commands import WATER_BURST_SECONDS, WaterCommand
from desktop.ui.main_window import MainWindow
from tests.ui.recording_prompts import prompts_of

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)
LONG_AGO = datetime(2020, 1, 1, 8, 0)


def in_file(window: MainWindow) -> dict[int, Session]:
    """The sessions the window's store holds (its open connection, no cache)."""
    return {s.id: s for s in window.planner.store.all_sessions() if s.id is not None}


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def seed_run(db_path: Path, day: date = MONDAY, hour: int = 7) -> int:
    run = Session(
        kind=Kind.RUN,
        start=datetime.combine(day, time(hour)),
        duration_min=30,
        workout=Workout.EASY,
        distance_km=5.0,
        done=True,
        created=LONG_AGO,
        updated=LONG_AGO,
    )
    with Store.open(db_path) as store:
        return store.add(run)


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    built = make_window()
    built.ensure_profile()
    built.calendar.select_day(MONDAY)
    return built


def test_saving_a_new_session_undoes_and_redoes_with_the_same_id(window: MainWindow) -> None:
    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    [saved] = in_file(window).values()
    assert saved.id is not None
    assert window.day_list.row_count() == 1
    assert action(window, "undoAction").text() == f"&Undo Add run on {MONDAY:%a %d %b}"
    action(window, "undoAction").trigger()
    assert in_file(window) == {}
    assert window.day_list.row_count() == 0
    assert window.calendar.marks_for(MONDAY) is None
    action(window, "redoAction").trigger()
    back = in_file(window)
    assert list(back) == [saved.id] and back[saved.id] == saved
    assert back[saved.id].created == saved.created
    assert [r.session_id for r in window.day_list.rows()] == [saved.id]


def test_delete_then_undo_restores_id_values_and_stamps(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    run_id = seed_run(db_path)
    window = make_window()
    window.calendar.select_day(MONDAY)
    before = in_file(window)[run_id]
    window.day_list.selectRow(0)
    window.delete_action.trigger()
    assert in_file(window) == {}
    undo = action(window, "undoAction")
    assert undo.text() == f"&Undo Delete run on {MONDAY:%a %d %b}"
    undo.trigger()
    back = in_file(window)[run_id]
    assert back == before
    assert (back.created, back.updated) == (before.created, before.updated)
    assert window.day_list.rows()[0].session_id == run_id
    action(window, "redoAction").trigger()
    assert in_file(window) == {}
    assert window.day_list.row_count() == 0


def test_editing_undoes_to_the_old_values_and_updated_time(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    run_id = seed_run(db_path)
    window = make_window()
    window.calendar.select_day(MONDAY)
    before = in_file(window)[run_id]
    window.day_list.selectRow(0)
    window.session_form.fields.distanceField.setValue(7.5)
    window.session_form.saveButton.click()
    edited = in_file(window)[run_id]
    assert edited.distance_km == 7.5 and edited.created == before.created
    window.undo_action.trigger()
    back = in_file(window)[run_id]
    assert back == before and (back.created, back.updated) == (before.created, before.updated)
    window.redo_action.trigger()
    again = in_file(window)[run_id]
    assert again.distance_km == 7.5 and again.updated == edited.updated


def test_duplicate_undoes_to_nothing_and_redoes_the_same_copy(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    run_id = seed_run(db_path)
    window = make_window()
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(0)
    window.duplicate_action.trigger()
    copies = {i: s for i, s in in_file(window).items() if i != run_id}
    [(copy_id, copy)] = copies.items()
    assert copy.day == TUESDAY and not copy.done
    assert window.selected_day() == TUESDAY
    window.undo_action.trigger()
    assert list(in_file(window)) == [run_id]
    window.redo_action.trigger()
    again = in_file(window)[copy_id]
    assert again == copy and again.created == copy.created


def test_water_clicks_merge_into_one_step_and_undo_to_empty(window: MainWindow) -> None:
    box = window.day_log_box
    box.addWaterButton.click()
    box.addWaterButton.click()
    box.addWaterLargeButton.click()
    total = window.planner.store.day_log(MONDAY).water_oz
    assert total == pytest.approx(1000 / 29.5735295625)
    stack = window.undo_stack
    assert stack.count() == 1
    assert "1,000 ml" in stack.undoText() or "1000 ml" in stack.undoText()
    window.undo_action.trigger()
    assert not window.planner.store.day_log(MONDAY).water_oz
    shown = box.log()
    assert shown is not None and not shown.water_oz
    window.redo_action.trigger()
    assert window.planner.store.day_log(MONDAY).water_oz == pytest.approx(total)


def test_water_far_apart_or_on_another_day_is_its_own_step(window: MainWindow) -> None:
    label = lambda oz: f"Add {oz:g} oz"  # noqa: E731
    first = WaterCommand(label, MONDAY, 8.0, at=100.0)
    later = WaterCommand(label, MONDAY, 8.0, at=100.0 + WATER_BURST_SECONDS + 1)
    other_day = WaterCommand(label, TUESDAY, 8.0, at=101.0)
    soon = WaterCommand(label, MONDAY, 8.0, at=101.0)
    assert not first.mergeWith(later)
    assert not first.mergeWith(other_day)
    assert first.mergeWith(soon) and first.text() == "Add 16 oz"


def test_bcaa_and_note_undo_one_at_a_time(window: MainWindow) -> None:
    box = window.day_log_box
    box.bcaaField.setChecked(True)
    box.dayNoteField.setText("Sore legs")
    box.dayNoteField.editingFinished.emit()
    log = window.planner.store.day_log(MONDAY)
    assert log.bcaa and log.note == "Sore legs"
    assert window.undo_action.text() == f"&Undo Edit day note on {MONDAY:%a %d %b}"
    window.undo_action.trigger()
    log = window.planner.store.day_log(MONDAY)
    assert log.bcaa and log.note == ""
    assert window.undo_action.text() == f"&Undo Tick BCAAs on {MONDAY:%a %d %b}"
    window.undo_action.trigger()
    assert not window.planner.store.day_log(MONDAY).bcaa
    assert not window.day_log_box.bcaaField.isChecked()
    window.redo_action.trigger()
    window.redo_action.trigger()
    log = window.planner.store.day_log(MONDAY)
    assert log.bcaa and log.note == "Sore legs"


def test_profile_change_undoes_to_the_earlier_units(window: MainWindow) -> None:
    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    miles = Profile(max_distance_km=10.0, max_speed_kmh=15.0, distance_unit=DistanceUnit.MI)
    prompts_of(window).profile = miles
    window.profile_action.trigger()
    assert window.planner.store.profile() == miles
    assert window.day_list.rows()[0].distance_text.endswith("mi")
    window.undo_action.trigger()
    stored = window.planner.store.profile()
    assert stored is not None and stored.distance_unit is DistanceUnit.KM
    assert window.day_list.rows()[0].distance_text.endswith("km")
    window.redo_action.trigger()
    assert window.planner.store.profile() == miles


def test_first_profile_is_set_up_not_an_undo_step(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    window.ensure_profile()
    assert window.planner.has_profile()
    assert not window.undo_action.isEnabled()


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        yield
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_undo_on_a_read_only_file_says_so_and_keeps_the_stack(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    run_id = seed_run(db_path)
    window = make_window()
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(0)
    window.delete_action.trigger()
    stack = window.undo_stack
    assert (stack.index(), stack.count()) == (1, 1)
    with read_only(db_path):
        window.undo_action.trigger()
    [(title, text)] = prompts_of(window).errors
    assert "cannot be changed" in title.lower() and "read-only" in text
    assert stack.index() == 1  # still "deleted": that is what the file holds
    assert window.undo_action.isEnabled()
    assert in_file(window) == {}
    window.undo_action.trigger()  # writable again: the same step now works
    assert run_id in in_file(window)
    assert stack.index() == 0


def test_a_failing_save_is_reported_once_and_stacks_nothing(
    window: MainWindow, db_path: Path
) -> None:
    window.new_run_action.trigger()
    with read_only(db_path):
        window.session_form.saveButton.click()
    assert len(prompts_of(window).errors) == 1
    assert window.undo_stack.count() == 0
    assert window.session_form.draft() is not None  # the form keeps its values


def test_opening_another_database_clears_the_stack(window: MainWindow, tmp_path: Path) -> None:
    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    assert window.undo_action.isEnabled()
    other = tmp_path / "other.db"
    prompts_of(window).open_file = other
    window.open_action.trigger()
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()


def test_restore_clears_the_stack(window: MainWindow) -> None:
    window.backup_action.trigger()
    backup = window.planner.backups()[0]
    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    prompts_of(window).open_file = backup
    window.restore_action.trigger()
    assert prompts_of(window).errors == []
    assert window.undo_stack.count() == 0
    assert in_file(window) == {}


def test_history_view_goes_back_to_a_clicked_line(window: MainWindow) -> None:
    from desktop.ui.history_dialog import HistoryDialog

    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    window.new_lift_action.trigger()
    window.session_form.saveButton.click()
    assert len(in_file(window)) == 2
    window.history_action.trigger()
    dialog = window.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None and dialog.isVisible()
    view = dialog.view
    view.setCurrentIndex(view.model().index(0, 0))  # "Opened the database"
    assert in_file(window) == {}
    view.setCurrentIndex(view.model().index(2, 0))
    assert len(in_file(window)) == 2
