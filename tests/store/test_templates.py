"""Week templates: saved as offsets from the week's Monday, placed on any week, planned."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.store import Store, TemplateNotFoundError
from tests.builders import lift, run


def test_a_week_is_saved_and_placed_on_another_week(store: Store) -> None:
    week = [
        lift(datetime(2024, 5, 6, 18, 0), done=True, notes="heavy"),  # Monday
        run(datetime(2024, 5, 6, 19, 0), done=True, actual_distance_km=9.0, rpe=6),
        run(datetime(2024, 5, 12, 23, 30), pain=True),  # Sunday late
    ]
    store.save_template("Base week", week)
    placed = store.template("Base week", date(2024, 7, 1))
    assert [s.start for s in placed] == [
        datetime(2024, 7, 1, 18, 0),
        datetime(2024, 7, 1, 19, 0),
        datetime(2024, 7, 7, 23, 30),
    ]
    assert all(s.id is None and not s.done and not s.pain for s in placed)
    assert placed[1].actual_distance_km is None and placed[1].rpe is None
    assert (placed[0].sets, placed[0].load_kg, placed[0].notes) == (5, 140.0, "heavy")
    assert placed[1] == replace(run(datetime(2024, 7, 1, 19, 0)))
    # Any day of the target week places it on that week's Monday.
    assert store.template("Base week", date(2024, 7, 4)) == placed


def test_templates_are_replaced_by_name_listed_and_deleted(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_template("B", [run(datetime(2024, 5, 7, 7, 0))])
        store.save_template("A", [run(datetime(2024, 5, 7, 7, 0))])
        store.save_template("A", [lift(datetime(2024, 5, 8, 6, 0))])
    with Store.open(db_path) as store:
        assert store.template_names() == ["A", "B"]
        [only] = store.template("A", date(2025, 1, 6))
        assert only.start == datetime(2025, 1, 8, 6, 0)
        store.delete_template("A")
        assert store.template_names() == ["B"]
        with pytest.raises(TemplateNotFoundError):
            store.template("A", date(2025, 1, 6))
        assert TemplateNotFoundError.title
