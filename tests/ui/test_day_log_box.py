"""DayLogBox: soreness 0-10, water against the target in the user's unit, quick add, BCAA, note."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from desktop.advice import DayLog, Profile, VolumeUnit
from desktop.ui.day_log_box import DayLogBox

ML = Profile(max_distance_km=10.0, max_speed_kmh=15.0, volume_unit=VolumeUnit.ML)
OZ = Profile(max_distance_km=10.0, max_speed_kmh=15.0, volume_unit=VolumeUnit.OZ)
DAY = date(2024, 6, 3)
LOG = DayLog(day=DAY, water_oz=1250 / 29.5735295625, bcaa=False, note="")


@pytest.fixture
def box(qtbot: QtBot) -> DayLogBox:
    widget = DayLogBox()
    qtbot.addWidget(widget)
    widget.set_profile(ML)
    widget.show_day(LOG, 64.0)
    return widget


def button(box: DayLogBox, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_water_against_target_in_millilitres(box: DayLogBox) -> None:
    assert box.objectName() == "dayLogBox"
    bar = box.findChild(QProgressBar, "waterBar")
    assert bar is not None
    assert bar.text() == "1,250 / 1,893 ml"
    assert 0 < bar.value() < bar.maximum()
    assert box.waterLabel.text() == "643 ml to go to the daily target."
    assert "64 oz" in box.waterLabel.toolTip()  # the article's default, once, on demand
    field = box.findChild(QDoubleSpinBox, "waterField")
    assert field is not None
    if field.locale().groupSeparator() == ",":  # grouped like the bar where the locale agrees
        assert field.text() == "1,250 ml"


def test_no_date_title_the_window_already_shows_the_day(box: DayLogBox) -> None:
    title = box.findChild(QLabel, "dayLogTitle")
    assert title is not None and title.text() == "Soreness, water, BCAAs and note"
    box.show_day(DayLog(day=date(2024, 12, 24)), 64.0)
    assert title.text() == "Soreness, water, BCAAs and note"
    assert not any(
        "2024" in label.text() or "June" in label.text() for label in box.findChildren(QLabel)
    )


def test_reaching_the_target_says_so(box: DayLogBox) -> None:
    box.show_day(DayLog(day=DAY, water_oz=70.0), 64.0)
    assert box.waterBar.text() == "2,070 / 1,893 ml"
    assert box.waterLabel.text() == "Daily water target reached."


def test_quick_add_250_ml_emits_ounces(box: DayLogBox, qtbot: QtBot) -> None:
    add = button(box, "addWaterButton")
    assert add.text() == "+250 ml"
    with qtbot.waitSignal(box.water_added) as blocker:
        add.click()
    assert blocker.args[0] == pytest.approx(8.4535, abs=1e-4)
    assert box.waterBar.text() == "1,500 / 1,893 ml"


def test_quick_add_in_ounces(box: DayLogBox, qtbot: QtBot) -> None:
    box.set_profile(OZ)
    add = button(box, "addWaterButton")
    assert add.text() == "+8 oz"
    assert box.waterBar.text() == "42.3 / 64 oz"
    with qtbot.waitSignal(box.water_added) as blocker:
        add.click()
    assert blocker.args == [8.0]
    with qtbot.waitSignal(box.water_added) as blocker:
        button(box, "addWaterLargeButton").click()
    assert blocker.args == [16.0]


def test_bcaa_toggle_sends_the_whole_log(box: DayLogBox, qtbot: QtBot) -> None:
    bcaa = box.findChild(QCheckBox, "bcaaField")
    assert bcaa is not None
    assert bcaa.text() == "Took branched-chain amino acids"
    with qtbot.waitSignal(box.day_log_edited) as blocker:
        bcaa.click()
    log = blocker.args[0]
    assert log == DayLog(day=DAY, water_oz=LOG.water_oz, bcaa=True, note="")


def test_note_is_sent_when_editing_finishes_not_per_keystroke(box: DayLogBox, qtbot: QtBot) -> None:
    note = box.findChild(QLineEdit, "dayNoteField")
    assert note is not None
    with qtbot.assertNotEmitted(box.day_log_edited):
        qtbot.keyClicks(note, "sore back")
    with qtbot.waitSignal(box.day_log_edited) as blocker:
        note.editingFinished.emit()
    assert blocker.args[0].note == "sore back"
    with qtbot.assertNotEmitted(box.day_log_edited):
        note.editingFinished.emit()  # nothing changed since


def test_exact_water_amount(box: DayLogBox, qtbot: QtBot) -> None:
    field = box.findChild(QDoubleSpinBox, "waterField")
    assert field is not None
    assert field.value() == pytest.approx(1250)
    field.setValue(2000)
    with qtbot.waitSignal(box.day_log_edited) as blocker:
        button(box, "setWaterButton").click()
    assert blocker.args[0].water_oz == pytest.approx(2000 / 29.5735295625)
    assert box.waterBar.value() == box.waterBar.maximum()


def test_showing_a_day_emits_nothing(qtbot: QtBot) -> None:
    widget = DayLogBox()
    qtbot.addWidget(widget)
    bcaa = widget.findChild(QCheckBox, "bcaaField")
    assert bcaa is not None and not bcaa.isEnabled()
    with qtbot.assertNotEmitted(widget.day_log_edited), qtbot.assertNotEmitted(widget.water_added):
        widget.set_profile(OZ)
        widget.show_day(DayLog(day=DAY, water_oz=None, bcaa=True, note="rest day"), 80.0)
    assert widget.waterBar.text() == "0 / 80 oz"
    assert widget.bcaaField.isChecked() and widget.dayNoteField.text() == "rest day"


def soreness_button(box: DayLogBox, value: int) -> QToolButton:
    found = box.findChild(QToolButton, f"soreness{value}Button")
    assert found is not None, value
    return found


def test_soreness_is_empty_by_default_and_one_click_rates_it(box: DayLogBox, qtbot: QtBot) -> None:
    picker = box.sorenessPicker
    assert picker.rating() is None
    assert not any(soreness_button(box, v).isChecked() for v in range(11))
    assert "Not rated" in picker.valueLabel.text()
    assert picker.accessibleName() == "How sore are your legs and back?"
    with (
        qtbot.waitSignal(box.soreness_rated) as blocker,
        qtbot.assertNotEmitted(box.day_log_edited),
    ):
        soreness_button(box, 7).click()
    assert blocker.args[0] == DayLog(
        day=DAY, water_oz=LOG.water_oz, bcaa=False, note="", soreness=7
    )
    assert soreness_button(box, 7).isChecked() and not soreness_button(box, 6).isChecked()
    assert picker.valueLabel.text() == "7/10, very sore"
    with qtbot.waitSignal(box.soreness_rated) as blocker:
        soreness_button(box, 7).click()  # the chosen number again: back to not rated
    assert blocker.args[0].soreness is None
    assert not soreness_button(box, 7).isChecked()


def test_soreness_by_keyboard_one_tab_stop(box: DayLogBox, qtbot: QtBot) -> None:
    picker = box.sorenessPicker
    assert picker.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert soreness_button(box, 3).focusPolicy() == Qt.FocusPolicy.NoFocus
    ratings: list[int | None] = []
    box.soreness_rated.connect(lambda log: ratings.append(log.soreness))
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_End, Qt.Key.Key_Left):
        qtbot.keyClick(picker, key)
    qtbot.keyClick(picker, Qt.Key.Key_4)
    qtbot.keyClick(picker, Qt.Key.Key_Home)
    qtbot.keyClick(picker, Qt.Key.Key_Delete)
    qtbot.keyClick(picker, Qt.Key.Key_Delete)  # already not rated: nothing to send
    assert ratings == [0, 1, 10, 9, 4, 0, None]


def test_a_stored_rating_is_shown_without_emitting(qtbot: QtBot) -> None:
    widget = DayLogBox()
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.soreness_rated):
        widget.show_day(DayLog(day=DAY, soreness=3), 64.0)
    assert widget.sorenessPicker.rating() == 3 and soreness_button(widget, 3).isChecked()
    with qtbot.assertNotEmitted(widget.soreness_rated):
        widget.show_day(DayLog(day=DAY), 64.0)
    assert widget.sorenessPicker.rating() is None


def test_the_water_bar_follows_each_day_shown_and_still_repaints(
    box: DayLogBox, qtbot: QtBot
) -> None:
    box.show()
    qtbot.waitExposed(box)
    half = box.waterBar.value()
    box.show_day(replace(LOG, water_oz=0.0), 64.0)
    assert box.waterBar.value() == 0
    box.show_day(LOG, 64.0)
    assert box.waterBar.value() == half
    assert box.waterBar.updatesEnabled()  # held only while the value changes


@pytest.mark.parametrize(
    ("unit", "drunk_oz", "reached"),
    [
        (VolumeUnit.OZ, 64.2, True),  # 1,900 ml shows as 64.2 oz: logged 64.2 is reached
        (VolumeUnit.OZ, 64.1, False),
        (VolumeUnit.ML, 64.2, False),  # 1,899 ml of 1,900 ml
        (VolumeUnit.ML, 1900 / 29.5735295625, True),
    ],
)
def test_to_go_agrees_with_the_days_water_warning(
    qtbot: QtBot, unit: VolumeUnit, drunk_oz: float, reached: bool
) -> None:
    from desktop.advice import advise_day

    target_oz = 1900 / 29.5735295625
    profile = Profile(10.0, 15.0, water_target_oz=target_oz, volume_unit=unit)
    widget = DayLogBox()
    qtbot.addWidget(widget)
    widget.set_profile(profile)
    widget.show_day(DayLog(day=DAY, water_oz=drunk_oz), target_oz)
    warned = any(
        w.code == "water-below-target"
        for w in advise_day(DAY, [], profile, water_oz=drunk_oz).warnings
    )
    assert warned is not reached
    text = widget.waterLabel.text()
    assert (text == "Daily water target reached.") is reached
    if not reached:
        assert text.endswith(" to go to the daily target.")
        assert not text.startswith("0 ")
