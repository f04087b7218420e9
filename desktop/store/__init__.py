"""The storage layer: a Peewee SQLite training log that never loses a session."""

from desktop.store.errors import (
    AlreadyOpenError,
    BackupError,
    CorruptDatabaseError,
    DatabaseFolderMissingError,
    DatabaseLockedError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    SessionNotFoundError,
    StoreClosedError,
    StoreError,
)
from desktop.store.paths import default_db_path, resolve_db_path
from desktop.store.schema import SCHEMA_VERSION
from desktop.store.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "AlreadyOpenError",
    "BackupError",
    "CorruptDatabaseError",
    "DatabaseFolderMissingError",
    "DatabaseLockedError",
    "NewerSchemaError",
    "NotADatabaseError",
    "ReadOnlyDatabaseError",
    "SessionNotFoundError",
    "Store",
    "StoreClosedError",
    "StoreError",
    "default_db_path",
    "resolve_db_path",
]
