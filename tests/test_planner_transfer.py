"""The planner's reads for import and export, over a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.advice import Context, Profile
from desktop.planner import Planner
from desktop.store import Store
from tests.builders import lift, run

PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=15.0)


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[Planner]:
    with Store.open(tmp_path / "plan.db") as store:
        store.save_profile(PROFILE)
        yield Planner(store)


def test_an_empty_database_has_no_span_and_nothing_to_export(planner: Planner) -> None:
    assert planner.session_span() is None
    assert planner.export_batch(date(2030, 1, 1), date(2030, 12, 31)).sessions == ()
    assert planner.stored_near([]) == []


def test_export_batch_keeps_the_range_and_advises_with_the_day_before(planner: Planner) -> None:
    planner.store.add_many(
        [
            lift(datetime(2030, 3, 3, 18, 0)),  # the day before the range
            run(datetime(2030, 3, 4, 7, 0)),  # the morning after the lift
            run(datetime(2030, 3, 9, 7, 0)),
            run(datetime(2030, 3, 10, 7, 0)),  # after the range
        ]
    )
    assert planner.session_span() == (date(2030, 3, 3), date(2030, 3, 10))
    batch = planner.export_batch(date(2030, 3, 9), date(2030, 3, 4))  # reversed on purpose
    assert [s.start.day for s in batch.sessions] == [4, 9]
    assert set(batch.advice) == {s.id for s in batch.sessions}
    morning, later = (batch.advice[s.id] for s in batch.sessions if s.id is not None)
    assert morning.context is Context.NEXT_DAY  # the lift outside the range still counts
    assert later.context is Context.NONE


def test_stored_near_returns_the_days_an_import_spans(planner: Planner) -> None:
    planner.store.add_many(
        [
            run(datetime(2030, 3, 1, 7, 0)),
            run(datetime(2030, 3, 4, 7, 0)),
            run(datetime(2030, 3, 8, 7, 0)),
        ]
    )
    incoming = [run(datetime(2030, 3, 7, 7, 0)), run(datetime(2030, 3, 4, 19, 0))]
    assert [s.start.day for s in planner.stored_near(incoming)] == [4]
    assert len(planner.all_sessions()) == 3
