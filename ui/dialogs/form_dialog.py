"""The form dialogs' common parts: ``FormDialog`` (a form whose refusals show inside it, in
Chinese, beside the field at fault), ``PasswordPair`` (a new password typed twice, with the policy
hint) and ``password_edit``. Used by 修改密码 and the users page's dialogs.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.services.accounts import MAX_PASSWORD_LENGTH, password_policy_hint
from ui.i18n import tr_message
from ui.shortcuts import ctrl_enter
from ui.steady import grow_upwards

ERROR_STYLE = (
    "QLabel#dialogError { color: #c62828; background: #fdecea; border: 1px solid #f3b9b5;"
    " border-radius: 3px; padding: 6px; }"
)


def _tr(text: str) -> str:
    """Translate a string marked below with QT_TRANSLATE_NOOP (lupdate cannot see variables)."""
    return QCoreApplication.translate("PasswordPair", text)


# The texts of the password pair, marked for lupdate (the context is "PasswordPair").
_NEW = QT_TRANSLATE_NOOP("PasswordPair", "新密码")
_REPEAT = QT_TRANSLATE_NOOP("PasswordPair", "再输入一次新密码")
_NEW_LABEL = QT_TRANSLATE_NOOP("PasswordPair", "新密码(&N)")
_REPEAT_LABEL = QT_TRANSLATE_NOOP("PasswordPair", "确认新密码(&R)")
_EMPTY = QT_TRANSLATE_NOOP("PasswordPair", "请填写新密码。")
_MISMATCH = QT_TRANSLATE_NOOP("PasswordPair", "两次输入的新密码不一致。")


def password_edit(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PASSWORD_LENGTH)
    edit.setAccessibleName(accessible_name)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class PasswordPair:
    """A new password typed twice, with the policy under it: three rows of the caller's form."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.new_edit = password_edit(_tr(_NEW))
        self.repeat_edit = password_edit(_tr(_REPEAT))
        self.hint = QLabel(tr_message(password_policy_hint()))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("passwordHint")
        self.hint.setStyleSheet("color: #666;")
        form.addRow(_tr(_NEW_LABEL), self.new_edit)
        form.addRow(_tr(_REPEAT_LABEL), self.repeat_edit)
        form.addRow("", self.hint)

    def set_shown(self, shown: bool) -> None:
        for widget in (self.new_edit, self.repeat_edit, self.hint):
            self.form.setRowVisible(widget, shown)

    def is_shown(self) -> bool:
        return not self.new_edit.isHidden()

    def password(self) -> str:
        return self.new_edit.text()

    def problem(self) -> str | None:
        """A message when the two entries are empty or differ (the policy is the service's)."""
        if not self.new_edit.text():
            return _tr(_EMPTY)
        if self.new_edit.text() != self.repeat_edit.text():
            return _tr(_MISMATCH)
        return None

    def set_passwords(self, new: str, repeat: str | None = None) -> None:
        self.new_edit.setText(new)
        self.repeat_edit.setText(new if repeat is None else repeat)

    def clear(self) -> None:
        self.new_edit.clear()
        self.repeat_edit.clear()


class FormDialog(QDialog):
    """A dialog with an error box at the top and 确定/取消; ``submit`` does the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.ok_button: QPushButton = self.buttons.addButton(
            self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter(self, self.accept)  # also from a multi-line field, where Enter is a new line
        self.fields: dict[str, QWidget] = {}  # message key -> the widget to focus

    def layout_with(self, body: QWidget | QFormLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        if isinstance(body, QWidget):
            layout.addWidget(body)
        else:
            layout.addLayout(body)
        layout.addWidget(self.buttons)

    def fit(self, width: int | None = None) -> None:
        """At least ``width`` wide, and as tall as the rows need at that width (wrapped notes and
        messages included); called again whenever rows appear or disappear."""
        if width is not None:
            self.setMinimumWidth(width)
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        w = max(self.width() if self.isVisible() else 0, self.minimumWidth())
        h = layout.totalSizeHint().height()
        if layout.hasHeightForWidth():
            h = max(h, layout.totalHeightForWidth(w))
        grow_upwards(self, QSize(w, h))  # a message at the top does not move the buttons

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.fit()

    def show_errors(self, messages: Mapping[str, Message | str]) -> None:
        """All messages at the top, in the order of the fields; focus the first field concerned."""
        order = ["", *self.fields, *(k for k in messages if k != "" and k not in self.fields)]
        keys = [k for k in order if k in messages]
        texts = [m if isinstance(m, str) else tr_message(m) for m in (messages[k] for k in keys)]
        self.error.setText("\n".join(texts))
        self.error.show()
        self.fit()
        for key in keys:
            widget = self.fields.get(key)
            if widget is not None:
                widget.setFocus()
                break

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def submit(self) -> bool:
        """Do the work; False (with messages shown) keeps the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        self.error.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a password takes a moment to seal
        try:
            done = self.submit()
        finally:
            QGuiApplication.restoreOverrideCursor()
        if done:
            super().accept()
