"""The seeded sample history: years of deadlifts and runs with a few planted mistakes.

Pure and deterministic: all randomness comes from random.Random(seed), so the same
(years, seed, end) always gives the same history. The engine's caps come from the engine.
Done sessions record how hard they felt (RPE) and, mostly, what was really done: a run a
little shorter or slower than planned, a lift with a set or a rep short now and then. Those
come from a second generator seeded from the first, so the plan itself is unchanged by them,
and a session with a planted mistake keeps its planned values (its warning stays).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from desktop.advice.model import (
    Context,
    DayLog,
    DistanceUnit,
    Kind,
    Profile,
    Session,
    VolumeUnit,
    WeightUnit,
    Workout,
)
from desktop.advice.rules import DISTANCE_CAP, SPEED_CAP
from desktop.advice.weeks import monday_of

# Every warning code the engine documents; a generated history holds each one a few times.
WARNING_KINDS: tuple[str, ...] = (
    "distance-over-limit",
    "speed-over-limit",
    "long-run-after-deadlift",
    "longest-run-on-deadlift-day",
    "pain-reported",
    "no-spotter",
    "water-below-target",
)

# How often a slot gets a mistake the engine should catch (per eligible slot).
_ANOMALY_RATE = 0.02
# Pain is possible on any done run, so it gets a lower rate to stay as rare as the others.
_PAIN_RATE = 0.01
# How often a past day's log shows too little water.
_LOW_WATER_RATE = 0.025
# Planned weeks after the end date (the future part of the calendar).
_PLANNED_WEEKS = 4

# Lift days of a week (Monday = 0). No two lift days in a row and none on Sunday, so every
# "day after a deadlift" falls inside the same week and is itself lift-free.
_LIFT_PATTERNS: tuple[tuple[int, ...], ...] = (
    (0, 3),
    (1, 4),
    (0, 4),
    (1, 5),
    (0, 2, 4),
    (1, 3, 5),
    (0, 2, 5),
    (0, 3, 5),
)

_LIFT_NOTES = (
    "Felt heavy today.",
    "Grip gave out on the last set.",
    "Bar moved fast, good day.",
    "New belt.",
    "Kept the back flat on every rep.",
    "PR on the top set!",
    "Short on sleep, kept it honest.",
)
_RUN_NOTES = (
    "Windy along the river.",
    "New shoes.",
    "Legs heavy for the first km.",
    "Felt smooth.",
    "Treadmill, it was raining.",
    "Ran with Sam.",
    "Focused on landing on the ball of the foot.",
)
_PAIN_NOTES = (
    "Knee twinge, stopped early.",
    "Lower back tight; stopped and walked home.",
    "Sharp pain in the calf, stopped.",
)
_DAY_NOTES = (
    "Slept 8 h.",
    "Long day at work.",
    "Sore hamstrings.",
    "Stretched in the evening.",
    "Travel day.",
    "Ate well.",
)


@dataclass(frozen=True)
class SampleHistory:
    """A generated history: the profile, every session (ordered by start) and the day logs."""

    profile: Profile
    sessions: tuple[Session, ...]
    day_logs: tuple[DayLog, ...]


@dataclass
class _Slot:
    """A planned run (or lift) before it becomes a Session; `anomaly` is a warning to plant."""

    day: date
    context: Context
    lift_day: bool = False
    anomaly: str | None = None
    past: bool = True
    morning: bool = False  # a lift done early so a run can follow later the same day


def sample_profile() -> Profile:
    """The profile of the sample runner: 10 km and 14 km/h at their best, 64 oz of water."""
    return Profile(
        max_distance_km=10.0,
        max_speed_kmh=14.0,
        immediate_window_min=60,
        water_target_oz=64.0,
        distance_unit=DistanceUnit.KM,
        volume_unit=VolumeUnit.ML,
        weight_unit=WeightUnit.KG,
    )


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _round(value: float, step: float) -> float:
    return round(round(value / step) * step, 2)


# How hard sessions feel (RPE, 1-10) by kind of run, and for a lift heavy or not.
_RUN_RPE: dict[Workout, tuple[int, int]] = {
    Workout.EASY: (3, 5),
    Workout.HILLS: (6, 8),
    Workout.INTERVALS: (7, 9),
    Workout.LONG: (5, 7),
}
_LIFT_RPE = {True: (8, 9), False: (6, 8)}
_AS_PLANNED_SHARE = 0.35  # done sessions that record only their RPE: done as planned
_EFFORT_SEED_SALT = 7919  # the effort generator's seed: seed * salt + 1


class _Generator:
    """Builds one seeded history: the plan from random.Random(seed), what was really done
    from a second generator seeded from it."""

    def __init__(self, years: int, seed: int, end: date) -> None:
        if years < 1:
            raise ValueError("A sample history covers at least 1 year.")
        self.rng = random.Random(seed)
        self.effort_rng = random.Random(seed * _EFFORT_SEED_SALT + 1)
        self.end = end
        self.profile = sample_profile()
        self.first = monday_of(end - timedelta(days=round(365.25 * years)))
        self.last = monday_of(end) + timedelta(days=7 * _PLANNED_WEEKS + 6)
        self.cap_km = self.profile.max_distance_km * DISTANCE_CAP
        self.cap_kmh = self.profile.max_speed_kmh * SPEED_CAP

    # -- planning -----------------------------------------------------------------------------

    def plan(self) -> tuple[list[_Slot], list[_Slot]]:
        """Lift slots and run slots for every week from `first` to `last`."""
        rng = self.rng
        lifts: list[_Slot] = []
        runs: list[_Slot] = []
        week = self.first
        while week <= self.last:
            pattern = rng.choice(_LIFT_PATTERNS)
            lift_days = set(pattern)
            next_days = {day + 1 for day in pattern}
            n_runs = rng.randint(3, 5)
            run_days = sorted(rng.sample(range(7), n_runs))
            later_days: set[int] = set()
            for offset in run_days:
                day = week + timedelta(days=offset)
                if offset in lift_days:
                    context = rng.choice((Context.IMMEDIATELY_AFTER, Context.SAME_DAY_LATER))
                    if context is Context.SAME_DAY_LATER:
                        later_days.add(offset)
                elif offset in next_days:
                    context = Context.NEXT_DAY
                else:
                    context = Context.NONE
                runs.append(_Slot(day, context, lift_day=offset in lift_days, past=day < self.end))
            for offset in pattern:
                day = week + timedelta(days=offset)
                lifts.append(
                    _Slot(
                        day,
                        Context.NONE,
                        lift_day=True,
                        past=day < self.end,
                        morning=offset in later_days,
                    )
                )
            week += timedelta(days=7)
        self._plant_anomalies(lifts, runs)
        return lifts, runs

    def _eligible(self, kind: str, slot: _Slot) -> bool:
        if slot.anomaly is not None:
            return False
        if kind == "no-spotter":
            return slot.lift_day and slot.context is Context.NONE
        if kind == "pain-reported":
            return slot.past
        if kind in ("distance-over-limit", "longest-run-on-deadlift-day"):
            return slot.context is Context.SAME_DAY_LATER
        if kind == "speed-over-limit":
            return slot.context in (Context.SAME_DAY_LATER, Context.IMMEDIATELY_AFTER)
        if kind == "long-run-after-deadlift":
            return slot.context is Context.IMMEDIATELY_AFTER
        return False

    def _plant_anomalies(self, lifts: list[_Slot], runs: list[_Slot]) -> None:
        """Plant a few mistakes of every kind, and at least one of each in the recent past."""
        rng = self.rng
        kinds = [kind for kind in WARNING_KINDS if kind != "water-below-target"]
        for slot in [*lifts, *runs]:
            for kind in kinds:
                rate = _PAIN_RATE if kind == "pain-reported" else _ANOMALY_RATE
                if self._eligible(kind, slot) and rng.random() < rate:
                    slot.anomaly = kind
        # Guarantee each kind, as close before the end date as possible, so the current
        # month of a demo shows it.
        recent = [slot for slot in [*lifts, *runs] if slot.past]
        recent.sort(key=lambda slot: slot.day, reverse=True)
        for kind in kinds:
            if any(slot.anomaly == kind for slot in recent[:60]):
                continue
            for slot in recent:
                if self._eligible(kind, slot):
                    slot.anomaly = kind
                    break

    # -- sessions -----------------------------------------------------------------------------

    def _load(self, day: date) -> float:
        """A slowly rising training max with 4-week waves and a deload every 4th week."""
        weeks = (day - self.first).days // 7
        trend = 100.0 + 60.0 * (1 - 0.985**weeks)
        wave = (weeks % 4) * 2.5 if weeks % 4 != 3 else -10.0
        return _round(trend + wave, 2.5)

    def lift(self, slot: _Slot) -> Session:
        rng = self.rng
        weekend = slot.day.weekday() >= 5
        if slot.morning:
            start = _at(slot.day, 6, rng.choice((30, 45)))
        elif weekend:
            start = _at(slot.day, 10, rng.choice((0, 15, 30)))
        else:
            start = _at(slot.day, rng.choice((17, 18)), rng.choice((0, 15, 30)))
        heavy = rng.random() < 0.5
        notes = rng.choice(_LIFT_NOTES) if slot.past and rng.random() < 0.12 else ""
        spotter = slot.anomaly != "no-spotter"
        if not spotter:
            notes = "Gym was empty, lifted alone."
        planned = Session(
            kind=Kind.DEADLIFT,
            start=start,
            duration_min=rng.choice((45, 50, 55, 60, 70)),
            spotter=spotter,
            done=slot.past and rng.random() > 0.02,
            notes=notes,
            sets=rng.choice((3, 4, 5)),
            reps=3 if heavy else 5,
            load_kg=self._load(slot.day) + (5.0 if heavy else -10.0),
        )
        return self._lift_as_done(planned, heavy, slot) if planned.done else planned

    def _lift_as_done(self, lift: Session, heavy: bool, slot: _Slot) -> Session:
        """A done lift with its RPE and, mostly, the sets, reps and load really lifted (now and
        then a set or a rep short; its duration, which places the runs after it, as planned)."""
        rng = self.effort_rng
        low, high = _LIFT_RPE[heavy]
        done = replace(lift, rpe=rng.randint(low, high))
        if slot.anomaly is not None or rng.random() < _AS_PLANNED_SHARE:
            return done
        sets, reps = lift.sets or 1, lift.reps or 1
        short = rng.random()
        if short < 0.15 and sets > 1:
            sets -= 1
        elif short < 0.3 and reps > 1:
            reps -= 1
        return replace(done, actual_sets=sets, actual_reps=reps, actual_load_kg=lift.load_kg)

    def run(self, slot: _Slot, lift: Session | None) -> Session:
        rng = self.rng
        context = slot.context
        weekend = slot.day.weekday() >= 5
        if context is Context.IMMEDIATELY_AFTER and lift is not None:
            start = lift.end + timedelta(minutes=rng.choice((5, 10, 15, 20, 30)))
            workout = Workout.INTERVALS
            distance = rng.uniform(2.0, 4.0)
            speed = rng.uniform(10.0, 12.4)
        elif context is Context.SAME_DAY_LATER:
            start = _at(slot.day, rng.choice((17, 18)), rng.choice((0, 30)))
            workout = Workout.EASY
            distance = rng.uniform(4.0, 7.5)
            speed = rng.uniform(9.5, 12.0)
        elif context is Context.NEXT_DAY:
            start = _at(slot.day, 9, 0) if weekend else _at(slot.day, rng.choice((7, 18)), 0)
            workout = Workout.HILLS
            distance = rng.uniform(4.0, 7.0)
            speed = rng.uniform(8.5, 11.0)
        else:
            start = _at(slot.day, 9, 0) if weekend else _at(slot.day, 18, 30)
            if weekend and rng.random() < 0.7:
                workout = Workout.LONG
                distance = rng.uniform(8.0, 10.0)
                speed = rng.uniform(9.5, 11.5)
            else:
                workout = Workout.EASY
                distance = rng.uniform(5.0, 9.0)
                speed = rng.uniform(10.0, 13.0)
        pain = False
        notes = rng.choice(_RUN_NOTES) if slot.past and rng.random() < 0.12 else ""
        if slot.anomaly == "distance-over-limit":
            distance = rng.uniform(self.cap_km + 0.5, self.profile.max_distance_km - 0.5)
        elif slot.anomaly == "speed-over-limit":
            speed = rng.uniform(self.cap_kmh + 0.4, self.profile.max_speed_kmh - 0.2)
        elif slot.anomaly == "long-run-after-deadlift":
            workout = Workout.LONG
            distance = rng.uniform(6.0, self.cap_km - 0.2)
        elif slot.anomaly == "longest-run-on-deadlift-day":
            workout = Workout.LONG
            distance = self.profile.max_distance_km
        elif slot.anomaly == "pain-reported":
            pain = True
            distance = distance * rng.uniform(0.3, 0.7)
            notes = rng.choice(_PAIN_NOTES)
        distance = _round(distance, 0.1)
        speed = _round(speed, 0.1)
        minutes = max(1, round(distance / speed * 60))
        if workout is Workout.INTERVALS:
            minutes += 10  # the walks back between sprints
        planned = Session(
            kind=Kind.RUN,
            start=start,
            duration_min=minutes,
            workout=workout,
            distance_km=distance,
            speed_kmh=speed,
            pain=pain,
            done=slot.past and (pain or rng.random() > 0.03),
            notes=notes,
        )
        return self._run_as_done(planned, slot) if planned.done else planned

    def _run_as_done(self, run: Session, slot: _Slot) -> Session:
        """A done run with its RPE and, mostly, the distance and time really run: up to a
        tenth shorter and never faster than planned, so no warning comes or goes with it."""
        rng = self.effort_rng
        low, high = _RUN_RPE[run.workout or Workout.EASY]
        done = replace(run, rpe=rng.randint(low, high))
        if slot.anomaly is not None or run.pain or rng.random() < _AS_PLANNED_SHARE:
            return done
        planned_km = run.distance_km or 0.0
        distance = max(0.1, _round(planned_km * rng.uniform(0.9, 1.0), 0.1))
        minutes = max(
            1, math.ceil(run.duration_min * distance / planned_km * rng.uniform(1.0, 1.06))
        )
        return replace(done, actual_distance_km=distance, actual_duration_min=minutes)

    def sessions(self) -> list[Session]:
        lift_slots, run_slots = self.plan()
        lifts: dict[date, Session] = {}
        out: list[Session] = []
        for slot in lift_slots:
            session = self.lift(slot)
            lifts[slot.day] = session
            out.append(session)
        for slot in run_slots:
            out.append(self.run(slot, lifts.get(slot.day)))
        out.sort(key=lambda session: (session.start, session.kind.value))
        return out

    # -- day logs -----------------------------------------------------------------------------

    def day_logs(self, sessions: Iterable[Session]) -> list[DayLog]:
        rng = self.rng
        training: dict[date, set[Kind]] = {}
        for session in sessions:
            training.setdefault(session.day, set()).add(session.kind)
        logs: list[DayLog] = []
        low_water_seen = False
        day = self.first
        while day < self.end:
            kinds = training.get(day, set())
            if rng.random() < (0.9 if kinds else 0.4):
                low = bool(kinds) and rng.random() < _LOW_WATER_RATE
                low_water_seen = low_water_seen or low
                water = rng.uniform(32.0, 56.0) if low else rng.uniform(64.0, 110.0)
                after_lift = (day - timedelta(days=1)) in training and Kind.DEADLIFT in (
                    training[day - timedelta(days=1)]
                )
                bcaa = (Kind.DEADLIFT in kinds or after_lift) and rng.random() < 0.7
                note = rng.choice(_DAY_NOTES) if rng.random() < 0.1 else ""
                logs.append(DayLog(day=day, water_oz=_round(water, 4.0), bcaa=bcaa, note=note))
            day += timedelta(days=1)
        if not low_water_seen:
            # Make the most recent logged training day a dry one.
            for index in range(len(logs) - 1, -1, -1):
                if logs[index].day in training:
                    logs[index] = replace(logs[index], water_oz=40.0, note="Forgot my bottle.")
                    break
        return logs


def generate_history(years: int, seed: int, end: date | None = None) -> SampleHistory:
    """Generate `years` of seeded history ending at `end` (default today), plus planned weeks.

    Pure and deterministic: the same (years, seed, end) always gives the same history.
    Sessions before `end` are mostly done; those on or after it are planned.
    """
    generator = _Generator(years, seed, end or date.today())
    sessions = generator.sessions()
    logs = generator.day_logs(sessions)
    return SampleHistory(generator.profile, tuple(sessions), tuple(logs))


def generate_sessions(years: int, seed: int, end: date) -> list[Session]:
    """The sessions of `generate_history(years, seed, end)`, ordered by start."""
    return list(generate_history(years, seed, end).sessions)


def generate_day_logs(years: int, seed: int, end: date) -> list[DayLog]:
    """The day logs (water, BCAA, notes) of `generate_history(years, seed, end)`."""
    return list(generate_history(years, seed, end).day_logs)
