"""The print preview: it makes the PDF in the background, shows its pages, prints, saves a copy
(remembering the folder) and leaves no temporary file; the clue forms' print actions open it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.registers import get
from app.security import audit
from app.services.records import RecordService
from ui.dialogs.pdf_preview import PDF_DIR_KEY, PdfPreview
from ui.print_actions import register_print_actions
from ui.tasks import TaskState


def write_pages(n: int) -> object:
    def make(path: Path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas

        c = Canvas(str(path), pagesize=A4)
        for i in range(n):
            c.drawString(100, 700, f"page {i + 1}")
            c.showPage()
        c.save()

    return make


def open_dialog(qtbot: QtBot, settings: QSettings, pages: int = 3) -> PdfPreview:
    dialog = PdfPreview(write_pages(pages), "测试文件", settings)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.ready, timeout=20_000) as ready:
        pass
    assert ready.args == [pages]
    return dialog


def test_the_preview_shows_the_pages_and_saves_a_copy(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, settings)
    assert dialog.page_count() == 3
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert "3" in dialog.status.text()

    target = tmp_path / "out" / "copy"
    target.parent.mkdir()
    asked: list[str] = []

    def ask() -> Path:
        asked.append(dialog._last_folder())
        return target.with_suffix(".pdf")

    dialog.ask_save_path = ask  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == dialog.path.read_bytes() and saved.read_bytes().startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == ["copy.pdf"]
    assert settings.value(PDF_DIR_KEY) == str(target.parent)
    dialog.save_pdf()
    assert asked[-1] == str(target.parent)  # the next save starts in the same folder

    temp = dialog.path
    dialog.reject()
    assert not temp.exists() and not temp.parent.exists()


def test_printing_draws_every_page(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, settings, pages=2)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.printed) as printed:
        assert dialog.print_to(printer) == 2
    assert printed.args == [2]
    data = (tmp_path / "printed.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) == 2


def test_a_failure_is_reported_and_nothing_is_offered(qtbot: QtBot, settings: QSettings) -> None:
    def fail(_path: Path) -> None:
        raise OSError(28, "No space left on device")

    dialog = PdfPreview(fail, "测试文件", settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.task is not None
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.state is TaskState.FAILED, timeout=20_000)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.status.text() == "生成失败。"
    box = dialog.findChild(QWidget, "qt_msgbox_label")
    assert box is not None and "磁盘空间不足" in box.property("text")
    dialog.reject()


def test_unknown_registers_print_nothing() -> None:
    assert register_print_actions("units") == []


@pytest.mark.parametrize("index, title", [(0, "问题线索登记表"), (1, "线索处置呈批表")])
def test_the_clue_actions_open_a_preview_of_the_selected_clues(
    qtbot: QtBot, db: Database, records: RecordService, settings: QSettings, index: int, title: str
) -> None:
    clues = get("clues")
    ids = [
        records.save(clues, {"source": "supervision", "received_on": date(2024, 4, n), "subject_name": name})
        for n, name in ((1, "刘洋"), (2, "陈静"))
    ]
    actions = register_print_actions("clues")
    assert [a.label for a in actions] == ["打印问题线索登记表", "打印线索处置呈批表"]
    assert all(a.needs_selection for a in actions)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    actions[index].run(parent, records, settings, ids)
    dialog = parent.findChild(PdfPreview)
    assert dialog is not None and dialog.windowTitle() == title
    with qtbot.waitSignal(dialog.ready, timeout=20_000) as ready:
        pass
    assert ready.args == [2]
    with db.session() as s:
        from sqlalchemy import select

        entries = list(s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT)))
    assert sorted(e.target_id for e in entries) == sorted(ids)
    dialog.close()


def test_the_buttons_stay_put_whatever_the_status_says(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, settings)
    qtbot.waitExposed(dialog)
    buttons = (dialog.zoom_button, dialog.print_button, dialog.save_button, dialog.close_button)

    def places() -> list[tuple[int, int, int, int]]:
        return [b.geometry().getRect() for b in buttons]

    before, size = places(), dialog.size()
    folder = tmp_path.joinpath(*(["一个很长很长的文件夹名称_" + "x" * 40] * 4))
    folder.mkdir(parents=True)
    saved = dialog.save_to(folder / ("文件" * 25 + ".pdf"))
    assert saved is not None and saved.exists()
    qtbot.wait(50)  # let the layout settle (it would move the buttons now if it ever did)
    assert len(dialog.status.text()) > 300
    assert places() == before and dialog.size() == size
    assert dialog.status.toolTip() == dialog.status.text()  # the whole path, where it is cut short
    assert [b.text() for b in buttons] == ["整页", "打印…", "保存为 PDF…", "关闭"]
    dialog.reject()
