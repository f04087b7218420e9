"""Plan week, Plan block and week templates: what the window's planning dialogs ask.

`WeekPlanning` (no Qt). `plan_defaults` pre-fills the dialog from the calendar: the
deadlift days and times most weeks had lately, the runs and distance of the recent weeks.
`plan_preview` and `template_preview` hand the engine's pure previews
(`desktop.advice.plan_preview`) the stored sessions of the span and the days around it.
The window applies a preview as one SessionsCommand (one undo step).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from desktop.advice import InvalidInputError, Kind, Session
from desktop.planner.changes import MONDAY, start_of_week
from desktop.planner.profiles import ProfileBook
from desktop.store import Store

if TYPE_CHECKING:  # the planning modules load when a plan is first asked for
    from desktop.advice.plan_preview import PlanPreview, PlanRequest
    from desktop.advice.planning import LiftSlot

# How many weeks before the planned one the pre-filled inputs look at.
PATTERN_WEEKS = 4
# Around the planned span, sessions the engine needs as context (a lift the Sunday before
# sets Monday's runs; the lift the Monday after caps the Sunday before it).
CONTEXT_DAYS = timedelta(days=7)
# With nothing on the calendar yet: the pattern the article's example uses (weekday, start,
# minutes; Monday and Thursday at 18:00 for an hour).
FIRST_LIFTS = ((0, time(18, 0), 60), (3, time(18, 0), 60))
FIRST_RUNS = 3
FIRST_RUN_KM = 5.0
BLOCK_WEEKS = 4
# Where `template_sessions` places a template: any Monday does, offsets are what is kept.
TEMPLATE_WEEK = date(2001, 1, 1)


class WeekPlanning:
    """Pre-filled plans, plan and template previews, and saving a week as a template."""

    def __init__(self, store: Store, profiles: ProfileBook) -> None:
        self._store = store
        self._profiles = profiles

    # -- Plan week and Plan block -------------------------------------------------------

    def plan_defaults(
        self, day: date, *, weeks: int = 1, first_weekday: int = MONDAY
    ) -> PlanRequest:
        """A request for the week holding `day` (and `weeks - 1` after it), filled from the
        current and recent weeks: deadlift days and times (the week's own when it has
        deadlifts, else those most recent weeks had), runs a week and weekly distance (the
        average of the recent weeks with runs). Weeks start on `first_weekday`."""
        from desktop.advice.plan_preview import PlanRequest
        from desktop.advice.planning import MAX_RUNS, LiftSlot

        monday = start_of_week(day, first_weekday)
        first = monday - timedelta(weeks=PATTERN_WEEKS)
        recent = self._store.sessions_between(first, monday + timedelta(days=6))
        # A week that has deadlifts already keeps its own days; else the recent weeks' pattern.
        past_lifts = [s for s in recent if s.kind is Kind.DEADLIFT]
        this_week = [s for s in past_lifts if s.day >= monday]
        lifts = _lift_pattern(this_week or past_lifts, first_weekday)
        totals = [
            t
            for t in self._store.weekly_totals(first, monday - timedelta(days=1), first_weekday)
            if t.runs > 0
        ]
        if totals:
            runs = min(MAX_RUNS, round(sum(t.runs for t in totals) / len(totals)))
            weekly_km = round(sum(t.run_km for t in totals) / len(totals), 1)
        else:
            runs = FIRST_RUNS
            per_run = min(FIRST_RUN_KM, self._profiles.current().max_distance_km * 0.5)
            weekly_km = round(FIRST_RUNS * per_run, 1)
        return PlanRequest(
            week_start=monday,
            lifts=lifts if lifts or recent else tuple(LiftSlot(*slot) for slot in FIRST_LIFTS),
            runs=runs,
            weekly_km=weekly_km,
            long_run=True,
            keep_existing=True,
            weeks=weeks,
        )

    def plan_preview(self, request: PlanRequest) -> PlanPreview:
        """The engine's preview of `request` against the stored sessions of its weeks and
        the days around them. Raises `InvalidInputError` on a bad request."""
        from desktop.advice.plan_preview import PlanRequest, build_preview

        if not isinstance(request, PlanRequest):
            raise InvalidInputError("A plan needs a PlanRequest.")
        first = request.week_start
        last = first + timedelta(weeks=max(1, request.weeks), days=-1)
        existing = self._stored_around(first, last)
        return build_preview(request, self._profiles.current(), existing)

    # -- week templates -----------------------------------------------------------------

    def template_names(self) -> list[str]:
        """The saved templates' names, sorted."""
        return self._store.template_names()

    def week_sessions(self, day: date, first_weekday: int = MONDAY) -> list[Session]:
        """The sessions of the week holding `day` (from `first_weekday`), in time order."""
        monday = start_of_week(day, first_weekday)
        return self._store.sessions_between(monday, monday + timedelta(days=6))

    def save_week_template(self, name: str, day: date, first_weekday: int = MONDAY) -> int:
        """Keep the week holding `day` as the template `name`; returns how many sessions.

        Raises `InvalidInputError` when the week is empty: a template of nothing would
        only clear weeks it is applied to.
        """
        sessions = self.week_sessions(day, first_weekday)
        if not sessions:
            first = start_of_week(day, first_weekday)
            raise InvalidInputError(
                f"The week of {first:%a %d %b} has no sessions to keep as a template."
            )
        self._store.save_template(name.strip(), sessions)
        return len(sessions)

    def delete_template(self, name: str) -> None:
        """Remove the template `name`."""
        self._store.delete_template(name)

    def template_sessions(self, name: str) -> list[Session] | None:
        """The template `name` as sessions (placed on an arbitrary week), None when absent.

        Saved again with `keep_template`, they give back the same template: a template keeps
        each session's offset from its week's Monday, not its date.
        """
        from desktop.store import TemplateNotFoundError

        try:
            return self._store.template(name, TEMPLATE_WEEK)
        except TemplateNotFoundError:
            return None

    def keep_template(self, name: str, sessions: Sequence[Session] | None) -> None:
        """Make the template `name` hold exactly `sessions`; None removes it (undo and redo)."""
        if sessions is None:
            self._store.delete_template(name)
        else:
            self._store.save_template(name, sessions)

    def template_preview(
        self, name: str, day: date, *, keep_existing: bool = True, first_weekday: int = MONDAY
    ) -> PlanPreview:
        """The template `name` placed on the week holding `day` (weeks from `first_weekday`),
        with advice and notes.

        Raises the store's TemplateNotFoundError when it has been deleted.
        """
        from desktop.advice.plan_preview import template_preview

        monday = start_of_week(day, first_weekday)
        placed = self._store.template(name, monday, first_weekday)
        existing = self._stored_around(monday, monday + timedelta(days=6))
        return template_preview(
            monday, placed, self._profiles.current(), existing, keep_existing=keep_existing
        )

    def _stored_around(self, first: date, last: date) -> list[Session]:
        return self._store.sessions_between(first - CONTEXT_DAYS, last + CONTEXT_DAYS)


