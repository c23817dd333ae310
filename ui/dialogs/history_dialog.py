"""Who changed a record, what and when (全程留痕), read from the change log."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.registers.fields import Register
from app.services.records import HistoryEntry, RecordService
from ui.i18n import tr_register, tr_value


def operation_label(op: str) -> str:
    labels = {
        "insert": QCoreApplication.translate("HistoryDialog", "新增"),
        "update": QCoreApplication.translate("HistoryDialog", "修改"),
        "delete": QCoreApplication.translate("HistoryDialog", "删除"),
        "restore": QCoreApplication.translate("HistoryDialog", "恢复"),
    }
    return labels.get(op, op)


def local_time(at: datetime) -> str:
    """Change-log times are UTC without a zone; people read local time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class HistoryDialog(QDialog):
    """One line per changed field: 时间, 操作人, 操作, 字段, 原值, 新值 (oldest first)."""

    COLUMNS = 6

    def __init__(
        self,
        records: RecordService,
        reg: Register,
        row_id: str,
        parent: QWidget | None = None,
        subject: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        title = tr_register(reg.title)
        self.setWindowTitle(
            self.tr("修改历史 — {title}：{subject}").format(title=title, subject=subject)
            if subject
            else self.tr("修改历史 — {title}").format(title=title)
        )
        self.entries: list[HistoryEntry] = records.history(reg, row_id)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("操作人"),
                self.tr("操作"),
                self.tr("字段"),
                self.tr("原值"),
                self.tr("新值"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fill()
        self.table.resizeColumnsToContents()
        for col in (4, 5):
            self.table.setColumnWidth(col, min(max(self.table.columnWidth(col), 120), 320))

        summary = QLabel(
            self.tr("共 {n} 次操作。时间为本机时间。").format(n=len(self.entries))
            if self.entries
            else self.tr("没有修改记录。")
        )
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 480)
        if self.table.rowCount():
            self.table.setCurrentCell(self.table.rowCount() - 1, 0)
            self.table.scrollToBottom()
        self.table.setFocus()

    def _fill(self) -> None:
        for entry in self.entries:
            changes = entry.changes
            if entry.op == "insert":  # a new record: only the fields that were filled in
                changes = tuple(c for c in changes if c[2])
            changes = changes or (("", "", ""),)
            for i, (label, old, new) in enumerate(changes):
                first = i == 0
                cells = [
                    local_time(entry.at) if first else "",
                    entry.by if first else "",
                    operation_label(entry.op) if first else "",
                    tr_register(label) if label else "",
                    tr_value(old) if old and label in entry.coded else old,
                    tr_value(new) if new and label in entry.coded else new,
                ]
                row = self.table.rowCount()
                self.table.insertRow(row)
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    self.table.setItem(row, col, item)

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (for tests and printing)."""
        out = []
        for r in range(self.table.rowCount()):
            out.append([(it.text() if (it := self.table.item(r, c)) else "") for c in range(self.COLUMNS)])
        return out
