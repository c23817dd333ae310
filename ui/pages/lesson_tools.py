"""The tool of the lessons page (每月一课): 生成签到名单 enters the selected lesson's unit's staff
in post as present (``app.services.training.take_roll``), so that only the absences are left to
mark in 每月一课签到."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.security.roles import EDIT, PermissionDenied
from app.services.records import NotFoundError, ValidationError
from app.services.training import take_roll
from ui.i18n import tr_message

if TYPE_CHECKING:
    from ui.pages.register_page import RegisterPage


class LessonTools(QObject):
    def __init__(self, page: RegisterPage) -> None:
        super().__init__(page)
        self.page = page
        self.act_roll = QAction(self.tr("生成签到名单"), page)
        self.act_roll.setObjectName("rollTool")
        self.act_roll.setToolTip(self.tr("把本单位在岗人员登记为选中课程的出勤人员，再逐个标出缺课"))
        self.act_roll.triggered.connect(lambda _checked=False: self.take_roll())
        self.act_roll.setVisible(page.actor.can(EDIT))
        page.toolbar.insertAction(page.act_history, self.act_roll)

    def update(self) -> None:
        self.act_roll.setEnabled(self.page.selected_id() is not None)

    def take_roll(self) -> int | None:
        """Enter the roll of the selected lesson; the number of staff added (None when refused)."""
        lesson_id = self.page.selected_id()
        if lesson_id is None:
            return None
        try:
            added = take_roll(self.page.records, lesson_id)
        except PermissionDenied as exc:
            QMessageBox.warning(self.page, self.tr("生成签到名单"), tr_message(exc.message))
            return None
        except ValidationError as exc:
            text = "\n".join(tr_message(m) for m in exc.errors.values())
            QMessageBox.warning(self.page, self.tr("生成签到名单"), text)
            return None
        except NotFoundError:
            return None
        self.page.reload()
        self.page.select_ids([lesson_id])
        self.page.show_status(
            self.tr("已登记 {n} 名在岗人员出勤，缺课的请在「每月一课签到」中标出。").format(n=len(added))
        )
        return len(added)
