"""Store benchmarks: 42-day range, one save, weekly totals, open, integrity, and a SIGKILL loop.

`python -m benchmarks.bench_store [--quick] [--crash [KILLS]]` prints one row per figure.
`run(quick)` returns the rows for the suite runner; `crash_loop()` is also used by
tests/store/test_crash.py.
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from benchmarks import ms_row, time_ms
from desktop.advice.model import DayLog, Kind, Profile, Session, Workout
from desktop.store import Store, check_integrity

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240501
YEARS = 10
RANGE_BUDGET_MS = 5.0
SAVE_BUDGET_MS = 5.0
OPEN_BUDGET_MS = 100.0
INTEGRITY_YEARS = 30
INTEGRITY_BUDGET_MS = 50.0
TOTALS_BUDGET_MS = 20.0
CRASH_KILLS = 1000
QUICK_CRASH_KILLS = 10


# --- history -------------------------------------------------------------------------------


def history(years: int = YEARS, seed: int = SEED, end: date = date(2025, 12, 31)) -> list[Session]:
    """About 750 sessions a year (seeded): deadlifts three mornings a week, runs around them."""
    rng = random.Random(seed)
    sessions: list[Session] = []
    day = end - timedelta(days=365 * years)
    while day <= end:
        morning = datetime(day.year, day.month, day.day, 6, 30)
        if day.weekday() in (0, 2, 4):
            sessions.append(
                Session(
                    kind=Kind.DEADLIFT,
                    start=morning,
                    duration_min=rng.choice((40, 45, 60)),
                    spotter=rng.random() < 0.7,
                    sets=rng.randint(3, 6),
                    reps=rng.randint(1, 8),
                    load_kg=float(rng.randrange(80, 220, 5)),
                    done=True,
                )
            )
        if rng.random() < 0.9:
            sessions.append(_run(rng, morning + timedelta(minutes=rng.choice((60, 75, 90)))))
        if rng.random() < 0.75:
            sessions.append(_run(rng, morning + timedelta(hours=rng.choice((10, 11, 12)))))
        day += timedelta(days=1)
    return sessions


def _run(rng: random.Random, start: datetime) -> Session:
    return Session(
        kind=Kind.RUN,
        start=start,
        duration_min=rng.randint(20, 90),
        workout=rng.choice(list(Workout)),
        distance_km=round(rng.uniform(3, 21), 2),
        speed_kmh=round(rng.uniform(8, 15), 2),
        pain=rng.random() < 0.05,
        done=True,
        notes=rng.choice(("", "", "windy", "felt good", "heavy legs")),
    )


def build_history_db(path: Path, years: int = YEARS, seed: int = SEED) -> int:
    """Write a seeded history (sessions, profile, a day log per day) to `path`."""
    sessions = history(years, seed)
    with Store.open(path) as store:
        store.save_profile(Profile(max_distance_km=10.0, max_speed_kmh=14.0))
        store.add_many(sessions)
        first, last = sessions[0].day, sessions[-1].day
        day = first
        while day <= last and day < first + timedelta(days=60):
            store.save_day_log(DayLog(day, water_oz=64.0, bcaa=day.day % 2 == 0))
            day += timedelta(days=1)
    return len(sessions)


# --- timing --------------------------------------------------------------------------------


def _integrity_at_open(folder: Path, quick: bool) -> dict[str, Any]:
    """The full integrity_check every open runs, on 30 years of history (budget 50 ms)."""
    path = folder / "thirty-years.db"
    count = build_history_db(path, years=INTEGRITY_YEARS)
    checks = time_ms(lambda: check_integrity(path), repeats=3 if quick else 20, warmup=1)
    return ms_row(
        f"store: full integrity_check at open, {INTEGRITY_YEARS} years",
        checks,
        INTEGRITY_BUDGET_MS,
        f"{count:,} sessions, {path.stat().st_size / 1e6:.1f} MB; run by every Store.open",
    )


def run(quick: bool = False, crash_kills: int | None = None) -> list[dict[str, Any]]:
    """Measure the store on a 10-year database, then run the SIGKILL crash loop.

    The loop runs 1,000 kills (20 with `quick`) unless `crash_kills` says otherwise.
    """
    if crash_kills is None:
        crash_kills = QUICK_CRASH_KILLS if quick else CRASH_KILLS
    repeat = 20 if quick else 200
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="liftrun-bench-store-") as tmp:
        path = Path(tmp) / "liftrun.db"
        count = build_history_db(path)
        note = f"{YEARS} years = {count:,} sessions"
        Store.open(path).close()  # first open of the day writes the daily backup
        opens = time_ms(lambda: Store.open(path).close(), repeats=5 if quick else 20, warmup=0)
        with Store.open(path) as store:
            sessions = store.all_sessions()
            first, last = sessions[0].day, sessions[-1].day - timedelta(days=42)
            rng = random.Random(SEED)
            windows = [
                first + timedelta(days=rng.randrange((last - first).days)) for _ in range(repeat)
            ]
            found = [0]

            def load_range() -> None:
                start = windows[found[0] % len(windows)]
                store.sessions_between(start, start + timedelta(days=41))
                found[0] += 1

            ranges = time_ms(load_range, repeats=repeat, warmup=0)
            totals = time_ms(
                lambda: store.weekly_totals(first, sessions[-1].day),
                repeats=10 if quick else 50,
                warmup=1,
            )
            weeks = len(store.weekly_totals(first, sessions[-1].day))
            checks = time_ms(lambda: check_integrity(path), repeats=3 if quick else 10, warmup=0)
            sizes = [len(store.sessions_between(w, w + timedelta(days=41))) for w in windows[:20]]
            starts = iter(datetime(2030, 1, 1) + timedelta(hours=n) for n in range(repeat * 2 + 10))
            saves = time_ms(
                lambda: store.add(
                    Session(
                        kind=Kind.RUN,
                        start=next(starts),
                        duration_min=30,
                        distance_km=5.0,
                        speed_kmh=10.0,
                    )
                ),
                repeats=repeat,
                warmup=0,
            )
        rows.append(
            ms_row(
                "store: load a 42-day range, 10 years",
                ranges,
                RANGE_BUDGET_MS,
                f"{note}; ~{statistics.median(sizes):.0f} sessions per range",
            )
        )
        rows.append(
            ms_row("store: save one session (WAL, synchronous=FULL)", saves, SAVE_BUDGET_MS, note)
        )
        rows.append(
            ms_row(
                "store: weekly_totals over 10 years (SQL GROUP BY week)",
                totals,
                TOTALS_BUDGET_MS,
                f"{note}; {weeks} weeks",
            )
        )
        rows.append(
            ms_row(
                "store: full integrity_check of a 10-year database",
                checks,
                None,
                f"{note}; {path.stat().st_size / 1e6:.1f} MB; run by every daily backup",
            )
        )
        rows.append(
            ms_row(
                "store: open + close a 10-year database",
                opens,
                OPEN_BUDGET_MS,
                f"{note}; probe, full integrity_check, lock, pragmas",
            )
        )
        rows.append(_integrity_at_open(Path(tmp), quick))
    if crash_kills > 0:
        with tempfile.TemporaryDirectory(prefix="liftrun-bench-crash-") as tmp:
            report = crash_loop(Path(tmp) / "liftrun.db", kills=crash_kills, seed=SEED)
        row = ms_row(
            f"store: SIGKILL crash loop, {report.kills} kills",
            report.cycle_ms or [0.0],
            None,
            report.summary(),
        )
        row["passed"] = report.ok
        rows.append(row)
    return rows


# --- crash loop ----------------------------------------------------------------------------

CHILD = """
import sys
from datetime import datetime, timedelta
from desktop.advice.model import Session
from desktop.store import Store

