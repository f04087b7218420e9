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
from desktop.interop.tracks import NotGpxError, read_fit, read_gpx

KNOWN: Final = "a Liftrun, Strong or Hevy CSV export, a GPX track or a FIT activity"


def _unit(value: str, enum: type[WeightUnit] | type[DistanceUnit], what: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        choices = " or ".join(repr(member.value) for member in enum)
        raise InvalidInputError(f"The {what} unit must be {choices}, not {value!r}.") from None


# How much of a file is looked at to recognise it (a CSV header, a FIT header, an XML start).
_SNIFF_BYTES: Final = 64 * 1024
_XML_STARTS: Final = (b"<", b"\xef\xbb\xbf<", b"\xff\xfe<\x00", b"\xfe\xff\x00<")


def _is_fit(head: bytes) -> bool:
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def _is_xml(head: bytes) -> bool:
    """Starts like XML (after any byte order mark and white space): maybe a GPX track.

    Whether it is one is settled by its first element, however long the prologue
    (declaration, comments, DOCTYPE) before it.
    """
    return head.lstrip().startswith(_XML_STARTS)


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
    try:
        header = _header_of(head.decode("utf-8-sig", errors="replace"))
    except csv.Error:  # a carriage return inside the header: read_file says why
        return False
    return is_strong_header(header) and "Weight Unit" not in header


def _head(path: Path) -> bytes:
    """The file's start: its first bytes that are not white space, up to _SNIFF_BYTES.

    `read_file` has already refused a folder (Windows opens one with PermissionError).
    """
    name = path.name
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
            while head and not head.strip():
                head = file.read(_SNIFF_BYTES)  # white space only so far: look further
    except FileNotFoundError:
        raise UnreadableFileError(f"{name} does not exist (any more).") from None
    except PermissionError as error:
        raise UnreadableFileError(
            f"Liftrun may not read {name}; check the file's permissions."
        ) from error
    except OSError as error:
        raise UnreadableFileError(
            f"Liftrun could not open {name} ({error.strerror or 'the system refused'})."
        ) from error
    if not head.strip():
        raise UnreadableFileError(f"{name} is empty; there is nothing to import.")
    return head


def read_file(
    path: str | Path,
    *,
    weight_unit: str | None = None,
    distance_unit: str | None = None,
    progress: Progress | None = None,
    zone: tzinfo | None = None,
) -> ImportResult:
    """Read a file Liftrun can import, recognised from its content, as a stream.

    `weight_unit` ("kg"/"lb", default kg) and `distance_unit` ("km"/"mi", default km) are
    for files that do not say (Strong's current export). `progress(done, total)` (bytes) is
    called at least every tenth of a second while reading; returning False stops with
    ReadCancelledError. `zone` is the local time zone watch times are converted to
    (default: the computer's). Raises UnreadableFileError, with one sentence, for a file
    that cannot be recognised or read. Safe to call from a worker thread.
    """
    weight = WeightUnit(_unit(weight_unit or "kg", WeightUnit, "weight"))
    distance = DistanceUnit(_unit(distance_unit or "km", DistanceUnit, "distance"))
    path = Path(path)
    name = path.name
    # A folder first: Windows refuses to open one with PermissionError, not IsADirectoryError.
    if path.is_dir():
        raise UnreadableFileError(f"{name} is a folder, not a file to import.")
    unknown = UnreadableFileError(f"{name} is not {KNOWN}, so Liftrun cannot import it.")
    head = _head(path)
    try:
        if _is_fit(head[:16]):
            return read_fit(path, zone=zone, progress=progress)
        if _is_xml(head):
            try:
                return read_gpx(path, zone=zone, progress=progress)
            except NotGpxError:
                raise unknown from None
        try:
            text = head.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut at the sniff's end
                raise unknown from None
            text = head[: error.start].decode("utf-8-sig")
        header = _header_of(text)
        if is_liftrun_header(header):
            return read_liftrun_csv(path, progress)
        if is_strong_header(header):
            return read_strong(path, weight_unit=weight, distance_unit=distance, progress=progress)
        if is_hevy_header(header):
            return read_hevy(path, progress=progress)
    except UnicodeDecodeError:
        raise UnreadableFileError(
            f"{name} holds text that is not UTF-8 further on, so Liftrun cannot read it; "
            "export it again from the app."
        ) from None
    except csv.Error:
        raise UnreadableFileError(
            f"{name} is not a well-formed CSV file (a quote or line break is out of place, "
            "or a cell is far too long), so Liftrun cannot read it; export it again from the app."
        ) from None
    except OSError as error:
        raise UnreadableFileError(
            f"Liftrun could not finish reading {name} ({error.strerror or 'a read failed'})."
        ) from error
    raise unknown
