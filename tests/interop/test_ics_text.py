"""Text in the .ics: only what RFC 5545 allows, and a note's line breaks kept as breaks."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from icalendar import Calendar

from desktop.advice import Kind, Session
from desktop.interop import export_ics
from tests.interop.conftest import PARIS

# Control characters other than the tab, anywhere but in the CRLF that ends each line.
FORBIDDEN = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")


def _export(notes: str, tmp_path: Path) -> tuple[bytes, str]:
    lift = Session(
        kind=Kind.DEADLIFT,
        start=datetime(2025, 3, 3, 18, 0),
        duration_min=60,
        id=7,
        notes=notes,
    )
    path = tmp_path / "plan.ics"
    export_ics([lift], path, zone=PARIS)
    data = path.read_bytes()
    [event] = Calendar.from_ical(data).walk("VEVENT")
    return data, str(event["description"])


def test_control_characters_icalendar_forbids_are_removed(tmp_path: Path) -> None:
    data, description = _export("Belt\x00 on\x07, chalk\x1b\x7f\ttoo", tmp_path)
    lines = data.split(b"\r\n")
    assert not any(FORBIDDEN.search(line) for line in lines)
    assert description == "Belt on, chalk\ttoo"


def test_a_windows_line_break_in_a_note_stays_one_line_break(tmp_path: Path) -> None:
    data, description = _export("Belt on\r\nChalk\rStraps\nDone", tmp_path)
    assert b"DESCRIPTION:Belt on\\nChalk\\nStraps\\nDone\r\n" in data
    assert description == "Belt on\nChalk\nStraps\nDone"
