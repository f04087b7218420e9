"""Week templates: sessions kept by name as offsets from their week's Monday.

`WeekTemplates` is the Store's part for them; the functions below do the row work inside
its transactions.

The offset says a weekday and a time; placing a template on a week that starts on another
day (Sunday in the US) puts each session on its weekday within those seven days.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from desktop.advice.model import Session
from desktop.advice.weeks import DAYS_IN_WEEK, MONDAY, start_of_week
from desktop.store.base import Database, _check_day, _check_key, _typed
from desktop.store.errors import TemplateNotFoundError
from desktop.store.models import TEMPLATE_FIELDS, TemplateRow
from desktop.store.totals import monday_of

_MINUTES_A_DAY = 24 * 60

log = logging.getLogger(__name__)


def offset_min(start: datetime) -> int:
    """Whole minutes from the Monday 00:00 of the session's own week to its start."""
    monday = datetime.combine(monday_of(start.date()), time())
    return int((start - monday).total_seconds() // 60)


def write(name: str, sessions: Sequence[Session]) -> None:
    """Replace the template `name` by `sessions`; call inside a bound transaction."""
    TemplateRow.delete().where(TemplateRow.name == name).execute()
    for position, session in enumerate(sessions):
        values: dict[str, Any] = {field: getattr(session, field) for field in TEMPLATE_FIELDS}
        values["kind"] = session.kind.value
        values["workout"] = None if session.workout is None else session.workout.value
        TemplateRow.insert(
            name=name, position=position, offset_min=offset_min(session.start), **values
        ).execute()


def names() -> list[str]:
    """Every template's name, sorted; call inside a bound read."""
    query = TemplateRow.select(TemplateRow.name).distinct().order_by(TemplateRow.name)
    rows = cast(list[tuple[Any, ...]], list(query.tuples()))
    return [str(row[0]) for row in rows]


def place(name: str, week_start: date, first_weekday: int = MONDAY) -> list[Session] | None:
    """The template's sessions on the week holding `week_start` (weeks from `first_weekday`,
    Monday 0 ... Sunday 6): planned, without ids.

    None when no template has that name. A row the engine refuses is left out (and logged).
    """
    columns = [getattr(TemplateRow, field) for field in ("offset_min", *TEMPLATE_FIELDS)]
    rows = cast(
        list[tuple[Any, ...]],
        list(
            TemplateRow.select(*columns)
            .where(TemplateRow.name == name)
            .order_by(TemplateRow.position)
            .tuples()
        ),
    )
    if not rows:
        return None
    first = datetime.combine(start_of_week(week_start, first_weekday), time())
    placed: list[Session] = []
    for offset, *values in rows:
        fields = dict(zip(TEMPLATE_FIELDS, values, strict=True))
        if fields["spotter"] is not None:
            fields["spotter"] = bool(fields["spotter"])
        weekday, minutes = divmod(int(offset), _MINUTES_A_DAY)
        day = (weekday - first_weekday) % DAYS_IN_WEEK
        try:
            placed.append(Session(start=first + timedelta(days=day, minutes=minutes), **fields))
        except (ValueError, TypeError) as error:
            log.warning("Template %r: a session could not be read (%s)", name, error)
    return placed


def delete(name: str) -> None:
    """Remove the template `name` (nothing happens if there is none)."""
    TemplateRow.delete().where(TemplateRow.name == name).execute()


class WeekTemplates:
    """The saved week templates of one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def save(self, name: str, sessions: Sequence[Session]) -> None:
        """Keep `sessions` as the week template `name` (replacing one of the same name)."""
        name = _check_key(name, "A template name")
        checked = [_typed(session, Session, "a session") for session in sessions]
        with self._database.writing("saving the template"):
            write(name, checked)

    def names(self) -> list[str]:
        """The saved templates' names, sorted."""
        with self._database.reading():
            return names()

    def placed(self, name: str, week_start: date, first_weekday: int = MONDAY) -> list[Session]:
        """The template's sessions placed on the week holding `week_start` (weeks from
        `first_weekday`, Monday 0): planned, no ids."""
        name = _check_key(name, "A template name")
        week_start = _check_day(week_start)
        with self._database.reading():
            sessions = place(name, week_start, first_weekday)
        if sessions is None:
            raise TemplateNotFoundError(
                f"There is no template called {name!r}; it may have been deleted.",
                self._database.path,
            )
        return sessions

    def delete(self, name: str) -> None:
        """Remove a template (nothing happens if there is none)."""
        name = _check_key(name, "A template name")
        with self._database.writing("deleting the template"):
            delete(name)
