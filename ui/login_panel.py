"""Log-in before anything is shown: user name, password, 登录, in the main window's place of its
contents (``ui.main_window``), which the program shows first.

The password check (argon2id, a few tenths of a second) and the opening of the database run on a
worker thread; the panel shows that it is busy meanwhile. A wrong password says so and empties
the password field; after repeated failures the button waits out a countdown. A database from
before encryption is encrypted by the log-in itself, and its new recovery key is shown once
before the program goes on.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.security.keyslots import KeyFile
from app.security.throttle import LoginThrottle
from ui.dialogs.recovery_key import RecoveryKeyPage
from ui.heading import heading_label
from ui.help_viewer import add_f1
from ui.i18n import tr_message
from ui.tasks import Progress, Task, run_task

if TYPE_CHECKING:
    from app.context import Context
    from app.services.login import LoginError
    from ui.dialogs.backup_dialogs import RecoverDialog, RestoreDialog

LAST_USER_KEY = "login/last_user"
LAST_UNIT_KEY = "login/last_unit"
ERROR_STYLE = "color: #b00020;"


class Countdown(QObject):
    """Seconds left before the next attempt is allowed; ``ticked(n)`` every second, 0 at the end."""

    ticked = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self._last = -1

    def start(self, seconds: int) -> None:
        self._deadline = time.monotonic() + max(0, seconds)
        self._last = -1
        if seconds > 0:
            self._timer.start()
        self._tick()

    def stop(self) -> None:
        self._timer.stop()
        self._deadline = 0.0

    def remaining(self) -> int:
        return max(0, int(self._deadline - time.monotonic() + 0.999))

    def running(self) -> bool:
        return self.remaining() > 0

    def _tick(self) -> None:
        left = self.remaining()
        if left == 0:
            self._timer.stop()
        if left != self._last:
            self._last = left
            self.ticked.emit(left)


class PasswordPrompt(QObject):
    """What the log-in panel and the lock screen share: the busy state, the message under the
    fields, the countdown after repeated failures, and the password field's reaction to a refusal."""

    def __init__(self, password: QLineEdit, button: QPushButton, message: QLabel, busy: QProgressBar) -> None:
        super().__init__(button)
        self.password = password
        self.button = button
        self.message = message
        self.busy_bar = busy
        self.busy = False
        self.base_text = ""
        self.countdown = Countdown(self)
        self.countdown.ticked.connect(self._ticked)
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setMaximumHeight(8)
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.setObjectName("loginMessage")
        # The message (two lines: why, and the countdown) and the busy bar keep their room when
        # hidden, so nothing below them moves when they come and go.
        message.setMinimumHeight(message.fontMetrics().lineSpacing() * 2 + 4)
        message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for widget in (busy, message):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            widget.hide()

    def set_busy(self, busy: bool, fields: list[QWidget]) -> None:
        self.busy = busy
        self.busy_bar.setVisible(busy)
        for w in fields:
            w.setEnabled(not busy)
        self._update_button()

    def _update_button(self) -> None:
        self.button.setEnabled(not self.busy and not self.countdown.running())

    def show_message(self, text: str) -> None:
        self.base_text = text
        self.countdown.stop()
        self._render(0)

    def refused(self, text: str, wait_seconds: int) -> None:
        """A refusal: show why, empty the password field, and count down ``wait_seconds``."""
        self.base_text = text
        self.password.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.countdown.start(wait_seconds)

    def wait(self, seconds: int) -> None:
        """Only the countdown (e.g. a throttle noticed before trying)."""
        self.base_text = ""
        self.countdown.start(seconds)

    def _ticked(self, left: int) -> None:
        self._render(left)
        self._update_button()

    def _render(self, left: int) -> None:
        parts = [self.base_text] if self.base_text else []
        if left > 0:
            parts.append(self.tr("连续输错密码，请 {n} 秒后再试。").format(n=left))
        text = "\n".join(parts)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._update_button()


def default_username(data_dir: Path, settings: QSettings) -> str:
    """The last user who logged in here, else the administrator made at set-up."""
    last = str(settings.value(LAST_USER_KEY, "") or "")
    if last:
        return last
    try:
        return KeyFile.load(data_dir).admin if KeyFile.exists(data_dir) else ""
    except (OSError, ValueError, KeyError):
        return ""


