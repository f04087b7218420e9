"""Geometry and drag state for the month calendar's cells, apart from the widget itself.

Loaded only once chips are shown (it builds PySide6's `Qt` namespace), never for the first
frame.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QDropEvent, QMouseEvent

from desktop.ui.calendar_ink import CHIP_MARGIN
from desktop.ui.session_chips import ChipData, in_time_order

# (session id, target day, copy) -> the warnings the plan would have after that drop.
DropPreview = Callable[[int, date, bool], Sequence[str]]

CHIP_GAP = 1.0  # logical pixels between stacked chips


@dataclass(frozen=True)
class DropHover:
    """What a drag hovering a day would do: which session, where, copied or moved."""

    session_id: int
    day: date
    copy: bool
    warnings: tuple[str, ...] = field(default=())

    def message(self) -> str:
        """The tooltip shown while hovering: the action and the warnings it would raise."""
        action = "Copy" if self.copy else "Move"
        head = f"{action} to {self.day:%a %d %b}"
        if not self.warnings:
            return head
        return head + "; the plan would warn:\n" + "\n".join(f"! {w}" for w in self.warnings)


def chip_slots(
    area: QRectF, count: int, chip_height: float
) -> tuple[list[QRectF], QRectF | None, int]:
    """Rectangles for the chips that fit in `area`, the "+N more" line's, and N.

    When all `count` chips fit there is no "more" line; otherwise the last line that fits
    says how many are hidden.
    """
    step = chip_height + CHIP_GAP
    capacity = max(0, math.floor((area.height() + CHIP_GAP) / step))
    width = max(0.0, area.width() - 2 * CHIP_MARGIN)
    left = area.left() + CHIP_MARGIN

    def line(index: int) -> QRectF:
        return QRectF(left, area.top() + index * step, width, chip_height)

    if count <= capacity:
        return [line(i) for i in range(count)], None, 0
    if capacity == 0:
        return [], None, count
    shown = capacity - 1
    return [line(i) for i in range(shown)], line(shown), count - shown


def with_ghost(
    chips: Sequence[ChipData], ghost: ChipData, copy: bool
) -> tuple[list[ChipData], int]:
    """The day's chips with the ghost in time order (a move leaves out the original).

    Returns the list and the ghost's index in it.
    """
    others = [c for c in chips if copy or c.session_id != ghost.session_id]
    ordered = in_time_order([*others, ghost])
    return ordered, ordered.index(ghost)


def ghost_chip(chip: ChipData, day: date, warns: bool) -> ChipData:
    """The chip as it would be on `day`: same time of day, warning if the drop would warn."""
    start = datetime.combine(day, chip.start.time())
    return replace(chip, start=start, warning=warns)


def wants_copy(event: QDropEvent | QMouseEvent) -> bool:
    """Whether a drag asks to copy: Ctrl held (Option on macOS, which Qt calls Alt there).

    The modifiers are read rather than Qt's proposed action, which a drop event built
    without a platform drag (tests, keyboard) always proposes as a copy.
    """
    modifier = (
        Qt.KeyboardModifier.AltModifier
        if sys.platform == "darwin"
        else Qt.KeyboardModifier.ControlModifier
    )
    return bool(event.modifiers() & modifier)
