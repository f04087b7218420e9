"""The advice for the selected run, deadlift or day: context, caps, warnings, suggestion, tips."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import resources
from desktop.advice import texts, units
from desktop.advice.article import SPOTTER
from desktop.advice.model import (
    Advice,
    Kind,
    Profile,
    ResearchNote,
    Session,
    Suggestion,
    Workout,
)
from desktop.ui.advice_item import (
    RESEARCH_LABEL,
    AdviceItem,
    bold,
    plain_label,
    set_selectable,
)

__all__ = ["EMPTY_TEXT", "RESEARCH_LABEL", "AdvicePanel"]

log = logging.getLogger(__name__)

EMPTY_TEXT = "Select a run, a deadlift or a day to see how to run."
_DEFAULT_PROFILE = Profile(max_distance_km=1.0, max_speed_kmh=5.0)  # units only


def _column(name: str) -> tuple[QWidget, QVBoxLayout]:
    """An unframed, margin-less box whose rows (warnings, tips) are filled in later."""
    box = QWidget()
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    return box, layout


class AdvicePanel(QWidget):
    """Shows one Advice in words and numbers; the only action is applying the suggestion."""

    suggestion_applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advicePanel")
        self._profile: Profile | None = None
        self._advice: Advice | None = None
        self._subject: Session | None = None
        # Items are kept and reused: hidden ones wait for a longer advice.
        self._warning_items: list[AdviceItem] = []
        self._tip_items: list[AdviceItem] = []
        self._selectable = True  # plain_label's default
        self._build()
        self._apply_style_sheet()
        self.clear()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.titleLabel = bold(plain_label(name="adviceTitle"), 1.2)
        self.contextLabel = plain_label(name="adviceContext")
        self.capsLabel = bold(plain_label(name="adviceCaps"))
        self.waterLabel = plain_label(name="adviceWater")

        self.warningsBox, self._warnings_layout = _column("adviceWarnings")

        self.suggestionFrame = QFrame()
        self.suggestionFrame.setObjectName("adviceSuggestion")
        self.suggestionFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestionTitle = bold(plain_label(name="suggestionTitle"))
        self.suggestionLabel = plain_label(name="suggestionText")
        self.suggestionDetails = plain_label(name="suggestionDetails")
        self.spotterLabel = plain_label(name="spotterRule")
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

        self.tipsTitle = bold(plain_label("Tips", "tipsTitle"))
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

    def _apply_style_sheet(self) -> None:
        """The warning and suggestion frames' looks (resources/style.qss), on those frames
        only: every widget under a sheet goes through Qt's slower style-sheet style, so the
        rest (labels, tips, the scroll bar) keeps the platform's. A missing file is logged,
        never fatal."""
        try:
            sheet = resources.read_stylesheet()
        except (OSError, ValueError) as exc:
            log.warning("No style sheet: %s", exc)
            return
        self.warningsBox.setStyleSheet(sheet)
        self.suggestionFrame.setStyleSheet(sheet)

    def _show_rows(
        self,
        items: list[AdviceItem],
        layout: QVBoxLayout,
        entries: list[tuple[str, str, ResearchNote | None]],
        *,
        warning: bool,
    ) -> None:
        """Show one item per (text, source, research), reusing the items built before, with
        their "Why?" where there is a source; hide the rest. Texts come after (show_item)."""
        for index, (_text, source, _research) in enumerate(entries):
            if index == len(items):
                item = AdviceItem(warning=warning)
                if warning:
                    self._paint_icon(item)
                set_selectable(item.findChildren(QLabel), self._selectable)
                layout.addWidget(item)
                items.append(item)
            items[index].show_row(has_source=bool(source))
        for item in items[len(entries) :]:
            item.hide()

    def _paint_icon(self, item: AdviceItem) -> None:
        # Imported here: building QStyle's many enums costs about 5 ms, paid only once a
        # warning is shown (the day's advice at start-up often has none).
        from PySide6.QtWidgets import QStyle

        style = self.style()
        side = style.pixelMetric(QStyle.PixelMetric.PM_ToolBarIconSize, None, self)
        icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, self)
        item.set_icon(icon.pixmap(QSize(side, side), self.devicePixelRatioF()), side)

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
        for item in (*self._warning_items, *self._tip_items):
            item.hide()
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
        is_run = subject is not None and subject.kind is Kind.RUN
        caps = texts.describe_caps(advice, profile)
        water = texts.water_line(advice, profile)
        warnings = [(w.message, w.source, w.research) for w in advice.warnings]
        tips = [(tip.text, tip.source, tip.research) for tip in advice.tips]
        suggestion = advice.suggestion
        if not self.underMouse():
            self._make_selectable(False)  # until the mouse comes: see set_selectable

        # Rows appear and go first, texts change after. Showing a row lays the panel out
        # there and then: cheap while every label keeps the text it was measured with, so
        # the new texts are measured once, in the next layout pass, instead of per row.
        self.contextLabel.show()
        self.capsLabel.setVisible(bool(caps))
        self.waterLabel.setVisible(bool(water))
        self._show_rows(self._warning_items, self._warnings_layout, warnings, warning=True)
        self.warningsBox.setVisible(bool(warnings))
        self.spotterLabel.setVisible(is_lift)
        self.suggestionLabel.setVisible(suggestion is not None)
        self.suggestionDetails.setVisible(suggestion is not None)
        # Only a run in the form can take the numbers; elsewhere the button would stay grey.
        self.applyButton.setVisible(suggestion is not None and is_run)
        self.suggestionFrame.setVisible(suggestion is not None or is_lift)
        self._show_rows(self._tip_items, self._tips_layout, tips, warning=False)
        self.tipsTitle.setVisible(bool(tips))
        self.tipsBox.setVisible(bool(tips))

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
            context = texts.describe_context(advice)
            context = context[:1].upper() + context[1:]
        self.contextLabel.setText(context)
        # A lift's caps are those of the run the article puts right after it: intervals (any
        # other run then is held to the shorter long-run threshold, shown on that run).
        prefix = "Intervals right after it: " if is_lift else "Keep it to "
        self.capsLabel.setText(f"{prefix}{caps}." if caps else "")
        self.waterLabel.setText(water)
        for item, (text, source, research) in zip(self._warning_items, warnings, strict=False):
            item.show_item(text, source, research)
        self._fill_suggestion(suggestion, subject, profile)
        self.applyButton.setEnabled(suggestion is not None and is_run)
        for item, (text, source, research) in zip(self._tip_items, tips, strict=False):
            item.show_item(text, source, research)
        # The boxes inside first, then the column: laid out once, with the new texts, rather
        # than in two rounds of the event loop (the first painting clipped texts).
        shown = [
            item for item in (*self._warning_items, *self._tip_items) if item.isVisibleTo(self)
        ]
        for box in (*shown, self.warningsBox, self.suggestionFrame, self.tipsBox, self._content):
            box_layout = box.layout()
            if box_layout is not None:
                box_layout.activate()
        self._scroll.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        """Every visible line of text, top to bottom, one per line."""
        lines: list[str] = []
        self._collect(self._content_layout, lines)
        return "\n".join(lines)

    # --------------------------------------------------------------- internals
    def _fill_suggestion(
        self, suggestion: Suggestion | None, subject: Session | None, profile: Profile
    ) -> None:
        """The suggestion frame's texts (its rows were shown or hidden by show_advice)."""
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
        self.applyButton.setToolTip("Fill this run's workout, distance and speed")

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

    def _make_selectable(self, selectable: bool) -> None:
        if selectable != self._selectable:
            self._selectable = selectable
            set_selectable(self._content.findChildren(QLabel), selectable)

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt override
        """The mouse can select the advice's texts from the moment it is over the panel."""
        self._make_selectable(True)
        super().enterEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Repaint the warning icons crisply when the style or the screen changes; take the
        new colours into the frames' sheet when the palette changes (Light/Dark)."""
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.DevicePixelRatioChange):
            for item in self._warning_items:
                self._paint_icon(item)
        elif event.type() == QEvent.Type.PaletteChange:
            # A sheet's palette() colours are fixed when it is applied: apply it again.
            self._apply_style_sheet()
        super().changeEvent(event)
