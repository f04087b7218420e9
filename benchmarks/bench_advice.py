"""Advice engine speed on years of synthetic history, in memory (no store, no Qt).

Figures: building a `History` of ~7,500 sessions; `advise_run` for one run against a
prepared History (budget 0.2 ms a call); `advise_day` for the 42 days of a month view
(budget 5 ms a view); and, for comparison, `advise_run` given a plain list (which builds
the index on every call). The history is generated with a fixed seed: 2-3 deadlifts and
3-5 runs a week, many runs right after or the day after a lift, a few over the caps.

Run it alone with `python -m benchmarks.bench_advice [--quick]`; the suite runner calls
`run(quick)`. Rows carry both the runner's keys (median, spread, budget) and the
`*_ms` spellings.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from benchmarks import ms_row, time_ms
from desktop.advice import (
    History,
    Kind,
    Profile,
    Session,
    Workout,
    advise_day,
    advise_run,
)

SEED = 20260302
TARGET_SESSIONS = 7_500
END = date(2026, 3, 2)  # fixed, so every run measures the same data
RUN_BUDGET_MS = 0.2
MONTH_BUDGET_MS = 5.0
HISTORY_BUDGET_MS = 150.0
PROFILE = Profile(max_distance_km=12.0, max_speed_kmh=16.0, immediate_window_min=60)


def synthetic_history(target: int = TARGET_SESSIONS, seed: int = SEED) -> list[Session]:
    """Weeks of 2-3 deadlifts and 3-5 runs, back from END, until `target` sessions."""
    rng = random.Random(seed)
    sessions: list[Session] = []
    monday = END - timedelta(days=END.weekday())
    while len(sessions) < target:
        monday -= timedelta(days=7)
        lift_days = sorted(rng.sample(range(7), rng.randint(2, 3)))
        run_days = sorted(rng.sample(range(7), rng.randint(3, 5)))
        for offset in lift_days:
            day = monday + timedelta(days=offset)
            hour = rng.choice((7, 12, 18))
            start = datetime(day.year, day.month, day.day, hour, rng.choice((0, 15, 30)))
            sessions.append(
                Session(
                    kind=Kind.DEADLIFT,
                    start=start,
                    duration_min=rng.choice((45, 60, 75, 90)),
                    spotter=rng.choices((True, None, False), (0.85, 0.1, 0.05))[0],
                    sets=5,
                    reps=rng.choice((3, 5)),
                    load_kg=float(rng.randrange(80, 200, 5)),
                    id=len(sessions) + 1,
                    done=day < END,
                )
            )
        for offset in run_days:
            day = monday + timedelta(days=offset)
            lifted = offset in lift_days
            hour = rng.choice((8, 9, 19, 20)) if lifted else rng.choice((6, 7, 17, 18))
            start = datetime(day.year, day.month, day.day, hour, rng.choice((0, 20, 40)))
            workout = (
                Workout.INTERVALS
                if lifted
                else rng.choice((Workout.EASY, Workout.HILLS, Workout.LONG, Workout.EASY))
            )
            over = rng.random() < 0.05
            sessions.append(
                Session(
                    kind=Kind.RUN,
                    start=start,
                    duration_min=rng.choice((25, 40, 60, 90)),
                    workout=workout,
                    distance_km=round(rng.uniform(3, 13 if over else 9), 1),
                    speed_kmh=round(rng.uniform(9, 15.5 if over else 14), 1),
                    pain=rng.random() < 0.01,
                    id=len(sessions) + 1,
                    done=day < END,
                )
            )
    rng.shuffle(sessions)  # the engine must not rely on order
    return sessions


def _batches_ms(
    calls: Sequence[Callable[[], object]], batches: int, per_call: bool = True
) -> list[float]:
    """Time `batches` passes over `calls`; each sample is ms per call (or per pass)."""
    for call in calls[: min(len(calls), 50)]:  # warm-up
        call()
    samples: list[float] = []
    for _ in range(batches):
        started = time.perf_counter_ns()
        for call in calls:
            call()
        elapsed_ms = (time.perf_counter_ns() - started) / 1e6
        samples.append(elapsed_ms / len(calls) if per_call else elapsed_ms)
    return samples


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Measure the engine's figures; rows as described in the module docstring."""
    sessions = synthetic_history()
    years = (max(s.day for s in sessions) - min(s.day for s in sessions)).days / 365.25
    size_note = f"{len(sessions):,} sessions over {years:.1f} years"
    rng = random.Random(SEED + 1)
    rows: list[dict[str, Any]] = []

    history = History(sessions)
    build_samples = time_ms(lambda: History(sessions), repeats=3 if quick else 15, warmup=0)
    rows.append(ms_row("advice: History build", build_samples, HISTORY_BUDGET_MS, size_note))

    runs = [s for s in sessions if s.kind is Kind.RUN]
    sample_runs = rng.sample(runs, 200)
    calls = [partial(advise_run, r, history, PROFILE) for r in sample_runs]
    rows.append(
        ms_row(
            "advice: advise_run, prepared History",
            _batches_ms(calls, 5 if quick else 30),
            RUN_BUDGET_MS,
            f"per call, 200 runs per sample; {size_note}",
        )
    )

    days = sorted({s.day for s in sessions})
    month_starts = rng.sample(days[:-42], 20 if quick else 60)

    def month_view(first: date) -> Callable[[], object]:
        grid = [first + timedelta(days=offset) for offset in range(42)]
        water = [None if index % 3 else 50.0 for index in range(42)]
        return lambda: [
            advise_day(day, history, PROFILE, water_oz=w)
            for day, w in zip(grid, water, strict=True)
        ]

    views = [month_view(first) for first in month_starts]
    rows.append(
        ms_row(
            "advice: advise_day x 42 (month view)",
            _batches_ms(views, 3 if quick else 10),
            MONTH_BUDGET_MS,
            f"per 42-day grid, {len(views)} grids per sample; {size_note}",
        )
    )

    plain = [partial(advise_run, r, sessions, PROFILE) for r in sample_runs[:5]]
    rows.append(
        ms_row(
            "advice: advise_run, plain list",
            _batches_ms(plain, 2 if quick else 5),
            None,
            "informational: builds the index per call; pass a History instead",
        )
    )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures as a small table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_advice")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for row in run(quick=args.quick):
        budget = "-" if row["budget_ms"] is None else f"<= {row['budget_ms']:g} ms"
        status = "-" if row["passed"] is None else ("pass" if row["passed"] else "FAIL")
        print(
            f"{row['figure']:<40} {row['median_ms']:>9.4f} ms  ± {row['spread_ms'] / 2:.4f}"
            f"  {budget:<12} {status:<5} {row['note']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
