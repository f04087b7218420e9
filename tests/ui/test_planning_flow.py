"""Plan a real week by clicking through the window, on a real SQLite file."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDoubleSpinBox, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.advice import Kind, Session
from desktop.planner import SessionMark
from desktop.ui.main_window import MainWindow
from desktop.ui.session_form import SessionForm
from tests.ui.recording_prompts import prompts_of

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)
THURSDAY = MONDAY + timedelta(days=3)
FRIDAY = MONDAY + timedelta(days=4)

ChildT = TypeVar("ChildT", bound=QObject)


class Driver:
    """Clicks through the window the way a user does, by objectName."""

    def __init__(self, window: MainWindow, qtbot: QtBot) -> None:
        self.window = window
        self.qtbot = qtbot

    def child(self, kind: type[ChildT], name: str) -> ChildT:
        found = self.window.findChild(kind, name)
        assert found is not None, name
        return found

    def button(self, name: str) -> QPushButton:
        return self.child(QPushButton, name)

    def pick_day(self, day: date) -> None:
        self.window.calendar.select_day(day)
        self.qtbot.waitUntil(lambda: self.window.selected_day() == day)

    def set_start(self, hour: int, minute: int = 0) -> None:
        self.child(QDateTimeEdit, "startField").setTime(QTime(hour, minute))

    def set_distance(self, value: float) -> None:
        self.child(QDoubleSpinBox, "distanceField").setValue(value)

    def set_spotter(self, present: bool) -> None:
        combo: QComboBox = self.child(QComboBox, "spotterField")
        combo.setCurrentIndex(combo.findData(present))

    def advice(self) -> str:
        return self.window.advice_panel.plain_text()

    def save(self) -> None:
        rows = self.window.day_list.row_count()
        editing = self.window.session_form.session_id() is not None
        self.button("saveButton").click()
        if not editing:
            self.qtbot.waitUntil(lambda: self.window.day_list.row_count() == rows + 1)

    def select_row(self, index: int) -> None:
        self.window.day_list.selectRow(index)
        row = self.window.day_list.rows()[index]
        self.qtbot.waitUntil(lambda: self.window.session_form.session_id() == row.session_id)

    def kinds(self, day: date) -> tuple[SessionMark, ...]:
        marks = self.window.calendar.marks_for(day)
        return marks.sessions if marks is not None else ()

    def badge(self, day: date) -> bool:
        marks = self.window.calendar.marks_for(day)
        return marks is not None and marks.has_warning


def draft_of(form: SessionForm) -> Session:
    """The form's draft, which the steps below expect to be there."""
    draft = form.draft()
    assert draft is not None
    return draft


def start_on_monday(
    make_window: Callable[..., MainWindow], qtbot: QtBot, new_button: str
) -> tuple[MainWindow, Driver]:
    """A window with a profile, Monday picked and `new_button` pressed (a fresh draft)."""
    window = make_window()
    window.ensure_profile()
    ui = Driver(window, qtbot)
    ui.pick_day(MONDAY)
    ui.button(new_button).click()
    return window, ui


