"""Where save and open dialogs start: a folder the person chose before, else their
Documents (or Pictures, for images) folder, else their home; always an absolute path.

A dialog given a bare file name starts in the process's working folder, which for an app
started from Finder is "/". platformdirs knows each OS's Documents and Pictures folders
(the shell's known folders on Windows, ~/Documents on macOS, the XDG user dirs on Linux).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

FolderKind = Literal["documents", "pictures"]


def default_save_folder(
    kind: FolderKind = "documents", remembered: str | Path | None = None
) -> Path:
    """The folder a save dialog starts in: `remembered` when it still exists, else the
    user's Documents or Pictures folder, else home."""
    if remembered:
        folder = Path(remembered).expanduser()
        if folder.is_absolute() and folder.is_dir():
            return folder
    import platformdirs

    named = (
        platformdirs.user_pictures_dir()
        if kind == "pictures"
        else platformdirs.user_documents_dir()
    )
    folder = Path(named)
    return folder if folder.is_absolute() and folder.is_dir() else Path.home()


def suggested_save_path(
    file_name: str, kind: FolderKind = "documents", remembered: str | Path | None = None
) -> Path:
    """An absolute path to offer in a save dialog: `file_name` in `default_save_folder`."""
    return default_save_folder(kind, remembered) / file_name
