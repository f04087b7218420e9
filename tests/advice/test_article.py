"""Every warning and tip quotes a sentence of the rulebook article, verbatim."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.advice import (
    Advice,
    AdviceWarning,
    Tip,
    Workout,
    advise_day,
    advise_lift,
    advise_run,
    article,
)
from desktop.advice.rules import TIP_CODES, WARNING_CODES
from tests.builders import PROFILE, at, lift, run


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]


def test_sentences_are_the_article_split_by_sentence() -> None:
    assert tuple(_sentences(article.ARTICLE_TEXT)) == article.ARTICLE_SENTENCES
    assert len(set(article.ARTICLE_SENTENCES)) == len(article.ARTICLE_SENTENCES)


def test_the_64_oz_sentence_stays_whole() -> None:
    assert "Drink at least 64 oz. of water per day." in article.ARTICLE_SENTENCES


def _busy_week() -> list[Advice]:
    sessions = [
        lift(at(0, 7), spotter=False, id=1),
        run(at(0, 7, 30), pain=True, id=2),
        run(at(0, 8, 30), workout=Workout.LONG, distance_km=12, speed_kmh=15, id=10),
        run(at(0, 7, 40), id=3),
        run(at(0, 15), id=4),
        lift(at(0, 18), spotter=None, id=5),
        run(at(1, 8), id=6),
        run(at(3, 8), id=7),
        run(at(4, 6), id=8),
        lift(at(4, 18), id=9),
    ]
    advice: list[Advice] = []
    for session in sessions:
        if session.kind.value == "run":
            advice.append(advise_run(session, sessions, PROFILE))
        else:
            advice.append(advise_lift(session, sessions, PROFILE))
    for offset in range(-1, 6):
        advice.append(advise_day(date(2026, 3, 2 + offset), sessions, PROFILE, water_oz=10))
    advice.append(advise_day(date(2026, 3, 3), sessions, PROFILE, soreness=8))
    sore_sprints = run(at(3, 8), workout=Workout.INTERVALS, id=11)
    advice.append(advise_run(sore_sprints, sessions, PROFILE, soreness=8))
    return advice


@pytest.mark.parametrize("advice", _busy_week())
def test_every_source_is_an_article_sentence(advice: Advice) -> None:
    items: list[AdviceWarning | Tip] = [*advice.warnings, *advice.tips]
    for item in items:
        assert item.source in article.ARTICLE_SENTENCES, item
        assert item.code in WARNING_CODES | TIP_CODES
        assert item.source in article.ARTICLE_TEXT


def test_busy_week_exercises_every_warning_and_most_tips() -> None:
    warnings = {w.code for a in _busy_week() for w in a.warnings}
    tips = {t.code for a in _busy_week() for t in a.tips}
    assert warnings == WARNING_CODES
    assert tips == TIP_CODES
