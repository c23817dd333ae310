"""What each register can print: the forms offered beside its list, each opening a print preview.

``register_print_actions(name)`` lists them (none for a register without forms). Each action's
``run(parent, records, settings, ids)`` opens a ``PdfPreview`` of the selected records' forms,
made on a worker thread by ``app.reports``; printing is refused to an actor without the PRINT
permission, and every printed record is written to the audit log by the report itself. An action
with ``needs_selection=False`` also runs with no row selected (``ids`` is then empty): the visits'
打印本季度全部记录表 prints the quarter of the selected visit, or the current quarter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from app.services.records import RecordService
    from ui.dialogs.pdf_preview import PdfPreview


@dataclass(frozen=True)
class PrintAction:
    """One printable form of a register: its button label, what it does, whether it needs rows."""

    label: str
    run: Callable[[QWidget, RecordService, QSettings, list[str]], None]
    needs_selection: bool = True  # False: offered with no row selected too (run gets ids == [])
    tooltip: str = ""


def _clue_form(kind: str, title: str) -> Callable[[QWidget, RecordService, QSettings, list[str]], None]:
    def run(parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]) -> None:
        preview_clue_forms(parent, records, settings, ids, kind, title)

    return run


def preview_clue_forms(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, ids: list[str], kind: str,
    title: str,
) -> PdfPreview | None:  # fmt: skip
    """Open the preview of the ``kind`` form of the clues ``ids`` (None when refused)."""
    if not ids:
        return None
    from ui.table_print import refused

    if refused(parent, records.ctx, title):  # the command line's words
        return None
    from app.reports.clue_forms import TITLES, clue_forms_pdf
    from ui.dialogs.pdf_preview import open_preview

    chosen = list(ids)

    def make(path: Path) -> None:
        clue_forms_pdf(records, chosen, kind, path)

    # The file name stays in Chinese (the document's own title) whatever the interface language.
    name = f"{TITLES[kind]}_{datetime.now():%Y%m%d_%H%M}.pdf"
    return open_preview(parent, make, title, settings, file_name=name)


def preview_visit_forms(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, ids: list[str], *,
    blank: bool = False, quarter: str = "",
) -> PdfPreview | None:  # fmt: skip
    """Open the preview of the visit forms of ``ids`` (pre-filled, or ``blank``), or of every
    planned or done visit of ``quarter`` when it is given (None when refused or nothing to print)."""
    title = (
        QCoreApplication.translate("PrintActions", "空白记录表")
        if blank
        else QCoreApplication.translate("PrintActions", "驻村（驻在）监督工作记录表")
    )
    from ui.table_print import refused

    if refused(parent, records.ctx, title):  # the command line's words
        return None
    from app.quarters import quarter_text
    from app.reports.visit_forms import DOCUMENT_TITLE, quarter_visit_ids, visit_forms_pdf
    from ui.dialogs.pdf_preview import open_preview
    from ui.i18n import tr_app

    chosen = quarter_visit_ids(records, quarter) if quarter else list(ids)
    if not chosen:
        if quarter:
            QMessageBox.information(
                parent,
                title,
                QCoreApplication.translate(
                    "PrintActions", "{quarter} 没有已安排或已完成的驻村（驻在）监督。"
                ).format(quarter=quarter_text(quarter, tr_app)),
            )
        return None

    def make(path: Path) -> None:
        visit_forms_pdf(records, chosen, path, blank=blank)

    # The file name stays in Chinese (the document's own title) whatever the interface language.
    blank_part = "_空白" if blank else ""
    quarter_part = f"_{quarter}" if quarter else ""
    name = f"{DOCUMENT_TITLE}{quarter_part}{blank_part}_{datetime.now():%Y%m%d_%H%M}.pdf"
    return open_preview(parent, make, title, settings, file_name=name)


def _visit_forms(blank: bool) -> Callable[[QWidget, RecordService, QSettings, list[str]], None]:
    def run(parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]) -> None:
        if ids:
            preview_visit_forms(parent, records, settings, ids, blank=blank)

    return run


def selected_quarter(records: RecordService, ids: list[str], today: date | None = None) -> str:
    """The quarter of the first selected visit, or today's quarter when none is selected."""
    from app.quarters import quarter_of
    from app.registers import get as get_register

    if ids:
        quarter = records.get(get_register("visits"), ids[0]).get("quarter")
        if quarter:
            return str(quarter)
    return quarter_of(today or date.today())


