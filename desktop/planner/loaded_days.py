"""The days the window looks at, loaded once: their sessions as one engine `History`, their
day logs, and what is worked out from them (calendar marks, chip words, week extras).

`LoadedDays` is the planner's one cache. Every service reads the loaded days through it,
and every edit, a restore and a new profile drop it (`drop`), so nothing shown outlives
the data it was worked out from.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.advice import DayLog, History, Session
from desktop.planner.feed_cache import FeedCache
from desktop.planner.rows import DayMarks
from desktop.store import Store

# Advice for a day looks back at most this far (a lift the day before sets
# next-day advice) and forward this far (nothing later matters today).
LOOK_BACK = timedelta(days=2)
LOOK_AHEAD = timedelta(days=1)


class LoadedDays:
    """Sessions and day logs of one range of days, with the caches worked out from them."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._first: date | None = None
        self._last: date | None = None
        self._by_day: dict[date, list[Session]] = {}
        self._history: History | None = None
        self._logs: dict[date, DayLog] = {}
        self._feed: FeedCache | None = None
        self.marks: dict[date, DayMarks] = {}
        """Calendar marks per day, worked out from the loaded History (dropped with it)."""

    def drop(self) -> None:
        """Forget everything loaded: the next read loads again from the store."""
        self._first = self._last = None
        self._by_day = {}
        self._history = None
        self.marks = {}
        self._logs = {}
        self._feed = None

    def ensure(self, first: date, last: date, *, margin: timedelta = timedelta(0)) -> History:
        """Load sessions for first-2 days .. last+1 day unless already cached.

        A load that replaces a loaded range (the user walks through the calendar) also takes
        `margin` more on each side, for the next steps; the first load takes only what was
        asked, so the window opens sooner.
        """
        want_first, want_last = first - LOOK_BACK, last + LOOK_AHEAD
        cached = self.cached(want_first, want_last)
        if cached is not None:
            return cached
        if self._first is not None:
            want_first, want_last = want_first - margin, want_last + margin
        sessions = self._store.sessions_between(want_first, want_last)
        self._by_day = {}
        for session in sessions:
            self._by_day.setdefault(session.day, []).append(session)
        self._history = History(sessions)
        self._logs = dict(self._store.day_logs_between(want_first, want_last))
        self._first, self._last = want_first, want_last
        self.marks = {}
        return self._history

    @property
    def history(self) -> History | None:
        """The loaded History, None before the first load and after `drop`."""
        return self._history

    def cached(self, first: date, last: date) -> History | None:
        """The loaded History if it holds every day first..last, else None."""
        if (
            self._first is None
            or self._last is None
            or not self._first <= first <= last <= self._last
        ):
            return None
        return self._history

    def history_near(self, day: date) -> History:
        """What advice for a session on `day` needs: the loaded History, or the store's."""
        first, last = day - LOOK_BACK, day + LOOK_AHEAD
        cached = self.cached(first, last)
        if cached is not None:
            return cached
        return History(self._store.sessions_between(first, last))

    def loaded_on(self, day: date) -> list[Session]:
        """The loaded sessions of `day` in time order (none when it is not loaded)."""
        return self._by_day.get(day, [])

    def loaded_log(self, day: date) -> DayLog | None:
        """The loaded day log of `day`, None when nothing is logged (or it is not loaded)."""
        return self._logs.get(day)

    def loaded_soreness(self, day: date) -> int | None:
        """The soreness of a loaded day, None when not rated or not loaded."""
        log = self._logs.get(day)
        return log.soreness if log is not None else None

    def soreness(self, day: date) -> int | None:
        """The day's logged soreness (0-10), None when not rated; every advice call passes it.

        Read from the loaded days when they hold `day`, else from the store without
        replacing the loaded range (an export asks for many days in turn).
        """
        if self._first is not None and self._last is not None and self._first <= day <= self._last:
            return self.loaded_soreness(day)
        return self._store.day_log(day).soreness

    def get(self, session_id: int) -> Session | None:
        """One stored session (from the loaded History when it holds it), or None if gone."""
        for session in self._history or ():
            if session.id == session_id:
                return session
        return self._store.get(session_id)

    def sessions_between(self, first: date, last: date) -> list[Session]:
        """Sessions first..last from the loaded range when it holds them, else the store.

        Unlike `ensure`, this never replaces the loaded range, so a drag hovering near the
        grid's edge does not unload the month.
        """
        if self.cached(first, last) is not None:
            return [
                s
                for offset in range((last - first).days + 1)
                for s in self._by_day.get(first + timedelta(days=offset), [])
            ]
        return list(self._store.sessions_between(first, last))

    def feed_for(self, history: History) -> FeedCache:
        """The feed cache of the History loaded now (a new one once the History was replaced)."""
        cache = self._feed
        if cache is None or not cache.holds(history):
            cache = self._feed = FeedCache(history)
        return cache
