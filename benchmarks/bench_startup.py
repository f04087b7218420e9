"""Start-up to first paint and to ready: a fresh Python process per run, app against bare.

Each run starts `sys.executable` on a tiny probe script with QT_QPA_PLATFORM=offscreen. The
parent stores `time.perf_counter_ns()` in LIFTRUN_BENCH_T0 right before `Popen` (a monotonic
clock shared by every process on the machine). The probe builds either a bare QCalendarWidget
or the real main window the way `desktop.app.main()` does (logging, the styled QApplication,
`desktop.app.start_main_window`) on a database that already has a profile (so no first-run
dialog), and watches the window and its child widgets for the first QEvent.Paint. Qt paints
the whole widget tree in one synchronous flush, so a zero-delay timer queued from that paint
event fires when the first frame is complete: that is the "first paint" the probe reports,
together with its peak resident memory (ru_maxrss). The app's first frame is its shell (menus
and the real calendar); the window then opens the store, builds the rest and emits `ready`,
and the end of the next complete frame is reported as "ready", with the peak memory then.
Bare and app runs are interleaved so slow periods of the machine hit both alike; the ratio is
taken per interleaved pair.

A third script, "widgets", is a reference for what the complete window's kind of content
costs by itself: the same kinds and numbers of widgets as the complete window (menus with
shortcuts, a QCalendarWidget, a table, the form's boxes, 45 labels, the advice rows with their
buttons, the soreness buttons), built by plain PySide6 code that also imports peewee, reads
sessions with it and uses the `Qt` namespace, all shown in one frame; no Liftrun code at all.
The complete window's budget is set against it: the app's ready time over the reference's
first paint, per interleaved round (bare, reference, the app on each database), must stay
within COMPLETE_REFERENCE_RATIO_BUDGET. The complete window over bare is kept as context.

A fourth script, "widgets+modules", is the reference after importing the Liftrun modules
the complete window has loaded (the app's warm-up run names them), none of their code called:
its ratio to the reference is what those imports alone cost, a floor under the budgeted ratio
for the code as it is split into modules today.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import ROOT, Result, history_db, ratio_row, result, session_count

STARTUP_RATIO_BUDGET = 1.3
# The complete window (data, markers and the day's advice painted) against the same kinds and
# numbers of widgets in plain PySide6, measured in the same run: what Liftrun itself adds.
COMPLETE_REFERENCE_RATIO_BUDGET = 1.3
# The app shows its shell first and completes the window after that first paint; the user
# waits this long at most for the complete window.
READY_WAIT_BUDGET_MS = 250.0
PROBE_TIMEOUT_S = 120.0

PROBE = r"""
import json, os, sys, time
T0 = int(os.environ["LIFTRUN_BENCH_T0"])
MODE = sys.argv[1]
from PySide6.QtCore import QEvent, QObject, QTimer
if MODE == "bare":
    from PySide6.QtWidgets import QApplication, QCalendarWidget
    app = QApplication(sys.argv[:1])
    window = QCalendarWidget()
