"""The coverage year view printed: a landscape A4 table (unit, village or supervised unit, the four
quarters with coloured cells) and each quarter's totals, in the bundled CJK font
(``app.reports.fonts``). The header repeats on every page; each page carries its number.

The table is the one ``app.services.coverage_export.grid`` puts together for the window and the
spreadsheet. Printing is recorded in the audit log (what and how many rows, never names) when a
database is given, in the same step that puts the file in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.reports import fonts
from app.reports.table_report import footer_text, numbered_canvas, printer_name, unit_name
from app.security import audit
from app.security.roles import PRINT
from app.services.coverage import Row
from app.services.coverage_export import STATUS_COLOURS, TOTALS_HEADER, Labels, grid
from app.services.spreadsheet import write_report

if TYPE_CHECKING:
    from app.context import Context

FONT_SIZE = 9
TITLE_SIZE = 15


def coverage_pdf(
    path: Path,
    rows: Sequence[Row],
    year: int,
    what: str,
    what_label: str,
    labels: Labels = lambda s: s,
    *,
    subtitle: str = "",
    ctx: Context | None = None,
) -> int:
    """Write the year view as a PDF; return the number of pages."""
    if ctx is not None:
        ctx.require(PRINT)
    table = grid(rows, year, what, what_label, labels)
    pages = [0]
    unit, who = (unit_name(ctx), printer_name(ctx)) if ctx is not None else ("", "")
    footer = footer_text(unit, who, datetime.now())

    def write(tmp: Path) -> None:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

        font = fonts.cjk_font()
        body = ParagraphStyle(
            "body", fontName=font, fontSize=FONT_SIZE, leading=FONT_SIZE * 1.3, wordWrap="CJK"
        )
        head = ParagraphStyle("head", parent=body, alignment=1)
        title_style = ParagraphStyle(
            "title", fontName=fonts.title(), fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.4, alignment=1
        )
        small = ParagraphStyle("small", parent=body, fontSize=FONT_SIZE - 1, alignment=1)

        def p(text: str, style: ParagraphStyle = body) -> Any:
            role = fonts.TITLE if style is title_style else fonts.BODY
            return Paragraph(fonts.markup(text, role), style)

        data: list[list[Any]] = [[p(h, head) for h in table.header]]
        data.extend([p(text) for text in line] for line in table.lines)
        data.append([p(labels(TOTALS_HEADER)), ""] + [p(text) for text in table.totals])
        width = landscape(A4)[0] - 24 * mm
        col_widths = [width * 0.18, width * 0.22] + [width * 0.15] * 4
        style: list[Any] = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("SPAN", (0, -1), (1, -1)),
            ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f5f5f5")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for i, statuses in enumerate(table.statuses, start=1):
            for j, status in enumerate(statuses, start=2):
                colour = STATUS_COLOURS.get(status)
                if colour:
                    style.append(("BACKGROUND", (j, i), (j, i), colors.HexColor(colour)))
        grid_table = Table(data, colWidths=col_widths, repeatRows=1)
        grid_table.setStyle(TableStyle(style))
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=landscape(A4),
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=12 * mm,
            bottomMargin=14 * mm,
            title=table.title,
        )
        story: list[Any] = [p(table.title, title_style)]
        if subtitle:
            story.append(p(subtitle, small))
        story += [Spacer(1, 4 * mm), grid_table]
        # The unit, who printed (a staff member's name, never a login name), the date, 第 n 页 共 m 页.
        doc.build(story, canvasmaker=numbered_canvas(landscape(A4)[0], footer, pages, margin=12))

    write_report(
        path, write, ctx.db if ctx else None, ctx.user if ctx else "", f"coverage_{what}_{year}", len(rows),
        audit.PRINT,
    )  # fmt: skip
    return pages[0]
