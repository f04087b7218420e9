"""Opening a database file for writing: checks first, backup and migration, safety pragmas."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import peewee
from peewee import SqliteDatabase

from desktop.advice.model import DayLog, Session
from desktop.store import files
from desktop.store.errors import CorruptDatabaseError, StoreError, translate
from desktop.store.models import (
    DAY_LOG_COLUMNS,
    MODELS,
    SESSION_COLUMNS,
    DayLogRow,
    SessionRow,
    day_log_from_row,
    session_from_row,
)
from desktop.store.schema import (
    CHANGES_KEY,
    SCHEMA_VERSION,
    create_schema,
    migrate_to_current,
    user_version,
)

log = logging.getLogger(__name__)

SYNCHRONOUS_FULL = 2
# Values the prepared SQL is built with; only its "?" placeholders are kept.
_PLACEHOLDER_TIME = datetime(2000, 1, 1)
_PLACEHOLDER_DAY = date(2000, 1, 1)


def apply_pragmas(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """Set WAL, foreign keys, synchronous=FULL and a busy timeout; read each back.

    A PRAGMA that SQLite cannot honour fails silently (WAL on a network share
    or in memory answers with another mode), so every value is checked.
    """
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS_FULL}")
    found = {
        "journal_mode": str(mode).lower(),
        "foreign_keys": conn.execute("PRAGMA foreign_keys").fetchone()[0],
        "synchronous": conn.execute("PRAGMA synchronous").fetchone()[0],
        "busy_timeout": conn.execute("PRAGMA busy_timeout").fetchone()[0],
    }
    wanted = {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": SYNCHRONOUS_FULL,
        "busy_timeout": int(busy_timeout_ms),
    }
    wrong = [f"{name} is {found[name]!r}" for name in wanted if found[name] != wanted[name]]
    if wrong:
        raise StoreError(
            "SQLite refused Liftrun's safety settings (" + ", ".join(wrong) + "). "
            "Keep the database on a local disk, not a network share or cloud folder.",
        )


def _inspect(path: Path, timeout_s: float) -> files.ProbeResult:
    """Look at the file without changing its content; a crashed journal is rolled back first."""
    if not path.exists() or (path.stat().st_size == 0 and not files.has_wal_content(path)):
        return files.ProbeResult(version=0, empty=True)
    files.check_header(path)
    files.recover_hot_journal(path, timeout_s)
    # The full integrity_check, not quick_check: a damaged index returns other rows than
    # the table holds, and only the full check sees it, the day it happens.
    return files.probe(path, timeout_s, full_check=True)


def _make_private(path: Path) -> None:
    """Owner-only database and side files; SQLite gives new -wal/-shm the file's mode."""
    if not path.exists():
        files.create_private_file(path)
    for entry in (path, *files.side_files(path)):
        files.make_private(entry)


def connect(
    path: Path, busy_timeout_ms: int, keep_backups: int
) -> tuple[SqliteDatabase, list[str]]:
    """Check, back up if older, open read-write, create or migrate; call with the lock held.

    Returns the open database and the sentences a migration left for the user.
    """
    timeout_s = busy_timeout_ms / 1000
    try:
        found = _inspect(path, timeout_s)
        if not found.empty and found.version < SCHEMA_VERSION:
            from desktop.store import backups  # only needed for an upgrade

            with files.read_only_connection(path, timeout_s) as source:
                backups.take_backup(
                    path,
                    source,
                    backups.BackupKind.BEFORE_UPGRADE,
                    keep=keep_backups,
                    tag=f"before-v{SCHEMA_VERSION}",
                )
        _make_private(path)
    except OSError as error:
        raise translate(error, path, "opening the database") from error
    db = SqliteDatabase(str(path), autoconnect=False, thread_safe=False, timeout=timeout_s)
    told: list[str] = []
    try:
        db.connect()
        conn = db.connection()
        apply_pragmas(conn, busy_timeout_ms)
        # A real write attempt: takes the write lock, writes nothing.
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        with db.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False):
            if found.empty:
                with db.atomic():
                    create_schema(db)
            elif found.version < SCHEMA_VERSION:
                with db.atomic():
                    told = migrate_to_current(db, found.version)
            version = user_version(db)
        if version != SCHEMA_VERSION:
            raise CorruptDatabaseError(
                f"{path} reports data version {version} after opening, expected "
                f"{SCHEMA_VERSION}. Restore the newest file from the 'backups' folder.",
                path,
            )
    except StoreError:
        db.close()
        raise
    except (peewee.PeeweeException, sqlite3.Error, OSError) as error:
        db.close()
        raise translate(error, path, "opening the database") from error
    return db, told


def prepare_queries() -> dict[str, str]:
    """The hot-path SQL, built once with Peewee (models bound); it runs on plain cursors."""
    row = SessionRow
    columns = [getattr(row, name) for name in SESSION_COLUMNS]
    between = (
        row.select(*columns)
        .where((row.start >= _PLACEHOLDER_TIME) & (row.start < _PLACEHOLDER_TIME))
        .order_by(row.start, row.id)
    )
    day = DayLogRow
    day_columns = [getattr(day, name) for name in DAY_LOG_COLUMNS]
    return {
        "between": between.sql()[0],
        "all": row.select(*columns).order_by(row.start, row.id).sql()[0],
        "get": row.select(*columns).where(row.id == 0).sql()[0],
        "days": day.select(*day_columns)
        .where((day.day >= _PLACEHOLDER_DAY) & (day.day <= _PLACEHOLDER_DAY))
        .order_by(day.day)
        .sql()[0],
        "day": day.select(*day_columns).where(day.day == _PLACEHOLDER_DAY).sql()[0],
    }


def rows_to_sessions(
    rows: list[tuple[Any, ...]],
) -> tuple[list[Session], list[tuple[int, str, str]]]:
    """Sessions from raw rows, and (id, start, reason) for each row the engine refuses."""
    sessions: list[Session] = []
    refused: list[tuple[int, str, str]] = []
    for row in rows:
        try:
            sessions.append(session_from_row(row))
        except (ValueError, TypeError) as error:
            refused.append((int(row[0]), str(row[2]), str(error)))
    return sessions, refused


def rows_to_day_logs(rows: list[tuple[Any, ...]]) -> list[DayLog]:
    """Day logs from raw rows; a row the engine refuses is left out (and logged)."""
    logs: list[DayLog] = []
    for row in rows:
        try:
            logs.append(day_log_from_row(row))
        except (ValueError, TypeError) as error:
            log.warning("The log for %s cannot be read and is left out: %s", row[0], error)
    return logs


def change_token(conn: sqlite3.Connection) -> int | None:
    """The change counter backups compare (None if the file has none)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (CHANGES_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else int(row[0])
