"""Plan > Plan week, Plan block and templates through the real window on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QDialog, QPushButton, QTextBrowser, QTimeEdit
from pytestqt.qtbot import QtBot

from desktop.advice import Kind, Session
from desktop.store import Store
from desktop.ui.apply_template_dialog import ApplyTemplateDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.plan_week_dialog import PlanWeekDialog
from tests.builders import MONDAY, at, lift, run
from tests.ui.recording_prompts import prompts_of

WEDNESDAY = MONDAY + timedelta(days=2)
NEXT_MONDAY = MONDAY + timedelta(days=7)

DialogStep = Callable[[QDialog], bool]


def in_file(window: MainWindow) -> dict[int, Session]:
    """The sessions the window's store holds (read from the file, no cache)."""
    return {s.id: s for s in window.planner.store.all_sessions() if s.id is not None}


def seed(db_path: Path, sessions: list[Session]) -> list[int]:
    with Store.open(db_path) as store:
        return store.add_many(sessions)


def apply_with(
    window: MainWindow, change: Callable[[QDialog], None] | None = None, *, accept: bool = True
) -> list[QDialog]:
    """Replace the modal run of the planning dialogs: change the inputs, then Apply or Cancel."""
    shown: list[QDialog] = []

    def run_dialog(dialog: QDialog) -> bool:
        shown.append(dialog)
        if change is not None:
            change(dialog)
        button = dialog.findChild(QPushButton, "applyButton" if accept else "cancelButton")
        assert button is not None
        button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    prompts_of(window).on_run_dialog = run_dialog
    return shown


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    built = make_window()
    built.ensure_profile()
    built.calendar.select_day(WEDNESDAY)
    return built


def preview_lines(dialog: QDialog) -> list[str]:
    preview = dialog.findChild(QTextBrowser, "previewText")
    assert preview is not None
    text = preview.toPlainText()
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_plan_week_from_the_menu_is_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanWeekDialog)
        assert dialog.objectName() == "planWeekDialog"
        assert dialog.plan_request().week_start == MONDAY  # the selected day's week
        with qtbot.waitSignal(dialog.preview_changed):
            dialog.runsSpin.setValue(4)
        with qtbot.waitSignal(dialog.preview_changed):
            dialog.distanceSpin.setValue(30.0)
        preview = dialog.plan_preview()
        assert preview is not None
        runs = [s for s in preview.sessions if s.kind is Kind.RUN]
        assert len(runs) == 4
        assert sum(s.distance_km or 0 for s in runs) == pytest.approx(30.0, rel=0.1)
        lines = preview_lines(dialog)
        assert "Monday 2 March" in lines and "Thursday 5 March" in lines
        assert any(line.startswith("18:00-19:00 Deadlift") for line in lines)
        assert any("Run right after" in line for line in lines)  # the advice under the lift
        seen["starts"] = sorted(s.start for s in preview.sessions)

    shown = apply_with(window, change)
    window.plan_week_action.trigger()
    assert len(shown) == 1

    stored = in_file(window)
    assert sorted(s.start for s in stored.values()) == seen["starts"]
    assert all(not s.done for s in stored.values())
    stack = window.undo_stack
    assert stack.count() == 1 and stack.undoText().startswith("Plan the week of Mon 02 Mar")
    assert window.calendar.marks_for(MONDAY) is not None

    window.undo_action.trigger()
    assert in_file(window) == {}
    window.redo_action.trigger()
    assert sorted(in_file(window)) == sorted(stored)
    assert {i: s.start for i, s in in_file(window).items()} == {
        i: s.start for i, s in stored.items()
    }


def test_cancel_writes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanWeekDialog)
        with qtbot.waitSignal(dialog.preview_changed):
            dialog.runsSpin.setValue(5)
        assert dialog.plan_preview() is not None

    shown = apply_with(window, change, accept=False)
    window.plan_week_action.trigger()
    assert len(shown) == 1 and shown[0].result() == QDialog.DialogCode.Rejected
    assert in_file(window) == {}
    assert window.undo_stack.count() == 0


