"""A printed list: the title, what it covers in words, the unit, and one or more tables.

Every list and figure the window shows prints through this module (the register lists, 统计分析,
履职覆盖): ``table_pdf`` writes A4 pages with the title, a subtitle (the period, the search and the
filters in words), the unit, then each table under its caption. A table's header row is repeated
on every page it runs over, cell text wraps by the rules of Chinese line breaking
(``app.reports.linebreak``), numbers are set right. The page is portrait when the columns fit it
at a readable size (``FONT_SIZE``, 9 pt, each column as wide as its text up to ``WIDE`` characters)
and landscape when they do not (``orientation``); columns that do not fit even a landscape page
are set in bands, each repeating the table's first ``key_columns`` columns. The footer gives the
unit, the name of who printed (the staff member's full name, never a login name), the date, and
"第 n 页 共 m 页".

Printing needs the PRINT permission (refused with ``PermissionDenied``, the same message the
window and the command line show) and is written to the audit log in the step that puts the file
in place: one entry saying what was printed (a register's name or a report's), how many rows, and
whether a search or filter narrowed the list, never the rows, their ids or the search's words (a
search may be a person's name; the same list exported to Excel is recorded the same way).

The documents are Chinese files for an office: their fixed text is not translated.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.reports import fonts
from app.reports.form_parts import PROGRAM, date_text, write_pdf
from app.security import audit
from app.security.roles import PRINT

if TYPE_CHECKING:
    from app.context import Context

FONT_SIZE = 9.0  # the cells: the smallest size a list is printed at
TITLE_SIZE = 16.0
CAPTION_SIZE = 11.0
PADDING = 3.0  # points each side of a cell's text
WIDE = 16  # characters: a column wider than this wraps its text rather than turning the page
NARROW = 3  # characters: a column is not made narrower than this (nor than its text)
MARGIN_MM = 15.0
FILL = 0.6  # a table wanting this share of the width or more is widened to the full width
STRETCH = 1.5  # a narrower one at most this much
PORTRAIT = "portrait"
LANDSCAPE = "landscape"
SAMPLE_ROWS = 2000  # rows measured when sizing the columns
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_NUMBER = re.compile(r"^[-+]?[\d,，.]+%?$")


@dataclass(frozen=True)
class ReportTable:
    """One table: its caption (may be empty), header and rows of cell text (values are shown with
    ``str``); ``key_columns`` are repeated in every band when the columns need more than one."""

    caption: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    key_columns: int = 1


@dataclass(frozen=True)
class Printed:
    """What the audit log records of a print: ``kind`` ``register`` (a register's list) or
    ``report`` (a page of figures), its ``name``, whether a search or filter narrowed it."""

    kind: str
    name: str
    filtered: bool = False
    table: str = ""  # the register's table, for the entry's target

    def detail(self, rows: int) -> str:
        return audit.export_detail(self.kind, self.name, rows) + (" filtered=yes" if self.filtered else "")


@dataclass
class Layout:
    """The chosen page and each table's column bands (lists of column indexes) and widths."""

    orientation: str
    width: float  # the text area's width in points
    bands: list[list[tuple[list[int], list[float]]]] = field(default_factory=list)


def text_of(value: Any) -> str:
    """A cell as text: numbers as they read (ints with no decimals), dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return str(value)


def _page_widths() -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    return A4[0] - 2 * MARGIN_MM * mm, A4[1] - 2 * MARGIN_MM * mm


def _longest_line(text: str, size: float) -> float:
    return max((fonts.string_width(line, size) for line in text.split("\n")), default=0.0)


def _longest_word(text: str, size: float) -> float:
    """The widest run that is not broken (a number, a date, a code, a Latin word)."""
    words = [w for w in re.split(r"\s+|" + _CJK.pattern, text) if w]
    return max((fonts.string_width(w, size) for w in words), default=0.0)


def measure(table: ReportTable, size: float = FONT_SIZE) -> tuple[list[float], list[float]]:
    """Each column's (wanted, least) width in points, padding included: wanted is its widest
    text up to ``WIDE`` characters, least what keeps ``NARROW`` characters (or its whole text
    when shorter) and its longest number or word on one line."""
    char = fonts.string_width("字", size)
    n = len(table.header)
    widest = [0.0] * n
    longest_word = [0.0] * n
    lines = [list(table.header), *([text_of(v) for v in row] for row in table.rows[:SAMPLE_ROWS])]
    for line in lines:
        for i, text in enumerate(line[:n]):
            if not text:
                continue
            widest[i] = max(widest[i], _longest_line(text, size))
            longest_word[i] = max(longest_word[i], _longest_word(text, size))
    pad = 2 * PADDING
    wanted = [min(w, WIDE * char) + pad for w in widest]
    least = [
        max(min(w, NARROW * char), min(lw, WIDE * char)) + pad
        for w, lw in zip(widest, longest_word, strict=True)
    ]
    return [max(w, le) for w, le in zip(wanted, least, strict=True)], least


def orientation(tables: Sequence[ReportTable], size: float = FONT_SIZE) -> str:
    """Portrait when every table's columns fit a portrait page at their wanted width."""
    portrait, _height = _page_widths()
    for table in tables:
        wanted, _least = measure(table, size)
        if sum(wanted) > portrait + 0.01:
            return LANDSCAPE
    return PORTRAIT


def _fit(wanted: list[float], least: list[float], width: float) -> list[float]:
    """Widths filling ``width``: wanted widths stretched, or shrunk towards the least ones."""
    total = sum(wanted)
    if total <= width:
        # A table of a few narrow columns is widened a little, not across the whole page.
        stretch = width / total if total >= FILL * width else min(width / total, STRETCH) if total else 1.0
        return [w * stretch for w in wanted]
    slack = [w - le for w, le in zip(wanted, least, strict=True)]
    excess, room = total - width, sum(slack)
    if room >= excess:
        return [w - s * excess / room for w, s in zip(wanted, slack, strict=True)]
    return [le * width / sum(least) for le in least]


def bands(table: ReportTable, width: float, size: float = FONT_SIZE) -> list[tuple[list[int], list[float]]]:
    """The table's columns in bands that each fit ``width`` at their least widths (one band when
    they all do), each band after the first repeating the key columns; with their widths."""
    wanted, least = measure(table, size)
    n = len(table.header)
    if sum(least) <= width + 0.01 or n == 0:
        return [(list(range(n)), _fit(wanted, least, width))]
    keys = list(range(min(table.key_columns, n - 1)))
    rest = list(range(len(keys), n))
    groups: list[list[int]] = [[]]
    for i in rest:  # as few bands as fit
        if groups[-1] and sum(least[c] for c in keys + groups[-1]) + least[i] > width:
            groups.append([])
        groups[-1].append(i)
    # The same columns shared out evenly over that many bands, when they fit so.
    base, extra = divmod(len(rest), len(groups))
    starts = [i * base + min(i, extra) for i in range(len(groups) + 1)]
    even = [rest[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    if all(sum(least[c] for c in keys + g) <= width + 0.01 for g in even):
        groups = even
    out = []
    for group in groups:
        columns = keys + group
        out.append((columns, _fit([wanted[c] for c in columns], [least[c] for c in columns], width)))
    return out


def layout(tables: Sequence[ReportTable], size: float = FONT_SIZE) -> Layout:
    turn = orientation(tables, size)
    portrait, landscape = _page_widths()
    width = portrait if turn == PORTRAIT else landscape
    return Layout(turn, width, [bands(t, width, size) for t in tables])


def printer_name(ctx: Context) -> str:
    """The full name of who is printing ("" when they have none: a login name is never printed)."""
    from app.services.users import display_names

    with ctx.db.session(ctx.user) as s:
        return display_names(s, [ctx.user]).get(ctx.user, "")


def unit_name(ctx: Context) -> str:
    info = ctx.db.installation()
    return info.unit_name if info else ""


def table_pdf(
    out: Path | BinaryIO,
    title: str,
    tables: Sequence[ReportTable],
    ctx: Context,
    what: Printed,
    *,
    subtitle: str = "",
    printed: datetime | None = None,
    charts: Sequence[tuple[str, Any]] = (),
) -> int:
    """Write the tables as a PDF to ``out`` (a path is written atomically); return the page count.
    ``charts``: (caption, reportlab Drawing) printed after the tables as 图1, 图2, …, each scaled
    down to the text width when wider. Refused without the PRINT permission; recorded in the
    audit log as ``what``."""
    ctx.require(PRINT)
    unit, who = unit_name(ctx), printer_name(ctx)
    when = printed or datetime.now()
    rows = sum(len(t.rows) for t in tables)
    pages = [0]

    def draw(target: str | io.BytesIO) -> None:
        pages[0] = _draw(target, title, subtitle, tables, unit=unit, who=who, when=when, charts=charts)

    def around() -> Any:
        return audit.recorded(
            ctx.db, ctx.user, audit.PRINT, target_table=what.table, detail=what.detail(rows)
        )

    write_pdf(out, draw, around)
    return pages[0]


def _draw(target: str | io.BytesIO, title: str, subtitle: str, tables: Sequence[ReportTable], *, unit: str,
          who: str, when: datetime, charts: Sequence[tuple[str, Any]] = ()) -> int:  # fmt: skip
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    plan = layout(tables)
    pagesize = A4 if plan.orientation == PORTRAIT else landscape(A4)
    body = ParagraphStyle(
        "cell", fontName=fonts.body(), fontSize=FONT_SIZE, leading=FONT_SIZE * 1.35, wordWrap="CJK"
    )
    number = ParagraphStyle("number", parent=body, alignment=TA_RIGHT)
    head = ParagraphStyle("head", parent=body, fontName=fonts.heiti(), alignment=TA_CENTER)
    title_style = ParagraphStyle(
        "title", fontName=fonts.title(), fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.5, alignment=TA_CENTER,
        wordWrap="CJK",
    )  # fmt: skip
    sub = ParagraphStyle("sub", parent=body, fontSize=10.5, leading=15, alignment=TA_CENTER)
    caption = ParagraphStyle(
        "caption", parent=body, fontName=fonts.heiti(), fontSize=CAPTION_SIZE, leading=CAPTION_SIZE * 1.5,
        alignment=TA_LEFT, spaceBefore=6, spaceAfter=3, keepWithNext=1,
    )  # fmt: skip

    def p(text: str, style: ParagraphStyle, role: str = fonts.BODY) -> Paragraph:
        lines = text.replace("\r\n", "\n").split("\n")
        return Paragraph("<br/>".join(fonts.markup(line, role) for line in lines), style)

    story: list[Any] = [p(title, title_style, fonts.TITLE)]
    for line in (subtitle, f"填报单位：{unit}" if unit else ""):
        if line:
            story.append(p(line, sub))
    story.append(Spacer(1, 3 * mm))
    for table, table_bands in zip(tables, plan.bands, strict=True):
        for n, (columns, widths) in enumerate(table_bands):
            text = table.caption
            if len(table_bands) > 1:
                text = f"{text}（{n + 1}/{len(table_bands)}）" if text else f"（{n + 1}/{len(table_bands)}）"
            if text:
                story.append(p(text, caption, fonts.HEITI))
            data: list[list[Any]] = [[p(text_of(table.header[c]), head, fonts.HEITI) for c in columns]]
            for row in table.rows:
                cells = []
                for c in columns:
                    value = text_of(row[c]) if c < len(row) else ""
                    numeric = isinstance(row[c] if c < len(row) else None, (int, float)) or bool(
                        _NUMBER.match(value)
                    )
                    cells.append(p(value, number if numeric else body))
                data.append(cells)
            style: list[Any] = [
                ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ]
            if not table.rows:
                data.append([p("（无记录）", body)] + [""] * (len(columns) - 1))
                style.append(("SPAN", (0, 1), (-1, 1)))
            grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT" if text else "CENTER")
            grid.setStyle(TableStyle(style))
            story += [grid, Spacer(1, 4 * mm)]

    text_width = pagesize[0] - 2 * MARGIN_MM * mm
    for number, (text, drawing) in enumerate(charts, start=1):
        story.append(
            KeepTogether([p(f"图{number}　{text}", caption, fonts.HEITI), _fitted(drawing, text_width)])
        )
        story.append(Spacer(1, 4 * mm))

    width, _height = pagesize
    pages = [0]
    doc = SimpleDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=MARGIN_MM * mm,
        title=title,
        author=unit,
        creator=PROGRAM,
        subject=subtitle,
    )

    doc.build(story, canvasmaker=numbered_canvas(width, footer_text(unit, who, when), pages))
    return pages[0]


def _fitted(drawing: Any, width: float) -> Any:
    """``drawing`` scaled down (never up) to ``width`` points."""
    if drawing.width <= width:
        return drawing
    factor = width / drawing.width
    drawing.scale(factor, factor)
    drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing


def footer_text(unit: str, who: str, when: datetime) -> str:
    """The footer's left part: the unit, who printed (a staff member's name) and the date."""
    parts = (f"单位：{unit}" if unit else "", f"打印人：{who}" if who else "", f"打印日期：{date_text(when)}")
    return "　".join(part for part in parts if part)


def numbered_canvas(
    width: float, left_text: str, pages: list[int], *, margin: float = MARGIN_MM
) -> Callable[..., Any]:
    """A reportlab canvas maker that keeps each page until the end, to draw ``left_text`` and
    "第 n 页　共 m 页" at the foot of every page of a ``width``-wide document (``margin`` mm in from
    each side); the page count is put in ``pages[0]``."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    left, right = margin * mm, width - margin * mm

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("pageCompression", 1)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            pages[0] = total
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFillColor(colors.Color(0.3, 0.3, 0.3))
                numbers = f"第 {n} 页　共 {total} 页"
                fonts.draw_string(self, right - fonts.string_width(numbers, 9), 9 * mm, numbers, 9)
                fonts.draw_string(self, left, 9 * mm, left_text, 8)
                super().showPage()
            super().save()

    return NumberedCanvas


# The signature the window's preview calls: ``make(path)``.
MakePdf = Callable[[Path], None]
