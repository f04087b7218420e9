"""The store at its edges: huge numbers, undone day logs, damaged indexes, stray scratch
files and dangling links."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.advice.model import DayLog, InvalidInputError, Kind, Profile, Session
from desktop.store import CorruptDatabaseError, NotADatabaseError, Store
from desktop.store.backups import BACKUP_FOLDER, PARTIAL_SUFFIX
from tests.builders import run
from tests.store.helpers import snapshot

HUGE = 10**400  # an int no float can hold


def test_a_huge_distance_gets_the_domain_sentence_not_an_overflow() -> None:
    with pytest.raises(InvalidInputError, match="distance cannot be more than"):
        Session(kind=Kind.RUN, start=datetime(2025, 1, 1, 7), duration_min=30, distance_km=HUGE)


def test_a_huge_water_target_gets_the_domain_sentence_not_an_overflow() -> None:
    with pytest.raises(InvalidInputError, match="water target cannot be more than"):
        Profile(max_distance_km=10, max_speed_kmh=12, water_target_oz=HUGE)


def test_huge_water_added_through_the_store_is_refused_and_nothing_changes(
    store: Store,
) -> None:
    day = date(2025, 1, 1)
    store.add_water(day, 16)
    for amount in (HUGE, -HUGE):
        with pytest.raises(InvalidInputError, match="Water added"):
            store.add_water(day, amount)
    assert store.water(day) == 16


def test_huge_numbers_given_to_open_are_refused_in_a_sentence(db_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="busy_timeout_ms must be"):
        Store.open(db_path, busy_timeout_ms=HUGE)
    with pytest.raises(InvalidInputError, match="keep_backups"):
        Store.open(db_path, keep_backups=-HUGE)
    assert not db_path.exists()


def _day_log_rows(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM daylog").fetchone()[0])
    finally:
        conn.close()


def test_undoing_a_days_first_log_edit_leaves_no_row(store: Store, db_path: Path) -> None:
    day = date(2025, 3, 4)
    before = store.day_log(day)  # what undo puts back: nothing logged
    store.save_day_log(DayLog(day=day, water_oz=8, note="tired"))
    assert _day_log_rows(db_path) == 1
    store.save_day_log(before)
    assert _day_log_rows(db_path) == 0
    assert store.day_log(day) == DayLog(day=day)
    store.save_day_logs([DayLog(day=day, bcaa=True), DayLog(day=day)])
    assert _day_log_rows(db_path) == 0


def _damage_the_start_index(path: Path) -> None:
    """Make the index on start disagree with the table (as a flipped bit in an index page
    does): SQLite's quick_check passes such a file, only integrity_check sees it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            'UPDATE sqlite_master SET sql = \'CREATE INDEX "session_start" ON "session" '
            "(\"notes\")' WHERE name = 'session_start'"
        )
        conn.commit()
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def test_a_damaged_index_is_refused_at_open_and_the_file_is_left_alone(db_path: Path) -> None:
    with Store.open(db_path, daily_backup=False) as store:
        for day in range(1, 6):
            store.add(run(datetime(2025, 1, day, 7)))
    _damage_the_start_index(db_path)
    before = snapshot(db_path.parent)
    with pytest.raises(CorruptDatabaseError, match="integrity check") as caught:
        Store.open(db_path)
    assert "Restore the newest file" in str(caught.value)
    assert snapshot(db_path.parent) == before


def test_scratch_files_a_killed_backup_left_are_removed_at_the_next_open(
    db_path: Path,
) -> None:
    with Store.open(db_path) as store:
        store.add(run(datetime(2025, 1, 1, 7)))
        store.backup_now()
    folder = db_path.parent / BACKUP_FOLDER
    stray = [
        folder / f"liftrun-20250101T000000-000000Z-daily.db{PARTIAL_SUFFIX}",
        folder / f"liftrun-20250101T000000-000000Z-daily.db{PARTIAL_SUFFIX}-journal",
    ]
    other = folder / "notes.txt.partial"
    for entry in (*stray, other):
        entry.write_bytes(b"half a copy")
    with Store.open(db_path, daily_backup=False) as store:
        assert len(store.backups()) == 1
    assert not any(entry.exists() for entry in stray)
    assert other.exists()  # not Liftrun's: left alone


def test_a_dangling_link_at_the_database_path_is_named_as_a_link(tmp_path: Path) -> None:
    path = tmp_path / "liftrun.db"
    path.symlink_to(tmp_path / "unplugged-drive" / "liftrun.db")
    with pytest.raises(NotADatabaseError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert "is a link to" in message and "does not exist" in message
    assert "SQLite" not in message and "Errno" not in message
    assert path.is_symlink() and not path.exists()
