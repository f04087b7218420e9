"""Run a piece of a test as if the computer were set to another region."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def system_locale(name: str) -> Iterator[None]:
    """Qt's default locale is `name` ("de_DE", "en_US") inside the block, as the window
    reads it at start-up; the C locale again after."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        yield
    finally:
        QLocale.setDefault(before)
