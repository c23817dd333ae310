"""Backup and recovery in the window: 备份, 从备份恢复, 新的恢复密钥, 用恢复密钥重设密码.

Every slow step (the snapshot, hashing, argon2id) runs through ``ui.tasks.run_task``; the work
itself is done by ``app.services.backup`` and ``app.services.recovery``. Nothing here opens a
database session. Refusals from those services (a damaged file, a wrong password …) come back
as Chinese messages shown in the dialog, not as error boxes.

``RestoreDialog`` replaces the files of a data folder: the program must not have that folder's
database open (the set-up wizard uses it on an empty folder; to replace a folder in use, close
the installation first and start again afterwards).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import os_errors
from app.context import Context
from app.db.engine import is_sqlite
from app.i18n import Message
from app.security.keyslots import KeyFile
from app.security.roles import PermissionDenied
from app.services import backup as backup_service
from app.services import recovery as recovery_service
from app.services.accounts import MIN_PASSWORD_LENGTH
from app.services.backup import BackupError, Manifest, RestoreResult
from app.services.recovery import RecoveryError
from ui.i18n import tr_message
from ui.steady import keep_room_for, quiet_width
from ui.tasks import Progress, Task, TaskState, run_task

FOLDER_KEY = "backup/folder"  # where the last backup was written
RESTORE_DIR_KEY = "backup/restore_dir"  # where the last backup file was chosen from
REFUSALS = (BackupError, RecoveryError, PermissionDenied)
ERROR_STYLE = (
    "QLabel#dialogError { color: #c62828; background: #fdecea; border: 1px solid #f3b9b5;"
    " border-radius: 3px; padding: 6px; }"
)


@dataclass(frozen=True)
class Refused:
    """What a task returns instead of raising when a service refused (shown in the dialog)."""

    message: Message


def _refusable(fn: Callable[[Progress], Any]) -> Callable[[Progress], Any]:
    def work(progress: Progress) -> Any:
        try:
            return fn(progress)
        except REFUSALS as exc:
            return Refused(exc.message)

    return work


def _setting(settings: QSettings | None, key: str) -> str:
    return str(settings.value(key, "") or "") if settings is not None else ""


def _local_time(manifest: Manifest) -> str:
    return f"{manifest.created.astimezone():%Y-%m-%d %H:%M:%S}"


def _size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogError")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def password_edit(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class NewPassword(QWidget):
    """A new password typed twice (the policy itself is checked by the service)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_edit = password_edit(self.tr("新密码"))
        self.repeat_edit = password_edit(self.tr("再输入一次新密码"))
        hint = QLabel(self.tr("至少 {n} 位，须同时包含字母和数字（或符号）。").format(n=MIN_PASSWORD_LENGTH))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("新密码(&N)"), self.new_edit)
        form.addRow(self.tr("确认新密码(&R)"), self.repeat_edit)
        form.addRow("", hint)

    def password(self) -> str:
        return self.new_edit.text()

    def problem(self) -> str | None:
        if not self.new_edit.text():
            return self.tr("请填写新密码。")
        if self.new_edit.text() != self.repeat_edit.text():
            return self.tr("两次输入的新密码不一致。")
        return None

    def set_passwords(self, new: str, repeat: str | None = None) -> None:
        self.new_edit.setText(new)
        self.repeat_edit.setText(new if repeat is None else repeat)

    def clear(self) -> None:
        self.new_edit.clear()
        self.repeat_edit.clear()


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose mnemonic moves the focus to ``widget`` (a row whose field is a layout)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _key_font_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    edit.setPlaceholderText("XXXX-XXXX-XXXX-…")
    edit.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


