"""One test per constant and comparison a mutation run left alive (issue 23): each fails
when the constant moves a step either way or the comparison loses or gains its "or equal"."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

import pytest

from desktop.advice import (
    History,
    Kind,
    Profile,
    Session,
    Workout,
    advise_lift,
    advise_run,
    badge_from,
)
from desktop.advice.caps import caps_for
from desktop.advice.plan_notes import shortfall_notes
from desktop.advice.plan_slots import Role, Slot, _Finder, find_slots
from desktop.advice.planning import _clash, plan_week
from desktop.advice.units import format_speed
from tests.builders import PROFILE, at, codes, lift, run

MONDAY = date(2024, 5, 6)


def test_modest_pace_is_seventy_percent() -> None:
    # 70% of 15 km/h is 10.5 km/h; 69% shows 10.3 and 71% shows 10.6.
    assert format_speed(caps_for(Profile(10, 15)).modest_speed_kmh, "km") == "10.5 km/h"
    assert format_speed(caps_for(Profile(10, 20)).modest_speed_kmh, "km") == "14.0 km/h"


def test_default_window_is_sixty_minutes() -> None:
    profile = Profile(10, 15)
    assert profile.immediate_window_min == 60
    the_lift = lift(at(0, 7))  # ends 08:00
    on_edge = advise_run(run(at(0, 9, 0)), [the_lift], profile)
    past_edge = advise_run(run(at(0, 9, 1)), [the_lift], profile)
    assert on_edge.context == "immediately_after"
    assert past_edge.context == "same_day_later"
    assert advise_run(run(at(0, 8, 59)), [the_lift], profile).context == "immediately_after"


@pytest.mark.parametrize(
    ("workout", "distance", "speed", "warned"),
    [
        (Workout.LONG, 1.0, 8.0, True),  # the label alone, on very sore legs
        (Workout.EASY, 1.0, 8.0, False),
        (Workout.EASY, 3.06, 8.0, True),  # over the shown 3.0 km
        (Workout.EASY, 3.04, 8.0, False),
        (Workout.EASY, 1.0, 13.56, True),  # over the shown 13.5 km/h
        (Workout.EASY, 1.0, 13.54, False),
    ],
)
def test_soreness_high_needs_long_or_over_a_limit(
    workout: Workout, distance: float, speed: float, warned: bool
) -> None:
    subject = run(at(3, 8), workout=workout, distance_km=distance, speed_kmh=speed)
    advice = advise_run(subject, [], PROFILE, soreness=7)
    assert ("soreness-high" in codes(advice.warnings)) is warned


def test_a_lift_starting_as_the_run_ends_is_later_today() -> None:
    subject = run(at(0, 7), minutes=40)  # ends 07:40
    assert "lift-after-run" in codes(advise_run(subject, [lift(at(0, 7, 40))], PROFILE).tips)
    assert "lift-after-run" not in codes(advise_run(subject, [lift(at(0, 7, 39))], PROFILE).tips)


def test_a_run_ending_as_the_lift_starts_is_an_earlier_run() -> None:
    the_lift = lift(at(0, 18))
    tips = codes(advise_lift(the_lift, [run(at(0, 17, 20), minutes=40)], PROFILE).tips)
    assert "lift-after-run" in tips  # ends 18:00, as the lift starts
    tips = codes(advise_lift(the_lift, [run(at(0, 17, 21), minutes=40)], PROFILE).tips)
    assert "lift-after-run" not in tips  # overlaps instead


def test_water_badges_only_once_the_day_is_over() -> None:
    today = date(2024, 5, 8)
    assert not badge_from(False, today, today, 10.0, PROFILE)
    assert badge_from(False, today - timedelta(days=1), today, 10.0, PROFILE)
    assert not badge_from(False, today + timedelta(days=1), today, 10.0, PROFILE)


# --- the planner's constants ----------------------------------------------------------------


@pytest.mark.parametrize(("weekly_km", "runs_planned"), [(3.0, 3), (2.95, 2)])
def test_each_run_is_at_least_one_km(weekly_km: float, runs_planned: int) -> None:
    plan = plan_week(MONDAY, [], Profile(10, 15), runs=3, weekly_km=weekly_km)
    assert sum(s.kind is Kind.RUN for s in plan.sessions) == runs_planned
    reduced = [n for n in plan.notes if "of at least 1.0 km" in n]
    assert bool(reduced) is (runs_planned < 3)


def _slot(start: datetime, minutes: int = 60, role: Role = Role.FREE, rest_h: float = 100) -> Slot:
    return Slot(
        role=role,
        start=start,
        duration_min=minutes,
        cap_km=5.0,
        speed_kmh=10.0,
        pace_kmh=10.0,
        workout=Workout.LONG if role is Role.LONG else Workout.EASY,
        lift_day=False,
        rest_h=rest_h,
    )


@pytest.mark.parametrize(("rest_h", "noted"), [(47.9, True), (48.0, False), (48.1, False)])
def test_long_run_rest_is_48_hours(rest_h: float, noted: bool) -> None:
    long_slot = _slot(datetime(2024, 5, 9, 9), role=Role.LONG, rest_h=rest_h)
    planned = [run(long_slot.start, workout=Workout.LONG, distance_km=5.0)]
    notes = shortfall_notes([long_slot], planned, 1, 5.0, True, PROFILE, [])
    assert any("h or more would rest your legs" in n for n in notes) is noted


def test_second_run_of_a_day_is_five_hours_after_the_first() -> None:
    first = _slot(datetime(2024, 5, 7, 7))  # 07:00-08:00
    assert not _clash(_slot(datetime(2024, 5, 7, 13)), [first])  # 5 h after its end
    assert _clash(_slot(datetime(2024, 5, 7, 12, 59)), [first])
    # And before it: a run ending 5 h before the first starts.
    early = _slot(datetime(2024, 5, 7, 20))
    assert not _clash(_slot(datetime(2024, 5, 7, 14)), [early])  # ends 15:00
    assert _clash(_slot(datetime(2024, 5, 7, 14, 1)), [early])


def test_at_most_two_runs_a_day() -> None:
    one = _slot(datetime(2024, 5, 7, 6))
    two = _slot(datetime(2024, 5, 7, 12))
    third = _slot(datetime(2024, 5, 7, 18))
    assert not _clash(third, [one])
    assert _clash(third, [one, two])


@pytest.mark.parametrize(("lift_minutes", "first_easy"), [(60, time(11, 0)), (61, time(11, 15))])
def test_easy_later_waits_three_hours(lift_minutes: int, first_easy: time) -> None:
    the_lift = Session(
        kind=Kind.DEADLIFT, start=datetime(2024, 5, 7, 7), duration_min=lift_minutes, spotter=True
    )
    slots = find_slots(MONDAY, History([the_lift]), PROFILE, 8.0)
    easy = [s for s in slots if s.role is Role.EASY_LATER]
    assert [s.start.time() for s in easy] == [first_easy]


def test_runs_end_by_22_30() -> None:
    finder = _Finder(MONDAY, History([]), PROFILE, 8.0)
    assert finder._fits(datetime(2024, 5, 7, 21, 30), 60)
    assert not finder._fits(datetime(2024, 5, 7, 21, 31), 60)
    assert not math.isnan(finder.free_cap_km)
