"""Which day a week starts on, for the month view, the week view, planning and totals.

One answer for all of them: the person's choice, or else their locale's first day (Sunday
in the US, Monday in most of Europe), which the window reads from QLocale at start-up and
passes in. Weekdays are Python's: Monday is 0, Sunday 6.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from desktop.advice.weeks import start_of_week

MONDAY: Final = 0
SUNDAY: Final = 6
# The setting's value for "as my locale says".
FROM_LOCALE: Final = "locale"


def first_weekday(setting: str | int | None, locale_first_weekday: int) -> int:
    """The first day of the week: a chosen weekday (0-6, or its number as text), else the
    locale's; anything else stored there counts as no choice."""
    if isinstance(setting, str) and setting.strip().isdigit():
        setting = int(setting.strip())
    if isinstance(setting, int) and MONDAY <= setting <= SUNDAY:
        return setting
    if not MONDAY <= locale_first_weekday <= SUNDAY:
        raise ValueError(f"a weekday is 0 (Monday) to 6 (Sunday), not {locale_first_weekday}")
    return locale_first_weekday


def week_start(day: date, first: int = MONDAY) -> date:
    """The first day of the week holding `day`."""
    return start_of_week(day, first)


def week_days(day: date, first: int = MONDAY) -> list[date]:
    """The seven days of the week holding `day`, from its first day."""
    start = week_start(day, first)
    return [start + timedelta(days=n) for n in range(7)]
