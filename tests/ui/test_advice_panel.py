"""AdvicePanel: context, caps in the user's units, warnings before tips, Why?, suggestion."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.advice import (
    Advice,
    Context,
    DistanceUnit,
    Kind,
    Profile,
    Session,
    Workout,
    advise_day,
    advise_lift,
    advise_run,
)
from desktop.resources import read_stylesheet
from desktop.ui.advice_panel import EMPTY_TEXT, RESEARCH_LABEL, AdvicePanel

KM = Profile(max_distance_km=10.0, max_speed_kmh=15.0)
MILES = Profile(max_distance_km=10.0, max_speed_kmh=15.0, distance_unit=DistanceUnit.MI)
LIFT = Session(
    kind=Kind.DEADLIFT, start=datetime(2024, 6, 3, 17, 0), duration_min=60, spotter=False
)
# Starts 45 minutes after the lift ends; too long and too fast for a post-lift run.
RUN = Session(
    kind=Kind.RUN,
    start=datetime(2024, 6, 3, 18, 45),
    duration_min=60,
    workout=Workout.LONG,
    distance_km=12.0,
    speed_kmh=14.5,
)
SESSIONS = [LIFT, RUN]


@pytest.fixture
def panel(qtbot: QtBot) -> AdvicePanel:
    widget = AdvicePanel()
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.set_profile(KM)
    return widget


def apply_button(panel: AdvicePanel) -> QPushButton:
    button = panel.findChild(QPushButton, "applySuggestionButton")
    assert button is not None
    return button


def visible_texts(panel: AdvicePanel) -> list[str]:
    return [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]


def test_run_advice_header_caps_warnings_then_suggestion_then_tips(panel: AdvicePanel) -> None:
    advice = advise_run(RUN, SESSIONS, KM)
    assert advice.warnings and advice.tips and advice.suggestion is not None
    panel.show_advice(advice, RUN)
    text = panel.plain_text()
    assert panel.objectName() == "advicePanel"
    assert "45 min after your deadlift" in text
    assert "at most 5.0 km, at most 13.5 km/h = 4:27 /km" in text  # the long-run threshold
    positions = [text.index(w.message) for w in advice.warnings]
    suggestion_at = text.index(advice.suggestion.text)
    tip_positions = [text.rindex(t.text) for t in advice.tips]
    assert text.index("45 min after") < min(positions)
    assert max(positions) < suggestion_at < min(tip_positions)
    # What plain_text reports is what the visible labels say.
    labels = visible_texts(panel)
    for warning in advice.warnings:
        assert warning.message in labels
    for tip in advice.tips:
        assert tip.text in labels
    # Sources stay hidden until asked for.
    for warning in advice.warnings:
        assert f"\u201c{warning.source}\u201d" not in labels


def test_caps_follow_the_profile_units(panel: AdvicePanel) -> None:
    advice = advise_run(RUN, SESSIONS, MILES)
    panel.set_profile(MILES)
    panel.show_advice(advice, RUN)
    assert "at most 3.1 mi, at most 8.3 mph = 7:14 /mi" in panel.plain_text()


def test_warnings_are_marked_by_icon_and_frame_not_colour_alone(panel: AdvicePanel) -> None:
    advice = advise_run(RUN, SESSIONS, KM)
    panel.show_advice(advice, RUN)
    frames = [f for f in panel.findChildren(QFrame, "adviceWarning") if f.isVisibleTo(panel)]
    assert len(frames) == len(advice.warnings)
    for frame in frames:
        assert frame.frameShape() == QFrame.Shape.Box
        icon = frame.findChild(QLabel, "warningIcon")
        assert icon is not None and not icon.pixmap().isNull()
    assert "Warning:" in panel.plain_text()
    # Colours come from the palette only: no widget has a sheet but resources/style.qss.
    assert {w.styleSheet() for w in panel.findChildren(QWidget)} <= {"", read_stylesheet()}


def test_why_reveals_the_article_sentence_in_italics(panel: AdvicePanel, qtbot: QtBot) -> None:
    advice = advise_run(RUN, SESSIONS, KM)
    panel.show_advice(advice, RUN)
    first = advice.warnings[0]
    frame = next(
        f
        for f in panel.findChildren(QFrame, "adviceWarning")
        if f.isVisibleTo(panel) and first.message in [lbl.text() for lbl in f.findChildren(QLabel)]
    )
    why = frame.findChild(QToolButton, "whyButton")
    assert why is not None
    assert why.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert first.source not in panel.plain_text()
    qtbot.keyClick(why, Qt.Key.Key_Space)  # keyboard, not only the mouse
    assert why.isChecked()
    source = frame.findChild(QLabel, "sourceLabel")
    assert source is not None and source.isVisibleTo(panel)
    assert source.font().italic()
    assert first.source in source.text()
    assert first.source in panel.plain_text()
    why.click()
    assert not source.isVisibleTo(panel)


def test_every_tip_has_a_why(panel: AdvicePanel) -> None:
    advice = advise_run(RUN, SESSIONS, KM)
    panel.show_advice(advice, RUN)
    tips = [f for f in panel.findChildren(QFrame, "adviceTip") if f.isVisibleTo(panel)]
    assert len(tips) == len(advice.tips)
    for frame, tip in zip(tips, advice.tips, strict=True):
        why = frame.findChild(QToolButton, "whyButton")
        assert why is not None
        why.click()
        assert tip.source in panel.plain_text()


def test_apply_suggestion_emits_it(panel: AdvicePanel, qtbot: QtBot) -> None:
    advice = advise_run(RUN, SESSIONS, KM)
    panel.show_advice(advice, RUN)
    button = apply_button(panel)
    assert button.isEnabled()
    with qtbot.waitSignal(panel.suggestion_applied) as blocker:
        button.click()
    assert blocker.args == [advice.suggestion]


def test_no_suggestion_means_nothing_to_apply(panel: AdvicePanel) -> None:
    advice = Advice(
        context=Context.NONE,
        max_distance_km=None,
        max_speed_kmh=None,
        warnings=(),
        tips=(),
        suggestion=None,
    )
    panel.show_advice(advice, RUN)
    assert not apply_button(panel).isEnabled()
    assert "at most" not in panel.plain_text()


def test_deadlift_shows_spotter_rule_and_what_to_run_after(panel: AdvicePanel) -> None:
    advice = advise_lift(LIFT, SESSIONS, KM)
    panel.show_advice(advice, LIFT)
    text = panel.plain_text()
    assert "Never lift without a spotter." in text
    assert "No spotter recorded for this lift." in text
    assert advice.suggestion is not None
    assert advice.suggestion.text in text
    assert not apply_button(panel).isEnabled()  # a deadlift form cannot take a run's numbers
    assert not apply_button(panel).isVisibleTo(panel)  # so no grey button either


def test_day_advice_shows_water_and_every_warning(panel: AdvicePanel) -> None:
    advice = advise_day(date(2024, 6, 3), SESSIONS, KM, water_oz=20.0)
    panel.show_advice(advice, None)
    text = panel.plain_text()
    assert "This day" in text
    for warning in advice.warnings:
        assert warning.message in text
    # The water warning says it, with thousands separators; no second water line.
    assert "You have drunk 591 ml today; the target is 1,893 ml." in text
    assert "Water:" not in text
    assert "1893" not in text
    # The article's 64 oz appears once, in the water tip.
    assert text.count("64 oz") == 1


def test_day_water_line_when_no_warning(panel: AdvicePanel) -> None:
    panel.show_advice(advise_day(date(2024, 6, 3), SESSIONS, KM, water_oz=80.0), None)
    assert "Water: 2,366 ml of 1,893 ml, target reached." in panel.plain_text()
    panel.show_advice(advise_day(date(2024, 6, 3), SESSIONS, KM), None)
    assert "Water: nothing logged yet; the target is 1,893 ml." in panel.plain_text()


def test_day_header_names_the_run_that_fits_the_day(panel: AdvicePanel) -> None:
    # An evening lift (17:00-18:00): the run that fits is right after it, not "first".
    panel.show_advice(advise_day(date(2024, 6, 3), SESSIONS, KM), None)
    text = panel.plain_text()
    assert "First run" not in text
    assert "A run that fits this day: right after your deadlift" in text
    assert "between 18:00 and 19:00" in text
    panel.show_advice(advise_day(date(2024, 6, 4), SESSIONS, KM), None)
    assert "A run that fits this day: hills, as it is the day after a deadlift." in (
        panel.plain_text()
    )
    panel.show_advice(advise_day(date(2024, 6, 10), SESSIONS, KM), None)
    assert "A run that fits this day: any run, a long one included" in panel.plain_text()
    assert not apply_button(panel).isVisibleTo(panel)  # no run in the form to fill


def test_why_sits_on_the_text_line_not_below_it(panel: AdvicePanel, qtbot: QtBot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_advice(advise_run(RUN, SESSIONS, KM), RUN)
    items = [
        f
        for name in ("adviceWarning", "adviceTip")
        for f in panel.findChildren(QFrame, name)
        if f.isVisibleTo(panel)
    ]
    assert items
    for frame in items:
        why = frame.findChild(QToolButton, "whyButton")
        text = frame.findChild(QLabel, "warningText") or frame.findChild(QLabel, "tipText")
        assert why is not None and text is not None
        assert why.autoRaise()  # flat until hovered or focused
        assert why.geometry().left() > text.geometry().left()
        assert abs(why.geometry().top() - text.geometry().top()) <= 2
        assert why.height() <= why.fontMetrics().height() + 8


def test_clear_leaves_only_the_hint(panel: AdvicePanel) -> None:
    panel.show_advice(advise_run(RUN, SESSIONS, KM), RUN)
    panel.clear()
    assert panel.plain_text() == EMPTY_TEXT
    assert not apply_button(panel).isEnabled()


def test_a_new_advice_replaces_the_old_one(panel: AdvicePanel) -> None:
    panel.show_advice(advise_run(RUN, SESSIONS, KM), RUN)
    easy = Session(kind=Kind.RUN, start=datetime(2024, 6, 5, 7, 0), duration_min=30)
    advice = advise_run(easy, [easy], KM)
    panel.show_advice(advice, easy)
    assert "12.0 km" not in panel.plain_text()
    frames = [f for f in panel.findChildren(QFrame, "adviceWarning") if f.isVisibleTo(panel)]
    assert len(frames) == len(advice.warnings)


def test_a_focused_why_is_drawn_raised(panel: AdvicePanel, qtbot: QtBot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()  # focus needs the active window, whatever ran before
    qtbot.waitActive(panel)
    panel.show_advice(advise_run(RUN, SESSIONS, KM), RUN)
    first, second = panel.findChildren(QToolButton, "whyButton")[:2]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    assert not first.autoRaise() and second.autoRaise()
    second.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(second.hasFocus)
    assert first.autoRaise() and not second.autoRaise()


def test_why_shows_a_research_note_after_the_article_labelled_as_research(
    panel: AdvicePanel, qtbot: QtBot
) -> None:
    advice = advise_lift(LIFT, SESSIONS, KM)
    panel.show_advice(advice, LIFT)
    tip = next(t for t in advice.tips if t.code == "intervals")
    assert tip.research is not None
    frame = next(
        f
        for f in panel.findChildren(QFrame, "adviceTip")
        if tip.text in [lbl.text() for lbl in f.findChildren(QLabel)]
    )
    why = frame.findChild(QToolButton, "whyButton")
    assert why is not None
    assert "Research (not from the article)" not in panel.plain_text()
    qtbot.keyClick(why, Qt.Key.Key_Space)
    note = frame.findChild(QLabel, "researchNote")
    assert note is not None
    shown = panel.plain_text().splitlines()
    start = shown.index(f"\u201c{tip.source}\u201d")
    assert shown[start + 1] == "Research (not from the article):"
    assert "They measured long-term gains, not sprints right after deadlifts" in shown[start + 2]
    assert "Robineau et al. 2016" in note.text() and "Schumann et al. 2022" in note.text()


def test_a_tip_without_research_shows_only_the_article(panel: AdvicePanel, qtbot: QtBot) -> None:
    advice = advise_lift(LIFT, SESSIONS, KM)
    panel.show_advice(advice, LIFT)
    frame = next(
        f
        for f in panel.findChildren(QFrame, "adviceTip")
        if "Land on the ball" in " ".join(lbl.text() for lbl in f.findChildren(QLabel))
    )
    why = frame.findChild(QToolButton, "whyButton")
    assert why is not None
    why.click()
    text = panel.plain_text()
    assert "Land on the ball" in text
    assert RESEARCH_LABEL not in text
    note = frame.findChild(QLabel, "researchNote")
    assert note is None or not note.isVisibleTo(panel)


def test_a_reused_item_shows_the_new_research_or_none(panel: AdvicePanel, qtbot: QtBot) -> None:
    """Items are reused between advices: an open Why? closes, and its research is the new one."""
    advice = advise_lift(LIFT, SESSIONS, KM)
    panel.show_advice(advice, LIFT)
    with_research = [t for t in advice.tips if t.research is not None]
    assert with_research
    for why in panel.findChildren(QToolButton, "whyButton"):
        if why.isVisibleTo(panel):
            why.click()
    assert RESEARCH_LABEL in panel.plain_text()
    run_advice = advise_run(RUN, SESSIONS, KM)
    panel.show_advice(run_advice, RUN)
    text = panel.plain_text()
    buttons = panel.findChildren(QToolButton, "whyButton")
    assert not any(w.isChecked() for w in buttons if w.isVisibleTo(panel))
    assert RESEARCH_LABEL not in text
    for tip in advice.tips:
        if tip.source and tip not in run_advice.tips:
            assert tip.source not in text
    for why in panel.findChildren(QToolButton, "whyButton"):
        if why.isVisibleTo(panel):
            why.click()
    opened = panel.plain_text()
    sources = [w.source for w in run_advice.warnings] + [t.source for t in run_advice.tips]
    for source in sources:
        assert f"\u201c{source}\u201d" in opened
    researched = [w for w in run_advice.warnings if w.research] + [
        t for t in run_advice.tips if t.research
    ]
    assert opened.count(RESEARCH_LABEL) == len(researched)


def test_fewer_items_hide_the_rest_and_more_add_new_ones(panel: AdvicePanel) -> None:
    many = advise_run(RUN, SESSIONS, KM)
    panel.show_advice(many, RUN)
    easy = Session(kind=Kind.RUN, start=datetime(2024, 6, 5, 7, 0), duration_min=30)
    few = advise_run(easy, [easy], KM)
    assert len(few.warnings) < len(many.warnings)
    panel.show_advice(few, easy)
    shown = [f for f in panel.findChildren(QFrame, "adviceWarning") if f.isVisibleTo(panel)]
    assert len(shown) == len(few.warnings)
    for warning in many.warnings:
        if warning not in few.warnings:
            assert warning.message not in panel.plain_text()
    panel.show_advice(many, RUN)
    shown = [f for f in panel.findChildren(QFrame, "adviceWarning") if f.isVisibleTo(panel)]
    texts = [label.text() for f in shown for label in f.findChildren(QLabel, "warningText")]
    assert texts == [w.message for w in many.warnings]


def test_the_panel_styles_its_warning_frames_itself(panel: AdvicePanel) -> None:
    """The warning and suggestion frames' style sheet is their own, not the application's,
    and the rest of the panel (its scroll bar, the tips) keeps the platform's style."""
    assert "QFrame#adviceWarning" in panel.warningsBox.styleSheet()
    assert "QFrame#adviceSuggestion" in panel.suggestionFrame.styleSheet()
    assert not panel.styleSheet() and not panel.tipsBox.styleSheet()
    scroll = panel.findChild(QScrollArea, "adviceScroll")
    assert scroll is not None
    assert scroll.verticalScrollBar().style() is QApplication.style()


