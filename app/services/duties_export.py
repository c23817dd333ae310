"""履职覆盖 to .xlsx: one duty's year grid as the page shows it (coloured cells, a totals line per
period), recorded in the audit log like every export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.fields import Duty
from app.security.roles import PRINT
from app.services.duties import STATUS_COLOURS, STATUS_LABELS, Period, Row, period_label, rule_text, totals
from app.services.spreadsheet import write_report

if TYPE_CHECKING:
    from app.context import Context

Labels = Callable[[str], str]  # translates a text (of context "app", or "register" for titles)
Render = Callable[[Message], str]
UNIT_HEADER = QT_TRANSLATE_NOOP("app", "单位")
OWER_HEADER = QT_TRANSLATE_NOOP("app", "对象")
TOTALS_HEADER = QT_TRANSLATE_NOOP("app", "合计")
TOTALS_CELL = QT_TRANSLATE_NOOP("app", "完成 {paid}，缺 {missed}，待完成 {due}")


def export_duty(
    path: Path,
    duty: Duty,
    year: int,
    periods: Sequence[Period],
    rows: Sequence[Row],
    labels: Labels = lambda s: s,
    render: Render = str,
    register_labels: Labels = lambda s: s,
    *,
    ctx: Context | None = None,
) -> int:
    """Write the grid to ``path``; return the number of rows. With ``ctx`` (PRINT needed) the
    export is recorded in the audit log in the step that puts the file in place."""
    if ctx is not None:
        ctx.require(PRINT)
    title = f"{year} {register_labels(duty.title)}（{render(rule_text(duty))}）"
    header = [
        labels(UNIT_HEADER),
        labels(OWER_HEADER),
        *(render(period_label(p, duty.period)) for p in periods),
    ]

    def write(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = register_labels(duty.title)[:31]
        ws.append([title])
        ws.cell(1, 1).font = Font(bold=True, size=14)
        ws.append(header)
        for cell in ws[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        fills = {
            s: PatternFill("solid", fgColor="FF" + c.lstrip("#").upper())
            for s, c in STATUS_COLOURS.items()
            if c
        }
        for r in rows:
            ws.append([r.unit_name, r.ower_name, *(labels(STATUS_LABELS[r.status(p.key)]) for p in periods)])
            for j, p in enumerate(periods, start=3):
                status = r.status(p.key)
                if status in fills:
                    ws.cell(ws.max_row, j).fill = fills[status]
        line = []
        for p in periods:
            n = totals(rows, p.key)
            line.append(
                labels(TOTALS_CELL).format(paid=n["paid"], missed=n["missed"], due=n["due"])
                if n["paid"] + n["missed"] + n["due"]
                else ""
            )
        ws.append([labels(TOTALS_HEADER), "", *line])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions["A"].width = 22
        ws.column_dimensions["B"].width = 20
        for j in range(3, 3 + len(periods)):
            ws.column_dimensions[get_column_letter(j)].width = 10 if len(periods) > 12 else 14
        ws.freeze_panes = "C3"
        wb.save(tmp)

    write_report(
        path, write, ctx.db if ctx else None, ctx.user if ctx else "", f"duty_{duty.key}_{year}", len(rows)
    )
    return len(rows)
