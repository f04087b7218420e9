"""What the "Plan week" dialog shows: the plan for a request, day by day, with advice.

Pure (no Qt, no store): the planner hands in the stored sessions, the dialog hands in a
`PlanRequest`, and `build_preview` answers with a `PlanPreview`. Done sessions are never
touched. With `keep_existing` the planned sessions of the weeks stay and count toward the
targets (their runs and distance are taken off what the request asks); without it they are
listed in `PlanPreview.removed`, to be deleted when the plan is applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from desktop.advice import rules as engine
from desktop.advice import texts, units
from desktop.advice.model import Advice, InvalidInputError, Kind, Profile, Session
from desktop.advice.planning import (
    LiftSlot,
    WeekPlan,
    check_lifts,
    check_targets,
    check_week_start,
    plan_week,
)
from desktop.advice.progression import check_weeks, weekly_targets
from desktop.advice.texts import session_title

_MARGIN = timedelta(days=7)

__all__ = [
    "EntryStatus",
    "PlanPreview",
    "PlanRequest",
    "PreviewDay",
    "PreviewEntry",
    "build_preview",
    "template_preview",
]


@dataclass(frozen=True)
class PlanRequest:
    """What the user asks for: the deadlift slots, the runs, and how many weeks from when."""

    week_start: date
    lifts: tuple[LiftSlot, ...]
    runs: int
    weekly_km: float
    long_run: bool = True
    keep_existing: bool = True
    weeks: int = 1


class EntryStatus(StrEnum):
    """Whether a previewed session is added by the plan, already there, or to be removed."""

    NEW = "new"
    KEPT = "kept"
    REMOVED = "removed"


@dataclass(frozen=True)
class PreviewEntry:
    """One session of the preview with its one-line summary and advice."""

    session: Session
    status: EntryStatus
    summary: str  # "18:00-19:00 Deadlift"
    advice: str  # one line: the first warning, else where it sits and what to do
    has_warning: bool = False


@dataclass(frozen=True)
class PreviewDay:
    """A calendar day of the preview and its sessions in time order."""

    day: date
    entries: tuple[PreviewEntry, ...]


@dataclass(frozen=True)
class PlanPreview:
    """The plan for a request: each week's plan, the days to show, notes, and what goes.

    A template placed on a week has no request (`None`) and one plan holding its sessions.
    """

    request: PlanRequest | None
    plans: tuple[WeekPlan, ...]
    days: tuple[PreviewDay, ...]
    notes: tuple[str, ...]
    removed: tuple[Session, ...] = ()

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Every new session of every week, in time order."""
        return tuple(s for plan in self.plans for s in plan.sessions)


def check_request(request: object) -> PlanRequest:
    """The request itself when every field is valid, else `InvalidInputError`."""
    if not isinstance(request, PlanRequest):
        raise InvalidInputError(f"A plan needs a PlanRequest, not {type(request).__name__}.")
    check_week_start(request.week_start)
    check_lifts(request.lifts)
    check_targets(request.runs, request.weekly_km)
    check_weeks(request.weeks)
    return request


def _summary(session: Session, profile: Profile) -> str:
    span = f"{session.start:%H:%M}-{session.end:%H:%M}"
    title = session_title(session, profile)
    if session.kind is Kind.RUN and session.speed_kmh:
        title += f" at {units.format_speed(session.speed_kmh, profile.distance_unit)}"
    if session.kind is Kind.DEADLIFT and session.spotter:
        title += ", with a spotter"
    if session.done:
        title += " (done)"
    return f"{span} {title}"


def _advice_line(session: Session, advice: Advice) -> str:
    if advice.warnings:
        return advice.warnings[0].message
    suggestion = advice.suggestion
    if session.kind is Kind.DEADLIFT:
        return "Run right after: " + suggestion.text if suggestion else "Lift with a spotter."
    where = texts.describe_context(advice)
    where = where[:1].upper() + where[1:]
    return f"{where}: {suggestion.text}" if suggestion else where


def _week_name(week: date) -> str:
    return f"Week of {week.day} {week:%b}"


def _week_targets(
    request: PlanRequest, week: date, target_km: float, kept: list[Session], profile: Profile
) -> tuple[int, float, str | None]:
    """The week's runs and distance less the runs kept in it, and a note saying so."""
    end = week + timedelta(days=7)
    runs = [s for s in kept if s.kind is Kind.RUN and week <= s.day < end]
    if not runs:
        return request.runs, target_km, None
    km = sum(s.as_done().distance_km or 0.0 for s in runs)
    count = "run already there" if len(runs) == 1 else f"{len(runs)} runs already there"
    verb = "counts" if len(runs) == 1 else "count"
    note = (
        f"{_week_name(week)}: the {count} "
        f"({units.format_distance(km, profile.distance_unit)}) {verb} toward the targets."
    )
    runs_left = max(0, request.runs - len(runs))
    # With no run left to add, the distance left has nowhere to go: nothing to fall short of.
    return runs_left, max(0.0, target_km - km) if runs_left else 0.0, note


