"""One Liftrun per database: a second start brings the running window forward and quits.

The first Liftrun to open a database listens on a local socket (a named pipe on Windows, a
socket file in the temporary folder elsewhere) whose name comes from the user and the
database's path. A later start on the same database connects to it before showing anything,
asks it to come forward, waits for its "ok" and exits quietly. Another database, or --demo,
gets a window of its own. When nothing answers (no Liftrun, a stale socket file after a
crash, a hung one) the start goes on; the database lock still refuses a second writer.
`InstanceListener` keeps the window answering for the database it has open: after File >
Open database it stops answering for the old file and listens for the new one.

The asking side runs before the first frame, so it stays cheap: on Linux and macOS a missing
socket file answers at once, and QtNetwork (15-25 ms to load) is loaded only for the
listening side, once the window is complete (and on Windows to ask the pipe).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

RAISE_REQUEST = b"raise\n"
RAISED_REPLY = b"ok\n"
# How long a second start waits for the first to answer before starting on its own.
ANSWER_TIMEOUT_MS = 1500


def _user() -> str:
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # as getpass.getuser reads them
        if os.environ.get(variable):
            return os.environ[variable]
    return str(os.getuid()) if hasattr(os, "getuid") else ""


def server_address(
    db_path: Path,
    user: str | None = None,
    platform: str = sys.platform,
    temp_dir: str | None = None,
) -> str:
    """Where the Liftrun holding `db_path` listens: a pipe name on Windows ("liftrun-" and 20
    hex digits), that name's socket file in the temporary folder elsewhere.

    The name comes from the user and the path; Windows and macOS compare paths ignoring
    case, so there the path is folded first. The socket path stays far below the ~100 bytes
    a Unix socket path may have in the usual temporary folders.
    """
    path = os.path.normcase(os.path.abspath(db_path))
    if platform in ("win32", "darwin"):
        path = path.casefold()
    owner = _user() if user is None else user
    name = "liftrun-" + hashlib.sha256(f"{owner}\0{path}".encode()).hexdigest()[:20]
    if platform == "win32":
        return name
    folder = temp_dir if temp_dir is not None else os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(folder, name)


def ask_running_instance(address: str, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
    """True when a Liftrun listening at `address` answered that it has come forward."""
    if sys.platform != "win32" and not os.path.exists(address):
        return False  # nobody has ever listened there: no need to load anything
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(address)
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

    def __init__(self, address: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.address = address
        self._server = QLocalServer(self)
        # Only this user's processes may connect (the pipe's or socket file's permissions).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        """Start listening; a socket file a crashed Liftrun left behind is removed first.

        Call only after `ask_running_instance(address)` found nobody: then any socket file
        there is stale. False (logged) when the system refuses; Liftrun runs on anyway.
        """
        if self._server.listen(self.address):
            return True
        self._server.removeServer(self.address)
        if self._server.listen(self.address):
            return True
        log.warning("No single-instance socket %s: %s", self.address, self._server.errorString())
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


class InstanceListener(QObject):
    """The window's listener: one `InstanceServer`, for whichever database it has open."""

    def __init__(self, window: QWidget, address: str | None) -> None:
        """`address` is the first database's (None: a demo, which answers no later start)."""
        super().__init__(window)
        self._window = window
        self._address = address
        self.server: InstanceServer | None = None

    @property
    def address(self) -> str | None:
        """Where later starts reach this window now (None while it answers none)."""
        return self._address

    def listen(self) -> None:
        """Answer later starts on the current database (again, after `follow`)."""
        self.close()
        if self._address is None:
            return
        server = InstanceServer(self._address, self)
        server.raise_requested.connect(lambda: bring_to_front(self._window))
        server.listen()
        self.server = server

    def follow(self, db_path: Path) -> None:
        """The window switched to `db_path`: stop answering for the old file, listen for it.

        Nobody else can be listening there: the store's lock let this window open it.
        """
        self._address = server_address(db_path)
        self.listen()

    def close(self) -> None:
        """Stop answering (the old socket file is removed)."""
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None


def bring_to_front(window: QWidget) -> None:
    """Show `window` restored, on top and active, as far as the OS allows.

    Windows lets a background process raise its window only in some cases; it then flashes
    the taskbar button instead, which is the native answer.
    """
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
