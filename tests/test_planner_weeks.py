"""One first day of the week for every view: the person's choice, else the locale's."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.planner.weeks import FROM_LOCALE, MONDAY, SUNDAY, first_weekday, week_days, week_start

WEDNESDAY = date(2024, 7, 3)


def test_a_us_week_starts_on_sunday_a_german_one_on_monday() -> None:
    assert week_start(WEDNESDAY, SUNDAY) == date(2024, 6, 30)
    assert week_start(WEDNESDAY, MONDAY) == date(2024, 7, 1)
    assert week_days(WEDNESDAY, SUNDAY)[-1] == date(2024, 7, 6)


@pytest.mark.parametrize(
    ("setting", "locale_first", "expected"),
    [
        (FROM_LOCALE, SUNDAY, SUNDAY),
        (None, MONDAY, MONDAY),
        (0, SUNDAY, 0),
        ("6", 0, 6),
        ("7", 0, 0),
        (-1, SUNDAY, SUNDAY),
        ("", SUNDAY, SUNDAY),
    ],
)
def test_a_choice_beats_the_locale(
    setting: str | int | None, locale_first: int, expected: int
) -> None:
    assert first_weekday(setting, locale_first) == expected


def test_the_locale_must_name_a_weekday() -> None:
    with pytest.raises(ValueError, match="weekday"):
        first_weekday(None, 7)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 6))
def test_every_day_is_in_the_week_that_starts_before_it(day: date, first: int) -> None:
    start = week_start(day, first)
    assert start.weekday() == first
    assert timedelta(0) <= day - start < timedelta(days=7)
    assert day in week_days(day, first)
