"""The runner's profile: limits, units and water target; doubles as the first-run welcome."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.advice import units
from desktop.advice.limits import (
    PROFILE_DISTANCE_WHY,
    PROFILE_MAX_DISTANCE_KM,
    PROFILE_MAX_SPEED_KMH,
    PROFILE_MIN_DISTANCE_KM,
    PROFILE_MIN_SPEED_KMH,
    PROFILE_SPEED_WHY,
    check_best_pace,
)
from desktop.advice.model import (
    WINDOW_MAX_MIN,
    WINDOW_MIN_MIN,
    DistanceUnit,
    InvalidInputError,
    Profile,
    VolumeUnit,
    WeightUnit,
)
from desktop.ui.fields import (
    NOT_SET,
    DisplayUnits,
    ExactValues,
    LimitedDoubleSpinBox,
    LimitedSpinBox,
    apply_volume_unit,
    floor1,
    select_data,
)
from desktop.ui.profile_parts import WINDOW_HELP, health_notice_frame, help_label, water_help
from desktop.ui.signals import signals_blocked

INTRO = (
    "Liftrun puts your deadlifts and your runs on one calendar.\n"
    "For every run it tells you how far, how fast and what kind of run to do, "
    "given the deadlift before it."
)
_PACE_PATTERN = r"\d{1,3}:[0-5]\d"


def _locale_units() -> tuple[DistanceUnit, VolumeUnit, WeightUnit]:
    """Units proposed from the system locale: imperial systems get mi, oz and lb."""
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.MetricSystem:
        return DistanceUnit.KM, VolumeUnit.ML, WeightUnit.KG
    return DistanceUnit.MI, VolumeUnit.OZ, WeightUnit.LB


class ProfileDialog(QDialog):
    """Asks for max distance, max speed or best pace, units, the 'right after' window and water."""

    def __init__(
        self,
        profile: Profile | None = None,
        first_run: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog" if first_run else "profileDialog")
        self.setWindowTitle("Welcome to Liftrun" if first_run else "Your profile")
        self._first_run = first_run
        self._exact = ExactValues()
        if profile is not None:
            self._units = DisplayUnits(profile)
        else:
            distance_unit, volume_unit, weight_unit = _locale_units()
            self._units = DisplayUnits(
                distance=distance_unit, volume=volume_unit, weight=weight_unit
            )
        self._build(first_run)
        with signals_blocked(*self._inputs()):
            select_data(self.distanceUnitField, self._units.distance)
            select_data(self.volumeUnitField, self._units.volume)
            select_data(self.weightUnitField, self._units.weight)
            self._apply_units()
            units_now = self._units
            if profile is not None:
                self._exact.show(
                    self.maxDistanceField, profile.max_distance_km, units_now.distance_to
                )
                self._exact.show(self.maxSpeedField, profile.max_speed_kmh, units_now.speed_to)
                self.windowField.setValue(profile.immediate_window_min)
                self._exact.show(
                    self.waterTargetField, profile.water_target_oz, units_now.volume_to
                )
            else:
                self.windowField.setValue(60)
                self._exact.show(self.waterTargetField, 64.0, units_now.volume_to)
            self._sync_pace_from_speed()
        self._validate()

    # ----------------------------------------------------------------- building
    def _build(self, first_run: bool) -> None:
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(INTRO)
            intro.setObjectName("introLabel")
            intro.setWordWrap(True)
            layout.addWidget(intro)

        notice, self.healthNotice = health_notice_frame(self)
        layout.addWidget(notice)

        self.maxDistanceField = LimitedDoubleSpinBox("Your longest run")
        self.maxDistanceField.setObjectName("maxDistanceField")
        self.maxDistanceField.setDecimals(units.DISTANCE_DECIMALS)
        self.maxDistanceField.setSingleStep(0.5)
        self.maxDistanceField.setSpecialValueText(NOT_SET)
        self.maxDistanceField.setToolTip(
            "The longest run you can do comfortably today: from "
            f"{PROFILE_MIN_DISTANCE_KM:g} to {PROFILE_MAX_DISTANCE_KM:g} km, as "
            f"{PROFILE_DISTANCE_WHY}."
        )

        self.maxSpeedField = LimitedDoubleSpinBox("Your top speed")
        self.maxSpeedField.setObjectName("maxSpeedField")
        self.maxSpeedField.setDecimals(units.SPEED_DECIMALS)
        self.maxSpeedField.setSingleStep(0.1)
        self.maxSpeedField.setSpecialValueText(NOT_SET)
        self.maxSpeedField.setToolTip(
            "Your top running speed, or type your best pace instead: from "
            f"{PROFILE_MIN_SPEED_KMH:g} to {PROFILE_MAX_SPEED_KMH:g} km/h, as {PROFILE_SPEED_WHY}."
        )

        self.bestPaceField = QLineEdit()
        self.bestPaceField.setObjectName("bestPaceField")
        self.bestPaceField.setPlaceholderText("m:ss, e.g. 4:00")
        self.bestPaceField.setValidator(
            QRegularExpressionValidator(QRegularExpression(_PACE_PATTERN), self.bestPaceField)
        )
        self.bestPaceField.setAccessibleName("Best pace, minutes and seconds")
        self.paceUnitLabel = QLabel()
        pace_row = QWidget()
        pace_layout = QHBoxLayout(pace_row)
        pace_layout.setContentsMargins(0, 0, 0, 0)
        pace_layout.addWidget(self.bestPaceField, 1)
        pace_layout.addWidget(self.paceUnitLabel)

        self.distanceUnitField = QComboBox()
        self.distanceUnitField.setObjectName("distanceUnitField")
        self.distanceUnitField.addItem("Kilometres (km, km/h)", DistanceUnit.KM)
        self.distanceUnitField.addItem("Miles (mi, mph)", DistanceUnit.MI)
        self.volumeUnitField = QComboBox()
        self.volumeUnitField.setObjectName("volumeUnitField")
        self.volumeUnitField.addItem("Millilitres (ml)", VolumeUnit.ML)
        self.volumeUnitField.addItem("US fluid ounces (oz)", VolumeUnit.OZ)
        self.weightUnitField = QComboBox()
        self.weightUnitField.setObjectName("weightUnitField")
        self.weightUnitField.addItem("Kilograms (kg)", WeightUnit.KG)
        self.weightUnitField.addItem("Pounds (lb)", WeightUnit.LB)

        self.windowField = LimitedSpinBox("The 'right after a deadlift' window")
        self.windowField.setObjectName("windowField")
        self.windowField.setRange(WINDOW_MIN_MIN, WINDOW_MAX_MIN)
        self.windowField.setSuffix(" min")
        self.windowField.setToolTip(
            "A run starting within this many minutes after a deadlift counts as "
            f"'immediately after' it.\n{WINDOW_HELP}"
        )
        self.windowHelp = help_label(WINDOW_HELP, "windowHelp")

        self.waterTargetField = LimitedDoubleSpinBox("The daily water target")
        self.waterTargetField.setObjectName("waterTargetField")
        self.waterTargetField.setToolTip("The article says: drink at least 64 oz of water per day.")
        self.waterHelp = help_label("", "waterHelp")
        # Thousands separators like the labels (units.format_volume), where they agree.
        self.waterTargetField.setGroupSeparatorShown(
            self.waterTargetField.locale().groupSeparator() == ","
        )

        # Your numbers first, then the units they are shown in.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Longest comfortable &run:", self.maxDistanceField)
        form.addRow("Top &speed:", self.maxSpeedField)
        form.addRow("Or best &pace:", pace_row)
        form.addRow("\u201cRight after a deadlift\u201d &means within:", self.windowField)
        form.addRow("", self.windowHelp)
        form.addRow("Daily water &target:", self.waterTargetField)
        form.addRow("", self.waterHelp)
        units_caption = QLabel("Units")
        units_caption.setObjectName("unitsCaption")
        font = units_caption.font()
        font.setBold(True)
        units_caption.setFont(font)
        units_caption.setContentsMargins(0, self.fontMetrics().height() // 3, 0, 0)
        form.addRow(units_caption)
        form.addRow("&Distances in:", self.distanceUnitField)
        form.addRow("&Water in:", self.volumeUnitField)
        form.addRow("&Loads in:", self.weightUnitField)
        pace_label = form.labelForField(pace_row)
        if isinstance(pace_label, QLabel):
            pace_label.setBuddy(self.bestPaceField)
        layout.addLayout(form)

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("profileErrorLabel")
        self.errorLabel.setWordWrap(True)
        layout.addWidget(self.errorLabel)
        layout.addSpacing(self.fontMetrics().height() // 2)

        self.buttonBox = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttonBox.setObjectName("profileButtons")
        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("okButton")
        ok.setText("Start planning" if first_run else "Save")
        self.buttonBox.accepted.connect(self._accept_if_valid)
        self.buttonBox.rejected.connect(self.reject)
        layout.addWidget(self.buttonBox)
        # Wide enough that no label or unit name is squeezed, at any scale.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

        order: list[QWidget] = [
            self.maxDistanceField,
            self.maxSpeedField,
            self.bestPaceField,
            self.windowField,
            self.waterTargetField,
            self.distanceUnitField,
            self.volumeUnitField,
            self.weightUnitField,
            self.buttonBox,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.maxDistanceField.valueChanged.connect(self._validate)
        self.maxSpeedField.valueChanged.connect(self._on_speed_changed)
        self.bestPaceField.textEdited.connect(self._on_pace_edited)
        self.bestPaceField.editingFinished.connect(self._sync_pace_from_speed)
        self.distanceUnitField.currentIndexChanged.connect(self._on_units_changed)
        self.volumeUnitField.currentIndexChanged.connect(self._on_units_changed)
        self.weightUnitField.currentIndexChanged.connect(self._validate)
        self.windowField.lineEdit().textChanged.connect(self._validate)  # a typed 5 is refused
        self.waterTargetField.valueChanged.connect(self._validate)
        for spin in (self.maxDistanceField, self.maxSpeedField, self.waterTargetField):
            spin.limit_changed.connect(self._validate)
        self.windowField.limit_changed.connect(self._validate)

    def _inputs(self) -> list[QWidget]:
        """Every field whose signals re-validate; blocked while the dialog fills them."""
        return [
            self.maxDistanceField,
            self.maxSpeedField,
            self.bestPaceField,
            self.windowField,
            self.waterTargetField,
            self.distanceUnitField,
            self.volumeUnitField,
            self.weightUnitField,
        ]

    # ------------------------------------------------------------------ public
    def profile(self) -> Profile:
        """The profile as entered, in km, km/h and oz; raises InvalidInputError if incomplete."""
        distance = self._exact.value(self.maxDistanceField, self._units.distance_from)
        speed = self._exact.value(self.maxSpeedField, self._units.speed_from)
        water = self._exact.value(self.waterTargetField, self._units.volume_from)
        if distance is None:
            raise InvalidInputError("Enter the longest run you can do comfortably.")
        if speed is None:
            raise InvalidInputError("Enter your top running speed or your best pace.")
        if water is None:
            raise InvalidInputError("Enter a daily water target.")
        return Profile(
            max_distance_km=distance,
            max_speed_kmh=min(speed, PROFILE_MAX_SPEED_KMH),
            immediate_window_min=self._typed_window(),
            water_target_oz=water,
            distance_unit=DistanceUnit(self.distanceUnitField.currentData()),
            volume_unit=VolumeUnit(self.volumeUnitField.currentData()),
            weight_unit=WeightUnit(self.weightUnitField.currentData()),
        )

    def is_valid(self) -> bool:
        """True when the values form a valid profile (the OK button is enabled)."""
        return not self._limit_problem() and self._problem() == ""

    # --------------------------------------------------------------- internals
    def _apply_units(self) -> None:
        display = self._units
        unit = display.distance
        self.maxDistanceField.setRange(0.0, floor1(display.distance_to(PROFILE_MAX_DISTANCE_KM)))
        self.maxDistanceField.setSuffix(f" {unit.value}")
        self.maxSpeedField.setRange(0.0, floor1(display.speed_to(PROFILE_MAX_SPEED_KMH)))
        self.maxSpeedField.setSuffix(f" {display.speed_label}")
        self.paceUnitLabel.setText(f"/{unit.value}")
        apply_volume_unit(self.waterTargetField, display.volume)
        self.waterTargetField.setSpecialValueText(NOT_SET)
        self.waterHelp.setText(water_help(display.volume))

    def _typed_window(self) -> int:
        """The window as typed, even outside 10-180 (the profile then says why it is refused)."""
        text = self.windowField.cleanText().strip()
        return int(text) if text.isdigit() else self.windowField.value()

    def _on_units_changed(self) -> None:
        old = self._units
        distance = self._exact.value(self.maxDistanceField, old.distance_from)
        speed = self._exact.value(self.maxSpeedField, old.speed_from)
        water = self._exact.value(self.waterTargetField, old.volume_from)
        with signals_blocked(*self._inputs()):
            new = DisplayUnits(
                distance=DistanceUnit(self.distanceUnitField.currentData()),
                volume=VolumeUnit(self.volumeUnitField.currentData()),
                weight=WeightUnit(self.weightUnitField.currentData()),
            )
            self._units = new
            self._apply_units()
            self._exact.show(self.maxDistanceField, distance, new.distance_to)
            self._exact.show(self.maxSpeedField, speed, new.speed_to)
            self._exact.show(self.waterTargetField, water, new.volume_to)
            self._sync_pace_from_speed()
        self._validate()

    def _on_speed_changed(self) -> None:
        self._sync_pace_from_speed()
        self._validate()

    def _sync_pace_from_speed(self) -> None:
        speed = self._exact.value(self.maxSpeedField, self._units.speed_from)
        if speed is None:
            if self.bestPaceField.hasAcceptableInput() or not self.bestPaceField.text():
                self.bestPaceField.setText("")
        else:
            pace = units.format_pace(speed, self._units.distance).split(" ")[0]
            self.bestPaceField.setText(pace)

    def _on_pace_edited(self, text: str) -> None:
        if not self.bestPaceField.hasAcceptableInput():
            self._validate()
            return
        try:
            speed = units.speed_from_pace(units.parse_pace(text), self._units.distance)
        except InvalidInputError:
            self._validate()
            return
        if speed <= PROFILE_MAX_SPEED_KMH:
            with signals_blocked(self.maxSpeedField):  # the pace being typed stays as typed
                self._exact.show(self.maxSpeedField, speed, self._units.speed_to)
        self._validate()

    def _problem(self) -> str:
        """Why OK is disabled, in words; "" when everything is valid."""
        text = self.bestPaceField.text()
        speed: float | None = None
        if text and self.bestPaceField.hasAcceptableInput():
            try:
                speed = units.speed_from_pace(units.parse_pace(text), self._units.distance)
            except InvalidInputError as error:
                return str(error)
        elif text:
            return "Write your best pace as minutes:seconds, like 4:27."
        try:
            # First the profile's own sentence (a typed pace is in the speed box already,
            # unless it is faster than anyone runs, which the pace check below says).
            self.profile()
            if speed is not None:
                check_best_pace(speed)
        except InvalidInputError as error:
            return str(error)
        return ""

    def _validate(self) -> None:
        problem = self._limit_problem() or self._problem()
        self.errorLabel.setText(problem)
        self.errorLabel.setVisible(bool(problem))
        ok = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def _limit_problem(self) -> str:
        for spin in (self.maxDistanceField, self.maxSpeedField, self.waterTargetField):
            if spin.is_over_limit():
                return spin.limit_message()
        return ""

    def _accept_if_valid(self) -> None:
        if self.is_valid():
            self.accept()
