"""What import and export ask of the database: sessions in a range with their advice, and
the stored sessions an import is checked against for duplicates.

`TransferQueries` is a service of Planner (desktop.planner). The window hands these to
desktop.interop, which reads and writes the files; the planner itself never imports
desktop.interop (the two are independent siblings in the layers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from desktop.advice import Advice, History, Session
from desktop.advice.units import plain_numbers
from desktop.planner.days import DayQueries
from desktop.planner.loaded_days import LOOK_AHEAD, LOOK_BACK
from desktop.store import Store


@dataclass(frozen=True)
class ExportBatch:
    """Sessions to export, in time order, and each one's advice by session id."""

    sessions: tuple[Session, ...]
    advice: Mapping[int, Advice]


class TransferQueries:
    """Planner reads for File > Export and File > Import."""

    def __init__(self, store: Store, days: DayQueries) -> None:
        self._store = store
        self._days = days

    def session_span(self) -> tuple[date, date] | None:
        """The first and last day holding a session, or None for an empty database."""
        sessions = self._store.all_sessions()
        if not sessions:
            return None
        return sessions[0].day, max(session.day for session in sessions)

    def export_batch(self, first: date, last: date) -> ExportBatch:
        """The sessions starting on days first..last with the advice each one gets.

        The advice is for a file other programs read, so its numbers have a decimal point
        in every region.
        """
        if last < first:
            first, last = last, first
        near = self._store.sessions_between(first - LOOK_BACK, last + LOOK_AHEAD)
        history = History(near)
        chosen = tuple(s for s in near if first <= s.day <= last)
        with plain_numbers():
            advice = {
                session.id: self._days.advise_session(session, history)
                for session in chosen
                if session.id is not None
            }
        return ExportBatch(chosen, advice)

    def all_sessions(self) -> list[Session]:
        """Every stored session in time order (File > Export > CSV)."""
        return self._store.all_sessions()

    def stored_near(self, sessions: Iterable[Session]) -> list[Session]:
        """The stored sessions on the days `sessions` span: what an import may duplicate."""
        days = [session.day for session in sessions]
        if not days:
            return []
        return self._store.sessions_between(min(days), max(days))
