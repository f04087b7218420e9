"""Step one of an import: what will be added, what is already there, in words for the preview.

`plan_import` splits what was read into sessions to add and duplicates; `describe` turns a
result and its plan into the lines the preview dialog shows.

Duplicates are matched by what the activity is, not only when it began: a session is
already there when one in the database (or earlier in the same file) has the same kind, the
same start and the same length, that is the same duration or, for a run, the same distance.
Two runs that share a wall-clock start (the repeated hour when the clocks go back) but not
a length are both kept; a run edited after an earlier import still matches by its other
length.
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


DUPLICATE_RULE = (
    "A session counts as already in Liftrun when one of the same kind starts at the same "
    "time and lasts as long or, for a run, covers the same distance."
)
# Distances match to the metre shown nowhere but kept: imports round to 3 decimals.
_DISTANCE_DECIMALS = 3
Length = tuple[int, float | None]


def session_key(session: Session) -> tuple[Kind, datetime]:
    """Where two sessions may be the same for an import: kind and start (see `same_length`)."""
    return (session.kind, session.start)


def _length(session: Session) -> Length:
    distance = session.distance_km if session.kind is Kind.RUN else None
    return (session.duration_min, None if distance is None else round(distance, _DISTANCE_DECIMALS))


def same_length(first: Length, second: Length) -> bool:
    """Same duration, or (runs) the same distance: the rule in DUPLICATE_RULE."""
    return first[0] == second[0] or (first[1] is not None and first[1] == second[1])


def plan_import(result: ImportResult, existing: Iterable[Session]) -> ImportPlan:
    """Split `result.sessions` into new ones and ones the database (or file) already holds."""
    seen: dict[tuple[Kind, datetime], list[Length]] = {}
    for session in existing:
        seen.setdefault(session_key(session), []).append(_length(session))
    to_add: list[Session] = []
    duplicates: list[Session] = []
    for session in result.sessions:
        lengths = seen.setdefault(session_key(session), [])
        length = _length(session)
        if any(same_length(length, other) for other in lengths):
            duplicates.append(session)
            continue
        lengths.append(length)
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
    duplicate_rule: str = DUPLICATE_RULE

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


def _megabytes(size_bytes: int) -> str:
    return f"{size_bytes / (1024 * 1024):,.0f} MB"


def _large_file_note(result: ImportResult) -> str:
    what = [_megabytes(result.size_bytes)] if result.size_bytes else []
    what.append(_count(len(result.sessions), "session", "sessions"))
    return (
        f"This is an unusually large file ({', '.join(what)}); check that it is the export "
        "you meant. The import is one change that Undo takes back whole."
    )


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
    if plan.duplicates:
        summary += " " + DUPLICATE_RULE
    if result.is_large:
        summary += " " + _large_file_note(result)
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
