"""A full disk (a real 2 MB tmpfs): the right sentence, no leaked lock, nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.store import DiskFullError, Store, StoreError
from tests.builders import run
from tests.store.helpers import build_v1

T0 = datetime(2024, 1, 1, 7, 0)


def _mount_tmpfs(folder: Path) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own, unmounted afterwards; skipped where mounting is refused."""
    folder = tmp_path / "small"
    folder.mkdir()
    if not _mount_tmpfs(folder):
        pytest.skip("mounting a 2 MB tmpfs needs root on Linux (not allowed here)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system to the last byte; returns the filler to delete later."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_open_on_a_full_disk_says_so_and_leaks_no_lock(small_disk: Path) -> None:
    path = small_disk / "liftrun.db"
    with Store.open(path) as store:
        store.add(run(T0))
    filler = _fill(small_disk)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert isinstance(caught.value, DiskFullError), caught.value
    assert "full" in str(caught.value) and "Free some space" in str(caught.value)
    assert not (small_disk / "liftrun.db.lock").exists()
    filler.unlink()
    with Store.open(path) as store:  # same process, space freed: opens normally
        assert [s.start for s in store.all_sessions()] == [T0]


def test_saving_on_a_full_disk_says_disk_full_and_keeps_what_was_saved(
    small_disk: Path,
) -> None:
    path = small_disk / "liftrun.db"
    with Store.open(path) as store:
        store.add(run(T0))
        filler = _fill(small_disk)
        with pytest.raises(DiskFullError) as caught:
            for n in range(1, 2000):  # the WAL grows until the disk refuses
                store.add(run(T0 + timedelta(hours=n), notes="x" * 2000))
        assert "nothing already saved was lost" in str(caught.value)
        assert "rollback" not in str(caught.value)
        saved = len(store.all_sessions())
        filler.unlink()
        store.add(run(T0 - timedelta(days=1)))
        assert len(store.all_sessions()) == saved + 1


def test_migrating_on_a_full_disk_says_disk_full(small_disk: Path) -> None:
    path = small_disk / "liftrun.db"
    build_v1(path)
    backups = small_disk / "backups"
    backups.mkdir()
    filler = _fill(small_disk)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "full" in str(caught.value).lower() or "space" in str(caught.value)
    assert "restore the newest" not in str(caught.value).lower()
    filler.unlink()
    with Store.open(path) as store:
        assert len(store.all_sessions()) == 3


def _leave_free(filler: Path, kilobytes: int) -> None:
    """Shrink the filler so exactly `kilobytes` of the small disk are free again."""
    if kilobytes:
        os.truncate(filler, filler.stat().st_size - kilobytes * 1024)


@pytest.mark.parametrize("free_kb", [0, 2, 4, 8, 16, 24, 32, 48, 64, 128])
def test_a_nearly_full_disk_is_never_called_damage(small_disk: Path, free_kb: int) -> None:
    path = small_disk / "liftrun.db"
    with Store.open(path) as store:
        for n in range(50):
            store.add(run(T0 + timedelta(hours=n), notes="x" * 500))
    filler = _fill(small_disk)
    _leave_free(filler, free_kb)
    try:
        with Store.open(path, daily_backup=False) as store:
            for n in range(500):  # opened: save until the disk refuses
                store.add(run(T0 + timedelta(days=30, hours=n), notes="y" * 2000))
    except StoreError as error:
        assert isinstance(error, DiskFullError), error
        assert "damaged" not in str(error) and "restore" not in str(error).lower()
    filler.unlink()
    with Store.open(path) as store:
        assert len(store.all_sessions()) >= 50


def test_a_restore_on_a_full_disk_leaves_the_current_data_open_and_unchanged(
    small_disk: Path,
) -> None:
    from desktop.planner import Planner

    path = small_disk / "liftrun.db"
    with Store.open(path) as store:
        store.add(run(T0))
        backup = store.backup_now()
        store.add(run(T0 + timedelta(days=1)))
        store.add(run(T0 + timedelta(days=2)))
        before = store.all_sessions()
        planner = Planner(store)
        filler = _fill(small_disk)
        with pytest.raises(DiskFullError) as caught:
            planner.restore(backup)
        assert "restoring the backup" in str(caught.value)
        assert not store.closed
        assert store.all_sessions() == before
        filler.unlink()
        store.restore(backup)  # with space again it works
        assert [s.start for s in store.all_sessions()] == [T0]
