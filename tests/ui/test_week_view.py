"""The week view: blocks on a clock, zones where they were given, drag, resize, keys."""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.advice import Context, Kind, Profile, Session, context_zones
from desktop.ui.chip_legend import ZONE_PATTERNS, ChipLegend, zone_brush, zone_tile_brush
from desktop.ui.session_chips import ChipData
from desktop.ui.week_view import WeekView

MONDAY = date(2026, 3, 2)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(MONDAY + timedelta(days=day), time(hour, minute))


def block(session_id: int, start: datetime, minutes: int = 60, kind: str = "run") -> ChipData:
    return ChipData(session_id, kind, start, minutes, f"{start:%H:%M} {kind}")


@pytest.fixture
def week(qtbot: QtBot) -> WeekView:
    view = WeekView()
    qtbot.addWidget(view)
    view.resize(980, 760)
    view.set_week(MONDAY + timedelta(days=3))  # any day: the view shows its Monday
    view.show()
    qtbot.waitExposed(view)
    return view


def mouse(view: WeekView, kind: QEvent.Type, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
    held = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else Qt.MouseButton.LeftButton
    )
    event = QMouseEvent(
        kind, pos, view.mapToGlobal(pos), Qt.MouseButton.LeftButton, held, modifiers
    )
    QApplication.sendEvent(view, event)


def drag(
    view: WeekView,
    start: QPointF,
    end: QPointF,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, start, Qt.KeyboardModifier.NoModifier)
    mouse(view, QEvent.Type.MouseMove, (start + end) / 2, modifiers)
    mouse(view, QEvent.Type.MouseMove, end, modifiers)
    mouse(view, QEvent.Type.MouseButtonRelease, end, modifiers)


def test_the_view_shows_the_monday_and_the_morning_to_the_evening(week: WeekView) -> None:
    assert week.objectName() == "weekView"
    assert week.week() == MONDAY
    geometry = week.geometry_now()
    assert abs(geometry.y_of(6 * 60) - geometry.grid.top()) < 2  # 06:00 at the top
    assert geometry.y_of(23 * 60) <= geometry.grid.bottom() + 2  # 23:00 still in view


def test_a_block_is_as_long_as_its_session_in_its_day_column(week: WeekView) -> None:
    week.set_chips([block(1, at(2, 18), 90), block(2, at(2, 8), 30)])
    geometry = week.geometry_now()
    (long_rect,) = week.block_rects(1)
    (short_rect,) = week.block_rects(2)
    assert long_rect.height() == pytest.approx(3 * short_rect.height())
    assert long_rect.top() == pytest.approx(geometry.y_of(18 * 60))
    assert geometry.column_of(long_rect.center().x()) == 2


def test_overlapping_sessions_sit_side_by_side(week: WeekView) -> None:
    week.set_chips([block(1, at(0, 18), 60), block(2, at(0, 18, 30), 60)])
    (first,) = week.block_rects(1)
    (second,) = week.block_rects(2)
    assert first.right() <= second.left()


def test_zones_are_shaded_where_the_engine_puts_them(week: WeekView) -> None:
    lift = Session(kind=Kind.DEADLIFT, start=at(1, 17), duration_min=60)
    profile = Profile(max_distance_km=10.0, max_speed_kmh=12.0, immediate_window_min=45)
    zones = context_zones(lift, profile)
    week.set_zones(zones)
    geometry = week.geometry_now()
    shaded = week.zone_rects()
    right_after = [rect for zone, rect in shaded if zone.key == Context.IMMEDIATELY_AFTER.value]
    assert len(right_after) == 1
    assert right_after[0].top() == pytest.approx(geometry.y_of(18 * 60))  # the lift's end
    assert right_after[0].bottom() == pytest.approx(geometry.y_of(18 * 60 + 45))  # + window
    assert geometry.column_of(right_after[0].center().x()) == 1
    labels = {zone.label for zone, _rect in shaded}
    assert labels == {"right after", "later the same day", "next day"}
    next_day = [rect for zone, rect in shaded if zone.key == Context.NEXT_DAY.value]
    assert {geometry.column_of(rect.center().x()) for rect in next_day} >= {2}


def test_zones_can_be_given_as_plain_tuples(week: WeekView) -> None:
    week.set_zones([("recovery", at(4, 10), at(4, 12))])
    ((zone, rect),) = week.zone_rects()
    assert zone.label == "recovery"
    assert rect.height() == pytest.approx(week.geometry_now().hour_height * 2)


