"""Every page and dialog with the keyboard alone: log in with keys, reach each page by the
window's own keys, Tab through it (every enabled field and button is reached, and Tab leaves it
again), open the record form with Ctrl+N, type, save with Enter (Ctrl+Enter from a multi-line
field), close with Escape; lock and unlock by keys, also after a wrong password. A text box keeps
its own keys (Ctrl+Z, Ctrl+Insert); required dates do not say 可留空; menus are not cut."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.context import Context
from app.registers import get
from app.services.login import create
from app.services.records import ListQuery
from tests.ui.conftest import SETUP
from ui.dialogs.backup_dialogs import BackupDialog, RecoverDialog
from ui.dialogs.record_form import RecordForm
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.setup_wizard import SetupWizard
from ui.dialogs.transition_dialog import TransitionDialog
from ui.lock import UnlockDialog
from ui.login_panel import LoginPanel
from ui.main_window import MainWindow
from ui.pages.register_page import RegisterPage
from ui.pages.staffing_page import StaffingPage
from ui.shortcuts import ShortcutsDialog, install_text_key_guard, is_text_input

PASSWORD = SETUP.admin_password
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "x", None, SETUP)
    yield o
    o.db.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the person types it: to whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def window_for(qtbot: QtBot, opened: Context, settings: QSettings) -> MainWindow:
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def tab_stops(page: QWidget) -> list[QWidget]:
    """What Tab should reach on a page: visible, enabled widgets that take Tab focus."""
    found = []
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(page) or not w.isEnabled() or w.isWindow():
            continue
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if w.focusProxy() is not None:  # its proxy is the stop
            continue
        if w.objectName().startswith("qt_scrollarea_"):  # a scroll area's own parts
            continue
        found.append(w)
    return found


def walk(qtbot: QtBot, window: MainWindow, limit: int = 200) -> list[QWidget]:
    """Tab from the navigation until the focus is back on it; the widgets passed on the way."""
    window.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)
    passed: list[QWidget] = []
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        if now is window.nav:
            return passed
        passed.append(now)
    raise AssertionError(f"Tab never came back to the navigation (trapped in {type(passed[-1]).__name__})")


def owner(widget: QWidget, stops: list[QWidget]) -> QWidget | None:
    """The stop that stands for ``widget`` (a spin box's or an editable list's own line edit)."""
    w: QWidget | None = widget
    while w is not None:
        if w in stops:
            return w
        w = w.parentWidget()
    return None


# ---- log-in, pages, Tab ------------------------------------------------------------------------
def test_log_in_with_the_keyboard(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    folder = tmp_path / "x"
    create(folder, None, SETUP).db.close()
    panel = LoginPanel(folder, None, settings)
    window = MainWindow(None, settings, sign_in=panel)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert str(folder) in panel.installation_label.text()  # which installation it opens
    assert focused() is panel.password  # the administrator's name is filled in
    qtbot.keyClicks(focused(), "wrong-pass-1")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10_000)
    assert panel.message_text() == "用户名或密码不正确。"
    assert focused() is panel.password
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        qtbot.keyClicks(focused(), PASSWORD)
        press(qtbot, Qt.Key.Key_Return)
    assert window.is_signed_in()
    # The unit is remembered for the next log-in's line.
    again = LoginPanel(folder, None, settings)
    qtbot.addWidget(again)
    assert again.installation_label.text().startswith(SETUP.unit_name)


def test_every_page_is_reached_by_keys_and_tab_reaches_all_of_it(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    keys = [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in window.page_items()]
    window.show_page(keys[0])
    window.nav.setFocus()
    seen = [window.current_page_key()]
    for _ in keys[1:]:
        press(qtbot, Qt.Key.Key_PageDown, CTRL)  # 下一页
        seen.append(window.current_page_key())
    assert seen == keys
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # round to the first again
    assert window.current_page_key() == keys[0]
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3: the third page
    assert window.current_page_key() == keys[2]
    press(qtbot, Qt.Key.Key_B, CTRL)  # to the navigation, then its arrows
    assert focused() is window.nav
    press(qtbot, Qt.Key.Key_Up)
    assert window.current_page_key() == keys[1]

    problems = []
    for key in keys:
        page = window.show_page(key)
        qtbot.waitUntil(page.isVisible)
        stops = tab_stops(page)
        try:
            passed = walk(qtbot, window)
        except AssertionError as exc:
            problems.append(f"{key}: {exc}")
            continue
        reached = {owner(w, stops) for w in passed}
        missed = [
            f"{type(w).__name__}({w.objectName() or w.accessibleName() or getattr(w, 'text', lambda: '')()})"
            for w in stops
            if w not in reached
        ]
        if missed:
            problems.append(f"{key}: not reached by Tab: {', '.join(missed)}")
        if not any(owner(w, stops) is not None for w in passed) and stops:
            problems.append(f"{key}: Tab does not enter the page")
    assert not problems, "\n".join(problems)


# ---- the record form ---------------------------------------------------------------------------
def current_form(page: RegisterPage) -> RecordForm:
    form = page.current_form
    assert form is not None
    return form


def test_a_record_is_made_and_closed_with_keys(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = window_for(qtbot, opened, settings)
    page = window.show_page("register:zones")
    assert isinstance(page, RegisterPage)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)  # 新增
    form = current_form(page)
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    first = focused()
    assert form.isAncestorOf(first) and isinstance(first, QLineEdit)
    first.setText("北片区")  # Chinese comes through the input method, not key events
    with qtbot.waitSignal(form.accepted):
        press(qtbot, Qt.Key.Key_Return)  # Enter in a one-line field saves
    reg = get("zones")
    [row_id] = page.records.ids(reg, ListQuery())
    assert page.records.get(reg, row_id)["name"] == "北片区"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert focused() is page.table  # back in the list

    press(qtbot, Qt.Key.Key_N, CTRL)
    form = current_form(page)
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    with qtbot.waitSignal(form.rejected):
        press(qtbot, Qt.Key.Key_Escape)  # nothing typed: Escape closes without asking


def test_ctrl_enter_saves_from_a_multi_line_field_where_enter_is_a_new_line(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    reg = get("clues")
    page = window.show_page("register:clues")
    assert isinstance(page, RegisterPage)
    form = page.new_record()
    assert form is not None
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    summary = form.editor("summary")
    assert isinstance(summary, QPlainTextEdit)
    summary.setFocus()
    qtbot.keyClicks(summary, "line one")
    qtbot.keyClick(summary, Qt.Key.Key_Return)
    qtbot.keyClicks(summary, "line two")
    assert summary.toPlainText() == "line one\nline two" and form.isVisible()
    saved: list[bool] = []
    form.save = lambda: saved.append(True) or False  # type: ignore[method-assign]
    qtbot.keyClick(summary, Qt.Key.Key_Return, CTRL)
    assert saved == [True]
    # Required dates do not say they may stay empty; optional ones do.
    received = form.editor("received_on")
    registered = form.editor("registered_on")
    assert isinstance(received, QLineEdit) and isinstance(registered, QLineEdit)
    assert reg.field("received_on").required and "可留空" not in received.placeholderText()
    assert not reg.field("registered_on").required and "可留空" in registered.placeholderText()
    # Enter in any one-line field (dates included) saves.
    for name in ("number", "received_on", "subject_name"):
        form.editor(name).setFocus()
        qtbot.keyClick(form.editor(name), Qt.Key.Key_Return)
    assert saved == [True] * 4
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    form.reject()


# ---- a text box keeps its keys -----------------------------------------------------------------
def test_ctrl_z_in_a_text_box_is_the_text_box_s_own(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    page = window.show_page("register:zones")
    assert isinstance(page, RegisterPage)
    undone: list[bool] = []
    for action in (window.act_undo, page.act_undo):  # 编辑 → 撤销 (Ctrl+Z), and the page's 撤销
        action.triggered.connect(lambda: undone.append(True))
    search = page.search_edit
    search.setFocus()
    qtbot.keyClicks(search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    assert search.text() == "" and undone == []  # the typing was undone, not a deletion
    search.setReadOnly(True)  # even a read-only box keeps Ctrl+Z to itself
    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    assert undone == []
    assert is_text_input(search) and not is_text_input(page.table)
    assert install_text_key_guard() is install_text_key_guard()  # one guard, however often asked


# ---- lock and unlock ---------------------------------------------------------------------------
def test_lock_and_unlock_by_keys_after_a_wrong_password(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.is_locked()
    dialog = window.idle_lock.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.password
    qtbot.keyClicks(focused(), "wrong-pass-1")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.prompt.busy, timeout=10_000)
    assert dialog.message_text() == "密码不正确。"  # no user name to get wrong on this screen
    assert focused() is dialog.password
    # The message is not cut: the dialog is as tall as its rows need.
    layout = dialog.layout()
    assert layout is not None
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
    press(qtbot, Qt.Key.Key_Escape)  # Escape does not unlock
    assert window.is_locked() and focused() is dialog.password
    qtbot.keyClicks(focused(), PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)


# ---- the shortcut list and the menus --------------------------------------------------------------
def test_the_shortcut_list_has_two_columns_and_escape_closes_it(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    [entry] = [a for a in window.actions() if a.text() == "快捷键(&K)"]
    entry.trigger()  # 帮助 → 快捷键 (F1 opens the manual)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible()]
    assert len(dialogs) == 1
    shortcuts = dialogs[0]
    qtbot.waitExposed(shortcuts)
    texts = dict(shortcuts.texts())
    assert texts["Ctrl+L"] == "锁定" and texts["Ctrl+Enter"].startswith("在多行文字中")
    for key_label, what in shortcuts.rows:
        assert key_label.x() < what.x() and not what.wordWrap()  # two columns, nothing wrapped
    qtbot.waitUntil(shortcuts.isActiveWindow)
    with qtbot.waitSignal(shortcuts.rejected):
        press(qtbot, Qt.Key.Key_Escape)


def test_menus_have_room_for_their_longest_label(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = window_for(qtbot, opened, settings)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    assert menus
    for menu in menus:
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()
        metrics = menu.fontMetrics()
        widest = max(metrics.horizontalAdvance(a.text().replace("&", "")) for a in menu.actions())
        assert menu.minimumWidth() >= widest + metrics.horizontalAdvance("中中")


def test_enter_saves_an_open_clue_whose_timeline_has_room(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    page = window.show_page("register:clues")
    assert isinstance(page, RegisterPage)
    reg = get("clues")
    clue_id = page.records.save(
        reg,
        {"source": "petition", "received_on": date(2022, 1, 5), "subject_name": "赵某", "secrecy": "none"},
    )
    page.reload()
    form = page.show_record(clue_id)
    assert form is not None and form.timeline is not None
    qtbot.waitExposed(form)
    qtbot.waitUntil(form.isActiveWindow)
    assert len(form.timeline.rows()) == 1
    row = form.timeline.sizeHintForRow(0)
    assert form.timeline.viewport().height() >= row * 4  # room for steps, not a row and a half
    unit = form.editor("subject_unit")
    unit.setFocus()
    assert isinstance(unit, QLineEdit)
    unit.setText("城关镇人民政府")
    assert form.value("category") is None  # left blank: saving it again must not fail
    with qtbot.waitSignal(form.accepted):
        qtbot.keyClick(unit, Qt.Key.Key_Return)
    assert page.records.get(reg, clue_id)["subject_unit"] == "城关镇人民政府"


# ---- dialogs keep their buttons in place --------------------------------------------------------
def button_places(dialog: QWidget) -> list[tuple[str, int, int, int]]:
    return [
        (
            b.text(),
            b.mapTo(dialog, b.rect().topLeft()).x(),
            b.mapTo(dialog, b.rect().topLeft()).y(),
            b.width(),
        )
        for b in dialog.findChildren(QPushButton)
        if b.isVisible()
    ]


def test_messages_do_not_move_the_buttons(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    path = "/media/admin/U盘/纪检备份/2026年/jiwei-backup-2026-12-05-2130.jiwei-backup"
    backup = BackupDialog(opened, settings)
    recover = RecoverDialog(opened.data_dir, None, settings)
    for dialog in (backup, recover):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        size, places = dialog.size(), button_places(dialog)
        dialog.show_error(f"无法写入 {path}：没有写入权限，请换一个文件夹或插好 U 盘后再试。")
        QApplication.processEvents()
        assert dialog.error.isVisible()
        assert (dialog.size(), button_places(dialog)) == (size, places), type(dialog).__name__
        dialog.show_error("")
        QApplication.processEvents()
        assert (dialog.size(), button_places(dialog)) == (size, places), type(dialog).__name__
    size, places = backup.size(), button_places(backup)
    backup.result_label.setText(f"已备份到 {path}（12.5 MB），请把它复制到另一处保管。")
    backup.result_label.show()
    QApplication.processEvents()
    assert (backup.size(), button_places(backup)) == (size, places)


# ---- the dialogs of the menus ------------------------------------------------------------------
def walk_dialog(qtbot: QtBot, dialog: QWidget, limit: int = 120) -> list[str]:
    """Tab round a dialog from where its focus starts: what Tab never reaches, and a trap."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    stops = tab_stops(dialog)
    start = focused()
    passed = [start]
    for _ in range(limit):
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        if now is start:
            break
        passed.append(now)
    else:
        return [f"Tab never came back to {type(start).__name__} (trapped in {type(passed[-1]).__name__})"]
    reached = {owner(w, stops) for w in passed}
    return [
        f"not reached: {type(w).__name__}({w.objectName() or getattr(w, 'text', lambda: '')()})"
        for w in stops
        if w not in reached
    ]


