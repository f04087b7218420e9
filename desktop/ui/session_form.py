"""The editor for one run or deadlift session, in the user's units."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.advice import units
from desktop.advice.model import (
    MAX_DURATION_MIN,
    MAX_HUMAN_SPEED_KMH,
    DistanceUnit,
    InvalidInputError,
    Kind,
    Profile,
    Session,
    Suggestion,
    WeightUnit,
    Workout,
)
from desktop.ui.fields import MAX_DISTANCE_DISPLAY, NOT_SET, ExactValues, floor1, select_data

EMPTY_TEXT = "Pick a day and press New run or New deadlift"
MAX_LOAD_KG = 1000.0

_WORKOUTS = (
    ("Easy", Workout.EASY),
    ("Intervals", Workout.INTERVALS),
    ("Hills", Workout.HILLS),
    ("Long", Workout.LONG),
)
_SPOTTER = (("Not recorded", None), ("Yes, with a spotter", True), ("No spotter", False))


class SessionForm(QWidget):
    """Edits one session; emits engine Sessions (km, km/h, kg) and never touches the store."""

    draft_changed = Signal(object)
    save_requested = Signal(object)
    delete_requested = Signal(int)
    duplicate_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionForm")
        self._distance_unit = DistanceUnit.KM
        self._weight_unit = WeightUnit.KG
        self._active = False
        self._loading = False
        self._session_id: int | None = None
        self._template: Session | None = None
        self._loaded_start: tuple[QDateTime, datetime] | None = None
        # objectName -> (value shown, exact engine value) so untouched fields round-trip exactly.
        self._exact = ExactValues()
        self._build()
        self._apply_units()
        self._connect()
        self.clear()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.emptyLabel = QLabel(EMPTY_TEXT)
        self.emptyLabel.setObjectName("sessionFormEmptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.titleLabel = QLabel()
        self.titleLabel.setObjectName("sessionFormTitle")
        font = self.titleLabel.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.titleLabel.setFont(font)

        self.kindField = QComboBox()
        self.kindField.setObjectName("kindField")
        self.kindField.addItem("Run", Kind.RUN)
        self.kindField.addItem("Deadlift", Kind.DEADLIFT)

        self.startField = QDateTimeEdit()
        self.startField.setObjectName("startField")
        self.startField.setCalendarPopup(True)
        self.startField.setDisplayFormat("ddd d MMM yyyy  HH:mm")

        self.durationField = QSpinBox()
        self.durationField.setObjectName("durationField")
        self.durationField.setRange(1, MAX_DURATION_MIN)
        self.durationField.setSuffix(" min")
        self.durationField.setAccelerated(True)

        self.workoutField = QComboBox()
        self.workoutField.setObjectName("workoutField")
        for text, workout in _WORKOUTS:
            self.workoutField.addItem(text, workout)

        self.distanceField = QDoubleSpinBox()
        self.distanceField.setObjectName("distanceField")
        self.distanceField.setDecimals(2)
        self.distanceField.setSingleStep(0.1)
        self.distanceField.setSpecialValueText(NOT_SET)
        self.distanceField.setAccelerated(True)
        self.distanceField.setToolTip("Leave at — when you don't want to set a distance.")

        self.speedField = QDoubleSpinBox()
        self.speedField.setObjectName("speedField")
        self.speedField.setDecimals(1)
        self.speedField.setSingleStep(0.1)
        self.speedField.setSpecialValueText(NOT_SET)
        self.speedField.setAccelerated(True)
        self.speedField.setToolTip("Leave at — when you don't want to set a speed.")
        self.paceLabel = QLabel()
        self.paceLabel.setObjectName("paceLabel")
        self.paceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        speed_row = QWidget()
        speed_row.setObjectName("speedRow")
        speed_layout = QHBoxLayout(speed_row)
        speed_layout.setContentsMargins(0, 0, 0, 0)
        speed_layout.addWidget(self.speedField, 1)
        speed_layout.addWidget(self.paceLabel)
        self._speed_row = speed_row

        self.painField = QCheckBox("Running hurt")
        self.painField.setObjectName("painField")
        self.painField.setToolTip("If you feel pain when running, stop immediately.")

        self.setsField = QSpinBox()
        self.setsField.setObjectName("setsField")
        self.setsField.setRange(0, 99)
        self.setsField.setSpecialValueText(NOT_SET)
        self.repsField = QSpinBox()
        self.repsField.setObjectName("repsField")
        self.repsField.setRange(0, 999)
        self.repsField.setSpecialValueText(NOT_SET)

        self.loadField = QDoubleSpinBox()
        self.loadField.setObjectName("loadField")
        self.loadField.setDecimals(1)
        self.loadField.setSpecialValueText(NOT_SET)
        self.loadField.setAccelerated(True)

        self.spotterField = QComboBox()
        self.spotterField.setObjectName("spotterField")
        for text, value in _SPOTTER:
            self.spotterField.addItem(text, value)
        self.spotterField.setToolTip("Never lift without a spotter.")

        self.doneField = QCheckBox("Done")
        self.doneField.setObjectName("doneField")

        self.notesField = QPlainTextEdit()
        self.notesField.setObjectName("notesField")
        self.notesField.setPlaceholderText("How it went, how you felt…")
        self.notesField.setTabChangesFocus(True)
        line = self.notesField.fontMetrics().lineSpacing()
        self.notesField.setMaximumHeight(line * 5)

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("sessionFormError")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()

        self.saveButton = QPushButton("Save")
        self.saveButton.setObjectName("saveButton")
        self.saveButton.setToolTip("Save this session (Ctrl+S or Return)")
        self.duplicateButton = QPushButton("Duplicate")
        self.duplicateButton.setObjectName("duplicateButton")
        self.duplicateButton.setToolTip("Copy to the same time the next day, as planned (Ctrl+D)")
        self.deleteButton = QPushButton("Delete…")
        self.deleteButton.setObjectName("deleteButton")
        self.deleteButton.setToolTip("Delete this session")

        self._fields = QWidget()
        self._fields.setObjectName("sessionFormFields")
        form = QFormLayout(self._fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Kind:", self.kindField)
        form.addRow("S&tart:", self.startField)
        form.addRow("D&uration:", self.durationField)
        form.addRow("&Workout:", self.workoutField)
        form.addRow("D&istance:", self.distanceField)
        form.addRow("S&peed:", speed_row)
        form.addRow("", self.painField)
        form.addRow("Se&ts:", self.setsField)
        form.addRow("&Reps:", self.repsField)
        form.addRow("&Load:", self.loadField)
        form.addRow("Sp&otter:", self.spotterField)
        form.addRow("", self.doneField)
        form.addRow("&Notes:", self.notesField)
        self._form = form
        label = form.labelForField(speed_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.speedField)

        buttons = QHBoxLayout()
        buttons.addWidget(self.saveButton)
        buttons.addWidget(self.duplicateButton)
        buttons.addStretch(1)
        buttons.addWidget(self.deleteButton)

        layout = QVBoxLayout(self)
        layout.addWidget(self.emptyLabel)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self._fields)
        layout.addWidget(self.errorLabel)
        layout.addLayout(buttons)
        layout.addStretch(1)

        order: list[QWidget] = [
            self.kindField,
            self.startField,
            self.durationField,
            self.workoutField,
            self.distanceField,
            self.speedField,
            self.painField,
            self.setsField,
            self.repsField,
            self.loadField,
            self.spotterField,
            self.doneField,
            self.notesField,
            self.saveButton,
            self.duplicateButton,
            self.deleteButton,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._request_save)

    def _connect(self) -> None:
        self.kindField.currentIndexChanged.connect(self._on_kind_changed)
        self.startField.dateTimeChanged.connect(self._on_edited)
        self.durationField.valueChanged.connect(self._on_edited)
        self.workoutField.currentIndexChanged.connect(self._on_edited)
        self.distanceField.valueChanged.connect(self._on_edited)
        self.speedField.valueChanged.connect(self._on_speed_changed)
        self.painField.toggled.connect(self._on_edited)
        self.setsField.valueChanged.connect(self._on_edited)
        self.repsField.valueChanged.connect(self._on_edited)
        self.loadField.valueChanged.connect(self._on_edited)
        self.spotterField.currentIndexChanged.connect(self._on_edited)
        self.doneField.toggled.connect(self._on_edited)
        self.notesField.textChanged.connect(self._on_edited)
        self.saveButton.clicked.connect(self._request_save)
        self.deleteButton.clicked.connect(self._request_delete)
        self.duplicateButton.clicked.connect(self._request_duplicate)

    # ------------------------------------------------------------------ public
    def set_profile(self, profile: Profile) -> None:
        """Show distances, speeds and loads in the profile's units, keeping the values."""
        distance = self._exact.value(self.distanceField, self._distance_from)
        speed = self._exact.value(self.speedField, self._speed_from)
        load = self._exact.value(self.loadField, self._weight_from)
        was_loading = self._loading
        self._loading = True
        try:
            self._distance_unit = DistanceUnit(profile.distance_unit)
            self._weight_unit = WeightUnit(profile.weight_unit)
            self._apply_units()
            self._exact.show(self.distanceField, distance, self._distance_to)
            self._exact.show(self.speedField, speed, self._speed_to)
            self._exact.show(self.loadField, load, self._weight_to)
            self._update_pace()
        finally:
            self._loading = was_loading
        self._refresh()

    def edit_session(self, session: Session) -> None:
        """Load a saved session (its id is kept and sent back with the save)."""
        self._load(session, session.id)

    def new_session(self, session: Session) -> None:
        """Load an unsaved template; saving it asks for a new session."""
        self._load(session, None)

    def clear(self) -> None:
        """Show the empty state: nothing to edit, every field disabled."""
        was_active = self._active
        self._loading = True
        try:
            self._active = False
            self._session_id = None
            self._template = None
            self._fill(Session(kind=Kind.RUN, start=_next_hour(), duration_min=30))
        finally:
            self._loading = False
        self._refresh()
        if was_active:
            self.draft_changed.emit(None)

    def session_id(self) -> int | None:
        """The id of the saved session being edited, None for a new one or none."""
        return self._session_id if self._active else None

    def draft(self) -> Session | None:
        """The values on screen as an engine Session, or None when they can't form one."""
        draft, _ = self._build_draft()
        return draft

    def apply_suggestion(self, suggestion: Suggestion) -> bool:
        """Fill workout, and distance and speed when given; only a run takes a suggestion."""
        if not self._active or self._kind() is not Kind.RUN:
            return False
        self._loading = True
        try:
            select_data(self.workoutField, Workout(suggestion.workout))
            if suggestion.distance_km is not None:
                self._exact.show(self.distanceField, suggestion.distance_km, self._distance_to)
            if suggestion.speed_kmh is not None:
                self._exact.show(self.speedField, suggestion.speed_kmh, self._speed_to)
            self._update_pace()
        finally:
            self._loading = False
        self.draft_changed.emit(self._refresh())
        return True

    # --------------------------------------------------------------- internals
    def _load(self, session: Session, session_id: int | None) -> None:
        self._loading = True
        try:
            self._active = True
            self._session_id = session_id
            self._template = session
            self._fill(session)
        finally:
            self._loading = False
        self.draft_changed.emit(self._refresh())

    def _fill(self, session: Session) -> None:
        select_data(self.kindField, Kind(session.kind))
        start = session.start
        qdt = QDateTime(
            QDate(start.year, start.month, start.day),
            QTime(start.hour, start.minute, start.second, start.microsecond // 1000),
        )
        self.startField.setDateTime(qdt)
        self._loaded_start = (self.startField.dateTime(), session.start)
        self.durationField.setValue(session.duration_min)
        select_data(self.workoutField, session.workout or Workout.EASY)
        self._exact.show(self.distanceField, session.distance_km, self._distance_to)
        self._exact.show(self.speedField, session.speed_kmh, self._speed_to)
        self.painField.setChecked(session.pain)
        self.setsField.setValue(session.sets or 0)
        self.repsField.setValue(session.reps or 0)
        self._exact.show(self.loadField, session.load_kg, self._weight_to)
        select_data(self.spotterField, session.spotter)
        self.doneField.setChecked(session.done)
        self.notesField.setPlainText(session.notes)
        self._update_pace()
        self._update_kind_rows()

    def _apply_units(self) -> None:
        unit = self._distance_unit.value
        self.distanceField.setRange(0.0, MAX_DISTANCE_DISPLAY)
        self.distanceField.setSuffix(f" {unit}")
        max_speed = floor1(self._speed_to(MAX_HUMAN_SPEED_KMH))
        self.speedField.setRange(0.0, max_speed)
        self.speedField.setSuffix(f" {units.speed_label(self._distance_unit)}")
        weight = self._weight_unit.value
        self.loadField.setRange(0.0, floor1(self._weight_to(MAX_LOAD_KG)))
        self.loadField.setSingleStep(5.0 if self._weight_unit is WeightUnit.LB else 2.5)
        self.loadField.setSuffix(f" {weight}")

    def _distance_to(self, km: float) -> float:
        return units.distance_from_km(km, self._distance_unit)

    def _distance_from(self, value: float) -> float:
        return units.distance_to_km(value, self._distance_unit)

    def _speed_to(self, kmh: float) -> float:
        return units.speed_from_kmh(kmh, self._distance_unit)

    def _speed_from(self, value: float) -> float:
        return units.speed_to_kmh(value, self._distance_unit)

    def _weight_to(self, kg: float) -> float:
        return units.weight_from_kg(kg, self._weight_unit)

    def _weight_from(self, value: float) -> float:
        return units.weight_to_kg(value, self._weight_unit)

    def _kind(self) -> Kind:
        return Kind(self.kindField.currentData())

    def _start(self) -> datetime:
        shown = self.startField.dateTime()
        if self._loaded_start is not None and self._loaded_start[0] == shown:
            return self._loaded_start[1]
        value = shown.toPython()
        assert isinstance(value, datetime)
        return value.replace(tzinfo=None)

    def _build_draft(self) -> tuple[Session | None, str]:
        if not self._active:
            return None, ""
        kind = self._kind()
        created = self._template.created if self._template and self._session_id else None
        updated = self._template.updated if self._template and self._session_id else None
        try:
            common: dict[str, Any] = {
                "kind": kind,
                "start": self._start(),
                "duration_min": self.durationField.value(),
                "id": self._session_id,
                "done": self.doneField.isChecked(),
                "notes": self.notesField.toPlainText(),
                "created": created,
                "updated": updated,
            }
            if kind is Kind.RUN:
                return Session(
                    **common,
                    workout=Workout(self.workoutField.currentData()),
                    distance_km=self._exact.value(self.distanceField, self._distance_from),
                    speed_kmh=self._exact.value(self.speedField, self._speed_from),
                    pain=self.painField.isChecked(),
                ), ""
            return Session(
                **common,
                spotter=self.spotterField.currentData(),
                sets=self.setsField.value() or None,
                reps=self.repsField.value() or None,
                load_kg=self._exact.value(self.loadField, self._weight_from),
            ), ""
        except InvalidInputError as error:
            return None, str(error)

    def _refresh(self) -> Session | None:
        """Bring enabled states, title and error text in line with the fields."""
        draft, error = self._build_draft()
        self.emptyLabel.setVisible(not self._active)
        self.titleLabel.setVisible(self._active)
        self._fields.setEnabled(self._active)
        saved = self._active and self._session_id is not None
        kind_word = "run" if self._kind() is Kind.RUN else "deadlift"
        self.titleLabel.setText(f"{'Edit' if saved else 'New'} {kind_word}")
        self.errorLabel.setText(error)
        self.errorLabel.setVisible(bool(error))
        self.saveButton.setEnabled(draft is not None)
        self.deleteButton.setEnabled(saved)
        self.duplicateButton.setEnabled(saved and draft is not None)
        return draft

    def _update_kind_rows(self) -> None:
        is_run = self._kind() is Kind.RUN
        for widget in (self.workoutField, self.distanceField, self._speed_row, self.painField):
            self._form.setRowVisible(widget, is_run)
        for widget in (self.setsField, self.repsField, self.loadField, self.spotterField):
            self._form.setRowVisible(widget, not is_run)

    def _update_pace(self) -> None:
        speed = self._exact.value(self.speedField, self._speed_from)
        if speed is None:
            self.paceLabel.setText(f"= {NOT_SET} /{self._distance_unit.value}")
            self.paceLabel.setAccessibleName("No pace set")
            return
        text = units.format_pace(speed, self._distance_unit)
        self.paceLabel.setText(f"= {text}")
        self.paceLabel.setAccessibleName(f"Pace {text}")

    # ------------------------------------------------------------------- slots
    def _on_kind_changed(self) -> None:
        self._update_kind_rows()
        self._on_edited()

    def _on_speed_changed(self) -> None:
        self._update_pace()
        self._on_edited()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.draft_changed.emit(self._refresh())

    def _request_save(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.save_requested.emit(draft)

    def _request_delete(self) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.delete_requested.emit(session_id)

    def _request_duplicate(self) -> None:
        draft = self.draft()
        if draft is not None and self.session_id() is not None:
            self.duplicate_requested.emit(
                replace(draft, id=None, done=False, created=None, updated=None)
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Return or Enter in a field (not on a push button) asks to save."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            QApplication.focusWidget(), QPushButton
        ):
            event.accept()
            self._request_save()
            return
        super().keyPressEvent(event)


def _next_hour() -> datetime:
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    return now.replace(hour=now.hour + 1) if now.hour < 23 else now
