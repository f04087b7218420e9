"""Backups beside the database: checked copies in pools by kind, listing, and restore.

A backup is `backups/<stem>-YYYYMMDDTHHMMSS-ffffffZ-<kind>.db`, sortable by name. Each
kind has its own pool, so pressing "Back up now" never evicts the daily copies, and the
weekly and monthly ones keep an older good copy after days of silent damage.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from desktop.store import files
from desktop.store.errors import BackupError, StoreError
from desktop.store.lock import DatabaseLock

BACKUP_FOLDER = "backups"
PARTIAL_SUFFIX = ".partial"
DAMAGED_INFIX = ".damaged-"
_TIME_FORMAT = "%Y%m%dT%H%M%S-%fZ"
_NAME = re.compile(r"-(\d{8}T\d{6}-\d{6}Z)(?:-([a-z0-9-]+))?\.db$")
BEFORE_RESTORE_DAYS = 30
READ_TIMEOUT_S = 5.0
# One backup at a time in this process: the daily one may run in a background thread while
# "Back up now" or a restore runs in the window's, and each clears the other's scratch files.
_ONE_AT_A_TIME = threading.RLock()


class BackupKind(StrEnum):
    """Why a backup was taken; each kind is rotated in its own pool."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_UPGRADE = "before-upgrade"


# How many of each kind are kept (daily and manual follow Store.open's keep_backups);
# before-restore copies are kept until the next successful restore or 30 days.
POOL_SIZES = {BackupKind.WEEKLY: 4, BackupKind.MONTHLY: 6, BackupKind.BEFORE_UPGRADE: 3}
# Promote a daily copy to a weekly (monthly) one when the newest is this old.
PROMOTE_AFTER = {BackupKind.WEEKLY: timedelta(days=7), BackupKind.MONTHLY: timedelta(days=30)}


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the restore dialog lists it."""

    path: Path
    kind: BackupKind
    created: datetime  # local time, aware
    sessions: int | None  # None when the file cannot be read
    ok: bool  # a readable Liftrun database that passed SQLite's quick check


# Windows: an antivirus scanner or the search indexer may hold a just-written file for a
# moment, and a rename over it fails with "access denied" or "in use" until it lets go.
REPLACE_PAUSES_S = (0.05, 0.1, 0.2, 0.4, 0.8)


def replace_file(
    source: Path,
    target: Path,
    *,
    platform: str = sys.platform,
    pause: Callable[[float], None] = time.sleep,
) -> None:
    """os.replace(source, target), retried briefly on Windows while another program holds
    either file; the last PermissionError is raised if it never lets go (about 1.5 s)."""
    if platform != "win32":
        os.replace(source, target)
        return
    for wait_s in REPLACE_PAUSES_S:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            pause(wait_s)
    os.replace(source, target)


def now_utc() -> datetime:
    """The clock backups are named by (tests replace it)."""
    return datetime.now(UTC)


def backup_folder(db_path: Path) -> Path:
    """The `backups` folder beside a database."""
    return db_path.parent / BACKUP_FOLDER


def backup_time(path: Path) -> datetime | None:
    """When a backup was taken (UTC), read from its name; None for other files."""
    match = _NAME.search(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), _TIME_FORMAT).replace(tzinfo=UTC)


def backup_kind(path: Path) -> BackupKind:
    """A backup's kind from its name (untagged names are older manual backups)."""
    match = _NAME.search(path.name)
    tag = (match.group(2) if match else None) or "manual"
    if tag.startswith("before-v"):
        return BackupKind.BEFORE_UPGRADE
    try:
        return BackupKind(tag)
    except ValueError:
        return BackupKind.MANUAL


_BACKUP_TAIL = re.compile(r"-\d{8}T\d{6}-\d{6}Z(?:-[a-z0-9-]+)?\.db")


def _is_backup_of(db_path: Path, name: str) -> bool:
    stem = db_path.stem
    return name.startswith(stem) and _BACKUP_TAIL.fullmatch(name[len(stem) :]) is not None


