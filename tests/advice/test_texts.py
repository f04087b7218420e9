"""Session titles and calendar chips read the same in every view, in the profile's units."""

from __future__ import annotations

from desktop.advice import DistanceUnit, Profile, WeightUnit, Workout, chip_text, session_title
from tests.builders import PROFILE, at, lift, run

MILES = Profile(10.0, 15.0, 60, distance_unit=DistanceUnit.MI, weight_unit=WeightUnit.LB)


def test_lift_title_and_chip_show_sets_reps_and_load() -> None:
    session = lift(at(0, 18), 45, sets=5, reps=5, load_kg=140.0)
    assert session_title(session, PROFILE) == "Deadlift 5x5 140 kg"
    assert chip_text(session, PROFILE) == "18:00 5x5 140 kg"
    assert chip_text(session, MILES) == "18:00 5x5 308.6 lb"


def test_lift_without_numbers_is_named_plainly() -> None:
    session = lift(at(0, 6, 5), sets=None, reps=None, load_kg=None)
    assert session_title(session, PROFILE) == "Deadlift"
    assert chip_text(session, PROFILE) == "06:05 Deadlift"


def test_run_title_and_chip_show_workout_and_distance() -> None:
    session = run(at(0, 18, 45), workout=Workout.INTERVALS, distance_km=3.0)
    assert session_title(session, PROFILE) == "Run: intervals 3 km"
    assert chip_text(session, PROFILE) == "18:45 Intervals 3 km"
    long_run = run(at(2, 7), workout=Workout.LONG, distance_km=16.0)
    assert chip_text(long_run, PROFILE) == "07:00 Long 16 km"
    assert chip_text(long_run, MILES) == "07:00 Long 9.9 mi"


def test_run_without_workout_or_distance() -> None:
    session = run(at(0, 9), workout=None, distance_km=None)
    assert session_title(session, PROFILE) == "Run"
    assert chip_text(session, PROFILE) == "09:00 Run"


def test_done_session_shows_what_was_really_done() -> None:
    done_run = run(at(0, 9), distance_km=8.0, done=True, actual_distance_km=6.5)
    assert chip_text(done_run, PROFILE) == "09:00 Easy 6.5 km"
    done_lift = lift(at(0, 18), sets=5, reps=5, load_kg=140.0, done=True, actual_load_kg=135.0)
    assert session_title(done_lift, PROFILE) == "Deadlift 5x5 135 kg"
    planned = run(at(0, 9), distance_km=8.0, actual_distance_km=6.5)  # not done yet
    assert chip_text(planned, PROFILE) == "09:00 Easy 8 km"
