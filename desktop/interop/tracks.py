"""GPX tracks and FIT activities from a watch, as done runs.

FIT is read with `fitdecode` rather than Garmin's `garmin-fit-sdk`: it is MIT-licensed
pure Python, streams a file frame by frame (a long activity is not decoded into memory at
once), reads chained FIT files, and is much smaller to ship in the frozen app; the SDK
decodes every message of the whole file up front and carries Garmin's own licence.

Every run gets its start converted from UTC to the computer's local clock time (the
engine's times are naive local times), its duration (the watch's timer time for FIT,
first to last point for GPX), distance and average speed.

Which activities are runs: a FIT session whose sport is running (any sub-sport: trail,
track, treadmill); a GPX track whose <type> names running (Garmin "running", Strava "9",
"run", "trail_running", ...). A GPX track without a <type> is taken as a run when its
average speed is one a person can run: GPX files from many watches do not name the
activity, and a faster track (a ride, a drive) is skipped. Everything else is skipped
and counted, never guessed at.
"""

from __future__ import annotations

import functools
import io
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, BinaryIO, Final
from xml.parsers import expat

from gpxpy.geo import ONE_DEGREE, haversine_distance

from desktop.advice.limits import MAX_HUMAN_SPEED_KMH, InvalidInputError
from desktop.advice.model import Kind, Session
from desktop.interop.result import Collector, ImportResult, Progress, UnreadableFileError

_RUN_TYPES: Final = re.compile(r"^(9|run|running|.*[_\s-]run|.*[_\s-]running|jog|jogging)$")


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    """A UTC (or zoned) moment as a naive local clock time; naive input counts as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


def _minutes(seconds: float) -> int:
    return max(1, math.floor(seconds / 60 + 0.5))  # callers pass finite, positive seconds


def _run(
    start: datetime, seconds: float, distance_m: float, speed_ms: float | None, notes: str
) -> Session:
    distance_km = round(distance_m / 1000, 3) if distance_m > 0 else None
    if speed_ms is None and distance_m > 0 and seconds > 0:
        speed_ms = distance_m / seconds
    speed_kmh = round(speed_ms * 3.6, 2) if speed_ms else None
    return Session(
        kind=Kind.RUN,
        start=start,
        duration_min=_minutes(seconds),
        done=True,
        distance_km=distance_km,
        speed_kmh=speed_kmh,
        notes=notes,
    )


def _add_run(
    collector: Collector,
    where: str,
    start: datetime,
    seconds: float,
    distance_m: float,
    speed_ms: float | None,
    notes: str,
) -> None:
    try:
        collector.sessions.append(_run(start, seconds, distance_m, speed_ms, notes))
    except InvalidInputError as error:
        collector.problem(where, f"{error} It was not imported.")


# --- GPX -------------------------------------------------------------------------------------

# Bytes handed to the XML parser at a time: small enough that one chunk is parsed in well
# under PROGRESS_INTERVAL_S, large enough that the loop costs nothing.
_GPX_CHUNK: Final = 256 * 1024
# A track shorter than this, or lasting less than a minute, is an empty or accidental
# recording (a watch started and stopped again), not a run.
MIN_TRACK_M: Final = 50.0
MIN_TRACK_S: Final = 60.0
NEAR_EMPTY_TRACK: Final = "under 50 m or under 1 minute (an empty or accidental recording)"


class NotGpxError(Exception):
    """The XML file's first element is not <gpx>: some other XML (or HTML) file."""


class _RefusedXmlError(Exception):
    """The file declares XML entities; they are refused (billion laughs, outside files)."""


@dataclass
class _Track:
    """What one <trk> adds up to while its points stream past."""

    number: int
    name: str = ""
    type: str = ""
    first_time: str = ""
    last_time: str = ""
    points: int = 0
    length_m: float = 0.0
    bad_points: int = 0
    previous: tuple[float, float] | None = None  # the segment's last point so far


@functools.lru_cache(maxsize=256)
def _local_name(tag: str) -> str:
    """ "trkpt" from "http://www.topografix.com/GPX/1/1 trkpt" or "gpx:trkpt"."""
    return tag.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


