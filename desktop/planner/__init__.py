"""Glue between the store and the advice engine for the main window; imports no Qt."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import store as _store
from desktop.advice import (
    Advice,
    DayLog,
    History,
    Kind,
    Profile,
    Session,
    Workout,
    advise_day,
    advise_session,
    day_has_badge,
)
from desktop.planner.calendar_feed import CalendarFeedMixin
from desktop.planner.changes import SessionChange
from desktop.planner.health import HealthQueries
from desktop.planner.progress_feed import ProgressFeedMixin
from desktop.planner.rows import DayMarks, DayRow, SessionMark, day_row
from desktop.planner.transfer import ExportBatch, TransferQueries
from desktop.planner.week_planning import WeekPlanningMixin

# The store types the window may name; it reaches them only through here.
from desktop.store import BackupError, Store, StoreError

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


# Advice for a day looks back at most this far (a lift the day before sets
# next-day advice) and forward this far (nothing later matters today).
LOOK_BACK = timedelta(days=2)
LOOK_AHEAD = timedelta(days=1)
# Default slots for new sessions.
RUN_DEFAULT_START = time(7, 0)
LIFT_DEFAULT_START = time(18, 0)
RUN_DEFAULT_MIN = 30
LIFT_DEFAULT_MIN = 60
GAP_AFTER_LIFT = timedelta(minutes=30)
RUN_DEFAULT_KM = 5.0
# Used until the user saves a profile of their own.
DEFAULT_PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)

__all__ = [
    "DEFAULT_PROFILE",
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


class Planner(
    TransferQueries, HealthQueries, CalendarFeedMixin, ProgressFeedMixin, WeekPlanningMixin
):
    """What the main window asks and changes, in one place: marks, rows, advice, edits.

    Sessions near the visible month are loaded once and kept in an engine
    History; every edit goes through one method here and drops that cache, so
    each edit can later become an undoable command.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._profile: Profile | None = store.profile()
        self._first: date | None = None
        self._last: date | None = None
        self._by_day: dict[date, list[Session]] = {}
        self._history: History | None = None
        self._marks: dict[date, DayMarks] = {}
        self._logs: dict[date, DayLog] = {}

    # -- store and profile ---------------------------------------------------

    @property
    def store(self) -> Store:
        """The open store this planner reads and writes."""
        return self._store

    @property
    def db_path(self) -> Path:
        """Where the database file is."""
        return Path(self._store.path)

    def close(self) -> None:
        """Close the store, releasing its lock on the file."""
        self._store.close()

    def has_profile(self) -> bool:
        """True once the user saved a profile."""
        return self._profile is not None

    def profile(self) -> Profile:
        """The user's profile, or sensible defaults until one is saved."""
        return self._profile if self._profile is not None else DEFAULT_PROFILE

    def save_profile(self, profile: Profile) -> None:
        """Store a new profile; advice and units follow it from now on."""
        self._store.save_profile(profile)
        self._profile = profile
        self._invalidate()

    # -- reading ---------------------------------------------------------------

    def month_marks(self, first: date, last: date) -> dict[date, DayMarks]:
        """Markers and warning badges for every day with something to show, first..last."""
        self._ensure_range(first, last)
        result: dict[date, DayMarks] = {}
        today = date.today()
        day = first
        while day <= last:
            marks = self._day_marks(day, today)
            if marks.sessions or marks.has_warning:
                result[day] = marks
            day += timedelta(days=1)
        return result

    def sessions_on(self, day: date) -> list[Session]:
        """The day's sessions in time order."""
        self._ensure_range(day, day)
        return list(self._by_day.get(day, ()))

    def get(self, session_id: int) -> Session | None:
        """One stored session, or None if it is gone."""
        for session in self._history or ():
            if session.id == session_id:
                return session
        return self._store.get(session_id)

    def day_rows(self, day: date) -> list[DayRow]:
        """One row per session of the day, in time order, described in the user's units."""
        profile = self.profile()
        history = self._ensure_range(day, day)
        return [
            day_row(s, self._advise_session(s, history), profile) for s in self.sessions_on(day)
        ]

    def day_log(self, day: date) -> DayLog:
        """What the user logged for the day (an empty log if nothing)."""
        self._ensure_range(day, day)
        # The cache holds every log stored in its range, so a missing day has none.
        return self._logs.get(day) or DayLog(day=day)

    def advise_day(self, day: date) -> Advice:
        """The day's advice, including the warnings of each of its sessions and water."""
        history = self._ensure_range(day, day)
        day_log = self.day_log(day)
        water, soreness = day_log.water_oz, day_log.soreness
        return advise_day(day, history, self.profile(), water_oz=water, soreness=soreness)

    def advise_draft(self, draft: Session) -> Advice:
        """Advice for an edited, maybe unsaved session; it replaces its saved version."""
        # The engine never takes the subject, nor its stored version (same id), as history.
        return self._advise_session(draft, self._history_near(draft.day))

    # -- defaults --------------------------------------------------------------

    def default_run(self, day: date) -> Session:
        """A new easy 30-minute run: 30 min after the day's last deadlift, else 07:00.

        If that slot is taken it moves to the next free one.
        """
        sessions = self.sessions_on(day)
        lifts = [s for s in sessions if s.kind is Kind.DEADLIFT]
        wanted = (
            max(s.end for s in lifts) + GAP_AFTER_LIFT
            if lifts
            else datetime.combine(day, RUN_DEFAULT_START)
        )
        start = _next_free_slot(wanted, RUN_DEFAULT_MIN, sessions)
        profile = self.profile()
        distance = round(min(RUN_DEFAULT_KM, profile.max_distance_km * 0.5), 1)
        return Session(
            kind=Kind.RUN,
            start=start,
            duration_min=RUN_DEFAULT_MIN,
            workout=Workout.EASY,
            distance_km=distance,
        )

    def default_lift(self, day: date) -> Session:
        """A new 60-minute deadlift at 18:00 (or the next free slot), spotter unknown."""
        wanted = datetime.combine(day, LIFT_DEFAULT_START)
        start = _next_free_slot(wanted, LIFT_DEFAULT_MIN, self.sessions_on(day))
        return Session(kind=Kind.DEADLIFT, start=start, duration_min=LIFT_DEFAULT_MIN)

    # -- edits -------------------------------------------------------------------
    # The window's undoable commands use change_sessions / apply_session_change and
    # save_day_log; the single-session methods below serve scripts and tests.

    def change_sessions(
        self,
        *,
        remove: Iterable[int] = (),
        add: Iterable[Session] = (),
        put: Iterable[Session] = (),
    ) -> SessionChange:
        """Remove sessions by id, add new ones and overwrite stored ones; returns the change.

        Move, paste, plan a week and import are each one call. The result holds every
        session exactly as stored before and after (ids, created and updated times), which
        is what `apply_session_change` writes back for undo and redo. An id in `remove` or
        `put` that is not stored raises SessionNotFoundError before anything is written.
        """
        remove_ids, new, changed = list(remove), list(add), list(put)
        before = [self._stored(i) for i in (*remove_ids, *(s.id for s in changed))]
        # Overwritten sessions keep their created time; updated becomes now.
        changed = [
            replace(s, created=old.created, updated=None)
            for s, old in zip(changed, before[len(remove_ids) :], strict=True)
        ]
        try:
            new_ids = self._store.apply_changes(remove=remove_ids, put=changed, add=new)
        finally:
            self._invalidate()
        after = [self._stored(i) for i in (*(s.id for s in changed), *new_ids)]
        return SessionChange(before=tuple(before), after=tuple(after))

    def apply_session_change(self, change: SessionChange) -> None:
        """Make the store hold `change.after` exactly (undo applies `change.inverted()`)."""
        try:
            self._store.apply_changes(remove=change.removed_ids(), put=change.after)
        finally:
            self._invalidate()

    def save(self, session: Session) -> int:
        """Add a new session or update the stored one with the same id; returns its id."""
        try:
            if session.id is None:
                return self._store.add(session)
            self._store.update(session.id, session)
            return session.id
        finally:
            self._invalidate()

    def delete(self, session_id: int) -> None:
        """Remove a stored session."""
        try:
            self._store.delete(session_id)
        finally:
            self._invalidate()

    def duplicate(self, session: Session) -> Session:
        """Copy a session to the same time the next day, as planned; returns the saved copy.

        The copy is a new record: no id, not done, and its own created/updated times.
        """
        copy = replace(
            session,
            id=None,
            start=session.start + timedelta(days=1),
            done=False,
            created=None,
            updated=None,
        )
        new_id = self.save(copy)
        saved = self._store.get(new_id)
        return saved if saved is not None else replace(copy, id=new_id)

    def add_water(self, day: date, oz: float) -> float:
        """Log water drunk on a day; returns the day's new total in oz."""
        try:
            return self._store.add_water(day, oz)
        finally:
            self._invalidate()

    def save_day_log(self, log: DayLog) -> None:
        """Store the day's water, BCAA tick and note."""
        try:
            self._store.save_day_log(log)
        finally:
            self._invalidate()

    def backup_now(self) -> Path:
        """Copy the database to the backup folder; returns the copy's path."""
        return Path(self._store.backup_now())

    def backups(self) -> list[Path]:
        """Existing backups, newest first."""
        return [Path(p) for p in self._store.backups()]

    def check_backup(self, backup: Path) -> bool:
        """Raise the store's error if `backup` cannot be restored (before asking to replace)."""
        from desktop.store import BackupError
        from desktop.store.backups import check_restorable

        if backup.resolve() == self.db_path.resolve():
            raise BackupError("That is the open database itself; choose a backup file.", backup)
        check_restorable(backup)
        return True

    def restore(self, backup: Path) -> None:
        """Replace the database with a backup (the store backs up the current file first).

        A failed restore raises the store's own error; the store stays open on the current
        data, which is read again here without ever hiding that first error.
        """
        try:
            self._store.restore(backup)
        except BaseException:
            from desktop.store import StoreError

            self._invalidate()
            if not self._store.closed:
                with contextlib.suppress(StoreError):
                    self._profile = self._store.profile()
            raise
        self._invalidate()
        self._profile = self._store.profile()

    # -- internals -------------------------------------------------------------

    def _stored(self, session_id: int | None) -> Session:
        """The stored session with this id, read from the store (stamps included)."""
        from desktop.store import SessionNotFoundError

        stored = self._store.get(session_id) if session_id is not None else None
        if stored is None:
            raise SessionNotFoundError(
                "That session is no longer in the database; the day was reloaded."
            )
        return stored

    def _invalidate(self) -> None:
        self._first = self._last = None
        self._by_day = {}
        self._history = None
        self._marks = {}
        self._logs = {}

    def _ensure_range(
        self, first: date, last: date, *, margin: timedelta = timedelta(0)
    ) -> History:
        """Load sessions for first-2 days .. last+1 day unless already cached.

        A load that replaces a loaded range (the user walks through the calendar) also takes
        `margin` more on each side, for the next steps; the first load takes only what was
        asked, so the window opens sooner.
        """
        want_first, want_last = first - LOOK_BACK, last + LOOK_AHEAD
        cached = self._cached(want_first, want_last)
        if cached is not None:
            return cached
        if self._first is not None:
            want_first, want_last = want_first - margin, want_last + margin
        sessions = self._store.sessions_between(want_first, want_last)
        self._by_day = {}
        for session in sessions:
            self._by_day.setdefault(session.day, []).append(session)
        self._history = History(sessions)
        self._logs = dict(self._store.day_logs_between(want_first, want_last))
        self._first, self._last = want_first, want_last
        self._marks = {}
        return self._history

    def _cached(self, first: date, last: date) -> History | None:
        """The loaded History if it holds every day first..last, else None."""
        if (
            self._first is None
            or self._last is None
            or not self._first <= first <= last <= self._last
        ):
            return None
        return self._history

    def _history_near(self, day: date) -> History:
        """What advice for a session on `day` needs: the loaded History, or the store's."""
        first, last = day - LOOK_BACK, day + LOOK_AHEAD
        cached = self._cached(first, last)
        if cached is not None:
            return cached
        return History(self._store.sessions_between(first, last))

    def _day_marks(self, day: date, today: date) -> DayMarks:
        cached = self._marks.get(day)
        if cached is not None:
            return cached
        sessions = self._by_day.get(day, [])
        has_warning = False
        if sessions or day in self._logs:
            assert self._history is not None
            log = self._logs.get(day) or DayLog(day=day)
            advice = advise_day(
                day, self._history, self.profile(), water_oz=log.water_oz, soreness=log.soreness
            )
            has_warning = day_has_badge(advice, day, today)  # water only once the day is over
        marks = DayMarks(
            sessions=tuple(SessionMark(s.kind, s.done) for s in sessions),
            has_warning=has_warning,
        )
        self._marks[day] = marks
        return marks

    def _advise_session(self, session: Session, history: History) -> Advice:
        soreness = self._soreness(session.day)
        return advise_session(session, history, self.profile(), soreness=soreness)


def _next_free_slot(wanted: datetime, duration_min: int, sessions: Iterable[Session]) -> datetime:
    """The first start at or after `wanted` that overlaps none of the sessions, same day."""
    start = wanted
    busy = sorted(sessions, key=lambda s: s.start)
    moved = True
    while moved:
        moved = False
        end = start + timedelta(minutes=duration_min)
        for session in busy:
            if session.start < end and start < session.end:
                start = session.end
                moved = True
                break
    if start.date() != wanted.date():
        return wanted
    return start
