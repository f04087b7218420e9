"""The layers, as pyproject's [tool.importlinter] contracts state them, hold for this tree.

The contracts are the one source of the rules (engine, store, glue, window, roots; the
window reaching store types only through the planner); this test runs `lint-imports` on
them so a broken layer fails the ordinary test run too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.tooling

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"


def test_every_import_contract_is_kept() -> None:
    """`lint-imports` reports every contract kept."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("import-linter is not installed beside this Python")
    result = subprocess.run(
        [lint_imports, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert " 0 broken" in result.stdout


def test_frozen_paths_are_resolved_in_one_place() -> None:
    """Only desktop/resources.py knows about PyInstaller's sys._MEIPASS."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "_MEIPASS" in path.read_text(encoding="utf-8") and path.name != "resources.py"
    ]
    assert not offenders, f"sys._MEIPASS used outside desktop/resources.py: {offenders}"
