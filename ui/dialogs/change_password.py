"""修改密码: the logged-in user changes their own password (old, new, new again)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from app.context import Context
from app.services import users
from ui.dialogs.form_dialog import FormDialog, PasswordPair, password_edit


class ChangePasswordDialog(FormDialog):
    """The logged-in user's own password. Accepted once the new one is in place."""

    def __init__(self, opened: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.setWindowTitle(self.tr("修改密码 — {user}").format(user=opened.actor.username))
        self.old_edit = password_edit(self.tr("原密码"))
        body = QWidget()
        form = QFormLayout(body)
        form.addRow(self.tr("原密码(&O)"), self.old_edit)
        self.pair = PasswordPair(form)
        self.fields = {"old_password": self.old_edit, "password": self.pair.new_edit}
        self.layout_with(body)
        self.fit(420)
        self.old_edit.setFocus()

    def submit(self) -> bool:
        if not self.old_edit.text():
            self.show_errors({"old_password": self.tr("请填写原密码。")})
            return False
        mismatch = self.pair.problem()
        if mismatch is not None:
            self.show_errors({"password": mismatch})
            return False
        try:
            users.change_own_password(self.opened, self.old_edit.text(), self.pair.password())
        except users.UserError as exc:
            self.show_errors(exc.messages)
            if "old_password" in exc.messages:
                self.old_edit.selectAll()
            return False
        return True
