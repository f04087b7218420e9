"""Real elapsed time between naive local clock times, in the computer's time zone.

Sessions are stored as naive local wall times. Two of them are as far apart as the
computer's clock says: on the night the clocks go forward, 01:30 and 03:00 are 30 minutes
apart, and on the night they go back, an hour of wall time happens twice. A naive time is
read as local time the way the operating system resolves it (`datetime.timestamp`: a time
that does not exist or exists twice is taken as the OS maps it). Every gap the engine
works out, and every boundary the week view shades, comes from these two functions.
"""

from __future__ import annotations

from datetime import datetime, timedelta

# Errors `datetime.timestamp`/`fromtimestamp` raise for times the platform cannot map
# (on Windows, anything before 1970); such times fall back to wall-clock arithmetic.
_UNMAPPABLE = (OverflowError, OSError, ValueError)


def elapsed(earlier: datetime, later: datetime) -> timedelta:
    """The real time from `earlier` to `later` (negative when `later` comes first)."""
    try:
        seconds = later.timestamp() - earlier.timestamp()
    except _UNMAPPABLE:
        return later - earlier
    return timedelta(seconds=round(seconds))


def after(moment: datetime, span: timedelta) -> datetime:
    """The naive local clock time `span` of real time after `moment`."""
    try:
        shifted = datetime.fromtimestamp(moment.timestamp() + span.total_seconds())
    except _UNMAPPABLE:
        return moment + span
    return shifted.replace(fold=0)


def elapsed_minutes(earlier: datetime, later: datetime) -> int:
    """Whole minutes of real time from `earlier` to `later`, rounded down."""
    return int(elapsed(earlier, later).total_seconds() // 60)
