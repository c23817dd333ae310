"""The official-document layout (GB/T 9704-2012) of the .docx files the program writes, for an
office to edit in WPS or Word.

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: the type area is 156 mm × 225 mm;
- 22 lines × 28 characters a page (GB/T 9704-2012 §5.2.2: "一般每面排22行，每行排28个字"), with the
  body in 仿宋_GB2312 三号 (16 pt): a line grid (``w:docGrid type="lines"``, 22 lines in 225 mm) and
  the 16 pt characters of the body and headings condensed by a quarter point, so that 28 fill the
  156 mm line. Not a character grid (``linesAndChars`` with a negative ``charSpace``, the usual
  template's way): LibreOffice (7.4) gives each 16 pt character two cells of a 15.8 pt grid, and
  the line holds 14; condensed characters lay out alike in Word, WPS and LibreOffice;
- paragraph styles an office expects: 标题 (方正小标宋简体 二号), 一级标题 (黑体 三号), 二级标题 (楷体_GB2312
  三号), 正文 (仿宋_GB2312 三号, first line indented two characters). 标题 and 正文 are Word's own
  Title and Normal styles (Word and WPS show them under those names in Chinese); 一级标题 and
  二级标题 are styles of their own with outline levels 1 and 2 (the navigation pane);
- East Asian font names (``w:rFonts w:eastAsia``) on every style, Chinese as the East Asian language;
- line-breaking rules (禁则): ``w:kinsoku`` on the styles and the document's own lists of characters
  no line may start with (``w:noLineBreaksBefore``) or end with (``w:noLineBreaksAfter``);
- page numbers in the footer: "— 1 —", 宋体 四号, odd pages at the right and even pages at the left,
  one character in from the edge.

No Qt here; python-docx is imported by the caller's first use.
"""

from __future__ import annotations

import math
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TYPE_AREA_MM = (156, 225)  # width, height
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
TABLE_SIZE = Pt(12)  # 小四

TITLE, HEADING1, HEADING2, BODY = "Title", "一级标题", "二级标题", "Normal"
TABLE_TEXT = "表格文字"
STYLE_IDS = {HEADING1: "GwHeading1", HEADING2: "GwHeading2", TABLE_TEXT: "GwTableText"}

# Characters no line may start with (closing punctuation) or end with (opening punctuation).
NO_BREAK_BEFORE = (
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠"
)
NO_BREAK_AFTER = "$([{£¥‘“〈《「『【〔〖〝﹙﹛﹝＄（［｛￡￥"


# The schema's order of a paragraph's and a run's properties (Word refuses a file out of order).
PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def in_schema_order(parent: Any, order: tuple[str, ...]) -> None:
    """Put ``parent``'s children in the schema's order (unknown ones last, as they were)."""
    rank = {qn(f"w:{tag}"): i for i, tag in enumerate(order)}
    children = list(parent)
    for child in children:
        parent.remove(child)
    for child in sorted(children, key=lambda c: rank.get(c.tag, len(order))):
        parent.append(child)


def _twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def line_pitch() -> int:
    """The grid's line pitch in twentieths of a point (579 for 22 lines in 225 mm)."""
    return _twips(TYPE_AREA_MM[1]) // LINES_PER_PAGE


def char_spacing(size: Pt = SIZE_3) -> int:
    """The spacing, in twentieths of a point (``w:spacing w:val``, negative: condensed), that lets
    ``CHARS_PER_LINE`` characters of ``size`` fill the type area's width: -5 (a quarter point) for
    16 pt, which sets 28 characters in 441 pt of the 442.2 pt line."""
    pitch_pt = TYPE_AREA_MM[0] / 25.4 * 72 / CHARS_PER_LINE
    return math.floor((pitch_pt - size.pt) * 20)


def _set(parent: Any, tag: str, **attrs: str) -> Any:
    """The child ``tag`` of ``parent`` (made when missing), its ``w:`` attributes set."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.append(child)
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def _no_theme_fonts(fonts: Any) -> None:
    """Drop the theme's font references (w:asciiTheme, w:eastAsiaTheme, …): they win over names."""
    for name in list(fonts.attrib):
        if name.lower().endswith("theme"):
            del fonts.attrib[name]