elif MODE in ("widgets", "widgets+modules"):
    # The complete window's kinds and numbers of widgets in plain PySide6, with peewee.
    from PySide6 import QtWidgets as W
    app = W.QApplication(sys.argv[:1])
    if MODE == "widgets+modules":
        # The same, after importing the Liftrun modules the complete window has loaded
        # (named by the app's warm-up run), none of their code called.
        import importlib
        for name in sys.argv[3].split(","):
            importlib.import_module(name)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    import peewee
    db = peewee.SqliteDatabase(sys.argv[2])
    rows = db.execute_sql("SELECT * FROM session ORDER BY start DESC LIMIT 3").fetchall()
    window = W.QMainWindow()
    for menu_index in range(6):
        menu = window.menuBar().addMenu(f"&Menu {menu_index}")
        for item in range(8):
            action = menu.addAction(f"Action {item}")
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(65 + menu_index * 4 + item % 4)}"))
    main = W.QSplitter()
    window.setCentralWidget(main)
    window.statusBar().showMessage("Ready")
    left = W.QWidget()
    left_layout = W.QVBoxLayout(left)
    left_layout.addWidget(W.QCalendarWidget(), 2)
    left_layout.addWidget(W.QLabel("Day"))
    table = W.QTableWidget(len(rows), 4)
    for r, row in enumerate(rows):
        for c in range(4):
            table.setItem(r, c, W.QTableWidgetItem(str(row[c])))
    left_layout.addWidget(table, 1)
    log = W.QFormLayout()
    log.addRow("Water", W.QProgressBar())
    log.addRow("Note", W.QLineEdit())
    soreness = W.QHBoxLayout()
    for level in range(11):
        soreness.addWidget(W.QToolButton(text=str(level)))
    log.addRow("Soreness", soreness)
    left_layout.addLayout(log)
    right = W.QSplitter(Qt.Orientation.Vertical)
    form = W.QWidget()
    fields = W.QFormLayout(form)
    kind = W.QComboBox()
    kind.addItems(["Run", "Deadlift"])
    fields.addRow("Kind", kind)
    fields.addRow("Start", W.QDateTimeEdit())
    for name in ("Duration", "Sets", "Reps"):
        fields.addRow(name, W.QSpinBox())
    for name in ("Distance", "Speed", "Load", "Actual distance"):
        fields.addRow(name, W.QDoubleSpinBox())
    workout = W.QComboBox()
    workout.addItems(["Easy", "Intervals", "Hills", "Long"])
    fields.addRow("Workout", workout)
    for name in ("Done", "Spotter", "Pain"):
        fields.addRow(W.QCheckBox(name))
    fields.addRow("Notes", W.QPlainTextEdit())
    for name in ("Save", "Delete", "Duplicate", "Apply suggestion", "New run", "New deadlift"):
        fields.addRow(W.QPushButton(name))
    for index in range(20):
        fields.addRow(W.QLabel(f"Label {index}"))
    advice = W.QScrollArea()
    advice.setWidgetResizable(True)
    rows_box = W.QWidget()
    advice_layout = W.QVBoxLayout(rows_box)
    for index in range(8):
        line = W.QHBoxLayout()
        label = W.QLabel(f"Advice {index}: run intervals within the window after the deadlift.")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        line.addWidget(label, 1)
        line.addWidget(W.QPushButton("Why?"))
        advice_layout.addLayout(line)
    for index in range(12):
        advice_layout.addWidget(W.QLabel(f"Note {index}"))
    advice.setWidget(rows_box)
    right.addWidget(form)
    right.addWidget(advice)
    main.addWidget(left)
    main.addWidget(right)
    window.resize(1200, 800)
else:
    # What desktop.app.main() does (minus argument parsing and the excepthook): logging,
    # the styled application, asking whether a Liftrun already has the file open, the
    # window's shell, which opens the store and completes itself after its first paint
    # (then it emits `ready`, and listens for later starts after the next frame).
    from pathlib import Path
    from desktop.logs import setup_logging
    setup_logging()
    from desktop.app import ensure_application, start_main_window
    app = ensure_application()
    def failed(code):
        print(f"the app failed to start ({code})", file=sys.stderr, flush=True)
        os._exit(4)
    from desktop.ui import single_instance
    address = single_instance.server_address(Path(sys.argv[2]))
    if single_instance.ask_running_instance(address):
        print("another Liftrun has this database open", file=sys.stderr, flush=True)
        os._exit(5)
    window = start_main_window(lambda: Path(sys.argv[2]), on_failure=failed)
    from desktop.app import listen_once_complete
    listen_once_complete(window, address)

from PySide6.QtWidgets import QWidget
figures = {}

def peak_kib():
    try:
        import resource
    except ImportError:  # Windows
        return None
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss // 1024 if sys.platform == "darwin" else maxrss  # bytes on macOS

def report():
    if MODE == "app":
        figures["modules"] = sorted(name for name in sys.modules if name.startswith("desktop"))
    print("LIFTRUN_BENCH " + json.dumps(figures), flush=True)
    window.close()
    app.quit()

