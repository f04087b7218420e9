"""Every limit on what a person can enter, defined once; the model, store and widgets read them.

`desktop.advice.model` re-exports these names, so `from desktop.advice.model import
MAX_WATER_OZ` is the usual import. The checks below raise `InvalidInputError` with a
sentence a person can act on; `model.py` is their only caller.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Final

from desktop.advice.number_style import format_count, format_general

# A world-class sprinter peaks around 44 km/h; anything faster is a typo.
MAX_HUMAN_SPEED_KMH: Final = 45.0
# The longest session a planner accepts: a full day.
MAX_DURATION_MIN: Final = 24 * 60
# Well beyond the 24-hour running record (about 320 km): anything longer is a typo.
MAX_DISTANCE_KM: Final = 500.0
# Above the deadlift world record (about 500 kg).
MAX_LOAD_KG: Final = 1000.0
MAX_SETS: Final = 99
MAX_REPS: Final = 999
# A profile's longest run and top speed. Under 1 km there is nothing left to plan after a
# deadlift (80% of it, sprints of 50 m); 300 km is about the 24-hour running record.
# Under 5 km/h is walking, not running; no one runs faster than about 44 km/h.
PROFILE_MIN_DISTANCE_KM: Final = 1.0
PROFILE_MAX_DISTANCE_KM: Final = 300.0
PROFILE_MIN_SPEED_KMH: Final = 5.0
PROFILE_MAX_SPEED_KMH: Final = MAX_HUMAN_SPEED_KMH
PROFILE_DISTANCE_WHY: Final = (
    "under 1 km leaves nothing to plan after a deadlift, and 300 km is about the 24-hour "
    "running record"
)
PROFILE_SPEED_WHY: Final = "under 5 km/h is walking, and no one runs faster than about 44 km/h"
# About 30 litres: more than anyone drinks in a day.
MAX_WATER_OZ: Final = 1000.0
# The article: "Drink at least 64 oz. of water per day." A profile target may be higher.
WATER_FLOOR_OZ: Final = 64.0
# "Right after a deadlift": from the bar to the road takes minutes, and after three
# hours a run is a second session of the day, not the end of the first.
WINDOW_MIN_MIN: Final = 10
WINDOW_MAX_MIN: Final = 180
MAX_NOTES_CHARS: Final = 100_000
# How a day log's values are named in a sentence; the day log and the rules say the same.
WATER_WHAT: Final = "Water drunk"
SORENESS_WHAT: Final = "Soreness"
SORENESS_MIN: Final = 0
SORENESS_MAX: Final = 10
RPE_MIN: Final = 1
RPE_MAX: Final = 10


class InvalidInputError(ValueError):
    """Raised for a session, profile or day log whose values cannot be right."""


def require(condition: bool, message: str) -> None:
    """Raise InvalidInputError(message) unless `condition` holds."""
    if not condition:
        raise InvalidInputError(message)


def is_number(value: object) -> bool:
    """A finite int or float (not a bool): anything else cannot be a measurement."""
    if isinstance(value, bool):
        return False
    # An int of any size is finite; math.isfinite would convert it to float and overflow.
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def is_whole(value: object) -> bool:
    """An int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def too_large(what: str, most: str) -> str:
    """How an upper limit is said, by the model and by the boxes a person types in alike:
    "The distance cannot be more than 500 km". Each caller adds what to do about it."""
    return f"{what} cannot be more than {most}"


def too_long(what: str) -> str:
    """How the length limit of a text is said: "Notes can be at most 5,000 characters long"."""
    return f"{what} can be at most {format_count(MAX_NOTES_CHARS)} characters long"


def check_number(
    value: object, what: str, low: float, high: float, unit: str, *, optional: bool = True
) -> None:
    """`value` is a number from `low` to `high` (or None when optional)."""
    if value is None and optional:
        return
    require(is_number(value), f"{what} must be a number.")
    # Compared as given: int and float compare exactly, and a huge int never becomes a float.
    amount: float = value  # type: ignore[assignment]
    require(
        amount >= low,
        f"{what} cannot be negative."
        if low == 0
        else f"{what} must be at least {format_general(low)} {unit}.",
    )
    require(
        amount <= high,
        f"{too_large(what, f'{format_general(high, grouped=True)} {unit}')}; check the value.",
    )


