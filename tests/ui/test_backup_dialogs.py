"""备份, 从备份恢复, 新的恢复密钥 and 用恢复密钥重设密码, driven through qtbot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.context import Context
from app.registers import get
from app.security.keyslots import KeyFile, WrongSecret
from app.services import backup as backup_service
from app.services.login import LoginError, create, login
from app.services.records import RecordService
from tests.ui.conftest import SETUP
from ui.dialogs.backup_dialogs import (
    FOLDER_KEY,
    BackupDialog,
    NewRecoveryKeyDialog,
    RecoverDialog,
    RestoreDialog,
)
from ui.tasks import Task, TaskState

PASSWORD = SETUP.admin_password


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "data", None, SETUP)
    RecordService(Context.system(o.db, "admin")).save(get("zones"), {"name": "东片区", "leader": "赵常委"})
    yield o
    o.db.close()


@pytest.fixture
def backup_file(opened: Context, tmp_path: Path) -> Path:
    return backup_service.backup(opened, tmp_path / "b.jwbak")


def wait(qtbot: QtBot, task: Task | None) -> Task:
    assert task is not None
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=20_000)
    return task


# ---- 备份 ---------------------------------------------------------------------------------------------------
def test_backup_dialog_writes_verifies_and_remembers_the_folder(
    qtbot: QtBot, opened: Context, settings: QSettings, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = BackupDialog(opened, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_folder = lambda start: str(usb)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(usb)

    task = wait(qtbot, dialog.start_backup())
    assert task.state is TaskState.SUCCEEDED
    assert dialog.last_path is not None and dialog.last_path.parent == usb
    assert backup_service.verify_backup(dialog.last_path) == dialog.last_manifest
    shown = dialog.result_label.text()
    assert str(dialog.last_path) in shown and "校验通过" in shown and "测试县纪委监委" in shown
    assert not dialog.error.isVisible()
    assert settings.value(FOLDER_KEY) == str(usb)

    again = BackupDialog(opened, settings)
    qtbot.addWidget(again)
    assert again.folder_edit.text() == str(usb)


def test_backup_dialog_refuses_a_missing_folder_and_sets_the_automatic_backups(
    qtbot: QtBot, opened: Context, settings: QSettings, tmp_path: Path
) -> None:
    dialog = BackupDialog(opened, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder_edit.setText(str(tmp_path / "gone"))
    assert dialog.start_backup() is None
    assert dialog.error.isVisible() and "已有的文件夹" in dialog.error.text()

    assert dialog.keep_spin.value() == backup_service.DEFAULT_KEEP
    dialog.keep_spin.setValue(3)
    assert backup_service.auto_settings(opened.data_dir).keep == 3
    dialog.ask_folder = lambda start: str(tmp_path)  # type: ignore[method-assign]
    dialog.choose_auto_folder()
    assert backup_service.auto_settings(opened.data_dir).folder == tmp_path
    dialog.keep_spin.setValue(0)
    assert dialog.keep_spin.text() == "不自动备份"
    assert backup_service.auto_backup(opened) is None


# ---- 从备份恢复 ----------------------------------------------------------------------------------------------
def test_restore_dialog_checks_the_file_then_restores_with_the_password(
    qtbot: QtBot, backup_file: Path, settings: QSettings, tmp_path: Path
) -> None:
    target = tmp_path / "new-pc"
    dialog = RestoreDialog(target, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isEnabled() and dialog.replace_note.isHidden()
    dialog.ask_file = lambda start: str(backup_file)  # type: ignore[method-assign]
    wait(qtbot, dialog.choose_file())
    assert dialog.unit_value.text() == "测试县纪委监委（C01）"
    assert dialog.county_value.text() == "测试县（C01）"
    assert "通过" in dialog.check_value.text()
    assert dialog.username.text() == "admin"
    assert not dialog.restore_button.isEnabled()  # no password yet

    dialog.password.setText("wrong-password-1")
    assert dialog.restore_button.isEnabled()
    wait(qtbot, dialog.start_restore())
    assert dialog.error.isVisible() and "用户名或密码不正确" in dialog.error.text()
    assert dialog.password.text() == ""
    assert not target.exists()

    dialog.password.setText(PASSWORD)
    wait(qtbot, dialog.start_restore())
    assert dialog.result_info is not None and dialog.result_info.replaced is None
    assert dialog.done_label.isVisible() and "请用备份中的账号登录" in dialog.done_label.text()
    assert dialog.finish_button.isVisible() and not dialog.restore_button.isVisible()
    dialog.finish_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    login(target, None, "admin", PASSWORD).db.close()


def test_restore_dialog_shows_a_damaged_file_and_uses_the_recovery_key(
    qtbot: QtBot, opened: Context, backup_file: Path, settings: QSettings, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.jwbak"
    data = bytearray(backup_file.read_bytes())
    data[len(data) // 2] ^= 0x10
    damaged.write_bytes(bytes(data))
    target = tmp_path / "new-pc"
    dialog = RestoreDialog(target, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    wait(qtbot, dialog.load_file(damaged))
    assert dialog.check_value.text() == "未通过"
    assert "损坏" in dialog.error.text()
    dialog.use_key.setChecked(True)
    dialog.recovery_key.setText(opened.recovery_key or "")
    assert not dialog.restore_button.isEnabled()

    wait(qtbot, dialog.load_file(backup_file))
    assert not dialog.error.isVisible()
    assert dialog.restore_button.isEnabled() and not dialog.password.isEnabled()
    wait(qtbot, dialog.start_restore())
    assert dialog.result_info is not None and dialog.result_info.username == "recovery-key"
    dialog.reject()  # restored: closing is 完成
    assert dialog.result() == dialog.DialogCode.Accepted


def test_restore_dialog_asks_before_replacing_data(
    qtbot: QtBot, opened: Context, backup_file: Path, settings: QSettings
) -> None:
    opened.db.close()
    folder = opened.data_dir
    dialog = RestoreDialog(folder, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.replace_note.isVisible() and "已经有数据" in dialog.replace_note.text()
    wait(qtbot, dialog.load_file(backup_file))
    dialog.password.setText(PASSWORD)
    asked: list[bool] = []
    dialog.confirm_replace = lambda: asked.append(False) or False  # type: ignore[method-assign]
    assert dialog.start_restore() is None
    assert asked and not list(folder.glob("before-restore-*"))

    dialog.confirm_replace = lambda: True  # type: ignore[method-assign]
    wait(qtbot, dialog.start_restore())
    assert dialog.result_info is not None and dialog.result_info.replaced is not None
    assert "请重新启动程序" in dialog.done_label.text()
    assert str(dialog.result_info.replaced) in dialog.done_label.text()
    login(folder, None, "admin", PASSWORD).db.close()


# ---- recovery key ------------------------------------------------------------------------------------------------
def test_new_recovery_key_dialog_shows_the_key_until_it_is_kept(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    old = opened.recovery_key or ""
    dialog = NewRecoveryKeyDialog(opened, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    wait(qtbot, dialog.make_key())
    assert dialog.key and dialog.page.key_label.text() == dialog.key
    assert dialog.page.isVisible() and not dialog.first.isVisible()
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # the new key must be seen: the old one no longer works
    dialog.page.check.setChecked(True)
    assert dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    kf = KeyFile.load(opened.data_dir)
    kf.unlock_recovery(dialog.key)
    with pytest.raises(WrongSecret):
        kf.unlock_recovery(old)


def test_recover_dialog_sets_a_new_password_and_logs_in(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    key = opened.recovery_key or ""
    opened.db.close()
    dialog = RecoverDialog(opened.data_dir, None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.text() == "admin"
    assert dialog.submit() is None and "请填写用户名和恢复密钥" in dialog.error.text()
    dialog.recovery_key.setText("AAAA-BBBB-CCCC")
    dialog.passwords.set_passwords("brand-new-pass-1", "different-2")
    assert dialog.submit() is None and "不一致" in dialog.error.text()
    dialog.passwords.set_passwords("brand-new-pass-1")
    wait(qtbot, dialog.submit())
    assert dialog.error.text() == "恢复密钥不正确。" and dialog.opened is None

    dialog.recovery_key.setText(key)
    wait(qtbot, dialog.submit())
    assert dialog.opened is not None and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.opened.actor.username == "admin"
    dialog.opened.db.close()
    with pytest.raises(LoginError):
        login(opened.data_dir, None, "admin", PASSWORD)
    login(opened.data_dir, None, "admin", "brand-new-pass-1").db.close()
