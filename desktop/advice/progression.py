"""Plan a block of weeks: the weekly distance builds slowly and every fourth week is lighter.

This progression is Liftrun's, not the article's (the article says nothing about weeks).
It follows two conventional coaching rules of thumb for runners:

- the "10 percent rule": the weekly distance grows by at most 10% over the last full week;
- step loading: three building weeks, then a lighter recovery week (here 30% lighter), after
  which the build resumes from the last full week's level, not from the light week.

They are rules of thumb, not research findings: a systematic review of training volume,
duration, frequency and intensity against running-related injuries (PubMed Central
PMC3290924) found conflicting results and could not identify which training errors lead to
injuries. Treat the figures as a cautious default, not a proven limit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from desktop.advice.model import InvalidInputError, Profile, Session
from desktop.advice.planning import LiftSlot, WeekPlan, check_targets, check_week_start, plan_week
from desktop.advice.weeks import MAX_BLOCK_WEEKS

__all__ = ["DELOAD_EVERY", "DELOAD_SHARE", "GROWTH", "MAX_WEEKS", "plan_block", "weekly_targets"]

GROWTH = 0.10  # at most 10% more than the last full week
DELOAD_EVERY = 4  # every fourth week is a recovery week
DELOAD_SHARE = 0.30  # the recovery week is about 30% lighter than the week before it
MAX_WEEKS = MAX_BLOCK_WEEKS


def check_weeks(weeks: object) -> int:
    """The number of weeks (1-16), or `InvalidInputError`."""
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise InvalidInputError("The number of weeks must be a whole number.")
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInputError(f"Plan 1 to {MAX_WEEKS} weeks at a time, not {weeks}.")
    return weeks


def weekly_targets(first_km: float, weeks: int) -> tuple[float, ...]:
    """The run distance of each week, `first_km` in the first one.

    Weeks 4, 8, 12 and 16 are `DELOAD_SHARE` lighter than the week before; every other week
    is `GROWTH` more than the last full week (so a week after a light one is at most 10% over
    the full week before the light one, and the week after that grows from there).
    """
    check_weeks(weeks)
    _, first_km = check_targets(0, first_km)
    targets: list[float] = []
    last_full = _metres_down(first_km)
    for number in range(1, weeks + 1):
        if number % DELOAD_EVERY == 0:
            targets.append(_metres_down(last_full * (1 - DELOAD_SHARE)))
        elif number == 1 or (number - 1) % DELOAD_EVERY == 0:
            targets.append(last_full)  # the first week, or back to the last full week
        else:
            last_full = _metres_down(last_full * (1 + GROWTH))
            targets.append(last_full)
    return tuple(targets)


def _metres_down(km: float) -> float:
    """Rounded down to the metre, so rounding never adds to the growth."""
    return math.floor(km * 1000 + 1e-6) / 1000


def plan_block(
    first_week: date,
    weeks: int,
    lifts: Sequence[LiftSlot],
    profile: Profile,
    *,
    runs: int,
    weekly_km: float,
    long_run: bool = True,
    existing: Iterable[Session] = (),
) -> tuple[WeekPlan, ...]:
    """`weeks` consecutive week plans from `first_week` (the first day of a week), distance
    by `weekly_targets`.

    Each week is planned by `plan_week` around `existing` and the weeks planned before it.
    """
    first_week = check_week_start(first_week)
    weeks = check_weeks(weeks)
    runs, weekly_km = check_targets(runs, weekly_km)
    known = list(existing)
    plans: list[WeekPlan] = []
    for index, target in enumerate(weekly_targets(weekly_km, weeks)):
        plan = plan_week(
            first_week + timedelta(weeks=index),
            lifts,
            profile,
            runs=runs,
            weekly_km=target,
            long_run=long_run,
            existing=known,
        )
        known.extend(plan.sessions)
        plans.append(plan)
    return tuple(plans)
