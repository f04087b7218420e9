"""The two accent colours shared by the calendar, the chips and the week view.

Kept apart from the painters so the calendar's first frame can use them without loading
the chip painter (which builds PySide6's `Qt` namespace).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# Both read on light and dark backgrounds alike.
RUN_ACCENT = QColor("#2f86dd")  # runs: blue circles
WARNING_ACCENT = QColor("#f0a020")  # warnings: amber with a dark "!"
WARNING_INK = QColor("#1a1a1a")
