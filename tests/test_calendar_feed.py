"""The planner's calendar feed: chips, badges, week zones and totals, would-be warnings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.advice import Context, DayLog, History, Kind, Session, Workout
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


# -- doing the work once: the badge from the chips' advice, the feed cache ------------------


def test_month_badges_match_the_days_own_advice_over_a_generated_year(tmp_path: Path) -> None:
    """The badge the feed takes from the chips' advice is the one the day's advice gives."""
    from datetime import date

    from desktop.advice import advise_day, day_has_badge
    from desktop.sample import populate

    end = date(2026, 6, 30)
    with Store.open(tmp_path / "year.db", daily_backup=False) as store:
        populate(store, years=1, seed=3, end=end)
        planner = Planner(store)
        first = end - timedelta(days=120)
        now = datetime.combine(end - timedelta(days=20), datetime.min.time())
        feed = planner.month_feed(first, end, now)
        sessions = store.sessions_between(first - timedelta(days=2), end + timedelta(days=1))
        history = History(sessions)
        logs = store.day_logs_between(first, end)
        profile = planner.profile()
        expected = set()
        day = first
        while day <= end:
            log = logs.get(day)
            advice = advise_day(
                day,
                history,
                profile,
                water_oz=log.water_oz if log else None,
                soreness=log.soreness if log else None,
            )
            if day_has_badge(advice, day, now.date()):
                expected.add(day)
            day += timedelta(days=1)
    assert expected  # the generated year has warned days, water and sessions both
    assert feed.badge_days == frozenset(expected)


def test_water_below_target_badges_a_past_day_only(planner: Planner) -> None:
    tuesday = MONDAY + timedelta(days=1)
    planner.save_day_log(DayLog(day=MONDAY, water_oz=10.0))
    planner.save_day_log(DayLog(day=tuesday, water_oz=10.0))
    now = datetime.combine(tuesday, datetime.min.time()) + timedelta(hours=12)
    feed = planner.month_feed(MONDAY, tuesday, now)
    assert feed.badge_days == frozenset({MONDAY})  # today's half-drunk water is no warning yet


def test_an_edit_drops_the_cached_chips_and_week_totals(planner: Planner) -> None:
    planner.change_sessions(add=[lift(at(0, 18)), run(at(2, 7), distance_km=9.0)])
    before = planner.week_feed(MONDAY, LATER)
    assert planner.week_feed(MONDAY, LATER) == before  # asked twice: the same answer
    (far_run,) = [s for s in planner.sessions_on(MONDAY + timedelta(days=2))]
    planner.change_sessions(put=[replace(far_run, start=at(0, 19, 10))])  # right after the lift
    after = planner.week_feed(MONDAY, LATER)
    monday_run = next(c for c in after.chips if c.session_id == far_run.id)
    assert monday_run.warning and monday_run.text.startswith("19:10")
    assert after.day_totals[MONDAY] != before.day_totals[MONDAY]
    month = planner.month_feed(MONDAY, MONDAY + timedelta(days=6), LATER)
    assert month.badge_days == frozenset({MONDAY})
    planner.change_sessions(add=[run(at(4, 7), distance_km=3.0)])
    assert "Runs 0 of 2" in planner.week_feed(MONDAY, LATER).week_total


def test_a_cached_chip_still_follows_the_clock(planner: Planner) -> None:
    planner.change_sessions(add=[run(at(1, 7), distance_km=5.0)])
    tuesday = MONDAY + timedelta(days=1)
    early = planner.week_feed(MONDAY, datetime.combine(MONDAY, datetime.min.time()))
    late = planner.week_feed(MONDAY, LATER)
    assert [c.state for c in early.chips] == ["planned"]
    assert [c.state for c in late.chips] == ["missed"]
    assert planner.month_feed(tuesday, tuesday, LATER).chips[tuesday][0].state == "missed"


def _count_store_reads(planner: Planner, monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The first day of every session range the planner reads from its store from now on."""
    reads: list[date] = []
    read = planner.store.sessions_between

    def counted(first: date, last: date) -> list[Session]:
        reads.append(first)
        return read(first, last)

    monkeypatch.setattr(planner.store, "sessions_between", counted)
    return reads


def test_walking_through_the_weeks_reads_the_database_every_few_weeks_only(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.change_sessions(
        add=[lift(at(-7 * week, 18)) for week in range(8)]
        + [run(at(-7 * week + 2, 7), distance_km=5.0 + week) for week in range(8)]
    )
    reads = _count_store_reads(planner, monkeypatch)
    walked = [planner.week_feed(MONDAY - timedelta(weeks=week), LATER) for week in range(8)]
    # Eight weeks: the first alone, then three more weeks on each side of a week each load.
    assert len(reads) <= 3
    fresh = Planner(planner.store)
    for week, feed in enumerate(walked):  # and each week reads as a fresh planner's would
        assert feed == fresh.week_feed(MONDAY - timedelta(weeks=week), LATER)
        assert len(feed.chips) == 2


def test_turning_month_pages_reads_the_database_every_few_pages_only(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.change_sessions(add=[run(at(-7 * week + 1, 7)) for week in range(30)])
    reads = _count_store_reads(planner, monkeypatch)
    pages = [
        (MONDAY - timedelta(weeks=4 * n), MONDAY - timedelta(weeks=4 * n - 6)) for n in range(7)
    ]
    fed = [planner.month_feed(first, last, LATER) for first, last in pages]
    assert len(reads) <= 4  # seven pages: the first alone, then two months more each side
    fresh = Planner(planner.store)
    for (first, last), feed in zip(pages, fed, strict=True):
        assert feed == fresh.month_feed(first, last, LATER)
