"""The store's Windows- and macOS-shaped behaviour, exercised on any OS.

Windows: a network share or mapped drive in a SQLite URI, a lock path that is a folder
(Windows refuses to open one with PermissionError), a backup rename held up by a scanner.
macOS: the same database spelt with other capitals is this window's own, not "another
Liftrun".
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from desktop.store import AlreadyOpenError, Store, StoreError, backups
from desktop.store.files import sqlite_uri
from desktop.store.lock import _HELD, _HELD_GUARD, held_key

# --- path to SQLite URI ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        # A network share: the server belongs in the path, never in the URI's authority.
        (r"\\nas\training\Liftrun\liftrun.db", "file:////nas/training/Liftrun/liftrun.db"),
        # A mapped drive that resolve() turned into its share, spelt the long way.
        (r"\\?\UNC\nas\training\liftrun.db", "file:////nas/training/liftrun.db"),
        (r"C:\Users\Ada\AppData\Local\Liftrun\liftrun.db", None),
        (r"Z:\plans\my plan #1.db", "file:///Z:/plans/my%20plan%20%231.db"),
        (r"\\?\C:\very\long\liftrun.db", "file:///C:/very/long/liftrun.db"),
    ],
)
def test_windows_paths_become_uris_sqlite_accepts(path: str, uri: str | None) -> None:
    made = sqlite_uri(PureWindowsPath(path))
    if uri is None:
        uri = "file:///C:/Users/Ada/AppData/Local/Liftrun/liftrun.db"
    assert made == uri
    # SQLite refuses any authority but "" and "localhost": the text after file:// is a path.
    assert made.startswith("file:///")


def test_posix_paths_are_percent_encoded() -> None:
    assert (
        sqlite_uri(PurePosixPath("/Users/ada/a?b#c%d.db")) == "file:///Users/ada/a%3Fb%23c%25d.db"
    )


def test_a_relative_path_is_refused() -> None:
    with pytest.raises(ValueError, match="absolute"):
        sqlite_uri(PureWindowsPath(r"plans\liftrun.db"))


def test_the_uri_opens_the_real_file_with_awkward_characters(tmp_path: Path) -> None:
    folder = tmp_path / "a b?#%"
    folder.mkdir()
    path = folder / "liftrun #1.db"
    with Store.open(path) as store:
        store.backup_now()
    conn = sqlite3.connect(sqlite_uri(path.resolve()) + "?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] > 0
    finally:
        conn.close()


# --- folders that Windows refuses to open -----------------------------------------------------


def _open_like_windows(real_open: Callable[..., int]) -> Callable[..., int]:
    """os.open as Windows behaves: opening an existing folder raises PermissionError."""

    def windows_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if Path(path).is_dir() and not flags & os.O_EXCL:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)

    return windows_open


def test_a_lock_path_that_is_a_folder_is_named_as_one_on_windows(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (db_path.parent / "liftrun.db.lock").mkdir()
    monkeypatch.setattr(os, "open", _open_like_windows(os.open))
    with pytest.raises(StoreError) as caught:
        Store.open(db_path)
    message = str(caught.value)
    assert "is a folder" in message and "read-only" not in message


# --- the same database under another spelling --------------------------------------------------


def test_case_insensitive_systems_fold_the_key() -> None:
    lower = Path("/Users/ada/Liftrun/liftrun.db")
    upper = Path("/Users/ada/LIFTRUN/Liftrun.DB")
    assert held_key(lower, "darwin") == held_key(upper, "darwin")
    assert held_key(lower, "win32") == held_key(upper, "win32")
    assert held_key(lower, "linux") != held_key(upper, "linux")


def test_a_file_this_process_holds_under_another_name_is_this_windows(db_path: Path) -> None:
    """When the OS lock, not the in-process set, refuses, the lock file's pid tells."""
    with Store.open(db_path):
        # What a differently spelt path looks like on a case-insensitive disk: a key this
        # process does not know, for a file whose OS lock it holds.
        with _HELD_GUARD:
            held = set(_HELD)
            _HELD.clear()
        try:
            with pytest.raises(AlreadyOpenError) as caught:
                Store.open(db_path)
        finally:
            with _HELD_GUARD:
                _HELD.update(held)
        assert "already open in this Liftrun window" in str(caught.value)
        assert "another Liftrun" not in str(caught.value)


# --- backups: a rename another program briefly blocks ------------------------------------------


def test_a_replace_is_retried_while_windows_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new.partial", tmp_path / "backup.db"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    real_replace = os.replace
    refusals = [PermissionError(13, "in use by another process")] * 2
    paused: list[float] = []

    def busy_then_free(src: Path, dst: Path) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_then_free)
    backups.replace_file(source, target, platform="win32", pause=paused.append)
    assert target.read_bytes() == b"new" and not source.exists()
    assert paused == list(backups.REPLACE_PAUSES_S[:2])


def test_a_replace_held_too_long_raises_and_keeps_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new.partial", tmp_path / "backup.db"
    source.write_bytes(b"new")
    target.write_bytes(b"old")

    def always_busy(src: Path, dst: Path) -> None:
        raise PermissionError(13, "in use by another process")

    monkeypatch.setattr(os, "replace", always_busy)
    paused: list[float] = []
    with pytest.raises(PermissionError):
        backups.replace_file(source, target, platform="win32", pause=paused.append)
    assert paused == list(backups.REPLACE_PAUSES_S)
    assert sum(paused) < 2.0
    assert source.read_bytes() == b"new" and target.read_bytes() == b"old"


def test_elsewhere_a_replace_is_tried_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []

    def refuse(src: Path, dst: Path) -> None:
        calls.append(dst)
        raise PermissionError(13, "denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        backups.replace_file(tmp_path / "a", tmp_path / "b", platform="darwin", pause=print)
    assert len(calls) == 1
