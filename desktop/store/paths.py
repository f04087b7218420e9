"""Where the database lives: platformdirs default, LIFTRUN_DB, or --db."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

APP_NAME = "Liftrun"
DB_FILE_NAME = "liftrun.db"
ENV_VAR = "LIFTRUN_DB"


def default_db_path() -> Path:
    """The per-user database path, e.g. ~/.local/share/Liftrun/liftrun.db; creates nothing."""
    from platformdirs import user_data_dir  # only needed when no path is given

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_db_path(cli_value: str | None, environ: Mapping[str, str]) -> Path:
    """Pick the database path: --db beats LIFTRUN_DB beats the default.

    Only the default data folder is created here (it is the app's own folder);
    a folder named by --db or LIFTRUN_DB must already exist, which Store.open
    reports with DatabaseFolderMissingError.
    """
    for value in (cli_value, environ.get(ENV_VAR)):
        if value is not None and value.strip():
            return Path(value.strip()).expanduser().absolute()
    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
