"""What the Progress view and the week totals strip show, and the "done as planned" change.

`ProgressFeed` (no Qt). Totals come from the store's SQL (`Store.weekly_totals`,
GROUP BY week); records from `Store.records`. The window turns `done_as_planned` into one
SessionsCommand, so marking a session done is one undo step like any other edit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from desktop.advice import Session, WeekTotals
from desktop.advice.units import format_distance, format_weight
from desktop.advice.weeks import DAYS_IN_WEEK, MONDAY, start_of_week
from desktop.planner.loaded_days import LoadedDays
from desktop.planner.profiles import ProfileBook
from desktop.store import Store


class ProgressFeed:
    """Weekly totals, records and "done as planned" for the window, from the store."""

    def __init__(self, store: Store, loaded: LoadedDays, profiles: ProfileBook) -> None:
        self._store = store
        self._loaded = loaded
        self._profiles = profiles

    def week_totals(self, day: date, first_weekday: int = MONDAY) -> WeekTotals:
        """The totals of the week holding `day`, weeks starting on `first_weekday`."""
        return self._store.weekly_totals(day, day, first_weekday)[0]

    def progress_weeks(
        self, weeks: int, today: date, first_weekday: int = MONDAY
    ) -> list[WeekTotals]:
        """The last `weeks` weeks up to today's, oldest first; 0 means from the first session.

        Sessions planned after today's week are left out: the chart shows how weeks went.
        """
        first, last = self._progress_range(weeks, today, first_weekday)
        return self._store.weekly_totals(first, last, first_weekday)

    def progress_mean_rpe(
        self, weeks: int, today: date, first_weekday: int = MONDAY
    ) -> dict[date, float]:
        """The mean RPE of the same weeks as `progress_weeks`, by the week's first day (weeks
        without a recorded RPE left out)."""
        first, last = self._progress_range(weeks, today, first_weekday)
        return self._store.weekly_mean_rpe(first, last, first_weekday)

    def _progress_range(self, weeks: int, today: date, first_weekday: int) -> tuple[date, date]:
        last = start_of_week(today, first_weekday)
        if weeks > 0:
            return last - timedelta(days=DAYS_IN_WEEK * (weeks - 1)), last
        first_day = self._store.first_session_day()
        if first_day is None:
            return last, last
        return min(start_of_week(first_day, first_weekday), last), last

    def record_lines(self) -> list[str]:
        """The longest run and the heaviest deadlift set so far, one sentence each."""
        records = self._store.records()
        profile = self._profiles.current()
        lines: list[str] = []
        if records.longest_run_km is not None and records.longest_run_day is not None:
            distance = format_distance(records.longest_run_km, profile.distance_unit)
            lines.append(f"Longest run: {distance} on {records.longest_run_day:%a %d %b %Y}.")
        if records.heaviest_set_kg is not None and records.heaviest_set_day is not None:
            load = format_weight(records.heaviest_set_kg, profile.weight_unit)
            reps = records.heaviest_set_reps
            times = f" \u00d7 {reps} rep{'s' if reps != 1 else ''}" if reps else ""
            day = records.heaviest_set_day
            lines.append(f"Heaviest deadlift set: {load}{times} on {day:%a %d %b %Y}.")
        return lines

    def done_as_planned(self, session_id: int) -> Session | None:
        """The stored session marked done with its planned values (effort kept); None if gone."""
        stored = self._loaded.get(session_id)
        if stored is None:
            return None
        # The plan is what happened: recorded amounts go; the effort felt is kept.
        return replace(
            stored,
            done=True,
            actual_distance_km=None,
            actual_duration_min=None,
            actual_sets=None,
            actual_reps=None,
            actual_load_kg=None,
        )
