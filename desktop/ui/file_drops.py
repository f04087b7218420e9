"""Files dragged onto the window from a file manager: which of them Liftrun may import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


def local_files(mime: QMimeData) -> list[Path]:
    """The dropped files when every URL is a local file; otherwise none."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
