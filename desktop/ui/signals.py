"""The one guard for programmatic updates: `signals_blocked`.

Kept apart from desktop.ui.fields (units and limited spin boxes) so the window's shell can
use it before its first frame without loading the engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QSignalBlocker


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the objects' signals inside the block (restored as they were afterwards)."""
    blockers = [QSignalBlocker(obj) for obj in objects]
    try:
        yield
    finally:
        for blocker in reversed(blockers):
            blocker.unblock()
