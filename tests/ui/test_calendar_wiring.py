"""The planning calendar in the real window: chips, drag and drop, keys, repeat, week view."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.advice import Context, Kind, Session, Workout
from desktop.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.repeat_dialog import RepeatChoice, RepeatDialog, RepeatPreview
from desktop.ui.session_chips import ChipState
from desktop.ui.session_mime import session_id_of, session_mime
from desktop.ui.week_view import WeekView
from tests.ui.recording_prompts import prompts_of

MONDAY = date(2026, 3, 2)
WEDNESDAY = MONDAY + timedelta(days=2)
AFTER_LIFT_CAP = "after a deadlift keep it to at most 8.0 km"
COPY_KEY = (
    Qt.KeyboardModifier.AltModifier
    if sys.platform == "darwin"
    else Qt.KeyboardModifier.ControlModifier
)


def clock(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def lift_at(start: datetime) -> Session:
    return Session(
        kind=Kind.DEADLIFT, start=start, duration_min=60, spotter=True, sets=5, reps=3, load_kg=140
    )


def run_at(start: datetime, km: float = 9.0, *, done: bool = False) -> Session:
    return Session(
        kind=Kind.RUN,
        start=start,
        duration_min=50,
        workout=Workout.EASY,
        distance_km=km,
        speed_kmh=10.0,
        done=done,
    )


def stored(window: MainWindow) -> list[Session]:
    return window.planner.store.all_sessions()


def the_run(window: MainWindow) -> Session:
    (run,) = [s for s in stored(window) if s.kind is Kind.RUN]
    return run


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


@pytest.fixture
def planned(make_window: Callable[..., MainWindow], db_path: Path) -> MainWindow:
    """A deadlift Monday 18:00-19:00 and a 9 km easy run on Wednesday at 19:15."""
    with Store.open(db_path) as store:
        store.add_many([lift_at(clock(MONDAY, 18)), run_at(clock(WEDNESDAY, 19, 15))])
    window = make_window()
    window.ensure_profile()
    window.resize(1200, 800)
    window.calendar.select_day(WEDNESDAY)
    return window


def send_drag(
    window: MainWindow, kind: type[QDropEvent], day: date, mime: QMimeData, copy: bool = False
) -> QDropEvent:
    calendar = window.calendar
    rect = calendar.cell_rect(day)
    assert rect is not None
    event = kind(
        rect.center(),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        COPY_KEY if copy else Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(calendar.grid_view().viewport(), event)
    return event


def drag_and_drop(window: MainWindow, session_id: int, day: date, copy: bool = False) -> None:
    mime = session_mime(session_id)
    send_drag(window, QDragEnterEvent, WEDNESDAY, mime, copy)
    send_drag(window, QDragMoveEvent, day, mime, copy)
    send_drag(window, QDropEvent, day, mime, copy)


# -- month chips -------------------------------------------------------------------------


def test_month_cells_show_chips_worded_by_the_engine(planned: MainWindow) -> None:
    (lift_chip,) = planned.calendar.chips_for(MONDAY)
    (run_chip,) = planned.calendar.chips_for(WEDNESDAY)
    assert lift_chip.text == "18:00 5x3 140 kg" and lift_chip.kind == "deadlift"
    assert run_chip.text.startswith("19:15") and "9" in run_chip.text
    assert run_chip.state is ChipState.MISSED  # planned in the past, never done
    assert not run_chip.warning
    assert planned.calendar.marks_for(MONDAY) is not None  # plain marks stay in step


# -- drag and drop ---------------------------------------------------------------------


def test_a_drop_moves_the_session_keeping_its_time_and_undo_puts_it_back(
    planned: MainWindow,
) -> None:
    run = the_run(planned)
    assert run.id is not None
    drag_and_drop(planned, run.id, MONDAY)
    moved = the_run(planned)
    assert moved.id == run.id and moved.start == clock(MONDAY, 19, 15)
    assert [c.session_id for c in planned.calendar.chips_for(MONDAY)][-1] == run.id
    assert planned.calendar.chips_for(WEDNESDAY) == ()
    # On the lift day, right after it, the 9 km run is over the cap: its chip warns.
    assert planned.calendar.chips_for(MONDAY)[-1].warning
    assert planned.undo_action.text().startswith("&Undo Move run")
    planned.edits.on_undo()
    assert the_run(planned).start == clock(WEDNESDAY, 19, 15)
    assert planned.calendar.chips_for(WEDNESDAY)[0].session_id == run.id


def test_a_drop_with_the_copy_key_adds_a_planned_copy_in_one_undo_step(
    planned: MainWindow,
) -> None:
    run = the_run(planned)
    assert run.id is not None
    friday = MONDAY + timedelta(days=4)
    drag_and_drop(planned, run.id, friday, copy=True)
    runs = sorted((s for s in stored(planned) if s.kind is Kind.RUN), key=lambda s: s.start)
    assert [s.start for s in runs] == [clock(WEDNESDAY, 19, 15), clock(friday, 19, 15)]
    assert runs[1].id != run.id and not runs[1].done
    assert len(planned.calendar.chips_for(friday)) == 1
    planned.edits.on_undo()
    assert [s.start for s in stored(planned) if s.kind is Kind.RUN] == [clock(WEDNESDAY, 19, 15)]
    assert planned.calendar.chips_for(friday) == ()


def test_a_day_list_row_drags_its_session_onto_the_calendar(planned: MainWindow) -> None:
    run = the_run(planned)
    planned.show_day(WEDNESDAY)
    model = planned.day_list.model()
    index = model.index(0, 0)
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([index])
    assert session_id_of(mime) == run.id
    send_drag(planned, QDragEnterEvent, WEDNESDAY, mime)
    send_drag(planned, QDropEvent, MONDAY + timedelta(days=4), mime)
    assert the_run(planned).start == clock(MONDAY + timedelta(days=4), 19, 15)


def test_hovering_shows_a_warning_that_only_exists_after_the_move(planned: MainWindow) -> None:
    run = the_run(planned)
    assert run.id is not None
    before = stored(planned)
    assert not planned.calendar.chips_for(WEDNESDAY)[0].warning
    mime = session_mime(run.id)
    send_drag(planned, QDragEnterEvent, WEDNESDAY, mime)
    send_drag(planned, QDragMoveEvent, MONDAY, mime)
    hover = planned.calendar.drop_hover()
    assert hover is not None and hover.day == MONDAY
    assert any(AFTER_LIFT_CAP in warning for warning in hover.warnings)
    assert AFTER_LIFT_CAP in hover.message()
    send_drag(planned, QDragMoveEvent, MONDAY + timedelta(days=4), mime)  # a free Friday
    hover = planned.calendar.drop_hover()
    assert hover is not None and hover.warnings == ()
    assert stored(planned) == before  # nothing written while hovering
    planned.calendar.cancel_drop_hover()


def test_a_lift_dropped_just_before_a_run_warns_about_that_run(planned: MainWindow) -> None:
    lift = next(s for s in stored(planned) if s.kind is Kind.DEADLIFT)
    assert lift.id is not None
    warnings = planned.calendar.hover_drop(lift.id, WEDNESDAY, False)
    assert any(AFTER_LIFT_CAP in w for w in warnings)
    planned.calendar.cancel_drop_hover()


def test_dropping_a_done_session_asks_before_moving_it_as_planned(
    make_window: Callable[..., MainWindow], db_path: Path
) -> None:
    with Store.open(db_path) as store:
        (run_id,) = store.add_many([run_at(clock(WEDNESDAY, 7), 5.0, done=True)])
    window = make_window()
    window.ensure_profile()
    prompts_of(window).answer = False
    assert not window.moves.drop_session(run_id, MONDAY)
    assert prompts_of(window).questions and "is done" in prompts_of(window).questions[-1]
    assert the_run(window).start == clock(WEDNESDAY, 7) and the_run(window).done
    prompts_of(window).answer = True
    assert window.moves.drop_session(run_id, MONDAY)
    moved = the_run(window)
    assert moved.start == clock(MONDAY, 7) and not moved.done
    window.edits.on_undo()
    assert the_run(window).done and the_run(window).start == clock(WEDNESDAY, 7)


# -- keys -------------------------------------------------------------------------------


def test_alt_arrows_move_the_selected_session_by_a_day_and_a_week(planned: MainWindow) -> None:
    run = the_run(planned)
    assert run.id is not None
    planned.show_day(WEDNESDAY, select_session=run.id)
    keys = {
        "moveDayForwardAction": "Alt+Right",
        "moveDayBackAction": "Alt+Left",
        "moveWeekForwardAction": "Alt+Down",
        "moveWeekBackAction": "Alt+Up",
    }
    for name, key in keys.items():
        action = planned.findChild(QAction, name)
        assert action is not None and action.shortcut().toString() == key
    trigger(planned, "moveDayForwardAction")
    assert the_run(planned).start == clock(WEDNESDAY + timedelta(days=1), 19, 15)
    trigger(planned, "moveWeekForwardAction")  # the moved session stays selected
    assert the_run(planned).start == clock(WEDNESDAY + timedelta(days=8), 19, 15)
    assert planned.calendar.selected_day() == WEDNESDAY + timedelta(days=8)
    trigger(planned, "moveWeekBackAction")
    trigger(planned, "moveDayBackAction")
    assert the_run(planned).start == clock(WEDNESDAY, 19, 15)
    assert planned.undo_stack.count() == 4


# -- repeat -----------------------------------------------------------------------------


def test_repeat_weekly_adds_the_copies_in_one_undo_step(planned: MainWindow) -> None:
    lift = next(s for s in stored(planned) if s.kind is Kind.DEADLIFT)
    assert lift.id is not None
    planned.show_day(MONDAY, select_session=lift.id)
    previews: list[tuple[int, int]] = []

    def ask(what: str, first_day: date, preview: RepeatPreview) -> RepeatChoice:
        previews.append(preview(RepeatChoice(1, times=3)))
        previews.append(preview(RepeatChoice(2, until=MONDAY + timedelta(weeks=4))))
        return RepeatChoice(1, times=3)

    prompts_of(planned).on_repeat = ask
    trigger(planned, "repeatAction")
    # Monday's lift repeated; the Wednesday run is two days after each copy: no warning.
    assert previews == [(3, 0), (2, 0)]
    lifts = sorted(s.start for s in stored(planned) if s.kind is Kind.DEADLIFT)
    assert lifts == [clock(MONDAY + timedelta(weeks=n), 18) for n in range(4)]
    planned.edits.on_undo()
    assert len([s for s in stored(planned) if s.kind is Kind.DEADLIFT]) == 1


def test_repeat_preview_counts_copies_that_would_warn(planned: MainWindow) -> None:
    run = the_run(planned)
    assert run.id is not None
    # Lifts on the next two Wednesdays at 18:00: the run's copies land right after them.
    planned.planner.change_sessions(
        add=[lift_at(clock(WEDNESDAY + timedelta(weeks=n), 18)) for n in (1, 2)]
    )
    plan = planned.planner.repeat_weekly(run.id, 1, times=3)
    assert len(plan.copies) == 3 and plan.warned == 2


def test_the_repeat_dialog_previews_and_returns_the_choice(qtbot: QtBot) -> None:
    asked: list[RepeatChoice] = []

    def preview(choice: RepeatChoice) -> tuple[int, int]:
        asked.append(choice)
        return (choice.times or 2, 1)

    dialog = RepeatDialog("the run", MONDAY + timedelta(weeks=1), preview)
    qtbot.addWidget(dialog)
    dialog.timesSpin.setValue(6)
    assert dialog.choice() == RepeatChoice(1, times=6)
    assert "6 copies" in dialog.preview_text() and "warn on 1" in dialog.preview_text()
    dialog.untilRadio.setChecked(True)
    dialog.everySpin.setValue(2)
    assert dialog.choice().until is not None and dialog.choice().every_weeks == 2
    assert asked[-1] == dialog.choice()


# -- the week view ----------------------------------------------------------------------


def week_view_of(window: MainWindow) -> WeekView:
    view = window.findChild(QWidget, "weekView")
    assert isinstance(view, WeekView)
    return view


def test_view_week_and_month_switch_the_stack_and_follow_the_day(planned: MainWindow) -> None:
    view = week_view_of(planned)
    trigger(planned, "weekViewAction")
    assert planned.calendar_stack.currentWidget() is view
    assert view.week() == MONDAY
    assert {c.session_id for c in view.chips()} == {s.id for s in stored(planned)}
    assert view.week_total().startswith("Runs 0 of 1 done, 0.0 km of 9.0 km")
    assert view.day_totals()[MONDAY] == "5 sets"
    planned.calendar.select_day(MONDAY + timedelta(days=9))
    assert view.week() == MONDAY + timedelta(days=7) and view.chips() == []
    trigger(planned, "monthViewAction")
    assert planned.calendar_stack.currentWidget() is planned.calendar.parentWidget()


def test_the_month_hidden_behind_the_week_view_catches_up_when_shown(
    planned: MainWindow,
) -> None:
    trigger(planned, "weekViewAction")
    for _ in range(4):  # Wednesdays 11, 18 and 25 March, then 1 April: April's page
        planned.views.on_next_week()
    assert planned.calendar.monthShown() == 4
    view = week_view_of(planned)
    assert view.week() == MONDAY + timedelta(weeks=4) and view.chips() == []
    first, last = planned.calendar.visible_range()
    trigger(planned, "monthViewAction")
    assert planned.calendar.visible_range() == (first, last)
    assert planned.calendar.chips_for(MONDAY) == ()  # March's chips went with March's page
    planned.calendar.select_day(MONDAY)
    assert [c.kind for c in planned.calendar.chips_for(MONDAY)] == ["deadlift"]
    trigger(planned, "weekViewAction")
    planned.moves.move_session(the_run(planned).id or -1, clock(MONDAY, 19, 10), False)
    trigger(planned, "monthViewAction")  # the edit made in the week view shows in the month
    (run_chip,) = [c for c in planned.calendar.chips_for(MONDAY) if c.kind == "run"]
    assert run_chip.warning and planned.calendar.chips_for(WEDNESDAY) == ()


def test_week_zones_follow_the_profile_window(planned: MainWindow) -> None:
    trigger(planned, "weekViewAction")
    view = week_view_of(planned)
    window_min = planned.planner.profile().immediate_window_min
    (right_after,) = [z for z in view.zones() if z.key == Context.IMMEDIATELY_AFTER.value]
    assert right_after.start == clock(MONDAY, 19)
    assert right_after.end == clock(MONDAY, 19) + timedelta(minutes=window_min)


def mouse(view: WeekView, kind: QEvent.Type, pos: QPointF) -> None:
    held = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else Qt.MouseButton.LeftButton
    )
    event = QMouseEvent(
        kind,
        pos,
        view.mapToGlobal(pos),
        Qt.MouseButton.LeftButton,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, event)


def block_drag(view: WeekView, start: QPointF, end: QPointF) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, start)
    mouse(view, QEvent.Type.MouseMove, (start + end) / 2)
    mouse(view, QEvent.Type.MouseMove, end)
    mouse(view, QEvent.Type.MouseButtonRelease, end)


def test_dragging_a_block_moves_the_session_with_live_advice(
    qtbot: QtBot, planned: MainWindow
) -> None:
    planned.show()
    trigger(planned, "weekViewAction")
    view = week_view_of(planned)
    qtbot.waitUntil(lambda: view.isVisible() and view.height() > 300)
    lift = next(s for s in stored(planned) if s.kind is Kind.DEADLIFT)
    assert lift.id is not None
    geometry = view.geometry_now()
    (rect,) = view.block_rects(lift.id)
    grab = QPointF(rect.center().x(), rect.top() + 5)
    # Two columns right: the lift lands on Wednesday at 18:00, just before the 19:15 run.
    target = QPointF(grab.x() + 2 * geometry.column_width, grab.y())
    mouse(view, QEvent.Type.MouseButtonPress, grab)
    mouse(view, QEvent.Type.MouseMove, target)
    assert any(AFTER_LIFT_CAP in w for w in view.drag_warnings())
    moved_zone = [z for z in view.zones() if z.key == Context.IMMEDIATELY_AFTER.value]
    assert [z.start for z in moved_zone] == [clock(WEDNESDAY, 19)]  # zones follow the drag
    mouse(view, QEvent.Type.MouseButtonRelease, target)
    moved = next(s for s in stored(planned) if s.kind is Kind.DEADLIFT)
    assert moved.start == clock(WEDNESDAY, 18)
    planned.edits.on_undo()
    assert next(s for s in stored(planned) if s.kind is Kind.DEADLIFT).start == clock(MONDAY, 18)
    assert [z.start for z in view.zones() if z.key == Context.IMMEDIATELY_AFTER.value] == [
        clock(MONDAY, 19)
    ]


def test_dragging_a_lower_edge_changes_the_duration_in_one_step(
    qtbot: QtBot, planned: MainWindow
) -> None:
    planned.show()
    trigger(planned, "weekViewAction")
    view = week_view_of(planned)
    qtbot.waitUntil(lambda: view.isVisible() and view.height() > 300)
    run = the_run(planned)
    assert run.id is not None
    geometry = view.geometry_now()
    handle = view.handle_rect(run.id)  # the grip along the block's lower edge
    assert handle is not None
    edge = handle.center()
    block_drag(view, edge, QPointF(edge.x(), edge.y() + 40 * geometry.hour_height / 60))
    assert the_run(planned).duration_min == 90
    planned.edits.on_undo()
    assert the_run(planned).duration_min == 50


def test_double_clicks_start_new_runs_where_they_were_asked(planned: MainWindow) -> None:
    view = week_view_of(planned)
    trigger(planned, "weekViewAction")
    view.new_run_requested.emit(clock(MONDAY + timedelta(days=4), 6, 30))
    draft = planned.session_form.draft()
    assert draft is not None and draft.kind is Kind.RUN and draft.id is None
    assert draft.start == clock(MONDAY + timedelta(days=4), 6, 30)
    assert planned.calendar.selected_day() == MONDAY + timedelta(days=4)
    trigger(planned, "monthViewAction")
    planned.calendar.new_session_requested.emit(MONDAY + timedelta(days=5))
    assert prompts_of(planned).unsaved_asked == 0
    draft = planned.session_form.draft()
    assert draft is not None and draft.day == MONDAY + timedelta(days=5)
