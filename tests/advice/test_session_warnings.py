"""`session_warnings`: exactly the warnings of the session's full advice, without its tips."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.advice import History, Kind, advise_session, session_warnings
from desktop.sample.generator import generate_history


@pytest.mark.parametrize("soreness", [None, 2, 9])
def test_the_warnings_alone_are_the_full_advices_warnings(soreness: int | None) -> None:
    generated = generate_history(1, seed=5, end=date(2026, 6, 30))
    history = History(generated.sessions)
    profile = generated.profile
    warned = 0
    for session in generated.sessions:
        expected = advise_session(session, history, profile, soreness=soreness).warnings
        assert session_warnings(session, history, profile, soreness=soreness) == expected
        warned += bool(expected)
    assert warned  # the generated year has warnings, runs and lifts both
    kinds = {s.kind for s in generated.sessions}
    assert kinds == {Kind.RUN, Kind.DEADLIFT}


def test_an_overlap_and_a_missing_spotter_warn_on_a_lift() -> None:
    generated = generate_history(1, seed=5, end=date(2026, 6, 30))
    lift = next(s for s in generated.sessions if s.kind is Kind.DEADLIFT)
    alone = replace(lift, spotter=False)
    clash = replace(
        next(s for s in generated.sessions if s.kind is Kind.RUN),
        start=lift.start + timedelta(minutes=10),
        id=None,
    )
    history = History([alone, clash])
    codes = [w.code for w in session_warnings(alone, history, generated.profile)]
    assert codes == [w.code for w in advise_session(alone, history, generated.profile).warnings]
    assert len(codes) == 2