def test_every_menu_entry_has_a_key_and_its_dialog_is_walked_and_closed_with_escape(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu) and "&" in action.text(), action.text()
        for entry in menu.actions():
            if not entry.isSeparator():  # each entry has its letter: Alt+menu, then the letter
                assert "&" in entry.text() or not entry.shortcut().isEmpty(), entry.text()

    problems: dict[str, list[str]] = {}
    for opener in (
        window.open_backup,
        window.new_recovery_key,
        window.open_form_mapping,
        window.change_password,
        window.show_shortcuts,
    ):
        dialog = opener()
        assert isinstance(dialog, QDialog)
        name = type(dialog).__name__
        problems[name] = walk_dialog(qtbot, dialog)
        with qtbot.waitSignal(dialog.finished):
            press(qtbot, Qt.Key.Key_Escape)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)

    # 设置 runs its own loop (exec): walk it from inside, then Escape.
    def walk_settings() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        problems["SettingsDialog"] = walk_dialog(qtbot, dialog)
        press(qtbot, Qt.Key.Key_Escape)

    QTimer.singleShot(0, walk_settings)
    press(qtbot, Qt.Key.Key_Comma, CTRL)
    assert "SettingsDialog" in problems
    assert not any(problems.values()), problems


def test_the_log_in_is_walked_with_tab(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    folder = tmp_path / "x"
    create(folder, None, SETUP).db.close()
    panel = LoginPanel(folder, None, settings)
    window = MainWindow(None, settings, sign_in=panel)
    qtbot.addWidget(window)
    window.show()
    assert walk_dialog(qtbot, window) == []


@pytest.mark.parametrize("register", ["clues", "visits", "people"])
def test_the_record_form_is_walked_with_tab(
    qtbot: QtBot, opened: Context, settings: QSettings, register: str
) -> None:
    window = window_for(qtbot, opened, settings)
    page = window.show_page(f"register:{register}")
    assert isinstance(page, RegisterPage)
    form = page.new_record()
    assert form is not None
    assert walk_dialog(qtbot, form) == []
    with qtbot.waitSignal(form.finished):
        press(qtbot, Qt.Key.Key_Escape)


def test_no_two_actions_of_a_page_share_a_key(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    """Two enabled actions with one key on screen at once cancel out: neither fires."""
    window = window_for(qtbot, opened, settings)
    clashes = []
    for item in window.page_items():
        key = str(item.data(0, Qt.ItemDataRole.UserRole))
        window.show_page(key)
        owners = [window, *(w for w in window.findChildren(QWidget) if w.isVisible())]
        taken: dict[str, set[QAction]] = {}
        for widget in owners:
            for action in widget.actions():
                contexts = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
                if action.shortcutContext() not in contexts:
                    continue
                for sequence in action.shortcuts():
                    if not sequence.isEmpty():
                        taken.setdefault(sequence.toString(), set()).add(action)
        clashes += [
            f"{key}: {seq} {sorted(a.text() for a in actions)}"
            for seq, actions in taken.items()
            if len(actions) > 1
        ]
    assert not clashes, "\n".join(clashes)


def test_a_form_s_problems_do_not_move_its_buttons(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = window_for(qtbot, opened, settings)
    page = window.show_page("register:units")
    assert isinstance(page, RegisterPage)
    form = page.new_record()
    assert form is not None and form.save_button is not None
    qtbot.waitExposed(form)
    form.move(100, 300)
    qtbot.waitUntil(lambda: form.pos().y() == 300)
    save = form.save_button
    before = save.mapToGlobal(save.rect().center())
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing filled in: refused
    assert form.error_text() and form.isVisible()
    qtbot.waitUntil(lambda: save.mapToGlobal(save.rect().center()) == before)
    assert form.pos().y() < 300  # it grew upwards
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    form.reject()


def test_enter_in_the_set_up_presses_its_ok_and_tab_reaches_all_of_it(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "fresh", None)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClicks(wizard.unit_code, "bad code")
    qtbot.keyClick(wizard.unit_code, Qt.Key.Key_Return)  # 完成设置: refused, with the reason
    assert "只能用字母、数字" in wizard.errors["unit_code"].text()
    assert walk_dialog(qtbot, wizard) == []


def test_refusals_in_the_set_up_and_a_step_do_not_move_their_buttons(
    qtbot: QtBot, tmp_path: Path, opened: Context, settings: QSettings
) -> None:
    wizard = SetupWizard(tmp_path / "fresh", None)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.move(100, 400)
    qtbot.waitUntil(lambda: wizard.pos().y() == 400)
    ok = wizard.ok_button
    before = ok.mapToGlobal(ok.rect().center())
    qtbot.keyClicks(wizard.unit_code, "bad code")
    qtbot.keyClicks(wizard.password, "short")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert wizard.errors["unit_code"].isVisible()
    qtbot.waitUntil(lambda: ok.mapToGlobal(ok.rect().center()) == before)

    window = window_for(qtbot, opened, settings)
    page = window.show_page("register:clues")
    assert isinstance(page, RegisterPage)
    reg = get("clues")
    clue_id = page.records.save(
        reg,
        {"source": "petition", "received_on": date(2022, 1, 5), "subject_name": "赵某", "secrecy": "none"},
    )
    page.reload()
    page.select_ids([clue_id])
    assert page.workflow is not None
    step = page.workflow.allowed_steps()[0]
    dialog = page.workflow.take_step(step)
    assert isinstance(dialog, TransitionDialog)
    qtbot.waitExposed(dialog)
    dialog.move(100, 400)
    qtbot.waitUntil(lambda: dialog.pos().y() == 400)
    button = dialog.ok_button
    before = button.mapToGlobal(button.rect().center())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # no reason given: refused
    assert dialog.error_text() and dialog.isVisible()
    qtbot.waitUntil(lambda: button.mapToGlobal(button.rect().center()) == before)
    dialog.reject()


def test_the_staffing_hint_is_shown_whole(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = window_for(qtbot, opened, settings)
    page = window.show_page("staffing")
    assert isinstance(page, StaffingPage)
    hint = page.totals_hint
    qtbot.waitUntil(hint.isVisible)  # no figures yet: the hint says where to enter them
    assert "监察对象与党员" in hint.text()
    assert hint.width() >= hint.sizeHint().width() and hint.height() >= hint.sizeHint().height()
