"""First start: what this installation is (county, township or dispatched group) and its administrator.

``app.services.login.create`` makes the keys, the encrypted database and the administrator on a
worker thread (two argon2id key slots take about a second); then the recovery key is shown once,
and the wizard closes only after the person ticked that they copied or printed it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import Context
from app.db.database import InstallationInfo
from app.i18n import Message
from app.registers.org import POST_CHOICES, POSTS_BY_UNIT_TYPE
from app.services.first_run import record_recovery_sheet
from app.services.installation import SetupError, SetupRequest
from app.services.login import create
from ui.dialogs.recovery_key import RecoveryKeyPage
from ui.help_viewer import add_f1
from ui.i18n import tr_message, tr_register
from ui.steady import bottom_kept
from ui.tasks import Progress, Task, run_task

ERROR_STYLE = "color: #b00020;"
COUNTY_COMMISSION_SUFFIX = "纪委监委"


class SetupWizard(QDialog):
    """Asks once, on first start, which unit this installation belongs to; ``opened`` afterwards."""

    created = Signal()  # the installation exists; its recovery key is on screen

    def __init__(
        self,
        data_dir: str | Path,
        db_url: str | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.db_url = db_url
        self.settings = settings
        self.result_info: InstallationInfo | None = None
        self.opened: Context | None = None
        self.restored = False  # a backup was restored instead: log in to it
        self.last_task: Task | None = None
        self.busy = False
        add_f1(self, "setup")  # the manual's part on setting up
        self.setWindowTitle(self.tr("首次使用：设置本机"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "请说明这台电脑属于哪个单位。设置后不能更改；\n"
                "单位代码由县纪委监委统一编排，请向县纪委监委确认后填写。"
            )
        )
        intro.setWordWrap(True)

        type_box = QGroupBox(self.tr("本机类型"))
        type_layout = QHBoxLayout(type_box)
        self.type_group = QButtonGroup(self)
        self.type_buttons: dict[str, QRadioButton] = {}
        for key, label in (
            ("township", self.tr("乡镇纪委")),
            ("group", self.tr("派驻纪检监察组")),
            ("county", self.tr("县纪委监委")),
        ):
            button = QRadioButton(label)
            self.type_group.addButton(button)
            self.type_buttons[key] = button
            type_layout.addWidget(button)
        self.type_buttons["township"].setChecked(True)
        self.type_group.buttonToggled.connect(self._type_changed)

        self.county_code = QLineEdit()
        self.county_name = QLineEdit()
        self.unit_code = QLineEdit()
        self.unit_name = QLineEdit()
        self.admin_username = QLineEdit("admin")
        # The administrator as a staff member (承办人 lists are not empty on day one): optional.
        self.admin_name = QLineEdit()
        self.admin_name.setMaxLength(64)
        self.admin_name.setPlaceholderText(self.tr("选填：填写后同时登记为本单位人员"))
        self.admin_post = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        for edit, length in (
            (self.county_code, 32),
            (self.unit_code, 32),
            (self.county_name, 100),
            (self.unit_name, 100),
            (self.admin_username, 64),
        ):
            edit.setMaxLength(length)
        self.county_code.setPlaceholderText(self.tr("例如 X01"))
        self.county_name.setPlaceholderText(self.tr("例如 示范县"))
        self.unit_code.setPlaceholderText(self.tr("例如 X01-T03"))
        self.unit_name.setPlaceholderText(self.tr("例如 城关镇纪委"))

        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.unit_rows: list[QWidget] = []
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("county_code", self.tr("县代码 *"), self.county_code),
            ("county_name", self.tr("县名称 *"), self.county_name),
            ("unit_code", self.tr("本单位代码 *"), self.unit_code),
            ("unit_name", self.tr("本单位名称 *"), self.unit_name),
            ("admin_username", self.tr("管理员用户名 *"), self.admin_username),
            ("admin_name", self.tr("您的姓名"), self.admin_name),
            ("admin_post", self.tr("您的岗位"), self.admin_post),
            ("admin_password", self.tr("管理员密码 *"), self.password),
            ("password_again", self.tr("再次输入密码 *"), self.password_again),
        )
        for key, label_text, widget in rows:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(widget)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            self.errors[key] = error
            row_label = QLabel(label_text)
            row_label.setBuddy(widget)
            form.addRow(row_label, holder)
            if key in ("unit_code", "unit_name"):
                self.unit_rows.extend([row_label, holder])
        self.errors["unit_type"] = QLabel()
        self.errors["unit_type"].setStyleSheet(ERROR_STYLE)
        self.errors["unit_type"].hide()

        hint = QLabel(self.tr("密码至少 8 位，须同时包含字母和数字。请牢记，忘记后需由管理员重置。"))
        hint.setWordWrap(True)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("完成设置"))
        self.quit_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.quit_button.setText(self.tr("退出"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setToolTip(self.tr("这台电脑换过或重装过：用以前的备份文件恢复全部数据"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_backup)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept_setup)
        buttons.rejected.connect(self.reject)

        self.form_page = QWidget()
        form_layout = QVBoxLayout(self.form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(intro)
        form_layout.addWidget(type_box)
        form_layout.addWidget(self.errors["unit_type"])
        form_layout.addLayout(form)
        form_layout.addWidget(hint)
        form_layout.addWidget(self.busy_bar)
        form_layout.addWidget(buttons)

        # ---- after set-up: the recovery key --------------------------------------------------------
        self.key_page = QWidget()
        self.recovery = RecoveryKeyPage(settings)
        self.finish_button = QPushButton(self.tr("完成"))
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setEnabled(False)
        self.finish_button.setToolTip(self.tr("请先勾选“我已抄写或打印并妥善保管恢复密钥”"))
        self.finish_button.clicked.connect(self.finish)
        self.recovery.confirmed.connect(self.finish_button.setEnabled)
        key_buttons = QDialogButtonBox()
        key_buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        key_layout = QVBoxLayout(self.key_page)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.recovery, 1)
        key_layout.addWidget(key_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.key_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._type_changed()

    def unit_type(self) -> str:
        for key, button in self.type_buttons.items():
            if button.isChecked():
                return key
        return ""

    def _type_changed(self, *_args: object) -> None:
        county = self.unit_type() == "county"
        for w in self.unit_rows:
            w.setVisible(not county)
        labels = dict(POST_CHOICES)
        wanted = self.admin_post.currentData()
        self.admin_post.clear()
        self.admin_post.addItem(self.tr("（不登记为人员）"), "")
        for post in POSTS_BY_UNIT_TYPE.get(self.unit_type(), ()):
            self.admin_post.addItem(tr_register(labels[post]), post)
        self.admin_post.setCurrentIndex(max(0, self.admin_post.findData(wanted)))

    def request(self) -> SetupRequest:
        county = self.unit_type() == "county"
        return SetupRequest(
            unit_type=self.unit_type(),
            unit_code=(self.county_code if county else self.unit_code).text().strip(),
            # The county commission's name is data shared with every unit: never translated.
            unit_name=(self.county_name.text().strip() + COUNTY_COMMISSION_SUFFIX)
            if county
            else self.unit_name.text().strip(),
            county_code=self.county_code.text().strip(),
            county_name=self.county_name.text().strip(),
            admin_username=self.admin_username.text().strip(),
            admin_password=self.password.text(),
            admin_name=self.admin_name.text().strip(),
            admin_post=str(self.admin_post.currentData() or ""),
            prefill=True,  # 办理期限设置 and 检查事项设置 from the rules (app.services.first_run)
        )

    def show_errors(self, messages: dict[str, Message | str]) -> None:
        with bottom_kept(self):  # 完成设置 stays under the pointer
            for key, label in self.errors.items():
                msg = messages.get(key)
                if msg is None:
                    label.hide()
                    continue
                label.setText(tr_message(msg) if isinstance(msg, Message) else msg)
                label.show()

    def accept_setup(self) -> bool:
        """Validate, then create the installation on a worker thread; True when it was started.

        On success the recovery key page is shown (``created`` is emitted); 完成 closes the wizard."""
        if self.busy or self.opened is not None:
            return False
        req = self.request()
        problems: dict[str, Message | str] = dict(req.problems())
        if req.unit_type == "county":
            for src, dst in (("unit_code", "county_code"), ("unit_name", "county_name")):
                if src in problems and dst not in problems:
                    problems[dst] = problems.pop(src)
                else:
                    problems.pop(src, None)
        if self.password.text() != self.password_again.text():
            problems["password_again"] = self.tr("两次输入的密码不一致。")
        if problems:
            self.show_errors(problems)
            return False
        self.show_errors({})
        self._set_busy(True)
        data_dir, db_url = self.data_dir, self.db_url

        def work(_progress: Progress) -> Context | SetupError:
            try:
                return create(data_dir, db_url, req)
            except SetupError as exc:  # an answer, not a failure
                return exc

        self.last_task = run_task(
            self,
            work,
            title=self.tr("首次使用：设置本机"),
            label=self.tr("正在创建加密数据库和密钥…"),
            on_success=self._created,
            cancellable=False,
        )
        self.last_task.failed.connect(lambda _text: self._set_busy(False))
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_bar.setVisible(busy)
        for w in (self.ok_button, self.quit_button, self.restore_button, *self.type_buttons.values()):
            w.setEnabled(not busy)
        for edit in (
            self.county_code, self.county_name, self.unit_code, self.unit_name,
            self.admin_username, self.admin_name, self.password, self.password_again,
        ):  # fmt: skip
            edit.setReadOnly(busy)
        self.admin_post.setEnabled(not busy)

    def _created(self, result: object) -> None:
        self._set_busy(False)
        if isinstance(result, SetupError):
            self.show_errors(dict(result.messages))
            return
        assert isinstance(result, Context)
        self.opened = result
        self.result_info = result.db.installation()
        self.password.clear()
        self.password_again.clear()
        info = self.result_info
        self.recovery.record_sheet = lambda printed: record_recovery_sheet(
            result.db, result.actor.username, printed
        )
        self.recovery.set_key(
            result.recovery_key or "",
            unit_name=info.unit_name if info else "",
            county_name=info.county_name if info else "",
        )
        self.pages.setCurrentWidget(self.key_page)
        self.setWindowTitle(self.tr("首次使用：恢复密钥"))
        self.recovery.check.setFocus()
        self.created.emit()

    def showing_recovery_key(self) -> bool:
        return self.pages.currentWidget() is self.key_page

    def finish(self) -> bool:
        """完成: only once the recovery key is confirmed as kept."""
        if self.opened is None or not self.recovery.is_confirmed():
            return False
        self.accept()
        return True

    def restore_backup(self) -> None:
        """Restore a backup into this (empty) data folder instead of setting up anew."""
        from ui.dialogs.backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self.data_dir, self.settings, self, db_url=self.db_url)
        if dialog.exec():
            self.restored = True
            self.accept()

    def reject(self) -> None:
        # Not while the installation is being made, nor once it exists: its key must be seen.
        if self.busy or self.opened is not None:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.busy or self.opened is not None:
            event.ignore()
            return
        super().closeEvent(event)
