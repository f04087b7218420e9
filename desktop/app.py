"""Composition root: parse the command line, open the store, build and run the window.

Start-up is staged so the user sees the window early: `main()` shows the window's shell
(menus and the real calendar) first, and only once it has painted opens the store and
builds the rest (`start_main_window`). `create_main_window` does everything at once.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FRIENDLY_CRASH_TEXT = (
    "Something unexpected went wrong. Your saved plan is safe in the database.\n\n"
    "If it happens again, please send the log file from Help > Open log folder.\n\n"
    "What happened: {what}"
)

# A shell that never paints (started minimised, say) is completed after this anyway.
FIRST_PAINT_TIMEOUT_MS = 500

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created (named, styled, with its icon) if there is none."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "liftrun", *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    _apply_looks(app)
    return app


def _apply_looks(app: QApplication) -> None:
    """Window icon and the optional style sheet; a missing file is logged, never fatal."""
    from desktop import resources

    try:
        app.setWindowIcon(QIcon(str(resources.icon_path(256))))
    except (OSError, ValueError) as exc:
        log.warning("No window icon: %s", exc)
    try:
        app.setStyleSheet(resources.read_stylesheet())
    except (OSError, ValueError) as exc:
        log.warning("No style sheet: %s", exc)


def create_main_window(
    db_path: Path | str,
    *,
    demo: bool = False,
    settings: QSettings | None = None,
) -> MainWindow:
    """Open the store at db_path and build the main window without showing it.

    Store errors (StoreError subclasses) propagate to the caller. Closing the
    window closes the store and releases its lock.
    """
    ensure_application()
    from desktop.planner import Planner
    from desktop.store import Store
    from desktop.ui.main_window import MainWindow

    store = Store.open(Path(db_path))
    try:
        window = MainWindow(settings=settings, demo=demo)
        window.attach(Planner(store), open_store=Store.open)
    except BaseException:
        store.close()
        raise
    return window


def start_main_window(
    locate_db: Callable[[], Path],
    *,
    demo: bool = False,
    settings: QSettings | None = None,
    on_failure: Callable[[int], None],
) -> MainWindow:
    """The window's shell, for the caller to show; it completes itself after its first paint.

    Once the shell (menus, the calendar) has painted, on the next turn of the event loop:
    `locate_db()` gives the database file, the store is opened, the window is attached to it
    (it emits `ready`) and the first-run profile dialog follows if there is no profile yet.
    If the store cannot be opened the error is shown, the window closes and
    `on_failure(2)` is called; an unexpected error closes it, calls `on_failure(1)` and
    propagates to the excepthook.
    """
    ensure_application()
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings=settings, demo=demo)

    def complete() -> None:
        from desktop.advice import InvalidInputError
        from desktop.planner import Planner
        from desktop.store import Store, StoreError

        store = None
        try:
            db_path = locate_db()
            store = Store.open(db_path)
            window.attach(Planner(store), open_store=Store.open)
        except (StoreError, InvalidInputError, OSError) as exc:
            from desktop.ui import dialogs

            if store is not None:
                store.close()
            log.error("Could not open the database: %s", exc)
            dialogs.show_error(window, dialogs.error_title(exc), str(exc))
            _discard(window)
            on_failure(2)
            return
        except BaseException:
            if store is not None:
                store.close()
            _discard(window)
            on_failure(1)
            raise
        log.info("Opened %s", db_path)
        QTimer.singleShot(0, window.ensure_profile)

    _AfterFirstPaint(window, complete)
    return window


def _discard(window: QWidget) -> None:
    """Hide and delete a window that failed to start; on_failure decides about quitting.

    Not close(): closing the last window also posts a quit of its own, which would linger
    in the queue after the caller's quit (and end a later event loop early).
    """
    window.hide()
    window.deleteLater()


class _AfterFirstPaint(QObject):
    """Calls back once, right after the window's first frame (or after a timeout).

    Qt paints the whole widget tree in one synchronous flush, so a zero-delay timer queued
    from the first Paint event of the window or any of its widgets runs once that first
    frame is complete.
    """

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        self._queued = False
        self._done = False
        self._watched = [window, *window.findChildren(QWidget)]
        for widget in self._watched:
            widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Queue the callback on the first paint; never consume the event."""
        if not self._queued and event.type() == QEvent.Type.Paint:
            self._queued = True
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        for widget in self._watched:
            widget.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def make_excepthook(show: Callable[[str, str], None]) -> ExceptHook:
    """An excepthook that logs the error with its traceback and shows a friendly dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        from desktop.logs import log_exception

        log_exception(exc_type, exc, tb)
        try:
            show(
                "Liftrun hit a problem",
                FRIENDLY_CRASH_TEXT.format(what=str(exc) or exc_type.__name__),
            )
        except Exception:  # the dialog must never raise inside the hook
            log.exception("Could not show the error dialog")

    return hook


def _show_dialog(title: str, text: str, parent: QWidget | None = None) -> None:
    from desktop.ui import dialogs

    dialogs.show_error(parent, title, text)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="liftrun",
        description="Plan deadlifts and runs on one calendar, with advice for every run.",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="the database file to use (default: LIFTRUN_DB or per-user)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh demo database in a temporary folder"
    )
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run Liftrun; returns the process exit code."""
    from desktop.logs import setup_logging

    # First: a windowed build has no stdout/stderr until logging gives it somewhere to write,
    # and argparse prints --version and usage errors there.
    setup_logging()
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        from desktop import smoke

        return smoke.run()

    app = ensure_application()
    sys.excepthook = make_excepthook(_show_dialog)
    failure: list[int] = []

    def fail(code: int) -> None:
        failure.append(code)
        app.quit()

    opened: list[Path] = []

    def locate() -> Path:
        opened.append(_database_path(args))
        return opened[-1]

    window = start_main_window(locate, demo=args.demo, on_failure=fail)
    window.show()
    code = app.exec()
    if args.demo and opened:
        _remove_demo(opened[-1])
    return failure[0] if failure else code


def _remove_demo(db_path: Path) -> None:
    """Delete a demo database's temporary folder once its window (and store) has closed."""
    import shutil

    from desktop.sample import DEMO_FOLDER_PREFIX

    if db_path.parent.name.startswith(DEMO_FOLDER_PREFIX):
        shutil.rmtree(db_path.parent, ignore_errors=True)


def _database_path(args: argparse.Namespace) -> Path:
    """The database to open: a fresh demo, --db, LIFTRUN_DB or the per-user default."""
    if args.demo:
        from desktop.sample import create_demo_database, demo_database_path

        return create_demo_database(demo_database_path())
    from desktop.store import resolve_db_path

    return resolve_db_path(args.db, os.environ)
