"""Step one of an import: what will be added, what is already there, in words for the preview.

`plan_import` splits what was read into sessions to add and duplicates (same kind and same
start as a session already in the database, or as an earlier one in the same file);
`describe` turns a result and its plan into the lines the preview dialog shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from desktop.advice.model import Kind, Profile, Session
from desktop.advice.texts import session_title
from desktop.interop.result import ImportResult


@dataclass(frozen=True)
class ImportPlan:
    """The sessions Import adds (without ids, ready for the store) and those it leaves out."""

    to_add: tuple[Session, ...]
    duplicates: tuple[Session, ...]


def session_key(session: Session) -> tuple[Kind, datetime]:
    """What makes two sessions the same for an import: kind and start."""
    return (session.kind, session.start)


def plan_import(result: ImportResult, existing: Iterable[Session]) -> ImportPlan:
    """Split `result.sessions` into new ones and ones the database (or file) already holds."""
    seen = {session_key(session) for session in existing}
    to_add: list[Session] = []
    duplicates: list[Session] = []
    for session in result.sessions:
        key = session_key(session)
        if key in seen:
            duplicates.append(session)
            continue
        seen.add(key)
        # A new row gets a new id; an id from the exporting database would overwrite one here.
        to_add.append(replace(session, id=None))
    return ImportPlan(tuple(to_add), tuple(duplicates))


@dataclass(frozen=True)
class ImportPreview:
    """The preview dialog's text: a summary and one line per item in each list."""

    title: str
    summary: str
    added: tuple[str, ...]
    skipped: tuple[str, ...]
    problems: tuple[str, ...]
    duplicates: tuple[str, ...]

    @property
    def can_import(self) -> bool:
        """True when Import would add anything."""
        return bool(self.added)


def session_line(session: Session, profile: Profile) -> str:
    """ "Mon 3 Mar 2025 07:00  Run: 5 km" for a list of sessions."""
    when = session.start.strftime("%a %d %b %Y %H:%M")
    return f"{when}  {session_title(session, profile)}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def describe(
    result: ImportResult, plan: ImportPlan, profile: Profile, file_name: str
) -> ImportPreview:
    """Everything the preview lists, in words, in the profile's units."""
    parts = [f"{_count(len(plan.to_add), 'session', 'sessions')} will be added"]
    if plan.duplicates:
        parts.append(f"{_count(len(plan.duplicates), 'is', 'are')} already in Liftrun")
    unit = ("set", "sets") if result.format in ("strong", "hevy") else ("activity", "activities")
    if result.skipped:
        parts.append(f"{_count(result.skipped, *unit)} left out")
    if result.problems:
        parts.append(_count(len(result.problems), "problem", "problems"))
    summary = f"{file_name} ({result.format_name}): " + ", ".join(parts) + "."
    skipped = tuple(
        f"{skip.what}: {_count(skip.count, *unit)}, {skip.why}" for skip in result.skips
    )
    return ImportPreview(
        title=f"Import {file_name}",
        summary=summary,
        added=tuple(session_line(session, profile) for session in plan.to_add),
        skipped=skipped,
        problems=tuple(str(problem) for problem in result.problems),
        duplicates=tuple(session_line(session, profile) for session in plan.duplicates),
    )
