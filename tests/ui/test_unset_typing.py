"""Typing into a box that shows "not set": what is typed is entered, however the box got focus.

Every box that shows "—" at its minimum is checked with real key events, focused by a mouse
click and by Tab, in the session form (planned and actual values) and the profile dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.advice import Kind, Profile, Session, Workout
from desktop.ui.fields import NOT_SET
from desktop.ui.profile_dialog import ProfileDialog
from desktop.ui.session_form import SessionForm

PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=15.0)
START = datetime(2024, 6, 3, 18, 0)
NEW_LIFT = Session(kind=Kind.DEADLIFT, start=START, duration_min=45)
NEW_RUN = Session(kind=Kind.RUN, start=START, duration_min=30, workout=Workout.EASY)
DONE_RUN = Session(
    kind=Kind.RUN,
    start=START,
    duration_min=30,
    workout=Workout.EASY,
    distance_km=5.0,
    id=3,
)
DONE_LIFT = Session(
    kind=Kind.DEADLIFT, start=START, duration_min=45, sets=5, reps=5, load_kg=100.0, id=4
)


Spin = QSpinBox | QDoubleSpinBox


def _spin(parent: QWidget, name: str) -> Spin:
    found = parent.findChild(QAbstractSpinBox, name)
    assert isinstance(found, QSpinBox | QDoubleSpinBox), name
    return found


def _focus_by_click(qtbot: QtBot, spin: QAbstractSpinBox) -> None:
    edit = spin.lineEdit()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() // 2, 5))
    assert spin.hasFocus()


def _focus_by_tab(qtbot: QtBot, spin: QAbstractSpinBox) -> None:
    before: QWidget | None = spin.previousInFocusChain()
    while before is not None and (not before.isVisible() or not before.isEnabled()):
        before = before.previousInFocusChain()
    assert before is not None
    before.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert spin.hasFocus(), spin.objectName()


FOCUS: dict[str, Callable[[QtBot, QAbstractSpinBox], None]] = {
    "click": _focus_by_click,
    "tab": _focus_by_tab,
}


def _active_first_run_dialog(qtbot: QtBot) -> ProfileDialog:
    """The first-run profile dialog, shown and active, as a person first meets it."""
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _shown_form(qtbot: QtBot, session: Session) -> SessionForm:
    form = SessionForm()
    qtbot.addWidget(form)
    form.set_profile(PROFILE)
    form.new_session(session) if session.id is None else form.edit_session(session)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    return form


@pytest.mark.parametrize("how", FOCUS)
@pytest.mark.parametrize(
    ("session", "name", "typed", "value"),
    [
        (NEW_LIFT, "setsField", "5", 5),
        (NEW_LIFT, "repsField", "3", 3),
        (NEW_LIFT, "loadField", "140", 140.0),
        (NEW_RUN, "distanceField", "12", 12.0),
        (NEW_RUN, "speedField", "11", 11.0),
        (DONE_RUN, "actualDistanceField", "21", 21.0),
        (DONE_RUN, "actualDurationField", "35", 35),
        (DONE_RUN, "rpeField", "7", 7),
        (DONE_LIFT, "actualSetsField", "4", 4),
        (DONE_LIFT, "actualLoadField", "95", 95.0),
    ],
)
def test_typing_into_a_not_set_box_of_the_form_enters_it(
    qtbot: QtBot, how: str, session: Session, name: str, typed: str, value: float
) -> None:
    form = _shown_form(qtbot, session)
    spin = _spin(form, name)
    assert spin.text() == NOT_SET and spin.specialValueText() == NOT_SET
    FOCUS[how](qtbot, spin)
    qtbot.keyClicks(spin, typed)
    assert spin.value() == value
    assert spin.cleanText().startswith(typed)


@pytest.mark.parametrize("how", FOCUS)
@pytest.mark.parametrize("name", ["maxDistanceField", "maxSpeedField"])
def test_typing_into_a_not_set_box_of_the_profile_dialog_enters_it(
    qtbot: QtBot, how: str, name: str
) -> None:
    dialog = _active_first_run_dialog(qtbot)
    spin = _spin(dialog, name)
    assert spin.text() == NOT_SET
    FOCUS[how](qtbot, spin)
    qtbot.keyClicks(spin, "21")
    assert spin.value() == 21.0


def test_the_first_run_box_takes_what_is_typed_without_any_click(qtbot: QtBot) -> None:
    dialog = _active_first_run_dialog(qtbot)
    focused = dialog.focusWidget()
    assert isinstance(focused, QDoubleSpinBox) and focused.text() == NOT_SET
    qtbot.keyClicks(focused, "21")
    assert focused.value() == 21.0


def test_the_run_box_reached_by_its_shortcut_takes_what_is_typed(qtbot: QtBot) -> None:
    dialog = _active_first_run_dialog(qtbot)
    spin = _spin(dialog, "maxDistanceField")
    spin.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.keyClicks(spin, "8")
    assert spin.value() == 8.0


@pytest.mark.parametrize("key", [Qt.Key.Key_Backspace, Qt.Key.Key_Delete])
def test_erasing_a_set_value_returns_it_to_not_set(qtbot: QtBot, key: Qt.Key) -> None:
    form = _shown_form(qtbot, DONE_LIFT)
    spin = _spin(form, "setsField")
    assert spin.text() == "5"
    _focus_by_click(qtbot, spin)
    spin.selectAll()
    qtbot.keyClick(spin, key)
    assert spin.text() == NOT_SET and spin.value() == 0
    draft = form.draft()
    assert draft is not None and draft.sets is None
    qtbot.keyClicks(spin, "3")
    assert spin.value() == 3


def test_backspacing_every_digit_of_a_distance_returns_it_to_not_set(qtbot: QtBot) -> None:
    form = _shown_form(qtbot, DONE_RUN)
    spin = _spin(form, "distanceField")
    _focus_by_click(qtbot, spin)
    spin.lineEdit().setCursorPosition(len(spin.cleanText()))
    for _ in spin.cleanText():
        qtbot.keyClick(spin, Qt.Key.Key_Backspace)
    assert spin.text() == NOT_SET


def test_a_box_without_not_set_keeps_its_value_when_erased(qtbot: QtBot) -> None:
    form = _shown_form(qtbot, DONE_RUN)
    spin = _spin(form, "durationField")
    assert not spin.specialValueText()
    _focus_by_click(qtbot, spin)
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    spin.interpretText()
    assert spin.value() == 30


def test_the_water_target_erased_to_not_set_takes_a_new_number(qtbot: QtBot) -> None:
    dialog = _active_first_run_dialog(qtbot)
    spin = _spin(dialog, "waterTargetField")
    assert spin.value() > 0
    _focus_by_click(qtbot, spin)
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    assert spin.text() == NOT_SET
    qtbot.keyClicks(spin, "1500")
    assert spin.value() == 1500.0
