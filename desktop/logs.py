"""Logging to a rotating file in the per-user log folder, and logging of uncaught errors.

A windowed app has no console (on Windows, frozen, sys.stdout and sys.stderr are None), so
everything worth knowing goes to `liftrun.log` in the per-user log folder (platformdirs'
user_log_dir("Liftrun"), see `default_log_dir`):
- Linux: ~/.local/state/Liftrun/log
- macOS: ~/Library/Logs/Liftrun
- Windows: %LOCALAPPDATA%\\Liftrun\\Logs
LIFTRUN_LOG_DIR overrides the folder; LIFTRUN_LOG_LEVEL (e.g. DEBUG) the level.
"""

from __future__ import annotations

import faulthandler
import io
import logging
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO

from desktop import APP_NAME, __version__

LOG_FILE = "liftrun.log"
FAULT_FILE = "crash-native.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

logger = logging.getLogger("desktop")


class RotatingFileHandler(logging.FileHandler):
    """logging.handlers.RotatingFileHandler's size rotation, without importing that module.

    logging.handlers imports socket, pickle and queue: about 10 ms of every start-up.
    """

    def __init__(self, filename: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, encoding="utf-8")
        self.maxBytes = max_bytes
        self.backupCount = backup_count

    def _open(self) -> io.TextIOWrapper:
        """Open the log owner-only (0600 on POSIX): it may name personal files."""
        # O_BINARY (Windows only): the text layer already writes \r\n; a text-mode descriptor
        # would add another \r to each.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record, first moving a full file to .1 (.1 to .2, ...)."""
        if self.stream is not None and self.stream.tell() >= self.maxBytes:
            self.stream.close()
            self.stream = None  # FileHandler.emit reopens it
            base = self.baseFilename
            try:
                for n in range(self.backupCount - 1, 0, -1):
                    if os.path.exists(f"{base}.{n}"):
                        os.replace(f"{base}.{n}", f"{base}.{n + 1}")
                if self.backupCount:
                    os.replace(base, f"{base}.1")
            except OSError:  # another process holds a file: keep appending to this one
                pass
        super().emit(record)


_handler: RotatingFileHandler | None = None
_fault_file: IO[str] | None = None


def log_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder the log files go to: the active one once set up, else the configured one."""
    if environ is None and _handler is not None:
        return Path(_handler.baseFilename).parent
    env = os.environ if environ is None else environ
    override = env.get("LIFTRUN_LOG_DIR")
    if override:
        return Path(override).expanduser()
    return default_log_dir(env)


def default_log_dir(environ: Mapping[str, str], platform: str = sys.platform) -> Path:
    """platformdirs' user_log_dir("Liftrun", appauthor=False), worked out without importing it.

    On Linux importing platformdirs loads tempfile, shutil and random: about 5 ms of every
    start-up. A test keeps this in step with platformdirs; on Windows without LOCALAPPDATA
    (never seen in practice) platformdirs itself is asked.
    """
    home = Path(environ.get("HOME") or Path.home())
    if platform == "darwin":
        return home / "Library" / "Logs" / APP_NAME
    if platform == "win32":
        # platformdirs (4.8+) takes its WIN_PD_OVERRIDE_LOCAL_APPDATA before asking Windows.
        local = (
            environ.get("WIN_PD_OVERRIDE_LOCAL_APPDATA", "").strip()
            or environ.get("LOCALAPPDATA", "").strip()
        )
        if not local:
            from platformdirs import user_log_dir

            return Path(user_log_dir(APP_NAME, appauthor=False))
        return Path(local) / APP_NAME / "Logs"
    state = environ.get("XDG_STATE_HOME", "")
    base = Path(state) if os.path.isabs(state) else home / ".local" / "state"  # as XDG says
    return base / APP_NAME / "log"


def log_file() -> Path:
    """The current log file."""
    return log_dir() / LOG_FILE


def log_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> None:
    """Write one uncaught exception, with its traceback, to the log."""
    logger.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
    for handler in logging.getLogger().handlers:
        handler.flush()


def _excepthook(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> None:
    """sys.excepthook: log the error, then let the previous hook show it (if it can)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log_exception(exc_type, exc, tb)
    if sys.stderr is not None:
        sys.__excepthook__(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """threading.excepthook: log errors raised in worker threads."""
    if args.exc_value is None:
        return
    logger.critical(
        "Uncaught exception in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


def _writable_dir(preferred: Path) -> Path:
    """`preferred` if it can be created and written, else a folder in the temp directory."""
    import tempfile

    for folder in (preferred, Path(tempfile.gettempdir()) / APP_NAME / "log"):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                folder.chmod(0o700)  # the log folder is the app's own: owner-only
            probe = folder / ".write-test"
            probe.write_text("ok", encoding="utf-8")
            probe.unlink()
            return folder
        except OSError:
            continue
    raise OSError(f"Cannot write a log file in {preferred} or the temporary folder.")


def _replace_missing_streams() -> None:
    """Give a windowed process (no console) harmless stdout/stderr so writes don't crash."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def setup_logging(level: int | str | None = None) -> Path:
    """Log to a rotating file, hook uncaught exceptions, and return the log folder.

    Safe to call more than once: later calls only change the level.
    """
    global _handler, _fault_file
    chosen = level if level is not None else os.environ.get("LIFTRUN_LOG_LEVEL", "INFO")
    if isinstance(chosen, str):
        chosen = logging.getLevelName(chosen.upper())
        if not isinstance(chosen, int):
            chosen = logging.INFO
    root = logging.getLogger()
    root.setLevel(chosen)
    if _handler is not None:
        return Path(_handler.baseFilename).parent

    had_console = sys.stderr is not None
    _replace_missing_streams()
    folder = _writable_dir(log_dir())
    handler = RotatingFileHandler(folder / LOG_FILE, MAX_BYTES, BACKUP_COUNT)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    _handler = handler
    if had_console and os.environ.get("LIFTRUN_LOG_CONSOLE"):
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(console)

    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    try:
        fault_fd = os.open(folder / FAULT_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if sys.platform != "win32":
            os.fchmod(fault_fd, 0o600)  # owner-only like every log, also if it existed before
        _fault_file = open(fault_fd, "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_fault_file)
    except (OSError, RuntimeError, ValueError):
        _fault_file = None

    logger.info(
        "%s %s starting (Python %s, %s, %s)",
        APP_NAME,
        __version__,
        sys.version.split()[0],
        _system(),
        how_installed(),
    )
    return folder


def how_installed(package_dir: Path | None = None) -> str:
    """How this Liftrun runs: "frozen", "from a source checkout" or "installed in <folder>".

    An editable install runs the checkout's files, so it counts as a source checkout.
    """
    if getattr(sys, "frozen", False):
        return "frozen"
    here = package_dir if package_dir is not None else Path(__file__).resolve().parent
    if (here.parent / "pyproject.toml").is_file():
        return "from a source checkout"
    return f"installed in {here.parent}"


def _system() -> str:
    """The OS in a few words; platform.platform() would run `uname -p` and read the binary."""
    if hasattr(os, "uname"):
        name = os.uname()
        return f"{name.sysname} {name.release} {name.machine}"
    import platform

    return platform.platform()


def shutdown_logging() -> None:
    """Remove the file handler and restore the default hooks (used by tests)."""
    global _handler, _fault_file
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
