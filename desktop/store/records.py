"""What the Progress view reads by SQL: records so far (the longest run and the heaviest
deadlift set), the first session's day, and weekly totals."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.advice.model import InvalidInputError, WeekTotals
from desktop.advice.weeks import MONDAY
from desktop.store import totals
from desktop.store.base import Database, _check_range

# Done sessions only; the actual value where recorded, else the planned one. Ties go to
# the earliest session: the record was set then.
LONGEST_RUN_SQL = """
SELECT COALESCE(actual_distance_km, distance_km) AS km, substr(start, 1, 10)
FROM session
WHERE kind = 'run' AND done AND km > 0
ORDER BY km DESC, start
LIMIT 1
"""
HEAVIEST_SET_SQL = """
SELECT COALESCE(actual_load_kg, load_kg) AS kg, COALESCE(actual_reps, reps),
       substr(start, 1, 10)
FROM session
WHERE kind = 'deadlift' AND done AND kg > 0
ORDER BY kg DESC, COALESCE(actual_reps, reps, 0) DESC, start
LIMIT 1
"""
FIRST_DAY_SQL = "SELECT substr(MIN(start), 1, 10) FROM session"


@dataclass(frozen=True)
class ProgressRecords:
    """The longest done run and the heaviest done deadlift set, with their days."""

    longest_run_km: float | None = None
    longest_run_day: date | None = None
    heaviest_set_kg: float | None = None
    heaviest_set_reps: int | None = None
    heaviest_set_day: date | None = None


def read_records(conn: sqlite3.Connection) -> ProgressRecords:
    """The records in the session table (None where nothing is done yet)."""
    run = conn.execute(LONGEST_RUN_SQL).fetchone()
    lift = conn.execute(HEAVIEST_SET_SQL).fetchone()
    return ProgressRecords(
        longest_run_km=float(run[0]) if run else None,
        longest_run_day=date.fromisoformat(run[1]) if run else None,
        heaviest_set_kg=float(lift[0]) if lift else None,
        heaviest_set_reps=int(lift[1]) if lift and lift[1] is not None else None,
        heaviest_set_day=date.fromisoformat(lift[2]) if lift else None,
    )


class ProgressQueries:
    """Store reads for the Progress view: records, the first session's day, weekly totals."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def records(self) -> ProgressRecords:
        """The longest done run and the heaviest done deadlift set so far."""
        with self._database.reading() as conn:
            return read_records(conn)

    def first_session_day(self) -> date | None:
        """The day of the earliest session, None when there is none."""
        with self._database.reading() as conn:
            row = conn.execute(FIRST_DAY_SQL).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def weekly_totals(
        self, first: date, last: date, first_weekday: int = MONDAY
    ) -> list[WeekTotals]:
        """Totals for every week (from `first_weekday`, Monday 0 ... Sunday 6) from first's to
        last's, empty ones included."""
        first, last = _check_range(first, last)
        if last > date.max - timedelta(days=7):
            raise InvalidInputError("The last week asked for is out of the calendar's range.")
        with self._database.reading() as conn:
            return totals.weekly_totals(conn, first, last, first_weekday)

    def weekly_mean_rpe(
        self, first: date, last: date, first_weekday: int = MONDAY
    ) -> dict[date, float]:
        """Each week's mean RPE of its done sessions, by the week's first day, from first's
        week to last's."""
        first, last = _check_range(first, last)
        with self._database.reading() as conn:
            return totals.weekly_mean_rpe(conn, first, last, first_weekday)
