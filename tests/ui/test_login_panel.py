"""The log-in, in the main window shown first: refusals, the countdown after repeated failures, a
plain database encrypted at first log-in, the window becoming the registers once logged in, and
starting the program with a password file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTreeWidget
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.security.keyslots import KeyFile
from app.security.throttle import LoginThrottle
from app.services.installation import initialise
from app.services.login import PLAIN_HEADER, create, state
from tests.ui.conftest import SETUP
from ui.dialogs.recovery_key import PDF_DIR_KEY
from ui.login_panel import LAST_USER_KEY, LoginPanel
from ui.main_window import MainWindow
from ui.tasks import TaskState

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = SETUP.admin_password


@pytest.fixture
def installation(tmp_path: Path) -> Path:
    """An encrypted installation (administrator admin), closed again."""
    folder = tmp_path / "x"
    create(folder, None, SETUP).db.close()
    return folder


@pytest.fixture
def windows(qtbot: QtBot, settings: QSettings) -> Iterator[Callable[[Path], MainWindow]]:
    """The main window as the program first shows it: at the log-in to ``folder``."""
    made: list[MainWindow] = []

    def make(folder: Path) -> MainWindow:
        window = MainWindow(None, settings, sign_in=LoginPanel(folder, None, settings))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.opened is not None:
            window.idle_lock.stop()
            window.opened.db.close()


def panel_of(window: MainWindow) -> LoginPanel:
    assert window.sign_in is not None
    return window.sign_in


def attempt(qtbot: QtBot, dialog: LoginPanel, username: str, password: str) -> None:
    dialog.set_credentials(username, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)


def snapshot(folder: Path) -> dict[str, bytes]:
    """The database and its key slots, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name.startswith(("jiwei.db", "keys"))}


def test_wrong_password_is_refused_and_changes_nothing(
    qtbot: QtBot, installation: Path, windows: Callable[[Path], MainWindow]
) -> None:
    before = snapshot(installation)
    window = windows(installation)
    dialog = panel_of(window)
    assert dialog.username.text() == "admin"  # the administrator made at set-up, the first time
    assert window.focusWidget() is dialog.password
    attempt(qtbot, dialog, "admin", "wrong-pass-1")
    assert dialog.message_text() == "用户名或密码不正确。"
    assert dialog.password.text() == "" and window.focusWidget() is dialog.password
    assert dialog.opened is None and dialog.isVisible()
    assert dialog.login_button.isEnabled()
    assert snapshot(installation) == before
    attempt(qtbot, dialog, "nobody", "wrong-pass-1")  # an unknown name reads the same
    assert dialog.message_text() == "用户名或密码不正确。"


def test_empty_fields_are_asked_for_without_trying(installation: Path, windows: Callable[[Path], MainWindow]) -> None:
    window = windows(installation)
    dialog = panel_of(window)
    dialog.set_credentials("admin", "")
    assert dialog.submit() is None
    assert dialog.message_text() == "请输入密码。"
    dialog.set_credentials("", "x")
    assert dialog.submit() is None
    assert dialog.message_text() == "请输入用户名。"


def test_right_password_opens_the_installation_and_remembers_the_name(
    qtbot: QtBot, installation: Path, settings: QSettings, windows: Callable[[Path], MainWindow]
) -> None:
    window = windows(installation)
    dialog = panel_of(window)
    attempt(qtbot, dialog, "admin", PASSWORD)
    opened = dialog.opened
    assert opened is not None
    assert window.is_signed_in() and window.opened is opened
    assert (opened.actor.username, opened.actor.role) == ("admin", "admin")
    assert opened.recovery_key is None
    info = opened.db.installation()
    assert info is not None and info.unit_name == SETUP.unit_name
    assert settings.value(LAST_USER_KEY) == "admin"
    settings.setValue(LAST_USER_KEY, "someone")
    assert panel_of(windows(installation)).username.text() == "someone"


