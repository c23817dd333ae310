"""The rows behind a number: a read-only list of the records a figure counts, with export.

The statistics page asks ``app.services.statistics.drill`` for the register and the ids; this
dialog lists them with the register's columns, fetching display rows a page at a time like the
register lists (``RecordTableModel``), in the order the ids came.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.registers.fields import Register
from app.services.records import RecordService
from ui.dialogs import ask
from ui.i18n import tr_register
from ui.models.record_table import RecordTableModel
from ui.tasks import Progress, Task, run_task


class FixedRecordModel(RecordTableModel):
    """The rows of given ids, in the given order (no search, filter or re-sorting)."""

    def __init__(self, records: RecordService, reg: Register, ids: Sequence[str], parent: Any = None) -> None:
        self._fixed = list(ids)
        super().__init__(records, reg, parent)

    def _load_ids(self) -> None:
        self._ids = list(self._fixed)
        self._positions = None
        self._cache.clear()

    def refresh(self) -> None:
        self.beginResetModel()
        self._load_ids()
        self.endResetModel()
        self.query_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The order is the figure's (the register's default order)."""


class DrillDownDialog(QDialog):
    """``title``: what the number is; ``expected``: the number itself (more than the ids when some
    records are outside the user's audience)."""

    exported = Signal(str)

    def __init__(
        self,
        records: RecordService,
        reg: Register,
        ids: Sequence[str],
        title: str,
        expected: int | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillDownDialog")
        self.setWindowTitle(self.tr("明细：{title}").format(title=title))
        self.records = records
        self.reg = reg
        self.ids = list(ids)
        self.settings = settings
        self.last_task: Task | None = None

        self.model = FixedRecordModel(records, reg, self.ids, self)
        self.table = QTableView()
        self.table.setObjectName("drillTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("明细记录"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        summary = self.tr("{register}，共 {n} 条").format(register=tr_register(reg.title), n=len(self.ids))
        if expected is not None and expected > len(self.ids):
            summary += self.tr("（另有 {n} 条不在您的知悉范围内，未列出）").format(n=expected - len(self.ids))
        self.summary = QLabel(summary)
        self.summary.setObjectName("drillSummary")
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setOpenExternalLinks(True)

        buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("导出 Excel"))
        self.export_button.setEnabled(bool(self.ids))
        self.export_button.clicked.connect(lambda _checked=False: self.export_excel())
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("printDrill")
        self.print_button.setToolTip(self.tr("预览并打印列出的记录"))
        self.print_button.setEnabled(bool(self.ids))
        self.print_button.clicked.connect(lambda _checked=False: self.print_list())
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.table.resizeColumnsToContents()

    def row_count(self) -> int:
        return self.model.rowCount()

    def print_list(self) -> Any:
        """Preview and print the listed records (``ui.table_print``)."""
        from ui.table_print import print_drill_down

        return print_drill_down(self)

    def ask_export_path(self) -> Path | None:
        return ask.xlsx_path(self, self.settings, tr_register(self.reg.title) + self.tr("明细"))

    def export_excel(self) -> Task | None:
        path = self.ask_export_path()
        return self.export_to(path) if path is not None else None

    def export_to(self, path: Path) -> Task:
        """Write the listed rows with the register's columns (recorded in the audit log)."""
        from ui.i18n import tr_value

        if self.settings is not None:
            self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        records, reg, ids = self.records, self.reg, list(self.ids)

        def work(progress: Progress) -> int:
            from app.services.spreadsheet import export_register

            return export_register(records, reg, ids, path, labels=tr_value, progress=progress)

        def done(_result: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status_label.setText(
                self.tr('已导出到 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.exported.emit(str(path))

        self.last_task = run_task(
            self, work, title=self.tr("导出 Excel"), label=self.tr("正在导出明细…"), on_success=done
        )
        self.last_task.failed.connect(lambda _text: self.status_label.setText(self.tr("导出失败。")))
        return self.last_task
