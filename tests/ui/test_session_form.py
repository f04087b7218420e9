"""SessionForm: fields per kind, units, pace, drafts, save/delete/duplicate and keyboard."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.advice import (
    DistanceUnit,
    Kind,
    Profile,
    Session,
    Suggestion,
    WeightUnit,
    Workout,
    advise_run,
)
from desktop.ui.session_form import EMPTY_TEXT, SessionForm

T = TypeVar("T", bound=QWidget)

KM = Profile(max_distance_km=10.0, max_speed_kmh=15.0)
MILES = Profile(
    max_distance_km=10.0,
    max_speed_kmh=15.0,
    distance_unit=DistanceUnit.MI,
    weight_unit=WeightUnit.LB,
)
START = datetime(2024, 6, 3, 18, 30)
RUN = Session(
    kind=Kind.RUN,
    start=START,
    duration_min=45,
    workout=Workout.EASY,
    distance_km=10.0,
    speed_kmh=13.5,
    id=7,
    notes="felt fine",
)
LIFT = Session(
    kind=Kind.DEADLIFT,
    start=datetime(2024, 6, 3, 17, 0),
    duration_min=60,
    spotter=True,
    sets=5,
    reps=3,
    load_kg=140.0,
    id=8,
)

RUN_ONLY = ("workoutField", "distanceField", "speedField", "painField")
LIFT_ONLY = ("setsField", "repsField", "loadField", "spotterField")
BOTH = ("kindField", "startField", "durationField", "doneField", "notesField")


@pytest.fixture
def form(qtbot: QtBot) -> SessionForm:
    widget = SessionForm()
    qtbot.addWidget(widget)
    widget.set_profile(KM)
    return widget


def child(form: SessionForm, cls: type[T], name: str) -> T:
    found = form.findChild(cls, name)
    assert found is not None, name
    return found


def shown(form: SessionForm, name: str) -> bool:
    widget = child(form, QWidget, name)
    return widget.isVisibleTo(form)


def label_shown(form: SessionForm, name: str) -> bool:
    """Whether the form-row label in front of a field is visible."""
    widget = child(form, QWidget, name)
    for label in form.findChildren(QLabel):
        if label.buddy() is widget:
            return label.isVisibleTo(form)
    raise AssertionError(f"no label for {name}")


def test_object_names_and_widget_types(form: SessionForm) -> None:
    assert form.objectName() == "sessionForm"
    expected: dict[str, type[QWidget]] = {
        "kindField": QComboBox,
        "startField": QDateTimeEdit,
        "durationField": QSpinBox,
        "workoutField": QComboBox,
        "distanceField": QDoubleSpinBox,
        "speedField": QDoubleSpinBox,
        "painField": QCheckBox,
        "doneField": QCheckBox,
        "spotterField": QComboBox,
        "setsField": QSpinBox,
        "repsField": QSpinBox,
        "loadField": QDoubleSpinBox,
        "notesField": QPlainTextEdit,
        "saveButton": QPushButton,
        "deleteButton": QPushButton,
        "duplicateButton": QPushButton,
    }
    for name, cls in expected.items():
        child(form, cls, name)
    kind = child(form, QComboBox, "kindField")
    assert [kind.itemData(i) for i in range(kind.count())] == [Kind.RUN, Kind.DEADLIFT]
    spotter = child(form, QComboBox, "spotterField")
    assert [spotter.itemData(i) for i in range(spotter.count())] == [None, True, False]
    assert child(form, QDateTimeEdit, "startField").calendarPopup()
    duration = child(form, QSpinBox, "durationField")
    assert (duration.minimum(), duration.maximum()) == (1, 1440)


def test_empty_state_explains_and_disables(form: SessionForm) -> None:
    form.clear()
    assert form.draft() is None
    assert form.session_id() is None
    assert EMPTY_TEXT in [label.text() for label in form.findChildren(QLabel)]
    assert child(form, QLabel, "sessionFormEmptyLabel").isVisibleTo(form)
    assert not child(form, QDoubleSpinBox, "distanceField").isEnabled()
    for name in ("saveButton", "deleteButton", "duplicateButton"):
        assert not child(form, QPushButton, name).isEnabled()


def test_empty_state_says_what_to_do_and_shows_no_made_up_session(form: SessionForm) -> None:
    form.show()
    form.clear()
    assert EMPTY_TEXT == "Pick a day, then New run or New deadlift"
    assert child(form, QLabel, "sessionFormEmptyLabel").isVisible()
    for name in ("startField", "durationField", "distanceField", "saveButton"):
        assert not child(form, QWidget, name).isVisible(), name
    form.edit_session(RUN)
    assert not child(form, QLabel, "sessionFormEmptyLabel").isVisible()
    assert child(form, QWidget, "startField").isVisible()
    assert child(form, QPushButton, "saveButton").isVisible()


def test_run_shows_only_run_fields_and_deadlift_only_lift_fields(form: SessionForm) -> None:
    form.edit_session(RUN)
    for name in RUN_ONLY + BOTH:
        assert shown(form, name), name
    for name in LIFT_ONLY:
        assert not shown(form, name), name
        assert not label_shown(form, name), name
    assert label_shown(form, "distanceField")

    child(form, QComboBox, "kindField").setCurrentIndex(1)  # the user switches to Deadlift
    for name in LIFT_ONLY + BOTH:
        assert shown(form, name), name
    for name in RUN_ONLY:
        assert not shown(form, name), name
    assert not label_shown(form, "speedField")
    draft = form.draft()
    assert draft is not None and draft.kind is Kind.DEADLIFT and draft.distance_km is None


def test_editing_and_saving_unchanged_returns_the_same_session(
    form: SessionForm, qtbot: QtBot
) -> None:
    form.edit_session(RUN)
    assert form.session_id() == 7
    assert child(form, QPushButton, "deleteButton").isEnabled()
    with qtbot.waitSignal(form.save_requested) as blocker:
        child(form, QPushButton, "saveButton").click()
    assert blocker.args == [RUN]


def test_ten_km_is_shown_as_miles_and_comes_back(form: SessionForm) -> None:
    form.edit_session(RUN)
    form.set_profile(MILES)
    distance = child(form, QDoubleSpinBox, "distanceField")
    speed = child(form, QDoubleSpinBox, "speedField")
    assert distance.suffix() == " mi"
    assert distance.value() == pytest.approx(6.2)  # the display precision
    assert speed.suffix() == " mph"
    assert speed.value() == pytest.approx(8.4, abs=0.05)
    draft = form.draft()
    assert draft is not None
    assert draft.distance_km == pytest.approx(10.0, abs=0.01)
    assert draft.speed_kmh == pytest.approx(13.5, abs=0.1)

    distance.setValue(6.3)  # a value the user types in miles
    draft = form.draft()
    assert draft is not None and draft.distance_km == pytest.approx(6.3 * 1.609344)

    form.set_profile(KM)
    assert distance.suffix() == " km"
    assert distance.value() == pytest.approx(10.1)  # 10.14 km at the display precision


def test_speed_in_mph_cannot_exceed_the_engine_limit(form: SessionForm) -> None:
    form.set_profile(MILES)
    form.new_session(Session(kind=Kind.RUN, start=START, duration_min=30))
    speed = child(form, QDoubleSpinBox, "speedField")
    speed.setValue(999.0)
    draft = form.draft()
    assert draft is not None and draft.speed_kmh is not None
    assert draft.speed_kmh <= 45.0


def test_pace_label_follows_the_speed(form: SessionForm) -> None:
    form.new_session(Session(kind=Kind.RUN, start=START, duration_min=30))
    speed = child(form, QDoubleSpinBox, "speedField")
    pace = child(form, QLabel, "paceLabel")
    speed.setValue(13.5)
    assert pace.text() == "= 4:27 /km"
    speed.setValue(12.0)
    assert pace.text() == "= 5:00 /km"
    form.set_profile(MILES)
    assert pace.text().endswith(" /mi")
    assert pace.text() == "= 8:00 /mi"  # the pace of 7.5 mph, the speed the box shows


def test_zero_distance_and_speed_mean_not_set(form: SessionForm) -> None:
    form.edit_session(RUN)
    distance = child(form, QDoubleSpinBox, "distanceField")
    speed = child(form, QDoubleSpinBox, "speedField")
    assert distance.specialValueText() == "—"
    distance.setValue(0.0)
    speed.setValue(0.0)
    assert distance.text() == "—"
    draft = form.draft()
    assert draft is not None
    assert draft.distance_km is None and draft.speed_kmh is None


def test_invalid_values_cannot_be_typed(form: SessionForm, qtbot: QtBot) -> None:
    form.edit_session(RUN)
    duration = child(form, QSpinBox, "durationField")
    distance = child(form, QDoubleSpinBox, "distanceField")
    duration.setValue(0)
    assert duration.value() == 1
    duration.setValue(5000)
    assert duration.value() == 1440
    distance.setValue(-3.0)
    assert distance.value() == 0.0
    duration.lineEdit().selectAll()
    qtbot.keyClicks(duration, "abc")
    assert duration.value() == 1440
    assert form.draft() is not None


def test_new_session_typed_and_saved(form: SessionForm, qtbot: QtBot) -> None:
    template = Session(kind=Kind.RUN, start=START, duration_min=30)
    form.new_session(template)
    assert form.session_id() is None
    assert not child(form, QPushButton, "deleteButton").isEnabled()
    assert not child(form, QPushButton, "duplicateButton").isEnabled()
    child(form, QSpinBox, "durationField").setValue(50)
    workout = child(form, QComboBox, "workoutField")
    workout.setCurrentIndex(workout.findData(Workout.HILLS))
    child(form, QDoubleSpinBox, "distanceField").setValue(5.5)
    child(form, QDoubleSpinBox, "speedField").setValue(11.0)
    child(form, QCheckBox, "painField").setChecked(True)
    child(form, QCheckBox, "doneField").setChecked(True)
    child(form, QPlainTextEdit, "notesField").setPlainText("hill repeats")
    with qtbot.waitSignal(form.save_requested) as blocker:
        child(form, QPushButton, "saveButton").click()
    assert blocker.args == [
        Session(
            kind=Kind.RUN,
            start=START,
            duration_min=50,
            workout=Workout.HILLS,
            distance_km=5.5,
            speed_kmh=11.0,
            pain=True,
            done=True,
            notes="hill repeats",
        )
    ]


def test_deadlift_in_pounds_saves_kilograms(form: SessionForm, qtbot: QtBot) -> None:
    form.set_profile(MILES)
    form.edit_session(LIFT)
    load = child(form, QDoubleSpinBox, "loadField")
    assert load.suffix() == " lb"
    assert load.value() == pytest.approx(308.6, abs=0.05)
    spotter = child(form, QComboBox, "spotterField")
    spotter.setCurrentIndex(spotter.findText("No spotter"))
    child(form, QSpinBox, "setsField").setValue(3)
    load.setValue(315.0)
    with qtbot.waitSignal(form.save_requested) as blocker:
        child(form, QPushButton, "saveButton").click()
    saved = blocker.args[0]
    assert saved.id == 8 and saved.spotter is False and saved.sets == 3 and saved.reps == 3
    assert saved.load_kg == pytest.approx(315.0 * 0.45359237)


def test_draft_changed_once_on_load_and_on_every_edit(form: SessionForm, qtbot: QtBot) -> None:
    seen: list[object] = []
    form.draft_changed.connect(seen.append)
    form.edit_session(RUN)
    assert seen == [RUN]
    child(form, QSpinBox, "durationField").setValue(40)
    child(form, QCheckBox, "doneField").setChecked(True)
    assert len(seen) == 3
    last = seen[-1]
    assert isinstance(last, Session) and last.duration_min == 40 and last.done


def test_apply_suggestion_from_the_engine_fills_the_run(form: SessionForm, qtbot: QtBot) -> None:
    lift = Session(kind=Kind.DEADLIFT, start=datetime(2024, 6, 3, 17, 0), duration_min=60)
    run = Session(
        kind=Kind.RUN,
        start=datetime(2024, 6, 3, 18, 15),
        duration_min=45,
        workout=Workout.LONG,
        distance_km=12.0,
    )
    suggestion = advise_run(run, [lift, run], KM).suggestion
    assert suggestion is not None
    form.new_session(run)
    with qtbot.waitSignal(form.draft_changed) as blocker:
        assert form.apply_suggestion(suggestion)
    draft = blocker.args[0]
    assert draft.workout is suggestion.workout
    if suggestion.distance_km is not None:
        assert draft.distance_km == pytest.approx(suggestion.distance_km)
    if suggestion.speed_kmh is not None:
        assert draft.speed_kmh == pytest.approx(suggestion.speed_kmh)


def test_apply_suggestion_without_numbers_keeps_them(form: SessionForm) -> None:
    form.edit_session(RUN)
    assert form.apply_suggestion(Suggestion(Workout.HILLS, None, None, "Run up hills."))
    draft = form.draft()
    assert draft is not None
    assert (draft.workout, draft.distance_km, draft.speed_kmh) == (Workout.HILLS, 10.0, 13.5)
    form.edit_session(LIFT)
    assert not form.apply_suggestion(Suggestion(Workout.HILLS, 5.0, None, "Run up hills."))


def test_delete_and_duplicate_for_a_saved_session(form: SessionForm, qtbot: QtBot) -> None:
    form.edit_session(RUN)
    with qtbot.waitSignal(form.delete_requested) as deleted:
        child(form, QPushButton, "deleteButton").click()
    assert deleted.args == [7]
    with qtbot.waitSignal(form.duplicate_requested) as duplicated:
        child(form, QPushButton, "duplicateButton").click()
    copy = duplicated.args[0]
    assert copy.id is None and copy.distance_km == 10.0 and copy.start == START
    # The window saves the copy a day later, planned: the tooltip says so.
    tip = child(form, QPushButton, "duplicateButton").toolTip()
    assert "same time the next day" in tip and "planned" in tip and "unsaved" not in tip


def test_ctrl_s_and_return_save(form: SessionForm, qtbot: QtBot) -> None:
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()  # focus needs the active window, whatever ran before
    qtbot.waitActive(form)
    form.edit_session(RUN)
    duration = child(form, QSpinBox, "durationField")
    duration.setFocus()
    qtbot.waitUntil(duration.hasFocus)
    with qtbot.waitSignal(form.save_requested):
        qtbot.keyClick(duration, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(form.save_requested):
        qtbot.keyClick(duration, Qt.Key.Key_Return)


def test_return_in_notes_is_a_new_line_not_a_save(form: SessionForm, qtbot: QtBot) -> None:
    form.edit_session(RUN)
    notes = child(form, QPlainTextEdit, "notesField")
    with qtbot.assertNotEmitted(form.save_requested):
        qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert "\n" in notes.toPlainText()


def test_tab_order_follows_the_form(form: SessionForm) -> None:
    form.edit_session(RUN)
    chain: list[str] = []
    widget: QWidget | None = child(form, QComboBox, "kindField")
    for _ in range(60):
        assert widget is not None
        if widget.objectName().endswith(("Field", "Button")):
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    order = ["kindField", "startField", "durationField", "workoutField", "distanceField"]
    order += ["speedField", "painField", "doneField", "notesField", "saveButton"]
    positions = [chain.index(name) for name in order]
    assert positions == sorted(positions)


def test_a_distance_above_the_limit_shows_the_limit_not_fifty(
    form: SessionForm, qtbot: QtBot
) -> None:
    from desktop.advice.model import MAX_DISTANCE_KM

    form.edit_session(Session(kind=Kind.RUN, start=datetime(2026, 3, 2, 7), duration_min=30))
    field = child(form, QDoubleSpinBox, "distanceField")
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "9999")
    assert field.text().startswith("9999")  # not cut to "999"
    error = child(form, QLabel, "sessionFormError")
    assert f"cannot be more than {MAX_DISTANCE_KM:.1f} km" in error.text()
    assert not child(form, QPushButton, "saveButton").isEnabled()
    field.interpretText()  # Enter or leaving the field takes the limit
    assert field.value() == MAX_DISTANCE_KM
    assert error.text() == ""


def test_notes_show_the_limit_while_typing(form: SessionForm) -> None:
    from desktop.advice.model import MAX_NOTES_CHARS

    form.edit_session(Session(kind=Kind.RUN, start=datetime(2026, 3, 2, 7), duration_min=30))
    notes = child(form, QPlainTextEdit, "notesField")
    counter = child(form, QLabel, "notesCounter")
    assert counter.isHidden()
    notes.setPlainText("x" * (MAX_NOTES_CHARS + 1))
    assert not counter.isHidden()
    assert f"{MAX_NOTES_CHARS:,}" in counter.text()
    assert "at most" in child(form, QLabel, "sessionFormError").text()
    assert form.draft() is None


# --- the Actual section -------------------------------------------------------------------


def type_value(qtbot: QtBot, field: QSpinBox | QDoubleSpinBox, text: str) -> None:
    """Replace a spin box's text the way a person types it, then leave the field."""
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    field.interpretText()


