"""What the calendar feeds work out once per loaded range: chip words and week extras.

The planner keeps the sessions near the visible month in one engine `History`; every edit
(and every load of another range) replaces that History. A `FeedCache` belongs to one
History and is dropped with it, so a month, its weeks and the week refreshed twice in a
row advise each session once. A chip's state is not kept: it depends on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.advice import History, Zone


@dataclass(frozen=True)
class ChipWords:
    """A session's chip text, its tooltip with the advice's warnings, and whether it warns."""

    text: str
    tooltip: str
    warning: bool


@dataclass(frozen=True)
class WeekExtras:
    """A week's zones after its lifts and its totals (per day and for the week)."""

    zones: list[Zone]
    day_totals: dict[date, str]
    week_total: str


@dataclass
class FeedCache:
    """Chip words per session id and extras per Monday, for one loaded History."""

    history: History
    chips: dict[int, ChipWords] = field(default_factory=dict)
    weeks: dict[date, WeekExtras] = field(default_factory=dict)

    def holds(self, history: History) -> bool:
        """True while the planner still has the History this cache was filled from."""
        return self.history is history