def test_replace_removes_planned_sessions_but_never_done_ones(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    planned_id, done_id = seed(db_path, [run(at(5, 9)), run(at(1, 7), done=True)])
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(WEDNESDAY)

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanWeekDialog)
        dialog.replaceRadio.setChecked(True)
        preview = dialog.plan_preview()
        assert preview is not None and [s.id for s in preview.removed] == [planned_id]
        assert any("(removed)" in line for line in preview_lines(dialog))
        assert "Already on the calendar:" in preview_lines(dialog)

    apply_with(window, change)
    window.plan_week_action.trigger()
    stored = in_file(window)
    assert planned_id not in stored and done_id in stored
    assert stored[done_id].done
    assert window.undo_stack.count() == 1

    window.undo_action.trigger()
    assert sorted(in_file(window)) == [planned_id, done_id]


def test_the_dialog_is_filled_from_the_recent_weeks(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    past = []
    for week in (1, 2):
        past += [lift(at(-7 * week + 1, 6, 30), 45), run(at(-7 * week + 3, 7), distance_km=9.0)]
    seed(db_path, past)
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(WEDNESDAY)

    def check(dialog: QDialog) -> None:
        tuesday = dialog.findChild(QCheckBox, "liftDay1")
        monday = dialog.findChild(QCheckBox, "liftDay0")
        clock = dialog.findChild(QTimeEdit, "liftTime1")
        assert tuesday is not None and tuesday.isChecked()
        assert monday is not None and not monday.isChecked()
        assert clock is not None and clock.time() == QTime(6, 30)
        assert isinstance(dialog, PlanWeekDialog)
        assert dialog.distanceSpin.value() == pytest.approx(9.0)
        assert dialog.runsSpin.value() == 1

    apply_with(window, check, accept=False)
    window.plan_week_action.trigger()
    assert sorted(s.start for s in in_file(window).values()) == sorted(s.start for s in past)


def test_plan_block_plans_four_weeks_in_one_step(window: MainWindow) -> None:
    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanWeekDialog)
        assert dialog.windowTitle() == "Plan block"
        assert dialog.weeksSpin.value() == 4

    apply_with(window, check)
    window.plan_block_action.trigger()
    weeks = {s.day - timedelta(days=s.day.weekday()) for s in in_file(window).values()}
    assert weeks == {MONDAY + timedelta(weeks=n) for n in range(4)}
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText().startswith("Plan 4 weeks from Mon 02 Mar")
    window.undo_action.trigger()
    assert in_file(window) == {}


def test_a_week_saved_as_a_template_applies_to_another_week(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    originals = seed(db_path, [lift(at(0, 18)), run(at(1, 7), done=True)])
    in_next_week = seed(db_path, [run(at(9, 7))])[0]
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(WEDNESDAY)
    prompts = prompts_of(window)
    prompts.template_name = "Base week"
    window.save_template_action.trigger()
    assert prompts.template_names_asked == ["Week of 02 Mar"]
    assert window.planner.store.template_names() == ["Base week"]
    assert window.undo_stack.undoText() == "Save template \u201cBase week\u201d"

    # Still on the week it came from: Apply proposes the next week, not this one again.
    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, ApplyTemplateDialog)
        assert dialog.objectName() == "applyTemplateDialog"
        assert dialog.week_start() == NEXT_MONDAY
        lines = preview_lines(dialog)
        assert "Already on the calendar:" in lines
        assert any(line.startswith("18:00-19:00 Deadlift") for line in lines)
        assert any("Run right after" in line for line in lines)
        preview = dialog.plan_preview()
        assert preview is not None and len(preview.sessions) == 2

    apply_with(window, check)
    window.apply_template_action.trigger()
    stored = in_file(window)
    added = sorted(set(stored) - {*originals, in_next_week})
    assert [(stored[i].kind, stored[i].start, stored[i].done) for i in added] == [
        (Kind.DEADLIFT, at(7, 18), False),
        (Kind.RUN, at(8, 7), False),
    ]
    window.undo_action.trigger()
    assert sorted(in_file(window)) == sorted([*originals, in_next_week])
    window.redo_action.trigger()
    assert sorted(in_file(window)) == sorted(stored)


