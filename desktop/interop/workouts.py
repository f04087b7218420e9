"""Turning a lifting app's workouts (rows of sets) into done deadlifts and done runs.

Strong and Hevy both export one row per set; `strong.py` and `hevy.py` read their columns
into `SetRow`s grouped by workout, and this module applies the mapping rules:

- A workout with deadlift sets becomes one done deadlift. Its start and duration are the
  workout's; `sets` counts the working sets (warm-up sets are left out of the count, they
  are not "skipped rows"); `load_kg` is the heaviest working set's and `reps` that set's
  reps; `rpe` is the highest working-set RPE, rounded.
- Which exercises count as deadlifts: a name containing the word "deadlift" (conventional,
  sumo, trap/hex bar, deficit, paused, "Deadlift (Barbell)"), unless it names a variation
  that trains something else or is not a bar lift: Romanian, RDL, stiff-leg(ged),
  straight-leg, single-leg, dumbbell, kettlebell, cable, machine and Smith machine
  deadlifts are other exercises. A "Rack Pull" is not a deadlift either.
- Running rows (an exercise named "Run", "Running", "Jog" or "Jogging", treadmill
  variants included) become one done run per workout: the rows' distances and times
  added up. Where the workout also holds a deadlift, the run is placed before or after
  the lift in the order the exercises were logged, so the two never overlap; the lift
  keeps the rest of the workout's time.
- A workout without a duration (Strong's older export can leave it out) still gives its
  deadlift: it is assumed to take 3 minutes per deadlift set, warm-ups included, and a
  problem line says so.
- Any other exercise is skipped and counted, grouped by its name.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from desktop.advice.limits import MAX_HUMAN_SPEED_KMH, InvalidInputError
from desktop.advice.model import Kind, Session
from desktop.interop.result import Collector

_DEADLIFT: Final = re.compile(r"\bdead\s*-?\s*lifts?\b", re.IGNORECASE)
_NOT_A_DEADLIFT: Final = re.compile(
    r"romanian|\brdl\b|stiff|straight|single|one[\s-]*leg|dumbbell|kettlebell|cable|machine|smith",
    re.IGNORECASE,
)
_RUN: Final = re.compile(r"\b(run|running|jog|jogging)\b", re.IGNORECASE)
OTHER_EXERCISE: Final = "not a deadlift or a run"
# The time a deadlift set (with its rest) is assumed to take when a workout has no duration.
ASSUMED_MIN_PER_SET: Final = 3


@functools.lru_cache(maxsize=1024)
def is_deadlift(exercise: str) -> bool:
    """True for the exercise names Liftrun imports as deadlifts (see the module docstring)."""
    return bool(_DEADLIFT.search(exercise)) and not _NOT_A_DEADLIFT.search(exercise)


@functools.lru_cache(maxsize=1024)
def is_run(exercise: str) -> bool:
    """True for the exercise names Liftrun imports as runs."""
    return bool(_RUN.search(exercise))


@dataclass(frozen=True, slots=True)
class SetRow:
    """One logged set, in kg, km and seconds."""

    line: int
    exercise: str
    warmup: bool
    weight_kg: float | None
    reps: int | None
    distance_km: float | None
    seconds: float | None
    rpe: float | None = None


@dataclass
class WorkoutRows:
    """One workout's sets as read from the file."""

    line: int
    name: str
    start: datetime
    duration_min: int | None
    notes: str = ""
    sets: list[SetRow] = field(default_factory=list)


def _notes(workout: WorkoutRows, app: str) -> str:
    parts = [f"Imported from {app}: {workout.name}".rstrip(": ")]
    if workout.notes.strip():
        parts.append(workout.notes.strip())
    return "\n".join(parts)


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _lift(
    workout: WorkoutRows, rows: list[SetRow], collector: Collector, app: str
) -> dict[str, Any] | None:
    """The deadlift's fields but its start and duration (placed later), or None."""
    working = [row for row in rows if not row.warmup]
    if not working:
        collector.problem(
            f"line {rows[0].line}",
            f"The deadlift in {workout.name or 'this workout'} has only warm-up sets; "
            "there is no working set to import.",
        )
        return None
    weighed = [row for row in working if row.weight_kg is not None]
    heaviest = max(weighed, key=lambda row: (row.weight_kg, row.reps or 0)) if weighed else None
    rpes = [row.rpe for row in working if row.rpe is not None]
    return {
        "kind": Kind.DEADLIFT,
        "done": True,
        "sets": len(working),
        "reps": heaviest.reps if heaviest is not None and heaviest.reps else None,
        "load_kg": heaviest.weight_kg if heaviest is not None else None,
        "rpe": _half_up(max(rpes)) if rpes else None,
        "notes": _notes(workout, app),
    }


def _run_minutes(rows: list[SetRow]) -> tuple[float | None, float]:
    distances = [row.distance_km for row in rows if row.distance_km]
    seconds = sum(row.seconds or 0.0 for row in rows)
    return (sum(distances) if distances else None), seconds