def test_repeated_failures_make_the_button_wait_out_a_countdown(
    qtbot: QtBot, installation: Path, windows: Callable[[Path], MainWindow]
) -> None:
    window = windows(installation)
    dialog = panel_of(window)
    for _ in range(5):  # the fifth failure makes the next attempt wait a second
        attempt(qtbot, dialog, "admin", "wrong-pass-1")
    assert "用户名或密码不正确。" in dialog.message_text()
    assert "秒后再试" in dialog.message_text()
    assert not dialog.login_button.isEnabled()
    dialog.set_credentials("admin", PASSWORD)
    assert dialog.submit() is None  # Enter does not get past the countdown either
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=5_000)
    assert "秒后再试" not in dialog.message_text()
    attempt(qtbot, dialog, "admin", PASSWORD)
    assert dialog.opened is not None


def test_a_throttled_user_sees_the_countdown_at_once(
    qtbot: QtBot, installation: Path, windows: Callable[[Path], MainWindow]
) -> None:
    throttle = LoginThrottle(installation)
    for _ in range(6):  # as if another try had failed six times: two seconds to wait
        throttle.failed("admin")
    window = windows(installation)
    dialog = panel_of(window)
    assert "请 2 秒后再试" in dialog.message_text() or "请 1 秒后再试" in dialog.message_text()
    assert not dialog.login_button.isEnabled()
    dialog.username.setText("other")  # another name is not held up
    assert dialog.login_button.isEnabled() and dialog.message_text() == ""
    dialog.username.setText("admin")
    assert not dialog.login_button.isEnabled()
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=5_000)


def test_a_plain_database_is_encrypted_at_log_in_and_its_recovery_key_shown(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, windows: Callable[[Path], MainWindow]
) -> None:
    folder = tmp_path / "old"
    plain = Database.open(folder)  # an installation from before encryption
    initialise(plain, SETUP)
    plain.close()
    assert state(folder, None) == "plain"
    window = windows(folder)
    dialog = panel_of(window)
    attempt(qtbot, dialog, "admin", PASSWORD)
    assert dialog.showing_recovery_key()
    assert dialog.opened is None and dialog.isVisible()
    key = dialog.recovery.key_label.text()
    assert key and dialog.recovery.key == key
    assert not dialog.continue_button.isEnabled()
    assert not dialog.request_quit()  # neither 退出 nor closing the window skips the key
    window.close()
    assert window.isVisible() and dialog.isVisible()

    pdf = tmp_path / "sheets" / "key.pdf"
    pdf.parent.mkdir()
    task = dialog.recovery.save_pdf_to(pdf)
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=10_000)
    assert task.state is TaskState.SUCCEEDED, task.error_text
    assert pdf.read_bytes().startswith(b"%PDF")
    assert settings.value(PDF_DIR_KEY) == str(pdf.parent)
    dialog.recovery.copy_key()
    clipboard = QApplication.clipboard()
    assert clipboard.text() == key
    clipboard.clear()

    check = dialog.recovery.check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    opened = dialog.opened
    assert isinstance(opened, Context)
    assert opened.recovery_key == key
    assert window.is_signed_in() and window.opened is opened
    assert state(folder, None) == "encrypted" and KeyFile.exists(folder)
    assert (folder / "jiwei.db").read_bytes()[:16] != PLAIN_HEADER


def _run_main(tmp_path: Path, folder: Path, password: str, *extra: str) -> subprocess.CompletedProcess[str]:
    secret = tmp_path / "password.txt"
    secret.write_text(password + "\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIWEI_PASSWORD_FILE": str(secret),
        "JIWEI_QUIT_WHEN_SHOWN": "1",
    }
    return subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(folder), *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_main_logs_in_with_a_password_file_and_refuses_a_wrong_one(tmp_path: Path, installation: Path) -> None:
    """A process: what is checked is ``main.py``'s exit status (1 refused, 0 shown and quit)."""
    before = snapshot(installation)
    refused = _run_main(tmp_path, installation, "wrong-pass-1")
    assert refused.returncode == 1
    assert "用户名或密码不正确" in refused.stderr
    assert snapshot(installation) == before
    ok = _run_main(tmp_path, installation, PASSWORD, "--user", "admin")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("shown "), ok.stdout  # the main window was shown, then it quit


