"""Shared helpers for the import and export tests: the sample files and a fixed time zone."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

DATA = Path(__file__).resolve().parent / "data"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def data() -> Path:
    """The folder of sample files (see data/README.md for where each comes from)."""
    return DATA
