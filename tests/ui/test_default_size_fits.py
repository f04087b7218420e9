"""At the window's first size on a 1366x768 screen (the tests' offscreen screen), nothing in
the day list or the advice panel is cut: the day list's texts are whole, and the day's
warnings and suggested run are in view without scrolling.

Measured with each widget's font metrics and geometry, as the painters lay them out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from desktop.advice import Kind
from desktop.sample import create_demo_database
from desktop.ui.main_window import MainWindow

ADVICE_COLUMN = 4


def _warned_day(window: MainWindow) -> date:
    """The latest day of the demo's last five weeks whose advice warns twice or more and
    suggests a run: the most the panel has to show."""
    planner = window.planner
    last = date.today()
    days = {
        s.day
        for s in planner.store.sessions_between(last - timedelta(weeks=5), last)
        if s.kind is Kind.RUN
    }
    warned = [
        day
        for day in sorted(days)
        if len(planner.advise_day(day).warnings) >= 2
        and planner.advise_day(day).suggestion is not None
    ]
    assert warned, "the demo has days with warnings"
    return warned[-1]


def test_the_day_list_and_the_days_advice_are_whole_at_the_first_size(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(create_demo_database(tmp_path / "demo.db"))
    window.show()
    qtbot.waitExposed(window)
    day = _warned_day(window)
    window.calendar.select_day(day)
    # A session edited first (the form at its full height), then the day alone again.
    first = window.day_list.rows()[0].session_id
    assert window.day_list.select_session(first, notify=True)
    qtbot.waitUntil(window.session_form.is_editing)
    window.calendar.select_day(day + timedelta(days=1))
    window.calendar.select_day(day)
    qtbot.waitUntil(lambda: not window.session_form.is_editing())
    qtbot.wait(50)  # the splitter and the rows settle on the next layout pass

    # The day list: every header and cell whole; the advice wrapped whole in its row.
    day_list = window.day_list
    model = day_list.model()
    header = day_list.horizontalHeader()
    metrics = day_list.fontMetrics()
    margin = 2 * (day_list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) <= header.sectionSize(column), title
    assert model.rowCount() >= 2
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            if column != ADVICE_COLUMN:
                assert metrics.horizontalAdvance(text) + margin <= header.sectionSize(column)
                continue
            option = QStyleOptionViewItem()
            day_list.initViewItemOption(option)
            option.rect = day_list.visualRect(index)
            delegate = day_list.itemDelegateForColumn(column)
            assert isinstance(delegate, QStyledItemDelegate)
            delegate.initStyleOption(option, index)
            assert option.text == text, "the warning is shown whole, not cut"
            wrapped = option.fontMetrics.boundingRect(
                QRect(0, 0, option.rect.width() - margin, 100_000),
                Qt.TextFlag.TextWordWrap,
                text,
            )
            assert wrapped.height() <= option.rect.height(), (text, option.rect)
    assert day_list.horizontalScrollBar().maximum() == 0
    assert day_list.verticalScrollBar().maximum() == 0, "every row in view"

    # The advice panel: the day's warnings and suggestion in view, the panel unscrolled.
    panel = window.advice_panel
    scroll = panel.findChild(QScrollArea)
    assert scroll is not None
    assert scroll.verticalScrollBar().value() == 0
    view = scroll.viewport().rect()
    frames = [f for f in panel.findChildren(QFrame, "adviceWarning") if f.isVisibleTo(panel)]
    assert len(frames) >= 2
    frames.append(panel.suggestionFrame)
    for frame in frames:
        assert frame.isVisibleTo(panel)
        shown = QRect(frame.mapTo(scroll.viewport(), frame.rect().topLeft()), frame.size())
        assert view.contains(shown), (frame.objectName(), shown, view)
