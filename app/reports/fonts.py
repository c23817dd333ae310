"""Fonts for PDF documents: the bundled CJK font, registered with reportlab once.

The bundled font (``resources/fonts/DroidSansFallbackFull.ttf``) covers Chinese characters and
full-width punctuation but has no Latin letters, digits or ASCII punctuation. Text that mixes the
two is therefore split into runs: characters the bundled font has are set in it (embedded as a
subset, reportlab's default for TrueType fonts), the rest in one of the PDF standard fonts
(Helvetica, Courier), which every PDF reader and printer has built in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
CJK_FONT_FILE = RESOURCES / "fonts" / "DroidSansFallbackFull.ttf"
CJK_FONT_NAME = "DroidSansFallback"
LATIN_FONT = "Helvetica"
LATIN_BOLD_FONT = "Helvetica-Bold"
MONO_FONT = "Courier"
MONO_BOLD_FONT = "Courier-Bold"

_lock = threading.Lock()
_registered: frozenset[int] | None = None


def _covered() -> frozenset[int]:
    global _registered
    with _lock:
        if _registered is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            if not CJK_FONT_FILE.is_file():
                raise RuntimeError(f"bundled font is missing: {CJK_FONT_FILE}")
            font = TTFont(CJK_FONT_NAME, str(CJK_FONT_FILE))
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(
                CJK_FONT_NAME, normal=CJK_FONT_NAME, bold=CJK_FONT_NAME, italic=CJK_FONT_NAME,
                boldItalic=CJK_FONT_NAME,
            )  # fmt: skip
            # Code points the font draws (a space is better set in the Latin font: proper width).
            _registered = frozenset(c for c in font.face.charToGlyph if c > 0x7F and c != 0xA0)
        return _registered


def cjk_font() -> str:
    """Register the bundled CJK font with reportlab (once per process); return its font name."""
    _covered()
    return CJK_FONT_NAME


def has_glyph(char: str) -> bool:
    """Whether the bundled CJK font draws ``char``."""
    return ord(char) in _covered()


def runs(text: str, latin: str = LATIN_FONT) -> Iterator[tuple[str, str]]:
    """``text`` split into (font name, text) runs: the CJK font where it has the glyph, else ``latin``."""
    covered = _covered()
    current = ""
    start = 0
    for i, ch in enumerate(text):
        font = CJK_FONT_NAME if ord(ch) in covered else latin
        if font != current:
            if i > start:
                yield current, text[start:i]
            current, start = font, i
    if text[start:]:
        yield current or latin, text[start:]


def markup(text: str, latin: str = LATIN_FONT) -> str:
    """``text`` as reportlab paragraph markup (escaped), each run in a font that draws it."""
    return "".join(f'<font name="{font}">{escape(part)}</font>' for font, part in runs(text, latin))


def string_width(text: str, size: float, latin: str = LATIN_FONT) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(part, font, size) for font, part in runs(text, latin))


def draw_string(canvas: Canvas, x: float, y: float, text: str, size: float, latin: str = LATIN_FONT) -> float:
    """Draw ``text`` at (x, y) on a reportlab canvas, switching fonts per run; return its width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    start = x
    for font, part in runs(text, latin):
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, font, size)
    return x - start


def draw_centred_string(
    canvas: Canvas, x: float, y: float, text: str, size: float, latin: str = LATIN_FONT
) -> float:
    width = string_width(text, size, latin)
    draw_string(canvas, x - width / 2, y, text, size, latin)
    return width
