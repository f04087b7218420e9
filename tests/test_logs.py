"""Every log file Liftrun writes is owner-only: it may name personal files and folders."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from desktop import logs


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_every_log_file_is_0600_even_one_left_0644_by_an_older_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    monkeypatch.setenv("LIFTRUN_LOG_DIR", str(folder))
    old_fault_log = folder / logs.FAULT_FILE
    old_fault_log.write_text("an older crash\n", encoding="utf-8")
    old_fault_log.chmod(0o644)
    try:
        assert logs.setup_logging() == folder
    finally:
        logs.shutdown_logging()
    written = sorted(entry.name for entry in folder.iterdir())
    assert logs.FAULT_FILE in written and len(written) >= 2
    for entry in folder.iterdir():
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600, entry.name
    assert old_fault_log.read_text(encoding="utf-8").startswith("an older crash")
