"""What the system's locale and clock say, read through Qt once for the Qt-free parts.

The engine, the planner and the exporters import no Qt; the window reads these at start-up
and hands them on: the decimal mark and thousands separator (the engine's `NumberStyle`, and
so the CSV separator), the first day of the week and the computer's IANA time zone (Qt
maps Windows' own zone names to IANA ones, which Python cannot do without the registry).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale, QTimeZone

from desktop.advice.units import NumberStyle


def decimal_mark(locale: QLocale | None = None) -> str:
    """ "," in German, "." in US English: the locale's decimal mark."""
    return (locale or QLocale()).decimalPoint()


def number_style(locale: QLocale | None = None) -> NumberStyle:
    """How the locale writes numbers, for the engine's texts: its decimal mark and thousands
    separator ("5,5" and "1.893" in German)."""
    locale = locale or QLocale()
    mark = decimal_mark(locale)
    group = locale.groupSeparator()
    if len(group) > 1 or group == mark:  # a separator the engine cannot write: none
        group = ""
    try:
        return NumberStyle(mark, group)
    except ValueError:
        return NumberStyle()


def locale_csv_separator(locale: QLocale | None = None) -> str:
    """The CSV separator spreadsheets in this locale expect."""
    # Asked only when exporting: importing desktop.interop loads every reader (gpxpy, xml,
    # urllib), about 45 ms that the window's start-up, which reads this module, does not need.
    from desktop.interop.spreadsheet import csv_separator

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
