"""File > Import, File > Export and files dropped on the window.

Export asks the planner for the sessions (with their advice for a calendar) and has
desktop.interop write the file, into a folder the person chose before or their Documents
folder; a calendar carries the computer's time zone, a CSV the region's separator.

Import is two steps. First the file is read and checked off the GUI thread
(`ImportReader`), with a cancellable progress dialog that shows once reading takes longer
than half a second; File > Import is disabled meanwhile and dropped files wait their turn.
Then, with the progress dialog gone, either the one sentence saying why nothing can be read
or the preview; only **Import** writes, on the GUI thread, as ONE SessionsCommand through
the edit runner, so one Edit > Undo takes the whole import back. Cancel, or any error,
writes nothing. `import_done(added)` follows every file. The window builds this controller
on first use and calls `stop_reading()` before it closes its database.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

from desktop.interop import (
    ImportResult,
    asks_weight_unit,
    calendar_id,
    describe,
    export_csv,
    export_ics,
    plan_import,
)
from desktop.ui.commands import SessionsCommand
from desktop.ui.edit_runner import EditRunner, handled_errors
from desktop.ui.edits_controller import EditsController
from desktop.ui.import_reader import ImportReader
from desktop.ui.prompts import Prompts
from desktop.ui.reading_progress import ReadingProgress
from desktop.ui.system_locale import locale_csv_separator, system_zone
from desktop.user_folders import default_save_folder, suggested_save_path

log = logging.getLogger(__name__)

IMPORT_FILTER = (
    "Workouts and activities (*.csv *.gpx *.fit);;"
    "CSV exports (*.csv);;GPX tracks (*.gpx);;FIT activities (*.fit);;All files (*)"
)
ICS_FILTER = "iCalendar files (*.ics);;All files (*)"
CSV_FILTER = "CSV files (*.csv);;All files (*)"
FOLDER_KEY = "transfer/folder"
UNREADABLE_TITLE = "Cannot import this file"
WRITE_ERROR_TITLE = "Cannot export"
NOTHING_ADDED = "nothing was added"
MESSAGE_MS = 8000
STOP_WAIT_MS = 2000
"""How long a closing window waits for a cancelled read to stop (it stops within 0.1 s)."""

# Readers whose thread outlived STOP_WAIT_MS: kept so their QThread is not destroyed running.
_STILL_RUNNING: list[ImportReader] = []


def _asks_weight_unit(path: Path) -> bool:
    """`asks_weight_unit`, which reads 4 KB on the GUI thread; a file it cannot make out is
    left to the reader, which says why in one sentence."""
    try:
        return asks_weight_unit(path)
    except Exception:  # never a traceback here: the worker reports the file
        log.exception("Looking at the start of %s failed", path)
        return False


def _count(number: int) -> str:
    return f"{number} session" if number == 1 else f"{number} sessions"


class TransferController(QObject):
    """Imports files as one undo step each and exports sessions to a calendar or CSV."""

    import_done = Signal(int)
    """A file's import has ended: the number of sessions added (0 when none were)."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        settings: QSettings,
        status_bar: QStatusBar,
        parent: QObject | None = None,
        *,
        import_action: QAction | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._settings = settings
        self._status_bar = status_bar
        self._import_action = import_action
        self._reader: ImportReader | None = None
        self._progress: ReadingProgress | None = None
        self._queue: deque[Path] = deque()
        self._updating = False
        self._ended: Callable[[], None] | None = None

    def _say(self, text: str) -> None:
        self._status_bar.showMessage(text, MESSAGE_MS)

    # -- export ------------------------------------------------------------------------

    def on_export_ics(self) -> None:
        """File > Export > Calendar: the sessions of a range, with their advice, as events."""
        planner = self._runner.planner
        span = self._runner.attempt(planner.session_span)
        today = date.today()
        last = max(span[1], today) if span else today
        chosen = self._prompts.ask_export_range(today, last)
        if chosen is None:
            return
        path = self._prompts.choose_save_file(
            "Export to a calendar", self._suggested("liftrun.ics"), ICS_FILTER
        )
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".ics")
        batch = self._runner.attempt(lambda: planner.export_batch(*chosen))
        if batch is None:
            return
        calendar = self._calendar_id()
        profile = self._runner.attempt(planner.profile)
        if profile is None:
            return
        zone = system_zone()  # Qt names the zone on every OS (Windows has no /etc/localtime)
        self._write_export(
            path,
            lambda: export_ics(
                batch.sessions,
                path,
                profile=profile,
                advice=batch.advice,
                calendar=calendar,
                zone=zone,
            ),
        )

    def on_export_csv(self) -> None:
        """File > Export > CSV: every session with every field, separated as the person
        chose (the region's separator offered first)."""
        delimiter = self._prompts.ask_csv_separator(locale_csv_separator())
        if delimiter is None:
            return
        path = self._prompts.choose_save_file(
            "Export to CSV", self._suggested("liftrun-sessions.csv"), CSV_FILTER
        )
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".csv")
        sessions = self._runner.attempt(self._runner.planner.all_sessions)
        if sessions is None:
            return
        self._write_export(path, lambda: export_csv(sessions, path, delimiter=delimiter))

    def _write_export(self, path: Path, write: Callable[[], int]) -> None:
        try:
            count = write()
        except OSError as error:
            log.warning("Export to %s failed: %s", path, error)
            reason = error.strerror or str(error)
            self._prompts.show_error(
                WRITE_ERROR_TITLE, f"Liftrun could not write {path.name} ({reason})."
            )
            return
        self._remember_folder(path)
        self._say(f"Exported {_count(count)} to {path.name}.")

    def _calendar_id(self) -> str:
        """The database's id for stable event UIDs; "" when it cannot be stored (read-only)."""
        try:
            return calendar_id(self._runner.planner.store)
        except handled_errors() as error:  # the export still works; UIDs lose the suffix
            log.warning("No calendar id for the export: %s", error)
            return ""

    # -- import ------------------------------------------------------------------------

    def on_import(self) -> None:
        """File > Import: choose a file, read and check it, preview, then add it all."""
        if self.reading:
            return
        path = self._prompts.choose_open_file(
            "Import sessions from a file", self._transfer_folder(), IMPORT_FILTER
        )
        if path is not None:
            self.import_file(path)

    @property
    def reading(self) -> bool:
        """True while a file is being read (File > Import is disabled meanwhile)."""
        return self._reader is not None

    def import_files(self, paths: Sequence[Path]) -> None:
        """Import each file in turn (each its own preview and undo step); files dropped
        while one is read wait their turn. `import_done` follows each file."""
        self._queue.extend(paths)
        if not self.reading:
            self._start_next()

    def import_file(self, path: Path) -> None:
        """Read `path` off the GUI thread, check and preview it; on Import add it as one
        undo step. `import_done(added)` is emitted when it has ended, however it ended."""
        self.import_files([path])

    def stop_reading(self, timeout_ms: int = STOP_WAIT_MS) -> None:
        """Cancel a running read and wait for its thread (the window is closing); queued
        files are dropped. Nothing is written."""
        self._queue.clear()
        reader = self._reader
        if reader is None:
            return
        self._forget_reader(reader)
        self._close_progress()
        reader.cancel()
        if reader.wait(timeout_ms):
            reader.deleteLater()
        else:
            log.warning("Reading %s did not stop within %d ms", reader.path, timeout_ms)
            reader.setParent(None)
            _STILL_RUNNING.append(reader)  # a QThread must outlive its run
        self._set_import_enabled(True)

    def _start_next(self) -> None:
        while self._queue and not self.reading:
            path = self._queue.popleft()
            if not self._start_reading(path):
                self.import_done.emit(0)

    def _start_reading(self, path: Path) -> bool:
        """Settle the form, ask what the file cannot say, then start the reader; False
        when nothing was started (a question was cancelled)."""
        if not self._edits.settle_form():
            return False
        self._remember_folder(path)
        profile = self._runner.attempt(self._runner.planner.profile)
        if profile is None:
            return False
        weight_unit: str | None = profile.weight_unit.value
        if _asks_weight_unit(path):
            weight_unit = self._prompts.ask_weight_unit(path.name, profile.weight_unit.value)
            if weight_unit is None:
                return False
        reader = ImportReader(
            path,
            weight_unit=weight_unit,
            distance_unit=profile.distance_unit.value,
            zone=system_zone(),
            parent=self,
        )
        progress = self._prompts.reading_progress(f"Reading {path.name}…")
        progress.dialog.canceled.connect(reader.cancel)
        if progress.cancelled:
            reader.cancel()
        reader.progress.connect(self._on_read_progress)
        reader.finished.connect(self._on_read_finished)
        reader.failed.connect(self._on_read_failed)
        reader.cancelled.connect(self._on_read_cancelled)
        self._reader = reader
        self._progress = progress
        self._set_import_enabled(False)
        reader.start()
        return True

    # The progress dialog is modal, so its setValue() processes events: the end of the
    # read can arrive inside it. Its handling then waits until setValue() has returned.

    def _on_read_progress(self, percent: int) -> None:
        progress = self._progress
        if progress is None:
            return
        nested, self._updating = self._updating, True
        try:
            # Also when nested in another update: a Cancel pressed there must not be lost.
            if not progress(percent, 100) and self._reader is not None:
                self._reader.cancel()
        finally:
            self._updating = nested
        if nested:
            return
        ended, self._ended = self._ended, None
        if ended is not None:
            ended()

    def _on_read_finished(self, result: object) -> None:
        reader = self._reader
        if reader is not None and isinstance(result, ImportResult):
            self._after_progress(lambda: self._preview_and_add(reader, result))

    def _on_read_failed(self, message: str) -> None:
        reader = self._reader
        if reader is not None:
            self._after_progress(lambda: self._report_failure(reader, message))

    def _on_read_cancelled(self) -> None:
        reader = self._reader
        if reader is not None:
            self._after_progress(lambda: self._report_cancel(reader))

    def _after_progress(self, handle: Callable[[], None]) -> None:
        if self._updating:
            self._ended = handle
        else:
            handle()

    def _end_read(self, reader: ImportReader) -> bool:
        """Close the progress dialog and forget `reader`; False when it was stopped
        already (the window closed)."""
        if reader is not self._reader:
            return False
        self._forget_reader(reader)
        reader.deleteLater()
        self._close_progress()  # before any error or preview: it must never hide them
        self._set_import_enabled(True)
        return True

    def _report_failure(self, reader: ImportReader, message: str) -> None:
        if not self._end_read(reader):
            return
        self._prompts.show_error(UNREADABLE_TITLE, message)
        self._done(0)

    def _report_cancel(self, reader: ImportReader) -> None:
        if not self._end_read(reader):
            return
        self._say(f"Reading {reader.path.name} cancelled: {NOTHING_ADDED}.")
        self._done(0)

    def _preview_and_add(self, reader: ImportReader, result: ImportResult) -> None:
        if not self._end_read(reader):
            return
        self._done(self._add_after_preview(reader.path, result))

    def _add_after_preview(self, path: Path, result: ImportResult) -> int:
        """Step two: preview what was read; on Import add it as one undo step."""
        planner = self._runner.planner
        existing = self._runner.attempt(lambda: planner.stored_near(result.sessions))
        profile = self._runner.attempt(planner.profile)
        if existing is None or profile is None:
            return 0
        plan = plan_import(result, existing)
        preview = describe(result, plan, profile, path.name)
        if not self._prompts.confirm_import(preview) or not plan.to_add:
            self._say(f"Import of {path.name} cancelled: {NOTHING_ADDED}.")
            return 0
        if not self._edits.settle_form():  # typed into while the file was read
            self._say(f"Import of {path.name} cancelled: {NOTHING_ADDED}.")
            return 0
        added = len(plan.to_add)
        command = SessionsCommand(f"Import {_count(added)} from {path.name}", add=plan.to_add)
        if not self._runner.run(command):
            return 0
        self._say(f"Imported {_count(added)} from {path.name}.")
        return added

    def _done(self, added: int) -> None:
        self.import_done.emit(added)
        if self._queue:
            # The next file after this one's dialogs have unwound, from the event loop.
            QTimer.singleShot(0, self._start_next)

    def _forget_reader(self, reader: ImportReader) -> None:
        for signal, slot in (
            (reader.progress, self._on_read_progress),
            (reader.finished, self._on_read_finished),
            (reader.failed, self._on_read_failed),
            (reader.cancelled, self._on_read_cancelled),
        ):
            signal.disconnect(slot)
        self._reader = None
        self._ended = None

    def _close_progress(self) -> None:
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.close()

    def _set_import_enabled(self, enabled: bool) -> None:
        if self._import_action is not None:
            self._import_action.setEnabled(enabled)

    # -- remembered folder -------------------------------------------------------------

    def _remembered(self) -> str:
        return str(self._settings.value(FOLDER_KEY, "", str) or "")

    def _transfer_folder(self) -> Path:
        """Where File > Import starts: the folder used last, else Documents, else home."""
        return default_save_folder("documents", self._remembered())

    def _suggested(self, file_name: str) -> Path:
        """An absolute path for a save dialog (a bare name would start in "/" from Finder)."""
        return suggested_save_path(file_name, "documents", self._remembered())

    def _remember_folder(self, path: Path) -> None:
        self._settings.setValue(FOLDER_KEY, str(path.parent))
