"""The benchmark suite runs end to end in quick mode and writes the figures it promises.

Performance itself is checked by `python -m benchmarks.run`, not by timed unit tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import result, spread_of
from benchmarks.run import normalise

pytestmark = pytest.mark.tooling

ROOT = Path(__file__).resolve().parent.parent


def test_result_row_summarises_samples() -> None:
    row = result("x", [3.0, 1.0, 2.0, 10.0], budget=2.6)
    assert row["median"] == 2.5
    assert row["passed"] is True
    assert row["samples"] == 4
    assert spread_of([1.0, 2.0, 3.0, 4.0, 5.0]) == 2.0
    assert result("y", [], budget=1.0)["passed"] is None


def test_runner_accepts_other_spellings_of_a_row() -> None:
    row = normalise({"name": "store: x", "median_ms": 4.0, "budget_ms": 5.0}, "store")
    assert row["figure"] == "store: x"
    assert row["unit"] == "ms"
    assert row["passed"] is True


@pytest.mark.slow
def test_quick_suite_runs_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    markdown = tmp_path / "results.md"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LIFTRUN_BENCH_CACHE"] = str(tmp_path / "cache")
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--quick",
            "--growth",
            "--json",
            str(out),
            "--markdown",
            str(markdown),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["meta"]["quick"] is True
    rows = {row["figure"]: row for row in data["results"]}
    assert not [name for name in rows if "crashed" in name]
    for figure in (
        "start-up: bare QCalendarWidget to first paint",
        "start-up ratio: app (empty database) / bare",
        "start-up ratio: app (1 year of history) / bare",
        "start-up ratio: complete window (1 year of history) / the same widgets",
        "peak memory ratio: app (empty database) / bare",
        "month switch, 1 year of history",
        "bundle: folder size",
    ):
        assert figure in rows, sorted(rows)
    assert any(name.startswith("advice") for name in rows)
    assert any(name.startswith("store") for name in rows)
    startup = rows["start-up: bare QCalendarWidget to first paint"]
    assert startup["median"] is not None and 10 < startup["median"] < 60_000
    assert rows["start-up ratio: app (empty database) / bare"]["budget"] == 1.3
    complete = "start-up ratio: complete window (empty database) / the same widgets"
    assert rows[complete]["budget"] == 1.3
    assert rows["month switch, 1 year of history"]["budget"] == 16.0
    growth = {row["figure"]: row for row in data["growth"]}
    assert set(growth["month switch (reload + repaint)"]["values"]) == {"1", "2"}
    text = markdown.read_text(encoding="utf-8")
    assert "| figure |" in text and "| growth |" in text
    assert "month switch" in completed.stdout
