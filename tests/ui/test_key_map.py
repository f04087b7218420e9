"""Keys per OS: Qt's standard bindings, macOS's ⌫, and how each OS writes a key."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence

from desktop.ui import actions, key_map
from desktop.ui.key_map import FAMILIES, SK, STANDARD_BINDINGS, Family, native_text


def resolved_for(family: Family) -> dict[str, list[QKeySequence]]:
    table = STANDARD_BINDINGS[family]

    def bindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        return [QKeySequence(text) for text in table[key]]

    return key_map.with_extras(actions.resolve_shortcuts(actions.all_specs(), bindings), family)


@pytest.mark.parametrize("family", FAMILIES)
def test_with_the_extras_no_two_actions_share_a_key(family: Family) -> None:
    every = [keys.toString() for seqs in resolved_for(family).values() for keys in seqs]
    every += list(STANDARD_BINDINGS[family][SK.Save])  # the session form's own Save
    assert [keys for keys, n in Counter(every).items() if n > 1] == []


def test_on_macos_backspace_and_command_backspace_delete_a_session() -> None:
    delete = [keys.toString() for keys in resolved_for("macos")["delete_action"]]
    assert delete == ["Del", "Meta+D", "Backspace", "Ctrl+Backspace"]
    # Elsewhere Backspace stays the text fields' own key.
    for family in ("windows", "linux"):
        shown = [k.toString() for seqs in resolved_for(family).values() for k in seqs]
        assert "Backspace" not in shown and "Ctrl+Backspace" not in shown
    # Qt's own Delete on macOS is forward delete and ⌃D only: the extras are what add ⌫.
    assert "Backspace" not in STANDARD_BINDINGS["macos"][SK.Delete]


def test_the_windows_column_is_what_qt_binds_with_its_windows_scheme(qapp: Any) -> None:
    """The offscreen platform uses Qt's Windows key scheme: check that column against Qt."""
    for key, ours in STANDARD_BINDINGS["windows"].items():
        qt = [s.toString() for s in QKeySequence.keyBindings(key) if "+" in s.toString()]
        qt += [s.toString() for s in QKeySequence.keyBindings(key) if s.toString()[:1] == "F"]
        assert set(qt) <= set(ours), key


@pytest.mark.parametrize(
    ("portable", "mac"),
    [
        ("Ctrl+Shift+C", "⇧⌘C"),
        ("Ctrl+,", "⌘,"),
        ("Ctrl+?", "⌘?"),
        ("Alt+Left", "⌥←"),
        ("Alt+PgUp", "⌥⇞"),
        ("Backspace", "⌫"),
        ("Ctrl+Backspace", "⌘⌫"),
        ("Meta+D", "⌃D"),
        ("Del", "⌦"),
        ("Ctrl+Alt+Shift+Meta+Z", "⌃⌥⇧⌘Z"),
    ],
)
def test_macos_writes_keys_with_its_symbols(portable: str, mac: str) -> None:
    assert native_text(portable, "macos") == mac
    assert native_text(portable, "windows") == portable


def test_a_tooltip_names_the_key_as_this_os_shows_it(qapp: Any) -> None:
    keys = [QKeySequence("Ctrl+R")]
    shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
    assert key_map.tooltip("New &run…", keys) == f"New run ({shown})"
    assert key_map.tooltip("Save && close", []) == "Save & close"


def test_family_of_each_platform() -> None:
    assert [key_map.family(p) for p in ("win32", "darwin", "linux")] == list(FAMILIES)


README_KEYS = re.compile(r"(?:(?:Ctrl|Alt|Shift|Meta)\+)+(?:,|[^\s/,()]+)|\bDel\b|\bF1\b")


def readme_key_rows() -> list[tuple[str, str]]:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Keyboard", 1)[1].split("\n\n", 2)[1]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    return [(cells[0].removeprefix("| "), cells[1]) for cells in rows]


def test_the_readme_lists_every_actions_key_for_each_os() -> None:
    rows = readme_key_rows()
    listed = {key for portable, _mac in rows for key in README_KEYS.findall(portable)}
    for family in ("windows", "linux"):
        first_keys = {
            seqs[0].toString() for seqs in resolved_for(family).values() if seqs
        }  # what the menus show
        assert first_keys - listed == set(), family
    for portable, mac in rows:
        for key in README_KEYS.findall(portable):
            if key in ("Ctrl+Y", "Del", "F1", "Ctrl+Q", "Alt+F4"):
                continue  # keys macOS spells differently; their rows name the Mac key
            assert native_text(key, "macos") in mac, (key, mac)
    delete_row = next(mac for portable, mac in rows if portable.startswith("Del"))
    macos_delete = resolved_for("macos")["delete_action"]
    for keys in macos_delete:
        assert native_text(keys.toString(), "macos") in delete_row
    help_row = next(mac for portable, mac in rows if portable.startswith("F1"))
    assert native_text(STANDARD_BINDINGS["macos"][SK.HelpContents][0], "macos") == help_row


def test_buttons_name_their_keys_as_this_os_shows_them(qapp: Any) -> None:
    from desktop.ui.session_form import SessionForm

    form = SessionForm()
    native = QKeySequence.SequenceFormat.NativeText
    save = QKeySequence.keyBindings(SK.Save)[0].toString(native)
    assert f"({save} or {QKeySequence('Return').toString(native)})" in form.saveButton.toolTip()
    assert f"({QKeySequence('Ctrl+D').toString(native)})" in form.duplicateButton.toolTip()
    assert key_map.shown(SK.Quit) == "" or key_map.shown(SK.Quit).endswith("Q")
