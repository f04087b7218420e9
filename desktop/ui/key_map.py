"""The keys that differ between Windows, macOS and Linux, and how each OS writes them.

`desktop/ui/actions.py` gives most actions a `QKeySequence.StandardKey`, which Qt binds per
OS at run time. Qt cannot say what another OS binds, so `STANDARD_BINDINGS` records Qt's
own table (qplatformtheme.cpp) for the standard keys Liftrun uses; the tests and the
README's key table read it. `EXTRA_KEYS` adds what an OS's users expect beyond Qt's
standard keys: on macOS ⌫ and ⌘⌫ delete (Qt's Delete there is only forward delete ⌦ and
⌃D). Key text is Qt's portable form, where "Ctrl" is ⌘ Command on macOS and "Meta" is
⌃ Control. `native_text` writes a sequence as the OS shows it in menus and tooltips.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Final, Literal

from PySide6.QtGui import QKeySequence

Family = Literal["windows", "macos", "linux"]
FAMILIES: Final[tuple[Family, ...]] = ("windows", "macos", "linux")
SK = QKeySequence.StandardKey

# Qt's bindings of the standard keys Liftrun uses, per OS (qplatformtheme.cpp, KB_Win,
# KB_Mac, KB_X11), first the one menus show.
STANDARD_BINDINGS: Final[Mapping[Family, Mapping[QKeySequence.StandardKey, tuple[str, ...]]]] = {
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
    "macos": {
        SK.Open: ("Ctrl+O",),
        SK.Quit: ("Ctrl+Q",),
        SK.Undo: ("Ctrl+Z",),
        SK.Redo: ("Ctrl+Shift+Z",),
        SK.Cut: ("Ctrl+X", "Meta+K"),
        SK.Copy: ("Ctrl+C",),
        SK.Paste: ("Ctrl+V", "Meta+Y"),
        SK.Delete: ("Del", "Meta+D"),
        SK.HelpContents: ("Ctrl+?",),
        SK.Save: ("Ctrl+S",),
    },
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
}

# Keys an OS's users expect beyond Qt's standard ones, by action attribute.
EXTRA_KEYS: Final[Mapping[Family, Mapping[str, tuple[str, ...]]]] = {
    "windows": {},
    # Finder, Mail and Calendar delete with ⌫ (Backspace) and ⌘⌫.
    "macos": {"delete_action": ("Backspace", "Ctrl+Backspace")},
    "linux": {},
}

# How macOS writes keys: its modifier symbols, in its order (⌃ ⌥ ⇧ ⌘), and named keys.
_MAC_MODIFIERS: Final = (("Meta", "⌃"), ("Alt", "⌥"), ("Shift", "⇧"), ("Ctrl", "⌘"))
_MAC_KEYS: Final = {
    "Backspace": "⌫",
    "Del": "⌦",
    "Delete": "⌦",
    "Return": "↩",
    "Enter": "⌤",
    "Esc": "⎋",
    "Tab": "⇥",
    "PgUp": "⇞",
    "PgDown": "⇟",
    "Home": "↖",
    "End": "↘",
    "Left": "←",
    "Right": "→",
    "Up": "↑",
    "Down": "↓",
    "Space": "Space",
}


def family(platform: str = sys.platform) -> Family:
    """The OS family of a sys.platform value."""
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


def extra_keys(attr: str, os_family: Family | None = None) -> tuple[str, ...]:
    """The keys `attr` gets on this OS beyond its standard key (portable text)."""
    return EXTRA_KEYS[os_family or family()].get(attr, ())


def with_extras(
    resolved: Mapping[str, Sequence[QKeySequence]], os_family: Family | None = None
) -> dict[str, list[QKeySequence]]:
    """`resolve_shortcuts`' result plus this OS's extra keys, none of them taken twice."""
    chosen = {attr: list(keys) for attr, keys in resolved.items()}
    taken = {keys.toString() for seqs in chosen.values() for keys in seqs}
    for attr, extras in EXTRA_KEYS[os_family or family()].items():
        for text in extras:
            sequence = QKeySequence(text)
            if attr in chosen and sequence.toString() not in taken:
                chosen[attr].append(sequence)
                taken.add(sequence.toString())
    return chosen


def native_text(portable: str, os_family: Family | None = None) -> str:
    """How an OS writes a key sequence: "Ctrl+Shift+C" is ⇧⌘C on macOS, as is elsewhere.

    Qt's QKeySequence.toString(NativeText) answers for the running OS only; this answers for
    any, so the README's table and the tests can cover all three.
    """
    if (os_family or family()) != "macos":
        return portable
    parts = portable.split("+")
    # "Ctrl++" (a plus key) splits into empty strings: keep the key whole.
    if portable.endswith("++"):
        parts = [*portable[:-2].split("+"), "+"]
    *modifiers, key = parts
    symbols = "".join(symbol for name, symbol in _MAC_MODIFIERS if name in modifiers)
    return symbols + _MAC_KEYS.get(key, key)


def shown(keys: str | QKeySequence.StandardKey) -> str:
    """A key as this OS shows it ("⌘D" on macOS, "Ctrl+D" elsewhere): a standard key's first
    binding here, or a portable key text. "" for a standard key this OS does not bind."""
    if isinstance(keys, str):
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    bindings = QKeySequence.keyBindings(keys)
    return bindings[0].toString(QKeySequence.SequenceFormat.NativeText) if bindings else ""


def tooltip(text: str, keys: Sequence[QKeySequence]) -> str:
    """ "New run (⌘R)": an action's words and its first key as this OS shows keys."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    if not keys:
        return plain
    return f"{plain} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
