"""The window shell: names, menus and keys, first run, settings, layout memory, errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop import store as store_module
from desktop.advice import Advice, DistanceUnit, InvalidInputError, Kind, Profile, Session
from desktop.store import Store
from desktop.ui import actions, dialogs
from desktop.ui.main_window import MainWindow
from tests.ui.recording_prompts import prompts_of

MONDAY = date(2026, 3, 2)

CONTRACT_NAMES = [
    "calendar",
    "dayList",
    "dayLogBox",
    "sessionForm",
    "kindField",
    "startField",
    "durationField",
    "workoutField",
    "distanceField",
    "speedField",
    "spotterField",
    "painField",
    "newRunButton",
    "newLiftButton",
    "saveButton",
    "deleteButton",
    "applySuggestionButton",
    "advicePanel",
]


def test_contract_object_names(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    for name in CONTRACT_NAMES:
        assert window.findChild(QWidget, name) is not None, name
    assert isinstance(window.findChild(QDateTimeEdit, "startField"), QDateTimeEdit)


def test_menus_and_shortcuts(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Plan", "Settings", "Help"]
    expected = {
        window.open_action: QKeySequence(QKeySequence.StandardKey.Open),
        window.quit_action: QKeySequence(QKeySequence.StandardKey.Quit),
        window.delete_action: QKeySequence(QKeySequence.StandardKey.Delete),
        window.new_run_action: QKeySequence("Ctrl+R"),
        window.new_lift_action: QKeySequence("Ctrl+L"),
        window.duplicate_action: QKeySequence("Ctrl+D"),
        window.today_action: QKeySequence("Ctrl+T"),
        window.backup_action: QKeySequence("Ctrl+B"),
    }
    for action, keys in expected.items():
        if keys.isEmpty():  # a platform without that standard key
            continue
        assert action.shortcut() == keys, action.text()
    for action in (window.restore_action, window.profile_action, window.about_action):
        assert action.text()


def test_every_action_names_a_method_of_its_controller(
    make_window: Callable[..., MainWindow],
) -> None:
    """A menu row's slot ("edits.on_undo") is a real method: no action does nothing."""
    window = make_window()
    for spec in actions.all_specs():
        owner = getattr(window, spec.controller) if spec.controller else window
        assert callable(getattr(owner, spec.method, None)), spec.slot