def check_whole(
    value: object, what: str, low: int, high: int, unit: str = "", *, optional: bool = True
) -> None:
    """`value` is a whole number from `low` to `high` (or None when optional)."""
    if value is None and optional:
        return
    suffix = f" {unit}" if unit else ""
    of_unit = f" of {unit}" if unit else ""
    require(is_whole(value), f"{what} must be a whole number{of_unit}.")
    number: int = value  # type: ignore[assignment]
    require(
        low <= number <= high,
        f"{what} must be from {format_count(low)} to {format_count(high)}{suffix}.",
    )


def check_flag(value: object, what: str, *, optional: bool = False) -> None:
    """`value` is True or False (or None when optional)."""
    if value is None and optional:
        return
    answers = "yes, no or not set" if optional else "yes or no"
    require(isinstance(value, bool), f"{what} must be {answers}.")


def check_text(value: object, what: str) -> None:
    """`value` is text no longer than MAX_NOTES_CHARS that can be saved as UTF-8."""
    require(isinstance(value, str), f"{what} must be text.")
    text: str = value  # type: ignore[assignment]
    require(
        len(text) <= MAX_NOTES_CHARS,
        f"{too_long(what)}; this is {format_count(len(text))}.",
    )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError(
            f"{what}: one character is broken (half of an emoji or symbol); retype it or remove it."
        ) from None


def check_stamp(value: object, what: str) -> None:
    """`value` is None or a local (naive) datetime."""
    require(
        value is None or (isinstance(value, datetime) and value.tzinfo is None),
        f"{what} must be a local clock time.",
    )


def check_profile_limits(max_distance_km: object, max_speed_kmh: object) -> None:
    """A profile's longest run and top speed are numbers within the profile's bounds."""
    require(is_number(max_distance_km), "Your longest run must be a number.")
    require(is_number(max_speed_kmh), "Your top running speed must be a number.")
    distance = float(max_distance_km)  # type: ignore[arg-type]
    speed = float(max_speed_kmh)  # type: ignore[arg-type]
    require(
        PROFILE_MIN_DISTANCE_KM <= distance <= PROFILE_MAX_DISTANCE_KM,
        f"Your longest run must be from {format_general(PROFILE_MIN_DISTANCE_KM)} to "
        f"{format_general(PROFILE_MAX_DISTANCE_KM)} km: {PROFILE_DISTANCE_WHY}.",
    )
    require(
        PROFILE_MIN_SPEED_KMH <= speed <= PROFILE_MAX_SPEED_KMH,
        f"Your top running speed must be from {format_general(PROFILE_MIN_SPEED_KMH)} to "
        f"{format_general(PROFILE_MAX_SPEED_KMH)} km/h: {PROFILE_SPEED_WHY}.",
    )


def check_best_pace(speed_kmh: float) -> None:
    """A best pace typed in the profile is a speed within the profile's bounds."""
    require(
        speed_kmh <= PROFILE_MAX_SPEED_KMH, "That pace is faster than anyone can run; check it."
    )
    require(
        speed_kmh >= PROFILE_MIN_SPEED_KMH,
        f"That pace is slower than {format_general(PROFILE_MIN_SPEED_KMH)} km/h, a walk; check it.",
    )


def check_day(value: object, what: str) -> None:
    """`value` is a calendar date (no time) the engine can look two days around."""
    require(
        isinstance(value, date) and not isinstance(value, datetime),
        f"{what} must be a calendar date without a time.",
    )
    day: date = value  # type: ignore[assignment]
    require(
        date.min + timedelta(days=2) <= day <= date.max - timedelta(days=2),
        f"{what} is out of range.",
    )
