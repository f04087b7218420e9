"""Every field survives a save and a reopen; bad values are refused before any write."""

from __future__ import annotations

import math
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from desktop.advice.limits import InvalidInputError
from desktop.advice.model import (
    DayLog,
    DistanceUnit,
    Kind,
    Profile,
    Session,
    VolumeUnit,
    WeightUnit,
    Workout,
)
from desktop.store import SessionNotFoundError, Store, StoreClosedError
from tests.builders import lift, run

T0 = datetime(2024, 5, 1, 7, 30)

# Values of the wrong type on purpose: the store's own boundary checks must refuse them.
NOT_A_SESSION: Any = "not a session"


def _fields(session: Session) -> dict[str, object]:
    return {name: getattr(session, name) for name in Session.__dataclass_fields__}


def test_every_session_field_round_trips_through_a_reopen(db_path: Path) -> None:
    the_run = run(
        datetime(2024, 5, 1, 7, 30, 15, 123456),
        workout=Workout.INTERVALS,
        distance_km=7.25,
        speed_kmh=13.7,
        pain=True,
        done=True,
        notes="windy; ß ✓ 'quotes' \"double\"\nsecond line",
    )
    the_lift = lift(datetime(2024, 5, 1, 6, 0), spotter=False, sets=3, reps=8, load_kg=102.5)
    bare_lift = lift(datetime(2024, 5, 2, 6, 0), spotter=None, sets=None, reps=None, load_kg=None)
    bare_run = run(datetime(2024, 5, 2, 19, 0), workout=None, distance_km=None, speed_kmh=None)
    with Store.open(db_path) as store:
        ids = [store.add(s) for s in (the_run, the_lift, bare_lift, bare_run)]
        saved = [store.get(i) for i in ids]
    with Store.open(db_path) as store:
        reloaded = [store.get(i) for i in ids]
    assert reloaded == saved
    for original, new_id, back in zip(
        (the_run, the_lift, bare_lift, bare_run), ids, reloaded, strict=True
    ):
        assert back is not None
        expected = _fields(replace(original, id=new_id))
        got = _fields(back)
        assert got.pop("created") is not None
        assert got.pop("updated") is not None
        expected.pop("created")
        expected.pop("updated")
        assert got == expected
        assert type(back.kind) is Kind
        assert back.workout is None or type(back.workout) is Workout


def test_created_is_kept_and_updated_moves_on_update(store: Store) -> None:
    given = datetime(2020, 1, 2, 3, 4, 5)
    session_id = store.add(run(T0, created=given))
    first = store.get(session_id)
    assert first is not None and first.created == given and first.updated is not None
    store.update(session_id, run(T0 + timedelta(hours=1), notes="moved", created=None))
    second = store.get(session_id)
    assert second is not None
    assert second.created == given
    assert second.updated is not None and second.updated >= first.updated
    assert second.start == T0 + timedelta(hours=1) and second.notes == "moved"


def test_ranges_include_both_days_and_are_ordered_by_start(store: Store) -> None:
    days = [date(2024, 5, 1) + timedelta(days=n) for n in range(10)]
    for day in reversed(days):
        store.add(run(datetime.combine(day, datetime.min.time()) + timedelta(hours=18)))
        store.add(lift(datetime.combine(day, datetime.min.time()) + timedelta(hours=6)))
    store.add(run(datetime(2024, 5, 3, 23, 59, 59, 999999)))
    found = store.sessions_between(date(2024, 5, 3), date(2024, 5, 5))
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert {s.day for s in found} == {date(2024, 5, 3), date(2024, 5, 4), date(2024, 5, 5)}
    assert len(found) == 7
    assert [s.kind for s in store.sessions_on(date(2024, 5, 4))] == [Kind.DEADLIFT, Kind.RUN]
    everything = store.all_sessions()
    assert len(everything) == 21
    assert [s.start for s in everything] == sorted(s.start for s in everything)
    assert store.sessions_between(date(2030, 1, 1), date(2030, 1, 31)) == []
    assert store.sessions_between(date.min, date.max) == everything


def test_update_delete_and_get_of_missing_ids(store: Store) -> None:
    session_id = store.add(run(T0))
    assert store.get(session_id + 1) is None
    with pytest.raises(SessionNotFoundError):
        store.update(session_id + 1, run(T0))
    with pytest.raises(SessionNotFoundError):
        store.delete(session_id + 1)
    store.delete(session_id)
    assert store.get(session_id) is None
    with pytest.raises(SessionNotFoundError):
        store.delete(session_id)
    # Ids are never reused, even for the newest row.
    assert store.add(run(T0)) > session_id


def test_profile_round_trips(db_path: Path) -> None:
    profile = Profile(
        max_distance_km=9.5,
        max_speed_kmh=14.25,
        immediate_window_min=90,
        water_target_oz=72.5,
        distance_unit=DistanceUnit.MI,
        volume_unit=VolumeUnit.OZ,
        weight_unit=WeightUnit.LB,
    )
    with Store.open(db_path) as store:
        assert store.profile() is None
        store.save_profile(Profile(5.0, 10.0))
        store.save_profile(profile)
    with Store.open(db_path) as store:
        assert store.profile() == profile


