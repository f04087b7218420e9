"""The session form's fields: one run or deadlift shown in the user's units, and read back."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from desktop.advice import units
from desktop.advice.limits import too_long
from desktop.advice.model import (
    MAX_DURATION_MIN,
    MAX_HUMAN_SPEED_KMH,
    MAX_NOTES_CHARS,
    MAX_REPS,
    MAX_SETS,
    Kind,
    Session,
    Suggestion,
    Workout,
)
from desktop.ui.fields import (
    NOT_SET,
    DisplayUnits,
    ExactValues,
    LimitedDoubleSpinBox,
    LimitedSpinBox,
    floor1,
    select_data,
)
from desktop.ui.signals import signals_blocked
from desktop.ui.spin_fields import (
    apply_distance_unit,
    apply_load_unit,
    count_spin,
    distance_spin,
    load_spin,
)

_WORKOUTS = (
    ("Easy", Workout.EASY),
    ("Intervals", Workout.INTERVALS),
    ("Hills", Workout.HILLS),
    ("Long", Workout.LONG),
)
_SPOTTER = (("Not recorded", None), ("Yes, with a spotter", True), ("No spotter", False))
# The notes' length is shown once it passes this share of the limit.
NOTES_COUNTER_FROM = 0.9


class SessionFields(QWidget):
    """The editable fields of one session; `edited` fires on any change a person makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionFormFields")
        self._units = DisplayUnits()
        self._exact = ExactValues()
        self._rows_for_run: bool | None = None  # the kind whose rows are shown; None: not yet
        self._loaded_start: tuple[QDateTime, datetime] | None = None
        self._build()
        self._apply_units()
        self._connect()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.kindField = QComboBox()
        self.kindField.setObjectName("kindField")
        self.kindField.addItem("Run", Kind.RUN)
        self.kindField.addItem("Deadlift", Kind.DEADLIFT)

        self.startField = QDateTimeEdit()
        self.startField.setObjectName("startField")
        self.startField.setCalendarPopup(True)
        self.startField.setDisplayFormat("ddd d MMM yyyy  HH:mm")

        self.durationField = LimitedSpinBox("The duration")
        self.durationField.setObjectName("durationField")
        self.durationField.setRange(1, MAX_DURATION_MIN)
        self.durationField.setSuffix(" min")
        self.durationField.setAccelerated(True)

        self.workoutField = QComboBox()
        self.workoutField.setObjectName("workoutField")
        for text, workout in _WORKOUTS:
            self.workoutField.addItem(text, workout)

        self.distanceField = distance_spin("A run's distance", "distanceField")
        self.distanceField.setToolTip("Leave at — when you don't want to set a distance.")

        self.speedField = LimitedDoubleSpinBox("A running speed")
        self.speedField.setObjectName("speedField")
        self.speedField.setDecimals(units.SPEED_DECIMALS)
        self.speedField.setSingleStep(0.1)
        self.speedField.setSpecialValueText(NOT_SET)
        self.speedField.setAccelerated(True)
        self.speedField.setToolTip("Leave at — when you don't want to set a speed.")
        self.paceLabel = QLabel()
        self.paceLabel.setObjectName("paceLabel")
        self.paceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._speed_row = QWidget()
        self._speed_row.setObjectName("speedRow")
        speed_layout = QHBoxLayout(self._speed_row)
        speed_layout.setContentsMargins(0, 0, 0, 0)
        speed_layout.addWidget(self.speedField, 1)
        speed_layout.addWidget(self.paceLabel)

        self.painField = QCheckBox("Running hurt")
        self.painField.setObjectName("painField")
        self.painField.setToolTip("If you feel pain when running, stop immediately.")

        self.setsField = count_spin("Sets", "setsField", MAX_SETS)
        self.repsField = count_spin("Reps", "repsField", MAX_REPS)

        self.loadField = load_spin("The load", "loadField")

        self.spotterField = QComboBox()
        self.spotterField.setObjectName("spotterField")
        for text, value in _SPOTTER:
            self.spotterField.addItem(text, value)
        self.spotterField.setToolTip("Never lift without a spotter.")

        self.doneField = QCheckBox("Done")
        self.doneField.setObjectName("doneField")

        self.notesField = QPlainTextEdit()
        self.notesField.setObjectName("notesField")
        self.notesField.setPlaceholderText("How it went, how you felt…")
        self.notesField.setTabChangesFocus(True)
        # Three lines: the advice under the form needs the height more than long notes do.
        line = self.notesField.fontMetrics().lineSpacing()
        margins = 2 * self.notesField.frameWidth() + 2 * int(
            self.notesField.document().documentMargin()
        )
        self.notesField.setMaximumHeight(line * 3 + margins)
        self.notesCounter = QLabel()
        self.notesCounter.setObjectName("notesCounter")
        self.notesCounter.hide()

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Mnemonics are unique among the fields shown together and the window's own
        # (menus f e v s h, New &run, New &deadlift, &Water today, Da&y note).
        form.addRow("&Kind:", self.kindField)
        form.addRow("St&art:", self.startField)
        form.addRow("D&uration:", self.durationField)
        form.addRow("W&orkout:", self.workoutField)
        form.addRow("D&istance:", self.distanceField)
        form.addRow("S&peed:", self._speed_row)
        form.addRow("Se&ts:", self.setsField)
        form.addRow("Re&ps:", self.repsField)
        form.addRow("&Load:", self.loadField)
        form.addRow("Sp&otter:", self.spotterField)
        # One row for both check boxes: the advice under the form needs the height more.
        checks = QWidget()
        checks_row = QHBoxLayout(checks)
        checks_row.setContentsMargins(0, 0, 0, 0)
        checks_row.addWidget(self.painField)
        checks_row.addWidget(self.doneField)
        checks_row.addStretch(1)
        form.addRow("", checks)
        form.addRow("&Notes:", self.notesField)
        form.addRow("", self.notesCounter)
        self._form = form
        label = form.labelForField(self._speed_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.speedField)

    def tab_order(self) -> list[QWidget]:
        """The fields in keyboard order."""
        return [
            self.kindField,
            self.startField,
            self.durationField,
            self.workoutField,
            self.distanceField,
            self.speedField,
            self.painField,
            self.setsField,
            self.repsField,
            self.loadField,
            self.spotterField,
            self.doneField,
            self.notesField,
        ]

    def _connect(self) -> None:
        self.kindField.currentIndexChanged.connect(self._on_kind_changed)
        self.startField.dateTimeChanged.connect(self.edited)
        self.workoutField.currentIndexChanged.connect(self.edited)
        self.speedField.valueChanged.connect(self._update_pace)
        self.painField.toggled.connect(self.edited)
        self.spotterField.currentIndexChanged.connect(self.edited)
        self.doneField.toggled.connect(self.edited)
        self.notesField.textChanged.connect(self._on_notes_changed)
        for spin in self._limited():
            spin.valueChanged.connect(self.edited)
            spin.limit_changed.connect(self.edited)

    def _limited(self) -> list[LimitedSpinBox | LimitedDoubleSpinBox]:
        return [
            self.durationField,
            self.distanceField,
            self.speedField,
            self.setsField,
            self.repsField,
            self.loadField,
        ]

    # ------------------------------------------------------------------ public
    def set_units(self, display: DisplayUnits) -> None:
        """Show distances, speeds and loads in these units, keeping the values."""
        distance = self._exact.value(self.distanceField, self._units.distance_from)
        speed = self._exact.value(self.speedField, self._units.speed_from)
        load = self._exact.value(self.loadField, self._units.weight_from)
        with signals_blocked(self):
            self._units = display
            self._apply_units()
            self._exact.show(self.distanceField, distance, display.distance_to)
            self._exact.show(self.speedField, speed, display.speed_to)
            self._exact.show(self.loadField, load, display.weight_to)
            self._update_pace()

    def fill(self, session: Session) -> None:
        """Show a session's values (no `edited`)."""
        with signals_blocked(self):
            select_data(self.kindField, Kind(session.kind))
            # Rows first, values after: showing a row lays the form out at once, which is
            # cheap while the boxes still hold the values they were measured with.
            self._update_kind_rows()
            start = session.start
            shown = QDateTime(
                QDate(start.year, start.month, start.day),
                QTime(start.hour, start.minute, start.second, start.microsecond // 1000),
            )
            self.startField.setDateTime(shown)
            self._loaded_start = (self.startField.dateTime(), session.start)
            self.durationField.setValue(session.duration_min)
            select_data(self.workoutField, session.workout or Workout.EASY)
            self._exact.show(self.distanceField, session.distance_km, self._units.distance_to)
            self._exact.show(self.speedField, session.speed_kmh, self._units.speed_to)
            self.painField.setChecked(session.pain)
            self.setsField.setValue(session.sets or 0)
            self.repsField.setValue(session.reps or 0)
            self._exact.show(self.loadField, session.load_kg, self._units.weight_to)
            select_data(self.spotterField, session.spotter)
            self.doneField.setChecked(session.done)
            self.notesField.setPlainText(session.notes)
            self._update_pace()
            self._update_notes_counter()

    def apply_suggestion(self, suggestion: Suggestion) -> None:
        """Fill workout, and distance and speed when given (no `edited`)."""
        with signals_blocked(self):
            select_data(self.workoutField, Workout(suggestion.workout))
            if suggestion.distance_km is not None:
                self._exact.show(
                    self.distanceField, suggestion.distance_km, self._units.distance_to
                )
            if suggestion.speed_kmh is not None:
                self._exact.show(self.speedField, suggestion.speed_kmh, self._units.speed_to)
            self._update_pace()

    def kind(self) -> Kind:
        """The kind chosen."""
        return Kind(self.kindField.currentData())

    def limit_problem(self) -> str:
        """A sentence about a value typed above its limit, or ""."""
        for spin in self._limited():
            if spin.isVisibleTo(self) and spin.is_over_limit():
                return spin.limit_message()
        if len(self.notesField.toPlainText()) > MAX_NOTES_CHARS:
            return f"{too_long('Notes')}; shorten them to save."
        return ""

    def session(self, common: dict[str, Any]) -> Session:
        """The values on screen as a Session; raises InvalidInputError if they can't be one."""
        common = {
            **common,
            "kind": self.kind(),
            "start": self._start(),
            "duration_min": self.durationField.value(),
            "done": self.doneField.isChecked(),
            "notes": self.notesField.toPlainText(),
        }
        if self.kind() is Kind.RUN:
            return Session(
                **common,
                workout=Workout(self.workoutField.currentData()),
                distance_km=self._exact.value(self.distanceField, self._units.distance_from),
                speed_kmh=self._exact.value(self.speedField, self._units.speed_from),
                pain=self.painField.isChecked(),
            )
        return Session(
            **common,
            spotter=self.spotterField.currentData(),
            sets=self.setsField.value() or None,
            reps=self.repsField.value() or None,
            load_kg=self._exact.value(self.loadField, self._units.weight_from),
        )

    # --------------------------------------------------------------- internals
    def _apply_units(self) -> None:
        display = self._units
        apply_distance_unit(self.distanceField, display)
        self.speedField.setDecimals(units.speed_decimals(display.distance))
        self.speedField.setRange(0.0, floor1(display.speed_to(MAX_HUMAN_SPEED_KMH)))
        self.speedField.setSuffix(f" {display.speed_label}")
        apply_load_unit(self.loadField, display)

    def _start(self) -> datetime:
        shown = self.startField.dateTime()
        if self._loaded_start is not None and self._loaded_start[0] == shown:
            return self._loaded_start[1]
        value = shown.toPython()
        assert isinstance(value, datetime)
        return value.replace(tzinfo=None)

    def _update_kind_rows(self) -> None:
        is_run = self.kind() is Kind.RUN
        if is_run == self._rows_for_run:
            return
        self._rows_for_run = is_run
        for widget in (self.workoutField, self.distanceField, self._speed_row):
            self._form.setRowVisible(widget, is_run)
        self.painField.setVisible(is_run)
        for widget in (self.setsField, self.repsField, self.loadField, self.spotterField):
            self._form.setRowVisible(widget, not is_run)

    def _update_pace(self) -> None:
        speed = self._exact.value(self.speedField, self._units.speed_from)
        unit = self._units.distance
        if speed is None:
            self.paceLabel.setText(f"= {NOT_SET} /{unit.value}")
            self.paceLabel.setAccessibleName("No pace set")
            return
        text = units.format_pace(speed, unit)
        self.paceLabel.setText(f"= {text}")
        self.paceLabel.setAccessibleName(f"Pace {text}")

    def _update_notes_counter(self) -> None:
        length = len(self.notesField.toPlainText())
        near = length >= MAX_NOTES_CHARS * NOTES_COUNTER_FROM
        self.notesCounter.setVisible(near)
        if near:
            self.notesCounter.setText(f"{length:,} of at most {MAX_NOTES_CHARS:,} characters")

    def _on_kind_changed(self) -> None:
        self._update_kind_rows()
        self.edited.emit()

    def _on_notes_changed(self) -> None:
        self._update_notes_counter()
        self.edited.emit()


def pairwise_tab_order(widgets: list[QWidget]) -> None:
    """Chain the widgets' keyboard order as listed."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
