"""read_file: recognises files by content, refuses what it cannot read, reports and cancels."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.interop import (
    ReadCancelledError,
    UnreadableFileError,
    asks_weight_unit,
    export_csv,
    read_file,
)
from tests.builders import run


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("strong-current.csv", "strong"),
        ("strong-legacy.csv", "strong"),
        ("hevy-lbs.csv", "hevy"),
        ("hevy-kg.csv", "hevy"),
        ("runs-and-ride.gpx", "gpx"),
        ("garmin-fenix-5-run.fit", "fit"),
    ],
)
def test_each_sample_is_recognised_even_without_its_extension(
    data: Path, tmp_path: Path, name: str, expected: str
) -> None:
    copy = tmp_path / "export.txt"
    shutil.copy(data / name, copy)
    assert read_file(copy).format == expected


def test_liftrun_csv_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "mine.dat"
    export_csv([run(datetime(2025, 1, 6, 7), minutes=30)], path)
    assert read_file(path).format == "liftrun-csv"


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"", "is empty"),
        (b"  \r\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "is not a Liftrun, Strong or Hevy"),
        (b"name,age\nAda,36\n", "is not a Liftrun, Strong or Hevy"),
        (b"<html><body>hello</body></html>", "is not a Liftrun, Strong or Hevy"),
    ],
)
def test_unrecognised_files_get_one_sentence(tmp_path: Path, content: bytes, sentence: str) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError) as caught:
        read_file(path)
    message = str(caught.value)
    assert sentence in message
    assert "file.csv" in message
    assert message.count(".") <= 2 and "\n" not in message
    assert isinstance(caught.value, ValueError)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="does not exist"):
        read_file(tmp_path / "gone.csv")
    with pytest.raises(UnreadableFileError, match="is a folder"):
        read_file(tmp_path)


def test_unknown_units_are_refused(data: Path) -> None:
    with pytest.raises(ValueError, match="weight unit"):
        read_file(data / "strong-current.csv", weight_unit="stone")
    with pytest.raises(ValueError, match="distance unit"):
        read_file(data / "strong-current.csv", distance_unit="furlong")


def big_csv(tmp_path: Path, rows: int) -> Path:
    first = datetime(2020, 1, 1, 7)
    sessions = [run(first + timedelta(days=day), minutes=30) for day in range(rows)]
    path = tmp_path / "big.csv"
    export_csv(sessions, path)
    return path


def test_progress_is_reported_from_start_to_end(tmp_path: Path) -> None:
    path = big_csv(tmp_path, 2000)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    result = read_file(path, progress=progress)
    assert len(result.sessions) == 2000
    assert len(calls) >= 4
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_returning_false_cancels_reading(tmp_path: Path, data: Path) -> None:
    path = big_csv(tmp_path, 2000)
    with pytest.raises(ReadCancelledError):
        read_file(path, progress=lambda done, total: done < 600)
    for name in (
        "strong-current.csv",
        "hevy-kg.csv",
        "runs-and-ride.gpx",
        "garmin-fenix-5-run.fit",
    ):
        with pytest.raises(ReadCancelledError):
            read_file(data / name, progress=lambda done, total: False)


@pytest.mark.parametrize(
    ("name", "asks"),
    [
        ("strong-current.csv", True),
        ("strong-legacy.csv", False),
        ("hevy-kg.csv", False),
        ("runs-and-ride.gpx", False),
        ("garmin-fenix-5-run.fit", False),
        ("missing.csv", False),
    ],
)
def test_only_strongs_current_export_needs_a_weight_unit(data: Path, name: str, asks: bool) -> None:
    assert asks_weight_unit(data / name) is asks


def test_a_carriage_return_in_a_header_is_left_to_read_file_to_explain(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"Date,Exercise\rName,Set Order\r\n2025-01-01,Deadlift,1\r\n")
    assert asks_weight_unit(path) is False  # no csv module error escapes
    with pytest.raises(UnreadableFileError) as caught:
        read_file(path)
    text = str(caught.value)
    assert text.startswith("odd.csv ") and "new-line character" not in text
