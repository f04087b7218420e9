"""Rule 1: the context of a run, from the latest deadlift that ended before it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.advice import Context, Profile, Session, advise_run
from tests.builders import PROFILE, at, lift, run

# Lift 07:00-08:00 on day 0 unless the case says otherwise; window 60 min.
CASES: list[tuple[str, list[Session], datetime, Context, int | None]] = [
    ("right after, 0 min", [lift(at(0, 7))], at(0, 8, 0), Context.IMMEDIATELY_AFTER, 0),
    ("45 min after", [lift(at(0, 7))], at(0, 8, 45), Context.IMMEDIATELY_AFTER, 45),
    ("exactly at the window", [lift(at(0, 7))], at(0, 9, 0), Context.IMMEDIATELY_AFTER, 60),
    ("one minute past", [lift(at(0, 7))], at(0, 9, 1), Context.SAME_DAY_LATER, 61),
    ("hours later", [lift(at(0, 7))], at(0, 18, 10), Context.SAME_DAY_LATER, 610),
    ("next day", [lift(at(0, 7))], at(1, 7), Context.NEXT_DAY, 1380),
    ("two days later", [lift(at(0, 7))], at(2, 7), Context.NONE, None),
    ("no lifts", [], at(0, 9), Context.NONE, None),
    ("lift later same day", [lift(at(0, 18))], at(0, 7), Context.NONE, None),
    ("run during the lift", [lift(at(0, 7))], at(0, 7, 30), Context.NONE, None),
    # Midnight: lift 22:45-23:45, run 00:30 next day = 45 min -> immediately after.
    (
        "across midnight, in window",
        [lift(at(0, 22, 45))],
        at(1, 0, 30),
        Context.IMMEDIATELY_AFTER,
        45,
    ),
    # Lift 22:00-23:00, run 01:00 next day = 120 min: within 6 h, still "later the same day".
    ("across midnight, past window", [lift(at(0, 22))], at(1, 1), Context.SAME_DAY_LATER, 120),
    # A lift spanning midnight, run right after it ends.
    (
        "lift spans midnight",
        [lift(at(0, 23, 30), minutes=90)],
        at(1, 1, 30),
        Context.IMMEDIATELY_AFTER,
        30,
    ),
    # Two lifts a day: the later one sets the context.
    (
        "two lifts, later sets context",
        [lift(at(0, 7)), lift(at(0, 12))],
        at(0, 13, 30),
        Context.IMMEDIATELY_AFTER,
        30,
    ),
    (
        "two lifts, run between them",
        [lift(at(0, 7)), lift(at(0, 12))],
        at(0, 10),
        Context.SAME_DAY_LATER,
        120,
    ),
    (
        "yesterday and today",
        [lift(at(-1, 7)), lift(at(0, 7))],
        at(0, 12),
        Context.SAME_DAY_LATER,
        240,
    ),
    (
        "yesterday, and later today",
        [lift(at(-1, 7)), lift(at(0, 18))],
        at(0, 9),
        Context.NEXT_DAY,
        1500,
    ),
    (
        "earlier lifts far back ignored",
        [lift(at(-10, 7)), lift(at(-5, 7))],
        at(0, 9),
        Context.NONE,
        None,
    ),
]


@pytest.mark.parametrize(
    ("sessions", "start", "context", "gap"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_context(
    sessions: list[Session], start: datetime, context: Context, gap: int | None
) -> None:
    advice = advise_run(run(start), sessions, PROFILE)
    assert advice.context is context
    assert advice.gap_min == gap
    if context is Context.NONE:
        assert advice.deadlift is None
    else:
        assert advice.deadlift in sessions


@pytest.mark.parametrize(
    ("window", "minutes_after", "context"),
    [
        (10, 10, Context.IMMEDIATELY_AFTER),
        (10, 11, Context.SAME_DAY_LATER),
        (180, 180, Context.IMMEDIATELY_AFTER),
        (180, 181, Context.SAME_DAY_LATER),
        (30, 30, Context.IMMEDIATELY_AFTER),
        (30, 31, Context.SAME_DAY_LATER),
        (120, 120, Context.IMMEDIATELY_AFTER),
        (120, 121, Context.SAME_DAY_LATER),
    ],
)
def test_window_comes_from_profile(window: int, minutes_after: int, context: Context) -> None:
    profile = Profile(max_distance_km=10, max_speed_kmh=15, immediate_window_min=window)
    lifted = lift(at(0, 7))
    subject = run(lifted.end + timedelta(minutes=minutes_after))
    assert advise_run(subject, [lifted], profile).context is context


def test_seconds_past_the_window_count() -> None:
    lifted = lift(at(0, 7))
    subject = run(at(0, 9).replace(second=30))
    assert advise_run(subject, [lifted], PROFILE).context is Context.SAME_DAY_LATER


def test_later_deadlift_the_same_day_does_not_make_a_run_after_it() -> None:
    advice = advise_run(run(at(0, 6)), [lift(at(0, 6, 30)), lift(at(0, 18))], PROFILE)
    assert advice.context is Context.NONE
    assert advice.max_distance_km is None
    assert advice.max_speed_kmh is None
