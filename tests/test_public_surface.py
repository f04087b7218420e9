"""The public surface of `Planner` and `Store` that the window, scripts and outside tests use.

Each public method keeps its name and signature (new ones may be added); a change here is a
change of contract, not a refactoring.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from desktop.planner import Planner
from desktop.store import Store

PLANNER_SURFACE = {
    "add_water": "(self, day: date, oz: float) -> float",
    "advise_day": "(self, day: date) -> Advice",
    "advise_draft": "(self, draft: Session) -> Advice",
    "all_sessions": "(self) -> list[Session]",
    "apply_session_change": "(self, change: SessionChange) -> None",
    "backup_folder": "(self) -> Path",
    "backup_list": "(self) -> list[BackupInfo]",
    "backup_now": "(self) -> Path",
    "backups": "(self) -> list[Path]",
    "change_sessions": (
        "(self, *, remove: Iterable[int] = (), add: Iterable[Session] = (), "
        "put: Iterable[Session] = ()) -> SessionChange"
    ),
    "check_backup": "(self, backup: Path) -> bool",
    "close": "(self) -> None",
    "day_log": "(self, day: date) -> DayLog",
    "day_rows": "(self, day: date) -> list[DayRow]",
    "db_path": "property",
    "default_lift": "(self, day: date) -> Session",
    "default_run": "(self, day: date) -> Session",
    "delete": "(self, session_id: int) -> None",
    "delete_template": "(self, name: str) -> None",
    "done_as_planned": "(self, session_id: int) -> Session | None",
    "drop_warnings": "(self, session_id: int, day: date, copy: bool) -> list[str]",
    "duplicate": "(self, session: Session) -> Session",
    "export_batch": "(self, first: date, last: date) -> ExportBatch",
    "get": "(self, session_id: int) -> Session | None",
    "has_profile": "(self) -> bool",
    "month_feed": "(self, first: date, last: date, now: datetime | None = None) -> MonthFeed",
    "month_marks": "(self, first: date, last: date) -> dict[date, DayMarks]",
    "move_warnings": "(self, session_id: int, start: datetime, copy: bool) -> list[str]",
    "moved_session": "(self, session: Session, start: datetime, copy: bool) -> Session",
    "new_backup_error": "(self) -> BackupError | None",
    "plan_defaults": "(self, day: date, *, weeks: int = 1, first_weekday: int = 0) -> PlanRequest",
    "plan_preview": "(self, request: PlanRequest) -> PlanPreview",
    "profile": "(self) -> Profile",
    "profile_adjustments": "(self) -> tuple[str, ...]",
    "progress_weeks": "(self, weeks: int, today: date, first_weekday: int = 0) -> list[WeekTotals]",
    "record_lines": "(self) -> list[str]",
    "repeat_weekly": (
        "(self, session_id: int, every_weeks: int, *, until: date | None = None, "
        "times: int | None = None) -> RepeatPlan"
    ),
    "resize_warnings": "(self, session_id: int, duration_min: int) -> list[str]",
    "restore": "(self, backup: Path) -> None",
    "save": "(self, session: Session) -> int",
    "save_day_log": "(self, log: DayLog) -> None",
    "save_profile": "(self, profile: Profile) -> None",
    "save_week_template": "(self, name: str, day: date, first_weekday: int = 0) -> int",
    "session_span": "(self) -> tuple[date, date] | None",
    "sessions_on": "(self, day: date) -> list[Session]",
    "store": "property",
    "stored_near": "(self, sessions: Iterable[Session]) -> list[Session]",
    "template_names": "(self) -> list[str]",
    "template_preview": (
        "(self, name: str, day: date, *, keep_existing: bool = True, "
        "first_weekday: int = 0) -> PlanPreview"
    ),
    "unreadable_sessions": "(self) -> list[UnreadableRow]",
    "week_feed": (
        "(self, any_day: date, now: datetime | None = None, first_weekday: int = 0) -> WeekFeed"
    ),
    "week_sessions": "(self, day: date, first_weekday: int = 0) -> list[Session]",
    "week_totals": "(self, day: date, first_weekday: int = 0) -> WeekTotals",
    "week_zones": (
        "(self, any_day: date, moved: Session | None = None, first_weekday: int = 0) -> list[Zone]"
    ),
}
STORE_SURFACE = {
    "add": "(self, session: Session) -> int",
    "add_many": "(self, sessions: Iterable[Session]) -> list[int]",
    "add_water": "(self, day: date, oz: float) -> float",
    "all_sessions": "(self) -> list[Session]",
    "apply_changes": (
        "(self, *, remove: Iterable[int] = (), put: Iterable[Session] = (), "
        "add: Iterable[Session] = ()) -> list[int]"
    ),
    "backup_folder": "property",
    "backup_now": "(self) -> Path",
    "backups": "(self) -> list[Path]",
    "close": "(self) -> None",
    "closed": "property",
    "daily_backup": "(self) -> Path | None",
    "day_log": "(self, day: date) -> DayLog",
    "day_logs_between": "(self, first: date, last: date) -> dict[date, DayLog]",
    "delete": "(self, session_id: int) -> None",
    "delete_template": "(self, name: str) -> None",
    "first_session_day": "(self) -> date | None",
    "get": "(self, session_id: int) -> Session | None",
    "keep_backups": "property",
    "new_backup_error": "(self) -> BackupError | None",
    "open": (
        "classmethod(path: str | os.PathLike[str], *, keep_backups: int = 7, "
        "busy_timeout_ms: int = 5000, daily_backup: bool = True) -> Store"
    ),
    "path": "property",
    "preference": "(self, key: str, default: str | None = None) -> str | None",
    "profile": "(self) -> Profile | None",
    "profile_adjustments": "(self) -> tuple[str, ...]",
    "records": "(self) -> ProgressRecords",
    "restore": "(self, backup_path: str | os.PathLike[str]) -> Path | None",
    "save_day_log": "(self, day_log: DayLog) -> None",
    "save_day_logs": "(self, day_logs: Iterable[DayLog]) -> None",
    "save_profile": "(self, profile: Profile) -> None",
    "save_template": "(self, name: str, sessions: Sequence[Session]) -> None",
    "sessions_between": "(self, first: date, last: date) -> list[Session]",
    "sessions_on": "(self, day: date) -> list[Session]",
    "set_preference": "(self, key: str, value: str | None) -> None",
    "set_water": "(self, day: date, oz: float) -> None",
    "start_daily_backup": (
        "(self, on_done: Callable[[BackupError | None], None] | None = None) -> threading.Thread"
    ),
    "template": "(self, name: str, week_start: date, first_weekday: int = 0) -> list[Session]",
    "template_names": "(self) -> list[str]",
    "unreadable_sessions": "(self) -> list[UnreadableRow]",
    "update": "(self, session_id: int, session: Session) -> None",
    "water": "(self, day: date) -> float | None",
    "weekly_totals": "(self, first: date, last: date, first_weekday: int = 0) -> list[WeekTotals]",
}


def _surface(cls: type) -> dict[str, str]:
    """Public name -> "property", or the signature as text without quotes (classmethods
    marked)."""
    found: dict[str, str] = {}
    for name in dir(cls):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(cls, name)
        if isinstance(member, property):
            found[name] = "property"
        elif isinstance(member, classmethod):
            signature = str(inspect.signature(getattr(cls, name))).replace("'", "")
            found[name] = f"classmethod{signature}"
        elif callable(member):
            found[name] = str(inspect.signature(member)).replace("'", "")
    return found


@pytest.mark.parametrize(
    ("cls", "expected"),
    [(Planner, PLANNER_SURFACE), (Store, STORE_SURFACE)],
    ids=["Planner", "Store"],
)
def test_every_public_method_keeps_its_name_and_signature(
    cls: type, expected: dict[str, str]
) -> None:
    surface = _surface(cls)
    changed = {
        name: (wanted, surface.get(name))
        for name, wanted in expected.items()
        if surface.get(name) != wanted
    }
    assert changed == {}


def test_an_open_store_still_says_its_last_backup_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        assert store.last_backup_error is None
        assert Planner(store).store is store
