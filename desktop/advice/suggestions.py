"""The suggested run for a slot: intervals, easy, hills or long, built from the profile's caps."""

from __future__ import annotations

import math

from desktop.advice import texts
from desktop.advice.caps import (
    HILL_CLIMBS,
    INTERVAL_REPS,
    INTERVAL_SPRINT_M,
    SORE_HILL_CLIMBS,
    TOLERANCE,
    Caps,
)
from desktop.advice.model import Suggestion, Workout
from desktop.advice.number_style import format_general


def intervals(caps: Caps) -> Suggestion:
    """Sprints right after a lift: 8 x 50 m (fewer, shorter for a tiny max distance)."""
    sprint_km = INTERVAL_SPRINT_M / 1000
    reps = max(1, min(INTERVAL_REPS, math.floor(caps.distance_km / sprint_km + TOLERANCE)))
    sprint_m = min(float(INTERVAL_SPRINT_M), caps.distance_km * 1000 / reps)
    return Suggestion(
        workout=Workout.INTERVALS,
        distance_km=round(min(reps * sprint_m / 1000, caps.distance_km), 6),
        speed_kmh=caps.speed_kmh,
        text=texts.intervals_suggestion(reps, format_general(sprint_m, digits=3), caps),
    )


def easy(
    caps: Caps, reason: str, *, short: bool = False, limit_km: float | None = None
) -> Suggestion:
    """An easy run under the distance cap (shorter still on very sore legs, and never over
    `limit_km`, the tightest distance limit of the slot)."""
    distance = caps.sore_distance_km if short else caps.distance_km
    if limit_km is not None:
        distance = min(distance, limit_km)
    return Suggestion(
        workout=Workout.EASY,
        distance_km=distance,
        speed_kmh=caps.modest_speed_kmh,
        text=texts.easy_suggestion(distance, caps, reason),
    )


def hills(caps: Caps, *, sore: bool = False) -> Suggestion:
    """The day-after hill run; on very sore legs shorter, with fewer and steadier climbs."""
    distance = caps.sore_hill_distance_km if sore else caps.hill_distance_km
    climbs = SORE_HILL_CLIMBS if sore else HILL_CLIMBS
    return Suggestion(
        workout=Workout.HILLS,
        distance_km=distance,
        speed_kmh=None,
        text=texts.hills_suggestion(distance, climbs, caps, sore=sore),
    )


def long(caps: Caps) -> Suggestion:
    """The longest run, on a day far from any deadlift."""
    return Suggestion(
        workout=Workout.LONG,
        distance_km=round(float(caps.profile.max_distance_km), 6),
        speed_kmh=caps.modest_speed_kmh,
        text=texts.long_suggestion(caps),
    )
