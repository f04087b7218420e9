"""The hidden `--smoke-test`: in-process, through `python -m desktop`, and its failure path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop import __version__, smoke

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_run_passes_in_process(
    qapp: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run() builds the window, round-trips a session, gets advice, prints one line, returns 0."""
    out = tmp_path / "smoke.txt"
    monkeypatch.setenv("LIFTRUN_SMOKE_OUT", str(out))
    assert smoke.run() == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith(f"smoke ok: version {__version__}, window built, session 1 saved")
    assert "advice: immediately_after" in line
    # The bundled samples, and their runs exported as a calendar in a named time zone.
    assert "imported GPX 1 run (1 skipped), FIT 1 run, calendar 2 events (Europe/Berlin)" in line
    assert line.endswith("(from a source checkout)")
    assert out.read_text(encoding="utf-8").strip() == line


def test_smoke_run_reports_a_failure(
    qapp: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken step gives exit code 1 and a line that names the step and the reason."""

    def broken(_db_path: Path) -> str:
        raise RuntimeError("the window would not build")

    monkeypatch.setattr(smoke, "_check_window", broken)
    assert smoke.run() == 1
    out = capsys.readouterr().out
    assert "smoke FAILED at main window: RuntimeError: the window would not build" in out


def test_smoke_run_fails_when_a_sample_cannot_be_imported(
    qapp: Any,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A build whose FIT reader is broken (here: a damaged sample) fails at the imports step."""
    from desktop import resources

    damaged = tmp_path / "damaged.fit"
    damaged.write_bytes(resources.sample_path(resources.SAMPLE_FIT).read_bytes()[:40])
    monkeypatch.setattr(resources, "sample_path", lambda name: damaged)
    assert smoke.run() == 1
    out = capsys.readouterr().out
    assert "smoke FAILED at imports" in out


def test_smoke_run_fails_when_version_disagrees(
    qapp: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build whose --version prints something else than __version__ fails the smoke test."""
    from desktop import startup

    monkeypatch.setattr(startup, "version_text", lambda: "Liftrun 0.0.0-stale")
    assert smoke.run() == 1
    out = capsys.readouterr().out
    assert "smoke FAILED at version" in out and "0.0.0-stale" in out


@pytest.mark.slow
def test_smoke_flag_through_the_entry_point(tmp_path: Path) -> None:
    """`python -m desktop --smoke-test` (what the frozen binary runs) exits 0."""
    log_dir = Path(os.environ["LIFTRUN_LOG_DIR"])  # tests/conftest.py put it in tmp_path
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"smoke ok: version {__version__}," in result.stdout
    log_lines = (log_dir / "liftrun.log").read_text(encoding="utf-8").splitlines()
    assert f"Liftrun {__version__} starting" in log_lines[0]


@pytest.mark.slow
def test_smoke_flag_is_hidden_from_help(tmp_path: Path) -> None:
    """`liftrun --help` does not advertise the smoke test."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"],
        cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "--db" in result.stdout
    assert "smoke" not in result.stdout
