"""What the month calendar and the week view show, and what a drop or a repeat would do.

`CalendarFeed` (no Qt) works over the planner's loaded days: chips for a range of days
(text from the engine's `chip_text`, state from `compliance_of`, warning from the
session's own advice with the day's soreness), the days the calendar badges
(`badge_from`), the week view's zones (`context_zones`) and totals, and the engine's
warnings on a would-be plan (a session moved or copied, its neighbours advised again)
before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from desktop.advice import (
    Code,
    DayLog,
    History,
    Kind,
    Profile,
    Session,
    Zone,
    advise_session,
    badge_from,
    chip_text,
    compliance_of,
    context_zones,
    session_warnings,
)
from desktop.advice.units import format_distance, format_weight
from desktop.advice.weeks import DAYS_IN_WEEK, MAX_REPEATS
from desktop.planner.changes import MONDAY, planned_copy, start_of_week
from desktop.planner.feed_cache import ChipWords, FeedCache, WeekExtras
from desktop.planner.loaded_days import LoadedDays
from desktop.planner.profiles import ProfileBook
from desktop.planner.rows import DayMarks, SessionMark
from desktop.store import Store

# A week (a month page) the planner has to load while the user walks through the calendar
# comes with three weeks (two months) more on each side, so stepping from page to page reads
# the database every few pages and keeps the chips' cached advice.
WEEK_WALK_MARGIN = timedelta(weeks=3)
MONTH_WALK_MARGIN = timedelta(weeks=9)
# Neighbours whose advice a moved session can change: the day before to the day after.
NEIGHBOUR_DAYS = 1
# What advice for a session reads: two days back (a lift sets next-day caps), one ahead.
ADVICE_BACK = timedelta(days=2)
ADVICE_AHEAD = timedelta(days=1)
_OVERLAPS = frozenset({Code.OVERLAPS_DEADLIFT, Code.OVERLAPS_RUN})


@dataclass(frozen=True)
class SessionChip:
    """One session as the calendar shows it, already worded (the window draws it)."""

    session_id: int
    kind: str  # "deadlift" or "run"
    start: datetime
    duration_min: int
    text: str
    tooltip: str
    state: str  # a `Compliance` value: planned, done, missed, different
    warning: bool


@dataclass(frozen=True)
class MonthFeed:
    """A range of days: chips per day, the badged days, and the plain marks."""

    chips: dict[date, list[SessionChip]]
    badge_days: frozenset[date]
    marks: dict[date, DayMarks]


@dataclass(frozen=True)
class WeekFeed:
    """A Monday-to-Sunday week: blocks, zones after its lifts, totals per day and week."""

    monday: date
    chips: list[SessionChip]
    zones: list[Zone]
    day_totals: dict[date, str]
    week_total: str


@dataclass(frozen=True)
class RepeatPlan:
    """Weekly copies of a session and how many of them the advice would warn about."""

    copies: tuple[Session, ...]
    warned: int


class CalendarFeed:
    """Calendar reads and would-be checks (see the module docstring)."""

    def __init__(self, store: Store, loaded: LoadedDays, profiles: ProfileBook) -> None:
        self._store = store
        self._loaded = loaded
        self._profiles = profiles

    # -- month and week ----------------------------------------------------------------

    def month_feed(self, first: date, last: date, now: datetime | None = None) -> MonthFeed:
        """Chips, badges and marks for every day first..last (one store read)."""
        history = self._loaded.ensure(first, last, margin=MONTH_WALK_MARGIN)
        cache = self._loaded.feed_for(history)
        now = now or datetime.now()
        today = now.date()
        profile = self._profiles.current()
        chips: dict[date, list[SessionChip]] = {}
        badges: set[date] = set()
        marks: dict[date, DayMarks] = {}
        day = first
        while day <= last:
            sessions = self._loaded.loaded_on(day)
            log = self._loaded.loaded_log(day)
            soreness = log.soreness if log is not None else None
            day_chips = [self._chip(s, history, profile, soreness, now, cache) for s in sessions]
            # The chips advised every session; only water is left of the day's advice.
            water = log.water_oz if log is not None else None
            warns = any(chip.warning for chip in day_chips)
            badge = badge_from(warns, day, today, water, profile)
            if day_chips:
                chips[day] = day_chips
            if badge:
                badges.add(day)
            if sessions or badge:
                marks[day] = DayMarks(
                    sessions=tuple(SessionMark(s.kind, s.done) for s in sessions),
                    has_warning=badge,
                )
            day += timedelta(days=1)
        return MonthFeed(chips, frozenset(badges), marks)

    def week_feed(
        self, any_day: date, now: datetime | None = None, first_weekday: int = MONDAY
    ) -> WeekFeed:
        """The week holding `any_day` (weeks from `first_weekday`, Monday 0 ... Sunday 6): its
        blocks, zones after lifts, and totals."""
        monday = start_of_week(any_day, first_weekday)
        sunday = monday + timedelta(days=DAYS_IN_WEEK - 1)
        history = self._loaded.ensure(monday, sunday, margin=WEEK_WALK_MARGIN)
        cache = self._loaded.feed_for(history)
        now = now or datetime.now()
        profile = self._profiles.current()
        chips = [
            self._chip(s, history, profile, self._loaded.loaded_soreness(s.day), now, cache)
            for offset in range(DAYS_IN_WEEK)
            for s in self._day(monday, offset)
        ]
        extras = cache.weeks.get(monday)
        if extras is None:
            sessions = [s for offset in range(DAYS_IN_WEEK) for s in self._day(monday, offset)]
            extras = WeekExtras(
                self.week_zones(monday, first_weekday=first_weekday),
                {
                    monday + timedelta(days=n): self._day_total(self._day(monday, n))
                    for n in range(DAYS_IN_WEEK)
                },
                self._week_total(monday, sessions, first_weekday),
            )
            cache.weeks[monday] = extras
        return WeekFeed(
            monday, chips, list(extras.zones), dict(extras.day_totals), extras.week_total
        )

    def week_zones(
        self, any_day: date, moved: Session | None = None, first_weekday: int = MONDAY
    ) -> list[Zone]:
        """The zones after each deadlift that reaches into the week (a moved one in place).

        `moved` replaces the stored session with its id (or is added if it has none), so a
        dragged deadlift's zones follow it.
        """
        monday = start_of_week(any_day, first_weekday)
        first, last = monday - timedelta(days=2), monday + timedelta(days=DAYS_IN_WEEK)
        sessions = self._loaded.sessions_between(first, last)
        if moved is not None:
            sessions = [s for s in sessions if moved.id is None or s.id != moved.id]
            sessions.append(moved)
        profile = self._profiles.current()
        return [
            zone
            for lift in sorted(sessions, key=lambda s: s.start)
            if lift.kind is Kind.DEADLIFT
            for zone in context_zones(lift.as_done(), profile)
        ]

    # -- would-be plans ------------------------------------------------------------------

    def moved_session(self, session: Session, start: datetime, copy: bool) -> Session:
        """The session as a drop would write it: moved (same id), or a new planned copy."""
        if copy:
            return replace(planned_copy(session, start.date()), start=start)
        return replace(session, start=start)

    def drop_warnings(self, session_id: int, day: date, copy: bool) -> list[str]:
        """The warnings a drop on `day` (same time of day) would raise; nothing is written."""
        session = self._loaded.get(session_id)
        if session is None:
            return []
        return self.move_warnings(session_id, datetime.combine(day, session.start.time()), copy)

    def move_warnings(self, session_id: int, start: datetime, copy: bool) -> list[str]:
        """The engine's warnings on the plan with the session moved (or copied) to `start`.

        The session's own warnings come first, then any warning a neighbouring session
        (the day before to the day after) would gain: a run after a lift landing just
        before it, a longest run next to it.
        """
        session = self._loaded.get(session_id)
        if session is None:
            return []
        moved = self.moved_session(session, start, copy)
        day = start.date()
        near_first = day - ADVICE_BACK - timedelta(days=NEIGHBOUR_DAYS)
        near_last = day + ADVICE_AHEAD + timedelta(days=NEIGHBOUR_DAYS)
        before = self._loaded.sessions_between(near_first, near_last)
        after = [s for s in before if copy or s.id != session_id]
        after.append(moved)
        return self._would_be_warnings(moved, before, after, day)

    def resize_warnings(self, session_id: int, duration_min: int) -> list[str]:
        """The warnings the plan would have with the session lasting `duration_min`."""
        session = self._loaded.get(session_id)
        if session is None:
            return []
        resized = replace(session, duration_min=duration_min)
        day = session.day
        before = self._loaded.sessions_between(
            day - ADVICE_BACK - timedelta(days=NEIGHBOUR_DAYS),
            day + ADVICE_AHEAD + timedelta(days=NEIGHBOUR_DAYS),
        )
        after = [resized if s.id == session_id else s for s in before]
        return self._would_be_warnings(resized, before, after, day)

    def repeat_weekly(
        self,
        session_id: int,
        every_weeks: int,
        *,
        until: date | None = None,
        times: int | None = None,
    ) -> RepeatPlan:
        """Planned copies every `every_weeks` weeks, up to `until` or `times` copies.

        Each copy keeps the weekday and time of day; `warned` counts the copies whose own
        advice would warn on the plan with all the copies in it.
        """
        session = self._loaded.get(session_id)
        if session is None:
            return RepeatPlan((), 0)
        if every_weeks < 1:
            raise ValueError("Repeat every 1 week or more.")
        limit = MAX_REPEATS if times is None else min(times, MAX_REPEATS)
        copies: list[Session] = []
        for n in range(1, limit + 1):
            day = session.day + timedelta(weeks=every_weeks * n)
            if until is not None and day > until:
                break
            copies.append(planned_copy(session, day))
        if not copies:
            return RepeatPlan((), 0)
        stored = self._store.sessions_between(
            copies[0].day - ADVICE_BACK, copies[-1].day + ADVICE_AHEAD
        )
        history = History([*stored, *copies])
        profile = self._profiles.current()
        logs = self._store.day_logs_between(copies[0].day, copies[-1].day)  # their soreness
        warned = sum(
            1
            for copy in copies
            if advise_session(copy, history, profile, soreness=_soreness(logs, copy.day)).warnings
        )
        return RepeatPlan(tuple(copies), warned)

    # -- internals -------------------------------------------------------------------------

    def _chip(
        self,
        session: Session,
        history: History,
        profile: Profile,
        soreness: int | None,
        now: datetime,
        cache: FeedCache,
    ) -> SessionChip:
        words = cache.chips.get(session.id) if session.id is not None else None
        if words is None:
            text = chip_text(session, profile)
            warnings = session_warnings(session, history, profile, soreness=soreness)
            tooltip = "\n".join([text, *(f"! {w.message}" for w in warnings)])
            words = ChipWords(text, tooltip, bool(warnings))
            if session.id is not None:
                cache.chips[session.id] = words
        return SessionChip(
            session_id=session.id if session.id is not None else -1,
            kind=session.kind.value,
            start=session.start,
            duration_min=session.duration_min,
            text=words.text,
            tooltip=words.tooltip,
            state=compliance_of(session, now).value,
            warning=words.warning,
        )

    def _day(self, monday: date, offset: int) -> list[Session]:
        return self._loaded.loaded_on(monday + timedelta(days=offset))

    def _would_be_warnings(
        self, subject: Session, before: Sequence[Session], after: Sequence[Session], day: date
    ) -> list[str]:
        profile = self._profiles.current()
        old, new = History(before), History(after)
        own = advise_session(
            subject, new, profile, soreness=self._loaded.loaded_soreness(subject.day)
        )
        messages = [w.message for w in own.warnings]
        # An overlap is already said from the moved session's side; the other side repeats it.
        said_overlap = any(w.code in _OVERLAPS for w in own.warnings)
        near = timedelta(days=NEIGHBOUR_DAYS)
        for other in after:
            if other is subject or not day - near <= other.day <= day + near:
                continue
            soreness = self._loaded.loaded_soreness(other.day)
            had = {
                w.message for w in advise_session(other, old, profile, soreness=soreness).warnings
            }
            for warning in advise_session(other, new, profile, soreness=soreness).warnings:
                if said_overlap and warning.code in _OVERLAPS:
                    continue
                if warning.message not in had and warning.message not in messages:
                    messages.append(warning.message)
        return messages

    def _day_total(self, sessions: Iterable[Session]) -> str:
        runs = [s for s in sessions if s.kind is Kind.RUN]
        lifts = [s for s in sessions if s.kind is Kind.DEADLIFT]
        unit = self._profiles.current().distance_unit
        parts = []
        if runs:
            planned = sum(s.distance_km or 0.0 for s in runs)
            done = sum(s.as_done().distance_km or 0.0 for s in runs if s.done)
            # "4.0/8.7 km": done of planned, short enough for a narrow column
            done_text = format_distance(done, unit).split(" ")[0]
            parts.append(f"{done_text}/{format_distance(planned, unit)}")
        if lifts:
            sets = sum(s.sets or 0 for s in lifts)
            parts.append(f"{sets} sets")
        return " · ".join(parts)

    def _week_total(self, monday: date, sessions: Sequence[Session], first_weekday: int) -> str:
        """Run distance done of planned, runs and lifts done, sets and lifted volume."""
        profile = self._profiles.current()
        sunday = monday + timedelta(days=DAYS_IN_WEEK - 1)
        totals = self._store.weekly_totals(monday, sunday, first_weekday)[0]
        sets = sum(s.sets or 0 for s in sessions if s.kind is Kind.DEADLIFT)
        run_line = (
            f"Runs {totals.runs_done} of {totals.runs} done, "
            f"{format_distance(totals.run_km_done, profile.distance_unit)} of "
            f"{format_distance(totals.run_km, profile.distance_unit)}"
        )
        lift_line = (
            f"deadlifts {totals.lifts_done} of {totals.lifts} done, {sets} sets planned, "
            f"{format_weight(totals.lift_volume_kg, profile.weight_unit)} lifted"
        )
        return f"{run_line}; {lift_line}"  # the week view puts "Week:" before it


def _soreness(logs: dict[date, DayLog], day: date) -> int | None:
    log = logs.get(day)
    return log.soreness if log is not None else None
