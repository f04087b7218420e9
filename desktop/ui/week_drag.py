"""A week-view block being dragged, and how a move or a resize updates it with its preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QPointF

from desktop.ui.session_chips import ChipData

# (session id, new start, copy) -> the warnings the plan would have after that move.
MovePreview = Callable[[int, datetime, bool], Sequence[str]]
# (session id, new duration in minutes) -> the warnings the plan would have.
ResizePreview = Callable[[int, int], Sequence[str]]


@dataclass(frozen=True)
class BlockDrag:
    """A block being dragged: its chip, where the press was, and what it would become."""

    chip: ChipData
    origin: QPointF
    resize: bool
    start: datetime
    duration_min: int
    copy: bool = False
    warnings: tuple[str, ...] = ()
    previewed: bool = False  # a would-be plan was asked for: the window shows it until the end


def moved(drag: BlockDrag, start: datetime, copy: bool, preview: MovePreview | None) -> BlockDrag:
    """The drag with its block at `start` and the would-be warnings there (none in place)."""
    if (start, copy) == (drag.start, drag.copy):
        return drag
    same_place = start == drag.chip.start and not copy
    warnings: tuple[str, ...] = ()
    if preview is not None and not same_place:
        warnings = tuple(preview(drag.chip.session_id, start, copy))
    return replace(drag, start=start, copy=copy, warnings=warnings, previewed=True)


def resized(drag: BlockDrag, duration: int, preview: ResizePreview | None) -> BlockDrag:
    """The drag with its block lasting `duration` minutes and the would-be warnings."""
    if duration == drag.duration_min:
        return drag
    warnings: tuple[str, ...] = ()
    if preview is not None and duration != drag.chip.duration_min:
        warnings = tuple(preview(drag.chip.session_id, duration))
    return replace(drag, duration_min=duration, warnings=warnings, previewed=True)