def backup_paths(db_path: Path, kind: BackupKind | None = None) -> list[Path]:
    """A database's backups (of one kind, if given), newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [
        entry
        for entry in folder.iterdir()
        if _is_backup_of(db_path, entry.name) and (kind is None or backup_kind(entry) is kind)
    ]
    return sorted(found, key=lambda entry: entry.name, reverse=True)


def _next_path(db_path: Path, tag: str) -> Path:
    stamp = now_utc()
    newest = next(iter(backup_paths(db_path)), None)
    newest_time = backup_time(newest) if newest is not None else None
    if newest_time is not None and stamp <= newest_time:
        stamp = newest_time + timedelta(microseconds=1)  # keep names in time order
    name = f"{db_path.stem}-{stamp.strftime(_TIME_FORMAT)}-{tag}.db"
    return backup_folder(db_path) / name


def _remove_partials(db_path: Path) -> None:
    """Remove scratch files a backup killed mid-way left: .partial and its journal, wal, shm."""
    for entry in backup_folder(db_path).glob(f"*{PARTIAL_SUFFIX}*"):
        head, _, tail = entry.name.partition(PARTIAL_SUFFIX)
        if _is_backup_of(db_path, head) and tail in ("", "-journal", "-wal", "-shm"):
            entry.unlink(missing_ok=True)


def remove_stray_partials(db_path: Path) -> None:
    """Remove the scratch files a backup killed mid-way left (call with the lock held)."""
    if not backup_folder(db_path).is_dir():
        return
    with _ONE_AT_A_TIME, contextlib.suppress(OSError):
        _remove_partials(db_path)


def copy_checked(source: sqlite3.Connection, target: Path) -> None:
    """Copy `source` into a new owner-only file `target` and integrity_check it first.

    The copy is written under a scratch name with no journal of its own, made a
    self-contained rollback-journal file, checked with the full integrity_check, and only
    then renamed into place, so a half-written or damaged copy never looks like a backup.
    """
    temp = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        temp.unlink(missing_ok=True)
        files.create_private_file(temp)
        dst = sqlite3.connect(temp)
        try:
            dst.execute("PRAGMA journal_mode = OFF")
            source.backup(dst, pages=-1)
            mode = dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            problems = files.integrity_problems(dst)
        finally:
            dst.close()
        if str(mode).lower() != "delete":
            raise BackupError(f"The backup {target} could not be made self-contained.", target)
        if problems:
            raise BackupError(
                f"The copy of your database failed SQLite's integrity check "
                f"({'; '.join(problems[:2])}), so the database itself is damaged and no new "
                "backup was kept. Your older backups are untouched: restore the newest one "
                "with File > Restore a backup.",
                target,
            )
        replace_file(temp, target)
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


def _ensure_folder(db_path: Path) -> Path:
    folder = backup_folder(db_path)
    try:
        files.create_private_folder(folder)
    except OSError as error:
        raise BackupError(
            f"Could not create the backups folder {folder} ({error.strerror}). "
            "Check that the database's folder is writable.",
            db_path,
        ) from error
    return folder


def take_backup(
    db_path: Path,
    source: sqlite3.Connection,
    kind: BackupKind,
    *,
    keep: int,
    tag: str | None = None,
    protect: frozenset[Path] = frozenset(),
) -> Path:
    """Write a checked backup of `kind` and rotate that kind's pool; returns its path."""
    with _ONE_AT_A_TIME:
        _ensure_folder(db_path)
        _remove_partials(db_path)
        target = _next_path(db_path, tag or kind.value)
        copy_checked(source, target)
        rotate(db_path, kind, keep=keep, protect=protect | {target}, now=backup_time(target))
    return target


def promote(db_path: Path, daily: Path, *, keep: int) -> list[Path]:
    """Also keep today's daily copy as a weekly or monthly one when those are due."""
    with _ONE_AT_A_TIME:
        return _promote(db_path, daily, keep=keep)


def _promote(db_path: Path, daily: Path, *, keep: int) -> list[Path]:
    made: list[Path] = []
    stamp = backup_time(daily) or now_utc()
    for kind, age in PROMOTE_AFTER.items():
        newest = next(iter(backup_paths(db_path, kind)), None)
        taken = backup_time(newest) if newest is not None else None
        if taken is not None and stamp - taken < age:
            continue
        target = daily.with_name(daily.name.removesuffix("-daily.db") + f"-{kind.value}.db")
        temp = target.with_name(target.name + PARTIAL_SUFFIX)
        try:
            shutil.copyfile(daily, temp)
            files.make_private(temp)
            replace_file(temp, target)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise BackupError(
                f"Could not keep a {kind.value} backup {target} ({error.strerror}). Check "
                "free disk space.",
                target,
            ) from error
        rotate(db_path, kind, keep=keep, protect=frozenset({target}), now=stamp)
        made.append(target)
    return made


def rotate(
    db_path: Path,
    kind: BackupKind,
    *,
    keep: int,
    protect: frozenset[Path],
    now: datetime | None = None,
) -> None:
    """Delete the oldest backups of `kind` beyond its pool, and expired before-restore copies."""
    kept = {entry.resolve() for entry in protect}
    if kind is not BackupKind.BEFORE_RESTORE:
        size = POOL_SIZES.get(kind, keep)
        for old in backup_paths(db_path, kind)[size:]:
            if old.resolve() not in kept:
                old.unlink(missing_ok=True)
    oldest_allowed = (now or now_utc()) - timedelta(days=BEFORE_RESTORE_DAYS)
    for old in backup_paths(db_path, BackupKind.BEFORE_RESTORE):
        taken = backup_time(old)
        if taken is not None and taken < oldest_allowed and old.resolve() not in kept:
            old.unlink(missing_ok=True)


