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

from desktop.advice import rules as engine
from desktop.advice.limits import too_large
from desktop.advice.model import AdviceWarning, InvalidInputError, Kind, Profile, Session
from desktop.advice.plan_distances import (
    MIN_RUN_KM,
    WITHIN,
    shown_km,
    shown_kmh,
    split_distance,
)
from desktop.advice.plan_notes import (
    WEEKDAYS,
    distance_text,
    existing_warning_notes,
    runs_text,
    shortfall_notes,
)
from desktop.advice.plan_slots import (
    MAX_RUNS_A_DAY,
    SECOND_RUN_GAP,
    WARM_UP_MIN,
    Role,
    Slot,
    find_slots,
)
from desktop.advice.weeks import DAYS_IN_WEEK, MAX_WEEKLY_KM

__all__ = ["MIN_RUN_KM", "LiftSlot", "WeekPlan", "plan_week"]

MAX_RUNS = 7
# How far around the week existing sessions are handed to the engine as context.
CONTEXT_MARGIN = timedelta(days=7)


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
        """The slot's start in the seven days from `week_start` (any weekday: a Sunday-first
        week puts a Monday slot on its second day)."""
        offset = (self.weekday - week_start.weekday()) % DAYS_IN_WEEK
        return datetime.combine(week_start + timedelta(days=offset), self.start)


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
    """The week's first day, or `InvalidInputError` with a sentence saying what is wrong.

    A week is the seven days from any weekday: the person's first day of the week (Monday
    in most of Europe, Sunday in the US), which the window passes in.
    """
    if isinstance(week_start, datetime):
        week_start = week_start.date()
    if not isinstance(week_start, date):
        raise InvalidInputError(f"A week starts on a date, not {type(week_start).__name__}.")
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
    if weekly_km > MAX_WEEKLY_KM:
        most = f"{MAX_WEEKLY_KM:,g} km"
        raise InvalidInputError(f"{too_large('The weekly distance', most)}; check the value.")
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
                f"The deadlifts on {WEEKDAYS[a.weekday]} at {a.start:%H:%M} and "
                f"{WEEKDAYS[b.weekday]} at {b.start:%H:%M} overlap; move one of them."
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


def _run(slot: Slot, distance_km: float, profile: Profile) -> Session:
    """The run a slot holds at `distance_km`, at a speed shown no higher than planned."""
    speed = None if slot.speed_kmh is None else shown_kmh(slot.speed_kmh, profile)
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
                f"The deadlift on {WEEKDAYS[slot.weekday]} at {slot.start:%H:%M} was left "
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
            safer = replace(safer, distance_km=shown_km(advice.max_distance_km, profile))
        if (
            advice.max_speed_kmh is not None
            and safer.speed_kmh is not None
            and safer.speed_kmh > advice.max_speed_kmh
        ):
            safer = replace(safer, speed_kmh=shown_kmh(advice.max_speed_kmh, profile))
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


def _newly_warning(
    context: Sequence[Session], new: Sequence[Session], profile: Profile
) -> list[tuple[Session, AdviceWarning]]:
    """Sessions already on the calendar that the new ones make warn, each with its new warning."""
    if not new:
        return []
    without = engine.History(context)
    with_plan = engine.History([*context, *new])
    first, last = new[0].start - CONTEXT_MARGIN, new[-1].end + CONTEXT_MARGIN
    changed: list[tuple[Session, AdviceWarning]] = []
    for session in context:
        if not first <= session.start <= last:
            continue
        old = {w.code for w in engine.session_warnings(session, without, profile)}
        fresh = [
            w for w in engine.session_warnings(session, with_plan, profile) if w.code not in old
        ]
        if fresh:
            changed.append((session, fresh[0]))
    return changed


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
            f"{distance_text(weekly_km, profile)} a week leaves room for {runs_text(count)} "
            f"of at least {distance_text(MIN_RUN_KM, profile)}; planned {runs_text(count)} "
            f"instead of {runs}."
        )
    candidates = find_slots(week_start, history, profile, _free_cap(profile))
    rejected: set[Slot] = set()
    while True:
        chosen = _choose([c for c in candidates if c not in rejected], count, weekly_km, long_run)
        distances = split_distance(chosen, weekly_km, profile)
        planned = [_run(slot, km, profile) for slot, km in zip(chosen, distances, strict=True)]
        planned, bad = _offender(planned, new_lifts, context, profile)
        if bad is None:
            break
        rejected.add(chosen[bad])
    week_end = week_start + timedelta(days=7)
    # The deadlifts that shape the week: its own and one the day before it.
    shaping = [
        s
        for s in history
        if s.kind is Kind.DEADLIFT
        and week_start - timedelta(days=1) <= s.end.date()
        and s.day < week_end
    ]
    others = any(week_start <= s.day < week_end for s in context)
    notes.extend(
        shortfall_notes(
            chosen,
            planned,
            count,
            weekly_km,
            long_run,
            profile,
            shaping,
            others=others,
            asked=runs,
        )
    )
    sessions = sorted([*new_lifts, *planned], key=lambda s: (s.start, s.kind.value))
    notes.extend(existing_warning_notes(_newly_warning(context, sessions, profile), profile))
    return WeekPlan(sessions=tuple(sessions), notes=tuple(notes))