# ---- 备份 -------------------------------------------------------------------------------------------------
class BackupDialog(QDialog):
    """Make a backup now into a chosen folder, and set the automatic backups made at exit."""

    def __init__(self, opened: Context, settings: QSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.settings = settings
        self.task: Task | None = None
        self.last_path: Path | None = None
        self.last_manifest: Manifest | None = None
        self.setWindowTitle(self.tr("备份"))
        self.setMinimumWidth(560)
        server = not is_sqlite(opened.db.url)

        intro = QLabel(
            self.tr(
                "备份文件本身是加密的，打开它需要一名管理员的密码或恢复密钥。"
                "请把备份存到另一处（例如 U 盘或单位的备份盘），不要只留在这台电脑上。"
            )
        )
        intro.setWordWrap(True)

        self.folder_edit = QLineEdit(self._initial_folder())
        self.folder_edit.setObjectName("backupFolder")
        self.browse_button = QPushButton(self.tr("浏览(&W)…"))
        self.browse_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.backup_button = QPushButton(self.tr("立即备份(&B)"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.setDefault(True)
        self.backup_button.clicked.connect(self.start_backup)

        self.result_label = QLabel()
        self.result_label.setObjectName("backupResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = _error_label()

        now_box = QGroupBox(self.tr("立即备份"))
        now_layout = QFormLayout(now_box)
        now_layout.addRow(_buddy(self.tr("保存到(&F)"), self.folder_edit), folder_row)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.backup_button)
        now_layout.addRow(button_row)

        auto = backup_service.auto_settings(opened.folder)
        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("autoKeep")
        self.keep_spin.setRange(0, backup_service.MAX_KEEP)
        self.keep_spin.setValue(auto.keep)
        self.keep_spin.setSpecialValueText(self.tr("不自动备份"))
        self.keep_spin.setSuffix(self.tr(" 份"))
        self.auto_folder_edit = QLineEdit(str(auto.folder) if auto.folder else "")
        self.auto_folder_edit.setObjectName("autoFolder")
        self.auto_folder_edit.setPlaceholderText(str(opened.folder / backup_service.AUTO_FOLDER))
        self.auto_browse_button = QPushButton(self.tr("浏览…"))
        self.auto_browse_button.clicked.connect(self.choose_auto_folder)
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto_folder_edit, 1)
        auto_row.addWidget(self.auto_browse_button)
        auto_note = QLabel(self.tr("每次退出程序时自动备份一次，只保留最近的几份，更早的自动删除。"))
        auto_note.setWordWrap(True)
        auto_box = QGroupBox(self.tr("退出时自动备份"))
        auto_layout = QFormLayout(auto_box)
        auto_layout.addRow(auto_note)
        auto_layout.addRow(self.tr("保留(&K)"), self.keep_spin)
        auto_layout.addRow(_buddy(self.tr("文件夹(&D)"), self.auto_folder_edit), auto_row)
        self.keep_spin.valueChanged.connect(self.save_auto_settings)
        self.auto_folder_edit.editingFinished.connect(self.save_auto_settings)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(now_box)
        layout.addWidget(auto_box)
        layout.addWidget(self.result_label)  # under the boxes: what comes and goes moves nothing
        layout.addWidget(self.error)
        keep_room_for(self, layout, [self.result_label, self.error])
        layout.addWidget(buttons)

        if server:
            for w in (now_box, auto_box):
                w.setEnabled(False)
            self.show_error(tr_message(Message(backup_service.SERVER)))

    def _initial_folder(self) -> str:
        folder = _setting(self.settings, FOLDER_KEY)
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # the file dialogs (tests replace these)
    def ask_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("选择保存备份的文件夹"), start)

    def choose_folder(self) -> None:
        folder = self.ask_folder(self.folder_edit.text() or str(Path.home()))
        if folder:
            self.folder_edit.setText(folder)

    def choose_auto_folder(self) -> None:
        start = self.auto_folder_edit.text() or self.auto_folder_edit.placeholderText()
        folder = self.ask_folder(start if Path(start).is_dir() else str(self.opened.folder))
        if folder:
            self.auto_folder_edit.setText(folder)
            self.save_auto_settings()

    def save_auto_settings(self) -> None:
        text = self.auto_folder_edit.text().strip()
        try:
            backup_service.save_auto_settings(
                self.opened.folder,
                backup_service.AutoBackupSettings(self.keep_spin.value(), Path(text) if text else None),
            )
        except OSError as exc:  # the data folder's disk is full or read-only: say so, keep going
            self.show_error(tr_message(os_errors.describe(exc)))

    def start_backup(self) -> Task | None:
        folder = Path(self.folder_edit.text().strip()).expanduser()
        if not self.folder_edit.text().strip() or not folder.is_dir():
            self.show_error(self.tr("请选择一个已有的文件夹。"))
            return None
        self.show_error("")
        self.result_label.clear()
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(folder))
        opened = self.opened

        def work(progress: Progress) -> tuple[Path, Manifest]:
            path = backup_service.backup(opened, folder, progress)
            return path, backup_service.verify_backup(path)  # what the file now says, read back

        self._set_busy(True)
        self.task = run_task(
            self,
            _refusable(work),
            title=self.tr("备份"),
            label=self.tr("正在备份并校验…"),
            on_success=self._done,
        )
        self.task.finished.connect(lambda: self._set_busy(False))
        return self.task

    def _set_busy(self, busy: bool) -> None:
        for w in (self.backup_button, self.browse_button, self.folder_edit):
            w.setEnabled(not busy)

    def _done(self, result: object) -> None:
        if isinstance(result, Refused):
            self.show_error(tr_message(result.message))
            return
        assert isinstance(result, tuple)
        path, manifest = result
        self.last_path, self.last_manifest = path, manifest
        size = sum(int(m["size"]) for m in manifest.members.values())
        self.result_label.setText(
            self.tr("已备份到：{path}\n校验通过：{unit}，{time}，{size}。").format(
                path=path, unit=manifest.unit_name, time=_local_time(manifest), size=_size_text(size)
            )
        )

    def reject(self) -> None:
        if self.task is not None and self.task.state is TaskState.RUNNING:
            return  # the backup finishes first (it cannot be left half-written)
        super().reject()


