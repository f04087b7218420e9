"""The one path every edit takes: write through the planner, report, stack, refresh.

In the spirit of Anki's `CollectionOp`: the window builds a command (desktop.ui.commands)
and hands it to `EditRunner.run`. The runner does the change once, shows a store or input
error once (through the window's `report`), pushes the command on its QUndoStack and
emits `changed` with what the change touched, for the window to refresh. Undo and redo
go through `step`: a write that fails (the file became read-only) puts the stack's index
back where the file really is, so the stack never claims a state the file does not hold.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from desktop.planner import Planner
    from desktop.ui.commands import EditCommand

log = logging.getLogger(__name__)
T = TypeVar("T")


@functools.cache
def handled_errors() -> tuple[type[Exception], ...]:
    """Errors a person can act on: the store's and the engine's input errors.

    A function so that importing the window's shell loads neither peewee nor the engine.
    """
    from desktop.advice import InvalidInputError
    from desktop.planner import StoreError

    return (StoreError, InvalidInputError)


class EditRunner(QObject):
    """Runs commands and reads for the window; owns the undo stack of one database."""

    changed = Signal(object)
    """A `Touched`: emitted after every change, undo and redo that reached the file."""
    stack_changed = Signal()
    """The stack's index, clean state or undo text changed (Undo and Redo follow it).

    Relayed by the runner, the stack's parent: while the runner is destroyed the stack's
    own signals reach nobody, so no listener sees a stack that is being deleted.
    """

    def __init__(
        self,
        planner: Planner,
        report: Callable[[Exception], None],
        stack: QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        self._report = report
        self._stack = stack if stack is not None else QUndoStack(self)
        self._index = self._stack.index()
        self._halted = False
        self._failure: tuple[EditCommand, Exception, bool] | None = None
        self._stack.indexChanged.connect(self._on_index_changed)
        for signal in (
            self._stack.indexChanged,
            self._stack.cleanChanged,
            self._stack.undoTextChanged,
        ):
            signal.connect(self._relay_stack_changed)

    @property
    def stack(self) -> QUndoStack:
        """The undo stack (for Edit > Undo/Redo and View > History)."""
        return self._stack

    @property
    def planner(self) -> Planner:
        """The planner commands write through."""
        return self._planner

    def set_planner(self, planner: Planner) -> None:
        """Another database: its edits start a fresh stack."""
        self._planner = planner
        self.clear()

    def clear(self) -> None:
        """Forget every undo step (Open database, Restore)."""
        self._stack.clear()
        self._index = self._stack.index()

    def run(self, command: EditCommand) -> bool:
        """Do the change, stack it and announce it; on an error report it once, stack nothing."""
        command.bind(self._planner, self)
        try:
            command.run_first()
        except handled_errors() as exc:
            self._report(exc)
            return False
        self._stack.push(command)  # its redo() only records: the change is already written
        self._index = self._stack.index()
        self.changed.emit(command.touched(undone=False))
        return True

    def attempt(self, read: Callable[[], T]) -> T | None:
        """Call `read` (a query or a step outside the stack); report an error, return None."""
        try:
            return read()
        except handled_errors() as exc:
            self._report(exc)
            return None

    def step(self, command: EditCommand, write: Callable[[], None], *, undone: bool) -> None:
        """One undo or redo inside QUndoStack; a failure stops the rest of its walk."""
        if self._halted:
            command.skip_next_step()  # not written: moving the index back skips it too
            return
        try:
            write()
        except Exception as exc:
            self._halted = True
            self._failure = (command, exc, undone)
            command.skip_next_step()
            return
        self.changed.emit(command.touched(undone=undone))

    def _relay_stack_changed(self, *_args: object) -> None:
        self.stack_changed.emit()

    def _on_index_changed(self, index: int) -> None:
        failure, self._failure = self._failure, None
        if failure is None:
            self._index = index
            return
        command, exc, undone = failure
        position = next(i for i in range(self._stack.count()) if self._stack.command(i) is command)
        # Back to the state the file holds: the failed step and those after it did nothing.
        self._stack.setIndex(position + 1 if undone else position)
        self._halted = False
        self._index = self._stack.index()
        what = "Undo" if undone else "Redo"
        log.warning("%s of %r failed: %s", what, command.text(), exc)
        if not isinstance(exc, handled_errors()):
            raise exc
        self._report(exc)
