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

import math
import re
import warnings
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, Final

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
    return max(1, math.floor(seconds / 60 + 0.5))


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


def read_gpx(
    text: str, *, zone: tzinfo | None = None, progress: Progress | None = None
) -> ImportResult:
    """Runs from the tracks of a GPX file."""
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError) as error:
        raise UnreadableFileError(
            f"This GPX file is damaged and cannot be read ({error})."
        ) from error
    collector = Collector(progress)
    tracks = gpx.tracks
    for number, track in enumerate(tracks, start=1):
        collector.report(number - 1, len(tracks))
        where = f"track {number}" + (f" ({track.name})" if track.name else "")
        kind = (track.type or "").strip().lower()
        if kind and not _RUN_TYPES.match(kind):
            collector.skip(f"GPX track ({track.type})", "not a run")
            continue
        bounds = track.get_time_bounds()
        if bounds.start_time is None or bounds.end_time is None:
            collector.problem(where, "The track has no times, so it cannot go on the calendar.")
            continue
        seconds = (bounds.end_time - bounds.start_time).total_seconds()
        if seconds <= 0:
            collector.problem(
                where, "The track's points all have the same time; it has no duration."
            )
            continue
        distance_m = track.length_2d()
        if not kind and distance_m / seconds * 3.6 > MAX_HUMAN_SPEED_KMH:
            collector.skip("GPX track", "too fast for a run (a ride or a drive?)")
            continue
        start = _local(bounds.start_time, zone)
        notes = "Imported from GPX" + (f": {track.name}" if track.name else "")
        _add_run(collector, where, start, seconds, distance_m, None, notes)
    collector.report(len(tracks), len(tracks))
    if not tracks:
        collector.problem("file", "The GPX file has no track (only routes or waypoints).")
    return collector.result("gpx")


# --- FIT -------------------------------------------------------------------------------------


def read_fit(
    path: Path, *, zone: tzinfo | None = None, progress: Progress | None = None
) -> ImportResult:
    """Runs from the sessions of a FIT activity file (a multisport file has several)."""
    import fitdecode  # type: ignore[import-untyped]

    collector = Collector(progress)
    sessions: list[dict[str, Any]] = []
    size = max(1, path.stat().st_size)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.RAISE) as reader:
                for count, frame in enumerate(reader):
                    if count % 2000 == 0:
                        chunk = getattr(frame, "chunk", None)
                        collector.report(getattr(chunk, "offset", 0), size)
                    if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                        sessions.append({field.name: field.value for field in frame.fields})
    except fitdecode.FitEOFError as error:
        raise UnreadableFileError(
            "This FIT file ends too early; it may have been cut off while copying."
        ) from error
    except fitdecode.FitCRCError as error:
        raise UnreadableFileError(
            "This FIT file is damaged (its checksum does not match)."
        ) from error
    except (fitdecode.FitError, ValueError, TypeError, KeyError) as error:
        raise UnreadableFileError(f"This FIT file cannot be read ({error}).") from error
    collector.report(size, size)
    if not sessions:
        collector.problem(
            "file", "The FIT file holds no activity (it may be a course or settings)."
        )
    for number, values in enumerate(sessions, start=1):
        where = f"activity {number}"
        sport = str(values.get("sport") or "unknown")
        if sport != "running":
            collector.skip(f"FIT activity ({sport.replace('_', ' ')})", "not a run")
            continue
        start_time = values.get("start_time")
        seconds = values.get("total_timer_time") or values.get("total_elapsed_time")
        if not isinstance(start_time, datetime) or not seconds:
            collector.problem(where, "The run has no start time or no duration.")
            continue
        distance_m = float(values.get("total_distance") or 0.0)
        speed = values.get("enhanced_avg_speed") or values.get("avg_speed")
        start = _local(start_time, zone)
        sub_sport = str(values.get("sub_sport") or "")
        notes = "Imported from FIT" + (
            f": {sub_sport.replace('_', ' ')}" if sub_sport not in ("", "generic") else ""
        )
        speed_ms = float(speed) if speed else None
        _add_run(collector, where, start, float(seconds), distance_m, speed_ms, notes)
    return collector.result("fit")
