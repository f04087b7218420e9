"""Imports at the edges: odd values become problem lines, near-empty tracks are skipped with
a reason, long prologues and hostile XML, repeated hours, missing durations, large files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.advice import Kind, Profile
from desktop.interop import (
    ReadCancelledError,
    UnreadableFileError,
    describe,
    plan_import,
    read_file,
)
from desktop.interop.preview import DUPLICATE_RULE
from desktop.interop.tracks import NEAR_EMPTY_TRACK
from tests.interop.conftest import PARIS
from tests.interop.made_files import FitRun, Track, fit_bytes, gpx_text, track_xml

NEW_YORK = ZoneInfo("America/New_York")
PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- GPX: near-empty tracks, bad tracks, prologues, entities ---------------------------------


def test_a_multi_track_gpx_proposes_only_real_runs(data: Path) -> None:
    # gpxpy's cerknicko-jezero.gpx: 8 untyped tracks from a hand-held GPS, one without
    # points and three of about 30 m (the receiver switched on and off again).
    result = read_file(data / "cerknicko-jezero.gpx", zone=PARIS)
    assert [(s.start, s.duration_min, s.distance_km) for s in result.sessions] == [
        (datetime(2010, 8, 5, 16, 23, 59), 41, 1.914),
        (datetime(2010, 8, 5, 17, 11, 36), 3, 0.874),
        (datetime(2010, 8, 5, 17, 38, 49), 5, 1.354),
        (datetime(2010, 8, 5, 18, 5, 37), 18, 0.347),
    ]
    assert {(s.what, s.why, s.count) for s in result.skips} == {
        ("GPX track", "empty (no points)", 1),
        ("GPX track", NEAR_EMPTY_TRACK, 3),
    }
    assert result.problems == ()


@pytest.mark.parametrize(
    ("points", "step_m", "step_s"),
    [(1, 0.0, 0.0), (5, 10.0, 60.0), (5, 400.0, 10.0)],
    ids=["one point", "40 m in 4 minutes", "1.6 km in 40 s"],
)
def test_tracks_under_50_m_or_under_a_minute_are_skipped_with_the_reason(
    tmp_path: Path, points: int, step_m: float, step_s: float
) -> None:
    near_empty = Track("2025-06-01T07:00:00Z", points=points, step_m=step_m, step_s=step_s)
    good = Track("2025-06-02T07:00:00Z")
    result = read_file(_write(tmp_path, "t.gpx", gpx_text([near_empty, good])), zone=UTC)
    assert [s.start for s in result.sessions] == [datetime(2025, 6, 2, 7, 0)]
    assert [(s.what, s.why) for s in result.skips] == [("GPX track", NEAR_EMPTY_TRACK)]


@pytest.mark.parametrize("date", ["9999-12-31T23:30:00Z", "0001-01-01T00:10:00Z"])
def test_one_track_dated_off_the_calendar_is_a_problem_and_the_good_one_imports(
    tmp_path: Path, date: str
) -> None:
    tracks = [Track("2025-06-01T07:00:00Z", name="Good"), Track(date, name="Broken watch")]
    for zone in (UTC, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")):
        result = read_file(_write(tmp_path, "t.gpx", gpx_text(tracks)), zone=zone)
        assert len(result.sessions) == 1 and "Good" in result.sessions[0].notes
        [problem] = result.problems
        assert problem.where == "track 2 (Broken watch)"
        assert "not imported" in problem.message and "Error" not in problem.message


def test_a_track_with_unreadable_times_is_a_problem_line(tmp_path: Path) -> None:
    text = gpx_text([Track("2025-06-01T07:00:00Z"), Track("2025-06-02T07:00:00Z")])
    text = text.replace("2025-06-02T07:00:00Z", "yesterday", 1)
    result = read_file(_write(tmp_path, "t.gpx", text), zone=UTC)
    assert len(result.sessions) == 1
    assert [p.where for p in result.problems] == ["track 2"]


@pytest.mark.parametrize(
    "prologue",
    [
        "<!-- " + "exported by a very chatty tool " * 400 + "-->\n",
        "<!DOCTYPE gpx [\n<!ELEMENT gpx ANY>\n<!-- " + "x" * 10_000 + " -->\n]>\n",
        "\n" * 5000,
    ],
    ids=["12 KB comment", "10 KB DOCTYPE", "5000 blank lines"],
)
def test_a_gpx_prologue_may_be_any_length(tmp_path: Path, prologue: str) -> None:
    text = gpx_text([Track("2025-06-01T07:00:00Z")], prologue=prologue)
    assert text.index("<gpx") > 2048
    result = read_file(_write(tmp_path, "long-prologue.gpx", text), zone=UTC)
    assert result.format == "gpx" and len(result.sessions) == 1


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>&lol9;</name><trkseg></trkseg></trk></gpx>
"""
OUTSIDE_FILE = """<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>&secret;</name><trkseg></trkseg></trk></gpx>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, OUTSIDE_FILE], ids=["laughs", "external"])
def test_xml_entities_are_refused_in_one_sentence(tmp_path: Path, text: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_file(_write(tmp_path, "hostile.gpx", text))
    message = str(caught.value)
    assert "entities" in message and "\n" not in message and "root:" not in message


@pytest.mark.parametrize(
    "text",
    [
        "<gpx><trk><trkseg><trkpt lat='1' lon='2'>",
        '<?xml version="1.0"?><gpx version="1.1"><trk></gpx>',
        "<gpx>\x00</gpx>",
    ],
)
def test_damaged_gpx_gets_one_plain_sentence(tmp_path: Path, text: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_file(_write(tmp_path, "bad.gpx", text))
    message = str(caught.value)
    assert message.startswith("This GPX file is damaged")
    assert "mismatched" not in message and "token" not in message and "column" not in message


@pytest.mark.parametrize(
    "head",
    [b"<", b"<<<>>>", b'<?xml version="1.0"?><svg/>', b"<!-- only a comment -->"],
)
def test_other_xml_and_junk_is_not_a_known_file(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "junk.gpx"
    path.write_bytes(head)
    with pytest.raises(UnreadableFileError, match="is not a Liftrun, Strong or Hevy"):
        read_file(path)


# --- FIT: odd values -------------------------------------------------------------------------


@pytest.mark.parametrize("timer_s", [float("inf"), float("nan"), -1e9, 0.0])
def test_a_fit_run_with_an_impossible_time_is_a_problem_and_the_rest_imports(
    tmp_path: Path, timer_s: float
) -> None:
    path = tmp_path / "odd.fit"
    path.write_bytes(
        fit_bytes(
            [
                FitRun(datetime(2025, 5, 1, 7, tzinfo=UTC), timer_s),
                FitRun(datetime(2025, 5, 2, 7, tzinfo=UTC), 1800.0),
            ]
        )
    )
    result = read_file(path, zone=UTC)
    [run] = result.sessions
    assert (run.start, run.duration_min, run.distance_km) == (datetime(2025, 5, 2, 7), 30, 5.0)
    [problem] = result.problems
    assert problem.where == "activity 1" and "Error" not in problem.message


def test_a_fit_run_of_two_days_is_a_problem_line(tmp_path: Path) -> None:
    path = tmp_path / "long.fit"
    path.write_bytes(fit_bytes([FitRun(datetime(2025, 5, 1, 7, tzinfo=UTC), 2 * 86400.0)]))
    result = read_file(path, zone=UTC)
    assert result.sessions == () and [p.where for p in result.problems] == ["activity 1"]


# --- duplicates by kind, start and length ----------------------------------------------------


def test_two_runs_in_the_repeated_hour_are_both_added(tmp_path: Path) -> None:
    # 05:30Z and 06:30Z on 2 Nov 2025 are both 01:30 in New York (the clocks go back).
    tracks = [
        Track("2025-11-02T05:30:00Z", points=121, step_m=25.0, step_s=15.0, name="first"),
        Track("2025-11-02T06:30:00Z", points=61, step_m=40.0, step_s=10.0, name="second"),
    ]
    result = read_file(_write(tmp_path, "fall-back.gpx", gpx_text(tracks)), zone=NEW_YORK)
    assert [s.start for s in result.sessions] == [datetime(2025, 11, 2, 1, 30)] * 2
    plan = plan_import(result, [])
    assert len(plan.to_add) == 2 and plan.duplicates == ()
    again = plan_import(result, plan.to_add)
    assert again.to_add == () and len(again.duplicates) == 2
    preview = describe(result, again, PROFILE, "fall-back.gpx")
    assert DUPLICATE_RULE in preview.summary and preview.duplicate_rule == DUPLICATE_RULE


# --- Strong without durations ----------------------------------------------------------------

STRONG_WITHOUT_DURATION = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
    '2019-01-11 12:31:54;"Legs";"Deadlift (Barbell)";W;135;lbs;5;;;;0;"";"";\n'
    '2019-01-11 12:31:54;"Legs";"Deadlift (Barbell)";1;225;lbs;5;;;;0;"";"";\n'
    '2019-01-11 12:31:54;"Legs";"Deadlift (Barbell)";2;315;lbs;3;;;;0;"";"";\n'
    '2019-01-11 12:31:54;"Legs";"Squat (Barbell)";1;225;lbs;5;;;;0;"";"";\n'
    '2019-01-13 08:00:00;"Pull";"Deadlift (Barbell)";1;140;kgs;5;;;;0;"";"";\n'
)


def test_a_strong_workout_without_a_duration_keeps_its_deadlift(tmp_path: Path) -> None:
    result = read_file(_write(tmp_path, "strong.csv", STRONG_WITHOUT_DURATION))
    lifts = [s for s in result.sessions if s.kind is Kind.DEADLIFT]
    assert [(s.start, s.duration_min, s.sets) for s in lifts] == [
        (datetime(2019, 1, 11, 12, 31, 54), 9, 2),  # 3 sets, warm-up included: 9 min
        (datetime(2019, 1, 13, 8, 0), 3, 1),
    ]
    assert [p.where for p in result.problems] == ["line 2", "line 6"]
    assert "assumed 9 min (3 min for each of its 3 sets" in result.problems[0].message


# --- progress, cancel and large files --------------------------------------------------------


def _big_gpx(tmp_path: Path, points: int) -> Path:
    track = track_xml(Track("2025-06-01T07:00:00Z", points=points, step_m=2.0, step_s=1.0))
    return _write(tmp_path, "big.gpx", gpx_text([]).replace("</gpx>", track + "</gpx>"))


def test_gpx_progress_counts_bytes_up_to_the_whole_file(tmp_path: Path) -> None:
    path = _big_gpx(tmp_path, 20_000)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    result = read_file(path, zone=UTC, progress=progress)
    assert len(result.sessions) == 1
    size = path.stat().st_size
    assert calls[0] == (0, size) and calls[-1] == (size, size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert result.size_bytes == size


@pytest.mark.parametrize("fmt", ["gpx", "fit", "strong"])
def test_cancel_stops_each_streaming_reader(tmp_path: Path, fmt: str) -> None:
    if fmt == "gpx":
        path = _big_gpx(tmp_path, 20_000)
    elif fmt == "fit":
        path = tmp_path / "many.fit"
        path.write_bytes(fit_bytes([FitRun(datetime(2025, 5, 1, 7, tzinfo=UTC), 1800.0)] * 5000))
    else:
        path = _write(tmp_path, "s.csv", STRONG_WITHOUT_DURATION * 1)
    answers: list[int] = []

    def progress(done: int, total: int) -> bool:
        answers.append(done)
        return len(answers) < 2  # the second call says Cancel

    with pytest.raises(ReadCancelledError):
        read_file(path, zone=UTC, progress=progress)
    assert len(answers) == 2


def test_an_unusually_large_file_is_said_to_be_in_the_preview(tmp_path: Path) -> None:
    result = read_file(_big_gpx(tmp_path, 20_000), zone=UTC)
    preview = describe(result, plan_import(result, []), PROFILE, "big.gpx")
    assert "unusually large" not in preview.summary
    large = type(result)(result.format, result.sessions, size_bytes=97 * 1024 * 1024)
    preview = describe(large, plan_import(large, []), PROFILE, "big.gpx")
    assert "This is an unusually large file (97 MB, 1 session)" in preview.summary


HEVY_WITHOUT_END = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    'Legs,"2 Dec 2023, 18:00",,,Sumo Deadlift,,,0,warmup,100,5,,,\n'
    'Legs,"2 Dec 2023, 18:00",,,Sumo Deadlift,,,1,normal,160,3,,,\n'
    'Legs,"2 Dec 2023, 18:00",,,Sumo Deadlift,,,2,normal,170,2,,,\n'
    'Legs,"2 Dec 2023, 18:00",,,Running,,,0,normal,,,2.0,720,\n'
)


def test_a_hevy_workout_without_an_end_keeps_its_deadlift_and_its_run(tmp_path: Path) -> None:
    result = read_file(_write(tmp_path, "hevy.csv", HEVY_WITHOUT_END))
    assert [(s.kind, s.start, s.duration_min) for s in result.sessions] == [
        (Kind.DEADLIFT, datetime(2023, 12, 2, 18, 0), 9),
        (Kind.RUN, datetime(2023, 12, 2, 18, 9), 12),  # logged after the lift: placed after it
    ]
    [problem] = result.problems
    assert "assumed 9 min" in problem.message and "3 sets" in problem.message
