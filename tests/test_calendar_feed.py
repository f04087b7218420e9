"""The planner's calendar feed: chips, badges, week zones and totals, would-be warnings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.advice import Context, DayLog, Kind, Workout
from desktop.planner import Planner
from desktop.store import Store
from tests.builders import MONDAY, PROFILE, at, lift, run

LATER = datetime(2027, 1, 1)  # "now" for compliance: the whole test week is past


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[Planner]:
    with Store.open(tmp_path / "plan.db", daily_backup=False) as store:
        store.save_profile(PROFILE)
        yield Planner(store)


def test_chips_are_worded_by_the_engine_in_time_order(planner: Planner) -> None:
    planner.change_sessions(
        add=[
            run(at(0, 19, 10), distance_km=9.0),  # right after the lift: over the 8 km cap
            lift(at(0, 18)),
            run(at(2, 7), done=True, actual_distance_km=3.0),  # 40% short: done differently
        ]
    )
    feed = planner.month_feed(MONDAY, MONDAY + timedelta(days=6), LATER)
    monday = feed.chips[MONDAY]
    assert [c.text for c in monday] == ["18:00 5x3 140 kg", "19:10 Easy 9 km"]
    assert [c.state for c in monday] == ["missed", "missed"]
    assert not monday[0].warning and monday[1].warning
    assert "at most 8.0 km" in monday[1].tooltip and monday[1].tooltip.startswith("19:10")
    (wednesday,) = feed.chips[MONDAY + timedelta(days=2)]
    assert wednesday.state == "different"
    assert feed.badge_days == frozenset({MONDAY})
    assert feed.marks[MONDAY].has_warning and not feed.marks[MONDAY + timedelta(days=2)].has_warning


def test_the_days_soreness_reaches_the_chips_advice(planner: Planner) -> None:
    planner.change_sessions(add=[run(at(1, 7), workout=Workout.INTERVALS, distance_km=4.0)])
    tuesday = MONDAY + timedelta(days=1)
    calm = planner.month_feed(tuesday, tuesday, LATER).chips[tuesday][0]
    planner.save_day_log(DayLog(day=tuesday, soreness=9))
    sore = planner.month_feed(tuesday, tuesday, LATER).chips[tuesday][0]
    assert not calm.warning and sore.warning


def test_drop_warnings_cover_the_moved_session_and_its_neighbours(planner: Planner) -> None:
    planner.change_sessions(
        add=[lift(at(0, 18)), run(at(3, 9), workout=Workout.LONG, distance_km=10.0)]
    )
    long_run = next(s for s in planner.sessions_on(MONDAY + timedelta(days=3)))
    assert long_run.id is not None
    # The longest run onto the deadlift day: its own warning, nothing written.
    onto_lift_day = planner.drop_warnings(long_run.id, MONDAY, copy=False)
    assert any("longest run" in w for w in onto_lift_day)
    assert planner.sessions_on(MONDAY + timedelta(days=3))[0].start == at(3, 9)
    # A deadlift landing just before the long run: the run's warnings, nothing written.
    the_lift = planner.sessions_on(MONDAY)[0]
    assert the_lift.id is not None
    before_run = planner.move_warnings(the_lift.id, at(3, 7, 30), copy=False)
    assert any("at most 8.0 km" in w for w in before_run)
    assert any("longest run" in w for w in before_run)
    assert planner.sessions_on(MONDAY)[0].start == at(0, 18)
    assert planner.drop_warnings(the_lift.id, MONDAY + timedelta(days=5), copy=False) == []


def test_week_feed_zones_and_totals(planner: Planner) -> None:
    planner.change_sessions(
        add=[
            lift(at(0, 18)),
            run(at(1, 7), distance_km=5.0, done=True),
            run(at(2, 7), distance_km=6.0),
        ]
    )
    feed = planner.week_feed(MONDAY + timedelta(days=3), LATER)
    assert feed.monday == MONDAY
    assert len(feed.chips) == 3
    right_after = [z for z in feed.zones if z.context is Context.IMMEDIATELY_AFTER]
    assert [(z.start, z.end) for z in right_after] == [(at(0, 19), at(0, 20))]
    assert feed.day_totals[MONDAY] == "5 sets"
    assert feed.day_totals[MONDAY + timedelta(days=1)] == "5.0/5.0 km"
    assert feed.week_total.startswith("Runs 1 of 2 done, 5.0 km of 11.0 km")
    moved = planner.moved_session(planner.sessions_on(MONDAY)[0], at(4, 6), copy=False)
    zones = planner.week_zones(MONDAY, moved)
    assert [z.start for z in zones if z.context is Context.IMMEDIATELY_AFTER] == [at(4, 7)]


def test_a_copy_is_a_new_planned_session_and_repeat_stops_at_the_date(planner: Planner) -> None:
    planner.change_sessions(add=[run(at(0, 7), done=True, actual_distance_km=4.0)])
    done = planner.sessions_on(MONDAY)[0]
    assert done.id is not None
    copy = planner.moved_session(done, at(3, 8), copy=True)
    assert copy.id is None and not copy.done and copy.actual_distance_km is None
    assert copy.kind is Kind.RUN and copy.start == at(3, 8)
    plan = planner.repeat_weekly(done.id, 2, until=MONDAY + timedelta(weeks=5))
    assert [c.day for c in plan.copies] == [MONDAY + timedelta(weeks=n) for n in (2, 4)]
    with pytest.raises(ValueError, match="1 week or more"):
        planner.repeat_weekly(done.id, 0, times=2)
