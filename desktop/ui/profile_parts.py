"""Pieces of the profile dialog: the health notice and the help lines under its limits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from desktop.advice import HEALTH_NOTICE, units
from desktop.advice.model import WATER_FLOOR_OZ, WINDOW_MAX_MIN, WINDOW_MIN_MIN, VolumeUnit

WINDOW_HELP = (
    f"{WINDOW_MIN_MIN}-{WINDOW_MAX_MIN} min: from the bar to a run takes minutes, and "
    f"{WINDOW_MAX_MIN // 60} hours after a lift a run is a second session."
)


def water_help(unit: VolumeUnit) -> str:
    """Why the water target has a floor, in the unit shown."""
    floor = units.format_volume(WATER_FLOOR_OZ, unit, grouped=True)
    return f"At least {floor}, the article's floor; a higher target is fine."


def health_notice_frame(parent: QWidget) -> tuple[QFrame, QLabel]:
    """The article's health notice, bold beside an information icon; (frame, its label)."""
    notice = QFrame()
    notice.setObjectName("healthNoticeFrame")
    notice.setFrameShape(QFrame.Shape.StyledPanel)
    notice_row = QHBoxLayout(notice)
    icon = QLabel()
    style = parent.style()
    side = style.pixelMetric(QStyle.PixelMetric.PM_ToolBarIconSize, None, parent)
    pixmap = style.standardIcon(
        QStyle.StandardPixmap.SP_MessageBoxInformation, None, parent
    ).pixmap(side, side)
    icon.setPixmap(pixmap)
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    icon.setAccessibleName("Health notice")
    text = QLabel(HEALTH_NOTICE)
    text.setObjectName("healthNotice")
    text.setWordWrap(True)
    font = text.font()
    font.setBold(True)
    text.setFont(font)
    notice_row.addWidget(icon)
    notice_row.addWidget(text, 1)
    return notice, text


def help_label(text: str, name: str) -> QLabel:
    """A small line under a field saying why its limits are what they are."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
