"""The main window, the first-start wizard and the settings dialog, driven through qtbot."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.context import Context
from app.registers import get
from app.security.keyslots import KeyFile
from app.security.roles import Actor
from app.services.installation import SetupRequest
from app.services.login import PLAIN_HEADER, create, state
from app.services.records import RecordService
from tests.ui.conftest import SETUP, make_window
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.setup_wizard import SetupWizard
from ui.main_window import MainWindow
from ui.pages.register_page import RegisterPage
from ui.pages.staffing_page import StaffingPage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "x", None, SETUP)
    yield o
    o.db.close()


def finish_wizard(qtbot: QtBot, wizard: SetupWizard) -> Context:
    """Wait for the installation, then confirm the recovery key and press 完成."""
    qtbot.waitUntil(wizard.showing_recovery_key, timeout=10_000)
    assert wizard.opened is not None and wizard.opened.recovery_key
    assert wizard.recovery.key_label.text() == wizard.opened.recovery_key
    assert not wizard.finish_button.isEnabled()
    assert not wizard.finish()
    wizard.reject()  # the key must be seen: neither Esc nor 退出 close the wizard now
    assert wizard.isVisible()
    qtbot.mouseClick(
        wizard.recovery.check, Qt.MouseButton.LeftButton, pos=QPoint(8, wizard.recovery.check.height() // 2)
    )
    assert wizard.finish_button.isEnabled()
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == wizard.DialogCode.Accepted
    return wizard.opened


def test_setup_wizard_refuses_bad_input_then_creates_an_encrypted_installation(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "fresh"
    wizard = SetupWizard(folder, None)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.type_buttons["township"].isChecked()
    qtbot.keyClicks(wizard.county_code, "X01")
    wizard.county_name.setText("示范县")  # Chinese arrives through the input method, not key events
    qtbot.keyClicks(wizard.unit_code, "bad code")
    wizard.unit_name.setText("城关镇纪委")
    qtbot.keyClicks(wizard.password, "short")
    qtbot.keyClicks(wizard.password_again, "other")
    ok = wizard.ok_button
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert wizard.isVisible()
    assert "只能用字母、数字" in wizard.errors["unit_code"].text()
    assert "密码至少 8 位" in wizard.errors["admin_password"].text()
    assert "不一致" in wizard.errors["password_again"].text()
    assert state(folder, None) == "new" and not KeyFile.exists(folder)

    wizard.unit_code.clear()
    qtbot.keyClicks(wizard.unit_code, "X01-T01")
    wizard.password.clear()
    wizard.password_again.clear()
    qtbot.keyClicks(wizard.password, "town2022pass")
    qtbot.keyClicks(wizard.password_again, "town2022pass")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    opened = finish_wizard(qtbot, wizard)
    try:
        info = opened.db.installation()
        assert info is not None
        assert (info.unit_type, info.unit_code, info.unit_name, info.county_code) == (
            "township",
            "X01-T01",
            "城关镇纪委",
            "X01",
        )
        assert opened.actor.username == "admin" and opened.actor.role == "admin"
        # Encrypted at rest: the key slots exist and the database file is not plain SQLite.
        assert KeyFile.exists(folder)
        assert state(folder, None) == "encrypted"
        with open(folder / "jiwei.db", "rb") as fh:
            assert fh.read(16) != PLAIN_HEADER
        assert not wizard.password.text()  # the password does not stay in the dialog
    finally:
        opened.db.close()


def test_setup_wizard_for_the_county_uses_the_county_code(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "county", None)
    qtbot.addWidget(wizard)
    wizard.show()
    county = wizard.type_buttons["county"]
    qtbot.mouseClick(county, Qt.MouseButton.LeftButton, pos=QPoint(8, county.height() // 2))
    assert not wizard.unit_code.isVisible()
    qtbot.keyClicks(wizard.county_code, "X01")
    wizard.county_name.setText("示范县")  # Chinese arrives through the input method, not key events
    qtbot.keyClicks(wizard.password, "county2022pass")
    qtbot.keyClicks(wizard.password_again, "county2022pass")
    assert wizard.accept_setup()
    opened = finish_wizard(qtbot, wizard)
    try:
        info = opened.db.installation()
        assert info is not None
        assert (info.unit_type, info.unit_code, info.unit_name) == ("county", "X01", "示范县纪委监委")
    finally:
        opened.db.close()


def test_setup_wizard_refuses_a_folder_set_up_meanwhile(
    qtbot: QtBot, tmp_path: Path, opened: Context
) -> None:
    wizard = SetupWizard(opened.data_dir, None)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.county_code, "X01")
    wizard.county_name.setText("示范县")
    qtbot.keyClicks(wizard.unit_code, "X01-T01")
    wizard.unit_name.setText("城关镇纪委")
    qtbot.keyClicks(wizard.password, "town2022pass")
    qtbot.keyClicks(wizard.password_again, "town2022pass")
    assert wizard.accept_setup()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10_000)
    assert "已经初始化" in wizard.errors["unit_code"].text()
    assert wizard.opened is None and not wizard.showing_recovery_key()
    assert wizard.ok_button.isEnabled()


def test_navigation_builds_every_page_and_status_bar_names_unit_and_database(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, opened, settings)
    assert "测试县纪委监委" in window.unit_label.text()
    assert "县纪委监委" in window.unit_label.text()
    assert "SQLite" in window.db_label.text() and "jiwei.db" in window.db_label.text()
    assert window.user_label.text() == "用户：admin（单位管理员）"
    keys = window.page_keys()
    assert keys[0] == "home" and window.current_page_key() == "home"  # a first start opens 工作台
    assert "register:units" in keys and "register:clues" in keys and "staffing" in keys
    for key in keys:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        assert window.current_page_key() == key
        if key == "staffing":
            assert isinstance(page, StaffingPage)
        elif key in ("users", "audit", "home", "statistics", "coverage", "duties", "exchange", "integrity"):
            names = {"users": "UsersPage", "audit": "AuditPage", "home": "HomePage", "statistics": "StatisticsPage",
                     "coverage": "CoveragePage", "duties": "DutyPage", "exchange": "ExchangePage",
                     "integrity": "IntegrityPage"}  # fmt: skip
            assert type(page).__name__ == names[key]
        else:
            assert isinstance(page, RegisterPage)
            assert page.reg.name == key.split(":", 1)[1]
    # The county's own unit row is listed on the units page.
    units = window.show_page("register:units")
    assert isinstance(units, RegisterPage)
    assert units.model.rowCount() == 1
    from app import __version__

    assert __version__ in window.about_text()  # 帮助 › 关于


def test_keyboard_switches_pages(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = make_window(qtbot, opened, settings)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.show_page("register:units")
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_key() == window.page_keys()[3]
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == window.page_keys()[4]
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == window.page_keys()[2]


def test_layout_and_last_page_are_remembered(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = make_window(qtbot, opened, settings)
    window.resize(700, 500)
    window.show_page("register:villages")
    window.splitter.setSizes([250, 450])
    window.close()
    again = make_window(qtbot, opened, settings)
    assert again.current_page_key() == "register:villages"
    assert (again.width(), again.height()) == (700, 500)
    assert again.splitter.sizes()[0] == 250


def test_font_size_steps_and_settings_dialog(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSize()
    window = make_window(qtbot, opened, settings)
    try:
        window.set_font_size(11)
        window.step_font(1)
        assert app.font().pointSize() == 12
        assert int(settings.value("view/font_size")) == 12  # type: ignore[call-overload]
        dialog = SettingsDialog(settings, window)
        qtbot.addWidget(dialog)
        dialog.font_size.setCurrentIndex(dialog.font_size.findData(16))
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        assert int(settings.value("view/font_size")) == 16  # type: ignore[call-overload]
        assert settings.value("view/language") == "en"
    finally:
        window.set_font_size(before if before > 0 else 11)


def test_main_check_renders_the_window_and_exits_zero(tmp_path: Path) -> None:
    """A process: ``main.py --check`` is the installed program's self-test, and its exit status
    and leaving no data folder behind are what is checked."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JIWEI_DATA_DIR": str(tmp_path / "unused")}
    result = subprocess.run(
        [sys.executable, "tests/fastkdf.py", "main.py", "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "check: main window rendered" in result.stderr
    assert not (tmp_path / "unused").exists()


def menu_texts(window: MainWindow, title: str) -> list[str]:
    for action in window.menuBar().actions():
        if action.text() == title:
            menu = action.menu()
            assert menu is not None
            return [a.text() for a in menu.actions() if not a.isSeparator()]
    raise AssertionError(f"no menu {title}")


def test_the_administrator_gets_system_pages_and_menus(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, opened, settings)
    assert {"users", "audit"} <= set(window.page_keys())
    assert menu_texts(window, "系统管理(&M)") == [
        "用户管理(&U)", "审计日志(&A)", "四种形态对应(&F)…", "备份(&B)…", "新的恢复密钥(&R)…", "修改密码(&P)…"
    ]  # fmt: skip
    assert "锁定(&L)" in menu_texts(window, "文件(&F)")
    dialog = window.change_password()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.reject()


def test_a_readonly_user_sees_no_system_pages_and_disabled_edit_buttons(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    viewer = dataclasses.replace(opened, actor=Actor("viewer", "readonly"))
    window = make_window(qtbot, viewer, settings)
    assert window.user_label.text() == "用户：viewer（只读）"
    assert not {"users", "audit"} & set(window.page_keys())
    assert menu_texts(window, "系统管理(&M)") == [
        "四种形态对应(&F)…",
        "修改密码(&P)…",
    ]  # the first to view only
    page = window.show_page("register:units")
    assert isinstance(page, RegisterPage)
    page.select_ids([page.model.ids()[0]])
    for action in (page.act_new, page.act_delete, page.act_restore, page.act_undo):
        assert not action.isEnabled()
        assert "只能查看" in action.toolTip()
    assert not page.act_export.isEnabled() and "没有打印和导出" in page.act_export.toolTip()
    assert page.act_edit.isEnabled() and page.act_edit.text() == "查看"
    assert page.new_record() is None and page.delete_selected() == []
    form = page.edit_selected()  # opens for reading only
    assert form is not None
    qtbot.addWidget(form)
    assert form.read_only and not form.editor("code").isEnabled()
    assert form.save_button is None or not form.save_button.isVisible()
    assert not form.save()
    form.reject()


def test_a_staff_member_edits_and_exports_but_has_no_system_pages(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    staff = dataclasses.replace(opened, actor=Actor("clerk", "staff"))
    window = make_window(qtbot, staff, settings)
    assert not {"users", "audit"} & set(window.page_keys())
    units = window.show_page("register:units")  # the units are the administrators' (UNITS)
    assert isinstance(units, RegisterPage)
    units.select_ids([units.model.ids()[0]])
    assert not units.act_new.isEnabled() and units.act_export.isEnabled()
    RecordService(staff).save(get("zones"), {"name": "第一片区"})
    page = window.show_page("register:zones")
    assert isinstance(page, RegisterPage)
    page.reload()
    page.select_ids([page.model.ids()[0]])
    assert page.act_new.isEnabled() and page.act_delete.isEnabled() and page.act_export.isEnabled()
    assert page.act_edit.text() == "编辑"


def test_closing_makes_the_automatic_backup_then_exits(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    from app.services.backup import AUTO_FOLDER

    window = make_window(qtbot, opened, settings)
    window.backup_on_exit = True
    window.close()
    assert window.isVisible() and window.exit_task is not None  # waits for the backup
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert window.exit_task is None and window.exit_error is None
    assert len(list((opened.data_dir / AUTO_FOLDER).iterdir())) == 1


def test_a_failed_automatic_backup_is_shown_and_the_exit_goes_on(
    qtbot: QtBot, opened: Context, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_opened: Context, *_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.services.backup.auto_backup", full_disk)
    window = make_window(qtbot, opened, settings)
    window.backup_on_exit = True
    window.close()
    qtbot.waitUntil(lambda: window.exit_error is not None and window.exit_error.isVisible(), timeout=10_000)
    box = window.exit_error
    assert isinstance(box, QMessageBox)
    assert "自动备份没有完成" in box.text() and "磁盘空间不足" in box.text()
    assert window.isVisible()
    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


def test_a_township_sees_no_register_of_the_countys_own_work(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """留置 and the trial office's 审理 are the county's: a township's window has no page for them,
    the county's has."""
    township = create(tmp_path / "t", None, SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县",
                                                         "admin", "secret123"))  # fmt: skip
    try:
        keys = make_window(qtbot, township, settings).page_keys()
        assert "register:clues" in keys and "register:co_reviews" in keys
        assert "register:detentions" not in keys and "register:trials" not in keys
    finally:
        township.db.close()
    county = create(tmp_path / "c", None, SETUP)
    try:
        keys = make_window(qtbot, county, settings).page_keys()
        assert "register:detentions" in keys and "register:trials" in keys
    finally:
        county.db.close()


@pytest.mark.real_migrations
def test_logging_in_to_an_older_release_says_where_its_backup_is(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """The first log-in after installing over 0.1.0 migrates its database (a backup first,
    ``app.services.upgrade``); the window says so, once."""
    import shutil

    from app.services.login import login

    data_dir = tmp_path / "township"
    shutil.copytree(ROOT / "tests" / "fixtures" / "0.1.0" / "township", data_dir)
    opened = login(data_dir, None, "admin", "Fixture-2024a")
    try:
        assert opened.upgrade is not None and opened.upgrade.backup is not None
        window = make_window(qtbot, opened, settings)
        box = window.upgrade_notice
        assert box is not None and box.isVisible()  # opened, not exec'd: the window goes on
        assert "0.1.0" in box.text() and str(opened.upgrade.backup) in box.text()
        box.accept()
        again = login(data_dir, None, "admin", "Fixture-2024a")
        try:
            assert make_window(qtbot, again, settings).upgrade_notice is None
        finally:
            again.db.close()
    finally:
        opened.db.close()
