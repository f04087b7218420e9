"""Every case the issue about shown numbers, real limits and the day after lists, as a test."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from desktop.advice import (
    Advice,
    Context,
    DistanceUnit,
    Kind,
    Profile,
    Session,
    Workout,
    advise_day,
    advise_lift,
    advise_run,
    chip_text,
    context_zones,
)
from desktop.advice.texts import day_context, describe_caps

PROFILE = Profile(10, 15)
FRIDAY = date(2024, 5, 10)


def _lift(start: datetime, minutes: int = 60) -> Session:
    return Session(kind=Kind.DEADLIFT, start=start, duration_min=minutes, spotter=True)


def _run(start: datetime, workout: Workout = Workout.EASY, km: float | None = 5.0) -> Session:
    return Session(
        kind=Kind.RUN,
        start=start,
        duration_min=40,
        workout=workout,
        distance_km=km,
        speed_kmh=10.0,
    )


LIFT_17 = _lift(datetime(2024, 5, 6, 17))


def _codes(advice: Advice) -> list[str]:
    return [w.code for w in advice.warnings]


def test_a_run_shown_at_its_cap_does_not_warn_and_its_chip_agrees() -> None:
    run = Session(
        kind=Kind.RUN,
        start=datetime(2024, 5, 6, 21),
        duration_min=40,
        workout=Workout.EASY,
        distance_km=8.04,
        speed_kmh=13.54,
    )
    advice = advise_run(run, [LIFT_17], PROFILE)
    assert advice.warnings == ()
    assert chip_text(run, PROFILE) == "21:00 Easy 8 km"
    assert describe_caps(advice, PROFILE) == "at most 8.0 km, at most 13.5 km/h = 4:27 /km"


def test_right_after_a_lift_the_shown_limit_is_the_long_run_threshold() -> None:
    advice = advise_run(_run(datetime(2024, 5, 6, 18, 30), km=6.0), [LIFT_17], PROFILE)
    assert advice.max_distance_km == pytest.approx(5.0)
    assert "at most 5.0 km" in describe_caps(advice, PROFILE)
    [long_run] = [w for w in advice.warnings if w.code == "long-run-after-deadlift"]
    assert "This run is 6.0 km" in long_run.message and "more than 5.0 km" in long_run.message
    # The label is not the distance: a 2 km run called Long is no long run.
    short_long = advise_run(
        _run(datetime(2024, 5, 6, 18, 30), Workout.LONG, km=2.0), [LIFT_17], PROFILE
    )
    assert "long-run-after-deadlift" not in _codes(short_long)
    # Intervals keep the 80% cap.
    sprints = advise_run(_run(datetime(2024, 5, 6, 18, 30), Workout.INTERVALS), [LIFT_17], PROFILE)
    assert sprints.max_distance_km == pytest.approx(8.0)


def test_on_very_sore_legs_the_header_and_the_suggestion_agree() -> None:
    day = advise_day(LIFT_17.day, [LIFT_17], PROFILE, soreness=8)
    assert day.suggestion is not None and day.suggestion.distance_km == pytest.approx(3.0)
    assert day.max_distance_km == pytest.approx(3.0)
    assert "at most 3.0 km" in describe_caps(day, PROFILE)
    # Soreness 7 and no deadlift near: the limit that warns is shown.
    free = advise_run(_run(datetime(2024, 5, 20, 9), km=8.5), [], PROFILE, soreness=7)
    assert "soreness-high" in _codes(free)
    assert free.max_distance_km == pytest.approx(3.0)
    [sore] = [w for w in free.warnings if w.code == "soreness-high"]
    assert "at most 3.0 km" in sore.message


def test_the_day_after_is_the_next_calendar_day() -> None:
    lift = _lift(datetime.combine(FRIDAY, datetime.min.time()) + timedelta(hours=18))
    saturday = advise_day(FRIDAY + timedelta(days=1), [lift], PROFILE)
    sunday = advise_day(FRIDAY + timedelta(days=2), [lift], PROFILE)
    wednesday = advise_day(FRIDAY + timedelta(days=5), [lift], PROFILE)
    assert saturday.context is Context.NEXT_DAY
    assert "the day after a deadlift" in day_context(saturday, PROFILE)
    assert sunday.context is Context.NONE
    assert "day after" not in day_context(sunday, PROFILE)
    assert "from 01:01" not in day_context(wednesday, PROFILE)
    zones = {zone.context: zone for zone in context_zones(lift, PROFILE)}
    assert zones[Context.NEXT_DAY].end == datetime(2024, 5, 12, 0, 0)  # Sunday starts NONE


def test_a_run_after_midnight_names_yesterday_not_today() -> None:
    lift = _lift(datetime(2024, 5, 6, 22, 30))
    run = _run(datetime(2024, 5, 7, 0, 10), Workout.LONG, km=10.0)
    advice = advise_run(run, [lift], PROFILE)
    [longest] = [w for w in advice.warnings if w.code == "longest-run-on-deadlift-day"]
    assert "on a day you deadlift" not in longest.message
    assert "yesterday at 22:30" in longest.message


_BAD = re.compile(r"(?<![\d.])0(\.0)? (m|km|mi|x)\b")


@pytest.mark.parametrize("unit", list(DistanceUnit))
@pytest.mark.parametrize(("km", "kmh"), [(1.0, 5.0), (300.0, 45.0), (1.0, 45.0), (300.0, 5.0)])
def test_suggestions_stay_meaningful_at_the_profile_bounds(
    unit: DistanceUnit, km: float, kmh: float
) -> None:
    profile = Profile(km, kmh, distance_unit=unit)
    lift = _lift(datetime(2024, 5, 6, 7))
    texts: list[str] = []
    hills: list[float] = []
    for soreness in (None, 8):
        for start in (
            datetime(2024, 5, 6, 8, 30),  # right after
            datetime(2024, 5, 6, 17),  # later that day
            datetime(2024, 5, 7, 9),  # the day after
            datetime(2024, 5, 9, 9),  # free
            datetime(2024, 5, 6, 5),  # before the lift
        ):
            advice = advise_run(_run(start, km=None), [lift], profile, soreness=soreness)
            assert advice.suggestion is not None
            texts.append(advice.suggestion.text)
            assert advice.suggestion.distance_km is None or advice.suggestion.distance_km > 0
            if advice.suggestion.workout is Workout.HILLS:
                hills.append(advice.suggestion.distance_km or 0.0)
            for limit in (advice.max_distance_km, advice.max_speed_kmh):
                assert limit is None or limit > 0
    lift_suggestion = advise_lift(lift, [], profile).suggestion
    assert lift_suggestion is not None
    texts.append(lift_suggestion.text)
    for text in texts:
        assert not _BAD.search(text), text
    assert hills and all(0 < km <= 20.0 + 1e-9 for km in hills)
