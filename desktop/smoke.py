"""`liftrun --smoke-test`: prove a build works end to end, offscreen, on a throwaway database.

It checks that `--version` prints "Liftrun <desktop.__version__>" (the line names the
version), checks the bundled resources, imports the bundled sample GPX and FIT files (the
readers and their dependencies are in the build), saves one deadlift through the store and
reads it back, asks the engine for advice on a run 45 minutes after that lift, starts the real main
window on the same database the way `liftrun` does (shell first, then the store) and waits
until it is complete, prints one line and returns 0. Any failure prints the reason and
returns 1; a hang is ended after TIMEOUT_S seconds with exit code 3.

A frozen windowed build on Windows has no stdout, so the line is also written to the log
and, when LIFTRUN_SMOKE_OUT names a file, to that file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import os
import sys
import tempfile
import threading
import traceback
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.advice import Session

TIMEOUT_S = 120.0
WINDOW_TIMEOUT_S = 30.0
TIMEOUT_EXIT_CODE = 3
# A zone away from UTC that every tz database has: found through the bundled tzdata on
# systems without their own (Windows), so the export's VTIMEZONE is checked there too.
CALENDAR_ZONE = "Europe/Berlin"

logger = logging.getLogger(__name__)


class SmokeCheckError(RuntimeError):
    """One smoke-test step did not give the expected result."""


def _report(line: str) -> None:
    """Print the result line, log it and copy it to LIFTRUN_SMOKE_OUT if set."""
    if sys.stdout is not None:
        print(line, flush=True)
    logger.info(line)
    out = os.environ.get("LIFTRUN_SMOKE_OUT")
    if out:
        Path(out).write_text(line + "\n", encoding="utf-8")


def _start_watchdog(timeout_s: float) -> threading.Timer:
    """End the process if the smoke test hangs (a modal dialog, a deadlock)."""

    def expire() -> None:
        _report(f"smoke FAILED: no result after {timeout_s:.0f} s (hung?)")
        os._exit(TIMEOUT_EXIT_CODE)

    timer = threading.Timer(timeout_s, expire)
    timer.daemon = True
    timer.start()
    return timer


def _check_version() -> str:
    """`liftrun --version` prints "Liftrun <desktop.__version__>" and exits 0; return it."""
    from desktop import APP_NAME, __version__
    from desktop.startup import build_parser

    expected = f"{APP_NAME} {__version__}"
    printed = io.StringIO()
    code: int | str | None = None
    with contextlib.redirect_stdout(printed):
        try:
            build_parser().parse_args(["--version"])
        except SystemExit as exit_request:
            code = exit_request.code
    if code not in (0, None):
        raise SmokeCheckError(f"--version exited with {code!r}")
    if printed.getvalue().strip() != expected:
        raise SmokeCheckError(f"--version printed {printed.getvalue().strip()!r}, not {expected!r}")
    return __version__


def _check_resources() -> str:
    """The stylesheet and the icon are bundled and readable."""
    from desktop import resources

    if not resources.read_stylesheet().strip():
        raise SmokeCheckError("the style sheet is empty")
    icon = resources.icon_path()
    if icon.stat().st_size == 0:
        raise SmokeCheckError(f"the icon {icon} is empty")
    return "resources ok"


def _check_imports(folder: Path) -> str:
    """Read the bundled GPX and FIT samples as File > Import does, and export the runs as a
    calendar in a named time zone, read back; e.g. "GPX 1 run, FIT 1 run, calendar 2 events".
    """
    from desktop import resources
    from desktop.interop import read_file

    found: list[str] = []
    runs: list[Session] = []
    for label, name in (("GPX", resources.SAMPLE_GPX), ("FIT", resources.SAMPLE_FIT)):
        result = read_file(resources.sample_path(name))
        if result.format != label.lower():
            raise SmokeCheckError(f"{name} was read as {result.format!r}, not {label}")
        if not result.sessions or result.problems:
            problems = "; ".join(f"{p.where}: {p.message}" for p in result.problems)
            raise SmokeCheckError(f"{name} gave no run ({problems or 'nothing read'})")
        count = len(result.sessions)
        note = f" ({result.skipped} skipped)" if result.skipped else ""
        found.append(f"{label} {count} run{'' if count == 1 else 's'}{note}")
        runs.extend(result.sessions)
    found.append(_check_calendar_export(runs, folder / "runs.ics"))
    return ", ".join(found)


def _check_calendar_export(sessions: list[Session], path: Path) -> str:
    """Export sessions with icalendar in a named zone (tzdata bundled) and parse it back."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar

    from desktop.interop import export_ics

    zone = ZoneInfo(CALENDAR_ZONE)
    written = export_ics(sessions, path, zone=zone)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    zones = {str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")}
    if written != len(sessions) or len(events) != written or CALENDAR_ZONE not in zones:
        raise SmokeCheckError(
            f"the calendar export gave {len(events)} of {len(sessions)} events, zones {zones}"
        )
    return f"calendar {written} events ({CALENDAR_ZONE})"


def _check_store_and_engine(db_path: Path) -> tuple[int, str, int]:
    """Save and reload a deadlift, then advise a run after it; return (id, context, tips)."""
    from desktop.advice import Context, Kind, Profile, Session, Workout, advise_run
    from desktop.store import Store

    profile = Profile(max_distance_km=10.0, max_speed_kmh=14.0)
    lift_start = datetime.now().replace(hour=7, minute=0, second=0, microsecond=0)
    lift = Session(
        kind=Kind.DEADLIFT,
        start=lift_start,
        duration_min=45,
        spotter=True,
        sets=5,
        reps=3,
        load_kg=140.0,
    )
    with Store.open(db_path) as store:
        store.save_profile(profile)
        session_id = store.add(lift)
    with Store.open(db_path) as store:
        reloaded = store.get(session_id)
        if reloaded is None:
            raise SmokeCheckError(f"session {session_id} was saved but could not be read back")
        expected = dataclasses.replace(lift, id=session_id)
        if reloaded != expected:
            raise SmokeCheckError(f"session {session_id} changed on reload: {reloaded!r}")
        if store.profile() != profile:
            raise SmokeCheckError("the profile changed on reload")

    run = Session(
        kind=Kind.RUN,
        start=lift.end + timedelta(minutes=45),
        duration_min=30,
        workout=Workout.EASY,
        distance_km=5.0,
        speed_kmh=10.0,
    )
    advice = advise_run(run, [reloaded], profile)
    if advice.context is not Context.IMMEDIATELY_AFTER:
        raise SmokeCheckError(
            f"a run 45 min after a deadlift got context {advice.context.value!r}, "
            "expected 'immediately_after'"
        )
    return session_id, advice.context.value, len(advice.tips)


def _check_window(db_path: Path) -> str:
    """Start the real main window offscreen as `liftrun` does and wait until it is complete."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from desktop.startup import ensure_application, start_main_window

    app = ensure_application()
    # Keep the window's saved layout away from the user's real settings.
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    loop = QEventLoop()
    failures: list[int] = []

    def failed(code: int) -> None:
        failures.append(code)
        loop.quit()

    window = start_main_window(lambda: db_path, settings=settings, on_failure=failed)
    window.ready.connect(loop.quit)
    QTimer.singleShot(int(WINDOW_TIMEOUT_S * 1000), loop.quit)
    window.show()
    loop.exec()
    if failures:
        raise SmokeCheckError(f"the window could not open the database (code {failures[0]})")
    if not window.is_attached:
        raise SmokeCheckError(f"the window was not complete after {WINDOW_TIMEOUT_S:.0f} s")
    title = window.windowTitle()
    if not title:
        raise SmokeCheckError("the main window has no title")
    window.close()
    window.deleteLater()
    app.processEvents()
    return title


def run() -> int:
    """Run every smoke check; print one line; 0 on success, 1 on any failure."""
    timer = _start_watchdog(TIMEOUT_S)
    step = "start"
    try:
        with tempfile.TemporaryDirectory(
            prefix="liftrun-smoke-", ignore_cleanup_errors=True
        ) as tmp:
            db_path = Path(tmp) / "smoke.db"
            step = "version"
            version = _check_version()
            step = "resources"
            resources_note = _check_resources()
            step = "imports"
            imports_note = _check_imports(Path(tmp))
            step = "store and engine"
            session_id, context, tips = _check_store_and_engine(db_path)
            step = "main window"
            _check_window(db_path)
        from desktop.logs import how_installed

        _report(
            f"smoke ok: version {version}, window built, session {session_id} saved and "
            f"reloaded, advice: {context}, {tips} tips, imported {imports_note}, "
            f"{resources_note} ({how_installed()})"
        )
        return 0
    except Exception as exc:  # a smoke test reports every failure the same way
        logger.exception("smoke test failed at step %s", step)
        if sys.stderr is not None:
            traceback.print_exc()
        _report(f"smoke FAILED at {step}: {type(exc).__name__}: {exc}")
        return 1
    finally:
        timer.cancel()
