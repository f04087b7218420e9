"""Weeks, defined once: seven days from a first weekday (Monday unless the person's locale or
choice says otherwise), the longest block and the most repeats in one step."""

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


MONDAY: Final = 0


def start_of_week(day: date, first_weekday: int = MONDAY) -> date:
    """The first day of the week holding `day`, weeks starting on `first_weekday` (Monday 0
    ... Sunday 6, Python's numbering)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % DAYS_IN_WEEK)


def monday_of(day: date) -> date:
    """The Monday starting the week that holds `day` (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())
