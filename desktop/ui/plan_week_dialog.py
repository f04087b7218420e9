"""The "Plan week" dialog: deadlift days, runs and distance in; a live preview of the days out."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.advice import InvalidInputError, LiftSlot, units
from desktop.advice.model import DistanceUnit
from desktop.advice.plan_preview import PlanPreview, PlanRequest
from desktop.advice.weeks import MAX_BLOCK_WEEKS, MAX_WEEKLY_KM
from desktop.ui.plan_preview_pane import PlanPreviewDialog

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DEFAULT_LIFT = LiftSlot(0, time(18, 0), 60)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PlanWeekDialog(PlanPreviewDialog):
    """Asks how to plan a week (or block of weeks) and previews the result as inputs change.

    `preview` turns a `PlanRequest` into a `PlanPreview` (the planner's job; it may raise
    `InvalidInputError`, whose sentence is shown instead of the preview). `initial` fills the
    inputs; `distance_unit` is the unit the weekly distance is shown in.
    """

    def __init__(
        self,
        preview: Callable[[PlanRequest], PlanPreview],
        initial: PlanRequest,
        distance_unit: DistanceUnit = DistanceUnit.KM,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planWeekDialog")
        self.setWindowTitle("Plan week")
        self._make_preview = preview
        self._unit = DistanceUnit(distance_unit)
        self._day_checks: list[QCheckBox] = []
        self._day_times: list[QTimeEdit] = []
        self._day_minutes: list[QSpinBox] = []
        self._build()
        self._fill(initial)
        self._connect_signals()
        self.refresh()

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QHBoxLayout(self)
        inputs = QVBoxLayout()
        layout.addLayout(inputs, 0)
        inputs.addWidget(self._build_lifts())
        inputs.addWidget(self._build_runs())
        inputs.addStretch(1)

        right = QVBoxLayout()
        layout.addLayout(right, 1)
        heading = QLabel("Preview")
        heading.setObjectName("previewHeading")
        right.addWidget(heading)
        self._add_pane(right)
        self.previewText.setMinimumWidth(560)
        heading.setBuddy(self.previewText)
        self.resize(1060, 620)

    def _build_lifts(self) -> QGroupBox:
        box = QGroupBox("Deadlifts")
        grid = QGridLayout(box)
        for weekday, name in enumerate(DAY_NAMES):
            check = QCheckBox(name)
            check.setObjectName(f"liftDay{weekday}")
            clock = QTimeEdit()
            clock.setObjectName(f"liftTime{weekday}")
            clock.setDisplayFormat("HH:mm")
            clock.setAccessibleName(f"{name} deadlift start")
            minutes = QSpinBox()
            minutes.setObjectName(f"liftMinutes{weekday}")
            minutes.setRange(1, 24 * 60)
            minutes.setSingleStep(15)
            minutes.setSuffix(" min")
            minutes.setAccessibleName(f"{name} deadlift minutes")
            grid.addWidget(check, weekday, 0)
            grid.addWidget(clock, weekday, 1)
            grid.addWidget(minutes, weekday, 2)
            self._day_checks.append(check)
            self._day_times.append(clock)
            self._day_minutes.append(minutes)
        return box

    def _build_runs(self) -> QGroupBox:
        box = QGroupBox("Runs")
        form = QFormLayout(box)
        self.weekStartEdit = QDateEdit()
        self.weekStartEdit.setObjectName("weekStartEdit")
        self.weekStartEdit.setCalendarPopup(True)
        self.weekStartEdit.setDisplayFormat("ddd d MMM yyyy")
        form.addRow("&Week of:", self.weekStartEdit)
        self.weeksSpin = QSpinBox()
        self.weeksSpin.setObjectName("weeksSpin")
        self.weeksSpin.setRange(1, MAX_BLOCK_WEEKS)
        self.weeksSpin.setSuffix(" week(s)")
        form.addRow("W&eeks:", self.weeksSpin)
        self.runsSpin = QSpinBox()
        self.runsSpin.setObjectName("runsSpin")
        self.runsSpin.setRange(0, 7)
        form.addRow("&Runs a week:", self.runsSpin)
        self.distanceSpin = QDoubleSpinBox()
        self.distanceSpin.setObjectName("distanceSpin")
        most = units.distance_from_km(MAX_WEEKLY_KM, self._unit)
        self.distanceSpin.setRange(0.0, math.floor(most * 10) / 10)  # shown never above it
        self.distanceSpin.setDecimals(units.DISTANCE_DECIMALS)
        self.distanceSpin.setSuffix(f" {units.distance_label(self._unit)}")
        form.addRow("&Distance a week:", self.distanceSpin)
        self.longRunCheck = QCheckBox("One &long run a week")
        self.longRunCheck.setObjectName("longRunCheck")
        form.addRow(self.longRunCheck)
        self.keepRadio = QRadioButton("&Keep sessions already planned")
        self.keepRadio.setObjectName("keepRadio")
        self.replaceRadio = QRadioButton("Re&place sessions already planned")
        self.replaceRadio.setObjectName("replaceRadio")
        self._existing_group = QButtonGroup(self)
        self._existing_group.addButton(self.keepRadio)
        self._existing_group.addButton(self.replaceRadio)
        form.addRow(self.keepRadio)
        form.addRow(self.replaceRadio)
        hint = QLabel("Sessions you have done are never changed.")
        hint.setObjectName("doneHint")
        hint.setWordWrap(True)
        form.addRow(hint)
        return box

    def _fill(self, initial: PlanRequest) -> None:
        by_day = {slot.weekday: slot for slot in initial.lifts}
        for weekday in range(7):
            slot = by_day.get(weekday, _DEFAULT_LIFT)
            self._day_checks[weekday].setChecked(weekday in by_day)
            self._day_times[weekday].setTime(_qtime(slot.start))
            self._day_minutes[weekday].setValue(slot.duration_min)
            self._sync_day(weekday)
        self._show_week_start(initial.week_start)
        self.weeksSpin.setValue(initial.weeks)
        self.runsSpin.setValue(initial.runs)
        shown = units.distance_from_km(initial.weekly_km, self._unit)
        self.distanceSpin.setValue(round(shown, 1))
        self.longRunCheck.setChecked(initial.long_run)
        (self.keepRadio if initial.keep_existing else self.replaceRadio).setChecked(True)

    def _connect_signals(self) -> None:
        for weekday in range(7):
            self._day_checks[weekday].toggled.connect(self._on_day_toggled)
            self._day_times[weekday].timeChanged.connect(self._on_input_changed)
            self._day_minutes[weekday].valueChanged.connect(self._on_input_changed)
        self.weekStartEdit.dateChanged.connect(self._on_week_start_changed)
        self.weeksSpin.valueChanged.connect(self._on_input_changed)
        self.runsSpin.valueChanged.connect(self._on_input_changed)
        self.distanceSpin.valueChanged.connect(self._on_input_changed)
        self.longRunCheck.toggled.connect(self._on_input_changed)
        self.keepRadio.toggled.connect(self._on_input_changed)
        self.buttons.rejected.connect(self.reject)

    # --- public API -------------------------------------------------------------------

    def plan_request(self) -> PlanRequest:
        """The request the inputs describe now (the weekly distance in km)."""
        lifts = tuple(
            LiftSlot(
                weekday,
                time(
                    self._day_times[weekday].time().hour(), self._day_times[weekday].time().minute()
                ),
                self._day_minutes[weekday].value(),
            )
            for weekday in range(7)
            if self._day_checks[weekday].isChecked()
        )
        picked = self.weekStartEdit.date()
        return PlanRequest(
            week_start=date(picked.year(), picked.month(), picked.day()),
            lifts=lifts,
            runs=self.runsSpin.value(),
            weekly_km=units.distance_to_km(self.distanceSpin.value(), self._unit),
            long_run=self.longRunCheck.isChecked(),
            keep_existing=self.keepRadio.isChecked(),
            weeks=self.weeksSpin.value(),
        )

    def _ask_preview(self) -> tuple[PlanPreview | None, str]:
        try:
            return self._make_preview(self.plan_request()), ""
        except InvalidInputError as error:
            return None, str(error)

    # --- slots ------------------------------------------------------------------------

    def _sync_day(self, weekday: int) -> None:
        checked = self._day_checks[weekday].isChecked()
        self._day_times[weekday].setEnabled(checked)
        self._day_minutes[weekday].setEnabled(checked)

    def _on_day_toggled(self) -> None:
        for weekday in range(7):
            self._sync_day(weekday)
        self.refresh()
