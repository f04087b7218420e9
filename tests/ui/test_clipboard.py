"""Cut, copy and paste a session; copy and paste a week: each paste is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from desktop.advice import Kind, Session, Workout
from desktop.store import Store
from desktop.ui.main_window import MainWindow

MONDAY = date(2026, 3, 2)
NEXT_MONDAY = MONDAY + timedelta(days=7)


def at(day: date, hour: int, kind: Kind = Kind.RUN, *, km: float = 5.0) -> Session:
    if kind is Kind.RUN:
        return Session(
            kind=kind,
            start=datetime.combine(day, time(hour)),
            duration_min=30,
            workout=Workout.EASY,
            distance_km=km,
            done=True,
        )
    return Session(
        kind=kind, start=datetime.combine(day, time(hour)), duration_min=60, spotter=True
    )


def sessions(window: MainWindow) -> list[Session]:
    return window.planner.store.all_sessions()


def trigger(window: MainWindow, name: str) -> None:
    found = window.findChild(QAction, name)
    assert found is not None, name
    found.trigger()


@pytest.fixture
def seeded(make_window: Callable[..., MainWindow], db_path: Path) -> MainWindow:
    with Store.open(db_path) as store:
        store.add_many(
            [
                at(MONDAY, 18, Kind.DEADLIFT),
                at(MONDAY, 7),
                at(MONDAY + timedelta(days=2), 7, km=6.0),
                at(MONDAY + timedelta(days=6), 9, km=12.0),
                at(NEXT_MONDAY + timedelta(days=1), 7),  # not part of the copied week
            ]
        )
    window = make_window()
    window.ensure_profile()
    return window


def test_copy_and_paste_a_session_as_planned_at_the_same_time(seeded: MainWindow) -> None:
    window = seeded
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(0)  # the 07:00 run
    original = window.planner.get(window.session_form.session_id() or -1)
    assert original is not None and original.done
    trigger(window, "copyAction")
    target = MONDAY + timedelta(days=3)
    window.calendar.select_day(target)
    trigger(window, "pasteAction")
    [copy] = [s for s in sessions(window) if s.day == target]
    assert copy.start.time() == time(7) and not copy.done
    assert copy.distance_km == original.distance_km and copy.id != original.id
    assert window.day_list.row_count() == 1
    assert window.calendar.marks_for(target) is not None
    window.undo_action.trigger()
    assert [s for s in sessions(window) if s.day == target] == []
    window.redo_action.trigger()
    [again] = [s for s in sessions(window) if s.day == target]
    assert again.id == copy.id


def test_cut_removes_and_paste_puts_it_back_elsewhere(seeded: MainWindow) -> None:
    window = seeded
    window.calendar.select_day(MONDAY)
    window.day_list.selectRow(1)  # the deadlift
    trigger(window, "cutAction")
    assert [s.kind for s in sessions(window) if s.day == MONDAY] == [Kind.RUN]
    window.calendar.select_day(MONDAY + timedelta(days=1))
    trigger(window, "pasteAction")
    assert [s.kind for s in sessions(window) if s.day == MONDAY + timedelta(days=1)] == [
        Kind.DEADLIFT
    ]
    assert window.undo_stack.count() == 2  # cut and paste: two undo steps
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [s.kind for s in sessions(window) if s.day == MONDAY] == [Kind.RUN, Kind.DEADLIFT]


def test_pasting_where_a_rule_breaks_is_allowed_and_badged(seeded: MainWindow) -> None:
    window = seeded
    window.calendar.select_day(MONDAY + timedelta(days=6))
    window.day_list.selectRow(0)  # the 12 km run: over the 8 km cap after a lift
    trigger(window, "copyAction")
    window.calendar.select_day(MONDAY)  # a deadlift day
    trigger(window, "pasteAction")
    marks = window.calendar.marks_for(MONDAY)
    assert marks is not None and marks.has_warning
    assert any(row.has_warning for row in window.day_list.rows())


def test_copy_week_and_paste_week_is_one_undo_step(seeded: MainWindow) -> None:
    window = seeded
    window.calendar.select_day(MONDAY + timedelta(days=2))
    trigger(window, "copyWeekAction")
    window.calendar.select_day(NEXT_MONDAY + timedelta(days=4))
    old_ids = {s.id for s in sessions(window)}
    before = len(old_ids)
    trigger(window, "pasteWeekAction")
    pasted = [s for s in sessions(window) if s.id not in old_ids]
    assert len(sessions(window)) == before + 4
    wanted = {(MONDAY + timedelta(days=d), h) for d, h in ((0, 18), (0, 7), (2, 7), (6, 9))}
    assert {(s.day - timedelta(days=7), s.start.hour) for s in pasted} == wanted
    assert all(not s.done for s in pasted)
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert len(sessions(window)) == before
    window.redo_action.trigger()
    assert len(sessions(window)) == before + 4


def test_paste_with_nothing_copied_says_so(seeded: MainWindow) -> None:
    trigger(seeded, "pasteAction")
    trigger(seeded, "pasteWeekAction")
    assert "Copy a week first" in seeded.statusBar().currentMessage()
    assert seeded.undo_stack.count() == 0
