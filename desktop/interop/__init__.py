"""Import and export: Liftrun CSV, Strong, Hevy, GPX and FIT in; CSV and iCalendar out.

No Qt here; the window shows a preview (`describe`) and adds `plan_import(...).to_add`
as one undoable edit through the planner.
"""

from desktop.interop.ics import calendar_id, event_uid, export_ics, local_zone
from desktop.interop.liftrun_csv import export_csv
from desktop.interop.preview import ImportPlan, ImportPreview, describe, plan_import
from desktop.interop.reader import asks_weight_unit, read_file
from desktop.interop.result import (
    FORMAT_NAMES,
    ImportResult,
    Problem,
    Progress,
    ReadCancelledError,
    Skip,
    UnreadableFileError,
)
from desktop.interop.workouts import is_deadlift, is_run

__all__ = [
    "FORMAT_NAMES",
    "ImportPlan",
    "ImportPreview",
    "ImportResult",
    "Problem",
    "Progress",
    "ReadCancelledError",
    "Skip",
    "UnreadableFileError",
    "asks_weight_unit",
    "calendar_id",
    "describe",
    "event_uid",
    "export_csv",
    "export_ics",
    "is_deadlift",
    "is_run",
    "local_zone",
    "plan_import",
    "read_file",
]
