"""File > Open database and the Help menu: About, Health notice, Open log folder.

Opening another database asks about unsaved form changes first, closes the open one and
starts a fresh undo stack; `planner_opened` tells the window to show the new file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from desktop.logs import log_dir
from desktop.planner import Planner
from desktop.ui.edit_runner import EditRunner
from desktop.ui.edits_controller import EditsController
from desktop.ui.prompts import Prompts

DATABASE_FILTER = "Liftrun databases (*.sqlite *.sqlite3 *.db);;All files (*)"


class FilesController(QObject):
    """Switches the window to another database file; shows the Help menu's boxes."""

    planner_opened = Signal()
    """Another database is open: the runner writes through its planner, on a fresh stack."""

    def __init__(
        self,
        runner: EditRunner,
        prompts: Prompts,
        edits: EditsController,
        open_planner: Callable[[Path], Planner] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._prompts = prompts
        self._edits = edits
        self._open_planner = open_planner

    def on_open_database(self) -> None:
        """File > Open database: switch to another Liftrun file."""
        opener = self._open_planner
        if opener is None or not self._edits.settle_form():
            return
        current = self._runner.planner
        path = self._prompts.choose_open_file(
            "Open a Liftrun database", current.db_path.parent, DATABASE_FILTER
        )
        if path is None or path.resolve() == current.db_path.resolve():
            return
        planner = self._runner.attempt(lambda: opener(path))
        if planner is None:
            return
        current.close()
        self._runner.set_planner(planner)
        self.planner_opened.emit()

    def on_about(self) -> None:
        """Help > About."""
        self._prompts.show_about()

    def on_health_notice(self) -> None:
        """Help > Health notice."""
        self._prompts.show_health_notice()

    def on_open_log_folder(self) -> None:
        """Help > Open log folder in the file manager."""
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._prompts.show_info("Log folder", f"Liftrun's log files are in:\n{folder}")
