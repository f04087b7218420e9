"""The Plan week dialog: inputs build the request, the preview follows them live, Apply/Cancel."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.advice import DistanceUnit, Kind, LiftSlot, Profile, Session, Workout
from desktop.advice.plan_preview import PlanPreview, PlanRequest, build_preview
from desktop.advice.weeks import MAX_WEEKLY_KM
from desktop.ui.plan_week_dialog import PlanWeekDialog

MONDAY = date(2026, 3, 2)
INITIAL = PlanRequest(
    week_start=MONDAY,
    lifts=(LiftSlot(0, time(18), 60), LiftSlot(3, time(18), 60)),
    runs=4,
    weekly_km=25.0,
)
PLANNED_RUN = Session(
    kind=Kind.RUN,
    start=datetime(2026, 3, 7, 9),
    duration_min=50,
    workout=Workout.EASY,
    distance_km=6.0,
    speed_kmh=10.0,
    id=11,
)
DONE_RUN = Session(
    kind=Kind.RUN,
    start=datetime(2026, 3, 3, 7),
    duration_min=40,
    workout=Workout.HILLS,
    distance_km=4.0,
    id=12,
    done=True,
)


class Recorder:
    """The injected preview: the real pure builder, recording every request it is asked."""

    def __init__(self, profile: Profile, existing: list[Session] | None = None) -> None:
        self.profile = profile
        self.existing = existing or []
        self.requests: list[PlanRequest] = []

    def __call__(self, request: PlanRequest) -> PlanPreview:
        self.requests.append(request)
        return build_preview(request, self.profile, self.existing)


def lines(dialog: PlanWeekDialog) -> list[str]:
    """The preview as the user reads it, one stripped line each."""
    text = dialog.previewText.toPlainText()
    return [line.strip() for line in text.splitlines() if line.strip()]


def day_block(dialog: PlanWeekDialog, heading: str) -> list[str]:
    """The lines under one day's heading, up to the next day."""
    shown = lines(dialog)
    start = shown.index(heading) + 1
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    end = next((i for i in range(start, len(shown)) if shown[i].split(" ")[0] in days), len(shown))
    return shown[start:end]


def open_dialog(
    qtbot: QtBot, recorder: Recorder, unit: DistanceUnit = DistanceUnit.KM
) -> PlanWeekDialog:
    dialog = PlanWeekDialog(recorder, INITIAL, unit)
    qtbot.addWidget(dialog)
    return dialog


def test_inputs_are_prefilled_and_a_preview_is_shown_at_once(
    qtbot: QtBot, profile: Profile
) -> None:
    recorder = Recorder(profile)
    dialog = open_dialog(qtbot, recorder)
    assert dialog.objectName() == "planWeekDialog"
    assert dialog.plan_request() == INITIAL
    assert recorder.requests == [INITIAL]
    assert dialog.findChild(type(dialog.runsSpin), "runsSpin") is dialog.runsSpin
    assert [dialog._day_checks[d].isChecked() for d in range(7)] == [
        True, False, False, True, False, False, False,
    ]  # fmt: skip
    monday = day_block(dialog, "Monday 2 March")
    assert monday[0] == "18:00-19:00 Deadlift, with a spotter"
    assert monday[1].startswith("Run right after: ")
    tuesday = day_block(dialog, "Tuesday 3 March")
    assert tuesday[0].startswith("18:00-") and "Run: hills" in tuesday[0]
    assert tuesday[1].startswith("The day after a deadlift")
    assert "Already on the calendar:" not in lines(dialog)
    assert dialog.applyButton.isEnabled()


