"""Weeks, defined once: Monday to Sunday, the longest block and the most repeats in one step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

DAYS_IN_WEEK: Final = 7
# The longest training block planned at once (four 4-week cycles, each ending in a deload).
MAX_BLOCK_WEEKS: Final = 16
# The most weekly copies one "repeat" makes: two years in one step.
MAX_REPEATS: Final = 104
# The most distance a week's plan may ask for: far above anything a person runs in a week,
# low enough that a slip of the keyboard (10,000) is refused rather than planned.
MAX_WEEKLY_KM: Final = 1000.0


def monday_of(day: date) -> date:
    """The Monday starting the week that holds `day` (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())
