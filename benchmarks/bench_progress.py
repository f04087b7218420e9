"""The Progress chart painting all of 10 years of weekly bars, and the view's refresh.

In process and offscreen: a `ProgressChart` at 1000x500 holds 522 weeks (10 years) of
totals with runs, deadlift volume and longest runs; one sample is `chart.repaint()`, a
synchronous paint of both panels, the longest-run line and the legend.

The refresh row is what View > Progress does after every edit with "All weeks" chosen,
over a real SQLite file of 10 years (benchmarks.bench_store.build_history_db): the
planner's `progress_weeks(0)` (SQL GROUP BY week) and `record_lines()` (two SQL queries),
then `ProgressView.set_weeks` fills the chart and the table, and the chart repaints.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from typing import Any

from benchmarks import ms_row, time_ms

CHART_BUDGET_MS = 16.0
REFRESH_BUDGET_MS = 100.0
WEEKS_10_YEARS = 522


def _weeks(count: int) -> list[Any]:
    from desktop.advice.model import WeekTotals

    rng = random.Random(11)
    first = date(2016, 1, 4)
    return [
        WeekTotals(
            week_start=first + timedelta(weeks=index),
            runs=4,
            runs_done=rng.randint(0, 4),
            lifts=2,
            lifts_done=rng.randint(0, 2),
            run_km=rng.uniform(15, 45),
            run_km_done=rng.uniform(0, 45),
            lift_volume_kg=rng.uniform(0, 8000),
            longest_run_km=rng.uniform(5, 22),
        )
        for index in range(count)
    ]


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Measure one full paint of the chart over 10 years of weeks."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.advice.model import DistanceUnit, WeightUnit
    from desktop.app import ensure_application
    from desktop.ui.progress_chart import ProgressChart

    app = ensure_application()
    chart = ProgressChart()
    chart.resize(1000, 500)
    chart.set_weeks(_weeks(WEEKS_10_YEARS), DistanceUnit.KM, WeightUnit.KG)
    chart.show()
    app.processEvents()
    try:
        samples = time_ms(chart.repaint, repeats=10 if quick else 40, warmup=3)
    finally:
        chart.close()
        chart.deleteLater()
        app.processEvents()
    return [
        ms_row(
            "progress: chart paint, 10 years",
            samples,
            CHART_BUDGET_MS,
            f"{WEEKS_10_YEARS} weekly bars at 1000x500, offscreen",
        ),
        _refresh_row(app, quick),
    ]


def _refresh_row(app: Any, quick: bool) -> dict[str, Any]:
    """View > Progress refilled from a 10-year database: SQL, records, table and chart."""
    import tempfile
    from pathlib import Path

    from benchmarks.bench_store import build_history_db
    from desktop.planner import Planner
    from desktop.store import Store
    from desktop.ui.progress_view import ProgressView

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "progress.db"
        build_history_db(path)
        with Store.open(path, daily_backup=False) as store:
            planner = Planner(store)
            today = store.all_sessions()[-1].day
            view = ProgressView()
            view.resize(1200, 600)
            view.show()
            app.processEvents()
            profile = planner.profile()
            weeks = 0

            def refresh() -> None:
                view.set_weeks(
                    planner.progress_weeks(weeks, today),
                    profile.distance_unit,
                    profile.weight_unit,
                )
                view.set_records(planner.record_lines())
                view.chart.repaint()

            try:
                samples = time_ms(refresh, repeats=5 if quick else 20, warmup=2)
                shown = view.table.rowCount()
            finally:
                view.close()
                view.deleteLater()
                app.processEvents()
    return ms_row(
        "progress: View > Progress refresh, all of 10 years",
        samples,
        REFRESH_BUDGET_MS,
        f"{shown} weeks from SQLite: totals, records, table and chart",
    )
