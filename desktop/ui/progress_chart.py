"""The Progress view's chart: weekly run distance (planned against done), deadlift volume
and each week's longest run, painted with QPainter in the palette's colours.

Each panel has a y axis of a few round ticks (1, 2, 2.5 or 5 x 10^n apart) with its unit on
the top one; under both, the weeks' Mondays label the x axis, thinned out so that labels
never touch as the range grows. Hovering a week shows its planned and done figures and,
when given, its mean RPE.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.advice import units
from desktop.advice.model import DistanceUnit, WeekTotals, WeightUnit

_MARGIN = 8
_AXIS_GAP = 6
_MIN_BAR_PX = 1.0
_MIN_LINE_CONTRAST = 3.0  # WCAG contrast ratio for graphics against the background
_TICKS_WANTED = 5  # about this many ticks on a y axis, zero included
_TICK_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
_LABEL_GAP_CHARS = 2  # at least this many average characters between x-axis labels
_DAY_LABEL_WEEKS = 60  # up to this many weeks an x label is a day ("05 Oct"), then a month


@dataclass(frozen=True)
class _Layout:
    """Where the two panels and the bars sit for the current size and data."""

    distance: QRectF
    volume: QRectF
    slot: float  # horizontal room per week
    top_km: float
    top_volume_kg: float
    km_ticks: tuple[float, ...]
    volume_ticks: tuple[float, ...]


def mean_rpe_text(mean_rpe: float | None) -> str:
    """A week's mean RPE as shown ("6.5"), "—" when no done session recorded one."""
    return "\u2014" if mean_rpe is None else f"{mean_rpe:.1f}"


def week_summary(
    week: WeekTotals,
    distance_unit: DistanceUnit,
    weight_unit: WeightUnit,
    mean_rpe: float | None = None,
) -> str:
    """The numbers of one week, as the tooltip and the table's screen-reader text say them."""
    ending = week.week_start.toordinal() + 6
    last = date.fromordinal(ending)
    effort = "" if mean_rpe is None else f"\nMean RPE: {mean_rpe_text(mean_rpe)}"
    return (
        f"Week of {week.week_start:%a %d %b %Y} to {last:%a %d %b}\n"
        f"Runs: {week.runs_done} of {week.runs} done, "
        f"{units.format_distance(week.run_km_done, distance_unit)} of "
        f"{units.format_distance(week.run_km, distance_unit)} planned\n"
        f"Longest run: {units.format_distance(week.longest_run_km, distance_unit)}\n"
        f"Deadlifts: {week.lifts_done} of {week.lifts} done, volume "
        f"{units.format_weight(week.lift_volume_kg, weight_unit)}"
        f"{effort}"
    )


def axis_ticks(value: float, wanted: int = _TICKS_WANTED) -> tuple[float, ...]:
    """Round ticks from 0 to at or above `value`, about `wanted` of them, a 1, 2, 2.5 or 5 x
    10^n apart: 0, 10, 20, 30, 40 for 37; 0, 2,500, 5,000, 7,500, 10,000 for 9,500."""
    if value <= 0:
        return (0.0, 1.0)
    rough = value / max(1, wanted - 1)
    exponent = math.floor(math.log10(rough))
    step = next(s * 10.0**exponent for s in _TICK_STEPS if s * 10.0**exponent >= rough - 1e-12)
    count = math.ceil(value / step - 1e-9)
    return tuple(round(i * step, 10) for i in range(count + 1))


def _axis_label(value: float) -> str:
    """An axis tick as people write it: "50", "2.5", "10,000"."""
    return f"{value:,g}"


def week_label_step(label_width: float, slot: float, gap: float) -> int:
    """Label every n-th week so that labels `label_width` wide, `gap` apart, fit `slot`s."""
    if slot <= 0:
        return 1
    return max(1, math.ceil((label_width + gap) / slot))


def week_label(week_start: date, weeks_shown: int) -> str:
    """An x-axis label: the Monday ("05 Oct") or, over long ranges, its month ("Oct 2026")."""
    return f"{week_start:%d %b}" if weeks_shown <= _DAY_LABEL_WEEKS else f"{week_start:%b %Y}"


