"""One Liftrun per database: a second start brings the running window forward and quits.

The first Liftrun to open a database listens on a local socket (a named pipe on Windows, a
socket file in the temporary folder elsewhere) whose name comes from the user and the
database's path. A later start on the same database connects to it before showing anything,
asks it to come forward, waits for its "ok" and exits quietly. Another database, or --demo,
gets a window of its own. When nothing answers (no Liftrun, a stale socket file after a
crash, a hung one) the start goes on; the database lock still refuses a second writer.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

RAISE_REQUEST = b"raise\n"
RAISED_REPLY = b"ok\n"
# How long a second start waits for the first to answer before starting on its own.
ANSWER_TIMEOUT_MS = 1500


def server_name(db_path: Path, user: str | None = None, platform: str = sys.platform) -> str:
    """The local socket's name for this user and database: "liftrun-" and 20 hex digits.

    Short enough for a Unix socket path; Windows and macOS compare paths ignoring case, so
    there the path is folded first.
    """
    if user is None:
        try:
            user = getpass.getuser()
        except (OSError, KeyError, ImportError):
            user = ""
    path = os.path.normcase(os.path.abspath(db_path))
    if platform in ("win32", "darwin"):
        path = path.casefold()
    digest = hashlib.sha256(f"{user}\0{path}".encode()).hexdigest()
    return f"liftrun-{digest[:20]}"


def ask_running_instance(name: str, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
    """True when a Liftrun listening on `name` answered that it has come forward."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(RAISE_REQUEST)
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = b""
        while not reply.endswith(b"\n"):
            if not socket.waitForReadyRead(timeout_ms):
                return False
            reply += socket.readAll().data()
        return reply == RAISED_REPLY
    finally:
        socket.abort()


class InstanceServer(QObject):
    """Listens for later starts on the same database; each asks `raise_requested`."""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user's processes may connect (the pipe's or socket file's permissions).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        """Start listening; a socket file a crashed Liftrun left behind is removed first.

        Call only after `ask_running_instance(name)` found nobody: then any socket file by
        this name is stale. False (logged) when the system refuses; Liftrun runs on anyway.
        """
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("No single-instance socket %s: %s", self.name, self._server.errorString())
        return False

    @property
    def listening(self) -> bool:
        """True while later starts can reach this one."""
        return self._server.isListening()

    def close(self) -> None:
        """Stop listening (the socket file is removed)."""
        self._server.close()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            if connection is None:
                return
            connection.setParent(self)
            connection.readyRead.connect(lambda c=connection: self._on_ready_read(c))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._on_ready_read(connection)

    def _on_ready_read(self, connection: QLocalSocket) -> None:
        request = connection.readAll().data()
        if RAISE_REQUEST.strip() in request:
            self.raise_requested.emit()
            connection.write(RAISED_REPLY)
            connection.flush()
        connection.disconnectFromServer()


def bring_to_front(window: QWidget) -> None:
    """Show `window` restored, on top and active, as far as the OS allows.

    Windows lets a background process raise its window only in some cases; it then flashes
    the taskbar button instead, which is the native answer.
    """
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
