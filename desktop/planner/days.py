"""What the day list, the month marks and the session form ask: a day's sessions, rows,
log and advice, advice for a draft, and the defaults for a new run or deadlift."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from desktop.advice import (
    Advice,
    DayLog,
    History,
    Kind,
    Session,
    Workout,
    advise_day,
    advise_session,
    day_has_badge,
)
from desktop.planner.loaded_days import LoadedDays
from desktop.planner.profiles import ProfileBook
from desktop.planner.rows import DayMarks, DayRow, SessionMark, day_row

# Default slots for new sessions.
RUN_DEFAULT_START = time(7, 0)
LIFT_DEFAULT_START = time(18, 0)
RUN_DEFAULT_MIN = 30
LIFT_DEFAULT_MIN = 60
GAP_AFTER_LIFT = timedelta(minutes=30)
RUN_DEFAULT_KM = 5.0


class DayQueries:
    """Reads of single days and their advice, over the loaded days."""

    def __init__(self, loaded: LoadedDays, profiles: ProfileBook) -> None:
        self._loaded = loaded
        self._profiles = profiles

    # -- reading ---------------------------------------------------------------

    def month_marks(self, first: date, last: date) -> dict[date, DayMarks]:
        """Markers and warning badges for every day with something to show, first..last."""
        self._loaded.ensure(first, last)
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
        self._loaded.ensure(day, day)
        return list(self._loaded.loaded_on(day))

    def day_rows(self, day: date) -> list[DayRow]:
        """One row per session of the day, in time order, described in the user's units."""
        profile = self._profiles.current()
        history = self._loaded.ensure(day, day)
        return [day_row(s, self.advise_session(s, history), profile) for s in self.sessions_on(day)]

    def day_log(self, day: date) -> DayLog:
        """What the user logged for the day (an empty log if nothing)."""
        self._loaded.ensure(day, day)
        # The cache holds every log stored in its range, so a missing day has none.
        return self._loaded.loaded_log(day) or DayLog(day=day)

    def advise_day(self, day: date) -> Advice:
        """The day's advice, including the warnings of each of its sessions and water."""
        history = self._loaded.ensure(day, day)
        day_log = self.day_log(day)
        water, soreness = day_log.water_oz, day_log.soreness
        profile = self._profiles.current()
        return advise_day(day, history, profile, water_oz=water, soreness=soreness)

    def advise_draft(self, draft: Session) -> Advice:
        """Advice for an edited, maybe unsaved session; it replaces its saved version."""
        # The engine never takes the subject, nor its stored version (same id), as history.
        return self.advise_session(draft, self._loaded.history_near(draft.day))

    def advise_session(self, session: Session, history: History) -> Advice:
        """The session's advice against `history`, with its day's soreness."""
        soreness = self._loaded.soreness(session.day)
        return advise_session(session, history, self._profiles.current(), soreness=soreness)

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
        profile = self._profiles.current()
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

    # -- internals -------------------------------------------------------------

    def _day_marks(self, day: date, today: date) -> DayMarks:
        cached = self._loaded.marks.get(day)
        if cached is not None:
            return cached
        sessions = self._loaded.loaded_on(day)
        has_warning = False
        log = self._loaded.loaded_log(day)
        if sessions or log is not None:
            history = self._loaded.history
            assert history is not None
            log = log or DayLog(day=day)
            advice = advise_day(
                day,
                history,
                self._profiles.current(),
                water_oz=log.water_oz,
                soreness=log.soreness,
            )
            has_warning = day_has_badge(advice, day, today)  # water only once the day is over
        marks = DayMarks(
            sessions=tuple(SessionMark(s.kind, s.done) for s in sessions),
            has_warning=has_warning,
        )
        self._loaded.marks[day] = marks
        return marks


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
