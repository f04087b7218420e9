"""Undoable edits: each user change is one command the EditRunner runs and stacks.

A command does its change once through the planner (`apply`), then undo and redo write
back exactly what was there (`revert` / `reapply`). `SessionsCommand` is the one command
for any change to sessions: save, delete, duplicate, cut, paste, paste week, and later
move, plan a week and import are each one instance of it, so each is one undo step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from desktop.advice import DayLog, Profile, Session
    from desktop.planner import Planner, SessionChange

# Water clicks on the same day closer together than this are one undo step.
WATER_BURST_SECONDS = 10.0
_WATER_MERGE_ID = 1


def session_label(verb: str, session: Session, day: date | None = None) -> str:
    """An undo text naming the change: "Delete run on Tue 10 Nov"."""
    kind = "run" if session.kind.value == "run" else "deadlift"
    return f"{verb} {kind} on {day or session.day:%a %d %b}"


class StepRunner(Protocol):
    """What a command needs from its runner: run one undo or redo write, guarded."""

    def step(self, command: EditCommand, write: Callable[[], None], *, undone: bool) -> None:
        """Run `write`; on a store error keep the stack as the file is and report once."""


@dataclass(frozen=True)
class Touched:
    """What a command changed, so the window refreshes just that and shows the result."""

    days: frozenset[date] = frozenset()
    go_to: date | None = None
    select: int | None = None
    profile: bool = False
    sessions: tuple[int, ...] = field(default=())
    log_day: date | None = None
    shown: bool = True  # False: nothing the window shows changed (a week template)


class EditCommand(QUndoCommand):
    """Base of every undoable edit; subclasses write through the planner only.

    `apply` runs the change the first time; `revert` and `reapply` undo and redo it.
    Any of them may raise a store error: the runner reports it and keeps the stack as
    the file is (see EditRunner). `touched()` tells what the last step changed.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._planner: Planner | None = None
        self._pushed = False
        self._skip_next = False
        self._runner: StepRunner | None = None

    def bind(self, planner: Planner, runner: StepRunner) -> None:
        """Attach the planner to write through and the runner that reports failures."""
        self._planner = planner
        self._runner = runner

    @property
    def planner(self) -> Planner:
        """The planner this command writes through (set by the runner before it runs)."""
        assert self._planner is not None, "run the command through EditRunner.run"
        return self._planner

    def run_first(self) -> None:
        """Do the change for the first time (the runner calls this before stacking)."""
        self.apply()

    def skip_next_step(self) -> None:
        """The next undo or redo does nothing: the file already is in that state."""
        self._skip_next = True

    def redo(self) -> None:
        """Qt's redo: the first push only records; later redos write again."""
        if not self._pushed:  # QUndoStack.push calls redo(); run_first() already wrote
            self._pushed = True
            return
        self._step(self.reapply, undone=False)

    def undo(self) -> None:
        """Qt's undo: write back what was there before."""
        self._step(self.revert, undone=True)

    def _step(self, write: Callable[[], None], *, undone: bool) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        if self._runner is None:
            write()
            return
        self._runner.step(self, write, undone=undone)

    # -- for subclasses -----------------------------------------------------------

    def apply(self) -> None:
        """Make the change the first time."""
        raise NotImplementedError

    def revert(self) -> None:
        """Undo: put back exactly what was there."""
        raise NotImplementedError

    def reapply(self) -> None:
        """Redo: write the change again, exactly as it was first stored."""
        raise NotImplementedError

    def touched(self, *, undone: bool) -> Touched:
        """What the last step changed; `undone` is True after an undo."""
        raise NotImplementedError


class SessionsCommand(EditCommand):
    """Any change to sessions as one undo step: remove ids, add new ones, overwrite some."""

    def __init__(
        self,
        text: str,
        *,
        remove: Iterable[int] = (),
        add: Iterable[Session] = (),
        put: Iterable[Session] = (),
        go_to: date | None = None,
    ) -> None:
        super().__init__(text)
        self._remove = tuple(remove)
        self._add = tuple(add)
        self._put = tuple(put)
        self._go_to = go_to
        self._change: SessionChange | None = None

    @property
    def change(self) -> SessionChange:
        """The applied change: sessions exactly as they were and as they are."""
        assert self._change is not None, "the command has not run yet"
        return self._change

    def apply(self) -> None:
        """Write the change and keep what the store made of it."""
        self._change = self.planner.change_sessions(
            remove=self._remove, add=self._add, put=self._put
        )

    def revert(self) -> None:
        """Put back what was there."""
        self.planner.apply_session_change(self.change.inverted())

    def reapply(self) -> None:
        """Write the stored result again, same ids and stamps."""
        self.planner.apply_session_change(self.change)

    def touched(self, *, undone: bool) -> Touched:
        """The days involved; the window goes to the first session now standing."""
        change = self.change.inverted() if undone else self.change
        standing = [s for s in change.after if s.id is not None]
        if standing:
            first = min(standing, key=lambda s: s.start)
            go_to = first.day if self._go_to is None or undone else self._go_to
            return Touched(
                days=change.days(),
                go_to=go_to,
                select=first.id if first.day == go_to else None,
                sessions=tuple(s.id for s in standing if s.id is not None),
            )
        back_to = min(change.days()) if undone and change.days() else self._go_to
        return Touched(days=change.days(), go_to=back_to)


