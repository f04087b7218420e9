"""Reading Strong and Hevy CSV exports into workouts of sets (the mapping is in workouts.py).

Strong, current format: comma-separated, columns Date, Workout Name, Duration ("1h 5m"),
Exercise Name, Set Order ("W" marks a warm-up; "Rest Timer" rows are not sets), Weight,
Reps, Distance, Seconds, Notes, Workout Notes, RPE. The file does not say its units: the
caller passes the weight unit (the profile's by default) and the distance unit.

Strong, older format: semicolon-separated, with Weight Unit (kg/kgs, lb/lbs) and Distance
Unit (km, mi, m) columns on every row and the duration in "Workout Duration".

Hevy: title, start_time ("26 Nov 2023, 09:15"), end_time, description, exercise_title,
set_index, set_type (normal, warmup, failure, dropset), weight_kg or weight_lbs, reps,
distance_km or distance_miles, duration_seconds, rpe.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Final

from desktop.advice.model import DistanceUnit, WeightUnit
from desktop.advice.units import KM_PER_MI, distance_to_km, weight_to_kg
from desktop.interop.result import Collector, ImportResult, Progress
from desktop.interop.stream import first_line, text_stream
from desktop.interop.workouts import (
    OTHER_EXERCISE,
    SetRow,
    WorkoutRows,
    add_workout,
    is_deadlift,
    is_run,
    optional_number,
    parse_duration_min,
    parse_local_time,
)

_PROGRESS_EVERY: Final = 500
_WEIGHT_UNITS: Final = {
    "kg": WeightUnit.KG,
    "kgs": WeightUnit.KG,
    "lb": WeightUnit.LB,
    "lbs": WeightUnit.LB,
}
_KM_PER: Final = {"km": 1.0, "kms": 1.0, "mi": KM_PER_MI, "mile": KM_PER_MI, "miles": KM_PER_MI}
_KM_PER_METRE: Final = {"m": 0.001, "meters": 0.001, "metres": 0.001}


def delimiter_of(header_line: str) -> str:
    """ ";" for Strong's older export, "," otherwise."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def is_strong_header(header: list[str]) -> bool:
    """True for either Strong format's header row."""
    names = {name.strip() for name in header}
    return {"Date", "Exercise Name", "Set Order"} <= names


def is_hevy_header(header: list[str]) -> bool:
    """True for a Hevy export's header row."""
    names = {name.strip() for name in header}
    return {"start_time", "exercise_title", "set_type"} <= names


class _BadCellError(ValueError):
    """A cell that is not what its column needs; the message names both."""


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _number(row: dict[str, str], column: str) -> float | None:
    try:
        return optional_number(_cell(row, column))
    except ValueError:
        raise _BadCellError(f"{column} is {_cell(row, column)!r}, which is not a number.") from None


def _whole(row: dict[str, str], column: str) -> int | None:
    number = _number(row, column)
    return None if number is None else round(number)


def _weight_unit(text: str, default: WeightUnit) -> WeightUnit:
    key = text.strip().lower()
    if not key:
        return default
    unit = _WEIGHT_UNITS.get(key)
    if unit is None:
        raise _BadCellError(f"Weight Unit is {text!r}; Liftrun knows kg and lb.")
    return unit


def _km_per_unit(text: str, default: DistanceUnit) -> float:
    key = text.strip().lower()
    if not key:
        return distance_to_km(1.0, default)
    factor = _KM_PER.get(key) or _KM_PER_METRE.get(key)
    if factor is None:
        raise _BadCellError(f"Distance Unit is {text!r}; Liftrun knows km, mi and m.")
    return factor


RowReader = Callable[[dict[str, str], int], tuple[tuple[str, str], WorkoutRows, SetRow]]


def _read_rows(
    source: str | Path, delimiter: str, read_row: RowReader, app: str, collector: Collector
) -> None:
    """Read every row as it streams past; only deadlift and run sets are kept (other
    exercises are counted at once), so memory follows the workouts, not the rows."""
    with text_stream(source) as stream:
        collector.size_bytes = stream.size
        reader = csv.DictReader(stream.text, delimiter=delimiter)
        reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
        workouts: dict[tuple[str, str], WorkoutRows] = {}
        line = 2
        collector.report(0, stream.size)
        first_column = reader.fieldnames[0] if reader.fieldnames else ""
        for row_number, row in enumerate(reader):
            if row_number % _PROGRESS_EVERY == 0 or collector.report_due():
                collector.report(stream.bytes_read(), stream.size)
            row_line, line = line, reader.line_num + 1
            first = row.get(first_column)
            if not (first and first.strip()) and not any(
                (value or "").strip() for value in row.values() if isinstance(value, str)
            ):
                continue
            try:
                key, workout, set_row = read_row(row, row_line)
            except _BadCellError as error:
                collector.problem(f"line {row_line}", f"{error} The set was left out.")
                continue
            except _SkipRowError:
                continue
            except _OtherExerciseError as other:
                collector.skip(str(other) or "An unnamed exercise", OTHER_EXERCISE)
                continue
            workouts.setdefault(key, workout).sets.append(set_row)
        for workout in workouts.values():
            collector.report_if_due(stream.size, stream.size)
            add_workout(workout, collector, app)
        collector.report(stream.size, stream.size)


