"""The official-document layout drawn as a PDF: 22 lines of 28 characters a page, page numbers
"— n —" at the right of odd pages and the left of even ones, table columns that fit their text."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pdfcheck

from app.reports.official_doc import BODY, Block, OfficialDoc, body_blocks
from app.reports.official_pdf import AREA_W, column_widths, draw

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pages_words(path: Path) -> list[list[tuple[float, float, str]]]:
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout  # fmt: skip
    return [
        [(float(x0), float(y0), t) for x0, y0, _x1, _y1, t in _WORD.findall(p)]
        for p in xml.split("<page ")[1:]
    ]


def test_a_page_holds_22_lines_of_28_characters_and_numbers_alternate(tmp_path: Path) -> None:
    text = "纪检监察机关要坚持实事求是，依规依纪依法开展工作，" * 40
    d = OfficialDoc(title="关于测试版式的通报", issuer="测试县纪委监委", day=date(2022, 9, 30),
                    blocks=(Block(BODY, text),) * 3)  # fmt: skip
    out = tmp_path / "layout.pdf"
    draw(d, str(out))
    assert pdfcheck.broken_lines(out) == []
    pages = pages_words(out)
    assert len(pages) >= 3
    # page 2 is body text only: 22 lines (and its page number)
    lines_2 = {round(y) for _x, y, t in pages[1] if "—" not in t and not t.isdigit()}
    assert len(lines_2) == 22
    full = [line for line in pdfcheck.lines(out) if len(line) == 28]
    assert len(full) > 40  # full lines hold 28 characters
    for n, words in enumerate(pages, start=1):
        number = [x for x, y, t in words if t == str(n) and y > 740]
        assert number, n
        assert (number[0] > 400) if n % 2 else (number[0] < 150), (n, number)


def test_columns_that_fit_keep_their_width() -> None:
    widths = column_widths([20, 30, 400, 40, 600])
    assert abs(sum(widths) - AREA_W) < 1e-6
    assert widths[0] < widths[1] < widths[3] < widths[2] <= widths[4]
    assert column_widths([10, 10]) == [AREA_W / 2, AREA_W / 2]


def test_typed_text_becomes_headings_and_paragraphs() -> None:
    blocks = body_blocks("一、基本情况\n（一）主要问题\n（二）处理情况。给予警告处分。\n正文。\n\n")
    assert [(b.kind, b.lead, b.text) for b in blocks] == [
        ("heading1", "", "一、基本情况"),
        ("heading2", "", "（一）主要问题"),
        ("body", "（二）处理情况。", "给予警告处分。"),
        ("body", "", "正文。"),
    ]
