"""One writer per database: second instances are refused, a crashed holder's lock is taken."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop.store import AlreadyOpenError, Store
from desktop.store.lock import lock_path_for
from tests.builders import run

T0 = datetime(2024, 1, 1, 7, 0)

HOLDER = """
import sys
from datetime import datetime
from desktop.advice.model import Session
from desktop.store import Store
store = Store.open(sys.argv[1])
store.add(Session(kind="run", start=datetime(2024, 2, 2, 8, 0), duration_min=30))
print("ready", flush=True)
sys.stdin.read()
"""


def _start_holder(db_path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_second_open_in_the_same_process_is_refused_until_close(db_path: Path) -> None:
    first = Store.open(db_path)
    with pytest.raises(AlreadyOpenError) as caught:
        Store.open(db_path)
    assert "already open" in str(caught.value)
    with pytest.raises(AlreadyOpenError):
        Store.open(str(db_path.parent / "." / db_path.name))  # same file, other spelling
    first.close()
    assert not lock_path_for(db_path).exists()
    with Store.open(db_path) as again:
        assert again.all_sessions() == []


def test_a_symlink_to_an_open_database_is_refused(db_path: Path) -> None:
    link = db_path.parent / "link.db"
    try:
        link.symlink_to(db_path)
    except OSError:  # Windows without Developer Mode or the symlink privilege
        pytest.skip("this account may not create symbolic links")
    with Store.open(db_path), pytest.raises(AlreadyOpenError):
        Store.open(link)


def test_lock_file_names_the_holder(store: Store) -> None:
    info = json.loads(lock_path_for(store.path).read_text(encoding="utf-8"))
    assert info["pid"] == os.getpid()
    assert info["host"] and info["started"] and info["token"]


def test_other_process_is_refused_and_a_killed_holder_is_taken_over(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
    holder = _start_holder(db_path)
    try:
        with pytest.raises(AlreadyOpenError) as caught:
            Store.open(db_path)
        assert f"process {holder.pid}" in str(caught.value)
        holder.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        holder.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert lock_path_for(db_path).exists(), "a SIGKILLed holder leaves its lock file behind"
    with Store.open(db_path) as store:
        assert len(store.all_sessions()) == 2  # the holder's committed session survived
        info = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
        assert info["pid"] == os.getpid()
    assert not lock_path_for(db_path).exists()


def test_closing_in_another_process_releases_the_lock(db_path: Path) -> None:
    holder = _start_holder(db_path)
    assert holder.stdin is not None
    holder.stdin.close()  # the holder's script ends; the process exit drops the OS lock
    holder.wait()
    with Store.open(db_path) as store:
        assert len(store.all_sessions()) == 1


def test_failed_open_releases_the_lock(db_path: Path) -> None:
    db_path.write_bytes(b"garbage" * 1000)
    with pytest.raises(Exception, match="not a Liftrun database"):
        Store.open(db_path)
    assert not lock_path_for(db_path).exists()
    db_path.unlink()
    with Store.open(db_path):
        pass
