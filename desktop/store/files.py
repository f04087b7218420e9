"""File-level checks with plain sqlite3: headers, read-only probes, integrity, permissions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

from desktop.store.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    translate,
)
from desktop.store.schema import APPLICATION_ID, LAYOUTS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


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


def sqlite_uri(path: PurePath) -> str:
    """The `file:` URI SQLite opens for an absolute path, on any OS.

    pathlib's as_uri() gives a network share (\\\\server\\share, and a mapped drive, which
    resolve() turns into one) the URI authority "server", which SQLite refuses ("invalid uri
    authority"). SQLite wants an empty authority and the share in the path:
    file:////server/share/liftrun.db; a drive path is file:///C:/Users/.../liftrun.db.
    Characters URIs reserve (?, #, %, spaces) are percent-encoded.
    """
    if not path.is_absolute():
        raise ValueError(f"SQLite URIs need an absolute path, not {path}")
    if isinstance(path, PureWindowsPath):
        text = str(path).replace("\\", "/")
        if text.upper().startswith("//?/UNC/"):
            text = "//" + text[len("//?/UNC/") :]  # \\?\UNC\server\share: a long share path
        elif text.startswith("//?/"):
            text = text[len("//?/") :]  # \\?\C:\...: a long drive path
        if not text.startswith("//"):
            text = "/" + text  # C:/Users -> /C:/Users
    else:
        text = str(path)
    return "file://" + quote(text, safe="/:")


def read_only_uri(path: Path) -> str:
    """A sqlite3 URI that opens `path` read-only without creating side files if possible.

    A WAL-mode file with no -wal beside it is opened immutable, so SQLite
    creates no -shm/-wal files next to a file we may be about to refuse.
    """
    uri = sqlite_uri(path.resolve())
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


@contextlib.contextmanager
def shared_read_connection(path: Path, timeout_s: float) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a database another connection may be writing (WAL).

    Unlike `read_only_connection` it never opens the file immutable, so it sees every
    commit; for reading a Store's own file from another thread. Closed on exit.
    """
    try:
        conn = sqlite3.connect(sqlite_uri(path.resolve()) + "?mode=ro", uri=True, timeout=timeout_s)
    except sqlite3.Error as error:
        raise translate(error, path, "opening the database") from error
    try:
        yield conn
    finally:
        conn.close()


def _not_a_regular_file(path: Path) -> NotADatabaseError:
    return NotADatabaseError(
        f"{path} is not a regular file (it is a device, a pipe or a socket), so it cannot be "
        "a Liftrun database. Choose your liftrun.db file or a backup from the backups folder.",
        path,
    )


def check_regular(path: Path) -> None:
    """Refuse devices, pipes, sockets and dangling links before anything opens them."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise NotADatabaseError(
                f"{path} is a link to {os.readlink(path)}, which does not exist (a drive or "
                "folder that is not connected?). Reconnect it, or remove the link and choose "
                "your liftrun.db file.",
                path,
            ) from None
        return
    except PermissionError as error:
        raise ReadOnlyDatabaseError(
            f"Liftrun may not read {path}. Check the file's permissions.", path
        ) from error
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise _not_a_regular_file(path)


def _valid_header(header: bytes) -> bool:
    """The fixed fields every SQLite header has: page size, payload fractions, encoding."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    power_of_two = page_size >= 512 and page_size & (page_size - 1) == 0
    encoding = int.from_bytes(header[56:60], "big")
    return power_of_two and header[21:24] == bytes((64, 32, 32)) and encoding in (0, 1, 2, 3)


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, are visibly truncated or have a bad header."""
    check_regular(path)
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
    if not _valid_header(header):
        raise CorruptDatabaseError(
            f"The start of {path} is damaged: it begins like a SQLite file, but its header "
            "is not valid. Restore the newest file from the 'backups' folder beside it.",
            path,
        )
    if has_wal_content(path):
        return  # the -wal may legitimately hold pages the main file lacks
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_pages_valid = header[24:28] == header[92:96] and pages > 0
    if size % page_size != 0:
        raise truncated
    if header_pages_valid and size < pages * page_size:
        raise truncated


def journal_path(path: Path) -> Path:
    """The rollback journal SQLite keeps beside a database outside WAL mode."""
    return path.with_name(path.name + "-journal")


def recover_hot_journal(path: Path, timeout_s: float) -> None:
    """Roll back a crashed transaction's journal so read-only checks see a whole database.

    A read-only connection cannot undo a hot journal and reports the file as unwritable;
    copying the file without its journal gives a damaged copy. Call with the lock held.
    """
    try:
        if journal_path(path).stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    try:
        conn = sqlite3.connect(path, timeout=timeout_s)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise translate(error, path, "recovering the database after a crash") from error


def _layout(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    ]
    return {
        table: frozenset(
            str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        )
        for table in tables
    }


def integrity_problems(conn: sqlite3.Connection, *, full: bool = True) -> list[str]:
    """What PRAGMA integrity_check (or quick_check) finds; empty when the file is sound."""
    pragma = "integrity_check" if full else "quick_check"
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    return [] if rows == [("ok",)] else [str(row[0]) for row in rows]


def check_integrity(path: Path, timeout_s: float = 5.0) -> list[str]:
    """A full integrity_check of a database through its own read-only connection.

    Safe in any thread while a Store writes the same file (WAL readers never block it);
    returns SQLite's findings, empty when the file is sound.
    """
    with read_only_connection(path, timeout_s) as conn:
        try:
            return integrity_problems(conn)
        except sqlite3.Error as error:
            return [str(error)]


def probe(path: Path, timeout_s: float, *, full_check: bool = False) -> ProbeResult:
    """Check an existing file without writing to it: header, integrity, version, layout.

    The tables and columns must be exactly those of a Liftrun version, and the header's
    application_id Liftrun's own (or unset in files older than version 3). Raises
    NotADatabaseError, CorruptDatabaseError, DatabaseLockedError or NewerSchemaError;
    the file's bytes are never changed.
    """
    check_header(path)
    with read_only_connection(path, timeout_s) as conn:
        try:
            problems = integrity_problems(conn, full=full_check)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            layout = _layout(conn) if not problems else {}
        except sqlite3.Error as error:
            raise translate(error, path, "checking the database") from error
    if problems:
        raise CorruptDatabaseError(
            f"{path} failed SQLite's integrity check ({'; '.join(problems[:3])}). "
            "Restore the newest file from the 'backups' folder beside it.",
            path,
        )
    foreign = NotADatabaseError(
        f"{path} is a SQLite database but not a Liftrun training log. "
        "Choose your liftrun.db file or a backup from the backups folder.",
        path,
    )
    if application_id not in (0, APPLICATION_ID) or version < 0:
        raise foreign
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was saved by a newer Liftrun (data version {version}; this one reads up "
            f"to {SCHEMA_VERSION}). Update Liftrun to open it; the file was left untouched.",
            path,
        )
    if version == 0 and not layout:
        return ProbeResult(version=0, empty=True)
    if layout != LAYOUTS.get(version) or (version >= 3 and application_id != APPLICATION_ID):
        raise foreign
    return ProbeResult(version=version, empty=False)


def side_files(path: Path) -> set[Path]:
    """The -wal, -shm and -journal files that exist beside a database now."""
    names = (path.name + "-wal", path.name + "-shm", path.name + "-journal")
    return {path.with_name(name) for name in names if path.with_name(name).exists()}


def remove_new_side_files(path: Path, before: set[Path]) -> None:
    """After a refused open, remove the empty -shm/-wal a read-only look left behind."""
    for side in side_files(path) - before:
        if side.name.endswith("-shm") or side.stat().st_size == 0:
            side.unlink(missing_ok=True)


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private(path: Path, *, folder: bool = False) -> None:
    """Owner-only permissions on POSIX (0600 files, 0700 folders), whatever the umask."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_FOLDER if folder else PRIVATE_FILE)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file, so SQLite's -wal/-shm copy its mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    make_private(path)


def create_private_folder(path: Path) -> None:
    """Create `path` (if missing) as an owner-only folder."""
    path.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    make_private(path, folder=True)
