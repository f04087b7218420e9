"""The suite's one set of session builders: a standard profile, lifts and runs on a fixed week.

Every test that needs a valid `Session` builds it here and overrides only the fields it is
about, so a change to the domain's required fields is made once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop.advice.model import Kind, Profile, Session, Workout

# Monday 2 March 2026; the tests put sessions on this week.
MONDAY = date(2026, 3, 2)
PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=15.0, immediate_window_min=60)


def at(day_offset: int, hh: int, mm: int = 0) -> datetime:
    """A clock time `day_offset` days after MONDAY (negative for the days before)."""
    return datetime.combine(MONDAY + timedelta(days=day_offset), time(hh, mm))


def lift(start: datetime, minutes: int = 60, **fields: Any) -> Session:
    """A deadlift session: 5x3 at 140 kg with a spotter unless given; keywords set any field."""
    fields.setdefault("duration_min", minutes)
    fields.setdefault("spotter", True)
    fields.setdefault("sets", 5)
    fields.setdefault("reps", 3)
    fields.setdefault("load_kg", 140.0)
    return Session(kind=Kind.DEADLIFT, start=start, **fields)


def run(
    start: datetime,
    minutes: int = 40,
    workout: Workout | None = Workout.EASY,
    distance_km: float | None = 5.0,
    speed_kmh: float | None = 10.0,
    **fields: Any,
) -> Session:
    """A run session (easy, 5 km at 10 km/h unless given); keywords set any other field."""
    fields.setdefault("duration_min", minutes)
    return Session(
        kind=Kind.RUN,
        start=start,
        workout=workout,
        distance_km=distance_km,
        speed_kmh=speed_kmh,
        **fields,
    )


def codes(items: Iterable[Any]) -> list[str]:
    """The codes of warnings or tips, in order."""
    return [item.code for item in items]