path, base = sys.argv[1], int(sys.argv[2])
print("opening", flush=True)
store = Store.open(path)
print("ready", flush=True)
n = 0
while True:
    start = datetime(2020, 1, 1) + timedelta(minutes=base * 100_000 + n)
    new_id = store.add(
        Session(kind="run", start=start, duration_min=30, distance_km=5.0, speed_kmh=10.0,
                notes=f"{base}:{n}")
    )
    print(new_id, base, n, flush=True)
    if n % 7 == 3:
        store.add_water(start.date(), 8.0)
    n += 1
"""


# What a killed child exits with: -SIGKILL on POSIX, TerminateProcess's code 1 on Windows.
if sys.platform == "win32":
    KILLED_EXIT_CODE = 1
else:
    KILLED_EXIT_CODE = -signal.SIGKILL


@dataclass
class CrashReport:
    """What a crash loop saw: ids the children reported committed and what survived."""

    kills: int = 0
    reported: dict[int, str] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)
    wrong: list[int] = field(default_factory=list)
    unreported: int = 0
    integrity: str = ""
    child_errors: list[str] = field(default_factory=list)
    cycle_ms: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every reported session present and right, at most one unreported per kill."""
        return (
            not self.missing
            and not self.wrong
            and self.integrity == "ok"
            and self.unreported <= self.kills
            and not self.child_errors
        )

    def summary(self) -> str:
        """One line for people."""
        return (
            f"{self.kills} kills, {len(self.reported)} acknowledged sessions, "
            f"{len(self.missing)} lost, "
            f"{len(self.wrong)} wrong, {self.unreported} committed but unreported, "
            f"integrity_check {self.integrity!r}, {len(self.child_errors)} child errors"
        )


