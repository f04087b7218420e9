"""The clock rule: where a run sits relative to the deadlift before it.

Take the latest deadlift that *ended* at or before the run starts, and the real time
(`clock.elapsed`) from that end to the run's start:

- IMMEDIATELY_AFTER if the gap is at most the profile's window;
- otherwise SAME_DAY_LATER if the run starts on the lift's start day or the gap is at
  most `SAME_DAY_GAP` (6 h): a midnight does not end "later the same day";
- otherwise NEXT_DAY if the run starts on the calendar day after the lift's start day, or
  after its end day (a lift past midnight);
- otherwise NONE. "The day after" is a calendar day, never an hour count.

The caps, tips, suggestions, the day view, badges, the planner and the week view's
shading all use this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from desktop.advice.clock import after, elapsed, elapsed_minutes
from desktop.advice.history import History
from desktop.advice.model import Context, InvalidInputError, Kind, Profile, Session

# Strength work and a run within about 6 h still interfere (research note INTERFERENCE).
SAME_DAY_GAP: Final = timedelta(hours=6)
# Ours, not the article's: the longest run waits 48 h after a deadlift ended.
LONGEST_RUN_GAP: Final = timedelta(hours=48)

_ONE_DAY: Final = timedelta(days=1)
_ONE_MOMENT: Final = timedelta(microseconds=1)


@dataclass(frozen=True)
class Zone:
    """A stretch of clock time after a lift in which a run starting there has `context`.

    A run starting at or after `start` and before `end` has the context; a run exactly
    at a gap limit (the window, 6 h) still belongs to the zone that ends there,
    as the rule says "at most". Zones ignore other lifts: a later lift's zones win. The
    bounds are naive local times worked out in real time (`clock.after`).
    """

    context: Context
    start: datetime
    end: datetime


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def end_day(lift: Session) -> date:
    """The calendar day of the lift's last minute: a lift ending at 00:00 ended the day before."""
    return (lift.end - _ONE_MOMENT).date()


def is_day_after(lift: Session, moment: datetime) -> bool:
    """True when `moment` is on the calendar day after the lift's start day or its end day."""
    day = moment.date()
    return day in (lift.day + _ONE_DAY, end_day(lift) + _ONE_DAY)


def context_after(lift: Session, moment: datetime, profile: Profile) -> Context:
    """The context of a run starting at `moment`, for a deadlift that ended by then."""
    gap = elapsed(lift.end, moment)
    if gap < timedelta(0):
        return Context.NONE
    if gap <= timedelta(minutes=profile.immediate_window_min):
        return Context.IMMEDIATELY_AFTER
    if moment.date() == lift.day or gap <= SAME_DAY_GAP:
        return Context.SAME_DAY_LATER
    if is_day_after(lift, moment):
        return Context.NEXT_DAY
    return Context.NONE


def context_zones(lift: Session, profile: Profile) -> tuple[Zone, ...]:
    """The zones after a lift's end where a run is IMMEDIATELY_AFTER, SAME_DAY_LATER, NEXT_DAY.

    Empty zones are left out, so a lift ending near midnight may have no SAME_DAY_LATER
    beyond its 6 h. Used by the week view to shade the clock.
    """
    if not isinstance(lift, Session) or lift.kind is not Kind.DEADLIFT:
        raise InvalidInputError("Context zones are drawn after a deadlift.")
    if not isinstance(profile, Profile):
        raise InvalidInputError(f"Context zones need a Profile, not {type(profile).__name__}.")
    window_end = after(lift.end, timedelta(minutes=profile.immediate_window_min))
    same_day_end = max(_midnight(lift.day + _ONE_DAY), after(lift.end, SAME_DAY_GAP))
    next_day_end = _midnight(end_day(lift) + 2 * _ONE_DAY)
    bounds = (
        (Context.IMMEDIATELY_AFTER, lift.end, window_end),
        (Context.SAME_DAY_LATER, window_end, same_day_end),
        (Context.NEXT_DAY, max(window_end, same_day_end), next_day_end),
    )
    return tuple(Zone(context, start, end) for context, start, end in bounds if end > start)


def run_context(
    run: Session, history: History, profile: Profile, skip: Callable[[Session], bool]
) -> tuple[Context, Session | None, int | None]:
    """The run's context, the lift that sets it, and the gap in whole minutes."""
    lift = history.last_lift_ended_by(run.start, skip)
    if lift is None:
        return Context.NONE, None, None
    context = context_after(lift, run.start, profile)
    if context is Context.NONE:
        return Context.NONE, None, None
    return context, lift, elapsed_minutes(lift.end, run.start)
