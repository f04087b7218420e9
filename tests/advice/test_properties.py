"""Property tests: valid input never raises, caps hold, far-away sessions change nothing."""

from __future__ import annotations

import os
import random
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.advice import (
    DistanceUnit,
    History,
    Kind,
    Profile,
    Session,
    VolumeUnit,
    Workout,
    advise_day,
    advise_lift,
    advise_run,
)
from desktop.advice.limits import (
    PROFILE_MAX_DISTANCE_KM,
    PROFILE_MAX_SPEED_KMH,
    PROFILE_MIN_DISTANCE_KM,
    PROFILE_MIN_SPEED_KMH,
)
from desktop.advice.model import (
    MAX_DURATION_MIN,
    MAX_HUMAN_SPEED_KMH,
    WATER_FLOOR_OZ,
    WINDOW_MAX_MIN,
    WINDOW_MIN_MIN,
    Advice,
)
from desktop.advice.rules import TOLERANCE

BASE = datetime(2026, 3, 2)
# Kept small so the suite stays fast; set LIFTRUN_HYPOTHESIS_EXAMPLES=5000 for a deep run.
SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTRUN_HYPOTHESIS_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

profiles = st.builds(
    Profile,
    max_distance_km=st.floats(PROFILE_MIN_DISTANCE_KM, PROFILE_MAX_DISTANCE_KM, allow_nan=False),
    max_speed_kmh=st.floats(PROFILE_MIN_SPEED_KMH, PROFILE_MAX_SPEED_KMH, allow_nan=False),
    immediate_window_min=st.integers(WINDOW_MIN_MIN, WINDOW_MAX_MIN),
    water_target_oz=st.floats(WATER_FLOOR_OZ, 300, allow_nan=False),
    distance_unit=st.sampled_from(DistanceUnit),
    volume_unit=st.sampled_from(VolumeUnit),
)


def starts(days: int = 5) -> st.SearchStrategy[datetime]:
    """Start times within `days` of BASE, on minute or second boundaries."""
    return st.integers(-days * 86400, days * 86400).map(lambda s: BASE + timedelta(seconds=s))


durations = st.one_of(st.integers(1, 180), st.integers(1, MAX_DURATION_MIN))
ids = st.one_of(st.none(), st.integers(1, 30))


def runs(start: st.SearchStrategy[datetime] | None = None) -> st.SearchStrategy[Session]:
    return st.builds(
        Session,
        kind=st.just(Kind.RUN),
        start=starts() if start is None else start,
        duration_min=durations,
        workout=st.one_of(st.none(), st.sampled_from(Workout)),
        distance_km=st.one_of(st.none(), st.floats(0, 300, allow_nan=False)),
        speed_kmh=st.one_of(st.none(), st.floats(0, MAX_HUMAN_SPEED_KMH, allow_nan=False)),
        pain=st.booleans(),
        id=ids,
    )


def lifts(start: st.SearchStrategy[datetime] | None = None) -> st.SearchStrategy[Session]:
    return st.builds(
        Session,
        kind=st.just(Kind.DEADLIFT),
        start=starts() if start is None else start,
        duration_min=durations,
        spotter=st.one_of(st.none(), st.booleans()),
        id=ids,
    )


def sessions(start: st.SearchStrategy[datetime] | None = None) -> st.SearchStrategy[Session]:
    return st.one_of(runs(start), lifts(start))


histories = st.lists(sessions(), max_size=25)
waters = st.one_of(st.none(), st.floats(0, 500, allow_nan=False))
days = st.integers(-6, 6).map(lambda d: BASE.date() + timedelta(days=d))


def _check_caps(advice: Advice, profile: Profile) -> None:
    if advice.max_distance_km is not None:
        assert advice.max_distance_km <= 0.8 * profile.max_distance_km + TOLERANCE
    if advice.max_speed_kmh is not None:
        assert advice.max_speed_kmh <= 0.9 * profile.max_speed_kmh + TOLERANCE
    suggestion = advice.suggestion
    if suggestion is not None and advice.max_distance_km is not None:
        assert suggestion.distance_km is not None
        assert suggestion.distance_km <= advice.max_distance_km + TOLERANCE
    if suggestion is not None and advice.max_speed_kmh is not None:
        assert suggestion.speed_kmh is not None
        assert suggestion.speed_kmh <= advice.max_speed_kmh + TOLERANCE


