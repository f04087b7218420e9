"""Check a release tag against the one version, desktop.__version__.

    python tools/check_tag.py v0.1.0     # check a tag
    python tools/check_tag.py            # print __version__ (the workflow's VERSION)

Exits 0 when the tag is exactly "v" + __version__ (X.Y.Z), else 1 with a sentence saying
what to change. The release workflow runs it before building anything for a tag.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TAG = re.compile(r"^v(?P<version>\d+\.\d+\.\d+)$")


class TagMismatchError(ValueError):
    """The tag is malformed or names another version than the code."""


def read_version(package_init: Path = ROOT / "desktop" / "__init__.py") -> str:
    """__version__ as written in desktop/__init__.py, read without importing the package."""
    tree = ast.parse(package_init.read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise TagMismatchError(f'{package_init} sets no __version__ = "X.Y.Z".')


def check_tag(tag: str, version: str) -> None:
    """Raise TagMismatchError unless `tag` is "v" followed by `version` in X.Y.Z form."""
    tag = tag.strip().removeprefix("refs/tags/")
    match = _TAG.match(tag)
    if match is None:
        raise TagMismatchError(f"Release tags look like v1.2.3; '{tag}' does not.")
    if match.group("version") != version:
        raise TagMismatchError(
            f"Tag {tag} does not match desktop.__version__ = {version}: set __version__ to"
            f' "{match.group("version")}" (and add its CHANGELOG.md section) or tag v{version}.'
        )


def main(argv: list[str] | None = None) -> int:
    """Check the tag given on the command line, or print the version when none is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag", nargs="?", help="the pushed tag, e.g. v0.1.0; none: print it")
    args = parser.parse_args(argv)
    try:
        version = read_version()
        if args.tag is None:
            print(version)
            return 0
        check_tag(args.tag, version)
    except (OSError, TagMismatchError) as exc:
        print(f"tag check: {exc}", file=sys.stderr)
        return 1
    print(f"tag {args.tag} matches desktop.__version__ {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
