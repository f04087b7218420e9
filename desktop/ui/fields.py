"""What the editors' fields share: units, exact values, limits and one signal guard.

The session form, the profile dialog and the day log box show engine values (km, km/h, kg,
oz) in the user's units (`DisplayUnits`), rounded to what a spin box displays.
`ExactValues` remembers the exact engine value behind each rounded display so an untouched
field round-trips exactly. `LimitedSpinBox` / `LimitedDoubleSpinBox` take their maximum
from the engine's limits and, when a typed number is above it, keep the text and say the
limit instead of silently dropping the last digit. Where such a box shows "not set" (its
special value text at its minimum), typing replaces that text however the box got focus,
and deleting every digit of a set value returns it to "not set". The one guard used while a
widget fills its own fields, `signals_blocked`, lives in desktop.ui.signals.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox, QWidget

from desktop.advice import units
from desktop.advice.limits import too_large
from desktop.advice.model import (
    MAX_WATER_OZ,
    DistanceUnit,
    Profile,
    VolumeUnit,
    WeightUnit,
)

NOT_SET = "—"


class DisplayUnits:
    """Converts engine values (km, km/h, kg, oz) to and from the units a person chose."""

    def __init__(
        self,
        profile: Profile | None = None,
        *,
        distance: DistanceUnit | None = None,
        volume: VolumeUnit | None = None,
        weight: WeightUnit | None = None,
    ) -> None:
        self.distance = distance or (
            DistanceUnit(profile.distance_unit) if profile else DistanceUnit.KM
        )
        self.volume = volume or (VolumeUnit(profile.volume_unit) if profile else VolumeUnit.ML)
        self.weight = weight or (WeightUnit(profile.weight_unit) if profile else WeightUnit.KG)

    def distance_to(self, km: float) -> float:
        """km -> the shown distance unit."""
        return units.distance_from_km(km, self.distance)

    def distance_from(self, value: float) -> float:
        """The shown distance unit -> km."""
        return units.distance_to_km(value, self.distance)

    def speed_to(self, kmh: float) -> float:
        """km/h -> the shown speed unit."""
        return units.speed_from_kmh(kmh, self.distance)

    def speed_from(self, value: float) -> float:
        """The shown speed unit -> km/h."""
        return units.speed_to_kmh(value, self.distance)

    def weight_to(self, kg: float) -> float:
        """kg -> the shown weight unit."""
        return units.weight_from_kg(kg, self.weight)

    def weight_from(self, value: float) -> float:
        """The shown weight unit -> kg."""
        return units.weight_to_kg(value, self.weight)

    def volume_to(self, oz: float) -> float:
        """oz -> the shown volume unit."""
        return units.volume_from_oz(oz, self.volume)

    def volume_from(self, value: float) -> float:
        """The shown volume unit -> oz."""
        return units.volume_to_oz(value, self.volume)

    @property
    def speed_label(self) -> str:
        """km/h or mph."""
        return units.speed_label(self.distance)


class _Limit:
    """Whether a spin box's typed text is a number above its maximum, and how to say so."""

    def __init__(self, spin: QSpinBox | QDoubleSpinBox, what: str, changed: SignalInstance) -> None:
        self._spin = spin
        self._changed = changed
        self.what = what
        self.over = False

    def validate(
        self, result: tuple[QValidator.State, str, int], text: str
    ) -> tuple[QValidator.State, str, int]:
        """Turn "Invalid" for a too-large number into "Intermediate": the text stays."""
        spin = self._spin
        over = False
        if result[0] == QValidator.State.Invalid:
            body = text.removeprefix(spin.prefix()).removesuffix(spin.suffix()).strip()
            locale = spin.locale()
            number, ok = locale.toDouble(body.replace(locale.groupSeparator(), ""))
            over = ok and number > spin.maximum()
        if over != self.over:
            self.over = over
            self._changed.emit(self.message())
        return (QValidator.State.Intermediate, text, result[2]) if over else result

    def fixup(self, text: str) -> str:
        """A number above the maximum becomes the maximum, not its first digits."""
        if not self.over:
            return text
        spin = self._spin
        return spin.textFromValue(spin.maximum())  # type: ignore[arg-type]

    def message(self) -> str:
        """A sentence naming the limit while the typed number is above it, else ""."""
        if not self.over:
            return ""
        spin = self._spin
        most = (spin.textFromValue(spin.maximum()) + spin.suffix()).strip()  # type: ignore[arg-type]
        return f"{too_large(self.what, most)}; Enter sets it to that."