def test_run_actuals_are_typed_speed_worked_out_and_the_draft_is_done(
    form: SessionForm, qtbot: QtBot
) -> None:
    from desktop.advice import units

    form.edit_session(RUN)
    draft = form.draft()
    assert draft is not None and not draft.done
    assert shown(form, "actualDistanceField") and shown(form, "actualDurationField")
    assert not shown(form, "actualSetsField") and not shown(form, "actualLoadField")
    type_value(qtbot, child(form, QDoubleSpinBox, "actualDistanceField"), "12")
    type_value(qtbot, child(form, QSpinBox, "actualDurationField"), "60")
    type_value(qtbot, child(form, QSpinBox, "rpeField"), "7")
    pace = child(form, QLabel, "actualPaceLabel").text()
    assert pace == units.format_speed_and_pace(12.0, DistanceUnit.KM) == "12.0 km/h = 5:00 /km"
    draft = form.draft()
    assert draft is not None
    assert (draft.actual_distance_km, draft.actual_duration_min, draft.rpe) == (12.0, 60, 7)
    assert draft.done  # recording an actual value marks it done
    assert (draft.distance_km, draft.duration_min) == (10.0, 45)  # the plan stays
    done = child(form, QCheckBox, "doneField")
    assert done.isChecked() and not done.isEnabled()
    assert form.is_dirty()
    with qtbot.waitSignal(form.save_requested) as saved:
        child(form, QPushButton, "saveButton").click()
    assert saved.args == [draft]


