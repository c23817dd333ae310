"""Checks of the PDFs the program writes, read back from the files: which fonts they carry, and
the lines as a reader sees them (pdftotext's word boxes, poppler-utils)."""

from __future__ import annotations

import io
import re
import subprocess
from html import unescape
from pathlib import Path

import pypdf

from app.reports.linebreak import NO_END, NO_START

# Faces a body text may be set in: the shipped 宋体-style serif, or the office's 宋体.
SERIF_BODY = re.compile(r"NotoSerifCJKsc-Regular|SimSun|NSimSun|Song", re.IGNORECASE)


def fonts_of(data: bytes) -> dict[str, bool]:
    """Every font the pages use: its BaseFont -> whether it is embedded as a TrueType subset."""
    out: dict[str, bool] = {}
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            name = str(font["/BaseFont"]).lstrip("/")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            out[name] = bool(embedded and re.fullmatch(r"[A-Z]{6}\+.+", name))
    return out


def assert_embedded_subsets(data: bytes) -> set[str]:
    """Every font is an embedded subset; return the faces' names (without the subset prefix)."""
    found = fonts_of(data)
    assert found, "no fonts"
    not_embedded = [name for name, ok in found.items() if not ok]
    assert not not_embedded, f"not embedded as subsets: {not_embedded}"
    return {name.split("+", 1)[1] for name in found}


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def lines(path: Path) -> list[str]:
    """The lines of text of every page: words on one baseline that touch (a gap under a third of
    their height) are one line; a wider gap starts another (the next table cell)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    out: list[str] = []
    for page in xml.split("<page ")[1:]:
        words = [
            (float(y0), float(x0), float(x1), float(y1) - float(y0), unescape(text))
            for x0, y0, x1, y1, text in _WORD.findall(page)
        ]
        words.sort(key=lambda w: (round(w[0]), w[1]))
        current = ""
        last: tuple[float, float, float] | None = None  # y, right edge, height
        for y, x0, x1, height, text in words:
            if last is not None and abs(y - last[0]) < 1 and x0 - last[1] < height / 3:
                current += text
            else:
                if current:
                    out.append(current)
                current = text
            last = (y, x1, height)
        if current:
            out.append(current)
    return out


def broken_lines(path: Path) -> list[str]:
    """Lines that start with closing or end with opening punctuation (against 禁则)."""
    return [line for line in lines(path) if line[0] in NO_START or line[-1] in NO_END]
