"""The sentences a week plan adds when it cannot meet what was asked, and why."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.advice import units
from desktop.advice.model import Profile, Session
from desktop.advice.plan_distances import MIN_RUN_KM, WITHIN
from desktop.advice.plan_slots import LONG_RUN_REST_H, Role, Slot

__all__ = ["WEEKDAYS", "distance_text", "runs_text", "shortfall_notes"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def distance_text(km: float, profile: Profile) -> str:
    """A distance in the profile's unit, e.g. "8.0 km"."""
    return units.format_distance(km, profile.distance_unit)


def runs_text(count: int) -> str:
    """ "1 run" or "3 runs"."""
    return "1 run" if count == 1 else f"{count} runs"


def _lifts(count: int) -> str:
    return "1 deadlift" if count == 1 else f"{count} deadlifts"


def shortfall_notes(
    chosen: Sequence[Slot],
    planned: Sequence[Session],
    count: int,
    weekly_km: float,
    long_run: bool,
    profile: Profile,
    lifts: Sequence[Session],
) -> list[str]:
    """Sentences for each target the plan could not meet, and why; `lifts` are the week's."""
    notes: list[str] = []
    if len(chosen) < count:
        notes.append(
            f"Only {runs_text(len(chosen))} fit the article's rules around the deadlifts and "
            f"the sessions already planned; planned {runs_text(len(chosen))} instead of {count}."
        )
    longs = [s for s in chosen if s.role is Role.LONG]
    if long_run and count and not longs:
        notes.append(
            "No day this week is free of deadlifts, of the day after one, and of other "
            "sessions, so no long run was planned; move a deadlift to make room for one."
        )
    for slot in longs:
        if slot.rest_h < LONG_RUN_REST_H:
            notes.append(
                f"The long run on {WEEKDAYS[slot.start.weekday()]} starts "
                f"{slot.rest_h:.0f} h after the last deadlift ended; {LONG_RUN_REST_H:.0f} h "
                "or more would rest your legs better (our rule of thumb, not the article's)."
            )
    if planned and all(s.lift_day for s in chosen):
        notes.append(
            "Every run sits on a deadlift day, so the week's longest run does too; "
            "free a day of deadlifts for it."
        )
    total = sum(s.distance_km or 0.0 for s in planned)
    if abs(total - weekly_km) > WITHIN * weekly_km + 1e-6 and (planned or weekly_km > 0):
        if total < weekly_km:
            notes.append(
                f"The runs add up to {distance_text(total, profile)}, short of the "
                f"{distance_text(weekly_km, profile)} asked: runs near a deadlift are capped, "
                f"intervals are short, and {runs_text(len(planned))} around {_lifts(len(lifts))} "
                "hold no more. Add runs, or raise your longest run in the profile."
            )
        else:
            notes.append(
                f"The runs add up to {distance_text(total, profile)}, more than the "
                f"{distance_text(weekly_km, profile)} asked, because each run is at least "
                f"{distance_text(MIN_RUN_KM, profile)} or a set interval session."
            )
    return notes
