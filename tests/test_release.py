"""Releases: one version everywhere, changelog notes, tag check, installer, menu entry."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import desktop

pytestmark = pytest.mark.tooling

ROOT = Path(__file__).resolve().parent.parent
NSI = ROOT / "installer" / "liftrun.nsi"
LINUX_PACKAGING = ROOT / "packaging" / "linux"


def load_tool(name: str) -> ModuleType:
    """Import tools/<name>.py (tools/ holds scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"liftrun_tools_{name}", ROOT / "tools" / name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


release_notes: Any = load_tool("release_notes.py")
check_tag: Any = load_tool("check_tag.py")


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a tools/ script the way the release workflow does."""
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / name), *args],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


# --- one version ----------------------------------------------------------------------------


def test_pyproject_takes_its_version_from_the_package() -> None:
    """pyproject.toml has no version of its own; the installed metadata is __version__."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "desktop.__version__"}
    assert metadata.version("liftrun") == desktop.__version__


def test_version_is_read_without_importing_the_app() -> None:
    """tools/check_tag.py reads __version__ from the source and prints it for the workflow."""
    assert check_tag.read_version() == desktop.__version__
    result = run_tool("check_tag.py")
    assert (result.returncode, result.stdout) == (0, f"{desktop.__version__}\n")


def spec_namespace() -> dict[str, Any]:
    """build.spec's settings, helpers and Info.plist (everything before Analysis)."""
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    head = source.split("\na = Analysis(", 1)[0]
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "__name__": "build_spec"}
    exec(compile(head, "build.spec", "exec"), namespace)
    return namespace


def test_info_plist_carries_the_version() -> None:
    """The macOS bundle's Info.plist names this version and the keys Finder reads."""
    plist = spec_namespace()["INFO_PLIST"]
    assert plist["CFBundleShortVersionString"] == desktop.__version__
    assert plist["CFBundleVersion"] == desktop.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSRequiresAquaSystemAppearance"] is False
    assert plist["LSApplicationCategoryType"] == "public.app-category.healthcare-fitness"
    major, minor = (int(n) for n in plist["LSMinimumSystemVersion"].split("."))
    assert major >= 11 and minor >= 0


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["cp39-abi3-macosx_13_0_universal2"], "13.0"),
        (["cp39-abi3-macosx_11_0_arm64", "cp39-abi3-macosx_12_0_x86_64"], "12.0"),
        (["cp39-abi3-manylinux_2_28_x86_64"], "12.0"),
        ([], "12.0"),
    ],
)
def test_macos_minimum_follows_the_qt_wheel(tags: list[str], expected: str) -> None:
    """LSMinimumSystemVersion is the oldest macOS the bundled Qt wheel supports."""
    assert spec_namespace()["macos_minimum_version"](tags) == expected


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.12.3", (1, 12, 3, 0)), ("2.0", (2, 0, 0, 0))],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    """The Windows version resource's four numbers come from the version string."""
    assert spec_namespace()["version_numbers"](version) == numbers


def test_windows_version_resource_names_the_version() -> None:
    """The .exe's file properties show desktop.__version__ (PyInstaller on Windows)."""
    pytest.importorskip(
        "PyInstaller.utils.win32.versioninfo",
        reason="PyInstaller's version-resource tools (the build extra) load on Windows only",
        exc_type=ImportError,
    )
    info = str(spec_namespace()["windows_version_info"](desktop.__version__))
    assert f"'ProductVersion', '{desktop.__version__}'" in info
    assert f"'FileVersion', '{desktop.__version__}'" in info


# --- changelog and tag ----------------------------------------------------------------------

SAMPLE_CHANGELOG = """# Changelog

## [Unreleased]

- Something not yet released.

## [1.1.0] - 2027-02-01

### Fixed

- The newer fix.

## [1.0.0] - 2027-01-01

### Added

- The first feature.

## [0.9.0] - 2026-12-01

[1.1.0]: https://example.org/compare/v1.0.0...v1.1.0
[1.0.0]: https://example.org/releases/v1.0.0
"""


def test_notes_are_exactly_the_versions_section() -> None:
    """The extractor returns one section's body, without its heading or its neighbours."""
    notes = release_notes.changelog_section(SAMPLE_CHANGELOG, "v1.0.0")
    assert notes == "### Added\n\n- The first feature."
    newer = release_notes.changelog_section(SAMPLE_CHANGELOG, "1.1.0")
    assert newer == "### Fixed\n\n- The newer fix."


