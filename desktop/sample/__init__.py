"""Seeded sample history (years of deadlifts and runs) and the `--demo` database.

The history itself is made in `desktop.sample.generator`; this module writes it into a
store and keeps demo databases apart from a person's own.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.sample.generator import (
    WARNING_KINDS,
    SampleHistory,
    generate_day_logs,
    generate_history,
    generate_sessions,
    sample_profile,
)

if TYPE_CHECKING:
    from desktop.store import Store

__all__ = [
    "DEMO_MARKER_KEY",
    "DEMO_TITLE",
    "WARNING_KINDS",
    "NotADemoDatabaseError",
    "SampleHistory",
    "create_demo_database",
    "demo_database_path",
    "generate_day_logs",
    "generate_history",
    "generate_sessions",
    "is_demo_database",
    "populate",
    "sample_profile",
]

# The preference that marks a database as a throw-away demo (never the user's own).
DEMO_MARKER_KEY = "demo"
DEMO_MARKER_VALUE = "1"
# What the window should add to its title when showing a demo database.
DEMO_TITLE = "Demo data"


class NotADemoDatabaseError(FileExistsError):
    """Raised when a demo database would overwrite a file that is not a demo."""


def populate(store: Store, years: int, seed: int, end: date | None = None) -> int:
    """Write a generated history (profile, sessions, day logs) into `store`.

    Sessions and day logs each go in one transaction (`Store.add_many`, `Store.save_day_logs`),
    so 10 years take about a second. Returns the number of sessions written.
    """
    history = generate_history(years, seed, end)
    store.save_profile(history.profile)
    store.add_many(history.sessions)
    store.save_day_logs(history.day_logs)
    return len(history.sessions)


# Every demo database lives alone in a temporary folder named with this prefix.
DEMO_FOLDER_PREFIX = "liftrun-demo-"


def demo_database_path() -> Path:
    """A fresh, clearly named file for a demo database in a new temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix=DEMO_FOLDER_PREFIX))
    return folder / "liftrun-demo.db"


def is_demo_database(path: Path) -> bool:
    """True when `path` is a Liftrun database marked as a demo; reads without changing it."""
    from desktop.store import read_preference

    return read_preference(path, DEMO_MARKER_KEY) == DEMO_MARKER_VALUE


def create_demo_database(path: Path, years: int = 2, seed: int = 7) -> Path:
    """Create (or replace) a demo database at `path`, ending today, and return the path.

    The file is marked as a demo before anything else is written. Refuses, with
    NotADemoDatabaseError, to replace an existing file that is not a demo, so a user's own
    database can never be overwritten.
    """
    from desktop.store import Store

    path = Path(path)
    if path.exists():
        if not is_demo_database(path):
            raise NotADemoDatabaseError(
                f"{path} already exists and is not a Liftrun demo database, so it was left "
                "untouched. Choose another file for the demo."
            )
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
    with Store.open(path) as store:
        store.set_preference(DEMO_MARKER_KEY, DEMO_MARKER_VALUE)
        populate(store, years, seed)
    return path
