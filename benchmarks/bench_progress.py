"""The Progress chart painting all of 10 years of weekly bars.

In process and offscreen: a `ProgressChart` at 1000x500 holds 522 weeks (10 years) of
totals with runs, deadlift volume and longest runs; one sample is `chart.repaint()`, a
synchronous paint of both panels, the longest-run line and the legend.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from typing import Any

from benchmarks import ms_row, time_ms

CHART_BUDGET_MS = 16.0
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
        )
    ]
