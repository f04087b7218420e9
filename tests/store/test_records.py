"""Store.records and Store.first_session_day: done sessions only, actual values first."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from desktop.advice import Kind, Session, Workout
from desktop.store import Store
from desktop.store.records import ProgressRecords


def run(day: date, km: float, **values: object) -> Session:
    return Session(
        kind=Kind.RUN,
        start=datetime.combine(day, time(7)),
        duration_min=60,
        workout=Workout.EASY,
        distance_km=km,
        **values,  # type: ignore[arg-type]
    )


def lift(day: date, load_kg: float, reps: int = 5, **values: object) -> Session:
    return Session(
        kind=Kind.DEADLIFT,
        start=datetime.combine(day, time(18)),
        duration_min=60,
        sets=3,
        reps=reps,
        load_kg=load_kg,
        **values,  # type: ignore[arg-type]
    )


def test_an_empty_log_has_no_records(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.db") as store:
        assert store.records() == ProgressRecords()
        assert store.first_session_day() is None


def test_records_count_done_sessions_with_their_actual_values(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.db") as store:
        store.add_many(
            [
                run(date(2026, 1, 5), 30.0),  # planned only: no record
                run(date(2026, 1, 6), 10.0, done=True, actual_distance_km=15.5),
                run(date(2026, 1, 7), 15.0, done=True),
                lift(date(2026, 1, 8), 200.0),  # planned only
                lift(date(2026, 1, 9), 120.0, done=True, actual_load_kg=150.0, actual_reps=2),
                lift(date(2025, 12, 30), 150.0, reps=3, done=True),  # same load, more reps
            ]
        )
        assert store.records() == ProgressRecords(
            longest_run_km=15.5,
            longest_run_day=date(2026, 1, 6),
            heaviest_set_kg=150.0,
            heaviest_set_reps=3,
            heaviest_set_day=date(2025, 12, 30),
        )
        assert store.first_session_day() == date(2025, 12, 30)


def test_a_tied_record_belongs_to_the_day_it_was_first_set(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.db") as store:
        store.add_many(
            [run(date(2026, 3, 9), 12.0, done=True), run(date(2026, 2, 2), 12.0, done=True)]
        )
        assert store.records().longest_run_day == date(2026, 2, 2)
