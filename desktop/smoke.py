"""`liftrun --smoke-test`: prove a build works end to end, offscreen, on a throwaway database.

It checks that `--version` prints "Liftrun <desktop.__version__>" (the line names the
version), checks the bundled resources, saves one deadlift through the store and reads it
back, asks the engine for advice on a run 45 minutes after that lift, starts the real main
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

TIMEOUT_S = 120.0
WINDOW_TIMEOUT_S = 30.0
TIMEOUT_EXIT_CODE = 3

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
            step = "store and engine"
            session_id, context, tips = _check_store_and_engine(db_path)
            step = "main window"
            _check_window(db_path)
        from desktop.logs import how_installed

        _report(
            f"smoke ok: version {version}, window built, session {session_id} saved and "
            f"reloaded, advice: {context}, {tips} tips, {resources_note} ({how_installed()})"
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
