"""Strong and Hevy exports: one done deadlift per workout, runs beside it, the rest counted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.advice import Kind, Session
from desktop.interop import is_deadlift, is_run, read_file
from desktop.interop.workouts import parse_duration_min, parse_local_time


def by_kind(sessions: tuple[Session, ...], kind: Kind) -> list[Session]:
    return [s for s in sessions if s.kind is kind]


def test_strong_current_format(data: Path) -> None:
    result = read_file(data / "strong-current.csv")
    assert result.format == "strong"
    lift, friday = by_kind(result.sessions, Kind.DEADLIFT)
    # Three working sets of 140 kg x 5; the two warm-ups and the rest timer are not sets.
    assert (lift.sets, lift.reps, lift.load_kg, lift.done) == (3, 5, 140.0, True)
    assert lift.start == datetime(2025, 3, 3, 18, 2, 11)
    assert lift.rpe == 9  # the highest working-set RPE, 8.5, rounded half up
    assert "Felt strong" in lift.notes
    run_after, treadmill = by_kind(result.sessions, Kind.RUN)
    # The 70-minute workout: the lift first (as logged), then the 15-minute run after it.
    assert lift.duration_min == 55
    assert run_after.start == lift.end
    assert (run_after.duration_min, run_after.distance_km, run_after.speed_kmh) == (15, 3.0, 12.0)
    assert treadmill.start == datetime(2025, 3, 5, 7, 0)  # "7:00:00 AM"
    assert (treadmill.distance_km, treadmill.duration_min) == (5.0, 30)
    assert (friday.sets, friday.load_kg) == (1, 150.0)  # the set with a bad weight is out
    assert result.skipped == 3
    assert {(s.what, s.count) for s in result.skips} == {
        ("Romanian Deadlift (Barbell)", 1),
        ("Bench Press (Barbell)", 2),
    }
    assert [(p.where, p.message) for p in result.problems] == [
        ("line 13", "Weight is 'heavy', which is not a number. The set was left out."),
        ("line 15", "Date is 'someday', which is not a date and time. The set was left out."),
    ]


def test_strong_current_format_takes_the_units_it_is_given(data: Path) -> None:
    result = read_file(data / "strong-current.csv", weight_unit="lb", distance_unit="mi")
    lift = by_kind(result.sessions, Kind.DEADLIFT)[0]
    assert lift.load_kg == pytest.approx(140 * 0.45359237, abs=0.001)
    run = by_kind(result.sessions, Kind.RUN)[0]
    assert run.distance_km == pytest.approx(3 * 1.609344, abs=0.001)


def test_strong_legacy_format_reads_its_unit_columns(data: Path) -> None:
    # The units given are ignored: the older export says its own on every row.
    result = read_file(data / "strong-legacy.csv", weight_unit="kg", distance_unit="km")
    assert result.format == "strong"
    legs, pull = by_kind(result.sessions, Kind.DEADLIFT)
    assert (legs.sets, legs.reps, legs.duration_min) == (2, 3, 62)
    assert legs.load_kg == pytest.approx(315 * 0.45359237, abs=0.001)
    assert (pull.sets, pull.load_kg, pull.duration_min) == (1, 140.0, 45)
    (run,) = by_kind(result.sessions, Kind.RUN)
    assert run.distance_km == pytest.approx(3.1 * 1.609344, abs=0.001)
    assert run.duration_min == 30
    assert result.skipped == 1
    assert [p.where for p in result.problems] == ["line 7"]
    assert "'stone'" in result.problems[0].message


def test_hevy_in_pounds_and_miles(data: Path) -> None:
    result = read_file(data / "hevy-lbs.csv")
    assert result.format == "hevy"
    (lift,) = by_kind(result.sessions, Kind.DEADLIFT)
    assert (lift.sets, lift.reps) == (3, 3)  # normal, normal and failure sets; no warm-up
    assert lift.load_kg == pytest.approx(335 * 0.45359237, abs=0.001)
    assert lift.rpe == 9
    warm_up_run, sprint = by_kind(result.sessions, Kind.RUN)
    # The run was logged before the deadlift, so it comes first and the lift follows it.
    assert warm_up_run.start == datetime(2023, 11, 26, 9, 15)
    assert warm_up_run.duration_min == 10
    assert warm_up_run.distance_km == pytest.approx(1.609, abs=0.001)
    assert lift.start == warm_up_run.end
    assert lift.end == datetime(2023, 11, 26, 10, 20)
    assert sprint.speed_kmh == pytest.approx(0.5 * 1.609344 / (5 / 60), abs=0.01)
    assert {(s.what, s.why) for s in result.skips} == {
        ("Lat Pulldown (Cable)", "not a deadlift or a run"),
        ("Cycling", "not a deadlift or a run"),
    }
    assert [p.where for p in result.problems] == ["line 9", "line 11"]
    assert "only warm-up sets" in result.problems[0].message
    assert "no time" in result.problems[1].message


def test_hevy_in_kilograms_and_km(data: Path) -> None:
    result = read_file(data / "hevy-kg.csv")
    lift, run = result.sessions
    assert (lift.kind, lift.sets, lift.reps, lift.load_kg) == (Kind.DEADLIFT, 2, 2, 170.0)
    assert lift.duration_min == 60
    assert (run.distance_km, run.duration_min, run.speed_kmh) == (6.5, 40, 9.75)
    assert result.problems == ()


def test_an_impossibly_fast_run_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "fast.csv"
    path.write_text(
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
        "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
        'Run,"1 Dec 2023, 07:00","1 Dec 2023, 07:10",,Running,,,0,normal,,,50,600,\n',
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.sessions == ()
    assert result.problems[0].where == "line 2"
    assert "faster than anyone runs" in result.problems[0].message


@pytest.mark.parametrize(
    "name",
    [
        "Deadlift",
        "Deadlift (Barbell)",
        "Sumo Deadlift",
        "Trap Bar Deadlift",
        "Deficit Deadlift (Barbell)",
        "Paused dead-lift",
    ],
)
def test_names_that_count_as_deadlifts(name: str) -> None:
    assert is_deadlift(name)


@pytest.mark.parametrize(
    "name",
    [
        "Romanian Deadlift (Barbell)",
        "RDL",
        "Stiff Leg Deadlift",
        "Straight-Leg Deadlift",
        "Single Leg Deadlift (Dumbbell)",
        "Deadlift (Dumbbell)",
        "Kettlebell Deadlift",
        "Deadlift (Smith Machine)",
        "Rack Pull",
        "Squat (Barbell)",
    ],
)
def test_names_that_do_not_count_as_deadlifts(name: str) -> None:
    assert not is_deadlift(name)


def test_names_that_count_as_runs() -> None:
    assert all(is_run(n) for n in ("Running", "Running (Treadmill)", "Run", "Jogging"))
    assert not any(is_run(n) for n in ("Cycling", "Rowing", "Brunch", "Treadmill Walk"))


def test_durations_and_dates_in_the_apps_spellings() -> None:
    assert parse_duration_min("1h 5m") == 65
    assert parse_duration_min("45m") == 45
    assert parse_duration_min("2h") == 120
    assert parse_duration_min("1:05:00") == 65
    assert parse_duration_min("") is None
    with pytest.raises(ValueError):
        parse_duration_min("soon")
    assert parse_local_time("26 Nov 2023, 09:15") == datetime(2023, 11, 26, 9, 15)
    assert parse_local_time("2024-01-02 7:05:00\u202fPM") == datetime(2024, 1, 2, 19, 5)
    assert parse_local_time("2024-01-02 07:05:09") == datetime(2024, 1, 2, 7, 5, 9)
