"""How a week's distance is shared out over its run slots, in steps the profile shows."""

from __future__ import annotations

import math
from collections.abc import Sequence

from desktop.advice import units
from desktop.advice.model import Profile
from desktop.advice.plan_slots import Role, Slot

__all__ = ["MIN_RUN_KM", "WEIGHTS", "WITHIN", "shown_km", "shown_kmh", "split_distance"]

MIN_RUN_KM = 1.0  # ours: a shorter run is not worth planning
WITHIN = 0.10  # the weekly distance is met when the runs add up to it within 10%
# Relative shares of the distance: the long run the most, runs on deadlift days the least.
WEIGHTS = {Role.LONG: 1.5, Role.FREE: 1.0, Role.HILLS: 0.8, Role.EASY_LATER: 0.6}


def shown_km(km: float, profile: Profile) -> float:
    """`km` rounded down to the display precision in the profile's distance unit, in km."""
    return round(units.floor_distance_km(km, profile.distance_unit), 6)


def shown_kmh(kmh: float, profile: Profile) -> float:
    """`kmh` rounded down to the display precision in the profile's speed unit, in km/h."""
    return round(units.floor_speed_kmh(kmh, profile.distance_unit), 6)


def split_distance(slots: Sequence[Slot], weekly_km: float, profile: Profile) -> list[float]:
    """Each slot's distance: intervals fixed, the rest shared by weight under each cap.

    A run on a deadlift day never gets more than the largest run on a day without one,
    so the week's longest run stays off the deadlift days.
    """
    free_caps = [s.cap_km for s in slots if not s.lift_day]
    roof = max(free_caps) if free_caps else math.inf
    caps = [shown_km(min(s.cap_km, roof) if s.lift_day else s.cap_km, profile) for s in slots]
    shared = [i for i, s in enumerate(slots) if s.role is not Role.INTERVALS]
    distances = [0.0 if i in shared else caps[i] for i in range(len(slots))]
    rest = max(0.0, weekly_km - sum(distances))
    if shared and rest > 0:
        weights = {i: WEIGHTS[slots[i].role] for i in shared}
        low, high = 0.0, max(caps[i] / weights[i] for i in shared)
        for _ in range(50):  # bisection on the common level of the weighted shares
            level = (low + high) / 2
            if sum(min(caps[i], weights[i] * level) for i in shared) < rest:
                low = level
            else:
                high = level
        for i in shared:
            distances[i] = min(caps[i], weights[i] * high)
    shown = [shown_km(d, profile) if i in shared else d for i, d in enumerate(distances)]
    # Give back what rounding down took, a step at a time, free days and big shares first.
    step = units.distance_to_km(0.1, profile.distance_unit)
    order = sorted(shared, key=lambda i: (slots[i].lift_day, -WEIGHTS[slots[i].role]))
    while order and sum(shown) + step <= weekly_km + 1e-6:
        room = [i for i in order if shown[i] + step <= caps[i] + 1e-6]
        if not room:
            break
        shown[room[0]] = round(shown[room[0]] + step, 6)
        order.remove(room[0])
        order.append(room[0])
    free_top = max((d for d, s in zip(shown, slots, strict=True) if not s.lift_day), default=None)
    if free_top is not None:
        shown = [min(d, free_top) if s.lift_day else d for d, s in zip(shown, slots, strict=True)]
    return shown
