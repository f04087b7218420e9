"""The engine's value types: sessions, profiles, day logs and the advice it gives.

Everything here is a frozen dataclass or an enum, free of Qt and Peewee, so the
store, the window and the tests all speak the same language. Construction
validates: an invalid session or profile cannot exist, and the error says what
to fix in words a person can act on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum
from typing import TypeVar

# A world-class sprinter peaks around 44 km/h; anything faster is a typo.
MAX_HUMAN_SPEED_KMH = 45.0
# The longest session a planner accepts: a full day.
MAX_DURATION_MIN = 24 * 60


class InvalidInputError(ValueError):
    """Raised for a session, profile or day log whose values cannot be right."""


class Kind(StrEnum):
    """What a session is: a deadlift workout or a run."""

    DEADLIFT = "deadlift"
    RUN = "run"


class Workout(StrEnum):
    """The kind of run."""

    EASY = "easy"
    INTERVALS = "intervals"
    HILLS = "hills"
    LONG = "long"


class Context(StrEnum):
    """Where a run sits relative to the deadlift before it."""

    IMMEDIATELY_AFTER = "immediately_after"
    SAME_DAY_LATER = "same_day_later"
    NEXT_DAY = "next_day"
    NONE = "none"


class DistanceUnit(StrEnum):
    """How distances and speeds are shown: km and km/h, or miles and mph."""

    KM = "km"
    MI = "mi"


class VolumeUnit(StrEnum):
    """How water is shown: millilitres or US fluid ounces."""

    ML = "ml"
    OZ = "oz"


class WeightUnit(StrEnum):
    """How the bar's load is shown: kilograms or pounds."""

    KG = "kg"
    LB = "lb"


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidInputError(message)


def _is_number(value: object) -> bool:
    """A finite int or float (not a bool): anything else cannot be a measurement."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _optional_number(value: object, what: str) -> None:
    _require(value is None or _is_number(value), f"{what} must be a number.")


_E = TypeVar("_E", bound=Enum)


def _enum(enum: type[_E], value: object, what: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(str(member.value) for member in enum)
        raise InvalidInputError(f"{what} must be one of: {choices}.") from None


@dataclass(frozen=True)
class Profile:
    """The runner's limits and display preferences; distances in km, water in oz."""

    max_distance_km: float
    max_speed_kmh: float
    immediate_window_min: int = 60
    water_target_oz: float = 64.0
    distance_unit: DistanceUnit = DistanceUnit.KM
    volume_unit: VolumeUnit = VolumeUnit.ML
    weight_unit: WeightUnit = WeightUnit.KG

    def __post_init__(self) -> None:
        _require(_is_number(self.max_distance_km), "Your longest run must be a number.")
        _require(_is_number(self.max_speed_kmh), "Your top running speed must be a number.")
        _require(
            _is_number(self.immediate_window_min),
            "The 'right after a deadlift' window must be a number of minutes.",
        )
        _require(_is_number(self.water_target_oz), "The daily water target must be a number.")
        _require(
            self.max_distance_km > 0,
            "Your longest comfortable run must be more than 0 km.",
        )
        _require(
            0 < self.max_speed_kmh <= MAX_HUMAN_SPEED_KMH,
            f"Your top running speed must be between 0 and {MAX_HUMAN_SPEED_KMH:.0f} km/h.",
        )
        _require(
            0 <= self.immediate_window_min <= MAX_DURATION_MIN,
            "The 'right after a deadlift' window must be between 0 and 1440 minutes.",
        )
        _require(self.water_target_oz > 0, "The daily water target must be more than 0.")
        # Accept the plain strings a settings file or a test may hand in.
        distance_unit = _enum(DistanceUnit, self.distance_unit, "The distance unit")
        volume_unit = _enum(VolumeUnit, self.volume_unit, "The volume unit")
        weight_unit = _enum(WeightUnit, self.weight_unit, "The weight unit")
        object.__setattr__(self, "distance_unit", distance_unit)
        object.__setattr__(self, "volume_unit", volume_unit)
        object.__setattr__(self, "weight_unit", weight_unit)