def _lift_pattern(lifts: Iterable[Session], first_weekday: int) -> tuple[LiftSlot, ...]:
    """The weekdays at least half of the weeks with deadlifts had one on, each at its most
    usual start and length (the latest week's wins a tie); overlapping ones are left out."""
    from desktop.advice.planning import LiftSlot, check_lifts

    by_week: dict[date, list[Session]] = {}
    for lift in lifts:
        by_week.setdefault(start_of_week(lift.day, first_weekday), []).append(lift)
    if not by_week:
        return ()
    slots: list[LiftSlot] = []
    for weekday in range(7):
        # Newest week first, so Counter.most_common keeps it first among equals.
        on_day = [
            s
            for week in sorted(by_week, reverse=True)
            for s in by_week[week]
            if s.start.weekday() == weekday
        ]
        weeks_with = {start_of_week(s.day, first_weekday) for s in on_day}
        if 2 * len(weeks_with) < len(by_week):
            continue
        start = Counter(s.start.time().replace(second=0, microsecond=0) for s in on_day)
        minutes = Counter(min(s.duration_min, 24 * 60) for s in on_day)
        candidate = LiftSlot(weekday, start.most_common(1)[0][0], minutes.most_common(1)[0][0])
        try:
            check_lifts([*slots, candidate])
        except InvalidInputError:
            continue
        slots.append(candidate)
    return tuple(slots)
