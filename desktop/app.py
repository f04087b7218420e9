"""Composition root: parse the command line, open the store, build and run the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
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
        planner = Planner(store)
        return MainWindow(
            planner, settings=settings, open_store=lambda path: Store.open(path), demo=demo
        )
    except BaseException:
        store.close()
        raise


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
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    from desktop.logs import setup_logging

    setup_logging()
    if args.smoke_test:
        from desktop import smoke

        return smoke.run()

    app = ensure_application()
    sys.excepthook = make_excepthook(_show_dialog)
    from desktop.advice import InvalidInputError
    from desktop.store import StoreError, resolve_db_path

    try:
        if args.demo:
            from desktop.sample import create_demo_database, demo_database_path

            db_path = create_demo_database(demo_database_path())
        else:
            db_path = resolve_db_path(args.db, os.environ)
        window = create_main_window(db_path, demo=args.demo)
    except (StoreError, InvalidInputError, OSError) as exc:
        from desktop.ui import dialogs

        log.error("Could not open the database: %s", exc)
        dialogs.show_error(None, dialogs.error_title(exc), str(exc))
        return 2
    log.info("Opened %s", db_path)
    window.show()
    QTimer.singleShot(0, window.ensure_profile)
    return app.exec()
