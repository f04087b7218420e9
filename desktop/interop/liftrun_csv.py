"""Liftrun's own CSV: every session field, units in the column names, read back exactly.

The file is UTF-8 with a byte order mark and CRLF line ends, so Excel and LibreOffice open
it cleanly. Cells are separated by commas, or by semicolons where spreadsheets expect them
(`desktop.interop.spreadsheet`); the reader takes either, told by the header row. Dates and
times are ISO 8601 local clock times; booleans are "true"/"false"; numbers are written in
their shortest exact form, so reading gives back the same floats.

Spreadsheet formula injection: a *text* cell (the notes) that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so no spreadsheet
evaluates it. A note that itself starts with an apostrophe gets one too, which makes the
rule exactly reversible: the importer drops one leading apostrophe from every text cell
that has one. Number cells are never escaped (no session field can be negative anyway).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from desktop.advice.limits import InvalidInputError
from desktop.advice.model import Kind, Session, Workout
from desktop.interop.result import Collector, ImportResult, Progress
from desktop.interop.stream import text_stream

# Column name -> Session field. The header names the units.
COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("id", "id"),
    ("kind", "kind"),
    ("start", "start"),
    ("duration_min", "duration_min"),
    ("done", "done"),
    ("workout", "workout"),
    ("distance_km", "distance_km"),
    ("speed_kmh", "speed_kmh"),
    ("pain", "pain"),
    ("spotter", "spotter"),
    ("sets", "sets"),
    ("reps", "reps"),
    ("load_kg", "load_kg"),
    ("actual_distance_km", "actual_distance_km"),
    ("actual_duration_min", "actual_duration_min"),
    ("rpe", "rpe"),
    ("actual_sets", "actual_sets"),
    ("actual_reps", "actual_reps"),
    ("actual_load_kg", "actual_load_kg"),
    ("notes", "notes"),
    ("created", "created"),
    ("updated", "updated"),
)
HEADER: Final = tuple(name for name, _ in COLUMNS)
_INT_FIELDS: Final = frozenset(
    {"id", "duration_min", "sets", "reps", "actual_duration_min", "rpe"}
    | {"actual_sets", "actual_reps"}
)
_FLOAT_FIELDS: Final = frozenset(
    {"distance_km", "speed_kmh", "load_kg", "actual_distance_km", "actual_load_kg"}
)
_BOOL_FIELDS: Final = frozenset({"done", "pain"})
_OPTIONAL_BOOL_FIELDS: Final = frozenset({"spotter"})
_TIME_FIELDS: Final = frozenset({"start", "created", "updated"})
_TEXT_FIELDS: Final = frozenset({"notes"})
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "'")
_PROGRESS_EVERY: Final = 500


def escape_text(text: str) -> str:
    """A text cell no spreadsheet evaluates as a formula (see the module docstring)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def unescape_text(cell: str) -> str:
    """The exact text `escape_text` was given."""
    return cell[1:] if cell.startswith("'") else cell


def _cell(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field in _TEXT_FIELDS:
        return escape_text(str(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Kind | Workout):
        return value.value
    return str(value)


def export_csv(sessions: Iterable[Session], path: str | Path, *, delimiter: str = ",") -> int:
    """Write every session with every field to `path`, cells separated by `delimiter`
    ("," or ";"); returns how many were written."""
    if delimiter not in (",", ";"):
        raise ValueError(f"A Liftrun CSV is separated by ',' or ';', not {delimiter!r}.")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    for session in sessions:
        writer.writerow([_cell(field, getattr(session, field)) for _, field in COLUMNS])
        count += 1
    # One write of the finished text: a failure cannot leave half a file behind a success.
    Path(path).write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return count


def _delimiter_of(header_line: str) -> str:
    """ ";" for a file written with semicolons, "," otherwise (no column name holds either)."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def is_liftrun_header(header: list[str]) -> bool:
    """True when a CSV header row is Liftrun's own."""
    names = {name.strip().lower() for name in header}
    return {"kind", "start", "duration_min"} <= names


def _parse_bool(cell: str) -> bool:
    text = cell.strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", ""):
        return False
    raise ValueError(f"{cell!r} is not true or false")


def _parse_int(cell: str) -> int:
    number = float(cell)
    if not number.is_integer():
        raise ValueError(f"{cell!r} is not a whole number")
    return int(number)


def _parser(field: str) -> Callable[[str], Any]:
    if field in _INT_FIELDS:
        return _parse_int
    if field in _FLOAT_FIELDS:
        return float
    if field in _BOOL_FIELDS or field in _OPTIONAL_BOOL_FIELDS:
        return _parse_bool
    if field in _TIME_FIELDS:
        return datetime.fromisoformat
    return str


_WHAT: Final = {
    "start": "a date and time like 2025-03-01T07:00:00",
    "created": "a date and time like 2025-03-01T07:00:00",
    "updated": "a date and time like 2025-03-01T07:00:00",
    "done": "true or false",
    "pain": "true or false",
    "spotter": "true, false or empty",
}


def read_liftrun_csv(source: str | Path, progress: Progress | None = None) -> ImportResult:
    """Sessions from Liftrun's own CSV (a path or the text), each bad row a problem with its
    line; read row by row."""
    collector = Collector(progress)
    with text_stream(source) as stream:
        collector.size_bytes = stream.size
        first = stream.text.readline()
        reader = csv.reader(itertools.chain([first], stream.text), delimiter=_delimiter_of(first))
        header = [name.strip().lower() for name in next(reader, [])]
        fields = {name: field for name, field in COLUMNS}
        positions = [(index, fields[name]) for index, name in enumerate(header) if name in fields]
        parsers = {field: _parser(field) for _, field in positions}
        line = reader.line_num + 1
        collector.report(0, stream.size)
        for row_number, row in enumerate(reader):
            if row_number % _PROGRESS_EVERY == 0 or collector.report_due():
                collector.report(stream.bytes_read(), stream.size)
            where = f"line {line}"
            line = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            _read_session(row, positions, parsers, where, collector)
        collector.report(stream.size, stream.size)
    return collector.result("liftrun-csv")


def _read_session(
    row: list[str],
    positions: list[tuple[int, str]],
    parsers: dict[str, Callable[[str], Any]],
    where: str,
    collector: Collector,
) -> None:
    values: dict[str, Any] = {}
    for index, field in positions:
        cell = row[index] if index < len(row) else ""
        if field in _TEXT_FIELDS:
            values[field] = unescape_text(cell)
            continue
        if not cell.strip():
            continue
        try:
            values[field] = parsers[field](cell.strip())
        except (ValueError, OverflowError):
            expected = _WHAT.get(field, "a number")
            collector.problem(where, f"{field} is {cell.strip()!r}, which is not {expected}.")
            return
    try:
        collector.sessions.append(Session(**values))
    except (InvalidInputError, TypeError) as error:
        message = str(error) if isinstance(error, InvalidInputError) else ""
        collector.problem(where, message or "A kind, a start and a duration are needed.")
