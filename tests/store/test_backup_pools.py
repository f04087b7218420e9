"""Backups that protect: pools by kind, integrity-checked copies, restore of a damaged file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.store import (
    BackupError,
    BackupKind,
    CorruptDatabaseError,
    Store,
    list_backups,
    restore_backup,
)
from desktop.store import backups as backups_module
from desktop.store.backing_up import take_daily_backup
from desktop.store.backups import backup_paths
from tests.builders import run

T0 = datetime(2024, 1, 1, 7, 0)


class Clock:
    """A controllable UTC clock for backup names."""

    def __init__(self) -> None:
        self.now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(backups_module, "now_utc", fake)
    return fake


def _break_an_index(path: Path) -> None:
    """Change a row behind its index's back: quick_check passes, integrity_check does not."""
    conn = sqlite3.connect(path)
    index_root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'session_start'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    start = (index_root - 1) * page
    body = data[start : start + page]
    spot = body.find(b"2024-01-0")
    assert spot > 0
    data[start + spot + 9] = ord("9")  # the index now names a day no row has
    path.write_bytes(bytes(data))


def _point_the_start_index_elsewhere(path: Path) -> None:
    """Make the start index disagree with its table through another connection, as damage
    appearing while the store is open would; quick_check still passes."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            'UPDATE sqlite_master SET sql = \'CREATE INDEX "session_start" ON "session" '
            "(\"notes\")' WHERE name = 'session_start'"
        )
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute(f"PRAGMA schema_version = {version + 1}")  # other connections reload
        conn.commit()
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    finally:
        conn.close()


def _damaged_database(db_path: Path) -> None:
    with Store.open(db_path) as store:
        for n in range(5):
            store.add(run(T0 + timedelta(days=n)))
    _break_an_index(db_path)
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    finally:
        conn.close()


def test_manual_backups_never_evict_the_daily_ones(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path, keep_backups=3) as store:
        store.add(run(T0))
    clock.now += timedelta(days=1)
    with Store.open(db_path, keep_backups=3) as store:
        daily = backup_paths(db_path, BackupKind.DAILY)
        assert len(daily) == 1
        for _ in range(7):
            store.backup_now()
        assert len(backup_paths(db_path, BackupKind.MANUAL)) == 3
        assert backup_paths(db_path, BackupKind.DAILY) == daily


def test_daily_copies_are_promoted_to_weekly_and_monthly(db_path: Path, clock: Clock) -> None:
    for day in range(40):
        with Store.open(db_path) as store:
            store.add(run(T0 + timedelta(days=day)))
        clock.now += timedelta(days=1)
    assert len(backup_paths(db_path, BackupKind.DAILY)) == 7
    weekly = backup_paths(db_path, BackupKind.WEEKLY)
    assert len(weekly) == 4
    assert len(backup_paths(db_path, BackupKind.MONTHLY)) == 2
    # The oldest weekly copy holds data from weeks before the oldest daily one.
    with Store.open(weekly[-1]) as old:
        assert len(old.all_sessions()) < 40 - 7


def test_a_damaged_file_is_never_backed_up_over_the_good_copies(
    db_path: Path, clock: Clock
) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
    clock.now += timedelta(days=1)
    Store.open(db_path).close()
    good = backup_paths(db_path)
    _damaged_database(db_path)
    for _ in range(10):
        clock.now += timedelta(days=1)
        # Opening runs the full integrity_check, so the damage is refused the day it happens.
        with pytest.raises(CorruptDatabaseError, match="integrity check"):
            Store.open(db_path)
        # The backup's own check guards too, for damage that appears while the file is open.
        with pytest.raises(BackupError, match="integrity check"):
            take_daily_backup(db_path, keep=7, timeout_s=1.0)
    assert set(good) <= set(backup_paths(db_path))


def test_list_and_restore_without_opening_the_damaged_file(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
        store.add(run(T0 + timedelta(days=1)))
        good = store.backup_now()
    db_path.write_bytes(db_path.read_bytes()[:5000] + b"\xff" * 3192)
    damaged = db_path.read_bytes()
    listed = list_backups(db_path)
    assert [(info.path, info.kind, info.sessions, info.ok) for info in listed] == [
        (good, BackupKind.MANUAL, 2, True)
    ]
    assert listed[0].created.tzinfo is not None
    kept = restore_backup(db_path, good)
    assert kept is not None and kept.read_bytes() == damaged
    assert ".damaged-" in kept.name
    with Store.open(db_path) as store:
        assert len(store.all_sessions()) == 2


def test_restore_backup_refuses_a_damaged_backup_and_changes_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    before = db_path.read_bytes()
    with pytest.raises(BackupError):
        restore_backup(db_path, bad)
    assert db_path.read_bytes() == before


def test_in_app_restore_works_when_the_open_file_is_damaged(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path) as store:
        for n in range(5):
            store.add(run(T0 + timedelta(days=n)))
        good = store.backup_now()
        _point_the_start_index_elsewhere(db_path)  # damage that appears while it is open
        kept = store.restore(good)
        assert kept is not None and ".damaged-" in kept.name
        assert len(store.all_sessions()) == 5
        assert store.add(run(T0 + timedelta(days=9))) > 0


def test_only_the_newest_before_restore_copy_is_kept(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
        first = store.backup_now()
        store.restore(first)
        store.restore(first)
        assert len(backup_paths(db_path, BackupKind.BEFORE_RESTORE)) == 1
        clock.now += timedelta(days=31)
        store.backup_now()
        assert backup_paths(db_path, BackupKind.BEFORE_RESTORE) == []


def test_scratch_files_of_a_killed_backup_are_cleaned(store: Store) -> None:
    folder = store.backup_folder
    folder.mkdir()
    stray = [
        folder / f"liftrun-20250101T000000-000000Z-daily.db.partial{tail}"
        for tail in ("", "-journal", "-wal", "-shm")
    ]
    for path in stray:
        path.write_bytes(b"half")
    other = folder / "notes.db.partial-journal"
    other.write_bytes(b"not ours")
    store.backup_now()
    assert not any(path.exists() for path in stray)
    assert other.exists()
