"""The log-in dialog: refusals, the countdown after repeated failures, a plain database encrypted
at first log-in, and starting the program with a password file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.security.keyslots import KeyFile
from app.security.throttle import LoginThrottle
from app.services.database import Database
from app.services.installation import initialise
from app.services.login import PLAIN_HEADER, Opened, create, state
from tests.ui.conftest import SETUP
from ui.dialogs.login_dialog import LAST_USER_KEY, LoginDialog
from ui.dialogs.recovery_key import PDF_DIR_KEY
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
def dialogs(qtbot: QtBot, settings: QSettings) -> Iterator[Callable[[Path], LoginDialog]]:
    made: list[LoginDialog] = []

    def make(folder: Path) -> LoginDialog:
        dialog = LoginDialog(folder, None, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        if dialog.opened is not None:
            dialog.opened.db.close()


def attempt(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.set_credentials(username, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10_000)


def snapshot(folder: Path) -> dict[str, bytes]:
    """The database and its key slots, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name.startswith(("jiwei.db", "keys"))}


def test_wrong_password_is_refused_and_changes_nothing(
    qtbot: QtBot, installation: Path, dialogs: Callable[[Path], LoginDialog]
) -> None:
    before = snapshot(installation)
    dialog = dialogs(installation)
    assert dialog.username.text() == "admin"  # the administrator made at set-up, the first time
    assert dialog.focusWidget() is dialog.password
    attempt(qtbot, dialog, "admin", "wrong-pass-1")
    assert dialog.message_text() == "用户名或密码不正确。"
    assert dialog.password.text() == "" and dialog.focusWidget() is dialog.password
    assert dialog.opened is None and dialog.isVisible()
    assert dialog.login_button.isEnabled()
    assert snapshot(installation) == before
    attempt(qtbot, dialog, "nobody", "wrong-pass-1")  # an unknown name reads the same
    assert dialog.message_text() == "用户名或密码不正确。"


def test_empty_fields_are_asked_for_without_trying(installation: Path, dialogs: Callable[[Path], LoginDialog]) -> None:
    dialog = dialogs(installation)
    dialog.set_credentials("admin", "")
    assert dialog.submit() is None
    assert dialog.message_text() == "请输入密码。"
    dialog.set_credentials("", "x")
    assert dialog.submit() is None
    assert dialog.message_text() == "请输入用户名。"


def test_right_password_opens_the_installation_and_remembers_the_name(
    qtbot: QtBot, installation: Path, settings: QSettings, dialogs: Callable[[Path], LoginDialog]
) -> None:
    dialog = dialogs(installation)
    attempt(qtbot, dialog, "admin", PASSWORD)
    opened = dialog.opened
    assert opened is not None
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (opened.actor.username, opened.actor.role) == ("admin", "admin")
    assert opened.recovery_key is None
    info = opened.db.installation()
    assert info is not None and info.unit_name == SETUP.unit_name
    assert settings.value(LAST_USER_KEY) == "admin"
    settings.setValue(LAST_USER_KEY, "someone")
    assert dialogs(installation).username.text() == "someone"


def test_repeated_failures_make_the_button_wait_out_a_countdown(
    qtbot: QtBot, installation: Path, dialogs: Callable[[Path], LoginDialog]
) -> None:
    dialog = dialogs(installation)
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
    qtbot: QtBot, installation: Path, dialogs: Callable[[Path], LoginDialog]
) -> None:
    throttle = LoginThrottle(installation)
    for _ in range(6):  # as if another try had failed six times: two seconds to wait
        throttle.failed("admin")
    dialog = dialogs(installation)
    assert "请 2 秒后再试" in dialog.message_text() or "请 1 秒后再试" in dialog.message_text()
    assert not dialog.login_button.isEnabled()
    dialog.username.setText("other")  # another name is not held up
    assert dialog.login_button.isEnabled() and dialog.message_text() == ""
    dialog.username.setText("admin")
    assert not dialog.login_button.isEnabled()
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=5_000)


def test_a_plain_database_is_encrypted_at_log_in_and_its_recovery_key_shown(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, dialogs: Callable[[Path], LoginDialog]
) -> None:
    folder = tmp_path / "old"
    plain = Database.open(folder)  # an installation from before encryption
    initialise(plain, SETUP)
    plain.close()
    assert state(folder, None) == "plain"
    dialog = dialogs(folder)
    attempt(qtbot, dialog, "admin", PASSWORD)
    assert dialog.showing_recovery_key()
    assert dialog.opened is None and dialog.isVisible()
    key = dialog.recovery.key_label.text()
    assert key and dialog.recovery.key == key
    assert not dialog.continue_button.isEnabled()
    dialog.reject()  # neither Esc nor closing skips the key
    assert dialog.isVisible()

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
    assert isinstance(opened, Opened)
    assert opened.recovery_key == key
    assert dialog.result() == dialog.DialogCode.Accepted
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
    before = snapshot(installation)
    refused = _run_main(tmp_path, installation, "wrong-pass-1")
    assert refused.returncode == 1
    assert "用户名或密码不正确" in refused.stderr
    assert snapshot(installation) == before
    ok = _run_main(tmp_path, installation, PASSWORD, "--user", "admin")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("shown "), ok.stdout  # the main window was shown, then it quit


def test_forgotten_password_is_reset_with_the_recovery_key_and_logs_in(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, dialogs: Callable[[Path], LoginDialog]
) -> None:
    folder = tmp_path / "y"
    first = create(folder, None, SETUP)
    key = first.recovery_key
    first.db.close()
    assert key
    dialog = dialogs(folder)
    recover = dialog.forgot_password()
    qtbot.addWidget(recover)
    assert recover.username.text() == "admin"
    recover.recovery_key.setText(key)
    recover.passwords.set_passwords("new2022pass")
    recover.submit()
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=10_000)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.opened is not None and dialog.opened.actor.username == "admin"
    dialog.opened.db.close()
    dialog.opened = None
    again = dialogs(folder)
    attempt(qtbot, again, "admin", "new2022pass")
    assert again.opened is not None
