"""Render the screenshots of the display rule: a run at its cap in km and in miles (no
warning) and one a step above (a warning quoting two different numbers).

Run it on a real (virtual) screen so fonts and styles are what a user sees:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_caps.py [DIR]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.advice import DistanceUnit, Kind, Profile, Session, Workout
from desktop.advice.units import distance_to_km, speed_to_kmh
from desktop.app import create_main_window, ensure_application
from desktop.store import Store

WINDOW_SIZE = (1400, 900)
# Next week's Monday: planned sessions ahead, not missed ones in the past.
DAY = date.today() + timedelta(days=7 - date.today().weekday())
# (file name, unit, distance and speed typed in that unit): a 10 km / 15 km/h profile's
# caps after a lift are 8.0 km and 13.5 km/h, or 4.9 mi and 8.3 mph.
SHOTS = (
    ("cap-at-limit-km.png", DistanceUnit.KM, 8.04, 13.54),
    ("cap-at-limit-mi.png", DistanceUnit.MI, 4.94, 8.34),
    ("cap-step-above-km.png", DistanceUnit.KM, 8.1, 13.54),
)


def _shoot(folder: Path, out: Path, unit: DistanceUnit, distance: float, speed: float) -> None:
    db = folder / f"{out.stem}.db"
    lift = Session(
        kind=Kind.DEADLIFT, start=datetime.combine(DAY, time(17)), duration_min=60, spotter=True
    )
    run = Session(
        kind=Kind.RUN,
        start=datetime.combine(DAY, time(21)),
        duration_min=45,
        workout=Workout.EASY,
        distance_km=distance_to_km(distance, unit),
        speed_kmh=speed_to_kmh(speed, unit),
    )
    with Store.open(db) as store:
        store.save_profile(Profile(10.0, 15.0, distance_unit=unit))
        _lift_id, run_id = store.add_many([lift, run])
    settings = QSettings(str(folder / f"{out.stem}.ini"), QSettings.Format.IniFormat)
    window = create_main_window(db, settings=settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.calendar.select_day(DAY)
    window.show_day(DAY, select_session=run_id)
    for _ in range(10):
        QApplication.processEvents()
    window.grab().save(str(out))
    window.close()
    QApplication.processEvents()
    print(f"saved {out}")


def main(folder: Path) -> None:
    """Save each shot under `folder`."""
    ensure_application()
    with tempfile.TemporaryDirectory(prefix="liftrun-caps-") as tmp:
        for name, unit, distance, speed in SHOTS:
            _shoot(Path(tmp), folder / name, unit, distance, speed)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs"))
