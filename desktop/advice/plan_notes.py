"""The sentences a week plan adds when it cannot meet what was asked, and why."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from desktop.advice import units
from desktop.advice.caps import caps_for
from desktop.advice.model import AdviceWarning, Profile, Session
from desktop.advice.plan_distances import MIN_RUN_KM, WITHIN
from desktop.advice.plan_slots import (
    EARLIEST_RUN,
    LATEST_END,
    LONG_RUN_REST_H,
    MAX_RUNS_A_DAY,
    SECOND_RUN_GAP,
    WARM_UP_MIN,
    Role,
    Slot,
)
from desktop.advice.texts import session_title

__all__ = [
    "WEEKDAYS",
    "distance_text",
    "existing_warning_notes",
    "long_run_fits_a_day",
    "runs_text",
    "shortfall_notes",
]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def distance_text(km: float, profile: Profile) -> str:
    """A distance in the profile's unit, e.g. "8.0 km"."""
    return units.format_distance(km, profile.distance_unit)


def runs_text(count: int) -> str:
    """ "1 run" or "3 runs"."""
    return "1 run" if count == 1 else f"{count} runs"


def _lifts(count: int) -> str:
    return "1 deadlift" if count == 1 else f"{count} deadlifts"


def _hours() -> str:
    return f"between {EARLIEST_RUN:%H:%M} and {LATEST_END:%H:%M}"


def long_run_minutes(profile: Profile) -> int:
    """How long the longest run takes at the modest pace, with the warm-up."""
    caps = caps_for(profile)
    return WARM_UP_MIN + math.ceil(profile.max_distance_km / caps.modest_speed_kmh * 60)


def long_run_fits_a_day(profile: Profile) -> bool:
    """True when the longest run at the modest pace fits the running hours of one day."""
    day = datetime.combine(date(2001, 1, 1), EARLIEST_RUN)
    latest = datetime.combine(day.date(), LATEST_END)
    return day + timedelta(minutes=long_run_minutes(profile)) <= latest


def _no_long_run(profile: Profile, lifts: Sequence[Session], others: bool) -> str:
    """Why no long run was planned: the real reason, never deadlifts that are not there."""
    if not long_run_fits_a_day(profile):
        caps = caps_for(profile)
        unit = profile.distance_unit
        return (
            f"A long run of {distance_text(profile.max_distance_km, profile)} at a modest "
            f"{units.format_speed(caps.modest_speed_kmh, unit)} takes about "
            f"{units.format_duration(long_run_minutes(profile))}, more than fits "
            f"{_hours()}, so no long run was planned; a shorter longest run or a higher top "
            "speed in the profile makes room for one."
        )
    if lifts:
        blockers = (
            "of deadlifts, of the day after one, and of other sessions"
            if others
            else ("of deadlifts and of the day after one")
        )
        return (
            f"No day this week is free {blockers}, so no long run was planned; move a "
            "deadlift to make room for one."
        )
    return (
        "No day this week has room for a long run beside the sessions already planned "
        f"{_hours()}, so no long run was planned; move a session to make room for one."
    )


def _too_few(chosen: int, count: int, lifts: Sequence[Session], others: bool) -> str:
    reasons = [f"the running hours ({_hours()})"]
    if lifts:
        reasons.insert(0, "the article's rules around the deadlifts")
    if others:
        reasons.append("the sessions already planned")
    reasons.append(f"at most {MAX_RUNS_A_DAY} runs a day, {SECOND_RUN_GAP.seconds // 3600} h apart")
    listed = ", ".join(reasons[:-1]) + " and " + reasons[-1]
    return f"Only {runs_text(chosen)} fit {listed}; planned {runs_text(chosen)} instead of {count}."


def shortfall_notes(
    chosen: Sequence[Slot],
    planned: Sequence[Session],
    count: int,
    weekly_km: float,
    long_run: bool,
    profile: Profile,
    lifts: Sequence[Session],
    *,
    others: bool = False,
    asked: int | None = None,
) -> list[str]:
    """Sentences for each target the plan could not meet, and why.

    `lifts` are the deadlifts that shape the week (its own and one the day before it);
    `others` says whether sessions already on the calendar take room in the week; `asked`
    is the number of runs asked for (`count` may be fewer when the distance is small).
    """
    notes: list[str] = []
    if count == 0:
        # Nothing to place: the only thing to say is that no run was asked for.
        if asked == 0 and weekly_km > 0:
            notes.append(
                f"No runs were asked for, so none of the {distance_text(weekly_km, profile)} "
                "is planned; ask for at least 1 run."
            )
        return notes
    if len(chosen) < count:
        notes.append(_too_few(len(chosen), count, lifts, others))
    longs = [s for s in chosen if s.role is Role.LONG]
    if long_run and count and not longs:
        notes.append(_no_long_run(profile, lifts, others))
    for slot in longs:
        if slot.rest_h < LONG_RUN_REST_H:
            notes.append(
                f"The long run on {WEEKDAYS[slot.start.weekday()]} starts "
                f"{slot.rest_h:.0f} h after the last deadlift ended; {LONG_RUN_REST_H:.0f} h "
                "or more would rest your legs better (our rule of thumb, not the article's)."
            )
    if planned and lifts and all(s.lift_day for s in chosen):
        notes.append(
            "Every run sits on a deadlift day, so the week's longest run does too; "
            "free a day of deadlifts for it."
        )
    total = sum(s.distance_km or 0.0 for s in planned)
    if abs(total - weekly_km) > WITHIN * weekly_km + 1e-6 and (planned or weekly_km > 0):
        if total < weekly_km:
            notes.append(_short_of(total, weekly_km, planned, lifts, profile))
        else:
            notes.append(
                f"The runs add up to {distance_text(total, profile)}, more than the "
                f"{distance_text(weekly_km, profile)} asked, because each run is at least "
                f"{distance_text(MIN_RUN_KM, profile)} or a set interval session."
            )
    return notes


def _short_of(
    total: float,
    weekly_km: float,
    planned: Sequence[Session],
    lifts: Sequence[Session],
    profile: Profile,
) -> str:
    caps = caps_for(profile)
    if lifts:
        why = (
            f"runs near a deadlift are capped, intervals are short, and "
            f"{runs_text(len(planned))} around {_lifts(len(lifts))} hold no more"
        )
    else:
        why = (
            f"an easy run is kept to {distance_text(caps.distance_km, profile)} so the long "
            f"run stays the week's longest, and {runs_text(len(planned))} hold no more"
        )
    return (
        f"The runs add up to {distance_text(total, profile)}, short of the "
        f"{distance_text(weekly_km, profile)} asked: {why}. Add runs, or raise your longest "
        "run in the profile."
    )


def existing_warning_notes(
    changed: Sequence[tuple[Session, AdviceWarning]], profile: Profile
) -> list[str]:
    """A note per session already on the calendar that the plan makes warn, and why."""
    return [
        f"The session already planned on {WEEKDAYS[session.start.weekday()]} at "
        f"{session.start:%H:%M} ({session_title(session, profile)}) would warn with this "
        f"plan: {warning.message}"
        for session, warning in changed
    ]