class DayLogCommand(EditCommand):
    """A change to one day's log (water, BCAAs, note): undo writes the old log back."""

    def __init__(self, text: str, wanted: DayLog | None, day: date) -> None:
        super().__init__(text)
        self._wanted = wanted
        self._day = day
        self._before: DayLog | None = None
        self._after: DayLog | None = None

    @property
    def day(self) -> date:
        """The day whose log this changes."""
        return self._day

    def apply(self) -> None:
        """Save the wanted log, remembering the stored one."""
        self._before = self.planner.day_log(self.day)
        self._write_first()
        # `_after` is read at the first undo: the file holds exactly it then, and reading
        # it now would load the store a second time for every water click.

    def _write_first(self) -> None:
        assert self._wanted is not None
        self.planner.save_day_log(self._wanted)

    def revert(self) -> None:
        """Write the earlier log back."""
        assert self._before is not None
        if self._after is None:
            self._after = self.planner.day_log(self.day)
        self.planner.save_day_log(self._before)

    def reapply(self) -> None:
        """Write the log as it was after the change."""
        assert self._after is not None
        self.planner.save_day_log(self._after)

    def touched(self, *, undone: bool) -> Touched:
        """Only this day's log."""
        return Touched(log_day=self.day)


class WaterCommand(DayLogCommand):
    """Water added with a quick button; a burst of clicks on one day is one undo step."""

    def __init__(
        self,
        describe: Callable[[float], str],
        day: date,
        oz: float,
        *,
        at: float | None = None,
    ) -> None:
        super().__init__(describe(oz), None, day)
        self._describe = describe
        self._oz = oz
        self._at = time.monotonic() if at is None else at

    def _write_first(self) -> None:
        self.planner.add_water(self.day, self._oz)

    def id(self) -> int:
        """Water commands may merge with each other."""
        return _WATER_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Take in the next click on the same day within the burst time."""
        if (
            not isinstance(other, WaterCommand)
            or other.day != self.day
            or other._at - self._at > WATER_BURST_SECONDS
        ):
            return False
        self._after = other._after
        self._oz += other._oz
        self._at = other._at
        self.setText(self._describe(self._oz))
        return True


class ProfileCommand(EditCommand):
    """Settings > Profile changed: undo brings the earlier limits and units back."""

    def __init__(self, text: str, before: Profile, after: Profile) -> None:
        super().__init__(text)
        self._before = before
        self._after = after

    def apply(self) -> None:
        """Save the new profile."""
        self.planner.save_profile(self._after)

    def revert(self) -> None:
        """Save the earlier profile again."""
        self.planner.save_profile(self._before)

    def reapply(self) -> None:
        """Save the new profile again."""
        self.planner.save_profile(self._after)

    def touched(self, *, undone: bool) -> Touched:
        """Everything shown depends on the profile."""
        return Touched(profile=True)


class TemplateCommand(EditCommand):
    """A week template saved or deleted: undo gives back the template as it was (or none)."""

    def __init__(self, text: str, name: str, sessions: Sequence[Session] | None) -> None:
        super().__init__(text)
        self._name = name
        self._after = None if sessions is None else tuple(sessions)
        self._before: tuple[Session, ...] | None = None

    def apply(self) -> None:
        """Keep the template's earlier sessions, then save the new ones (or delete it)."""
        before = self.planner.template_sessions(self._name)
        self._before = None if before is None else tuple(before)
        self.planner.keep_template(self._name, self._after)

    def revert(self) -> None:
        """The template as it was before: its old sessions, or no template at all."""
        self.planner.keep_template(self._name, self._before)

    def reapply(self) -> None:
        """Save or delete it again."""
        self.planner.keep_template(self._name, self._after)

    def touched(self, *, undone: bool) -> Touched:
        """Templates are not on the calendar: nothing shown changes."""
        return Touched(shown=False)
