"""The benchmark suite runner: `python -m benchmarks.run [--quick] [--growth] [--json PATH]`.

Runs every `benchmarks/bench_*.py` module's `run(quick)`, prints one table (figure, median,
spread, budget, pass/fail), writes the rows as JSON (default benchmarks/results/latest.json)
and, with `--markdown PATH`, as a Markdown table for the README's performance section.
`--growth` adds a second table: how costs grow from 1 to 10 to 30 years of history.

Exit status: 0 when every benchmark ran (budgets are reported, not enforced), 1 when a
benchmark crashed, and with `--strict` also 1 when a figure is over its budget.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import RESULTS_DIR, Result, skipped

# Every benchmark module, in the order the table shows them.
MODULES: tuple[str, ...] = (
    "startup",
    "memory",
    "calendar",
    "selection",
    "advice",
    "planning",
    "store",
    "progress",
    "interop",
    "bundle",
)
DEFAULT_JSON = RESULTS_DIR / "latest.json"


def _format_number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if abs(value) >= 100:
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}" if unit else text


def _status(row: Result) -> str:
    passed = row.get("passed")
    if passed is None:
        return "skipped" if row.get("median") is None else "-"
    return "pass" if passed else "FAIL"


def table_cells(row: Result) -> list[str]:
    """The printed cells of a row: figure, median, spread, budget, status, note."""
    unit = row.get("unit", "ms")
    spread = row.get("spread")
    budget = row.get("budget")
    return [
        row.get("figure", "?"),
        _format_number(row.get("median"), unit),
        "-" if spread is None else "± " + _format_number(spread / 2, unit),
        "-" if budget is None else "≤ " + _format_number(budget, unit),
        _status(row),
        row.get("note", ""),
    ]


HEADERS = ["figure", "median", "spread (IQR/2)", "budget", "result", "note"]


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with aligned columns."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    for row in rows:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        cells = [str(cell).replace("|", "\\|") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def normalise(row: dict[str, Any], module: str) -> Result:
    """Accept the common spellings other benchmark modules may use for the same keys."""
    figure = row.get("figure") or row.get("name") or row.get("label") or module
    median = row.get("median", row.get("median_ms"))
    unit = row.get("unit") or "ms"
    spread = row.get("spread", row.get("spread_ms", row.get("iqr")))
    budget = row.get("budget", row.get("budget_ms"))
    passed = row.get("passed", row.get("ok"))
    if passed is None and budget is not None and median is not None:
        passed = float(median) <= float(budget)
    return Result(
        figure=str(figure),
        median=None if median is None else float(median),
        unit=str(unit),
        spread=None if spread is None else float(spread),
        budget=None if budget is None else float(budget),
        passed=None if passed is None else bool(passed),
        samples=int(row.get("samples", row.get("n", 0)) or 0),
        note=str(row.get("note", "")),
    )


def run_module(name: str, quick: bool) -> tuple[list[Result], bool]:
    """Run one benchmark module; a crash becomes a failed row instead of ending the suite."""
    try:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        rows = [normalise(dict(row), name) for row in module.run(quick=quick)]
        return rows, True
    except Exception as error:
        traceback.print_exc(file=sys.stderr)
        lines = str(error).strip().splitlines() or [""]
        reason = lines[0] + (f" ... {lines[-1]}" if len(lines) > 1 else "")
        row = skipped(f"{name}: benchmark crashed", f"{type(error).__name__}: {reason}")
        row["passed"] = False
        return [row], False


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description="Run Liftrun's benchmark suite."
    )
    parser.add_argument(
        "--quick", action="store_true", help="few repeats and small data (a smoke run)"
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help=f"where to write the results as JSON (default {DEFAULT_JSON})",
    )
    parser.add_argument(
        "--markdown", type=Path, metavar="PATH", help="also write the tables as Markdown"
    )
    parser.add_argument(
        "--growth", action="store_true", help="add the 1 / 10 / 30 years growth table"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=MODULES,
        metavar="NAME",
        help=f"run only these benchmarks ({', '.join(MODULES)})",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a figure is over its budget"
    )
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite, print and save the tables; the exit status is described above."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    rows: list[Result] = []
    all_ran = True
    for name in args.only or MODULES:
        print(f"running {name}...", file=sys.stderr, flush=True)
        module_rows, ran = run_module(name, args.quick)
        rows.extend(module_rows)
        all_ran = all_ran and ran

    growth_headers: list[str] = []
    growth_cells: list[list[str]] = []
    growth_rows: list[dict[str, Any]] = []
    if args.growth:
        print("running growth...", file=sys.stderr, flush=True)
        try:
            from benchmarks.bench_calendar import growth, growth_table

            growth_rows = growth(quick=args.quick)
            growth_headers, growth_cells = growth_table(growth_rows)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            all_ran = False

    cells = [table_cells(row) for row in rows]
    print(text_table(HEADERS, cells))
    if growth_rows:
        print()
        print(text_table(growth_headers, growth_cells))
    elapsed = time.perf_counter() - started
    print(f"\n{len(rows)} figures in {elapsed:.0f} s" + (" (quick mode)" if args.quick else ""))

    meta = {
        "created": datetime.now().isoformat(timespec="seconds"),
        "quick": args.quick,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "seconds": round(elapsed, 1),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"meta": meta, "results": rows, "growth": growth_rows}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"JSON: {args.json}", file=sys.stderr)
    if args.markdown is not None:
        command = " ".join(["python -m benchmarks.run", *(sys.argv[1:] if argv is None else argv)])
        parts = [
            f"Measured {meta['created']} on {meta['platform']} ({meta['cpus']} CPUs, "
            f"load {meta['load']}), Python {meta['python']}"
            + (", quick mode" if args.quick else "")
            + f", with `{command}`.",
            "",
            markdown_table(HEADERS, cells),
        ]
        if growth_rows:
            parts += ["", markdown_table(growth_headers, growth_cells)]
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text("\n".join(parts) + "\n", encoding="utf-8")
        print(f"Markdown: {args.markdown}", file=sys.stderr)

    over_budget = any(row.get("passed") is False for row in rows)
    if not all_ran:
        return 1
    return 1 if args.strict and over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
