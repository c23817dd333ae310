"""帮助 → 使用手册 and F1 open the user manual, at the section of the page in front of the user;
the manual shows Chinese (English when the interface is English) and every picture it shows is
there; the shortcut list stays reachable (帮助 → 快捷键, and the manual's last section)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.context import Context
from app.registers import AREAS, REGISTERS
from app.services.login import create
from tests.ui.conftest import SETUP, make_window
from ui.dialogs.setup_wizard import SetupWizard
from ui.help_viewer import AREA_SECTIONS, HELP_DIR, PAGE_SECTIONS, SHORTCUTS, HelpWindow, section_for_page
from ui.login_panel import LoginPanel
from ui.main_window import MainWindow
from ui.shortcuts import ShortcutsDialog

ROOT = Path(__file__).resolve().parents[2]
MANUALS = ("manual_zh_CN.html", "manual_en.html")
IMAGE = re.compile(r'<img\s[^>]*src="([^"]+)"')
ANCHOR = re.compile(r'<a name="([^"]+)">')
LINK = re.compile(r'<a href="#([^"]+)">')


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "x", None, SETUP)
    yield o
    o.db.close()


def help_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == "帮助(&H)":
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError("no 帮助 menu")


def test_f1_opens_the_manual_at_the_current_pages_section(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, opened, settings)
    assert window.act_manual.shortcut().toString() == "F1"
    window.show_page("exchange")
    with qtbot.waitActive(window):
        window.activateWindow()
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    manual = window.help_window
    assert manual is not None and manual.isVisible()
    qtbot.waitExposed(manual)
    assert manual.browser.source().fileName() == "manual_zh_CN.html"
    assert manual.browser.source().fragment() == "exchange"
    text = manual.browser.toPlainText()
    assert "使用手册" in text and "数据交换" in text and "从备份恢复…" in text
    assert manual.browser.verticalScrollBar().value() > 0  # scrolled down to the section
    # F1 again on another page: the same window, at that page's section.
    manual.close()
    window.show_page("register:clues")
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    assert window.help_window is manual and manual.isVisible()
    assert manual.browser.source().fragment() == "intake"


def test_the_help_menu_opens_the_manual_and_keeps_the_shortcut_list(
    qtbot: QtBot, opened: Context, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, opened, settings)
    window.show_page("home")
    actions = {a.text(): a for a in help_menu(window).actions() if a.text()}
    assert list(actions) == ["使用手册(&M)", "快捷键(&K)", "关于(&A)"]
    actions["使用手册(&M)"].trigger()
    manual = window.help_window
    assert manual is not None and manual.isVisible()
    assert manual.browser.source().fragment() == "home"
    assert "工作台" in manual.browser.toPlainText()
    actions["快捷键(&K)"].trigger()
    [shortcuts] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible()
    ]
    assert "Ctrl+N" in dict(shortcuts.texts())
    shortcuts.reject()
    # The manual's contents, back and the shortcut section.
    manual.show_section(SHORTCUTS)
    assert manual.browser.source().fragment() == SHORTCUTS
    qtbot.mouseClick(manual.contents_button, Qt.MouseButton.LeftButton)
    assert manual.browser.source().fragment() == ""
    assert manual.browser.verticalScrollBar().value() == 0
    assert manual.back_button.isEnabled()
    qtbot.mouseClick(manual.back_button, Qt.MouseButton.LeftButton)
    assert manual.browser.source().fragment() == SHORTCUTS
    manual.find_edit.setText("恢复密钥")
    assert manual.find_next() and manual.browser.textCursor().selectedText() == "恢复密钥"
    # From the keyboard: Enter in the find box finds the next place and leaves the window open,
    # Ctrl+F comes back to the box, Esc closes the window.
    with qtbot.waitActive(manual):
        manual.activateWindow()
    first = manual.browser.textCursor().position()
    qtbot.keyClick(manual.find_edit, Qt.Key.Key_Return)
    assert manual.isVisible() and manual.browser.textCursor().position() > first
    manual.browser.setFocus()
    qtbot.keyClick(manual.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert manual.find_edit.hasFocus()
    qtbot.keyClick(manual.find_edit, Qt.Key.Key_Escape)
    assert not manual.isVisible()


def test_f1_at_the_log_in_and_at_set_up_opens_their_sections(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    create(tmp_path / "x", None, SETUP).db.close()
    window = MainWindow(None, settings, sign_in=LoginPanel(tmp_path / "x", None, settings))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    panel = window.sign_in
    assert panel is not None
    panel.password.setFocus()
    qtbot.keyClick(panel.password, Qt.Key.Key_F1)
    manual = panel.findChild(HelpWindow)
    assert manual is not None and manual.isVisible()
    assert manual.browser.source().fragment() == "login" and "忘记密码…" in manual.browser.toPlainText()

    wizard = SetupWizard(tmp_path / "new", None)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    qtbot.keyClick(wizard.unit_name, Qt.Key.Key_F1)
    manual = wizard.findChild(HelpWindow)
    assert manual is not None and manual.isVisible()
    assert manual.browser.source().fragment() == "setup" and "恢复密钥" in manual.browser.toPlainText()


def test_every_page_of_the_window_has_a_section(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = make_window(qtbot, opened, settings)
    text = (HELP_DIR / "manual_zh_CN.html").read_text(encoding="utf-8")
    anchors = set(ANCHOR.findall(text))
    for key in window.page_keys():
        assert section_for_page(key) in anchors, key
    assert {area for area, _title in AREAS} <= set(AREA_SECTIONS)
    assert {r.area for r in REGISTERS.values()} <= set(AREA_SECTIONS)
    assert set(PAGE_SECTIONS.values()) <= anchors


@pytest.mark.parametrize("name", MANUALS)
def test_every_picture_and_link_of_the_manual_is_there(name: str) -> None:
    text = (HELP_DIR / name).read_text(encoding="utf-8")
    images = IMAGE.findall(text)
    assert len(images) >= 8
    for src in images:
        path = HELP_DIR / src
        assert path.is_file(), src
        assert not QImage(str(path)).isNull(), src
    anchors = set(ANCHOR.findall(text))
    assert set(LINK.findall(text)) <= anchors
    assert {"setup", "login", "home", "registers", "exchange", "backup", "printing", SHORTCUTS} <= anchors
    # Both manuals have the same sections and show the same pictures.
    other = (HELP_DIR / MANUALS[1 - MANUALS.index(name)]).read_text(encoding="utf-8")
    assert anchors == set(ANCHOR.findall(other)) and images == IMAGE.findall(other)


def test_the_shipped_pictures_are_copies_of_the_documentations_screenshots() -> None:
    """resources/help/images holds copies (docs/ is not packaged): each has its original."""
    shipped = sorted(p.name for p in (HELP_DIR / "images").iterdir())
    assert shipped and all((ROOT / "docs" / "screenshots" / name).is_file() for name in shipped)


def test_the_english_interface_opens_the_english_manual(qtbot: QtBot, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "jiwei_en.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(ROOT / "resources" / "i18n" / "jiwei_en.ts"), "-qm", str(qm)],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        manual = HelpWindow()
        qtbot.addWidget(manual)
        manual.show_section("backup")
        assert manual.windowTitle() == "User manual — Jiwei Desk"
        assert manual.browser.source().fileName() == "manual_en.html"
        text = manual.browser.toPlainText()
        assert "User manual" in text and "Restore from backup…" in text
        assert not re.search(r"[\u4e00-\u9fff]", manual.contents_button.text() + manual.back_button.text())
    finally:
        QCoreApplication.removeTranslator(translator)
