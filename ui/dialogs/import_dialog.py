"""从 Excel 导入: the rows of a workbook as the import reads them, each row's errors marked,
before anything is saved.

The dialog asks ``app.services.xlsx_import`` (on a worker thread, with a progress dialog for long
files) to read and check every row as the import would, without saving; 导入 is enabled only when
no row has an error, and then saves all the rows in one transaction. The rules, the messages and
the rights are the app's; this dialog only shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.registers.fields import Register
from app.security.roles import PermissionDenied
from app.services.records import RecordService
from app.services.xlsx_import import ImportReport, NotImportable, check_file, import_file
from ui.i18n import tr_message, tr_register, tr_value
from ui.tasks import Progress, Task, run_task

ERROR_BACKGROUND = QColor(255, 220, 220)


class ImportDialog(QDialog):
    """Preview and import of one workbook into ``reg``. ``on_imported(report)`` runs once the rows
    are saved (the page reloads and announces the change)."""

    checked = Signal()  # the preview is shown (or the file refused)
    imported = Signal(object)  # the saved report

    def __init__(
        self,
        records: RecordService,
        reg: Register,
        path: Path,
        on_imported: Callable[[ImportReport], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("从 Excel 导入：{title}").format(title=tr_register(reg.title)))
        self.records = records
        self.reg = reg
        self.path = Path(path)
        self.on_imported = on_imported
        self.report: ImportReport | None = None
        self.refusal = ""
        self.last_task: Task | None = None

        self.summary = QLabel(self.tr("正在读取 {name}…").format(name=self.path.name))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("importPreview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)

    # ---- reading and checking -------------------------------------------------------------------
    def _guarded(self, work: Callable[[Progress], ImportReport]) -> Callable[[Progress], Any]:
        """A refusal (no right to edit, a register only steps fill) comes back as its message."""

        def run(progress: Progress) -> Any:
            try:
                return work(progress)
            except (PermissionDenied, NotImportable) as exc:
                return exc

        return run

    def start_check(self) -> Task:
        """Read and check every row (nothing is saved); the preview follows."""
        records, reg, path = self.records, self.reg, self.path
        self.last_task = run_task(
            self,
            self._guarded(
                lambda progress: check_file(records, reg, path, labels=tr_value, progress=progress)
            ),
            title=self.tr("从 Excel 导入"),
            label=self.tr("正在检查 {name}…").format(name=path.name),
            on_success=self._show,
        )
        self.last_task.failed.connect(lambda text: self._refuse(text))
        self.last_task.cancelled.connect(lambda: self._refuse(self.tr("已取消，没有导入任何记录。")))
        return self.last_task

    def _refuse(self, text: str) -> None:
        self.refusal = text
        self.summary.setText(text)
        self.import_button.setEnabled(False)
        self.checked.emit()

    def _show(self, result: object) -> None:
        if isinstance(result, PermissionDenied | NotImportable):
            self._refuse(tr_message(result.message))
            return
        assert isinstance(result, ImportReport)
        self.report = result
        self._fill(result)
        self.checked.emit()

    def _fill(self, report: ImportReport) -> None:
        headers = [self.tr("行号"), *report.headers, self.tr("问题")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(report.rows))
        brush = QBrush(ERROR_BACKGROUND)
        for r, row in enumerate(report.rows):
            bad = {e.column: tr_message(e.message) for e in row.errors}
            number = QTableWidgetItem(str(row.row))
            self.table.setItem(r, 0, number)
            for c, (header, text) in enumerate(zip(report.headers, row.cells, strict=True), start=1):
                item = QTableWidgetItem(text)
                if header in bad:
                    item.setBackground(brush)
                    item.setToolTip(bad[header])
                self.table.setItem(r, c, item)
            problems = [f"{e.column}：{tr_message(e.message)}" for e in row.errors]
            problems += [tr_message(w) for w in row.warnings]
            last = QTableWidgetItem("；".join(problems))
            if row.errors:
                last.setBackground(brush)
                number.setBackground(brush)
            self.table.setItem(r, len(headers) - 1, last)
        self.table.resizeColumnsToContents()
        bad_rows = sum(1 for row in report.rows if row.errors)
        lines = [tr_message(e.message) for e in report.file_errors]
        lines += [tr_message(n) for n in report.notes]
        if report.file_errors:
            pass  # they say it
        elif not report.rows:
            lines.insert(0, self.tr("表中没有可导入的行。"))
        elif bad_rows:
            lines.insert(
                0,
                self.tr(
                    "共 {n} 行，其中 {bad} 行有错误（标红）。改正 Excel 文件后重新导入；有错误时一条也不保存。"
                ).format(n=len(report.rows), bad=bad_rows),
            )
        else:
            lines.insert(
                0,
                self.tr("共 {n} 行，检查通过：新增 {created} 条、更新 {updated} 条。点击“导入”保存。").format(
                    n=len(report.rows), created=report.count("created"), updated=report.count("updated")
                ),
            )
        self.summary.setText("\n".join(lines))
        self.import_button.setEnabled(report.ok and bool(report.rows) and not report.saved)

    # ---- saving ---------------------------------------------------------------------------------
    def do_import(self) -> Task | None:
        if self.report is None or not self.report.ok:
            return None
        records, reg, path = self.records, self.reg, self.path
        self.import_button.setEnabled(False)
        self.last_task = run_task(
            self,
            self._guarded(
                lambda progress: import_file(records, reg, path, labels=tr_value, progress=progress)
            ),
            title=self.tr("从 Excel 导入"),
            label=self.tr("正在导入 {n} 行…").format(n=len(self.report.rows)),
            on_success=self._done,
        )
        self.last_task.failed.connect(lambda text: self._refuse(text))
        self.last_task.cancelled.connect(lambda: self._refuse(self.tr("已取消，没有导入任何记录。")))
        return self.last_task

    def _done(self, result: object) -> None:
        if isinstance(result, PermissionDenied | NotImportable):
            self._refuse(tr_message(result.message))
            return
        assert isinstance(result, ImportReport)
        self.report = result
        if not result.saved:  # the file changed since it was checked
            self._fill(result)
            return
        self._fill(result)
        self.summary.setText(
            self.tr(
                "已导入：新增 {created} 条、更新 {updated} 条，其中 {steps} 条以“历史台账导入”进入后续状态。"
            ).format(
                created=result.count("created"), updated=result.count("updated"), steps=result.imported_states
            )
        )
        self.close_button.setText(self.tr("完成"))
        if self.on_imported is not None:
            self.on_imported(result)
        self.imported.emit(result)
