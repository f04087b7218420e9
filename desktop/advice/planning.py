"""Plan a week of deadlifts and runs by the article's pattern, checked by the engine's own advice.

The article says where each run belongs: sprint intervals right after a deadlift, a capped
easy run later that day, hills the day after, and the longest run away from deadlift days.
`plan_week` places the deadlifts the user asks for, proposes run slots by that pattern, asks
the public engine (`advise_run`) what each slot is (so a change to the engine's rules moves
the slots with it), splits the weekly distance over the chosen runs under the caps, and then
checks every new session with `advise_run`/`advise_lift` against the whole would-be calendar:
a slot whose session still warns is dropped and another one taken.

Decisions that are ours, not the article's:
- Runs start between 06:00 and 22:00 and end by 22:30; no run goes before the deadlift on a
  deadlift day (the article speaks only of runs after it).
- Each run is at least `MIN_RUN_KM`; a weekly distance too small for the runs asked plans fewer.
- Interval sessions are the engine's own prescription (sprints, walk back) and keep its
  distance; hill runs stay within the engine's hill suggestion; easy runs on days without a
  deadlift stay within the after-lift distance cap, so the LONG run is the week's longest.
- The long run goes where the most time has passed since the last deadlift ended, ideally at
  least `LONG_RUN_REST_H` (48 h, our rule of thumb: soreness after heavy eccentric work peaks
  a day or more later), and a note says when that cannot be had.
- Distances and speeds are rounded down to 0.1 in the profile's units, so a shown value is
  never above a cap.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

import desktop.advice as engine
from desktop.advice import units
from desktop.advice.model import InvalidInputError, Kind, Profile, Session
from desktop.advice.plan_slots import (
    LONG_RUN_REST_H,
    SECOND_RUN_GAP,
    WARM_UP_MIN,
    Role,
    Slot,
    find_slots,
)

__all__ = ["MIN_RUN_KM", "LiftSlot", "WeekPlan", "plan_week"]

MIN_RUN_KM = 1.0
MAX_RUNS = 7
# How far around the week existing sessions are handed to the engine as context.
CONTEXT_MARGIN = timedelta(days=7)
WITHIN = 0.10  # the weekly distance is met when the runs add up to it within 10%
MAX_RUNS_A_DAY = 2  # ours, like the 5 h between them
# Relative shares when the weekly distance is split (see `_split`).
_WEIGHTS = {Role.LONG: 1.5, Role.FREE: 1.0, Role.HILLS: 0.8, Role.EASY_LATER: 0.6}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class LiftSlot:
    """A deadlift the user wants each week: weekday (0 = Monday), start time, minutes."""

    weekday: int
    start: time
    duration_min: int

    def __post_init__(self) -> None:
        if isinstance(self.weekday, bool) or not isinstance(self.weekday, int):
            raise InvalidInputError("A deadlift's weekday must be a whole number (0 = Monday).")
        if not 0 <= self.weekday <= 6:
            raise InvalidInputError(
                f"A deadlift's weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}."
            )
        if not isinstance(self.start, time) or self.start.tzinfo is not None:
            raise InvalidInputError("A deadlift's start must be a local clock time.")
        if isinstance(self.duration_min, bool) or not isinstance(self.duration_min, int):
            raise InvalidInputError("A deadlift's duration must be a whole number of minutes.")
        if not 1 <= self.duration_min <= 24 * 60:
            raise InvalidInputError("A deadlift must last between 1 and 1440 minutes.")

    def at(self, week_start: date) -> datetime:
        """The slot's start in the week beginning `week_start`."""
        return datetime.combine(week_start + timedelta(days=self.weekday), self.start)


@dataclass(frozen=True)
class WeekPlan:
    """The new sessions of a week, in time order, and sentences for what could not be met."""

    sessions: tuple[Session, ...]
    notes: tuple[str, ...] = ()

    @property
    def run_km(self) -> float:
        """The planned run distance of the new runs."""
        return sum(s.distance_km or 0.0 for s in self.sessions if s.kind is Kind.RUN)


