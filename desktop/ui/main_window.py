"""The main window: calendar, day list and day log on the left; session form and advice right.

Built in two phases so the calendar is on screen early: `MainWindow()` is the shell (menus
from desktop.ui.actions, the calendar, the panes' frames, the saved layout) and imports
neither the store (peewee) nor the engine; `attach(planner)` builds the day pane, the form
and the advice panel and fills everything in. `desktop.app.create_main_window` does both.

Every change goes through one EditRunner (desktop.ui.edit_runner) as one command
(desktop.ui.commands): it writes through the planner, reports errors once, stacks the
command for Edit > Undo and emits what changed; `_on_changed` repaints just that.
Before anything replaces the form, `_settle_form` asks Save / Discard / Cancel.

The shell stays clear of PySide6's `Qt` namespace, whose first use builds all of its enums
at once (about 15 ms): only `attach` imports `Qt`, for the vertical splitter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.ui import actions
from desktop.ui.calendar_view import CalendarView
from desktop.ui.window_calendar import CalendarMixin
from desktop.ui.window_edits import EditsMixin
from desktop.ui.window_files import FilesMixin
from desktop.ui.window_health import HealthMixin
from desktop.ui.window_layout import WindowLayout
from desktop.ui.window_panels import PanelsMixin
from desktop.ui.window_planning import PlanningMixin
from desktop.ui.window_progress import ProgressMixin
from desktop.ui.window_transfer import TransferMixin

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from desktop.advice import Profile
    from desktop.planner import Planner
    from desktop.store import Store
    from desktop.ui.advice_panel import AdvicePanel
    from desktop.ui.day_list import DayList
    from desktop.ui.day_log_box import DayLogBox
    from desktop.ui.edit_runner import EditRunner
    from desktop.ui.session_form import SessionForm

log = logging.getLogger(__name__)


class MainWindow(
    CalendarMixin,
    FilesMixin,
    EditsMixin,
    ProgressMixin,
    PanelsMixin,
    PlanningMixin,
    TransferMixin,
    HealthMixin,
    QMainWindow,
):
    """Liftrun's window; it asks the planner and shows answers, holding no rules itself."""

    ready = Signal()
    """Emitted when `attach` has built and filled the whole window."""

    # Set by attach(): the planner, the runner and the widgets of the second phase.
    _planner: Planner
    _edits: EditRunner
    dayTitle: QLabel  # noqa: N815 - named like its objectName
    newRunButton: QPushButton  # noqa: N815
    newLiftButton: QPushButton  # noqa: N815
    right_splitter: QSplitter
    day_list: DayList
    day_log_box: DayLogBox
    session_form: SessionForm
    advice_panel: AdvicePanel
    # Made from desktop.ui.actions.MENUS (attribute = ActionSpec.attr).
    open_action: QAction
    backup_action: QAction
    restore_action: QAction
    import_action: QAction
    export_ics_action: QAction
    export_csv_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    cut_action: QAction
    copy_action: QAction
    paste_action: QAction
    copy_week_action: QAction
    paste_week_action: QAction
    new_run_action: QAction
    new_lift_action: QAction
    duplicate_action: QAction
    done_as_planned_action: QAction
    delete_action: QAction
    today_action: QAction
    month_view_action: QAction
    week_view_action: QAction
    previous_week_action: QAction
    next_week_action: QAction
    move_day_back_action: QAction
    move_day_forward_action: QAction
    move_week_back_action: QAction
    move_week_forward_action: QAction
    repeat_action: QAction
    history_action: QAction
    progress_action: QAction
    plan_week_action: QAction
    plan_block_action: QAction
    save_template_action: QAction
    apply_template_action: QAction
    delete_template_action: QAction
    profile_action: QAction
    about_action: QAction
    health_action: QAction
    log_folder_action: QAction

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
        self._open_planner: Callable[[Path], Planner] | None = None
        self._demo = demo
        self._attached = False
        self._closed = False
        self._build_shell()
        self._actions = actions.build_actions(self, self.menuBar())
        for attr, action in self._actions.items():
            setattr(self, attr, action)
        self.setWindowTitle(APP_NAME)
        self._layout = WindowLayout(self, self._settings)
        self._layout.restore_shell(self.main_splitter)

    def attach(
        self,
        planner: Planner,
        *,
        open_store: Callable[[Path], Store] | None = None,
        open_planner: Callable[[Path], Planner] | None = None,
    ) -> None:
        """Second phase: build the day pane, form and advice, and show the planner's data.

        `open_planner(path)` opens another database for File > Open database; the older
        `open_store` is accepted too and wrapped in a Planner.
        """
        if self._attached:
            raise RuntimeError("The window is already attached to a planner.")
        from desktop.ui.edit_runner import EditRunner

        self._planner = planner
        self._open_planner = open_planner or _planner_opener(open_store)
        self._edits = EditRunner(planner, self._report, parent=self)
        self._build_panels()
        self._build_calendar_views()
        self._connect_signals()
        self._attached = True
        for action in self._actions.values():
            action.setEnabled(True)
        self._on_stack_changed()
        self._reload_all()
        self.ready.emit()

    @property
    def is_attached(self) -> bool:
        """True once `attach` has completed the window."""
        return self._attached

    @property
    def undo_stack(self) -> object:
        """The QUndoStack of the open database."""
        return self._edits.stack

    # -- construction ------------------------------------------------------------

    def _build_shell(self) -> None:
        self.calendar = CalendarView()
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

    def _connect_signals(self) -> None:
        for spec in actions.all_specs():
            slot = getattr(self, spec.slot)
            self._actions[spec.attr].triggered.connect(lambda _c=False, s=slot: s())
        actions.bind_button(self.newRunButton, self.new_run_action)
        actions.bind_button(self.newLiftButton, self.new_lift_action)
        self.calendar.selectionChanged.connect(self._on_day_selected)
        self.calendar.currentPageChanged.connect(self._on_page_changed)
        self.day_list.session_selected.connect(self._on_session_selected)
        self.session_form.draft_changed.connect(self._on_draft_changed)
        self.session_form.dirty_changed.connect(self.setWindowModified)
        self.session_form.save_requested.connect(self._on_save_requested)
        self.session_form.delete_requested.connect(self._on_delete_requested)
        self.session_form.duplicate_requested.connect(self._on_duplicate_requested)
        self.advice_panel.suggestion_applied.connect(self._on_suggestion_applied)
        self.day_log_box.water_added.connect(self._on_water_added)
        self.day_log_box.day_log_edited.connect(self._on_day_log_edited)
        self._edits.changed.connect(self._on_changed)
        self._connect_calendar_signals()
        self._attach_progress()
        self._connect_transfer()
        self._connect_health_signals()
        stack = self._edits.stack
        for signal in (stack.indexChanged, stack.cleanChanged, stack.undoTextChanged):
            signal.connect(self._on_stack_changed)

    # -- replaceable modal dialogs (tests swap these) ------------------------------

    def _ask_profile(self, first_run: bool) -> Profile | None:
        from desktop.ui.profile_dialog import ProfileDialog  # only needed once in a while

        current = self._planner.profile() if self._planner.has_profile() else None
        dialog = ProfileDialog(current, first_run, self)
        if dialog.exec() != ProfileDialog.DialogCode.Accepted:
            return None
        return dialog.profile()

    def _ask_unsaved(self) -> str:
        """Save / Discard / Cancel for the form's unsaved changes."""
        from desktop.ui import dialogs

        return dialogs.ask_unsaved(self)

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
        """The one place an error reaches the user: its title and its sentence."""
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

    # -- slots: menus --------------------------------------------------------------

    def on_today(self) -> None:
        """Jump to today."""
        self.calendar.select_day(date.today())
        self.calendar.setFocus()

    def on_undo(self) -> None:
        """Edit > Undo, after settling unsaved form changes."""
        if self._settle_form():
            self._edits.stack.undo()

    def on_redo(self) -> None:
        """Edit > Redo, after settling unsaved form changes."""
        if self._settle_form():
            self._edits.stack.redo()

    def on_show_history(self) -> None:
        """View > History: the undo stack; clicking a line goes back to it."""
        from desktop.ui.history_dialog import HistoryDialog

        dialog = self.findChild(HistoryDialog, "historyDialog")
        if dialog is None:
            dialog = HistoryDialog(self._edits.stack, self)
        dialog.show()
        dialog.raise_()

    def on_edit_profile(self) -> None:
        """Settings > Profile: change limits and units (one undo step)."""
        if not self._settle_form():
            return
        profile = self._ask_profile(False)
        if profile is not None:
            self._save_profile(profile)

    def _save_profile(self, profile: Profile) -> None:
        from desktop.ui.commands import ProfileCommand

        if self._planner.has_profile():
            before = self._planner.profile()
            self._edits.run(ProfileCommand("Change profile", before, profile))
            return

        # The first profile is set-up, not an edit: there is nothing to go back to.
        def save_first() -> bool:
            self._planner.save_profile(profile)
            return True

        if self._edits.attempt(save_first):
            self._reload_all()

    def _on_stack_changed(self) -> None:
        stack = self._edits.stack
        for action, can, text, word in (
            (self.undo_action, stack.canUndo(), stack.undoText(), "&Undo"),
            (self.redo_action, stack.canRedo(), stack.redoText(), "R&edo"),
        ):
            action.setEnabled(can)
            action.setText(f"{word} {text}" if can and text else word)

    def _update_title(self) -> None:
        # [*] is where Qt shows the modified mark while the form holds unsaved changes.
        title = f"{APP_NAME} — {self._planner.db_path.name}[*]"
        if self._demo:
            from desktop.sample import DEMO_TITLE

            title += f" — {DEMO_TITLE}"
        self.setWindowTitle(title)

    # -- window state ----------------------------------------------------------------

    def save_layout(self) -> None:
        """Remember size, state and splitter positions for the next start."""
        if not self._attached:  # a bare shell's splitters would overwrite the real layout
            return
        self._layout.save(self.main_splitter, self.right_splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes, save the layout and close the store (its lock goes)."""
        if self._attached and not self._closed and not self._settle_form():
            event.ignore()
            return
        self.save_layout()
        if self._closed or not self._attached:
            super().closeEvent(event)
            return
        self._closed = True
        from desktop.ui.edit_runner import handled_errors

        try:
            self._planner.close()
        except handled_errors() as exc:  # closing must never trap the user in the window
            log.warning("Closing the database failed: %s", exc)
        super().closeEvent(event)


def _planner_opener(
    open_store: Callable[[Path], Store] | None,
) -> Callable[[Path], Planner] | None:
    """Wrap an older `open_store` argument into a function that opens a Planner."""
    if open_store is None:
        return None

    def open_planner(path: Path) -> Planner:
        from desktop.planner import Planner

        return Planner(open_store(path))

    return open_planner
