"""Unit conversions and formatting in the profile's units; pure functions, no Qt.

The engine stores distances in km, speeds in km/h, water in US fluid ounces and loads
in kg; these helpers convert to and from what the user sees (mi, mph, ml, lb) and format
numbers the same way everywhere. Paces are rounded *up* to the next second, so a pace
shown for a speed cap never suggests running faster than the cap.

Display precision is defined here once per quantity and unit (`distance_decimals`,
`speed_decimals`, `volume_decimals`): the form's boxes, chips, titles, warnings and
exports show that many decimals, and the rules compare the values *as shown*
(`shown_distance`, `shown_speed`, `shown_volume`), so what a person reads is what the
rules enforce, in either unit system.

How a number is *written* follows the person's region: `NumberStyle` (the decimal mark and
the thousands separator) is set once at start-up from the system locale (the window reads
it from Qt; the engine imports none) and every formatter here writes with it, so the
engine's sentences say "5,5 km" where the form's boxes do. Rounding does not change with
it. Files other programs read (CSV, .ics) are written inside `plain_numbers()`: a point,
whatever the region.
"""

from __future__ import annotations

import math
import re
from typing import Final

from desktop.advice.model import DistanceUnit, InvalidInputError, VolumeUnit, WeightUnit
from desktop.advice.number_style import (
    POINT as POINT,
)
from desktop.advice.number_style import (
    NumberStyle as NumberStyle,
)
from desktop.advice.number_style import (
    format_count as format_count,
)
from desktop.advice.number_style import (
    format_general as format_general,
)
from desktop.advice.number_style import (
    format_number as format_number,
)
from desktop.advice.number_style import (
    number_style as number_style,
)
from desktop.advice.number_style import (
    plain_numbers as plain_numbers,
)
from desktop.advice.number_style import (
    set_number_style as set_number_style,
)
from desktop.advice.number_style import (
    write_number,
)

KM_PER_MI: Final = 1.609344
ML_PER_OZ: Final = 29.5735295625  # US fluid ounce
KG_PER_LB: Final = 0.45359237

# Below this a pace is not a running pace any more (one unit in more than a day).
_MIN_PACE_SPEED_KMH: Final = 1e-6
_PACE_PATTERN: Final = re.compile(r"^\s*(\d+)\s*(?::\s*(\d{1,2}))?\s*$")