def test_day_logs_water_and_preferences_round_trip(db_path: Path) -> None:
    day = date(2024, 5, 1)
    with Store.open(db_path) as store:
        assert store.water(day) is None
        assert store.day_log(day) == DayLog(day=day)
        store.set_water(day, 20.5)
        assert store.add_water(day, 8) == 28.5
        assert store.add_water(day, -4.5) == 24.0
        store.save_day_log(DayLog(day + timedelta(days=1), water_oz=None, bcaa=True, note="rest"))
        assert store.add_water(day + timedelta(days=2), 16) == 16.0
        store.set_preference("theme", "dark")
        store.set_preference("gone", "x")
        store.set_preference("gone", None)
    with Store.open(db_path) as store:
        assert store.water(day) == 24.0
        assert store.day_log(day) == DayLog(day, 24.0, False, "")
        logs = store.day_logs_between(day, day + timedelta(days=5))
        assert logs == {
            day: DayLog(day, 24.0),
            day + timedelta(days=1): DayLog(day + timedelta(days=1), None, True, "rest"),
            day + timedelta(days=2): DayLog(day + timedelta(days=2), 16.0),
        }
        # save_day_log replaces the whole log, set_water only the water.
        store.save_day_log(DayLog(day, water_oz=10.0, bcaa=True, note="n"))
        store.set_water(day, 12.0)
        assert store.day_log(day) == DayLog(day, 12.0, True, "n")
        assert store.preference("theme") == "dark"
        assert store.preference("gone") is None
        assert store.preference("missing", "fallback") == "fallback"


def test_bulk_saves_are_all_or_nothing(store: Store) -> None:
    ids = store.add_many([run(T0), lift(T0 - timedelta(hours=1))])
    assert [s.id for s in store.all_sessions()] == [ids[1], ids[0]]
    with pytest.raises(InvalidInputError):
        store.add_many([run(T0), NOT_A_SESSION])
    assert len(store.all_sessions()) == 2
    day = T0.date()
    store.save_day_logs([DayLog(day, 10.0), DayLog(day + timedelta(days=1), None, True, "b")])
    assert store.day_logs_between(day, day + timedelta(days=1)) == {
        day: DayLog(day, 10.0),
        day + timedelta(days=1): DayLog(day + timedelta(days=1), None, True, "b"),
    }


def _table_counts(path: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(path)
    try:
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("session", "profile", "preference", "daylog")
        ]
        return (*counts, conn.execute("SELECT value FROM meta").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(
    "fields",
    [
        {"distance_km": math.inf},
        {"duration_min": 30.5},
        {"duration_min": True},
        {"speed_kmh": math.nan},
        {"created": datetime(2024, 1, 1).astimezone()},
    ],
)
def test_values_the_engine_refuses_never_reach_the_store(
    store: Store, fields: dict[str, Any]
) -> None:
    """One validation: the engine's Session refuses these; the store only checks types."""
    store.add(run(T0))
    with pytest.raises(InvalidInputError):
        store.add(run(T0, **fields))
    with pytest.raises(InvalidInputError):
        store.add(NOT_A_SESSION)
    with pytest.raises(InvalidInputError):
        store.update(1, NOT_A_SESSION)
    store.close()
    assert _table_counts(store.path)[0] == 1


def test_engine_validation_rejects_impossible_sessions() -> None:
    with pytest.raises(InvalidInputError):
        run(T0, speed_kmh=46.0)
    with pytest.raises(InvalidInputError):
        run(T0, spotter=True)


@pytest.mark.parametrize("bad_id", [0, -1, True, 1.0, "1", None, 2**63])
def test_bad_ids_are_refused(store: Store, bad_id: Any) -> None:
    for call in (store.get, store.delete):
        with pytest.raises(InvalidInputError):
            call(bad_id)
    with pytest.raises(InvalidInputError):
        store.update(bad_id, run(T0))


def test_bad_days_amounts_profiles_and_keys_are_refused(store: Store) -> None:
    day = date(2024, 5, 1)
    bad_days: tuple[Any, ...] = (datetime(2024, 5, 1, 12), "2024-05-01", None)
    for bad_day in bad_days:
        with pytest.raises(InvalidInputError):
            store.water(bad_day)
        with pytest.raises(InvalidInputError):
            store.set_water(bad_day, 10)
    bad_amounts: tuple[Any, ...] = (-1, math.nan, math.inf, 5000, True, "8", None)
    for bad_oz in bad_amounts:
        with pytest.raises(InvalidInputError):
            store.set_water(day, bad_oz)
    with pytest.raises(InvalidInputError):
        store.add_water(day, -1)  # the total would be negative
    with pytest.raises(InvalidInputError):
        store.sessions_between(date(2024, 5, 2), day)
    with pytest.raises(InvalidInputError):
        store.day_logs_between(date(2024, 5, 2), day)
    with pytest.raises(InvalidInputError):
        store.save_profile(cast(Any, "profile"))
    with pytest.raises(InvalidInputError):
        store.save_day_log(cast(Any, "a log"))
    with pytest.raises(InvalidInputError):
        store.set_preference("", "x")
    with pytest.raises(InvalidInputError):
        store.set_preference("k", cast(Any, 3))
    assert store.water(day) is None
    assert store.profile() is None
    assert store.day_logs_between(day, day) == {}


def test_closed_store_refuses_use_and_close_is_idempotent(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    store.close()
    assert store.closed
    with pytest.raises(StoreClosedError):
        store.all_sessions()
    with pytest.raises(StoreClosedError):
        store.add(run(T0))
