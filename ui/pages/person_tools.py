"""人员档案 on a register page: 查看档案 on the person register (人员库), 查看人员档案 on the
registers whose records name a person (reports, clues, inquiries, verifications, cases, measures).
Both open ``ui.dialogs.person_record.PersonRecordDialog`` for the selected record's person
(Ctrl+I)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.security.roles import PermissionDenied
from app.services.person_record import person_of_record
from app.services.records import NotFoundError
from ui.dialogs.person_record import PersonRecordDialog
from ui.i18n import tr_message

if TYPE_CHECKING:
    from ui.pages.register_page import RegisterPage

SHORTCUT = "Ctrl+I"


class PersonTools(QObject):
    def __init__(self, page: RegisterPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: PersonRecordDialog | None = None
        if page.reg.name == "people":
            text, tip = self.tr("查看档案"), self.tr("查看选中人员的档案：在案的全部记录和处分期内的处理")
        else:
            text, tip = self.tr("查看人员档案"), self.tr("查看选中记录所涉人员的档案")
        self.action = page._action(text, self.open_selected, SHORTCUT, tip)
        self.action.setObjectName("personRecordAction")
        page.toolbar.insertAction(page.act_history, self.action)

    def update(self) -> None:
        self.action.setEnabled(len(self.page.selected_ids()) == 1)

    def open_selected(self) -> PersonRecordDialog | None:
        """The record of the selected person, or of the selected record's person."""
        page = self.page
        row_id = page.selected_id()
        if row_id is None:
            return None
        person_id: str | None = row_id
        if page.reg.name != "people":
            try:
                person_id = person_of_record(page.records, page.reg.name, row_id)
            except NotFoundError:
                return None
            except PermissionDenied as exc:
                page.show_status(html.escape(tr_message(exc.message)))
                return None
            if person_id is None:
                page.show_status(self.tr("这条记录没有关联人员库中的人员。"))
                return None
        assert person_id is not None
        dialog = PersonRecordDialog(page.records, person_id, page, bus=page.bus)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: PersonRecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.page.table.setFocus()