def test_clearing_the_actuals_lets_done_be_unticked(form: SessionForm, qtbot: QtBot) -> None:
    form.edit_session(RUN)
    distance = child(form, QDoubleSpinBox, "actualDistanceField")
    type_value(qtbot, distance, "3")
    done = child(form, QCheckBox, "doneField")
    assert not done.isEnabled()
    distance.setValue(0.0)
    assert done.isEnabled() and done.isChecked()
    done.setChecked(False)
    draft = form.draft()
    assert draft is not None and not draft.done and draft.actual_distance_km is None


def test_run_actuals_in_miles_are_stored_in_km(form: SessionForm, qtbot: QtBot) -> None:
    from desktop.advice import units

    form.set_profile(MILES)
    form.edit_session(RUN)
    distance = child(form, QDoubleSpinBox, "actualDistanceField")
    assert distance.suffix() == " mi"
    assert distance.maximum() <= units.km_to_mi(500.0)
    type_value(qtbot, distance, "6")
    type_value(qtbot, child(form, QSpinBox, "actualDurationField"), "60")
    draft = form.draft()
    assert draft is not None and draft.actual_distance_km == pytest.approx(units.mi_to_km(6.0))
    assert child(form, QLabel, "actualPaceLabel").text() == "6.0 mph = 10:00 /mi"


