"""The drag-and-drop format for a session: its id as ASCII digits under one MIME type.

Calendar chips, week-view blocks and day-list rows all drag with it, so any of them can be
dropped on any view that accepts it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

SESSION_MIME_TYPE = "application/x-liftrun-session-id"


def session_mime(session_id: int) -> QMimeData:
    """Mime data carrying one session id (and the id as plain text, for other apps)."""
    mime = QMimeData()
    mime.setData(SESSION_MIME_TYPE, QByteArray(str(session_id).encode("ascii")))
    return mime


def session_id_of(mime: QMimeData | None) -> int | None:
    """The session id a drag carries, or None when it carries none (or a malformed one)."""
    if mime is None or not mime.hasFormat(SESSION_MIME_TYPE):
        return None
    raw = bytes(mime.data(SESSION_MIME_TYPE).data()).decode("ascii", errors="replace").strip()
    return int(raw) if raw.isdigit() else None
