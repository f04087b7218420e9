"""Where the database lives: --db beats LIFTRUN_DB beats the platformdirs default."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from desktop.store import default_db_path, resolve_db_path


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "share" / "Liftrun"
    calls: list[tuple[str, object]] = []

    def fake_user_data_dir(appname: str, appauthor: object = None) -> str:
        calls.append((appname, appauthor))
        return str(folder)

    # desktop.store.paths imports it when a default is needed, so the patch is seen.
    monkeypatch.setattr(platformdirs, "user_data_dir", fake_user_data_dir)
    return folder


def test_default_is_liftrun_db_in_the_user_data_dir_and_creates_nothing(data_dir: Path) -> None:
    assert default_db_path() == data_dir / "liftrun.db"
    assert not data_dir.exists()


def test_real_default_uses_platformdirs() -> None:
    from platformdirs import user_data_dir

    assert default_db_path() == Path(user_data_dir("Liftrun", appauthor=False)) / "liftrun.db"


def test_resolving_the_default_creates_its_folder(data_dir: Path) -> None:
    assert resolve_db_path(None, {}) == data_dir / "liftrun.db"
    assert data_dir.is_dir()
    assert list(data_dir.iterdir()) == []


def test_cli_beats_environment_beats_default(data_dir: Path, tmp_path: Path) -> None:
    cli, env = tmp_path / "cli.db", tmp_path / "env.db"
    assert resolve_db_path(str(cli), {"LIFTRUN_DB": str(env)}) == cli
    assert resolve_db_path(None, {"LIFTRUN_DB": str(env)}) == env
    assert resolve_db_path("  ", {"LIFTRUN_DB": ""}) == data_dir / "liftrun.db"
    assert not cli.exists() and not env.exists()


def test_explicit_paths_are_expanded_and_made_absolute(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert resolve_db_path("~/a.db", {}) == tmp_path / "a.db"
    assert resolve_db_path("b.db", {}) == tmp_path / "b.db"
    missing = resolve_db_path(None, {"LIFTRUN_DB": str(tmp_path / "no" / "c.db")})
    assert missing == tmp_path / "no" / "c.db"
    assert not (tmp_path / "no").exists()  # Store.open reports the missing folder