class _SkipRowError(Exception):
    """A row that is not a set (Strong's "Rest Timer" rows)."""


class _OtherExerciseError(Exception):
    """A set of an exercise Liftrun does not import; its name is the message. Raised before
    the row's cells are read, so the many rows of other exercises cost little."""


def _exercise(row: dict[str, str], column: str) -> str:
    name = _cell(row, column)
    if not (is_deadlift(name) or is_run(name)):
        raise _OtherExerciseError(name)
    return name


def _start(row: dict[str, str], column: str) -> tuple[str, datetime]:
    text = _cell(row, column)
    try:
        return text, parse_local_time(text)
    except ValueError:
        raise _BadCellError(f"{column} is {text!r}, which is not a date and time.") from None


def read_strong(
    source: str | Path,
    *,
    weight_unit: WeightUnit,
    distance_unit: DistanceUnit,
    progress: Progress | None = None,
) -> ImportResult:
    """Workouts from either Strong format; `source` is a path or the file's text."""
    collector = Collector(progress)
    delimiter = delimiter_of(first_line(source))

    def read_row(row: dict[str, str], line: int) -> tuple[tuple[str, str], WorkoutRows, SetRow]:
        order = _cell(row, "Set Order").lower()
        if "rest" in order:
            raise _SkipRowError
        exercise = _exercise(row, "Exercise Name")
        date_text, start = _start(row, "Date")
        name = _cell(row, "Workout Name")
        duration_text = _cell(row, "Duration") or _cell(row, "Workout Duration")
        try:
            duration = parse_duration_min(duration_text)
        except ValueError:
            raise _BadCellError(
                f"Duration is {duration_text!r}, which is not a duration."
            ) from None
        workout = WorkoutRows(line, name, start, duration, _cell(row, "Workout Notes"))
        warmup = order.startswith("w")
        if is_deadlift(exercise):  # only the cells a lift uses are read (and can be wrong)
            unit = _weight_unit(_cell(row, "Weight Unit"), weight_unit)
            weight = _number(row, "Weight")
            set_row = SetRow(
                line=line,
                exercise=exercise,
                warmup=warmup,
                weight_kg=None if not weight else round(weight_to_kg(weight, unit), 3),
                reps=_whole(row, "Reps") or None,
                distance_km=None,
                seconds=None,
                rpe=_number(row, "RPE"),
            )
        else:
            distance = _number(row, "Distance")
            km_per_unit = _km_per_unit(_cell(row, "Distance Unit"), distance_unit)
            set_row = SetRow(
                line=line,
                exercise=exercise,
                warmup=warmup,
                weight_kg=None,
                reps=None,
                distance_km=None if not distance else round(distance * km_per_unit, 3),
                seconds=_number(row, "Seconds"),
            )
        return (date_text, name), workout, set_row

    _read_rows(source, delimiter, read_row, "Strong", collector)
    return collector.result("strong")


def read_hevy(source: str | Path, *, progress: Progress | None = None) -> ImportResult:
    """Workouts from a Hevy export (a path or the file's text); the columns say the units."""
    collector = Collector(progress)
    header = {name.strip() for name in next(csv.reader([first_line(source)]), [])}
    weight_column, weight_unit = (
        ("weight_lbs", WeightUnit.LB) if "weight_lbs" in header else ("weight_kg", WeightUnit.KG)
    )
    distance_column, distance_unit = (
        ("distance_miles", DistanceUnit.MI)
        if "distance_miles" in header
        else ("distance_km", DistanceUnit.KM)
    )

    def read_row(row: dict[str, str], line: int) -> tuple[tuple[str, str], WorkoutRows, SetRow]:
        exercise = _exercise(row, "exercise_title")
        start_text, start = _start(row, "start_time")
        name = _cell(row, "title")
        duration = None
        end_text = _cell(row, "end_time")
        if end_text:
            try:
                end = parse_local_time(end_text)
            except ValueError:
                raise _BadCellError(
                    f"end_time is {end_text!r}, which is not a date and time."
                ) from None
            seconds = (end - start).total_seconds()
            duration = round(seconds / 60) if seconds > 0 else None
        weight = _number(row, weight_column)
        distance = _number(row, distance_column)
        workout = WorkoutRows(line, name, start, duration, _cell(row, "description"))
        set_row = SetRow(
            line=line,
            exercise=exercise,
            warmup=_cell(row, "set_type").lower().startswith("warm"),
            weight_kg=None if not weight else round(weight_to_kg(weight, weight_unit), 3),
            reps=_whole(row, "reps") or None,
            distance_km=None if not distance else round(distance_to_km(distance, distance_unit), 3),
            seconds=_number(row, "duration_seconds"),
            rpe=_number(row, "rpe"),
        )
        return (start_text, name), workout, set_row

    _read_rows(source, ",", read_row, "Hevy", collector)
    return collector.result("hevy")