def test_changing_the_runs_updates_the_preview(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    with qtbot.waitSignal(dialog.preview_changed) as signal:
        dialog.runsSpin.setValue(1)
    preview = signal.args[0]
    assert isinstance(preview, PlanPreview)
    assert sum(1 for s in preview.sessions if s.kind is Kind.RUN) == 1
    assert sum(1 for line in lines(dialog) if " Run: " in line) == 1


def test_a_deadlift_day_added_and_its_time_changed_reach_the_request(
    qtbot: QtBot, profile: Profile
) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    dialog._day_checks[5].setChecked(True)
    dialog._day_times[5].setTime(QTime(9, 30))
    dialog._day_minutes[5].setValue(45)
    request = dialog.plan_request()
    assert LiftSlot(5, time(9, 30), 45) in request.lifts
    assert day_block(dialog, "Saturday 7 March")[0] == "09:30-10:15 Deadlift, with a spotter"


def test_long_run_choice_reaches_the_plan(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    assert any("Run: long" in line for line in lines(dialog))
    dialog.longRunCheck.setChecked(False)
    assert dialog.plan_request().long_run is False
    assert not any("Run: long" in line for line in lines(dialog))


def test_weekly_distance_is_in_the_profiles_unit(qtbot: QtBot) -> None:
    miles = Profile(max_distance_km=16.09344, max_speed_kmh=16.0, distance_unit=DistanceUnit.MI)
    dialog = open_dialog(qtbot, Recorder(miles), DistanceUnit.MI)
    assert dialog.distanceSpin.suffix() == " mi"
    assert dialog.distanceSpin.value() == pytest.approx(15.5)  # 25 km
    dialog.distanceSpin.setValue(20.0)
    assert dialog.plan_request().weekly_km == pytest.approx(20 * 1.609344)
    # The box's top, in miles, is the engine's weekly cap shown, never a value it refuses.
    dialog.distanceSpin.setValue(dialog.distanceSpin.maximum())
    assert dialog.distanceSpin.value() == pytest.approx(621.3)
    assert dialog.plan_request().weekly_km <= MAX_WEEKLY_KM


def test_existing_sessions_are_shown_apart_and_replace_marks_only_planned_ones(
    qtbot: QtBot, profile: Profile
) -> None:
    dialog = open_dialog(qtbot, Recorder(profile, [PLANNED_RUN, DONE_RUN]))
    saturday = day_block(dialog, "Saturday 7 March")
    apart = saturday.index("Already on the calendar:")
    assert "09:00-09:50 Run: easy 6 km at 10.0 km/h" in saturday[apart:]
    tuesday = day_block(dialog, "Tuesday 3 March")
    assert (
        "07:00-07:40 Run: hills 4 km (done)" in tuesday[tuesday.index("Already on the calendar:") :]
    )
    dialog.replaceRadio.setChecked(True)
    assert dialog.plan_request().keep_existing is False
    saturday = day_block(dialog, "Saturday 7 March")
    assert "09:00-09:50 Run: easy 6 km at 10.0 km/h (removed)" in saturday
    assert "07:00-07:40 Run: hills 4 km (done)" in day_block(dialog, "Tuesday 3 March")
    preview = dialog.plan_preview()
    assert preview is not None and preview.removed == (PLANNED_RUN,)


def test_notes_are_shown_under_the_preview(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    assert dialog.notesLabel.isHidden()
    dialog.distanceSpin.setValue(90.0)
    assert not dialog.notesLabel.isHidden()
    assert "short of the 90.0 km asked" in dialog.notesLabel.text()


def test_bad_input_shows_the_sentence_and_disables_apply(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    dialog._day_minutes[0].setValue(24 * 60)  # Monday 18:00 for a day runs into Tuesday
    dialog._day_checks[1].setChecked(True)
    dialog._day_times[1].setTime(QTime(7, 0))
    assert "overlap" in dialog.errorLabel.text()
    assert not dialog.errorLabel.isHidden()
    assert not dialog.applyButton.isEnabled()
    assert dialog.plan_preview() is None
    dialog._day_checks[1].setChecked(False)
    assert dialog.applyButton.isEnabled() and dialog.errorLabel.isHidden()


def test_any_day_picked_stands_for_its_monday(qtbot: QtBot, profile: Profile) -> None:
    recorder = Recorder(profile)
    dialog = open_dialog(qtbot, recorder)
    dialog.weekStartEdit.setDate(QDate(2026, 3, 12))  # a Thursday
    assert dialog.weekStartEdit.date() == QDate(2026, 3, 9)
    assert recorder.requests[-1].week_start == date(2026, 3, 9)


def test_weeks_make_a_block_preview(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    dialog.weeksSpin.setValue(4)
    preview = dialog.plan_preview()
    assert preview is not None and len(preview.plans) == 4 and len(preview.days) == 28
    assert preview.plans[3].run_km < preview.plans[2].run_km


def test_apply_accepts_with_the_preview_shown(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    dialog.runsSpin.setValue(3)
    shown = dialog.plan_preview()
    with qtbot.waitSignal(dialog.accepted):
        dialog.applyButton.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.plan_preview() is shown
    assert shown is not None and shown.request is not None and shown.request.runs == 3


def test_cancel_rejects(qtbot: QtBot, profile: Profile) -> None:
    dialog = open_dialog(qtbot, Recorder(profile))
    with qtbot.waitSignal(dialog.rejected):
        dialog.cancelButton.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
