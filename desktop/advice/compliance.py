"""Planned against done: whether a session was kept, missed, or done differently."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from desktop.advice.model import Kind, Session

# A done session more than this share off its plan (distance, load or volume) is "different".
DIFFERENT_SHARE = 0.20


class Compliance(StrEnum):
    """How a session compares with its plan at a given moment."""

    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    DIFFERENT = "different"


def compliance_of(session: Session, now: datetime) -> Compliance:
    """Where `session` stands at `now`.

    - done, and within 20% of its plan (or with nothing recorded to compare): DONE;
    - done, over 20% off its plan: DIFFERENT. Runs compare the actual distance with the
      planned one; deadlifts compare the actual load per set and the volume (sets x reps x
      load, a value not recorded taken from the plan);
    - not done and already over (its end is at or before `now`): MISSED;
    - not done and still to come or under way: PLANNED.
    """
    if session.done:
        return Compliance.DIFFERENT if _off_plan(session) else Compliance.DONE
    if session.end <= now:
        return Compliance.MISSED
    return Compliance.PLANNED


def _off_plan(session: Session) -> bool:
    if session.kind is Kind.RUN:
        return _far(session.distance_km, session.actual_distance_km)
    if _far(session.load_kg, session.actual_load_kg):
        return True
    planned = _volume(session.sets, session.reps, session.load_kg)
    actual = _volume(
        session.actual_sets if session.actual_sets is not None else session.sets,
        session.actual_reps if session.actual_reps is not None else session.reps,
        session.actual_load_kg if session.actual_load_kg is not None else session.load_kg,
    )
    recorded = (session.actual_sets, session.actual_reps, session.actual_load_kg)
    return any(value is not None for value in recorded) and _far(planned, actual)


def _volume(sets: int | None, reps: int | None, load_kg: float | None) -> float | None:
    if sets is None or reps is None or load_kg is None:
        return None
    return sets * reps * load_kg


def _far(planned: float | None, actual: float | None) -> bool:
    """True when both are known and actual differs from planned by over DIFFERENT_SHARE."""
    if planned is None or actual is None or planned <= 0:
        return False
    return abs(actual - planned) > DIFFERENT_SHARE * planned
