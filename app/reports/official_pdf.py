"""An ``OfficialDoc`` drawn as a PDF in the GB/T 9704-2012 layout, as the .docx has it:

- A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (type area 156 mm × 225 mm);
- 22 lines of 28 characters: the line pitch is 225 mm / 22, the body is 仿宋 三号 set at the grid's
  character pitch (156 mm / 28 = 15.8 pt, as Word's grid squeezes 16 pt), first line indented two
  characters, justified;
- the title in the title face 二号 (22 pt) centred; level-1 headings in 黑体, level-2 in 楷体;
- tables ruled, in 仿宋 小四, the header row in 黑体;
- the 落款: the date in Chinese numerals 右空四字, the issuer centred over it;
- the 版记 (抄送, 印发机关 and 印发日期) in 四号 between rules;
- page numbers "— 1 —" in 宋体 四号 7 mm below the type area, odd pages at the right and even
  pages at the left, one character in from the edge;
- every paragraph broken by the Chinese rules (``linebreak``, installed by ``fonts``), every
  face embedded as a subset (``fonts``).

reportlab is imported when drawing.
"""

from __future__ import annotations

import io
from typing import Any

from app.reports import fonts
from app.reports.form_parts import PROGRAM
from app.reports.official_doc import BODY, HEADING1, HEADING2, TABLE, OfficialDoc, arabic_date

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, BOTTOM, LEFT, RIGHT = 37 * MM, 35 * MM, 28 * MM, 26 * MM
AREA_W, AREA_H = 156 * MM, 225 * MM
LINES, CHARS = 22, 28
PITCH = AREA_H / LINES  # 28.99 pt
CHAR = AREA_W / CHARS  # 15.79 pt: 三号 at the grid's pitch
TITLE_SIZE = 22.0  # 二号
SMALL_4 = 12.0  # 小四 (tables)
SIZE_4 = 14.0  # 四号 (page numbers, 版记)


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "gw-body", fontName=fonts.fangsong(), fontSize=CHAR, leading=PITCH, wordWrap="CJK",
        alignment=TA_JUSTIFY, firstLineIndent=2 * CHAR,
    )  # fmt: skip
    return {
        BODY: body,
        "plain": ParagraphStyle("gw-plain", parent=body, firstLineIndent=0),
        "number": ParagraphStyle("gw-number", parent=body, firstLineIndent=0, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "gw-title",
            parent=body,
            fontName=fonts.title(),
            fontSize=TITLE_SIZE,
            leading=PITCH * 1.25,
            firstLineIndent=0,
            alignment=TA_CENTER,
        ),  # fmt: skip
        HEADING1: ParagraphStyle("gw-h1", parent=body, fontName=fonts.heiti(), keepWithNext=1),
        HEADING2: ParagraphStyle("gw-h2", parent=body, fontName=fonts.kaiti(), keepWithNext=1),
        "right": ParagraphStyle("gw-right", parent=body, firstLineIndent=0, alignment=TA_RIGHT),
        "cell": ParagraphStyle(
            "gw-cell",
            parent=body,
            fontSize=SMALL_4,
            leading=SMALL_4 * 1.5,
            firstLineIndent=0,
            alignment=TA_CENTER,
        ),
        "note": ParagraphStyle(
            "gw-note",
            parent=body,
            fontSize=SIZE_4,
            leading=SIZE_4 * 1.6,
            firstLineIndent=0,
            leftIndent=SIZE_4,
            rightIndent=SIZE_4,
            alignment=0,
        ),  # fmt: skip
    }


def _para(text: str, style: Any, role: str = fonts.FANGSONG, lead: str = "") -> Any:
    from reportlab.platypus import Paragraph

    opening = fonts.markup(lead, fonts.KAITI) if lead else ""
    return Paragraph(opening + fonts.markup(text, role), style)


def column_widths(natural: list[float], total: float = AREA_W, padding: float = 14.0) -> list[float]:
    """Widths for columns whose text is ``natural`` wide on one line: a column that fits in its
    share keeps its width (a number, a name stay on one line), the others share what is left, and
    what is left over widens them all alike."""
    need = [n + padding for n in natural]
    widths: list[float | None] = [None] * len(need)
    while True:
        open_cols = [i for i, w in enumerate(widths) if w is None]
        if not open_cols:
            break
        share = (total - sum(w for w in widths if w is not None)) / len(open_cols)
        fits = [i for i in open_cols if need[i] <= share]
        if not fits:
            for i in open_cols:
                widths[i] = share
            break
        for i in fits:
            widths[i] = need[i]
    out = [float(w or 0.0) for w in widths]
    spare = total - sum(out)
    return [w + spare / len(out) for w in out] if spare > 0 else out


