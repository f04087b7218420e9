"""The clock zones after a lift agree with the context a run there gets."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.advice import Context, InvalidInputError, Zone, advise_run, context_zones
from tests.builders import PROFILE, at, lift, run


def test_zones_of_a_late_lift_cross_midnight() -> None:
    zones = context_zones(lift(at(0, 22, 30)), PROFILE)  # ends 23:30
    assert zones == (
        Zone(Context.IMMEDIATELY_AFTER, at(0, 23, 30), at(1, 0, 30)),
        Zone(Context.SAME_DAY_LATER, at(1, 0, 30), at(1, 5, 30)),
        Zone(Context.NEXT_DAY, at(1, 5, 30), at(2, 0, 0)),  # the calendar day after, no 36 h
    )


def test_zones_of_a_morning_lift_follow_the_calendar() -> None:
    zones = context_zones(lift(at(0, 6)), PROFILE)  # ends 07:00
    assert zones == (
        Zone(Context.IMMEDIATELY_AFTER, at(0, 7), at(0, 8)),
        Zone(Context.SAME_DAY_LATER, at(0, 8), at(1, 0)),
        Zone(Context.NEXT_DAY, at(1, 0), at(2, 0)),
    )


@pytest.mark.parametrize("start_hour", [0, 5, 7, 12, 17, 20, 22, 23])
def test_every_zone_matches_the_advice_inside_it(start_hour: int) -> None:
    the_lift = lift(at(0, start_hour), 75)
    zones = context_zones(the_lift, PROFILE)
    for zone in zones:
        moment = zone.start + timedelta(minutes=1)
        while moment < zone.end:
            advice = advise_run(run(moment), [the_lift], PROFILE)
            assert advice.context is zone.context, (zone, moment)
            moment += timedelta(minutes=97)
    after = zones[-1].end + timedelta(minutes=1)
    assert advise_run(run(after), [the_lift], PROFILE).context is Context.NONE


def test_zones_need_a_deadlift() -> None:
    with pytest.raises(InvalidInputError):
        context_zones(run(datetime(2026, 3, 2, 8)), PROFILE)
