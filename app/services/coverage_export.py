"""The coverage year view (驻村（驻在）覆盖) as text and as an .xlsx file.

What a cell says, the per-quarter totals line and the columns are put together here once; the
window's grid, the spreadsheet and the printed table (``app.reports.coverage_report``) all use
them, so they cannot disagree. Texts are marked for translation (context "app") and passed
through ``labels`` (the window gives Qt's translation; the command line and tests the identity).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import QT_TRANSLATE_NOOP
from app.quarters import quarter_name, quarters_of_year
from app.registers.residency import LEDGER_KINDS
from app.security.roles import PRINT
from app.services.coverage import (
    FUTURE,
    LEDGER_STATUS_LABELS,
    MISSED,
    NOT_APPLICABLE,
    PLANNED,
    STATUS_LABELS,
    UNPLANNED,
    VISITED,
    Cell,
    Row,
    summary,
)
from app.services.spreadsheet import write_report

if TYPE_CHECKING:
    from app.context import Context

Labels = Callable[[str], str]

VISITS_KIND = "visits"
WHAT_CHOICES: tuple[tuple[str, str], ...] = (
    (VISITS_KIND, QT_TRANSLATE_NOOP("app", "驻村（驻在）")),
    *LEDGER_KINDS,  # labels in context "register"
)
UNIT_HEADER = QT_TRANSLATE_NOOP("app", "单位")
TARGET_HEADER = QT_TRANSLATE_NOOP("app", "村（社区）/ 被监督单位")
TITLE = QT_TRANSLATE_NOOP("app", "{year} 年{what}覆盖情况")
TOTALS_HEADER = QT_TRANSLATE_NOOP("app", "合计")
TOWNSHIP_PART = QT_TRANSLATE_NOOP("app", "{units} 乡镇 {targets} 村")
GROUP_PART = QT_TRANSLATE_NOOP("app", "{units} 派驻组 {targets} 单位")
COMMITTEE_PART = QT_TRANSLATE_NOOP("app", "{targets} 乡镇党委")
PART_SEPARATOR = QT_TRANSLATE_NOOP("app", "、")
COUNT_SEPARATOR = QT_TRANSLATE_NOOP("app", "，")
COUNT_ITEM = QT_TRANSLATE_NOOP("app", "{label} {n}")
TOTALS_LINE = QT_TRANSLATE_NOOP("app", "{who}：{counts}")
NOBODY = QT_TRANSLATE_NOOP("app", "没有村（社区）或被监督单位")
SHEET_TITLE = QT_TRANSLATE_NOOP("app", "覆盖情况")

# Fill colours of the statuses (the window, the sheet and the printed table).
STATUS_COLOURS = {
    VISITED: "#c8e6c9",
    PLANNED: "#bbdefb",
    MISSED: "#ef9a9a",
    UNPLANNED: "#ffe082",
    FUTURE: "",
    NOT_APPLICABLE: "#eeeeee",
}


def is_ledger(what: str) -> bool:
    return what != VISITS_KIND


def status_label(status: str, what: str) -> str:
    """The untranslated label of a status for visits or a ledger."""
    return (LEDGER_STATUS_LABELS if is_ledger(what) else STATUS_LABELS)[status]


def cell_text(cell: Cell, what: str, labels: Labels = lambda s: s) -> str:
    """已驻 10-09, 已安排 12-08, 未驻, 未安排; for a ledger 已报 05-06, 未报, 待报; a later
    quarter with nothing planned is empty. Several visits show the first date and a count."""
    label = status_label(cell.status, what)
    if not label:
        return ""
    text = labels(label)
    if cell.dates and cell.status in (VISITED, PLANNED):
        first = min(cell.dates)
        text = f"{text} {first:%m-%d}"
        if len(cell.dates) > 1:
            text += f" ×{len(cell.dates)}"
    return text


def totals_line(rows: Sequence[Row], quarter: str, what: str, labels: Labels = lambda s: s) -> str:
    """One quarter's totals: 8 乡镇 200 村：已驻 180，未驻 20 (each status that occurs; a village
    added after the quarter was over is not counted)."""
    rows = [r for r in rows if r.status(quarter) != NOT_APPLICABLE]
    parts = []
    for kind, pattern in (
        ("committee", COMMITTEE_PART),
        ("village", TOWNSHIP_PART),
        ("supervised_unit", GROUP_PART),
    ):
        mine = [r for r in rows if r.target_kind == kind]
        if mine:
            parts.append(labels(pattern).format(units=len({r.unit_id for r in mine}), targets=len(mine)))
    if not parts:
        return labels(NOBODY)
    counts = summary(rows, quarter)
    items = [
        labels(COUNT_ITEM).format(label=labels(status_label(status, what)), n=counts[status])
        for status in (VISITED, PLANNED, MISSED, UNPLANNED)
        if counts[status] and status_label(status, what)
    ]
    return labels(TOTALS_LINE).format(
        who=labels(PART_SEPARATOR).join(parts), counts=labels(COUNT_SEPARATOR).join(items)
    )


def headers(year: int, labels: Labels = lambda s: s) -> list[str]:
    return [labels(UNIT_HEADER), labels(TARGET_HEADER)] + [quarter_name(q, labels) for q in range(1, 5)]


@dataclass(frozen=True)
class Grid:
    """The table as written: a title, the header, one line per row and a totals line per quarter."""

    title: str
    header: list[str]
    lines: list[list[str]]
    statuses: list[list[str]]  # the status of each quarter cell, by line
    totals: list[str]  # one per quarter


def grid(rows: Sequence[Row], year: int, what: str, what_label: str, labels: Labels = lambda s: s) -> Grid:
    quarters = quarters_of_year(year)
    lines, statuses = [], []
    for r in rows:
        lines.append([r.unit_name, r.target_name, *(cell_text(r.cells[q], what, labels) for q in quarters)])
        statuses.append([r.cells[q].status for q in quarters])
    return Grid(
        title=labels(TITLE).format(year=year, what=what_label),
        header=headers(year, labels),
        lines=lines,
        statuses=statuses,
        totals=[totals_line(rows, q, what, labels) for q in quarters],
    )


def export_coverage(
    path: Path,
    rows: Sequence[Row],
    year: int,
    what: str,
    what_label: str,
    labels: Labels = lambda s: s,
    *,
    ctx: Context | None = None,
) -> int:
    """Write the year view (coloured cells, the totals line of each quarter) to ``path``; return
    the number of rows. With ``ctx`` (which needs the PRINT permission)
    the export is recorded in its audit log, in the same step that puts the file in place."""
    if ctx is not None:
        ctx.require(PRINT)
    table = grid(rows, year, what, what_label, labels)

    def write(tmp: Path) -> None:
        # openpyxl is imported when a sheet is written, not when the window starts.
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = labels(SHEET_TITLE)[:31]
        ws.append([table.title])
        ws.cell(1, 1).font = Font(bold=True, size=14)
        ws.append(table.header)
        header_row = ws.max_row
        for cell in ws[header_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        fills = {
            s: PatternFill("solid", fgColor="FF" + c.lstrip("#").upper())
            for s, c in STATUS_COLOURS.items()
            if c
        }
        for line, line_statuses in zip(table.lines, table.statuses, strict=True):
            ws.append(line)
            for j, status in enumerate(line_statuses, start=3):
                if status in fills:
                    ws.cell(ws.max_row, j).fill = fills[status]
        ws.append([labels(TOTALS_HEADER), "", *table.totals])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths = (22, 26, 24, 24, 24, 24)
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = width
        ws.freeze_panes = ws.cell(header_row + 1, 3).coordinate
        wb.save(tmp)

    write_report(
        path, write, ctx.db if ctx else None, ctx.user if ctx else "", f"coverage_{what}_{year}", len(rows)
    )
    return len(rows)
