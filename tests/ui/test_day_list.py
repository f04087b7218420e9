"""The day list: one row per session in the given order, selection reports the session id."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.advice import Kind
from desktop.planner import DayRow
from desktop.ui.day_list import ADVICE_LINES, DayList


def row(session_id: int, time_text: str, kind: Kind, warning: bool = False) -> DayRow:
    return DayRow(
        session_id=session_id,
        time_text=time_text,
        kind=kind,
        kind_text="Run" if kind is Kind.RUN else "Deadlift",
        workout_text="Easy" if kind is Kind.RUN else "",
        distance_text="5.0 km" if kind is Kind.RUN else "",
        done=False,
        has_warning=warning,
        warning_text="Too far" if warning else "",
    )


ROWS = [
    row(4, "17:00\u201318:00", Kind.DEADLIFT),
    row(9, "18:30\u201319:00", Kind.RUN, warning=True),
]


def make_list(qtbot: QtBot) -> DayList:
    day_list = DayList()
    qtbot.addWidget(day_list)
    day_list.show_rows(ROWS)
    return day_list


def test_one_row_per_session_with_columns(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    model = day_list.model()
    assert day_list.row_count() == 2
    assert day_list.objectName() == "dayList"
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert texts[0][:2] == ["17:00\u201318:00", "Deadlift"]
    assert texts[1][:4] == ["18:30\u201319:00", "Run", "Easy", "5.0 km"]
    assert texts[1][4] == "\u26a0 Too far" and not texts[0][4]
    assert model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole) == "Too far"
    assert model.index(1, 4).data(Qt.ItemDataRole.AccessibleTextRole) == "Warning: Too far"
    # Not colour alone: a glyph, the words, and bold.
    assert model.index(1, 4).data(Qt.ItemDataRole.FontRole).bold()


def test_advice_column_shows_the_first_warning_and_counts_the_rest(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    long_first = "This run is 12.0 km; after a deadlift keep it to at most 8.0 km."
    several = replace(ROWS[1], warning_text=f"{long_first}\nToo fast\nNo warm-up")
    day_list.show_rows([several])
    index = day_list.model().index(0, 4)
    assert index.data() == f"\u26a0 {long_first} (+2 more)"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        f"\u2022 {long_first}\n\u2022 Too fast\n\u2022 No warm-up"
    )
    # In a column too narrow for the whole message in ADVICE_LINES lines it wraps, then is
    # cut, but the count stays readable.
    day_list.resize(300, 200)
    day_list.show()
    qtbot.waitExposed(day_list)
    assert day_list.horizontalHeader().sectionSize(4) < 60
    option = QStyleOptionViewItem()
    day_list.initViewItemOption(option)
    option.rect = day_list.visualRect(index)
    delegate = day_list.itemDelegateForColumn(4)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    assert option.text.startswith("\u26a0 This") and option.text.endswith("\u2026 (+2 more)")
    wrapped = option.fontMetrics.boundingRect(
        QRect(0, 0, option.rect.width(), 10_000), Qt.TextFlag.TextWordWrap, option.text
    )
    assert wrapped.height() <= ADVICE_LINES * option.fontMetrics.lineSpacing() + 1
    assert day_list.horizontalScrollBar().maximum() == 0


def test_at_the_usual_width_the_whole_warning_wraps_over_lines(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    sentence = (
        "This run's speed is 13.2 km/h; after a deadlift keep it to at most "
        "12.6 km/h = 4:46 /km (90% of 14.0 km/h)."
    )
    day_list.show_rows([replace(ROWS[1], warning_text=sentence)])
    day_list.resize(445, 200)  # the list's width in a window of the default size
    day_list.show()
    qtbot.waitExposed(day_list)
    index = day_list.model().index(0, 4)
    option = QStyleOptionViewItem()
    day_list.initViewItemOption(option)
    option.rect = day_list.visualRect(index)
    delegate = day_list.itemDelegateForColumn(4)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    assert option.text == f"\u26a0 {sentence}"  # whole, not cut
    wrapped = option.fontMetrics.boundingRect(
        QRect(0, 0, option.rect.width() - 4, 10_000), Qt.TextFlag.TextWordWrap, option.text
    )
    line = option.fontMetrics.lineSpacing()
    assert wrapped.height() > 3 * line  # it takes more lines than the old three-line cap
    assert day_list.rowHeight(0) >= wrapped.height()  # the row grew to hold them all


def test_a_narrow_list_elides_the_advice_instead_of_scrolling_sideways(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    day_list.show_rows([replace(r, warning_text="Too far and too fast " * 4) for r in ROWS])
    day_list.resize(345, 200)  # the list's width in a window of the default size
    day_list.show()
    qtbot.waitExposed(day_list)
    header = day_list.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= day_list.viewport().width())
    assert not day_list.horizontalScrollBar().isVisible()
    assert header.sectionSize(4) < 100  # the advice column gave way


def test_selecting_a_row_emits_its_session_id(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    with qtbot.waitSignal(day_list.session_selected) as blocker:
        day_list.selectRow(1)
    assert blocker.args == [9]
    assert day_list.selected_session_id() == 9


def test_select_session_is_quiet_unless_asked(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    with qtbot.assertNotEmitted(day_list.session_selected):
        assert day_list.select_session(9)
    assert day_list.selected_session_id() == 9
    with qtbot.waitSignal(day_list.session_selected):
        day_list.select_session(4, notify=True)
    assert not day_list.select_session(123)


def test_new_rows_clear_the_selection(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    day_list.selectRow(0)
    day_list.show_rows(ROWS[:1])
    assert day_list.selected_session_id() is None
    assert day_list.rows() == ROWS[:1]


def test_keyboard_moves_between_rows(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    day_list.show()
    day_list.setFocus()
    day_list.selectRow(0)
    with qtbot.waitSignal(day_list.session_selected) as blocker:
        qtbot.keyClick(day_list, Qt.Key.Key_Down)
    assert blocker.args == [9]


def test_rows_are_selectable_enabled_and_draggable_like_any_table_row(qtbot: QtBot) -> None:
    day_list = make_list(qtbot)
    model = day_list.model()
    assert isinstance(model, QAbstractTableModel)
    index = model.index(1, 2)
    expected = QAbstractTableModel.flags(model, index) | Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(index) == expected
    assert model.flags(QModelIndex()) == QAbstractTableModel.flags(model, QModelIndex())
