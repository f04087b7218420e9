"""Bad files each raise one specific error, and the attempt never changes them."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.store import (
    CorruptDatabaseError,
    DatabaseFolderMissingError,
    DatabaseLockedError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    Store,
    StoreError,
)
from desktop.store.opening import apply_pragmas
from tests.builders import lift, run
from tests.store.helpers import snapshot

T0 = datetime(2024, 1, 1, 7, 0)


def _liftrun_db(path: Path, sessions: int = 300) -> None:
    with Store.open(path) as store:
        for n in range(sessions):
            store.add(run(T0 + timedelta(hours=n), notes="x" * 200))


def _refused(path: Path, error: type[StoreError], **kwargs: Any) -> StoreError:
    """Open must raise `error` and leave every file in the folder exactly as it was."""
    before = snapshot(path.parent)
    with pytest.raises(error) as caught:
        Store.open(path, **kwargs)
    assert snapshot(path.parent) == before
    message = str(caught.value)
    assert str(path.name) in message and message.endswith(".")
    assert type(caught.value) is error
    return caught.value


def test_garbage_is_not_a_database(db_path: Path) -> None:
    db_path.write_bytes(b"These are my running notes, not a database.\n" * 200)
    _refused(db_path, NotADatabaseError)


def test_short_garbage_is_not_a_database(db_path: Path) -> None:
    db_path.write_bytes(b"hello")
    _refused(db_path, NotADatabaseError)


def test_another_apps_sqlite_file_is_not_a_liftrun_database(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    error = _refused(db_path, NotADatabaseError)
    assert "not a Liftrun" in str(error)


def test_newer_header_only_file_is_truncated(db_path: Path) -> None:
    _liftrun_db(db_path, sessions=1)
    data = db_path.read_bytes()
    db_path.write_bytes(data[:60])
    _refused(db_path, CorruptDatabaseError)


@pytest.mark.parametrize("fraction", [0.5, 0.9])
def test_truncated_file_is_corrupt(db_path: Path, fraction: float) -> None:
    _liftrun_db(db_path)
    data = db_path.read_bytes()
    assert not (db_path.parent / (db_path.name + "-wal")).exists()
    db_path.write_bytes(data[: int(len(data) * fraction)])
    error = _refused(db_path, CorruptDatabaseError)
    assert "truncated" in str(error)


def test_truncated_to_whole_pages_is_corrupt(db_path: Path) -> None:
    _liftrun_db(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: 4096 * 3])
    _refused(db_path, CorruptDatabaseError)


def test_file_failing_quick_check_is_corrupt(db_path: Path) -> None:
    _liftrun_db(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    # Scribble over the b-tree pages after the schema page; the header stays valid.
    for offset in range(page * 2, len(data) - page, page * 3):
        data[offset : offset + 64] = bytes(range(64))
    db_path.write_bytes(bytes(data))
    _refused(db_path, CorruptDatabaseError)


def test_file_whose_quick_check_returns_problems_is_corrupt(db_path: Path) -> None:
    _liftrun_db(db_path)
    data = bytearray(db_path.read_bytes())
    data[36:40] = (7).to_bytes(4, "big")  # freelist page count: there are no free pages
    db_path.write_bytes(bytes(data))
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    finally:
        conn.close()
    error = _refused(db_path, CorruptDatabaseError)
    assert "freelist" in str(error)


def test_bad_files_also_refuse_a_second_time(db_path: Path) -> None:
    db_path.write_bytes(b"\x00" * 8192)
    _refused(db_path, NotADatabaseError)
    _refused(db_path, NotADatabaseError)


def test_folder_instead_of_file(db_path: Path) -> None:
    db_path.mkdir()
    before = snapshot(db_path.parent)
    with pytest.raises(NotADatabaseError):
        Store.open(db_path)
    assert snapshot(db_path.parent) == before


def test_missing_folder_is_an_error_and_creates_nothing(db_path: Path) -> None:
    with pytest.raises(DatabaseFolderMissingError) as caught:
        Store.open(db_path.parent / "nowhere" / "liftrun.db")
    assert "does not exist" in str(caught.value)
    assert list(db_path.parent.iterdir()) == []


def test_empty_file_is_initialised(db_path: Path) -> None:
    db_path.touch()
    with Store.open(db_path) as store:
        store.add(run(T0))
    with Store.open(db_path) as store:
        assert len(store.all_sessions()) == 1


@pytest.fixture
def read_only_file(db_path: Path) -> Iterator[Path]:
    """A Liftrun database whose file has no write bits."""
    _liftrun_db(db_path, sessions=3)
    db_path.chmod(0o444)
    try:
        yield db_path
    finally:
        db_path.chmod(0o644)


def test_read_only_file(read_only_file: Path) -> None:
    error = _refused(read_only_file, ReadOnlyDatabaseError)
    assert "read-only" in str(error)


def test_read_only_folder(db_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows ignores a folder's read-only mode (chmod 0o555)")
    _liftrun_db(db_path, sessions=3)
    folder = db_path.parent
    folder.chmod(0o555)
    try:
        error = _refused(db_path, ReadOnlyDatabaseError)
        assert "folder" in str(error)
    finally:
        folder.chmod(0o755)


def test_file_made_read_only_after_open_fails_cleanly_at_save(db_path: Path) -> None:
    with Store.open(db_path) as store:
        kept = store.add(lift(T0))
        db_path.chmod(0o444)
        try:
            with pytest.raises(ReadOnlyDatabaseError):
                store.add(run(T0 + timedelta(hours=2)))
            with pytest.raises(ReadOnlyDatabaseError):
                store.update(kept, lift(T0, load_kg=999.0))
            with pytest.raises(ReadOnlyDatabaseError):
                store.delete(kept)
            assert [s.id for s in store.all_sessions()] == [kept]
        finally:
            db_path.chmod(0o644)
        store.add(run(T0 + timedelta(hours=3)))
    with Store.open(db_path) as store:
        sessions = store.all_sessions()
        assert len(sessions) == 2 and sessions[0].load_kg == 140.0


def test_sqlite_level_read_only_file_is_detected_even_for_root(db_path: Path) -> None:
    """The writability check honours mode bits; SQLite's own refusal maps the same way."""
    _liftrun_db(db_path, sessions=1)
    mode = stat.S_IMODE(db_path.stat().st_mode)
    assert mode & stat.S_IWUSR
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO preference VALUES ('a', 'b')")
    finally:
        conn.close()
    from desktop.store.errors import translate

    assert isinstance(translate(caught.value, db_path, "saving"), ReadOnlyDatabaseError)


LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO preference VALUES ('locked', 'yes')")
print("locked", flush=True)
sys.stdin.read()
"""


def test_database_locked_by_another_process(db_path: Path) -> None:
    _liftrun_db(db_path, sessions=3)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        before = db_path.read_bytes()
        with pytest.raises(DatabaseLockedError) as caught:
            Store.open(db_path, busy_timeout_ms=200)
        assert "Close other programs" in str(caught.value)
        assert db_path.read_bytes() == before
        assert not (db_path.parent / "liftrun.db.lock").exists()
    finally:
        holder.kill()
        holder.wait()
    with Store.open(db_path) as store:
        assert len(store.all_sessions()) == 3
        assert store.preference("locked") is None  # the killed transaction never committed


def test_pragma_that_cannot_be_honoured_raises() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(StoreError) as caught:
            apply_pragmas(conn, 1000)
        assert "journal_mode" in str(caught.value)
    finally:
        conn.close()


def test_pragmas_are_in_force_on_an_open_store(store: Store) -> None:
    conn = store.database.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] >= 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_no_stray_files_after_close(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add(run(T0))
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["liftrun.db"]
    assert os.path.getsize(db_path) > 0


WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO preference VALUES ('locked', 'yes')")
print("locked", flush=True)
sys.stdin.read()
"""


def test_lock_taken_by_another_process_after_open_fails_cleanly_at_save(db_path: Path) -> None:
    with Store.open(db_path, busy_timeout_ms=200) as store:
        kept = store.add(run(T0))
        holder = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(DatabaseLockedError):
                store.add(run(T0 + timedelta(hours=1)))
        finally:
            holder.kill()
            holder.wait()
        assert [s.id for s in store.all_sessions()] == [kept]
        store.add(run(T0 + timedelta(hours=2)))
        assert len(store.all_sessions()) == 2
        assert store.preference("locked") is None