def add_workout(workout: WorkoutRows, collector: Collector, app: str) -> None:
    """Apply the mapping rules to one workout, adding sessions, problems and skips."""
    lifts = [row for row in workout.sets if is_deadlift(row.exercise)]
    runs = [row for row in workout.sets if not is_deadlift(row.exercise) and is_run(row.exercise)]
    for row in workout.sets:
        if not is_deadlift(row.exercise) and not is_run(row.exercise):
            collector.skip(row.exercise or "An unnamed exercise", OTHER_EXERCISE)
    if not lifts and not runs:
        return
    where = f"line {workout.line}"
    lift = _lift(workout, lifts, collector, app) if lifts else None
    distance_km, seconds = _run_minutes(runs)
    run_min = _half_up(seconds / 60) if seconds > 0 else None
    if runs and run_min is None and lift is None and workout.duration_min:
        run_min = workout.duration_min
    if runs and not run_min:
        collector.problem(
            f"line {runs[0].line}",
            "The run has no time, and Liftrun needs how long it lasted; it was not imported.",
        )
    run_min = max(1, run_min) if run_min else None
    if lift is None and run_min is None:
        return
    duration_min = workout.duration_min
    if lift is not None and not duration_min:
        # Strong's older export and some Hevy rows carry no workout duration; without one
        # the lift is placed with time for its sets rather than lost.
        lift_sets = len(lifts)
        assumed = ASSUMED_MIN_PER_SET * lift_sets
        named = f"The workout {workout.name!r}" if workout.name else "This workout"
        collector.problem(
            where,
            f"{named} has no duration, so its deadlift was given an assumed {assumed} min "
            f"({ASSUMED_MIN_PER_SET} min for each of its {lift_sets} sets, warm-ups "
            "included); check it after importing.",
        )
        duration_min = assumed + (run_min or 0)
    start = workout.start
    if lift is not None and duration_min:
        lift_min = max(1, duration_min - (run_min or 0))
        run_first = run_min is not None and runs[0].line < lifts[0].line
        lift_start = start + timedelta(minutes=run_min) if run_first and run_min else start
        _append(collector, where, lift, start=lift_start, duration_min=lift_min)
        start = start if run_first else lift_start + timedelta(minutes=lift_min)
    if run_min is not None:
        hours = (seconds / 3600) if seconds > 0 else run_min / 60
        speed = round(distance_km / hours, 2) if distance_km and hours else None
        if speed is not None and speed > MAX_HUMAN_SPEED_KMH:
            collector.problem(
                f"line {runs[0].line}",
                f"The run's {distance_km:g} km in {run_min} min would be faster than anyone "
                "runs; check its distance and time. It was not imported.",
            )
            return
        run = {
            "kind": Kind.RUN,
            "done": True,
            "distance_km": distance_km,
            "speed_kmh": speed,
            "notes": _notes(workout, app),
        }
        _append(collector, f"line {runs[0].line}", run, start=start, duration_min=run_min)


def _append(
    collector: Collector,
    where: str,
    fields: dict[str, Any],
    *,
    start: datetime,
    duration_min: int,
) -> None:
    """Make the session (checked once by the engine) or a problem line saying why not."""
    try:
        collector.sessions.append(Session(**fields, start=start, duration_min=duration_min))
    except InvalidInputError as error:
        collector.problem(where, f"{error} It was not imported.")


_DURATION_PART: Final = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)", re.IGNORECASE)
_CLOCK: Final = re.compile(r"^(\d+):(\d{1,2})(?::(\d{1,2}))?$")


@functools.lru_cache(maxsize=4096)  # a workout's rows repeat its duration
def parse_duration_min(text: str) -> int | None:
    """Whole minutes from "1h 5m", "45m", "50s", "1:05:00" or a plain number of seconds."""
    text = text.strip()
    if not text:
        return None
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, secs = clock.group(1), clock.group(2), clock.group(3)
        if secs is None:
            hours, minutes, secs = "0", hours, minutes
        total = float(int(hours) * 3600 + int(minutes) * 60 + int(secs))
    else:
        parts = _DURATION_PART.findall(text)
        if parts:
            scale = {"h": 3600.0, "m": 60.0, "s": 1.0}
            total = 0.0
            for number, unit in parts:
                total += float(number) * scale[unit.lower()]
        else:
            total = float(text)  # raises ValueError for anything else
    return _half_up(total / 60) if total > 0 else None


_DATE_FORMATS: Final = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %I:%M %p",
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%b %d, %Y, %I:%M %p",
)


@functools.lru_cache(maxsize=4096)  # a workout's rows repeat its date
def parse_local_time(text: str) -> datetime:
    """A workout's local start from the date spellings the apps use; ValueError otherwise."""
    cleaned = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    moment = datetime.fromisoformat(cleaned)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def optional_number(text: str) -> float | None:
    """A number cell, None when empty; accepts a decimal comma. ValueError otherwise."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    number = float(cleaned)
    if not math.isfinite(number) or number < 0:
        raise ValueError(text)
    return number
