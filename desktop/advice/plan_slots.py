"""Where a week's runs may go: run slots by the article's pattern, each confirmed by the engine.

A slot is a start time and a role. The roles follow the article: INTERVALS right after a
deadlift, EASY_LATER later the same day, HILLS the day after, and LONG or FREE (an easy run)
on a day with no deadlift and none the day before. Every slot is probed with the public
`advise_run`: it is kept only when the engine puts a run there in the context the role needs
(and, for intervals and hills, suggests that very workout), so the slots follow the engine's
context rule, whatever it is, instead of a copy of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from desktop.advice import rules as engine
from desktop.advice.clock import elapsed
from desktop.advice.model import Advice, Context, Kind, Profile, Session, Suggestion, Workout

__all__ = [
    "EARLIEST_RUN",
    "LATEST_END",
    "LONG_RUN_REST_H",
    "MAX_RUNS_A_DAY",
    "SECOND_RUN_GAP",
    "WARM_UP_MIN",
    "Role",
    "Slot",
    "find_slots",
]

# Our rule of thumb, not the article's: the long run at least 48 h after a deadlift ended.
LONG_RUN_REST_H = 48.0
EARLIEST_RUN = time(6, 0)
LATEST_START = time(21, 0)
LATEST_END = time(22, 30)
INTERVALS_MIN = 30  # warm-up walk, eight sprints with walks back, cool-down
WARM_UP_MIN = 10
EASY_LATER_GAP_MIN = 180  # "later that day": a second session, not a continuation
# Speed used only to estimate how long a hill run takes (climbs and easy descents).
HILL_PACE_SHARE = 0.6
_FREE_TIMES = (time(9, 0), time(17, 0), time(7, 0), time(12, 0), time(19, 0))
_HILL_TIMES = (time(7, 0), time(12, 0), time(18, 0))
# Two runs on one day at least 5 h apart (ours: a second session, not a double).
SECOND_RUN_GAP = timedelta(hours=5)
MAX_RUNS_A_DAY = 2  # ours, like the 5 h between them
_ONE_DAY = timedelta(days=1)


class Role(StrEnum):
    """What a run slot is for."""

    INTERVALS = "intervals"
    EASY_LATER = "easy_later"
    HILLS = "hills"
    LONG = "long"
    FREE = "free"


@dataclass(frozen=True)
class Slot:
    """A place for one run: when, what for, and the most it may hold."""

    role: Role
    start: datetime
    duration_min: int  # the longest session the slot may hold
    cap_km: float  # the most distance for the slot (intervals: exactly this)
    speed_kmh: float | None  # the planned speed (None for hills: effort, not pace)
    pace_kmh: float  # speed used to estimate a run's duration
    workout: Workout
    lift_day: bool  # a deadlift starts on the slot's day
    rest_h: float  # hours since the last deadlift ended (inf when none)
    second: bool = False  # a second run on a day that has one
    next_lift_h: float = math.inf  # hours from the slot's end to the next deadlift

    @property
    def day(self) -> date:
        """The calendar day the slot starts on."""
        return self.start.date()

    @property
    def end(self) -> datetime:
        """The end of the longest session the slot may hold."""
        return self.start + timedelta(minutes=self.duration_min)


def overlaps(first: Session, second: Session) -> bool:
    """True when two sessions' time ranges intersect."""
    return first.start < second.end and second.start < first.end


def _probe(start: datetime, history: engine.History, profile: Profile) -> Advice:
    run = Session(kind=Kind.RUN, start=start, duration_min=WARM_UP_MIN)
    return engine.advise_run(run, history, profile)


def _duration(km: float, pace_kmh: float) -> int:
    return WARM_UP_MIN + max(1, math.ceil(km / pace_kmh * 60))


def _quarter_up(moment: datetime) -> datetime:
    extra = (-moment.minute) % 15
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=extra)