def test_deadlift_actuals_sets_reps_load_and_effort(form: SessionForm, qtbot: QtBot) -> None:
    form.set_profile(MILES)  # pounds
    form.edit_session(LIFT)
    assert not shown(form, "actualDistanceField") and not shown(form, "actualDurationField")
    type_value(qtbot, child(form, QSpinBox, "actualSetsField"), "4")
    type_value(qtbot, child(form, QSpinBox, "actualRepsField"), "3")
    type_value(qtbot, child(form, QDoubleSpinBox, "actualLoadField"), "300")
    type_value(qtbot, child(form, QSpinBox, "rpeField"), "9")
    draft = form.draft()
    assert draft is not None and draft.done
    assert (draft.actual_sets, draft.actual_reps, draft.rpe) == (4, 3, 9)
    assert draft.actual_load_kg == pytest.approx(300 * 0.45359237)
    assert draft.actual_distance_km is None
    assert "Planned: 5" in child(form, QSpinBox, "actualSetsField").toolTip()


def test_saved_actuals_are_shown_and_round_trip_unchanged(form: SessionForm) -> None:
    from dataclasses import replace

    recorded = replace(RUN, done=True, actual_distance_km=9.37, actual_duration_min=50, rpe=6)
    form.edit_session(recorded)
    assert child(form, QSpinBox, "rpeField").value() == 6
    assert child(form, QDoubleSpinBox, "actualDistanceField").value() == pytest.approx(9.4)
    assert form.draft() == recorded
    assert not form.is_dirty()


