"""No two actions share a key on Linux, Windows or macOS; no mnemonic is used twice."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui import actions
from desktop.ui.main_window import MainWindow
from desktop.ui.profile_dialog import ProfileDialog

SK = QKeySequence.StandardKey
# The standard keys Liftrun uses, as Qt binds them per platform (qplatformtheme.cpp),
# taken generously: a binding listed for any desktop of a platform is listed here.
PLATFORM_KEYS: dict[str, dict[QKeySequence.StandardKey, tuple[str, ...]]] = {
    "linux": {
        SK.Open: ("Ctrl+O",),
        SK.Quit: ("Ctrl+Q",),
        SK.Undo: ("Ctrl+Z",),
        SK.Redo: ("Ctrl+Shift+Z", "Ctrl+Y"),
        SK.Cut: ("Ctrl+X", "Shift+Del", "F20"),
        SK.Copy: ("Ctrl+C", "Ctrl+Ins", "F16"),
        SK.Paste: ("Ctrl+V", "Shift+Ins", "F18"),
        SK.Delete: ("Del", "Ctrl+D"),
        SK.HelpContents: ("F1",),
        SK.Save: ("Ctrl+S",),
    },
    "windows": {
        SK.Open: ("Ctrl+O",),
        SK.Quit: (),
        SK.Undo: ("Ctrl+Z", "Alt+Backspace"),
        SK.Redo: ("Ctrl+Y", "Ctrl+Shift+Z", "Alt+Shift+Backspace"),
        SK.Cut: ("Ctrl+X", "Shift+Del"),
        SK.Copy: ("Ctrl+C", "Ctrl+Ins"),
        SK.Paste: ("Ctrl+V", "Shift+Ins"),
        SK.Delete: ("Del",),
        SK.HelpContents: ("F1",),
        SK.Save: ("Ctrl+S",),
    },
    # On macOS "Ctrl" is the Command key and "Meta" the Control key.
    "macos": {
        SK.Open: ("Ctrl+O",),
        SK.Quit: ("Ctrl+Q",),
        SK.Undo: ("Ctrl+Z",),
        SK.Redo: ("Ctrl+Shift+Z",),
        SK.Cut: ("Ctrl+X", "Meta+K"),
        SK.Copy: ("Ctrl+C",),
        SK.Paste: ("Ctrl+V", "Meta+Y"),
        SK.Delete: ("Del", "Meta+D"),  # ⌫ is not Qt's: desktop/ui/key_map.py adds it
        SK.HelpContents: ("F1", "Ctrl+?"),
        SK.Save: ("Ctrl+S",),
    },
}


def duplicates(sequences: list[str]) -> list[str]:
    return [keys for keys, count in Counter(sequences).items() if count > 1]


@pytest.mark.parametrize("platform", PLATFORM_KEYS)
def test_no_two_actions_share_a_key_on_any_platform(platform: str) -> None:
    table = PLATFORM_KEYS[platform]

    def bindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        return [QKeySequence(text) for text in table[key]]

    resolved = actions.resolve_shortcuts(actions.all_specs(), bindings)
    every = [keys.toString() for seqs in resolved.values() for keys in seqs]
    every += list(table[SK.Save])  # the session form's Ctrl+S shortcut
    assert duplicates(every) == [], platform
    assert resolved["duplicate_action"] == [QKeySequence("Ctrl+D")]
    assert QKeySequence("Del") in resolved["delete_action"]


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
