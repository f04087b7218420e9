"""Exact records of edits to stored sessions, and the copies that pasting makes.

An edit to sessions is kept as what it took away (`before`) and what it left (`after`),
each session with its id and created/updated times. Undo writes `before` back and removes
what only `after` holds; redo does the reverse. Both are one `Store.apply_changes` call,
so what comes back is exactly what was there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any

from desktop.advice import Session
from desktop.advice.weeks import DAYS_IN_WEEK as DAYS_IN_WEEK
from desktop.advice.weeks import MONDAY as MONDAY
from desktop.advice.weeks import monday_of as monday_of
from desktop.advice.weeks import start_of_week as start_of_week

# Fields that say how a done session went; a planned copy starts without them.
_RECORDED_AFTERWARDS = tuple(
    f.name for f in fields(Session) if f.name.startswith("actual_") or f.name == "rpe"
)


@dataclass(frozen=True)
class SessionChange:
    """One applied change to stored sessions: the sessions it replaced and those it left."""

    before: tuple[Session, ...]
    after: tuple[Session, ...]

    def inverted(self) -> SessionChange:
        """The change that takes this one back."""
        return SessionChange(before=self.after, after=self.before)

    def removed_ids(self) -> list[int]:
        """Ids stored before that the change leaves gone."""
        kept = _ids(self.after)
        return [i for i in _ids(self.before) if i not in kept]

    def days(self) -> frozenset[date]:
        """Every day a session was on before or is on after: what needs repainting."""
        return frozenset(s.day for s in (*self.before, *self.after))

    def is_empty(self) -> bool:
        """True when nothing was removed, added or changed."""
        return not self.before and not self.after


def _ids(sessions: Iterable[Session]) -> list[int]:
    return [s.id for s in sessions if s.id is not None]


def planned_copy(session: Session, day: date) -> Session:
    """A new planned session on `day` at the same time of day: no id, not done, no stamps.

    What the user recorded after doing it (actual values, effort, pain) stays with the
    original; the plan (kind, length, workout, targets, notes) is copied.
    """
    start = datetime.combine(day, session.start.time())
    recorded: dict[str, Any] = dict.fromkeys(_RECORDED_AFTERWARDS)
    return replace(
        session,
        id=None,
        start=start,
        done=False,
        pain=False,
        created=None,
        updated=None,
        **recorded,
    )


def week_copies(
    sessions: Iterable[Session], source_day: date, target_day: date, first_weekday: int = MONDAY
) -> list[Session]:
    """Planned copies of a week's sessions moved to the week holding `target_day`.

    Weeks start on `first_weekday` (Monday 0 ... Sunday 6). Each copy keeps its weekday and
    time of day; `sessions` outside the week holding `source_day` are ignored.
    """
    source_monday = start_of_week(source_day, first_weekday)
    target_monday = start_of_week(target_day, first_weekday)
    copies = []
    for session in sessions:
        offset = (session.day - source_monday).days
        if 0 <= offset < DAYS_IN_WEEK:
            copies.append(planned_copy(session, target_monday + timedelta(days=offset)))
    return copies
