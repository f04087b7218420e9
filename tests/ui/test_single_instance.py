"""A second start on the same database brings the running window forward and exits quietly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import logs
from desktop.sample import sample_profile
from desktop.store import Store
from desktop.ui import single_instance
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import InstanceServer, ask_running_instance, server_address
from tests.ui.recording_prompts import prompts_of

# Runs `liftrun --db PATH` and reports on stdout: "ready" once the window is complete and
# listens for later starts,
# "raised" when a later start asked it forward (then it closes its window).
FIRST_START = r"""
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app
from desktop.startup import ensure_application
from desktop.ui import single_instance
from desktop.ui.main_window import MainWindow

ensure_application()
bring_to_front = single_instance.bring_to_front


def raised(window):
    bring_to_front(window)
    print("raised", window.isVisible(), flush=True)
    QTimer.singleShot(0, window.close)


single_instance.bring_to_front = raised


def report_ready() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    server = windows[0].findChild(single_instance.InstanceServer) if windows else None
    if windows and windows[0].is_attached and server is not None and server.listening:
        print("ready", flush=True)
        return
    QTimer.singleShot(20, report_ready)


QTimer.singleShot(0, report_ready)
# Nobody asked within the time: close, so the test fails instead of hanging.
QTimer.singleShot(60_000, QApplication.quit)
sys.exit(app.main(sys.argv[1:]))
"""


def test_addresses_are_per_user_and_database_and_fold_case_where_the_os_does() -> None:
    plan = Path("/Users/ada/Liftrun/plan.db").absolute()
    other_spelling = Path("/Users/ada/LIFTRUN/Plan.db").absolute()
    assert server_address(plan, "ada") == server_address(plan, "ada")
    assert server_address(plan, "ada") != server_address(plan, "bob")
    assert server_address(plan, "ada") != server_address(plan.with_name("other.db"), "ada")
    for platform in ("darwin", "win32"):
        folded = server_address(other_spelling, "ada", platform, "/tmp")
        assert server_address(plan, "ada", platform, "/tmp") == folded
    assert server_address(plan, "ada", "linux") != server_address(other_spelling, "ada", "linux")
    # Windows: a pipe name; elsewhere a socket file in the temporary folder, far below the
    # ~104 bytes macOS allows a socket path ($TMPDIR is about 50 there).
    assert server_address(plan, "ada", "win32").startswith("liftrun-")
    assert len(server_address(plan, "ada", "win32")) == len("liftrun-") + 20
    mac_temp = "/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T/"
    on_mac = server_address(plan, "ada", "darwin", mac_temp)
    assert on_mac.startswith(mac_temp) and len(on_mac.encode()) < 104


def test_the_early_path_is_the_one_the_store_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hand-over is asked before the store loads, by the store's own rule."""
    from desktop.app import _instance_path
    from desktop.startup import build_parser
    from desktop.store import resolve_db_path

    monkeypatch.chdir(tmp_path)
    for argv, env_db in (([], None), ([], "~/plans/x.db"), (["--db", "rel.db"], "other.db")):
        if env_db is None:
            monkeypatch.delenv("LIFTRUN_DB", raising=False)
        else:
            monkeypatch.setenv("LIFTRUN_DB", env_db)
        args = build_parser().parse_args(argv)
        assert _instance_path(args) == resolve_db_path(args.db, os.environ)
    assert _instance_path(build_parser().parse_args(["--demo"])) is None


def test_nobody_listening_means_start_normally(tmp_path: Path) -> None:
    began = time.monotonic()
    assert not ask_running_instance(server_address(tmp_path / "nobody.db"), timeout_ms=1000)
    assert time.monotonic() - began < 1.0


def test_a_server_and_a_socket_in_two_processes_hand_over(tmp_path: Path, qtbot: QtBot) -> None:
    """This process listens; a child process asks it forward and hears "ok"."""
    name = server_address(tmp_path / "plan.db")
    server = InstanceServer(name)
    assert server.listen() and server.listening
    asked: list[bool] = []
    server.raise_requested.connect(lambda: asked.append(True))
    try:
        assert ask_in_a_child(name, qtbot)
    finally:
        server.close()
    assert asked == [True]


def test_a_socket_file_left_by_a_crash_is_taken_over(tmp_path: Path, qtbot: QtBot) -> None:
    if sys.platform == "win32":
        pytest.skip("a named pipe leaves nothing behind when its process dies")
    name = server_address(tmp_path / "crashed.db")
    # What a crashed Liftrun leaves: a socket file nobody listens on.
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)
    stale.close()
    assert Path(name).exists()
    assert not ask_running_instance(name, timeout_ms=500)
    server = InstanceServer(name)
    try:
        assert server.listen()
    finally:
        server.close()


@pytest.mark.slow
def test_a_second_start_brings_the_first_forward_and_exits_quietly(tmp_path: Path) -> None:
    db_path = tmp_path / "plan.db"
    with Store.open(db_path) as store:
        store.save_profile(sample_profile())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST_START, "--db", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"
        began = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", str(db_path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert second.returncode == 0, second.stderr
        assert second.stdout == "" and second.stderr == ""
        assert first.stdout.readline().split() == ["raised", "True"]
        assert first.wait(timeout=60) == 0
        handed_over_s = time.monotonic() - began
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    log_text = (Path(os.environ["LIFTRUN_LOG_DIR"]) / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "brought its window forward" in log_text
    assert "already open" not in log_text
    assert handed_over_s < 60


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    single_instance.bring_to_front(window)
    assert window.isVisible()
    assert not window.windowState() & Qt.WindowState.WindowMinimized


def test_after_open_database_later_starts_reach_the_new_file(
    make_window: Callable[..., MainWindow], db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """File > Open database: the old file's address goes quiet, the new one answers."""
    from desktop.app import listen_once_complete

    other = tmp_path / "other.db"
    with Store.open(other) as store:
        store.save_profile(sample_profile())
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    first, second = server_address(db_path), server_address(other)
    listener = listen_once_complete(window, first)
    qtbot.waitUntil(lambda: listener.server is not None and listener.server.listening)
    raised: list[bool] = []
    prompts_of(window).open_file = other
    window.open_action.trigger()
    assert window.planner.db_path == other
    assert listener.address == second
    assert listener.server is not None and listener.server.listening
    listener.server.raise_requested.connect(lambda: raised.append(True))
    assert not ask_running_instance(first, timeout_ms=500)
    assert ask_in_a_child(second, qtbot)
    assert raised == [True]
    window.close()
    qtbot.waitUntil(lambda: not ask_running_instance(second, timeout_ms=200))


def ask_in_a_child(address: str, qtbot: QtBot) -> bool:
    """Ask `address` from another process, as a second start does, while this one's event
    loop turns so its server can answer."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.ui.single_instance import ask_running_instance as ask;"
            "sys.exit(0 if ask(sys.argv[1], 10_000) else 3)",
            address,
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=30_000)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return child.returncode == 0
