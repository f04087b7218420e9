"""Small builders for engine tests: a standard profile, lifts and runs on a fixed week."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from desktop.advice import Kind, Profile, Session, Workout

# Monday 2 March 2026; the tests put sessions on this week.
MONDAY = date(2026, 3, 2)
PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=15.0, immediate_window_min=60)


def at(day_offset: int, hh: int, mm: int = 0) -> datetime:
    """A clock time `day_offset` days after MONDAY."""
    return datetime.combine(MONDAY + timedelta(days=day_offset), datetime.min.time()).replace(
        hour=hh, minute=mm
    )


def lift(start: datetime, minutes: int = 60, **fields: Any) -> Session:
    """A deadlift session (spotter True unless given)."""
    fields.setdefault("spotter", True)
    return Session(kind=Kind.DEADLIFT, start=start, duration_min=minutes, **fields)


def run(
    start: datetime,
    minutes: int = 40,
    workout: Workout | None = Workout.EASY,
    distance_km: float | None = 5.0,
    speed_kmh: float | None = 10.0,
    **fields: Any,
) -> Session:
    """A run session (easy, 5 km at 10 km/h unless given)."""
    return Session(
        kind=Kind.RUN,
        start=start,
        duration_min=minutes,
        workout=workout,
        distance_km=distance_km,
        speed_kmh=speed_kmh,
        **fields,
    )


def codes(items: Any) -> list[str]:
    """The codes of warnings or tips, in order."""
    return [item.code for item in items]
