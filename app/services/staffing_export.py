"""The staffing summary (编制配备汇总) as a table and as an .xlsx file.

The columns are declared once here; the window shows the same columns and the export writes
them, so the screen and the spreadsheet cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import QT_TRANSLATE_NOOP
from app.security.roles import PRINT
from app.services.spreadsheet import write_report
from app.services.staffing import StaffingRow, TownshipTotals, entered_sum

if TYPE_CHECKING:
    from app.context import Context


@dataclass(frozen=True)
class Column:
    key: str  # a StaffingRow attribute
    label: str  # Chinese, marked for translation (context "app")
    percent: bool = False


STAFFING_COLUMNS: tuple[Column, ...] = (
    Column("unit_type_label", QT_TRANSLATE_NOOP("app", "单位类型")),
    Column("units", QT_TRANSLATE_NOOP("app", "单位数")),
    Column("authorised", QT_TRANSLATE_NOOP("app", "核定编制")),
    Column("staffed", QT_TRANSLATE_NOOP("app", "实际配备")),
    Column("vacancies", QT_TRANSLATE_NOOP("app", "空缺")),
    Column("full_time", QT_TRANSLATE_NOOP("app", "专职")),
    Column("full_time_share", QT_TRANSLATE_NOOP("app", "专职占比"), percent=True),
    Column("inspectors", QT_TRANSLATE_NOOP("app", "兼监察员/监察员")),
    Column("seconded", QT_TRANSLATE_NOOP("app", "挂职")),
    Column("leaders", QT_TRANSLATE_NOOP("app", "书记/组长")),
)
TOTAL_LABEL = QT_TRANSLATE_NOOP("app", "合计")
NOT_ENTERED = QT_TRANSLATE_NOOP("app", "未填")
SHEET_TITLE = QT_TRANSLATE_NOOP("app", "编制配备汇总")
TOTALS_TITLE = QT_TRANSLATE_NOOP("app", "乡镇监察对象与党员（{year} 年）")
TOWNSHIPS = QT_TRANSLATE_NOOP("app", "乡镇数")
SUPERVISION_OBJECTS = QT_TRANSLATE_NOOP("app", "监察对象")
PARTY_MEMBERS = QT_TRANSLATE_NOOP("app", "党员")


def summary_total(rows: Sequence[StaffingRow]) -> StaffingRow:
    """The 合计 line: every count summed, the share recomputed from the sums."""
    return StaffingRow(
        unit_type="",
        unit_type_label=TOTAL_LABEL,
        units=sum(r.units for r in rows),
        authorised=entered_sum([r.authorised for r in rows]),
        staffed=sum(r.staffed for r in rows),
        vacancies=entered_sum([r.vacancies for r in rows]),
        full_time=sum(r.full_time for r in rows),
        inspectors=sum(r.inspectors for r in rows),
        seconded=sum(r.seconded for r in rows),
        leaders=sum(r.leaders for r in rows),
    )


def format_percent(share: float) -> str:
    """A share as people read it: 20.00%."""
    return f"{share * 100:.2f}%"


def export_staffing(
    path: Path,
    rows: Sequence[StaffingRow],
    totals: TownshipTotals | None = None,
    labels: Callable[[str], str] = lambda s: s,
    progress: Callable[[int, int], bool] | None = None,
    *,
    ctx: Context | None = None,
) -> int:
    """Write the summary (with its 合计 line) and, when given, one year's township totals.

    ``labels`` translates the marked texts (the window passes Qt's translation). Returns the
    number of unit-type rows written. With ``ctx`` (which needs the PRINT permission) the export is recorded
    in its audit log, in the same step that puts the file in place.
    """
    if ctx is not None:
        ctx.require(PRINT)

    def write(tmp: Path) -> None:
        # openpyxl is imported when a sheet is written, not when the window starts.
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = labels(SHEET_TITLE)[:31]
        ws.append([labels(c.label) for c in STAFFING_COLUMNS])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        lines = [*rows, summary_total(rows)] if rows else []
        for i, row in enumerate(lines):
            values: list[object] = []
            for c in STAFFING_COLUMNS:
                value = getattr(row, c.key)
                if value is None:  # posts nobody entered
                    values.append(labels(NOT_ENTERED))
                else:
                    values.append(labels(value) if isinstance(value, str) else value)
            ws.append(values)
            excel_row = ws.max_row
            for j, c in enumerate(STAFFING_COLUMNS, start=1):
                if c.percent:
                    ws.cell(excel_row, j).number_format = "0.00%"
            if i == len(lines) - 1:
                for cell in ws[excel_row]:
                    cell.font = Font(bold=True)
        if totals is not None:
            ws.append([])
            ws.append([labels(TOTALS_TITLE).format(year=totals.year)])
            ws.cell(ws.max_row, 1).font = Font(bold=True)
            ws.append([labels(TOWNSHIPS), totals.townships])
            ws.append([labels(SUPERVISION_OBJECTS), totals.supervision_objects])
            ws.append([labels(PARTY_MEMBERS), totals.party_members])
        for j, c in enumerate(STAFFING_COLUMNS, start=1):
            ws.column_dimensions[get_column_letter(j)].width = max(10, len(labels(c.label)) * 2 + 4)
        ws.column_dimensions["A"].width = 22
        ws.freeze_panes = "A2"
        if progress is not None:
            progress(1, 1)
        wb.save(tmp)

    write_report(path, write, ctx.db if ctx else None, ctx.user if ctx else "", "staffing", len(rows))
    return len(rows)
