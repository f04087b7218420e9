"""Start-up shared by `liftrun` and `liftrun --smoke-test`: the command line, the styled
QApplication and the staged main window.

Start-up is staged so the user sees the window early: `start_main_window` gives the
window's shell (menus and the real calendar) for the caller to show, and only once it has
painted opens the store and builds the rest.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from types import ModuleType

    from desktop.store import BackupError, BackupInfo, Store
    from desktop.ui.appearance import AppearanceController, SchemeHints
    from desktop.ui.main_window import MainWindow
    from desktop.ui.prompts import Prompts

log = logging.getLogger(__name__)


def _quicker_pyside_import_check() -> None:
    """Make PySide6's per-import source check cheaper; the answer stays the same.

    Once PySide6 is imported, it asks of every module imported after it whether its source
    mentions "PySide6" (for its optional `__feature__` switches), through
    `inspect.getsource`: about 0.15 ms a module, some 20 ms for the 140-odd modules Liftrun
    imports before its window is complete. Reading the module's .py file as bytes answers
    the same question in a fraction of that; anything else (no file, compiled only, a PySide6
    without this hook) keeps PySide6's own check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "liftrun_quick", False):
        return

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.liftrun_quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


_quicker_pyside_import_check()

# A shell that never paints (started minimised, say) is completed after this anyway.
FIRST_PAINT_TIMEOUT_MS = 500
# The day's backup starts this long after the complete window's first frame, so its thread
# competes neither with that frame nor with the first events after it.
BACKUP_AFTER_FRAME_MS = 200


def version_text() -> str:
    """What `liftrun --version` prints, e.g. "Liftrun 0.1.0"."""
    return f"{APP_NAME} {__version__}"


def build_parser() -> argparse.ArgumentParser:
    """The command line of `liftrun`; --smoke-test is hidden from --help."""
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
    parser.add_argument("--version", action="version", version=version_text())
    return parser


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
    """The window icon; a missing file is logged, never fatal.

    The style sheet (resources/style.qss) is the advice panel's own, not the application's:
    an application-wide sheet sends every widget through Qt's style-sheet style, which made
    building and painting the whole window markedly slower.
    """
    from desktop import resources

    try:
        app.setWindowIcon(QIcon(str(resources.icon_path(256))))
    except (OSError, ValueError) as exc:
        log.warning("No window icon: %s", exc)


def open_error_title(exc: BaseException) -> str:
    """The dialog title for an error met while opening the database.

    A StoreError names its own (`title`); an input error gets the window's wording.
    """
    title = getattr(exc, "title", None)
    if isinstance(title, str) and title:
        return title
    from desktop.ui import dialogs

    return dialogs.error_title(exc)


def start_appearance(
    app: QApplication, settings: QSettings, hints: SchemeHints | None = None
) -> AppearanceController:
    """Apply the saved Settings > Appearance choice to `app` (call before a window shows).

    `hints` stands for the operating system's light/dark scheme (the application's
    QStyleHints unless given); with System the palette follows its changes while running.
    """
    from desktop.ui.appearance import AppearanceController, load_appearance

    controller = AppearanceController(app, hints)
    controller.set_appearance(load_appearance(settings))
    return controller


def start_main_window(
    locate_db: Callable[[], Path],
    *,
    demo: bool = False,
    settings: QSettings | None = None,
    prompts: Prompts | None = None,
    appearance: AppearanceController | None = None,
    on_failure: Callable[[int], None],
) -> MainWindow:
    """The window's shell, for the caller to show; it completes itself after its first paint.

    Without `settings` the window keeps its layout in `app_settings()`.

    Once the shell (menus, the calendar) has painted, on the next turn of the event loop:
    `locate_db()` gives the database file, the store is opened, the window is attached to it
    (it emits `ready`) and the first-run profile dialog follows if there is no profile yet.
    The day's backup runs in a background thread a moment after the complete window has
    painted; a failure is shown by `report_backup_failure`.
    If the store cannot be opened the error is shown (with "Restore a backup..." when the
    file is damaged and a backup exists), the window closes and `on_failure(2)` is called;
    an unexpected error closes it, calls `on_failure(1)` and propagates to the excepthook.
    `prompts` asks the window's questions (by default Qt dialogs over the window);
    `appearance` is Settings > Appearance's controller (see `start_appearance`).
    """
    ensure_application()
    from desktop.ui.app_settings import app_settings
    from desktop.ui.main_window import MainWindow

    window = MainWindow(
        settings=settings if settings is not None else app_settings(),
        demo=demo,
        prompts=prompts,
        appearance=appearance,
    )

    def complete() -> None:
        from desktop.advice import InvalidInputError
        from desktop.planner import Planner
        from desktop.store import Store, StoreError

        store = None
        try:
            db_path = locate_db()
            store = open_or_restore(window, db_path)
            if store is None:
                _discard(window)
                on_failure(2)
                return
            window.attach(Planner(store), open_store=Store.open)
        except (StoreError, InvalidInputError, OSError) as exc:
            from desktop.ui import dialogs

            if store is not None:
                store.close()
            log.error("Could not open the database: %s", exc)
            dialogs.show_error(window, open_error_title(exc), str(exc))
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
        # The complete window repaints whole, the main window first: watching it alone
        # spares an event filter on each of its few hundred widgets.
        _AfterFirstPaint(
            window,
            lambda: QTimer.singleShot(
                BACKUP_AFTER_FRAME_MS, window, lambda: start_daily_backup(window, store)
            ),
            children=False,
        )
        QTimer.singleShot(0, window.ensure_profile)

    _AfterFirstPaint(window, complete)
    return window


