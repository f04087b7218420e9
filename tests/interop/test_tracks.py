"""GPX and FIT files from watches: runs in local time, rides skipped, damaged files refused."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.advice import Kind
from desktop.interop import UnreadableFileError, read_file
from tests.interop.conftest import PARIS


def test_real_fit_run_becomes_a_done_run_in_local_time(data: Path) -> None:
    result = read_file(data / "garmin-fenix-5-run.fit", zone=PARIS)
    assert result.format == "fit"
    (run,) = result.sessions
    assert run.kind is Kind.RUN and run.done
    # 14:34:09 UTC on 11 June 2017 is 16:34:09 in Paris (summer time).
    assert run.start == datetime(2017, 6, 11, 16, 34, 9)
    assert run.distance_km == pytest.approx(0.158, abs=0.001)
    assert run.duration_min == 1  # a 57-second run
    assert run.speed_kmh == pytest.approx(2.77 * 3.6, abs=0.01)
    assert result.skipped == 0 and result.problems == ()


def test_the_same_run_in_another_zone(data: Path) -> None:
    run = read_file(data / "garmin-fenix-5-run.fit", zone=ZoneInfo("America/Denver")).sessions[0]
    assert run.start == datetime(2017, 6, 11, 8, 34, 9)


def test_real_fit_bike_ride_is_skipped_and_counted(data: Path) -> None:
    result = read_file(data / "garmin-fenix-5-bike.fit", zone=PARIS)
    assert result.sessions == ()
    assert result.skipped == 1
    assert result.skips[0].what == "FIT activity (cycling)"


def test_a_cut_off_fit_file_gets_one_clear_sentence(data: Path) -> None:
    with pytest.raises(UnreadableFileError, match="ends too early"):
        read_file(data / "truncated-activity.fit")


def test_a_fit_file_with_a_damaged_byte_is_refused(data: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.fit"
    content = bytearray((data / "garmin-fenix-5-run.fit").read_bytes())
    content[len(content) // 2] ^= 0xFF
    damaged.write_bytes(bytes(content))
    with pytest.raises(UnreadableFileError) as caught:
        read_file(damaged)
    assert str(caught.value).startswith("This FIT file")


def test_gpx_runs_are_imported_and_other_tracks_skipped(data: Path) -> None:
    result = read_file(data / "runs-and-ride.gpx", zone=PARIS)
    assert result.format == "gpx"
    (run,) = result.sessions
    assert run.start == datetime(2024, 6, 1, 12, 0)  # 10:00 UTC in Paris summer time
    assert run.duration_min == 12
    assert run.distance_km == pytest.approx(2.0, abs=0.01)
    assert run.speed_kmh == pytest.approx(10.0, abs=0.05)
    assert "Lunch run" in run.notes
    assert {(s.what, s.why) for s in result.skips} == {
        ("GPX track (cycling)", "not a run"),
        ("GPX track", "too fast for a run (a ride or a drive?)"),
    }
    assert [(p.where, p.message) for p in result.problems] == [
        (
            "track 3 (Planned route)",
            "The track has no times, so it cannot go on the calendar.",
        )
    ]


def test_real_gpx_of_a_second_and_two_metres_is_skipped_as_near_empty(data: Path) -> None:
    result = read_file(data / "nikeplus-run.gpx", zone=PARIS)
    assert result.sessions == () and result.problems == ()
    assert [(s.what, s.why, s.count) for s in result.skips] == [
        ("GPX track", "under 50 m or under 1 minute (an empty or accidental recording)", 1)
    ]


def test_real_gpx_times_with_an_offset_are_read_as_that_moment(data: Path, tmp_path: Path) -> None:
    # NikePlus wrote "15:43:13+01:00", i.e. 14:43:13 UTC, 15:43:13 in Paris in December.
    # The real file lasts a second; the same track with a last point 20 minutes and
    # 3.4 km later is a run.
    text = (data / "nikeplus-run.gpx").read_text(encoding="utf-8")
    longer = text.replace(
        "</trkseg>",
        '<trkpt lon="9.992874" lat="57.04200"><time>2015-12-11T16:03:13+01:00</time>'
        "</trkpt></trkseg>",
    )
    path = tmp_path / "longer.gpx"
    path.write_text(longer, encoding="utf-8")
    (run,) = read_file(path, zone=PARIS).sessions
    assert run.start == datetime(2015, 12, 11, 15, 43, 13)
    assert run.kind is Kind.RUN and run.duration_min == 20
    assert run.distance_km == pytest.approx(3.39, abs=0.01)


def test_a_broken_gpx_file_gets_one_clear_sentence(data: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gpx"
    broken.write_text((data / "runs-and-ride.gpx").read_text()[:700], encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="GPX file is damaged"):
        read_file(broken)


def test_a_gpx_without_tracks_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "route.gpx"
    path.write_text(
        '<?xml version="1.0"?><gpx version="1.1" creator="x" '
        'xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="1" lon="2"/></gpx>',
        encoding="utf-8",
    )
    result = read_file(path)
    assert result.sessions == ()
    assert [p.where for p in result.problems] == ["file"]


def test_format_comes_from_content_not_the_extension(data: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "activity.csv"
    shutil.copy(data / "garmin-fenix-5-run.fit", renamed)
    assert read_file(renamed).format == "fit"
    renamed_gpx = tmp_path / "track.fit"
    shutil.copy(data / "runs-and-ride.gpx", renamed_gpx)
    assert read_file(renamed_gpx).format == "gpx"
