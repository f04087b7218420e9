"""One writer per database: a lock file held with an OS advisory lock."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import threading
import uuid
from datetime import datetime
from pathlib import Path

from desktop.store.errors import AlreadyOpenError, ReadOnlyDatabaseError, StoreError, disk_full

# Paths locked by this process; flock already refuses a second open file
# description, this makes the in-process refusal explicit on every platform.
_HELD: set[str] = set()
_HELD_GUARD = threading.Lock()
# Windows locks a byte range; lock one far past the text so the text stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20
# Owner-only, like the database: the file names this computer and the process.
PRIVATE_FILE = 0o600


def lock_path_for(db_path: Path) -> Path:
    """The lock file beside a database: liftrun.db -> liftrun.db.lock (symlinks resolved)."""
    real = db_path.resolve()
    return real.with_name(real.name + ".lock")


def _try_os_lock(fd: int) -> bool:
    """Take the advisory lock without waiting; False if someone else holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def held_key(db_path: Path, platform: str = sys.platform) -> str:
    """The name under which this process remembers a database it holds.

    Windows' and macOS's usual disks ignore case, so there the same file spelt with other
    capitals gets the same key (ntpath.normcase already folds case on Windows).
    """
    key = os.path.normcase(str(db_path.resolve()))
    return key.casefold() if platform in ("darwin", "win32") else key


def _open_in_this_window(db_path: Path) -> AlreadyOpenError:
    return AlreadyOpenError(
        f"{db_path} is already open in this Liftrun window. Close it before opening it again.",
        db_path,
    )


def _held_by_this_process(path: Path) -> bool:
    """Whether the lock file names this very process as its holder."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return bool(info["pid"] == os.getpid() and info["host"] == socket.gethostname())
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _describe_holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"process {info['pid']} on {info['host']}, since {info['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


class DatabaseLock:
    """An exclusive lock on one database, released by release() or process death."""

    def __init__(self, db_path: Path, fd: int, key: str) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._fd: int | None = fd
        self._key = key

    @classmethod
    def acquire(cls, db_path: Path) -> DatabaseLock:
        """Take the lock or raise AlreadyOpenError; a crashed holder's lock is taken over."""
        key = held_key(db_path)
        with _HELD_GUARD:
            if key in _HELD:
                raise _open_in_this_window(db_path)
            _HELD.add(key)
        try:
            fd = cls._acquire_fd(db_path)
        except BaseException:
            with _HELD_GUARD:
                _HELD.discard(key)
            raise
        return cls(db_path, fd, key)

    @staticmethod
    def _acquire_fd(db_path: Path) -> int:
        path = lock_path_for(db_path)
        for _attempt in range(20):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            except FileExistsError:
                # A folder first: Windows refuses to open one with PermissionError, which
                # would read as a read-only folder.
                if path.is_dir():
                    raise _lock_is_a_folder(db_path, path) from None
                try:
                    fd = os.open(path, os.O_RDWR)
                except FileNotFoundError:
                    continue  # the holder just released it; try to create it again
                except PermissionError as error:
                    raise _unwritable(db_path, path, error) from error
                except IsADirectoryError as error:
                    raise _lock_is_a_folder(db_path, path) from error
            except PermissionError as error:
                if path.is_dir():
                    raise _lock_is_a_folder(db_path, path) from error
                raise _unwritable(db_path, path, error) from error
            except OSError as error:
                raise StoreError(
                    f"Could not create the lock file {path} ({error.strerror}). "
                    "Check that the folder is writable.",
                    db_path,
                ) from error
            if not _try_os_lock(fd):
                os.close(fd)
                if _held_by_this_process(path):
                    # The same file under another spelling (other capitals on a
                    # case-insensitive disk, say): it is this Liftrun's own window.
                    raise _open_in_this_window(db_path)
                raise AlreadyOpenError(
                    f"{db_path} is already open in another Liftrun ({_describe_holder(path)}). "
                    "Close that window first, or open a different database.",
                    db_path,
                )
            # Holding the lock: make sure the file is still the one at `path`
            # (a holder releasing at the same moment unlinks it first).
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if not same:
                _os_unlock(fd)
                os.close(fd)
                continue
            try:
                if sys.platform != "win32":
                    os.fchmod(fd, PRIVATE_FILE)  # a lock file left by an older Liftrun
                _write_marker(fd)
            except OSError as error:
                # Never keep a lock (or a 0-byte lock file) for an open that failed.
                with contextlib.suppress(OSError):
                    os.unlink(path)
                _os_unlock(fd)
                os.close(fd)
                if error.errno == errno.ENOSPC:
                    raise disk_full(db_path, "opening the database") from error
                raise StoreError(
                    f"Could not write the lock file {path} ({error.strerror}). Check that "
                    "the folder is writable and the disk has space.",
                    db_path,
                ) from error
            return fd
        raise AlreadyOpenError(
            f"Could not take the lock {path}; another Liftrun keeps opening and closing it. "
            "Close other Liftrun windows and try again.",
            db_path,
        )

    @property
    def held(self) -> bool:
        """True until release()."""
        return self._fd is not None

    def release(self) -> None:
        """Remove the lock file and drop the OS lock; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows cannot unlink open files
                _os_unlock(fd)
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(self.path)
            else:
                # Unlink while still holding the lock so nobody takes over a dying file.
                with contextlib.suppress(OSError):
                    os.unlink(self.path)
                _os_unlock(fd)
                os.close(fd)
        finally:
            with _HELD_GUARD:
                _HELD.discard(self._key)


def _lock_is_a_folder(db_path: Path, lock: Path) -> StoreError:
    return StoreError(
        f"{lock} is a folder, but Liftrun keeps its lock file for {db_path.name} there. "
        "Move or rename that folder, then open the database again.",
        db_path,
    )


def _write_marker(fd: int) -> None:
    marker = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": datetime.now().isoformat(timespec="seconds"),
        "token": uuid.uuid4().hex,
    }
    data = json.dumps(marker).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)
    # No fsync: the marker only names the holder to a second Liftrun while the holder runs
    # (the OS lock is what excludes it), and a crash releases that lock with it. Syncing it
    # cost every start-up a wait on the disk.


def _unwritable(db_path: Path, lock: Path, error: OSError) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(
        f"The folder {lock.parent} is read-only ({error.strerror}), so Liftrun cannot save "
        f"to {db_path.name}. Make the folder writable or copy the database somewhere you can "
        "write.",
        db_path,
    )
