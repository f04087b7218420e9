"""One first day of the week: the region's (Sunday in the US, Monday in Germany) or the
setting's, the same in the month view, the week view, the totals, copy week and planning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog

from desktop.advice import Session
from desktop.advice.units import format_distance
from desktop.store import Store
from desktop.ui.main_window import FIRST_DAY_SETTING, MainWindow
from desktop.ui.plan_preview_pane import PlanPreviewDialog
from tests.builders import MONDAY, at, run
from tests.locales import system_locale
from tests.ui.recording_prompts import prompts_of

SUNDAY_BEFORE = MONDAY - timedelta(days=1)  # Sun 1 March 2026
WEDNESDAY = MONDAY + timedelta(days=2)
SUNDAY_AFTER = MONDAY + timedelta(days=6)  # Sun 8 March
TWO_WEEKS_LATER = WEDNESDAY + timedelta(weeks=2)


def seed(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add(run(at(-1, 7)))  # Sunday 1 March
        store.add(run(at(6, 7), distance_km=8.0))  # Sunday 8 March


def sessions_on(window: MainWindow, day: date) -> list[Session]:
    return [s for s in window.planner.store.all_sessions() if s.day == day]


@pytest.mark.parametrize(
    ("locale", "setting", "first"),
    [
        ("en_US", None, SUNDAY_BEFORE),
        ("de_DE", None, MONDAY),
        ("en_US", "0", MONDAY),  # the setting wins over the region
        ("de_DE", "6", SUNDAY_BEFORE),
        ("de_DE", "locale", MONDAY),
    ],
)
def test_every_view_of_a_week_starts_on_the_same_day(
    make_window: Callable[..., MainWindow],
    db_path: Path,
    settings: QSettings,
    locale: str,
    setting: str | None,
    first: date,
) -> None:
    seed(db_path)
    if setting is not None:
        settings.setValue(FIRST_DAY_SETTING, setting)
    with system_locale(locale):
        window = make_window()
    window.ensure_profile()
    window.calendar.select_day(WEDNESDAY)
    last = first + timedelta(days=6)
    in_week = SUNDAY_BEFORE if first == SUNDAY_BEFORE else SUNDAY_AFTER

    # The month view's columns.
    assert window.calendar.firstDayOfWeek() == Qt.DayOfWeek(first.isoweekday())
    assert window.calendar.visible_range()[0].weekday() == first.weekday()

    # The week view shows the same seven days, and only that week's run.
    window.week_view_action.trigger()
    assert window.week_view.week() == first
    assert sorted(window.week_view.day_totals()) == [first + timedelta(days=n) for n in range(7)]
    assert [c.start.date() for c in window.week_view.chips()] == [in_week]

    # The week's totals strip and the store's totals group the same seven days.
    strip = window.week_totals_strip.text()
    assert strip.startswith(f"Week of {first:%a %d %b}:")
    km = 5.0 if in_week == SUNDAY_BEFORE else 8.0
    # Written as the region writes numbers ("8,0 km" in German).
    assert f"{format_distance(0.0, 'km')} of {format_distance(km, 'km')}" in strip
    totals = window.planner.week_totals(WEDNESDAY, first.weekday())
    assert (totals.week_start, totals.runs, totals.run_km) == (first, 1, km)

    # Copy week takes that week's run; Paste week puts it on the same weekday two weeks on.
    window.copy_week_action.trigger()
    window.calendar.select_day(TWO_WEEKS_LATER)
    window.paste_week_action.trigger()
    assert [s.distance_km for s in sessions_on(window, in_week + timedelta(weeks=2))] == [km]
    target_first = first + timedelta(weeks=2)
    copied = [
        s
        for s in window.planner.store.all_sessions()
        if target_first <= s.day <= last + timedelta(weeks=2)
    ]
    assert len(copied) == 1

    # Plan week's dialog starts on the same day and snaps a picked day to it.
    starts: list[date] = []

    def look(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlanPreviewDialog)
        starts.append(dialog.week_start())
        dialog.weekStartEdit.setDate(QDate(2026, 4, 1))  # a Wednesday
        starts.append(dialog.week_start())
        return False

    prompts_of(window).on_run_dialog = look
    window.calendar.select_day(WEDNESDAY)
    window.plan_week_action.trigger()
    april = first + timedelta(weeks=4)
    assert starts == [first, april]
    assert prompts_of(window).errors == []
