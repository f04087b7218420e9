"""Backups: checked copies with sortable names, daily at open when changed, rotation, restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.store import BackupError, Store
from desktop.store import backups as backups_module
from desktop.store.backups import BackupKind, backup_paths, backup_time
from tests.builders import lift, run
from tests.store.helpers import build_v1

T0 = datetime(2024, 1, 1, 7, 0)


def _daily(store: Store) -> list[Path]:
    return backup_paths(store.path, BackupKind.DAILY)


def _starts(store: Store) -> list[datetime]:
    return [s.start for s in store.all_sessions()]


def _check(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


class Clock:
    """A controllable UTC clock for backup names and the once-a-day rule."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(datetime(2025, 6, 1, 12, 0, tzinfo=UTC))
    monkeypatch.setattr(backups_module, "now_utc", fake)
    return fake


def test_backup_now_writes_a_checked_self_contained_copy(store: Store) -> None:
    store.add(run(T0))
    path = store.backup_now()
    assert path.parent == store.path.parent / "backups"
    assert path.name.startswith("liftrun-") and path.suffix == ".db"
    assert backup_time(path) is not None
    assert _check(path) == [("ok",)]
    assert path.read_bytes()[18] == 1  # rollback journal: no -wal needed to read it
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    with Store.open(path) as copy:
        assert _starts(copy) == [T0]
    assert store.backups() == [path]


def test_rotation_keeps_the_newest(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path, keep_backups=3) as store:
        made = []
        for n in range(5):
            store.add(run(T0 + timedelta(days=n)))
            made.append(store.backup_now())
        assert store.backups() == list(reversed(made[-3:]))
        assert sorted(p.name for p in store.backup_folder.iterdir()) == sorted(
            p.name for p in made[-3:]
        )


def test_names_sort_in_time_order_even_if_the_clock_goes_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    moments = iter([datetime(2025, 6, 1, 12, tzinfo=UTC), datetime(2025, 6, 1, 11, tzinfo=UTC)])
    monkeypatch.setattr(backups_module, "now_utc", lambda: next(moments))
    first = store.backup_now()
    second = store.backup_now()
    assert store.backups() == [second, first]


def test_backups_ignores_other_files_and_cleans_partial_copies(store: Store) -> None:
    folder = store.backup_folder
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "other-20250101T000000-000000Z.db").write_bytes(b"")
    stale = folder / "liftrun-20250101T000000-000000Z.db.partial"
    stale.write_bytes(b"half a backup")
    assert store.backups() == []
    made = store.backup_now()
    assert store.backups() == [made]
    assert not stale.exists()
    assert (folder / "notes.txt").exists()
    assert (folder / "other-20250101T000000-000000Z.db").exists()


def test_daily_backup_at_open_only_once_a_day_and_only_after_changes(
    db_path: Path, clock: Clock
) -> None:
    with Store.open(db_path) as store:
        assert store.backups() == []  # a brand-new database has nothing to protect
        store.add(run(T0))
    with Store.open(db_path) as store:
        assert len(_daily(store)) == 1  # changed since the last (no) backup
        store.add(run(T0 + timedelta(days=1)))
    with Store.open(db_path) as store:
        assert len(_daily(store)) == 1  # same day: at most one
    clock.now += timedelta(days=1)
    with Store.open(db_path) as store:
        assert len(_daily(store)) == 2  # next day, and something changed
        newest = _daily(store)[0]
    with Store.open(db_path) as store:
        assert len(_daily(store)) == 2
    clock.now += timedelta(days=1)
    with Store.open(db_path) as store:
        assert _daily(store)[0] == newest  # next day, but nothing changed since
    with Store.open(newest) as copy:
        assert len(copy.all_sessions()) == 2


def test_failed_daily_backup_does_not_stop_the_open(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
    (db_path.parent / "backups").write_text("a file where the folder should be")
    with Store.open(db_path) as store:
        assert store.last_backup_error is not None
        assert "backups folder" in str(store.last_backup_error)
        assert _starts(store) == [T0]


def test_restore_replaces_content_after_backing_up_the_current_data(
    db_path: Path, clock: Clock
) -> None:
    with Store.open(db_path) as store:
        store.add(lift(T0))
        store.set_water(T0.date(), 40.0)
        old = store.backup_now()
        store.add(run(T0 + timedelta(hours=1)))
        store.set_water(T0.date(), 64.0)
        store.restore(old)
        assert _starts(store) == [T0]
        assert store.water(T0.date()) == 40.0
        safety = store.backups()[0]
        assert "before-restore" in safety.name
        new_id = store.add(run(T0 + timedelta(hours=5)))  # still usable after the reload
        assert store.get(new_id) is not None
    with Store.open(safety) as previous:
        assert _starts(previous) == [T0, T0 + timedelta(hours=1)]
        assert previous.water(T0.date()) == 64.0
    with Store.open(db_path) as store:
        assert _starts(store) == [T0, T0 + timedelta(hours=5)]
        assert _check(db_path) == [("ok",)]


def test_restore_never_rotates_away_the_backup_being_restored(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path, keep_backups=2) as store:
        store.add(run(T0))
        oldest = store.backup_now()
        store.add(run(T0 + timedelta(days=1)))
        store.backup_now()
        store.restore(oldest)
        assert oldest.exists()
        assert _starts(store) == [T0]


def test_restore_of_a_bad_file_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.add(run(T0))
    bad = tmp_path / "not-a-backup.db"
    bad.write_bytes(b"nope" * 1000)
    with pytest.raises(BackupError) as caught:
        store.restore(bad)
    assert "cannot be restored" in str(caught.value)
    with pytest.raises(BackupError):
        store.restore(tmp_path / "missing.db")
    with pytest.raises(BackupError):
        store.restore(store.path)
    assert store.backups() == []
    assert _starts(store) == [T0]


def test_restore_of_a_v1_backup_migrates_it(store: Store, tmp_path: Path) -> None:
    old = tmp_path / "old-liftrun.db"
    build_v1(old)
    before = old.read_bytes()
    store.add(run(T0))
    store.restore(old)
    assert len(store.all_sessions()) == 3
    assert store.preference("theme") == "dark"
    assert old.read_bytes() == before
    store.save_day_log(store.day_log(T0.date()))