def test_forgotten_password_is_reset_with_the_recovery_key_and_logs_in(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, windows: Callable[[Path], MainWindow]
) -> None:
    folder = tmp_path / "y"
    first = create(folder, None, SETUP)
    key = first.recovery_key
    first.db.close()
    assert key
    window = windows(folder)
    dialog = panel_of(window)
    recover = dialog.forgot_password()  # a child of the panel, gone with it once logged in
    assert recover.username.text() == "admin"
    recover.recovery_key.setText(key)
    recover.passwords.set_passwords("new2022pass")
    recover.submit()
    qtbot.waitUntil(window.is_signed_in, timeout=10_000)
    assert window.opened is not None and window.opened.actor.username == "admin"
    window.close()
    window.opened.db.close()  # before the same folder is opened again (closing twice is harmless)
    again = windows(folder)
    attempt(qtbot, panel_of(again), "admin", "new2022pass")
    assert again.is_signed_in()


def test_the_window_shows_only_the_log_in_until_someone_logs_in_then_its_registers(
    qtbot: QtBot, installation: Path, settings: QSettings, windows: Callable[[Path], MainWindow]
) -> None:
    settings.setValue("window/last_page", "register:staff")
    window = windows(installation)
    panel = panel_of(window)
    assert window.windowTitle() == "登录 — 基层纪检监察工作台"
    assert window.centralWidget().isAncestorOf(panel) and panel.isVisible()
    assert window.menuBar().actions() == [] and not window.findChildren(QTreeWidget)  # nothing else yet
    assert window.focusWidget() is panel.password  # the name is filled in: type the password
    qtbot.keyClicks(panel.password, PASSWORD)
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)  # Enter logs in: no dialog's default button here
    assert panel.is_busy()
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        pass
    assert window.is_signed_in() and window.sign_in is None
    assert panel.password.text() == ""  # the typed password is not kept in a widget
    assert window.windowTitle() == f"基层纪检监察工作台 — {SETUP.unit_name}"
    assert window.current_page_key() == "register:staff"  # the last page, as before
    assert [a.text() for a in window.menuBar().actions()][:3] == ["文件(&F)", "编辑(&E)", "系统管理(&M)"]
    assert SETUP.unit_name in window.unit_label.text()


def test_enter_in_the_user_name_moves_to_the_password_and_quitting_closes_the_window(
    qtbot: QtBot, installation: Path, settings: QSettings, windows: Callable[[Path], MainWindow]
) -> None:
    window = windows(installation)
    panel = panel_of(window)
    panel.username.setFocus()
    qtbot.keyClick(panel.username, Qt.Key.Key_Return)
    assert window.focusWidget() is panel.password and not panel.is_busy()
    assert panel.message_text() == ""
    attempt(qtbot, panel, "admin", "wrong-pass-1")
    window.move(40, 50)
    qtbot.mouseClick(panel.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible() and not window.is_signed_in()
    assert settings.value("window/geometry") is not None  # its place is remembered even so
    assert settings.value("window/state") is None  # nothing of the registers' layout was there


def test_the_window_does_not_close_while_the_password_is_checked(
    qtbot: QtBot, installation: Path, windows: Callable[[Path], MainWindow]
) -> None:
    window = windows(installation)
    panel = panel_of(window)
    panel.set_credentials("admin", PASSWORD)
    task = panel.submit()
    assert task is not None
    window.close()  # the check is under way: the window stays, and opens when it ends
    assert window.isVisible()
    qtbot.waitUntil(window.is_signed_in, timeout=10_000)
    assert window.isVisible()
