"""Older files migrate (after a backup) in one transaction; newer files are refused untouched."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.advice.model import DayLog, DistanceUnit, Kind, WeightUnit
from desktop.store import SCHEMA_VERSION, NewerSchemaError, Store, StoreError
from desktop.store import schema as schema_module
from desktop.store.backups import BackupKind, backup_paths
from tests.builders import run
from tests.store.helpers import V1_DAY, build_v1, snapshot


def _columns(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: [tuple(row[1:]) for row in conn.execute(f"PRAGMA table_info({table})")]
            for table in sorted(tables)
        }
    finally:
        conn.close()


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
    finally:
        conn.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_v1_file_migrates_with_its_data_and_a_backup_first(db_path: Path) -> None:
    build_v1(db_path)
    original = _dump(db_path)
    with Store.open(db_path) as store:
        sessions = store.all_sessions()
        assert [(s.kind, s.start) for s in sessions] == [
            (Kind.DEADLIFT, datetime(2023, 3, 1, 6, 30)),
            (Kind.RUN, datetime(2023, 3, 1, 7, 30)),
            (Kind.RUN, datetime(2023, 3, 3, 18, 0)),
        ]
        lift, first_run, long_run = sessions
        assert (lift.spotter, lift.sets, lift.reps, lift.load_kg, lift.done) == (
            True, 5, 3, 150.0, True,
        )  # fmt: skip
        assert (long_run.distance_km, long_run.pain, long_run.notes) == (12.5, True, "knee")
        assert first_run.created is None and first_run.updated is None  # v1 never knew
        profile = store.profile()
        assert profile is not None
        assert profile.distance_unit is DistanceUnit.MI
        assert profile.weight_unit is WeightUnit.LB
        assert store.preference("theme") == "dark"
        assert store.day_log(V1_DAY) == DayLog(V1_DAY, 48.0, False, "")
        # New columns work right away.
        store.save_day_log(DayLog(V1_DAY, 50.0, True, "after migration"))
        new_id = store.add(run(datetime(2023, 3, 5, 7, 0)))
        assert new_id == 4
        backups = backup_paths(db_path, BackupKind.BEFORE_UPGRADE)
        assert len(backups) == 1 and f"before-v{SCHEMA_VERSION}" in backups[0].name
    assert _dump(backups[0]) == original  # the backup holds the untouched v1 content
    assert _user_version(backups[0]) == 1
    assert _user_version(db_path) == SCHEMA_VERSION


def test_migrated_schema_matches_a_fresh_one(tmp_path: Path) -> None:
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    build_v1(old)
    Store.open(old).close()
    Store.open(fresh).close()
    assert _columns(old) == _columns(fresh)
    assert _indexes(old) == _indexes(fresh)


def test_failed_migration_leaves_the_v1_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_v1(db_path)
    real_step = schema_module.MIGRATIONS[1]

    def failing_step(db: Any) -> list[str]:
        real_step(db)  # do the whole migration, then fail before the commit
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(schema_module.MIGRATIONS, 1, failing_step)
    with pytest.raises(StoreError):
        Store.open(db_path)
    assert _user_version(db_path) == 1
    assert "meta" not in _columns(db_path)
    assert "bcaa" not in [column[0] for column in _columns(db_path)["daylog"]]
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert len(store.all_sessions()) == 3
        before = backup_paths(db_path, BackupKind.BEFORE_UPGRADE)
        assert len(before) == 2  # one per attempt, both before any change


def test_newer_file_is_refused_and_left_untouched(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add(run(datetime(2024, 1, 1, 7, 0)))
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = snapshot(db_path.parent)
    with pytest.raises(NewerSchemaError) as caught:
        Store.open(db_path)
    assert "newer Liftrun" in str(caught.value)
    assert snapshot(db_path.parent) == before


def test_a_new_file_gets_the_current_version(db_path: Path) -> None:
    Store.open(db_path).close()
    assert _user_version(db_path) == SCHEMA_VERSION
    assert date(2024, 1, 1)  # keeps the import honest for readers
