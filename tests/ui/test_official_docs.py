"""The official documents in the window: the circulars register's 打印通报 (a PDF preview) and 导出通报
.docx…, the integrity page's reply letter (preview and .docx), each audited as printing; refused
without the PRINT right with the message the command line gives."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.registers.integrity import CLEAR, ISSUES
from app.security import audit
from app.security.roles import PRINT, Actor, PermissionDenied
from app.services import integrity_reply as ir
from app.services.records import RecordService
from ui import official_docs
from ui.dialogs.pdf_preview import PdfPreview
from ui.events import ChangeBus
from ui.i18n import tr_message
from ui.pages.integrity_page import IntegrityPage
from ui.print_actions import register_print_actions

KEY = secrets.token_bytes(32)


def printed(db: Database) -> list[tuple[str | None, str | None]]:
    with db.session() as s:
        entries = s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT))
        return [(e.target_table, e.detail) for e in entries]


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(official_docs, "refuse", lambda _parent, _title, text: told.append(text))
    return told


def test_the_circular_is_previewed_and_saved_as_docx(
    qtbot: QtBot, db: Database, records: RecordService, settings: QSettings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    cid = records.save(get("circulars"), {"number": "县纪通〔2022〕3号", "issued_on": date(2022, 9, 30),
                                          "kind": "work", "title": "关于第三季度工作情况的通报",
                                          "recipients": "各乡镇纪委", "body": "现将第三季度有关工作情况通报如下。"})  # fmt: skip
    actions = register_print_actions("circulars")
    assert [a.label for a in actions] == ["打印通报", "导出通报 .docx…"]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    actions[0].run(parent, records, settings, [cid])
    dialog = parent.findChild(PdfPreview)
    assert dialog is not None and dialog.windowTitle() == "通报"
    with qtbot.waitSignal(dialog.ready, timeout=20_000) as ready:
        pass
    assert ready.args == [1]
    dialog.close()
    out = tmp_path / "通报"
    save_as(monkeypatch, out)
    actions[1].run(parent, records, settings, [cid])
    written = out.with_name("通报.docx")
    text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "关于第三季度工作情况的通报" in text and "各乡镇纪委：" in text and "县纪通〔2022〕3号" in text
    assert printed(db) == [("circulars", "form=circular"), ("circulars", "form=circular")]

    reader = RecordService(Context(db, Actor("viewer", "readonly", None)))
    told = refusals(monkeypatch)
    assert official_docs.preview_circular(parent, reader, settings, cid) is None
    assert official_docs.export_circular(parent, reader, settings, cid) is None
    message = tr_message(PermissionDenied(PRINT).message)
    assert told == [message, message] and message == "当前用户没有「打印」的权限。"
    assert len(printed(db)) == 2


def test_the_integrity_page_writes_the_reply_letter(
    qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    records = RecordService(Context.system(db, "admin", sensitive_key=KEY))
    request = ir.save_request(records, {"letter_no": "组干函〔2022〕12号", "received_on": date(2022, 9, 20),
                                        "purpose": "promotion"})  # fmt: skip
    one, two = ir.add_names(records, request, [{"name": "张三", "unit": "县财政局"}, {"name": "李四"}])
    ir.answer(records, one, CLEAR, date(2022, 9, 25), "刘书记")
    ir.answer(records, two, ISSUES, date(2022, 9, 26), "刘书记", facts="2022年3月1日受到党内警告处分")
    page = IntegrityPage(records, bus, settings)
    qtbot.addWidget(page)
    page.show()
    assert page.letter_button.isEnabled()
    assert [a.text() for a in page.letter_button.menu().actions()] == ["预览并打印复函…", "保存复函为 .docx…"]
    dialog = page.preview_letter()
    assert dialog is not None and dialog.windowTitle() == "廉政意见回复函"
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        pass
    dialog.close()
    save_as(monkeypatch, tmp_path / "复函.docx")
    written = page.export_letter()
    assert written == tmp_path / "复函.docx"
    document = docx.Document(str(written))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "关于张三等2名同志党风廉政意见的复函"
    ]
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[2][1:4] == ["李四", "—", "有问题"]
    assert printed(db) == [("integrity_requests", "form=integrity_letter")] * 2

    reader = IntegrityPage(RecordService(Context(db, Actor("viewer", "readonly", None))), bus, settings)
    qtbot.addWidget(reader)
    assert not reader.letter_button.isEnabled()
    told = refusals(monkeypatch)
    assert reader.preview_letter() is None and told == ["当前用户没有「打印」的权限。"]
