"""Gaps are real elapsed time in the computer's zone: the two daylight-saving nights.

The zone is set for each test (TZ and `time.tzset`, POSIX only) and put back after it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from desktop.advice import Context, Kind, Profile, Session, Workout, advise_run, context_zones
from desktop.advice.clock import after, elapsed, elapsed_minutes

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="time.tzset exists only on POSIX; the zone cannot be set"
)


def _set_zone() -> None:
    """Make the process read TZ again (POSIX only; the module is skipped elsewhere)."""
    if sys.platform != "win32":
        time.tzset()


@pytest.fixture
def berlin() -> Iterator[None]:
    """The computer's zone is Europe/Berlin for the test, and what it was after it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    _set_zone()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        _set_zone()


def _lift(start: datetime, minutes: int) -> Session:
    return Session(kind=Kind.DEADLIFT, start=start, duration_min=minutes, spotter=True)


def _run(start: datetime) -> Session:
    return Session(
        kind=Kind.RUN, start=start, duration_min=30, workout=Workout.INTERVALS, distance_km=2.0
    )


@pytest.mark.usefixtures("berlin")
def test_spring_forward_an_hour_of_wall_time_is_thirty_real_minutes() -> None:
    # 31 March 2024: 02:00 becomes 03:00. A lift ending 01:30, a run at 03:00.
    lift = _lift(datetime(2024, 3, 31, 0, 30), 60)
    run = _run(datetime(2024, 3, 31, 3, 0))
    assert elapsed(lift.end, run.start) == timedelta(minutes=30)
    advice = advise_run(run, [lift], Profile(10, 15, immediate_window_min=60))
    assert advice.context is Context.IMMEDIATELY_AFTER
    assert advice.gap_min == 30
    # The window (60 real minutes) ends at 03:30 wall time, not 02:30 (which never exists).
    zones = context_zones(lift, Profile(10, 15, immediate_window_min=60))
    assert zones[0].context is Context.IMMEDIATELY_AFTER
    assert zones[0].end == datetime(2024, 3, 31, 3, 30)


@pytest.mark.usefixtures("berlin")
def test_fall_back_an_hour_of_wall_time_is_two_real_hours() -> None:
    # 27 October 2024: 03:00 goes back to 02:00. A lift ending 01:30, a run at 03:00
    # (after the hour that happened twice): 2 h 30 min of real time, not 1 h 30 min.
    lift = _lift(datetime(2024, 10, 27, 0, 30), 60)
    run = _run(datetime(2024, 10, 27, 3, 0))
    assert elapsed_minutes(lift.end, run.start) == 150
    advice = advise_run(run, [lift], Profile(10, 15, immediate_window_min=120))
    assert advice.context is Context.SAME_DAY_LATER
    assert advice.gap_min == 150
    # The 6 h after the lift end at 06:30 wall time, 5 h of wall clock later.
    zones = {zone.context: zone for zone in context_zones(lift, Profile(10, 15))}
    assert after(lift.end, timedelta(hours=6)) == datetime(2024, 10, 27, 6, 30)
    assert zones[Context.SAME_DAY_LATER].end == datetime(2024, 10, 28, 0, 0)


@pytest.mark.usefixtures("berlin")
def test_an_ordinary_night_is_wall_clock_time() -> None:
    lift = _lift(datetime(2024, 5, 6, 22, 30), 60)
    run = _run(datetime(2024, 5, 7, 1, 0))
    assert elapsed_minutes(lift.end, run.start) == 90
    zones = context_zones(lift, Profile(10, 15))
    assert zones[1].end == datetime(2024, 5, 7, 5, 30)
