"""从 Excel 导入 and 下载导入模板 on a register page: the preview marks each row's errors, 导入 is
enabled only without errors, the rows are saved and the list shows them; a read-only account is
refused with the service's own message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.services.records import RecordService
from tests.ui.conftest import Org
from ui.dialogs.import_dialog import ERROR_BACKGROUND, ImportDialog
from ui.events import ChangeBus
from ui.pages.register_page import RegisterPage

STAFF = get("staff")


def page_for(qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings) -> RegisterPage:
    page = RegisterPage(records, STAFF, bus, settings)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def ledger(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["河口乡纪委干部台账"])
    ws.merge_cells("A1:E1")
    ws.append(["姓名", "性别", "所在单位", "岗位", "挂职开始"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def opened(qtbot: QtBot, page: RegisterPage, path: Path) -> ImportDialog:
    dialog = page.import_from(path)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.report is not None or bool(dialog.refusal), timeout=20_000)
    return dialog


def test_the_page_offers_the_template_and_the_import(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org, tmp_path: Path
) -> None:
    page = page_for(qtbot, records, bus, settings)
    assert page.act_template.text() == "下载导入模板…" and page.act_import.text() == "从 Excel 导入…"
    assert page.act_import.isEnabled()
    target = tmp_path / "模板.xlsx"
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.template_to(target)
    wb = openpyxl.load_workbook(target)
    assert [c.value for c in wb.worksheets[0][1]][:4] == ["姓名", "性别", "所在单位", "岗位"]
    assert "填写说明" in wb.sheetnames


def test_a_bad_row_is_marked_and_nothing_can_be_imported(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org, tmp_path: Path
) -> None:
    page = page_for(qtbot, records, bus, settings)
    before = page.model.rowCount()
    path = ledger(tmp_path / "台账.xlsx", [["陈静", "女", "T02", "委员", "2022.6.30"],
                                          ["周八", "男", "T09", "委员", "2022年13月1日"]])  # fmt: skip
    dialog = opened(qtbot, page, path)
    assert not dialog.import_button.isEnabled()
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
    assert headers[0] == "行号" and headers[-1] == "问题"
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["3", "4"]  # type: ignore[union-attr]
    unit, started = headers.index("所在单位"), headers.index("挂职开始")
    bad = table.item(1, unit)
    assert bad is not None and bad.background().color() == ERROR_BACKGROUND
    assert bad.toolTip() == "「所在单位」找不到「T09」（可填名称、代码或编号）。"
    assert table.item(1, started).background().color() == ERROR_BACKGROUND  # type: ignore[union-attr]
    assert table.item(0, unit).background().color() != ERROR_BACKGROUND  # type: ignore[union-attr]
    assert "1 行有错误" in dialog.summary.text()
    assert page.model.rowCount() == before  # the preview saved nothing
    dialog.close()


def test_a_clean_file_is_imported_and_listed(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org, tmp_path: Path
) -> None:
    page = page_for(qtbot, records, bus, settings)
    before = page.model.rowCount()
    path = ledger(tmp_path / "台账.xlsx", [["陈静", "女", "T02", "委员", "2022.6.30"], [None] * 5,
                                          ["周八", "男", "城关镇纪委", "委员", "2022/6/30"]])  # fmt: skip
    dialog = opened(qtbot, page, path)
    assert dialog.import_button.isEnabled(), dialog.summary.text()
    assert "新增 2 条" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "已导入：新增 2 条" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 2)
    names = {page.model.display_text(r, "name") for r in range(page.model.rowCount())}
    assert {"陈静", "周八"} <= names
    assert "已从 Excel 导入" in page.status_text()
    dialog.close()


def test_a_read_only_account_is_refused_with_the_services_message(
    qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings, org: Org, tmp_path: Path
) -> None:
    reader = RecordService(Context(db, Actor("reader", "readonly", None)))
    page = page_for(qtbot, reader, bus, settings)
    refusal = "当前用户没有「录入和修改」的权限。"
    assert not page.act_import.isEnabled() and page.act_import.toolTip() == refusal
    path = ledger(tmp_path / "台账.xlsx", [["陈静", "女", "T02", "委员", "2022.6.30"]])
    dialog = opened(qtbot, page, path)
    assert dialog.refusal == refusal and not dialog.import_button.isEnabled()
    dialog.close()
