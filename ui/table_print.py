"""打印… for every list and figure the window shows, through the one print preview (``PdfPreview``).

What is printed is what is shown: a register's list prints the rows the search and filters left,
in the order shown, with the columns shown in their order (a sealed value prints as the list shows
it); 统计分析 prints every table of the page; 履职覆盖 its grid. ``app.reports.table_report`` lays
the pages out, refuses an actor without the PRINT permission and writes the audit entry; here the
same refusal is shown before anything is made. The recovery key prints its sheet
(``app.reports.recovery_sheet``) through the same preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from app.reports.table_report import Printed, ReportTable
from app.security.roles import PRINT, PermissionDenied
from ui.i18n import tr_message

if TYPE_CHECKING:
    from app.context import Context
    from ui.dialogs.drill_down import DrillDownDialog
    from ui.dialogs.pdf_preview import PdfPreview
    from ui.pages.duty_page import DutyPage
    from ui.pages.register_page import RegisterPage
    from ui.pages.statistics_page import StatisticsPage

MAX_ROWS = 5000  # a longer list is narrowed (or exported to Excel) before it is printed


def refused(parent: QWidget | None, ctx: Context, title: str) -> bool:
    """Show the refusal (the same words as the command line) when the actor may not print."""
    if ctx.can(PRINT):
        return False
    QMessageBox.warning(parent, title, tr_message(PermissionDenied(PRINT).message))
    return True


def preview_tables(
    parent: QWidget | None, ctx: Context, settings: QSettings | None, title: str, tables: Sequence[ReportTable],
    what: Printed, *, subtitle: str = "", charts: Sequence[tuple[str, Any]] = (),
) -> PdfPreview | None:  # fmt: skip
    """Open the preview of ``tables`` under ``title`` (None when refused)."""
    if refused(parent, ctx, title):
        return None
    from app.reports.table_report import table_pdf
    from ui.dialogs.pdf_preview import open_preview

    chosen = list(tables)

    def make(path: Path) -> None:
        table_pdf(path, title, chosen, ctx, what, subtitle=subtitle, charts=charts)

    # The file name is the document's own title, whatever the interface language.
    name = f"{title}_{datetime.now():%Y%m%d_%H%M}.pdf"
    return open_preview(parent, make, title, settings, file_name=name)


def view_table(view: QTableView, caption: str = "", *, row_header: str = "") -> ReportTable:
    """What ``view`` shows: its visible columns in their order and its rows' display text, with
    the vertical header's text first when ``row_header`` names it."""
    model = view.model()
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    display = Qt.ItemDataRole.DisplayRole
    names = [str(model.headerData(c, Qt.Orientation.Horizontal, display) or "") for c in columns]
    rows: list[list[str]] = []
    for r in range(model.rowCount()):
        if view.isRowHidden(r):
            continue
        line = [str(model.data(model.index(r, c), display) or "") for c in columns]
        if row_header:
            line.insert(0, str(model.headerData(r, Qt.Orientation.Vertical, display) or ""))
        rows.append(line)
    if row_header:
        names.insert(0, row_header)
    return ReportTable(caption, names, rows, key_columns=1)


# ---- the pages ----------------------------------------------------------------------------------
def print_register_list(page: RegisterPage) -> PdfPreview | None:
    """The register's list as shown (search, filters, order, columns)."""
    from ui.i18n import tr_register

    title = tr_register(page.reg.title)
    ctx = page.records.ctx
    if refused(page, ctx, title):
        return None
    if page._search_timer.isActive():  # a search typed a moment ago: print what it finds
        page.apply_filters()
    model = page.model
    if model.rowCount() > MAX_ROWS:
        QMessageBox.information(
            page,
            title,
            QCoreApplication.translate(
                "TablePrint",
                "列表有 {n} 行，超过一次打印的 {max} 行。请先用搜索或筛选缩小范围，或导出 Excel。",
            ).format(n=model.rowCount(), max=MAX_ROWS),
        )
        return None
    header = page.table.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    names = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    rows = [[model.display_text(r, model.columns[c]) for c in columns] for r in range(model.rowCount())]
    parts = []
    search = page.search_edit.text().strip()
    if search:
        parts.append(QCoreApplication.translate("TablePrint", "搜索：{text}").format(text=search))
    for name, combo in page.filters.items():
        if combo.currentIndex() > 0:
            label = tr_register(page.reg.field(name).label)
            parts.append(
                QCoreApplication.translate("TablePrint", "{label}：{value}").format(
                    label=label, value=combo.currentText()
                )
            )
    if page.show_deleted.isChecked():
        parts.append(QCoreApplication.translate("TablePrint", "含已删除的记录"))
    parts.append(QCoreApplication.translate("TablePrint", "共 {n} 条").format(n=len(rows)))
    what = Printed(
        "register",
        page.reg.name,
        filtered=bool(search or page.filter_values()),
        table=str(getattr(page.reg.model, "__tablename__", "")),
    )
    table = ReportTable("", names, rows, key_columns=1)
    return preview_tables(
        page,
        ctx,
        page.settings,
        title,
        [table],
        what,
        subtitle=QCoreApplication.translate("TablePrint", "；").join(parts),
    )