def test_an_effort_above_ten_cannot_be_entered(form: SessionForm, qtbot: QtBot) -> None:
    form.edit_session(RUN)
    rpe = child(form, QSpinBox, "rpeField")
    assert (rpe.minimum(), rpe.maximum()) == (0, 10)
    assert rpe.specialValueText() == "—"
    rpe.lineEdit().selectAll()
    qtbot.keyClicks(rpe, "12")
    assert "cannot be more than 10" in child(form, QLabel, "sessionFormError").text()
    assert form.draft() is None


def test_done_as_planned_button_asks_for_the_saved_session(form: SessionForm, qtbot: QtBot) -> None:
    button = child(form, QPushButton, "doneAsPlannedButton")
    form.new_session(replace_id(RUN, None))
    assert not button.isEnabled()
    form.edit_session(RUN)
    assert button.isEnabled()
    with qtbot.waitSignal(form.done_as_planned_requested) as asked:
        button.click()
    assert asked.args == [7]


def replace_id(session: Session, session_id: int | None) -> Session:
    from dataclasses import replace

    return replace(session, id=session_id)


def test_the_form_keeps_its_height_from_one_kind_to_the_other(form: SessionForm) -> None:
    """Once a run and a deadlift were shown, neither moves what sits below the form."""
    form.edit_session(LIFT)
    form.edit_session(RUN)
    held = form.minimumHeight()
    assert held >= form.minimumSizeHint().height()
    form.edit_session(LIFT)
    assert form.minimumHeight() == held >= form.minimumSizeHint().height()
    form.setFont(QFont(form.font().family(), form.font().pointSize() + 4))
    form.edit_session(RUN)
    form.edit_session(LIFT)  # a bigger font: the heights are measured again
    assert form.minimumHeight() >= form.minimumSizeHint().height() > held
