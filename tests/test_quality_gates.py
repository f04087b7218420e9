"""The quality gates in pyproject.toml catch what they exist for, tried on small broken inputs.

Each test runs the real tool with the project's configuration on a deliberately wrong file:
a misspelt pytest marker, an untyped function, an engine that imports Qt.
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
PYPROJECT = ROOT / "pyproject.toml"


@pytest.mark.slow
def test_pytest_refuses_a_misspelt_marker(tmp_path: Path) -> None:
    """--strict-markers: a typo in a marker fails the run instead of silently selecting nothing."""
    test_file = tmp_path / "test_typo.py"
    test_file.write_text(
        "import pytest\n\n\n@pytest.mark.slwo\ndef test_x() -> None:\n    assert True\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(PYPROJECT),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            "-q",
            str(test_file),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "'slwo' not found in `markers`" in result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_refuses_an_untyped_function(tmp_path: Path) -> None:
    """disallow_untyped_defs: a function without annotations is an error."""
    module = tmp_path / "untyped.py"
    module.write_text("def double(x):\n    return x * 2\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(PYPROJECT),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(module),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Function is missing a type annotation" in result.stdout


@pytest.mark.slow
def test_mypy_checks_the_application_strictly_and_the_tests_as_before(tmp_path: Path) -> None:
    """The desktop package is checked as `mypy --strict` would; other code is not."""
    loose = "from typing import Any\n\n\ndef first(items: list[Any]) -> int:\n    return items[0]\n"
    for package in ("desktop", "helpers"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "loose.py").write_text(loose)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(PYPROJECT),
            "--cache-dir",
            str(tmp_path / "cache"),
            "-p",
            "desktop",
            "-p",
            "helpers",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith(str(Path("desktop", "loose.py")))
    assert "Returning Any" in errors[0]


@pytest.mark.slow
def test_import_contracts_catch_qt_in_the_engine_and_ui_in_the_store(tmp_path: Path) -> None:
    """The import-linter contracts break when the engine imports Qt or the store the window."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("import-linter is not installed beside this Python")
    copy = tmp_path / "src" / "desktop"
    shutil.copytree(ROOT / "desktop", copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "advice" / "__init__.py").open("a", encoding="utf-8") as engine:
        engine.write("\nimport PySide6.QtWidgets  # noqa\n")
    with (copy / "store" / "__init__.py").open("a", encoding="utf-8") as store:
        store.write("\nimport desktop.ui  # noqa\n")
    result = subprocess.run(
        [lint_imports, "--config", str(PYPROJECT), "--no-cache"],
        cwd=tmp_path / "src",
        env=dict(os.environ, PYTHONPATH=str(tmp_path / "src")),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "The engine is pure Python: no Qt, no database BROKEN" in result.stdout
    assert "The store imports no Qt and nothing above it BROKEN" in result.stdout
