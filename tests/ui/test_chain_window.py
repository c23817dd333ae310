"""The chain in the window at a township: a 函询 with its reply ends its clue; a clue about a
县管干部 is refused with the way out named, reported up, and the reported clue cannot be taken back in
here. Every step is taken through the page's 办理 menu and the step dialog."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from test_casework_flow import saved, state, step

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.services.installation import SetupRequest, initialise
from app.services.records import RecordService
from ui.dialogs.transition_dialog import TransitionDialog
from ui.events import ChangeBus
from ui.pages.register_page import RegisterPage

KEY = secrets.token_bytes(32)
TOWNSHIP = SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县", "admin", "secret123")


@pytest.fixture
def town(tmp_path: Path) -> Iterator[RecordService]:
    database = Database.open(tmp_path / "town")
    initialise(database, TOWNSHIP)
    system = RecordService(Context.system(database, "admin"))
    system.save(get("units"), {"code": "C01", "name": "测试县纪委监委", "unit_type": "county"})
    yield RecordService(Context(database, Actor("admin", "admin", KEY)))
    database.close()


def _page(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, name: str
) -> RegisterPage:
    page = RegisterPage(records, get(name), bus, settings)
    qtbot.addWidget(page)
    page.show()
    return page


def _clue(records: RecordService, disposal: str, **subject: object) -> str:
    values = {"source": "petition", "received_on": date(2024, 9, 2), "subject_name": "张三",
              "subject_unit": "东风村村民委员会", **subject}  # fmt: skip
    return records.save(get("clues"), values, confirmed=True)


def test_a_letter_and_its_reply_end_the_clue_in_the_window(
    qtbot: QtBot, town: RecordService, bus: ChangeBus, settings: QSettings
) -> None:
    unit = town.ids(get("units"))[0]
    staff = get("staff")
    lead = town.save(staff, {"name": "王芳", "unit_id": unit, "post": "secretary"})
    member = town.save(staff, {"name": "李强", "unit_id": unit, "post": "member"})
    clues = _page(qtbot, town, bus, settings, "clues")
    cid = _clue(town, "talk")
    clues.reload()
    step(qtbot, clues, cid, "propose", "拟函询", proposed_handling="talk", approver="陈书记")
    step(
        qtbot,
        clues,
        cid,
        "dispose_talk",
        "书记专题会研究",
        disposal_reason="问题较轻",
        decided_on="2024-09-10",
    )
    inquiries = _page(qtbot, town, bus, settings, "inquiries")
    form = inquiries.new_record()
    assert form is not None
    for name, value in {"kind": "letter", "clue_id": cid, "lead_id": lead, "member_id": member}.items():
        form.set_value(name, value)
    iid = saved(qtbot, form)
    inquiries.reload()
    step(qtbot, inquiries, iid, "send_letter", "函询函已送达", letter_no="城纪函〔2024〕1号",
         letter_on="2024-09-12", delivered_on="2024-09-13")  # fmt: skip
    assert town.get(get("inquiries"), iid)["reply_due"] == date(2024, 10, 11)
    step(qtbot, inquiries, iid, "receive_reply", "收到书面说明", reply_on="2024-09-25", signed_by="刘书记",
         sign_opinion="本人说明属实")  # fmt: skip
    report = TransitionDialog(
        town, get("inquiries"), iid, get("inquiries").lifecycle.step("report"), inquiries
    )  # type: ignore[union-attr]
    qtbot.addWidget(report)
    assert "assessment" in report.editors  # offered: a letter's reply is assessed before the report
    for name, value in {
        "outcome": "clarified",
        "finished_on": "2024-09-30",
        "report": "不属实",
        "reason": "报告",
    }.items():
        report.set_value(name, value)
    assert not report.take_step()
    assert "函询须对回复作出评估后才能报告结果。" in report.error_text()
    report.set_value("assessment", "truthful")
    assert report.take_step(), report.error_text()
    assert state(town, "clues", cid) == "finished"


def test_a_county_managed_cadre_is_refused_and_reported_up_in_the_window(
    qtbot: QtBot, town: RecordService, bus: ChangeBus, settings: QSettings
) -> None:
    clues = _page(qtbot, town, bus, settings, "clues")
    cid = _clue(
        town, "verify", subject_name="赵书记", subject_unit="中共城关镇委员会", subject_authority="县管干部"
    )
    clues.reload()
    step(qtbot, clues, cid, "propose", "拟初核", proposed_handling="verify", approver="陈书记")
    refused = TransitionDialog(town, get("clues"), cid, get("clues").lifecycle.step("dispose_verify"), clues)  # type: ignore[union-attr]
    qtbot.addWidget(refused)
    for name, value in {"disposal_reason": "核实", "decided_on": "2024-09-10", "reason": "研究"}.items():
        refused.set_value(name, value)
    assert not refused.take_step()
    assert "「赵书记」是县管干部，不属本单位管理权限" in refused.error_text()
    assert "上报县纪委监委" in refused.error_text()
    step(qtbot, clues, cid, "report_up", "县管干部，报县纪委监委处置")
    assert state(town, "clues", cid) == "reported"
    back = TransitionDialog(town, get("clues"), cid, get("clues").lifecycle.step("accept"), clues)  # type: ignore[union-attr]
    qtbot.addWidget(back)
    back.set_value("reason", "收回")
    assert not back.take_step()
    assert "已将这条记录上报县纪委监委" in back.error_text()
