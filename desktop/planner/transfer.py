"""What import and export ask of the database: sessions in a range with their advice, and
the stored sessions an import is checked against for duplicates.

A mixin of Planner (desktop.planner). The window hands these to desktop.interop, which
reads and writes the files; the planner itself never imports desktop.interop (the two are
independent siblings in the layers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.advice import Advice, History, Session
from desktop.advice.units import plain_numbers

if TYPE_CHECKING:
    from desktop.store import Store

# Advice for a session looks this far back and ahead (see Planner.LOOK_BACK/LOOK_AHEAD).
_ADVICE_BACK = timedelta(days=2)
_ADVICE_AHEAD = timedelta(days=1)


@dataclass(frozen=True)
class ExportBatch:
    """Sessions to export, in time order, and each one's advice by session id."""

    sessions: tuple[Session, ...]
    advice: Mapping[int, Advice]


class TransferQueries:
    """Planner reads for File > Export and File > Import."""

    if TYPE_CHECKING:  # provided by Planner
        _store: Store

        def _advise_session(self, session: Session, history: History) -> Advice: ...

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
        near = self._store.sessions_between(first - _ADVICE_BACK, last + _ADVICE_AHEAD)
        history = History(near)
        chosen = tuple(s for s in near if first <= s.day <= last)
        with plain_numbers():
            advice = {
                session.id: self._advise_session(session, history)
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
