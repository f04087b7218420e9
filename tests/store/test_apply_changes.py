"""Store.apply_changes: the exact put-back that undo and redo rely on."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.advice import Kind, Session, Workout
from desktop.store import Store


def _run(day: int) -> Session:
    return Session(
        kind=Kind.RUN,
        start=datetime(2026, 11, day, 18, 0),
        duration_min=30,
        workout=Workout.EASY,
        distance_km=5.0,
        speed_kmh=10.0,
    )


def test_a_deleted_session_comes_back_with_its_id_values_and_stamps(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        session_id = store.add(_run(10))
        saved = store.get(session_id)
        assert saved is not None
        store.delete(session_id)
        store.apply_changes(put=[saved])
        back = store.get(session_id)
    assert back == saved
    assert back is not None
    assert (back.created, back.updated) == (saved.created, saved.updated)


def test_remove_and_put_happen_together(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        first = store.add(_run(10))
        second = store.add(_run(11))
        older = store.get(second)
        assert older is not None
        store.update(second, _run(12))
        store.apply_changes(remove=[first], put=[older])
        assert store.get(first) is None
        assert store.get(second) == older
