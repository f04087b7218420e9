"""The day's log: soreness 0-10, water against the target, quick water buttons, BCAAs, a note."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.advice import units
from desktop.advice.article import BCAA, WATER_64_OZ
from desktop.advice.model import DayLog, Profile, VolumeUnit
from desktop.ui.fields import apply_volume_unit
from desktop.ui.signals import signals_blocked
from desktop.ui.soreness_picker import SorenessPicker

# Quick-add steps in the user's unit: a glass and a bottle.
_STEPS = {VolumeUnit.ML: (250.0, 500.0), VolumeUnit.OZ: (8.0, 16.0)}
_BAR_STEPS = 1000
CAPTION = "Soreness, water, BCAAs and note"


class DayLogBox(QWidget):
    """Shows and edits one DayLog; water leaves as oz, everything else as a whole DayLog.

    A soreness rating leaves as `soreness_rated` (the whole DayLog), so the window can name
    that undo step; water, BCAAs and the note leave as `day_log_edited`.
    """

    water_added = Signal(float)
    day_log_edited = Signal(object)
    soreness_rated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayLogBox")
        self._unit = VolumeUnit.ML
        self._log: DayLog | None = None
        self._target_oz = 64.0
        self._shown_water: tuple[float, float] | None = None  # (value in field, oz)
        self._build()
        self._apply_units()
        self._refresh()

    def _build(self) -> None:
        # A section caption: the main window already shows the day's date above.
        self.titleLabel = QLabel(CAPTION)
        self.titleLabel.setObjectName("dayLogTitle")
        font = self.titleLabel.font()
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.sorenessPicker = SorenessPicker()

        self.waterBar = QProgressBar()
        self.waterBar.setObjectName("waterBar")
        self.waterBar.setRange(0, _BAR_STEPS)
        self.waterBar.setTextVisible(True)
        self.waterBar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waterLabel = QLabel()
        self.waterLabel.setObjectName("waterLabel")
        self.waterLabel.setWordWrap(True)
        self.waterLabel.setToolTip(WATER_64_OZ)

        self.addWaterButton = QPushButton()
        self.addWaterButton.setObjectName("addWaterButton")
        self.addWaterLargeButton = QPushButton()
        self.addWaterLargeButton.setObjectName("addWaterLargeButton")
        self.addWaterButton.clicked.connect(lambda: self._add(0))
        self.addWaterLargeButton.clicked.connect(lambda: self._add(1))

        self.waterField = QDoubleSpinBox()
        self.waterField.setObjectName("waterField")
        self.waterField.setAccessibleName("Water drunk today")
        self.waterField.setKeyboardTracking(False)
        # Thousands separators like the labels (units.format_volume), where they agree.
        self.waterField.setGroupSeparatorShown(self.waterField.locale().groupSeparator() == ",")
        self.setWaterButton = QPushButton("Set")
        self.setWaterButton.setObjectName("setWaterButton")
        self.setWaterButton.setToolTip("Set today's water to the exact amount")
        self.waterField.editingFinished.connect(self._set_exact_water)
        self.setWaterButton.clicked.connect(self._set_exact_water)

        self.bcaaField = QCheckBox("Took branched-chain amino acids")
        self.bcaaField.setObjectName("bcaaField")
        self.bcaaField.setToolTip(BCAA)
        self.bcaaField.toggled.connect(self._on_bcaa)

        self.dayNoteField = QLineEdit()
        self.dayNoteField.setObjectName("dayNoteField")
        self.dayNoteField.setPlaceholderText("Injury, rest day, how it felt…")
        self.dayNoteField.setAccessibleName("Note about this day")
        self.dayNoteField.setClearButtonEnabled(True)
        self.dayNoteField.editingFinished.connect(self._on_note)
        self.sorenessPicker.rating_chosen.connect(self._on_soreness)

        quick = QHBoxLayout()
        quick.addWidget(self.addWaterButton)
        quick.addWidget(self.addWaterLargeButton)
        quick.addStretch(1)
        exact = QHBoxLayout()
        water_caption = QLabel("&Water today:")
        water_caption.setBuddy(self.waterField)
        exact.addWidget(water_caption)
        exact.addWidget(self.waterField, 1)
        exact.addWidget(self.setWaterButton)
        note_caption = QLabel("Da&y note:")
        note_caption.setBuddy(self.dayNoteField)
        note_row = QHBoxLayout()
        note_row.addWidget(note_caption)
        note_row.addWidget(self.dayNoteField, 1)

        self._body = QWidget()
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.sorenessPicker)
        body.addWidget(self.waterBar)
        body.addWidget(self.waterLabel)
        body.addLayout(quick)
        body.addLayout(exact)
        body.addWidget(self.bcaaField)
        body.addLayout(note_row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self._body)
        layout.addStretch(1)

    # ------------------------------------------------------------------ public
    def set_profile(self, profile: Profile) -> None:
        """Show water in the profile's volume unit."""
        self._unit = VolumeUnit(profile.volume_unit)
        self._apply_units()
        self._refresh()

    def show_day(self, log: DayLog, target_oz: float) -> None:
        """Show a day's log against the daily water target (oz)."""
        self._log = log
        self._target_oz = target_oz
        self._refresh()

    def log(self) -> DayLog | None:
        """The log as shown, including any water just added here."""
        return self._log

    # --------------------------------------------------------------- internals
    def _apply_units(self) -> None:
        small, large = _STEPS[self._unit]
        unit = self._unit.value
        self.addWaterButton.setText(f"+{small:g} {unit}")
        self.addWaterLargeButton.setText(f"+{large:g} {unit}")
        self.addWaterButton.setToolTip(f"Add a glass: {small:g} {unit}")
        self.addWaterLargeButton.setToolTip(f"Add a bottle: {large:g} {unit}")
        with signals_blocked(self.waterField):
            apply_volume_unit(self.waterField, self._unit)

    def _refresh(self) -> None:
        log = self._log
        with signals_blocked(self.waterField, self.bcaaField, self.dayNoteField):
            self._body.setEnabled(log is not None)
            if log is None:
                self.waterField.setValue(0.0)
                self._shown_water = None
                self.bcaaField.setChecked(False)
                self.dayNoteField.setText("")
                self.sorenessPicker.set_rating(None)
            else:
                oz = log.water_oz or 0.0
                self.waterField.setValue(units.volume_from_oz(oz, self._unit))
                self._shown_water = (self.waterField.value(), oz)
                self.bcaaField.setChecked(log.bcaa)
                if self.dayNoteField.text() != log.note:
                    self.dayNoteField.setText(log.note)
                self.sorenessPicker.set_rating(log.soreness)
        self._update_water_text()

    def _update_water_text(self) -> None:
        oz = (self._log.water_oz or 0.0) if self._log else 0.0
        target = self._target_oz
        unit = self._unit
        goal = units.format_volume(target, unit, grouped=True)
        text = f"{units.format_volume_number(oz, unit)} / {goal}"
        self.waterBar.setFormat(text)
        fraction = min(1.0, oz / target) if target > 0 else 0.0
        steps = round(fraction * _BAR_STEPS)
        if steps != self.waterBar.value():
            # QProgressBar.setValue paints the bar there and then (about 1 ms a day shown);
            # held, it is painted once with the rest of the window.
            self.waterBar.setUpdatesEnabled(False)
            self.waterBar.setValue(steps)
            self.waterBar.setUpdatesEnabled(True)
        self.waterBar.setAccessibleName(f"Water: {text}")
        # The bar already shows the target; the article's 64 oz lives in the advice tip.
        short = units.water_short_of(oz, target, unit)
        if short <= 0:
            self.waterLabel.setText("Daily water target reached.")
        else:
            missing = units.format_volume(units.volume_to_oz(short, unit), unit, grouped=True)
            self.waterLabel.setText(f"{missing} to go to the daily target.")
        self.waterLabel.setToolTip(
            f"Your daily target is {goal} (Settings > Profile).\n"
            f"The article: \u201c{WATER_64_OZ}\u201d"
        )

    def _add(self, step: int) -> None:
        if self._log is None:
            return
        amount = _STEPS[self._unit][step]
        oz = units.volume_to_oz(amount, self._unit)
        self._log = replace(self._log, water_oz=(self._log.water_oz or 0.0) + oz)
        self._refresh()
        self.water_added.emit(oz)

    def _set_exact_water(self) -> None:
        if self._log is None:
            return
        shown = self.waterField.value()
        if self._shown_water is not None and self._shown_water[0] == shown:
            return
        oz = units.volume_to_oz(shown, self._unit)
        self._edited(replace(self._log, water_oz=oz))

    def _on_bcaa(self, checked: bool) -> None:
        if self._log is None or self._log.bcaa == checked:
            return
        self._edited(replace(self._log, bcaa=checked))

    def _on_note(self) -> None:
        if self._log is None:
            return
        note = self.dayNoteField.text().strip()
        if note == self._log.note:
            return
        self._edited(replace(self._log, note=note))

    def _on_soreness(self, rating: int | None) -> None:
        if self._log is None or self._log.soreness == rating:
            return
        self._log = replace(self._log, soreness=rating)
        self._refresh()
        self.soreness_rated.emit(self._log)

    def _edited(self, log: DayLog) -> None:
        self._log = log
        self._refresh()
        self.day_log_edited.emit(log)

    @property
    def day(self) -> date | None:
        """The day shown, or None before show_day."""
        return self._log.day if self._log else None
