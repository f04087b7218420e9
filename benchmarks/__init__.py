"""Liftrun's benchmark suite: shared result shape, timing helpers and cached sample databases.

Every `benchmarks/bench_*.py` module exposes `run(quick: bool = False) -> list[dict]`; each dict
is one row of the results table. The runner (`python -m benchmarks.run`) reads these keys:

- ``figure`` (str, required): what was measured, e.g. "advice: advise_run, 10 years".
- ``median`` (float | None, required): the median of the samples (None when skipped).
- ``unit`` (str): "ms", "x" (a ratio), "MB", "KiB"... defaults to "ms".
- ``spread`` (float | None): the interquartile range of the samples (p75 - p25), same unit.
- ``budget`` (float | None): the largest acceptable median (None: informational only).
- ``passed`` (bool | None): median <= budget (None when there is no budget or it was skipped).
- ``samples`` (int): how many measurements the median is taken over.
- ``note`` (str): anything a reader needs ("not built", "10 years = 7,500 sessions"...).

`result()` builds such a row from raw samples; `ms_row()` is the same row with the older
``median_ms``/``spread_ms``/``budget_ms`` spellings beside it; `ratio_row()` builds one from
paired samples (value / base); `time_ms()` times a callable.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypedDict

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"


class Result(TypedDict, total=False):
    """One row of the benchmark table (see the module docstring for each key)."""

    figure: str
    median: float | None
    unit: str
    spread: float | None
    budget: float | None
    passed: bool | None
    samples: int
    note: str


def spread_of(samples: Sequence[float]) -> float:
    """The interquartile range (p75 - p25) of the samples; 0 for fewer than two."""
    if len(samples) < 2:
        return 0.0
    quartiles = statistics.quantiles(samples, n=4, method="inclusive")
    return quartiles[2] - quartiles[0]


def result(
    figure: str,
    samples: Sequence[float],
    *,
    unit: str = "ms",
    budget: float | None = None,
    note: str = "",
) -> Result:
    """Summarise raw samples into a table row: median, spread, and pass/fail against budget."""
    if not samples:
        return skipped(figure, note or "no samples", unit=unit, budget=budget)
    median = statistics.median(samples)
    return Result(
        figure=figure,
        median=median,
        unit=unit,
        spread=spread_of(samples),
        budget=budget,
        passed=None if budget is None else median <= budget,
        samples=len(samples),
        note=note,
    )


def ratio_row(
    figure: str,
    values: Sequence[float],
    bases: Sequence[float],
    *,
    budget: float | None = None,
    note: str = "",
) -> Result:
    """A row of per-pair ratios value / base (the samples are interleaved pairs), unit "x"."""
    ratios = [value / base for value, base in zip(values, bases, strict=True)]
    return result(figure, ratios, unit="x", budget=budget, note=note)


def ms_row(
    figure: str, samples: Sequence[float], budget: float | None, note: str = ""
) -> dict[str, Any]:
    """`result()` in milliseconds, also under the ``*_ms`` keys some modules print from."""
    row = result(figure, samples, budget=budget, note=note)
    return {
        **row,
        "median_ms": row["median"],
        "spread_ms": row["spread"],
        "budget_ms": row["budget"],
    }


def skipped(figure: str, note: str, *, unit: str = "ms", budget: float | None = None) -> Result:
    """A row for a figure that could not be measured here (e.g. the bundle is not built)."""
    return Result(
        figure=figure,
        median=None,
        unit=unit,
        spread=None,
        budget=budget,
        passed=None,
        samples=0,
        note=note,
    )


def time_ms(
    action: Callable[[], Any],
    *,
    repeats: int,
    warmup: int = 1,
    setup: Callable[[], Any] | None = None,
) -> list[float]:
    """Run `action` warmup + repeats times and return the timed repeats in milliseconds.

    `setup`, when given, runs untimed before every call.
    """
    samples: list[float] = []
    for index in range(warmup + repeats):
        if setup is not None:
            setup()
        started = time.perf_counter_ns()
        action()
        elapsed = (time.perf_counter_ns() - started) / 1e6
        if index >= warmup:
            samples.append(elapsed)
    return samples


def cache_dir() -> Path:
    """The folder where generated sample databases are kept between runs.

    `LIFTRUN_BENCH_CACHE` overrides the default (a `liftrun-bench-cache` folder in the
    system's temporary directory).
    """
    folder = Path(
        os.environ.get("LIFTRUN_BENCH_CACHE") or Path(tempfile.gettempdir()) / "liftrun-bench-cache"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _code_digest() -> str:
    """A short hash of the sources that shape a sample database (generator and store)."""
    digest = hashlib.sha256()
    sources = [ROOT / "desktop" / "sample.py", ROOT / "desktop" / "advice" / "model.py"]
    sources += sorted((ROOT / "desktop" / "store").glob("*.py"))
    for source in sources:
        if source.exists():
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def history_db(years: int, seed: int = 7) -> Path:
    """A Store database holding `years` of seeded sample history ending today, cached.

    The file is generated once per (years, seed, day, generator/store source) and reused;
    treat it as read-only (copy it first if the code under test writes to it).
    """
    from datetime import date

    from desktop.sample import populate

    end = date.today()
    name = f"history-{years}y-seed{seed}-{end.isoformat()}-{_code_digest()}.db"
    path = cache_dir() / name
    if path.exists():
        return path
    from desktop.store import Store

    partial = path.with_name(path.name + ".partial")
    for stale in partial.parent.glob(partial.name + "*"):
        stale.unlink()
    with Store.open(partial) as store:
        populate(store, years=years, seed=seed, end=end)
    partial.replace(path)
    return path


def session_count(path: Path) -> int:
    """How many sessions a database holds (for the notes beside a figure)."""
    from desktop.store import Store

    with Store.open(path) as store:
        return len(store.all_sessions())
