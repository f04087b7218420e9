"""The Store's profile, preferences and day logs."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop.advice.limits import MAX_WATER_OZ, InvalidInputError, check_number
from desktop.advice.model import DayLog, Profile
from desktop.store.base import Database, _check_day, _check_key, _check_range, _typed
from desktop.store.models import PROFILE_COLUMNS, DayLogRow, PreferenceRow, ProfileRow
from desktop.store.opening import rows_to_day_logs
from desktop.store.schema import ADJUSTMENTS_KEY, bring_into_bounds

log = logging.getLogger(__name__)


class DayRecords:
    """Profile, preferences and day logs: one row each, upserted in one transaction; and
    the sentences saying what Liftrun changed in the saved profile, until they are read."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._adjustments: list[str] = []

    def note_adjustments(self, told: list[str]) -> None:
        """Keep what opening the file (a migration) changed in the profile, to tell once."""
        self._adjustments.extend(told)

    def profile(self) -> Profile | None:
        """The saved profile, or None before the first save (or if it cannot be used)."""
        columns = [getattr(ProfileRow, column) for column in PROFILE_COLUMNS]
        with self._database.reading():
            row = ProfileRow.select(*columns).where(ProfileRow.id == 1).dicts().first()
        if row is None:
            return None
        distance, speed, told = bring_into_bounds(row["max_distance_km"], row["max_speed_kmh"])
        if told:
            self._bring_into_bounds(distance, speed, told)
            row = {**row, "max_distance_km": distance, "max_speed_kmh": speed}
        try:
            return Profile(**row)
        except (ValueError, TypeError) as error:
            log.warning("The saved profile cannot be used: %s", error)
            sentence = (
                f"Your saved profile holds values Liftrun cannot use ({error}); "
                "enter your profile again."
            )
            if sentence not in self._adjustments:
                self._adjustments.append(sentence)
            return None

    def _bring_into_bounds(self, distance_km: float, speed_kmh: float, told: list[str]) -> None:
        """Save a profile from before the bounds within them, and tell the user once."""
        log.warning("The saved profile was out of range and was adjusted: %s", told)
        with self._database.writing("adjusting your profile"):
            ProfileRow.update(max_distance_km=distance_km, max_speed_kmh=speed_kmh).where(
                ProfileRow.id == 1
            ).execute()
        self._adjustments.extend(line for line in told if line not in self._adjustments)

    def profile_adjustments(self) -> tuple[str, ...]:
        """Sentences saying what Liftrun changed in the saved profile; each is given once."""
        told, self._adjustments = list(self._adjustments), []
        saved = self.preference(ADJUSTMENTS_KEY)
        if saved is not None:
            self.set_preference(ADJUSTMENTS_KEY, None)
            told = [line for line in saved.splitlines() if line not in told] + told
        return tuple(told)

    def save_profile(self, profile: Profile) -> None:
        """Save the profile (there is one)."""
        profile = _typed(profile, Profile, "the profile")
        values = {column: getattr(profile, column) for column in PROFILE_COLUMNS}
        with self._database.writing("saving your profile"):
            ProfileRow.insert(id=1, **values).on_conflict(
                conflict_target=[ProfileRow.id],
                update={getattr(ProfileRow, k): v for k, v in values.items()},
            ).execute()

    def preference(self, key: str, default: str | None = None) -> str | None:
        """An app preference, or `default` when unset."""
        key = _check_key(key)
        with self._database.reading():
            row = (
                PreferenceRow.select(PreferenceRow.value)
                .where(PreferenceRow.key == key)
                .tuples()
                .first()
            )
        return default if row is None else str(row[0])

    def set_preference(self, key: str, value: str | None) -> None:
        """Save an app preference; None removes it."""
        key = _check_key(key)
        if value is not None and not isinstance(value, str):
            raise InvalidInputError("A preference value must be text.")
        with self._database.writing("saving a preference"):
            if value is None:
                PreferenceRow.delete().where(PreferenceRow.key == key).execute()
            else:
                PreferenceRow.insert(key=key, value=value).on_conflict(
                    conflict_target=[PreferenceRow.key], update={PreferenceRow.value: value}
                ).execute()

    # --- day logs ------------------------------------------------------------------------------

    def day_log(self, day: date) -> DayLog:
        """What was logged for a day; an empty DayLog if nothing was."""
        day = _check_day(day)
        logs = rows_to_day_logs(self._database.query("day", (day.isoformat(),)))
        return logs[0] if logs else DayLog(day=day)

    def day_logs_between(self, first: date, last: date) -> dict[date, DayLog]:
        """Day logs saved for days first..last (both included), by day."""
        first, last = _check_range(first, last)
        rows = self._database.query("days", (first.isoformat(), last.isoformat()))
        return {entry.day: entry for entry in rows_to_day_logs(rows)}

    @staticmethod
    def _upsert_day(day: date, **values: Any) -> None:
        """Upsert the day's row inside the caller's transaction; unnamed columns keep theirs."""
        DayLogRow.insert(day=day, **values).on_conflict(
            conflict_target=[DayLogRow.day],
            update={getattr(DayLogRow, k): v for k, v in values.items()},
        ).execute()

    @classmethod
    def _upsert_day_log(cls, day_log: DayLog) -> None:
        if day_log == DayLog(day=day_log.day):
            # Nothing logged: no row at all, so undoing a day's first edit leaves none behind.
            DayLogRow.delete().where(DayLogRow.day == day_log.day).execute()
            return
        cls._upsert_day(
            day_log.day,
            water_oz=day_log.water_oz,
            bcaa=day_log.bcaa,
            note=day_log.note,
            soreness=day_log.soreness,
        )

    def save_day_log(self, day_log: DayLog) -> None:
        """Save a whole day log (water, BCAAs, note, soreness)."""
        day_log = _typed(day_log, DayLog, "a day log")
        with self._database.writing("saving the day's log"):
            self._upsert_day_log(day_log)

    def save_day_logs(self, day_logs: Iterable[DayLog]) -> None:
        """Save many day logs in one transaction (all or none)."""
        checked = [_typed(day_log, DayLog, "a day log") for day_log in day_logs]
        with self._database.writing("saving day logs"):
            for day_log in checked:
                self._upsert_day_log(day_log)

    def water(self, day: date) -> float | None:
        """Water drunk on a day in oz, or None if not logged."""
        return self.day_log(day).water_oz

    def set_water(self, day: date, oz: float) -> None:
        """Set the water drunk on a day, in oz (the engine's DayLog checks the amount)."""
        if oz is None:
            raise InvalidInputError("Water drunk must be a number.")
        checked = DayLog(day=_check_day(day), water_oz=oz)
        with self._database.writing("saving water"):
            self._upsert_day(checked.day, water_oz=checked.water_oz)

    def add_water(self, day: date, oz: float) -> float:
        """Add oz to a day's water (negative corrects a mistake) and return the new total."""
        day = _check_day(day)
        if not isinstance(oz, int | float) or isinstance(oz, bool):
            raise InvalidInputError("Water added must be a number.")
        # Checked before any arithmetic: a huge int would overflow on its way to a float.
        check_number(oz, "Water added", -MAX_WATER_OZ, MAX_WATER_OZ, "oz", optional=False)
        with self._database.writing("saving water"):
            current = DayLogRow.select(DayLogRow.water_oz).where(DayLogRow.day == day).first()
            before = (current.water_oz if current is not None else None) or 0.0
            total = DayLog(day=day, water_oz=float(before) + float(oz)).water_oz
            self._upsert_day(day, water_oz=total)
        assert total is not None
        return total
