"""Planned against done: missed, done, done-different and still planned."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from desktop.advice import Compliance, compliance_of
from tests.builders import at, lift, run

RUN_AT = at(1, 7)  # Tuesday 07:00, 40 minutes


def test_a_future_planned_session_is_planned() -> None:
    assert compliance_of(run(RUN_AT), now=RUN_AT - timedelta(hours=1)) is Compliance.PLANNED


def test_a_session_under_way_is_still_planned() -> None:
    assert compliance_of(run(RUN_AT), now=RUN_AT + timedelta(minutes=10)) is Compliance.PLANNED


def test_a_past_planned_session_never_done_is_missed() -> None:
    session = run(RUN_AT)
    assert compliance_of(session, now=session.end) is Compliance.MISSED
    assert compliance_of(session, now=RUN_AT + timedelta(days=3)) is Compliance.MISSED


def test_done_without_actual_values_is_done() -> None:
    later = RUN_AT + timedelta(days=1)
    assert compliance_of(run(RUN_AT, done=True), now=later) is Compliance.DONE
    assert compliance_of(lift(RUN_AT, done=True, load_kg=140.0), now=later) is Compliance.DONE


def test_a_done_session_in_the_future_is_done_not_planned() -> None:
    session = run(RUN_AT, done=True)
    assert compliance_of(session, now=RUN_AT - timedelta(days=1)) is Compliance.DONE


@pytest.mark.parametrize(
    ("actual_km", "expected"),
    [
        (5.0, Compliance.DONE),
        (6.0, Compliance.DONE),  # exactly 20% over: still as planned
        (4.0, Compliance.DONE),
        (6.1, Compliance.DIFFERENT),
        (3.9, Compliance.DIFFERENT),
        (0.0, Compliance.DIFFERENT),
    ],
)
def test_a_run_over_20_percent_off_its_distance_is_different(
    actual_km: float, expected: Compliance
) -> None:
    session = run(RUN_AT, distance_km=5.0, done=True, actual_distance_km=actual_km)
    assert compliance_of(session, now=RUN_AT + timedelta(days=1)) is expected


def test_a_run_with_no_planned_distance_cannot_be_different() -> None:
    session = run(RUN_AT, distance_km=None, done=True, actual_distance_km=12.0)
    assert compliance_of(session, now=RUN_AT + timedelta(days=1)) is Compliance.DONE


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ({"actual_load_kg": 140.0}, Compliance.DONE),
        ({"actual_load_kg": 115.0}, Compliance.DONE),
        ({"actual_load_kg": 110.0}, Compliance.DIFFERENT),
        ({"actual_load_kg": 170.0}, Compliance.DIFFERENT),
        ({"actual_sets": 5, "actual_reps": 5}, Compliance.DONE),
        ({"actual_sets": 2}, Compliance.DIFFERENT),  # volume 2x5x140 against 5x5x140
        ({"actual_sets": 4}, Compliance.DONE),  # volume 20% under: still as planned
        ({"actual_reps": 3}, Compliance.DIFFERENT),
    ],
)
def test_a_deadlift_over_20_percent_off_its_load_or_volume_is_different(
    actual: dict[str, Any], expected: Compliance
) -> None:
    session = lift(RUN_AT, sets=5, reps=5, load_kg=140.0, done=True, **actual)
    assert compliance_of(session, now=RUN_AT + timedelta(days=1)) is expected


def test_a_missed_session_is_missed_whatever_its_values() -> None:
    session = lift(RUN_AT, sets=5, reps=5, load_kg=140.0, actual_sets=1)
    assert compliance_of(session, now=RUN_AT + timedelta(days=1)) is Compliance.MISSED
