"""An official document (公文) described once — title, 文号, 主送, body paragraphs, headings,
tables, the 落款 (issuing unit and date in Chinese numerals), 抄送 and 印发 — and written as a .docx
(``docx_layout``: the office edits it in WPS or Word) or a PDF (``official_pdf``: the same GB/T 9704
layout drawn by reportlab), by the file's suffix.

Writing needs the PRINT permission and is recorded in the audit log as printing is (one PRINT
entry per record the document is made from, ``form_parts.audited_print``), in the step that puts
the file in place. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security.roles import PRINT

if TYPE_CHECKING:
    from app.services.records import RecordService

BODY, HEADING1, HEADING2, TABLE = "body", "heading1", "heading2", "table"
SUFFIXES = (".docx", ".pdf")
BAD_SUFFIX = QT_TRANSLATE_NOOP("app", "公文只能写入 .docx 或 .pdf 文件：{path}")



class BadSuffix(ValueError):
    """The file is neither .docx nor .pdf: nothing is written."""

    def __init__(self, path: Path) -> None:
        self.message = Message(BAD_SUFFIX, {"path": str(path)})
        super().__init__(str(self.message))


def arabic_date(day: date) -> str:
    """The 成文日期 and the 印发日期 in Arabic numerals, the year in full, no leading zeros:
    ``2022年9月30日`` (GB/T 9704-2012 §7.3.5.1 and §7.4.4; the 1999 standard's 二〇二二年九月三十日
    is no longer used)."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Block:
    """One piece of the body: a paragraph (``lead``: an opening in 楷体, as （一）…。), a heading of
    level 1 (黑体) or 2 (楷体), or a table (``header``, ``rows``)."""

    kind: str
    text: str = ""
    lead: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class OfficialDoc:
    title: str
    issuer: str  # 发文机关署名 (落款)
    day: date  # 成文日期
    number: str = ""  # 发文字号
    addressee: str = ""  # 主送机关
    blocks: tuple[Block, ...] = ()
    copies: str = ""  # 抄送
    printer: str = ""  # 印发机关 (with the 印发日期, the 版记's last line)
    subject: str = ""  # the PDF's subject property

    @property
    def text(self) -> list[str]:
        """Every paragraph's text and table cell, in order (what a reader finds in the file)."""
        out = [self.number, self.title, self.addressee]
        for b in self.blocks:
            out.append(b.lead + b.text)
            out += [c for row in (b.header, *b.rows) for c in row]
        return [t for t in out if t]


def body_blocks(text: str) -> list[Block]:
    """Paragraphs from text a user typed, one a line: 一、… is a level-1 heading, （一）… a level-2
    one when it is all there is on the line, else the opening of its paragraph."""
    import re

    out: list[Block] = []
    for line in (x.strip() for x in text.replace("\r\n", "\n").split("\n")):
        if not line:
            continue
        if re.match(r"^[一二三四五六七八九十]+、", line):
            out.append(Block(HEADING1, line))
            continue
        lead = re.match(r"^（[一二三四五六七八九十]+）[^。]*。", line)
        if re.match(r"^（[一二三四五六七八九十]+）", line) and (lead is None or lead.end() == len(line)):
            out.append(Block(HEADING2, line))
        elif lead is not None:
            out.append(Block(BODY, line[lead.end() :], lead=lead.group(0)))
        else:
            out.append(Block(BODY, line))
    return out


# ---- .docx --------------------------------------------------------------------------------------
def to_docx(d: OfficialDoc) -> Any:
    """The document as a python-docx Document in the official layout."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    from app.reports import docx_layout as L

    doc = L.new_document()
    char = L.SIZE_3.pt
    if d.number:
        p = L.paragraph(doc, d.number)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        L.paragraph(doc, "")
    L.paragraph(doc, d.title, L.TITLE)
    L.paragraph(doc, "")
    if d.addressee:
        p = L.paragraph(doc, f"{d.addressee}：")
        p.paragraph_format.first_line_indent = Pt(0)
    styles = {BODY: L.BODY, HEADING1: L.HEADING1, HEADING2: L.HEADING2}
    for b in d.blocks:
        if b.kind == TABLE:
            L.table(doc, list(b.header), [list(r) for r in b.rows])
        else:
            L.paragraph(doc, b.text, styles[b.kind], lead=b.lead)
    L.paragraph(doc, "")
    L.paragraph(doc, "")
    day = arabic_date(d.day)
    # GB/T 9704 7.3.5.2: the date 右空四字, the issuer centred over it.
    issuer_indent = 4 + (len(day) - len(d.issuer)) / 2
    for text, indent in ((d.issuer, issuer_indent), (day, 4.0)):
        p = L.paragraph(doc, text)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.right_indent = Pt(char * max(indent, 0.0))
    if d.copies or d.printer:
        L.paragraph(doc, "")
        lines = [f"抄送：{d.copies}。"] if d.copies else []
        if d.printer:
            lines.append(f"{d.printer}\t{arabic_date(d.day)}印发")
        for n, text in enumerate(lines):
            p = L.paragraph(doc, text)
            fmt = p.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.left_indent = fmt.right_indent = Pt(L.SIZE_4.pt)
            # the 印发日期 at the right edge (a right tab stop at the end of the indented line)
            fmt.tab_stops.add_tab_stop(Mm(L.TYPE_AREA_MM[0]) - Pt(2 * L.SIZE_4.pt), WD_TAB_ALIGNMENT.RIGHT)
            for run in p.runs:
                run.font.size = L.SIZE_4
            borders = OxmlElement("w:pBdr")
            for edge in ("top", "bottom") if n == 0 else ("bottom",):
                line = OxmlElement(f"w:{edge}")
                for k, v in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "000000")):
                    line.set(qn(f"w:{k}"), v)
                borders.append(line)
            p._p.get_or_add_pPr().append(borders)
            L.in_schema_order(p._p.get_or_add_pPr(), L.PPR_ORDER)
    return doc


# ---- writing -------------------------------------------------------------------------------------
def check_target(records: RecordService, path: Path) -> str:
    """Refuse before anything is read or written: no PRINT (``PermissionDenied``), a suffix other
    than .docx / .pdf (``BadSuffix``). The suffix, lower case."""
    records.actor.require(PRINT)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise BadSuffix(Path(path))
    return suffix


__all__ = [
    "Block",
    "BadSuffix",
    "OfficialDoc",
    "body_blocks",
    "check_target",
    "to_docx",
]
