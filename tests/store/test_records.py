"""Store.records and Store.first_session_day: done sessions only, actual values first."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from desktop.store import Store
from desktop.store.records import ProgressRecords
from tests.builders import lift, run


def test_an_empty_log_has_no_records(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.db") as store:
        assert store.records() == ProgressRecords()
        assert store.first_session_day() is None


def test_records_count_done_sessions_with_their_actual_values(tmp_path: Path) -> None:
    with Store.open(tmp_path / "log.db") as store:
        store.add_many(
            [
                run(datetime(2026, 1, 5, 7), distance_km=30.0),  # planned only: no record
                run(datetime(2026, 1, 6, 7), distance_km=10.0, done=True, actual_distance_km=15.5),
                run(datetime(2026, 1, 7, 7), distance_km=15.0, done=True),
                lift(datetime(2026, 1, 8, 18), load_kg=200.0),  # planned only
                lift(
                    datetime(2026, 1, 9, 18),
                    load_kg=120.0,
                    done=True,
                    actual_load_kg=150.0,
                    actual_reps=2,
                ),
                # The same load with more reps than the 150 kg actually lifted above.
                lift(datetime(2025, 12, 30, 18), load_kg=150.0, reps=3, done=True),
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
            [
                run(datetime(2026, 3, 9, 7), distance_km=12.0, done=True),
                run(datetime(2026, 2, 2, 7), distance_km=12.0, done=True),
            ]
        )
        assert store.records().longest_run_day == date(2026, 2, 2)
