"""Where things go in the week view: columns, the clock axis, zones, block lanes, snapping.

Pure arithmetic on the view's size, kept apart from the widget so it can be read (and
tested) on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QRegion

from desktop.ui.session_chips import ChipData, in_time_order

DAYS = 7
MINUTES_PER_DAY = 24 * 60
SNAP_MIN = 15
FINE_SNAP_MIN = 5

# Zone labels by the engine's context values; anything else is shown as given.
ZONE_LABELS = {
    "immediately_after": "right after",
    "same_day_later": "later the same day",
    "next_day": "next day",
}
# The same, shortened for a column too narrow for the whole words (the tooltip has them).
ZONE_SHORT_LABELS = {
    "immediately_after": "after",
    "same_day_later": "later",
    "next_day": "next",
}


class ZoneLike(Protocol):
    """Anything shaped like the engine's `Zone`: a context (or label), a start and an end."""

    @property
    def context(self) -> object: ...

    @property
    def start(self) -> datetime: ...

    @property
    def end(self) -> datetime: ...


@dataclass(frozen=True)
class ShadedZone:
    """A zone after a deadlift, as the week view shades it: its words, start and end."""

    label: str
    key: str  # the context value (or the label), which picks the zone's hatching
    start: datetime
    end: datetime

    @property
    def short_label(self) -> str:
        """The label for a narrow column ("later" for "later the same day")."""
        return ZONE_SHORT_LABELS.get(self.key, self.label)


def shaded_zones(zones: Iterable[ZoneLike | tuple[object, datetime, datetime]]) -> list[ShadedZone]:
    """Zones from the engine's `Zone` objects or from (label or context, start, end) tuples."""
    result = []
    for zone in zones:
        if isinstance(zone, tuple):
            context, start, end = zone
        else:
            context, start, end = zone.context, zone.start, zone.end
        key = str(getattr(context, "value", context))
        result.append(ShadedZone(ZONE_LABELS.get(key, key), key, start, end))
    return result


def snap(minutes: float, step: int) -> int:
    """Round a number of minutes to the nearest multiple of `step`."""
    return round(minutes / step) * step


