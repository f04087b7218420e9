"""Fixtures for the store tests: a database path in tmp_path and an open store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database lives (not created yet), in a folder of its own."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "liftrun.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store, closed after the test."""
    opened = Store.open(db_path)
    try:
        yield opened
    finally:
        opened.close()
