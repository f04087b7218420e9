"""Peak memory of the start-up process, the app against a bare QCalendarWidget script.

The figures come from the same interleaved probe processes as `bench_startup`: each child
reads `resource.getrusage(RUSAGE_SELF).ru_maxrss` right after its first paint and again once
the window is ready (complete, with data and advice) (KiB on Linux, converted from bytes on
macOS; not available on Windows, where the rows are skipped). The budgeted ratio is at first
paint; the ratio at ready is shown beside it.
"""

from __future__ import annotations

from benchmarks import Result, ratio_row, result, skipped
from benchmarks.bench_startup import startup_samples

MEMORY_RATIO_BUDGET = 1.3


def run(quick: bool = False) -> list[Result]:
    """Rows: peak memory of bare and app processes (MB) and the app/bare ratios."""
    samples = startup_samples(quick)
    bare = [probe.maxrss_kib for probe in samples.bare]
    if any(value is None for value in bare):
        return [
            skipped(
                "peak memory: app / bare",
                "ru_maxrss is not available on this platform",
                unit="x",
                budget=MEMORY_RATIO_BUDGET,
            )
        ]
    bare_kib = [float(value or 0) for value in bare]
    rows = [
        result(
            "peak memory: bare QCalendarWidget",
            [value / 1024 for value in bare_kib],
            unit="MB",
        )
    ]
    for key, runs in samples.apps.items():
        label = samples.labels[key]
        app_kib = [float(probe.maxrss_kib or 0) for probe in runs]
        rows.append(result(f"peak memory: app, {label}", [v / 1024 for v in app_kib], unit="MB"))
        rows.append(
            ratio_row(
                f"peak memory ratio: app ({label}) / bare",
                app_kib,
                bare_kib,
                budget=MEMORY_RATIO_BUDGET,
                note="ru_maxrss after first paint",
            )
        )
        ready_kib = [float(probe.ready_maxrss_kib or 0) for probe in runs]
        rows.append(
            result(f"peak memory: app, {label}, at ready", [v / 1024 for v in ready_kib], unit="MB")
        )
        rows.append(
            ratio_row(
                f"peak memory ratio: app ready ({label}) / bare",
                ready_kib,
                bare_kib,
                note="informational: ru_maxrss once the window is complete",
            )
        )
    return rows
