"""The users page and the change-password dialog, driven as a person would, on a real encrypted
installation; every change is checked by logging in again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import Changes, Context
from app.services import login, users
from app.services.installation import SetupRequest
from app.services.login import LoginError
from ui.dialogs.change_password import ChangePasswordDialog
from ui.dialogs.form_dialog import FormDialog
from ui.events import ChangeBus
from ui.pages.users_page import NewUserDialog, PasswordDialog, RoleDialog, UsersPage, UsersTableModel

ADMIN_PASSWORD = "Harbor-1-pw"
SETUP = SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县", "admin", ADMIN_PASSWORD)

MakePage = Callable[[Context], UsersPage]
LogIn = Callable[[str, str], Context]


@pytest.fixture
def inst(tmp_path: Path) -> Iterator[Context]:
    opened = login.create(tmp_path / "inst", None, SETUP)
    users.create_user(opened, "clerk", "李强", "staff", "Ledger-1-pw")
    yield opened
    opened.db.close()


@pytest.fixture
def make_page(qtbot: QtBot, settings: QSettings) -> MakePage:
    def make(opened: Context) -> UsersPage:
        page = UsersPage(opened, ChangeBus(), settings)
        qtbot.addWidget(page)
        page.resize(800, 500)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def press_ok(qtbot: QtBot, page: UsersPage, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def closes(qtbot: QtBot, page: UsersPage, dialog: FormDialog) -> None:
    press_ok(qtbot, page, dialog)
    qtbot.waitUntil(lambda: page.current_dialog is None)


def column(page: UsersPage, name: str) -> list[str]:
    return [page.model.text(r, name) for r in range(page.model.rowCount())]


def can_log_in(log_in: LogIn, username: str, password: str) -> bool:
    try:
        log_in(username, password)
    except LoginError:
        return False
    return True


def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, inst: Context) -> None:
    model = UsersTableModel()
    model.set_users(users.list_users(inst))
    qtmodeltester.check(model)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "角色"
    assert model.data(model.index(1, 2)) == "工作人员"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.UserRole) == "clerk"
    empty = UsersTableModel()
    qtmodeltester.check(empty)


def test_the_list_shows_users_with_their_roles(make_page: MakePage, inst: Context) -> None:
    page = make_page(inst)
    assert column(page, "username") == ["admin", "clerk"]
    assert column(page, "full_name") == ["", "李强"]
    assert column(page, "role") == ["单位管理员", "工作人员"]
    assert column(page, "active") == ["在用", "在用"]
    assert page.notice.isHidden()
    assert page.act_new.isEnabled()
    page.select_user("admin")  # oneself: no role change, reset or deactivation here
    assert (
        not page.act_role.isEnabled()
        and not page.act_reset.isEnabled()
        and not page.act_deactivate.isEnabled()
    )
    page.select_user("clerk")
    assert page.act_role.isEnabled() and page.act_reset.isEnabled() and page.act_deactivate.isEnabled()
    assert not page.act_reactivate.isEnabled()


def test_create_a_user(qtbot: QtBot, make_page: MakePage, inst: Context, log_in: LogIn) -> None:
    page = make_page(inst)
    emitted: list[Changes] = []
    page.bus.changed.connect(emitted.append)
    dialog = page.new_user()
    assert isinstance(dialog, NewUserDialog)
    qtbot.keyClicks(dialog.username_edit, "chief")
    dialog.full_name_edit.setText("王芳")  # (QTest types no Chinese)
    dialog.set_role("secretary")
    assert "查看敏感信息" in dialog.role_note.text()
    qtbot.keyClicks(dialog.pair.new_edit, "Lotus-1-pw")
    qtbot.keyClicks(dialog.pair.repeat_edit, "Lotus-1-pw")
    closes(qtbot, page, dialog)
    assert column(page, "username") == ["admin", "chief", "clerk"]
    assert page.selected_user() is not None and page.selected_user().username == "chief"  # type: ignore[union-attr]
    assert page.status_text() == "已新增用户「chief」。"
    assert len(emitted) == 1 and "users" in emitted[0].tables  # the operation's own report
    chief = log_in("chief", "Lotus-1-pw")
    assert chief.actor.role == "secretary" and chief.actor.sensitive_key is not None


def test_the_new_user_dialog_explains_what_is_wrong(qtbot: QtBot, make_page: MakePage, inst: Context) -> None:
    page = make_page(inst)
    dialog = page.new_user()
    assert dialog is not None
    qtbot.keyClicks(dialog.username_edit, "x")
    dialog.pair.set_passwords("Lotus-1-pw", "Lotus-2-pw")
    press_ok(qtbot, page, dialog)
    assert dialog.isVisible()
    assert (
        dialog.error_text()
        == "用户名只能用字母、数字和 . _ -，2 到 64 位。\n请选择角色。\n两次输入的新密码不一致。"
    )

    dialog.username_edit.setText("clerk")
    dialog.set_role("staff")
    dialog.pair.set_passwords("short1")
    press_ok(qtbot, page, dialog)
    assert dialog.error_text() == "用户名「clerk」已被使用（停用的账号也占用用户名）。\n密码至少 8 位。"
    assert dialog.focusWidget() is dialog.username_edit
    dialog.reject()
    qtbot.waitUntil(lambda: page.current_dialog is None)
    assert column(page, "username") == ["admin", "clerk"]


def test_reset_a_password(qtbot: QtBot, make_page: MakePage, inst: Context, log_in: LogIn) -> None:
    page = make_page(inst)
    page.select_user("clerk")
    dialog = page.reset_password()
    assert isinstance(dialog, PasswordDialog)
    dialog.pair.set_passwords("abcdefgh")
    press_ok(qtbot, page, dialog)
    assert dialog.error_text() == "密码须同时包含字母和数字（或符号）。"
    dialog.pair.set_passwords("Fresh-2-pw")
    closes(qtbot, page, dialog)
    assert page.status_text() == "已重置「clerk」的密码。"
    assert not can_log_in(log_in, "clerk", "Ledger-1-pw")
    assert can_log_in(log_in, "clerk", "Fresh-2-pw")


def test_change_a_role_asks_for_a_password_only_when_needed(
    qtbot: QtBot, make_page: MakePage, inst: Context, log_in: LogIn
) -> None:
    page = make_page(inst)
    page.select_user("clerk")
    dialog = page.change_role()
    assert isinstance(dialog, RoleDialog)
    dialog.set_role("readonly")
    assert not dialog.pair.is_shown()
    dialog.set_role("secretary")
    assert dialog.pair.is_shown() and not dialog.password_note.isHidden()
    press_ok(qtbot, page, dialog)
    assert dialog.error_text() == "请填写新密码。"
    dialog.pair.set_passwords("Lotus-3-pw")
    closes(qtbot, page, dialog)
    assert column(page, "role") == ["单位管理员", "书记（组长）"]
    assert page.status_text() == "「clerk」的角色现在是「书记（组长）」。"
    clerk = log_in("clerk", "Lotus-3-pw")
    assert clerk.actor.role == "secretary" and clerk.actor.sensitive_key is not None


def test_deactivate_and_reactivate(
    qtbot: QtBot, make_page: MakePage, inst: Context, log_in: LogIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(inst)
    questions: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda title, text: questions.append(text) or True)
    page.select_user("clerk")
    assert page.deactivate_selected()
    assert "确定停用「clerk」吗？" in questions[0]
    assert column(page, "active") == ["在用", "已停用"]
    assert not can_log_in(log_in, "clerk", "Ledger-1-pw")
    assert page.act_reactivate.isEnabled() and not page.act_reset.isEnabled()

    dialog = page.reactivate_selected()
    assert dialog is not None
    dialog.pair.set_passwords("Fresh-3-pw")
    closes(qtbot, page, dialog)
    assert column(page, "active") == ["在用", "在用"]
    assert can_log_in(log_in, "clerk", "Fresh-3-pw")


def test_a_refused_deactivation_is_explained(
    make_page: MakePage, inst: Context, log_in: LogIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.create_user(inst, "admin2", "", "admin", "Second-1-pw")
    second = log_in("admin2", "Second-1-pw")
    users.deactivate(second, "admin")
    page = make_page(inst)  # still open as "admin", who was deactivated meanwhile
    monkeypatch.setattr(page, "confirm", lambda title, text: True)
    warnings: list[str] = []
    monkeypatch.setattr(page, "warn", lambda title, text: warnings.append(text))
    page.select_user("admin2")
    assert not page.deactivate_selected()
    assert warnings and "至少要保留一名在用的单位管理员" in warnings[0]


def test_a_staff_member_manages_nobody_but_changes_their_own_password(
    qtbot: QtBot, make_page: MakePage, inst: Context, log_in: LogIn
) -> None:
    clerk = log_in("clerk", "Ledger-1-pw")
    page = make_page(clerk)
    assert page.model.rowCount() == 0
    assert not page.notice.isHidden() and "只有单位管理员" in page.notice.text()
    for action in page.manage_actions:
        assert not action.isEnabled()
        assert action.toolTip() == "需要「管理用户」权限（单位管理员）。"
    assert page.new_user() is None
    assert page.act_own_password.isEnabled()

    dialog = page.change_own_password()
    assert isinstance(dialog, ChangePasswordDialog)
    assert "至少 8 位" in dialog.pair.hint.text()
    qtbot.keyClicks(dialog.old_edit, "wrong-1-pw")
    dialog.pair.set_passwords("Meadow-2-pw")
    press_ok(qtbot, page, dialog)
    assert dialog.error_text() == "原密码不正确。"
    dialog.old_edit.setText("Ledger-1-pw")
    closes(qtbot, page, dialog)
    assert page.status_text() == "您的密码已修改。"
    assert can_log_in(log_in, "clerk", "Meadow-2-pw")
    assert not can_log_in(log_in, "clerk", "Ledger-1-pw")


def test_change_password_dialog_checks_the_entries_first(qtbot: QtBot, inst: Context) -> None:
    dialog = ChangePasswordDialog(inst)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.error_text() == "请填写原密码。"
    dialog.old_edit.setText(ADMIN_PASSWORD)
    dialog.accept()
    assert dialog.error_text() == "请填写新密码。"
    dialog.pair.set_passwords("Harbor-2-pw", "Harbor-3-pw")
    dialog.accept()
    assert dialog.error_text() == "两次输入的新密码不一致。"
    dialog.pair.set_passwords(ADMIN_PASSWORD)
    dialog.accept()
    assert dialog.error_text() == "新密码不能与原密码相同。"
    assert dialog.isVisible()
    dialog.pair.set_passwords("Harbor-2-pw")
    dialog.accept()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
