"""The main window's File and Help menus: open, about, health, logs.

A mixin of MainWindow (desktop.ui.main_window). Opening another database or restoring a
backup asks about unsaved form changes first and starts a fresh undo stack. Back up now
and Restore a backup are in desktop.ui.window_health.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from desktop.planner import Planner
    from desktop.ui.edit_runner import EditRunner

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object


class FilesMixin(_Base):
    """File > Open database and the Help menu for MainWindow."""

    _planner: Planner
    _edits: EditRunner
    _open_planner: Callable[[Path], Planner] | None
    _demo: bool

    if TYPE_CHECKING:  # provided by the other parts of MainWindow

        def _settle_form(self) -> bool: ...

        def _choose_file(self, title: str, directory: Path, name_filter: str) -> Path | None: ...

        def _confirm(self, question: str) -> bool: ...

        def _show_info(self, title: str, text: str) -> None: ...

        def _reload_all(self) -> None: ...

        def ensure_profile(self) -> None: ...

        def _queue_store_notices(self) -> None: ...

    def on_open_database(self) -> None:
        """File > Open database: switch to another Liftrun file."""
        if self._open_planner is None or not self._settle_form():
            return
        path = self._choose_file(
            "Open a Liftrun database",
            self._planner.db_path.parent,
            "Liftrun databases (*.sqlite *.sqlite3 *.db);;All files (*)",
        )
        if path is None or path.resolve() == self._planner.db_path.resolve():
            return
        opener = self._open_planner
        planner = self._edits.attempt(lambda: opener(path))
        if planner is None:
            return
        self._planner.close()
        self._planner = planner
        self._edits.set_planner(planner)
        self._demo = False
        self._reload_all()
        self.ensure_profile()
        self._queue_store_notices()  # the new file's failed backup, adjusted profile, …

    def on_about(self) -> None:
        """Help > About."""
        from desktop.ui import dialogs

        dialogs.show_about(self)

    def on_health_notice(self) -> None:
        """Help > Health notice."""
        from desktop.ui import dialogs

        dialogs.show_health_notice(self)

    def on_open_log_folder(self) -> None:
        """Help > Open log folder in the file manager."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from desktop.logs import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._show_info("Log folder", f"Liftrun's log files are in:\n{folder}")
