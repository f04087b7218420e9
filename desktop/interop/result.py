"""What reading a file gives back: sessions, problems with their place, and what was skipped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from desktop.advice.model import Session

Format = Literal["liftrun-csv", "strong", "hevy", "gpx", "fit"]
# progress(done, total) is called now and then while reading; returning False cancels.
Progress = Callable[[int, int], bool]

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

    def __init__(self, progress: Progress | None = None) -> None:
        self.sessions: list[Session] = []
        self.problems: list[Problem] = []
        self._skips: Counter[tuple[str, str]] = Counter()
        self._progress = progress

    def problem(self, where: str, message: str) -> None:
        """Note a problem at a place in the file."""
        self.problems.append(Problem(where, message))

    def skip(self, what: str, why: str, count: int = 1) -> None:
        """Count something left out on purpose."""
        self._skips[(what, why)] += count

    def report(self, done: int, total: int) -> None:
        """Tell the progress callback; raise ReadCancelledError when it asks to stop."""
        if self._progress is not None and self._progress(done, total) is False:
            raise ReadCancelledError("Reading the file was cancelled.")

    def result(self, file_format: Format) -> ImportResult:
        """The finished result, sessions in time order."""
        skips = tuple(Skip(what, why, count) for (what, why), count in self._skips.items())
        sessions = tuple(sorted(self.sessions, key=lambda s: (s.start, s.kind.value)))
        return ImportResult(file_format, sessions, tuple(self.problems), skips)
