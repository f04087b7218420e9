"""The frozen bundle (dist/Liftrun/, built by PyInstaller): folder size, zipped size, start-up.

Skipped with "not built" when no bundle folder with its executable exists (dist/Liftrun/,
or the folder named by LIFTRUN_BUNDLE_DIR). The zipped size is what a user
downloads: the folder deflated at the default level into a temporary zip. The start-up time
is the wall time of the frozen binary's hidden `--smoke-test` (build the window offscreen on
a throwaway database, then exit), from just before the process starts to its exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks import ROOT, Result, result, skipped

# build.spec writes dist/Liftrun/; LIFTRUN_BUNDLE_DIR points at a bundle built elsewhere.
BUNDLE_CANDIDATES = (ROOT / "dist" / "Liftrun", ROOT / "dist" / "liftrun")
FOLDER_BUDGET_MB = 145.0
ZIPPED_BUDGET_MB = 60.0
MB = 1_000_000  # decimal megabytes, as .ci/run checks the budgets


def bundle_dir() -> Path | None:
    """The built one-folder bundle, or None when it has not been built."""
    override = os.environ.get("LIFTRUN_BUNDLE_DIR")
    candidates = (Path(override),) if override else BUNDLE_CANDIDATES
    for folder in candidates:
        if folder.is_dir() and bundle_binary(folder) is not None:
            return folder
    return None


def bundle_binary(folder: Path) -> Path | None:
    """The frozen executable inside the bundle folder, if any."""
    for name in ("liftrun", "liftrun.exe", "Liftrun", "Liftrun.exe"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def folder_size(folder: Path) -> int:
    """Total bytes of every file under `folder` (symlinks not followed)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def zipped_size(folder: Path) -> int:
    """Bytes of `folder` zipped with deflate (the download)."""
    with tempfile.TemporaryDirectory(prefix="liftrun-bench-zip-") as tmp:
        archive = Path(tmp) / "liftrun.zip"
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    zipped.write(path, path.relative_to(folder.parent))
        return archive.stat().st_size


def smoke_seconds(command: list[str], repeats: int) -> list[float]:
    """Wall times (ms) of `command --smoke-test`, offscreen, after one untimed warm-up."""
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="liftrun-bench-frozen-") as tmp:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(Path(tmp) / name.lower())
        for index in range(repeats + 1):
            started = time.perf_counter_ns()
            completed = subprocess.run(
                [*command, "--smoke-test"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                timeout=180,
            )
            elapsed = (time.perf_counter_ns() - started) / 1e6
            if completed.returncode != 0:
                raise RuntimeError(
                    f"{' '.join(command)} --smoke-test exited with {completed.returncode}: "
                    + completed.stdout.decode(errors="replace")[-500:]
                    + completed.stderr.decode(errors="replace")[-1500:]
                )
            if index:
                samples.append(elapsed)
    return samples


def run(quick: bool = False) -> list[Result]:
    """Rows: bundle folder size, zipped size (both against budgets), frozen start-up."""
    figures = ("bundle: folder size", "bundle: zipped size", "bundle: frozen --smoke-test")
    folder = bundle_dir()
    if folder is None:
        return [
            skipped(figures[0], "not built", unit="MB", budget=FOLDER_BUDGET_MB),
            skipped(figures[1], "not built", unit="MB", budget=ZIPPED_BUDGET_MB),
            skipped(figures[2], "not built"),
        ]
    rows = [
        result(figures[0], [folder_size(folder) / MB], unit="MB", budget=FOLDER_BUDGET_MB),
        result(figures[1], [zipped_size(folder) / MB], unit="MB", budget=ZIPPED_BUDGET_MB),
    ]
    binary = bundle_binary(folder)
    if binary is None:
        rows.append(skipped(figures[2], f"no executable in {folder}"))
    else:
        note = "whole process: start, window built offscreen, exit"
        if sys.platform == "win32":
            note += " (windowed build)"
        repeats = 1 if quick else 5
        rows.append(result(figures[2], smoke_seconds([str(binary)], repeats), note=note))
        rows.append(
            result(
                "bundle: same --smoke-test from source",
                smoke_seconds([sys.executable, "-m", "desktop"], repeats),
                note="for comparison with the frozen row",
            )
        )
    return rows
