"""The caps a run after a deadlift keeps to, worked out once per profile and shown safely.

The article: no more than 80 percent of the maximum distance and 90 percent of the
maximum speed after a resistance workout. The caps shown are *safe* caps: distance
and speed are rounded down to the 0.1 shown, in the profile's units, so entering
exactly the shown number never warns and one shown step above always does. The
pace shown for a speed cap is rounded up (`units.format_pace`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from desktop.advice.limits import WATER_FLOOR_OZ
from desktop.advice.model import Profile
from desktop.advice.units import distance_from_km, distance_to_km, speed_from_kmh, speed_to_kmh

DISTANCE_CAP: Final = 0.8  # of max distance, in a run that follows a deadlift
SPEED_CAP: Final = 0.9  # of max speed, in a run that follows a deadlift
MODEST_SPEED: Final = 0.7  # of max speed: "a modest pace"
HILL_DISTANCE: Final = 0.5  # of max distance, for the day-after hill session
LONG_CONTINUOUS: Final = 0.5  # of max distance: a continuous run this long is "long-distance"
SORE_DISTANCE: Final = 0.3  # of max distance: the easy, shorter run for very sore legs
HILL_CLIMBS: Final = 6
SORE_HILL_CLIMBS: Final = 3
SORENESS_HIGH: Final = 7  # on the 0-10 scale: from here on, easy or rest
INTERVAL_REPS: Final = 8
INTERVAL_SPRINT_M: Final = 50
SHOWN_STEP: Final = 0.1  # distances and speeds are shown with one decimal
TOLERANCE: Final = 1e-6  # in shown units: float dust never turns "at the cap" into "over"
ARTICLE_WATER_OZ: Final = WATER_FLOOR_OZ  # "Drink at least 64 oz. of water per day."


def percent(fraction: float) -> str:
    """ "80%" for 0.8: texts quote the constants, never a typed number."""
    return f"{round(fraction * 100)}%"


def floor_shown(value: float) -> float:
    """Round down to the shown step, ignoring float dust (3.9999999 is 4.0)."""
    return math.floor(value / SHOWN_STEP + TOLERANCE) * SHOWN_STEP


@dataclass(frozen=True)
class Caps:
    """One profile's numbers, all in km and km/h, each already rounded as it is shown."""

    profile: Profile
    distance_km: float  # the 80% cap, shown value
    speed_kmh: float  # the 90% cap, shown value
    modest_speed_kmh: float
    hill_distance_km: float
    sore_distance_km: float
    long_continuous_km: float

    def shown_distance(self, km: float) -> float:
        """A distance in the profile's unit."""
        return distance_from_km(km, self.profile.distance_unit)

    def shown_speed(self, kmh: float) -> float:
        """A speed in the profile's unit."""
        return speed_from_kmh(kmh, self.profile.distance_unit)

    def distance_over(self, km: float | None) -> bool:
        """True when a run's distance is more than one shown step over the distance cap."""
        return km is not None and (
            self.shown_distance(km) > self.shown_distance(self.distance_km) + TOLERANCE
        )

    def speed_over(self, kmh: float | None) -> bool:
        """True when a run's speed is over the speed cap as shown."""
        return kmh is not None and (
            self.shown_speed(kmh) > self.shown_speed(self.speed_kmh) + TOLERANCE
        )


def _safe_distance(profile: Profile, km: float) -> float:
    unit = profile.distance_unit
    return distance_to_km(floor_shown(distance_from_km(km, unit)), unit)


def _safe_speed(profile: Profile, kmh: float) -> float:
    unit = profile.distance_unit
    return speed_to_kmh(floor_shown(speed_from_kmh(kmh, unit)), unit)


@lru_cache(maxsize=64)
def caps_for(profile: Profile) -> Caps:
    """The profile's caps, computed once and shared by every rule."""
    distance = profile.max_distance_km
    return Caps(
        profile=profile,
        distance_km=_safe_distance(profile, distance * DISTANCE_CAP),
        speed_kmh=_safe_speed(profile, profile.max_speed_kmh * SPEED_CAP),
        modest_speed_kmh=_safe_speed(profile, profile.max_speed_kmh * MODEST_SPEED),
        hill_distance_km=_safe_distance(profile, distance * HILL_DISTANCE),
        sore_distance_km=_safe_distance(profile, distance * SORE_DISTANCE),
        long_continuous_km=distance * LONG_CONTINUOUS,
    )
