"""Packaging shim: ship the root `resources/` folder inside the wheel as `desktop/_resources`.

Everything else about the project lives in pyproject.toml. pyproject alone cannot add a
package mapped from another folder to an automatically discovered package list, so this file
does exactly that and nothing more (no symlinks, works for `pip install .` and editable installs).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desktop", "desktop.*"]), "desktop._resources"],
    package_dir={"desktop._resources": "resources"},
    package_data={
        "desktop._resources": ["*.qss", "*.svg", "*.ico", "*.icns", "icons/*.png", "samples/*"]
    },
    include_package_data=False,
)
