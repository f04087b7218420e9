"""plan_week and plan_block: the article's week pattern, checked against the engine's own advice."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.advice import (
    Advice,
    AdviceWarning,
    DistanceUnit,
    History,
    InvalidInputError,
    Kind,
    LiftSlot,
    Profile,
    Session,
    WeekPlan,
    Workout,
    plan_block,
    plan_week,
)
from desktop.advice import rules as engine
from desktop.advice.progression import weekly_targets
from desktop.advice.weeks import MAX_WEEKLY_KM
from tests.builders import MONDAY, PROFILE, at, lift, run

MON_THU = (LiftSlot(0, time(18), 60), LiftSlot(3, time(18), 60))
DISTANCE_CAP = 0.8
SPEED_CAP = 0.9


def runs_of(plan: WeekPlan) -> list[Session]:
    return [s for s in plan.sessions if s.kind is Kind.RUN]


def lifts_of(plan: WeekPlan) -> list[Session]:
    return [s for s in plan.sessions if s.kind is Kind.DEADLIFT]


def check_plan(
    plan: WeekPlan,
    week_start: date,
    profile: Profile,
    *,
    runs: int,
    weekly_km: float,
    long_run: bool,
    existing: Sequence[Session] = (),
) -> None:
    """Every promise of issue 12 about one planned week."""
    new = list(plan.sessions)
    everything = [*existing, *new]
    history = History(everything)
    # All planned, in time order, inside the week; deadlifts with a spotter.
    assert all(not s.done for s in new)
    assert [s.start for s in new] == sorted(s.start for s in new)
    week_end = datetime.combine(week_start + timedelta(days=7), time())
    assert all(datetime.combine(week_start, time()) <= s.start < week_end for s in new)
    assert all(s.spotter is True for s in new if s.kind is Kind.DEADLIFT)
    # No generated session has a warning, with the existing sessions included.
    for session in new:
        advice = engine.advise_session(session, history, profile)
        assert advice.warnings == (), (session, advice.warnings)
    # No two sessions overlap (new against new and against existing).
    for index, session in enumerate(new):
        for other in [*existing, *new[index + 1 :]]:
            assert not (session.start < other.end and other.start < session.end), (session, other)
    lift_days = {s.day for s in everything if s.kind is Kind.DEADLIFT}
    window = timedelta(minutes=profile.immediate_window_min)
    new_runs = [s for s in new if s.kind is Kind.RUN]
    assert len(new_runs) <= runs
    for item in new_runs:
        if item.day in lift_days:
            ended = [s for s in everything if s.kind is Kind.DEADLIFT and s.end <= item.start]
            latest = max(ended, key=lambda s: s.end)
            assert latest.day == item.day, "a run on a deadlift day comes after that day's lift"
            if item.workout is Workout.INTERVALS:
                assert item.start - latest.end <= window
            else:
                assert item.workout is Workout.EASY
                assert item.start - latest.end > window
                assert item.distance_km is not None and item.speed_kmh is not None
                assert item.distance_km <= profile.max_distance_km * DISTANCE_CAP + 1e-6
                assert item.speed_kmh <= profile.max_speed_kmh * SPEED_CAP + 1e-6
        elif item.day - timedelta(days=1) in lift_days:
            assert item.workout is Workout.HILLS, item
    if new_runs:
        longest = max(s.distance_km or 0.0 for s in new_runs)
        on_free_day = [
            s
            for s in new_runs
            if s.day not in lift_days and (s.distance_km or 0.0) >= longest - 1e-9
        ]
        assert on_free_day or plan.notes, "the longest run sits on a day without a deadlift"
        longs = [s for s in new_runs if s.workout is Workout.LONG]
        assert len(longs) <= (1 if long_run else 0)
        for item in longs:
            assert item.day not in lift_days
            assert (item.distance_km or 0.0) >= longest - 1e-9
    total = sum(s.distance_km or 0.0 for s in new_runs)
    assert abs(total - weekly_km) <= 0.1 * weekly_km + 1e-6 or plan.notes
    if len(new_runs) < runs:
        assert plan.notes


# --- the issue's own example --------------------------------------------------------------


def test_monday_and_thursday_evening_lifts_with_four_runs_follow_the_article() -> None:
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=25)
    check_plan(plan, MONDAY, PROFILE, runs=4, weekly_km=25, long_run=True)
    assert [(s.start, s.duration_min) for s in lifts_of(plan)] == [(at(0, 18), 60), (at(3, 18), 60)]
    planned = runs_of(plan)
    assert len(planned) == 4
    assert plan.notes == ()
    workouts = {s.workout for s in planned}
    assert Workout.LONG in workouts and Workout.HILLS in workouts
    long = next(s for s in planned if s.workout is Workout.LONG)
    # Two days clear of the Thursday lift, at least 48 h after it ended.
    assert long.start - at(3, 19) >= timedelta(hours=48)
    assert long.distance_km == pytest.approx(PROFILE.max_distance_km)


def test_five_runs_give_the_whole_article_pattern() -> None:
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=5, weekly_km=22)
    check_plan(plan, MONDAY, PROFILE, runs=5, weekly_km=22, long_run=True)
    by_day = {(s.day - MONDAY).days: s.workout for s in runs_of(plan)}
    assert by_day[1] is Workout.HILLS  # Tuesday, after Monday's lift
    assert by_day[4] is Workout.HILLS  # Friday, after Thursday's lift
    intervals = [s for s in runs_of(plan) if s.workout is Workout.INTERVALS]
    assert intervals, "a run right after a deadlift is sprint intervals"
    for item in intervals:
        assert item.start - at((item.day - MONDAY).days, 19) <= timedelta(minutes=60)
        assert item.speed_kmh is not None and item.speed_kmh <= 13.5 + 1e-9


def test_a_run_later_on_a_deadlift_day_is_easy_within_the_caps() -> None:
    morning = (LiftSlot(2, time(7), 60),)
    plan = plan_week(MONDAY, morning, PROFILE, runs=7, weekly_km=45, long_run=True)
    check_plan(plan, MONDAY, PROFILE, runs=7, weekly_km=45, long_run=True)
    wednesday = [s for s in runs_of(plan) if s.day == MONDAY + timedelta(days=2)]
    assert wednesday, "a week this full uses the lift day too"
    for item in wednesday:
        assert item.workout in (Workout.INTERVALS, Workout.EASY)


def test_no_long_run_when_not_asked() -> None:
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=3, weekly_km=15, long_run=False)
    check_plan(plan, MONDAY, PROFILE, runs=3, weekly_km=15, long_run=False)
    assert all(s.workout is not Workout.LONG for s in runs_of(plan))
    assert len(runs_of(plan)) == 3


def test_a_weekly_distance_past_the_cap_is_refused_in_one_sentence() -> None:
    assert plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=MAX_WEEKLY_KM).sessions
    with pytest.raises(
        InvalidInputError,
        match=r"^The weekly distance cannot be more than 1,000 km; check the value\.$",
    ):
        plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=MAX_WEEKLY_KM + 0.1)


def test_zero_runs_plans_only_the_deadlifts() -> None:
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=0, weekly_km=0)
    assert len(plan.sessions) == 2 and plan.notes == ()
    assert all(s.kind is Kind.DEADLIFT and s.spotter is True for s in plan.sessions)


def test_distances_add_up_within_ten_percent() -> None:
    for weekly_km in (8.0, 13.0, 21.5, 27.0):
        plan = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=weekly_km)
        assert plan.notes == (), weekly_km
        assert plan.run_km == pytest.approx(weekly_km, rel=0.1)


def test_a_distance_the_caps_cannot_hold_is_explained() -> None:
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=2, weekly_km=60)
    check_plan(plan, MONDAY, PROFILE, runs=2, weekly_km=60, long_run=True)
    assert plan.run_km < 54
    assert any("short of the 60.0 km asked" in note for note in plan.notes)


def test_too_little_distance_for_the_runs_plans_fewer_and_says_so() -> None:
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=2.5)
    assert len(runs_of(plan)) == 2
    assert any("planned 2 runs instead of 4" in note for note in plan.notes)


def test_no_room_for_a_long_run_is_a_note() -> None:
    # Monday, Wednesday, Friday and Sunday deadlifts: every other day is "the day after".
    slots = [LiftSlot(day, time(18), 60) for day in (0, 2, 4, 6)]
    plan = plan_week(MONDAY, slots, PROFILE, runs=5, weekly_km=20, long_run=True)
    check_plan(plan, MONDAY, PROFILE, runs=5, weekly_km=20, long_run=True)
    assert all(s.workout is not Workout.LONG for s in runs_of(plan))
    assert any("no long run" in note for note in plan.notes)


def test_a_deadlift_every_day_leaves_the_longest_run_on_a_lift_day_with_a_note() -> None:
    slots = [LiftSlot(day, time(7), 60) for day in range(7)]
    plan = plan_week(MONDAY, slots, PROFILE, runs=3, weekly_km=10, long_run=False)
    check_plan(plan, MONDAY, PROFILE, runs=3, weekly_km=10, long_run=False)
    assert any("deadlift day" in note for note in plan.notes)


def test_miles_profile_plans_in_tenths_of_a_mile() -> None:
    profile = Profile(
        max_distance_km=16.09344, max_speed_kmh=16.09344, distance_unit=DistanceUnit.MI
    )
    plan = plan_week(MONDAY, MON_THU, profile, runs=4, weekly_km=40)
    check_plan(plan, MONDAY, profile, runs=4, weekly_km=40, long_run=True)
    for item in runs_of(plan):
        miles = (item.distance_km or 0.0) / 1.609344
        assert miles * 10 == pytest.approx(round(miles * 10), abs=1e-4)


# --- existing sessions ----------------------------------------------------------------------


def test_a_deadlift_last_sunday_makes_monday_a_hills_day() -> None:
    sunday_lift = lift(at(-1, 18))
    plan = plan_week(
        MONDAY, [LiftSlot(3, time(18), 60)], PROFILE, runs=4, weekly_km=20, existing=[sunday_lift]
    )
    check_plan(plan, MONDAY, PROFILE, runs=4, weekly_km=20, long_run=True, existing=[sunday_lift])
    monday_runs = [s for s in runs_of(plan) if s.day == MONDAY]
    assert all(s.workout is Workout.HILLS for s in monday_runs)


def test_existing_sessions_are_obstacles_not_part_of_the_plan() -> None:
    kept = [
        run(at(1, 18), minutes=60, workout=Workout.EASY, distance_km=6.0, id=7),
        run(at(5, 9), minutes=90, workout=Workout.LONG, distance_km=10.0, done=True, id=8),
    ]
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=20, existing=kept)
    check_plan(plan, MONDAY, PROFILE, runs=4, weekly_km=20, long_run=True, existing=kept)
    assert all(s.id is None for s in plan.sessions)
    assert not any(s in kept for s in plan.sessions)


def test_a_deadlift_slot_that_is_already_planned_is_not_doubled() -> None:
    already = lift(at(0, 18), id=3)
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=2, weekly_km=10, existing=[already])
    assert [s.start for s in lifts_of(plan)] == [at(3, 18)]
    assert plan.notes == ()


def test_a_deadlift_slot_clashing_with_a_planned_run_is_left_out_with_a_note() -> None:
    clash = run(at(3, 18, 30), minutes=45, id=4)
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=2, weekly_km=10, existing=[clash])
    assert [s.start for s in lifts_of(plan)] == [at(0, 18)]
    assert any("Thursday at 18:00" in note and "left out" in note for note in plan.notes)


def test_ten_years_of_history_only_matters_around_the_week() -> None:
    far = [lift(at(-700 + 7 * week, 18)) for week in range(90)]
    near = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=25)
    with_far = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=25, existing=far)
    assert near == with_far


# --- robust to the engine's rules ------------------------------------------------------------


def test_every_placed_run_is_checked_with_the_public_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rule the planner does not know (here: no runs before noon) moves the runs."""
    real = engine.advise_run

    def stricter(
        subject: Session, sessions: Iterable[Session] | History, profile: Profile
    ) -> Advice:
        advice = real(subject, sessions, profile)
        if subject.distance_km is not None and subject.start.hour < 12:
            extra = AdviceWarning("morning", "No runs before noon.", "test")
            return Advice(**{**advice.__dict__, "warnings": (*advice.warnings, extra)})
        return advice

    monkeypatch.setattr(engine, "advise_run", stricter)
    plan = plan_week(MONDAY, MON_THU, PROFILE, runs=4, weekly_km=25)
    assert runs_of(plan)
    assert all(s.start.hour >= 12 for s in runs_of(plan))
    history = History(plan.sessions)
    assert all(not stricter(s, history, PROFILE).warnings for s in runs_of(plan))


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(("week_start", "message"), [("2026-03-02", "date"), (None, "date")])
def test_a_week_must_start_on_a_date(week_start: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        plan_week(week_start, MON_THU, PROFILE, runs=3, weekly_km=10)  # type: ignore[arg-type]


@pytest.mark.parametrize("weekday", [-1, 7, 1.5, True])
def test_a_weekday_outside_monday_to_sunday_is_refused(weekday: object) -> None:
    with pytest.raises(InvalidInputError, match="weekday"):
        plan_week(
            MONDAY,
            [LiftSlot(weekday, time(18), 60)],  # type: ignore[arg-type]
            PROFILE,
            runs=3,
            weekly_km=10,
        )


@pytest.mark.parametrize(
    "slots",
    [
        [LiftSlot(0, time(18), 60), LiftSlot(0, time(18, 30), 60)],
        [LiftSlot(2, time(7), 60), LiftSlot(2, time(7), 30)],
        # Sunday night runs into next Monday's early slot when the week repeats.
        [LiftSlot(0, time(0, 0), 60), LiftSlot(6, time(23, 30), 60)],
        [LiftSlot(1, time(23, 30), 60), LiftSlot(2, time(0, 15), 30)],
    ],
)
def test_overlapping_deadlift_slots_are_refused(slots: list[LiftSlot]) -> None:
    with pytest.raises(InvalidInputError, match="overlap"):
        plan_week(MONDAY, slots, PROFILE, runs=3, weekly_km=10)


@pytest.mark.parametrize(
    ("runs", "weekly_km", "message"),
    [
        (-1, 10, "0 to 7 runs"),
        (8, 10, "0 to 7 runs"),
        (3, -0.1, "0 or more"),
        (3, math.nan, "0 or more"),
        (3, math.inf, "0 or more"),
        (2.0, 10, "whole number"),
        (3, "10", "number"),
    ],
)
def test_bad_targets_are_refused(runs: object, weekly_km: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        plan_week(MONDAY, MON_THU, PROFILE, runs=runs, weekly_km=weekly_km)  # type: ignore[arg-type]


def test_a_slot_must_last_between_a_minute_and_a_day() -> None:
    with pytest.raises(InvalidInputError, match="between 1 and 1440"):
        LiftSlot(0, time(18), 0)


@pytest.mark.parametrize("weeks", [0, 17, -3])
def test_a_block_is_one_to_sixteen_weeks(weeks: int) -> None:
    with pytest.raises(InvalidInputError, match="1 to 16 weeks"):
        plan_block(MONDAY, weeks, MON_THU, PROFILE, runs=3, weekly_km=10)


def test_a_block_refuses_a_bad_week_start_too() -> None:
    with pytest.raises(InvalidInputError, match="starts on a date"):
        plan_block("2026-03-02", 4, MON_THU, PROFILE, runs=3, weekly_km=10)  # type: ignore[arg-type]


def test_a_week_starting_on_sunday_plans_its_seven_days_from_sunday() -> None:
    sunday = MONDAY - timedelta(days=1)
    plan = plan_week(sunday, MON_THU, PROFILE, runs=3, weekly_km=15)
    assert plan.sessions
    assert all(sunday <= s.day < sunday + timedelta(days=7) for s in plan.sessions)
    # Monday's and Thursday's deadlifts are the second and fifth days of that week.
    assert [s.day for s in lifts_of(plan)] == [MONDAY, MONDAY + timedelta(days=3)]
    block = plan_block(sunday, 2, MON_THU, PROFILE, runs=3, weekly_km=15)
    second_week = block[1].sessions
    assert all(
        sunday + timedelta(days=7) <= s.day < sunday + timedelta(days=14) for s in second_week
    )


# --- blocks --------------------------------------------------------------------------------


def test_weekly_targets_grow_at_most_ten_percent_and_every_fourth_week_is_lighter() -> None:
    targets = weekly_targets(20.0, 16)
    assert targets[:5] == pytest.approx((20.0, 22.0, 24.2, 16.94, 24.2))
    assert weekly_targets(10.0, 1) == (10.0,)
    last_full = targets[0]
    for number, target in enumerate(targets, start=1):
        if number % 4 == 0:
            assert target == pytest.approx(targets[number - 2] * 0.7, rel=1e-3)
        else:
            assert target <= last_full * 1.1 + 1e-9
            last_full = target


def test_a_block_plans_consecutive_weeks_each_checked() -> None:
    plans = plan_block(MONDAY, 8, MON_THU, PROFILE, runs=4, weekly_km=15)
    assert len(plans) == 8
    existing: list[Session] = []
    for index, (plan, target) in enumerate(zip(plans, weekly_targets(15, 8), strict=True)):
        week = MONDAY + timedelta(weeks=index)
        check_plan(plan, week, PROFILE, runs=4, weekly_km=target, existing=existing, long_run=True)
        existing.extend(plan.sessions)
    assert plans[3].run_km < plans[2].run_km  # the light fourth week


def test_a_block_sees_the_week_before_it_planned() -> None:
    sunday = (LiftSlot(6, time(18), 60),)
    plans = plan_block(MONDAY, 2, sunday, PROFILE, runs=3, weekly_km=15)
    second_monday = MONDAY + timedelta(weeks=1)
    monday_runs = [s for s in plans[1].sessions if s.kind is Kind.RUN and s.day == second_monday]
    assert all(s.workout is Workout.HILLS for s in monday_runs)


# --- properties ----------------------------------------------------------------------------

_clock = st.builds(time, st.integers(5, 21), st.sampled_from((0, 15, 30, 45)))
_slots = st.lists(
    st.builds(LiftSlot, st.integers(0, 6), _clock, st.sampled_from((30, 45, 60, 90, 120))),
    max_size=4,
    unique_by=lambda slot: slot.weekday,
)
_profiles = st.builds(
    Profile,
    max_distance_km=st.floats(3, 42),
    max_speed_kmh=st.floats(8, 25),
    immediate_window_min=st.integers(10, 180),
    distance_unit=st.sampled_from(list(DistanceUnit)),
)


@st.composite
def _existing(draw: st.DrawFn) -> list[Session]:
    sessions: list[Session] = []
    for _ in range(draw(st.integers(0, 6))):
        start = datetime.combine(MONDAY, time()) + timedelta(
            minutes=15 * draw(st.integers(-8 * 96, 8 * 96))
        )
        minutes = draw(st.integers(20, 120))
        done = draw(st.booleans())
        if draw(st.booleans()):
            sessions.append(lift(start, minutes, done=done, spotter=draw(st.booleans())))
        else:
            workout = draw(st.sampled_from(list(Workout)))
            km = draw(st.floats(0.5, 30))
            sessions.append(run(start, minutes, workout=workout, distance_km=km, done=done))
    return sessions


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    slots=_slots,
    profile=_profiles,
    runs=st.integers(0, 7),
    weekly_km=st.floats(0, 90),
    long_run=st.booleans(),
    existing=_existing(),
)
def test_every_plan_keeps_the_issues_promises(
    slots: list[LiftSlot],
    profile: Profile,
    runs: int,
    weekly_km: float,
    long_run: bool,
    existing: list[Session],
) -> None:
    try:
        plan = plan_week(
            MONDAY,
            slots,
            profile,
            runs=runs,
            weekly_km=weekly_km,
            long_run=long_run,
            existing=existing,
        )
    except InvalidInputError as error:
        # Only slots that wrap into each other across Sunday night may be refused.
        assert "overlap" in str(error)
        return
    check_plan(
        plan,
        MONDAY,
        profile,
        runs=runs,
        weekly_km=weekly_km,
        long_run=long_run,
        existing=existing,
    )
