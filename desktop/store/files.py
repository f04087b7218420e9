"""File-level checks and copies with plain sqlite3: read-only probes and online backups."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.store.errors import (
    BackupError,
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    translate,
)
from desktop.store.schema import SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class ProbeResult:
    """What a read-only look at a database file found."""

    version: int
    empty: bool  # no tables at all: safe to create the schema in it


def wal_path(path: Path) -> Path:
    """The -wal file SQLite keeps beside a database in WAL mode."""
    return path.with_name(path.name + "-wal")


def has_wal_content(path: Path) -> bool:
    """True when a non-empty -wal file may hold committed transactions."""
    try:
        return wal_path(path).stat().st_size > 0
    except FileNotFoundError:
        return False


def is_writable(path: Path) -> bool:
    """Whether `path` may be written, honouring mode bits even for root.

    os.access answers for the real user (and the file system's read-only
    flag); root passes it regardless of mode bits, so for root a file or folder
    with no write bit at all counts as read-only: that is what the user asked
    for by removing them.
    """
    if not os.access(path, os.W_OK):
        return False
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        mode = path.stat().st_mode
        return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return True


def check_writable(path: Path) -> None:
    """Raise ReadOnlyDatabaseError unless the database and its folder can be written."""
    folder = path.parent
    if not is_writable(folder):
        raise ReadOnlyDatabaseError(
            f"The folder {folder} is read-only, so Liftrun cannot save to {path.name} "
            "(SQLite writes its journal beside the file). Make the folder writable, or copy "
            "the database to a folder you can write.",
            path,
        )
    if path.exists() and not is_writable(path):
        raise ReadOnlyDatabaseError(
            f"{path} is read-only, so Liftrun cannot save to it. Make the file writable "
            "(for example in its Properties or with chmod u+w), or copy it somewhere else.",
            path,
        )


def read_only_uri(path: Path) -> str:
    """A sqlite3 URI that opens `path` read-only without creating side files if possible.

    A WAL-mode file with no -wal beside it is opened immutable, so SQLite
    creates no -shm/-wal files next to a file we may be about to refuse.
    """
    uri = path.resolve().as_uri()
    with contextlib.suppress(OSError), path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
        if len(header) == HEADER_SIZE and header[18] == 2 and not wal_path(path).exists():
            return uri + "?mode=ro&immutable=1"
    return uri + "?mode=ro"


@contextlib.contextmanager
def read_only_connection(path: Path, timeout_s: float) -> Iterator[sqlite3.Connection]:
    """A sqlite3 connection that cannot modify `path`; closed on exit."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout_s)
    except sqlite3.Error as error:
        raise translate(error, path, "opening the database") from error
    try:
        yield conn
    finally:
        conn.close()


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, or are visibly truncated."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except IsADirectoryError as error:
        raise NotADatabaseError(
            f"{path} is a folder, not a database file. Choose the liftrun.db file inside it.",
            path,
        ) from error
    except PermissionError as error:
        raise ReadOnlyDatabaseError(
            f"Liftrun may not read {path}. Check the file's permissions.", path
        ) from error
    prefix = header[: len(SQLITE_MAGIC)]
    if prefix != SQLITE_MAGIC[: len(prefix)]:
        raise NotADatabaseError(
            f"{path} is not a Liftrun database (it is not a SQLite file at all). "
            "Choose your liftrun.db file or a backup from the backups folder.",
            path,
        )
    truncated = CorruptDatabaseError(
        f"{path} is truncated: the file is shorter than the database it describes. "
        "Restore the newest file from the 'backups' folder beside it.",
        path,
    )
    if len(header) < HEADER_SIZE:
        raise truncated
    if has_wal_content(path):
        return  # the -wal may legitimately hold pages the main file lacks
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_pages_valid = header[24:28] == header[92:96] and pages > 0
    if page_size < 512 or size % page_size != 0:
        raise truncated
    if header_pages_valid and size < pages * page_size:
        raise truncated


def probe(path: Path, timeout_s: float) -> ProbeResult:
    """Check an existing file without writing to it: header, probe query, quick_check, version.

    Raises NotADatabaseError, CorruptDatabaseError, DatabaseLockedError or
    NewerSchemaError; the file's bytes are never changed.
    """
    check_header(path)
    with read_only_connection(path, timeout_s) as conn:
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            rows = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.Error as error:
            raise translate(error, path, "checking the database") from error
    if rows != [("ok",)]:
        problems = "; ".join(str(row[0]) for row in rows[:3])
        raise CorruptDatabaseError(
            f"{path} failed SQLite's integrity check ({problems}). "
            "Restore the newest file from the 'backups' folder beside it.",
            path,
        )
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was saved by a newer Liftrun (data version {version}; this one reads up "
            f"to {SCHEMA_VERSION}). Update Liftrun to open it; the file was left untouched.",
            path,
        )
    user_tables = {name for name in tables if not name.startswith("sqlite_")}
    if version == 0 and not user_tables:
        return ProbeResult(version=0, empty=True)
    if version == 0 or "session" not in user_tables:
        raise NotADatabaseError(
            f"{path} is a SQLite database but not a Liftrun training log. "
            "Choose your liftrun.db file or a backup from the backups folder.",
            path,
        )
    return ProbeResult(version=version, empty=False)


def partial_path(target: Path) -> Path:
    """The scratch name a backup is written under before it is checked."""
    return target.with_name(target.name + PARTIAL_SUFFIX)


def write_backup(source: sqlite3.Connection, target: Path) -> None:
    """Copy `source` into a new file `target` with the online backup API, then check it.

    The copy is written to a temporary name (with no journal of its own, so a
    crash leaves one stray `.partial` file and nothing else), switched to a
    self-contained rollback-journal file, quick_checked, and only then renamed
    into place, so a half-written backup never looks like a backup.
    """
    temp = partial_path(target)
    try:
        temp.unlink(missing_ok=True)
        dst = sqlite3.connect(temp)
        try:
            dst.execute("PRAGMA journal_mode = OFF")
            source.backup(dst, pages=-1)
            mode = dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            rows = dst.execute("PRAGMA quick_check").fetchall()
        finally:
            dst.close()
        if str(mode).lower() != "delete":
            raise BackupError(f"The backup {target} could not be made self-contained.", target)
        if rows != [("ok",)]:
            raise BackupError(
                f"The backup {target} failed its integrity check; the database itself may be "
                "damaged. Keep the existing backups safe and try again.",
                target,
            )
        os.replace(temp, target)
    except StoreError:
        temp.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as error:
        temp.unlink(missing_ok=True)
        raise BackupError(
            f"Could not write the backup {target} ({error}). Check free disk space and that "
            "the backups folder is writable.",
            target,
        ) from error