def check_week_start(week_start: object) -> date:
    """The week's Monday, or `InvalidInputError` with a sentence saying what is wrong."""
    if isinstance(week_start, datetime):
        week_start = week_start.date()
    if not isinstance(week_start, date):
        raise InvalidInputError(f"A week starts on a date, not {type(week_start).__name__}.")
    if week_start.weekday() != 0:
        raise InvalidInputError(
            f"A week starts on a Monday; {week_start.isoformat()} is a "
            f"{_WEEKDAYS[week_start.weekday()]}."
        )
    if not date(1, 1, 10) <= week_start <= date(9999, 12, 10):
        raise InvalidInputError("That week is out of range.")
    return week_start


def check_targets(runs: object, weekly_km: object) -> tuple[int, float]:
    """The run count (0-7) and weekly distance (0 or more), or `InvalidInputError`."""
    if isinstance(runs, bool) or not isinstance(runs, int):
        raise InvalidInputError("The number of runs must be a whole number.")
    if not 0 <= runs <= MAX_RUNS:
        raise InvalidInputError(f"Plan 0 to {MAX_RUNS} runs a week, not {runs}.")
    if isinstance(weekly_km, bool) or not isinstance(weekly_km, int | float):
        raise InvalidInputError("The weekly distance must be a number.")
    if not math.isfinite(weekly_km) or weekly_km < 0:
        raise InvalidInputError("The weekly distance must be 0 or more.")
    return runs, float(weekly_km)


def check_lifts(lifts: object) -> tuple[LiftSlot, ...]:
    """The lift slots in time order, or `InvalidInputError` when one is wrong or two overlap."""
    if isinstance(lifts, str | bytes) or not isinstance(lifts, Iterable):
        raise InvalidInputError("The deadlifts must be a list of lift slots.")
    slots = tuple(lifts)
    for slot in slots:
        if not isinstance(slot, LiftSlot):
            raise InvalidInputError(
                f"A deadlift slot must be a LiftSlot, not {type(slot).__name__}."
            )
    ordered = tuple(sorted(slots, key=lambda s: (s.weekday, s.start)))
    monday = date(2001, 1, 1)  # any Monday: only the slots' relative times matter
    spans = [(s.at(monday), s.at(monday) + timedelta(minutes=s.duration_min)) for s in ordered]
    # A slot late on Sunday may run into next Monday's first slot.
    if spans:
        spans.append((spans[0][0] + timedelta(days=7), spans[0][1] + timedelta(days=7)))
    for index, (first, second) in enumerate(itertools.pairwise(spans)):
        if second[0] < first[1]:
            a, b = ordered[index], ordered[(index + 1) % len(ordered)]
            raise InvalidInputError(
                f"The deadlifts on {_WEEKDAYS[a.weekday]} at {a.start:%H:%M} and "
                f"{_WEEKDAYS[b.weekday]} at {b.start:%H:%M} overlap; move one of them."
            )
    return ordered


def _context_sessions(existing: Iterable[Session], week_start: date) -> list[Session]:
    """Existing sessions near enough to the week to matter to the engine's advice."""
    if isinstance(existing, str | bytes) or not isinstance(existing, Iterable):
        raise InvalidInputError("The existing sessions must be a list of sessions.")
    low = datetime.combine(week_start, time()) - CONTEXT_MARGIN
    high = datetime.combine(week_start + timedelta(days=7), time()) + CONTEXT_MARGIN
    kept: list[Session] = []
    for session in existing:
        if not isinstance(session, Session):
            raise InvalidInputError(
                f"An existing session must be a Session, not {type(session).__name__}."
            )
        if low <= session.start < high:
            kept.append(session)
    return kept


