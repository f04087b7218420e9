"""What the system's locale and clock say, read through Qt once for the Qt-free parts.

The engine, the planner and the exporters import no Qt; the window reads these at start-up
and hands them on: the decimal mark (and so the CSV separator), the first day of the week
and the computer's IANA time zone (Qt maps Windows' own zone names to IANA ones, which
Python cannot do without the registry).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale, QTimeZone

from desktop.interop.spreadsheet import csv_separator


def decimal_mark(locale: QLocale | None = None) -> str:
    """ "," in German, "." in US English: the locale's decimal mark."""
    return (locale or QLocale()).decimalPoint()


def locale_csv_separator(locale: QLocale | None = None) -> str:
    """The CSV separator spreadsheets in this locale expect."""
    return csv_separator(decimal_mark(locale))


def locale_first_weekday(locale: QLocale | None = None) -> int:
    """The locale's first day of the week, Python-style: Monday 0 ... Sunday 6."""
    return (locale or QLocale()).firstDayOfWeek().value - 1


def system_zone_name() -> str:
    """The computer's IANA zone name ("Europe/Berlin"), "" when the system has none."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", errors="ignore")


def system_zone() -> ZoneInfo | None:
    """The computer's zone for calendar exports; None when no IANA zone matches (the export
    then writes UTC, which every calendar shows in its own time)."""
    name = system_zone_name().strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
