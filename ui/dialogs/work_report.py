"""生成工作报告: ask the range of days and where to save the .docx (``app.reports.work_report``
writes it, on a worker thread, from the page that asks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.statistics import range_problem
from ui.dialogs import ask
from ui.dialogs.record_form import DateField
from ui.i18n import tr_app


class WorkReportDialog(QDialog):
    """The range of days of the report; 确定 only with two valid dates in order."""

    def __init__(self, parent: QWidget | None, start: date, end: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成工作报告"))
        self.setObjectName("workReportDialog")
        intro = QLabel(
            self.tr(
                "按日期范围生成乡镇纪委和派驻纪检监察组工作报告（Word 文档）：基本情况、主要工作及成效、"
                "存在的问题、下一步工作打算。数字取自统计分析，方括号【】处请在 WPS 或 Word 中补充。"
            )
        )
        intro.setWordWrap(True)
        self.from_field, self.to_field = DateField(), DateField()
        self.from_field.set_value(start)
        self.to_field.set_value(end)
        self.from_field.edit.setAccessibleName(self.tr("起始日期"))
        self.to_field.edit.setAccessibleName(self.tr("截止日期"))
        form = QFormLayout()
        form.addRow(self.tr("起始日期："), self.from_field)
        form.addRow(self.tr("截止日期："), self.to_field)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.from_field, self.to_field):
            field.changed.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def problem(self) -> str:
        """Why the dates cannot be used (in the language shown), or ""."""
        start, end = self.from_field.value(), self.to_field.value()
        if not isinstance(start, date) or not isinstance(end, date):
            return self.tr("请按 2022-09-30 的格式填写起始日期和截止日期。")
        problem = range_problem(start, end)
        return tr_app(problem) if problem else ""

    def _check(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if not self.problem():
            super().accept()

    def range(self) -> tuple[date, date]:
        start, end = self.from_field.value(), self.to_field.value()
        assert isinstance(start, date) and isinstance(end, date)
        return start, end


def docx_path(parent: QWidget, settings: QSettings | None, stem: str) -> Path | None:
    """Where to save the report (``stem.docx`` in the folder used last time); None when cancelled."""
    return ask.docx_path(
        parent, settings, stem, QCoreApplication.translate("WorkReportDialog", "保存工作报告")
    )
