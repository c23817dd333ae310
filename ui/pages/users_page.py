"""用户管理: who may log in to this installation, in which role.

Everything here goes through ``app.services.users``, which checks the MANAGE_USERS permission
itself; the page only mirrors it, greying out what the acting user may not do. Everyone may
change their own password here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes, Context
from app.security.roles import MANAGE_USERS, PERMISSION_LABELS, permissions, role_label
from app.services import users
from app.services.installation import USERNAME_PATTERN
from app.services.users import UserInfo
from ui.dialogs import ask
from ui.dialogs.change_password import ChangePasswordDialog
from ui.dialogs.form_dialog import FormDialog, PasswordPair
from ui.events import ChangeBus
from ui.i18n import tr_app, tr_message
from ui.ops import announce
from ui.watch import ReadTracking, tracks_reads

AnyIndex = QModelIndex | QPersistentModelIndex
HEADER_KEY = "pages/users/header"
USERNAME_ROLE = Qt.ItemDataRole.UserRole


def role_text(role: str) -> str:
    return tr_app(role_label(role))


def role_permissions_text(role: str) -> str:
    perms = [tr_app(label) for key, label in PERMISSION_LABELS.items() if key in permissions(role)]
    sep = tr_app("、")
    if not perms:
        return QCoreApplication.translate("UsersPage", "只能查看，不能修改。")
    return QCoreApplication.translate("UsersPage", "可以：{what}").format(what=sep.join(perms))


class UsersTableModel(QAbstractTableModel):
    """One line per user: user name, name, role, state. ``UserRole`` gives the user name."""

    COLUMNS = ("username", "full_name", "role", "active")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.users: list[UserInfo] = []

    def set_users(self, rows: Sequence[UserInfo]) -> None:
        self.beginResetModel()
        self.users = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"))[section]

    def text(self, row: int, column: str) -> str:
        u = self.users[row]
        if column == "role":
            return role_text(u.role)
        if column == "active":
            return self.tr("在用") if u.active else self.tr("已停用")
        return str(getattr(u, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self.users)
            or index.column() >= len(self.COLUMNS)
        ):
            return None
        u = self.users[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "role":
            return role_permissions_text(u.role)
        if role == Qt.ItemDataRole.ForegroundRole and not u.active:
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == USERNAME_ROLE:
            return u.username
        return None

    def row_of(self, username: str) -> int:
        return next((i for i, u in enumerate(self.users) if u.username == username), -1)

    def user_at(self, row: int) -> UserInfo:
        return self.users[row]


def role_combo(opened: Context, current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for role in users.available_roles(opened):
        combo.addItem(role_text(role), role)
        combo.setItemData(combo.count() - 1, role_permissions_text(role), Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(combo.findData(current) if current else -1)
    combo.setPlaceholderText(QCoreApplication.translate("UsersPage", "请选择角色"))
    return combo


class NewUserDialog(FormDialog):
    """新增用户: user name, name, role and a first password."""

    def __init__(self, opened: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.created: UserInfo | None = None
        self.setWindowTitle(self.tr("新增用户"))
        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(64)
        self.username_edit.setPlaceholderText(self.tr("登录用，字母、数字和 . _ -"))
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setMaxLength(users.MAX_FULL_NAME)
        self.role_combo = role_combo(opened)
        self.role_note = QLabel()
        self.role_note.setWordWrap(True)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        body = QWidget()
        form = QFormLayout(body)
        form.addRow(self.tr("用户名(&U)"), self.username_edit)
        form.addRow(self.tr("姓名(&M)"), self.full_name_edit)
        form.addRow(self.tr("角色(&J)"), self.role_combo)
        form.addRow("", self.role_note)
        self.pair = PasswordPair(form)
        self.fields = {
            "username": self.username_edit,
            "full_name": self.full_name_edit,
            "role": self.role_combo,
            "password": self.pair.new_edit,
        }
        self.layout_with(body)
        self.fit(460)
        self.username_edit.setFocus()

    def _role_changed(self) -> None:
        role = self.role_combo.currentData()
        self.role_note.setText(role_permissions_text(role) if role else "")

    def set_role(self, role: str) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role))

    def submit(self) -> bool:
        problems: dict[str, str] = {}
        if not re.fullmatch(USERNAME_PATTERN, self.username_edit.text().strip()):
            problems["username"] = self.tr("用户名只能用字母、数字和 . _ -，2 到 64 位。")
        if self.role_combo.currentIndex() < 0:
            problems["role"] = self.tr("请选择角色。")
        mismatch = self.pair.problem()
        if mismatch is not None:
            problems["password"] = mismatch
        if problems:
            self.show_errors(problems)
            return False
        try:
            self.created = users.create_user(
                self.opened,
                self.username_edit.text(),
                self.full_name_edit.text(),
                str(self.role_combo.currentData()),
                self.pair.password(),
            )
        except users.UserError as exc:
            self.show_errors(exc.messages)
            return False
        return True


class RoleDialog(FormDialog):
    """修改角色. When the new role changes whether sensitive fields can be read, a new password
    is asked for (the service explains why if it is missing)."""

    def __init__(self, opened: Context, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.user = user
        self.result_user: UserInfo | None = None
        self.setWindowTitle(self.tr("修改角色 — {user}").format(user=user.username))
        self.role_combo = role_combo(opened, user.role)
        self.role_note = QLabel()
        self.role_note.setWordWrap(True)
        self.password_note = QLabel(
            self.tr(
                "新角色查看敏感信息的权限与原角色不同：该用户的密钥要用新密码重新封存，请设置新密码并告知本人。"
            )
        )
        self.password_note.setWordWrap(True)
        body = QWidget()
        form = QFormLayout(body)
        form.addRow(self.tr("用户"), QLabel(f"{user.username}　{user.full_name}".strip()))
        form.addRow(self.tr("原角色"), QLabel(role_text(user.role)))
        form.addRow(self.tr("新角色(&J)"), self.role_combo)
        form.addRow("", self.role_note)
        form.addRow(self.password_note)
        self.pair = PasswordPair(form)
        self.body_form = form
        self.fields = {"role": self.role_combo, "password": self.pair.new_edit}
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.layout_with(body)
        self._role_changed()
        self.fit(480)

    def needs_password(self) -> bool:
        role = self.role_combo.currentData()
        return bool(
            role
            and self.user.active
            and users.can_view_sensitive(role) != users.can_view_sensitive(self.user.role)
        )

    def _role_changed(self) -> None:
        role = self.role_combo.currentData()
        self.role_note.setText(role_permissions_text(role) if role else "")
        needed = self.needs_password()
        self.body_form.setRowVisible(self.password_note, needed)
        self.pair.set_shown(needed)
        if self.isVisible():
            self.fit()

    def set_role(self, role: str) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role))

    def submit(self) -> bool:
        role = self.role_combo.currentData()
        if not role:
            self.show_errors({"role": self.tr("请选择角色。")})
            return False
        password: str | None = None
        if self.needs_password():
            mismatch = self.pair.problem()
            if mismatch is not None:
                self.show_errors({"password": mismatch})
                return False
            password = self.pair.password()
        try:
            self.result_user = users.set_role(self.opened, self.user.username, str(role), password)
        except users.UserError as exc:
            self.show_errors(exc.messages)
            return False
        return True


class PasswordDialog(FormDialog):
    """A new password for another user: 重置密码, or 启用 (a reactivated account needs one)."""

    def __init__(
        self,
        title: str,
        user: UserInfo,
        action: Callable[[str], UserInfo],
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.user = user
        self.action = action
        self.result_user: UserInfo | None = None
        self.setWindowTitle(title)
        body = QWidget()
        form = QFormLayout(body)
        form.addRow(self.tr("用户"), QLabel(f"{user.username}　{user.full_name}".strip()))
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            form.addRow(label)
        self.pair = PasswordPair(form)
        self.fields = {"password": self.pair.new_edit}
        self.layout_with(body)
        self.fit(440)
        self.pair.new_edit.setFocus()

    def submit(self) -> bool:
        mismatch = self.pair.problem()
        if mismatch is not None:
            self.show_errors({"password": mismatch})
            return False
        try:
            self.result_user = self.action(self.pair.password())
        except users.UserError as exc:
            self.show_errors(exc.messages)
            return False
        return True


class UsersPage(ReadTracking, QWidget):
    """The list of users and what an administrator does with them."""

    changed = Signal()  # after any change made from this page

    def __init__(self, opened: Context, bus: ChangeBus, settings: QSettings) -> None:
        super().__init__()
        self.opened = opened
        self.bus = bus
        self._emitting = False
        self.settings = settings
        self.can_manage = opened.actor.can(MANAGE_USERS)
        self.current_dialog: FormDialog | None = None
        self.setObjectName("usersPage")

        title = QLabel(self.tr("用户管理"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_new = self._action(
            self.tr("新增"), self.new_user, self.tr("新增一名用户"), QKeySequence.StandardKey.New
        )
        self.act_role = self._action(self.tr("修改角色"), self.change_role, self.tr("修改选中用户的角色"))
        self.act_reset = self._action(
            self.tr("重置密码"), self.reset_password, self.tr("为选中的用户设置新密码")
        )
        self.act_deactivate = self._action(
            self.tr("停用"), self.deactivate_selected, self.tr("停用选中的账号：不能再登录，记录保留")
        )
        self.act_reactivate = self._action(
            self.tr("启用"), self.reactivate_selected, self.tr("重新启用选中的账号（须设置新密码）")
        )
        self.act_refresh = self._action(
            self.tr("刷新"), self.reload, self.tr("重新读取用户列表"), QKeySequence.StandardKey.Refresh
        )
        self.act_own_password = self._action(
            self.tr("修改我的密码"), self.change_own_password, self.tr("修改当前登录账号的密码")
        )
        self.manage_actions = (
            self.act_new,
            self.act_role,
            self.act_reset,
            self.act_deactivate,
            self.act_reactivate,
        )
        for action in self.manage_actions:
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_refresh)
        self.toolbar.addAction(self.act_own_password)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = UsersTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setAccessibleName(self.tr("用户列表"))
        self.table.doubleClicked.connect(lambda _index: self.change_role() if self.can_manage else None)
        selection = self.table.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(self._update_actions)
        header.sectionResized.connect(self._save_header)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

        if not self.can_manage:
            tip = self.tr("需要「{what}」权限（单位管理员）。").format(
                what=tr_app(PERMISSION_LABELS[MANAGE_USERS])
            )
            for action in self.manage_actions:
                action.setToolTip(tip)
            self.notice.setText(self.tr("只有单位管理员可以管理用户。您可以在这里修改自己的密码。"))
            self.notice.show()
        bus.changed.connect(self._bus_changed)
        self.reload()
        state = settings.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        else:  # first time: wide enough for every role's name in the language shown
            self.table.resizeColumnsToContents()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        tip: str,
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _save_header(self) -> None:
        self.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def _bus_changed(self, changes: Changes) -> None:
        if not self._emitting and self.touched(changes):
            self.reload()

    # ---- list ---------------------------------------------------------------------------------
    @tracks_reads
    def reload(self) -> None:
        selected = self.selected_user()
        if self.can_manage:
            self.model.set_users(users.list_users(self.opened))
        if selected is not None:
            self.select_user(selected.username)
        self._update_actions()

    def select_user(self, username: str) -> None:
        row = self.model.row_of(username)
        if row >= 0:
            self.table.selectRow(row)
        self._update_actions()

    def selected_user(self) -> UserInfo | None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.user_at(rows[0].row())

    def _update_actions(self, *_args: object) -> None:
        user = self.selected_user()
        me = self.opened.actor.username
        other = user is not None and user.username != me
        self.act_new.setEnabled(self.can_manage)
        self.act_role.setEnabled(self.can_manage and other)
        self.act_reset.setEnabled(self.can_manage and other and user is not None and user.active)
        self.act_deactivate.setEnabled(self.can_manage and other and user is not None and user.active)
        self.act_reactivate.setEnabled(self.can_manage and user is not None and not user.active)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def status_text(self) -> str:
        return self.status_label.text()

    # ---- dialogs ------------------------------------------------------------------------------
    def _open(self, dialog: FormDialog, done: Callable[[], None]) -> FormDialog:
        def finished(result: int) -> None:
            if self.current_dialog is dialog:
                self.current_dialog = None
            if result == FormDialog.DialogCode.Accepted:
                done()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def _changed(self, username: str, message: str) -> None:
        self.reload()
        self.select_user(username)
        self.show_status(message)
        self._emitting = True
        try:
            announce(self.opened, self.bus)
        finally:
            self._emitting = False
        self.changed.emit()

    def new_user(self) -> NewUserDialog | None:
        if not self.can_manage:
            return None
        dialog = NewUserDialog(self.opened, self)

        def done() -> None:
            if dialog.created is not None:
                u = dialog.created
                self._changed(u.username, self.tr("已新增用户「{user}」。").format(user=u.username))

        self._open(dialog, done)
        return dialog

    def change_role(self) -> RoleDialog | None:
        user = self.selected_user()
        if not self.can_manage or user is None or user.username == self.opened.actor.username:
            return None
        dialog = RoleDialog(self.opened, user, self)

        def done() -> None:
            u = dialog.result_user or user
            self._changed(
                u.username,
                self.tr("「{user}」的角色现在是「{role}」。").format(user=u.username, role=role_text(u.role)),
            )

        self._open(dialog, done)
        return dialog

    def reset_password(self) -> PasswordDialog | None:
        user = self.selected_user()
        if (
            not self.can_manage
            or user is None
            or not user.active
            or user.username == self.opened.actor.username
        ):
            return None
        dialog = PasswordDialog(
            self.tr("重置密码 — {user}").format(user=user.username),
            user,
            lambda password: users.reset_password(self.opened, user.username, password),
            self.tr("设置新密码后请当面告知本人，并提醒他登录后修改。"),
            self,
        )
        self._open(
            dialog,
            lambda: self._changed(
                user.username, self.tr("已重置「{user}」的密码。").format(user=user.username)
            ),
        )
        return dialog

    def reactivate_selected(self) -> PasswordDialog | None:
        user = self.selected_user()
        if not self.can_manage or user is None or user.active:
            return None
        dialog = PasswordDialog(
            self.tr("启用账号 — {user}").format(user=user.username),
            user,
            lambda password: users.reactivate(self.opened, user.username, password),
            self.tr("停用时该账号的密钥已删除，启用须设置新密码。"),
            self,
        )
        self._open(
            dialog,
            lambda: self._changed(user.username, self.tr("已启用「{user}」。").format(user=user.username)),
        )
        return dialog

    def change_own_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.opened, self)
        self._open(dialog, lambda: self.show_status(self.tr("您的密码已修改。")))
        return dialog

    # ---- deactivate ---------------------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        return ask.confirm(self, title, text, self.tr("停用"))

    def warn(self, title: str, text: str) -> None:
        """Tell the user why something was refused (tests replace this)."""
        ask.warn(self, title, text)

    def deactivate_selected(self) -> bool:
        user = self.selected_user()
        if (
            not self.can_manage
            or user is None
            or not user.active
            or user.username == self.opened.actor.username
        ):
            return False
        text = self.tr(
            "确定停用「{user}」吗？\n停用后该账号不能再登录，已录入的记录和审计日志都保留；以后可以重新启用。"
        ).format(user=user.username)
        if not self.confirm(self.tr("停用账号"), text):
            return False
        try:
            users.deactivate(self.opened, user.username)
        except users.UserError as exc:
            self.warn(self.tr("不能停用"), "\n".join(tr_message(m) for m in exc.messages.values()))
            return False
        self._changed(user.username, self.tr("已停用「{user}」。").format(user=user.username))
        return True
