"""Import and export as Windows and macOS behave, exercised on any OS."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.interop import read_file
from desktop.interop.result import UnreadableFileError
from desktop.interop.spreadsheet import csv_separator, opening_hint
from tests.builders import run


def test_importing_a_folder_says_so_when_windows_refuses_to_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export.csv"
    folder.mkdir()

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(UnreadableFileError) as caught:
        read_file(folder)
    assert str(caught.value) == "export.csv is a folder, not a file to import."


# --- calendar exports in the system's zone, which Windows only Qt can name ----------------


def test_the_zone_passed_in_is_written_where_python_finds_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no /etc/localtime: local_zone() finds nothing there, as simulated here."""
    from zoneinfo import ZoneInfo

    from desktop.interop import ics

    monkeypatch.setattr(ics, "local_zone", lambda: None)
    session = run(datetime(2024, 7, 1, 7, 30))
    utc_path, zoned_path = tmp_path / "utc.ics", tmp_path / "zoned.ics"
    ics.export_ics([session], utc_path)
    ics.export_ics([session], zoned_path, zone=ZoneInfo("Europe/Berlin"))
    in_utc = session.start.astimezone().astimezone(UTC)  # the computer's own offset
    assert f"DTSTART:{in_utc:%Y%m%dT%H%M%S}Z" in utc_path.read_text(encoding="utf-8")
    zoned = zoned_path.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Berlin:20240701T073000" in zoned
    assert "BEGIN:VTIMEZONE" in zoned and "TZID:Europe/Berlin" in zoned


# --- the CSV separator a locale's spreadsheet expects -------------------------------------


@pytest.mark.parametrize(("mark", "separator"), [(",", ";"), (".", ","), ("\u066b", ",")])
def test_the_separator_follows_the_decimal_mark(mark: str, separator: str) -> None:
    assert csv_separator(mark) == separator
    hint = opening_hint(separator)
    assert hint.endswith(".") and "\n" not in hint
