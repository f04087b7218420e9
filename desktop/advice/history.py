"""History: every session the user has, indexed once for the rules' look-ups."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime

from desktop.advice.model import InvalidInputError, Kind, Session


def _order_key(session: Session) -> tuple[object, ...]:
    """A total order over everything `Session.__eq__` compares, so input order never matters."""
    return (
        session.start,
        session.duration_min,
        session.kind.value,
        -1 if session.id is None else session.id,
        "" if session.workout is None else session.workout.value,
        -1.0 if session.distance_km is None else session.distance_km,
        -1.0 if session.speed_kmh is None else session.speed_kmh,
        -1 if session.spotter is None else int(session.spotter),
        session.pain,
        session.done,
        session.notes,
        -1 if session.sets is None else session.sets,
        -1 if session.reps is None else session.reps,
        -1.0 if session.load_kg is None else session.load_kg,
    )


def _checked_sessions(sessions: Iterable[Session]) -> list[Session]:
    if isinstance(sessions, str | bytes) or not isinstance(sessions, Iterable):
        raise InvalidInputError(
            f"Sessions must be a list of sessions, not {type(sessions).__name__}."
        )
    items = list(sessions)
    for index, item in enumerate(items):
        if not isinstance(item, Session):
            raise InvalidInputError(
                f"Item {index + 1} of the sessions is a {type(item).__name__}, not a session."
            )
    return items


class History:
    """Every session the user has, indexed once: deadlifts by end time, sessions by day.

    A done session that carries actual values is kept as it was done (`Session.as_done`),
    so advice for the sessions after it uses what really happened. Build it once per
    change of the data and pass it to `advise_*` instead of a plain list; the advice is
    identical, only faster. It is immutable.
    """

    __slots__ = ("_by_day", "_lift_ends", "_lifts", "_lifts_by_day", "_sessions")

    def __init__(self, sessions: Iterable[Session] = ()) -> None:
        done = (session.as_done() for session in _checked_sessions(sessions))
        ordered = sorted(done, key=_order_key)
        self._sessions: tuple[Session, ...] = tuple(ordered)
        # Stable sort on end keeps the total order among lifts that end together.
        lifts = sorted((s for s in ordered if s.kind is Kind.DEADLIFT), key=lambda s: s.end)
        self._lifts: tuple[Session, ...] = tuple(lifts)
        self._lift_ends: tuple[datetime, ...] = tuple(s.end for s in lifts)
        by_day: dict[date, list[Session]] = {}
        for session in ordered:
            by_day.setdefault(session.day, []).append(session)
        lifts_by_day: dict[date, list[Session]] = {}
        for lift in lifts:
            lifts_by_day.setdefault(lift.day, []).append(lift)
        self._by_day: dict[date, tuple[Session, ...]] = {d: tuple(v) for d, v in by_day.items()}
        self._lifts_by_day: dict[date, tuple[Session, ...]] = {
            d: tuple(v) for d, v in lifts_by_day.items()
        }

    @classmethod
    def of(cls, sessions: Iterable[Session] | History) -> History:
        """`sessions` itself when it is a History, else a new one built from it."""
        return sessions if isinstance(sessions, History) else cls(sessions)

    def __len__(self) -> int:
        return len(self._sessions)

    def __iter__(self) -> Iterator[Session]:
        return iter(self._sessions)

    def __repr__(self) -> str:
        return f"History({len(self._sessions)} sessions)"

    @property
    def sessions(self) -> tuple[Session, ...]:
        """All sessions, ordered by start."""
        return self._sessions

    def on_day(self, day: date) -> tuple[Session, ...]:
        """Sessions starting on `day`, ordered by start."""
        return self._by_day.get(day, ())

    def lifts_on(self, day: date) -> tuple[Session, ...]:
        """Deadlifts starting on `day`, ordered by end."""
        return self._lifts_by_day.get(day, ())

    def last_lift_ended_by(
        self, moment: datetime, skip: Callable[[Session], bool] | None = None
    ) -> Session | None:
        """The deadlift with the latest end at or before `moment` that `skip` does not reject."""
        index = bisect_right(self._lift_ends, moment)
        while index > 0:
            index -= 1
            lift = self._lifts[index]
            if skip is None or not skip(lift):
                return lift
        return None


def skipper(subject: Session) -> Callable[[Session], bool]:
    """True for history entries that are the subject itself (its stored version or draft)."""
    subject_id = subject.id
    if subject_id is not None:
        return lambda other: other is subject or other.id == subject_id
    as_done = subject.as_done()
    return lambda other: other is subject or other in (subject, as_done)
