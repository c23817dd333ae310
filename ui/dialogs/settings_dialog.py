"""Program settings a user changes: font size and interface language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.application import LANGUAGES, font_point_size
from ui.settings import FONT_SIZES


class SettingsDialog(QDialog):
    """Changes are written to the installation's window settings when the user presses OK."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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
        note = QLabel(self.tr("界面语言在重新启动程序后生效。"))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("字号(&F)"), self.font_size)
        form.addRow(self.tr("界面语言(&L)"), self.language)
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
        super().accept()