def _table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], styles: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    widths = column_widths(
        [
            max(
                fonts.string_width(str(r[i]), SMALL_4, fonts.HEITI if r is header else fonts.FANGSONG)
                for r in (header, *rows)
            )
            for i in range(len(header))
        ]
    )
    data = [[_para(h, styles["cell"], fonts.HEITI) for h in header]]
    left = styles["cell"].clone("gw-cell-left", alignment=0)
    data += [[_para(str(c), left if len(str(c)) > 12 else styles["cell"]) for c in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return t


def _title_style(title: str, style: Any) -> Any:
    """A title of several lines set in lines of about equal length (no lone last character)."""
    import math

    width = fonts.string_width(title, TITLE_SIZE, fonts.TITLE)
    if width <= AREA_W:
        return style
    lines = math.ceil(width / AREA_W)
    side = max(0.0, (AREA_W - width / lines - TITLE_SIZE) / 2)
    return style.clone("gw-title-balanced", leftIndent=side, rightIndent=side)


def _record(d: OfficialDoc, styles: dict[str, Any]) -> Any:
    """The 版记: 抄送 and the 印发 line, between rules."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rows: list[list[Any]] = []
    if d.copies:
        rows.append([_para(f"抄送：{d.copies}。", styles["note"]), ""])
    if d.printer:
        day = styles["note"].clone("gw-note-right", alignment=2)
        rows.append([_para(d.printer, styles["note"]), _para(f"{arabic_date(d.day)}印发", day)])
    commands: list[Any] = [
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    if d.copies:
        commands.append(("SPAN", (0, 0), (1, 0)))
    t = Table(rows, colWidths=[AREA_W * 0.6, AREA_W * 0.4])
    t.setStyle(TableStyle(commands))
    return t


def flowables(d: OfficialDoc) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Spacer

    styles = _styles()
    out: list[Any] = []
    if d.number:
        out += [_para(d.number, styles["number"]), Spacer(1, PITCH)]
    out += [_para(d.title, _title_style(d.title, styles["title"]), fonts.TITLE), Spacer(1, PITCH)]
    if d.addressee:
        out.append(_para(f"{d.addressee}：", styles["plain"]))
    roles = {BODY: fonts.FANGSONG, HEADING1: fonts.HEITI, HEADING2: fonts.KAITI}
    for b in d.blocks:
        if b.kind == TABLE:
            out += [Spacer(1, PITCH / 3), _table(b.header, b.rows, styles), Spacer(1, PITCH / 3)]
        else:
            out.append(_para(b.text, styles[b.kind], roles[b.kind], lead=b.lead))
    day = arabic_date(d.day)
    issuer_indent = max(0.0, 4 + (len(day) - len(d.issuer)) / 2) * CHAR
    out += [
        CondPageBreak(PITCH * 4),
        Spacer(1, PITCH * 2),
        _para(d.issuer, styles["right"].clone("gw-issuer", rightIndent=issuer_indent)),
        _para(day, styles["right"].clone("gw-day", rightIndent=4 * CHAR)),
    ]
    if d.copies or d.printer:
        out += [Spacer(1, PITCH * 2), _record(d, styles)]
    return out


def _page_number(canvas: Any, doc: Any) -> None:
    n = canvas.getPageNumber()
    text = f"— {n} —"
    width = fonts.string_width(text, SIZE_4)
    y = BOTTOM - 7 * MM - SIZE_4 * 0.35  # the dashes 7 mm below the type area
    x = PAGE_W - RIGHT - SIZE_4 - width if n % 2 else LEFT + SIZE_4
    canvas.saveState()
    fonts.draw_string(canvas, x, y, text, SIZE_4)
    canvas.restoreState()


def draw(d: OfficialDoc, target: str | io.BytesIO) -> None:
    """Lay ``d`` out and write the PDF to ``target`` (a path or a stream)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    # A point of slack under the type area: 22 × the pitch is its height, to within rounding.
    frame = Frame(
        LEFT, BOTTOM - 1, AREA_W, AREA_H + 1, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    doc = BaseDocTemplate(
        target, pagesize=(PAGE_W, PAGE_H), title=d.title, subject=d.subject or d.title, author=d.issuer,
        creator=PROGRAM, pageCompression=1,
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate("gw", frames=[frame], onPage=_page_number)])
    doc.build(flowables(d))
