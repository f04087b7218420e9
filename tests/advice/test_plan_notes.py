"""The week plan's notes give the real reason a target was missed (issue 23)."""

from __future__ import annotations

from datetime import date, datetime, time

from desktop.advice import History, Kind, Profile, Session, Workout
from desktop.advice.plan_notes import long_run_fits_a_day
from desktop.advice.planning import LiftSlot, plan_week
from desktop.advice.rules import session_warnings

MONDAY = date(2024, 5, 6)


def test_no_long_run_blames_the_clock_not_absent_deadlifts() -> None:
    plan = plan_week(MONDAY, [], Profile(100, 8), runs=3, weekly_km=100)
    assert not long_run_fits_a_day(Profile(100, 8))
    assert not any("deadlift" in note.lower() for note in plan.notes)
    assert any(
        "A long run of 100.0 km at a modest 5.6 km/h takes about 18 h 2 min" in note
        and "between 06:00 and 22:30" in note
        for note in plan.notes
    ), plan.notes


def test_a_long_run_that_fits_a_day_is_planned_without_a_note() -> None:
    plan = plan_week(MONDAY, [], Profile(30, 12), runs=3, weekly_km=50)
    assert long_run_fits_a_day(Profile(30, 12))
    assert any(s.workout is Workout.LONG for s in plan.sessions)
    assert not any("long run" in note.lower() for note in plan.notes)


def test_a_plan_that_makes_an_existing_session_warn_names_it() -> None:
    existing = Session(
        kind=Kind.RUN,
        start=datetime(2024, 5, 8, 12),
        duration_min=70,
        workout=Workout.LONG,
        distance_km=10.0,
        speed_kmh=9.0,
    )
    profile = Profile(10, 15)
    assert session_warnings(existing, [existing], profile) == ()
    plan = plan_week(
        MONDAY,
        [LiftSlot(2, time(7), 60)],
        profile,
        runs=3,
        weekly_km=20,
        existing=[existing],
    )
    assert any(s.kind is Kind.DEADLIFT and s.start.hour == 7 for s in plan.sessions)
    now = session_warnings(existing, History([existing, *plan.sessions]), profile)
    assert now  # the new deadlift at 07:00 makes the 12:00 long run warn
    named = [n for n in plan.notes if "already planned on Wednesday at 12:00" in n]
    assert len(named) == 1
    assert now[0].message in named[0] or any(w.message in named[0] for w in now)


def test_no_note_about_existing_sessions_when_nothing_changes() -> None:
    existing = Session(
        kind=Kind.RUN,
        start=datetime(2024, 5, 12, 9),
        duration_min=40,
        workout=Workout.EASY,
        distance_km=5.0,
        speed_kmh=9.0,
    )
    plan = plan_week(
        MONDAY,
        [LiftSlot(0, time(7), 60)],
        Profile(10, 15),
        runs=2,
        weekly_km=10,
        existing=[existing],
    )
    assert not any("already planned" in note for note in plan.notes)


def test_too_few_runs_without_deadlifts_names_the_hours_and_the_day_rule() -> None:
    # Ten runs are not asked for (0-7); seven on a 1 km profile all fit, so ask the most.
    plan = plan_week(MONDAY, [], Profile(300, 5), runs=7, weekly_km=150, long_run=False)
    for note in plan.notes:
        assert "deadlift" not in note.lower(), note


def test_no_runs_asked_says_so() -> None:
    plan = plan_week(MONDAY, [LiftSlot(0, time(7), 60)], Profile(10, 15), runs=0, weekly_km=6)
    assert plan.notes == (
        "No runs were asked for, so none of the 6.0 km is planned; ask for at least 1 run.",
    )