# ---- 从备份恢复 ---------------------------------------------------------------------------------------------
class RestoreDialog(QDialog):
    """Choose a backup file, see what it holds (checked first), give an administrator's password
    or the recovery key, and restore it into ``data_dir``. Accepted once restored: then log in
    (the window must be started again when a folder in use was replaced)."""

    def __init__(
        self,
        data_dir: Path,
        settings: QSettings | None,
        parent: QWidget | None = None,
        *,
        db_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.db_url = db_url
        self.settings = settings
        self.file: Path | None = None
        self.manifest: Manifest | None = None
        self.result_info: RestoreResult | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        self.setMinimumWidth(580)

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("backupFile")
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("选择备份文件(&O)…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)

        self.unit_value = QLabel()
        self.county_value = QLabel()
        self.created_value = QLabel()
        self.schema_value = QLabel()
        self.check_value = QLabel()
        self.check_value.setObjectName("checkResult")
        self.check_value.setWordWrap(True)
        info_box = QGroupBox(self.tr("备份内容"))
        info = QFormLayout(info_box)
        info.addRow(self.tr("单位："), self.unit_value)
        info.addRow(self.tr("所属县："), self.county_value)
        info.addRow(self.tr("备份时间："), self.created_value)
        info.addRow(self.tr("数据库版本："), self.schema_value)
        info.addRow(self.tr("文件校验："), self.check_value)

        self.use_password = QRadioButton(self.tr("管理员密码(&P)"))
        self.use_key = QRadioButton(self.tr("恢复密钥(&K)"))
        self.use_password.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.use_password)
        group.addButton(self.use_key)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = password_edit(self.tr("密码"))
        self.password.setObjectName("password")
        self.recovery_key = _key_font_edit()
        self.recovery_key.setObjectName("recoveryKey")
        secret_box = QGroupBox(self.tr("用什么打开这份备份"))
        secret = QFormLayout(secret_box)
        secret.addRow(self.use_password)
        secret.addRow(self.tr("用户名(&U)"), self.username)
        secret.addRow(self.tr("密码(&W)"), self.password)
        secret.addRow(self.use_key)
        secret.addRow(self.tr("恢复密钥"), self.recovery_key)
        for w in (self.use_password, self.use_key):
            w.toggled.connect(self._update)
        for e in (self.username, self.password, self.recovery_key):
            e.textChanged.connect(self._update)

        self.replace_note = QLabel()
        self.replace_note.setObjectName("replaceNote")
        self.replace_note.setWordWrap(True)
        self.replace_note.setStyleSheet("color: #b26a00;")
        self.error = _error_label()
        self.done_label = QLabel()
        self.done_label.setObjectName("restoreDone")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.hide()

        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("恢复(&R)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.start_restore)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.finish_button = self.buttons.addButton(self.tr("完成"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.finish_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(_buddy(self.tr("备份文件(&F)"), self.choose_button), file_row)
        layout.addLayout(form)
        layout.addWidget(info_box)
        layout.addWidget(secret_box)
        layout.addWidget(self.replace_note)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        keep_room_for(self, layout, [self.replace_note, self.error, self.done_label])
        layout.addWidget(self.buttons)
        self._show_replace_note()
        self._update()

    # ---- state ------------------------------------------------------------------------------------
    def replaces_data(self) -> bool:
        return backup_service.has_installation(self.data_dir, self.db_url)

    def _show_replace_note(self) -> None:
        if self.replaces_data():
            self.replace_note.setText(
                self.tr(
                    "注意：数据目录 {dir} 里已经有数据。恢复时会先把现有文件移到其中的 before-restore-… "
                    "文件夹（不删除），再换成备份里的数据。"
                ).format(dir=self.data_dir)
            )
            self.replace_note.show()
        else:
            self.replace_note.hide()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _busy(self) -> bool:
        return self.task is not None and self.task.state is TaskState.RUNNING

    def _update(self) -> None:
        by_key = self.use_key.isChecked()
        self.username.setEnabled(not by_key)
        self.password.setEnabled(not by_key)
        self.recovery_key.setEnabled(by_key)
        secret = self.recovery_key.text().strip() if by_key else self.password.text()
        ready = (
            self.manifest is not None
            and self.manifest.schema_known
            and bool(secret)
            and (by_key or bool(self.username.text().strip()))
            and self.result_info is None
            and not self._busy()
        )
        self.restore_button.setEnabled(ready)
        self.choose_button.setEnabled(self.result_info is None and not self._busy())

    # ---- choosing and checking the file ---------------------------------------------------------
    def ask_file(self, start: str) -> str:
        """The file dialog (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), start, self.tr("备份文件 (*.jwbak);;所有文件 (*)")
        )
        return path

    def choose_file(self) -> Task | None:
        start = _setting(self.settings, RESTORE_DIR_KEY)
        path = self.ask_file(start if start and Path(start).is_dir() else str(Path.home()))
        if not path:
            return None
        if self.settings is not None:
            self.settings.setValue(RESTORE_DIR_KEY, str(Path(path).parent))
        return self.load_file(Path(path))

    def load_file(self, path: Path) -> Task:
        """Check ``path`` (structure and hashes, no secret) and show what it holds."""
        self.file = path
        self.manifest = None
        self.file_edit.setText(str(path))
        for label in (self.unit_value, self.county_value, self.created_value, self.schema_value):
            label.clear()
        self.check_value.setText(self.tr("正在校验…"))
        self.show_error("")
        self.task = run_task(
            self,
            _refusable(lambda progress: backup_service.verify_backup(path, progress)),
            title=self.tr("校验备份文件"),
            label=self.tr("正在校验备份文件…"),
            on_success=self._checked,
        )
        self.task.finished.connect(self._update)
        self._update()
        return self.task

    def _checked(self, result: object) -> None:
        if isinstance(result, Refused):
            self.check_value.setText(self.tr("未通过"))
            self.show_error(tr_message(result.message))
            return
        assert isinstance(result, Manifest)
        m = self.manifest = result
        self.unit_value.setText(f"{m.unit_name}（{m.unit_code}）")
        self.county_value.setText(f"{m.county_name}（{m.county_code}）")
        self.created_value.setText(_local_time(m))
        if m.schema_known:
            self.schema_value.setText(m.schema_revision)
            self.check_value.setText(self.tr("通过：文件完整，未被改动。"))
        else:
            self.schema_value.setText(self.tr("{rev}（比本程序新）").format(rev=m.schema_revision))
            self.check_value.setText(self.tr("文件完整，但来自更新版本的程序：请先升级本程序。"))
        if not self.username.text():
            self.username.setText(m.admin)

    # ---- restoring ----------------------------------------------------------------------------------
    def confirm_replace(self) -> bool:
        """Ask before replacing the data there (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("替换现有数据"),
            self.tr(
                "数据目录 {dir} 里的现有数据将被备份中的数据替换（现有文件移到 before-restore-… 文件夹保留）。"
                "\n确定要继续吗？"
            ).format(dir=self.data_dir),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_restore(self) -> Task | None:
        if self.file is None or self.manifest is None or self._busy():
            return None
        replace = self.replaces_data()
        if replace and not self.confirm_replace():
            return None
        self.show_error("")
        source, data_dir, db_url = self.file, self.data_dir, self.db_url
        if self.use_key.isChecked():
            secret: dict[str, Any] = {"recovery_key": self.recovery_key.text()}
        else:
            secret = {"username": self.username.text().strip(), "password": self.password.text()}

        def work(progress: Progress) -> RestoreResult:
            return backup_service.restore(
                source, data_dir, db_url=db_url, replace=replace, progress=progress, **secret
            )

        self.task = run_task(
            self,
            _refusable(work),
            title=self.tr("从备份恢复"),
            label=self.tr("正在检查并恢复数据…"),
            on_success=self._restored,
            cancellable=False,
        )
        self.task.finished.connect(self._update)
        self._update()
        return self.task

    def _restored(self, result: object) -> None:
        if isinstance(result, Refused):
            self.show_error(tr_message(result.message))
            self.password.clear()
            return
        assert isinstance(result, RestoreResult)
        self.result_info = result
        self.password.clear()
        self.recovery_key.clear()
        text = self.tr("恢复完成：{unit}，备份时间 {time}。").format(
            unit=result.manifest.unit_name, time=_local_time(result.manifest)
        )
        if result.replaced is not None:
            text += "\n" + self.tr("原有文件已移到 {dir}。").format(dir=result.replaced)
            text += "\n" + self.tr("请重新启动程序，用备份中的账号登录。")
        else:
            text += "\n" + self.tr("请用备份中的账号登录。")
        self.done_label.setText(text)
        self.done_label.show()
        self.replace_note.hide()
        self.restore_button.hide()
        self.cancel_button.hide()
        self.finish_button.show()
        self.finish_button.setDefault(True)
        self.finish_button.setFocus()

    def reject(self) -> None:
        if self._busy():
            return  # a check or restore in progress is never left half-done
        if self.result_info is not None:  # restored: there is no going back, only 完成
            self.accept()
            return
        super().reject()


# ---- 新的恢复密钥 -----------------------------------------------------------------------------------------
class NewRecoveryKeyDialog(QDialog):
    """An administrator makes a new recovery key (the old one stops opening this data folder)
    and is shown it once, with 保存为 PDF, like at set-up."""

    def __init__(self, opened: Context, settings: QSettings | None, parent: QWidget | None = None) -> None:
        from app.services.first_run import record_recovery_sheet
        from ui.dialogs.recovery_key import RecoveryKeyPage

        super().__init__(parent)
        self.opened = opened
        self.settings = settings
        self.key: str | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("新的恢复密钥"))
        self.setMinimumWidth(600)

        explain = QLabel(
            self.tr(
                "生成新的恢复密钥后，旧的恢复密钥就不能再打开本机的数据；"
                "但以前制作的备份文件仍能用旧密钥打开。\n"
                "新密钥只显示一次，请抄写或保存为 PDF 打印后锁进保密柜，并销毁旧的密钥单。"
            )
        )
        explain.setWordWrap(True)
        self.make_button = QPushButton(self.tr("生成新的恢复密钥(&G)"))
        self.make_button.setObjectName("makeKey")
        self.make_button.clicked.connect(self.make_key)
        self.error = _error_label()
        first = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.addWidget(explain)
        first_layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignLeft)
        first_layout.addWidget(quiet_width(self.error))
        first_layout.addStretch(1)

        self.first = first
        self.page = RecoveryKeyPage(settings)
        self.page.record_sheet = lambda printed: record_recovery_sheet(
            opened.db, opened.actor.username, printed
        )
        self.page.hide()

        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.clicked.connect(self.finish)
        self.page.confirmed.connect(lambda ok: self.close_button.setEnabled(ok))
        layout = QVBoxLayout(self)
        layout.addWidget(first, 1)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.buttons)

    def make_key(self) -> Task:
        opened = self.opened
        self.make_button.setEnabled(False)
        self.error.hide()
        self.task = run_task(
            self,
            _refusable(lambda _progress: recovery_service.new_recovery_key(opened)),
            title=self.tr("新的恢复密钥"),
            label=self.tr("正在生成…"),
            on_success=self._made,
            cancellable=False,
        )
        self.task.finished.connect(lambda: self.make_button.setEnabled(self.key is None))
        return self.task

    def _made(self, result: object) -> None:
        if isinstance(result, Refused):
            self.error.setText(tr_message(result.message))
            self.error.show()
            return
        self.key = str(result)
        info = self.opened.db.installation()
        self.page.set_key(
            self.key, unit_name=info.unit_name if info else "", county_name=info.county_name if info else ""
        )
        self.first.hide()
        self.page.show()
        self.close_button.setEnabled(False)
        self.adjustSize()

    def finish(self) -> None:
        if self.key is None or self.page.is_confirmed():
            self.accept()

    def reject(self) -> None:
        if self.task is not None and self.task.state is TaskState.RUNNING:
            return
        if self.key is not None and not self.page.is_confirmed():
            return  # the new key must be seen and kept: the old one no longer works
        super().reject()


