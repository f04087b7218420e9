"""`read_file`: recognise a file from its content (never its name) and read it."""

from __future__ import annotations

import csv
from datetime import tzinfo
from pathlib import Path
from typing import Final

from desktop.advice.limits import InvalidInputError
from desktop.advice.model import DistanceUnit, WeightUnit
from desktop.interop.apps import (
    delimiter_of,
    is_hevy_header,
    is_strong_header,
    read_hevy,
    read_strong,
)
from desktop.interop.liftrun_csv import is_liftrun_header, read_liftrun_csv
from desktop.interop.result import ImportResult, Progress, UnreadableFileError
from desktop.interop.tracks import read_fit, read_gpx

KNOWN: Final = "a Liftrun, Strong or Hevy CSV export, a GPX track or a FIT activity"


def _unit(value: str, enum: type[WeightUnit] | type[DistanceUnit], what: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        choices = " or ".join(repr(member.value) for member in enum)
        raise InvalidInputError(f"The {what} unit must be {choices}, not {value!r}.") from None


def _is_fit(head: bytes) -> bool:
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def _is_gpx(text: str) -> bool:
    start = text.lstrip()[:2048]
    return start.startswith("<") and "<gpx" in start


def _header_of(text: str) -> list[str]:
    first_line = text.split("\n", 1)[0].rstrip("\r")
    header = next(csv.reader([first_line], delimiter=delimiter_of(first_line)), [])
    return [column.strip() for column in header]


def asks_weight_unit(path: str | Path) -> bool:
    """True for a file whose weights carry no unit (Strong's current export): ask for one.

    Reads only the start of the file; any file it cannot read is left to `read_file`.
    """
    try:
        with Path(path).open("rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    if _is_fit(head[:16]):
        return False
    header = _header_of(head.decode("utf-8-sig", errors="replace"))
    return is_strong_header(header) and "Weight Unit" not in header


def read_file(
    path: str | Path,
    *,
    weight_unit: str | None = None,
    distance_unit: str | None = None,
    progress: Progress | None = None,
    zone: tzinfo | None = None,
) -> ImportResult:
    """Read a file Liftrun can import, recognised from its content.

    `weight_unit` ("kg"/"lb", default kg) and `distance_unit` ("km"/"mi", default km) are
    for files that do not say (Strong's current export). `progress(done, total)` is called
    while reading; returning False stops with ReadCancelledError. `zone` is the local time
    zone watch times are converted to (default: the computer's). Raises
    UnreadableFileError, with one sentence, for a file that cannot be recognised or read.
    """
    weight = WeightUnit(_unit(weight_unit or "kg", WeightUnit, "weight"))
    distance = DistanceUnit(_unit(distance_unit or "km", DistanceUnit, "distance"))
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFileError(f"{name} is a folder, not a file to import.") from None
    except FileNotFoundError:
        raise UnreadableFileError(f"{name} does not exist (any more).") from None
    except OSError as error:
        raise UnreadableFileError(
            f"Liftrun could not open {name} ({error.strerror or error})."
        ) from error
    if not data.strip():
        raise UnreadableFileError(f"{name} is empty; there is nothing to import.")
    if _is_fit(data[:16]):
        return read_fit(path, zone=zone, progress=progress)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFileError(f"{name} is not {KNOWN}, so Liftrun cannot import it.") from None
    if _is_gpx(text):
        return read_gpx(text, zone=zone, progress=progress)
    header = _header_of(text)
    if is_liftrun_header(header):
        return read_liftrun_csv(text, progress)
    if is_strong_header(header):
        return read_strong(text, weight_unit=weight, distance_unit=distance, progress=progress)
    if is_hevy_header(header):
        return read_hevy(text, progress=progress)
    raise UnreadableFileError(f"{name} is not {KNOWN}, so Liftrun cannot import it.")