@dataclass(frozen=True)
class WeekGeometry:
    """The week view's grid: a time gutter, seven columns, a scrolled 24-hour axis."""

    monday: date
    grid: QRectF  # the visible clock area (below the header, above the totals)
    gutter: float  # the time labels' width, left of the grid
    hour_height: float
    offset: float  # how far the 24-hour axis is scrolled, in pixels
    handle: float = 0.0  # the height of a block's resize handle, at its lower edge
    block_min: float = 0.0  # the least height a block is drawn (and grabbed) at

    @property
    def column_width(self) -> float:
        """One day's column width."""
        return (self.grid.width() - self.gutter) / DAYS

    @property
    def content_height(self) -> float:
        """The whole day's height."""
        return self.hour_height * 24

    def column_left(self, index: int) -> float:
        """The left edge of a day's column."""
        return self.grid.left() + self.gutter + index * self.column_width

    def y_of(self, minute_of_day: float) -> float:
        """The y of a minute of the day on screen (may be outside the grid when scrolled)."""
        return self.grid.top() - self.offset + minute_of_day * self.hour_height / 60

    def column_of(self, x: float) -> int | None:
        """Which day column holds x, None left of the first or right of the last."""
        if x < self.grid.left() + self.gutter or self.column_width <= 0:
            return None
        index = int((x - self.grid.left() - self.gutter) // self.column_width)
        return index if 0 <= index < DAYS else None

    def time_at(self, pos: QPointF, step: int = SNAP_MIN) -> datetime | None:
        """The snapped clock time under a point of the grid, None outside the columns."""
        column = self.column_of(pos.x())
        if column is None or not self.grid.top() <= pos.y() <= self.grid.bottom():
            return None
        minutes = (pos.y() - self.grid.top() + self.offset) * 60 / self.hour_height
        minutes = min(max(snap(minutes, step), 0), MINUTES_PER_DAY - step)
        day = self.monday + timedelta(days=column)
        return datetime.combine(day, time()) + timedelta(minutes=minutes)

    def moved(self, start: datetime, origin: QPointF, pos: QPointF, step: int) -> datetime:
        """A start dragged from `origin` to `pos`: whole days across columns, the clock
        by the vertical distance, snapped to a multiple of `step` minutes of the day."""
        days = 0
        column, origin_column = self.column_of(pos.x()), self.column_of(origin.x())
        if column is not None and origin_column is not None:
            days = column - origin_column
        minutes = (pos.y() - origin.y()) * 60 / self.hour_height
        shifted = start + timedelta(days=days, minutes=minutes)
        midnight = datetime.combine(shifted.date(), time())
        return midnight + timedelta(minutes=snap((shifted - midnight).seconds / 60, step))

    def resized(self, duration_min: int, origin: QPointF, pos: QPointF, step: int) -> int:
        """A duration whose lower edge was dragged from `origin` to `pos`, snapped, >= step."""
        minutes = (pos.y() - origin.y()) * 60 / self.hour_height
        return max(step, snap(duration_min + minutes, step))

    def span_rect(
        self, start: datetime, end: datetime, lane: int = 0, lanes: int = 1
    ) -> list[QRectF]:
        """Rectangles covering start..end, one per day column it touches this week."""
        rects = []
        for index in range(DAYS):
            day = self.monday + timedelta(days=index)
            day_start = datetime.combine(day, time())
            first, last = max(start, day_start), min(end, day_start + timedelta(days=1))
            if last <= first:
                continue
            top = self.y_of((first - day_start).total_seconds() / 60)
            bottom = self.y_of((last - day_start).total_seconds() / 60)
            width = self.column_width / lanes
            left = self.column_left(index) + lane * width
            rects.append(QRectF(left + 1, top, width - 2, bottom - top))
        return rects

    def shown_rects(self, rects: Sequence[QRectF]) -> list[QRectF]:
        """A block's rectangles as drawn and grabbed: the last at least `block_min` tall,
        so a short session still shows its line above its handle."""
        shown = [QRectF(rect) for rect in rects]
        if shown and shown[-1].height() < self.block_min:
            shown[-1].setHeight(self.block_min)
        return shown

    def handle_rect(self, shown: QRectF) -> QRectF:
        """The resize handle of a block's last drawn rectangle: a strip along its lower edge."""
        return QRectF(shown.left(), shown.bottom() - self.handle, shown.width(), self.handle)


def lanes(chips: Sequence[ChipData]) -> dict[int, tuple[int, int]]:
    """Side-by-side lanes for overlapping sessions: session id -> (lane, lanes in its group)."""
    placed: dict[int, tuple[int, int]] = {}
    group: list[tuple[ChipData, int]] = []
    group_end: datetime | None = None

    def close_group() -> None:
        count = max((lane for _, lane in group), default=-1) + 1
        for chip, lane in group:
            placed[chip.session_id] = (lane, count)

    for chip in in_time_order(chips):
        if group_end is not None and chip.start >= group_end:
            close_group()
            group, group_end = [], None
        taken = {lane for other, lane in group if other.end > chip.start}
        lane = next(n for n in range(len(group) + 1) if n not in taken)
        group.append((chip, lane))
        group_end = chip.end if group_end is None else max(group_end, chip.end)
    close_group()
    return placed


def content_region(area: QRect, fixed: Iterable[QRect]) -> QRegion:
    """`area` without the `fixed` rectangles: what a change of the shown week repaints.

    The week view's scroll bar and legend look the same whatever week it shows, so a new
    week, new blocks or a moved selection leave them as they are.
    """
    region = QRegion(area)
    for rect in fixed:
        region -= QRegion(rect)
    return region
