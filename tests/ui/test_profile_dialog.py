"""ProfileDialog: first-run notice, valid profiles only, pace and speed in sync, units kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.advice import HEALTH_NOTICE, DistanceUnit, Profile, VolumeUnit, WeightUnit
from desktop.ui.profile_dialog import ProfileDialog


@pytest.fixture
def metric_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def us_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def ok_button(dialog: ProfileDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def spin(dialog: ProfileDialog, name: str) -> QDoubleSpinBox:
    found = dialog.findChild(QDoubleSpinBox, name)
    assert found is not None, name
    return found


def pace(dialog: ProfileDialog) -> QLineEdit:
    found = dialog.findChild(QLineEdit, "bestPaceField")
    assert found is not None
    return found


def test_first_run_explains_warns_and_produces_a_profile(qtbot: QtBot, metric_locale: None) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "firstRunDialog"
    assert dialog.healthNotice.text() == HEALTH_NOTICE
    assert "Consult a health care provider" in HEALTH_NOTICE
    assert "stop immediately" in HEALTH_NOTICE
    assert not ok_button(dialog).isEnabled()

    spin(dialog, "maxDistanceField").setValue(10.0)
    assert not ok_button(dialog).isEnabled()  # no speed yet
    spin(dialog, "maxSpeedField").setValue(15.0)
    assert ok_button(dialog).isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        ok_button(dialog).click()
    assert dialog.profile() == Profile(max_distance_km=10.0, max_speed_kmh=15.0)


def test_speed_and_pace_stay_in_sync(qtbot: QtBot, metric_locale: None) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    speed = spin(dialog, "maxSpeedField")
    speed.setValue(15.0)
    assert pace(dialog).text() == "4:00"
    pace(dialog).clear()
    qtbot.keyClicks(pace(dialog), "5:00")
    assert speed.value() == pytest.approx(12.0)
    spin(dialog, "maxDistanceField").setValue(8.0)
    assert dialog.profile().max_speed_kmh == pytest.approx(12.0)


def test_pace_validator_refuses_nonsense(qtbot: QtBot, metric_locale: None) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(pace(dialog), "4:9x")
    assert pace(dialog).text() == "4:"  # '9' is no tens of seconds, letters never enter
    spin(dialog, "maxDistanceField").setValue(8.0)
    assert not ok_button(dialog).isEnabled()


def test_an_existing_profile_keeps_its_units(qtbot: QtBot, metric_locale: None) -> None:
    existing = Profile(
        max_distance_km=16.09344,
        max_speed_kmh=16.09344,
        immediate_window_min=90,
        water_target_oz=80.0,
        distance_unit=DistanceUnit.MI,
        volume_unit=VolumeUnit.OZ,
        weight_unit=WeightUnit.LB,
    )
    dialog = ProfileDialog(existing)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "profileDialog"
    assert spin(dialog, "maxDistanceField").value() == pytest.approx(10.0)
    assert spin(dialog, "maxDistanceField").suffix() == " mi"
    assert pace(dialog).text() == "6:00"
    assert ok_button(dialog).isEnabled()
    assert dialog.profile() == existing


def test_units_proposed_from_an_imperial_locale(qtbot: QtBot, us_locale: None) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    for name, value in (
        ("distanceUnitField", DistanceUnit.MI),
        ("volumeUnitField", VolumeUnit.OZ),
        ("weightUnitField", WeightUnit.LB),
    ):
        combo = dialog.findChild(QComboBox, name)
        assert combo is not None and combo.currentData() == value


def test_switching_units_re_expresses_the_values(qtbot: QtBot, metric_locale: None) -> None:
    dialog = ProfileDialog(Profile(max_distance_km=10.0, max_speed_kmh=15.0))
    qtbot.addWidget(dialog)
    units = dialog.findChild(QComboBox, "distanceUnitField")
    assert units is not None
    units.setCurrentIndex(units.findData(DistanceUnit.MI))
    assert spin(dialog, "maxDistanceField").value() == pytest.approx(6.2)
    assert spin(dialog, "maxSpeedField").suffix() == " mph"
    water = spin(dialog, "waterTargetField")
    assert water.value() == pytest.approx(1893)
    profile = dialog.profile()
    assert profile.max_distance_km == pytest.approx(10.0)
    assert profile.distance_unit is DistanceUnit.MI
    assert profile.water_target_oz == pytest.approx(64.0)


def test_labels_capitalised_limits_before_units_and_tab_follows(
    qtbot: QtBot, metric_locale: None
) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    labels = [
        label.text().replace("&", "")
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    ]
    assert "Or best pace:" in labels
    assert all(text[:1].isupper() or text[:1] == "\u201c" for text in labels)
    names = ["maxDistanceField", "maxSpeedField", "bestPaceField", "windowField"]
    names += ["waterTargetField", "distanceUnitField", "volumeUnitField", "weightUnitField"]
    start = dialog.findChild(QWidget, names[0])
    assert start is not None
    seen: list[str] = []
    widget = start.nextInFocusChain()
    while widget is not None and widget is not start:
        if widget.objectName() in names and widget.objectName() not in seen:
            seen.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert seen == names[1:]
    assert dialog.minimumWidth() >= dialog.fontMetrics().averageCharWidth() * 60


def error_text(dialog: ProfileDialog) -> str:
    label = dialog.findChild(QLabel, "profileErrorLabel")
    assert label is not None
    return label.text() if label.isVisibleTo(dialog) else ""


@pytest.mark.parametrize("typed", ["5", "200", "1440"])
def test_a_window_outside_10_to_180_minutes_is_refused_with_the_reason(
    qtbot: QtBot, metric_locale: None, typed: str
) -> None:
    dialog = ProfileDialog(Profile(max_distance_km=10.0, max_speed_kmh=15.0))
    qtbot.addWidget(dialog)
    window = dialog.findChild(QSpinBox, "windowField")
    assert window is not None
    help_line = dialog.findChild(QLabel, "windowHelp")
    assert help_line is not None and "10-180 min" in help_line.text()
    assert "second session" in help_line.text() and "10-180 min" in window.toolTip()
    window.lineEdit().selectAll()
    qtbot.keyClicks(window.lineEdit(), typed)
    assert not ok_button(dialog).isEnabled()
    assert "10" in error_text(dialog) and "180" in error_text(dialog)
    assert "second session" in error_text(dialog)  # the reason, not just the numbers
    window.lineEdit().selectAll()
    qtbot.keyClicks(window.lineEdit(), "90")
    assert ok_button(dialog).isEnabled() and error_text(dialog) == ""
    assert dialog.profile().immediate_window_min == 90


@pytest.mark.parametrize(
    ("unit", "below", "floor_text"),
    [(VolumeUnit.OZ, 60.0, "64 oz"), (VolumeUnit.ML, 1800.0, "1,893 ml")],
)
def test_a_water_target_under_the_articles_64_oz_is_refused_with_the_reason(
    qtbot: QtBot, metric_locale: None, unit: VolumeUnit, below: float, floor_text: str
) -> None:
    dialog = ProfileDialog(Profile(max_distance_km=10.0, max_speed_kmh=15.0, volume_unit=unit))
    qtbot.addWidget(dialog)
    help_line = dialog.findChild(QLabel, "waterHelp")
    assert help_line is not None
    assert floor_text in help_line.text() and "the article's floor" in help_line.text()
    spin(dialog, "waterTargetField").setValue(below)
    assert not ok_button(dialog).isEnabled()
    assert "at least 64 oz" in error_text(dialog) and "article" in error_text(dialog)
    spin(dialog, "waterTargetField").setValue(below * 2)
    assert ok_button(dialog).isEnabled()
    assert dialog.profile().water_target_oz > 64.0


@pytest.mark.parametrize(
    ("distance", "speed", "words"),
    [
        (0.5, 15.0, "from 1 to 300 km: under 1 km leaves nothing to plan"),
        (10.0, 4.9, "from 5 to 45 km/h: under 5 km/h is walking"),
        (1.0, 5.0, ""),
        (300.0, 45.0, ""),
    ],
)
def test_the_profile_bounds_and_why_come_from_the_engine(
    qtbot: QtBot, metric_locale: None, distance: float, speed: float, words: str
) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    spin(dialog, "maxDistanceField").setValue(distance)
    spin(dialog, "maxSpeedField").setValue(speed)
    error = dialog.findChild(QLabel, "profileErrorLabel")
    assert error is not None
    assert ok_button(dialog).isEnabled() is (not words)
    if words:
        assert words in error.text()
    assert "300 km" in spin(dialog, "maxDistanceField").toolTip()
    assert spin(dialog, "maxDistanceField").maximum() == 300.0


def test_a_pace_slower_than_walking_is_refused_with_the_profiles_reason(
    qtbot: QtBot, metric_locale: None
) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    spin(dialog, "maxDistanceField").setValue(10.0)
    qtbot.keyClicks(pace(dialog), "15:00")  # 4 km/h
    error = dialog.findChild(QLabel, "profileErrorLabel")
    assert error is not None and "under 5 km/h is walking" in error.text()
    assert not ok_button(dialog).isEnabled()


def test_a_pace_faster_than_anyone_runs_is_refused(qtbot: QtBot, metric_locale: None) -> None:
    dialog = ProfileDialog(first_run=True)
    qtbot.addWidget(dialog)
    spin(dialog, "maxDistanceField").setValue(10.0)
    spin(dialog, "maxSpeedField").setValue(15.0)
    pace(dialog).clear()
    qtbot.keyClicks(pace(dialog), "1:00")  # 60 km/h
    error = dialog.findChild(QLabel, "profileErrorLabel")
    assert error is not None and "faster than anyone can run" in error.text()
    assert not ok_button(dialog).isEnabled()
    assert spin(dialog, "maxSpeedField").value() == pytest.approx(15.0)  # left as it was