class LoginPanel(QWidget):
    """Log in to the installation in ``data_dir``: ``logged_in`` once ``opened`` is set (after the
    recovery key of a database just encrypted, when there is one); ``quit_requested`` on 退出."""

    logged_in = Signal()
    quit_requested = Signal()

    def __init__(
        self, data_dir: str | Path, db_url: str | None, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginPanel")
        self.data_dir = Path(data_dir)
        self.db_url = db_url
        self.settings = settings
        self.opened: Context | None = None
        self.last_task: Task | None = None
        self._pending: Context | None = None
        add_f1(self, "login")  # the manual, before the window has its 帮助 menu

        # ---- the log-in page -----------------------------------------------------------------
        self.login_page = QWidget()
        title = heading_label(self.tr("基层纪检监察工作台"), scale=1.6, name="loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(self.tr("请输入用户名和密码。"))
        # Which installation this is: its unit (remembered from the last log-in here; the name is
        # inside the encrypted database) and its data folder.
        self.installation_label = QLabel(self.installation_text())
        self.installation_label.setObjectName("installation")
        self.installation_label.setWordWrap(True)
        self.installation_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.installation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.installation_label.setStyleSheet("color: #555;")
        self.username = QLineEdit(default_username(self.data_dir, settings))
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        form = QFormLayout()
        user_label = QLabel(self.tr("用户名(&U)"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("密码(&P)"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        self.message = QLabel()
        self.busy_bar = QProgressBar()
        self.login_button = QPushButton(self.tr("登录"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.request_quit)
        self.forgot_button = QPushButton(self.tr("忘记密码…"))
        self.forgot_button.setToolTip(self.tr("用设置时打印的恢复密钥为账号设置新密码"))
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self.forgot_password)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setToolTip(
            self.tr("数据损坏或丢失时，用备份文件恢复（现有文件先移到一旁，不删除）")
        )
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_backup)
        extra = QHBoxLayout()
        extra.addWidget(self.forgot_button)
        extra.addWidget(self.restore_button)
        extra.addStretch(1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.prompt = PasswordPrompt(self.password, self.login_button, self.message, self.busy_bar)
        page = QVBoxLayout(self.login_page)
        page.addWidget(title)
        page.addWidget(self.installation_label)
        page.addSpacing(12)
        page.addWidget(heading)
        page.addLayout(form)
        page.addWidget(self.message)
        page.addWidget(self.busy_bar)
        page.addStretch(1)
        page.addLayout(extra)
        page.addWidget(buttons)

        # ---- the recovery key of a database that was just encrypted ----------------------------
        self.key_page = QWidget()
        self.recovery = RecoveryKeyPage(settings)
        converted = QLabel(self.tr("本机数据库已按新版本的要求加密。"))
        converted.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("继续"))
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        self.continue_button.setToolTip(self.tr("请先勾选“我已抄写或打印并妥善保管恢复密钥”"))
        self.continue_button.clicked.connect(self.finish)
        self.recovery.confirmed.connect(self.continue_button.setEnabled)
        key_buttons = QDialogButtonBox()
        key_buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        key_layout = QVBoxLayout(self.key_page)
        key_layout.addWidget(converted)
        key_layout.addWidget(self.recovery, 1)
        key_layout.addWidget(key_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.login_page)
        self.pages.addWidget(self.key_page)
        self.key_page.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored
        )  # small until shown
        # A box of a form's width in the middle of the window, whatever the window's size.
        box = QFrame()
        box.setObjectName("loginBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMinimumWidth(420)
        box.setMaximumWidth(560)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.pages)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 2)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

        self._focused = False  # the first field to type into takes the focus when first shown
        self._check_throttle()
        self.username.textChanged.connect(self._username_changed)
        # Not a dialog: no default button takes Enter, so the fields do.
        self.username.returnPressed.connect(self._enter_in_username)
        self.password.returnPressed.connect(self.submit)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._focused:
            self._focused = True
            (self.password if self.username.text() else self.username).setFocus(
                Qt.FocusReason.OtherFocusReason
            )

    def installation_text(self) -> str:
        unit = str(self.settings.value(LAST_UNIT_KEY, "") or "")
        folder = str(self.data_dir)
        if unit:
            return self.tr("{unit} · 数据文件夹：{folder}").format(unit=unit, folder=folder)
        return self.tr("数据文件夹：{folder}").format(folder=folder)

    def _remember_unit(self, opened: Context) -> None:
        try:
            info = opened.db.installation()
        except Exception:  # only a label: the log-in goes on regardless
            return
        if info is not None:
            self.settings.setValue(LAST_UNIT_KEY, info.unit_name)

    # ---- for tests and for the window ------------------------------------------------------------
    def set_credentials(self, username: str, password: str) -> None:
        self.username.setText(username)
        self.password.setText(password)

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def is_busy(self) -> bool:
        return self.prompt.busy

    def showing_recovery_key(self) -> bool:
        return self.pages.currentWidget() is self.key_page

    # ---- logging in --------------------------------------------------------------------------------
    def _check_throttle(self) -> None:
        name = self.username.text().strip()
        if name:
            wait = LoginThrottle(self.data_dir).wait_seconds(name)
            if wait:
                self.prompt.wait(wait)

    def _enter_in_username(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus(Qt.FocusReason.TabFocusReason)

    def _username_changed(self, _text: str) -> None:
        self.prompt.show_message("")
        self._check_throttle()

    def submit(self) -> Task | None:
        """Check the typed name and password on a worker thread; None when nothing was started."""
        if self.prompt.busy or self.prompt.countdown.running():
            return None
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.prompt.show_message(self.tr("请输入用户名。"))
            self.username.setFocus()
            return None
        if not password:
            self.prompt.show_message(self.tr("请输入密码。"))
            self.password.setFocus()
            return None
        self.prompt.show_message("")
        self.prompt.set_busy(True, self._fields())
        data_dir, db_url = self.data_dir, self.db_url

        def work(_progress: Progress) -> Context | LoginError:
            # The services (and SQLAlchemy) load here, on the worker, after the window is up.
            from app.services.login import LoginError, login

            try:
                return login(data_dir, db_url, username, password)
            except LoginError as exc:  # an answer, not a failure
                return exc

        self.last_task = run_task(
            self,
            work,
            title=self.tr("登录"),
            label=self.tr("正在验证密码…"),
            on_success=self._answered,
            cancellable=False,
        )
        self.last_task.failed.connect(lambda _text: self._unbusy())
        return self.last_task

    def _fields(self) -> list[QWidget]:
        return [self.username, self.password, self.quit_button, self.forgot_button, self.restore_button]

    def _unbusy(self) -> None:
        self.prompt.set_busy(False, self._fields())

    def _answered(self, result: object) -> None:
        from app.context import Context  # loaded by the log-in itself
        from app.services.login import LoginError

        self._unbusy()
        if isinstance(result, LoginError):
            if result.wait_seconds:  # the countdown says it all
                self.prompt.refused("", result.wait_seconds)
            else:  # the failure may have made the next attempt wait
                wait = LoginThrottle(self.data_dir).wait_seconds(self.username.text().strip())
                self.prompt.refused(tr_message(result.message), wait)
            return
        assert isinstance(result, Context)
        self.settings.setValue(LAST_USER_KEY, result.actor.username)
        self._remember_unit(result)
        if result.recovery_key:
            self._pending = result
            from app.services.first_run import record_recovery_sheet

            self.recovery.record_sheet = lambda printed: record_recovery_sheet(
                result.db, result.actor.username, printed
            )
            info = result.db.installation()
            self.recovery.set_key(
                result.recovery_key,
                unit_name=info.unit_name if info else "",
                county_name=info.county_name if info else "",
            )
            self.login_page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.key_page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            self.pages.setCurrentWidget(self.key_page)
            self.recovery.check.setFocus()
            return
        self._done(result)

    # ---- no password, no data ----------------------------------------------------------------------
    def forgot_password(self) -> RecoverDialog:
        """The recovery key gives an account a new password, and logs it in."""
        from ui.dialogs.backup_dialogs import RecoverDialog

        dialog = RecoverDialog(
            self.data_dir, self.db_url, self.settings, self, username=self.username.text().strip()
        )

        def done(result: int) -> None:
            if result and dialog.opened is not None:
                self.settings.setValue(LAST_USER_KEY, dialog.opened.actor.username)
                self._remember_unit(dialog.opened)
                self._done(dialog.opened)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def restore_backup(self) -> RestoreDialog:
        """Put a backup in place of this folder's data (nothing is open yet), then log in to it."""
        from ui.dialogs.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self.data_dir, self.settings, self, db_url=self.db_url)

        def done(result: int) -> None:
            if result:
                self.prompt.show_message("")
                self.password.clear()
                self.password.setFocus()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def finish(self) -> None:
        """After the recovery key was shown: go on once the person ticked that they kept it."""
        if self._pending is None or not self.recovery.is_confirmed():
            return
        opened, self._pending = self._pending, None
        self._done(opened)

    def _done(self, opened: Context) -> None:
        self.opened = opened
        self.password.clear()
        self.logged_in.emit()

    def can_close(self) -> bool:
        """Not while the password is being checked, nor once logged in with the key on screen."""
        return not self.prompt.busy and self._pending is None

    def request_quit(self) -> bool:
        """退出: ``quit_requested`` unless the panel cannot be left now (see ``can_close``)."""
        if not self.can_close():
            return False
        self.quit_requested.emit()
        return True