def forget_older_before_restore(db_path: Path, keep: frozenset[Path]) -> None:
    """After a successful restore, only its own before-restore copy is still needed."""
    kept = {entry.resolve() for entry in keep}
    for old in backup_paths(db_path, BackupKind.BEFORE_RESTORE):
        if old.resolve() not in kept:
            old.unlink(missing_ok=True)


def describe(path: Path) -> BackupInfo:
    """A backup's kind, time, session count and whether it reads as a sound Liftrun file."""
    created = (backup_time(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC)).astimezone()
    sessions: int | None = None
    ok = False
    try:
        found = files.probe(path, READ_TIMEOUT_S)
        with files.read_only_connection(path, READ_TIMEOUT_S) as conn:
            sessions = (
                0
                if found.empty
                else int(conn.execute("SELECT count(*) FROM session").fetchone()[0])
            )
        ok = not found.empty
    except (StoreError, sqlite3.Error):
        pass
    return BackupInfo(path, backup_kind(path), created, sessions, ok)


def list_backups(db_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """Every backup of a database, newest first, read without opening the database itself."""
    path = Path(db_path).expanduser().absolute()
    return [describe(entry) for entry in backup_paths(path)]


def check_restorable(source: Path) -> None:
    """Refuse a backup that is missing, not a Liftrun file, empty or damaged."""
    if not source.is_file():
        raise BackupError(f"The backup {source} does not exist; choose another.", source)
    try:
        found = files.probe(source, READ_TIMEOUT_S, full_check=True)
    except StoreError as error:
        raise BackupError(f"{source} cannot be restored: {error}", source) from error
    if found.empty:
        raise BackupError(f"{source} holds no Liftrun data; choose another backup.", source)


def keep_aside(db_path: Path) -> Path | None:
    """Move the database (and its -wal, -shm, -journal) to a `.damaged-<time>` name beside it.

    The file is copied first and only its side files are moved, so there is always a
    database at `db_path` until the restored copy replaces it.
    """
    if not db_path.exists():
        return None
    stamp = now_utc().astimezone().strftime("%Y%m%dT%H%M%S")
    kept = db_path.with_name(f"{db_path.name}{DAMAGED_INFIX}{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = db_path.with_name(f"{db_path.name}{DAMAGED_INFIX}{stamp}-{n}")
    shutil.copyfile(db_path, kept)
    files.make_private(kept)
    for side in files.side_files(db_path):
        replace_file(side, kept.with_name(kept.name + side.name.removeprefix(db_path.name)))
    return kept


def swap_in(db_path: Path, source: Path) -> Path | None:
    """Replace the database file by a checked copy of `source`, keeping the old one aside.

    Never opens the database at `db_path`; call with its lock held. Returns where the
    previous file was kept (None if there was none).
    """
    temp = db_path.with_name(db_path.name + ".restoring")
    try:
        with _ONE_AT_A_TIME, files.read_only_connection(source, READ_TIMEOUT_S) as conn:
            copy_checked(conn, temp)
            kept = keep_aside(db_path)
            replace_file(temp, db_path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BackupError(
            f"Could not put {source.name} in place of {db_path} ({error.strerror}). Check "
            "free disk space and that the folder is writable; your file is unchanged.",
            db_path,
        ) from error
    return kept


def restore_backup(
    db_path: str | os.PathLike[str], backup_path: str | os.PathLike[str]
) -> Path | None:
    """Put a backup in place of a database that may be too damaged to open.

    The damaged file is never opened and never deleted: it is kept beside the database as
    `<name>.damaged-<time>` (returned; None when there was no file). The backup is checked
    with SQLite's full integrity check first and is only read. Raises BackupError, or
    AlreadyOpenError when Liftrun has the database open.
    """
    path = Path(db_path).expanduser().absolute()
    source = Path(backup_path).expanduser().absolute()
    if source.exists() and path.exists() and source.resolve() == path.resolve():
        raise BackupError("That is the database itself; choose a backup file.", source)
    check_restorable(source)
    files.check_writable(path)
    lock = DatabaseLock.acquire(path)
    try:
        return swap_in(path, source)
    finally:
        lock.release()


def read_preference(db_path: str | os.PathLike[str], key: str) -> str | None:
    """One preference from a Liftrun database, read-only and without taking its lock.

    None when the file is missing, not a Liftrun database, or has no such preference.
    """
    path = Path(db_path)
    if not path.is_file():
        return None
    with contextlib.suppress(StoreError, sqlite3.Error):
        with files.read_only_connection(path, 1.0) as conn:
            row = conn.execute("SELECT value FROM preference WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])
    return None