_ERASE_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


class _UnsetTyping:
    """Typing into a box that shows "not set" enters what is typed; erasing returns to it.

    Qt leaves the special value text in the line edit when a box is focused by a click or a
    shortcut, so a typed digit lands next to "—" and is refused. Only Tab selects the text.
    Here the text is selected before any printable key, whatever gave the box focus.
    """

    def __init__(self, spin: QSpinBox | QDoubleSpinBox) -> None:
        self._spin = spin

    def shows_not_set(self) -> bool:
        """True while the box has a "not set" text and its line edit shows exactly that."""
        spin = self._spin
        special = spin.specialValueText()
        return bool(special) and spin.lineEdit().text() == special

    def before_key(self, event: QKeyEvent) -> None:
        """Select the "not set" text so that a printable key replaces it."""
        typed = event.text()
        if typed and typed.isprintable() and self.shows_not_set():
            self._spin.lineEdit().selectAll()

    def after_key(self, event: QKeyEvent) -> None:
        """When an erase key leaves no digits, show "not set" again (the box's minimum)."""
        spin = self._spin
        if event.key() not in _ERASE_KEYS or not spin.specialValueText():
            return
        body = spin.lineEdit().text().removeprefix(spin.prefix()).removesuffix(spin.suffix())
        if not body.strip():
            spin.setValue(spin.minimum())  # type: ignore[arg-type]
            spin.lineEdit().selectAll()


class LimitedDoubleSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox whose maximum is an engine limit, said rather than cut short, and
    whose "not set" text is typed over. The work is done by `_Limit` and `_UnsetTyping`,
    which LimitedSpinBox shares; Qt's virtual methods only hand over to them."""

    limit_changed = Signal(str)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = _Limit(self, what, self.limit_changed)
        self._unset = _UnsetTyping(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self._unset.before_key(event)
        super().keyPressEvent(event)
        self._unset.after_key(event)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self._limit.validate(super().validate(text, pos), text)

    def fixup(self, text: str) -> str:
        return self._limit.fixup(text)

    def is_over_limit(self) -> bool:
        """True while the typed text is a number above the field's maximum."""
        return self._limit.over

    def limit_message(self) -> str:
        """A sentence naming the limit while the typed number is above it, else ""."""
        return self._limit.message()


class LimitedSpinBox(QSpinBox):
    """A QSpinBox whose maximum is an engine limit, said rather than cut short, and whose
    "not set" text is typed over (the same parts as LimitedDoubleSpinBox)."""

    limit_changed = Signal(str)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = _Limit(self, what, self.limit_changed)
        self._unset = _UnsetTyping(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self._unset.before_key(event)
        super().keyPressEvent(event)
        self._unset.after_key(event)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self._limit.validate(super().validate(text, pos), text)

    def fixup(self, text: str) -> str:
        return self._limit.fixup(text)

    def is_over_limit(self) -> bool:
        """True while the typed text is a number above the field's maximum."""
        return self._limit.over

    def limit_message(self) -> str:
        """A sentence naming the limit while the typed number is above it, else ""."""
        return self._limit.message()


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
    spin.setDecimals(units.volume_decimals(unit))
    spin.setSingleStep(50.0 if unit is VolumeUnit.ML else 1.0)
    spin.setRange(0.0, floor1(units.volume_from_oz(MAX_WATER_OZ, unit)))
    spin.setSuffix(f" {unit.value}")


def select_data(combo: QComboBox, data: object) -> None:
    """Select the combo box item whose data equals `data` (compared in Python); else no change."""
    for index in range(combo.count()):
        if combo.itemData(index) == data:
            combo.setCurrentIndex(index)
            return
