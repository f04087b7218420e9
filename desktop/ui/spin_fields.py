"""Spin boxes shared by the session form's planned and actual sections, and their units."""

from __future__ import annotations

from desktop.advice import units
from desktop.advice.model import MAX_DISTANCE_KM, MAX_LOAD_KG, WeightUnit
from desktop.ui.fields import (
    NOT_SET,
    DisplayUnits,
    LimitedDoubleSpinBox,
    LimitedSpinBox,
    floor1,
)


def distance_spin(what: str, name: str) -> LimitedDoubleSpinBox:
    """A distance box (the engine's display precision, steps of 0.1) that starts at — (not set)."""
    spin = LimitedDoubleSpinBox(what)
    spin.setObjectName(name)
    spin.setDecimals(units.DISTANCE_DECIMALS)
    spin.setSingleStep(0.1)
    spin.setSpecialValueText(NOT_SET)
    spin.setAccelerated(True)
    return spin


def count_spin(what: str, name: str, maximum: int) -> LimitedSpinBox:
    """A whole-number box from 0 (shown as —, not set) up to `maximum`."""
    spin = LimitedSpinBox(what)
    spin.setObjectName(name)
    spin.setRange(0, maximum)
    spin.setSpecialValueText(NOT_SET)
    return spin


def load_spin(what: str, name: str) -> LimitedDoubleSpinBox:
    """A load box (one decimal) that starts at — (not set)."""
    spin = LimitedDoubleSpinBox(what)
    spin.setObjectName(name)
    spin.setDecimals(1)
    spin.setSpecialValueText(NOT_SET)
    spin.setAccelerated(True)
    return spin


def apply_distance_unit(spin: LimitedDoubleSpinBox, display: DisplayUnits) -> None:
    """Range, decimals and suffix of a distance box in the display's distance unit."""
    spin.setDecimals(units.distance_decimals(display.distance))
    spin.setRange(0.0, floor1(display.distance_to(MAX_DISTANCE_KM)))
    spin.setSuffix(f" {display.distance.value}")


def apply_load_unit(spin: LimitedDoubleSpinBox, display: DisplayUnits) -> None:
    """Range, step and suffix of a load box in the display's weight unit."""
    spin.setRange(0.0, floor1(display.weight_to(MAX_LOAD_KG)))
    spin.setSingleStep(5.0 if display.weight is WeightUnit.LB else 2.5)
    spin.setSuffix(f" {display.weight.value}")