def crash_loop(path: Path, kills: int, seed: int = SEED) -> CrashReport:
    """Start a child that saves sessions in a loop, SIGKILL it at random moments, `kills` times.

    A fifth of the kills land within 50 ms of the child starting to open the
    database (while it creates, checks or backs it up, or just after); the rest
    inside its save loop, up to 40 ms after it has acknowledged 1 to 3 saves.
    Afterwards every session a child reported committed must be in the database
    and PRAGMA integrity_check must say ok.

    The child's output is read through one buffered file from start to end: a
    `readline()` reads ahead, and `communicate()` would read past what it holds.
    """
    rng = random.Random(seed)
    report = CrashReport()
    for base in range(kills):
        began = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(base)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert child.stdout is not None and child.stderr is not None
        lines: list[bytes] = []
        if rng.random() < 0.2:
            lines += _read_lines(child.stdout, 1)  # "opening"
            time.sleep(rng.uniform(0.0, 0.05))
        else:
            acks = rng.randint(1, 3)
            lines += _read_lines(child.stdout, 2 + acks)  # "opening", "ready", acknowledgements
            time.sleep(rng.uniform(0.0, 0.04))
        if child.poll() is None:
            child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        lines += child.stdout.read().splitlines(keepends=True)
        err = child.stderr.read()
        child.wait()
        child.stdout.close()
        child.stderr.close()
        if child.returncode != KILLED_EXIT_CODE:
            report.child_errors.append(err.decode(errors="replace").strip()[-500:])
        report.kills += 1
        for raw in lines:
            line = raw.decode()
            parts = line.split()
            if line.endswith("\n") and len(parts) == 3:
                report.reported[int(parts[0])] = f"{parts[1]}:{parts[2]}"
        report.cycle_ms.append((time.perf_counter() - began) * 1000)
    verify(path, report)
    return report


def _read_lines(stream: IO[bytes], count: int) -> list[bytes]:
    """Up to `count` lines from `stream`, fewer if it ends first (the child failed)."""
    lines: list[bytes] = []
    while len(lines) < count and (line := stream.readline()):
        lines.append(line)
    return lines


def verify(path: Path, report: CrashReport) -> CrashReport:
    """Fill in which acknowledged sessions are missing or changed, and integrity_check."""
    with Store.open(path) as store:
        notes = {s.id: s.notes for s in store.all_sessions()}
    report.missing = sorted(i for i in report.reported if i not in notes)
    report.wrong = sorted(
        i for i, note in report.reported.items() if i in notes and notes[i] != note
    )
    report.unreported = len(set(notes) - set(report.reported))
    conn = sqlite3.connect(path)
    try:
        report.integrity = "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Print the rows; exit 1 if a budget or the crash loop failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer samples")
    parser.add_argument(
        "--crash",
        nargs="?",
        type=int,
        const=CRASH_KILLS,
        default=None,
        metavar="KILLS",
        help=f"kills in the SIGKILL crash loop (default {CRASH_KILLS}, {QUICK_CRASH_KILLS} quick)",
    )
    args = parser.parse_args(argv)
    rows = run(quick=args.quick, crash_kills=args.crash)
    for row in rows:
        budget = "-" if row["budget_ms"] is None else f"<= {row['budget_ms']:.0f} ms"
        status = {True: "pass", False: "FAIL", None: "-"}[row["passed"]]
        print(
            f"{row['figure']:<50} {row['median_ms']:8.2f} ms  ± {row['spread_ms'] / 2:6.2f}"
            f"  {budget:>10}  {status:<4}  {row['note']}"
        )
    return 0 if all(row["passed"] is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
