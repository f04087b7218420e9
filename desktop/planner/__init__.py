"""Glue between the store and the advice engine for the main window; imports no Qt.

`Planner` is a facade: each concern is a service with its own constructor and state
(`days`, `edits`, `calendar`, `progress`, `planning`, `transfer`, `health`), and every
public method of `Planner` hands its call to one of them. The services share two objects,
each the one owner of its state: `LoadedDays` (the sessions and day logs near the visible
days, and everything worked out from them) and `ProfileBook` (the saved profile).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import store as _store
from desktop.advice import Advice, DayLog, Profile, Session, WeekTotals, Zone
from desktop.planner.calendar_feed import CalendarFeed, MonthFeed, RepeatPlan, WeekFeed
from desktop.planner.changes import MONDAY, SessionChange
from desktop.planner.days import (
    GAP_AFTER_LIFT,
    LIFT_DEFAULT_MIN,
    LIFT_DEFAULT_START,
    RUN_DEFAULT_KM,
    RUN_DEFAULT_MIN,
    RUN_DEFAULT_START,
    DayQueries,
)
from desktop.planner.edits import Edits
from desktop.planner.health import Health
from desktop.planner.loaded_days import LOOK_AHEAD, LOOK_BACK, LoadedDays
from desktop.planner.profiles import DEFAULT_PROFILE, ProfileBook
from desktop.planner.progress_feed import ProgressFeed
from desktop.planner.rows import DayMarks, DayRow, SessionMark
from desktop.planner.transfer import ExportBatch, TransferQueries
from desktop.planner.week_planning import WeekPlanning

# The store types the window may name; it reaches them only through here.
from desktop.store import BackupError, Store, StoreError, UnreadableRow

if TYPE_CHECKING:
    from desktop.store import BackupInfo, BackupKind

# Re-exported on first use, like desktop.store does: their module (the backups) is not
# needed to open a file and show it.
_FROM_BACKUPS = frozenset({"BackupInfo", "BackupKind"})


def __getattr__(name: str) -> object:
    """Load a lazily re-exported store type on first use (PEP 562)."""
    if name in _FROM_BACKUPS:
        return getattr(_store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # the planning modules load when a plan is first asked for
    from desktop.advice.plan_preview import PlanPreview, PlanRequest

__all__ = [
    "DEFAULT_PROFILE",
    "GAP_AFTER_LIFT",
    "LIFT_DEFAULT_MIN",
    "LIFT_DEFAULT_START",
    "LOOK_AHEAD",
    "LOOK_BACK",
    "RUN_DEFAULT_KM",
    "RUN_DEFAULT_MIN",
    "RUN_DEFAULT_START",
    "BackupError",
    "BackupInfo",
    "BackupKind",
    "DayMarks",
    "DayRow",
    "ExportBatch",
    "Planner",
    "SessionChange",
    "SessionMark",
    "Store",
    "StoreError",
]


class Planner:
    """What the main window asks and changes, in one place: marks, rows, advice, edits.

    Sessions near the visible month are loaded once and kept in an engine History
    (`LoadedDays`); every edit goes through `edits` and drops that cache, so each edit
    can later become an undoable command. A caller that needs one concern only may take
    that service (`planner.calendar`, `planner.progress` …) instead of the whole planner.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._loaded = LoadedDays(store)
        self.profiles = ProfileBook(store)
        """The saved profile, or the defaults until one is saved."""
        self.days = DayQueries(self._loaded, self.profiles)
        """A day's sessions, rows, log and advice; marks; defaults for new sessions."""
        self.edits = Edits(store, self._loaded)
        """Every change to sessions and day logs."""
        self.calendar = CalendarFeed(store, self._loaded, self.profiles)
        """Month and week feeds, zones, and the warnings a move, resize or repeat would raise."""
        self.progress = ProgressFeed(store, self._loaded, self.profiles)
        """Weekly totals, records and "done as planned"."""
        self.planning = WeekPlanning(store, self.profiles)
        """Plan week, Plan block and week templates."""
        self.transfer = TransferQueries(store, self.days)
        """What import and export ask of the database."""
        self.health = Health(store, self._loaded, self.profiles)
        """Backups, restore and the store's one-time notices."""

    # -- store and profile ---------------------------------------------------

    @property
    def store(self) -> Store:
        """The open store this planner reads and writes."""
        return self._store

    @property
    def db_path(self) -> Path:
        """Where the database file is."""
        return self.health.db_path

    def close(self) -> None:
        """Close the store, releasing its lock on the file."""
        self._store.close()

    def has_profile(self) -> bool:
        """True once the user saved a profile."""
        return self.profiles.has_saved()

    def profile(self) -> Profile:
        """The user's profile, or sensible defaults until one is saved."""
        return self.profiles.current()

    def save_profile(self, profile: Profile) -> None:
        """Store a new profile; advice and units follow it from now on."""
        self.profiles.save(profile)
        self._loaded.drop()

    # -- days (DayQueries) -------------------------------------------------------

    def month_marks(self, first: date, last: date) -> dict[date, DayMarks]:
        """Markers and warning badges for every day with something to show, first..last."""
        return self.days.month_marks(first, last)

    def sessions_on(self, day: date) -> list[Session]:
        """The day's sessions in time order."""
        return self.days.sessions_on(day)

    def get(self, session_id: int) -> Session | None:
        """One stored session, or None if it is gone."""
        return self._loaded.get(session_id)

    def day_rows(self, day: date) -> list[DayRow]:
        """One row per session of the day, in time order, described in the user's units."""
        return self.days.day_rows(day)

    def day_log(self, day: date) -> DayLog:
        """What the user logged for the day (an empty log if nothing)."""
        return self.days.day_log(day)

    def advise_day(self, day: date) -> Advice:
        """The day's advice, including the warnings of each of its sessions and water."""
        return self.days.advise_day(day)

    def advise_draft(self, draft: Session) -> Advice:
        """Advice for an edited, maybe unsaved session; it replaces its saved version."""
        return self.days.advise_draft(draft)

    def default_run(self, day: date) -> Session:
        """A new easy 30-minute run: 30 min after the day's last deadlift, else 07:00.

        If that slot is taken it moves to the next free one.
        """
        return self.days.default_run(day)

    def default_lift(self, day: date) -> Session:
        """A new 60-minute deadlift at 18:00 (or the next free slot), spotter unknown."""
        return self.days.default_lift(day)

    # -- edits (Edits) -----------------------------------------------------------

    def change_sessions(
        self,
        *,
        remove: Iterable[int] = (),
        add: Iterable[Session] = (),
        put: Iterable[Session] = (),
    ) -> SessionChange:
        """Remove sessions by id, add new ones and overwrite stored ones; returns the change
        (see `Edits.change_sessions`)."""
        return self.edits.change_sessions(remove=remove, add=add, put=put)

    def apply_session_change(self, change: SessionChange) -> None:
        """Make the store hold `change.after` exactly (undo applies `change.inverted()`)."""
        self.edits.apply_session_change(change)

    def save(self, session: Session) -> int:
        """Add a new session or update the stored one with the same id; returns its id."""
        return self.edits.save(session)

    def delete(self, session_id: int) -> None:
        """Remove a stored session."""
        self.edits.delete(session_id)

    def duplicate(self, session: Session) -> Session:
        """Copy a session to the same time the next day, as planned; returns the saved copy."""
        return self.edits.duplicate(session)

    def add_water(self, day: date, oz: float) -> float:
        """Log water drunk on a day; returns the day's new total in oz."""
        return self.edits.add_water(day, oz)

    def save_day_log(self, log: DayLog) -> None:
        """Store the day's water, BCAA tick and note."""
        self.edits.save_day_log(log)

    # -- calendar (CalendarFeed) -------------------------------------------------

    def month_feed(self, first: date, last: date, now: datetime | None = None) -> MonthFeed:
        """Chips, badges and marks for every day first..last (one store read)."""
        return self.calendar.month_feed(first, last, now)

    def week_feed(
        self, any_day: date, now: datetime | None = None, first_weekday: int = MONDAY
    ) -> WeekFeed:
        """The week holding `any_day` (weeks from `first_weekday`, Monday 0 ... Sunday 6): its
        blocks, zones after lifts, and totals."""
        return self.calendar.week_feed(any_day, now, first_weekday)

    def week_zones(
        self, any_day: date, moved: Session | None = None, first_weekday: int = MONDAY
    ) -> list[Zone]:
        """The zones after each deadlift that reaches into the week (a moved one in place)."""
        return self.calendar.week_zones(any_day, moved, first_weekday)

    def moved_session(self, session: Session, start: datetime, copy: bool) -> Session:
        """The session as a drop would write it: moved (same id), or a new planned copy."""
        return self.calendar.moved_session(session, start, copy)

    def drop_warnings(self, session_id: int, day: date, copy: bool) -> list[str]:
        """The warnings a drop on `day` (same time of day) would raise; nothing is written."""
        return self.calendar.drop_warnings(session_id, day, copy)

    def move_warnings(self, session_id: int, start: datetime, copy: bool) -> list[str]:
        """The engine's warnings on the plan with the session moved (or copied) to `start`."""
        return self.calendar.move_warnings(session_id, start, copy)

    def resize_warnings(self, session_id: int, duration_min: int) -> list[str]:
        """The warnings the plan would have with the session lasting `duration_min`."""
        return self.calendar.resize_warnings(session_id, duration_min)

    def repeat_weekly(
        self,
        session_id: int,
        every_weeks: int,
        *,
        until: date | None = None,
        times: int | None = None,
    ) -> RepeatPlan:
        """Planned copies every `every_weeks` weeks, up to `until` or `times` copies."""
        return self.calendar.repeat_weekly(session_id, every_weeks, until=until, times=times)

    # -- progress (ProgressFeed) -------------------------------------------------

    def week_totals(self, day: date, first_weekday: int = MONDAY) -> WeekTotals:
        """The totals of the week holding `day`, weeks starting on `first_weekday`."""
        return self.progress.week_totals(day, first_weekday)

    def progress_weeks(
        self, weeks: int, today: date, first_weekday: int = MONDAY
    ) -> list[WeekTotals]:
        """The last `weeks` weeks up to today's, oldest first; 0 means from the first session."""
        return self.progress.progress_weeks(weeks, today, first_weekday)

    def progress_mean_rpe(
        self, weeks: int, today: date, first_weekday: int = MONDAY
    ) -> dict[date, float]:
        """The mean RPE of the same weeks as `progress_weeks`, by the week's first day (weeks
        without a recorded RPE left out)."""
        return self.progress.progress_mean_rpe(weeks, today, first_weekday)

    def record_lines(self) -> list[str]:
        """The longest run and the heaviest deadlift set so far, one sentence each."""
        return self.progress.record_lines()

    def done_as_planned(self, session_id: int) -> Session | None:
        """The stored session marked done with its planned values (effort kept); None if gone."""
        return self.progress.done_as_planned(session_id)

    # -- planning (WeekPlanning) -------------------------------------------------

    def plan_defaults(
        self, day: date, *, weeks: int = 1, first_weekday: int = MONDAY
    ) -> PlanRequest:
        """A request for the week holding `day` (and `weeks - 1` after it), pre-filled."""
        return self.planning.plan_defaults(day, weeks=weeks, first_weekday=first_weekday)

    def plan_preview(self, request: PlanRequest) -> PlanPreview:
        """The engine's preview of `request`; raises `InvalidInputError` on a bad request."""
        return self.planning.plan_preview(request)

    def template_names(self) -> list[str]:
        """The saved templates' names, sorted."""
        return self.planning.template_names()

    def week_sessions(self, day: date, first_weekday: int = MONDAY) -> list[Session]:
        """The sessions of the week holding `day` (from `first_weekday`), in time order."""
        return self.planning.week_sessions(day, first_weekday)

    def save_week_template(self, name: str, day: date, first_weekday: int = MONDAY) -> int:
        """Keep the week holding `day` as the template `name`; returns how many sessions."""
        return self.planning.save_week_template(name, day, first_weekday)

    def delete_template(self, name: str) -> None:
        """Remove the template `name`."""
        self.planning.delete_template(name)

    def template_sessions(self, name: str) -> list[Session] | None:
        """The template `name` as sessions (placed on an arbitrary week), None when absent."""
        return self.planning.template_sessions(name)

    def keep_template(self, name: str, sessions: Sequence[Session] | None) -> None:
        """Make the template `name` hold exactly `sessions`; None removes it (undo and redo)."""
        self.planning.keep_template(name, sessions)

    def template_preview(
        self, name: str, day: date, *, keep_existing: bool = True, first_weekday: int = MONDAY
    ) -> PlanPreview:
        """The template `name` placed on the week holding `day`, with advice and notes."""
        return self.planning.template_preview(
            name, day, keep_existing=keep_existing, first_weekday=first_weekday
        )

    # -- import and export (TransferQueries) -------------------------------------

    def session_span(self) -> tuple[date, date] | None:
        """The first and last day holding a session, or None for an empty database."""
        return self.transfer.session_span()

    def export_batch(self, first: date, last: date) -> ExportBatch:
        """The sessions starting on days first..last with the advice each one gets."""
        return self.transfer.export_batch(first, last)

    def all_sessions(self) -> list[Session]:
        """Every stored session in time order (File > Export > CSV)."""
        return self.transfer.all_sessions()

    def stored_near(self, sessions: Iterable[Session]) -> list[Session]:
        """The stored sessions on the days `sessions` span: what an import may duplicate."""
        return self.transfer.stored_near(sessions)

    # -- the file's health (Health) ------------------------------------------------

    def backup_now(self) -> Path:
        """Copy the database to the backup folder; returns the copy's path."""
        return self.health.backup_now()

    def backups(self) -> list[Path]:
        """Existing backups, newest first."""
        return self.health.backups()

    def backup_folder(self) -> Path:
        """The `backups` folder beside the database."""
        return self.health.backup_folder()

    def backup_list(self) -> list[BackupInfo]:
        """Every backup of the open database, newest first, with its kind, date and sessions."""
        return self.health.backup_list()

    def check_backup(self, backup: Path) -> bool:
        """Raise the store's error if `backup` cannot be restored (before asking to replace)."""
        return self.health.check_backup(backup)

    def restore(self, backup: Path) -> None:
        """Replace the database with a backup (the store backs up the current file first);
        a failed restore raises the store's own error and leaves the current data open."""
        self.health.restore(backup)

    def new_backup_error(self) -> BackupError | None:
        """The last automatic backup failure not yet shown, given once."""
        return self.health.new_backup_error()

    def profile_adjustments(self) -> tuple[str, ...]:
        """Sentences saying what was changed in an old saved profile; each is given once."""
        return self.health.profile_adjustments()

    def unreadable_sessions(self) -> list[UnreadableRow]:
        """Stored sessions the reads so far had to leave out (each has a `.message`)."""
        return self.health.unreadable_sessions()
