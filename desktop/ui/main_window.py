"""The main window: calendar, day list and day log on the left; session form and advice right.

Built in two phases so the calendar is on screen early: `MainWindow()` is the shell (menus,
the calendar, the panes' frames, the saved layout) and imports neither the store (peewee)
nor the engine; `attach(planner)` builds the day pane, the form and the advice panel and
fills everything in. `desktop.app.create_main_window` does both at once.

The shell also stays clear of PySide6's `Qt` namespace, whose first use builds all of its
enums at once (about 15 ms): it uses Qt's defaults (a horizontal splitter, box layouts) and
only `attach` imports `Qt`, for the vertical splitter between the form and the advice.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.calendar_view import CalendarView

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.advice import DayLog, Profile, Session
    from desktop.planner import Planner
    from desktop.store import Store
    from desktop.ui.advice_panel import AdvicePanel
    from desktop.ui.day_list import DayList
    from desktop.ui.day_log_box import DayLogBox
    from desktop.ui.session_form import SessionForm

log = logging.getLogger(__name__)


@functools.cache
def handled_errors() -> tuple[type[Exception], ...]:
    """Errors the window turns into a dialog: the store's and the engine's input errors.

    A function, not a module constant, so that importing this module (for the shell shown
    at start-up) loads neither peewee nor the engine; an `except handled_errors()` clause
    only calls it when an exception is being matched, by which time both are loaded.
    """
    from desktop.advice import InvalidInputError
    from desktop.store import StoreError

    return (StoreError, InvalidInputError)


LEGEND = (
    "\u25a0 deadlift   \u25cf run   outline = planned, filled = done   "
    "\u26a0 the day's advice has a warning"
)


class MainWindow(QMainWindow):
    """Liftrun's window; it asks the planner and shows answers, holding no rules itself."""

    ready = Signal()
    """Emitted when `attach` has built and filled the whole window."""

    # Set by attach(): the planner and the widgets of the second phase.
    _planner: Planner
    dayTitle: QLabel  # noqa: N815 - named like its objectName
    newRunButton: QPushButton  # noqa: N815
    newLiftButton: QPushButton  # noqa: N815
    right_splitter: QSplitter
    day_list: DayList
    day_log_box: DayLogBox
    session_form: SessionForm
    advice_panel: AdvicePanel

    def __init__(
        self,
        *,
        settings: QSettings | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """The shell: menus (disabled until attached), the calendar and the saved layout."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._settings = settings if settings is not None else QSettings("Liftrun", "Liftrun")
        self._open_store: Callable[[Path], Store] | None = None
        self._demo = demo
        self._attached = False
        self._closed = False
        self._actions: list[QAction] = []
        self._build_shell()
        self._build_menus()
        self.setWindowTitle(APP_NAME)
        self._restore_layout()

    def attach(
        self, planner: Planner, *, open_store: Callable[[Path], Store] | None = None
    ) -> None:
        """Second phase: build the day pane, form and advice, and show the planner's data."""
        if self._attached:
            raise RuntimeError("The window is already attached to a planner.")
        self._planner = planner
        self._open_store = open_store
        self._build_panels()
        self._connect_signals()
        self._attached = True
        for action in self._actions:
            action.setEnabled(True)
        self._reload_all()
        self.ready.emit()

    @property
    def is_attached(self) -> bool:
        """True once `attach` has completed the window."""
        return self._attached

    # -- construction ------------------------------------------------------------

    def _build_shell(self) -> None:
        self.calendar = CalendarView()
        self.calendar.setToolTip(LEGEND)
        self.day_pane = QWidget()  # filled by attach()
        self.day_pane.setObjectName("dayPane")
        left_pane = QWidget()
        left_pane.setObjectName("leftPane")
        left_layout = QVBoxLayout(left_pane)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar, 2)  # the day pane keeps at least its minimum
        left_layout.addWidget(self.day_pane, 1)
        self.right_pane = QWidget()  # attach() puts the form and the advice in it
        self.right_pane.setObjectName("rightPane")
        self._right_layout = QVBoxLayout(self.right_pane)
        self._right_layout.setContentsMargins(0, 0, 0, 0)
        self.main_splitter = QSplitter()  # horizontal, Qt's default
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(left_pane)
        self.main_splitter.addWidget(self.right_pane)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)
        self.statusBar().setObjectName("statusBar")
        legend = QLabel(LEGEND)
        legend.setObjectName("calendarLegend")
        self.statusBar().addPermanentWidget(legend)

    def _build_panels(self) -> None:
        from PySide6.QtCore import Qt  # not at module level: see the module docstring

        from desktop.ui.advice_panel import AdvicePanel
        from desktop.ui.day_list import DayList
        from desktop.ui.day_log_box import DayLogBox
        from desktop.ui.session_form import SessionForm

        self.dayTitle = QLabel()
        self.dayTitle.setObjectName("dayTitle")
        self.newRunButton = QPushButton("New &run")
        self.newRunButton.setObjectName("newRunButton")
        self.newRunButton.setToolTip("Plan a run on the selected day (Ctrl+R)")
        self.newLiftButton = QPushButton("New &deadlift")
        self.newLiftButton.setObjectName("newLiftButton")
        self.newLiftButton.setToolTip("Plan a deadlift on the selected day (Ctrl+L)")
        self.day_list = DayList()
        self.day_log_box = DayLogBox()
        self.session_form = SessionForm()
        self.advice_panel = AdvicePanel()

        day_header = QHBoxLayout()
        day_header.addWidget(self.dayTitle, 1)
        day_header.addWidget(self.newRunButton)
        day_header.addWidget(self.newLiftButton)
        day_layout = QVBoxLayout(self.day_pane)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addLayout(day_header)
        day_body = QHBoxLayout()
        day_body.addWidget(self.day_list, 3)
        day_body.addWidget(self.day_log_box, 2, Qt.AlignmentFlag.AlignTop)
        day_layout.addLayout(day_body, 1)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.setChildrenCollapsible(False)
        self._right_layout.addWidget(self.right_splitter)
        self.right_splitter.addWidget(self.session_form)
        self.right_splitter.addWidget(self.advice_panel)
        self.right_splitter.setStretchFactor(0, 0)
        self.right_splitter.setStretchFactor(1, 1)
        self._restore_right_splitter()

        # Keyboard order: calendar, day actions, the day's rows, its log, the form, advice.
        order = [
            self.calendar,
            self.newRunButton,
            self.newLiftButton,
            self.day_list,
            self.day_log_box,
            self.session_form,
            self.advice_panel,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_action = self._action(
            file_menu, "&Open database…", self.on_open_database, QKeySequence.StandardKey.Open
        )
        self.backup_action = self._action(file_menu, "&Back up now", self.on_back_up, "Ctrl+B")
        self.restore_action = self._action(
            file_menu, "&Restore a backup…", self.on_restore_backup, "Ctrl+Shift+O"
        )
        file_menu.addSeparator()
        self.quit_action = self._action(
            file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu("&Edit")
        self.new_run_action = self._action(edit_menu, "New &run", self.on_new_run, "Ctrl+R")
        self.new_lift_action = self._action(edit_menu, "New &deadlift", self.on_new_lift, "Ctrl+L")
        edit_menu.addSeparator()
        self.duplicate_action = self._action(
            edit_menu, "D&uplicate to next day", self.on_duplicate, "Ctrl+D"
        )
        self.delete_action = self._action(
            edit_menu, "De&lete session", self.on_delete, QKeySequence.StandardKey.Delete
        )
        view_menu = bar.addMenu("&View")
        self.today_action = self._action(view_menu, "&Today", self.on_today, "Ctrl+T")
        settings_menu = bar.addMenu("&Settings")
        self.profile_action = self._action(
            settings_menu, "&Profile…", self.on_edit_profile, "Ctrl+,"
        )
        self.profile_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        help_menu = bar.addMenu("&Help")
        self.about_action = self._action(help_menu, "&About Liftrun", self.on_about, None)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.health_action = self._action(
            help_menu,
            "&Health notice",
            self.on_health_notice,
            QKeySequence.StandardKey.HelpContents,
        )
        self.log_folder_action = self._action(
            help_menu, "Open &log folder", self.on_open_log_folder, None
        )

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            # setShortcuts: setShortcut's overload check would build the `Qt` namespace.
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(self._attached)  # the shell's menus wait for attach()
        self._actions.append(action)
        menu.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.calendar.selectionChanged.connect(self._on_day_selected)
        self.calendar.currentPageChanged.connect(self._on_page_changed)
        self.newRunButton.clicked.connect(self.on_new_run)
        self.newLiftButton.clicked.connect(self.on_new_lift)
        self.day_list.session_selected.connect(self._on_session_selected)
        self.session_form.draft_changed.connect(self._on_draft_changed)
        self.session_form.save_requested.connect(self._on_save_requested)
        self.session_form.delete_requested.connect(self._on_delete_requested)
        self.session_form.duplicate_requested.connect(self._on_duplicate_requested)
        self.advice_panel.suggestion_applied.connect(self._on_suggestion_applied)
        self.day_log_box.water_added.connect(self._on_water_added)
        self.day_log_box.day_log_edited.connect(self._on_day_log_edited)

    # -- replaceable modal dialogs (tests swap these) ------------------------------

    def _ask_profile(self, first_run: bool) -> Profile | None:
        from desktop.ui.profile_dialog import ProfileDialog  # only needed once in a while

        current = self._planner.profile() if self._planner.has_profile() else None
        dialog = ProfileDialog(current, first_run, self)
        if dialog.exec() != ProfileDialog.DialogCode.Accepted:
            return None
        return dialog.profile()

    def _show_error(self, title: str, text: str) -> None:
        from desktop.ui import dialogs

        dialogs.show_error(self, title, text)

    def _show_info(self, title: str, text: str) -> None:
        from desktop.ui import dialogs

        dialogs.show_info(self, title, text)

    def _confirm(self, question: str) -> bool:
        from desktop.ui import dialogs

        return dialogs.confirm(self, APP_NAME, question)

    def _choose_file(self, title: str, directory: Path, name_filter: str) -> Path | None:
        from desktop.ui import dialogs

        return dialogs.choose_open_file(self, title, directory, name_filter)

    def _report(self, exc: Exception) -> None:
        """Tell the user what failed and what to do; the message is already a sentence."""
        from desktop.ui import dialogs

        log.warning("%s: %s", type(exc).__name__, exc)
        self._show_error(dialogs.error_title(exc), str(exc))

    # -- public view state -------------------------------------------------------

    @property
    def planner(self) -> Planner:
        """The planner behind this window."""
        return self._planner

    def selected_day(self) -> date:
        """The day the calendar has selected."""
        return self.calendar.selected_day()

    def refresh_month(self) -> None:
        """Reload the calendar's markers and badges for the visible weeks."""
        first, last = self.calendar.visible_range()
        try:
            marks = self._planner.month_marks(first, last)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.calendar.set_marks(marks)

    def show_day(self, day: date, *, select_session: int | None = None) -> None:
        """Show a day: its rows, its log, and its advice (or the chosen session's)."""
        self.dayTitle.setText(f"<b>{day:%A %d %B %Y}</b>")
        try:
            rows = self._planner.day_rows(day)
            day_log = self._planner.day_log(day)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.day_list.show_rows(rows)
        self.day_log_box.show_day(day_log, self._planner.profile().water_target_oz)
        session = self._planner.get(select_session) if select_session is not None else None
        if session is not None and session.id is not None:
            self.day_list.select_session(session.id)
            self.session_form.edit_session(session)  # its draft_changed shows the advice
        else:
            self.session_form.clear()
            self._show_day_advice(day)

    def ensure_profile(self) -> None:
        """Ask for a profile on first use; until then defaults (km, km/h) are used."""
        if self._planner.has_profile():
            return
        profile = self._ask_profile(True)
        if profile is None:
            self.statusBar().showMessage(
                "No profile yet: advice uses default limits. Set yours in Settings > Profile."
            )
            return
        self._save_profile(profile)

    # -- slots: calendar and day ---------------------------------------------------

    def _on_day_selected(self) -> None:
        self.show_day(self.selected_day())

    def _on_page_changed(self, _year: int, _month: int) -> None:
        self.refresh_month()

    def _on_session_selected(self, session_id: int) -> None:
        session = self._planner.get(session_id)
        if session is None:
            self._show_error("Session not found", "That session is gone; the day was reloaded.")
            self.show_day(self.selected_day())
            return
        self.session_form.edit_session(session)  # its draft_changed shows the advice

    def _on_water_added(self, oz: float) -> None:
        day = self.selected_day()
        try:
            self._planner.add_water(day, oz)
        except handled_errors() as exc:
            self._report(exc)
            return
        self._show_day_log_saved(day)

    def _on_day_log_edited(self, day_log: DayLog) -> None:
        try:
            self._planner.save_day_log(day_log)
        except handled_errors() as exc:
            self._report(exc)
            return
        self._show_day_log_saved(day_log.day)

    def _show_day_log_saved(self, day: date) -> None:
        """After a day-log edit: the month's badges, the stored log, and the day's advice
        (its water line) unless a session is in the form."""
        self.refresh_month()  # first: it reloads the visible weeks, the day's log with them
        try:
            day_log = self._planner.day_log(day)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.day_log_box.show_day(day_log, self._planner.profile().water_target_oz)
        if self.session_form.session_id() is None and self.session_form.draft() is None:
            self._show_day_advice(day)

    # -- slots: sessions -----------------------------------------------------------

    def on_new_run(self) -> None:
        """Open the form on a new run for the selected day."""
        self._start_new(self._planner.default_run(self.selected_day()))

    def on_new_lift(self) -> None:
        """Open the form on a new deadlift for the selected day."""
        self._start_new(self._planner.default_lift(self.selected_day()))

    def _start_new(self, template: Session) -> None:
        self.day_list.clearSelection()
        self.session_form.new_session(template)  # its draft_changed shows the advice
        self.session_form.setFocus()

    def _on_draft_changed(self, draft: object) -> None:
        from desktop.advice import Session

        if isinstance(draft, Session):
            self._show_draft_advice(draft)

    def _on_save_requested(self, session: object) -> None:
        from desktop.advice import Session

        if not isinstance(session, Session):
            return
        try:
            session_id = self._planner.save(session)
        except handled_errors() as exc:
            self._report(exc)  # the form keeps its values
            return
        self.statusBar().showMessage("Saved.", 4000)
        self._go_to(session.day, session_id)

    def on_delete(self) -> None:
        """Delete the session in the form, after asking."""
        session_id = self.session_form.session_id()
        if session_id is None:
            self.statusBar().showMessage("Select a saved session to delete.", 4000)
            return
        self._on_delete_requested(session_id)

    def _on_delete_requested(self, session_id: int) -> None:
        session = self._planner.get(session_id)
        what = "this session"
        if session is not None:
            what = f"the {session.kind.value} at {session.start:%H:%M} on {session.start:%a %d %b}"
        if not self._confirm(f"Delete {what}? This cannot be undone."):
            return
        try:
            self._planner.delete(session_id)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.statusBar().showMessage("Deleted.", 4000)
        self._go_to(self.selected_day(), None)

    def on_duplicate(self) -> None:
        """Copy the session in the form to the same time the next day, as its button does."""
        if not self.session_form.duplicateButton.isEnabled():
            self.statusBar().showMessage("Select a saved session to duplicate.", 4000)
            return
        self.session_form.duplicateButton.click()  # the copy it sends has no id or stamps

    def _on_duplicate_requested(self, session: object) -> None:
        from desktop.advice import Session

        if not isinstance(session, Session):
            return
        try:
            copy = self._planner.duplicate(session)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.statusBar().showMessage(f"Copied to {copy.start:%A %d %B}.", 4000)
        self._go_to(copy.day, copy.id)

    def _on_suggestion_applied(self, suggestion: object) -> None:
        from desktop.advice import Suggestion

        if isinstance(suggestion, Suggestion):
            self.session_form.apply_suggestion(suggestion)

    def _go_to(self, day: date, session_id: int | None) -> None:
        """Select a day (quietly), repaint the month and show the day with a session."""
        blocked = self.calendar.blockSignals(True)
        try:
            self.calendar.select_day(day)
        finally:
            self.calendar.blockSignals(blocked)
        self.refresh_month()
        self.show_day(day, select_session=session_id)

    def _show_draft_advice(self, draft: Session) -> None:
        try:
            advice = self._planner.advise_draft(draft)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.advice_panel.show_advice(advice, draft)

    def _show_day_advice(self, day: date) -> None:
        try:
            advice = self._planner.advise_day(day)
        except handled_errors() as exc:
            self._report(exc)
            return
        self.advice_panel.show_advice(advice, None)

    # -- slots: menus --------------------------------------------------------------

    def on_today(self) -> None:
        """Jump to today."""
        self.calendar.select_day(date.today())
        self.calendar.setFocus()

    def on_edit_profile(self) -> None:
        """Settings > Profile: change limits and units."""
        profile = self._ask_profile(False)
        if profile is not None:
            self._save_profile(profile)

    def _save_profile(self, profile: Profile) -> None:
        try:
            self._planner.save_profile(profile)
        except handled_errors() as exc:
            self._report(exc)
            return
        self._apply_profile()
        self.refresh_month()
        self.show_day(self.selected_day())

    def _apply_profile(self) -> None:
        profile = self._planner.profile()
        self.session_form.set_profile(profile)
        self.advice_panel.set_profile(profile)
        self.day_log_box.set_profile(profile)

    def on_open_database(self) -> None:
        """File > Open database: switch to another Liftrun file."""
        from desktop.planner import Planner

        if self._open_store is None:
            return
        path = self._choose_file(
            "Open a Liftrun database",
            self._planner.db_path.parent,
            "Liftrun databases (*.sqlite *.sqlite3 *.db);;All files (*)",
        )
        if path is None or path.resolve() == self._planner.db_path.resolve():
            return
        try:
            store = self._open_store(path)
        except handled_errors() as exc:
            self._report(exc)
            return
        self._planner.close()
        self._planner = Planner(store)
        self._demo = False
        self._reload_all()
        self.ensure_profile()

    def on_back_up(self) -> None:
        """File > Back up now."""
        try:
            path = self._planner.backup_now()
        except handled_errors() as exc:
            self._report(exc)
            return
        self.statusBar().showMessage(f"Backed up to {path}", 8000)

    def on_restore_backup(self) -> None:
        """File > Restore a backup: pick one, confirm, replace the database."""
        try:
            backups = self._planner.backups()
        except handled_errors() as exc:
            self._report(exc)
            return
        folder = backups[0].parent if backups else self._planner.db_path.parent
        path = self._choose_file(
            "Restore a backup", folder, "Liftrun backups (*.sqlite *.db *.bak);;All files (*)"
        )
        if path is None:
            return
        question = (
            f"Replace your current plan with the backup {path.name}? "
            "Your current file is backed up first."
        )
        if not self._confirm(question):
            return
        try:
            self._planner.restore(path)
        except handled_errors() as exc:
            self._report(exc)
            return
        self._reload_all()
        self.statusBar().showMessage(f"Restored {path.name}.", 8000)

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

    def _reload_all(self) -> None:
        self._update_title()
        self._apply_profile()
        self.refresh_month()
        self.show_day(self.selected_day())

    def _update_title(self) -> None:
        title = f"{APP_NAME} — {self._planner.db_path.name}"
        if self._demo:
            title += " — Demo data"
        self.setWindowTitle(title)

    # -- window state ----------------------------------------------------------------

    def _restore_layout(self) -> None:
        """The shell's saved size, state and main splitter (the right one: at attach)."""
        geometry = self._settings.value("window/geometry")
        self._first_layout = not isinstance(geometry, QByteArray)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
            line = self.fontMetrics().height()
            self.main_splitter.setSizes([line * 46, line * 34])
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self._restore_splitter(self.main_splitter)

    def _restore_right_splitter(self) -> None:
        """Once the form and advice exist: saved sizes, or the form at its natural height."""
        if self._first_layout:
            line = self.fontMetrics().height()
            form_height = self.session_form.sizeHint().height()
            self.right_splitter.setSizes([form_height, line * 46 - form_height])
        self._restore_splitter(self.right_splitter)

    def _restore_splitter(self, splitter: QSplitter) -> None:
        saved = self._settings.value(f"splitters/{splitter.objectName()}")
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)

    def save_layout(self) -> None:
        """Remember size, state and splitter positions for the next start."""
        if not self._attached:  # a bare shell's splitters would overwrite the real layout
            return
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        for splitter in (self.main_splitter, self.right_splitter):
            self._settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the layout and close the store so its lock is released."""
        self.save_layout()
        if self._closed or not self._attached:
            super().closeEvent(event)
            return
        self._closed = True
        try:
            self._planner.close()
        except handled_errors() as exc:  # closing must never trap the user in the window
            log.warning("Closing the database failed: %s", exc)
        super().closeEvent(event)
