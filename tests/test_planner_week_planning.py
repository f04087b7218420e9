"""The planner's Plan week, Plan block and template reads, over a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import pytest

from desktop.advice import InvalidInputError, Kind, LiftSlot
from desktop.advice.plan_preview import EntryStatus, PlanRequest
from desktop.planner import Planner
from desktop.store import Store, TemplateNotFoundError
from tests.builders import MONDAY, PROFILE, at, lift, run

WEEK = timedelta(days=7)


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[Planner]:
    with Store.open(tmp_path / "plan.db") as store:
        store.save_profile(PROFILE)
        yield Planner(store)


def test_an_empty_calendar_starts_from_monday_and_thursday_evenings(planner: Planner) -> None:
    request = planner.plan_defaults(MONDAY + timedelta(days=3))
    assert request.week_start == MONDAY
    # Monday and Thursday evenings, an hour each: the article's example week.
    assert request.lifts == (LiftSlot(0, time(18, 0), 60), LiftSlot(3, time(18, 0), 60))
    assert request.runs == 3 and request.weekly_km == 15.0
    assert request.keep_existing and request.long_run and request.weeks == 1


def test_defaults_follow_the_recent_weeks_pattern_and_average(planner: Planner) -> None:
    sessions = []
    for week in range(1, 4):  # the three weeks before MONDAY
        back = -7 * week
        sessions += [lift(at(back + 1, 6, 30), 45), lift(at(back + 4, 19), 75)]
        sessions += [run(at(back + 2, 7), distance_km=6.0), run(at(back + 5, 9), distance_km=8.0)]
    sessions.append(lift(at(-7 * 3 + 6, 10)))  # a Sunday lift one week only: not a pattern
    sessions.append(run(at(-7 + 6, 9), distance_km=4.0))  # last week had a third run
    planner.store.add_many(sessions)

    request = planner.plan_defaults(MONDAY + timedelta(days=5), weeks=4)
    assert request.lifts == (LiftSlot(1, time(6, 30), 45), LiftSlot(4, time(19), 75))
    assert request.weekly_km == pytest.approx((14 + 14 + 18) / 3, abs=0.05)
    assert request.runs == 2  # (2 + 2 + 3) / 3 rounded
    assert request.weeks == 4


def test_the_preview_works_around_stored_sessions_just_before_the_week(planner: Planner) -> None:
    sunday_lift = lift(at(-1, 18))
    planner.store.add_many([sunday_lift])
    request = PlanRequest(MONDAY, (LiftSlot(3, time(18), 60),), runs=3, weekly_km=20.0)
    preview = planner.plan_preview(request)
    monday_runs = [e.session for e in preview.days[0].entries if e.session.kind is Kind.RUN]
    assert monday_runs
    # The day after a deadlift is for hills (or rest), whatever the run count asks.
    assert all(s.workout is not None and s.workout.value == "hills" for s in monday_runs)
    assert not any(e.has_warning for day in preview.days for e in day.entries)


def test_a_block_reads_every_week_it_covers(planner: Planner) -> None:
    third_week_run = run(at(15, 7), done=True)
    (stored_id,) = planner.store.add_many([third_week_run])
    request = PlanRequest(MONDAY, (), runs=2, weekly_km=12.0, keep_existing=False, weeks=3)
    preview = planner.plan_preview(request)
    kept = [e for day in preview.days for e in day.entries if e.status is EntryStatus.KEPT]
    assert [e.session.id for e in kept] == [stored_id]  # done: kept, even when replacing
    assert preview.removed == ()


def test_a_week_is_kept_and_placed_as_a_template(planner: Planner) -> None:
    planner.store.add_many([lift(at(0, 18)), run(at(1, 7), done=True), run(at(8, 7))])
    assert planner.save_week_template("Base", MONDAY + timedelta(days=6)) == 2
    assert planner.template_names() == ["Base"]

    next_week = MONDAY + WEEK
    preview = planner.template_preview("Base", next_week + timedelta(days=2))
    new = list(preview.sessions)
    assert [(s.kind, s.start) for s in new] == [
        (Kind.DEADLIFT, at(7, 18)),
        (Kind.RUN, at(8, 7)),
    ]
    assert all(not s.done and s.id is None for s in new)
    # The run already on Tuesday next week is shown apart, and the overlap is said.
    assert any("overlaps" in note for note in preview.notes)

    replacing = planner.template_preview("Base", next_week, keep_existing=False)
    assert [s.start for s in replacing.removed] == [at(8, 7)]
    assert not replacing.notes

    planner.delete_template("Base")
    assert planner.template_names() == []
    with pytest.raises(TemplateNotFoundError):
        planner.template_preview("Base", next_week)


def test_an_empty_week_is_not_kept_as_a_template(planner: Planner) -> None:
    with pytest.raises(InvalidInputError, match="no sessions"):
        planner.save_week_template("Nothing", MONDAY)
    assert planner.template_names() == []


def test_a_week_with_deadlifts_keeps_its_own_days(planner: Planner) -> None:
    past = [lift(at(-7 * week + 1, 18)) for week in (1, 2, 3)]  # Tuesdays lately
    this_week = [lift(at(0, 6, 45)), lift(at(4, 18, 15), 50)]  # Monday and Friday this week
    planner.store.add_many([*past, *this_week])
    request = planner.plan_defaults(MONDAY + timedelta(days=2))
    assert request.lifts == (LiftSlot(0, time(6, 45), 60), LiftSlot(4, time(18, 15), 50))
    # Planned with those slots, no deadlift is added twice.
    preview = planner.plan_preview(request)
    assert not [s for s in preview.sessions if s.kind is Kind.DEADLIFT]


def test_weeks_from_sunday_keep_and_place_sunday_to_saturday(planner: Planner) -> None:
    sunday = 6
    # Sunday 1 March opens the week; Saturday 7 March closes it; Sunday 8 March is the next.
    planner.store.add_many([run(at(-1, 8)), lift(at(0, 18)), run(at(5, 7)), run(at(6, 7))])
    assert planner.save_week_template("Sun", MONDAY, sunday) == 3
    assert planner.week_sessions(MONDAY, sunday)[0].start == at(-1, 8)

    preview = planner.template_preview("Sun", MONDAY + 2 * WEEK, first_weekday=sunday)
    assert [s.start for s in preview.sessions] == [at(13, 8), at(14, 18), at(19, 7)]

    request = planner.plan_defaults(MONDAY + timedelta(days=3), first_weekday=sunday)
    assert request.week_start == MONDAY - timedelta(days=1)
    assert [slot.weekday for slot in request.lifts] == [0]  # Monday's deadlift, by weekday