# --- opening, or restoring a backup in place of a damaged file ------------------------------


def _restorable(exc: BaseException, db_path: Path) -> bool:
    """A damaged or unrecognisable file (not a folder, device or a newer Liftrun's file)."""
    from desktop.store import CorruptDatabaseError, NotADatabaseError

    return isinstance(exc, CorruptDatabaseError | NotADatabaseError) and db_path.is_file()


def open_or_restore(parent: QWidget, db_path: Path) -> Store | None:
    """Open the store; if the file is damaged and has backups, offer to restore one.

    The daily backup is left to `start_daily_backup`. Returns None when the user closed the
    offer (it was the error message); other StoreErrors propagate for the caller to show.
    The damaged file is never opened for writing: `restore_backup` keeps it aside.
    """
    from desktop.store import Store, StoreError

    while True:
        try:
            return Store.open(db_path, daily_backup=False)
        except StoreError as exc:
            from desktop.store import list_backups, restore_backup

            backups = list_backups(db_path) if _restorable(exc, db_path) else []
            if not any(info.ok for info in backups):
                raise
            log.error("Could not open the database: %s", exc)
            if not ask_restore(parent, open_error_title(exc), str(exc)):
                return None
            chosen = choose_backup(parent, db_path, backups)
            if chosen is None:
                continue  # back to the offer, with the file as it was
            try:
                kept = restore_backup(db_path, chosen)
            except StoreError as error:
                log.error("Restoring %s failed: %s", chosen, error)
                show_message(parent, open_error_title(error), str(error), error=True)
                continue
            log.info("Restored %s from %s; the previous file is %s", db_path, chosen, kept)
            show_message(parent, "Backup restored", restored_text(db_path, chosen, kept))


def restored_text(db_path: Path, backup: Path, kept: Path | None) -> str:
    """What the user is told after a restore at start-up: what replaced what, where it went."""
    text = f"{db_path.name} now holds the backup {backup.name}."
    if kept is not None:
        text += (
            f" The damaged file was kept, unchanged, as {kept}. Delete it yourself once "
            "you are sure you no longer need it."
        )
    return text


# Modal dialogs, replaceable in tests.


def ask_restore(parent: QWidget, title: str, text: str) -> bool:
    """The open-failure message offering "Restore a backup..."; True when chosen."""
    from desktop.ui.restore_backup_dialog import ask_restore_after_failure

    return ask_restore_after_failure(parent, title, text)


def choose_backup(parent: QWidget, db_path: Path, backups: list[BackupInfo]) -> Path | None:
    """The list of backups to restore from; the chosen file or None."""
    from desktop.ui.restore_backup_dialog import choose_backup as choose

    return choose(parent, db_path, backups)


def show_message(parent: QWidget, title: str, text: str, *, error: bool = False) -> None:
    """A modal message: an error, or information."""
    from desktop.ui import dialogs

    (dialogs.show_error if error else dialogs.show_info)(parent, title, text)


# --- the daily backup, after the window is complete ------------------------------------------

BACKUP_FAILED_TITLE = "Today's backup failed"


class BackupNotice(QObject):
    """Carries a background backup's failure to the window's thread (queued signal)."""

    failed = Signal(object)  # the BackupError

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.failed.connect(self._on_failed)

    def _on_failed(self, error: BackupError) -> None:
        report_backup_failure(self._window, error)


_told: set[str] = set()  # kinds of failure already shown in a dialog this run


def report_backup_failure(window: QMainWindow, error: BackupError) -> None:
    """Tell the user: a lasting status-bar message, and a dialog the first time.

    A window with its own `show_backup_failure(error)` (the one File > Back up now uses)
    reports it, so both kinds of failure read alike and its dialog is shown once.
    """
    show = getattr(window, "show_backup_failure", None)
    if callable(show):
        show(error)
        return
    window.statusBar().showMessage(
        f"{BACKUP_FAILED_TITLE}: your data is safe, but it has no new backup. "
        "Try File > Back up now."
    )
    if BACKUP_FAILED_TITLE not in _told:
        _told.add(BACKUP_FAILED_TITLE)
        show_message(window, BACKUP_FAILED_TITLE, str(error), error=True)


def start_daily_backup(window: MainWindow, store: Store) -> None:
    """Run the store's daily backup in a background thread; a failure reaches the window.

    The backup reads through its own SQLite connection, so the user can save meanwhile; the
    store's close waits for it.
    """
    if store.closed:
        return  # the window was closed (or switched files) before its first complete frame
    notice = BackupNotice(window)

    def done(error: BackupError | None) -> None:
        if error is not None:
            notice.failed.emit(error)

    store.start_daily_backup(done)


def _discard(window: QWidget) -> None:
    """Hide and delete a window that failed to start; on_failure decides about quitting.

    Not close(): closing the last window also posts a quit of its own, which would linger
    in the queue after the caller's quit (and end a later event loop early).
    """
    window.hide()
    window.deleteLater()


def after_next_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, right after the window's next frame (or after a timeout)."""
    _AfterFirstPaint(window, callback)


class _AfterFirstPaint(QObject):
    """Calls back once, right after the window's first frame (or after a timeout).

    Qt paints the whole widget tree in one synchronous flush, so a zero-delay timer queued
    from the first Paint event of the window or any of its widgets runs once that first
    frame is complete. With `children=False` only the window itself is watched (enough
    where the frame repaints the whole window).
    """

    def __init__(
        self, window: QWidget, callback: Callable[[], None], *, children: bool = True
    ) -> None:
        super().__init__(window)
        self._callback = callback
        self._queued = False
        self._done = False
        self._watched = [window, *window.findChildren(QWidget)] if children else [window]
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