@SETTINGS
@given(runs(), histories, profiles)
def test_run_advice_never_raises_and_keeps_caps(
    subject: Session, others: list[Session], profile: Profile
) -> None:
    advice = advise_run(subject, others, profile)
    _check_caps(advice, profile)
    assert advice.has_warnings == bool(advice.warnings)
    assert all(w.message and w.source for w in advice.warnings)
    assert all(t.text and t.source for t in advice.tips)


@SETTINGS
@given(lifts(), histories, profiles)
def test_lift_advice_never_raises_and_keeps_caps(
    subject: Session, others: list[Session], profile: Profile
) -> None:
    _check_caps(advise_lift(subject, others, profile), profile)


@SETTINGS
@given(days, histories, profiles, waters)
def test_day_advice_never_raises_and_collects_session_warnings(
    day: date, others: list[Session], profile: Profile, water: float | None
) -> None:
    history = History(others)
    advice = advise_day(day, history, profile, water)
    _check_caps(advice, profile)
    keys = [(w.code, w.message) for w in advice.warnings]
    assert keys == sorted(set(keys))
    for session in history.on_day(day):
        advise = advise_run if session.kind is Kind.RUN else advise_lift
        for warning in advise(session, history, profile).warnings:
            assert (warning.code, warning.message) in keys


@SETTINGS
@given(runs(), histories, profiles)
def test_at_the_cap_never_warns(subject: Session, others: list[Session], profile: Profile) -> None:
    advice = advise_run(subject, others, profile)
    if advice.max_distance_km is None or advice.max_speed_kmh is None:
        return
    at_cap = Session(
        kind=Kind.RUN,
        start=subject.start,
        duration_min=subject.duration_min,
        workout=Workout.INTERVALS,
        distance_km=advice.max_distance_km,
        speed_kmh=advice.max_speed_kmh,
        id=subject.id,
    )
    warned = {w.code for w in advise_run(at_cap, others, profile).warnings}
    assert not warned & {"distance-over-limit", "speed-over-limit"}


def _far(near: date) -> st.SearchStrategy[list[Session]]:
    offsets = st.one_of(st.integers(4, 400), st.integers(-400, -4))
    seconds = st.integers(0, 86399)
    far_start = st.builds(
        lambda d, s: (
            datetime.combine(near + timedelta(days=d), datetime.min.time()) + timedelta(seconds=s)
        ),
        offsets,
        seconds,
    )
    return st.lists(sessions(far_start), min_size=1, max_size=10)


@SETTINGS
@given(st.data(), runs(), histories, profiles)
def test_far_away_sessions_never_change_run_advice(
    data: st.DataObject, subject: Session, others: list[Session], profile: Profile
) -> None:
    far = data.draw(_far(subject.day))
    mixed = others + far
    random.Random(len(mixed)).shuffle(mixed)
    assert advise_run(subject, mixed, profile) == advise_run(subject, others, profile)


@SETTINGS
@given(st.data(), lifts(), histories, profiles)
def test_far_away_sessions_never_change_lift_advice(
    data: st.DataObject, subject: Session, others: list[Session], profile: Profile
) -> None:
    far = data.draw(_far(subject.day))
    assert advise_lift(subject, others + far, profile) == advise_lift(subject, others, profile)


@SETTINGS
@given(st.data(), days, histories, profiles, waters)
def test_far_away_sessions_never_change_day_advice(
    data: st.DataObject, day: date, others: list[Session], profile: Profile, water: float | None
) -> None:
    far = data.draw(_far(day))
    assert advise_day(day, others + far, profile, water) == advise_day(day, others, profile, water)


@SETTINGS
@given(runs(), histories, profiles, st.randoms(use_true_random=False))
def test_order_and_history_never_matter(
    subject: Session, others: list[Session], profile: Profile, rnd: random.Random
) -> None:
    expected = advise_run(subject, others, profile)
    shuffled = others[:]
    rnd.shuffle(shuffled)
    assert advise_run(subject, shuffled, profile) == expected
    assert advise_run(subject, History(shuffled), profile) == expected