def test_the_mouse_over_the_panel_can_select_any_advice_text(
    panel: AdvicePanel, qtbot: QtBot
) -> None:
    """Advice shown while the mouse is elsewhere lays its texts out plainly; moving the mouse
    over the panel makes every text selectable again, at the same size."""
    from PySide6.QtTest import QTest

    panel.show()
    qtbot.waitExposed(panel)
    panel.show_advice(advise_run(RUN, SESSIONS, KM), RUN)
    texts = [
        label
        for label in panel.findChildren(QLabel)
        if label.isVisibleTo(panel) and label.text() and label.objectName() != "tipBullet"
    ]
    sizes = [label.sizeHint() for label in texts]

    QTest.mouseMove(panel, panel.rect().center())
    qtbot.waitUntil(lambda: panel.underMouse())

    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert all(label.textInteractionFlags() & selectable for label in texts)
    assert [label.sizeHint() for label in texts] == sizes
    tip = panel.findChildren(QLabel, "tipText")[0]
    QTest.mouseDClick(tip, Qt.MouseButton.LeftButton, pos=tip.rect().topLeft() + QPoint(8, 8))
    assert tip.hasSelectedText()

    # New advice while the mouse stays over the panel keeps its texts selectable.
    panel.show_advice(advise_lift(LIFT, SESSIONS, KM), LIFT)
    assert panel.contextLabel.textInteractionFlags() & selectable


def test_new_advice_is_laid_out_before_the_next_paint(panel: AdvicePanel, qtbot: QtBot) -> None:
    """Every text gets the height it needs at once: the first paint clips nothing."""
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_advice(advise_day(date(2024, 6, 3), SESSIONS, KM), None)
    qtbot.wait(1)  # settled: the day's advice is on screen
    panel.show_advice(advise_lift(LIFT, SESSIONS, KM), LIFT)  # no event loop round after it
    texts = [
        label
        for label in panel.findChildren(QLabel)
        if label.isVisibleTo(panel) and label.text() and label.wordWrap()
    ]
    assert texts
    for label in texts:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
