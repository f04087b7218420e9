"""Render the README's screens: the month, the week view, a day and Progress, light and dark,
at the window's first size on a 1366x768 screen.

Run it once per scale on a real (virtual) screen of that many device pixels, so fonts,
styles and the first-start size are what a user sees:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screens.py 100
    xvfb-run -a -s "-screen 0 2732x1536x24" env QT_SCALE_FACTOR=2 \\
        .venv/bin/python tools/screens.py 200

Each run writes month-, week-, day- and progress-<scale>-light.png and -dark.png into
docs/screens (or the folder given second). Dark and Light are Settings > Appearance's own.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.advice import Context, Kind, Session
from desktop.app import create_main_window, ensure_application
from desktop.planner import Planner
from desktop.sample import create_demo_database
from desktop.startup import start_appearance
from desktop.ui.appearance import Appearance, save_appearance
from desktop.ui.main_window import MainWindow

SETTLE_MS = 300  # long enough for a paint and the splitters' next layout pass


def _warned_after_lift(planner: Planner, run: Session) -> bool:
    """True for a run right after a deadlift whose advice has a warning."""
    advice = planner.advise_draft(run)
    return advice.context is Context.IMMEDIATELY_AFTER and advice.has_warnings


def _latest_warned_run(planner: Planner) -> Session | None:
    """The latest warned run after a lift of the last five weeks (a month's start may hold
    none yet)."""
    first = date.today() - timedelta(weeks=5)
    runs = [
        s
        for s in planner.store.sessions_between(first, date.today())
        if s.kind is Kind.RUN and s.id is not None and _warned_after_lift(planner, s)
    ]
    return runs[-1] if runs else None


def _save(widget: QWidget, out: Path) -> None:
    QTest.qWait(SETTLE_MS)
    widget.grab().save(str(out))
    print(f"saved {out}")


def _shoot(window: MainWindow, folder: Path, scale: str, scheme: str) -> None:
    run = _latest_warned_run(window.planner)
    day = run.day if run is not None else date.today()
    window.calendar.select_day(day)
    window.show_day(day)  # the day and its advice, no session chosen
    _save(window, folder / f"month-{scale}-{scheme}.png")
    if run is not None:
        window.show_day(day, select_session=run.id)  # the run open in the form
    _save(window, folder / f"day-{scale}-{scheme}.png")
    window.week_view_action.trigger()
    _save(window, folder / f"week-{scale}-{scheme}.png")
    window.month_view_action.trigger()
    window.progress_action.trigger()
    progress = window.progress.progress_window
    assert progress is not None
    _save(progress, folder / f"progress-{scale}-{scheme}.png")
    progress.close()


def main(scale: str, folder: Path) -> None:
    """Open a demo database in a first-start window and save its screens in both schemes."""
    app = ensure_application()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liftrun-screens-") as tmp:
        settings = QSettings(str(Path(tmp) / "screens.ini"), QSettings.Format.IniFormat)
        save_appearance(settings, Appearance.LIGHT)
        appearance = start_appearance(app, settings)
        db = create_demo_database(Path(tmp) / "liftrun-demo.db")
        window = create_main_window(db, demo=True, settings=settings, appearance=appearance)
        window.show()
        for scheme in (Appearance.LIGHT, Appearance.DARK):
            window.appearance.choose(scheme)
            _shoot(window, folder, scale, scheme.value)
        window.close()
    app.processEvents()


if __name__ == "__main__":
    main(
        sys.argv[1] if len(sys.argv) > 1 else "100",
        Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/screens"),
    )
