"""Import and export as Windows and macOS behave, exercised on any OS."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.interop import read_file
from desktop.interop.result import UnreadableFileError


def test_importing_a_folder_says_so_when_windows_refuses_to_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export.csv"
    folder.mkdir()

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(UnreadableFileError) as caught:
        read_file(folder)
    assert str(caught.value) == "export.csv is a folder, not a file to import."
