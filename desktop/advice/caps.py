"""The caps a run keeps to, worked out once per profile, and the limits that apply to a run.

The article: no more than 80 percent of the maximum distance and 90 percent of the
maximum speed after a resistance workout. Every limit here is a *shown* limit: rounded
down to the display precision in the profile's units (`units.floor_distance_km`), so
the number a person reads is the limit itself. A rule compares the run's value as shown
with the limit as shown (`Caps.distance_over`, `Caps.speed_over`): a value shown equal to
its limit never warns, one shown a step above always does, in km and in miles alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from desktop.advice.limits import WATER_FLOOR_OZ
from desktop.advice.model import Context, Profile, Workout
from desktop.advice.units import (
    distance_decimals,
    distance_to_km,
    floor_distance_km,
    floor_speed_kmh,
    shown_distance,
    shown_speed,
)

DISTANCE_CAP: Final = 0.8  # of max distance, in a run that follows a deadlift
SPEED_CAP: Final = 0.9  # of max speed, in a run that follows a deadlift
MODEST_SPEED: Final = 0.7  # of max speed: "a modest pace"
HILL_DISTANCE: Final = 0.5  # of max distance, for the day-after hill session
# Ours: a hill session is a power workout; beyond about 20 km it is a long run with hills.
HILL_MAX_KM: Final = 20.0
LONG_CONTINUOUS: Final = 0.5  # of max distance: a continuous run this long is "long-distance"
SORE_DISTANCE: Final = 0.3  # of max distance: the easy, shorter run for very sore legs
HILL_CLIMBS: Final = 6
SORE_HILL_CLIMBS: Final = 3
SORENESS_HIGH: Final = 7  # on the 0-10 scale: from here on, easy or rest
INTERVAL_REPS: Final = 8
INTERVAL_SPRINT_M: Final = 50
TOLERANCE: Final = 1e-6  # float dust never turns "at the cap" into "over"
ARTICLE_WATER_OZ: Final = WATER_FLOOR_OZ  # "Drink at least 64 oz. of water per day."
# The contexts that follow a resistance workout, where the 80/90% caps apply.
CAPPED: Final = frozenset({Context.IMMEDIATELY_AFTER, Context.SAME_DAY_LATER})


def percent(fraction: float) -> str:
    """ "80%" for 0.8: texts quote the constants, never a typed number."""
    return f"{round(fraction * 100)}%"


def is_sore(soreness: int | None) -> bool:
    """True at SORENESS_HIGH (7) or more on the day's 0-10 rating."""
    return soreness is not None and soreness >= SORENESS_HIGH


@dataclass(frozen=True)
class Caps:
    """One profile's limits, all in km and km/h, each already rounded down as it is shown."""

    profile: Profile
    distance_km: float  # the 80% cap
    speed_kmh: float  # the 90% cap
    modest_speed_kmh: float
    hill_distance_km: float
    sore_distance_km: float
    sore_hill_distance_km: float
    long_continuous_km: float

    def distance_over(self, km: float | None, limit_km: float) -> bool:
        """True when a distance, as shown, is above a limit as shown."""
        unit = self.profile.distance_unit
        return km is not None and shown_distance(km, unit) > shown_distance(limit_km, unit)

    def distance_at_least(self, km: float | None, limit_km: float) -> bool:
        """True when a distance, as shown, reaches a limit as shown."""
        unit = self.profile.distance_unit
        return km is not None and shown_distance(km, unit) >= shown_distance(limit_km, unit)

    def speed_over(self, kmh: float | None, limit_kmh: float) -> bool:
        """True when a speed, as shown, is above a limit as shown."""
        unit = self.profile.distance_unit
        return kmh is not None and shown_speed(kmh, unit) > shown_speed(limit_kmh, unit)


def _shown_km(profile: Profile, km: float) -> float:
    """`km` rounded down as shown, but never below one shown step (no "0.0 km")."""
    unit = profile.distance_unit
    one_step_km = distance_to_km(10.0 ** -distance_decimals(unit), unit)
    return max(floor_distance_km(km, unit), one_step_km)


def _shown_kmh(profile: Profile, kmh: float) -> float:
    return floor_speed_kmh(kmh, profile.distance_unit)


@lru_cache(maxsize=64)
def caps_for(profile: Profile) -> Caps:
    """The profile's caps, computed once and shared by every rule."""
    distance = profile.max_distance_km
    return Caps(
        profile=profile,
        distance_km=_shown_km(profile, distance * DISTANCE_CAP),
        speed_kmh=_shown_kmh(profile, profile.max_speed_kmh * SPEED_CAP),
        modest_speed_kmh=_shown_kmh(profile, profile.max_speed_kmh * MODEST_SPEED),
        hill_distance_km=_shown_km(profile, min(distance * HILL_DISTANCE, HILL_MAX_KM)),
        sore_distance_km=_shown_km(profile, distance * SORE_DISTANCE),
        sore_hill_distance_km=_shown_km(profile, min(distance * SORE_DISTANCE, HILL_MAX_KM)),
        long_continuous_km=_shown_km(profile, distance * LONG_CONTINUOUS),
    )


def long_run_limit_applies(context: Context, workout: Workout | None) -> bool:
    """Right after a lift, a continuous (non-interval) run is held to the long-run threshold."""
    return context is Context.IMMEDIATELY_AFTER and workout is not Workout.INTERVALS


def run_limits(
    caps: Caps, context: Context, workout: Workout | None, soreness: int | None
) -> tuple[float | None, float | None]:
    """The tightest distance (km) and speed (km/h) limits for a run of `workout` in `context`.

    The 80/90% caps after a lift, the long-run threshold right after one for a continuous
    run, and on very sore legs the shorter easy distance and the speed cap in any context.
    None where nothing limits the run.
    """
    distances: list[float] = []
    speeds: list[float] = []
    if context in CAPPED:
        distances.append(caps.distance_km)
        speeds.append(caps.speed_kmh)
    if long_run_limit_applies(context, workout):
        distances.append(caps.long_continuous_km)
    if is_sore(soreness):
        distances.append(caps.sore_distance_km)
        speeds.append(caps.speed_kmh)
    return min(distances, default=None), min(speeds, default=None)
