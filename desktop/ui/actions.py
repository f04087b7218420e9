"""The main window's menu actions, declared in one table apart from the window.

Each `ActionSpec` names its menu, text (with a mnemonic unique in that menu), shortcut
and the controller method it calls ("edits.on_undo": `MainWindow.edits.on_undo`; a bare
name is the window's own, as "close"). `build_actions` makes the QActions (objectName
`undoAction`, `copyWeekAction`, …, attribute `undo_action`, `copy_week_action`, …)
and the menus; the window connects them in one place. A new feature adds a row here;
a `Submenu` row nests a submenu (File > Export).

Shortcuts: a standard key (`QKeySequence.StandardKey`) takes the platform's bindings,
minus any sequence another action names explicitly, so "Del, Ctrl+D" (Delete on Linux)
leaves Ctrl+D to Duplicate. `resolve_shortcuts` does that for any platform's table,
which is how the tests check Linux, Windows and macOS at once. `key_map.with_extras` then
adds what an OS's users expect beyond Qt's standard keys (⌫ and ⌘⌫ delete on macOS), and
`scope_to` keeps Delete session's keys to the widgets that show sessions, so ⌫ and Del in a
text or number field still edit the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QWidget

from desktop.ui import key_map

StandardKey = QKeySequence.StandardKey
Shortcut = StandardKey | str | None
SEPARATOR = None


@dataclass(frozen=True)
class ActionSpec:
    """One menu action: where it sits, what it says, its keys and the controller slot it calls."""

    attr: str
    text: str
    shortcut: Shortcut
    slot: str
    role: QAction.MenuRole | None = None

    @property
    def controller(self) -> str:
        """The window attribute holding the controller ("" for the window itself)."""
        return self.slot.rpartition(".")[0]

    @property
    def method(self) -> str:
        """The method of that controller the action calls."""
        return self.slot.rpartition(".")[2]

    @property
    def object_name(self) -> str:
        """copy_week_action -> copyWeekAction."""
        head, *rest = self.attr.split("_")
        return head + "".join(part.capitalize() for part in rest)


@dataclass(frozen=True)
class Submenu:
    """A submenu inside a menu (File > Export): its title, with a mnemonic, and its rows."""

    title: str
    items: tuple[ActionSpec | None, ...]


MenuItem = ActionSpec | Submenu | None

MENUS: tuple[tuple[str, tuple[MenuItem, ...]], ...] = (
    (
        "&File",
        (
            ActionSpec(
                "open_action", "&Open database…", StandardKey.Open, "files.on_open_database"
            ),
            ActionSpec("backup_action", "&Back up now", "Ctrl+B", "health.on_back_up"),
            ActionSpec(
                "restore_action", "&Restore a backup…", "Ctrl+Shift+O", "health.on_restore_backup"
            ),
            SEPARATOR,
            ActionSpec("import_action", "&Import…", "Ctrl+I", "transfer.on_import"),
            Submenu(
                "&Export",
                (
                    ActionSpec(
                        "export_ics_action", "&Calendar (.ics)…", None, "transfer.on_export_ics"
                    ),
                    ActionSpec("export_csv_action", "C&SV…", None, "transfer.on_export_csv"),
                ),
            ),
            SEPARATOR,
            ActionSpec(
                "quit_action", "&Quit", StandardKey.Quit, "close", QAction.MenuRole.QuitRole
            ),
        ),
    ),
    (
        "&Edit",
        (
            ActionSpec("undo_action", "&Undo", StandardKey.Undo, "edits.on_undo"),
            ActionSpec("redo_action", "R&edo", StandardKey.Redo, "edits.on_redo"),
            SEPARATOR,
            ActionSpec("cut_action", "Cu&t", StandardKey.Cut, "clipboard.on_cut"),
            ActionSpec("copy_action", "&Copy", StandardKey.Copy, "clipboard.on_copy"),
            ActionSpec("paste_action", "&Paste", StandardKey.Paste, "clipboard.on_paste"),
            ActionSpec("copy_week_action", "Copy &week", "Ctrl+Shift+C", "clipboard.on_copy_week"),
            ActionSpec(
                "paste_week_action", "Paste wee&k", "Ctrl+Shift+V", "clipboard.on_paste_week"
            ),
            SEPARATOR,
            ActionSpec("new_run_action", "New &run", "Ctrl+R", "edits.on_new_run"),
            ActionSpec("new_lift_action", "New &deadlift", "Ctrl+L", "edits.on_new_lift"),
            SEPARATOR,
            ActionSpec(
                "duplicate_action", "Dupl&icate to next day", "Ctrl+D", "clipboard.on_duplicate"
            ),
            ActionSpec(
                "done_as_planned_action",
                "Done as pla&nned",
                "Ctrl+Shift+D",
                "progress.on_done_as_planned",
            ),
            ActionSpec("delete_action", "De&lete session", StandardKey.Delete, "edits.on_delete"),
            SEPARATOR,
            ActionSpec(
                "move_day_back_action", "Move a day &back", "Alt+Left", "moves.on_move_day_back"
            ),
            ActionSpec(
                "move_day_forward_action",
                "Move a day &forward",
                "Alt+Right",
                "moves.on_move_day_forward",
            ),
            ActionSpec(
                "move_week_back_action", "Move a week b&ack", "Alt+Up", "moves.on_move_week_back"
            ),
            ActionSpec(
                "move_week_forward_action",
                "Move a week f&orward",
                "Alt+Down",
                "moves.on_move_week_forward",
            ),
            ActionSpec(
                "repeat_action", "Repeat weekl&y…", "Ctrl+Shift+R", "planning.on_repeat_weekly"
            ),
        ),
    ),
    (
        "&View",
        (
            ActionSpec("today_action", "&Today", "Ctrl+T", "views.on_today"),
            ActionSpec("history_action", "&History of changes", None, "edits.on_show_history"),
            SEPARATOR,
            ActionSpec("month_view_action", "&Month", "Ctrl+Shift+M", "views.on_month_view"),
            ActionSpec("week_view_action", "&Week", "Ctrl+Shift+W", "views.on_week_view"),
            ActionSpec(
                "previous_week_action", "Pre&vious week", "Alt+PgUp", "views.on_previous_week"
            ),
            ActionSpec("next_week_action", "Ne&xt week", "Alt+PgDown", "views.on_next_week"),
            ActionSpec("progress_action", "&Progress", None, "progress.on_show_progress"),
        ),
    ),
    (
        # No mnemonic: P, L, A and N are all taken by the session form's fields.
        "Plan",
        (
            ActionSpec("plan_week_action", "Plan &week…", "Ctrl+Shift+P", "planning.on_plan_week"),
            ActionSpec(
                "plan_block_action", "Plan &block…", "Ctrl+Shift+B", "planning.on_plan_block"
            ),
            SEPARATOR,
            ActionSpec(
                "save_template_action",
                "&Save week as template…",
                None,
                "planning.on_save_week_template",
            ),
            ActionSpec(
                "apply_template_action", "&Apply template…", None, "planning.on_apply_template"
            ),
            ActionSpec(
                "delete_template_action", "&Delete template…", None, "planning.on_delete_template"
            ),
        ),
    ),
    (
        "&Settings",
        (
            ActionSpec(
                "profile_action",
                "&Profile…",
                "Ctrl+,",
                "profiles.on_edit_profile",
                QAction.MenuRole.PreferencesRole,
            ),
            Submenu(
                "&Appearance",
                (
                    ActionSpec("appearance_system_action", "&System", None, "appearance.on_system"),
                    ActionSpec("appearance_light_action", "&Light", None, "appearance.on_light"),
                    ActionSpec("appearance_dark_action", "&Dark", None, "appearance.on_dark"),
                ),
            ),
        ),
    ),
    (
        "&Help",
        (
            ActionSpec(
                "about_action", "&About Liftrun", None, "files.on_about", QAction.MenuRole.AboutRole
            ),
            ActionSpec(
                "health_action",
                "&Health notice",
                StandardKey.HelpContents,
                "files.on_health_notice",
            ),
            ActionSpec("log_folder_action", "Open &log folder", None, "files.on_open_log_folder"),
        ),
    ),
)


def all_specs() -> list[ActionSpec]:
    """Every action of every menu, in menu order."""
    return [spec for _title, items in MENUS for spec in _specs_in(items)]


def _specs_in(items: Sequence[MenuItem]) -> list[ActionSpec]:
    found: list[ActionSpec] = []
    for item in items:
        if isinstance(item, Submenu):
            found += _specs_in(item.items)
        elif item is not None:
            found.append(item)
    return found


def resolve_shortcuts(
    specs: Sequence[ActionSpec], bindings: Callable[[StandardKey], list[QKeySequence]]
) -> dict[str, list[QKeySequence]]:
    """attr -> key sequences on a platform whose standard keys `bindings` gives.

    Explicit shortcuts are kept; a standard key's bindings lose any sequence an explicit
    shortcut of another action already uses.
    """
    explicit = {
        spec.attr: QKeySequence(spec.shortcut) for spec in specs if isinstance(spec.shortcut, str)
    }
    taken = {keys.toString() for keys in explicit.values()}
    resolved: dict[str, list[QKeySequence]] = {}
    for spec in specs:
        if isinstance(spec.shortcut, StandardKey):
            resolved[spec.attr] = [
                keys for keys in bindings(spec.shortcut) if keys.toString() not in taken
            ]
        elif spec.attr in explicit:
            resolved[spec.attr] = [explicit[spec.attr]]
        else:
            resolved[spec.attr] = []
    return resolved


def platform_shortcuts(
    os_family: key_map.Family | None = None,
    bindings: Callable[[StandardKey], list[QKeySequence]] = QKeySequence.keyBindings,
) -> dict[str, list[QKeySequence]]:
    """attr -> keys on an OS: its standard bindings (Qt's, by default this OS's) and extras."""
    return key_map.with_extras(resolve_shortcuts(all_specs(), bindings), os_family)


def build_actions(parent: QObject, menu_bar: QMenuBar) -> dict[str, QAction]:
    """Make every menu and action (disabled; the window enables them once attached)."""
    shortcuts = platform_shortcuts()
    actions: dict[str, QAction] = {}
    for title, items in MENUS:
        _fill_menu(menu_bar.addMenu(title), items, parent, shortcuts, actions)
    return actions


def _fill_menu(
    menu: QMenu,
    items: Sequence[MenuItem],
    parent: QObject,
    shortcuts: dict[str, list[QKeySequence]],
    actions: dict[str, QAction],
) -> None:
    for spec in items:
        if spec is None:
            menu.addSeparator()
            continue
        if isinstance(spec, Submenu):
            submenu = menu.addMenu(spec.title)
            submenu.setObjectName(spec.title.replace("&", "").lower() + "Menu")
            _fill_menu(submenu, spec.items, parent, shortcuts, actions)
            continue
        action = QAction(spec.text, parent)
        action.setObjectName(spec.object_name)
        # setShortcuts: setShortcut's overload check would build the `Qt` namespace.
        action.setShortcuts(shortcuts[spec.attr])
        if spec.role is not None:
            action.setMenuRole(spec.role)
        action.setEnabled(False)
        menu.addAction(action)
        actions[spec.attr] = action


def scope_to(action: QAction, widgets: Iterable[QWidget]) -> None:
    """Let `action`'s keys act only while the focus is in one of `widgets` or their children.

    Delete session's keys (Del; ⌫ and ⌘⌫ on macOS) are also a text field's own editing
    keys: scoped to the calendar, the week view and the day's list, they never reach past a
    focused field. The menu item itself works from anywhere.
    """
    from PySide6.QtCore import Qt  # not at module level: the shell avoids the Qt namespace

    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for widget in widgets:
        widget.addAction(action)


def bind_button(button: QAbstractButton, action: QAction) -> None:
    """Make a push button show and trigger `action`: one QAction for menu and button."""

    def sync() -> None:
        button.setText(action.text())
        button.setEnabled(action.isEnabled())
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            button.setToolTip(action.toolTip())

    action.changed.connect(sync)
    button.clicked.connect(lambda _checked=False: action.trigger())
    sync()
