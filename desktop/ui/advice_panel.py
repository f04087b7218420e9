"""The advice for the selected run, deadlift or day: context, caps, warnings, suggestion, tips."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.advice import texts, units
from desktop.advice.article import SPOTTER
from desktop.advice.model import Advice, Kind, Profile, ResearchNote, Session, Suggestion, Workout

EMPTY_TEXT = "Select a run, a deadlift or a day to see how to run."
RESEARCH_LABEL = "Research (not from the article)"
_DEFAULT_PROFILE = Profile(max_distance_km=1.0, max_speed_kmh=1.0)  # units only
_WHY_PAD = 3  # px above and below the "Why?" text; the item's text is lowered as much


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _column(name: str) -> tuple[QWidget, QVBoxLayout]:
    """An unframed, margin-less box whose rows (warnings, tips) are filled in later."""
    box = QWidget()
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    return box, layout


def _clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


class AdvicePanel(QWidget):
    """Shows one Advice in words and numbers; the only action is applying the suggestion."""

    suggestion_applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advicePanel")
        self._profile: Profile | None = None
        self._advice: Advice | None = None
        self._subject: Session | None = None
        self._icon_labels: list[QLabel] = []
        self._build()
        self.clear()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.titleLabel = _bold(_label(name="adviceTitle"), 1.2)
        self.contextLabel = _label(name="adviceContext")
        self.capsLabel = _bold(_label(name="adviceCaps"))
        self.waterLabel = _label(name="adviceWater")

        self.warningsBox, self._warnings_layout = _column("adviceWarnings")

        self.suggestionFrame = QFrame()
        self.suggestionFrame.setObjectName("adviceSuggestion")
        self.suggestionFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestionTitle = _bold(_label(name="suggestionTitle"))
        self.suggestionLabel = _label(name="suggestionText")
        self.suggestionDetails = _label(name="suggestionDetails")
        self.spotterLabel = _label(name="spotterRule")
        self.applyButton = QPushButton("Apply suggestion")
        self.applyButton.setObjectName("applySuggestionButton")
        self.applyButton.setAutoDefault(False)
        self.applyButton.clicked.connect(self._apply)
        button_row = QHBoxLayout()
        button_row.addWidget(self.applyButton)
        button_row.addStretch(1)
        suggestion_layout = QVBoxLayout(self.suggestionFrame)
        suggestion_layout.addWidget(self.suggestionTitle)
        suggestion_layout.addWidget(self.spotterLabel)
        suggestion_layout.addWidget(self.suggestionLabel)
        suggestion_layout.addWidget(self.suggestionDetails)
        suggestion_layout.addLayout(button_row)

        self.tipsTitle = _bold(_label("Tips", "tipsTitle"))
        self.tipsBox, self._tips_layout = _column("adviceTips")

        self._content = QWidget()
        self._content.setObjectName("adviceContent")
        content_layout = QVBoxLayout(self._content)
        # Everything below the title, in order; clear() hides exactly these.
        self._sections: tuple[QWidget, ...] = (
            self.contextLabel,
            self.capsLabel,
            self.waterLabel,
            self.warningsBox,
            self.suggestionFrame,
            self.tipsTitle,
            self.tipsBox,
        )
        for widget in (self.titleLabel, *self._sections):
            content_layout.addWidget(widget)
        content_layout.addStretch(1)
        self._content_layout = content_layout

        scroll = QScrollArea()
        scroll.setObjectName("adviceScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._content)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _why(
        self, source: str, about: str, research: ResearchNote | None
    ) -> tuple[QToolButton, QWidget]:
        """A small flat "Why?" toggle (Tab, then Space) and what it reveals: the article's
        sentence, then any research note, labelled as not from the article."""
        sentence = _label(f"\u201c{source}\u201d", "sourceLabel")
        font = sentence.font()
        font.setItalic(True)
        sentence.setFont(font)
        sentence.setToolTip("From the article \u201cHow to Run After Performing Deadlifts\u201d")
        reveal = QWidget()
        reveal.setObjectName("whyDetails")
        column = QVBoxLayout(reveal)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(sentence)
        if research is not None:
            heading = _bold(_label(f"{RESEARCH_LABEL}:", "researchTitle"))
            note = _label(f"{research.text} ({research.citation})", "researchNote")
            note.setToolTip("Published research, shown beside the article, never instead of it")
            column.addWidget(heading)
            column.addWidget(note)
        reveal.hide()
        button = QToolButton()
        button.setObjectName("whyButton")
        button.setText("Why?")
        button.setCheckable(True)
        button.setAutoRaise(True)  # flat, like a link, until hovered, focused or checked
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        font = button.font()
        font.setUnderline(True)
        button.setFont(font)
        # No taller than a line of text plus a focus frame, so it sits on the text's line.
        button.setMaximumHeight(button.fontMetrics().height() + 2 * _WHY_PAD)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.installEventFilter(self)  # a flat button shows no focus: raise it while focused
        button.setToolTip("Show the sentence of the article this rests on")
        button.setAccessibleName(f"Why: {about}")
        button.toggled.connect(reveal.setVisible)
        return button, reveal

    def _item(
        self, text: str, source: str, *, warning: bool, research: ResearchNote | None = None
    ) -> QFrame:
        frame = QFrame()
        frame.setObjectName("adviceWarning" if warning else "adviceTip")
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # icon | text ............ Why?
        #      | "article sentence" (hidden until Why? is pressed)
        grid = QGridLayout(frame)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        icon = QLabel()
        icon.setObjectName("warningIcon" if warning else "tipBullet")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        if warning:
            # Not colour alone: an icon, a drawn frame, bold text and the word itself.
            frame.setFrameShape(QFrame.Shape.Box)
            frame.setFrameShadow(QFrame.Shadow.Plain)
            frame.setLineWidth(2)
            frame.setAutoFillBackground(True)
            frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
            frame.setAccessibleName(f"Warning: {text}")
            icon.setAccessibleName("Warning")
            self._icon_labels.append(icon)
            self._paint_icon(icon)
        else:
            grid.setContentsMargins(0, 1, 0, 1)
            icon.setText("\u2022")
            icon.setContentsMargins(0, _WHY_PAD, 0, 0)
        grid.addWidget(icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        message = _label(text, "warningText" if warning else "tipText")
        message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        message.setContentsMargins(0, _WHY_PAD, 0, 0)  # first line level with "Why?"
        if warning:
            _bold(message)
        grid.addWidget(message, 0, 1)
        if source:
            button, reveal = self._why(source, text, research)
            grid.addWidget(button, 0, 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            grid.addWidget(reveal, 1, 1, 1, 2)
        return frame

    def _icon_size(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ToolBarIconSize, None, self)

    def _paint_icon(self, label: QLabel) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, self)
        side = self._icon_size()
        label.setPixmap(icon.pixmap(QSize(side, side), self.devicePixelRatioF()))
        label.setMinimumWidth(side)

    # ------------------------------------------------------------------ public
    def set_profile(self, profile: Profile) -> None:
        """Use the profile's units for every number shown."""
        self._profile = profile
        if self._advice is not None:
            self.show_advice(self._advice, self._subject)

    def clear(self) -> None:
        """Show nothing but a hint about what to select."""
        self._advice = None
        self._subject = None
        self._icon_labels.clear()
        _clear_layout(self._warnings_layout)
        _clear_layout(self._tips_layout)
        self.titleLabel.setText(EMPTY_TEXT)
        for widget in self._sections:
            widget.hide()
        self.applyButton.setEnabled(False)

    def show_advice(self, advice: Advice, subject: Session | None) -> None:
        """Show advice about a session (subject) or about a whole day (subject None)."""
        self._advice = advice
        self._subject = subject
        profile = self._profile or _DEFAULT_PROFILE
        is_lift = subject is not None and subject.kind is Kind.DEADLIFT

        if subject is None:
            self.titleLabel.setText("This day")
        elif is_lift:
            self.titleLabel.setText("This deadlift")
        else:
            self.titleLabel.setText("This run")
        if is_lift:
            context = "What to run after it, and how."
        elif subject is None:
            context = texts.day_context(advice, profile)
        else:
            context = units.describe_context(advice)
            context = context[:1].upper() + context[1:]
        self.contextLabel.setText(context)
        self.contextLabel.show()

        caps = units.describe_caps(advice, profile)
        prefix = "A run right after it: " if is_lift else "Keep it to "
        self.capsLabel.setText(f"{prefix}{caps}." if caps else "")
        self.capsLabel.setVisible(bool(caps))

        water = texts.water_line(advice, profile)
        self.waterLabel.setText(water)
        self.waterLabel.setVisible(bool(water))

        self._icon_labels.clear()
        _clear_layout(self._warnings_layout)
        for warning in advice.warnings:
            self._warnings_layout.addWidget(
                self._item(warning.message, warning.source, warning=True, research=warning.research)
            )
        self.warningsBox.setVisible(bool(advice.warnings))

        self._show_suggestion(advice.suggestion, subject, profile)

        _clear_layout(self._tips_layout)
        for tip in advice.tips:
            self._tips_layout.addWidget(
                self._item(tip.text, tip.source, warning=False, research=tip.research)
            )
        self.tipsTitle.setVisible(bool(advice.tips))
        self.tipsBox.setVisible(bool(advice.tips))
        self._scroll.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        """Every visible line of text, top to bottom, one per line."""
        lines: list[str] = []
        self._collect(self._content_layout, lines)
        return "\n".join(lines)

    # --------------------------------------------------------------- internals
    def _show_suggestion(
        self, suggestion: Suggestion | None, subject: Session | None, profile: Profile
    ) -> None:
        is_lift = subject is not None and subject.kind is Kind.DEADLIFT
        if is_lift:
            assert subject is not None
            self.suggestionTitle.setText("Before you lift")
            state = {
                True: "You have a spotter for this lift.",
                False: "No spotter recorded for this lift.",
                None: "Spotter not recorded yet.",
            }[subject.spotter]
            self.spotterLabel.setText(f"{SPOTTER} {state}")
            self.spotterLabel.show()
        else:
            self.spotterLabel.hide()
        if suggestion is not None:
            if is_lift:
                self.suggestionTitle.setText("Before you lift, and what to run right after")
            elif subject is None:
                self.suggestionTitle.setText("Suggested run")
            else:
                self.suggestionTitle.setText("Suggestion")
            prefix = "Right after it: " if is_lift else ""
            self.suggestionLabel.setText(f"{prefix}{suggestion.text}")
            self.suggestionDetails.setText(self._details(suggestion, profile))
            self.suggestionLabel.show()
            self.suggestionDetails.show()
        else:
            self.suggestionLabel.hide()
            self.suggestionDetails.hide()
        is_run = subject is not None and subject.kind is Kind.RUN
        # Only a run in the form can take the numbers; elsewhere the button would stay grey.
        self.applyButton.setEnabled(suggestion is not None and is_run)
        self.applyButton.setVisible(suggestion is not None and is_run)
        self.applyButton.setToolTip("Fill this run's workout, distance and speed")
        self.suggestionFrame.setVisible(suggestion is not None or is_lift)

    @staticmethod
    def _details(suggestion: Suggestion, profile: Profile) -> str:
        parts = [texts.WORKOUT_NAMES.get(Workout(suggestion.workout), str(suggestion.workout))]
        if suggestion.distance_km is not None:
            parts.append(units.format_distance(suggestion.distance_km, profile.distance_unit))
        if suggestion.speed_kmh is not None:
            parts.append(units.format_speed_and_pace(suggestion.speed_kmh, profile.distance_unit))
        return " \u00b7 ".join(parts)

    def _collect(self, layout: QLayout, lines: list[str]) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            widget = item.widget()
            if widget is not None:
                if not widget.isVisibleTo(self):
                    continue
                if isinstance(widget, QLabel):
                    if widget.objectName() == "warningIcon":
                        lines.append(f"{widget.accessibleName()}:")
                    elif widget.text() and widget.objectName() != "tipBullet":
                        lines.append(widget.text())
                inner = widget.layout()
                if inner is not None:
                    self._collect(inner, lines)
            else:
                inner_layout = item.layout()
                if inner_layout is not None:
                    self._collect(inner_layout, lines)

    def _apply(self) -> None:
        if self._advice is not None and self._advice.suggestion is not None:
            self.suggestion_applied.emit(self._advice.suggestion)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Draw a "Why?" button raised while it has keyboard focus, so Tab shows where it is."""
        if isinstance(watched, QToolButton) and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
        ):
            watched.setAutoRaise(event.type() == QEvent.Type.FocusOut)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Repaint the warning icons crisply when the style or the screen changes."""
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.DevicePixelRatioChange):
            for label in self._icon_labels:
                self._paint_icon(label)
        super().changeEvent(event)
