"""A German and a US region: the form, the day list and the engine's sentences write numbers
alike, typing 5,5 works in German, and calendar files keep a decimal point."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDoubleSpinBox, QPushButton

from desktop.advice import units
from desktop.advice.units import POINT, NumberStyle
from desktop.interop import export_ics
from desktop.store import Store
from desktop.ui import system_locale
from desktop.ui.main_window import MainWindow
from tests.builders import at, run
from tests.locales import system_locale as in_region


@pytest.mark.parametrize(
    ("name", "style"),
    [
        ("de_DE", NumberStyle(",", ".")),
        ("en_US", POINT),
        ("fr_FR", NumberStyle(",", "\u202f")),
    ],
)
def test_each_region_gives_the_engine_its_number_style(
    qapp: Any, name: str, style: NumberStyle
) -> None:
    assert system_locale.number_style(QLocale(name)) == style


@pytest.mark.parametrize(
    ("region", "shown", "typed", "saved_text"),
    [("de_DE", "5,5 km", "6,5", "6,5 km"), ("en_US", "5.5 km", "6.5", "6.5 km")],
)
def test_the_window_and_the_engine_write_numbers_as_the_region_does(
    make_window: Callable[..., MainWindow],
    db_path: Path,
    tmp_path: Path,
    region: str,
    shown: str,
    typed: str,
    saved_text: str,
) -> None:
    with Store.open(db_path) as store:
        run_id = store.add(run(at(1, 7), distance_km=5.5))
    with in_region(region):
        window = make_window()
    window.ensure_profile()
    window.calendar.select_day(at(1, 7).date())
    (row,) = window.day_list.rows()
    assert row.distance_text == shown  # the engine's text
    window.day_list.selectRow(0)
    field = window.findChild(QDoubleSpinBox, "distanceField")
    assert field is not None
    assert field.text() == shown  # the form's box
    field.lineEdit().selectAll()
    field.lineEdit().insert(typed)
    assert field.value() == pytest.approx(6.5)
    save = window.findChild(QPushButton, "saveButton")
    assert save is not None
    save.click()
    stored = window.planner.store.get(run_id)
    assert stored is not None and stored.distance_km == 6.5
    assert window.day_list.rows()[0].distance_text == saved_text

    # A calendar file keeps a decimal point in every region.
    batch = window.planner.export_batch(at(1, 7).date(), at(1, 7).date())
    path = tmp_path / "plan.ics"
    export_ics(batch.sessions, path, profile=window.planner.profile(), advice=batch.advice)
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert "6.5 km" in str(event["SUMMARY"])
    assert "6,5" not in str(event.get("DESCRIPTION", ""))
    assert units.format_distance(6.5, "km") == saved_text  # the style is the region's again
