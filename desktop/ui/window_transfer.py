"""The main window's File > Import and File > Export, and files dropped on the window.

A mixin of MainWindow (desktop.ui.main_window). Export asks the planner for the sessions
(with their advice for a calendar) and has desktop.interop write the file. Import is two
steps: read and check everything first (a cancellable progress dialog for slow files),
then a preview; only **Import** writes, as ONE SessionsCommand through the edit runner,
so one Edit > Undo takes the whole import back. Cancel, or any error, writes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSettings, QTimer
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    from desktop.interop import ImportPreview, ImportResult
    from desktop.planner import Planner
    from desktop.store import Store
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.reading_progress import ReadingProgress

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object

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


def local_files(mime: QMimeData) -> list[Path]:
    """The dropped files when every URL is a local file; otherwise none."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def _count(number: int) -> str:
    return f"{number} session" if number == 1 else f"{number} sessions"


class TransferMixin(_Base):
    """File > Import, File > Export > Calendar and CSV, and file drops, for MainWindow."""

    _planner: Planner
    _edits: EditRunner
    _settings: QSettings
    _attached: bool

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def _settle_form(self) -> bool: ...

        def _choose_file(self, title: str, directory: Path, name_filter: str) -> Path | None: ...

        def _show_error(self, title: str, text: str) -> None: ...

    def _connect_transfer(self) -> None:
        """Accept dropped files once the window has a database to import into."""
        self.setAcceptDrops(True)

    # -- replaceable modal dialogs (tests swap these) ------------------------------

    def _ask_export_range(self, first: date, last: date) -> tuple[date, date] | None:
        """First and last day to export, or None on Cancel."""
        from desktop.ui.export_range_dialog import ExportRangeDialog

        dialog = ExportRangeDialog(first, last, self)
        if dialog.exec() != ExportRangeDialog.DialogCode.Accepted:
            return None
        return dialog.chosen_range()

    def _choose_save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        """Where to write an export, or None on Cancel."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), name_filter)
        return Path(name) if name else None

    def _ask_weight_unit(self, file_name: str, default: str) -> str | None:
        """ "kg" or "lb" for a file whose weights carry no unit, or None on Cancel."""
        from PySide6.QtWidgets import QInputDialog

        choices = ["kilograms (kg)", "pounds (lb)"]
        units = ["kg", "lb"]
        chosen, ok = QInputDialog.getItem(
            self,
            "Weight unit",
            f"{file_name} does not say whether its weights are in kilograms or pounds.\n"
            "Which unit did you log them in?",
            choices,
            units.index(default) if default in units else 0,
            False,
        )
        return units[choices.index(chosen)] if ok and chosen in choices else None

    def _reading_progress(self, label: str) -> ReadingProgress:
        """The cancellable progress dialog reading reports to (shown after half a second)."""
        from desktop.ui.reading_progress import ReadingProgress

        return ReadingProgress(label, self)

    def _confirm_import(self, preview: ImportPreview) -> bool:
        """Show the preview; True when the person presses Import."""
        from desktop.ui.import_preview_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, self)
        return dialog.exec() == ImportPreviewDialog.DialogCode.Accepted

    # -- export ------------------------------------------------------------------------

    def on_export_ics(self) -> None:
        """File > Export > Calendar: the sessions of a range, with their advice, as events."""
        from desktop.interop import calendar_id, export_ics

        span = self._edits.attempt(self._planner.session_span)
        today = date.today()
        last = max(span[1], today) if span else today
        chosen = self._ask_export_range(today, last)
        if chosen is None:
            return
        path = self._choose_save_file(
            "Export to a calendar", self._transfer_folder() / "liftrun.ics", ICS_FILTER
        )
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".ics")
        batch = self._edits.attempt(lambda: self._planner.export_batch(*chosen))
        if batch is None:
            return
        calendar = self._calendar_id(calendar_id)
        profile = self._planner.profile()
        self._write_export(
            path,
            lambda: export_ics(
                batch.sessions, path, profile=profile, advice=batch.advice, calendar=calendar
            ),
        )

    def on_export_csv(self) -> None:
        """File > Export > CSV: every session with every field."""
        from desktop.interop import export_csv

        path = self._choose_save_file(
            "Export to CSV", self._transfer_folder() / "liftrun-sessions.csv", CSV_FILTER
        )
        if path is None:
            return
        path = path if path.suffix else path.with_suffix(".csv")
        sessions = self._edits.attempt(self._planner.all_sessions)
        if sessions is None:
            return
        self._write_export(path, lambda: export_csv(sessions, path))

    def _write_export(self, path: Path, write: Callable[[], int]) -> None:
        try:
            count = write()
        except OSError as error:
            log.warning("Export to %s failed: %s", path, error)
            reason = error.strerror or str(error)
            self._show_error(WRITE_ERROR_TITLE, f"Liftrun could not write {path.name} ({reason}).")
            return
        self._remember_folder(path)
        self.statusBar().showMessage(f"Exported {_count(count)} to {path.name}.", 8000)

    def _calendar_id(self, make: Callable[[Store], str]) -> str:
        """The database's id for stable event UIDs; "" when it cannot be stored (read-only)."""
        from desktop.ui.edit_runner import handled_errors

        try:
            return make(self._planner.store)
        except handled_errors() as error:  # the export still works; UIDs lose the suffix
            log.warning("No calendar id for the export: %s", error)
            return ""

    # -- import ------------------------------------------------------------------------

    def on_import(self) -> None:
        """File > Import: choose a file, read and check it, preview, then add it all."""
        path = self._choose_file(
            "Import sessions from a file", self._transfer_folder(), IMPORT_FILTER
        )
        if path is not None:
            self.import_file(path)

    def import_files(self, paths: Sequence[Path]) -> int:
        """Import each file in turn (each its own preview and undo step); sessions added."""
        return sum(self.import_file(path) for path in paths)

    def import_file(self, path: Path) -> int:
        """Read, check and preview `path`; on Import add it as one undo step. Sessions added."""
        from desktop.interop import describe, plan_import
        from desktop.ui.commands import SessionsCommand

        if not self._settle_form():
            return 0
        self._remember_folder(path)
        result = self._read_for_import(path)
        if result is None:
            return 0
        existing = self._edits.attempt(lambda: self._planner.stored_near(result.sessions))
        if existing is None:
            return 0
        plan = plan_import(result, existing)
        preview = describe(result, plan, self._planner.profile(), path.name)
        if not self._confirm_import(preview) or not plan.to_add:
            self.statusBar().showMessage(f"Import of {path.name} cancelled: {NOTHING_ADDED}.", 8000)
            return 0
        added = len(plan.to_add)
        command = SessionsCommand(f"Import {_count(added)} from {path.name}", add=plan.to_add)
        if not self._edits.run(command):
            return 0
        self.statusBar().showMessage(f"Imported {_count(added)} from {path.name}.", 8000)
        return added

    def _read_for_import(self, path: Path) -> ImportResult | None:
        """Step one: read and check the file; None (after saying why) when there is nothing."""
        from desktop.interop import (
            ReadCancelledError,
            UnreadableFileError,
            asks_weight_unit,
            read_file,
        )

        profile = self._planner.profile()
        weight_unit: str | None = profile.weight_unit.value
        if asks_weight_unit(path):
            weight_unit = self._ask_weight_unit(path.name, profile.weight_unit.value)
            if weight_unit is None:
                return None
        progress = self._reading_progress(f"Reading {path.name}…")
        try:
            return read_file(
                path,
                weight_unit=weight_unit,
                distance_unit=profile.distance_unit.value,
                progress=progress,
            )
        except ReadCancelledError:
            self.statusBar().showMessage(f"Reading {path.name} cancelled: {NOTHING_ADDED}.", 8000)
        except UnreadableFileError as error:
            self._show_error(UNREADABLE_TITLE, str(error))
        except Exception:  # a damaged file must never show a traceback
            log.exception("Reading %s failed", path)
            self._show_error(
                UNREADABLE_TITLE, f"{path.name} is damaged, so Liftrun cannot import it."
            )
        finally:
            progress.close()
        return None

    # -- dropped files -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        """Accept local files dragged over the window (session drags are the calendar's)."""
        if self._attached and local_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        """Keep accepting the files while they move over the window."""
        if self._attached and local_files(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Import dropped files, once the drag itself has finished."""
        paths = local_files(event.mimeData()) if self._attached else []
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # Modal dialogs inside a drop handler would hold the other app's drag open.
        QTimer.singleShot(0, lambda: self.import_files(paths))

    # -- remembered folder -------------------------------------------------------------

    def _transfer_folder(self) -> Path:
        saved = self._settings.value(FOLDER_KEY, "", str)
        folder = Path(str(saved)) if saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def _remember_folder(self, path: Path) -> None:
        self._settings.setValue(FOLDER_KEY, str(path.parent))
