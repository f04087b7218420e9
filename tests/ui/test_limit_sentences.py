"""A limit is said in the same words by the box a person types in and by the model."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from desktop.advice import Kind, Session, Workout
from desktop.advice.limits import InvalidInputError
from desktop.advice.model import MAX_HUMAN_SPEED_KMH
from desktop.ui.fields import LimitedDoubleSpinBox


def test_a_speed_typed_past_its_limit_is_said_as_the_model_says_it(qtbot: QtBot) -> None:
    spin = LimitedDoubleSpinBox("A running speed")
    qtbot.addWidget(spin)
    spin.setDecimals(1)
    spin.setMaximum(MAX_HUMAN_SPEED_KMH)
    spin.setSuffix(" km/h")
    spin.show()
    spin.lineEdit().selectAll()
    with qtbot.waitSignal(spin.limit_changed) as said:
        qtbot.keyClicks(spin, "99")
    assert spin.is_over_limit()
    typed_sentence = said.args[0]
    with pytest.raises(InvalidInputError) as refused:
        Session(
            kind=Kind.RUN,
            start=datetime(2026, 3, 2, 7),
            duration_min=30,
            workout=Workout.EASY,
            speed_kmh=99.0,
        )
    # Both name the same limit with the same words (the box at its display precision);
    # each says its own way out.
    said_limit = re.compile(r"cannot be more than ([0-9.]+) km/h; (.*)$")
    typed = said_limit.search(typed_sentence)
    model = said_limit.search(str(refused.value))
    assert typed is not None and model is not None, (typed_sentence, str(refused.value))
    assert float(typed[1]) == float(model[1]) == MAX_HUMAN_SPEED_KMH
    assert (typed[2], model[2]) == ("Enter sets it to that.", "check the value.")
    qtbot.keyClick(spin, "\b")
    assert not spin.is_over_limit() and spin.limit_message() == ""