def set_fonts(rpr_owner: Any, east_asia: str, latin: str | None = None) -> None:
    """Give a style or run its East Asian face and its Latin face (the same one unless given)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    _no_theme_fonts(fonts)
    latin = latin or east_asia
    for attr, value in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asia), ("cs", latin)):
        fonts.set(qn(f"w:{attr}"), value)
    _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN")


def _line_rules(ppr: Any) -> None:
    """Chinese line breaking on a paragraph style: 禁则, punctuation may hang, spaces between Chinese
    and Latin text adjusted."""
    for tag in ("w:kinsoku", "w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
        _set(ppr, tag, val="1")
    _set(ppr, "w:snapToGrid", val="1")


def _paragraph_style(
    doc: Any,
    name: str,
    font: str,
    size: Pt,
    *,
    latin: str | None = None,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    outline: int | None = None,
    bold: bool = False,
) -> Any:
    styles = doc.styles
    if name in [s.name for s in styles]:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = STYLE_IDS[name]  # ASCII ids, as Word writes them
    if name != BODY:
        style.base_style = styles[BODY]
        style.next_paragraph_style = styles[BODY]
    style.quick_style = True
    style.font.size = size
    style.font.bold = bold
    set_fonts(style.element, font, latin)
    rpr = style.element.get_or_add_rPr()
    _set(rpr, "w:szCs", val=str(int(size.pt * 2)))
    for tag in ("w:spacing", "w:kern", "w:color"):  # Word's Title: letter-spaced, kerned, blue
        for child in rpr.findall(qn(tag)):
            rpr.remove(child)
    if size == SIZE_3:  # the body's size: 28 characters a line
        _set(rpr, "w:spacing", val=str(char_spacing(size)))
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(size.pt * 2) if indent else Pt(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pitch() / 20)
    fmt.keep_with_next = outline is not None or name == TITLE
    ppr = style.element.get_or_add_pPr()
    _line_rules(ppr)
    if outline is not None:
        _set(ppr, "w:outlineLvl", val=str(outline))
    return style


def _styles(doc: Any) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _no_theme_fonts(
        _set(rpr, "w:rFonts", ascii=LATIN_FONT, hAnsi=LATIN_FONT, eastAsia=BODY_FONT, cs=LATIN_FONT)
    )
    _set(rpr, "w:sz", val=str(int(SIZE_3.pt * 2)))
    _set(rpr, "w:szCs", val=str(int(SIZE_3.pt * 2)))
    _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr_default.find(qn("w:spacing"))
    if spacing is not None:
        ppr_default.remove(spacing)
    _paragraph_style(doc, BODY, BODY_FONT, SIZE_3, latin=LATIN_FONT, indent=True)
    title = _paragraph_style(doc, TITLE, TITLE_FONT, SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER)
    # Word's Title carries a border and spacing of its own in some templates: none here.
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)
    _paragraph_style(doc, HEADING1, HEADING1_FONT, SIZE_3, indent=True, outline=0)
    _paragraph_style(doc, HEADING2, HEADING2_FONT, SIZE_3, indent=True, outline=1)
    table_text = _paragraph_style(
        doc, TABLE_TEXT, BODY_FONT, TABLE_SIZE, latin=LATIN_FONT, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    table_text.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    table_text.paragraph_format.keep_with_next = False
    _set(table_text.element.get_or_add_pPr(), "w:snapToGrid", val="0")


def _tidy_styles(doc: Any) -> None:
    for style in doc.styles.element.iter(qn("w:style")):
        for tag, order in (("w:pPr", PPR_ORDER), ("w:rPr", RPR_ORDER)):
            props = style.find(qn(tag))
            if props is not None:
                in_schema_order(props, order)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for props in defaults.iter(qn("w:rPr")):
        in_schema_order(props, RPR_ORDER)


def _page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(22)  # the number ~7 mm below the type area
    grid = _set(section._sectPr, "w:docGrid", type="lines")
    grid.set(qn("w:linePitch"), str(line_pitch()))
    grid.attrib.pop(qn("w:charSpace"), None)


def _settings(doc: Any) -> None:
    settings = doc.settings.element
    spacing = settings.find(qn("w:characterSpacingControl"))
    if spacing is None:
        spacing = OxmlElement("w:characterSpacingControl")
        settings.append(spacing)
    spacing.set(qn("w:val"), "compressPunctuation")
    # The schema's order: characterSpacingControl, …, noLineBreaksAfter, noLineBreaksBefore.
    after = OxmlElement("w:noLineBreaksAfter")
    after.set(qn("w:lang"), "zh-CN")
    after.set(qn("w:val"), NO_BREAK_AFTER)
    before = OxmlElement("w:noLineBreaksBefore")
    before.set(qn("w:lang"), "zh-CN")
    before.set(qn("w:val"), NO_BREAK_BEFORE)
    spacing.addnext(after)
    after.addnext(before)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    doc.settings.odd_and_even_pages_header_footer = True


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field (``PAGE``) in a paragraph: begin, instruction, separate, the shown text, end."""

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_number(footer: Any, align: Any) -> None:
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = SIZE_4
    else:
        fmt.left_indent = SIZE_4
    paragraph.add_run("— ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        run.font.size = SIZE_4
        set_fonts(run._r, PAGE_NUMBER_FONT)


def _footers(doc: Any) -> None:
    section = doc.sections[0]
    section.footer.is_linked_to_previous = False
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def new_document() -> Any:
    """An empty document in the official layout (styles, page, grid, line breaking, page numbers)."""
    doc = Document()
    _styles(doc)
    _tidy_styles(doc)
    _page(doc)
    _settings(doc)
    _footers(doc)
    core = doc.core_properties
    core.language = "zh-CN"
    core.author = ""
    core.comments = ""
    return doc


# ---- writing ---------------------------------------------------------------------------------
PLACEHOLDER = "【请补充】"


def paragraph(
    doc: Any, text: str, style: str = BODY, *, lead: str = "", lead_font: str = HEADING2_FONT
) -> Any:
    """A paragraph; any 【…】 in it (what the office fills in) is highlighted yellow. ``lead``: an
    opening in another face (（一）…。 in 楷体 within a body paragraph, the seed's way)."""
    p = doc.add_paragraph(style=doc.styles[style])
    if lead:
        set_fonts(p.add_run(lead)._r, lead_font)
    rest = text
    while "【" in rest:
        before, _, tail = rest.partition("【")
        inside, closed, after = tail.partition("】")
        if before:
            p.add_run(before)
        run = p.add_run("【" + inside + closed)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        rest = after
    if rest:
        p.add_run(rest)
    return p


def table(doc: Any, header: list[str], rows: list[list[Any]], caption: str = "") -> Any:
    """A bordered table with a bold header row in 表格文字 (仿宋 小四), centred on the page."""
    if caption:
        cap = doc.add_paragraph(caption, style=doc.styles[TABLE_TEXT])
        cap.paragraph_format.keep_with_next = True
        cap.runs[0].font.bold = True
    t = doc.add_table(rows=1, cols=len(header))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = ""
        p = cell.paragraphs[0]
        p.style = doc.styles[TABLE_TEXT]
        p.add_run(str(text)).font.bold = True
    _set(t.rows[0]._tr.get_or_add_trPr(), "w:tblHeader", val="1")
    for row in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            p = cell.paragraphs[0]
            p.style = doc.styles[TABLE_TEXT]
            p.add_run(str(value))
    doc.add_paragraph(style=doc.styles[TABLE_TEXT])
    return t


def picture(doc: Any, png: bytes, caption: str, width_mm: float = 150) -> Any:
    """A centred image (PNG bytes) under a bold caption (图1　…), kept on one page with it; its
    line spacing single, so that the document grid's exact lines do not clip it."""
    import io

    p = doc.add_paragraph(style=doc.styles[TABLE_TEXT])
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(io.BytesIO(png), width=Mm(min(width_mm, TYPE_AREA_MM[0])))
    cap = doc.add_paragraph(caption, style=doc.styles[TABLE_TEXT])
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.runs[0].font.bold = True
    doc.add_paragraph(style=doc.styles[TABLE_TEXT])
    return p
