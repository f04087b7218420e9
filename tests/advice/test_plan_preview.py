"""build_preview: what the Plan week dialog shows for a request, with kept and replaced sessions."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from desktop.advice import InvalidInputError, Kind, LiftSlot, Workout
from desktop.advice.plan_preview import EntryStatus, PlanRequest, build_preview, template_preview
from tests.builders import MONDAY, PROFILE, at, lift, run

REQUEST = PlanRequest(
    week_start=MONDAY,
    lifts=(LiftSlot(0, time(18), 60), LiftSlot(3, time(18), 60)),
    runs=4,
    weekly_km=25.0,
)


def test_every_day_of_the_week_is_listed_with_each_new_sessions_advice() -> None:
    preview = build_preview(REQUEST, PROFILE, [])
    assert [d.day for d in preview.days] == [MONDAY + timedelta(days=i) for i in range(7)]
    entries = [e for d in preview.days for e in d.entries]
    assert all(e.status is EntryStatus.NEW for e in entries)
    assert [e.session for e in entries] == list(preview.sessions)
    assert all(e.advice and not e.has_warning for e in entries)
    hills = next(e for e in entries if e.session.workout is Workout.HILLS)
    assert hills.advice.startswith("The day after a deadlift")
    assert preview.notes == ()


def test_kept_runs_count_toward_the_targets_and_are_shown_apart() -> None:
    kept = run(at(5, 9), minutes=60, distance_km=8.0, id=1)
    preview = build_preview(REQUEST, PROFILE, [kept])
    new_runs = [s for s in preview.sessions if s.kind is Kind.RUN]
    assert len(new_runs) == 3
    assert sum(s.distance_km or 0 for s in new_runs) == pytest.approx(17.0, rel=0.1)
    saturday = preview.days[5].entries
    assert any(e.session is kept and e.status is EntryStatus.KEPT for e in saturday)
    note = "Week of 2 Mar: the run already there (8.0 km) counts toward the targets."
    assert note in preview.notes


def test_replace_removes_planned_sessions_and_never_done_ones() -> None:
    planned = run(at(2, 7), id=1)
    done = run(at(4, 7), id=2, done=True)
    outside = run(at(9, 7), id=3)
    preview = build_preview(
        PlanRequest(**{**REQUEST.__dict__, "keep_existing": False}),
        PROFILE,
        [planned, done, outside],
    )
    assert preview.removed == (planned,)
    statuses = {e.session.id: e.status for d in preview.days for e in d.entries if e.session.id}
    assert statuses == {1: EntryStatus.REMOVED, 2: EntryStatus.KEPT}


def test_a_block_preview_names_the_week_of_each_note() -> None:
    request = PlanRequest(**{**REQUEST.__dict__, "weeks": 3, "runs": 2, "weekly_km": 60.0})
    preview = build_preview(request, PROFILE, [])
    assert len(preview.plans) == 3 and len(preview.days) == 21
    assert preview.notes and all(note.startswith("Week of ") for note in preview.notes)


def test_context_before_the_week_shapes_the_advice() -> None:
    sunday = lift(at(-1, 18), id=9)
    preview = build_preview(REQUEST, PROFILE, [sunday])
    monday_runs = [e for e in preview.days[0].entries if e.session.kind is Kind.RUN]
    assert all(e.session.workout is Workout.HILLS for e in monday_runs)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"week_start": "2026-03-04"}, "starts on a date"),
        ({"weeks": 17}, "1 to 16 weeks"),
        ({"runs": 9}, "0 to 7 runs"),
        ({"weekly_km": -5.0}, "0 or more"),
    ],
)
def test_a_bad_request_is_refused_with_a_sentence(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        build_preview(PlanRequest(**{**REQUEST.__dict__, **changes}), PROFILE, [])


def test_a_template_on_a_week_shows_its_advice_and_what_is_there_apart() -> None:
    template = [lift(at(0, 18), spotter=True), run(at(0, 19, 5), minutes=20, distance_km=1.0)]
    there = run(at(0, 18, 30), id=5)  # overlaps the template's deadlift
    done = run(at(2, 7), id=6, done=True)
    preview = template_preview(MONDAY, template, PROFILE, [there, done])
    assert preview.request is None and list(preview.sessions) == template
    monday = preview.days[0].entries
    assert [e.status for e in monday] == [EntryStatus.NEW, EntryStatus.KEPT, EntryStatus.NEW]
    overlap = "The deadlift on Monday at 18:00 overlaps the run on Monday at 18:30 already"
    assert any(note.startswith(overlap) for note in preview.notes)
    assert any(note.endswith("read its advice before applying.") for note in preview.notes)
    assert any(e.has_warning for e in monday if e.status is EntryStatus.NEW)

    replacing = template_preview(MONDAY, template, PROFILE, [there, done], keep_existing=False)
    assert replacing.removed == (there,)
    assert not any("overlaps" in note for note in replacing.notes)


def test_a_template_fits_cleanly_on_an_empty_week() -> None:
    template = [lift(at(0, 18)), run(at(1, 7), workout=Workout.HILLS, distance_km=4.0)]
    preview = template_preview(MONDAY, template, PROFILE, [])
    assert preview.notes == () and preview.removed == ()
    assert not any(e.has_warning for d in preview.days for e in d.entries)


def test_a_template_needs_a_week_start_date() -> None:
    with pytest.raises(InvalidInputError, match="starts on a date"):
        template_preview(None, [], PROFILE, [])  # type: ignore[arg-type]


def test_no_distance_is_asked_when_the_kept_runs_fill_the_run_count() -> None:
    kept = [run(at(1, 7), id=1), run(at(5, 9), id=2)]
    request = PlanRequest(MONDAY, (), runs=2, weekly_km=30.0)
    preview = build_preview(request, PROFILE, kept)
    assert preview.sessions == ()
    assert preview.notes == (
        "Week of 2 Mar: the 2 runs already there (10.0 km) count toward the targets.",
    )
