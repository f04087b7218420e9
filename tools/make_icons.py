"""Render resources/icon.svg into every PNG size, a multi-size .ico and an .icns.

Run from the repository root after changing the SVG, then commit the results:

    python tools/make_icons.py          # needs the "build" extra (Pillow)
    python tools/make_icons.py --check  # exit 1 if the committed files are stale

The SVG is the only drawing; everything in resources/icons/, resources/icon.ico and
resources/icon.icns is generated from it with Qt's SVG renderer (offscreen, no screen needed).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SVG = RESOURCES / "icon.svg"
PNG_DIR = RESOURCES / "icons"
ICO = RESOURCES / "icon.ico"
ICNS = RESOURCES / "icon.icns"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_name(size: int) -> str:
    """File name of the PNG rendering at `size` pixels."""
    return f"icon-{size}.png"


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Render the SVG at every size with QSvgRenderer and return PNG bytes per size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; PySide6 takes str
        buffer.close()
        out[size] = bytes(data.data())
    return out


def build_all() -> dict[Path, bytes]:
    """Return every generated file's path and its bytes, without writing anything."""
    from PIL import Image

    pngs = render_pngs(SVG, PNG_SIZES)
    files: dict[Path, bytes] = {PNG_DIR / png_name(s): b for s, b in pngs.items()}
    images = {s: Image.open(io.BytesIO(b)).convert("RGBA") for s, b in pngs.items()}

    ico = io.BytesIO()
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    files[ICO] = ico.getvalue()

    icns = io.BytesIO()
    images[1024].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != 1024],
    )
    files[ICNS] = icns.getvalue()
    return files


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the generated icon files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if committed files differ")
    args = parser.parse_args(argv)
    files = build_all()
    if args.check:
        stale = [p for p, b in files.items() if not p.exists() or p.read_bytes() != b]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