def statistics_tables(page: StatisticsPage) -> list[ReportTable]:
    """Every table of 统计分析 as the page shows it (numbers as written there)."""
    out = []
    shown = {view.accessibleName(): view for view in page.views.values()}
    for caption, header, rows in page.tables():
        view = shown.get(caption)
        lines = getattr(view.model(), "lines", None) if view is not None else None
        if lines is not None and len(lines) == len(rows):
            rows = [[cell.text for cell in line] for line in lines]
        out.append(ReportTable(caption, [str(h) for h in header], rows, key_columns=1))
    return out


def print_statistics(page: StatisticsPage) -> PdfPreview | None:
    title = QCoreApplication.translate("TablePrint", "统计分析")
    what = Printed("report", "statistics")
    subtitle = QCoreApplication.translate("TablePrint", "统计期间：{period}").format(
        period=page.period_text()
    )
    return preview_tables(
        page, page.ctx, page.settings, title, statistics_tables(page), what, subtitle=subtitle,
        charts=statistics_charts(page),
    )  # fmt: skip


def statistics_charts(page: StatisticsPage) -> list[tuple[str, Any]]:
    """The charts the page shows, drawn for print by ``app.reports.report_charts`` from the same
    figures (none before the figures are read)."""
    from app.reports.report_charts import report_drawings

    figures = getattr(page, "result", None)
    if not figures:
        return []
    charts = figures.get("charts") or {}
    return report_drawings(figures, charts.get("trend", []), charts.get("coverage", []))


def print_duties(page: DutyPage) -> PdfPreview | None:
    """The 履职覆盖 grid as shown (the search and 只看缺项 applied)."""
    title = page.file_stem()
    parts = [
        QCoreApplication.translate("TablePrint", "范围：{unit}").format(unit=page.unit_combo.currentText())
    ]
    if page.search.text().strip():
        parts.append(
            QCoreApplication.translate("TablePrint", "查找：{text}").format(text=page.search.text().strip())
        )
    if page.missing_only.isChecked():
        parts.append(QCoreApplication.translate("TablePrint", "只看缺项"))
    if page.totals_label.text():
        parts.append(page.totals_label.text())
    table = view_table(page.view)
    filtered = bool(page.search.text().strip() or page.missing_only.isChecked())
    what = Printed("report", f"duty_{page.duty_key()}_{page.year()}", filtered=filtered)
    return preview_tables(
        page,
        page.records.ctx,
        page.settings,
        title,
        [table],
        what,
        subtitle=QCoreApplication.translate("TablePrint", "；").join(parts),
    )


def print_drill_down(dialog: DrillDownDialog) -> PdfPreview | None:
    """The records behind a figure, as the drill-down lists them."""
    reg = dialog.reg
    what = Printed("register", reg.name, filtered=True, table=str(getattr(reg.model, "__tablename__", "")))
    table = view_table(dialog.table)
    ctx = dialog.records.ctx
    return preview_tables(
        dialog, ctx, dialog.settings, dialog.windowTitle(), [table], what, subtitle=dialog.summary.text()
    )


def preview_recovery_sheet(
    parent: QWidget | None,
    settings: QSettings | None,
    key: str,
    *,
    unit_name: str = "",
    county_name: str = "",
) -> PdfPreview:
    """The recovery key's sheet in the print preview (its temporary file goes when it closes).
    Shown at set-up, before anyone logs in: there is no role to ask."""
    from app.reports.recovery_sheet import write_recovery_sheet
    from ui.dialogs.pdf_preview import open_preview

    created = datetime.now()

    def make(path: Path) -> None:
        write_recovery_sheet(
            path, unit_name=unit_name, county_name=county_name, recovery_key=key, created=created
        )

    title = QCoreApplication.translate("TablePrint", "恢复密钥")
    return open_preview(parent, make, title, settings, file_name=f"恢复密钥_{created:%Y%m%d}.pdf")