def _shown_km(km: float, profile: Profile) -> float:
    """`km` rounded down to 0.1 in the profile's distance unit, back in km."""
    value = units.distance_from_km(km, profile.distance_unit)
    return round(units.distance_to_km(math.floor(value * 10 + 1e-6) / 10, profile.distance_unit), 6)


def _shown_kmh(kmh: float, profile: Profile) -> float:
    """`kmh` rounded down to 0.1 in the profile's speed unit, back in km/h."""
    value = units.speed_from_kmh(kmh, profile.distance_unit)
    return round(units.speed_to_kmh(math.floor(value * 10 + 1e-6) / 10, profile.distance_unit), 6)


def _split(slots: Sequence[Slot], weekly_km: float, profile: Profile) -> list[float]:
    """Each slot's distance: intervals fixed, the rest shared by weight under each cap.

    A run on a deadlift day never gets more than the largest run on a day without one,
    so the week's longest run stays off the deadlift days.
    """
    free_caps = [s.cap_km for s in slots if not s.lift_day]
    roof = max(free_caps) if free_caps else math.inf
    caps = [_shown_km(min(s.cap_km, roof) if s.lift_day else s.cap_km, profile) for s in slots]
    shared = [i for i, s in enumerate(slots) if s.role is not Role.INTERVALS]
    distances = [0.0 if i in shared else caps[i] for i in range(len(slots))]
    rest = max(0.0, weekly_km - sum(distances))
    if shared and rest > 0:
        weights = {i: _WEIGHTS[slots[i].role] for i in shared}
        low, high = 0.0, max(caps[i] / weights[i] for i in shared)
        for _ in range(50):  # bisection on the common level of the weighted shares
            level = (low + high) / 2
            if sum(min(caps[i], weights[i] * level) for i in shared) < rest:
                low = level
            else:
                high = level
        for i in shared:
            distances[i] = min(caps[i], weights[i] * high)
    shown = [_shown_km(d, profile) if i in shared else d for i, d in enumerate(distances)]
    # Give back what rounding down took, a step at a time, free days and big shares first.
    step = units.distance_to_km(0.1, profile.distance_unit)
    order = sorted(shared, key=lambda i: (slots[i].lift_day, -_WEIGHTS[slots[i].role]))
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


def _run(slot: Slot, distance_km: float, profile: Profile) -> Session:
    """The run a slot holds at `distance_km`, at a speed shown no higher than planned."""
    speed = None if slot.speed_kmh is None else _shown_kmh(slot.speed_kmh, profile)
    if slot.role is Role.INTERVALS:
        minutes = slot.duration_min
    else:
        minutes = WARM_UP_MIN + max(1, math.ceil(distance_km / slot.pace_kmh * 60))
        minutes = min(minutes, slot.duration_min)
    return Session(
        kind=Kind.RUN,
        start=slot.start,
        duration_min=minutes,
        workout=slot.workout,
        distance_km=distance_km,
        speed_kmh=speed,
    )


def _new_lifts(
    week_start: date, slots: Sequence[LiftSlot], context: Sequence[Session], profile: Profile
) -> tuple[list[Session], list[str]]:
    """The week's new deadlifts; one on the calendar already, or one that warns, is left out."""
    lifts: list[Session] = []
    notes: list[str] = []
    for slot in slots:
        lift = Session(
            kind=Kind.DEADLIFT,
            start=slot.at(week_start),
            duration_min=slot.duration_min,
            spotter=True,
        )
        if any(s.kind is Kind.DEADLIFT and s.start == lift.start for s in context):
            continue  # that deadlift is on the calendar already
        advice = engine.advise_lift(lift, engine.History([*context, *lifts]), profile)
        if advice.warnings:
            notes.append(
                f"The deadlift on {_WEEKDAYS[slot.weekday]} at {slot.start:%H:%M} was left "
                f"out: {advice.warnings[0].message}"
            )
            continue
        lifts.append(lift)
    return lifts, notes


