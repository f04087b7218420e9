"""Reading an import file in a worker thread, so the window never freezes on a large file.

`ImportReader` lives in the GUI thread. `start()` moves a `_ReadWorker` (its own objects:
the path, the units, a `CancelToken`; never the store or the planner) to a `QThread` that
calls `desktop.interop.read_file`. The worker's signals reach the reader through queued
connections, so every slot connected to the reader runs in the GUI thread:

- `progress(int)`: percent of the file read, 0-100, emitted when it changes;
- `finished(object)`: the `ImportResult`, ready for `plan_import` and the preview;
- `failed(str)`: one plain sentence for the person (never a traceback or parser text);
- `cancelled()`: reading stopped after `cancel()`; nothing was read.

Exactly one of the last three is emitted, once. `read_file` reports progress at least every
0.1 s and checks the token each time, so `cancel()` is answered well within half a second.
"""

from __future__ import annotations

import logging
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.advice.model import InvalidInputError
from desktop.interop.reader import read_file
from desktop.interop.result import CancelToken, ReadCancelledError, UnreadableFileError

log = logging.getLogger(__name__)


class _ReadWorker(QObject):
    """Reads one file in the thread it was moved to; reports only through its signals."""

    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        path: Path,
        token: CancelToken,
        weight_unit: str | None,
        distance_unit: str | None,
        zone: tzinfo | None,
    ) -> None:
        super().__init__()
        self._path = path
        self._token = token
        self._weight_unit = weight_unit
        self._distance_unit = distance_unit
        self._zone = zone
        self._percent = -1

    def _report(self, done: int, total: int) -> bool:
        percent = min(100, max(0, done * 100 // max(total, 1)))
        if percent != self._percent:
            self._percent = percent
            self.progress.emit(percent)
        return not self._token.cancelled

    @Slot()
    def run(self) -> None:
        """Read the file and emit exactly one of finished, failed or cancelled."""
        name = self._path.name
        try:
            result = read_file(
                self._path,
                weight_unit=self._weight_unit,
                distance_unit=self._distance_unit,
                progress=self._report,
                zone=self._zone,
            )
        except ReadCancelledError:
            self.cancelled.emit()
        except (UnreadableFileError, InvalidInputError) as error:
            self.failed.emit(str(error))
        except Exception:  # a damaged file must never show a traceback
            log.exception("Reading %s failed", self._path)
            self.failed.emit(f"{name} is damaged, so Liftrun cannot import it.")
        else:
            if self._token.cancelled:
                self.cancelled.emit()
            else:
                self.finished.emit(result)


class ImportReader(QObject):
    """Reads one file off the GUI thread with progress and Cancel; see the module docstring."""

    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        path: str | Path,
        *,
        weight_unit: str | None = None,
        distance_unit: str | None = None,
        zone: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReader")
        self.path = Path(path)
        self._token = CancelToken()
        self._thread: QThread | None = None
        self._worker = _ReadWorker(self.path, self._token, weight_unit, distance_unit, zone)

    def start(self) -> None:
        """Start reading in a new thread; call once."""
        if self._thread is not None:
            raise RuntimeError("An ImportReader reads its file once; make a new one.")
        thread = QThread(self)  # keep this reader until an end signal, or cancel() and wait()
        thread.setObjectName(f"liftrun-read-{self.path.name}")
        worker = self._worker
        worker.moveToThread(thread)
        worker.progress.connect(self.progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        thread.started.connect(worker.run)
        # Direct: the thread's loop ends as soon as the worker does, even while the GUI
        # thread is blocked in wait() (a window closing), which a queued quit would not reach.
        for ended in (worker.finished, worker.failed, worker.cancelled):
            ended.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(worker.deleteLater)
        self._thread = thread
        thread.start()

    def cancel(self) -> None:
        """Ask the reading to stop; `cancelled` follows (unless it had already ended). Safe
        to call at any time, from any thread."""
        self._token.cancel()

    @property
    def running(self) -> bool:
        """True from `start()` until the thread has ended."""
        return self._thread is not None and self._thread.isRunning()

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until the thread has ended (e.g. after `cancel()` when the window closes);
        True when it did within `timeout_ms`."""
        if self._thread is None:
            return True
        return bool(self._thread.wait(timeout_ms))

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
