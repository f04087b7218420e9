"""The session form's "Actual" section: what really happened, beside the planned values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from desktop.advice import units
from desktop.advice.model import (
    MAX_DURATION_MIN,
    MAX_REPS,
    MAX_SETS,
    RPE_MAX,
    RPE_MIN,
    Kind,
    Session,
)
from desktop.ui.fields import (
    NOT_SET,
    DisplayUnits,
    ExactValues,
    LimitedDoubleSpinBox,
    LimitedSpinBox,
)
from desktop.ui.signals import signals_blocked
from desktop.ui.spin_fields import (
    apply_distance_unit,
    apply_load_unit,
    count_spin,
    distance_spin,
    load_spin,
)

RPE_HINT = "How hard it felt: 1 is very easy, 10 as hard as you can. Leave at — if unsure."
MINUTES_PER_HOUR = 60.0


class ActualFields(QGroupBox):
    """Actual distance, time, sets, reps, load and effort of one session, in the user's units.

    Every field starts at — (not recorded); `values()` gives the kind's recorded values as
    Session keyword arguments (None where not recorded), `has_values()` whether any is.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Actual", parent)
        self.setObjectName("actualFields")
        self._units = DisplayUnits()
        self._exact = ExactValues()
        self._kind = Kind.RUN
        self._rows_shown = False  # set_kind has not yet chosen the rows
        self._planned: Session | None = None
        self._build()
        self._apply_units()
        self._connect_signals()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.distanceField = distance_spin("The distance run", "actualDistanceField")

        self.durationField = LimitedSpinBox("The time it really took")
        self.durationField.setObjectName("actualDurationField")
        self.durationField.setRange(0, MAX_DURATION_MIN)
        self.durationField.setSpecialValueText(NOT_SET)
        self.durationField.setSuffix(" min")
        self.durationField.setAccelerated(True)

        self.paceLabel = QLabel()
        self.paceLabel.setObjectName("actualPaceLabel")

        self.setsField = count_spin("The sets done", "actualSetsField", MAX_SETS)
        self.repsField = count_spin("The reps done", "actualRepsField", MAX_REPS)
        self.loadField = load_spin("The load lifted", "actualLoadField")

        self.rpeField = LimitedSpinBox("How hard it felt (RPE)")
        self.rpeField.setObjectName("rpeField")
        self.rpeField.setRange(RPE_MIN - 1, RPE_MAX)  # the value below RPE_MIN shows —
        self.rpeField.setSpecialValueText(NOT_SET)
        self.rpeField.setSuffix(f" of {RPE_MAX}")
        self.rpeField.setToolTip(RPE_HINT)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Mnemonics differ from the planned fields' and the window's (see session_fields).
        form.addRow("Distan&ce run:", self.distanceField)
        form.addRow("Ti&me taken:", self.durationField)
        form.addRow("Speed:", self.paceLabel)
        form.addRow("Sets l&ifted:", self.setsField)
        form.addRow("Reps &made:", self.repsField)
        form.addRow("Load on the &bar:", self.loadField)
        form.addRow("E&xertion (RPE):", self.rpeField)
        self._form = form

    def tab_order(self) -> list[QWidget]:
        """The fields in keyboard order."""
        return [*self._limited()]

    def _limited(self) -> list[LimitedSpinBox | LimitedDoubleSpinBox]:
        return [
            self.distanceField,
            self.durationField,
            self.setsField,
            self.repsField,
            self.loadField,
            self.rpeField,
        ]

    def _connect_signals(self) -> None:
        for spin in self._limited():
            spin.valueChanged.connect(self._on_value_changed)
            spin.limit_changed.connect(self.edited)

    # ------------------------------------------------------------------ public
    def set_units(self, display: DisplayUnits) -> None:
        """Show distances and loads in these units, keeping the values."""
        distance = self._exact.value(self.distanceField, self._units.distance_from)
        load = self._exact.value(self.loadField, self._units.weight_from)
        with signals_blocked(self):
            self._units = display
            self._apply_units()
            self._exact.show(self.distanceField, distance, display.distance_to)
            self._exact.show(self.loadField, load, display.weight_to)
        self._update_hints()

    def set_kind(self, kind: Kind) -> None:
        """Show the rows of a run or of a deadlift."""
        self._show_rows(kind)
        self._update_hints()

    def _show_rows(self, kind: Kind) -> None:
        if kind is self._kind and self._rows_shown:
            return
        self._kind = kind
        self._rows_shown = True
        is_run = kind is Kind.RUN
        for widget in (self.distanceField, self.durationField, self.paceLabel):
            self._form.setRowVisible(widget, is_run)
        for widget in (self.setsField, self.repsField, self.loadField):
            self._form.setRowVisible(widget, not is_run)

    def fill(self, session: Session) -> None:
        """Show a session's actual values and keep its plan for the hints (no `edited`)."""
        self._planned = session
        # Rows first, values after: showing a row lays the form out at once, which is cheap
        # while the boxes still hold the values they were measured with.
        self._show_rows(Kind(session.kind))
        with signals_blocked(self):
            self._exact.show(
                self.distanceField, session.actual_distance_km, self._units.distance_to
            )
            self.durationField.setValue(session.actual_duration_min or 0)
            self.setsField.setValue(session.actual_sets or 0)
            self.repsField.setValue(session.actual_reps or 0)
            self._exact.show(self.loadField, session.actual_load_kg, self._units.weight_to)
            self.rpeField.setValue(session.rpe or 0)
        self._update_hints()

    def set_planned(self, session: Session | None) -> None:
        """The plan the hints compare with (the planned fields as they are now)."""
        self._planned = session
        self._update_hints()

    def values(self) -> dict[str, Any]:
        """The recorded values of the shown kind as Session keyword arguments."""
        rpe = self.rpeField.value() or None
        if self._kind is Kind.RUN:
            return {
                "actual_distance_km": self._distance_km(),
                "actual_duration_min": self.durationField.value() or None,
                "rpe": rpe,
            }
        return {
            "actual_sets": self.setsField.value() or None,
            "actual_reps": self.repsField.value() or None,
            "actual_load_kg": self._exact.value(self.loadField, self._units.weight_from),
            "rpe": rpe,
        }

    def has_values(self) -> bool:
        """True when any value of the shown kind is recorded."""
        return any(value is not None for value in self.values().values())

    def limit_problem(self) -> str:
        """A sentence about a value typed above its limit, or ""."""
        for spin in self._limited():
            if spin.isVisibleTo(self) and spin.is_over_limit():
                return spin.limit_message()
        return ""

    def speed_kmh(self) -> float | None:
        """The speed worked out from the actual distance and time, when both are recorded."""
        km = self._distance_km()
        minutes = self.durationField.value()
        if km is None or minutes <= 0:
            return None
        return km / (minutes / MINUTES_PER_HOUR)

    # --------------------------------------------------------------- internals
    def _distance_km(self) -> float | None:
        return self._exact.value(self.distanceField, self._units.distance_from)

    def _apply_units(self) -> None:
        apply_distance_unit(self.distanceField, self._units)
        apply_load_unit(self.loadField, self._units)

    def _update_hints(self) -> None:
        """The worked-out speed and pace, and each field's planned value as its tooltip."""
        speed = self.speed_kmh()
        unit = self._units.distance
        if speed is None:
            self.paceLabel.setText(f"{NOT_SET} (from the distance and time)")
            self.paceLabel.setAccessibleName("No actual speed yet")
        else:
            text = units.format_speed_and_pace(speed, unit)
            self.paceLabel.setText(text)
            self.paceLabel.setAccessibleName(f"Actual speed {text}")
        plan = self._planned
        if plan is None:
            return
        display = self._units
        planned: dict[QWidget, str | None] = {
            self.distanceField: (
                units.format_distance(plan.distance_km, unit) if plan.distance_km else None
            ),
            self.durationField: f"{plan.duration_min} min",
            self.setsField: str(plan.sets) if plan.sets else None,
            self.repsField: str(plan.reps) if plan.reps else None,
            self.loadField: (
                units.format_weight(plan.load_kg, display.weight) if plan.load_kg else None
            ),
        }
        for spin, plan_text in planned.items():
            tip = f"Planned: {plan_text}" if plan_text else "Nothing planned to compare with."
            spin.setToolTip(tip)

    def _on_value_changed(self) -> None:
        self._update_hints()
        self.edited.emit()
