"""廉政意见查询与回复 in the window: a request's names with their proposals, a person searched and
everything bearing on the reply in one view, a refused 无问题 shown as the register words it, one
name answered and the clear ones answered at once."""

from __future__ import annotations

import secrets
from datetime import date

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.services import integrity_reply as ir
from app.services.records import RecordService
from ui.events import ChangeBus
from ui.pages.integrity_page import AnswerDialog, IntegrityPage

KEY = secrets.token_bytes(32)


def test_the_page_shows_what_bears_and_answers_a_batch(
    qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings
) -> None:
    records = RecordService(Context.system(db, "admin", sensitive_key=KEY))
    t1 = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    zhang = records.save(get("people"), {"name": "张三", "unit": "城关镇人民政府", "party_member": True})
    records.save(get("dispositions"), {"person_id": zhang, "handling_unit_id": t1, "kind": "party",
                                       "measure": "严重警告", "decided_on": date.today()})  # fmt: skip
    records.save(get("people"), {"name": "李四", "unit": "县水利局"})
    request = records.save(get("integrity_requests"), {"letter_no": "组干函〔2026〕5号",
                                                       "received_on": date.today(), "purpose": "promotion"})  # fmt: skip
    ir.add_names(records, request, [{"name": "张三", "unit": "城关镇人民政府"}, {"name": "李四", "unit": "县水利局"},
                                    {"name": "王五", "unit": "县林业局"}])  # fmt: skip

    page = IntegrityPage(records, bus, settings)
    qtbot.addWidget(page)
    page.show()
    assert page.requests.count() == 1 and "组干函〔2026〕5号" in page.requests.itemText(0)
    rows = [[page.lines.item(r, c).text() for c in range(5)] for r in range(page.lines.rowCount())]  # type: ignore[union-attr]
    assert rows == [
        ["张三", "城关镇人民政府", "", "待回复", "拟：有问题"],
        ["李四", "县水利局", "", "待回复", "拟：无问题"],
        ["王五", "县林业局", "", "待回复", "拟：无问题"],
    ]
    assert page.clear_button.text() == "拟无问题的一并回复（2）"

    # A person searched: everything in one view.
    page.name.setText("张三")
    page.search()
    assert "拟回复：有问题" in page.proposal.text()
    groups = page.group_texts()
    assert groups["认定为此人的人员（1）"][0][0] == "张三（城关镇人民政府）"
    [measure] = groups["影响期内的处理（1）"]
    assert (
        measure[0] == "党纪处分（严重警告）"
        and measure[2].startswith("影响期至 ")
        and measure[3] == "城关镇纪委"
    )

    # 无问题 about 张三 is refused with the register's words; 有问题 with the facts goes.
    page.lines.selectRow(0)
    assert page.review is not None and page.review.proposal == "issues"
    dialog = AnswerDialog(page.line(), page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.signed_by.setText("刘书记")
    code, _day, signed, facts, reason = dialog.values()
    assert (code, signed, reason) == ("issues", "刘书记", "") and facts.startswith(f"{date.today().year}年")
    assert "受到党纪处分（严重警告），影响期至" in facts
    assert not page.answer("clear", date.today(), "刘书记")
    assert "不能回复「无问题」" in page.problem.text() and "党纪处分（严重警告）" in page.problem.text()
    assert page.answer("issues", date.today(), "刘书记", facts=page.review.proposed_facts)
    assert page.answer_clear(date.today(), "刘书记") == 2
    rows = [[page.lines.item(r, c).text() for c in (3, 4)] for r in range(page.lines.rowCount())]  # type: ignore[union-attr]
    assert rows == [["已回复", "有问题"], ["已回复", "无问题"], ["已回复", "无问题"]]
    assert page.answer_button.isEnabled()

    # A read-only user sees the same view and cannot answer.
    reader = IntegrityPage(RecordService(Context(db, Actor("reader", "readonly"))), bus, settings)
    qtbot.addWidget(reader)
    assert reader.lines.rowCount() == 3 and not reader.answer_button.isEnabled()
    assert not reader.clear_button.isEnabled()
