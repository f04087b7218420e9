"""Find Liftrun's bundled files (icons, style sheet, samples) from source, installed, or frozen.

This is the only module that knows where `resources/` lives:
- frozen by PyInstaller: `<sys._MEIPASS>/resources` (build.spec puts it there);
- running from a source checkout (also an editable install): `<repo>/resources`;
- installed from a wheel (`pip install .`): the `desktop/_resources` package data that
  setup.py maps from `resources/`.
No Qt import here, so the engine, the store and the tests can use it freely.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_MARKER = "style.qss"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


class ResourceNotFoundError(FileNotFoundError):
    """A bundled file is missing: the install or the build is incomplete."""


def _candidates() -> list[Path]:
    """Folders that may hold the resources, most specific first."""
    here = Path(__file__).resolve().parent
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        found.append(Path(frozen_root) / "resources")
    found.append(here.parent / "resources")  # source checkout / editable install
    found.append(here / "_resources")  # wheel install (package data)
    return found


@cache
def resource_dir() -> Path:
    """The folder holding the bundled resources; raises ResourceNotFoundError if none."""
    candidates = _candidates()
    for folder in candidates:
        if (folder / _MARKER).is_file():
            return folder
    tried = ", ".join(str(c) for c in candidates)
    raise ResourceNotFoundError(f"Liftrun's resources are missing (looked in {tried}).")


def resource_path(*parts: str) -> Path:
    """Path of one bundled file, e.g. resource_path("icons", "icon-256.png")."""
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceNotFoundError(f"Liftrun's resource {'/'.join(parts)} is missing ({path}).")
    return path


def read_stylesheet() -> str:
    """The application's Qt style sheet (resources/style.qss) as text."""
    return resource_path("style.qss").read_text(encoding="utf-8")


def icon_path(size: int = 256) -> Path:
    """The application icon as a PNG of the nearest generated size at or above `size`."""
    chosen = next((s for s in ICON_SIZES if s >= size), ICON_SIZES[-1])
    return resource_path("icons", f"icon-{chosen}.png")


def icon_paths() -> list[Path]:
    """Every generated PNG size of the application icon, smallest first (for a QIcon)."""
    return [resource_path("icons", f"icon-{s}.png") for s in ICON_SIZES]


SAMPLE_GPX = "run-and-ride.gpx"
SAMPLE_FIT = "garmin-fenix-5-run.fit"


def sample_path(name: str) -> Path:
    """A bundled sample activity file (resources/samples), e.g. sample_path(SAMPLE_FIT)."""
    return resource_path("samples", name)
