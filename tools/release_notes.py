"""Print one release's section of CHANGELOG.md, the notes of its GitHub Release.

    python tools/release_notes.py v0.1.0            # or 0.1.0
    python tools/release_notes.py v0.1.0 --changelog path/to/CHANGELOG.md

Exits 1 with a sentence on stderr when the changelog has no section, or an empty one, for
that version, so a release is never published with blank notes.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "## [0.1.0] - 2026-12-02", "## [0.1.0]" or "## 0.1.0 - 2026-12-02" (Keep a Changelog).
_HEADING = re.compile(r"^## \[?(?P<version>[^\]\s]+)\]?(?:\s+-\s+.*)?$")
# Link reference definitions at the end of the file ("[0.1.0]: https://...") end a section.
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s*\S+")


class ChangelogError(ValueError):
    """The changelog has no usable section for the version asked for."""


def changelog_section(text: str, version: str) -> str:
    """The body of `version`'s section (without its heading), stripped of blank edges."""
    version = version.removeprefix("v")
    lines = text.splitlines()
    start = None
    for index, line in enumerate(lines):
        match = _HEADING.match(line.strip())
        if match and match.group("version") == version:
            start = index + 1
            break
    if start is None:
        raise ChangelogError(
            f"CHANGELOG.md has no section for {version}: add '## [{version}] - YYYY-MM-DD'."
        )
    body: list[str] = []
    for line in lines[start:]:
        if line.startswith("## ") or _LINK_DEFINITION.match(line):
            break
        body.append(line)
    section = "\n".join(body).strip()
    if not section:
        raise ChangelogError(f"CHANGELOG.md's section for {version} is empty.")
    return section


def main(argv: list[str] | None = None) -> int:
    """Print the notes, or a sentence saying why there are none."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the release's tag or version, e.g. v0.1.0")
    parser.add_argument("--changelog", type=Path, default=ROOT / "CHANGELOG.md")
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")  # notes are UTF-8 whatever the console's code page
    try:
        text = args.changelog.read_text(encoding="utf-8")
        print(changelog_section(text, args.version))
    except (OSError, ChangelogError) as exc:
        print(f"release notes: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
