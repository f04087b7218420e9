"""Store.weekly_totals (summed in SQL) against a plain Python recount over random sessions."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.advice.model import Kind, Session, WeekTotals
from desktop.store import Store
from tests.builders import lift, run

FIRST_DAY = date(2024, 12, 2)  # a Monday; the data crosses into 2025


def _recount(sessions: list[Session], first: date, last: date) -> list[WeekTotals]:
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        inside = [s for s in sessions if monday <= s.day < monday + timedelta(days=7)]
        runs = [s for s in inside if s.kind is Kind.RUN]
        lifts = [s for s in inside if s.kind is Kind.DEADLIFT]
        weeks.append(
            WeekTotals(
                week_start=monday,
                runs=len(runs),
                runs_done=sum(s.done for s in runs),
                lifts=len(lifts),
                lifts_done=sum(s.done for s in lifts),
                run_km=sum(s.distance_km or 0.0 for s in runs),
                run_km_done=sum(
                    (s.actual_distance_km if s.actual_distance_km is not None else s.distance_km)
                    or 0.0
                    for s in runs
                    if s.done
                ),
                lift_volume_kg=sum(
                    (s.actual_sets if s.actual_sets is not None else s.sets or 0)
                    * (s.actual_reps if s.actual_reps is not None else s.reps or 0)
                    * (s.actual_load_kg if s.actual_load_kg is not None else s.load_kg or 0.0)
                    for s in lifts
                    if s.done
                ),
                longest_run_km=max(
                    (
                        s.actual_distance_km
                        if s.actual_distance_km is not None
                        else s.distance_km or 0.0
                        for s in runs
                    ),
                    default=0.0,
                ),
            )
        )
        monday += timedelta(days=7)
    return weeks


def _assert_same(got: list[WeekTotals], want: list[WeekTotals]) -> None:
    assert [w.week_start for w in got] == [w.week_start for w in want]
    for mine, theirs in zip(got, want, strict=True):
        assert (mine.runs, mine.runs_done, mine.lifts, mine.lifts_done) == (
            theirs.runs, theirs.runs_done, theirs.lifts, theirs.lifts_done,
        )  # fmt: skip
        for name in ("run_km", "run_km_done", "lift_volume_kg", "longest_run_km"):
            assert getattr(mine, name) == pytest.approx(getattr(theirs, name)), name


maybe_km = st.none() | st.floats(0, 42, allow_nan=False)
maybe_count = st.none() | st.integers(1, 20)
maybe_kg = st.none() | st.floats(0, 300, allow_nan=False)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    start = datetime.combine(FIRST_DAY, datetime.min.time()) + timedelta(
        minutes=draw(st.integers(0, 70 * 24 * 60 - 1))
    )
    done = draw(st.booleans())
    if draw(st.booleans()):
        return run(
            start,
            done=done,
            distance_km=draw(maybe_km),
            actual_distance_km=draw(maybe_km) if done else None,
        )
    return lift(
        start,
        done=done,
        sets=draw(maybe_count),
        reps=draw(maybe_count),
        load_kg=draw(maybe_kg),
        actual_sets=draw(maybe_count) if done else None,
        actual_reps=draw(maybe_count) if done else None,
        actual_load_kg=draw(maybe_kg) if done else None,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(sessions(), max_size=40),
    st.integers(0, 69),
    st.integers(0, 69),
)
def test_weekly_totals_match_a_python_recount(
    stored: list[Session], first_offset: int, length: int
) -> None:
    first = FIRST_DAY + timedelta(days=first_offset)
    last = first + timedelta(days=length)
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "t.db") as store:
        store.add_many(stored)
        _assert_same(store.weekly_totals(first, last), _recount(stored, first, last))


def test_empty_weeks_across_the_year_boundary(store: Store) -> None:
    store.add(run(datetime(2024, 12, 29, 7, 0), done=True, distance_km=10.0))  # Sunday
    store.add(run(datetime(2024, 12, 30, 7, 0), done=True, distance_km=5.0))  # Monday
    store.add(run(datetime(2025, 1, 20, 7, 0), distance_km=8.0))
    weeks = store.weekly_totals(date(2024, 12, 25), date(2025, 1, 21))
    assert [w.week_start for w in weeks] == [
        date(2024, 12, 23), date(2024, 12, 30), date(2025, 1, 6), date(2025, 1, 13),
        date(2025, 1, 20),
    ]  # fmt: skip
    assert [w.run_km for w in weeks] == [10.0, 5.0, 0.0, 0.0, 8.0]
    assert [w.runs_done for w in weeks] == [1, 1, 0, 0, 0]
    assert weeks[2] == WeekTotals(week_start=date(2025, 1, 6))
    assert store.weekly_totals(date(2030, 1, 1), date(2030, 1, 1)) == [
        WeekTotals(week_start=date(2029, 12, 31))
    ]


def test_the_mean_rpe_of_a_week_counts_only_its_done_sessions_with_one(store: Store) -> None:
    store.add(run(datetime(2024, 12, 2, 7, 0), done=True, distance_km=5.0, rpe=4))  # Monday
    store.add(lift(datetime(2024, 12, 4, 18, 0), done=True, rpe=8))
    store.add(run(datetime(2024, 12, 6, 7, 0), done=True, distance_km=5.0))  # no RPE
    store.add(run(datetime(2024, 12, 8, 7, 0), distance_km=5.0, rpe=9))  # planned: left out
    store.add(run(datetime(2024, 12, 16, 7, 0), done=True, distance_km=5.0, rpe=7))
    means = store.weekly_mean_rpe(date(2024, 12, 3), date(2024, 12, 20))
    assert means == {date(2024, 12, 2): 6.0, date(2024, 12, 16): 7.0}


def test_weeks_from_sunday_group_sunday_to_saturday(store: Store) -> None:
    store.add(run(datetime(2024, 12, 29, 7, 0), done=True, distance_km=10.0, rpe=6))  # Sunday
    store.add(run(datetime(2024, 12, 30, 7, 0), done=True, distance_km=5.0, rpe=8))  # Monday
    store.add(run(datetime(2025, 1, 4, 7, 0), distance_km=3.0))  # Saturday
    store.add(run(datetime(2025, 1, 5, 7, 0), distance_km=8.0))  # the next Sunday
    sunday = 6
    weeks = store.weekly_totals(date(2024, 12, 31), date(2025, 1, 5), sunday)
    assert [w.week_start for w in weeks] == [date(2024, 12, 29), date(2025, 1, 5)]
    assert [w.run_km for w in weeks] == [18.0, 8.0]
    assert [w.runs_done for w in weeks] == [2, 0]
    means = store.weekly_mean_rpe(date(2024, 12, 29), date(2025, 1, 4), sunday)
    assert means == {date(2024, 12, 29): 7.0}
    # From Monday, the first Sunday is the week before's.
    assert [w.run_km for w in store.weekly_totals(date(2024, 12, 29), date(2025, 1, 5))] == [
        10.0,
        8.0 + 5.0 + 3.0,
    ]
