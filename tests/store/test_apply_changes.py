"""Store.apply_changes: the exact put-back that undo and redo rely on."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.store import Store
from tests.builders import run


def test_a_deleted_session_comes_back_with_its_id_values_and_stamps(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        session_id = store.add(run(datetime(2026, 11, 10, 18, 0)))
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
        first = store.add(run(datetime(2026, 11, 10, 18, 0)))
        second = store.add(run(datetime(2026, 11, 11, 18, 0)))
        older = store.get(second)
        assert older is not None
        store.update(second, run(datetime(2026, 11, 12, 18, 0)))
        store.apply_changes(remove=[first], put=[older])
        assert store.get(first) is None
        assert store.get(second) == older


def test_adding_removing_and_putting_back_is_one_change(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        first = store.add(run(datetime(2026, 11, 10, 18, 0)))
        (added,) = store.apply_changes(remove=[first], add=[run(datetime(2026, 11, 13, 18, 0))])
        assert store.get(first) is None
        stored = store.get(added)
        assert stored is not None
        assert stored.start == run(datetime(2026, 11, 13, 18, 0)).start
        assert store.apply_changes() == []