def _clash(slot: Slot, chosen: Sequence[Slot]) -> bool:
    """True when `slot` cannot join `chosen`: it overlaps a slot, comes within
    `SECOND_RUN_GAP` of a run that day, or the day has its `MAX_RUNS_A_DAY` already."""
    same_day = [c for c in chosen if c.day == slot.day]
    if len(same_day) >= MAX_RUNS_A_DAY:
        return True
    return any(
        slot.start < c.end + SECOND_RUN_GAP and c.start < slot.end + SECOND_RUN_GAP
        for c in same_day
    )


def _choose(slots: Sequence[Slot], count: int, weekly_km: float, long_run: bool) -> list[Slot]:
    """`count` slots in the article's order, traded for roomier ones when distance is short."""
    chosen: list[Slot] = []
    for slot in slots:
        if len(chosen) == count:
            break
        if slot.role is Role.LONG and (not long_run or any(c.role is Role.LONG for c in chosen)):
            continue
        if not _clash(slot, chosen):
            chosen.append(slot)
    unused = [s for s in slots if s not in chosen and s.role is not Role.LONG]
    while chosen and sum(c.cap_km for c in chosen) < (1 - WITHIN) * weekly_km:
        swappable = [c for c in chosen if c.role is not Role.LONG]
        smallest = min(swappable, key=lambda c: c.cap_km, default=None)
        if smallest is None:
            break
        others = [c for c in chosen if c is not smallest]
        roomier = [s for s in unused if s.cap_km > smallest.cap_km + 1e-9 and not _clash(s, others)]
        if not roomier:
            break
        taken_days = {c.day for c in others}
        # The roomiest; of equals, one on a day without a run yet, then the earliest listed.
        best = max(roomier, key=lambda s: (s.cap_km, s.day not in taken_days))
        chosen[chosen.index(smallest)] = best
        unused.remove(best)
    if chosen and all(c.lift_day for c in chosen):
        # The week's longest run belongs on a day without a deadlift: swap one in if any fits.
        spare = [s for s in unused if not s.lift_day and not _clash(s, chosen[:-1])]
        if spare:
            chosen[-1] = spare[0]
    return sorted(chosen, key=lambda s: s.start)


def _offender(
    runs: list[Session], lifts: Sequence[Session], context: Sequence[Session], profile: Profile
) -> tuple[list[Session], int | None]:
    """The runs held to the engine's caps, and the index of a run to drop when one still warns.

    A new deadlift that only warns once the runs are in costs the run nearest to it.
    """
    checked = list(runs)
    history = engine.History([*context, *lifts, *checked])
    for index, run in enumerate(checked):
        advice = engine.advise_run(run, history, profile)
        if not advice.warnings:
            continue
        safer = run
        if advice.max_distance_km is not None and (run.distance_km or 0.0) > advice.max_distance_km:
            safer = replace(safer, distance_km=_shown_km(advice.max_distance_km, profile))
        if (
            advice.max_speed_kmh is not None
            and safer.speed_kmh is not None
            and safer.speed_kmh > advice.max_speed_kmh
        ):
            safer = replace(safer, speed_kmh=_shown_kmh(advice.max_speed_kmh, profile))
        if safer == run:
            return checked, index
        checked[index] = safer
        history = engine.History([*context, *lifts, *checked])
        if engine.advise_run(safer, history, profile).warnings:
            return checked, index
    for lift in lifts:
        if engine.advise_lift(lift, history, profile).warnings and checked:
            nearest = min(range(len(checked)), key=lambda i: abs(checked[i].start - lift.start))
            return checked, nearest
    return checked, None


def _free_cap(profile: Profile) -> float:
    """The engine's distance cap after a deadlift: our limit for easy runs on free days too."""
    probe = Session(
        kind=Kind.DEADLIFT, start=datetime(2001, 1, 1, 12), duration_min=60, spotter=True
    )
    cap = engine.advise_lift(probe, (), profile).max_distance_km
    return profile.max_distance_km if cap is None else min(cap, profile.max_distance_km)


