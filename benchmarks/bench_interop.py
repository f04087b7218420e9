"""Import speed: a 10,000-row file read, checked against 10 years of history and previewed.

Figures (budget 2 s each, the issue's promise): a 10,000-session Liftrun CSV and a
10,000-set Strong export, each read with `read_file`, split into new sessions and
duplicates by `plan_import` against ~7,500 stored sessions, described with `describe`
and shown in the `ImportPreviewDialog` (built offscreen, every line listed). A third row
times the CSV export of the same 10,000 sessions. Files are made in a temporary folder
with a fixed seed.

Run it alone with `python -m benchmarks.bench_interop [--quick]`; the suite runner calls
`run(quick)`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import ms_row, time_ms
from benchmarks.bench_store import history
from desktop.advice import Kind, Profile, Session, Workout
from desktop.interop import describe, export_csv, plan_import, read_file

ROWS = 10_000
BUDGET_MS = 2000.0
EXPORT_BUDGET_MS = 1000.0
SEED = 20250301
PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE"
)


def sessions(rows: int, seed: int = SEED) -> list[Session]:
    """`rows` sessions, runs and deadlifts alternating, with notes that need escaping."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, 6, 0)
    made: list[Session] = []
    for index in range(rows):
        when = start + timedelta(hours=7 * index)
        if index % 2:
            made.append(
                Session(
                    kind=Kind.RUN,
                    start=when,
                    duration_min=rng.randint(20, 70),
                    workout=rng.choice(list(Workout)),
                    distance_km=round(rng.uniform(3, 15), 2),
                    speed_kmh=round(rng.uniform(8, 14), 2),
                    done=rng.random() < 0.5,
                    notes=rng.choice(("", "=felt good", 'easy, "chatty" pace')),
                )
            )
        else:
            made.append(
                Session(
                    kind=Kind.DEADLIFT,
                    start=when,
                    duration_min=60,
                    sets=rng.randint(3, 6),
                    reps=rng.randint(1, 8),
                    load_kg=float(rng.randrange(80, 220, 5)),
                    spotter=rng.random() < 0.5,
                )
            )
    return made


def strong_file(path: Path, rows: int, seed: int = SEED) -> Path:
    """A Strong export of `rows` sets: workouts of deadlifts, a bench press and a run."""
    rng = random.Random(seed)
    lines = [STRONG_HEADER]
    day = datetime(2026, 1, 1, 18, 0)
    while len(lines) <= rows:
        date = f"{day:%Y-%m-%d %H:%M:%S}"
        for order in ("W", "W", "1", "2", "3", "4", "5"):
            load = 60 if order == "W" else rng.randrange(100, 200, 5)
            lines.append(f'{date},"Pull",1h 10m,"Deadlift (Barbell)",{order},{load},5,0,0,"","",8')
        lines.append(f'{date},"Pull",1h 10m,"Bench Press (Barbell)",1,80,8,0,0,"","",')
        lines.append(f'{date},"Pull",1h 10m,"Running",1,0,0,3,900,"","",')
        day += timedelta(days=2)
    path.write_text("\r\n".join(lines[: rows + 1]) + "\r\n", encoding="utf-8")
    return path


def _preview(path: Path, existing: list[Session], show: bool) -> int:
    result = read_file(path)
    plan = plan_import(result, existing)
    preview = describe(result, plan, PROFILE, path.name)
    if show:
        from desktop.ui.import_preview_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview)
        dialog.deleteLater()
    return len(plan.to_add)


def _qt_available() -> bool:
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return False
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if QApplication.instance() is None:
        QApplication([])
    return True


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Time reading and previewing 10,000-row files, and writing one."""
    repeats = 3 if quick else 7
    show = _qt_available()
    stored = history(years=10)
    made = sessions(ROWS)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="liftrun-bench-interop-") as folder:
        csv_path = Path(folder) / "liftrun.csv"
        export_samples = time_ms(lambda: export_csv(made, csv_path), repeats=repeats)
        strong_path = strong_file(Path(folder) / "strong.csv", ROWS)
        where = "read + duplicates vs 10 years + preview" + (" dialog" if show else " text")
        rows.append(
            ms_row(
                f"interop: Liftrun CSV, {ROWS:,} rows",
                time_ms(lambda: _preview(csv_path, stored, show), repeats=repeats),
                BUDGET_MS,
                where,
            )
        )
        rows.append(
            ms_row(
                f"interop: Strong CSV, {ROWS:,} sets",
                time_ms(lambda: _preview(strong_path, stored, show), repeats=repeats),
                BUDGET_MS,
                where,
            )
        )
        rows.append(
            ms_row(
                f"interop: export CSV, {ROWS:,} sessions",
                export_samples,
                EXPORT_BUDGET_MS,
                "UTF-8 with BOM, CRLF, formula cells escaped",
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures as a small table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_interop")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for row in run(quick=args.quick):
        status = "pass" if row["passed"] else "FAIL"
        print(
            f"{row['figure']:<36} {row['median_ms']:>8.1f} ms  ± {row['spread_ms'] / 2:.1f}"
            f"  <= {row['budget_ms']:g} ms  {status}  {row['note']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
