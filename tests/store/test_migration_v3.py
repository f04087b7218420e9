"""Version 2 files with data become version 3: actual values, soreness, templates, fixed profile."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.advice.model import DayLog, Kind
from desktop.store import SCHEMA_VERSION, BackupKind, Store
from desktop.store.backups import backup_paths
from desktop.store.schema import APPLICATION_ID
from tests.store.helpers import build_v2


def _header(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (
            int(conn.execute("PRAGMA user_version").fetchone()[0]),
            int(conn.execute("PRAGMA application_id").fetchone()[0]),
        )
    finally:
        conn.close()


def test_v2_file_migrates_with_its_data_and_new_columns_work(db_path: Path) -> None:
    build_v2(db_path)
    with Store.open(db_path) as store:
        lift, first_run = store.all_sessions()
        assert (lift.kind, lift.load_kg, lift.notes) == (Kind.DEADLIFT, 150.0, "heavy")
        assert lift.created == datetime(2024, 3, 1, 10, 0)
        assert first_run.actual_distance_km is None and first_run.rpe is None
        assert store.day_log(date(2024, 3, 4)) == DayLog(date(2024, 3, 4), 48.0, True, "tired")
        assert store.profile_adjustments() == ()
        done = replace(first_run, done=True, actual_distance_km=5.4, actual_duration_min=28, rpe=7)
        store.update(done.id or 0, done)
        lifted = replace(lift, actual_sets=4, actual_reps=3, actual_load_kg=155.0, rpe=9)
        store.update(lift.id or 0, lifted)
        store.save_day_log(DayLog(date(2024, 3, 5), soreness=6))
        [before] = backup_paths(db_path, BackupKind.BEFORE_UPGRADE)
    with Store.open(db_path) as store:
        assert store.get(first_run.id or 0) == done
        assert store.get(lift.id or 0) == lifted
        assert store.day_log(date(2024, 3, 5)).soreness == 6
    assert _header(db_path) == (SCHEMA_VERSION, APPLICATION_ID)
    assert _header(before) == (2, 0)  # the backup holds the untouched v2 file


def test_migrated_v2_schema_matches_a_fresh_one(tmp_path: Path) -> None:
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    build_v2(old)
    Store.open(old).close()
    Store.open(fresh).close()

    def layout(path: Path) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(path)
        try:
            return conn.execute(
                'SELECT m.name, p.name, p.type, p."notnull", p.pk FROM sqlite_master m,'
                " pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid"
            ).fetchall()
        finally:
            conn.close()

    assert layout(old) == layout(fresh)


@pytest.mark.parametrize(
    ("window", "water", "expected", "told"),
    [
        (0, 80.0, (10, 80.0), 1),
        (1440, 80.0, (180, 80.0), 1),
        (60, 32.0, (60, 64.0), 1),
        (5, 10.0, (10, 64.0), 2),
        (60, 80.0, (60, 80.0), 0),
    ],
)
def test_an_out_of_range_profile_is_brought_into_range_and_told_once(
    db_path: Path, window: int, water: float, expected: tuple[int, float], told: int
) -> None:
    build_v2(db_path, window_min=window, water_oz=water)
    with Store.open(db_path) as store:
        profile = store.profile()
        assert profile is not None
        assert (profile.immediate_window_min, profile.water_target_oz) == expected
        sentences = store.profile_adjustments()
        assert len(sentences) == told
        assert all(sentence.endswith(".") for sentence in sentences)
        if window != expected[0]:
            assert f"was {window} minutes" in sentences[0]
    with Store.open(db_path) as store:
        assert store.profile_adjustments() == ()  # consumed once, also across opens


def test_a_profile_written_out_of_range_by_another_tool_never_blocks_opening(
    db_path: Path,
) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO profile VALUES (1, 10.0, 999.0, 60, 80.0, 'km', 'ml', 'kg')")
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        assert store.profile() is None
        [sentence] = store.profile_adjustments()
        assert "enter your profile again" in sentence
