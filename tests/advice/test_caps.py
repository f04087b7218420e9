"""Rule 2: 80% distance and 90% speed caps after a deadlift, shown as safe caps."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.advice import Context, DistanceUnit, Profile, Workout, advise_run, texts, units
from desktop.advice.caps import DISTANCE_CAP, SPEED_CAP, caps_for
from tests.builders import PROFILE, at, codes, lift, run

LIFT = lift(at(0, 7))  # 07:00-08:00
RIGHT_AFTER = at(0, 8, 30)
LATER = at(0, 17)
NEXT_DAY = at(1, 8)
MILES = Profile(max_distance_km=units.mi_to_km(5.0), max_speed_kmh=units.mph_to_kmh(8.4))
MILES = Profile(MILES.max_distance_km, MILES.max_speed_kmh, distance_unit=DistanceUnit.MI)


def _over(advice_codes: list[str]) -> list[str]:
    return [code for code in advice_codes if code.endswith("-over-limit")]


@pytest.mark.parametrize(
    ("start", "distance", "speed", "expected"),
    [
        (RIGHT_AFTER, 8.0, 13.5, []),
        (RIGHT_AFTER, 0.8 * 10, 0.9 * 15, []),
        # Compared as shown: 8.04 km shows as 8.0 km, 13.54 km/h as 13.5 km/h: at the cap.
        (RIGHT_AFTER, 8.04, 13.54, []),
        (RIGHT_AFTER, 8.05, 13.5, ["distance-over-limit"]),
        (RIGHT_AFTER, 8.0, 13.56, ["speed-over-limit"]),
        (RIGHT_AFTER, 8.1, 14.0, ["distance-over-limit", "speed-over-limit"]),
        (RIGHT_AFTER, 7.99, 13.49, []),
        (RIGHT_AFTER, None, None, []),
        (RIGHT_AFTER, 0.0, 0.0, []),
        (LATER, 8.0, 13.5, []),
        (LATER, 8.04, 13.54, []),
        (LATER, 8.06, 13.5, ["distance-over-limit"]),
        (LATER, 8.0, 13.55, ["speed-over-limit"]),
        (NEXT_DAY, 9.9, 15.0, []),
        (at(3, 8), 9.9, 15.0, []),
    ],
)
def test_caps(
    start: datetime, distance: float | None, speed: float | None, expected: list[str]
) -> None:
    # Intervals: right after a lift a continuous run is held to the long-run threshold too.
    subject = run(start, workout=Workout.INTERVALS, distance_km=distance, speed_kmh=speed)
    advice = advise_run(subject, [LIFT], PROFILE)
    assert _over(codes(advice.warnings)) == expected


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
    advice = advise_run(run(start, workout=Workout.INTERVALS), [LIFT], PROFILE)
    assert advice.context is context
    assert advice.max_distance_km == pytest.approx(max_distance)
    assert advice.max_speed_kmh == pytest.approx(max_speed)


@pytest.mark.parametrize(
    ("profile", "shown_distance", "shown_speed", "shown_pace"),
    [
        (Profile(10.0, 14.5), "8.0 km", "13.0 km/h", "4:37 /km"),  # 13.05 shows as 13.0
        (Profile(7.0, 13.0), "5.6 km", "11.7 km/h", "5:08 /km"),
        (Profile(21.1, 17.3), "16.8 km", "15.5 km/h", "3:53 /km"),  # 16.88, 15.57 round down
        (Profile(42.195, 20.0), "33.7 km", "18.0 km/h", "3:20 /km"),
        (MILES, "4.0 mi", "7.5 mph", "8:00 /mi"),  # 7.56 mph shows as 7.5
    ],
)
def test_shown_caps_are_safe_and_the_shown_value_never_warns(
    profile: Profile, shown_distance: str, shown_speed: str, shown_pace: str
) -> None:
    caps = caps_for(profile)
    unit = profile.distance_unit
    assert units.format_distance(caps.distance_km, unit) == shown_distance
    assert units.format_speed(caps.speed_kmh, unit) == shown_speed
    assert units.format_pace(caps.speed_kmh, unit) == shown_pace
    assert caps.distance_km <= profile.max_distance_km * DISTANCE_CAP + 1e-9
    assert caps.speed_kmh <= profile.max_speed_kmh * SPEED_CAP + 1e-9
    # What a person types: the shown number, converted back from the profile's unit.
    typed_distance = units.distance_to_km(float(shown_distance.split()[0]), unit)
    typed_speed = units.speed_to_kmh(float(shown_speed.split()[0]), unit)
    at_cap = run(
        RIGHT_AFTER, workout=Workout.INTERVALS, distance_km=typed_distance, speed_kmh=typed_speed
    )
    advice = advise_run(at_cap, [LIFT], profile)
    assert _over(codes(advice.warnings)) == []
    assert shown_distance in texts.describe_caps(advice, profile)
    assert f"{shown_speed} = {shown_pace}" in texts.describe_caps(advice, profile)
    step_distance = units.distance_to_km(float(shown_distance.split()[0]) + 0.1, unit)
    step_speed = units.speed_to_kmh(float(shown_speed.split()[0]) + 0.1, unit)
    above = run(
        RIGHT_AFTER, workout=Workout.INTERVALS, distance_km=step_distance, speed_kmh=step_speed
    )
    assert _over(codes(advise_run(above, [LIFT], profile).warnings)) == [
        "distance-over-limit",
        "speed-over-limit",
    ]


def test_warning_messages_quote_the_shown_caps_in_the_profile_units() -> None:
    advice = advise_run(run(RIGHT_AFTER, distance_km=9.0, speed_kmh=14.0), [LIFT], MILES)
    messages = " ".join(w.message for w in advice.warnings)
    assert "at most 4.0 mi (80% of 5.0 mi)" in messages
    assert "at most 7.5 mph = 8:00 /mi (90% of 8.4 mph)" in messages
    assert "km" not in messages


def test_percentages_in_texts_follow_the_constants(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.advice import texts

    monkeypatch.setattr(texts, "DISTANCE_CAP", 0.75)
    caps = caps_for(PROFILE)
    assert "(75% of 10.0 km)" in texts.distance_over(9.0, caps)
    assert "75% of your longest distance" in texts.caps_tip(caps)