# ---- 用恢复密钥重设密码 -----------------------------------------------------------------------------------
class RecoverDialog(QDialog):
    """忘记密码: the recovery key gives one account a new password; accepted with ``opened``
    (the installation, logged in as that account)."""

    def __init__(
        self,
        data_dir: Path,
        db_url: str | None,
        settings: QSettings | None,
        parent: QWidget | None = None,
        *,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.db_url = db_url
        self.settings = settings
        self.opened: Context | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("用恢复密钥重设密码"))
        self.setMinimumWidth(520)

        explain = QLabel(
            self.tr(
                "所有能打开数据的密码都忘记时，用设置时打印的恢复密钥为一个账号设置新密码。"
                "用过之后，请由管理员生成新的恢复密钥。"
            )
        )
        explain.setWordWrap(True)
        if not username:
            try:
                username = KeyFile.load(self.data_dir).admin
            except (OSError, ValueError):
                username = ""
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.recovery_key = _key_font_edit()
        self.recovery_key.setObjectName("recoveryKey")
        self.passwords = NewPassword()
        form = QFormLayout()
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("恢复密钥(&K)"), self.recovery_key)
        self.error = _error_label()

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("重设密码并登录"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.ok_button.setObjectName("recoverButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        keep_room_for(self, layout, [self.error])
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> Task | None:
        if self.task is not None and self.task.state is TaskState.RUNNING:
            return None
        username = self.username.text().strip()
        key = self.recovery_key.text().strip()
        if not username or not key:
            self.show_error(self.tr("请填写用户名和恢复密钥。"))
            return None
        problem = self.passwords.problem()
        if problem:
            self.show_error(problem)
            return None
        self.show_error("")
        data_dir, db_url, password = self.data_dir, self.db_url, self.passwords.password()
        self.ok_button.setEnabled(False)
        self.task = run_task(
            self,
            _refusable(lambda _progress: recovery_service.recover(data_dir, db_url, key, username, password)),
            title=self.tr("用恢复密钥重设密码"),
            label=self.tr("正在重设密码…"),
            on_success=self._answered,
            cancellable=False,
        )
        self.task.finished.connect(lambda: self.ok_button.setEnabled(self.opened is None))
        return self.task

    def _answered(self, result: object) -> None:
        if isinstance(result, Refused):
            self.show_error(tr_message(result.message))
            return
        assert isinstance(result, Context)
        self.opened = result
        self.recovery_key.clear()
        self.passwords.clear()
        self.accept()

    def reject(self) -> None:
        if self.task is not None and self.task.state is TaskState.RUNNING:
            return
        super().reject()
