"""Every change the window makes to sessions and day logs, each dropping the loaded days.

The window's undoable commands use `change_sessions` / `apply_session_change` and
`save_day_log`; the single-session methods serve scripts and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from desktop.advice import DayLog, Session
from desktop.planner.changes import SessionChange
from desktop.planner.loaded_days import LoadedDays
from desktop.store import SessionNotFoundError, Store


class Edits:
    """Writes to the store's sessions and day logs; the loaded days are dropped after each."""

    def __init__(self, store: Store, loaded: LoadedDays) -> None:
        self._store = store
        self._loaded = loaded

    def change_sessions(
        self,
        *,
        remove: Iterable[int] = (),
        add: Iterable[Session] = (),
        put: Iterable[Session] = (),
    ) -> SessionChange:
        """Remove sessions by id, add new ones and overwrite stored ones; returns the change.

        Move, paste, plan a week and import are each one call. The result holds every
        session exactly as stored before and after (ids, created and updated times), which
        is what `apply_session_change` writes back for undo and redo. An id in `remove` or
        `put` that is not stored raises SessionNotFoundError before anything is written.
        """
        remove_ids, new, changed = list(remove), list(add), list(put)
        before = [self._stored(i) for i in (*remove_ids, *(s.id for s in changed))]
        # Overwritten sessions keep their created time; updated becomes now.
        changed = [
            replace(s, created=old.created, updated=None)
            for s, old in zip(changed, before[len(remove_ids) :], strict=True)
        ]
        try:
            new_ids = self._store.apply_changes(remove=remove_ids, put=changed, add=new)
        finally:
            self._loaded.drop()
        after = [self._stored(i) for i in (*(s.id for s in changed), *new_ids)]
        return SessionChange(before=tuple(before), after=tuple(after))

    def apply_session_change(self, change: SessionChange) -> None:
        """Make the store hold `change.after` exactly (undo applies `change.inverted()`)."""
        try:
            self._store.apply_changes(remove=change.removed_ids(), put=change.after)
        finally:
            self._loaded.drop()

    def save(self, session: Session) -> int:
        """Add a new session or update the stored one with the same id; returns its id."""
        try:
            if session.id is None:
                return self._store.add(session)
            self._store.update(session.id, session)
            return session.id
        finally:
            self._loaded.drop()

    def delete(self, session_id: int) -> None:
        """Remove a stored session."""
        try:
            self._store.delete(session_id)
        finally:
            self._loaded.drop()

    def duplicate(self, session: Session) -> Session:
        """Copy a session to the same time the next day, as planned; returns the saved copy.

        The copy is a new record: no id, not done, and its own created/updated times.
        """
        copy = replace(
            session,
            id=None,
            start=session.start + timedelta(days=1),
            done=False,
            created=None,
            updated=None,
        )
        new_id = self.save(copy)
        saved = self._store.get(new_id)
        return saved if saved is not None else replace(copy, id=new_id)

    def add_water(self, day: date, oz: float) -> float:
        """Log water drunk on a day; returns the day's new total in oz."""
        try:
            return self._store.add_water(day, oz)
        finally:
            self._loaded.drop()

    def save_day_log(self, log: DayLog) -> None:
        """Store the day's water, BCAA tick and note."""
        try:
            self._store.save_day_log(log)
        finally:
            self._loaded.drop()

    def _stored(self, session_id: int | None) -> Session:
        """The stored session with this id, read from the store (stamps included)."""
        stored = self._store.get(session_id) if session_id is not None else None
        if stored is None:
            raise SessionNotFoundError(
                "That session is no longer in the database; the day was reloaded."
            )
        return stored