def test_first_run_asks_for_a_profile_and_defaults_to_km(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    prompts = prompts_of(window)
    prompts.profile = Profile(max_distance_km=12.0, max_speed_kmh=14.0)
    window.ensure_profile()
    assert prompts.profiles_asked == [True]
    assert window.planner.profile().distance_unit is DistanceUnit.KM
    window.ensure_profile()  # already has one: not asked again
    assert prompts.profiles_asked == [True]


def test_cancelled_first_run_uses_defaults(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(with_profile=False)
    window.ensure_profile()
    assert not window.planner.has_profile()
    assert "Settings > Profile" in window.statusBar().currentMessage()
    window.new_run_action.trigger()
    assert window.session_form.draft() is not None


def test_settings_profile_switches_units(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    assert window.day_list.rows()[0].distance_text.endswith("km")
    miles = Profile(max_distance_km=10.0, max_speed_kmh=15.0, distance_unit=DistanceUnit.MI)
    prompts_of(window).profile = miles
    window.profile_action.trigger()
    assert window.day_list.rows()[0].distance_text.endswith("mi")


def test_edit_actions_drive_the_form(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    window.new_lift_action.trigger()
    draft = window.session_form.draft()
    assert draft is not None and draft.kind is Kind.DEADLIFT
    window.session_form.saveButton.click()
    window.duplicate_action.trigger()
    assert window.selected_day() == MONDAY + timedelta(days=1)
    window.delete_action.trigger()
    assert prompts_of(window).questions
    assert window.calendar.marks_for(MONDAY + timedelta(days=1)) is None
    assert window.calendar.marks_for(MONDAY) is not None


def test_duplicate_action_makes_a_new_session_like_the_button(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    long_ago = datetime(2020, 1, 1, 8, 0)
    lift = Session(
        kind=Kind.DEADLIFT,
        start=datetime.combine(MONDAY, time(18, 0)),
        duration_min=60,
        done=True,
        created=long_ago,
        updated=long_ago,
    )
    with Store.open(db_path) as store:
        original_id = store.add(lift)
    window = make_window()
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(0)
    assert window.session_form.session_id() == original_id
    window.duplicate_action.trigger()
    assert window.selected_day() == MONDAY + timedelta(days=1)
    copy_id = window.session_form.session_id()
    assert copy_id is not None and copy_id != original_id
    copy = window.planner.get(copy_id)
    assert copy is not None and not copy.done
    assert copy.start == lift.start + timedelta(days=1)
    assert copy.created is not None and copy.created > long_ago


def test_today_action(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.calendar.select_day(date(2020, 1, 1))
    window.today_action.trigger()
    assert window.selected_day() == date.today()


def test_water_goes_through_the_planner(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    window.day_log_box.water_added.emit(8.0)
    window.day_log_box.water_added.emit(8.0)
    assert window.planner.day_log(MONDAY).water_oz == pytest.approx(16.0)


def test_adding_water_loads_the_month_once(
    make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    store = window.planner.store
    loads: list[tuple[date, date]] = []
    real = store.sessions_between

    def counting(first: date, last: date) -> list[Session]:
        loads.append((first, last))
        return real(first, last)

    monkeypatch.setattr(store, "sessions_between", counting)
    window.day_log_box.addWaterButton.click()
    assert len(loads) == 1
    assert window.day_log_box.log() == window.planner.day_log(MONDAY)
    assert window.planner.day_log(MONDAY).water_oz == pytest.approx(250 / 29.5735295625)


def test_setting_the_exact_water_updates_the_day_advice(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    assert "Water: nothing logged yet" in window.advice_panel.plain_text()
    window.day_log_box.waterField.setValue(2000)
    window.day_log_box.setWaterButton.click()
    assert window.planner.day_log(MONDAY).water_oz == pytest.approx(2000 / 29.5735295625)
    assert "Water: 2,000 ml of 1,893 ml, target reached." in window.advice_panel.plain_text()


def test_layout_is_remembered(
    make_window: Callable[..., MainWindow], qtbot: QtBot, settings: QSettings
) -> None:
    window = make_window()
    window.resize(760, 560)  # fits the offscreen 800x600 screen
    window.show()
    qtbot.waitExposed(window)
    window.main_splitter.setSizes([460, 300])
    sizes = window.main_splitter.sizes()
    window.close()
    assert settings.value("splitters/mainSplitter") is not None
    again = make_window()
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.main_splitter.sizes() == sizes


def test_default_settings_are_isolated(isolated_settings: Path) -> None:
    # app_settings(), not QSettings("Liftrun", "Liftrun"): that is the registry on Windows
    # and a preferences file on macOS, which no test may write.
    from desktop.ui.app_settings import app_settings

    app_settings().setValue("probe", 1)
    app_settings().sync()
    assert any(isolated_settings.rglob("*"))


def test_closing_releases_the_database(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    window = make_window()
    window.close()
    with Store.open(db_path) as again:
        assert again.profile() is None


def test_back_up_and_restore(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    window.backup_action.trigger()
    assert "Backed up" in window.statusBar().currentMessage()
    backup = window.planner.backups()[0]
    window.new_run_action.trigger()
    window.session_form.saveButton.click()
    assert window.calendar.marks_for(MONDAY) is not None
    prompts_of(window).open_file = backup
    window.restore_action.trigger()
    assert prompts_of(window).errors == []
    assert window.calendar.marks_for(MONDAY) is None


def test_open_another_database(make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = make_window()
    other = tmp_path / "other.db"
    prompts_of(window).open_file = other
    window.open_action.trigger()
    assert window.planner.db_path == other
    assert "other.db" in window.windowTitle()


def test_opening_garbage_shows_a_dialog(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    prompts_of(window).open_file = garbage
    window.open_action.trigger()
    [(title, text)] = prompts_of(window).errors
    assert title == "Not a Liftrun database"
    assert text
    assert window.planner.db_path != garbage


@pytest.mark.parametrize(
    "name",
    [
        "NotADatabaseError",
        "CorruptDatabaseError",
        "ReadOnlyDatabaseError",
        "DatabaseLockedError",
        "AlreadyOpenError",
        "NewerSchemaError",
        "BackupError",
        "SessionNotFoundError",
    ],
)
def test_every_store_error_has_its_own_title(name: str) -> None:
    cls = getattr(store_module, name)
    exc = cls.__new__(cls)
    title = dialogs.error_title(exc)
    assert title != "Something went wrong"
    assert dialogs.error_title(InvalidInputError("x")) == "Please check the values"


def test_keyboard_shortcut_and_tab_order(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.ensure_profile()
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.calendar.select_day(MONDAY)
    window.newRunButton.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.newRunButton)
    qtbot.keyClick(window.newRunButton, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.newLiftButton
    qtbot.keyClick(window.newLiftButton, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.session_form.draft() is not None)
    draft = window.session_form.draft()
    assert draft is not None and draft.kind is Kind.DEADLIFT


def test_legend_explains_the_markers(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    legend = window.chip_legend
    words = [entry.words for entry in legend.entries()]
    assert "deadlift" in words and "outline: planned" in words and "advice warns" in words
    assert legend.parentWidget() is window.calendar.parentWidget()  # right under the month


def test_each_action_asks_for_draft_advice_once(
    make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.ensure_profile()
    window.calendar.select_day(MONDAY)
    planner = window.planner
    asked: list[Kind] = []
    real = planner.advise_draft

    def counting(draft: Session) -> Advice:
        asked.append(draft.kind)
        return real(draft)

    monkeypatch.setattr(planner, "advise_draft", counting)
    window.new_run_action.trigger()
    assert asked == [Kind.RUN]
    assert window.advice_panel.titleLabel.text() == "This run"
    window.session_form.saveButton.click()  # reloads the day with the saved run
    assert asked == [Kind.RUN, Kind.RUN]
    window.new_lift_action.trigger()
    assert asked == [Kind.RUN, Kind.RUN, Kind.DEADLIFT]
    assert window.advice_panel.titleLabel.text() == "This deadlift"
    # The lift's limits are those of the intervals the article puts right after it.
    caps = window.advice_panel.capsLabel.text()
    assert caps.startswith("Intervals right after it: at most 8.0 km"), caps
    window.day_list.selectRow(0)
    assert asked == [Kind.RUN, Kind.RUN, Kind.DEADLIFT, Kind.RUN]
    assert window.advice_panel.titleLabel.text() == "This run"


def test_the_empty_form_says_what_to_do_on_the_selected_day(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLabel

    from tests.builders import MONDAY, at, run

    with Store.open(db_path) as store:
        run_id = store.add_many([run(at(1, 7))])[0]
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    label = window.session_form.findChild(QLabel, "sessionFormEmptyLabel")
    assert label is not None

    window.calendar.select_day(MONDAY + timedelta(days=1))
    assert label.isVisible()
    assert label.text() == (
        "No session selected on Tue 3 Mar. New run or New deadlift adds one; "
        "click a session to edit it."
    )
    window.day_list.select_session(run_id, notify=True)
    assert not label.isVisible()

    window.calendar.select_day(MONDAY)
    assert label.isVisible()
    assert label.text() == (
        "Nothing planned on Mon 2 Mar yet. New run or New deadlift adds a session."
    )
    assert "Pick a day" not in label.text()
