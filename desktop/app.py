"""Composition root: parse the command line, open the store, build and run the window.

`main()` shows the window's shell first and completes it once it has painted (see
`desktop.startup`); `create_main_window` does everything at once, without showing it.
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

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from desktop.startup import (
    build_parser,
    ensure_application,
    start_appearance,
    start_main_window,
)

if TYPE_CHECKING:
    from desktop.ui.appearance import AppearanceController
    from desktop.ui.main_window import MainWindow
    from desktop.ui.prompts import Prompts
    from desktop.ui.single_instance import InstanceListener

# ensure_application and start_main_window are re-exported for tools and benchmarks.
__all__ = [
    "create_main_window",
    "ensure_application",
    "main",
    "make_excepthook",
    "start_main_window",
]

log = logging.getLogger(__name__)

FRIENDLY_CRASH_TEXT = (
    "Something unexpected went wrong. Your saved plan is safe in the database.\n\n"
    "If it happens again, please send the log file from Help > Open log folder.\n\n"
    "What happened: {what}"
)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def create_main_window(
    db_path: Path | str,
    *,
    demo: bool = False,
    settings: QSettings | None = None,
    prompts: Prompts | None = None,
    appearance: AppearanceController | None = None,
) -> MainWindow:
    """Open the store at db_path and build the main window without showing it.

    `prompts` asks the person every question (Qt dialogs over the window by default);
    `appearance` applies Settings > Appearance (made on first use when not given).
    Store errors (StoreError subclasses) propagate to the caller. Closing the
    window closes the store and releases its lock.
    """
    ensure_application()
    from desktop.planner import Planner
    from desktop.store import Store
    from desktop.ui.app_settings import app_settings
    from desktop.ui.main_window import MainWindow

    store = Store.open(Path(db_path))
    try:
        window = MainWindow(
            settings=settings if settings is not None else app_settings(),
            demo=demo,
            prompts=prompts,
            appearance=appearance,
        )
        window.attach(Planner(store), open_store=Store.open)
    except BaseException:
        store.close()
        raise
    return window


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


def main(argv: list[str] | None = None) -> int:
    """Run Liftrun; returns the process exit code."""
    from desktop.logs import setup_logging

    # First: a windowed build has no stdout/stderr until logging gives it somewhere to write,
    # and argparse prints --version and usage errors there.
    setup_logging()
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        from desktop import smoke

        return smoke.run()

    app = ensure_application()
    sys.excepthook = make_excepthook(_show_dialog)
    failure: list[int] = []

    def fail(code: int) -> None:
        failure.append(code)
        app.quit()

    # One Liftrun per database: a second start hands over to the first and quits quietly.
    # A demo is a fresh database every time, so it always gets a window of its own.
    from desktop.ui import single_instance

    instance_path = _instance_path(args)
    address = None if instance_path is None else single_instance.server_address(instance_path)
    if address is not None and single_instance.ask_running_instance(address):
        log.info("%s is open in a running Liftrun; brought its window forward", instance_path)
        return 0

    opened: list[Path] = []

    def locate() -> Path:
        opened.append(_database_path(args))
        return opened[-1]

    from desktop.ui.app_settings import app_settings

    settings = app_settings()
    # Before the window shows: the saved Light, Dark or System, so it never flashes light.
    appearance = start_appearance(app, settings)
    window = start_main_window(
        locate, demo=args.demo, settings=settings, appearance=appearance, on_failure=fail
    )
    listen_once_complete(window, address)
    window.show()
    code = app.exec()
    if args.demo and opened:
        _remove_demo(opened[-1])
    return failure[0] if failure else code


def listen_once_complete(window: MainWindow, address: str | None) -> InstanceListener:
    """Answer later starts once the window is complete and painted, for the database it has
    open: `address` at first (None for a demo), then whichever File > Open database opens.

    Loading QtNetwork takes 15-25 ms, so it waits until the person sees the whole window;
    a start in that first moment meets the database lock's message instead.
    """
    from desktop.startup import after_next_paint
    from desktop.ui.single_instance import InstanceListener

    listener = InstanceListener(window, address)  # ends with the window

    def on_switched() -> None:
        listener.follow(window.planner.db_path)

    started: list[bool] = []

    def on_ready() -> None:
        if not started:  # `ready` is the window's once; stay safe if it came again
            started.append(True)
            window.files.planner_opened.connect(on_switched)
            after_next_paint(window, listener.listen)

    if window.is_attached:
        on_ready()
    else:
        window.ready.connect(on_ready)
    return listener


def _remove_demo(db_path: Path) -> None:
    """Delete a demo database's temporary folder once its window (and store) has closed."""
    import shutil

    from desktop.sample import DEMO_FOLDER_PREFIX

    if db_path.parent.name.startswith(DEMO_FOLDER_PREFIX):
        shutil.rmtree(db_path.parent, ignore_errors=True)


def _instance_path(args: argparse.Namespace) -> Path | None:
    """The database this start will open, without loading the store; None for --demo.

    The rule of `desktop.store.resolve_db_path` (--db, then LIFTRUN_DB, then the per-user
    default), which a test holds it to; it creates nothing.
    """
    if args.demo:
        return None
    for value in (args.db, os.environ.get("LIFTRUN_DB")):
        if value is not None and value.strip():
            return Path(value.strip()).expanduser().absolute()
    from platformdirs import user_data_dir

    from desktop import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "liftrun.db"


def _database_path(args: argparse.Namespace) -> Path:
    """The database to open: a fresh demo, --db, LIFTRUN_DB or the per-user default."""
    if args.demo:
        from desktop.sample import create_demo_database, demo_database_path

        return create_demo_database(demo_database_path())
    from desktop.store import resolve_db_path

    return resolve_db_path(args.db, os.environ)
