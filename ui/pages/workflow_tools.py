"""The casework tools of a register page: 办理 (lifecycle steps of the selected record) and
打印 (the register's printed forms).

A report's 转为问题线索 opens a new clue form filled from the report; once that clue is saved the
report moves to 已转线索 with the clue's number as the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from app.registers import get as get_register
from app.registers.lifecycle import Step
from app.security.roles import EDIT, PRINT, PermissionDenied
from app.services.intake import clue_from_report, clue_values_from_report
from app.services.records import NotFoundError
from app.services.transitions import Transitions
from ui.dialogs.record_form import RecordForm
from ui.dialogs.transition_dialog import TransitionDialog, step_menu
from ui.pages.lesson_tools import LessonTools
from ui.pages.visit_tools import VisitTools
from ui.print_actions import register_print_actions

if TYPE_CHECKING:
    from ui.pages.register_page import RegisterPage


class WorkflowTools(QObject):
    def __init__(self, page: RegisterPage) -> None:
        super().__init__(page)
        self.page = page
        self.reg = page.reg
        self.transitions = Transitions(page.records)
        self.step_button: QToolButton | None = None
        self.print_button: QToolButton | None = None
        self.dialog: TransitionDialog | None = None
        self.clue_form: RecordForm | None = None
        self.print_actions: list[Any] = []
        self.print_items: list[tuple[Any, Any]] = []  # (menu QAction, PrintAction)
        if self.reg.lifecycle is not None and page.actor.can(EDIT):
            self.step_button = QToolButton()
            self.step_button.setObjectName("stepTool")
            self.step_button.setText(self.tr("办理"))
            self.step_button.setToolTip(self.tr("按办理流程把选中的记录推进到下一环节（Ctrl+J）"))
            self.step_button.setShortcut(QKeySequence("Ctrl+J"))
            self.step_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.step_button.setMenu(QMenu(self.step_button))
            menu = self.step_button.menu()
            assert menu is not None
            menu.aboutToShow.connect(self._fill_menu)
            page.toolbar.insertWidget(page.act_history, self.step_button)
        if page.actor.can(PRINT):
            self.print_actions = list(register_print_actions(self.reg.name))
        if self.print_actions:
            self.print_button = QToolButton()
            self.print_button.setObjectName("printTool")
            self.print_button.setText(self.tr("打印"))
            self.print_button.setToolTip(self.tr("打印选中记录的表格（可预览）"))
            self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            print_menu = QMenu(self.print_button)
            for action in self.print_actions:
                item = print_menu.addAction(action.label)
                if action.tooltip:
                    item.setToolTip(action.tooltip)
                item.triggered.connect(lambda _checked=False, a=action: self.run_print(a))
                self.print_items.append((item, action))
            print_menu.setToolTipsVisible(True)
            self.print_button.setMenu(print_menu)
            page.toolbar.insertWidget(page.act_history, self.print_button)
        # 生成季度计划, 录入记录表 and 扫码录入 on the visits page
        self.visit_tools = VisitTools(page) if self.reg.name == "visits" else None
        self.lesson_tools = LessonTools(page) if self.reg.name == "lessons" else None  # 生成签到名单

    def update(self) -> None:
        ids = self.page.selected_ids()
        if self.visit_tools is not None:
            self.visit_tools.update()
        if self.lesson_tools is not None:
            self.lesson_tools.update()
        if self.step_button is not None:
            self.step_button.setEnabled(len(ids) == 1)
        if self.print_button is not None:
            # An action that needs no selection (a whole quarter's forms) keeps the button usable.
            for item, action in self.print_items:
                item.setEnabled(bool(ids) or not action.needs_selection)
            self.print_button.setEnabled(any(item.isEnabled() for item, _action in self.print_items))

    # ---- steps ----------------------------------------------------------------------------
    def _fill_menu(self) -> None:
        assert self.step_button is not None
        menu = self.step_button.menu()
        assert menu is not None
        menu.clear()
        row_id = self.page.selected_id()
        if row_id is None:
            return
        built = step_menu(self.page, self.transitions, self.reg, row_id, self.take_step)
        for action in built.actions():
            action.setParent(menu)
            menu.addAction(action)

    def allowed_steps(self) -> list[Step]:
        row_id = self.page.selected_id()
        if row_id is None:
            return []
        try:
            return self.transitions.allowed(self.reg, row_id)
        except (NotFoundError, PermissionDenied):
            return []

    def take_step(self, step: Step) -> Any:
        """The dialog for ``step`` on the selected record (or, for a report's 转为问题线索, a new
        clue form filled from it); returns what was opened."""
        row_id = self.page.selected_id()
        if row_id is None:
            return None
        if self.reg.name == "reports" and step.name == "to_clue":
            return self.convert_report(row_id)
        if self.visit_tools is not None and step.name == "record":
            return self.visit_tools.open_entry(row_id)
        dialog = TransitionDialog(
            self.page.records, self.reg, row_id, step, self.page, self.page._subject(row_id)
        )
        dialog.accepted.connect(lambda: self._done(row_id, step))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _done(self, row_id: str, step: Step) -> None:
        self.page._announce()
        self.page.reload()
        self.page.select_ids([row_id])
        self.page.show_status(
            self.tr("已办理「{step}」：{name}").format(
                step=self.page.tr_label(step.label), name=self.page._subject(row_id)
            )
        )

    def convert_report(self, report_id: str) -> RecordForm:
        records = self.page.records
        clues = get_register("clues")
        form = RecordForm(
            records, clues, None, self.page, initial=clue_values_from_report(records, report_id),
            save_op=lambda values, confirmed: clue_from_report(records, report_id, values, confirmed=confirmed),
        )  # fmt: skip
        form.setWindowTitle(self.tr("转为问题线索"))

        def saved(clue_id: str) -> None:
            number = str(records.get(clues, clue_id).get("number") or "")
            self.page._announce()
            self.page.reload()
            self.page.select_ids([report_id])
            self.page.show_status(self.tr("已转为问题线索 {number}。").format(number=number))

        form.saved.connect(saved)
        self.clue_form = form
        form.open()
        return form

    # ---- printing -------------------------------------------------------------------------
    def run_print(self, action: Any) -> None:
        ids = self.page.selected_ids()
        if ids or not action.needs_selection:
            action.run(self.page, self.page.records, self.page.settings, ids)
