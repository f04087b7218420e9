"""The daily backup run after open, in a background thread, while the store keeps writing."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

from desktop.store import BackupError, Store
from desktop.store.backups import BackupKind, backup_paths
from tests.builders import run

T0 = datetime(2024, 1, 1, 7, 0)


def _count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return int(conn.execute("SELECT count(*) FROM session").fetchone()[0])
    finally:
        conn.close()


def _with_history(db_path: Path, sessions: int) -> None:
    with Store.open(db_path, daily_backup=False) as store:
        store.add_many(run(T0 + timedelta(days=n)) for n in range(sessions))


def test_opening_without_the_daily_backup_leaves_it_to_the_caller(db_path: Path) -> None:
    _with_history(db_path, 3)
    with Store.open(db_path, daily_backup=False) as store:
        assert backup_paths(db_path) == []
        done: list[BackupError | None] = []
        store.start_daily_backup(done.append).join()
        assert done == [None]
        [daily] = backup_paths(db_path, BackupKind.DAILY)
        assert _count(daily) == 3
        assert store.daily_backup() is None  # once a day


def test_writes_during_the_background_backup_are_kept_and_the_copy_is_whole(
    db_path: Path,
) -> None:
    _with_history(db_path, 2_000)
    with Store.open(db_path, daily_backup=False) as store:
        thread = store.start_daily_backup()
        written = [store.add(run(T0 - timedelta(days=n + 1))) for n in range(30)]
        thread.join()
        assert len(store.all_sessions()) == 2_030
        assert store.last_backup_error is None
    [daily] = backup_paths(db_path, BackupKind.DAILY)
    # One consistent snapshot: before, after or between whole transactions, never a torn one.
    assert 2_000 <= _count(daily) <= 2_030
    with Store.open(db_path) as reopened:
        assert all(reopened.get(session_id) is not None for session_id in written)


def test_close_waits_for_the_background_backup(db_path: Path) -> None:
    _with_history(db_path, 500)
    store = Store.open(db_path, daily_backup=False)
    release = threading.Event()
    closed_while_running: list[bool] = []

    def finished(error: BackupError | None) -> None:
        release.wait(timeout=30)  # still running when close() is called
        closed_while_running.append(store.closed)

    thread = store.start_daily_backup(finished)
    threading.Timer(0.05, release.set).start()
    store.close()
    assert closed_while_running == [False]  # close() waited for the thread first
    assert not thread.is_alive() and store.closed
    # Everything is checkpointed and released: the -wal was folded back in and removed.
    assert not db_path.with_name(db_path.name + "-wal").exists()
    with Store.open(db_path) as again:
        assert len(again.all_sessions()) == 500


def test_a_failed_background_backup_is_reported_once(db_path: Path) -> None:
    _with_history(db_path, 3)
    (db_path.parent / "backups").write_text("a file where the folder should be")
    with Store.open(db_path, daily_backup=False) as store:
        reported: list[BackupError | None] = []
        store.start_daily_backup(reported.append).join()
        [error] = reported
        assert isinstance(error, BackupError)
        assert "backups folder" in str(error)
        assert store.last_backup_error is error
        assert store.new_backup_error() is None  # already given to the callback
        assert len(store.all_sessions()) == 3  # the store itself carries on


def test_back_up_now_during_the_daily_backup_keeps_both(db_path: Path) -> None:
    _with_history(db_path, 1_000)
    with Store.open(db_path, daily_backup=False) as store:
        thread = store.start_daily_backup()
        manual = store.backup_now()
        thread.join()
        assert store.last_backup_error is None
        [daily] = backup_paths(db_path, BackupKind.DAILY)
        assert _count(manual) == 1_000
        assert _count(daily) == 1_000
        leftovers = [p for p in manual.parent.iterdir() if ".partial" in p.name]
        assert leftovers == []
