"""The seeded sample history: shape, determinism, every context and warning, demo database."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.advice import Context, History, Kind, advise_day, advise_run
from desktop.sample import (
    DEMO_MARKER_KEY,
    WARNING_KINDS,
    NotADemoDatabaseError,
    SampleHistory,
    create_demo_database,
    demo_database_path,
    generate_history,
    generate_sessions,
    is_demo_database,
    populate,
)
from desktop.store import Store

END = date(2025, 6, 18)  # a Wednesday, so the end falls mid-week


@pytest.fixture(scope="module")
def history() -> SampleHistory:
    return generate_history(2, seed=11, end=END)


def test_same_seed_gives_the_same_history() -> None:
    assert generate_history(1, seed=3, end=END) == generate_history(1, seed=3, end=END)
    assert generate_sessions(1, seed=3, end=END) == list(generate_history(1, 3, END).sessions)


def test_another_seed_gives_another_history() -> None:
    assert generate_sessions(1, seed=3, end=END) != generate_sessions(1, seed=4, end=END)


def test_years_must_be_positive() -> None:
    with pytest.raises(ValueError):
        generate_history(0, seed=1, end=END)


def test_covers_the_years_and_plans_future_weeks(history: SampleHistory) -> None:
    first, last = history.sessions[0].day, history.sessions[-1].day
    assert END - first >= timedelta(days=2 * 365 - 7)
    assert last > END + timedelta(days=14)
    assert [s.start for s in history.sessions] == sorted(s.start for s in history.sessions)


def test_weekly_counts(history: SampleHistory) -> None:
    lifts: Counter[date] = Counter()
    runs: Counter[date] = Counter()
    for session in history.sessions:
        monday = session.day - timedelta(days=session.day.weekday())
        (lifts if session.kind is Kind.DEADLIFT else runs)[monday] += 1
    weeks = sorted(set(lifts) | set(runs))
    assert len(weeks) >= 104
    for week in weeks:
        assert 2 <= lifts[week] <= 3, week
        assert 3 <= runs[week] <= 5, week


def test_past_is_done_and_future_is_planned(history: SampleHistory) -> None:
    past = [s for s in history.sessions if s.day < END]
    future = [s for s in history.sessions if s.day >= END]
    assert not any(s.done for s in future)
    assert sum(s.done for s in past) / len(past) > 0.9


def test_every_context_appears(history: SampleHistory) -> None:
    index = History(history.sessions)
    contexts = Counter(
        advise_run(s, index, history.profile).context
        for s in history.sessions
        if s.kind is Kind.RUN
    )
    assert set(contexts) == set(Context)
    assert all(count >= 10 for count in contexts.values()), contexts


def test_every_warning_kind_appears_a_few_times(history: SampleHistory) -> None:
    index = History(history.sessions)
    logs = {log.day: log for log in history.day_logs}
    codes: Counter[str] = Counter()
    days = sorted({s.day for s in history.sessions} | set(logs))
    for day in days:
        water = logs[day].water_oz if day in logs else None
        advice = advise_day(day, index, history.profile, water_oz=water)
        codes.update({warning.code for warning in advice.warnings})
    assert set(WARNING_KINDS) <= set(codes), codes
    # "A few": warnings stay the exception on the calendar.
    assert sum(codes.values()) < 0.15 * len(days)


def test_every_warning_kind_appears_in_the_recent_past() -> None:
    """A demo's current weeks show each kind, not only somewhere years ago."""
    history = generate_history(1, seed=5, end=END)
    index = History(history.sessions)
    logs = {log.day: log for log in history.day_logs}
    codes: set[str] = set()
    day = END - timedelta(days=120)
    while day < END:
        water = logs[day].water_oz if day in logs else None
        codes |= {w.code for w in advise_day(day, index, history.profile, water_oz=water).warnings}
        day += timedelta(days=1)
    assert set(WARNING_KINDS) <= codes


def test_day_logs_have_water_bcaa_and_notes(history: SampleHistory) -> None:
    logs = history.day_logs
    assert len(logs) > 365
    assert all(log.day < END for log in logs)
    assert all(log.water_oz is not None for log in logs)
    assert any(log.bcaa for log in logs) and not all(log.bcaa for log in logs)
    assert any(log.note for log in logs)


def test_populate_round_trips_through_a_store(tmp_path: Path) -> None:
    expected = generate_history(1, seed=2, end=END)
    with Store.open(tmp_path / "sample.db") as store:
        written = populate(store, years=1, seed=2, end=END)
    assert written == len(expected.sessions)
    with Store.open(tmp_path / "sample.db") as store:
        assert store.profile() == expected.profile
        stored = store.all_sessions()
        assert [s.id for s in stored] == sorted(s.id for s in stored if s.id is not None)
        key = lambda s: (s.start, s.kind.value)  # noqa: E731
        without_ids = [s.__class__(**{**s.__dict__, "id": None}) for s in sorted(stored, key=key)]
        assert without_ids == sorted(expected.sessions, key=key)
        first, last = expected.day_logs[0].day, expected.day_logs[-1].day
        logs = store.day_logs_between(first, last)
        assert [logs[log.day] for log in expected.day_logs] == list(expected.day_logs)


def test_demo_database_is_marked_and_filled(tmp_path: Path) -> None:
    path = create_demo_database(tmp_path / "demo.db", years=1, seed=3)
    assert path == tmp_path / "demo.db"
    assert is_demo_database(path)
    with Store.open(path) as store:
        assert store.preference(DEMO_MARKER_KEY) == "1"
        assert store.profile() is not None
        assert len(store.all_sessions()) > 300


def test_demo_database_replaces_an_old_demo(tmp_path: Path) -> None:
    path = create_demo_database(tmp_path / "demo.db", years=1, seed=3)
    first_count = _count(path)
    create_demo_database(path, years=1, seed=3)
    assert _count(path) == first_count


def test_demo_database_refuses_a_users_database(tmp_path: Path) -> None:
    mine = tmp_path / "liftrun.db"
    with Store.open(mine) as store:
        populate(store, years=1, seed=1, end=END)
    before = mine.read_bytes()
    with pytest.raises(NotADemoDatabaseError, match="not a Liftrun demo"):
        create_demo_database(mine)
    assert mine.read_bytes() == before
    assert not is_demo_database(mine)


def test_demo_database_refuses_any_other_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my training notes", encoding="utf-8")
    with pytest.raises(NotADemoDatabaseError):
        create_demo_database(notes)
    assert notes.read_text(encoding="utf-8") == "my training notes"


def test_demo_database_path_is_fresh_and_clearly_named() -> None:
    first, second = demo_database_path(), demo_database_path()
    assert first != second
    assert "demo" in first.name and "demo" in first.parent.name
    assert not first.exists()
    first.parent.rmdir()
    second.parent.rmdir()


def _count(path: Path) -> int:
    with Store.open(path) as store:
        return len(store.all_sessions())