@dataclass(frozen=True)
class Session:
    """One planned or done workout: a deadlift session or a run, in naive local time.

    Run fields (workout, distance, speed, pain) belong to runs only; lift fields
    (spotter, sets, reps, load) to deadlifts only.
    """

    kind: Kind
    start: datetime
    duration_min: int
    workout: Workout | None = None
    distance_km: float | None = None
    speed_kmh: float | None = None
    spotter: bool | None = None
    pain: bool = False
    id: int | None = None
    done: bool = False
    notes: str = ""
    sets: int | None = None
    reps: int | None = None
    load_kg: float | None = None
    created: datetime | None = field(default=None, compare=False)
    updated: datetime | None = field(default=None, compare=False)
    # What really happened, beside the plan above (a done session only).
    actual_distance_km: float | None = None
    actual_duration_min: int | None = None
    rpe: int | None = None
    actual_sets: int | None = None
    actual_reps: int | None = None
    actual_load_kg: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _enum(Kind, self.kind, "A session's kind"))
        if self.workout is not None:
            object.__setattr__(self, "workout", _enum(Workout, self.workout, "The workout"))
        _require(isinstance(self.start, datetime), "A session needs a start date and time.")
        _require(
            self.start.tzinfo is None,
            "Session times are local clock times; drop the time zone.",
        )
        _require(_is_number(self.duration_min), "A session's duration must be a number.")
        _require(self.duration_min > 0, "A session must last at least 1 minute.")
        _require(
            self.duration_min <= MAX_DURATION_MIN,
            "A session cannot last longer than a day (1440 minutes).",
        )
        # The engine looks a day either side of every session; keep that representable.
        _require(
            date.min + timedelta(days=2) <= self.start.date()
            and self.start <= datetime.max - timedelta(days=2),
            "A session's date is out of range.",
        )
        _optional_number(self.distance_km, "A run's distance")
        _optional_number(self.speed_kmh, "A run's speed")
        _optional_number(self.load_kg, "The load")
        _require(
            all(
                value is None or (isinstance(value, int) and not isinstance(value, bool))
                for value in (self.sets, self.reps)
            ),
            "Sets and reps must be whole numbers.",
        )
        if self.kind is Kind.RUN:
            self._validate_run()
        else:
            self._validate_lift()

    def _validate_run(self) -> None:
        _require(
            self.distance_km is None or self.distance_km >= 0,
            "A run's distance cannot be negative.",
        )
        _require(
            self.speed_kmh is None or self.speed_kmh >= 0,
            "A run's speed cannot be negative.",
        )
        _require(
            self.speed_kmh is None or self.speed_kmh <= MAX_HUMAN_SPEED_KMH,
            f"A running speed above {MAX_HUMAN_SPEED_KMH:.0f} km/h is not possible; "
            "check the value.",
        )
        lift_fields = (self.spotter, self.sets, self.reps, self.load_kg)
        _require(
            all(value is None for value in lift_fields),
            "A run cannot have a spotter, sets, reps or a load; those belong to a deadlift.",
        )

    def _validate_lift(self) -> None:
        _require(
            self.workout is None
            and self.distance_km is None
            and self.speed_kmh is None
            and not self.pain,
            "A deadlift cannot have a workout, distance, speed or running pain; "
            "those belong to a run.",
        )
        _require(self.sets is None or self.sets > 0, "Sets must be at least 1.")
        _require(self.reps is None or self.reps > 0, "Reps must be at least 1.")
        _require(self.load_kg is None or self.load_kg >= 0, "The load cannot be negative.")

    @property
    def end(self) -> datetime:
        """When the session finishes."""
        return self.start + timedelta(minutes=self.duration_min)

    @property
    def day(self) -> date:
        """The calendar day the session starts on."""
        return self.start.date()


@dataclass(frozen=True)
class DayLog:
    """What the user logged about a day: water drunk, BCAAs taken, a free note."""

    day: date
    water_oz: float | None = None
    bcaa: bool = False
    note: str = ""
    soreness: int | None = None

    def __post_init__(self) -> None:
        _optional_number(self.water_oz, "Water drunk")
        _require(
            self.water_oz is None or self.water_oz >= 0,
            "Water drunk cannot be negative.",
        )


@dataclass(frozen=True)
class AdviceWarning:
    """Something the user should change; `code` is stable, `message` is for people."""

    code: str
    message: str
    source: str


@dataclass(frozen=True)
class Tip:
    """A piece of guidance; `source` is the article sentence it rests on."""

    code: str
    text: str
    source: str


@dataclass(frozen=True)
class Suggestion:
    """The recommended session for a slot, with a one-line prescription."""

    workout: Workout
    distance_km: float | None
    speed_kmh: float | None
    text: str


@dataclass(frozen=True)
class Advice:
    """What the engine says about a run, a deadlift or a whole day.

    `context` and the caps describe the run (for a lift, the run right after it;
    for a day, the run slot that fits the day); `deadlift` is the lift that sets
    the context and `gap_min` the minutes from its end to the run's start.
    `water_oz`/`water_target_oz` are filled for a day.
    """

    context: Context
    max_distance_km: float | None
    max_speed_kmh: float | None
    warnings: tuple[AdviceWarning, ...]
    tips: tuple[Tip, ...]
    suggestion: Suggestion | None
    deadlift: Session | None = None
    gap_min: int | None = None
    water_oz: float | None = None
    water_target_oz: float | None = None

    @property
    def has_warnings(self) -> bool:
        """True when anything here asks the user to change the plan."""
        return bool(self.warnings)


# The engine's public names for its results; one shape serves all three.
RunAdvice = Advice
LiftAdvice = Advice
DayAdvice = Advice


@dataclass(frozen=True)
class WeekTotals:
    """One Monday-to-Sunday week's planned and done totals, as the store sums them."""

    week_start: date
    runs: int = 0
    runs_done: int = 0
    lifts: int = 0
    lifts_done: int = 0
    run_km: float = 0.0
    run_km_done: float = 0.0
    lift_volume_kg: float = 0.0
    longest_run_km: float = 0.0
