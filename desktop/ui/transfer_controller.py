"""File > Import, File > Export and files dropped on the window.

Export asks the planner for the sessions (with their advice for a calendar) and has
desktop.interop write the file. Import is two steps: read and check everything first (a
cancellable progress dialog for slow files), then a preview; only **Import** writes, as ONE
SessionsCommand through the edit runner, so one Edit > Undo takes the whole import back.
Cancel, or any error, writes nothing. The window builds this controller on first use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QStatusBar

from desktop.interop import (
    ImportResult,
    ReadCancelledError,
    UnreadableFileError,
    asks_weight_unit,
    calendar_id,
    describe,
    export_csv,
    export_ics,
    plan_import,
    read_file,
)
from desktop.ui.commands import SessionsCommand
from desktop.ui.edit_runner import EditRunner, handled_errors
from desktop.ui.edits_controller import EditsController
from desktop.ui.prompts import Prompts

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


def _count(number: int) -> str:
    return f"{number} session" if number == 1 else f"{number} sessions"


class TransferController(QObject):
    """Imports files as one undo step each and exports sessions to a calendar or CSV."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        settings: QSettings,
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._settings = settings
        self._status_bar = status_bar

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
            "Export to a calendar", self._transfer_folder() / "liftrun.ics", ICS_FILTER
        )
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".ics")
        batch = self._runner.attempt(lambda: planner.export_batch(*chosen))
        if batch is None:
            return
        calendar = self._calendar_id()
        profile = planner.profile()
        self._write_export(
            path,
            lambda: export_ics(
                batch.sessions, path, profile=profile, advice=batch.advice, calendar=calendar
            ),
        )

    def on_export_csv(self) -> None:
        """File > Export > CSV: every session with every field."""
        path = self._prompts.choose_save_file(
            "Export to CSV", self._transfer_folder() / "liftrun-sessions.csv", CSV_FILTER
        )
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".csv")
        sessions = self._runner.attempt(self._runner.planner.all_sessions)
        if sessions is None:
            return
        self._write_export(path, lambda: export_csv(sessions, path))

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
        path = self._prompts.choose_open_file(
            "Import sessions from a file", self._transfer_folder(), IMPORT_FILTER
        )
        if path is not None:
            self.import_file(path)

    def import_files(self, paths: Sequence[Path]) -> int:
        """Import each file in turn (each its own preview and undo step); sessions added."""
        return sum(self.import_file(path) for path in paths)

    def import_file(self, path: Path) -> int:
        """Read, check and preview `path`; on Import add it as one undo step. Sessions added."""
        if not self._edits.settle_form():
            return 0
        self._remember_folder(path)
        result = self._read_for_import(path)
        if result is None:
            return 0
        planner = self._runner.planner
        existing = self._runner.attempt(lambda: planner.stored_near(result.sessions))
        if existing is None:
            return 0
        plan = plan_import(result, existing)
        preview = describe(result, plan, planner.profile(), path.name)
        if not self._prompts.confirm_import(preview) or not plan.to_add:
            self._say(f"Import of {path.name} cancelled: {NOTHING_ADDED}.")
            return 0
        added = len(plan.to_add)
        command = SessionsCommand(f"Import {_count(added)} from {path.name}", add=plan.to_add)
        if not self._runner.run(command):
            return 0
        self._say(f"Imported {_count(added)} from {path.name}.")
        return added

    def _read_for_import(self, path: Path) -> ImportResult | None:
        """Step one: read and check the file; None (after saying why) when there is nothing."""
        profile = self._runner.planner.profile()
        weight_unit: str | None = profile.weight_unit.value
        if asks_weight_unit(path):
            weight_unit = self._prompts.ask_weight_unit(path.name, profile.weight_unit.value)
            if weight_unit is None:
                return None
        progress = self._prompts.reading_progress(f"Reading {path.name}…")
        try:
            return read_file(
                path,
                weight_unit=weight_unit,
                distance_unit=profile.distance_unit.value,
                progress=progress,
            )
        except ReadCancelledError:
            self._say(f"Reading {path.name} cancelled: {NOTHING_ADDED}.")
        except UnreadableFileError as error:
            self._prompts.show_error(UNREADABLE_TITLE, str(error))
        except Exception:  # a damaged file must never show a traceback
            log.exception("Reading %s failed", path)
            self._prompts.show_error(
                UNREADABLE_TITLE, f"{path.name} is damaged, so Liftrun cannot import it."
            )
        finally:
            progress.close()
        return None

    # -- remembered folder -------------------------------------------------------------

    def _transfer_folder(self) -> Path:
        saved = self._settings.value(FOLDER_KEY, "", str)
        folder = Path(str(saved)) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def _remember_folder(self, path: Path) -> None:
        self._settings.setValue(FOLDER_KEY, str(path.parent))
