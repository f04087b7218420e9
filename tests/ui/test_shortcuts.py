"""No two actions share a key on Linux, Windows or macOS; no mnemonic is used twice; the
delete keys delete a session from the calendar, the week view and the day's list, and edit
a focused field everywhere else."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.advice import Session
from desktop.ui import actions, key_map
from desktop.ui.key_map import FAMILIES, STANDARD_BINDINGS, Family
from desktop.ui.main_window import MainWindow
from desktop.ui.profile_dialog import ProfileDialog
from tests.builders import MONDAY
from tests.ui.test_undo import in_file, seed_run

SK = QKeySequence.StandardKey


def duplicates(sequences: list[str]) -> list[str]:
    return [keys for keys, count in Counter(sequences).items() if count > 1]


def shortcuts_on(family: Family) -> dict[str, list[QKeySequence]]:
    """Every action's keys on an OS, from Qt's table for it (key_map.STANDARD_BINDINGS)."""
    table = STANDARD_BINDINGS[family]

    def bindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        return [QKeySequence(text) for text in table[key]]

    return actions.platform_shortcuts(family, bindings)


@pytest.mark.parametrize("family", FAMILIES)
def test_no_two_actions_share_a_key_on_any_platform(family: Family) -> None:
    resolved = shortcuts_on(family)
    every = [keys.toString() for seqs in resolved.values() for keys in seqs]
    every += list(STANDARD_BINDINGS[family][SK.Save])  # the session form's Ctrl+S shortcut
    assert duplicates(every) == [], family
    assert resolved["duplicate_action"] == [QKeySequence("Ctrl+D")]
    assert QKeySequence("Del") in resolved["delete_action"]


def test_macos_and_windows_get_their_own_keys() -> None:
    mac, windows = shortcuts_on("macos"), shortcuts_on("windows")
    texts = {attr: [k.toString() for k in keys] for attr, keys in mac.items()}
    # ⌫ and ⌘⌫ delete on macOS; ⌃D is Duplicate's there (⌘D), Qt's ⌃D stays Delete's.
    assert texts["delete_action"] == ["Del", "Meta+D", "Backspace", "Ctrl+Backspace"]
    assert texts["health_action"] == ["Ctrl+?"]  # ⌘?, not F1
    assert texts["quit_action"] == ["Ctrl+Q"]
    assert [k.toString() for k in windows["delete_action"]] == ["Del"]
    assert windows["health_action"] == [QKeySequence("F1")]
    assert windows["quit_action"] == []  # Alt+F4 closes the window there
    assert windows["redo_action"][0] == QKeySequence("Ctrl+Y")


def test_the_window_uses_this_platforms_keys(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    here = actions.platform_shortcuts()
    for attr, keys in here.items():
        assert getattr(window, attr).shortcuts() == keys, attr


def delete_keys_of(family: Family) -> list[QKeySequence]:
    return shortcuts_on(family)["delete_action"]


@pytest.fixture
def window_on_a_run(
    make_window: Callable[..., MainWindow], db_path: Path, qtbot: QtBot
) -> tuple[MainWindow, Session]:
    seed_run(db_path)
    window = make_window()
    window.ensure_profile()
    window.show()
    qtbot.waitExposed(window)
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(0)
    (session,) = in_file(window).values()
    return window, session


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


@pytest.mark.parametrize(
    ("family", "key", "modifier"),
    [
        ("macos", Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
        ("macos", Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier),  # ⌘⌫
        ("windows", Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ],
)
@pytest.mark.parametrize("place", ["day_list", "calendar", "week_view"])
def test_a_delete_key_where_sessions_are_shown_deletes_the_selected_one(
    window_on_a_run: tuple[MainWindow, Session],
    qtbot: QtBot,
    family: Family,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    place: str,
) -> None:
    window, _session = window_on_a_run
    window.delete_action.setShortcuts(delete_keys_of(family))
    if place == "week_view":
        window.week_view_action.trigger()
    target: QWidget = getattr(window, place)
    if place == "calendar":
        target = window.calendar.grid_view()  # the month's grid takes the keys
    focus(qtbot, target)
    qtbot.keyClick(target, key, modifier)
    assert in_file(window) == {}


@pytest.mark.parametrize(
    ("family", "key", "modifier"),
    [
        ("macos", Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
        ("macos", Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier),
        ("windows", Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ],
)
@pytest.mark.parametrize("field", ["distanceField", "notesField"])
def test_a_delete_key_in_a_field_edits_the_field_not_the_calendar(
    window_on_a_run: tuple[MainWindow, Session],
    qtbot: QtBot,
    family: Family,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    field: str,
) -> None:
    window, session = window_on_a_run
    window.delete_action.setShortcuts(delete_keys_of(family))
    editor = window.findChild(QWidget, field)
    assert isinstance(editor, QAbstractSpinBox | QPlainTextEdit), field
    focus(qtbot, editor)
    text: Callable[[], str]
    if isinstance(editor, QPlainTextEdit):
        qtbot.keyClicks(editor, "sore")
        text = editor.toPlainText
        if key == Qt.Key.Key_Delete:  # forward delete: from the start
            editor.moveCursor(editor.textCursor().MoveOperation.Start)
    else:
        line = editor.findChild(QLineEdit)
        assert line is not None
        text = line.text
        line.setCursorPosition(0 if key == Qt.Key.Key_Delete else text().index(" "))
    before = text()
    qtbot.keyClick(editor, key, modifier)
    after = text()
    assert after != before  # the field's own editing key
    assert in_file(window) == {session.id: session}


def test_the_day_buttons_name_their_keys_as_this_os_shows_them(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    native = QKeySequence.SequenceFormat.NativeText
    run_key = QKeySequence("Ctrl+R").toString(native)
    assert window.newRunButton.toolTip() == f"Plan a run on the selected day ({run_key})"
    assert f"({QKeySequence('Ctrl+L').toString(native)})" in window.newLiftButton.toolTip()
    assert key_map.tooltip("x", window.new_run_action.shortcuts()) == f"x ({run_key})"


def test_every_action_and_shortcut_in_the_window_has_its_own_keys(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window()
    sequences = [
        keys.toString()
        for action in window.findChildren(QAction)
        for keys in action.shortcuts()
        if not keys.isEmpty()
    ]
    sequences += [
        shortcut.key().toString()
        for shortcut in window.findChildren(QShortcut)
        if not shortcut.key().isEmpty()
    ]
    assert len(sequences) > 15
    assert duplicates(sequences) == []
    for name in (
        "undoAction",
        "redoAction",
        "cutAction",
        "copyAction",
        "pasteAction",
        "copyWeekAction",
        "pasteWeekAction",
    ):
        found = window.findChild(QAction, name)
        assert found is not None and not found.shortcut().isEmpty(), name
    assert window.undo_action.shortcuts() == QKeySequence.keyBindings(SK.Undo)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


def test_each_menu_uses_each_mnemonic_once(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    menus = window.menuBar().findChildren(QMenu)
    assert len(window.menuBar().actions()) == len(actions.MENUS)  # findChildren: File > Export too
    for menu in menus:
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert None not in letters, menu.title()
        assert duplicates([x for x in letters if x]) == [], menu.title()


def visible_mnemonics(root: QWidget) -> list[str]:
    """Mnemonics Alt+letter can reach now: labels with buddies and buttons, shown and enabled."""
    labels = [w for w in root.findChildren(QLabel) if w.buddy() is not None]
    texts = [w.text() for w in labels if w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    return [letter for letter in map(mnemonic, texts) if letter]


def test_no_mnemonic_is_used_twice_in_the_window(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.ensure_profile()
    menu_bar = [mnemonic(a.text()) for a in window.menuBar().actions()]
    window.new_run_action.trigger()
    run_form = visible_mnemonics(window) + [m for m in menu_bar if m]
    assert "a" in run_form  # St&art: the check sees the form's labels
    assert duplicates(run_form) == []
    window.new_lift_action.trigger()
    lift_form = visible_mnemonics(window) + [m for m in menu_bar if m]
    assert duplicates(lift_form) == []


def test_no_mnemonic_is_used_twice_in_the_profile_dialog(qtbot: QtBot) -> None:
    dialog = ProfileDialog(None, False)
    qtbot.addWidget(dialog)
    letters = visible_mnemonics(dialog)
    assert len(letters) >= 8
    assert duplicates(letters) == []
