"""Pieces the printed A4 forms share: page geometry and paragraph styles, ruled tables, drawn tick
boxes, signature lines, the footer, the audit entries written with the file.

The forms (``clue_forms``, ``visit_forms``) are Chinese documents for an office's files: their
text does not follow the interface language, so it is not marked for translation. reportlab is
imported when a form is drawn, not when this module is imported.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.reports import fonts
from app.security import audit

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

    from app.services.records import RecordService

PROGRAM = "基层纪检监察工作台（Jiwei Desk）"

# The role (typeface) of each paragraph style: labels and short values in 宋体, what was written
# at length in 仿宋 (as an office fills a form in by hand or types it in 仿宋_GB2312).
STYLE_ROLES = {"body": fonts.FANGSONG}


def date_text(value: Any) -> str:
    """``2024年3月5日`` (empty for no date)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return ""


@dataclass
class Page:
    """Page geometry and styles, made once per document (reportlab is imported when drawing)."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    mm: float
    styles: dict[str, Any]

    @property
    def inner(self) -> float:
        return self.right - self.left


def a4_page() -> Page:
    """A4 portrait, 20 mm side margins, with the forms' paragraph styles (宋体; ``body`` 仿宋)."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm

    cjk = fonts.cjk_font()
    width, height = A4
    value = ParagraphStyle(
        "value", fontName=cjk, fontSize=10.5, leading=15, wordWrap="CJK", alignment=TA_LEFT
    )
    styles = {
        "value": value,
        "label": ParagraphStyle("label", parent=value, alignment=TA_CENTER),
        "body": ParagraphStyle(
            "body", parent=value, fontName=fonts.fangsong(), fontSize=11.5, leading=18, firstLineIndent=23
        ),
        "right": ParagraphStyle("right", parent=value, alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=value, fontSize=12, leading=18, alignment=TA_CENTER),
    }
    return Page(width, height, 20 * mm, width - 20 * mm, height - 14 * mm, 14 * mm, mm, styles)


def para(page: Page, text: str, style: str = "value") -> Flowable:
    """A paragraph of ``text`` (line breaks kept), each run in a font that draws it."""
    from reportlab.platypus import Paragraph

    lines = text.replace("\r\n", "\n").split("\n")
    role = STYLE_ROLES.get(style, fonts.BODY)
    return Paragraph("<br/>".join(fonts.markup(line, role) for line in lines), page.styles[style])


def vertical(page: Page, text: str) -> Flowable:
    """A label set one character a line (the merged label cell of a block)."""
    from reportlab.platypus import Paragraph

    return Paragraph("<br/>".join(fonts.markup(ch) for ch in text), page.styles["label"])


def fitted(flowables: list[Flowable], width: float, height: float) -> Flowable:
    """Content that shrinks to fit its box, so each record stays on one page."""
    from reportlab.platypus import KeepInFrame

    return KeepInFrame(width, height, flowables, mode="shrink")


def draw_tick_box(c: Canvas, x: float, y: float, box: float, ticked: bool) -> None:
    """A square of side ``box`` with its lower left corner at (x, y), ticked or empty (the bundled
    font has no box glyph: it is drawn)."""
    c.setLineWidth(0.7)
    c.rect(x, y, box, box)
    if ticked:
        c.setLineWidth(1.2)
        c.lines(
            [
                (x + box * 0.18, y + box * 0.55, x + box * 0.42, y + box * 0.22),
                (x + box * 0.42, y + box * 0.22, x + box * 0.86, y + box * 0.9),
            ]
        )


