"""model.py is the only validator: every limit refuses with a sentence a person can act on."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.advice import DayLog, InvalidInputError, Profile, model
from tests.builders import at, lift, run

START = at(0, 7)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: run(START, minutes=30.5), "duration must be a whole number of minutes"),  # type: ignore[arg-type]
        (lambda: run(START, minutes=model.MAX_DURATION_MIN + 1), "from 1 to 1,440 minutes"),
        (lambda: lift(START, sets=2**63), "Sets must be from 1 to 99"),
        (lambda: lift(START, sets=model.MAX_SETS + 1), "Sets must be from 1 to 99"),
        (lambda: lift(START, reps=model.MAX_REPS + 1), "Reps must be from 1 to 999"),
        (lambda: lift(START, sets=True), "Sets must be a whole number"),
        (
            lambda: lift(START, load_kg=model.MAX_LOAD_KG + 1),
            "The load cannot be more than 1,000 kg",
        ),
        (lambda: lift(START, load_kg=-1.0), "The load cannot be negative"),
        (lambda: run(START, distance_km=model.MAX_DISTANCE_KM + 1), "cannot be more than 500 km"),
        (
            lambda: run(START, speed_kmh=model.MAX_HUMAN_SPEED_KMH + 1),
            "cannot be more than 45 km/h",
        ),
        (lambda: run(START, notes="\ud800"), "one character is broken"),
        (lambda: run(START, notes="x" * (model.MAX_NOTES_CHARS + 1)), "at most 100,000 characters"),
        (lambda: run(START, notes=5), "Notes must be text"),
        (lambda: run(START, pain="yes"), "Pain must be yes or no"),
        (lambda: lift(START, spotter="no"), "Spotter must be yes, no or not set"),
        (lambda: run(START, rpe=11), r"\(RPE\) must be from 1 to 10"),
        (lambda: run(START, rpe=0), r"\(RPE\) must be from 1 to 10"),
        (lambda: run(START, actual_distance_km=-1.0), "The distance run cannot be negative"),
        (lambda: run(START, actual_duration_min=10.5), "must be a whole number of minutes"),
        (lambda: lift(START, actual_sets=0), "The sets done must be from 1 to 99"),
        (lambda: lift(START, actual_load_kg=2000.0), "The load lifted cannot be more than"),
        (lambda: run(START, actual_load_kg=100.0), "A run cannot have"),
        (lambda: lift(START, actual_distance_km=3.0), "A deadlift cannot have"),
        (lambda: run(START, id=True), "id must be a whole number"),
        (lambda: Profile(10, 15, immediate_window_min=60.5), "window must be a whole number"),  # type: ignore[arg-type]
        (lambda: Profile(10, 15, immediate_window_min=9), "from 10 to 180"),
        (lambda: Profile(10, 15, immediate_window_min=181), "from 10 to 180"),
        (lambda: Profile(10, 15, water_target_oz=63.9), "at least 64 oz"),
        (lambda: Profile(10, 15, water_target_oz=model.MAX_WATER_OZ + 1), "cannot be more"),
        (lambda: Profile(0.99, 15), "from 1 to 300 km: under 1 km leaves nothing"),
        (lambda: Profile(300.01, 15), "300 km is about the 24-hour running record"),
        (lambda: Profile(10, 4.99), "from 5 to 45 km/h: under 5 km/h is walking"),
        (lambda: Profile(10, 45.01), "no one runs faster than about 44 km/h"),
        (lambda: DayLog(date(2026, 3, 2), bcaa="yes"), "BCAAs taken must be yes or no"),  # type: ignore[arg-type]
        (lambda: DayLog(date(2026, 3, 2), note=5), "note must be text"),  # type: ignore[arg-type]
        (lambda: DayLog(date(2026, 3, 2), water_oz=model.MAX_WATER_OZ + 1), "cannot be more"),
        (lambda: DayLog(date(2026, 3, 2), water_oz=-1), "Water drunk cannot be negative"),
        (lambda: DayLog(date(2026, 3, 2), soreness=11), "Soreness must be from 0 to 10"),
        (lambda: DayLog(date(2026, 3, 2), soreness=-1), "Soreness must be from 0 to 10"),
        (lambda: DayLog(date(2026, 3, 2), soreness=5.0), "Soreness must be a whole number"),  # type: ignore[arg-type]
        (lambda: DayLog(START), "must be a calendar date without a time"),
    ],
)
def test_each_limit_is_refused_with_a_sentence(build: Any, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as caught:
        build()
    text = str(caught.value)
    assert text[0].isupper() and text.endswith(".")
    assert " is too long" not in text


def test_the_limits_themselves_are_accepted() -> None:
    lift(START, sets=model.MAX_SETS, reps=model.MAX_REPS, load_kg=model.MAX_LOAD_KG, rpe=10)
    run(
        START,
        distance_km=model.MAX_DISTANCE_KM,
        speed_kmh=model.MAX_HUMAN_SPEED_KMH,
        notes="x" * model.MAX_NOTES_CHARS,
        minutes=model.MAX_DURATION_MIN,
        actual_distance_km=0.0,
        rpe=1,
    )
    Profile(10, 15, immediate_window_min=model.WINDOW_MIN_MIN, water_target_oz=64)
    Profile(10, 15, immediate_window_min=model.WINDOW_MAX_MIN, water_target_oz=model.MAX_WATER_OZ)
    DayLog(date(2026, 3, 2), water_oz=model.MAX_WATER_OZ, soreness=0, note="😀 sore")
    DayLog(date(2026, 3, 2), soreness=10)


def test_window_and_water_messages_say_why() -> None:
    with pytest.raises(InvalidInputError) as window:
        Profile(10, 15, immediate_window_min=1440)
    assert "second session" in str(window.value)
    with pytest.raises(InvalidInputError) as water:
        Profile(10, 15, water_target_oz=32)
    assert "the article's minimum" in str(water.value)