class _GpxTracks:
    """Expat handlers that sum each track's length and keep its first and last time.

    Only what a run needs is kept, so memory stays flat however many points a file has:
    a track's name and type, its first and last point time, its 2D length (gpxpy's
    formula, segment by segment) and its point count.
    """

    def __init__(self, on_track: Callable[[_Track], None]) -> None:
        self._on_track = on_track
        self._path: list[str] = []
        self._track: _Track | None = None
        self._tracks = 0
        self._text: list[str] = []
        self._point_time = ""
        self.root_seen = False
        self.routes_or_waypoints = 0

    @property
    def tracks(self) -> int:
        """How many <trk> elements were closed so far."""
        return self._tracks

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        name = _local_name(tag)
        if not self._path:
            if name != "gpx":
                raise NotGpxError(name)
            self.root_seen = True
        parent = self._path[-1] if self._path else ""
        self._path.append(name)
        self._text = []
        if name == "trk" and parent == "gpx":
            self._track = _Track(self._tracks + 1)
        elif name == "trkseg" and self._track is not None:
            self._track.previous = None
        elif name == "trkpt" and self._track is not None:
            self._point_time = ""
            track = self._track
            try:
                lat, lon = float(attributes["lat"]), float(attributes["lon"])
            except (KeyError, ValueError):
                track.bad_points += 1
                return
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                track.bad_points += 1
                return
            track.points += 1
            if track.previous is not None:
                track.length_m += _distance_m(*track.previous, lat, lon)
            track.previous = (lat, lon)
        elif name in ("rte", "wpt") and parent == "gpx":
            self.routes_or_waypoints += 1

    def text(self, data: str) -> None:
        self._text.append(data)

    def end(self, tag: str) -> None:
        name = self._path.pop()
        parent = self._path[-1] if self._path else ""
        track = self._track
        if track is None:
            return
        if name == "time" and parent == "trkpt":
            self._point_time = "".join(self._text).strip()
        elif name == "trkpt" and self._point_time:
            if not track.first_time:
                track.first_time = self._point_time
            track.last_time = self._point_time
        elif name == "name" and parent == "trk":
            track.name = "".join(self._text).strip()
        elif name == "type" and parent == "trk":
            track.type = "".join(self._text).strip()
        elif name == "trk":
            self._tracks += 1
            self._track = None
            self._on_track(track)
        self._text = []


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """gpxpy's 2D distance between two points (so lengths match gpxpy's `length_2d`)."""
    if abs(lat1 - lat2) > 0.2 or abs(lon1 - lon2) > 0.2:
        return haversine_distance(lat1, lon1, lat2, lon2)
    coef = math.cos(math.radians(lat1))
    x = lat1 - lat2
    y = (lon1 - lon2) * coef
    return math.sqrt(x * x + y * y) * ONE_DEGREE


def _refuse_entities(*_: object) -> int:
    raise _RefusedXmlError


def _expat_parser(handlers: _GpxTracks) -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = 64 * 1024
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    # Any entity declaration is refused outright: internal ones can multiply a few bytes into
    # gigabytes (billion laughs) and external ones would read other files.
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.StartElementHandler = handlers.start
    parser.EndElementHandler = handlers.end
    parser.CharacterDataHandler = handlers.text
    return parser


def _track_run(track: _Track, collector: Collector, zone: tzinfo | None) -> None:
    """One finished track: a run, a skip with its reason, or a problem line."""
    import gpxpy.gpx
    from gpxpy.gpxfield import parse_time

    where = f"track {track.number}" + (f" ({track.name})" if track.name else "")
    kind = track.type.lower()
    if kind and not _RUN_TYPES.match(kind):
        collector.skip(f"GPX track ({track.type})", "not a run")
        return
    if track.points == 0:
        if track.bad_points:
            collector.problem(
                where, "The track's points have no valid position; it was not imported."
            )
        else:
            collector.skip("GPX track", "empty (no points)")
        return
    if not track.first_time:
        collector.problem(where, "The track has no times, so it cannot go on the calendar.")
        return
    try:
        first, last = parse_time(track.first_time), parse_time(track.last_time)
    except (gpxpy.gpx.GPXException, ValueError, OverflowError):
        collector.problem(
            where, "The track's times are not dates Liftrun can read; it was not imported."
        )
        return
    assert first is not None and last is not None
    try:
        seconds = (last - first).total_seconds()
        start = _local(first, zone)
    except (OverflowError, ValueError):
        collector.problem(
            where,
            "The track's dates are outside the calendar (year 1 to 9999); it was not imported.",
        )
        return
    if seconds < 0:
        collector.problem(
            where, "The track's last point is timed before its first; it was not imported."
        )
        return
    if seconds < MIN_TRACK_S or track.length_m < MIN_TRACK_M:
        collector.skip("GPX track", NEAR_EMPTY_TRACK)
        return
    if not kind and track.length_m / seconds * 3.6 > MAX_HUMAN_SPEED_KMH:
        collector.skip("GPX track", "too fast for a run (a ride or a drive?)")
        return
    notes = "Imported from GPX" + (f": {track.name}" if track.name else "")
    _add_run(collector, where, start, seconds, track.length_m, None, notes)


