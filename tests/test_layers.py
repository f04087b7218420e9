"""Layer rules, checked by reading every module's imports with ast (mirrors import-linter).

import-linter (pyproject [tool.importlinter]) can only forbid whole external packages; the
rule "only the window and the composition roots import PySide6.QtWidgets" needs this test.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.tooling

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"

# Modules allowed to import PySide6.QtWidgets: the window package, the composition roots and
# the start-up code they share.
WIDGET_MODULES = ("desktop.ui", "desktop.app", "desktop.smoke", "desktop.startup")


@dataclass(frozen=True)
class Import:
    """One imported module name and where it is imported."""

    importer: str
    module: str
    line: int


def module_name(path: Path) -> str:
    """desktop/ui/main_window.py -> desktop.ui.main_window; package __init__ -> package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_in(source: str, importer: str, is_package: bool = False) -> list[Import]:
    """Every module an import statement names (anywhere, functions included)."""
    found: list[Import] = []
    package = importer if is_package else importer.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(importer, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts)
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.append(Import(importer, target, node.lineno))
            # `from PySide6 import QtWidgets` imports the submodule too.
            found += [Import(importer, f"{target}.{a.name}", node.lineno) for a in node.names]
    return found


def all_imports() -> list[Import]:
    """Imports of every module in the desktop package."""
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += imports_in(
            path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
        )
    return found


def within(module: str, prefixes: tuple[str, ...] | str) -> bool:
    """True when `module` is one of `prefixes` or inside one of them."""
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def violations(
    imports: list[Import], sources: tuple[str, ...], forbidden: tuple[str, ...]
) -> list[str]:
    """Readable lines for each import from `sources` of anything in `forbidden`."""
    return [
        f"{i.importer} (line {i.line}) imports {i.module}"
        for i in imports
        if within(i.importer, sources) and within(i.module, forbidden)
    ]


RULES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "the engine is pure Python",
        ("desktop.advice",),
        ("PySide6", "shiboken6", "peewee", "playhouse", "desktop.store", "desktop.ui"),
    ),
    (
        "the engine does not reach up to the window or the roots",
        ("desktop.advice",),
        ("desktop.app", "desktop.planner", "desktop.smoke", "desktop.startup"),
    ),
    ("the store imports no Qt", ("desktop.store",), ("PySide6", "shiboken6")),
    (
        "the store sits below the window",
        ("desktop.store",),
        ("desktop.ui", "desktop.app", "desktop.startup"),
    ),
    ("the smoke test shares start-up, not the root", ("desktop.smoke",), ("desktop.app",)),
    (
        "the shared start-up code does not reach up to the roots",
        ("desktop.startup",),
        ("desktop.app", "desktop.smoke"),
    ),
    (
        "planner, resources, logs and sample data import no Qt",
        ("desktop.planner", "desktop.resources", "desktop.logs", "desktop.sample"),
        ("PySide6", "shiboken6"),
    ),
    (
        "import and export import no Qt and nothing above the planner's level",
        ("desktop.interop",),
        ("PySide6", "shiboken6", "desktop.ui", "desktop.app", "desktop.startup", "desktop.planner"),
    ),
]


@pytest.mark.parametrize(("rule", "sources", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_layer_rule(rule: str, sources: tuple[str, ...], forbidden: tuple[str, ...]) -> None:
    """Each layer keeps to its imports."""
    found = violations(all_imports(), sources, forbidden)
    assert not found, f"Layer rule broken ({rule}):\n" + "\n".join(found)


def test_only_window_and_roots_import_qtwidgets() -> None:
    """PySide6.QtWidgets appears only in desktop.ui, the composition roots and start-up."""
    found = [
        f"{i.importer} (line {i.line}) imports {i.module}"
        for i in all_imports()
        if within(i.module, "PySide6.QtWidgets") and not within(i.importer, WIDGET_MODULES)
    ]
    assert not found, "Only the window may import PySide6.QtWidgets:\n" + "\n".join(found)


def test_frozen_paths_are_resolved_in_one_place() -> None:
    """Only desktop/resources.py knows about PyInstaller's sys._MEIPASS."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "_MEIPASS" in path.read_text(encoding="utf-8") and path.name != "resources.py"
    ]
    assert not offenders, f"sys._MEIPASS used outside desktop/resources.py: {offenders}"


def test_checker_sees_every_import_form() -> None:
    """The checker itself: plain, from, relative and function-level imports are all found."""
    source = (
        "import peewee\n"
        "from PySide6 import QtWidgets\n"
        "from ..store import Store\n"
        "def f() -> None:\n"
        "    from PySide6.QtWidgets import QLabel\n"
    )
    found = {i.module for i in imports_in(source, "desktop.advice.rules")}
    assert {"peewee", "PySide6.QtWidgets", "desktop.store", "desktop.store.Store"} <= found
    assert violations(imports_in(source, "desktop.advice.rules"), ("desktop.advice",), ("PySide6",))


def test_package_has_modules() -> None:
    """The scan really reads the package (guards against an empty, vacuous pass)."""
    names = {i.importer for i in all_imports()}
    assert {"desktop.advice", "desktop.store", "desktop.resources"} <= names
