"""The recovery key, shown once: at set-up and when a plain database was just encrypted.

The same page serves the set-up wizard and the log-in dialog: the key in large text, 复制,
保存为 PDF (a sheet to print and lock away), and a box the person must tick before going on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.heading import heading_label
from ui.tasks import Progress, Task, run_task

PDF_DIR_KEY = "recovery/last_dir"


class RecoveryKeyPage(QWidget):
    """Shows a recovery key; ``confirmed`` says whether the person ticked that they kept it."""

    confirmed = Signal(bool)
    saved = Signal(str)  # the PDF written

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.key = ""
        self.unit_name = ""
        self.county_name = ""
        self.last_task: Task | None = None
        # Notes that the sheet was printed (True) or saved as a PDF (False) in the audit log, once
        # there is an installation to note it in (app.services.first_run.record_recovery_sheet).
        self.record_sheet: Callable[[bool], None] | None = None
        self.setObjectName("recoveryKeyPage")

        title = heading_label(self.tr("恢复密钥"))
        intro = QLabel(
            self.tr(
                "这是本机数据的恢复密钥。所有人的密码都忘记时，只有它能打开数据。\n"
                "它只显示这一次：请抄写在纸上或保存为 PDF 打印出来，锁进保密柜；"
                "不要把它留在这台电脑上。"
            )
        )
        intro.setWordWrap(True)

        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        key_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        key_font.setPointSizeF(max(QFont().pointSizeF(), 10) * 1.8)
        key_font.setBold(True)
        self.key_label.setFont(key_font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setStyleSheet("QLabel { border: 1px solid #999; padding: 12px; background: #fff; }")

        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setToolTip(self.tr("把恢复密钥复制到剪贴板"))
        self.copy_button.clicked.connect(self.copy_key)
        self.pdf_button = QPushButton(self.tr("保存为 PDF…"))
        self.pdf_button.setToolTip(self.tr("保存一页可打印的恢复密钥（含二维码），建议存到 U 盘后打印"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("printRecoveryKey")
        self.print_button.setToolTip(self.tr("预览并打印恢复密钥页（含二维码），不在电脑上留下文件"))
        self.print_button.clicked.connect(self.print_sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.check = QCheckBox(self.tr("我已抄写或打印并妥善保管恢复密钥"))
        self.check.toggled.connect(self.confirmed)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.check)

    def set_key(self, key: str, *, unit_name: str = "", county_name: str = "") -> None:
        self.key = key
        self.unit_name = unit_name
        self.county_name = county_name
        self.key_label.setText(key)
        self.check.setChecked(False)
        self.status.clear()

    def is_confirmed(self) -> bool:
        return self.check.isChecked()

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.status.setText(self.tr("已复制。粘贴到需要的地方后，请清空剪贴板。"))

    def print_sheet(self) -> Any:
        """The sheet in the print preview (its temporary file is deleted when the preview closes)."""
        from ui.table_print import preview_recovery_sheet

        preview = preview_recovery_sheet(
            self, self.settings, self.key, unit_name=self.unit_name, county_name=self.county_name
        )
        preview.printed.connect(self._sheet_printed)
        preview.saved.connect(self._sheet_saved)
        return preview

    def _sheet_printed(self, _pages: int) -> None:
        self._sheet_kept(True)

    def _sheet_saved(self, _path: str) -> None:
        self._sheet_kept(False)

    def _sheet_kept(self, printed: bool) -> None:
        if self.record_sheet is not None:
            self.record_sheet(printed)

    def _folder(self) -> str:
        folder = str(self.settings.value(PDF_DIR_KEY, "") or "") if self.settings is not None else ""
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def ask_pdf_path(self) -> Path | None:
        """Where to write the sheet (tests replace this)."""
        name = self.tr("恢复密钥_{date}.pdf").format(date=f"{datetime.now():%Y%m%d}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存为 PDF"), str(Path(self._folder()) / name), self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")

    def save_pdf(self) -> Task | None:
        path = self.ask_pdf_path()
        if path is None:
            return None
        return self.save_pdf_to(path)

    def save_pdf_to(self, path: Path) -> Task:
        """Write the sheet to ``path`` on a worker thread."""
        if self.settings is not None:
            self.settings.setValue(PDF_DIR_KEY, str(path.parent))
        key, unit, county, created = self.key, self.unit_name, self.county_name, datetime.now()

        def work(_progress: Progress) -> None:
            from app.reports.recovery_sheet import write_recovery_sheet

            write_recovery_sheet(path, unit_name=unit, county_name=county, recovery_key=key, created=created)

        def done(_result: object) -> None:
            self.status.setText(self.tr("已保存到 {path}。打印后请删除这个文件。").format(path=path))
            self._sheet_kept(False)
            self.saved.emit(str(path))

        self.last_task = run_task(
            self,
            work,
            title=self.tr("保存为 PDF"),
            label=self.tr("正在生成 PDF…"),
            on_success=done,
            cancellable=False,
        )
        return self.last_task
