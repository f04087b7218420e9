"""Store.apply_changes: the exact put-back that undo and redo rely on."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.advice.model import Session
from desktop.store import Store, StoreError
from desktop.store.base import SAFE_SQL_VARIABLES
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


def _limit_variables(store: Store, limit: int) -> None:
    """Make the store's connection allow only `limit` "?" per statement, as older SQLite
    builds (999) do; the build this runs on may allow far more."""
    conn = store.database.connection()
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    assert conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == limit


def _runs(count: int) -> list[Session]:
    first = datetime(2020, 1, 1, 6, 0)
    return [run(first + timedelta(hours=n)) for n in range(count)]


def test_removing_more_ids_than_the_build_allows_in_one_statement_works(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        _limit_variables(store, SAFE_SQL_VARIABLES)
        ids = store.apply_changes(add=_runs(2_500))
        kept = store.add(run(datetime(2030, 1, 1, 6, 0)))
        store.apply_changes(remove=ids)
        assert [session.id for session in store.all_sessions()] == [kept]
        assert store.apply_changes(put=[]) == []


def test_a_large_change_that_fails_part_way_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        _limit_variables(store, 100)
        ids = store.apply_changes(add=_runs(1_000))
        store.database.connection().execute(
            "CREATE TEMP TRIGGER refuse AFTER INSERT ON main.session WHEN NEW.notes = 'refuse' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        with pytest.raises(StoreError):
            store.apply_changes(remove=ids, add=[run(datetime(2031, 1, 1, 6), notes="refuse")])
        assert len(store.all_sessions()) == 1_000


@pytest.mark.slow
def test_a_million_session_import_is_added_and_undone(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        before = store.add(run(datetime(2019, 12, 31, 6, 0)))
        ids = store.apply_changes(add=_runs(1_000_000))
        assert len(ids) == 1_000_000
        store.apply_changes(remove=ids)  # what undoing the import does
        assert [session.id for session in store.all_sessions()] == [before]


def test_new_ids_name_the_added_sessions_in_the_order_given(tmp_path: Path) -> None:
    with Store.open(tmp_path / "liftrun.db") as store:
        _limit_variables(store, SAFE_SQL_VARIABLES)  # several statements for 300 rows
        old = store.add(run(datetime(2019, 1, 1, 6, 0)))
        store.delete(old)  # AUTOINCREMENT: old's id is never handed out again
        added = list(reversed(_runs(300)))
        ids = store.apply_changes(add=added)
        assert old not in ids and len(set(ids)) == 300
        stored = [store.get(new_id) for new_id in ids]
        assert [s.start if s else None for s in stored] == [s.start for s in added]