def painted():
    # Runs from a zero-delay timer queued by a Paint event: the frame is complete.
    now = (time.perf_counter_ns() - T0) / 1e6
    if "first_paint_ms" not in figures:
        figures.update(first_paint_ms=now, maxrss_kib=peak_kib())
        if MODE != "app" or window.is_attached:  # nothing more to wait for
            figures.update(ready_ms=now, ready_maxrss_kib=figures["maxrss_kib"])
            report()
    elif "ready_ms" not in figures:
        figures.update(ready_ms=now, ready_maxrss_kib=peak_kib())
        report()

class Paints(QObject):
    armed = True
    def eventFilter(self, watched, event):
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, painted)
        return False

def watch():
    probe.armed = True
    for widget in [window, *window.findChildren(QWidget)]:
        widget.installEventFilter(probe)

def ready():
    # The window is complete; "ready" is the end of the first frame that shows it.
    watch()
    window.update()

def give_up():
    print("no first paint / ready after 60 s", file=sys.stderr, flush=True)
    os._exit(3)

# A container such as QCalendarWidget gets no paint event itself (its children paint it),
# so watch every widget of the window.
probe = Paints()
watch()
if MODE == "app":
    window.ready.connect(ready)
QTimer.singleShot(60_000, give_up)
window.show()
sys.exit(app.exec())
"""


@dataclass
class ProbeRun:
    """What one probe process reported: milliseconds and peak memory at two moments.

    First paint: the first complete frame (for the app, its shell: menus and the calendar).
    Ready: the first complete frame of the whole window, filled with the database's data
    and the day's advice (for the bare script, the same as its first paint).
    """

    first_paint_ms: float
    maxrss_kib: int | None
    ready_ms: float
    ready_maxrss_kib: int | None
    modules: tuple[str, ...] = ()  # the app's: Liftrun's modules loaded at ready


@dataclass
class StartupSamples:
    """Interleaved runs of the bare script, the plain-widgets reference and the app on each
    database."""

    bare: list[ProbeRun] = field(default_factory=list)
    widgets: list[ProbeRun] = field(default_factory=list)
    widgets_and_modules: list[ProbeRun] = field(default_factory=list)
    apps: dict[str, list[ProbeRun]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def child_env(scratch: Path) -> dict[str, str]:
    """The probe's environment: offscreen Qt, and settings/logs/data kept out of the home."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # An installed app runs from compiled bytecode (pip and PyInstaller compile it); let the
    # warm-up round write __pycache__ so no timed run pays for compiling Liftrun's sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(scratch / name.lower())
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + path if path else "")
    return env


def probe_once(
    mode: str, db: Path | None, env: dict[str, str], modules: tuple[str, ...] = ()
) -> ProbeRun:
    """Start one probe process and return what it measured."""
    args = [sys.executable, "-c", PROBE, mode]
    if db is not None:
        args.append(str(db))
    if modules:
        args.append(",".join(modules))
    env = dict(env)
    env["LIFTRUN_BENCH_T0"] = str(time.perf_counter_ns())
    completed = subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S
    )
    for line in completed.stdout.splitlines():
        if line.startswith("LIFTRUN_BENCH "):
            data = json.loads(line.removeprefix("LIFTRUN_BENCH "))
            return ProbeRun(
                float(data["first_paint_ms"]),
                data["maxrss_kib"],
                float(data["ready_ms"]),
                data["ready_maxrss_kib"],
                tuple(data.get("modules", ())),
            )
    raise RuntimeError(
        f"the start-up probe ({mode}) exited with {completed.returncode} without a result:\n"
        + completed.stderr[-2000:]
    )


def empty_db(folder: Path) -> Path:
    """A database with only a profile, so the window opens straight onto the calendar."""
    from desktop.sample import sample_profile
    from desktop.store import Store

    path = folder / "empty.db"
    with Store.open(path) as store:
        store.save_profile(sample_profile())
    return path


