"""Calendar export: titles like the chips, advice in the description, local zone, stable UIDs."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from desktop.advice import (
    Advice,
    AdviceWarning,
    Context,
    Profile,
    Session,
    Suggestion,
    WeightUnit,
    Workout,
    advise_session,
    session_title,
)
from desktop.interop import calendar_id, event_uid, export_ics
from desktop.store import Store
from tests.builders import lift, run
from tests.interop.conftest import PARIS

PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)
LIFT = lift(datetime(2025, 3, 3, 18, 0), reps=5, load_kg=140.0, id=11, notes="Belt on")
RUN = run(
    datetime(2025, 3, 3, 19, 15),
    minutes=25,
    workout=Workout.INTERVALS,
    distance_km=3.0,
    speed_kmh=11.0,
    id=12,
)
ADVICE = Advice(
    context=Context.IMMEDIATELY_AFTER,
    max_distance_km=5.0,
    max_speed_kmh=10.0,
    warnings=(AdviceWarning("too_fast", "Run slower than 10 km/h today.", "article"),),
    tips=(),
    suggestion=Suggestion(Workout.EASY, 5.0, 10.0, "Easy 5 km at 10 km/h."),
)


def events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_one_event_per_session_titled_like_the_chips(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    assert export_ics([LIFT, RUN], path, profile=PROFILE, zone=PARIS) == 2
    lift_event, run_event = events(path)
    assert str(lift_event["SUMMARY"]) == session_title(LIFT, PROFILE) == "Deadlift 5x5 140 kg"
    assert str(run_event["SUMMARY"]) == session_title(RUN, PROFILE) == "Run: intervals 3 km"


def test_titles_follow_the_profiles_units(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    imperial = Profile(max_distance_km=10.0, max_speed_kmh=12.0, weight_unit=WeightUnit.LB)
    export_ics([LIFT], path, profile=imperial, zone=PARIS)
    assert str(events(path)[0]["SUMMARY"]) == session_title(LIFT, imperial)
    assert "lb" in str(events(path)[0]["SUMMARY"])


def test_description_holds_warnings_and_the_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    export_ics([LIFT, RUN], path, profile=PROFILE, advice={12: ADVICE}, zone=PARIS)
    lift_event, run_event = events(path)
    description = str(run_event["DESCRIPTION"])
    assert "Run slower than 10 km/h today." in description
    assert "Easy 5 km at 10 km/h." in description
    assert str(lift_event["DESCRIPTION"]) == "Belt on"


def test_advice_may_come_from_the_engine_through_a_callable(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    sessions = [LIFT, RUN]

    def advice(session: Session) -> Advice:
        return advise_session(session, sessions, PROFILE)

    export_ics(sessions, path, profile=PROFILE, advice=advice, zone=PARIS)
    expected = advise_session(RUN, sessions, PROFILE)
    description = str(events(path)[1].get("DESCRIPTION", ""))
    for warning in expected.warnings:
        assert warning.message in description
    if expected.suggestion is not None:
        assert expected.suggestion.text in description


def test_times_are_local_with_the_zone_described(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    export_ics([LIFT], path, profile=PROFILE, zone=PARIS)
    text = path.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Paris:20250303T180000" in text
    assert "DTEND;TZID=Europe/Paris:20250303T190000" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Paris" in text
    (event,) = events(path)
    start = event.decoded("DTSTART")
    assert start.utcoffset().total_seconds() == 3600
    assert start.replace(tzinfo=None) == LIFT.start


def test_uids_are_stable_and_tied_to_the_database(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.ics", tmp_path / "b.ics", tmp_path / "c.ics"
    export_ics([LIFT, RUN], first, calendar="db1", zone=PARIS)
    moved = replace(RUN, distance_km=4.0)
    export_ics([LIFT, moved], second, calendar="db1", zone=PARIS)
    export_ics([LIFT, RUN], other, calendar="db2", zone=PARIS)
    uids = [[str(e["UID"]) for e in events(p)] for p in (first, second, other)]
    assert uids[0] == uids[1] == ["session-11-db1@liftrun", "session-12-db1@liftrun"]
    assert set(uids[0]).isdisjoint(uids[2])
    assert event_uid(LIFT, "db1") == "session-11-db1@liftrun"


def test_the_calendar_id_is_made_once_per_database(tmp_path: Path) -> None:
    with Store.open(tmp_path / "one.db") as store:
        made = calendar_id(store)
        assert calendar_id(store) == made
    with Store.open(tmp_path / "one.db") as store:
        assert calendar_id(store) == made
    with Store.open(tmp_path / "two.db") as store:
        assert calendar_id(store) != made


def test_exporting_nothing_writes_an_empty_calendar(tmp_path: Path) -> None:
    path = tmp_path / "empty.ics"
    assert export_ics([], path) == 0
    assert events(path) == []
    assert Calendar.from_ical(path.read_bytes())["PRODID"]


def test_by_default_times_are_in_the_computers_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    path = tmp_path / "plan.ics"
    assert export_ics([LIFT, RUN], path) == 2
    assert "DTSTART;TZID=Asia/Tokyo:20250303T180000" in path.read_text(encoding="utf-8")


def test_a_zone_without_a_name_is_written_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    export_ics([LIFT], path, zone=timezone(timedelta(hours=-5)))
    text = path.read_text(encoding="utf-8")
    assert "DTSTART:20250303T230000Z" in text
    assert "VTIMEZONE" not in text
