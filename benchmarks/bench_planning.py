"""Planning speed: `plan_week` against years of history, and the Plan week dialog's live preview.

Figures:
- `plan_week` for a two-deadlift, five-run week with 10 years of existing sessions handed in
  as a plain list (budget 20 ms); the planner only looks at the days around the week.
- the dialog's preview update after an input changes (budget 50 ms): the runs spin box is
  changed, which asks `build_preview` (plan + one-line advice for every day) against the same
  10 years and refills the preview tree.

History comes from `desktop.sample.generate_sessions` with a fixed seed and end date, so
every run measures the same data. Run alone with `python -m benchmarks.bench_planning
[--quick]`; the suite runner calls `run(quick)`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date, time, timedelta
from typing import Any

from benchmarks import ms_row, time_ms
from desktop.advice import LiftSlot, Session, plan_week
from desktop.advice.plan_preview import PlanPreview, PlanRequest, build_preview
from desktop.sample import generate_history

SEED = 20260302
END = date(2026, 3, 2)  # a Monday; the planned week is the one after the history ends
PLAN_BUDGET_MS = 20.0
PREVIEW_BUDGET_MS = 50.0
LIFTS = (LiftSlot(0, time(18), 60), LiftSlot(3, time(18), 60))


def _years(years: int) -> str:
    return "1 year" if years == 1 else f"{years} years"


def _history(years: int) -> tuple[Any, list[Session]]:
    sample = generate_history(years, SEED, END)
    return sample.profile, list(sample.sessions)


def _plan_row(years: int, repeats: int) -> dict[str, Any]:
    profile, sessions = _history(years)
    week = END + timedelta(weeks=1)

    def plan() -> None:
        plan_week(week, LIFTS, profile, runs=5, weekly_km=30.0, existing=sessions)

    samples = time_ms(plan, repeats=repeats, warmup=2)
    return ms_row(
        f"planning: plan_week, {_years(years)} of history",
        samples,
        PLAN_BUDGET_MS,
        note=f"{len(sessions):,} existing sessions, 2 deadlifts, 5 runs",
    )


def _preview_row(years: int, repeats: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import ensure_application
    from desktop.ui.plan_week_dialog import PlanWeekDialog

    ensure_application()
    profile, sessions = _history(years)

    def preview(request: PlanRequest) -> PlanPreview:
        return build_preview(request, profile, sessions)

    initial = PlanRequest(END + timedelta(weeks=1), LIFTS, runs=4, weekly_km=25.0)
    dialog = PlanWeekDialog(preview, initial, profile.distance_unit)
    dialog.show()
    counts = [3, 5]

    def change_runs() -> None:
        counts.reverse()
        dialog.runsSpin.setValue(counts[0])  # refreshes the preview synchronously

    try:
        samples = time_ms(change_runs, repeats=repeats, warmup=2)
    finally:
        dialog.close()
        dialog.deleteLater()
    return ms_row(
        f"planning: dialog preview update, {_years(years)} of history",
        samples,
        PREVIEW_BUDGET_MS,
        note="runs changed; plan, advice for every day, tree refilled",
    )


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Rows: plan_week and the dialog's preview update, 10 years of history (1 when quick)."""
    years = 1 if quick else 10
    repeats = 5 if quick else 31
    return [_plan_row(years, repeats), _preview_row(years, repeats)]


def main(argv: Sequence[str] | None = None) -> int:
    """Print this module's rows."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_planning")
    parser.add_argument("--quick", action="store_true", help="1 year and few repeats")
    args = parser.parse_args(argv)
    for row in run(quick=args.quick):
        print(f"{row['figure']}: median {row['median']:.2f} ms (budget {row['budget']:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
