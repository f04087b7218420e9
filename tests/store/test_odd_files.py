"""Foreign, odd and crashed files: refused untouched with the right sentence, or recovered."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.store import (
    CorruptDatabaseError,
    NotADatabaseError,
    Store,
    StoreError,
)
from tests.builders import run
from tests.store.helpers import V1_SCHEMA, build_v1, snapshot

T0 = datetime(2024, 1, 1, 7, 0)
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and FIFOs")


def _refused(path: Path, error: type[StoreError]) -> str:
    before = snapshot(path.parent)
    with pytest.raises(error) as caught:
        Store.open(path)
    assert snapshot(path.parent) == before
    assert type(caught.value) is error
    return str(caught.value)


@pytest.mark.parametrize("version", [1, 2])
def test_another_apps_file_with_a_session_table_is_refused_untouched(
    db_path: Path, version: int
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE session (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    assert "not a Liftrun training log" in _refused(db_path, NotADatabaseError)
    assert not (db_path.parent / "backups").exists()


def test_a_file_with_another_application_id_is_refused(db_path: Path) -> None:
    build_v1(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    _refused(db_path, NotADatabaseError)


def test_negative_user_version_is_refused_before_any_backup(db_path: Path) -> None:
    build_v1(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = -1")
    conn.commit()
    conn.close()
    _refused(db_path, NotADatabaseError)
    assert not (db_path.parent / "backups").exists()


def test_a_lock_path_that_is_a_folder_gets_a_sentence(db_path: Path) -> None:
    (db_path.parent / "liftrun.db.lock").mkdir()
    with pytest.raises(StoreError) as caught:
        Store.open(db_path)
    assert "is a folder" in str(caught.value)


def test_a_stray_wal_of_another_database_leaves_nothing_behind(
    db_path: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO invoices VALUES (1, 2.0)")
    conn.commit()
    (db_path.parent / "liftrun.db-wal").replace(tmp_path / "stray-wal")
    conn.close()  # closing with its -wal gone checkpoints nothing
    for side in db_path.parent.glob("liftrun.db-*"):
        side.unlink()
    (tmp_path / "stray-wal").replace(db_path.parent / "liftrun.db-wal")
    assert not (db_path.parent / "liftrun.db-shm").exists()
    _refused(db_path, NotADatabaseError)
    assert not (db_path.parent / "liftrun.db-shm").exists()


def test_sqlite_magic_followed_by_garbage_is_a_damaged_header(db_path: Path) -> None:
    db_path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    message = _refused(db_path, CorruptDatabaseError)
    assert "header" in message and "truncated" not in message


def test_a_fifo_is_not_a_database_and_is_never_read(db_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows has no FIFOs")
    os.mkfifo(db_path)
    with pytest.raises(NotADatabaseError) as caught:
        Store.open(db_path)
    assert "not a regular file" in str(caught.value)


@POSIX
def test_dev_zero_is_not_a_database() -> None:
    with pytest.raises(NotADatabaseError):
        Store.open("/dev/zero")


HOT_JOURNAL = """
import sqlite3, sys, os, signal
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN")
conn.execute("UPDATE session SET notes = hex(randomblob(3000))")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_crashed_rollback_journal_is_recovered_at_open(db_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("SIGKILL is POSIX-only")
    build_v1(db_path)
    conn = sqlite3.connect(db_path)
    conn.executemany(
        "INSERT INTO session (kind, start, duration_min, pain, done, notes) "
        "VALUES ('run', ?, 30, 0, 0, '')",
        [(f"2024-02-{day:02d} 07:00:00",) for day in range(1, 29)],
    )
    conn.commit()
    conn.close()
    child = subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(db_path)], check=False)
    assert child.returncode == -signal.SIGKILL
    journal = db_path.parent / "liftrun.db-journal"
    assert journal.exists() and journal.stat().st_size > 0
    with Store.open(db_path) as store:
        sessions = store.all_sessions()
        assert len(sessions) == 31
        assert all(len(s.notes) < 100 for s in sessions)  # the update was rolled back


def test_a_row_the_engine_refuses_is_left_out_and_reported(store: Store) -> None:
    kept = store.add(run(T0))
    bad = store.add(run(T0 + timedelta(hours=2)))
    store.database.connection().execute("UPDATE session SET speed_kmh = 1000 WHERE id = ?", (bad,))
    shown = store.sessions_between(T0.date(), T0.date())
    assert [s.id for s in shown] == [kept]
    assert store.get(bad) is None
    assert [row.id for row in store.unreadable_sessions()] == [bad]
    message = store.unreadable_sessions()[0].message
    assert "2024-01-01 09:00" in message and "not shown" in message
    store.delete(bad)
    assert store.unreadable_sessions() == []


@POSIX
def test_files_and_folders_are_private_whatever_the_umask(db_path: Path) -> None:
    old = os.umask(0o000)
    try:
        with Store.open(db_path) as store:
            store.add(run(T0))
            lock = db_path.parent / "liftrun.db.lock"
            made = store.backup_now()
            wal = db_path.parent / "liftrun.db-wal"
            for path in (db_path, lock, made, wal):
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
            assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    finally:
        os.umask(old)


def test_note_text_never_reaches_the_log_even_at_debug(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "knee hurts after the fall"
    with caplog.at_level(logging.DEBUG):
        logging.getLogger().setLevel(logging.DEBUG)
        store.add(run(T0, notes=secret))
        store.all_sessions()
    assert secret not in caplog.text
    assert all(secret not in str(record.args) for record in caplog.records)


def test_v1_schema_text_is_the_one_recognised(db_path: Path) -> None:
    """The v1 fixture really is a Liftrun layout: it opens (guards the foreign-file tests)."""
    conn = sqlite3.connect(db_path)
    conn.executescript(V1_SCHEMA)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    Store.open(db_path).close()
