"""The main window: calendar, day list and day log on the left; session form and advice right.

Built in two phases so the calendar is on screen early: `MainWindow()` is the shell (menus
from desktop.ui.actions, the calendar, the panes' frames, the saved layout) and imports
neither the store (peewee) nor the engine; `attach(planner)` builds the day pane, the form
and the advice panel, the controllers that drive them, and fills everything in.
`desktop.app.create_main_window` does both.

The window keeps the shell, the panels and the layout. Each concern is a controller with its
own constructor, state and `_connect_signals()` (see `attach`): `edits` (the form, undo, the day's
log), `clipboard`, `views` (month and week), `moves`, `progress`, `health` (backups, restore,
notices), and, built on first use, `files` (open, Help), `profiles`, `planning` and
`transfer`. Every action in desktop.ui.actions names the controller method it triggers.

Every change goes through one EditRunner (desktop.ui.edit_runner) as one command: it emits a
`Touched`; `_on_changed` repaints the panels and passes it on through `touched` to whoever
listens. Every question to the person goes through `prompts` (desktop.ui.prompts).

The shell stays clear of PySide6's `Qt` namespace, whose first use builds all of its enums
at once (about 15 ms): only `attach` imports `Qt`, for the vertical splitter.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui import actions, key_map
from desktop.ui.app_settings import app_settings
from desktop.ui.calendar_view import CalendarView
from desktop.ui.dialogs import QtPrompts, error_title
from desktop.ui.edit_runner import EditRunner, handled_errors
from desktop.ui.file_drops import local_files
from desktop.ui.signals import signals_blocked
from desktop.ui.window_layout import WindowLayout

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
    from PySide6.QtWidgets import QStackedWidget

    from desktop.advice import Session
    from desktop.planner import BackupError, Planner, Store
    from desktop.ui.advice_panel import AdvicePanel
    from desktop.ui.appearance import AppearanceController
    from desktop.ui.appearance_menu import AppearanceMenu
    from desktop.ui.calendar_controller import CalendarController
    from desktop.ui.chip_legend import ChipLegend
    from desktop.ui.clipboard_controller import ClipboardController
    from desktop.ui.commands import Touched
    from desktop.ui.day_list import DayList
    from desktop.ui.day_log_box import DayLogBox
    from desktop.ui.edits_controller import EditsController
    from desktop.ui.files_controller import FilesController
    from desktop.ui.health_controller import HealthController
    from desktop.ui.moves_controller import MovesController
    from desktop.ui.planning_controller import PlanningController
    from desktop.ui.profile_controller import ProfileController
    from desktop.ui.progress_controller import ProgressController
    from desktop.ui.prompts import Prompts
    from desktop.ui.session_form import SessionForm
    from desktop.ui.transfer_controller import TransferController
    from desktop.ui.week_totals_strip import WeekTotalsStrip
    from desktop.ui.week_view import WeekView

log = logging.getLogger(__name__)

# The first day of the week: 0 (Monday) ... 6 (Sunday), or absent / "locale" for the
# region's own (read once, when the window is attached).
FIRST_DAY_SETTING = "calendar/firstDayOfWeek"


class MainWindow(QMainWindow):
    """Liftrun's window; it asks the planner and shows answers, holding no rules itself."""

    ready = Signal()
    """Emitted when `attach` has built and filled the whole window."""
    touched = Signal(object)
    """A `Touched`, after every change, undo and redo, once the panels show it."""
    day_shown = Signal(object)
    """The date `show_day` has just shown."""
    reloaded = Signal()
    """Everything was read again (attach, another database, a restore, the first profile)."""

    # Set by attach(): the runner, the widgets of the second phase and the controllers.
    runner: EditRunner
    dayTitle: QLabel  # noqa: N815 - named like its objectName
    newRunButton: QPushButton  # noqa: N815
    newLiftButton: QPushButton  # noqa: N815
    right_splitter: QSplitter
    day_list: DayList
    day_log_box: DayLogBox
    session_form: SessionForm
    advice_panel: AdvicePanel
    calendar_stack: QStackedWidget
    chip_legend: ChipLegend
    week_view: WeekView
    week_totals_strip: WeekTotalsStrip
    edits: EditsController
    clipboard: ClipboardController
    views: CalendarController
    moves: MovesController
    progress: ProgressController
    health: HealthController
    appearance: AppearanceMenu
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
    appearance_system_action: QAction
    appearance_light_action: QAction
    appearance_dark_action: QAction
    about_action: QAction
    health_action: QAction
    log_folder_action: QAction

    def __init__(
        self,
        *,
        settings: QSettings | None = None,
        demo: bool = False,
        prompts: Prompts | None = None,
        appearance: AppearanceController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The shell: menus (disabled until attached), the calendar and the saved layout.

        `prompts` asks the person every question; by default Qt dialogs over this window.
        `appearance` applies Settings > Appearance (start-up makes it and applies the saved
        choice before the window shows); without one it is made when a choice is picked.
        """
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.prompts: Prompts = prompts if prompts is not None else QtPrompts(self)
        self._settings = settings if settings is not None else app_settings()
        self._demo = demo
        self._attached = False
        self._closed = False
        self._shown_day: date | None = None
        self._editing_form_room: int | None = None  # the form's height while it edits
        self._build_shell()
        self._actions = actions.build_actions(self, self.menuBar())
        for attr, action in self._actions.items():
            setattr(self, attr, action)
        self._appearance_controller = appearance
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
        """Second phase: build the panels and controllers, and show the planner's data.

        `open_planner(path)` opens another database for File > Open database; the older
        `open_store` is accepted too and wrapped in a Planner.
        """
        if self._attached:
            raise RuntimeError("The window is already attached to a planner.")
        self.runner = EditRunner(planner, self._report, parent=self)
        self._build_panels()
        self._build_calendar_views()
        self._build_week_totals()
        self._apply_locale()
        self._connect_signals()  # first: the window hears a new selected day before the views
        self._open_planner = open_planner or _planner_opener(open_store)
        self._build_controllers()
        self._build_appearance_menu()
        self._connect_controllers()
        self._attached = True
        for action in self._actions.values():
            action.setEnabled(True)
        self.edits.update_undo_actions()
        self._reload_all()
        self.health.queue_store_notices()
        self.ready.emit()

    @cached_property
    def planning(self) -> PlanningController:
        """Plan week, Plan block, templates and Repeat weekly (built on first use)."""
        from desktop.ui.planning_controller import PlanningController

        return PlanningController(self.runner, self.prompts, self.edits, self.calendar, window=self)

    @cached_property
    def files(self) -> FilesController:
        """File > Open database, About, Health notice, Open log folder (built on first use)."""
        from desktop.ui.files_controller import FilesController

        files = FilesController(
            self.runner, self.prompts, self.edits, self._open_planner, parent=self
        )
        files.planner_opened.connect(self._on_planner_opened)
        return files

    @cached_property
    def profiles(self) -> ProfileController:
        """The first-run profile and Settings > Profile (built on first use)."""
        from desktop.ui.profile_controller import ProfileController

        return ProfileController(
            self.runner, self.prompts, self.edits, self.statusBar(), self._reload_all, parent=self
        )

    @cached_property
    def transfer(self) -> TransferController:
        """File > Import, File > Export and dropped files (built on first use)."""
        from desktop.ui.transfer_controller import TransferController

        return TransferController(
            self.runner,
            self.prompts,
            self.edits,
            self._settings,
            self.statusBar(),
            parent=self,
            import_action=self.import_action,
        )

    @property
    def is_attached(self) -> bool:
        """True once `attach` has completed the window."""
        return self._attached

    @property
    def is_closed(self) -> bool:
        """True once the window has closed (its database with it)."""
        return self._closed

    @property
    def undo_stack(self) -> QUndoStack:
        """The QUndoStack of the open database."""
        return self.runner.stack

    # -- construction ------------------------------------------------------------

    def _build_shell(self) -> None:
        self.calendar = CalendarView()
        self.day_pane = QWidget()  # filled by attach()
        self.day_pane.setObjectName("dayPane")
        left_pane = QWidget()
        left_pane.setObjectName("leftPane")
        self._left_layout = QVBoxLayout(left_pane)
        self._left_layout.setContentsMargins(0, 0, 0, 0)
        self._left_layout.addWidget(self.calendar, 2)  # the day pane keeps at least its minimum
        self._left_layout.addWidget(self.day_pane, 1)
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

    def _build_panels(self) -> None:
        from PySide6.QtCore import Qt  # not at module level: see the module's docstring

        from desktop.ui.advice_panel import AdvicePanel
        from desktop.ui.day_list import DayList
        from desktop.ui.day_log_box import DayLogBox
        from desktop.ui.session_form import SessionForm

        self.dayTitle = QLabel()
        self.dayTitle.setObjectName("dayTitle")
        # Text, shortcut and enabled state come from the Edit menu's action (bind_button).
        self.newRunButton = QPushButton()
        self.newRunButton.setObjectName("newRunButton")
        self.newRunButton.setToolTip(
            key_map.tooltip("Plan a run on the selected day", self.new_run_action.shortcuts())
        )
        self.newLiftButton = QPushButton()
        self.newLiftButton.setObjectName("newLiftButton")
        self.newLiftButton.setToolTip(
            key_map.tooltip("Plan a deadlift on the selected day", self.new_lift_action.shortcuts())
        )
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
        self._layout.restore_right(self.right_splitter, self.session_form.sizeHint().height())
        self._fit_form_room(self.session_form.is_editing())

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

    def _build_calendar_views(self) -> None:
        """Put the calendar and a week view in a stack, the chip legend under the month."""
        from PySide6.QtWidgets import QStackedWidget

        from desktop.ui.chip_legend import ChipLegend
        from desktop.ui.week_view import WeekView

        index = self._left_layout.indexOf(self.calendar)
        self._left_layout.removeWidget(self.calendar)
        self.calendar_stack = QStackedWidget()
        self.calendar_stack.setObjectName("calendarStack")
        month_page = QWidget()
        month_page.setObjectName("monthPage")
        month_layout = QVBoxLayout(month_page)
        month_layout.setContentsMargins(0, 0, 0, 0)
        month_layout.addWidget(self.calendar, 1)
        self.chip_legend = ChipLegend()
        month_layout.addWidget(self.chip_legend)
        self.week_view = WeekView()
        self.calendar_stack.addWidget(month_page)
        self.calendar_stack.addWidget(self.week_view)
        self._left_layout.insertWidget(index, self.calendar_stack, 2)
        self.calendar.setToolTip("")
        for action in (
            self.repeat_action,
            self.move_day_back_action,
            self.move_day_forward_action,
            self.done_as_planned_action,
        ):
            self.day_list.add_context_action(action)
        actions.scope_to(self.delete_action, (self.calendar, self.week_view, self.day_list))

    def _apply_locale(self) -> None:
        """What the region says, read once: how the engine's texts write numbers, and one
        first day of the week for the month and week views; the controllers read that from
        the calendar (`CalendarView.first_weekday`) for copy week, totals and plans."""
        from desktop.advice import units
        from desktop.planner.weeks import first_weekday
        from desktop.ui.system_locale import locale_first_weekday, number_style

        units.set_number_style(number_style())

        first = first_weekday(self._settings.value(FIRST_DAY_SETTING), locale_first_weekday())
        self.calendar.set_first_weekday(first)
        self.week_view.set_first_weekday(first)

    def _build_week_totals(self) -> None:
        """The week's totals strip at the top of the day pane."""
        from desktop.ui.week_totals_strip import WeekTotalsStrip

        self.week_totals_strip = WeekTotalsStrip()
        layout = self.day_pane.layout()
        assert isinstance(layout, QVBoxLayout), "the day pane is built before this strip"
        layout.insertWidget(0, self.week_totals_strip)

    def _connect_signals(self) -> None:
        for spec in actions.all_specs():
            self._actions[spec.attr].triggered.connect(lambda _c=False, s=spec: self._trigger(s))
        actions.bind_button(self.newRunButton, self.new_run_action)
        actions.bind_button(self.newLiftButton, self.new_lift_action)
        self.calendar.selectionChanged.connect(self._on_day_selected)
        self.day_list.session_selected.connect(self._on_session_selected)
        self.session_form.draft_changed.connect(self._on_draft_changed)
        self.session_form.editing_changed.connect(self._fit_form_room)
        self.session_form.dirty_changed.connect(self.setWindowModified)
        self.advice_panel.suggestion_applied.connect(self._on_suggestion_applied)
        self.runner.changed.connect(self._on_changed)
        self.setAcceptDrops(True)

    def _build_controllers(self) -> None:
        """The controllers that need the window from its first complete frame on.

        Each connects its own signals; `files`, `profiles`, `planning` and `transfer` wait
        for first use.
        """
        # Not at module level: the shell is on screen before these (and the engine) load.
        from desktop.ui.calendar_controller import CalendarController
        from desktop.ui.clipboard_controller import ClipboardController
        from desktop.ui.edits_controller import EditsController
        from desktop.ui.health_controller import HealthController
        from desktop.ui.moves_controller import MovesController
        from desktop.ui.progress_controller import ProgressController

        status = self.statusBar()
        runner, prompts = self.runner, self.prompts
        self.edits = EditsController(
            runner,
            prompts,
            self.session_form,
            self.day_list,
            self.day_log_box,
            self.calendar,
            status,
            (self.undo_action, self.redo_action),
            parent=self,
        )
        self.clipboard = ClipboardController(
            runner, self.edits, self.session_form, self.calendar, parent=self
        )
        self.views = CalendarController(
            runner,
            self.edits,
            self.calendar,
            self.calendar_stack,
            self.week_view,
            self.session_form,
            (self.month_view_action, self.week_view_action),
            self.show_day,
            parent=self,
        )
        self.moves = MovesController(
            runner, prompts, self.edits, self.views, self.calendar, self.week_view, parent=self
        )
        self.progress = ProgressController(
            runner,
            prompts,
            self.edits,
            self.calendar,
            self.session_form,
            self.day_list,
            self.week_totals_strip,
            window=self,
        )
        self.health = HealthController(
            runner, prompts, self.edits, self.calendar, status, self._reload_all, parent=self
        )

    def _connect_controllers(self) -> None:
        """Who listens to what the window shows, in the order they are told."""
        self.day_shown.connect(self.progress.update_week_totals)
        self.reloaded.connect(self.progress.refresh)
        self.touched.connect(self.progress.refresh)
        self.touched.connect(self.health.tell_unreadable)

    def _build_appearance_menu(self) -> None:
        """Settings > Appearance (in the second phase: its module builds Qt's namespace)."""
        from desktop.ui.appearance import Appearance
        from desktop.ui.appearance_menu import AppearanceMenu

        self.appearance = AppearanceMenu(
            {
                Appearance.SYSTEM: self.appearance_system_action,
                Appearance.LIGHT: self.appearance_light_action,
                Appearance.DARK: self.appearance_dark_action,
            },
            self._settings,
            self._appearance,
            parent=self,
        )

    def _appearance(self) -> AppearanceController:
        """The application's appearance controller, made on first use when none was given."""
        from desktop.ui.appearance import AppearanceController

        if self._appearance_controller is None:
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            self._appearance_controller = AppearanceController(app)
        return self._appearance_controller

    def _trigger(self, spec: actions.ActionSpec) -> None:
        """Run an action's slot on the controller it names (the window for a bare name)."""
        owner = getattr(self, spec.controller) if spec.controller else self
        getattr(owner, spec.method)()

    def _report(self, exc: Exception) -> None:
        """The one place an error reaches the user: its title and its sentence."""
        log.warning("%s: %s", type(exc).__name__, exc)
        self.prompts.show_error(error_title(exc), str(exc))

    # -- public view state -------------------------------------------------------

    @property
    def planner(self) -> Planner:
        """The planner behind this window."""
        return self.runner.planner

    def selected_day(self) -> date:
        """The day the calendar has selected."""
        return self.calendar.selected_day()

    def ensure_profile(self) -> None:
        """Ask for a profile on first use; until then defaults (km, km/h) are used."""
        self.profiles.ensure_profile()

    def show_backup_failure(self, error: BackupError, *, by_hand: bool = False) -> None:
        """A failed backup: a lasting status-bar message, a dialog the first time."""
        self.health.show_backup_failure(error, by_hand=by_hand)

    # -- the panels ----------------------------------------------------------------

    def show_day(self, day: date, *, select_session: int | None = None) -> None:
        """Show a day: its rows, its log, and its advice (or the chosen session's)."""
        self._show_day_panels(day, select_session)
        self.day_shown.emit(day)

    def _show_day_panels(self, day: date, select_session: int | None) -> None:
        self._shown_day = day
        self.dayTitle.setText(f"<b>{day:%A %d %B %Y}</b>")
        planner = self.planner
        shown = self.runner.attempt(lambda: (planner.day_rows(day), planner.day_log(day)))
        if shown is None:
            return
        rows, day_log = shown
        self.day_list.show_rows(rows)
        self.day_log_box.show_day(day_log, planner.profile().water_target_oz)
        session = planner.get(select_session) if select_session is not None else None
        if session is not None and session.id is not None:
            self.day_list.select_session(session.id)
            self.session_form.edit_session(session)  # its draft_changed shows the advice
        else:
            self.session_form.clear(day, sessions=len(rows))
            self._show_day_advice(day)

    def _go_to(self, day: date, session_id: int | None) -> None:
        """Select a day (quietly), repaint the month and show the day with a session."""
        with signals_blocked(self.calendar):
            self.calendar.select_day(day)
        self.views.refresh_month()
        self.show_day(day, select_session=session_id)

    def _reload_all(self) -> None:
        self._update_title()
        self._apply_profile()
        self.views.refresh_month()
        self.show_day(self.calendar.selected_day())
        self.reloaded.emit()

    def _apply_profile(self) -> None:
        profile = self.planner.profile()
        self.session_form.set_profile(profile)
        self.advice_panel.set_profile(profile)
        self.day_log_box.set_profile(profile)

    def _update_title(self) -> None:
        # [*] is where Qt shows the modified mark while the form holds unsaved changes.
        title = f"{APP_NAME} — {self.planner.db_path.name}[*]"
        if self._demo:
            from desktop.sample import DEMO_TITLE

            title += f" — {DEMO_TITLE}"
        self.setWindowTitle(title)

    def _on_changed(self, touched: Touched) -> None:
        """After a change, an undo or a redo: repaint what it touched, then pass it on."""
        if not touched.shown:
            pass
        elif touched.profile:
            self._apply_profile()
            self.views.refresh_month()
            self.show_day(self.calendar.selected_day())
        elif touched.log_day is not None:
            self._show_day_log_saved(touched.log_day)
        else:
            self._go_to(touched.go_to or self.calendar.selected_day(), touched.select)
        self.touched.emit(touched)

    def _show_day_log_saved(self, day: date) -> None:
        """After a day-log change: the month's badges, the stored log, the day's rows and
        the advice shown (the day's, or the session's in the form)."""
        if day != self.calendar.selected_day():
            self._go_to(day, None)
            return
        self.views.refresh_month()  # first: it reloads the visible weeks, the day's log with them
        planner = self.planner
        day_log = self.runner.attempt(lambda: planner.day_log(day))
        if day_log is None:
            return
        self.day_log_box.show_day(day_log, planner.profile().water_target_oz)
        # Soreness changes every run's advice of the day, not only the day's water line.
        rows = self.runner.attempt(lambda: planner.day_rows(day))
        if rows is not None:
            selected = self.day_list.selected_session_id()
            self.day_list.show_rows(rows)
            if selected is not None:
                self.day_list.select_session(selected)
        draft = self.session_form.draft()
        if draft is not None:
            self._show_draft_advice(draft)
        elif self.session_form.session_id() is None:
            self._show_day_advice(day)

    def _show_draft_advice(self, draft: Session) -> None:
        advice = self.runner.attempt(lambda: self.planner.advise_draft(draft))
        if advice is not None:
            self.advice_panel.show_advice(advice, draft)

    def _show_day_advice(self, day: date) -> None:
        advice = self.runner.attempt(lambda: self.planner.advise_day(day))
        if advice is not None:
            self.advice_panel.show_advice(advice, None)

    def _on_planner_opened(self) -> None:
        """File > Open database switched files: show the new one and tell its notices."""
        self._demo = False
        self._reload_all()
        self.ensure_profile()
        self.health.queue_store_notices()  # the new file's failed backup, adjusted profile, …

    # -- slots: calendar, day and form ---------------------------------------------

    def _on_day_selected(self) -> None:
        day = self.calendar.selected_day()
        if day == self._shown_day:
            return
        if not self.edits.settle_form():
            if self._shown_day is not None:
                with signals_blocked(self.calendar):  # Cancel: back to the day being edited
                    self.calendar.select_day(self._shown_day)
            return
        with signals_blocked(self.calendar):  # saving may have gone back to the saved day
            self.calendar.select_day(day)
        self.show_day(day)

    def _on_session_selected(self, session_id: int) -> None:
        if session_id == self.session_form.session_id():
            return
        if not self.edits.settle_form():
            current = self.session_form.session_id()
            if current is None:
                self.day_list.clearSelection()
            else:
                self.day_list.select_session(current)
            return
        self.day_list.select_session(session_id)  # saving may have reloaded the rows
        session = self.planner.get(session_id)
        if session is None:
            self.prompts.show_error(
                "Session not found", "That session is gone; the day was reloaded."
            )
            self.show_day(self.calendar.selected_day())
            return
        self.session_form.edit_session(session)  # its draft_changed shows the advice

    def _on_draft_changed(self, draft: object) -> None:
        from desktop.advice import Session  # loaded by attach; the shell never gets here

        if isinstance(draft, Session):
            self._show_draft_advice(draft)

    def _fit_form_room(self, editing: bool) -> None:
        """The empty form keeps only its sentence's height, so the day's advice (warnings and
        suggestion) shows whole; editing gets back the height it had (at least its own)."""
        form_layout = self.session_form.layout()
        if form_layout is not None:
            form_layout.activate()  # its minimum height is the new state's, not the last one's
        form_room, advice_room = self.right_splitter.sizes()
        total = form_room + advice_room
        if editing:
            wanted = max(self._editing_form_room or 0, self.session_form.minimumSizeHint().height())
        else:
            self._editing_form_room = form_room
            wanted = self.session_form.sizeHint().height()
        wanted = min(wanted, total - self.advice_panel.minimumSizeHint().height())
        self.right_splitter.setSizes([wanted, total - wanted])

    def _on_suggestion_applied(self, suggestion: object) -> None:
        from desktop.advice import Suggestion

        if isinstance(suggestion, Suggestion):
            self.session_form.apply_suggestion(suggestion)

    # -- dropped files ---------------------------------------------------------------

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
        QTimer.singleShot(0, lambda: self.transfer.import_files(paths))

    # -- window state ----------------------------------------------------------------

    def save_layout(self) -> None:
        """Remember size, state and splitter positions for the next start."""
        if not self._attached:  # a bare shell's splitters would overwrite the real layout
            return
        self._layout.save(self.main_splitter, self.right_splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes, save the layout and close the store (its lock goes)."""
        if self._attached and not self._closed and not self.edits.settle_form():
            event.ignore()
            return
        self.save_layout()
        if self._closed or not self._attached:
            super().closeEvent(event)
            return
        self._closed = True
        if "transfer" in self.__dict__:  # built: a file may be being read
            self.transfer.stop_reading()
        self.health.stop()
        try:
            self.planner.close()
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
