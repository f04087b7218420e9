"""The engine's texts write numbers as the region does; rounding and exports do not change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.advice import InvalidInputError, Profile, texts, units
from desktop.advice.limits import check_number, check_whole
from desktop.advice.model import DistanceUnit, VolumeUnit, WeightUnit
from desktop.advice.units import POINT, NumberStyle, plain_numbers
from tests.builders import PROFILE, at, lift, run

GERMAN = NumberStyle(",", ".")
STYLES = {"de_DE": GERMAN, "en_US": POINT}


@pytest.fixture(params=sorted(STYLES))
def region(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test runs as in Germany and as in the US; the style is put back after."""
    before = units.set_number_style(STYLES[request.param])
    yield request.param
    units.set_number_style(before)


def german(region: str, point_text: str, comma_text: str) -> str:
    return comma_text if region == "de_DE" else point_text


def test_every_formatter_writes_the_regions_marks(region: str) -> None:
    km, mi = DistanceUnit.KM, DistanceUnit.MI
    assert units.format_distance(5.5, km) == german(region, "5.5 km", "5,5 km")
    assert units.format_short_distance(3.5, km) == german(region, "3.5 km", "3,5 km")
    assert units.format_short_distance(8.0, km) == "8 km"
    assert units.format_speed(13.54, km) == german(region, "13.5 km/h", "13,5 km/h")
    assert units.format_speed_and_pace(13.54, km) == german(
        region, "13.5 km/h = 4:27 /km", "13,5 km/h = 4:27 /km"
    )
    assert units.format_distance(8.0, mi) == german(region, "5.0 mi", "5,0 mi")
    assert units.format_weight(5212.5, WeightUnit.KG) == german(region, "5,212.5 kg", "5.212,5 kg")
    assert units.format_weight(100.0, WeightUnit.KG) == "100 kg"
    assert units.format_volume(64.0, VolumeUnit.ML, grouped=True) == german(
        region, "1,893 ml", "1.893 ml"
    )
    assert units.format_volume(20.5, VolumeUnit.OZ) == german(region, "20.5 oz", "20,5 oz")


def test_rounding_is_the_same_in_every_region(region: str) -> None:
    assert units.shown_distance(5.55, DistanceUnit.KM) == float(f"{5.55:.1f}")
    assert units.shown_speed(13.54, DistanceUnit.KM) == 13.5
    assert units.rounded(2.25, 1) == float(f"{2.25:.1f}")


def test_titles_chips_and_limits_speak_the_regions_numbers(region: str) -> None:
    profile = Profile(max_distance_km=10.0, max_speed_kmh=15.0)
    session = run(at(1, 7), distance_km=3.5)
    assert texts.session_title(session, profile) == german(
        region, "Run: easy 3.5 km", "Run: easy 3,5 km"
    )
    heavy = lift(at(0, 18), load_kg=142.5)
    assert german(region, "142.5 kg", "142,5 kg") in texts.session_title(heavy, PROFILE)
    with pytest.raises(InvalidInputError) as too_far:
        check_number(1500.5, "The distance", 0, 1000.5, "km")
    assert german(region, "1,000.5 km", "1.000,5 km") in str(too_far.value)
    with pytest.raises(InvalidInputError) as too_many:
        check_whole(20000, "The reps", 1, 10000)
    assert german(region, "1 to 10,000", "1 to 10.000") in str(too_many.value)


def test_files_other_programs_read_keep_a_decimal_point(region: str) -> None:
    with plain_numbers():
        assert units.format_distance(5.5, DistanceUnit.KM) == "5.5 km"
    assert units.number_style() == STYLES[region]


def test_a_style_needs_two_different_marks() -> None:
    with pytest.raises(ValueError, match="decimal mark"):
        NumberStyle("")
    with pytest.raises(ValueError, match="thousands separator"):
        NumberStyle(",", ",")
    assert NumberStyle(",", "\u202f").write("1,893.5") == "1\u202f893,5"  # French
