"""Liftrun's own CSV: every field out and exactly back, spreadsheet-safe, bad rows reported."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.advice import InvalidInputError, Session, Workout
from desktop.interop import export_csv, read_file
from desktop.interop.liftrun_csv import HEADER, escape_text, unescape_text
from tests.builders import lift, run

NASTY_NOTES = (
    '=HYPERLINK("http://example.invalid","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tleading tab",
    "\rleading carriage return",
    "'=already quoted",
    "'plain apostrophe",
    'line one\nline two, with a comma and "quotes"',
    "crlf inside\r\nkept",
    "Ünïcødé ✓ 💪",
    "",
)


def sessions() -> list[Session]:
    """A run and a deadlift with every field set, a bare planned run, and runs with odd notes."""
    intervals = run(
        datetime(2025, 3, 1, 7, 0),
        minutes=42,
        workout=Workout.INTERVALS,
        distance_km=8.123456789,
        speed_kmh=11.6049,
        pain=True,
        id=7,
        done=True,
        created=datetime(2025, 2, 28, 21, 0, 5),
        updated=datetime(2025, 3, 1, 8, 1, 2, 345678),
        actual_distance_km=7.9,
        actual_duration_min=44,
        rpe=7,
    )
    heavy = lift(
        datetime(2025, 3, 1, 18, 30),
        spotter=False,
        sets=5,
        reps=5,
        load_kg=142.5,
        id=8,
        actual_sets=4,
        actual_reps=5,
        actual_load_kg=140.0,
    )
    planned = run(
        datetime(2025, 3, 2, 6, 15), minutes=30, workout=None, distance_km=None, speed_kmh=None
    )
    noted = [
        run(datetime(2025, 4, day + 1, 7), minutes=20, notes=note)
        for day, note in enumerate(NASTY_NOTES)
    ]
    return [intervals, heavy, planned, *noted]


def fields(session: Session) -> dict[str, object]:
    return {name: getattr(session, name) for name in session.__dataclass_fields__}


def test_round_trip_gives_back_every_field_exactly(tmp_path: Path) -> None:
    original = sessions()
    path = tmp_path / "out.csv"
    assert export_csv(original, path) == len(original)
    result = read_file(path)
    assert result.format == "liftrun-csv"
    assert result.problems == ()
    assert result.skipped == 0
    assert [fields(s) for s in result.sessions] == [fields(s) for s in original]


def test_a_semicolon_file_reads_back_every_field_exactly(tmp_path: Path) -> None:
    original = sessions()
    path = tmp_path / "for-excel-de.csv"
    assert export_csv(original, path, delimiter=";") == len(original)
    header = path.read_bytes()[3:].split(b"\r\n", 1)[0].decode()
    assert header.split(";") == list(HEADER) and "," not in header
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert rows[0]["distance_km"] == "8.123456789"  # a decimal point whatever the separator
    result = read_file(path)
    assert result.format == "liftrun-csv"
    assert result.problems == ()
    assert [fields(s) for s in result.sessions] == [fields(s) for s in original]


def test_only_commas_or_semicolons_separate_cells(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="separated by"):
        export_csv(sessions()[:1], tmp_path / "tabs.csv", delimiter="\t")
    assert not (tmp_path / "tabs.csv").exists()


def test_file_opens_cleanly_in_spreadsheets(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export_csv(sessions()[:2], path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3
    assert b"\n" not in raw.replace(b"\r\n", b"")
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    assert header.split(",") == list(HEADER)
    assert {"distance_km", "speed_kmh", "load_kg", "duration_min"} <= set(header.split(","))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["start"] == "2025-03-01T07:00:00"
    assert rows[0]["done"] == "true"
    assert rows[1]["spotter"] == "false"
    assert rows[0]["spotter"] == ""


@pytest.mark.parametrize("note", NASTY_NOTES[:8])
def test_no_text_cell_starts_like_a_formula(tmp_path: Path, note: str) -> None:
    path = tmp_path / "out.csv"
    export_csv([run(datetime(2025, 1, 6), minutes=5, notes=note)], path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cell = next(csv.DictReader(handle))["notes"]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == "'" + note
    assert read_file(path).sessions[0].notes == note


def test_escaping_is_exactly_reversible() -> None:
    for text in (*NASTY_NOTES, "''", "'", "-", "plain"):
        assert unescape_text(escape_text(text)) == text
    assert escape_text("plain") == "plain"


def test_numbers_are_never_escaped(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    export_csv(sessions()[:1], path)
    text = path.read_text(encoding="utf-8-sig")
    assert ",8.123456789," in text
    assert "'8" not in text


def write(path: Path, *rows: str) -> Path:
    path.write_text("\r\n".join((",".join(HEADER), *rows)) + "\r\n", encoding="utf-8")
    return path


def row(**values: str) -> str:
    return ",".join(values.get(name, "") for name in HEADER)


def engine_says(**values: Any) -> str:
    """The engine's own sentence for an invalid session."""
    with pytest.raises(InvalidInputError) as caught:
        Session(**values)
    return str(caught.value)


def test_every_bad_row_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.csv",
        row(kind="run", start="2025-03-01T07:00:00", duration_min="30"),
        row(kind="run", start="yesterday", duration_min="30"),
        row(kind="run", start="2025-03-02T07:00:00", duration_min="half an hour"),
        row(kind="swim", start="2025-03-03T07:00:00", duration_min="30"),
        row(kind="run", start="2025-03-04T07:00:00", duration_min="0"),
        row(kind="deadlift", start="2025-03-05T07:00:00", duration_min="60", distance_km="5"),
        row(kind="run", start="2025-03-06T07:00:00", duration_min="30", done="maybe"),
        row(kind="run", start="2025-03-07T07:00:00"),
        row(kind="run", start="2025-03-08T07:00:00", duration_min="2.5"),
    )
    result = read_file(path)
    assert len(result.sessions) == 1
    assert [p.where for p in result.problems] == [f"line {n}" for n in range(3, 11)]
    messages = [p.message for p in result.problems]
    assert "not a date and time" in messages[0]
    assert "'half an hour'" in messages[1]
    assert messages[2] == engine_says(kind="swim", start=datetime(2025, 3, 3, 7), duration_min=30)
    assert messages[3] == engine_says(kind="run", start=datetime(2025, 3, 4, 7), duration_min=0)
    assert messages[4] == engine_says(
        kind="deadlift", start=datetime(2025, 3, 5, 7), duration_min=60, distance_km=5.0
    )
    assert "true or false" in messages[5]
    assert "needed" in messages[6]
    assert "'2.5'" in messages[7]


def test_line_numbers_count_the_lines_a_quoted_note_spans(tmp_path: Path) -> None:
    path = write(
        tmp_path / "multi.csv",
        row(kind="run", start="2025-03-01T07:00:00", duration_min="30", notes='"a\r\nb\r\nc"'),
        row(kind="run", start="bad", duration_min="30"),
    )
    result = read_file(path)
    assert result.sessions[0].notes == "a\r\nb\r\nc"
    assert [p.where for p in result.problems] == ["line 5"]