def test_dragging_a_block_moves_it_snapped_to_15_minutes(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(0, 18), 60)])
    geometry = week.geometry_now()
    (rect,) = week.block_rects(1)
    grab = QPointF(rect.center().x(), rect.top() + 10)
    # Two columns right and 68 minutes down: Wednesday 19:08 snaps to 19:15.
    target = QPointF(
        grab.x() + 2 * geometry.column_width, grab.y() + 68 * geometry.hour_height / 60
    )
    with qtbot.waitSignal(week.session_moved) as moved:
        drag(week, grab, target)
    assert moved.args == [1, at(2, 19, 15), False]


def test_shift_snaps_to_5_minutes_and_ctrl_copies(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(0, 18), 60)])
    geometry = week.geometry_now()
    (rect,) = week.block_rects(1)
    grab = QPointF(rect.center().x(), rect.top() + 10)
    target = QPointF(grab.x(), grab.y() + 8 * geometry.hour_height / 60)  # 8 minutes down
    copy_key = Qt.KeyboardModifier.ControlModifier
    if sys.platform == "darwin":  # pragma: no cover - Option, which Qt calls Alt there
        copy_key = Qt.KeyboardModifier.AltModifier
    with qtbot.waitSignal(week.session_moved) as moved:
        drag(week, grab, target, Qt.KeyboardModifier.ShiftModifier | copy_key)
    assert moved.args == [1, at(0, 18, 10), True]


def test_dragging_the_lower_edge_resizes(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(3, 7), 60)])
    geometry = week.geometry_now()
    (rect,) = week.block_rects(1)
    edge = QPointF(rect.center().x(), rect.bottom() - 2)
    longer = QPointF(edge.x(), edge.y() + 37 * geometry.hour_height / 60)  # +37 min: 1 h 30
    with qtbot.waitSignal(week.session_resized) as resized:
        drag(week, edge, longer)
    assert resized.args == [1, 90]


def test_the_live_preview_warns_while_dragging_and_esc_cancels(
    qtbot: QtBot, week: WeekView
) -> None:
    week.set_chips([block(1, at(0, 7), 30)])
    asked: list[tuple[int, datetime, bool]] = []

    def preview(session_id: int, start: datetime, copy: bool) -> list[str]:
        asked.append((session_id, start, copy))
        return ["Right after the deadlift"] if start.hour >= 18 else []

    week.set_move_preview(preview)
    moved: list[object] = []
    week.session_moved.connect(lambda *args: moved.append(args))
    geometry = week.geometry_now()
    (rect,) = week.block_rects(1)
    grab = QPointF(rect.center().x(), rect.top() + 5)
    mouse(week, QEvent.Type.MouseButtonPress, grab, Qt.KeyboardModifier.NoModifier)
    later = QPointF(grab.x(), grab.y() + 11 * geometry.hour_height)  # 18:00
    mouse(week, QEvent.Type.MouseMove, later, Qt.KeyboardModifier.NoModifier)
    assert week.drag_warnings() == ("Right after the deadlift",)
    dragged = week.dragged()
    assert dragged is not None and dragged[0].start == at(0, 18) and dragged[1]
    assert asked == [(1, at(0, 18), False)]
    qtbot.keyClick(week, Qt.Key.Key_Escape)
    assert week.dragged() is None
    mouse(week, QEvent.Type.MouseButtonRelease, later, Qt.KeyboardModifier.NoModifier)
    assert moved == []


def test_move_session_is_the_public_path_of_a_drop(qtbot: QtBot, week: WeekView) -> None:
    with qtbot.waitSignal(week.session_moved) as moved:
        week.move_session(4, at(5, 9), False)
    assert moved.args == [4, at(5, 9), False]


def test_arrows_move_the_selection_and_enter_edits(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(0, 7)), block(2, at(0, 18)), block(3, at(2, 17))])
    week.select_session(1)
    week.setFocus()
    qtbot.keyClick(week, Qt.Key.Key_Down)
    assert week.selected_session() == 2
    qtbot.keyClick(week, Qt.Key.Key_Right)
    assert week.selected_session() == 3  # the next day with a session, nearest in time
    qtbot.keyClick(week, Qt.Key.Key_Left)
    assert week.selected_session() == 2
    with qtbot.waitSignal(week.edit_requested) as edit:
        qtbot.keyClick(week, Qt.Key.Key_Return)
    assert edit.args == [2]


def test_double_click_on_an_empty_slot_asks_for_a_run_there(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(0, 7))])
    geometry = week.geometry_now()
    spot = QPointF(geometry.column_left(4) + 10, geometry.y_of(19 * 60 + 40))
    with qtbot.waitSignal(week.new_run_requested) as requested:
        qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=spot.toPoint())
    assert requested.args == [at(4, 19, 45)]
    (rect,) = week.block_rects(1)
    with qtbot.waitSignal(week.edit_requested) as edit:
        qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert edit.args == [1]


