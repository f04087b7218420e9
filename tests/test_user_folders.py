"""Save dialogs start in a real, absolute folder: remembered, Documents or Pictures, home."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from desktop.user_folders import default_save_folder, suggested_save_path


def test_documents_and_pictures_are_the_users_own(isolated_user_folders: Path) -> None:
    documents = Path(platformdirs.user_documents_dir())
    pictures = Path(platformdirs.user_pictures_dir())
    assert default_save_folder("documents") == documents
    assert default_save_folder("pictures") == pictures
    chart = suggested_save_path("liftrun-progress.png", "pictures")
    assert chart == pictures / "liftrun-progress.png" and chart.is_absolute()
    # tests/conftest.py puts them in the test's home, on every OS.
    assert chart.is_relative_to(isolated_user_folders)


def test_a_remembered_folder_wins_while_it_exists(tmp_path: Path) -> None:
    chosen = tmp_path / "exports"
    chosen.mkdir()
    assert suggested_save_path("liftrun.ics", remembered=str(chosen)) == chosen / "liftrun.ics"
    chosen.rmdir()
    assert default_save_folder(remembered=chosen) == Path(platformdirs.user_documents_dir())
    # A relative remembered folder would mean the working folder ("/" from Finder).
    assert default_save_folder(remembered="exports") == Path(platformdirs.user_documents_dir())


def test_without_a_documents_folder_home_it_is(isolated_user_folders: Path) -> None:
    Path(platformdirs.user_documents_dir()).rmdir()
    assert default_save_folder("documents") == Path.home()
