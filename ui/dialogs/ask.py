"""What pages ask: a yes/no question with a named action, a refusal, where to save a spreadsheet or
a Word document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

EXPORT_DIR_KEY = "export/last_dir"  # the folder of the last spreadsheet, shared by every page


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before something destructive; the action button is named (删除, 停用 …), 取消 is default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QCoreApplication.translate("ask", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def warn(parent: QWidget, title: str, text: str) -> None:
    """Tell the user why something was refused."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("ask", "确定"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def save_path(
    parent: QWidget | None, settings: QSettings | None, title: str, name: str, kind: str
) -> Path | None:
    """Ask where to write the file ``name``, starting in the folder used last time; the answer
    always ends in ``name``'s suffix. ``kind`` is the file dialog's filter. None when cancelled."""
    folder = str(settings.value(EXPORT_DIR_KEY, "") or "") if settings is not None else ""
    if not folder or not Path(folder).is_dir():
        folder = str(Path.home())
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), kind)
    if not path:
        return None
    suffix = Path(name).suffix
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)


def xlsx_path(parent: QWidget, settings: QSettings | None, stem: str) -> Path | None:
    """Ask where to write a spreadsheet named ``stem_YYYYMMDD.xlsx``, starting in the folder used
    last time; the answer always ends in .xlsx. None when the person cancels."""
    return save_path(
        parent,
        settings,
        QCoreApplication.translate("ask", "导出 Excel"),
        f"{stem}_{date.today():%Y%m%d}.xlsx",
        QCoreApplication.translate("ask", "Excel 工作簿 (*.xlsx)"),
    )


def docx_path(parent: QWidget | None, settings: QSettings | None, stem: str, title: str) -> Path | None:
    """Ask where to write the Word document ``stem.docx`` (the dialog titled ``title``), as
    ``save_path``; None when cancelled."""
    return save_path(
        parent, settings, title, f"{stem}.docx", QCoreApplication.translate("ask", "Word 文档 (*.docx)")
    )
