"""A 0-10 soreness rating in one click: eleven toggle buttons, or the keys, or "not rated"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.advice.caps import SORENESS_HIGH
from desktop.advice.model import SORENESS_MAX, SORENESS_MIN
from desktop.ui import key_map

_MARGIN = 2
# The clearing key as the OS's keyboard labels it: macOS's "delete" key is ⌫.
_CLEAR_KEY = "Backspace" if key_map.family() == "macos" else "Del"
QUESTION = "How sore are your legs and back?"
NOT_RATED = "Not rated"
# The chosen number stands out in every style (a checked tool button can look flat).
CHECKED_STYLE = (
    "QToolButton:checked { background: palette(highlight); "
    "color: palette(highlighted-text); font-weight: bold; }"
)
_SCALE = f"{SORENESS_MIN} = not sore, {SORENESS_MAX} = as sore as it gets."
HELP = (
    f"{_SCALE} From {SORENESS_HIGH}, hard or long runs get a warning and the advice turns "
    "easier. Click a number again to clear it. Keys: arrows, digits, Delete clears."
)


class SorenessPicker(QFrame):
    """Shows a rating (or none); a click or a key chooses it and emits `rating_chosen`.

    The picker itself takes keyboard focus (one Tab stop, not eleven): Left/Right or
    Down/Up step, Home/End go to the ends, a digit sets 0-9, Delete or Backspace clears.
    """

    rating_chosen = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sorenessPicker")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(QUESTION)
        self.setAccessibleDescription(HELP)
        self.setToolTip(HELP)
        self._rating: int | None = None
        self._buttons: list[QToolButton] = []
        self._build()
        self._restyle_buttons()
        self._connect_signals()
        self._show_rating()

    def _build(self) -> None:
        self.questionLabel = QLabel(QUESTION)
        self.questionLabel.setObjectName("sorenessQuestion")
        self.valueLabel = QLabel()
        self.valueLabel.setObjectName("sorenessValue")
        header = QHBoxLayout()
        header.addWidget(self.questionLabel, 1)
        header.addWidget(self.valueLabel)
        row = QHBoxLayout()
        row.setSpacing(1)
        width = self.fontMetrics().horizontalAdvance("10") + self.fontMetrics().height()
        for value in range(SORENESS_MIN, SORENESS_MAX + 1):
            button = QToolButton()
            button.setObjectName(f"soreness{value}Button")
            button.setText(str(value))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the picker holds the focus
            button.setMinimumWidth(width)
            button.setAccessibleName(f"Soreness {value} of {SORENESS_MAX}")
            button.setToolTip(f"{value}/{SORENESS_MAX}. {_SCALE}")
            self._buttons.append(button)
            row.addWidget(button)
        self.clearButton = QToolButton()
        self.clearButton.setObjectName("sorenessClearButton")
        self.clearButton.setText("\u2715")
        self.clearButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clearButton.setAccessibleName("Clear the soreness rating")
        self.clearButton.setToolTip(f"Not rated: clear the rating ({key_map.shown(_CLEAR_KEY)})")
        row.addSpacing(4)
        row.addWidget(self.clearButton)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addLayout(row)

    def _restyle_buttons(self) -> None:
        """The checked look on the number buttons only: a sheet fixes its palette() colours
        and the palette of the widgets under it when applied, so the picker and its labels
        keep following the window's palette, and the buttons' sheet is applied again when
        it changes."""
        for button in self._buttons:
            button.setStyleSheet("")
            button.setStyleSheet(CHECKED_STYLE)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A new palette (Light/Dark): the buttons' sheet takes its colours."""
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle_buttons()
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        for value, button in enumerate(self._buttons, start=SORENESS_MIN):
            button.clicked.connect(lambda _checked=False, v=value: self._on_clicked(v))
        self.clearButton.clicked.connect(lambda _checked=False: self._choose(None))

    # ------------------------------------------------------------------ public
    def rating(self) -> int | None:
        """The rating shown, or None when not rated."""
        return self._rating

    def set_rating(self, rating: int | None) -> None:
        """Show a stored rating without emitting anything."""
        self._rating = rating
        self._show_rating()

    # --------------------------------------------------------------- internals
    def _on_clicked(self, value: int) -> None:
        # Clicking the chosen number again takes the rating back to "not rated".
        self._choose(None if value == self._rating else value)

    def _choose(self, rating: int | None) -> None:
        changed = rating != self._rating
        self._rating = rating
        self._show_rating()
        if changed:
            self.rating_chosen.emit(rating)

    def _show_rating(self) -> None:
        for value, button in enumerate(self._buttons, start=SORENESS_MIN):
            button.setChecked(value == self._rating)
        self.clearButton.setEnabled(self._rating is not None)
        if self._rating is None:
            text = NOT_RATED
        else:
            text = f"{self._rating}/{SORENESS_MAX}"
            if self._rating >= SORENESS_HIGH:
                text += ", very sore"
        self.valueLabel.setText(text)
        self.setAccessibleDescription(f"{text}. {HELP}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Arrows step, Home/End jump, digits set, Delete/Backspace clear."""
        key = event.key()
        current = self._rating
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._choose(SORENESS_MIN if current is None else min(SORENESS_MAX, current + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._choose(SORENESS_MIN if current is None else max(SORENESS_MIN, current - 1))
        elif key == Qt.Key.Key_Home:
            self._choose(SORENESS_MIN)
        elif key == Qt.Key.Key_End:
            self._choose(SORENESS_MAX)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self._choose(int(key - Qt.Key.Key_0))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Frame the picker: the keys now rate soreness."""
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Back to no frame."""
        self._show_focus(False)
        super().focusOutEvent(event)

    def _show_focus(self, focused: bool) -> None:
        # The frame takes one pixel of the margin, so nothing inside moves.
        self.setFrameShape(QFrame.Shape.Box if focused else QFrame.Shape.NoFrame)
        inner = _MARGIN - self.frameWidth()
        self._layout.setContentsMargins(inner, inner, inner, inner)
