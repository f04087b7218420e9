"""Render the README screenshot: the demo history, a warned run after a deadlift selected.

Run it on a real (virtual) screen so fonts and styles are what a user sees:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py [OUT.png]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.advice import Context, Kind, Session
from desktop.app import create_main_window, ensure_application
from desktop.planner import Planner
from desktop.sample import create_demo_database

WINDOW_SIZE = (1400, 900)


def _warned_after_lift(planner: Planner, run: Session) -> bool:
    """True for a run right after a deadlift whose advice has a warning."""
    advice = planner.advise_draft(run)
    return advice.context is Context.IMMEDIATELY_AFTER and advice.has_warnings


def main(out: Path) -> None:
    """Open a demo database, select the latest warned run after a lift of the last five
    weeks (early in a month the current month may hold none), save a grab."""
    app = ensure_application()
    with tempfile.TemporaryDirectory(prefix="liftrun-shot-") as tmp:
        settings = QSettings(str(Path(tmp) / "shot.ini"), QSettings.Format.IniFormat)
        db = create_demo_database(Path(tmp) / "liftrun-demo.db")
        window = create_main_window(db, demo=True, settings=settings)
        window.resize(*WINDOW_SIZE)
        window.show()
        planner = window.planner
        first = date.today() - timedelta(weeks=5)
        runs = [
            s
            for s in planner.store.sessions_between(first, date.today())
            if s.kind is Kind.RUN and s.id is not None and _warned_after_lift(planner, s)
        ]
        if runs:
            window.calendar.select_day(runs[-1].day)
            window.show_day(runs[-1].day, select_session=runs[-1].id)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(out))
        window.close()
    app.processEvents()
    print(f"saved {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshot.png"))