def test_template_menus_without_templates_say_so(window: MainWindow) -> None:
    shown = apply_with(window)
    window.apply_template_action.trigger()
    window.delete_template_action.trigger()
    assert shown == []
    infos = prompts_of(window).infos
    assert [title for title, _ in infos] == ["Apply template", "Delete template"]
    assert "Save week as template" in infos[0][1]

    window.save_template_action.trigger()  # the selected week is empty
    assert "has no sessions" in infos[-1][1]
    assert window.planner.store.template_names() == []


def test_delete_template_asks_first(make_window: Callable[..., MainWindow], db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_template("Old", [lift(at(0, 18))])
    window = make_window()
    window.ensure_profile()
    prompts_of(window).template_choice = lambda title, names: names[0]
    prompts_of(window).answer = False
    window.delete_template_action.trigger()
    assert window.planner.store.template_names() == ["Old"]
    prompts_of(window).answer = True
    window.delete_template_action.trigger()
    assert window.planner.store.template_names() == []
    assert "stay as they are" in prompts_of(window).questions[-1]


def test_apply_template_proposes_the_week_after_the_selected_one(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    with Store.open(db_path) as store:
        store.save_template("Base", [lift(at(0, 18))])
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(NEXT_MONDAY + timedelta(days=6))  # a Sunday
    proposed = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, ApplyTemplateDialog)
        proposed.append(dialog.week_start())

    apply_with(window, look, accept=False)
    window.apply_template_action.trigger()
    assert proposed == [NEXT_MONDAY + timedelta(weeks=1)]
    assert window.undo_stack.count() == 0  # Cancel writes nothing


def test_saving_a_template_is_one_undo_step(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    seed(db_path, [lift(at(0, 18)), run(at(2, 7))])
    with Store.open(db_path) as store:
        store.save_template("Base", [run(at(3, 6))])
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(WEDNESDAY)
    prompts = prompts_of(window)
    prompts.template_name = "Base"
    prompts.answer = True  # replace the template of that name
    window.save_template_action.trigger()

    def placed() -> list[tuple[Kind, object]]:
        sessions = window.planner.store.template("Base", NEXT_MONDAY)
        return [(s.kind, s.start) for s in sessions]

    saved = [(Kind.DEADLIFT, at(7, 18)), (Kind.RUN, at(9, 7))]
    assert placed() == saved
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert placed() == [(Kind.RUN, at(10, 6))]  # the template it replaced, as it was
    window.redo_action.trigger()
    assert placed() == saved
    window.undo_action.trigger()
    window.planner.store.delete_template("Base")
    prompts.template_name = "New"
    window.save_template_action.trigger()
    assert window.planner.store.template_names() == ["New"]
    window.undo_action.trigger()
    assert window.planner.store.template_names() == []  # a new template is removed again


def test_deleting_a_template_is_one_undo_step(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    kept = [lift(at(0, 18)), run(at(1, 7), distance_km=8.0)]
    with Store.open(db_path) as store:
        store.save_template("Old", kept)
    window = make_window()
    window.ensure_profile()
    prompts_of(window).template_choice = lambda title, names: names[0]
    prompts_of(window).answer = True
    window.delete_template_action.trigger()
    assert window.planner.store.template_names() == []
    assert window.undo_stack.undoText() == "Delete template \u201cOld\u201d"

    window.undo_action.trigger()
    back = window.planner.store.template("Old", MONDAY)
    assert [(s.kind, s.start, s.distance_km) for s in back] == [
        (Kind.DEADLIFT, at(0, 18), None),
        (Kind.RUN, at(1, 7), 8.0),
    ]
    window.redo_action.trigger()
    assert window.planner.store.template_names() == []
