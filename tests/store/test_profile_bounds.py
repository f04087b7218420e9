"""A saved profile from before the 1-300 km and 5-45 km/h bounds opens, moved into them,
and the user is told once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.advice.model import Profile
from desktop.store import Store


def _write_raw(path: Path, distance_km: float, speed_kmh: float) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "UPDATE profile SET max_distance_km = ?, max_speed_kmh = ? WHERE id = 1",
            (distance_km, speed_kmh),
        )
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("distance", "speed", "expected", "told"),
    [
        (0.5, 12.0, (1.0, 12.0), ["Your longest run was 0.5 km", "so it is now 1 km"]),
        (400.0, 12.0, (300.0, 12.0), ["Your longest run was 400 km", "now 300 km"]),
        (10.0, 3.0, (10.0, 5.0), ["Your top speed was 3 km/h", "under 5 km/h is walking"]),
        (10.0, 12.0, (10.0, 12.0), []),
    ],
)
def test_an_old_profile_out_of_bounds_is_moved_into_them_and_told_once(
    tmp_path: Path,
    distance: float,
    speed: float,
    expected: tuple[float, float],
    told: list[str],
) -> None:
    path = tmp_path / "liftrun.db"
    with Store.open(path) as store:
        store.save_profile(Profile(10.0, 12.0, immediate_window_min=45))
    _write_raw(path, distance, speed)
    with Store.open(path) as store:
        profile = store.profile()
        assert profile is not None
        assert (profile.max_distance_km, profile.max_speed_kmh) == expected
        assert profile.immediate_window_min == 45  # the rest is kept as saved
        sentences = " ".join(store.profile_adjustments())
        for words in told:
            assert words in sentences
        assert bool(sentences) is bool(told)
        assert store.profile_adjustments() == ()
    with Store.open(path) as store:
        assert store.profile() == profile
        assert store.profile_adjustments() == ()  # told once, also across opens
