"""The planner: marks, rows, defaults, draft advice and edits over a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest

from desktop.advice import DistanceUnit, Kind, Profile, Session, Workout
from desktop.planner import DEFAULT_PROFILE, DayMarks, Planner, SessionMark
from desktop.store import Store
from tests.builders import MONDAY, PROFILE, at, lift, run


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in a temporary file with a 10 km / 15 km/h profile."""
    with Store.open(tmp_path / "plan.db") as opened:
        opened.save_profile(PROFILE)
        yield opened


@pytest.fixture
def planner(store: Store) -> Planner:
    """A planner over the store."""
    return Planner(store)


def test_profile_falls_back_to_defaults_until_saved(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.db") as store:
        planner = Planner(store)
        assert not planner.has_profile()
        assert planner.profile() == DEFAULT_PROFILE
        assert planner.profile().distance_unit is DistanceUnit.KM
        mine = Profile(max_distance_km=21.0, max_speed_kmh=14.0)
        planner.save_profile(mine)
        assert planner.has_profile()
        assert Planner(store).profile() == mine


def test_default_run_without_a_lift_is_seven_easy_thirty(planner: Planner) -> None:
    template = planner.default_run(MONDAY)
    assert template.kind is Kind.RUN
    assert template.start == datetime(2026, 3, 2, 7, 0)
    assert template.duration_min == 30
    assert template.workout is Workout.EASY
    assert template.id is None


def test_default_run_starts_thirty_minutes_after_the_last_lift(planner: Planner) -> None:
    planner.save(lift(at(0, 6)))
    planner.save(lift(at(0, 17, 30), minutes=45))
    template = planner.default_run(MONDAY)
    assert template.start == datetime(2026, 3, 2, 18, 45)


def test_default_run_moves_to_the_next_free_slot(planner: Planner) -> None:
    planner.save(run(at(0, 7), minutes=30))
    template = planner.default_run(MONDAY)
    assert template.start == datetime(2026, 3, 2, 7, 30)  # right after that run ends


def test_default_lift_is_six_pm_for_an_hour_spotter_unknown(planner: Planner) -> None:
    template = planner.default_lift(MONDAY)
    assert template.kind is Kind.DEADLIFT
    assert template.start == datetime(2026, 3, 2, 18, 0)
    assert template.duration_min == 60
    assert template.spotter is None


def test_month_marks_in_time_order_with_done_and_badge(planner: Planner) -> None:
    planner.save(run(at(0, 19), distance_km=9.5))  # over the 8 km cap right after the lift
    planner.save(lift(at(0, 17), done=True))
    planner.save(run(at(1, 7), distance_km=4.0, workout=Workout.HILLS))
    marks = planner.month_marks(MONDAY - timedelta(days=3), MONDAY + timedelta(days=38))
    assert marks[MONDAY] == DayMarks(
        sessions=(SessionMark(Kind.DEADLIFT, True), SessionMark(Kind.RUN, False)),
        has_warning=True,
    )
    assert marks[MONDAY + timedelta(days=1)] == DayMarks(
        sessions=(SessionMark(Kind.RUN, False),), has_warning=False
    )
    assert MONDAY + timedelta(days=2) not in marks


def test_day_rows_one_per_session_in_user_units(store: Store) -> None:
    store.save_profile(
        Profile(max_distance_km=10.0, max_speed_kmh=15.0, distance_unit=DistanceUnit.MI)
    )
    planner = Planner(store)
    planner.save(run(at(0, 19), distance_km=9.5))
    planner.save(lift(at(0, 17)))
    rows = planner.day_rows(MONDAY)
    assert [r.kind for r in rows] == [Kind.DEADLIFT, Kind.RUN]
    assert rows[0].time_text.startswith("17:00")
    assert rows[1].distance_text.endswith("mi")
    assert rows[1].workout_text == "Easy"
    assert rows[1].has_warning and rows[1].warning_text
    assert not rows[0].distance_text


def test_draft_advice_replaces_its_saved_version(planner: Planner) -> None:
    planner.save(lift(at(0, 17)))
    run_id = planner.save(run(at(0, 18, 30), distance_km=5.0))
    saved = planner.get(run_id)
    assert saved is not None
    assert not planner.advise_draft(saved).has_warnings
    edited = replace(saved, distance_km=9.0)
    advice = planner.advise_draft(edited)
    assert any(w.code == "distance-over-limit" for w in advice.warnings)
    # Nothing was written: the stored run is still 5 km and the day has no badge.
    assert planner.get(run_id) == saved
    assert not planner.month_marks(MONDAY, MONDAY)[MONDAY].has_warning


def test_save_updates_delete_removes(planner: Planner) -> None:
    run_id = planner.save(run(at(0, 7)))
    saved = planner.get(run_id)
    assert saved is not None
    planner.save(replace(saved, distance_km=6.0))
    assert [r.distance_text for r in planner.day_rows(MONDAY)] == ["6.0 km"]
    planner.delete(run_id)
    assert planner.day_rows(MONDAY) == []


def test_duplicate_goes_to_the_same_time_next_day_as_planned(planner: Planner) -> None:
    run_id = planner.save(run(at(0, 7), done=True))
    original = planner.get(run_id)
    assert original is not None
    copy = planner.duplicate(original)
    assert copy.id is not None and copy.id != run_id
    assert copy.start == original.start + timedelta(days=1)
    assert not copy.done
    assert copy.distance_km == original.distance_km


def test_duplicate_is_a_new_record_with_its_own_timestamps(planner: Planner) -> None:
    long_ago = datetime(2020, 1, 1, 12, 0)
    run_id = planner.save(replace(run(at(0, 7)), created=long_ago, updated=long_ago))
    original = planner.get(run_id)
    assert original is not None and original.created == long_ago
    copy = planner.duplicate(original)
    assert copy.created is not None and copy.created > long_ago
    assert copy.updated is not None and copy.updated > long_ago


def test_water_and_day_log(planner: Planner) -> None:
    assert planner.add_water(MONDAY, 16.0) == pytest.approx(16.0)
    assert planner.add_water(MONDAY, 8.0) == pytest.approx(24.0)
    assert planner.day_log(MONDAY).water_oz == pytest.approx(24.0)
    assert planner.advise_day(MONDAY).has_warnings  # below the 64 oz target


class CountingStore:
    """Wraps a store and counts range queries."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.ranges: list[tuple[date, date]] = []

    def sessions_between(self, first: date, last: date) -> list[Session]:
        self.ranges.append((first, last))
        return self._store.sessions_between(first, last)

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


def test_loads_only_the_visible_range_once_until_an_edit(store: Store) -> None:
    counting = CountingStore(store)
    planner = Planner(cast(Store, counting))  # a wrapper that counts, not a Store
    first, last = date(2026, 2, 23), date(2026, 4, 5)
    planner.month_marks(first, last)
    planner.day_rows(MONDAY)
    planner.advise_day(MONDAY)
    assert counting.ranges == [(first - timedelta(days=2), last + timedelta(days=1))]
    planner.save(run(at(0, 7)))
    planner.month_marks(first, last)
    assert len(counting.ranges) == 2


def test_change_sessions_records_exactly_what_went_and_came(planner: Planner) -> None:
    kept_id = planner.save(run(at(0, 7)))
    gone_id = planner.save(lift(at(0, 18)))
    kept, gone = planner.get(kept_id), planner.get(gone_id)
    assert kept is not None and gone is not None
    change = planner.change_sessions(
        remove=[gone_id],
        add=[run(at(1, 7))],
        put=[replace(kept, distance_km=7.0)],
    )
    added = [s for s in change.after if s.id not in (kept_id, gone_id)]
    assert [s.id for s in change.before] == [gone_id, kept_id]
    assert len(added) == 1 and added[0].created is not None
    edited = planner.get(kept_id)
    assert edited is not None and edited.distance_km == 7.0 and edited.created == kept.created
    assert planner.get(gone_id) is None

    planner.apply_session_change(change.inverted())  # undo
    back = planner.get(kept_id)
    assert back == kept and (back.created, back.updated) == (kept.created, kept.updated)
    again = planner.get(gone_id)
    assert again == gone and again.created == gone.created
    assert planner.get(added[0].id or -1) is None

    planner.apply_session_change(change)  # redo
    assert planner.get(gone_id) is None
    assert planner.get(added[0].id or -1) == added[0]
    assert planner.sessions_on(MONDAY + timedelta(days=1))[0].id == added[0].id


def test_change_sessions_with_a_missing_id_writes_nothing(planner: Planner) -> None:
    from desktop.store import SessionNotFoundError

    planner.save(run(at(0, 7)))
    with pytest.raises(SessionNotFoundError):
        planner.change_sessions(remove=[999], add=[run(at(0, 12))])
    assert len(planner.sessions_on(MONDAY)) == 1


def test_planned_copy_and_week_copies_keep_weekday_and_time() -> None:
    from desktop.planner.changes import monday_of, planned_copy, week_copies

    done = replace(run(at(0, 7, 15)), id=4, done=True, pain=True, notes="tempo")
    copy = planned_copy(done, MONDAY + timedelta(days=3))
    assert copy.start == datetime(2026, 3, 5, 7, 15)
    assert (copy.id, copy.done, copy.pain, copy.notes) == (None, False, False, "tempo")
    week = [done, run(at(6, 9)), run(at(7, 9))]
    copies = week_copies(week, MONDAY + timedelta(days=2), MONDAY + timedelta(days=17))
    assert [c.start for c in copies] == [datetime(2026, 3, 16, 7, 15), datetime(2026, 3, 22, 9)]
    assert monday_of(date(2026, 3, 8)) == MONDAY
