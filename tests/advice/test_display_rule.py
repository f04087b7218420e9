"""The display rule as properties: a rule warns exactly when the shown value is past the
shown limit, in km and in miles, for distance, speed and water (issue 23)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.advice import (
    Advice,
    Context,
    DistanceUnit,
    Kind,
    Profile,
    Session,
    VolumeUnit,
    Workout,
    advise_day,
    advise_run,
)
from desktop.advice.limits import (
    MAX_WATER_OZ,
    PROFILE_MAX_DISTANCE_KM,
    PROFILE_MAX_SPEED_KMH,
    PROFILE_MIN_DISTANCE_KM,
    PROFILE_MIN_SPEED_KMH,
    WATER_FLOOR_OZ,
)
from desktop.advice.units import (
    distance_decimals,
    distance_to_km,
    format_distance,
    format_speed,
    format_volume,
    shown_distance,
    shown_speed,
    shown_volume,
    speed_decimals,
    speed_to_kmh,
    volume_decimals,
    volume_to_oz,
    water_short_of,
)

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)
LIFT = Session(kind=Kind.DEADLIFT, start=datetime(2024, 5, 6, 17), duration_min=60)
RIGHT_AFTER = datetime(2024, 5, 6, 18, 30)
LATER = datetime(2024, 5, 6, 21)

profiles = st.builds(
    Profile,
    max_distance_km=st.floats(PROFILE_MIN_DISTANCE_KM, PROFILE_MAX_DISTANCE_KM),
    max_speed_kmh=st.floats(PROFILE_MIN_SPEED_KMH, PROFILE_MAX_SPEED_KMH),
    distance_unit=st.sampled_from(list(DistanceUnit)),
)
# A value near the limit, in steps of a hundredth of the display unit (as the issue swept),
# or anywhere up to twice the limit.
offsets = st.one_of(st.integers(-30, 30).map(lambda n: n / 100), st.floats(-1.0, 1.0))
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?) (?:km/h|mph|km|mi|ml|oz)")


def _numbers(message: str) -> list[str]:
    return _NUMBER.findall(message)


def _codes(advice: Advice) -> list[str]:
    return [w.code for w in advice.warnings]


def _limits_after_the_lift(profile: Profile, start: datetime) -> Advice:
    """The advice of intervals at `start` after LIFT: the limits a run there is held to."""
    run = Session(kind=Kind.RUN, start=start, duration_min=30, workout=Workout.INTERVALS)
    return advise_run(run, [LIFT], profile)


@SETTINGS
@given(profiles, offsets, st.sampled_from([RIGHT_AFTER, LATER]))
def test_distance_warns_exactly_when_shown_past_the_shown_limit(
    profile: Profile, offset: float, start: datetime
) -> None:
    unit = profile.distance_unit
    probe = _limits_after_the_lift(profile, start)
    assert probe.context in (Context.IMMEDIATELY_AFTER, Context.SAME_DAY_LATER)
    limit_km = probe.max_distance_km
    assert limit_km is not None
    shown_limit = shown_distance(limit_km, unit)
    value = max(0.0, shown_limit + offset)
    km = distance_to_km(value, unit)
    subject = Session(
        kind=Kind.RUN, start=start, duration_min=30, workout=Workout.INTERVALS, distance_km=km
    )
    advice = advise_run(subject, [LIFT], profile)
    warned = "distance-over-limit" in _codes(advice)
    assert warned == (shown_distance(km, unit) > shown_limit)
    # The limit shown is exact at the display precision and never above the 80% cap.
    assert f"{shown_limit:.{distance_decimals(unit)}f}" in format_distance(limit_km, unit)
    assert limit_km <= 0.8 * profile.max_distance_km + 1e-9
    for warning in advice.warnings:
        if warning.code == "distance-over-limit":
            run_text, limit_text = _numbers(warning.message)[:2]
            assert run_text != limit_text


@SETTINGS
@given(profiles, offsets)
def test_a_continuous_run_right_after_warns_exactly_past_the_shown_threshold(
    profile: Profile, offset: float
) -> None:
    unit = profile.distance_unit
    easy = Session(kind=Kind.RUN, start=RIGHT_AFTER, duration_min=30, workout=Workout.EASY)
    limit_km = advise_run(easy, [LIFT], profile).max_distance_km
    assert limit_km is not None
    shown_limit = shown_distance(limit_km, unit)
    km = distance_to_km(max(0.0, shown_limit + offset), unit)
    advice = advise_run(
        Session(
            kind=Kind.RUN, start=RIGHT_AFTER, duration_min=30, workout=Workout.EASY, distance_km=km
        ),
        [LIFT],
        profile,
    )
    # The tightest limit shown is the long-run threshold: past it, a warning says so.
    past = shown_distance(km, unit) > shown_limit
    assert ("long-run-after-deadlift" in _codes(advice)) == past
    assert (
        any("over-limit" in code or code == "long-run-after-deadlift" for code in _codes(advice))
        == past
    )


@SETTINGS
@given(profiles, offsets, st.sampled_from([RIGHT_AFTER, LATER]))
def test_speed_warns_exactly_when_shown_past_the_shown_limit(
    profile: Profile, offset: float, start: datetime
) -> None:
    unit = profile.distance_unit
    probe = _limits_after_the_lift(profile, start)
    limit_kmh = probe.max_speed_kmh
    assert limit_kmh is not None
    shown_limit = shown_speed(limit_kmh, unit)
    kmh = speed_to_kmh(max(0.0, shown_limit + offset), unit)
    subject = Session(
        kind=Kind.RUN, start=start, duration_min=30, workout=Workout.INTERVALS, speed_kmh=kmh
    )
    advice = advise_run(subject, [LIFT], profile)
    warned = "speed-over-limit" in _codes(advice)
    assert warned == (shown_speed(kmh, unit) > shown_limit)
    assert f"{shown_limit:.{speed_decimals(unit)}f}" in format_speed(limit_kmh, unit)
    for warning in advice.warnings:
        if warning.code == "speed-over-limit":
            run_text, limit_text = _numbers(warning.message)[:2]
            assert run_text != limit_text


@SETTINGS
@given(
    st.floats(WATER_FLOOR_OZ, 300),
    st.sampled_from(list(VolumeUnit)),
    st.one_of(st.integers(-40, 40).map(lambda n: n / 10), st.floats(-50, 50)),
)
def test_water_warns_exactly_when_shown_below_the_shown_target(
    target_oz: float, unit: VolumeUnit, offset: float
) -> None:
    profile = Profile(10, 15, water_target_oz=target_oz, volume_unit=unit)
    shown_target = shown_volume(target_oz, unit)
    drunk_oz = min(MAX_WATER_OZ, volume_to_oz(max(0.0, shown_target + offset), unit))
    day = LIFT.day + timedelta(days=3)
    advice = advise_day(day, [], profile, water_oz=drunk_oz)
    warned = "water-below-target" in _codes(advice)
    assert warned == (shown_volume(drunk_oz, unit) < shown_target)
    # The day log's "to go" agrees with the warning.
    assert warned == (water_short_of(drunk_oz, target_oz, unit) > 0)
    for warning in advice.warnings:
        drunk_text, target_text = _numbers(warning.message)[:2]
        assert drunk_text != target_text
        assert format_volume(target_oz, unit, grouped=True) in warning.message
    assert volume_decimals(unit) in (0, 1)


@SETTINGS
@given(profiles, st.floats(0, 1))
def test_switching_units_never_breaks_agreement(profile: Profile, share: float) -> None:
    km = profile.max_distance_km * share
    for unit in DistanceUnit:
        shown = Profile(profile.max_distance_km, profile.max_speed_kmh, distance_unit=unit)
        subject = Session(
            kind=Kind.RUN,
            start=LATER,
            duration_min=30,
            workout=Workout.INTERVALS,
            distance_km=km,
        )
        advice = advise_run(subject, [LIFT], shown)
        assert advice.max_distance_km is not None
        past = shown_distance(km, unit) > shown_distance(advice.max_distance_km, unit)
        assert ("distance-over-limit" in _codes(advice)) == past


def test_the_issues_cases() -> None:
    profile = Profile(10, 15)
    at_cap = Session(
        kind=Kind.RUN,
        start=datetime(2024, 5, 6, 21),
        duration_min=40,
        workout=Workout.EASY,
        distance_km=8.04,
        speed_kmh=13.54,
    )
    assert advise_run(at_cap, [LIFT], profile).warnings == ()
    # 5.6 mph typed at a shown 10.1 km/h profile's cap: agreement in both units.
    miles = Profile(10, 10.1, distance_unit=DistanceUnit.MI)
    typed = Session(
        kind=Kind.RUN,
        start=datetime(2024, 5, 6, 21),
        duration_min=40,
        workout=Workout.EASY,
        speed_kmh=speed_to_kmh(5.6, DistanceUnit.MI),
    )
    for shown in (miles, Profile(10, 10.1)):
        advice = advise_run(typed, [LIFT], shown)
        assert advice.max_speed_kmh is not None
        unit = shown.distance_unit
        past = shown_speed(typed.speed_kmh or 0, unit) > shown_speed(advice.max_speed_kmh, unit)
        assert ("speed-over-limit" in _codes(advice)) == past
    # 1,900 ml shows as 64.2 oz; 64.2 oz logged is the target reached.
    water = Profile(
        10, 15, water_target_oz=volume_to_oz(1900, VolumeUnit.ML), volume_unit=VolumeUnit.OZ
    )
    day = advise_day(LIFT.day, [], water, water_oz=64.2)
    assert "water-below-target" not in _codes(day)
    assert water_short_of(64.2, water.water_target_oz, VolumeUnit.OZ) == 0


@SETTINGS
@given(profiles, offsets, offsets, st.integers(7, 10))
def test_on_very_sore_legs_a_run_warns_exactly_past_the_shown_limits(
    profile: Profile, distance_offset: float, speed_offset: float, soreness: int
) -> None:
    unit = profile.distance_unit
    start = datetime(2024, 5, 20, 9)  # no deadlift near: only the soreness limits apply
    probe = advise_run(
        Session(kind=Kind.RUN, start=start, duration_min=30, workout=Workout.EASY),
        [],
        profile,
        soreness=soreness,
    )
    assert probe.max_distance_km is not None and probe.max_speed_kmh is not None
    shown_km_limit = shown_distance(probe.max_distance_km, unit)
    shown_kmh_limit = shown_speed(probe.max_speed_kmh, unit)
    km = distance_to_km(max(0.0, shown_km_limit + distance_offset), unit)
    kmh = speed_to_kmh(max(0.0, shown_kmh_limit + speed_offset), unit)
    subject = Session(
        kind=Kind.RUN,
        start=start,
        duration_min=30,
        workout=Workout.EASY,
        distance_km=km,
        speed_kmh=kmh,
    )
    advice = advise_run(subject, [], profile, soreness=soreness)
    past = shown_distance(km, unit) > shown_km_limit or shown_speed(kmh, unit) > shown_kmh_limit
    assert ("soreness-high" in _codes(advice)) == past
    # The limit shown is the suggestion's distance: header and suggestion agree.
    assert advice.suggestion is not None
    assert advice.suggestion.distance_km == probe.max_distance_km