def signature(page: Page, label: str, *, line: float = 34.0, align: str = "right") -> Flowable:
    """``label`` with a line to sign on and a date to fill in by hand (``签名：____　　年　　月　　日``),
    right- or left-aligned in its box; ``line`` is the signing line's length in mm."""
    from reportlab.platypus import Flowable

    size = 10.5
    mm = page.mm
    # (text, blank width after it)
    parts = ((label, line * mm), ("", 14 * mm), ("年", 8 * mm), ("月", 8 * mm), ("日", 0.0))

    class Signature(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, size * 1.6

        def draw(self) -> None:
            c = self.canv
            total = sum(fonts.string_width(text, size) + gap for text, gap in parts)
            x = self.width - total - 2 * mm if align == "right" else 0.0
            c.setLineWidth(0.6)
            for n, (text, gap) in enumerate(parts):
                x += fonts.draw_string(c, x, 2, text, size)
                if n == 0 and gap > 0:
                    c.line(x, 0.5, x + gap - 3 * mm, 0.5)
                x += gap

    return Signature()


def table(page: Page, rows: list[list[Any]], widths: list[float], heights: list[float | None],
          extra: list[tuple[Any, ...]]) -> Any:  # fmt: skip
    """A ruled table: a heavy outer box, thin inner grid, cells centred vertically."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    t = Table(rows, colWidths=widths, rowHeights=heights)
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                *extra,
            ]
        )
    )
    return t


def place(c: Canvas, page: Page, build: Callable[[float | None], Any], top: float, bottom: float) -> float:
    """Draw a table whose flexible rows take whatever height is left between top and bottom;
    ``build(None)`` makes it at its natural height, ``build(spare)`` with the spare height shared
    out. Return the y of the table's bottom edge."""
    t = build(None)
    _w, natural = t.wrapOn(c, page.inner, top - bottom)
    t = build(max(0.0, top - bottom - natural))
    _w, h = t.wrapOn(c, page.inner, top - bottom)
    t.drawOn(c, page.left, top - h)
    return top - h


def signature_line(c: Canvas, x: float, y: float, label: str, width: float, value: str = "") -> float:
    """``label`` followed by a line of ``width`` points (with ``value`` on it); return where it ends."""
    w = fonts.draw_string(c, x, y, label, 11)
    c.setLineWidth(0.6)
    c.line(x + w, y - 2, x + w + width, y - 2)
    if value:
        fonts.draw_string(c, x + w + 4, y, value, 11)
    return x + w + width


def footer(
    c: Canvas,
    page: Page,
    n: int,
    total: int,
    user: str = "",
    printed: datetime | None = None,
    *,
    unit: str = "",
    registered_by: str = "",
) -> None:
    """The unit, who registered the record and the date it was printed (left), page n of total
    (right), grey and small. ``user`` (a login name) is accepted for older callers and never
    printed: a form an office files names people by their names."""
    from reportlab.lib import colors

    del user
    mm = page.mm
    c.setFillColor(colors.Color(0.35, 0.35, 0.35))
    numbers = f"第 {n} 页　共 {total} 页"
    fonts.draw_string(c, page.right - fonts.string_width(numbers, 9), 8 * mm, numbers, 9)
    parts = [f"填报单位：{unit}" if unit else "", f"登记人：{registered_by}" if registered_by else ""]
    parts.append(f"打印日期：{date_text(printed or datetime.now())}")
    left = "　".join(p for p in parts if p)
    fonts.draw_string(c, page.left, 8 * mm, left, 8)
    c.setFillColor(colors.black)


def registered_by(records: RecordService, model: Any, ids: Sequence[str]) -> dict[str, str]:
    """The name of who registered each record (its creator's full name on this installation;
    "" when there is none: a login name is never printed)."""
    from sqlalchemy import select

    from app.services.users import display_names

    with records.ctx.session() as s:
        creators: dict[str, str] = dict(
            s.execute(select(model.id, model.created_by).where(model.id.in_(list(ids)))).all()
        )
        names = display_names(s, creators.values())
    return {row_id: names.get(creator, "") for row_id, creator in creators.items()}


def new_canvas(target: Any, page: Page, title: str, subject: str) -> Canvas:
    """A compressed canvas of the page's size with the document's properties set."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(target, pagesize=(page.width, page.height), pageCompression=1)
    c.setTitle(title)
    c.setAuthor(subject)
    c.setCreator(PROGRAM)
    c.setSubject(subject)
    return c


@contextmanager
def audited_print(records: RecordService, table_name: str, ids: Sequence[str], form: str) -> Iterator[None]:
    """One PRINT entry per record (the form and the record's id, never its content), written
    before the file appears and kept only when it does."""
    with records.ctx.session() as s:
        for row_id in ids:
            audit.record(s, audit.PRINT, target_table=table_name, target_id=row_id, detail=f"form={form}")
        s.flush()
        yield


def write_pdf(
    out: Path | BinaryIO,
    draw: Callable[[str | io.BytesIO], None],
    around_replace: Callable[[], AbstractContextManager[object]],
) -> None:
    """Draw a PDF into ``out``: a path is written atomically (``around_replace`` wraps the rename:
    the audit entries), a binary stream gets the finished bytes inside ``around_replace``."""
    from app.services.spreadsheet import write_atomically

    if isinstance(out, (str, Path)):
        write_atomically(Path(out), lambda tmp: draw(str(tmp)), around_replace=around_replace)
    else:
        buffer = io.BytesIO()
        draw(buffer)
        with around_replace():
            out.write(buffer.getvalue())
