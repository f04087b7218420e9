"""Exceptions the store raises; each message is a sentence a person can act on."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path


class StoreError(Exception):
    """Base of every store failure; str(error) tells the user what to do."""

    title = "Something went wrong with the database"

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class NotADatabaseError(StoreError):
    """The file is not a SQLite database, or not a Liftrun one."""

    title = "Not a Liftrun database"


class CorruptDatabaseError(StoreError):
    """The file is a damaged or truncated SQLite database."""

    title = "The database is damaged"


class ReadOnlyDatabaseError(StoreError):
    """The database file or its folder cannot be written."""

    title = "The database cannot be changed"


class DatabaseLockedError(StoreError):
    """Another program holds a lock on the database file."""

    title = "The database is busy"


class AlreadyOpenError(StoreError):
    """Another Liftrun window or process already has this database open."""

    title = "Liftrun is already open"


class NewerSchemaError(StoreError):
    """The file was written by a newer Liftrun and is left untouched."""

    title = "The database is from a newer Liftrun"


class SessionNotFoundError(StoreError):
    """No session has the given id."""

    title = "Session not found"


class BackupError(StoreError):
    """A backup could not be written, checked or restored."""

    title = "Backup failed"


class DatabaseFolderMissingError(StoreError):
    """The folder meant to hold the database does not exist."""

    title = "The database folder is missing"


class StoreClosedError(StoreError):
    """The store was used after close()."""

    title = "The database is closed"


class DiskFullError(StoreError):
    """The disk holding the database is full; nothing was written."""

    title = "The disk is full"


class TemplateNotFoundError(StoreError):
    """No week template has the given name."""

    title = "Template not found"


# SQLite's own follow-up failures: they hide the error that really happened.
_ECHOES = ("no transaction is active", "cannot commit", "cannot rollback")


def _chain(error: BaseException) -> list[BaseException]:
    """`error` and every exception behind it (args, Peewee's orig, cause, context)."""
    seen: set[int] = set()
    found: list[BaseException] = []
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))
        original = getattr(current, "orig", None)  # Peewee keeps the sqlite3 error here
        if isinstance(original, BaseException):
            stack.append(original)
        if current.__cause__ is not None:
            stack.append(current.__cause__)
        if current.__context__ is not None:
            stack.append(current.__context__)
    return found


def sqlite_cause(error: BaseException) -> sqlite3.Error | None:
    """The root sqlite3 error behind an exception, skipping SQLite's follow-up echoes.

    When SQLite rolls back by itself (a full disk), Peewee's own rollback then fails with
    "no transaction is active"; the disk-full error is further down the chain.
    """
    errors = [item for item in _chain(error) if isinstance(item, sqlite3.Error)]
    real = [item for item in errors if not any(echo in str(item).lower() for echo in _ECHOES)]
    for item in real or errors:
        return item
    return None


def os_cause(error: BaseException) -> OSError | None:
    """The OSError behind an exception, if any."""
    return next((item for item in _chain(error) if isinstance(item, OSError)), None)


def disk_full(path: Path, doing: str) -> DiskFullError:
    """The one sentence for a full disk: free space, nothing was lost."""
    return DiskFullError(
        f"The disk holding {path} is full, so {doing} failed. Free some space and try "
        "again; nothing already saved was lost.",
        path,
    )


# Below this much free space, an I/O error SQLite reports is the full disk: SQLite says
# "disk I/O error" (not "disk is full") when it cannot grow its -shm or -wal file there.
LOW_FREE_SPACE_BYTES = 1024 * 1024


def space_left(path: Path) -> int | None:
    """Bytes free for this user on the disk holding `path` (None when it cannot be told)."""
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def is_disk_full(error: BaseException, path: Path) -> bool:
    """True when the root cause of `error` is a full disk, however SQLite worded it.

    SQLite reports ENOSPC as SQLITE_FULL when a page write fails, but as an I/O error
    (SQLITE_IOERR_*) when it cannot map or grow its shared-memory file; with only a few
    kilobytes left the latter happens first, so an I/O error on a nearly full disk counts.
    """
    if any(isinstance(item, OSError) and item.errno == errno.ENOSPC for item in _chain(error)):
        return True
    cause = sqlite_cause(error)
    if cause is None:
        return False
    name = getattr(cause, "sqlite_errorname", "") or ""
    lowered = str(cause).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in lowered:
        return True
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in lowered:
        free = space_left(path)
        return free is not None and free < LOW_FREE_SPACE_BYTES
    return False


def translate(error: BaseException, path: Path, doing: str) -> StoreError:
    """Turn a SQLite failure into the specific StoreError a person can act on."""
    if is_disk_full(error, path):
        return disk_full(path, doing)
    cause = sqlite_cause(error)
    name = getattr(cause, "sqlite_errorname", "") or ""
    text = str(cause if cause is not None else error)
    lowered = text.lower()
    if name == "SQLITE_NOTADB" or "not a database" in lowered:
        return NotADatabaseError(
            f"{path} is not a Liftrun database (SQLite says: {text}). "
            "Choose your liftrun.db file or a backup from the backups folder.",
            path,
        )
    if name.startswith("SQLITE_CORRUPT") or "malformed" in lowered:
        return CorruptDatabaseError(
            f"{path} is damaged (SQLite says: {text}), so {doing} failed. "
            "Restore the newest file from the 'backups' folder beside it.",
            path,
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        return DatabaseLockedError(
            f"Another program is holding {path} locked, so {doing} failed. Close other "
            "programs using this file (for example a SQLite browser) and try again.",
            path,
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in lowered or "read-only" in lowered:
        return ReadOnlyDatabaseError(
            f"{path} cannot be written, so {doing} failed. Make the file and its folder "
            "writable, or copy it somewhere you can write.",
            path,
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return ReadOnlyDatabaseError(
            f"{path} cannot be opened ({text}), so {doing} failed. Check that the file and "
            "its folder exist and that you may read and write them.",
            path,
        )
    if name.startswith("SQLITE_IOERR"):
        return CorruptDatabaseError(
            f"Reading or writing {path} failed ({text}), so {doing} failed. Check the disk, "
            "then restore the newest file from the 'backups' folder if it persists.",
            path,
        )
    return StoreError(
        f"SQLite reported an error ({text}), so {doing} failed for {path}. Try again; if it "
        "persists, restore the newest file from the 'backups' folder.",
        path,
    )
