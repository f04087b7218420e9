"""One warning or tip of the advice panel, with its "Why?" toggle; reused from one advice to
the next, so selecting a day or a session changes texts instead of building widgets."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.advice.model import ResearchNote

RESEARCH_LABEL = "Research (not from the article)"
SELECTABLE = "selectableText"
"""The property marking a label whose text the mouse can select (see set_selectable)."""
WHY_PAD = 3  # px above and below the "Why?" text; the item's text is lowered as much


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A word-wrapped, selectable label that never reads its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty(SELECTABLE, True)
    if name:
        label.setObjectName(name)
    return label


def set_selectable(labels: Iterable[QLabel], selectable: bool) -> None:
    """Let the mouse select the plain labels' texts, or not.

    A selectable label lays its text out through a text document, about three times the
    cost of a plain one (0.1 ms a label), with the same pixels and size; the advice panel
    makes its labels selectable while the mouse is over it, plain otherwise.
    """
    flags = (
        Qt.TextInteractionFlag.TextSelectableByMouse
        if selectable
        else Qt.TextInteractionFlag.NoTextInteraction
    )
    for label in labels:
        if label.property(SELECTABLE):
            label.setTextInteractionFlags(flags)


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    """Make a label's font bold (and `scale` times larger)."""
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class WhyButton(QToolButton):
    """A small flat "Why?" toggle, drawn raised while it has keyboard focus (Tab shows it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("whyButton")
        self.setText("Why?")
        self.setCheckable(True)
        self.setAutoRaise(True)  # flat, like a link, until hovered, focused or checked
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        # No taller than a line of text plus a focus frame, so it sits on the text's line.
        self.setMaximumHeight(self.fontMetrics().height() + 2 * WHY_PAD)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("Show the sentence of the article this rests on")

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Raised while focused: a flat button shows no focus."""
        self.setAutoRaise(False)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Flat again once the focus has gone."""
        self.setAutoRaise(True)
        super().focusOutEvent(event)


class AdviceItem(QFrame):
    """A warning (icon, box, bold text) or a tip (bullet), and the article's sentence behind
    "Why?", built the first time it is asked for."""

    def __init__(self, *, warning: bool) -> None:
        super().__init__()
        self._warning = warning
        self._source = ""
        self._research: ResearchNote | None = None
        self._reveal: QWidget | None = None
        self.setObjectName("adviceWarning" if warning else "adviceTip")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # icon | text ............ Why?
        #      | "article sentence" (hidden until Why? is pressed)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self._grid = grid
        self.icon = QLabel()
        self.icon.setObjectName("warningIcon" if warning else "tipBullet")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        if warning:
            # Not colour alone: an icon, a drawn frame, bold text and the word itself.
            self.setFrameShape(QFrame.Shape.Box)
            self.setFrameShadow(QFrame.Shadow.Plain)
            self.setLineWidth(2)
            self.setAutoFillBackground(True)
            self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
            self.icon.setAccessibleName("Warning")
        else:
            grid.setContentsMargins(0, 1, 0, 1)
            self.icon.setText("\u2022")
            self.icon.setContentsMargins(0, WHY_PAD, 0, 0)
        grid.addWidget(self.icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.message = plain_label(name="warningText" if warning else "tipText")
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setContentsMargins(0, WHY_PAD, 0, 0)  # first line level with "Why?"
        if warning:
            bold(self.message)
        grid.addWidget(self.message, 0, 1)
        self.why = WhyButton()
        self.why.toggled.connect(self._on_why_toggled)
        grid.addWidget(self.why, 0, 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)

    def set_icon(self, pixmap: QPixmap, width: int) -> None:
        """The warning icon, painted by the panel for the current style and screen."""
        self.icon.setPixmap(pixmap)
        self.icon.setMinimumWidth(width)

    def show_row(self, *, has_source: bool) -> None:
        """Show the item, closed, with its "Why?" when it has a source, before show_item
        changes its texts (the panel shows every row first: see AdvicePanel.show_advice)."""
        self.why.setChecked(False)
        self.why.setVisible(has_source)
        self.show()

    def show_item(self, text: str, source: str, research: ResearchNote | None) -> None:
        """Show another warning or tip; its "Why?" starts closed, as on a new item."""
        self.show_row(has_source=bool(source))
        self._source = source
        self._research = research
        self.message.setText(text)
        if self._warning:
            self.setAccessibleName(f"Warning: {text}")
        self.why.setAccessibleName(f"Why: {text}")

    def _on_why_toggled(self, checked: bool) -> None:
        if checked:
            self._fill_reveal()
        if self._reveal is not None:
            self._reveal.setVisible(checked)

    def _fill_reveal(self) -> None:
        """Build (once) and fill what "Why?" reveals: the sentence, then any research note."""
        if self._reveal is None:
            reveal = QWidget()
            reveal.setObjectName("whyDetails")
            column = QVBoxLayout(reveal)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            self._sentence = plain_label(name="sourceLabel")
            font = self._sentence.font()
            font.setItalic(True)
            self._sentence.setFont(font)
            self._sentence.setToolTip(
                "From the article \u201cHow to Run After Performing Deadlifts\u201d"
            )
            self._research_title = bold(plain_label(f"{RESEARCH_LABEL}:", "researchTitle"))
            self._research_note = plain_label(name="researchNote")
            self._research_note.setToolTip(
                "Published research, shown beside the article, never instead of it"
            )
            for label in (self._sentence, self._research_title, self._research_note):
                column.addWidget(label)
            self._grid.addWidget(reveal, 1, 1, 1, 2)
            self._reveal = reveal
        self._sentence.setText(f"\u201c{self._source}\u201d")
        research = self._research
        self._research_note.setText(
            f"{research.text} ({research.citation})" if research is not None else ""
        )
        self._research_title.setVisible(research is not None)
        self._research_note.setVisible(research is not None)