def _tick_labels(ticks: Sequence[float], unit: str) -> list[str]:
    """Tick labels bottom to top, the top one with the axis's unit ("40 km")."""
    labels = [_axis_label(tick) for tick in ticks]
    labels[-1] = f"{labels[-1]} {unit}"
    return labels


def _line_colour(palette: QPalette) -> QColor:
    """The palette's link colour for the longest-run line, or its text colour when the link
    colour would hardly show on the chart's background (a dark theme keeping a dark link)."""
    link = palette.color(QPalette.ColorRole.Link)
    lighter, darker = sorted(
        (_luminance(link), _luminance(palette.color(QPalette.ColorRole.Base))), reverse=True
    )
    if (lighter + 0.05) / (darker + 0.05) < _MIN_LINE_CONTRAST:
        return palette.color(QPalette.ColorRole.Text)
    return link


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance (0 black .. 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


class ProgressChart(QWidget):
    """Weekly bars over a range of weeks; hover shows a week's numbers, a click picks it."""

    week_clicked = Signal(object)  # the week's Monday (date)
    week_hovered = Signal(int)  # index into the weeks shown, -1 when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Weekly run distance and deadlift volume chart")
        self._weeks: tuple[WeekTotals, ...] = ()
        self._mean_rpe: dict[date, float] = {}
        self._distance_unit = DistanceUnit.KM
        self._weight_unit = WeightUnit.KG
        self._hovered = -1

    # --- public API ------------------------------------------------------------------------

    def set_weeks(
        self,
        weeks: Sequence[WeekTotals],
        distance_unit: DistanceUnit,
        weight_unit: WeightUnit,
        mean_rpe: Mapping[date, float] | None = None,
    ) -> None:
        """Show these weeks (oldest first) in the given units, with each week's mean RPE
        (by its Monday) where known."""
        self._weeks = tuple(weeks)
        self._mean_rpe = dict(mean_rpe or {})
        self._distance_unit = distance_unit
        self._weight_unit = weight_unit
        self._hovered = -1
        self.update()

    def weeks(self) -> tuple[WeekTotals, ...]:
        """The weeks shown, oldest first."""
        return self._weeks

    def week_text(self, index: int) -> str:
        """What hovering a week shows: its planned and done figures and its mean RPE."""
        week = self._weeks[index]
        rpe = self._mean_rpe.get(week.week_start)
        return week_summary(week, self._distance_unit, self._weight_unit, rpe)

    def x_axis_labels(self) -> list[tuple[int, str]]:
        """The weeks labelled under the chart, as (index, text), at the current width."""
        if not self._weeks:
            return []
        return self._x_labels(self._layout())

    def _x_labels(self, layout: _Layout) -> list[tuple[int, str]]:
        metrics = QFontMetrics(self.font())
        count = len(self._weeks)
        widest = max(
            metrics.horizontalAdvance(week_label(w.week_start, count)) for w in self._weeks[:3]
        )
        step = week_label_step(widest, layout.slot, metrics.averageCharWidth() * _LABEL_GAP_CHARS)
        # Counted from the newest week, so the latest Monday is always labelled.
        return [
            (index, week_label(self._weeks[index].week_start, count))
            for index in range(count - 1, -1, -step)
        ][::-1]

    def y_axis_labels(self) -> tuple[list[str], list[str]]:
        """The tick labels of the distance and the volume axes, bottom to top (unit on top)."""
        layout = self._layout()
        distance = units.distance_label(self._distance_unit)
        return (
            _tick_labels(layout.km_ticks, distance),
            _tick_labels(layout.volume_ticks, self._weight_unit.value),
        )

    def hovered_week(self) -> int:
        """Index of the week under the mouse, or -1."""
        return self._hovered

    def week_at(self, point: QPoint | QPointF) -> int:
        """Index of the week whose column holds `point`, or -1."""
        if not self._weeks:
            return -1
        layout = self._layout()
        x = point.x() - layout.distance.left()
        top, bottom = layout.distance.top(), layout.volume.bottom()
        if x < 0 or not top <= point.y() <= bottom:
            return -1
        index = int(x // layout.slot)
        return index if index < len(self._weeks) else -1

    def week_center(self, index: int) -> QPoint:
        """The middle of a week's column (for tests and keyboard focus)."""
        layout = self._layout()
        x = layout.distance.left() + (index + 0.5) * layout.slot
        return QPoint(int(x), int(layout.distance.center().y()))

    def save_png(self, path: str | Path) -> bool:
        """Save the chart as it is shown (at the screen's scale) to a PNG file."""
        return bool(self.grab().save(str(path), "PNG"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for a readable quarter of weekly bars."""
        return QSize(640, 360)

    # --- events ----------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Track the week under the mouse and show its numbers."""
        index = self.week_at(event.position())
        if index != self._hovered:
            self._hovered = index
            self.week_hovered.emit(index)
            self.update()
        if index >= 0:
            text = self.week_text(index)
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        """No week is hovered once the mouse leaves."""
        if self._hovered != -1:
            self._hovered = -1
            self.week_hovered.emit(-1)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """A left click on a week picks it."""
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.week_at(event.position())
            if index >= 0:
                self.week_clicked.emit(self._weeks[index].week_start)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Both panels, their axes and the legend."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._weeks:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "No sessions in these weeks yet."
            )
            painter.end()
            return
        layout = self._layout()
        self._paint_distance(painter, layout, palette)
        self._paint_volume(painter, layout, palette)
        self._paint_weeks_axis(painter, layout, palette)
        self._paint_hover(painter, layout, palette)
        painter.end()

    # --- painting --------------------------------------------------------------------------

    def _layout(self) -> _Layout:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        top_km = max(max(w.run_km, w.run_km_done, w.longest_run_km) for w in self._weeks)
        top_volume_kg = max(w.lift_volume_kg for w in self._weeks)
        km_ticks = axis_ticks(units.distance_from_km(top_km, self._distance_unit))
        volume_ticks = axis_ticks(units.weight_from_kg(top_volume_kg, self._weight_unit))
        # The axis labels get the room the widest of them needs ("10,000 kg" is no "0000").
        labels = [
            *_tick_labels(km_ticks, units.distance_label(self._distance_unit)),
            *_tick_labels(volume_ticks, self._weight_unit.value),
        ]
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        left = _MARGIN + max(widest, metrics.horizontalAdvance("888")) + _AXIS_GAP
        right = self.width() - _MARGIN
        usable = max(1.0, right - left)
        top = _MARGIN + line + _AXIS_GAP  # the first panel's title and legend
        bottom = self.height() - _MARGIN - line - _AXIS_GAP  # the weeks' labels below
        panel_gap = line + 2 * _AXIS_GAP  # the second panel's title
        height = max(20.0, (bottom - top - panel_gap) / 2)
        distance = QRectF(left, top, usable, height * 1.2)
        volume = QRectF(left, distance.bottom() + panel_gap, usable, height * 0.8)
        return _Layout(
            distance=distance,
            volume=volume,
            slot=usable / len(self._weeks),
            top_km=km_ticks[-1],
            top_volume_kg=volume_ticks[-1],
            km_ticks=km_ticks,
            volume_ticks=volume_ticks,
        )

    def _bar_width(self, slot: float) -> float:
        return max(_MIN_BAR_PX, slot * 0.7)

    def _paint_axis(
        self,
        painter: QPainter,
        rect: QRectF,
        ticks: Sequence[float],
        unit: str,
        title: str,
        palette: QPalette,
    ) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        grid = palette.color(QPalette.ColorRole.Mid)
        top = ticks[-1]
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for tick in ticks[1:]:
            y = rect.bottom() - rect.height() * tick / top
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(QPen(grid, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.setPen(text)
        metrics = QFontMetrics(self.font())
        label_width = rect.left() - _MARGIN - _AXIS_GAP
        right_middle = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for tick, label in zip(ticks, _tick_labels(ticks, unit), strict=True):
            y = rect.bottom() - rect.height() * tick / top
            label_rect = QRectF(_MARGIN, y - metrics.height() / 2, label_width, metrics.height())
            painter.drawText(label_rect, right_middle, label)
        title_rect = QRectF(
            rect.left(), rect.top() - metrics.height() - _AXIS_GAP, rect.width(), metrics.height()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )

    def _paint_weeks_axis(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        """The Mondays under the volume panel, thinned so that they never touch."""
        metrics = QFontMetrics(self.font())
        y = layout.volume.bottom() + _AXIS_GAP / 2
        grid = palette.color(QPalette.ColorRole.Mid)
        for index, label in self._x_labels(layout):
            centre = layout.volume.left() + (index + 0.5) * layout.slot
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(centre, layout.volume.bottom()), QPointF(centre, y))
            width = metrics.horizontalAdvance(label) + 2
            left = min(max(centre - width / 2, 0.0), self.width() - width)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                QRectF(left, y, width, metrics.height()), Qt.AlignmentFlag.AlignCenter, label
            )

    def _paint_distance(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        rect = layout.distance
        unit = self._distance_unit
        label = units.distance_label(unit)
        self._paint_axis(painter, rect, layout.km_ticks, label, f"Run distance ({label})", palette)
        self._paint_legend(painter, rect, palette)
        width = self._bar_width(layout.slot)
        # Unit conversion is linear: scale once instead of converting every bar.
        scale = units.distance_from_km(1.0, unit) * rect.height() / layout.top_km
        bottom = rect.bottom()
        done_bars: list[QRectF] = []
        planned_bars: list[QRectF] = []
        points: list[QPointF] = []
        for index, week in enumerate(self._weeks):
            x = rect.left() + index * layout.slot + (layout.slot - width) / 2
            done = week.run_km_done * scale
            planned = week.run_km * scale
            if done > 0:
                done_bars.append(QRectF(x, bottom - done, width, done))
            if planned > 0:
                planned_bars.append(QRectF(x, bottom - planned, width, planned))
            points.append(QPointF(x + width / 2, bottom - week.longest_run_km * scale))
        # Batched: one call per kind of mark keeps ten years of bars within a frame.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRects(done_bars)
        # Planned is an outline only, so planned and done differ by shape, not colour.
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects(planned_bars)
        link = _line_colour(palette)
        # Antialiasing a long polyline is slow; it only shows when weeks are wide apart.
        smooth = layout.slot >= 4
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        painter.setPen(QPen(link, 2))
        painter.drawPolyline(QPolygonF(points))
        if layout.slot >= 6:
            painter.setBrush(link)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_legend(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        metrics = QFontMetrics(self.font())
        box = metrics.height() * 0.7
        y = rect.top() - metrics.height() - _AXIS_GAP
        x = rect.right()
        entries = (("Longest run", "line"), ("Done", "fill"), ("Planned", "outline"))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for text, style in entries:
            x -= metrics.horizontalAdvance(text)
            painter.drawText(
                QRectF(x, y, metrics.horizontalAdvance(text) + 1, metrics.height()),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x -= box + 4
            mark = QRectF(x, y + (metrics.height() - box) / 2, box, box)
            if style == "fill":
                painter.fillRect(mark, palette.color(QPalette.ColorRole.Highlight))
            elif style == "outline":
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(mark)
            else:
                painter.setPen(QPen(_line_colour(palette), 2))
                painter.drawLine(
                    QPointF(mark.left(), mark.center().y()),
                    QPointF(mark.right(), mark.center().y()),
                )
                painter.setPen(palette.color(QPalette.ColorRole.Text))
            x -= 12

    def _paint_volume(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        rect = layout.volume
        label = self._weight_unit.value
        self._paint_axis(
            painter,
            rect,
            layout.volume_ticks,
            label,
            f"Deadlift volume (sets x reps x {label})",
            palette,
        )
        width = self._bar_width(layout.slot)
        scale = units.weight_from_kg(1.0, self._weight_unit) * rect.height() / layout.top_volume_kg
        bars = [
            QRectF(
                rect.left() + index * layout.slot + (layout.slot - width) / 2,
                rect.bottom() - week.lift_volume_kg * scale,
                width,
                week.lift_volume_kg * scale,
            )
            for index, week in enumerate(self._weeks)
            if week.lift_volume_kg > 0
        ]
        # Its own panel and title tell volume from distance; a solid fill keeps it fast (a
        # pattern brush costs ~20 ms over ten years of bars).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRects(bars)

    def _paint_hover(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        if not 0 <= self._hovered < len(self._weeks):
            return
        x = layout.distance.left() + self._hovered * layout.slot
        column = QRectF(
            x, layout.distance.top(), layout.slot, layout.volume.bottom() - layout.distance.top()
        )
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        colour.setAlpha(50)
        painter.fillRect(column, colour)
