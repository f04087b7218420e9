"""History: a prepared index gives exactly the advice a plain list gives, in any order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from desktop.advice import History, Kind, Session, Workout, advise_day, advise_lift, advise_run
from desktop.advice.model import Advice
from tests.builders import MONDAY, PROFILE, at, lift, run


def _week(seed: int) -> list[Session]:
    rng = random.Random(seed)
    sessions: list[Session] = []
    for day in range(-3, 10):
        for _ in range(rng.randint(0, 3)):
            hour, minute = rng.randint(0, 23), rng.choice([0, 15, 30, 45])
            if rng.random() < 0.4:
                sessions.append(
                    lift(
                        at(day, hour, minute),
                        minutes=rng.choice([30, 60, 90]),
                        spotter=rng.choice([True, False, None]),
                        id=len(sessions) + 1,
                    )
                )
            else:
                sessions.append(
                    run(
                        at(day, hour, minute),
                        minutes=rng.choice([20, 40, 120]),
                        workout=rng.choice(list(Workout)),
                        distance_km=round(rng.uniform(1, 12), 1),
                        speed_kmh=round(rng.uniform(7, 16), 1),
                        pain=rng.random() < 0.1,
                        id=len(sessions) + 1,
                    )
                )
    return sessions


def _all_advice(sessions: list[Session], given: list[Session] | History) -> list[Advice]:
    out: list[Advice] = []
    for session in sessions:
        if session.kind is Kind.RUN:
            out.append(advise_run(session, given, PROFILE))
        else:
            out.append(advise_lift(session, given, PROFILE))
    for offset in range(-4, 12):
        out.append(advise_day(MONDAY + timedelta(days=offset), given, PROFILE, water_oz=40))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_history_and_list_and_any_order_agree(seed: int) -> None:
    sessions = _week(seed)
    expected = _all_advice(sessions, sessions)
    shuffled = sessions[:]
    random.Random(seed + 100).shuffle(shuffled)
    assert _all_advice(sessions, History(sessions)) == expected
    assert _all_advice(sessions, shuffled) == expected
    assert _all_advice(sessions, list(reversed(sessions))) == expected
    assert _all_advice(sessions, History(iter(shuffled))) == expected


def test_history_index() -> None:
    early, late = lift(at(0, 12), minutes=30), lift(at(0, 7), minutes=360)  # ends 12:30, 13:00
    morning_run = run(at(0, 6))
    history = History([late, morning_run, early, lift(at(1, 7))])
    assert len(history) == 4
    assert [s.start.hour for s in history.on_day(MONDAY)] == [6, 7, 12]
    assert history.lifts_on(MONDAY) == (early, late)  # by end
    assert history.on_day(date(2026, 1, 1)) == ()
    assert history.last_lift_ended_by(at(0, 12, 59)) == early
    assert history.last_lift_ended_by(at(0, 13)) == late
    assert history.last_lift_ended_by(at(0, 13), skip=lambda s: s is late) == early
    assert history.last_lift_ended_by(at(0, 12)) is None
    assert History.of(history) is history
    assert list(History.of([morning_run])) == [morning_run]
    assert "4 sessions" in repr(history)


def test_empty_history() -> None:
    assert advise_run(run(at(0, 9)), History(), PROFILE) == advise_run(run(at(0, 9)), [], PROFILE)
    assert advise_day(MONDAY, History(), PROFILE) == advise_day(MONDAY, (), PROFILE)


def test_tuple_and_generator_inputs_are_accepted() -> None:
    sessions = [lift(at(0, 7)), run(at(0, 8, 30))]
    subject = sessions[1]
    expected = advise_run(subject, sessions, PROFILE)
    assert advise_run(subject, tuple(sessions), PROFILE) == expected
    assert advise_run(subject, (s for s in sessions), PROFILE) == expected
