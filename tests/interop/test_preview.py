"""Step one of an import: duplicates found (same kind, start and length), the preview in words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.advice import Kind, Profile, Session, session_title
from desktop.interop import ImportResult, Problem, Skip, describe, plan_import, read_file
from tests import builders

PROFILE = Profile(max_distance_km=10.0, max_speed_kmh=12.0)


def run(hour: int, **fields: Any) -> Session:
    """A 30-minute run at `hour` on Monday 3 March 2025."""
    return builders.run(datetime(2025, 3, 3, hour), minutes=30, **fields)


def lift(hour: int) -> Session:
    """A deadlift at `hour` on Monday 3 March 2025."""
    return builders.lift(datetime(2025, 3, 3, hour))


def test_sessions_already_in_the_database_are_not_added_twice() -> None:
    result = ImportResult("liftrun-csv", (run(7, id=3), lift(7), run(8), run(8)))
    existing = [run(7, id=99, distance_km=6.0)]
    plan = plan_import(result, existing)
    # Same kind and start as a stored run: a duplicate, even with other values.
    assert plan.duplicates == (run(7, id=3), run(8))
    # A lift at the same time is another kind; the second 08:00 run repeats the first.
    assert [(s.kind, s.start.hour) for s in plan.to_add] == [(Kind.DEADLIFT, 7), (Kind.RUN, 8)]


def test_sessions_to_add_carry_no_id() -> None:
    plan = plan_import(ImportResult("liftrun-csv", (run(9, id=42),)), [])
    assert [s.id for s in plan.to_add] == [None]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(data: Path) -> None:
    first = read_file(data / "strong-current.csv")
    added = plan_import(first, []).to_add
    again = plan_import(read_file(data / "strong-current.csv"), added)
    assert again.to_add == ()
    assert len(again.duplicates) == len(first.sessions) == 4


def test_preview_lists_everything_in_words() -> None:
    result = ImportResult(
        "strong",
        (run(7), lift(18)),
        problems=(Problem("line 12", "Weight is 'x', which is not a number."),),
        skips=(Skip("Bench Press (Barbell)", "not a deadlift or a run", 4),),
    )
    plan = plan_import(result, [lift(18)])
    preview = describe(result, plan, PROFILE, "strong.csv")
    assert preview.summary == (
        "strong.csv (Strong export): 1 session will be added, 1 is already in Liftrun, "
        "4 sets left out, 1 problem. A session counts as already in Liftrun when one of the "
        "same kind starts at the same time and lasts as long or, for a run, covers the same "
        "distance."
    )
    assert preview.duplicate_rule in preview.summary
    assert preview.added == (f"Mon 03 Mar 2025 07:00  {session_title(run(7), PROFILE)}",)
    assert preview.duplicates == (f"Mon 03 Mar 2025 18:00  {session_title(lift(18), PROFILE)}",)
    assert preview.skipped == ("Bench Press (Barbell): 4 sets, not a deadlift or a run",)
    assert preview.problems == ("line 12: Weight is 'x', which is not a number.",)
    assert preview.can_import


def test_nothing_new_means_nothing_to_import() -> None:
    result = ImportResult("gpx", (run(7),))
    preview = describe(result, plan_import(result, [run(7)]), PROFILE, "a.gpx")
    assert not preview.can_import
    assert preview.summary.startswith("a.gpx (GPX track): 0 sessions will be added")
