"""Weekly totals summed by SQLite (GROUP BY week), with empty weeks filled in."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from desktop.advice.model import WeekTotals
from desktop.advice.weeks import MONDAY, start_of_week
from desktop.advice.weeks import monday_of as monday_of

# Julian day numbers: JDN 0 was a Monday, so JDN % 7 is Python's weekday, a week starting on
# weekday f is (JDN - f) // 7, and its first day is that times 7 plus f. A date's ordinal is
# its JDN minus this.
_JDN_TO_ORDINAL = 1721425

# `start` is ISO text; its first 10 characters are the day. Runs: every run counts in `runs`
# and `run_km` (planned distance); done runs add their actual distance where recorded, else
# the planned one. Done deadlifts add sets x reps x load, actual where recorded, missing as 0.
# The longest run is the longest of the week's runs, actual distance where recorded.
WEEKLY_TOTALS_SQL = """
SELECT week,
       TOTAL(kind = 'run'),
       TOTAL(kind = 'run' AND done),
       TOTAL(kind = 'deadlift'),
       TOTAL(kind = 'deadlift' AND done),
       TOTAL(CASE WHEN kind = 'run' THEN distance_km END),
       TOTAL(CASE WHEN kind = 'run' AND done
                  THEN COALESCE(actual_distance_km, distance_km) END),
       TOTAL(CASE WHEN kind = 'deadlift' AND done
                  THEN COALESCE(actual_sets, sets, 0) * COALESCE(actual_reps, reps, 0)
                       * COALESCE(actual_load_kg, load_kg, 0) END),
       TOTAL(0) + COALESCE(MAX(CASE WHEN kind = 'run'
                                    THEN COALESCE(actual_distance_km, distance_km) END), 0)
FROM (
    SELECT (CAST(julianday(substr(start, 1, 10)) + 0.5 AS INTEGER) - ?) / 7 AS week, *
    FROM session
    WHERE start >= ? AND start < ?
)
GROUP BY week
ORDER BY week
"""


# The mean RPE of each week's done sessions that recorded one (weeks without: no row).
WEEKLY_MEAN_RPE_SQL = """
SELECT (CAST(julianday(substr(start, 1, 10)) + 0.5 AS INTEGER) - ?) / 7 AS week, AVG(rpe)
FROM session
WHERE start >= ? AND start < ? AND done AND rpe IS NOT NULL
GROUP BY week
"""


def _week_start(week: int, first_weekday: int) -> date:
    return date.fromordinal(week * 7 + first_weekday - _JDN_TO_ORDINAL)


def weekly_totals(
    conn: sqlite3.Connection, first: date, last: date, first_weekday: int = MONDAY
) -> list[WeekTotals]:
    """One WeekTotals per week (starting on `first_weekday`, Monday 0 ... Sunday 6) from
    first's week to last's, oldest first."""
    start = start_of_week(first, first_weekday)
    end = start_of_week(last, first_weekday) + timedelta(days=7)
    rows = conn.execute(
        WEEKLY_TOTALS_SQL, (first_weekday, start.isoformat(), end.isoformat())
    ).fetchall()
    found = {
        _week_start(week, first_weekday): WeekTotals(
            week_start=_week_start(week, first_weekday),
            runs=int(runs),
            runs_done=int(runs_done),
            lifts=int(lifts),
            lifts_done=int(lifts_done),
            run_km=run_km,
            run_km_done=run_km_done,
            lift_volume_kg=volume,
            longest_run_km=longest,
        )
        for week, runs, runs_done, lifts, lifts_done, run_km, run_km_done, volume, longest in rows
    }
    weeks: list[WeekTotals] = []
    monday = start
    while monday < end:
        weeks.append(found.get(monday) or WeekTotals(week_start=monday))
        monday += timedelta(days=7)
    return weeks


def weekly_mean_rpe(
    conn: sqlite3.Connection, first: date, last: date, first_weekday: int = MONDAY
) -> dict[date, float]:
    """Each week's mean RPE over its done sessions that recorded one, by the week's first day,
    from first's week to last's; weeks without any are left out."""
    start = start_of_week(first, first_weekday)
    end = start_of_week(last, first_weekday) + timedelta(days=7)
    rows = conn.execute(
        WEEKLY_MEAN_RPE_SQL, (first_weekday, start.isoformat(), end.isoformat())
    ).fetchall()
    return {_week_start(week, first_weekday): float(mean) for week, mean in rows}