def plan_week(
    week_start: date,
    lifts: Sequence[LiftSlot],
    profile: Profile,
    *,
    runs: int,
    weekly_km: float,
    long_run: bool = True,
    existing: Iterable[Session] = (),
) -> WeekPlan:
    """The week's deadlifts and `runs` runs adding up to `weekly_km`, by the article's rules.

    `existing` sessions are obstacles and context (the sessions just before the week
    included); they do not count toward `runs` or `weekly_km`. Every new session is planned
    (`done=False`), deadlifts have a spotter, and none of them gets a warning from the
    engine. `notes` says, in sentences, whatever could not be met.
    """
    week_start = check_week_start(week_start)
    slots = check_lifts(lifts)
    runs, weekly_km = check_targets(runs, weekly_km)
    if not isinstance(profile, Profile):
        raise InvalidInputError(f"Planning needs a Profile, not {type(profile).__name__}.")
    context = _context_sessions(existing, week_start)
    new_lifts, notes = _new_lifts(week_start, slots, context, profile)
    history = engine.History([*context, *new_lifts])

    count = runs
    if weekly_km < runs * MIN_RUN_KM:
        count = int(weekly_km // MIN_RUN_KM + 1e-9)
        notes.append(
            f"{_distance(weekly_km, profile)} a week leaves room for {_runs(count)} of at "
            f"least {_distance(MIN_RUN_KM, profile)}; planned {_runs(count)} instead of {runs}."
        )
    candidates = find_slots(week_start, history, profile, _free_cap(profile))
    rejected: set[Slot] = set()
    while True:
        chosen = _choose([c for c in candidates if c not in rejected], count, weekly_km, long_run)
        distances = _split(chosen, weekly_km, profile)
        planned = [_run(slot, km, profile) for slot, km in zip(chosen, distances, strict=True)]
        planned, bad = _offender(planned, new_lifts, context, profile)
        if bad is None:
            break
        rejected.add(chosen[bad])
    notes.extend(_shortfalls(chosen, planned, count, weekly_km, long_run, profile, history))
    sessions = sorted([*new_lifts, *planned], key=lambda s: (s.start, s.kind.value))
    return WeekPlan(sessions=tuple(sessions), notes=tuple(notes))


def _distance(km: float, profile: Profile) -> str:
    return units.format_distance(km, profile.distance_unit)


def _runs(count: int) -> str:
    return "1 run" if count == 1 else f"{count} runs"


def _shortfalls(
    chosen: Sequence[Slot],
    planned: Sequence[Session],
    count: int,
    weekly_km: float,
    long_run: bool,
    profile: Profile,
    history: engine.History,
) -> list[str]:
    """Sentences for each target the plan could not meet, and why."""
    notes: list[str] = []
    lift_count = sum(1 for s in history if s.kind is Kind.DEADLIFT)
    if len(chosen) < count:
        notes.append(
            f"Only {_runs(len(chosen))} fit the article's rules around the deadlifts and "
            f"the sessions already planned; planned {_runs(len(chosen))} instead of {count}."
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
                f"The long run on {_WEEKDAYS[slot.start.weekday()]} starts "
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
                f"The runs add up to {_distance(total, profile)}, short of the "
                f"{_distance(weekly_km, profile)} asked: after a deadlift runs are capped at "
                f"80% of your longest run ({_distance(profile.max_distance_km, profile)}), "
                f"intervals are short and {_runs(len(planned))} with {lift_count} "
                "deadlifts can hold no more. Add runs or raise your longest run in the profile."
            )
        else:
            notes.append(
                f"The runs add up to {_distance(total, profile)}, more than the "
                f"{_distance(weekly_km, profile)} asked, because each run is at least "
                f"{_distance(MIN_RUN_KM, profile)} or a set interval session."
            )
    return notes
