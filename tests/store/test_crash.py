"""A child saving sessions is SIGKILLed at random moments; nothing it reported is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.bench_store import crash_loop

KILLS = 50


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only")
def test_sigkill_loop_loses_no_committed_session(tmp_path: Path) -> None:
    report = crash_loop(tmp_path / "liftrun.db", kills=KILLS, seed=7)
    assert report.kills == KILLS
    assert not report.child_errors, report.child_errors
    assert report.missing == [], report.summary()
    assert report.wrong == [], report.summary()
    assert report.integrity == "ok"
    assert report.unreported <= KILLS
    assert len(report.reported) > KILLS  # the kills really landed inside the save loop
    assert report.ok
