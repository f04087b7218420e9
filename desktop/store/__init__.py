"""The storage layer: a Peewee SQLite training log that never loses a session."""

from typing import TYPE_CHECKING, Any

from desktop.store.errors import (
    AlreadyOpenError,
    BackupError,
    CorruptDatabaseError,
    DatabaseFolderMissingError,
    DatabaseLockedError,
    DiskFullError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    SessionNotFoundError,
    StoreClosedError,
    StoreError,
    TemplateNotFoundError,
)
from desktop.store.files import check_integrity
from desktop.store.paths import default_db_path, resolve_db_path
from desktop.store.schema import SCHEMA_VERSION
from desktop.store.store import Store, UnreadableRow

if TYPE_CHECKING:
    from desktop.store.backups import (
        BackupInfo,
        BackupKind,
        list_backups,
        read_preference,
        restore_backup,
    )

# Imported on first use: opening a database does not need the backup module.
_FROM_BACKUPS = frozenset(
    {"BackupInfo", "BackupKind", "list_backups", "read_preference", "restore_backup"}
)


def __getattr__(name: str) -> Any:
    if name in _FROM_BACKUPS:
        from desktop.store import backups

        return getattr(backups, name)
    raise AttributeError(f"module 'desktop.store' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "AlreadyOpenError",
    "BackupError",
    "BackupInfo",
    "BackupKind",
    "CorruptDatabaseError",
    "DatabaseFolderMissingError",
    "DatabaseLockedError",
    "DiskFullError",
    "NewerSchemaError",
    "NotADatabaseError",
    "ReadOnlyDatabaseError",
    "SessionNotFoundError",
    "Store",
    "StoreClosedError",
    "StoreError",
    "TemplateNotFoundError",
    "UnreadableRow",
    "check_integrity",
    "default_db_path",
    "list_backups",
    "read_preference",
    "resolve_db_path",
    "restore_backup",
]
