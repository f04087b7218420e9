"""The Progress view: the weekly chart, the same numbers as a table, and the records.

The table's headers take two lines and the table keeps the width its columns need, so every
column (mean RPE last) shows without scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.advice import units
from desktop.advice.model import DistanceUnit, WeekTotals, WeightUnit
from desktop.ui.dialogs import QtPrompts
from desktop.ui.progress_chart import ProgressChart, mean_rpe_text, week_summary
from desktop.ui.prompts import Prompts

# (label, weeks); 0 weeks means all of the history.
RANGES: tuple[tuple[str, int], ...] = (
    ("Last 12 weeks", 12),
    ("Last 26 weeks", 26),
    ("Last 52 weeks", 52),
    ("All weeks", 0),
)
_WEEK_ROLE = 256  # Qt.ItemDataRole.UserRole, without building the Qt namespace
_COLUMNS = (
    "Week of",
    "Runs\ndone / planned",
    "Distance\ndone",
    "Distance\nplanned",
    "Longest\nrun",
    "Deadlifts\ndone / planned",
    "Deadlift\nvolume",
    "Mean\nRPE",
)
_RPE_TIP = "How hard the week's done sessions felt, on average (RPE 1-10)"


PNG_NAME = "liftrun-progress.png"


class ProgressView(QWidget):
    """Shows weekly totals as a chart and a table; asks for another range or a week."""

    range_changed = Signal(int)  # weeks to show; 0 = all
    week_chosen = Signal(object)  # the Monday (date) of the week clicked in chart or table

    def __init__(self, parent: QWidget | None = None, *, prompts: Prompts | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self._prompts: Prompts = prompts if prompts is not None else QtPrompts(self)
        self._weeks: tuple[WeekTotals, ...] = ()
        self._mean_rpe: dict[date, float] = {}
        self._distance_unit = DistanceUnit.KM
        self._weight_unit = WeightUnit.KG
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.rangeCombo = QComboBox()
        self.rangeCombo.setObjectName("progressRange")
        self.rangeCombo.setAccessibleName("Weeks shown")
        for label, weeks in RANGES:
            self.rangeCombo.addItem(label, weeks)
        self.savePngButton = QPushButton("Save as &PNG...")
        self.savePngButton.setObjectName("savePngButton")
        self.recordsLabel = QLabel()
        self.recordsLabel.setObjectName("progressRecords")
        self.recordsLabel.setWordWrap(True)

        top = QHBoxLayout()
        range_label = QLabel("&Show:")
        range_label.setBuddy(self.rangeCombo)
        top.addWidget(range_label)
        top.addWidget(self.rangeCombo)
        top.addStretch(1)
        top.addWidget(self.savePngButton)

        self.chart = ProgressChart()
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName("progressTable")
        self.table.setAccessibleName("Weekly totals")
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Sized to the contents once per fill (`_fit_table`): resizing to contents on every
        # item set re-measured the whole column each time, for seconds over ten years.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rpe_header = self.table.horizontalHeaderItem(len(_COLUMNS) - 1)
        if rpe_header is not None:
            rpe_header.setToolTip(_RPE_TIP)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        # The chart takes the room beyond what the table's columns need.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.recordsLabel)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.rangeCombo.currentIndexChanged.connect(self._on_range_changed)
        self.chart.week_clicked.connect(self.week_chosen)
        self.table.cellDoubleClicked.connect(self._on_row_activated)
        self.savePngButton.clicked.connect(self._on_save_png)

    # --- public API ------------------------------------------------------------------------

    def range_weeks(self) -> int:
        """The number of weeks asked for (0 = all)."""
        return int(self.rangeCombo.currentData())

    def set_weeks(
        self,
        weeks: Sequence[WeekTotals],
        distance_unit: DistanceUnit,
        weight_unit: WeightUnit,
        mean_rpe: Mapping[date, float] | None = None,
    ) -> None:
        """Show these weeks (oldest first) in the chart and the table, with each week's mean
        RPE (by its Monday; a week without one shows "—"). Without `mean_rpe` the RPE
        column is hidden: nothing was asked about effort."""
        self._weeks = tuple(weeks)
        self.table.setColumnHidden(len(_COLUMNS) - 1, mean_rpe is None)
        self._mean_rpe = dict(mean_rpe or {})
        self._distance_unit = distance_unit
        self._weight_unit = weight_unit
        self.chart.set_weeks(self._weeks, distance_unit, weight_unit, self._mean_rpe)
        self._fill_table()
        self._fit_table()

    def set_records(self, lines: Sequence[str]) -> None:
        """The records so far (longest run, heaviest deadlift set), one sentence each."""
        self.recordsLabel.setText("\n".join(lines) if lines else "No records yet.")

    def save_png(self, path: str | Path) -> bool:
        """Save the chart as a PNG; False if the file could not be written."""
        return self.chart.save_png(path)

    # --- internals -------------------------------------------------------------------------

    def _fill_table(self) -> None:
        distance = self._distance_unit
        weight = self._weight_unit
        self.table.setRowCount(len(self._weeks))
        # Newest first: the week a person looks for is usually the latest.
        for row, week in enumerate(reversed(self._weeks)):
            end = week.week_start + timedelta(days=6)
            cells = (
                f"{week.week_start:%d %b %Y}",
                f"{week.runs_done} / {week.runs}",
                units.format_distance(week.run_km_done, distance),
                units.format_distance(week.run_km, distance),
                units.format_distance(week.longest_run_km, distance),
                f"{week.lifts_done} / {week.lifts}",
                units.format_weight(week.lift_volume_kg, weight),
                mean_rpe_text(self._mean_rpe.get(week.week_start)),
            )
            summary = week_summary(week, distance, weight, self._mean_rpe.get(week.week_start))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(summary)
                if column == 0:
                    item.setData(_WEEK_ROLE, week.week_start.isoformat())
                    item.setToolTip(f"{summary}\n(to {end:%d %b})")
                self.table.setItem(row, column, item)

    def _fit_table(self) -> None:
        """Keep the width every column needs, so nothing scrolls sideways."""
        self.table.resizeColumnsToContents()
        frame = self.table.frameWidth() * 2
        scroll = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(self.table.horizontalHeader().length() + frame + scroll)

    def _on_range_changed(self, _index: int) -> None:
        self.range_changed.emit(self.range_weeks())

    def _on_row_activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.week_chosen.emit(date.fromisoformat(str(item.data(_WEEK_ROLE))))

    def _on_save_png(self) -> None:
        # An absolute suggestion: a bare name starts in the working folder ("/" from Finder).
        from desktop.user_folders import suggested_save_path

        chosen = self._prompts.choose_save_file(
            "Save chart as PNG", suggested_save_path(PNG_NAME, "pictures"), "PNG images (*.png)"
        )
        if chosen is None:
            return
        path = str(chosen)
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.save_png(path):
            self._prompts.show_error(
                "Chart not saved",
                f"The chart could not be saved to {path}. Choose a folder you can write to.",
            )