def _finite(value: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInputError(f"{what} must be a number.")
    if not math.isfinite(value):
        raise InvalidInputError(f"{what} must be a finite number.")
    return float(value)


# --- plain conversions -------------------------------------------------------------------


def km_to_mi(km: float) -> float:
    """Kilometres to miles."""
    return km / KM_PER_MI


def mi_to_km(mi: float) -> float:
    """Miles to kilometres."""
    return mi * KM_PER_MI


def kmh_to_mph(kmh: float) -> float:
    """Kilometres per hour to miles per hour."""
    return kmh / KM_PER_MI


def mph_to_kmh(mph: float) -> float:
    """Miles per hour to kilometres per hour."""
    return mph * KM_PER_MI


def oz_to_ml(oz: float) -> float:
    """US fluid ounces to millilitres."""
    return oz * ML_PER_OZ


def ml_to_oz(ml: float) -> float:
    """Millilitres to US fluid ounces."""
    return ml / ML_PER_OZ


def kg_to_lb(kg: float) -> float:
    """Kilograms to pounds."""
    return kg / KG_PER_LB


def lb_to_kg(lb: float) -> float:
    """Pounds to kilograms."""
    return lb * KG_PER_LB


# --- to and from the user's unit ---------------------------------------------------------


def distance_from_km(km: float, unit: DistanceUnit | str) -> float:
    """A distance in km expressed in the user's distance unit."""
    return km if DistanceUnit(unit) is DistanceUnit.KM else km_to_mi(km)


def distance_to_km(value: float, unit: DistanceUnit | str) -> float:
    """A distance typed in the user's unit, in km."""
    return value if DistanceUnit(unit) is DistanceUnit.KM else mi_to_km(value)


def speed_from_kmh(kmh: float, unit: DistanceUnit | str) -> float:
    """A speed in km/h expressed as km/h or mph."""
    return kmh if DistanceUnit(unit) is DistanceUnit.KM else kmh_to_mph(kmh)


def speed_to_kmh(value: float, unit: DistanceUnit | str) -> float:
    """A speed typed as km/h or mph, in km/h."""
    return value if DistanceUnit(unit) is DistanceUnit.KM else mph_to_kmh(value)


def volume_from_oz(oz: float, unit: VolumeUnit | str) -> float:
    """Water in oz expressed in the user's volume unit."""
    return oz if VolumeUnit(unit) is VolumeUnit.OZ else oz_to_ml(oz)


def volume_to_oz(value: float, unit: VolumeUnit | str) -> float:
    """Water typed in the user's volume unit, in oz."""
    return value if VolumeUnit(unit) is VolumeUnit.OZ else ml_to_oz(value)


def weight_from_kg(kg: float, unit: WeightUnit | str) -> float:
    """A load in kg expressed in the user's weight unit."""
    return kg if WeightUnit(unit) is WeightUnit.KG else kg_to_lb(kg)


def weight_to_kg(value: float, unit: WeightUnit | str) -> float:
    """A load typed in the user's weight unit, in kg."""
    return value if WeightUnit(unit) is WeightUnit.KG else lb_to_kg(value)


# --- pace --------------------------------------------------------------------------------


def pace_from_speed(kmh: float, unit: DistanceUnit | str) -> float:
    """Minutes per km (or per mile) at a speed in km/h; raises for a speed of 0 or less."""
    speed = speed_from_kmh(_finite(kmh, "A speed"), unit)
    if speed <= _MIN_PACE_SPEED_KMH:
        raise InvalidInputError("A pace needs a speed above 0.")
    return 60.0 / speed


def speed_from_pace(minutes_per_unit: float, unit: DistanceUnit | str) -> float:
    """The speed in km/h for a pace in minutes per km (or per mile), e.g. 4.5 -> 13.33."""
    minutes = _finite(minutes_per_unit, "A pace")
    if minutes <= 0:
        raise InvalidInputError("A pace must be more than 0 minutes per unit.")
    return speed_to_kmh(60.0 / minutes, unit)


def parse_pace(text: str) -> float:
    """Minutes per unit from "4:27" (min:s) or "5" (whole minutes); raises on anything else."""
    match = _PACE_PATTERN.match(text)
    if match is None:
        raise InvalidInputError(f"{text.strip()!r} is not a pace; write it like 4:27.")
    minutes = int(match.group(1))
    seconds = int(match.group(2) or 0)
    if seconds >= 60:
        raise InvalidInputError(f"{text.strip()!r} has {seconds} seconds; use 0 to 59.")
    if minutes == 0 and seconds == 0:
        raise InvalidInputError("A pace must be more than 0:00.")
    return minutes + seconds / 60.0


def _pace_seconds(kmh: float, unit: DistanceUnit | str) -> int:
    # Round up (a cap's pace must not be faster than the cap), ignoring float dust.
    return math.ceil(pace_from_speed(kmh, unit) * 60.0 - 1e-6)


# --- display precision -------------------------------------------------------------------

# Decimals shown for a distance (km or mi) and a speed (km/h or mph): 0.1 is about a
# minute of easy running and well inside what a watch or treadmill reports.
DISTANCE_DECIMALS: Final = 1
SPEED_DECIMALS: Final = 1
# Water: whole millilitres, or ounces to one decimal (1 oz is about 30 ml).
_VOLUME_DECIMALS: Final = {VolumeUnit.ML: 0, VolumeUnit.OZ: 1}


def distance_decimals(unit: DistanceUnit | str) -> int:
    """Decimals a distance is shown with in `unit` (the form's box uses the same)."""
    DistanceUnit(unit)
    return DISTANCE_DECIMALS


def speed_decimals(unit: DistanceUnit | str) -> int:
    """Decimals a speed is shown with in km/h or mph."""
    DistanceUnit(unit)
    return SPEED_DECIMALS


def volume_decimals(unit: VolumeUnit | str) -> int:
    """Decimals an amount of water is shown with: 0 in ml, 1 in oz."""
    return _VOLUME_DECIMALS[VolumeUnit(unit)]


def rounded(value: float, decimals: int) -> float:
    """`value` exactly as it is printed with `decimals` decimals, as a number."""
    return float(f"{value:.{decimals}f}")


def shown_distance(km: float, unit: DistanceUnit | str) -> float:
    """A distance in the user's unit, rounded as it is shown: the number the rules compare."""
    return rounded(distance_from_km(km, unit), distance_decimals(unit))


def shown_speed(kmh: float, unit: DistanceUnit | str) -> float:
    """A speed in km/h or mph, rounded as it is shown."""
    return rounded(speed_from_kmh(kmh, unit), speed_decimals(unit))


def shown_volume(oz: float, unit: VolumeUnit | str) -> float:
    """Water in the user's unit, rounded as it is shown."""
    return rounded(volume_from_oz(oz, unit), volume_decimals(unit))


def floor_to_shown(value: float, decimals: int) -> float:
    """Round down to the shown step, ignoring float dust (3.9999999 is 4.0): a limit shown
    this way is never above the limit it stands for."""
    scale = 10**decimals
    return rounded(math.floor(value * scale + 1e-6) / scale, decimals)


def floor_distance_km(km: float, unit: DistanceUnit | str) -> float:
    """The largest distance at or below `km` whose shown value is exact, in km."""
    shown = floor_to_shown(distance_from_km(km, unit), distance_decimals(unit))
    return distance_to_km(shown, unit)


def floor_speed_kmh(kmh: float, unit: DistanceUnit | str) -> float:
    """The largest speed at or below `kmh` whose shown value is exact, in km/h."""
    return speed_to_kmh(floor_to_shown(speed_from_kmh(kmh, unit), speed_decimals(unit)), unit)


def water_short_of(drunk_oz: float, target_oz: float, unit: VolumeUnit | str) -> float:
    """How far the water drunk falls short of the target, in `unit`, from the shown numbers.

    0 when the shown amount reaches the shown target. The day's warning and the day log's
    "to go" both read this, so they never disagree.
    """
    left = shown_volume(target_oz, unit) - shown_volume(drunk_oz, unit)
    return max(0.0, rounded(left, volume_decimals(unit)))


# --- formatting --------------------------------------------------------------------------


def distance_label(unit: DistanceUnit | str) -> str:
    """ "km" or "mi"."""
    return DistanceUnit(unit).value


def speed_label(unit: DistanceUnit | str) -> str:
    """ "km/h" or "mph"."""
    return "km/h" if DistanceUnit(unit) is DistanceUnit.KM else "mph"


def format_distance(km: float, unit: DistanceUnit | str) -> str:
    """ "8.0 km" or "5.0 mi"."""
    return f"{distance_number(km, unit)} {distance_label(unit)}"


def distance_number(km: float, unit: DistanceUnit | str) -> str:
    """The number alone, at the display precision: "8.0" ("8,0" where the mark is a comma)."""
    return format_number(distance_from_km(km, unit), distance_decimals(unit))


def format_short_distance(km: float, unit: DistanceUnit | str) -> str:
    """A chip's distance: "8 km", "3.5 km" (the same precision, a whole number without ".0")."""
    plain = f"{distance_from_km(km, unit):.{distance_decimals(unit)}f}"
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return f"{write_number(plain)} {distance_label(unit)}"


def format_speed(kmh: float, unit: DistanceUnit | str) -> str:
    """ "13.5 km/h" or "8.4 mph"."""
    return f"{format_number(speed_from_kmh(kmh, unit), speed_decimals(unit))} {speed_label(unit)}"


def format_pace(kmh: float, unit: DistanceUnit | str) -> str:
    """ "4:27 /km" or "7:10 /mi" for a speed in km/h; a dash when there is no pace (speed 0).

    The pace is that of the speed as shown (13.54 km/h shows as 13.5 km/h = 4:27 /km), so a
    speed and its pace never disagree on screen.
    """
    if not math.isfinite(kmh) or shown_speed(kmh, unit) <= _MIN_PACE_SPEED_KMH:
        return "\N{EN DASH}"
    minutes, seconds = divmod(_pace_seconds(speed_to_kmh(shown_speed(kmh, unit), unit), unit), 60)
    return f"{minutes}:{seconds:02d} /{distance_label(unit)}"


def format_speed_and_pace(kmh: float, unit: DistanceUnit | str) -> str:
    """ "13.5 km/h = 4:27 /km"."""
    return f"{format_speed(kmh, unit)} = {format_pace(kmh, unit)}"


def format_volume_number(oz: float, unit: VolumeUnit | str, *, grouped: bool = True) -> str:
    """The number alone in the user's unit: "1,893" (ml, whole) or "20.5" / "64" (oz)."""
    comma = "," if grouped else ""
    decimals = volume_decimals(unit)
    text = f"{volume_from_oz(oz, unit):{comma}.{decimals}f}"
    return write_number(text.removesuffix(".0") if decimals == 1 else text)


def format_volume(oz: float, unit: VolumeUnit | str, *, grouped: bool = False) -> str:
    """ "64 oz" / "20.5 oz" or "1893 ml"; "1,893 ml" with `grouped` (what the UI shows)."""
    return f"{format_volume_number(oz, unit, grouped=grouped)} {VolumeUnit(unit).value}"


def format_weight(kg: float, unit: WeightUnit | str) -> str:
    """ "100 kg" / "102.5 kg" or "225 lb"; a week's volume reads "5,212.5 kg"."""
    value = weight_from_kg(kg, unit)
    text = write_number(f"{value:,.1f}".removesuffix(".0"))
    return f"{text} {WeightUnit(unit).value}"


def format_duration(minutes: int) -> str:
    """ "45 min", "2 h", "3 h 10 min"."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if hours == 0:
        return f"{rest} min"
    if rest == 0:
        return f"{hours} h"
    return f"{hours} h {rest} min"
