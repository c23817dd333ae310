#!/usr/bin/env python3
"""Make the typefaces the PDF documents embed (resources/fonts/*-GB.ttf), once, from Debian's fonts.

reportlab embeds TrueType outlines only, and a county office writes GB 2312 text, so each source
face is cut down to the characters below (GB 2312, the common name characters outside it, ASCII,
Latin-1 and the punctuation of Chinese documents) and, when its outlines are CFF (Noto CJK, Fandol),
converted to quadratic TrueType outlines (fontTools' cu2qu, within 1 font unit). The layout tables
(GSUB, GPOS, vertical metrics) are dropped: reportlab uses the character map and advance widths only.

Usage (needs fontTools: Debian's python3-fonttools or ``pip install fonttools``):

    mkdir /tmp/fontsrc && cd /tmp/fontsrc
    apt-get download fonts-noto-cjk fonts-noto-cjk-extra fonts-arphic-ukai texlive-lang-chinese
    for f in *.deb; do dpkg-deb -x "$f" x; done
    python3 scripts/make-pdf-fonts.py /tmp/fontsrc/x resources/fonts

The sources: Debian bookworm's fonts-noto-cjk and fonts-noto-cjk-extra 1:20220127+repack1-1,
fonts-arphic-ukai 0.2.20080216.2-5, texlive-lang-chinese 2022.20230122-1 (Fandol 0.3). The files
keep their source's modification time (head table), so the same sources give the same files; the
files committed on 2026-12-05 were made before that and carry that day's time instead.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO = "usr/share/fonts/opentype/noto"
FANDOL = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
ARPHIC = "usr/share/fonts/truetype/arphic"

# output file: (source file under the unpacked packages, face name in a collection, character set)
FACES = {
    "NotoSerifSC-Regular-GB.ttf": (f"{NOTO}/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "text"),
    "NotoSerifSC-Black-GB.ttf": (f"{NOTO}/NotoSerifCJK-Black.ttc", "Noto Serif CJK SC Black", "text"),
    "NotoSansSC-Medium-GB.ttf": (f"{NOTO}/NotoSansCJK-Medium.ttc", "Noto Sans CJK SC Medium", "text"),
    "FandolFang-Regular-GB.ttf": (f"{FANDOL}/FandolFang-Regular.otf", None, "text"),
    "UKaiCN-GB.ttf": (f"{ARPHIC}/ukai.ttc", "AR PL UKai CN", "text"),
    "NotoSansMonoSC-Bold-Latin.ttf": (f"{NOTO}/NotoSansCJK-Bold.ttc", "Noto Sans Mono CJK SC Bold", "latin"),
}

# Name characters outside GB 2312 that registers of people meet (and the program's own texts use).
EXTRA_HANZI = (
    "乂倞偲冇啟喆嚞垚堃堉婳嫚嬿寘弢彧忞慜旻昇晞暻曌栢沄洺浛淏湉濛炘烜焜燊燚犇玙玥玹珮珺琇瑀瑄璟璠"
    "矞祎祐禛竑罳翀翚芃虓谞贇赟镕飏鹍堃喆犇昊玮炜晔珏琰瑾璇睿祺筠钰颢隽雯韬馨骞〇"
)

RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x2030, 0x203B),  # per mille, primes, reference mark
    (0x2103, 0x2116),  # ℃ … №
    (0x2160, 0x216B),  # Roman numerals
    (0x2190, 0x2193),  # arrows
    (0x2460, 0x249B),  # ① … ⒛
    (0x25A0, 0x25CF),  # □ ■ △ ○ ●
    (0x3000, 0x303F),  # CJK punctuation
    (0x3220, 0x3229),  # ㈠ … ㈩
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE5),  # ￥ …
)


def gb2312() -> set[int]:
    out = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(ord(bytes([first, second]).decode("gb2312")))
    return out


def charset(kind: str) -> set[int]:
    chars = {c for lo, hi in RANGES for c in range(lo, hi + 1)}
    if kind == "latin":
        return {c for c in chars if c < 0x2000}
    return chars | gb2312() | {ord(c) for c in EXTRA_HANZI}


def load(root: Path, source: str, face: str | None) -> TTFont:
    path = root / source
    if face is None:
        return TTFont(path, recalcTimestamp=False)
    for n, font in enumerate(TTCollection(path, lazy=True).fonts):
        if font["name"].getDebugName(4) == face:
            return TTFont(path, fontNumber=n, recalcTimestamp=False)
    raise SystemExit(f"{face} is not in {path}")


def cut(font: TTFont, unicodes: set[int]) -> None:
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG", "JSTF", "MATH"]
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes & set(font.getBestCmap()))
    subsetter.subset(font)


def to_truetype(font: TTFont, max_err: float = 1.0) -> None:
    """CFF outlines to quadratic glyf outlines (after fontTools' Snippets/otf2ttf.py)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    maxp.maxComponentDepth = 0
    maxp.numGlyphs = len(order)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0


NOTICE = (
    "Modified for Jiwei Desk on 2026-12-05 by scripts/make-pdf-fonts.py: cut down to GB 2312, common"
    " name characters, ASCII, Latin-1 and punctuation; layout tables and hinting dropped; CFF outlines"
    " converted to TrueType (quadratic) outlines."
)


def mark(font: TTFont) -> None:
    """Say in the file how and when it was changed (the Arphic licence asks for it: 2a)."""
    names = font["name"]
    names.setName(NOTICE, 10, 3, 1, 0x409)
    names.setName(NOTICE, 10, 1, 0, 0)


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    only = set(sys.argv[3:])
    for name, (source, face, kind) in FACES.items():
        if only and name not in only:
            continue
        start = time.monotonic()
        font = load(root, source, face)
        cut(font, charset(kind))
        if "CFF " in font:
            to_truetype(font)
        mark(font)
        font.save(out / name)
        size = (out / name).stat().st_size
        count = len(font.getBestCmap())
        print(f"{name}: {count} characters, {size / 1e6:.2f} MB, {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
