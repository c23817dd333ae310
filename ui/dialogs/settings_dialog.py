"""Program settings: font size, interface language, and the idle time before the lock."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.application import LANGUAGES, font_point_size
from ui.lock import IDLE_MINUTES_KEY, MAX_IDLE_MINUTES, idle_minutes
from ui.settings import FONT_SIZES


class SettingsDialog(QDialog):
    """Changes are written to the installation's window settings when the user presses OK."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *, allow_security: bool = True) -> None:
        super().__init__(parent)
        self.settings = settings
        self.allow_security = allow_security
        self.setWindowTitle(self.tr("设置"))
        self.font_size = QComboBox()
        current = font_point_size(settings)
        sizes = sorted(set(FONT_SIZES) | {current})
        for size in sizes:
            self.font_size.addItem(self.tr("{n} 磅").format(n=size), size)
        self.font_size.setCurrentIndex(sizes.index(current))
        self.language = QComboBox()
        lang = str(settings.value("view/language", "zh_CN"))
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
            if code == lang:
                self.language.setCurrentIndex(self.language.count() - 1)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(idle_minutes(settings))
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setToolTip(self.tr("这么久没有操作时程序自动锁定，须输入密码才能继续"))
        if not allow_security:
            self.idle_minutes.setEnabled(False)
            self.idle_minutes.setToolTip(self.tr("只有单位管理员可以更改自动锁定时间"))
        note = QLabel(self.tr("界面语言在重新启动程序后生效。"))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("字号(&F)"), self.font_size)
        form.addRow(self.tr("界面语言(&L)"), self.language)
        form.addRow(self.tr("空闲自动锁定(&I)"), self.idle_minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen_font_size(self) -> int:
        return int(self.font_size.currentData())

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        self.settings.setValue("view/font_size", self.chosen_font_size())
        self.settings.setValue("view/language", self.chosen_language())
        if self.allow_security:
            self.settings.setValue(IDLE_MINUTES_KEY, self.idle_minutes.value())
        super().accept()