@functools.cache
def startup_samples(quick: bool) -> StartupSamples:
    """Measure (once per process) interleaved bare/app start-ups; shared with bench_memory."""
    repeats = 2 if quick else 11
    years = 1 if quick else 10
    samples = StartupSamples()
    with tempfile.TemporaryDirectory(prefix="liftrun-bench-startup-") as tmp:
        scratch = Path(tmp)
        env = child_env(scratch)
        history = scratch / "history.db"
        shutil.copyfile(history_db(years), history)
        samples.notes = {"empty": "", "history": f"{session_count(history):,} sessions"}
        dbs = {"empty": empty_db(scratch), "history": history}
        samples.labels = {
            "empty": "empty database",
            "history": f"{years} year{'' if years == 1 else 's'} of history",
        }
        samples.apps = {key: [] for key in dbs}
        # One untimed round warms the disk cache and the bytecode cache, and names the
        # modules the complete window loads.
        probe_once("bare", None, env)
        modules = tuple(
            sorted({name for db in dbs.values() for name in probe_once("app", db, env).modules})
        )
        probe_once("widgets", history, env)
        probe_once("widgets+modules", history, env, modules)
        for _ in range(repeats):
            samples.bare.append(probe_once("bare", None, env))
            samples.widgets.append(probe_once("widgets", history, env))
            samples.widgets_and_modules.append(probe_once("widgets+modules", history, env, modules))
            for key, db in dbs.items():
                samples.apps[key].append(probe_once("app", db, env))
    return samples


def run(quick: bool = False) -> list[Result]:
    """Rows: bare and the plain-widgets reference; per database the app's first paint, ready
    time, wait and ratios (first frame / bare, complete window / the same widgets, complete
    window / bare)."""
    samples = startup_samples(quick)
    bare_ms = [probe.first_paint_ms for probe in samples.bare]
    rows = [result("start-up: bare QCalendarWidget to first paint", bare_ms)]
    widgets_ms = [probe.first_paint_ms for probe in samples.widgets]
    rows.append(
        result(
            "start-up reference: the same widgets in plain PySide6, to first paint",
            widgets_ms,
            note="no Liftrun code; peewee, the Qt namespace, menus, form, advice rows",
        )
    )
    rows.append(
        ratio_row(
            "start-up reference ratio: the same widgets / bare",
            widgets_ms,
            bare_ms,
            note="what the content costs without Liftrun; per interleaved pair",
        )
    )
    rows.append(
        ratio_row(
            "start-up reference ratio: the same widgets with Liftrun's modules / the same widgets",
            [probe.first_paint_ms for probe in samples.widgets_and_modules],
            widgets_ms,
            note="the modules the complete window loads, imported, none of their code run: "
            "its floor; per interleaved round",
        )
    )
    for key, runs in samples.apps.items():
        label = samples.labels[key]
        app_ms = [probe.first_paint_ms for probe in runs]
        ready_ms = [probe.ready_ms for probe in runs]
        note = samples.notes.get(key, "")
        rows.append(
            result(
                f"start-up: app, {label}, to first paint",
                app_ms,
                note="the shell: menus and the calendar" + (f"; {note}" if note else ""),
            )
        )
        rows.append(
            ratio_row(
                f"start-up ratio: app ({label}) / bare",
                app_ms,
                bare_ms,
                budget=STARTUP_RATIO_BUDGET,
                note="per interleaved pair" + (f"; {note}" if note else ""),
            )
        )
        rows.append(
            result(
                f"start-up: app, {label}, to ready",
                ready_ms,
                note="whole window painted with the data and the day's advice",
            )
        )
        rows.append(
            result(
                f"start-up: app, {label}, first paint to ready",
                [ready - first for ready, first in zip(ready_ms, app_ms, strict=True)],
                budget=READY_WAIT_BUDGET_MS,
                note="how long the calendar is shown without its data",
            )
        )
        rows.append(
            ratio_row(
                f"start-up ratio: complete window ({label}) / the same widgets",
                ready_ms,
                widgets_ms,
                budget=COMPLETE_REFERENCE_RATIO_BUDGET,
                note="data, markers and the day's advice painted; per interleaved round",
            )
        )
        rows.append(
            ratio_row(
                f"start-up ratio: complete window ({label}) / bare",
                ready_ms,
                bare_ms,
                note="context; per interleaved pair",
            )
        )
    return rows