def test_notes_refuse_a_missing_or_empty_section() -> None:
    """No section, or an empty one, is an error naming what to add, never blank notes."""
    with pytest.raises(release_notes.ChangelogError, match=r"## \[2\.0\.0\]"):
        release_notes.changelog_section(SAMPLE_CHANGELOG, "2.0.0")
    with pytest.raises(release_notes.ChangelogError, match="empty"):
        release_notes.changelog_section(SAMPLE_CHANGELOG, "0.9.0")


def test_the_changelog_has_notes_for_this_version() -> None:
    """CHANGELOG.md has a non-empty section for desktop.__version__, printed by the CLI."""
    result = run_tool("release_notes.py", f"v{desktop.__version__}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "## [" not in result.stdout
    assert result.stdout.strip() == release_notes.changelog_section(
        (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), desktop.__version__
    )


def test_notes_cli_reports_a_missing_section(tmp_path: Path) -> None:
    """The CLI exits 1 with a sentence when the version has no section."""
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(SAMPLE_CHANGELOG, encoding="utf-8")
    result = run_tool("release_notes.py", "v3.0.0", "--changelog", str(changelog))
    assert result.returncode == 1
    assert "no section for 3.0.0" in result.stderr
    assert not result.stdout


def test_tag_check_accepts_the_matching_tag() -> None:
    """v + __version__ passes, also as a full ref."""
    check_tag.check_tag("v1.2.3", "1.2.3")
    check_tag.check_tag("refs/tags/v1.2.3", "1.2.3")
    result = run_tool("check_tag.py", f"v{desktop.__version__}")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("tag", ["v1.2.4", "v1.2", "1.2.3", "v1.2.3-rc1", "release-1.2.3"])
def test_tag_check_refuses_other_tags(tag: str) -> None:
    """A tag for another version, or not shaped vX.Y.Z, is refused."""
    with pytest.raises(check_tag.TagMismatchError):
        check_tag.check_tag(tag, "1.2.3")


def test_tag_check_cli_names_both_versions() -> None:
    """A mismatched tag fails the release job with a sentence saying what to change."""
    major, minor, patch = (int(n) for n in desktop.__version__.split("."))
    wrong = f"v{major}.{minor}.{patch + 1}"
    result = run_tool("check_tag.py", wrong)
    assert result.returncode == 1
    assert wrong in result.stderr and desktop.__version__ in result.stderr


# --- Windows installer script ---------------------------------------------------------------

MAKENSIS = shutil.which("makensis")
# The workflow's Windows job sets this once NSIS is installed: there a missing makensis is a
# failure, not a skip.
REQUIRE_MAKENSIS = os.environ.get("LIFTRUN_REQUIRE_MAKENSIS") == "1"
needs_makensis = pytest.mark.skipif(
    MAKENSIS is None and not REQUIRE_MAKENSIS,
    reason="makensis not installed (apt-get install nsis; .ci/run does)",
)


def fake_bundle(tmp_path: Path) -> Path:
    """A stand-in PyInstaller folder: Liftrun.exe and _internal/."""
    folder = tmp_path / "Liftrun"
    (folder / "_internal").mkdir(parents=True)
    (folder / "Liftrun.exe").write_bytes(b"MZ stand-in")
    (folder / "_internal" / "python311.dll").write_bytes(b"stand-in")
    return folder


def makensis(*defines: str) -> subprocess.CompletedProcess[str]:
    """Compile installer/liftrun.nsi with warnings as errors, as .ci/run does."""
    assert MAKENSIS is not None, "makensis is not on PATH"
    return subprocess.run(
        [MAKENSIS, "-V4", "-WX", *defines, str(NSI)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@needs_makensis
def test_installer_script_compiles_with_the_version(tmp_path: Path) -> None:
    """makensis packs the whole folder into a program whose version resource names ours."""
    setup = tmp_path / f"Liftrun-{desktop.__version__}-windows-setup.exe"
    result = makensis(
        f"-DVERSION={desktop.__version__}",
        f"-DSOURCE_DIR={fake_bundle(tmp_path)}",
        f"-DOUTFILE={setup}",
        "-DCOMPRESSOR=zlib",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'File: "Liftrun.exe"' in result.stdout
    assert 'File: "python311.dll"' in result.stdout
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert f"{desktop.__version__}".encode("utf-16-le") in data
    assert "Liftrun developers".encode("utf-16-le") in data


@needs_makensis
@pytest.mark.parametrize("defines", [[], ["-DVERSION=1.2"]])
def test_installer_script_refuses_a_missing_version(tmp_path: Path, defines: list[str]) -> None:
    """Without an X.Y.Z version the script stops with a sentence saying what to pass."""
    setup = tmp_path / "Liftrun-windows-setup.exe"
    result = makensis(*defines, f"-DSOURCE_DIR={fake_bundle(tmp_path)}", f"-DOUTFILE={setup}")
    assert result.returncode != 0
    assert "VERSION" in result.stdout + result.stderr
    assert not setup.exists()


# --- Linux menu entry -----------------------------------------------------------------------

DESKTOP_FILE_VALIDATE = shutil.which("desktop-file-validate")


def unzipped_folder(parent: Path) -> Path:
    """A Linux bundle folder as users unzip it, at a path with characters needing escapes."""
    folder = parent / 'My Apps $HOME "x"' / "Liftrun"
    folder.mkdir(parents=True)
    for name in ("liftrun.desktop", "add-to-menu.sh"):
        shutil.copy2(LINUX_PACKAGING / name, folder / name)
    program = folder / "Liftrun"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    return folder


def add_to_menu(folder: Path, data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the bundle's add-to-menu.sh with its menu folder under data_home."""
    return subprocess.run(
        ["sh", str(folder / "add-to-menu.sh"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(data_home), "XDG_DATA_HOME": str(data_home)},
    )


def exec_argv(entry: Path) -> list[str]:
    """The command line a desktop environment runs for an entry's Exec key."""
    line = next(x for x in entry.read_text("utf-8").splitlines() if x.startswith("Exec="))
    value = line.removeprefix("Exec=").replace("\\\\", "\\")  # string-level escapes first
    # One double-quoted argument, in which a backslash escapes the next character.
    match = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', value)
    assert match, value
    return [re.sub(r"\\(.)", r"\1", match.group(1))]


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux bundle's script needs sh")
def test_add_to_menu_writes_an_entry_for_this_folder(tmp_path: Path) -> None:
    """The menu entry runs this folder's Liftrun, shows its icon, and can be taken away."""
    folder = unzipped_folder(tmp_path / "unzipped")
    data_home = tmp_path / "share"
    result = add_to_menu(folder, data_home)
    assert result.returncode == 0, result.stderr
    entry = data_home / "applications" / "liftrun.desktop"
    assert exec_argv(entry) == [str(folder / "Liftrun")]
    assert f"Icon={folder / 'liftrun.png'}" in entry.read_text("utf-8").splitlines()
    if DESKTOP_FILE_VALIDATE:
        check = subprocess.run(
            [DESKTOP_FILE_VALIDATE, str(entry)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout + check.stderr
    removed = add_to_menu(folder, data_home, "--remove")
    assert removed.returncode == 0 and not entry.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux bundle's script needs sh")
def test_add_to_menu_refuses_a_folder_without_liftrun(tmp_path: Path) -> None:
    """Run from anywhere but the bundle, it says so and writes nothing."""
    folder = unzipped_folder(tmp_path)
    (folder / "Liftrun").unlink()
    result = add_to_menu(folder, tmp_path / "share")
    assert result.returncode == 1
    assert "unzipped Liftrun folder" in result.stderr
    assert not (tmp_path / "share" / "applications").exists()


@pytest.mark.skipif(DESKTOP_FILE_VALIDATE is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    """The shipped liftrun.desktop passes desktop-file-validate."""
    assert DESKTOP_FILE_VALIDATE is not None
    result = subprocess.run(
        [DESKTOP_FILE_VALIDATE, str(LINUX_PACKAGING / "liftrun.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- workflow -------------------------------------------------------------------------------

ZIZMOR = shutil.which("zizmor") or shutil.which("zizmor", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(ZIZMOR is None, reason="zizmor not installed (pip install zizmor)")
def test_workflows_have_no_medium_or_high_findings() -> None:
    """zizmor finds nothing of medium severity or above in .github/workflows."""
    assert ZIZMOR is not None
    result = subprocess.run(
        [ZIZMOR, "--offline", "--min-severity", "medium", str(ROOT / ".github" / "workflows")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_order_nsis_before_its_tests_and_arm64_before_signing() -> None:
    """Steps that must follow one another in the Windows and macOS jobs do, by position."""
    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")

    def at(step: str) -> int:
        assert f"- name: {step}" in text, step
        return text.index(f"- name: {step}")

    assert at("Installer (NSIS") < at("Installer script tests")
    assert "LIFTRUN_REQUIRE_MAKENSIS" in text[at("Installer script tests") :]
    assert at("Apple Silicon only") < at("Ad-hoc signature") < at("Disk image (")
    assert at("Disk image (") < at("Sizes") and at("Installer (NSIS") < at("Sizes")
    assert "was not built, so its size cannot be checked" in text[at("Sizes") :]


def test_spec_builds_the_mac_app_for_apple_silicon_only() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'target_arch="arm64" if IS_MAC else None' in spec
