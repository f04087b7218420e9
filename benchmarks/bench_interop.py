"""Import speed: 10,000-row files end to end, and reading very large files in flat memory.

Figures (budget 2 s each): a 10,000-session Liftrun CSV and a 10,000-set Strong export,
each read with `read_file`, split into new sessions and duplicates by `plan_import` against
~7,500 stored sessions, described with `describe` and shown in the `ImportPreviewDialog`
(built offscreen, every line listed); the Strong file once more end to end, written into a
copy of the 10-year database with `Store.apply_changes(add=...)` as Import does. Another
row times the CSV export of the same 10,000 sessions.

Large files, each read by `read_file` in a fresh process (so its peak memory is its own):
a GPX track of 1,000,000 points (budget 15 s, 400 MB peak) and a Strong export of
1,000,000 rows (budget 20 s, 500 MB peak). For each: the read time, the process's peak
resident memory (`ru_maxrss`), and the longest gap between two calls of the progress
callback (start and end included; budget 0.5 s, the longest Cancel can wait). With
`--quick` the files have 100,000 points/rows and the time budgets are a tenth.

Files are made with a fixed seed; the large ones are cached (see `benchmarks.cache_dir`).
Run it alone with `python -m benchmarks.bench_interop [--quick]`; the suite runner calls
`run(quick)`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import ROOT, cache_dir, ms_row, result, time_ms
from benchmarks.bench_store import history
from desktop.advice import Kind, Profile, Session, Workout
from desktop.interop import describe, export_csv, plan_import, read_file

ROWS = 10_000
BUDGET_MS = 2000.0
LARGE = 1_000_000
GPX_BUDGET_S = 15.0
GPX_MEMORY_MB = 400.0
STRONG_BUDGET_S = 20.0
STRONG_MEMORY_MB = 500.0
PROGRESS_GAP_BUDGET_S = 0.5
# Bump when the large files' content changes, so cached copies are made again.
LARGE_FILES_VERSION = 2
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


def large_gpx(path: Path, points: int) -> Path:
    """A year of runs as one GPX file: tracks of 3,600 points a second apart (an hour's
    run each, one a day), `points` points in all, about 97 bytes a point."""
    per_track = 3_600
    start = datetime(2025, 1, 1, 6, 0)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
            'xmlns="http://www.topografix.com/GPX/1/1">\n'
        )
        for first in range(0, points, per_track):
            day = start + timedelta(days=first // per_track)
            out.write(
                f"<trk><name>Run {first // per_track + 1}</name><type>running</type><trkseg>\n"
            )
            out.write(
                "".join(
                    f'<trkpt lat="{45.0 + index * 0.00002:.7f}" lon="14.3000000"><ele>500.0'
                    f"</ele><time>{day + timedelta(seconds=index):%Y-%m-%dT%H:%M:%S}Z</time>"
                    "</trkpt>\n"
                    for index in range(min(per_track, points - first))
                )
            )
            out.write("</trkseg></trk>\n")
        out.write("</gpx>\n")
    return path


def _cached(name: str, make: Any, size: int) -> Path:
    path = cache_dir() / f"v{LARGE_FILES_VERSION}-{size}-{name}"
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        make(partial, size)
        partial.replace(path)
    return path


def read_in_child(path: Path) -> dict[str, float]:
    """Read `path` in this process; seconds, peak MB, longest progress gap, sessions."""
    from desktop.interop import read_file as read

    calls = [time.perf_counter()]
    started = calls[0]
    cpu_started = time.process_time()

    def progress(done: int, total: int) -> bool:
        calls.append(time.perf_counter())
        return True

    found = read(path, weight_unit="kg", distance_unit="km", progress=progress)
    ended = time.perf_counter()
    cpu_seconds = time.process_time() - cpu_started
    calls.append(ended)
    peak_mb = float("nan")
    if sys.platform != "win32":
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak_mb = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    gaps = [later - earlier for earlier, later in itertools.pairwise(calls)]
    return {
        "seconds": ended - started,
        "cpu_seconds": cpu_seconds,
        "peak_mb": peak_mb,
        "gap_s": max(gaps),
        "sessions": float(len(found.sessions)),
        "problems": float(len(found.problems)),
    }


def _read_large(path: Path) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_interop", "--read", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    figures: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return figures


def _large_rows(name: str, path: Path, count: int, budget_s: float, budget_mb: float) -> list[Any]:
    figures = _read_large(path)
    size_mb = path.stat().st_size / 1e6
    note = (
        f"{count:,} {name}, {size_mb:.0f} MB; {figures['sessions']:,.0f} sessions, "
        f"{figures['problems']:,.0f} problems; CPU {figures['cpu_seconds']:.1f} s "
        "(wall time grows on a busy machine)"
    )
    return [
        ms_row(
            f"interop: read {name}, {count:,}", [figures["seconds"] * 1000], budget_s * 1000, note
        ),
        result(
            f"interop: peak memory reading {name}, {count:,}",
            [figures["peak_mb"]],
            unit="MB",
            budget=budget_mb,
            note="whole process, ru_maxrss",
        ),
        ms_row(
            f"interop: longest gap between progress calls, {name}",
            [figures["gap_s"] * 1000],
            PROGRESS_GAP_BUDGET_S * 1000,
            "start and end included: the longest Cancel waits",
        ),
    ]


def _end_to_end(path: Path, existing: list[Session], db: Path) -> int:
    from desktop.store import Store

    result_ = read_file(path)
    plan = plan_import(result_, existing)
    describe(result_, plan, PROFILE, path.name)
    with Store.open(db, daily_backup=False) as store:
        return len(store.apply_changes(add=plan.to_add))


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
    large = LARGE // 10 if quick else LARGE
    scale = large / LARGE
    gpx = _cached("points.gpx", large_gpx, large)
    rows += _large_rows("GPX points", gpx, large, GPX_BUDGET_S * scale, GPX_MEMORY_MB)
    strong = _cached("rows-strong.csv", strong_file, large)
    rows += _large_rows("Strong CSV rows", strong, large, STRONG_BUDGET_S * scale, STRONG_MEMORY_MB)
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
        from benchmarks.bench_store import build_history_db

        base = Path(folder) / "base.db"
        build_history_db(base)
        target = Path(folder) / "target.db"
        rows.append(
            ms_row(
                f"interop: import {ROWS:,} Strong sets end to end",
                time_ms(
                    lambda: _end_to_end(strong_path, stored, target),
                    repeats=repeats,
                    setup=lambda: shutil.copyfile(base, target),
                ),
                BUDGET_MS,
                "read + duplicates vs 10 years + preview text + one apply_changes into the copy",
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
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child's mode
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.read is not None:
        print(json.dumps(read_in_child(args.read)))
        return 0
    for row in run(quick=args.quick):
        status = "pass" if row["passed"] else "FAIL"
        print(
            f"{row['figure']:<52} {row['median']:>9.1f} {row['unit']:<2}"
            f"  <= {row['budget'] if row['budget'] is not None else '-'} {row['unit']}"
            f"  {status}  {row['note']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