def test_totals_and_the_legend_are_shown(week: WeekView) -> None:
    week.set_totals({MONDAY: "5.0 km"}, "run 12.0 of 15.0 km")
    assert week.day_totals() == {MONDAY: "5.0 km"}
    assert week.week_total() == "run 12.0 of 15.0 km"
    legend = week.findChild(ChipLegend)
    assert legend is not None and legend.isVisible()
    words = [entry.words for entry in legend.entries()]
    assert "zone: right after the deadlift" in words and "crossed out: missed" in words


def _filled(brush: QBrush) -> QImage:
    image = QImage(150, 130, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(QRect(3, 5, 141, 117), brush)  # odd offsets: the tiles must line up
    painter.end()
    return image


@pytest.mark.parametrize("key", sorted(ZONE_PATTERNS))
def test_a_zone_drawn_from_its_tile_looks_exactly_like_its_hatching(qtbot: QtBot, key: str) -> None:
    assert _filled(zone_tile_brush(key)) == _filled(zone_brush(key))


def test_a_short_block_pressed_in_its_middle_moves(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(1, 7), 23)])
    geometry = week.geometry_now()
    (rect,) = week.block_rects(1)
    handle = week.handle_rect(1)
    assert handle is not None and handle.height() >= 4  # a short block still has one
    middle = rect.center()
    assert not handle.contains(middle)
    down = QPointF(middle.x(), middle.y() + 60 * geometry.hour_height / 60)  # an hour later
    resized: list[object] = []
    week.session_resized.connect(lambda *args: resized.append(args))
    with qtbot.waitSignal(week.session_moved) as moved:
        drag(week, middle, down)
    assert moved.args == [1, at(1, 8), False]
    assert resized == []


def test_a_short_block_is_resized_by_its_handle(qtbot: QtBot, week: WeekView) -> None:
    week.set_chips([block(1, at(1, 7), 23)])
    geometry = week.geometry_now()
    handle = week.handle_rect(1)
    assert handle is not None
    (shown,) = week.shown_block_rects(1)
    assert handle.bottom() == pytest.approx(shown.bottom())
    grip = handle.center()
    longer = QPointF(grip.x(), grip.y() + 37 * geometry.hour_height / 60)  # 23 + 37 = 60
    with qtbot.waitSignal(week.session_resized) as resized:
        drag(week, grip, longer)
    assert resized.args == [1, 60]


def test_a_dragged_block_is_drawn_once_with_its_words(week: WeekView) -> None:
    """While a block is dragged, its old place is an empty outline: the words show once."""
    week.set_chips([block(1, at(0, 9), 60)])
    (rect,) = week.block_rects(1)
    grab = QPointF(rect.center().x(), rect.top() + 6)
    before = week.grab().toImage()
    mouse(week, QEvent.Type.MouseButtonPress, grab, Qt.KeyboardModifier.NoModifier)
    geometry = week.geometry_now()
    away = QPointF(grab.x() + geometry.column_width * 3, grab.y() + geometry.hour_height * 3)
    mouse(week, QEvent.Type.MouseMove, away, Qt.KeyboardModifier.NoModifier)
    during = week.grab().toImage()
    line = rect.adjusted(8, 2, -8, 0)
    line.setHeight(geometry.block_min - geometry.handle)
    ratio = week.devicePixelRatioF()

    def inked(image: QImage) -> int:
        text = week.palette().color(QPalette.ColorRole.Text)
        count = 0
        for y in range(int(line.top() * ratio), int(line.bottom() * ratio)):
            for x in range(int(line.left() * ratio), int(line.right() * ratio)):
                colour = image.pixelColor(x, y)
                if abs(colour.lightness() - text.lightness()) < 40:
                    count += 1
        return count

    assert inked(before) > 20  # the words, where the block is
    assert inked(during) < inked(before) / 4  # the old place holds no words while dragging
    mouse(week, QEvent.Type.MouseButtonRelease, away, Qt.KeyboardModifier.NoModifier)


def test_narrow_zone_labels_and_totals_shorten_and_keep_the_whole_in_a_tooltip(
    week: WeekView,
) -> None:
    from desktop.ui.week_painting import tooltip_at

    week.resize(560, 700)
    lift = Session(kind=Kind.DEADLIFT, start=at(1, 17), duration_min=60)
    profile = Profile(max_distance_km=10.0, max_speed_kmh=12.0, immediate_window_min=45)
    week.set_zones(context_zones(lift, profile))
    total = "5.5/5.5 km \u00b7 3 sets"
    week.set_totals({MONDAY + timedelta(days=1): total}, "")
    later = [z for z in week.zones() if z.key == Context.SAME_DAY_LATER.value]
    assert later and later[0].short_label == "later"
    geometry = week.geometry_now()
    below = QPointF(geometry.column_left(1) + geometry.column_width / 2, geometry.grid.bottom() + 4)
    assert tooltip_at(week, below) == total
