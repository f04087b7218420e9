"""The engine's value types: sessions, profiles, day logs and the advice it gives.

Everything here is a frozen dataclass or an enum, free of Qt and Peewee, so the
store, the window and the tests all speak the same language. Construction
validates: an invalid session or profile cannot exist, and the error says what
to fix in words a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum
from typing import TypeVar

from desktop.advice.limits import (
    MAX_DISTANCE_KM,
    MAX_DURATION_MIN,
    MAX_HUMAN_SPEED_KMH,
    MAX_LOAD_KG,
    MAX_NOTES_CHARS,
    MAX_REPS,
    MAX_SETS,
    MAX_WATER_OZ,
    RPE_MAX,
    RPE_MIN,
    SORENESS_MAX,
    SORENESS_MIN,
    SORENESS_WHAT,
    WATER_FLOOR_OZ,
    WATER_WHAT,
    WINDOW_MAX_MIN,
    WINDOW_MIN_MIN,
    InvalidInputError,
    check_day,
    check_flag,
    check_number,
    check_profile_limits,
    check_stamp,
    check_text,
    check_whole,
    require,
)
from desktop.advice.number_style import format_general, format_number

# The domain types, and every limit with its error re-exported from limits.py: whoever
# checks a value can import its limit from here.
__all__ = [
    "MAX_DISTANCE_KM",
    "MAX_DURATION_MIN",
    "MAX_HUMAN_SPEED_KMH",
    "MAX_LOAD_KG",
    "MAX_NOTES_CHARS",
    "MAX_REPS",
    "MAX_SETS",
    "MAX_WATER_OZ",
    "RPE_MAX",
    "RPE_MIN",
    "SORENESS_MAX",
    "SORENESS_MIN",
    "SORENESS_WHAT",
    "WATER_FLOOR_OZ",
    "WATER_WHAT",
    "WINDOW_MAX_MIN",
    "WINDOW_MIN_MIN",
    "Advice",
    "AdviceWarning",
    "Context",
    "DayAdvice",
    "DayLog",
    "DistanceUnit",
    "InvalidInputError",
    "Kind",
    "LiftAdvice",
    "Profile",
    "ResearchNote",
    "RunAdvice",
    "Session",
    "Suggestion",
    "Tip",
    "VolumeUnit",
    "WeekTotals",
    "WeightUnit",
    "Workout",
]


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


_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")


def _first(actual: _T | None, planned: _T) -> _T:
    return planned if actual is None else actual


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
        check_profile_limits(self.max_distance_km, self.max_speed_kmh)
        require(
            isinstance(self.immediate_window_min, int)
            and not isinstance(self.immediate_window_min, bool)
            and WINDOW_MIN_MIN <= self.immediate_window_min <= WINDOW_MAX_MIN,
            f"The 'right after a deadlift' window must be a whole number of minutes from "
            f"{WINDOW_MIN_MIN} to {WINDOW_MAX_MIN}: getting from the bar to a run takes "
            f"minutes, and {WINDOW_MAX_MIN // 60} hours after a lift a run is a second "
            "session, not part of the first.",
        )
        check_number(
            self.water_target_oz, "The daily water target", 0, MAX_WATER_OZ, "oz", optional=False
        )
        require(
            self.water_target_oz >= WATER_FLOOR_OZ,
            f"The daily water target must be at least {format_general(WATER_FLOOR_OZ)} oz "
            f"(about {format_number(1.9, 1)} litres), the article's minimum; a higher target "
            "is fine.",
        )
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
        require(isinstance(self.start, datetime), "A session needs a start date and time.")
        require(
            self.start.tzinfo is None,
            "Session times are local clock times; drop the time zone.",
        )
        # The engine looks a day either side of every session; keep that representable.
        require(
            date.min + timedelta(days=2) <= self.start.date()
            and self.start <= datetime.max - timedelta(days=2),
            "A session's date is out of range.",
        )
        check_whole(
            self.duration_min,
            "A session's duration",
            1,
            MAX_DURATION_MIN,
            "minutes",
            optional=False,
        )
        check_whole(
            self.actual_duration_min, "The time it really took", 1, MAX_DURATION_MIN, "minutes"
        )
        check_whole(self.rpe, "How hard it felt (RPE)", RPE_MIN, RPE_MAX)
        require(
            self.id is None or (isinstance(self.id, int) and not isinstance(self.id, bool)),
            "A session id must be a whole number.",
        )
        check_flag(self.pain, "Pain")
        check_flag(self.done, "Done")
        check_text(self.notes, "Notes")
        check_stamp(self.created, "The created time")
        check_stamp(self.updated, "The updated time")
        if self.kind is Kind.RUN:
            self._validate_run()
        else:
            self._validate_lift()

    def _validate_run(self) -> None:
        check_number(self.distance_km, "A run's distance", 0, MAX_DISTANCE_KM, "km")
        check_number(self.actual_distance_km, "The distance run", 0, MAX_DISTANCE_KM, "km")
        check_number(self.speed_kmh, "A run's speed", 0, MAX_HUMAN_SPEED_KMH, "km/h")
        lift_fields = (
            self.spotter,
            self.sets,
            self.reps,
            self.load_kg,
            self.actual_sets,
            self.actual_reps,
            self.actual_load_kg,
        )
        require(
            all(value is None for value in lift_fields),
            "A run cannot have a spotter, sets, reps or a load; those belong to a deadlift.",
        )

    def _validate_lift(self) -> None:
        require(
            self.workout is None
            and self.distance_km is None
            and self.speed_kmh is None
            and self.actual_distance_km is None
            and not self.pain,
            "A deadlift cannot have a workout, distance, speed or running pain; "
            "those belong to a run.",
        )
        check_flag(self.spotter, "Spotter", optional=True)
        check_whole(self.sets, "Sets", 1, MAX_SETS)
        check_whole(self.reps, "Reps", 1, MAX_REPS)
        check_number(self.load_kg, "The load", 0, MAX_LOAD_KG, "kg")
        check_whole(self.actual_sets, "The sets done", 1, MAX_SETS)
        check_whole(self.actual_reps, "The reps done", 1, MAX_REPS)
        check_number(self.actual_load_kg, "The load lifted", 0, MAX_LOAD_KG, "kg")

    def as_done(self) -> Session:
        """This session with its actual values in place of the planned ones, once it is done.

        Advice for later sessions reads this: a done lift's real duration sets when it
        ended, a done run's real distance is what was run.
        """
        actuals = (
            self.actual_distance_km,
            self.actual_duration_min,
            self.actual_sets,
            self.actual_reps,
            self.actual_load_kg,
        )
        if not self.done or all(value is None for value in actuals):
            return self
        done = replace(
            self,
            distance_km=_first(self.actual_distance_km, self.distance_km),
            duration_min=_first(self.actual_duration_min, self.duration_min),
            sets=_first(self.actual_sets, self.sets),
            reps=_first(self.actual_reps, self.reps),
            load_kg=_first(self.actual_load_kg, self.load_kg),
        )
        return self if done == self else done

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
    """What the user logged about a day: water, BCAAs, a note and leg soreness (0-10)."""

    day: date
    water_oz: float | None = None
    bcaa: bool = False
    note: str = ""
    soreness: int | None = None

    def __post_init__(self) -> None:
        check_day(self.day, "A day log's day")
        check_number(self.water_oz, WATER_WHAT, 0, MAX_WATER_OZ, "oz")
        check_flag(self.bcaa, "BCAAs taken")
        check_text(self.note, "The day's note")
        check_whole(self.soreness, SORENESS_WHAT, SORENESS_MIN, SORENESS_MAX)


@dataclass(frozen=True)
class ResearchNote:
    """What published research adds beside the article: a sentence and its short citation."""

    text: str
    citation: str


@dataclass(frozen=True)
class AdviceWarning:
    """Something the user should change; `code` is stable, `message` is for people."""

    code: str
    message: str
    source: str
    research: ResearchNote | None = None


@dataclass(frozen=True)
class Tip:
    """A piece of guidance; `source` is the article sentence it rests on."""

    code: str
    text: str
    source: str
    research: ResearchNote | None = None


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
