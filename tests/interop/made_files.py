"""Files written for the import tests: GPX tracks and FIT activities with chosen values."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

GPX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gpx version="1.1" creator="Liftrun tests" xmlns="http://www.topografix.com/GPX/1/1">\n'
)


@dataclass(frozen=True)
class Track:
    """A straight northward track: `points` points, `step_m` metres and `step_s` s apart."""

    start: str  # the first point's <time> text, e.g. "2025-11-02T05:30:00Z"
    points: int = 61
    step_m: float = 50.0
    step_s: float = 10.0
    name: str = ""
    type: str = "running"


def _time(start: str, seconds: float) -> str:
    moment = datetime.fromisoformat(start.replace("Z", "+00:00")) + timedelta(seconds=seconds)
    return f"{moment.year:04d}-" + moment.strftime("%m-%dT%H:%M:%SZ")


def track_xml(track: Track) -> str:
    """One <trk> element."""
    degrees_per_m = 1 / 111_120
    points = "".join(
        f'<trkpt lat="{45 + n * track.step_m * degrees_per_m:.7f}" lon="14.3">'
        f"<time>{_time(track.start, n * track.step_s)}</time></trkpt>\n"
        for n in range(track.points)
    )
    name = f"<name>{track.name}</name>" if track.name else ""
    kind = f"<type>{track.type}</type>" if track.type else ""
    return f"<trk>{name}{kind}<trkseg>\n{points}</trkseg></trk>\n"


def gpx_text(tracks: Sequence[Track], prologue: str = "") -> str:
    """A GPX file of `tracks`; `prologue` goes between the XML declaration and <gpx>."""
    head = GPX_HEAD.replace("\n<gpx", "\n" + prologue + "<gpx", 1)
    return head + "".join(track_xml(track) for track in tracks) + "</gpx>\n"


# --- FIT -------------------------------------------------------------------------------------

_FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def _crc(data: bytes) -> int:
    """The FIT file checksum (CRC-16 as the FIT protocol defines it)."""
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[crc & 0xF]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ _CRC_TABLE[nibble]
    return crc


@dataclass(frozen=True)
class FitRun:
    """One FIT session message: a run (sport 1) unless `sport` says otherwise."""

    start: datetime  # aware, UTC
    timer_s: float  # written as a float64 field, so it can be any double (inf, -1e9)
    distance_m: float = 5000.0
    sport: int = 1


def fit_bytes(runs: Sequence[FitRun]) -> bytes:
    """A FIT activity holding one session message per run, with valid checksums."""
    # Definition of local message 0 = global 18 (session): start_time uint32, sport enum,
    # total_timer_time as float64 (scale 1000 as the profile says), total_distance uint32.
    fields = ((2, 4, 0x86), (5, 1, 0x00), (7, 8, 0x89), (9, 4, 0x86))
    body = struct.pack("<BBBHB", 0x40, 0, 0, 18, len(fields))
    body += b"".join(struct.pack("<BBB", *field) for field in fields)
    for run in runs:
        start = int((run.start - _FIT_EPOCH).total_seconds())
        body += struct.pack(
            "<BIBdI", 0x00, start, run.sport, run.timer_s * 1000, round(run.distance_m * 100)
        )
    header = struct.pack("<BBHI4s", 14, 0x20, 2093, len(body), b".FIT")
    header += struct.pack("<H", _crc(header))
    data = header + body
    return data + struct.pack("<H", _crc(data))