def read_gpx(
    source: str | Path,
    *,
    zone: tzinfo | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Runs from the tracks of a GPX file, streamed: `source` is a path or the file's text.

    Raises NotGpxError when the XML's first element is not <gpx> and UnreadableFileError
    for a damaged file or one that declares XML entities.
    """
    if isinstance(source, Path):
        size = source.stat().st_size
        stream: BinaryIO = source.open("rb")
    else:
        data = source.encode("utf-8")
        size = len(data)
        stream = io.BytesIO(data)
    named = f"{source.name} is a GPX file that" if isinstance(source, Path) else "This GPX file"
    collector = Collector(progress, size)
    handlers = _GpxTracks(lambda track: _track_run(track, collector, zone))
    parser = _expat_parser(handlers)
    done = 0
    with stream:
        collector.report(0, size)
        try:
            while chunk := stream.read(_GPX_CHUNK):
                parser.Parse(chunk, False)
                done += len(chunk)
                collector.report_if_due(done, size)
            parser.Parse(b"", True)
        except _RefusedXmlError:
            raise UnreadableFileError(
                f"{named} declares its own XML entities, which Liftrun does not read "
                "(they can hide huge or outside content); export the track again from its app."
            ) from None
        except expat.ExpatError as error:
            if not handlers.root_seen:
                raise NotGpxError("") from error
            raise UnreadableFileError(
                f"This GPX file is damaged and cannot be read (near line {error.lineno})."
            ) from None
    collector.report(size, size)
    if not handlers.tracks:
        collector.problem("file", "The GPX file has no track (only routes or waypoints).")
    return collector.result("gpx")


# --- FIT -------------------------------------------------------------------------------------


def _finite(value: object) -> float | None:
    """A FIT field as a finite float, None when missing, not a number, infinite or NaN."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _fit_run(
    number: int, values: dict[str, Any], collector: Collector, zone: tzinfo | None
) -> None:
    """One FIT session: a run, a skip with its reason, or a problem line."""
    where = f"activity {number}"
    sport = str(values.get("sport") or "unknown")
    if sport != "running":
        collector.skip(f"FIT activity ({sport.replace('_', ' ')})", "not a run")
        return
    start_time = values.get("start_time")
    raw_seconds = values.get("total_timer_time")
    if raw_seconds is None:
        raw_seconds = values.get("total_elapsed_time")
    if not isinstance(start_time, datetime) or raw_seconds is None:
        collector.problem(where, "The run has no start time or no duration.")
        return
    seconds = _finite(raw_seconds)
    if seconds is None or seconds <= 0:
        collector.problem(
            where,
            "The run's recorded time is not a positive number of seconds; it was not imported.",
        )
        return
    distance_m = _finite(values.get("total_distance") or 0.0)
    if distance_m is None or distance_m < 0:
        collector.problem(
            where, "The run's recorded distance is not a usable number; it was not imported."
        )
        return
    speed = _finite(values.get("enhanced_avg_speed") or values.get("avg_speed"))
    try:
        start = _local(start_time, zone)
    except (OverflowError, ValueError):
        collector.problem(
            where, "The run's date is outside the calendar (year 1 to 9999); it was not imported."
        )
        return
    sub_sport = str(values.get("sub_sport") or "")
    notes = "Imported from FIT" + (
        f": {sub_sport.replace('_', ' ')}" if sub_sport not in ("", "generic") else ""
    )
    speed_ms = speed if speed and speed > 0 else None
    _add_run(collector, where, start, seconds, distance_m, speed_ms, notes)


def read_fit(
    path: Path, *, zone: tzinfo | None = None, progress: Progress | None = None
) -> ImportResult:
    """Runs from the sessions of a FIT activity file (a multisport file has several),
    read record by record; progress is the share of the file's bytes read."""
    import fitdecode  # type: ignore[import-untyped]

    size = max(1, path.stat().st_size)
    collector = Collector(progress, size)
    sessions = 0
    collector.report(0, size)
    try:
        with warnings.catch_warnings(), path.open("rb") as stream:
            warnings.simplefilter("ignore")
            with fitdecode.FitReader(stream, check_crc=fitdecode.CrcCheck.RAISE) as reader:
                for frame in reader:
                    collector.report_if_due(stream.tell(), size)
                    if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                        sessions += 1
                        values = {field.name: field.value for field in frame.fields}
                        _fit_run(sessions, values, collector, zone)
    except fitdecode.FitEOFError as error:
        raise UnreadableFileError(
            "This FIT file ends too early; it may have been cut off while copying."
        ) from error
    except fitdecode.FitCRCError as error:
        raise UnreadableFileError(
            "This FIT file is damaged (its checksum does not match)."
        ) from error
    except (fitdecode.FitError, ValueError, TypeError, KeyError, OverflowError) as error:
        raise UnreadableFileError(
            "This FIT file cannot be read; it may be damaged or not an activity."
        ) from error
    collector.report(size, size)
    if not sessions:
        collector.problem(
            "file", "The FIT file holds no activity (it may be a course or settings)."
        )
    return collector.result("fit")
