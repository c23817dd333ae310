"""Render the program's icon: a red seal with 纪 in the bundled CJK font, at every size a desktop
asks for, and the Windows .ico holding them all.

    .venv/bin/python packaging/make_icons.py      # writes resources/icons/ (committed)

Each size is drawn on its own (not scaled down from the largest), so the small ones stay sharp:
below 32 px the inner rim is left out and the character is drawn a little heavier.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SEAL_RED = QColor("#c8161d")
PAPER = QColor("#fffaf0")
GLYPH = "纪"


def render(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    margin = max(0.5, s * 0.03)
    body = QRectF(margin, margin, s - 2 * margin, s - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(SEAL_RED)
    p.drawRoundedRect(body, s * 0.16, s * 0.16)
    if size >= 32:  # the seal's inner rim
        inset = s * 0.10
        rim = body.adjusted(inset, inset, -inset, -inset)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(PAPER, s * 0.028))
        p.drawRoundedRect(rim, s * 0.08, s * 0.08)
    # The character as a path, centred on its own ink, thickened by stroking its outline.
    font = QFont(family)
    font.setPixelSize(1000)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    ink = path.boundingRect()
    target = s * (0.56 if size >= 32 else 0.70)
    scale = target / max(ink.width(), ink.height())
    p.translate(s / 2, s / 2)
    p.scale(scale, scale)
    p.translate(-ink.center())
    weight = (s * (0.022 if size >= 32 else 0.045)) / scale
    p.setPen(QPen(PAPER, weight, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(PAPER)
    p.drawPath(path)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (fonts need the application)
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = []
    for size in SIZES:
        path = OUT / f"jiwei-desk-{size}.png"
        if not render(size, family).save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        pngs.append(path)
    # Windows: one .ico with every size (Pillow writes the PNG-compressed 256 px entry).
    from PIL import Image

    largest = Image.open(pngs[-1])
    frames = [Image.open(p) for p in pngs]
    largest.save(OUT / "jiwei-desk.ico", format="ICO", sizes=[(n, n) for n in SIZES], append_images=frames)
    print(f"wrote {len(pngs)} PNGs and jiwei-desk.ico to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
