"""What the calendar and the day list show, as plain values the planner hands the window."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.advice import Advice, Kind, Profile, Session
from desktop.advice.units import format_distance

_KIND_TEXT = {Kind.RUN: "Run", Kind.DEADLIFT: "Deadlift"}


@dataclass(frozen=True)
class SessionMark:
    """One session as the calendar draws it: which kind and whether it was done."""

    kind: Kind
    done: bool


@dataclass(frozen=True)
class DayMarks:
    """Everything the calendar paints for one day: its sessions in time order, a badge."""

    sessions: tuple[SessionMark, ...]
    has_warning: bool


@dataclass(frozen=True)
class DayRow:
    """One line of the day list: a session described in the user's units."""

    session_id: int
    time_text: str
    kind: Kind
    kind_text: str
    workout_text: str
    distance_text: str
    done: bool
    has_warning: bool
    warning_text: str


def day_row(session: Session, advice: Advice, profile: Profile) -> DayRow:
    """The day list's line for a stored session and its advice."""
    distance = (
        format_distance(session.distance_km, profile.distance_unit)
        if session.kind is Kind.RUN and session.distance_km is not None
        else ""
    )
    return DayRow(
        session_id=session.id if session.id is not None else -1,
        time_text=f"{session.start:%H:%M}\u2013{session.end:%H:%M}",
        kind=session.kind,
        kind_text=_KIND_TEXT[session.kind],
        workout_text=session.workout.value.capitalize() if session.workout else "",
        distance_text=distance,
        done=session.done,
        has_warning=advice.has_warnings,
        warning_text="\n".join(w.message for w in advice.warnings),
    )


def kind_text(session: Session) -> str:
    """ "run" or "deadlift", for sentences about a session."""
    return _KIND_TEXT[session.kind].lower()
