"""The tools of the visits page (驻村（驻在）监督): 生成季度计划, 录入记录表 and 扫码录入.

扫码录入 is a line edit a USB scanner types into: the form's code, then Enter. The code is read as
``normalise_code`` reads it (case, hyphens, O/0, I/L/1), the visit is found by
``app.services.visit_entry.find_by_code`` and its entry dialog opens; an unknown code is said
beside the field and nothing opens. The field keeps the focus for the next form: after a save the
focus comes back to it. The plan tool exists for a township commission or a dispatched group
installation, or at the county (which chooses the unit).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.registers.residency import normalise_code
from app.security.roles import EDIT
from app.services.records import NotFoundError
from app.services.visit_entry import find_by_code, planning_units
from ui.dialogs.plan_dialog import PlanDialog
from ui.dialogs.visit_entry import VisitEntryDialog

if TYPE_CHECKING:
    from ui.pages.register_page import RegisterPage


class VisitTools(QObject):
    def __init__(self, page: RegisterPage) -> None:
        super().__init__(page)
        self.page = page
        self.entry: VisitEntryDialog | None = None
        self.plan: PlanDialog | None = None
        self._attached = False
        can_edit = page.actor.can(EDIT)
        units, _choose = planning_units(page.records)

        self.act_plan = QAction(self.tr("生成季度计划"), page)
        self.act_plan.setObjectName("planTool")
        self.act_plan.setToolTip(self.tr("为每个村（社区）或被监督单位安排本季度或下季度的驻村（驻在）"))
        self.act_plan.triggered.connect(lambda _checked=False: self.open_plan())
        self.act_plan.setVisible(can_edit and bool(units))
        self.act_entry = QAction(self.tr("录入记录表"), page)
        self.act_entry.setObjectName("entryTool")
        self.act_entry.setShortcut(QKeySequence("Ctrl+R"))
        self.act_entry.setToolTip(self.tr("录入选中驻村（驻在）的纸质记录表（Ctrl+R）"))
        self.act_entry.triggered.connect(lambda _checked=False: self.open_selected())
        page.addAction(self.act_entry)
        page.toolbar.insertAction(page.act_history, self.act_plan)
        page.toolbar.insertAction(page.act_history, self.act_entry)

        self.scan_message = QLabel()
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scanEntry")
        self.scan_edit.setPlaceholderText(self.tr("扫码或输入记录表编码后回车"))
        self.scan_edit.setAccessibleName(self.tr("扫码录入"))
        self.scan_edit.setToolTip(
            self.tr("用扫码枪扫记录表上的二维码或条码，或手动输入编码（如 V1234ABCD）后按回车")
        )
        self.scan_edit.setClearButtonEnabled(True)
        self.scan_edit.setMinimumWidth(260)
        self.scan_edit.returnPressed.connect(self.scanned)
        self.scan_edit.textEdited.connect(lambda _text: self.scan_message.clear())
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setStyleSheet("color: #c62828;")
        label = QLabel(self.tr("扫码录入："))
        label.setBuddy(self.scan_edit)
        self.scan_bar = QWidget()
        self.scan_bar.setObjectName("scanBar")
        row = QHBoxLayout(self.scan_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.scan_edit)
        row.addWidget(self.scan_message, 1)
        self.scan_bar.setVisible(can_edit)

    def update(self) -> None:
        """Called when the page's selection changes (and once the page is laid out)."""
        if not self._attached:
            layout = self.page.layout()
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(1, self.scan_bar)  # under the title and tools, above the filters
                self._attached = True
        self.act_entry.setEnabled(len(self.page.selected_ids()) == 1)

    # ---- entering forms ----------------------------------------------------------------------
    def scanned(self) -> VisitEntryDialog | None:
        """Enter in 扫码录入: open the visit whose code was typed, or say why not."""
        typed = self.scan_edit.text()
        code = normalise_code(typed)
        if not code:
            return None
        visit_id = find_by_code(self.page.records, code)
        if visit_id is None:
            self.scan_message.setText(
                self.tr("没有编码为「{code}」的记录表，请检查后重新扫码或输入。").format(code=code)
            )
            self.scan_edit.selectAll()
            return None
        self.scan_message.clear()
        self.scan_edit.clear()
        self.page.select_ids([visit_id])
        return self.open_entry(visit_id)

    def open_selected(self) -> VisitEntryDialog | None:
        row_id = self.page.selected_id()
        return self.open_entry(row_id) if row_id is not None else None

    def open_entry(self, visit_id: str) -> VisitEntryDialog | None:
        try:
            dialog = VisitEntryDialog(self.page.records, visit_id, self.page)
        except NotFoundError:
            self.scan_message.setText(self.tr("这次驻村（驻在）已不存在，可能已被删除。"))
            return None
        dialog.saved.connect(self._entered)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.entry = dialog
        dialog.open()
        return dialog

    def _entered(self, visit_id: str, clue_ids: list[str]) -> None:
        self.page._announce()  # the visit and the clue drafts it found, one operation
        self.page.reload()
        self.page.select_ids([visit_id])
        code = self.entry.sheet.code if self.entry is not None else ""
        text = self.tr("已录入记录表 {code}。").format(code=html.escape(code))
        if clue_ids:
            text += self.tr("登记问题线索 {n} 条。").format(n=len(clue_ids))
        self.page.show_status(text)

    def _closed(self, dialog: VisitEntryDialog) -> None:
        if self.entry is dialog:
            self.entry = None
        dialog.deleteLater()
        if self.scan_edit.isVisible():
            self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- the quarter plan --------------------------------------------------------------------
    def open_plan(self) -> PlanDialog:
        dialog = PlanDialog(self.page.records, self.page.settings, self.page)
        dialog.saved.connect(self._planned)
        dialog.finished.connect(lambda _result, d=dialog: self._plan_closed(d))
        self.plan = dialog
        dialog.open()
        return dialog

    def _planned(self, ids: list[str]) -> None:
        self.page._announce()
        self.page.reload()
        self.page.select_ids(ids, scroll=True)
        self.page.show_status(self.tr("已保存季度计划：安排驻村（驻在）{n} 次。").format(n=len(ids)))

    def _plan_closed(self, dialog: PlanDialog) -> None:
        if self.plan is dialog:
            self.plan = None
        dialog.deleteLater()