def test_plan_a_week(make_window: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    ui = Driver(window, qtbot)
    # First use: no profile yet, so the first-run dialog is asked (replaced here).
    assert not window.planner.has_profile()
    window.show()
    window.ensure_profile()
    assert window.planner.has_profile()
    assert ui.child(QDoubleSpinBox, "distanceField").suffix().strip() == "km"
    assert "km/h" in ui.child(QDoubleSpinBox, "speedField").suffix()

    # Monday: a deadlift at 06:00 with a spotter.
    ui.pick_day(MONDAY)
    ui.button("newLiftButton").click()
    form = window.session_form
    assert draft_of(form).kind is Kind.DEADLIFT
    assert ui.child(QSpinBox, "durationField").value() == 60
    ui.set_start(6)
    ui.set_spotter(True)
    ui.save()
    assert ui.kinds(MONDAY) == (SessionMark(Kind.DEADLIFT, False),)
    assert not ui.badge(MONDAY)

    # A run right after it defaults to 30 min after the lift ends, capped at 8 km.
    ui.button("newRunButton").click()
    draft = form.draft()
    assert draft is not None and draft.start == datetime(2026, 3, 2, 7, 30)
    assert "8.0 km" in ui.advice()
    ui.save()
    assert ui.kinds(MONDAY) == (SessionMark(Kind.DEADLIFT, False), SessionMark(Kind.RUN, False))
    assert not ui.badge(MONDAY)

    # Editing that run past the cap warns before it is saved.
    ui.select_row(1)
    ui.set_distance(9.5)
    qtbot.waitUntil(lambda: "more than" in ui.advice().lower() or "over" in ui.advice().lower())
    assert not ui.badge(MONDAY)  # not saved yet
    ui.save()
    qtbot.waitUntil(lambda: ui.badge(MONDAY))
    assert window.day_list.rows()[1].has_warning

    # Later the same day: a run at 17:00 is a second session after the lift, still capped.
    ui.button("newRunButton").click()
    ui.set_start(17)
    qtbot.waitUntil(lambda: "second session" in ui.advice().lower())
    assert "at most 8.0 km" in ui.advice()  # the 80% cap holds all day after a lift
    ui.save()
    assert [m.kind for m in ui.kinds(MONDAY)] == [Kind.DEADLIFT, Kind.RUN, Kind.RUN]

    # Tuesday: the day after a deadlift, hills for power.
    ui.pick_day(TUESDAY)
    assert "hill" in ui.advice().lower()
    ui.button("newRunButton").click()
    assert draft_of(form).start == datetime(2026, 3, 3, 7, 0)
    assert "hill" in ui.advice().lower()
    ui.save()
    assert ui.kinds(TUESDAY) == (SessionMark(Kind.RUN, False),)

    # Thursday: a second deadlift day, an evening lift and a run straight after it.
    ui.pick_day(THURSDAY)
    ui.button("newLiftButton").click()
    ui.set_spotter(True)
    ui.save()
    ui.button("newRunButton").click()
    assert draft_of(form).start == datetime(2026, 3, 5, 19, 30)
    ui.save()
    assert [m.kind for m in ui.kinds(THURSDAY)] == [Kind.DEADLIFT, Kind.RUN]
    assert not ui.badge(THURSDAY)

    # Delete Tuesday's run (after confirming).
    ui.pick_day(TUESDAY)
    ui.select_row(0)
    ui.button("deleteButton").click()
    qtbot.waitUntil(lambda: window.day_list.row_count() == 0)
    assert prompts_of(window).questions
    assert ui.kinds(TUESDAY) == ()

    # Duplicate Thursday's run: the copy lands on Friday at the same time, planned.
    ui.pick_day(THURSDAY)
    ui.select_row(1)
    ui.button("duplicateButton").click()
    qtbot.waitUntil(lambda: window.selected_day() == FRIDAY)
    assert ui.kinds(FRIDAY) == (SessionMark(Kind.RUN, False),)
    assert draft_of(form).start == datetime(2026, 3, 6, 19, 30)
    assert prompts_of(window).errors == []


def test_cancelling_delete_keeps_the_session(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window, ui = start_on_monday(make_window, qtbot, "newRunButton")
    ui.save()
    ui.select_row(0)
    prompts_of(window).answer = False
    ui.button("deleteButton").click()
    assert len(prompts_of(window).questions) == 1
    assert window.day_list.row_count() == 1
    assert len(window.planner.sessions_on(MONDAY)) == 1


def test_a_read_only_file_shows_the_error_and_keeps_the_form(
    make_window: Callable[..., MainWindow], qtbot: QtBot, db_path: Path
) -> None:
    window, ui = start_on_monday(make_window, qtbot, "newRunButton")
    ui.set_start(12, 15)
    ui.set_distance(6.5)
    before = window.session_form.draft()
    os.chmod(db_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        ui.button("saveButton").click()
        qtbot.waitUntil(lambda: bool(prompts_of(window).errors))
    finally:
        os.chmod(db_path, stat.S_IRUSR | stat.S_IWUSR)
    title, text = prompts_of(window).errors[0]
    assert "cannot be changed" in title.lower()
    assert "read-only" in text
    assert window.session_form.draft() == before
    assert ui.child(QDoubleSpinBox, "distanceField").value() == 6.5
    assert window.day_list.row_count() == 0
    assert ui.kinds(MONDAY) == ()


def test_apply_suggestion_fills_the_form(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window, ui = start_on_monday(make_window, qtbot, "newLiftButton")
    ui.save()
    ui.button("newRunButton").click()
    suggestion = window.planner.advise_draft(draft_of(window.session_form)).suggestion
    assert suggestion is not None
    ui.button("applySuggestionButton").click()
    draft = window.session_form.draft()
    assert draft is not None and draft.workout is suggestion.workout
