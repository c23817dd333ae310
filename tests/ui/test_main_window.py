"""The main window, the first-start wizard and the settings dialog, driven through qtbot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services.database import Database
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.setup_wizard import SetupWizard
from ui.main_window import MainWindow
from ui.pages.register_page import RegisterPage
from ui.pages.staffing_page import StaffingPage

ROOT = Path(__file__).resolve().parents[2]


def test_setup_wizard_refuses_bad_input_then_initialises(qtbot: QtBot, tmp_path: Path) -> None:
    db = Database.open(tmp_path / "fresh")
    try:
        wizard = SetupWizard(db)
        qtbot.addWidget(wizard)
        wizard.show()
        assert wizard.type_buttons["township"].isChecked()
        qtbot.keyClicks(wizard.county_code, "X01")
        wizard.county_name.setText("示范县")  # Chinese arrives through the input method, not key events
        qtbot.keyClicks(wizard.unit_code, "bad code")
        wizard.unit_name.setText("城关镇纪委")
        qtbot.keyClicks(wizard.password, "short")
        qtbot.keyClicks(wizard.password_again, "other")
        ok = wizard.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert wizard.isVisible()
        assert "只能用字母、数字" in wizard.errors["unit_code"].text()
        assert "密码至少 8 位" in wizard.errors["admin_password"].text()
        assert "不一致" in wizard.errors["password_again"].text()
        assert db.installation() is None

        wizard.unit_code.clear()
        qtbot.keyClicks(wizard.unit_code, "X01-T01")
        wizard.password.clear()
        wizard.password_again.clear()
        qtbot.keyClicks(wizard.password, "town2022pass")
        qtbot.keyClicks(wizard.password_again, "town2022pass")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        info = db.installation()
        assert info is not None
        assert (info.unit_type, info.unit_code, info.unit_name, info.county_code) == (
            "township", "X01-T01", "城关镇纪委", "X01",
        )
        assert wizard.result() == wizard.DialogCode.Accepted
    finally:
        db.close()


def test_setup_wizard_for_the_county_uses_the_county_code(qtbot: QtBot, tmp_path: Path) -> None:
    db = Database.open(tmp_path / "county")
    try:
        wizard = SetupWizard(db)
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
        info = db.installation()
        assert info is not None
        assert (info.unit_type, info.unit_code, info.unit_name) == ("county", "X01", "示范县纪委监委")
    finally:
        db.close()


def make_window(qtbot: QtBot, db: Database, settings: QSettings) -> MainWindow:
    window = MainWindow(db, settings, "admin")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_navigation_builds_every_page_and_status_bar_names_unit_and_database(
    qtbot: QtBot, db: Database, settings: QSettings
) -> None:
    window = make_window(qtbot, db, settings)
    assert "测试县纪委监委" in window.unit_label.text()
    assert "县纪委监委" in window.unit_label.text()
    assert "SQLite" in window.db_label.text() and "jiwei.db" in window.db_label.text()
    keys = window.page_keys()
    assert keys[0] == "register:units" and "staffing" in keys
    for key in keys:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        assert window.current_page_key() == key
        if key == "staffing":
            assert isinstance(page, StaffingPage)
        else:
            assert isinstance(page, RegisterPage)
            assert page.reg.name == key.split(":", 1)[1]
    # The county's own unit row is listed on the units page.
    units = window.show_page("register:units")
    assert isinstance(units, RegisterPage)
    assert units.model.rowCount() == 1


def test_keyboard_switches_pages(qtbot: QtBot, db: Database, settings: QSettings) -> None:
    window = make_window(qtbot, db, settings)
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


def test_layout_and_last_page_are_remembered(qtbot: QtBot, db: Database, settings: QSettings) -> None:
    window = make_window(qtbot, db, settings)
    window.resize(700, 500)
    window.show_page("register:villages")
    window.splitter.setSizes([250, 450])
    window.close()
    again = make_window(qtbot, db, settings)
    assert again.current_page_key() == "register:villages"
    assert (again.width(), again.height()) == (700, 500)
    assert again.splitter.sizes()[0] == 250


def test_font_size_steps_and_settings_dialog(qtbot: QtBot, db: Database, settings: QSettings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font().pointSize()
    window = make_window(qtbot, db, settings)
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
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JIWEI_DATA_DIR": str(tmp_path / "unused")}
    result = subprocess.run(
        [sys.executable, "main.py", "--check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "check: main window rendered" in result.stderr
    assert not (tmp_path / "unused").exists()
