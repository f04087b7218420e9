"""Helpers shared by the editors' number fields (no widget class of its own).

The session form, the profile dialog and the day log box show engine values (km, km/h, kg,
oz) in the user's units, rounded to what a spin box displays. `ExactValues` remembers the
exact engine value behind each rounded display so an untouched field round-trips exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

from desktop.advice import units
from desktop.advice.model import VolumeUnit

NOT_SET = "—"
MAX_DISTANCE_DISPLAY = 300.0
MAX_WATER_OZ = 700.0  # about 20 litres: more than anyone drinks in a day


def floor1(value: float) -> float:
    """Round down to one decimal, so a converted maximum never exceeds the engine's."""
    return math.floor(value * 10.0) / 10.0


class ExactValues:
    """objectName -> (value shown, exact engine value) for the spin boxes of one editor."""

    def __init__(self) -> None:
        self._exact: dict[str, tuple[float, float]] = {}

    def show(
        self, spin: QDoubleSpinBox, value: float | None, to_display: Callable[[float], float]
    ) -> None:
        """Show `value` (None or <= 0: empty) in the spin box's unit and remember it exactly."""
        key = spin.objectName()
        if value is None or value <= 0:
            spin.setValue(0.0)
            self._exact.pop(key, None)
            return
        spin.setValue(round(float(to_display(value)), spin.decimals()))
        self._exact[key] = (spin.value(), value)

    def value(self, spin: QDoubleSpinBox, from_display: Callable[[float], float]) -> float | None:
        """The engine value: the remembered one while the display is unchanged, else converted."""
        shown = spin.value()
        if shown <= 0:
            return None
        exact = self._exact.get(spin.objectName())
        if exact is not None and exact[0] == shown:
            return exact[1]
        return float(from_display(shown))


def apply_volume_unit(spin: QDoubleSpinBox, unit: VolumeUnit) -> None:
    """Water in ml (whole, steps of 50) or oz (one decimal, steps of 1), up to MAX_WATER_OZ."""
    if unit is VolumeUnit.ML:
        spin.setDecimals(0)
        spin.setSingleStep(50.0)
    else:
        spin.setDecimals(1)
        spin.setSingleStep(1.0)
    spin.setRange(0.0, units.volume_from_oz(MAX_WATER_OZ, unit))
    spin.setSuffix(f" {unit.value}")


def select_data(combo: QComboBox, data: object) -> None:
    """Select the combo box item whose data equals `data` (compared in Python); else no change."""
    for index in range(combo.count()):
        if combo.itemData(index) == data:
            combo.setCurrentIndex(index)
            return