class _Finder:
    """Holds the week's calendar while it probes candidate times."""

    def __init__(
        self, week_start: date, history: engine.History, profile: Profile, free_cap_km: float
    ) -> None:
        self.week_start = week_start
        self.history = history
        self.profile = profile
        self.free_cap_km = free_cap_km
        self.days = [week_start + timedelta(days=i) for i in range(7)]
        self.lifts = sorted(
            (s for s in history if s.kind is Kind.DEADLIFT), key=lambda s: (s.start, s.end)
        )
        self.lift_days = {lift.day for lift in self.lifts}
        self.sessions = list(history)

    def _fits(self, start: datetime, minutes: int) -> bool:
        """On the slot's day, within the running hours, and clear of every session."""
        end = start + timedelta(minutes=minutes)
        if start.time() < EARLIEST_RUN or end.date() != start.date():
            return False
        if end.time() > LATEST_END:
            return False
        return not any(s.start < end and start < s.end for s in self.sessions)

    def _room_km(self, start: datetime, pace_kmh: float) -> float:
        """The most a run starting at `start` covers at `pace_kmh` before the latest end."""
        latest = datetime.combine(start.date(), LATEST_END)
        minutes = (latest - start).total_seconds() / 60 - WARM_UP_MIN - 1
        return max(0.0, minutes / 60 * pace_kmh)

    def _rest_h(self, start: datetime) -> float:
        ended = [lift.end for lift in self.lifts if lift.end <= start]
        return elapsed(max(ended), start).total_seconds() / 3600 if ended else math.inf

    def _suggested(
        self, start: datetime, context: Context, workout: Workout
    ) -> tuple[Advice, Suggestion] | None:
        """The engine's advice for a run at `start` if it has `context` and suggests `workout`."""
        advice = _probe(start, self.history, self.profile)
        suggestion = advice.suggestion
        if advice.context is context and suggestion is not None and suggestion.workout is workout:
            return advice, suggestion
        return None

    def _next_lift_h(self, end: datetime) -> float:
        coming = [lift.start for lift in self.lifts if lift.start >= end]
        return elapsed(end, min(coming)).total_seconds() / 3600 if coming else math.inf

    def intervals(self, lift: Session) -> Slot | None:
        window = self.profile.immediate_window_min
        for gap in dict.fromkeys((min(10, window), 0, window // 2, window)):
            start = lift.end + timedelta(minutes=gap)
            if start.date() != lift.day or not self._fits(start, INTERVALS_MIN):
                continue
            found = self._suggested(start, Context.IMMEDIATELY_AFTER, Workout.INTERVALS)
            if found is not None and (km := found[1].distance_km):
                advice, suggestion = found
                speed = suggestion.speed_kmh or advice.max_speed_kmh
                return Slot(
                    role=Role.INTERVALS,
                    start=start,
                    duration_min=INTERVALS_MIN,
                    cap_km=km,
                    speed_kmh=speed,
                    pace_kmh=speed or self.profile.max_speed_kmh,
                    workout=Workout.INTERVALS,
                    lift_day=True,
                    rest_h=self._rest_h(start),
                )
        return None

    def easy_later(self, lift: Session) -> Slot | None:
        gap = max(self.profile.immediate_window_min + 30, EASY_LATER_GAP_MIN)
        start = _quarter_up(lift.end + timedelta(minutes=gap))
        while start.date() == lift.day and start.time() <= LATEST_START:
            found = self._suggested(start, Context.SAME_DAY_LATER, Workout.EASY)
            if found is not None:
                advice, suggestion = found
                caps = [c for c in (advice.max_distance_km, suggestion.distance_km) if c]
                cap = min(caps) if caps else self.free_cap_km
                speeds = [v for v in (advice.max_speed_kmh, suggestion.speed_kmh) if v]
                speed = min(speeds) if speeds else None
                pace = speed or self.profile.max_speed_kmh * HILL_PACE_SHARE
                cap = min(cap, self._room_km(start, pace))
                minutes = _duration(cap, pace)
                if self._fits(start, minutes):
                    return Slot(
                        role=Role.EASY_LATER,
                        start=start,
                        duration_min=minutes,
                        cap_km=cap,
                        speed_kmh=speed,
                        pace_kmh=pace,
                        workout=Workout.EASY,
                        lift_day=True,
                        rest_h=self._rest_h(start),
                    )
            start += timedelta(minutes=30)
        return None

    def hills(self, day: date, habit: time | None) -> Slot | None:
        times = tuple(dict.fromkeys((*([habit] if habit else []), *_HILL_TIMES)))
        for clock in times:
            start = datetime.combine(day, clock)
            found = self._suggested(start, Context.NEXT_DAY, Workout.HILLS)
            if found is not None and (km := found[1].distance_km):
                pace = self.profile.max_speed_kmh * HILL_PACE_SHARE
                minutes = _duration(km, pace)
                if self._fits(start, minutes):
                    return Slot(
                        role=Role.HILLS,
                        start=start,
                        duration_min=minutes,
                        cap_km=km,
                        speed_kmh=None,
                        pace_kmh=pace,
                        workout=Workout.HILLS,
                        lift_day=False,
                        rest_h=self._rest_h(start),
                    )
        return None

    def free(self, day: date, role: Role, after: datetime | None = None) -> list[Slot]:
        """Every time on a free day the engine sees as free of deadlifts, best first."""
        found: list[Slot] = []
        for clock in _FREE_TIMES:
            start = datetime.combine(day, clock)
            if after is not None and start < after:
                continue
            advice = _probe(start, self.history, self.profile)
            if advice.context is not Context.NONE:
                continue
            suggestion = advice.suggestion
            if role is Role.LONG:
                cap = self.profile.max_distance_km
                if suggestion is not None and suggestion.workout is Workout.LONG:
                    cap = suggestion.distance_km or cap
                workout = Workout.LONG
            else:
                cap, workout = self.free_cap_km, Workout.EASY
            speed = suggestion.speed_kmh if suggestion is not None else None
            pace = speed or self.profile.max_speed_kmh * HILL_PACE_SHARE
            if role is not Role.LONG:
                # An easy run is as long as the day's running hours allow; the long run is
                # the longest run or nothing (a note then says why).
                cap = min(cap, self._room_km(start, pace))
            minutes = _duration(cap, pace)
            if self._fits(start, minutes):
                found.append(
                    Slot(
                        role=role,
                        start=start,
                        duration_min=minutes,
                        cap_km=cap,
                        speed_kmh=speed,
                        pace_kmh=pace,
                        workout=workout,
                        lift_day=False,
                        rest_h=self._rest_h(start),
                        second=after is not None,
                        next_lift_h=self._next_lift_h(start + timedelta(minutes=minutes)),
                    )
                )
        return found


def _long_preference(slot: Slot) -> tuple[bool, float]:
    """Sort key: 48 h of rest first, then the most time clear of deadlifts (up to 48 h).

    Ties keep their order: the usual times of `_FREE_TIMES` first, then the earlier day.
    """
    room = min(slot.rest_h, slot.next_lift_h, LONG_RUN_REST_H)
    return (slot.rest_h < LONG_RUN_REST_H, -room)


def find_slots(
    week_start: date, history: engine.History, profile: Profile, free_cap_km: float
) -> list[Slot]:
    """Every run slot of the week, in the order the article's pattern asks for them.

    `history` holds the week's deadlifts and every session around it; `free_cap_km` is the
    most an easy run on a free day may cover. Order: the LONG candidates (most rest first),
    then per deadlift its intervals and the next day's hills, then easy runs on free days,
    easy runs later on deadlift days, and second runs on free days. Slots on a day that
    already holds a run come last.
    """
    finder = _Finder(week_start, history, profile, free_cap_km)
    week = set(finder.days)
    long_slots: list[Slot] = []
    free_first: list[Slot] = []
    free_second: list[Slot] = []
    for day in finder.days:
        if day in finder.lift_days or day - _ONE_DAY in finder.lift_days:
            continue
        candidates = finder.free(day, Role.LONG)
        # Of one day's times, the long run takes the most rested one.
        if candidates:
            long_slots.append(min(candidates, key=_long_preference))
        easy = finder.free(day, Role.FREE)
        if easy:
            free_first.append(easy[0])
            free_second.extend(finder.free(day, Role.FREE, after=easy[0].end + SECOND_RUN_GAP)[:1])
    long_slots.sort(key=_long_preference)

    per_lift: list[Slot] = []
    easy_later: list[Slot] = []
    hill_days: set[date] = set()
    easy_days: set[date] = set()
    for lift in finder.lifts:
        if lift.day in week:
            slot = finder.intervals(lift)
            if slot is not None:
                per_lift.append(slot)
            later = finder.easy_later(lift) if lift.day not in easy_days else None
            if later is not None:
                easy_days.add(lift.day)
                easy_later.append(later)
        next_day = lift.day + _ONE_DAY
        if next_day in week and next_day not in finder.lift_days and next_day not in hill_days:
            hills = finder.hills(next_day, lift.start.time())
            if hills is not None:
                hill_days.add(next_day)
                per_lift.append(hills)

    ordered = [*long_slots, *per_lift, *free_first, *easy_later, *free_second]
    run_days = {s.day for s in finder.sessions if s.kind is Kind.RUN}
    return _stable_last(ordered, lambda slot: slot.start.date() in run_days)


def _stable_last(slots: Sequence[Slot], late: Callable[[Slot], bool]) -> list[Slot]:
    return [s for s in slots if not late(s)] + [s for s in slots if late(s)]


def lift_days_of(sessions: Iterable[Session]) -> set[date]:
    """The calendar days on which a deadlift starts."""
    return {s.day for s in sessions if s.kind is Kind.DEADLIFT}