def _quarter_visit_forms(
    parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]
) -> None:
    preview_visit_forms(parent, records, settings, [], quarter=selected_quarter(records, ids))


def preview_sign_in_sheets(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, ids: list[str]
) -> PdfPreview | None:
    """Open the preview of the sign-in sheets of the lessons ``ids`` (None when refused)."""
    title = QCoreApplication.translate("PrintActions", "每月一课签到表")
    if not ids:
        return None
    from ui.table_print import refused

    if refused(parent, records.ctx, title):  # the command line's words
        return None
    from app.reports.sign_in_sheet import TITLE, sign_in_pdf
    from ui.dialogs.pdf_preview import open_preview

    chosen = list(ids)

    def make(path: Path) -> None:
        sign_in_pdf(records, chosen, path)

    # The file name stays in Chinese (the document's own title) whatever the interface language.
    name = f"{TITLE}_{datetime.now():%Y%m%d_%H%M}.pdf"
    return open_preview(parent, make, title, settings, file_name=name)


def _sign_in_sheets(parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]) -> None:
    preview_sign_in_sheets(parent, records, settings, ids)


def _circular_pdf(parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]) -> None:
    from ui.official_docs import preview_circular

    if ids:
        preview_circular(parent, records, settings, ids[0])


def _circular_docx(parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]) -> None:
    from ui.official_docs import export_circular

    if ids:
        export_circular(parent, records, settings, ids[0])


def register_print_actions(register_name: str) -> list[PrintAction]:
    """The forms the register ``register_name`` prints, in the order they are offered."""
    if register_name == "clues":
        return [
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印问题线索登记表"),
                _clue_form("register", QCoreApplication.translate("PrintActions", "问题线索登记表")),
                tooltip=QCoreApplication.translate(
                    "PrintActions", "预览并打印所选线索的登记表，每条线索一页"
                ),
            ),
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印线索处置呈批表"),
                _clue_form("approval", QCoreApplication.translate("PrintActions", "线索处置呈批表")),
                tooltip=QCoreApplication.translate(
                    "PrintActions", "预览并打印所选线索的处置呈批表，每条线索一页"
                ),
            ),
        ]
    if register_name == "visits":
        return [
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印选中的记录表"),
                _visit_forms(blank=False),
                tooltip=QCoreApplication.translate(
                    "PrintActions", "预览并打印所选驻村（驻在）的记录表，已录入的内容一并印出，每次一页"
                ),
            ),
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印选中的空白记录表"),
                _visit_forms(blank=True),
                tooltip=QCoreApplication.translate(
                    "PrintActions", "预览并打印所选驻村（驻在）的空白记录表，带去现场手填，每次一页"
                ),
            ),
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印本季度全部记录表"),
                _quarter_visit_forms,
                needs_selection=False,
                tooltip=QCoreApplication.translate(
                    "PrintActions", "预览并打印所选记录所在季度（未选时为本季度）已安排的全部记录表"
                ),
            ),
        ]
    if register_name == "lessons":
        return [
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印签到表"),
                _sign_in_sheets,
                tooltip=QCoreApplication.translate(
                    "PrintActions",
                    "预览并打印所选课程的签到表：已登记出勤的按登记印出，未登记的印出本单位在岗人员",
                ),
            ),
        ]
    if register_name == "circulars":
        return [
            PrintAction(
                QCoreApplication.translate("PrintActions", "打印通报"),
                _circular_pdf,
                tooltip=QCoreApplication.translate("PrintActions", "按公文格式预览并打印所选通报（第一条）"),
            ),
            PrintAction(
                QCoreApplication.translate("PrintActions", "导出通报 .docx…"),
                _circular_docx,
                tooltip=QCoreApplication.translate(
                    "PrintActions", "将所选通报（第一条）按公文格式保存为 Word 文档，供修改后印发"
                ),
            ),
        ]
    return []
