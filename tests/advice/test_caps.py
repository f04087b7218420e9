"""Rule 2: 80% distance and 90% speed caps after a deadlift; exactly at the cap is fine."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.advice import Context, DistanceUnit, Profile, advise_run
from tests.advice.builders import PROFILE, at, codes, lift, run

LIFT = lift(at(0, 7))  # 07:00-08:00
RIGHT_AFTER = at(0, 8, 30)
LATER = at(0, 17)
NEXT_DAY = at(1, 8)


@pytest.mark.parametrize(
    ("start", "distance", "speed", "expected"),
    [
        (RIGHT_AFTER, 8.0, 13.5, []),
        (RIGHT_AFTER, 0.8 * 10, 0.9 * 15, []),
        (RIGHT_AFTER, 8.01, 13.5, ["distance-over-limit"]),
        (RIGHT_AFTER, 8.0, 13.51, ["speed-over-limit"]),
        (RIGHT_AFTER, 8.1, 14.0, ["distance-over-limit", "speed-over-limit"]),
        (RIGHT_AFTER, 7.99, 13.49, []),
        (RIGHT_AFTER, None, None, []),
        (RIGHT_AFTER, 0.0, 0.0, []),
        (LATER, 8.0, 13.5, []),
        (LATER, 8.01, 13.5, ["distance-over-limit"]),
        (LATER, 8.0, 13.51, ["speed-over-limit"]),
        (NEXT_DAY, 9.9, 15.0, []),
        (at(3, 8), 9.9, 15.0, []),
    ],
)
def test_caps(
    start: datetime, distance: float | None, speed: float | None, expected: list[str]
) -> None:
    advice = advise_run(run(start, distance_km=distance, speed_kmh=speed), [LIFT], PROFILE)
    over = [code for code in codes(advice.warnings) if code.endswith("-over-limit")]
    assert over == expected


@pytest.mark.parametrize(
    ("start", "context", "max_distance", "max_speed"),
    [
        (RIGHT_AFTER, Context.IMMEDIATELY_AFTER, 8.0, 13.5),
        (LATER, Context.SAME_DAY_LATER, 8.0, 13.5),
        (NEXT_DAY, Context.NEXT_DAY, None, None),
        (at(2, 8), Context.NONE, None, None),
    ],
)
def test_caps_in_force(
    start: datetime, context: Context, max_distance: float | None, max_speed: float | None
) -> None:
    advice = advise_run(run(start), [LIFT], PROFILE)
    assert advice.context is context
    assert advice.max_distance_km == max_distance
    assert advice.max_speed_kmh == max_speed


@pytest.mark.parametrize(
    ("max_distance", "max_speed", "distance", "speed"),
    [
        (7.0, 13.0, 5.6, 11.7),  # 0.8 * 7 = 5.6000000000000005, 0.9 * 13 = 11.700000000000001
        (3.0, 11.0, 2.4, 9.9),
        (0.3, 7.0, 0.24, 6.3),
        (21.1, 17.3, 16.88, 15.57),
        (42.195, 20.0, 33.756, 18.0),
    ],
)
def test_exactly_at_the_cap_passes_despite_float_rounding(
    max_distance: float, max_speed: float, distance: float, speed: float
) -> None:
    profile = Profile(max_distance_km=max_distance, max_speed_kmh=max_speed)
    advice = advise_run(run(RIGHT_AFTER, distance_km=distance, speed_kmh=speed), [LIFT], profile)
    assert advice.warnings == ()
    bumped = run(RIGHT_AFTER, distance_km=distance + 0.001, speed_kmh=speed + 0.001)
    bumped_codes = codes(advise_run(bumped, [LIFT], profile).warnings)
    assert bumped_codes[:2] == ["distance-over-limit", "speed-over-limit"]


def test_warning_messages_use_the_profile_units() -> None:
    profile = Profile(max_distance_km=10, max_speed_kmh=15, distance_unit=DistanceUnit.MI)
    advice = advise_run(run(RIGHT_AFTER, distance_km=9.0, speed_kmh=14.0), [LIFT], profile)
    messages = " ".join(w.message for w in advice.warnings)
    assert "5.0 mi" in messages  # the 8.0 km cap
    assert "8.4 mph" in messages  # the 13.5 km/h cap
    assert "km" not in messages
