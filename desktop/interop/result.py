"""What reading a file gives back: sessions, problems with their place, and what was skipped."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from desktop.advice.model import Session

Format = Literal["liftrun-csv", "strong", "hevy", "gpx", "fit"]
# progress(done, total) is called while reading, at least every PROGRESS_INTERVAL_S of
# work; returning False cancels. `done` and `total` are bytes of the file for every format.
Progress = Callable[[int, int], bool]
# The longest a reader works without calling `progress` (so Cancel is answered this soon).
PROGRESS_INTERVAL_S: Final = 0.1
# A file this large is unusual for one person's training: the preview says so.
LARGE_FILE_BYTES: Final = 20 * 1024 * 1024
LARGE_FILE_SESSIONS: Final = 20_000

FORMAT_NAMES: dict[str, str] = {
    "liftrun-csv": "Liftrun CSV export",
    "strong": "Strong export",
    "hevy": "Hevy export",
    "gpx": "GPX track",
    "fit": "FIT activity",
}


class UnreadableFileError(ValueError):
    """A file Liftrun cannot recognise or read at all; the message is one sentence."""


class ReadCancelledError(Exception):
    """The person cancelled reading through the progress callback; nothing was read."""


class CancelToken:
    """A Cancel request one thread makes and a reading thread answers; thread-safe."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the reader to stop at its next progress check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once `cancel()` was called."""
        return self._event.is_set()


@dataclass(frozen=True)
class Problem:
    """Something in the file that could not become a session, and where it is."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Skip:
    """Rows or activities left out on purpose, grouped by what they were and why."""

    what: str
    why: str
    count: int


@dataclass(frozen=True)
class ImportResult:
    """Everything read from one file, before anything is written."""

    format: Format
    sessions: tuple[Session, ...]
    problems: tuple[Problem, ...] = ()
    skips: tuple[Skip, ...] = ()
    size_bytes: int = 0  # the file's size, for the preview's "unusually large" note

    @property
    def is_large(self) -> bool:
        """True for a file far larger than one person's training usually fills."""
        return self.size_bytes >= LARGE_FILE_BYTES or len(self.sessions) >= LARGE_FILE_SESSIONS

    @property
    def skipped(self) -> int:
        """How many rows or activities were left out on purpose."""
        return sum(skip.count for skip in self.skips)

    @property
    def format_name(self) -> str:
        """The format in words, e.g. "Strong export"."""
        return FORMAT_NAMES[self.format]


class Collector:
    """Gathers sessions, problems and skips while a reader walks a file."""

    def __init__(self, progress: Progress | None = None, size_bytes: int = 0) -> None:
        self.sessions: list[Session] = []
        self.problems: list[Problem] = []
        self._skips: Counter[tuple[str, str]] = Counter()
        self._progress = progress
        self.size_bytes = size_bytes
        self._last_report = time.monotonic()

    def problem(self, where: str, message: str) -> None:
        """Note a problem at a place in the file."""
        self.problems.append(Problem(where, message))

    def skip(self, what: str, why: str, count: int = 1) -> None:
        """Count something left out on purpose."""
        self._skips[(what, why)] += count

    def report(self, done: int, total: int) -> None:
        """Tell the progress callback; raise ReadCancelledError when it asks to stop."""
        self._last_report = time.monotonic()
        if self._progress is not None and self._progress(done, total) is False:
            raise ReadCancelledError("Reading the file was cancelled.")

    def report_due(self) -> bool:
        """True when PROGRESS_INTERVAL_S has passed since the last report (cheap to ask for
        every row or point)."""
        return time.monotonic() - self._last_report >= PROGRESS_INTERVAL_S

    def report_if_due(self, done: int, total: int) -> None:
        """`report` when it is due (see `report_due`)."""
        if self.report_due():
            self.report(done, total)

    def result(self, file_format: Format) -> ImportResult:
        """The finished result, sessions in time order."""
        skips = tuple(Skip(what, why, count) for (what, why), count in self._skips.items())
        if self._progress is not None and self.size_bytes:
            self.report(self.size_bytes, self.size_bytes)  # sorting a huge file takes a while
        sessions = tuple(sorted(self.sessions, key=lambda s: (s.start, s.kind.value)))
        return ImportResult(
            file_format, sessions, tuple(self.problems), skips, size_bytes=self.size_bytes
        )