def build_preview(
    request: PlanRequest, profile: Profile, existing: Iterable[Session]
) -> PlanPreview:
    """The preview of `request` against the stored sessions `existing`.

    Raises `InvalidInputError` (with a sentence for the dialog) on a bad request.
    """
    request = check_request(request)
    first = datetime.combine(request.week_start, time())
    last = first + timedelta(weeks=request.weeks)
    stored = list(existing)
    in_span = [s for s in stored if first <= s.start < last]
    removed = () if request.keep_existing else tuple(s for s in in_span if not s.done)
    removed_set = set(map(id, removed))
    context = [s for s in stored if id(s) not in removed_set]
    kept = [s for s in in_span if id(s) not in removed_set]

    plans: list[WeekPlan] = []
    notes: list[str] = []
    for index, target in enumerate(weekly_targets(request.weekly_km, request.weeks)):
        week = request.week_start + timedelta(weeks=index)
        runs, km, kept_note = _week_targets(request, week, target, kept, profile)
        plan = plan_week(
            week,
            request.lifts,
            profile,
            runs=runs,
            weekly_km=km,
            long_run=request.long_run,
            existing=context,
        )
        context.extend(plan.sessions)
        plans.append(plan)
        prefix = f"{_week_name(week)}: " if request.weeks > 1 else ""
        notes.extend([kept_note] if kept_note else [])
        notes.extend(prefix + note for note in plan.notes)

    new = [s for plan in plans for s in plan.sessions]
    days = _preview_days(request.week_start, request.weeks, new, kept, removed, context, profile)
    return PlanPreview(
        request=request, plans=tuple(plans), days=days, notes=tuple(notes), removed=removed
    )


def template_preview(
    week_start: date,
    sessions: Iterable[Session],
    profile: Profile,
    existing: Iterable[Session],
    *,
    keep_existing: bool = True,
) -> PlanPreview:
    """The preview of a template's `sessions` placed on the week of `week_start`.

    Like `build_preview`, done sessions stay and planned ones are removed unless
    `keep_existing`; the notes say which new sessions overlap one left on the calendar and
    how many get a warning where they land.
    """
    week_start = check_week_start(week_start)
    first = datetime.combine(week_start, time())
    last = first + timedelta(weeks=1)
    new = sorted(sessions, key=lambda s: (s.start, s.kind.value))
    stored = list(existing)
    in_span = [s for s in stored if first <= s.start < last]
    removed = () if keep_existing else tuple(s for s in in_span if not s.done)
    removed_set = set(map(id, removed))
    kept = [s for s in in_span if id(s) not in removed_set]
    context = [s for s in stored if id(s) not in removed_set] + new
    days = _preview_days(week_start, 1, new, kept, removed, context, profile)
    notes = [
        f"The {_clock_name(s)} overlaps the {_clock_name(other)} already on the calendar."
        for s in new
        for other in kept
        if s.start < other.end and other.start < s.end
    ]
    warned = sum(
        1 for day in days for e in day.entries if e.status is EntryStatus.NEW and e.has_warning
    )
    if warned:
        noun = "session gets" if warned == 1 else "sessions get"
        notes.append(f"{warned} {noun} a warning on this week; read its advice before applying.")
    plan = WeekPlan(sessions=tuple(new))
    return PlanPreview(request=None, plans=(plan,), days=days, notes=tuple(notes), removed=removed)


def _clock_name(session: Session) -> str:
    kind = "deadlift" if session.kind is Kind.DEADLIFT else "run"
    return f"{kind} on {session.start:%A} at {session.start:%H:%M}"


def _preview_days(
    week_start: date,
    weeks: int,
    new: list[Session],
    kept: list[Session],
    removed: tuple[Session, ...],
    context: list[Session],
    profile: Profile,
) -> tuple[PreviewDay, ...]:
    """Every day of the span with its new, kept and removed sessions, each with advice.

    `context` is what the calendar will hold (new sessions included) for the advice.
    """
    first = datetime.combine(week_start, time())
    last = first + timedelta(weeks=weeks)
    # The advice needs only the days around the span, not years of history.
    near = [s for s in context if first - _MARGIN <= s.start < last + _MARGIN]
    history = engine.History(near)
    entries: dict[date, list[PreviewEntry]] = {}
    shown = [(s, EntryStatus.NEW) for s in new] + [(s, EntryStatus.KEPT) for s in kept]
    for session, status in shown:
        advice = engine.advise_session(session, history, profile)
        entries.setdefault(session.day, []).append(
            PreviewEntry(
                session=session,
                status=status,
                summary=_summary(session, profile),
                advice=_advice_line(session, advice),
                has_warning=advice.has_warnings,
            )
        )
    for session in removed:
        entries.setdefault(session.day, []).append(
            PreviewEntry(
                session=session,
                status=EntryStatus.REMOVED,
                summary=_summary(session, profile),
                advice="Removed when the plan is applied.",
            )
        )
    return tuple(
        PreviewDay(
            day=week_start + timedelta(days=offset),
            entries=tuple(
                sorted(
                    entries.get(week_start + timedelta(days=offset), ()),
                    key=lambda e: (e.session.start, e.status.value),
                )
            ),
        )
        for offset in range(7 * weeks)
    )
