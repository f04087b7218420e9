"""The chip painter: kinds told apart by shape, states by fill and marks, text elided."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from desktop.ui.accents import RUN_ACCENT, WARNING_ACCENT
from desktop.ui.session_chips import (
    DEADLIFT,
    RUN,
    ChipData,
    ChipPainter,
    ChipState,
    elided_text,
    in_time_order,
)
from desktop.ui.session_mime import SESSION_MIME_TYPE, session_id_of, session_mime

START = datetime(2026, 3, 4, 18, 0)
WIDTH, HEIGHT = 240, 24


def chip(kind: str = RUN, state: ChipState = ChipState.PLANNED, **fields: Any) -> ChipData:
    data = ChipData(
        session_id=1,
        kind=kind,
        start=START,
        duration_min=45,
        text="18:00 Intervals 3 km" if kind == RUN else "18:00 5x5 140 kg",
        state=state,
    )
    return dataclasses.replace(data, **fields)


def painter_for(palette: QPalette | None = None) -> ChipPainter:
    font = QFont()
    font.setPointSizeF(10)
    return ChipPainter(palette or QPalette(), font)


def paint(data: ChipData, scale: float = 1.0, palette: QPalette | None = None) -> QImage:
    image = QImage(int(WIDTH * scale), int(HEIGHT * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    ink = painter_for(palette)
    image.fill(ink.base)
    painter = QPainter(image)
    try:
        ink.paint_chip(painter, QRectF(0, 0, WIDTH, HEIGHT), data)
    finally:
        painter.end()
    return image


def count_near(image: QImage, colour: QColor, box: tuple[int, int, int, int], tol: int = 40) -> int:
    left, top, right, bottom = box
    found = 0
    for y in range(top, bottom):
        for x in range(left, right):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - colour.red()) <= tol
                and abs(c.green() - colour.green()) <= tol
                and abs(c.blue() - colour.blue()) <= tol
            ):
                found += 1
    return found


def glyph_box(image: QImage) -> tuple[int, int, int, int]:
    """The glyph's area at the chip's left (in device pixels)."""
    ratio = image.devicePixelRatio()
    return (int(3 * ratio), 0, int(18 * ratio), image.height())


def test_a_run_is_a_circle_and_a_deadlift_a_square(qtbot: QtBot) -> None:
    """Filled shapes: a square fills its corners, a circle leaves them empty."""
    del qtbot
    ink = painter_for()

    def corner_ink(kind: str) -> int:
        image = QImage(40, 40, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            ink.paint_glyph(painter, QRectF(0, 0, 40, 40), kind, ChipState.DONE)
        finally:
            painter.end()
        return count_near(image, QColor("white"), (2, 2, 8, 8), tol=10)

    assert corner_ink(DEADLIFT) == 0  # the square reaches its corner
    assert corner_ink(RUN) > 20  # the circle does not


def test_planned_is_an_outline_and_done_is_filled(qtbot: QtBot) -> None:
    del qtbot
    planned = paint(chip(RUN, ChipState.PLANNED), scale=2)
    done = paint(chip(RUN, ChipState.DONE), scale=2)
    box = glyph_box(planned)
    assert 0 < count_near(planned, RUN_ACCENT, box) < count_near(done, RUN_ACCENT, box)


def test_missed_is_crossed_out_and_different_carries_a_not_equal_mark(qtbot: QtBot) -> None:
    del qtbot
    planned = paint(chip(DEADLIFT, ChipState.PLANNED), scale=2)
    missed = paint(chip(DEADLIFT, ChipState.MISSED), scale=2)
    done = paint(chip(DEADLIFT, ChipState.DONE), scale=2)
    different = paint(chip(DEADLIFT, ChipState.DIFFERENT), scale=2)
    assert missed != planned  # the cross, the dashed frame and the struck text
    assert different != done  # the "≠"
    ink = painter_for()
    wide = elided_text(ink, chip(state=ChipState.DONE), 400)
    narrower = elided_text(ink, chip(state=ChipState.DIFFERENT), 400)
    assert wide == narrower == "18:00 Intervals 3 km"


def test_a_warning_is_an_amber_mark_on_the_chip(qtbot: QtBot) -> None:
    del qtbot
    plain = paint(chip(warning=False), scale=2)
    warned = paint(chip(warning=True), scale=2)
    everywhere = (0, 0, plain.width(), plain.height())
    assert count_near(plain, WARNING_ACCENT, everywhere, tol=20) == 0
    assert count_near(warned, WARNING_ACCENT, everywhere, tol=20) > 20


def test_text_elides_to_fit_and_the_tooltip_keeps_it_whole(qtbot: QtBot) -> None:
    del qtbot
    ink = painter_for()
    data = chip(
        text="18:45 Intervals 3 km with strides", tooltip="18:45 Intervals 3 km with strides"
    )
    short = elided_text(ink, data, 90)
    assert short.endswith("\u2026") and len(short) < len(data.text)
    assert elided_text(ink, data, 2000) == data.text
    assert data.text in data.full_tooltip() and "planned" in data.full_tooltip()
    assert "not as planned" in chip(state=ChipState.DIFFERENT).full_tooltip()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_text_is_painted_in_the_palette_text_colour_light_and_dark(
    qtbot: QtBot, scale: float
) -> None:
    del qtbot
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    image = paint(chip(DEADLIFT), scale=scale, palette=dark)
    text_area = (int(30 * scale), 0, image.width(), image.height())
    assert count_near(image, QColor("#eeeeee"), text_area, tol=30) > 10
    assert count_near(image, QColor("#1e1e1e"), text_area, tol=8) > 100


def test_chips_sort_by_time_then_id() -> None:
    later = chip(session_id=3, start=START.replace(hour=19))
    early_b = chip(session_id=2, start=START.replace(hour=7))
    early_a = chip(session_id=1, start=START.replace(hour=7))
    assert [c.session_id for c in in_time_order([later, early_b, early_a])] == [1, 2, 3]


def test_the_session_mime_carries_the_id_and_rejects_anything_else() -> None:
    assert session_id_of(session_mime(42)) == 42
    other = QMimeData()
    other.setText("42")
    assert session_id_of(other) is None
    bad = QMimeData()
    bad.setData(SESSION_MIME_TYPE, QByteArray(b"drop table"))
    assert session_id_of(bad) is None
    assert session_id_of(None) is None


def test_narrow_chips_keep_the_time_and_key_figure_and_blocks_drop_the_time_first() -> None:
    from desktop.ui.session_chips import block_variants, chip_variants

    assert chip_variants("18:00 5x5 140 kg") == ["18:00 5x5 140 kg", "18:00 140 kg"]
    assert chip_variants("18:45 Intervals 3 km") == [
        "18:45 Intervals 3 km",
        "18:45 Int 3 km",
        "18:45 3 km",
    ]
    assert chip_variants("18:00 Deadlift") == ["18:00 Deadlift"]
    assert block_variants("09:00 Long 16 km") == ["09:00 Long 16 km", "Long 16 km", "16 km"]
    assert block_variants("18:00 4x3 152.5 kg") == [
        "18:00 4x3 152.5 kg",
        "4x3 152.5 kg",
        "152.5 kg",
    ]


def test_a_chip_shows_the_longest_form_that_fits(qtbot: QtBot) -> None:
    del qtbot
    ink = painter_for()
    text = "18:45 Intervals 3 km"
    fits = {form: ink.metrics.horizontalAdvance(form) for form in ("18:45 Int 3 km", text)}
    assert ink.fit(text, fits[text]) == text
    assert ink.fit(text, fits[text] - 1) == "18:45 Int 3 km"
    assert ink.fit(text, fits["18:45 Int 3 km"] - 1) == "18:45 3 km"
    assert ink.fit(text, fits["18:45 Int 3 km"] - 1, block=True) == "Intervals 3 km"
