"""The README's list of Linux system libraries is what Qt's xcb platform plugin links, via ldd.

On a minimal Debian under a real X server, a library missing from that list makes Qt abort
with a misleading message about xcb-cursor. So the list is derived here from the installed
PySide6: the libraries libqxcb.so (and the Qt libraries and GL integrations it loads) need
directly, resolved by ldd and named as Debian packages by dpkg, minus what every Debian
system has (the packages dpkg and apt themselves depend on).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

pytestmark = pytest.mark.tooling

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

SHT_DYNAMIC = 6
DT_NEEDED = 1


def elf_needed(path: Path) -> list[str]:
    """The DT_NEEDED entries (libraries linked directly) of a 64-bit little-endian ELF file."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path} is not a 64-bit little-endian ELF file")
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + i * entry_size)
        for i in range(count)
    ]
    needed: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, *_rest in sections:
        if kind != SHT_DYNAMIC:
            continue
        strings_offset = sections[link][4]
        for position in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, position)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                end = data.index(b"\0", strings_offset + value)
                needed.append(data[strings_offset + value : end].decode())
    return needed


def ldd(path: Path) -> dict[str, Path | None]:
    """What the dynamic loader would load for `path`: soname -> file, or None if not found."""
    output = subprocess.run(
        ["ldd", str(path)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    found: dict[str, Path | None] = {}
    for soname, target in re.findall(r"^\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", output, re.M):
        found[soname] = None if target == "not found" else Path(target)
    return found


def debian_name(soname: str) -> str:
    """Debian's package name for a shared library (policy 8.1): libfoo.so.4 -> libfoo4."""
    name, _, version = soname.partition(".so.")
    major = version.split(".")[0]
    separator = "-" if name[-1].isdigit() else ""
    return f"{name}{separator}{major}".lower().replace("_", "-")


def owning_packages(libraries: dict[str, Path | None]) -> dict[str, str]:
    """soname -> the installed Debian package holding it, else the name policy gives it."""
    patterns = sorted({f"*/{path.name}" for path in libraries.values() if path is not None})
    listing = subprocess.run(
        ["dpkg-query", "-S", *patterns], capture_output=True, text=True, timeout=120
    ).stdout  # exits 1 when some file belongs to no package: those keep the policy name
    owner_of_file: dict[str, str] = {}
    for line in listing.splitlines():
        packages, _, path = line.partition(": ")
        owner_of_file.setdefault(Path(path).name, packages.split(",")[0].split(":")[0].strip())
    return {
        soname: owner_of_file.get(path.name, debian_name(soname)) if path else debian_name(soname)
        for soname, path in libraries.items()
    }


@cache
def base_system_packages() -> set[str]:
    """dpkg, apt and every installed package they depend on: present on every Debian system."""
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\t${Pre-Depends}, ${Depends}\n"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    depends: dict[str, set[str]] = {}
    for line in listing.splitlines():
        package, _, relations = line.partition("\t")
        names = {re.split(r"[ :(]", alt.strip())[0] for alt in re.split(r"[,|]", relations)}
        depends[package] = {name for name in names if name}
    base: set[str] = set()
    pending = ["dpkg", "apt"]
    while pending:
        package = pending.pop()
        if package not in base:
            base.add(package)
            pending += sorted(depends.get(package, set()) - base)
    return base


@cache
def xcb_plugin_packages() -> dict[str, set[str]]:
    """Debian package -> the sonames of it that the xcb plugin's files link directly."""
    import PySide6

    qt = Path(PySide6.__file__).resolve().parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("this PySide6 has no xcb platform plugin")
    pending = [plugin, *sorted((qt / "plugins" / "xcbglintegrations").glob("*.so"))]
    seen: set[Path] = set()
    system: dict[str, Path | None] = {}
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        resolved = ldd(current)
        for soname in elf_needed(current):
            target = resolved.get(soname)
            if target is not None and target.resolve().is_relative_to(qt.parent):
                pending.append(target.resolve())  # one of PySide6's own Qt libraries
            elif not soname.startswith("ld-linux"):
                system[soname] = target
    packages: dict[str, set[str]] = {}
    for soname, package in owning_packages(system).items():
        packages.setdefault(package, set()).add(soname)
    return packages


def readme_linux_packages() -> list[str]:
    """The packages in the README's `sudo apt-get install` line for Qt's system libraries."""
    match = re.search(
        r"<!-- linux-libraries -->\s*```bash\nsudo apt-get install ([^\n]+)\n```", README
    )
    assert match, "the README's Linux library command (marked linux-libraries) is missing"
    return match.group(1).split()


def ci_apt_packages() -> set[str]:
    """The APT_PACKAGES array of .ci/run."""
    match = re.search(r"^APT_PACKAGES=\((.*?)^\)", CI_RUN, re.M | re.S)
    assert match, ".ci/run has no APT_PACKAGES array"
    return {word for line in match.group(1).splitlines() for word in line.split("#")[0].split()}


needs_debian = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or not (shutil.which("ldd") and shutil.which("dpkg-query")),
    reason="derives Debian package names with ldd and dpkg",
)


@needs_debian
def test_readme_lists_every_library_the_xcb_plugin_links() -> None:
    """A minimal Debian that runs the README's apt-get line can load Qt's xcb plugin."""
    needed = xcb_plugin_packages()
    assert "libxcb1" in needed and "libgl1" in needed, needed  # the scan really read Qt
    wanted = set(needed) - base_system_packages()
    listed = readme_linux_packages()
    missing = {package: sorted(needed[package]) for package in wanted - set(listed)}
    assert not missing, f"the README's Linux library list lacks {missing}"
    assert len(listed) == len(set(listed)), "the README lists a package twice"


@needs_debian
def test_ci_installs_every_library_the_xcb_plugin_links() -> None:
    """.ci/run installs the same libraries, so its frozen build bundles a working xcb plugin."""
    wanted = set(xcb_plugin_packages()) - base_system_packages()
    assert not wanted - ci_apt_packages()


def test_debian_names_follow_policy() -> None:
    """Sonames become Debian package names as the policy's naming rule says."""
    assert debian_name("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_name("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_name("libgcc_s.so.1") == "libgcc-s1"
    assert debian_name("libX11-xcb.so.1") == "libx11-xcb1"


@needs_debian
def test_elf_reader_matches_ldd() -> None:
    """The ELF reader finds the libraries ldd resolves for a known library."""
    import PySide6

    core = Path(PySide6.__file__).resolve().parent / "Qt" / "lib" / "libQt6Core.so.6"
    needed = elf_needed(core)
    assert "libc.so.6" in needed and "libQt6Core.so.6" not in needed
    assert set(needed) <= set(ldd(core)) | {n for n in needed if n.startswith("ld-linux")}
