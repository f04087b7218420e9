"""Unit conversions, formatting and the context/caps descriptions in units.py."""

from __future__ import annotations

import pytest

from desktop.advice import Advice, Context, DistanceUnit, InvalidInputError, Profile, texts, units

KM, MI = DistanceUnit.KM, DistanceUnit.MI


@pytest.mark.parametrize(
    ("km", "unit", "text"),
    [(8.0, KM, "8.0 km"), (8.04672, MI, "5.0 mi"), (0.0, KM, "0.0 km"), (42.195, "mi", "26.2 mi")],
)
def test_format_distance(km: float, unit: DistanceUnit | str, text: str) -> None:
    assert units.format_distance(km, unit) == text


@pytest.mark.parametrize(
    ("kmh", "unit", "text"),
    [(13.5, KM, "13.5 km/h"), (13.5, MI, "8.4 mph"), (16.09344, "mi", "10.0 mph")],
)
def test_format_speed(kmh: float, unit: DistanceUnit | str, text: str) -> None:
    assert units.format_speed(kmh, unit) == text


@pytest.mark.parametrize(
    ("kmh", "unit", "text"),
    [
        (13.5, KM, "4:27 /km"),  # 4:26.7, rounded up: never faster than the cap
        (13.5, MI, "7:09 /mi"),  # the pace of the speed as shown, 8.4 mph
        (12.0, KM, "5:00 /km"),  # exact, no rounding up from float dust
        (10.0, KM, "6:00 /km"),
        (16.09344, MI, "6:00 /mi"),
        (0.0, KM, "\N{EN DASH}"),
    ],
)
def test_format_pace(kmh: float, unit: DistanceUnit, text: str) -> None:
    assert units.format_pace(kmh, unit) == text


@pytest.mark.parametrize(
    ("minutes", "unit", "kmh"),
    [(5.0, KM, 12.0), (4.5, KM, 13.3333333), (6.0, MI, 16.09344), (10.0, MI, 9.656064)],
)
def test_speed_from_pace(minutes: float, unit: DistanceUnit, kmh: float) -> None:
    assert units.speed_from_pace(minutes, unit) == pytest.approx(kmh)
    assert units.pace_from_speed(kmh, unit) == pytest.approx(minutes)


@pytest.mark.parametrize(("text", "minutes"), [("4:27", 4.45), ("5", 5.0), (" 7:05 ", 7 + 5 / 60)])
def test_parse_pace(text: str, minutes: float) -> None:
    assert units.parse_pace(text) == pytest.approx(minutes)


@pytest.mark.parametrize("text", ["", "abc", "4:60", "0:00", "4:5:6", "-4:00", "4.5"])
def test_parse_pace_rejects(text: str) -> None:
    with pytest.raises(InvalidInputError):
        units.parse_pace(text)


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_speed_from_pace_rejects(bad: float) -> None:
    with pytest.raises(InvalidInputError):
        units.speed_from_pace(bad, KM)


@pytest.mark.parametrize(
    ("oz", "unit", "text"),
    [(64, "oz", "64 oz"), (20.5, "oz", "20.5 oz"), (64, "ml", "1893 ml"), (0, "ml", "0 ml")],
)
def test_format_volume(oz: float, unit: str, text: str) -> None:
    assert units.format_volume(oz, unit) == text


@pytest.mark.parametrize(
    ("kg", "unit", "text"),
    [
        (100, "kg", "100 kg"),
        (102.5, "kg", "102.5 kg"),
        (100, "lb", "220.5 lb"),
        (5212.5, "kg", "5,212.5 kg"),
        (12000, "kg", "12,000 kg"),
    ],
)
def test_format_weight(kg: float, unit: str, text: str) -> None:
    assert units.format_weight(kg, unit) == text


@pytest.mark.parametrize(
    ("forward", "back", "value"),
    [
        (units.km_to_mi, units.mi_to_km, 10.0),
        (units.kmh_to_mph, units.mph_to_kmh, 13.5),
        (units.oz_to_ml, units.ml_to_oz, 64.0),
        (units.kg_to_lb, units.lb_to_kg, 140.0),
    ],
)
def test_round_trips(forward: object, back: object, value: float) -> None:
    assert callable(forward)
    assert callable(back)
    assert back(forward(value)) == pytest.approx(value)


def test_known_conversions() -> None:
    assert units.mi_to_km(1) == pytest.approx(1.609344)
    assert units.oz_to_ml(1) == pytest.approx(29.5735, rel=1e-5)
    assert units.lb_to_kg(1) == pytest.approx(0.45359237)
    assert units.distance_to_km(5, "mi") == pytest.approx(8.04672)
    assert units.speed_to_kmh(10, "km") == 10
    assert units.volume_to_oz(1000, "ml") == pytest.approx(33.814, rel=1e-4)
    assert units.weight_to_kg(225, "lb") == pytest.approx(102.058, rel=1e-4)


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "0 min"), (45, "45 min"), (60, "1 h"), (190, "3 h 10 min")]
)
def test_format_duration(minutes: int, text: str) -> None:
    assert units.format_duration(minutes) == text


def _advice(context: Context, gap: int | None, capped: bool) -> Advice:
    return Advice(
        context=context,
        max_distance_km=8.0 if capped else None,
        max_speed_kmh=13.5 if capped else None,
        warnings=(),
        tips=(),
        suggestion=None,
        gap_min=gap,
    )


@pytest.mark.parametrize(
    ("context", "gap", "text"),
    [
        (Context.IMMEDIATELY_AFTER, 45, "45 min after your deadlift"),
        (Context.IMMEDIATELY_AFTER, 0, "right after your deadlift"),
        (Context.IMMEDIATELY_AFTER, 90, "1 h 30 min after your deadlift"),
        (Context.SAME_DAY_LATER, 190, "a second session, 3 h 10 min after your deadlift"),
        (Context.NEXT_DAY, 1380, "the day after a deadlift"),
        (Context.NONE, None, "no deadlift earlier today or yesterday"),
    ],
)
def test_describe_context(context: Context, gap: int | None, text: str) -> None:
    assert texts.describe_context(_advice(context, gap, capped=False)) == text


@pytest.mark.parametrize(
    ("unit", "capped", "text"),
    [
        ("km", True, "at most 8.0 km, at most 13.5 km/h = 4:27 /km"),
        ("mi", True, "at most 5.0 mi, at most 8.4 mph = 7:09 /mi"),
        ("km", False, ""),
    ],
)
def test_describe_caps(unit: str, capped: bool, text: str) -> None:
    profile = Profile(max_distance_km=10, max_speed_kmh=15, distance_unit=DistanceUnit(unit))
    advice = _advice(Context.IMMEDIATELY_AFTER, 30, capped)
    assert texts.describe_caps(advice, profile) == text
