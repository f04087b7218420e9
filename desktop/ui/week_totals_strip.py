"""A one-line strip under the calendar: the selected day's week, planned against done."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QLabel, QWidget

from desktop.advice import units
from desktop.advice.model import DistanceUnit, WeekTotals, WeightUnit


def week_totals_text(totals: WeekTotals, distance: DistanceUnit, weight: WeightUnit) -> str:
    """ "Week of Mon 2 Nov: runs 1 of 2 done, 5.0 of 13.0 km · deadlifts 1 of 1 done, 2,000 kg"."""
    done_km = units.format_distance(totals.run_km_done, distance)
    planned_km = units.format_distance(totals.run_km, distance)
    return (
        f"Week of {totals.week_start:%a %d %b}: "
        f"runs {totals.runs_done} of {totals.runs} done, {done_km} of {planned_km} \u00b7 "
        f"deadlifts {totals.lifts_done} of {totals.lifts} done, "
        f"volume {units.format_weight(totals.lift_volume_kg, weight)}"
    )


class WeekTotalsStrip(QLabel):
    """Shows one week's totals as text a screen reader reads as it is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekTotals")
        self.setWordWrap(True)
        self.setAccessibleName("The selected week's totals")

    def show_totals(self, totals: WeekTotals, distance: DistanceUnit, weight: WeightUnit) -> None:
        """Show this week's numbers in these units."""
        text = week_totals_text(totals, distance, weight)
        sunday = totals.week_start + timedelta(days=6)
        self.setText(text)
        self.setToolTip(
            f"{totals.week_start:%A %d %b} to {sunday:%A %d %b %Y}. Distance done counts "
            "the actual distance where recorded; volume is sets \u00d7 reps \u00d7 load of the "
            "deadlifts done."
        )
        self.setAccessibleDescription(text)
