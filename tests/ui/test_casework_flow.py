"""The casework registers through the window: a report becomes a clue, is disposed of, verified,
filed as a case with a group taking part, co-reviewed and ends in a measure, all of it on the
person's record (人员档案); a step not allowed is refused in Chinese; the
deadline panel shows a back-dated clue as overdue; a handler with a declared tie is warned; the
reporter is hidden from a staff role and shown to the secretary."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from conftest import Org
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.db.local import User
from app.registers import get
from app.security.roles import Actor
from app.services.accounts import hash_password
from app.services.records import RecordService
from ui.dialogs.record_form import RecordForm
from ui.dialogs.transition_dialog import TransitionDialog
from ui.events import ChangeBus
from ui.pages.home_page import HomePage
from ui.pages.register_page import RegisterPage

KEY = secrets.token_bytes(32)
Pages = Callable[[str], RegisterPage]


@pytest.fixture
def secretary(db: Database) -> RecordService:
    with db.session() as s:
        s.add(
            User(
                username="sec", full_name="陈书记", role="secretary", password_hash=hash_password("x1234567")
            )
        )
        s.add(User(username="clerk", full_name="", role="staff", password_hash=hash_password("x1234567")))
    return RecordService(Context(db, Actor("sec", "secretary", KEY)))


@pytest.fixture
def pages(qtbot: QtBot, secretary: RecordService, bus: ChangeBus, settings: QSettings) -> Pages:
    made: dict[str, RegisterPage] = {}

    def page(name: str) -> RegisterPage:
        if name not in made:
            p = RegisterPage(secretary, get(name), bus, settings)
            qtbot.addWidget(p)
            p.show()
            made[name] = p
        return made[name]

    return page


def saved(qtbot: QtBot, form: RecordForm) -> str:
    form.confirm_warnings = lambda _warnings: True
    assert form.save(), form.error_text()
    assert form.saved_id is not None
    form.close()
    return form.saved_id


def step(qtbot: QtBot, page: RegisterPage, row_id: str, name: str, reason: str, **values: object) -> None:
    """Choose the step from the page's 办理 menu for the selected record, fill it in, click 确定."""
    page.select_ids([row_id])
    assert page.workflow is not None and page.workflow.step_button is not None
    assert page.workflow.step_button.isEnabled()
    [chosen] = [s for s in page.workflow.allowed_steps() if s.name == name]
    dialog = page.workflow.take_step(chosen)
    assert isinstance(dialog, TransitionDialog)
    qtbot.waitExposed(dialog)
    for field, value in values.items():
        dialog.set_value(field, value)
    dialog.set_value("reason", reason)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.new_state is not None, dialog.error_text()


def state(records: RecordService, register: str, row_id: str) -> str:
    return str(records.get(get(register), row_id)["state"])


def test_a_report_goes_all_the_way_to_a_measure(
    qtbot: QtBot, pages: Pages, secretary: RecordService, org: Org
) -> None:
    t1 = org.units["T01"]
    # 1. the report, named, with the reporter in the sensitive field
    reports = pages("reports")
    form = reports.new_record()
    assert form is not None
    for name, value in {
        "received_on": "2021-03-01",
        "method": "letter",
        "named": True,
        "reporter": "孙丽",
        "subject_name": "赵某",
        "subject_unit": "城关镇人民政府",
        "subject_post": "副镇长",
        "category": "违反廉洁纪律",
        "subcategory": "违规吃喝",
        "summary": "反映赵某多次接受宴请",
    }.items():
        form.set_value(name, value)
    report_id = saved(qtbot, form)
    assert reports.model.row_of(report_id) >= 0

    # 2. 转为问题线索: a clue form filled from the report
    reports.select_ids([report_id])
    [to_clue] = [s for s in reports.workflow.allowed_steps() if s.name == "to_clue"]  # type: ignore[union-attr]
    clue_form = reports.workflow.take_step(to_clue)  # type: ignore[union-attr]
    assert isinstance(clue_form, RecordForm)
    assert clue_form.value("subject_name") == "赵某" and clue_form.value("source") == "petition"
    assert clue_form.value("summary") == "反映赵某多次接受宴请"
    clue_form.set_value("handling_unit_id", t1)
    clue_form.set_value("handler_id", org.staff["王芳"])
    clue_id = saved(qtbot, clue_form)
    assert state(secretary, "reports", report_id) == "clued"

    # 3. propose and dispose (初步核实); a step out of order is refused in Chinese
    clues = pages("clues")
    clues.reload()
    step(qtbot, clues, clue_id, "propose", "拟初步核实", proposed_handling="verify", approver="陈书记")
    refused = TransitionDialog(
        secretary, get("clues"), clue_id, get("clues").lifecycle.step("file_case"), clues
    )  # type: ignore[union-attr]
    qtbot.addWidget(refused)
    refused.set_value("reason", "直接立案")
    assert not refused.take_step()
    assert "当前状态为「已拟办待批」，不能「立案审查调查」" in refused.error_text()
    step(qtbot, clues, clue_id, "dispose_verify", "2021年第3次书记专题会研究",
         disposal_reason="反映问题具体，可查性强", decided_on="2021-03-10")  # fmt: skip
    assert state(secretary, "clues", clue_id) == "verification"

    # 4. the preliminary verification, by two staff
    verifications = pages("verifications")
    form = verifications.new_record()
    assert form is not None
    form.set_value("clue_id", clue_id)
    form.set_value("lead_id", org.staff["王芳"])
    form.set_value("member_id", org.staff["李强"])
    form.set_value("plan", "调取接待记录，询问知情人")
    verification_id = saved(qtbot, form)
    verifications.reload()
    step(qtbot, verifications, verification_id, "start", "按方案开始", started_on="2021-03-15")
    step(qtbot, verifications, verification_id, "report", "初核报告经集体研究",
         outcome="propose_case", finished_on="2021-05-20", report="基本属实，建议立案")  # fmt: skip

    # 5. the case (立案呈批, approved by the township's 党委: the approval files the clue), then
    # co-review by the county's review office, whose opinion 审结 waits for
    cases = pages("cases")
    form = cases.new_record()
    assert form is not None
    for name, value in {"number": "城纪立〔2021〕3号", "clue_id": clue_id, "filed_on": "2021-05-25",
                        "handling_unit_id": t1}.items():  # fmt: skip
        form.set_value(name, value)
    case_id = saved(qtbot, form)
    assert secretary.get(get("cases"), case_id)["subject_name"] == "赵某"
    taking_part = pages("case_units")  # the dispatched group takes part (协办)
    form = taking_part.new_record()
    assert form is not None
    for name, value in {"case_id": case_id, "unit_id": org.units["G01"], "joined_on": "2021-05-26",
                        "role": "抽调参与审查调查"}.items():  # fmt: skip
        form.set_value(name, value)
    saved(qtbot, form)
    cases.reload()
    step(qtbot, cases, case_id, "approve", "镇党委会议研究", approved_by="中共城关镇委员会",
         approval_no="城纪立〔2021〕3号", approved_on="2021-05-24")  # fmt: skip
    assert state(secretary, "clues", clue_id) == "case"
    step(qtbot, cases, case_id, "investigate", "成立审查调查组")
    step(qtbot, cases, case_id, "to_review", "调查终结", review_on="2021-07-01", facts="违规接受宴请三次")
    reviews = pages("co_reviews")
    form = reviews.new_record()
    assert form is not None
    form.set_value("case_id", case_id)
    form.set_value("requested_on", "2021-07-02")
    review_id = saved(qtbot, form)
    reviews.reload()
    early = TransitionDialog(secretary, get("cases"), case_id, get("cases").lifecycle.step("conclude"), cases)  # type: ignore[union-attr]
    qtbot.addWidget(early)
    assert early.editors["doc_no"].widget.isVisibleTo(early)  # the 审理报告's number and date are asked
    for name, value in {"concluded_on": "2021-07-05", "doc_no": "城纪审〔2021〕3号", "doc_on": "2021-07-05",
                        "reason": "审理终结"}.items():  # fmt: skip
        early.set_value(name, value)
    assert not early.take_step()
    assert "收到县纪委监委的协审意见后才能审结" in early.error_text()
    step(qtbot, reviews, review_id, "give_opinion", "审理室审核", reviewer="县纪委案件审理室",
         opinion="事实清楚，定性准确", opinion_on="2021-07-10", result="agree")  # fmt: skip
    step(qtbot, reviews, review_id, "close", "采纳协审意见", result="agree")
    step(qtbot, cases, case_id, "conclude", "审理终结", concluded_on="2021-07-20", doc_no="城纪审〔2021〕3号",
         doc_on="2021-07-18")  # fmt: skip
    assert state(secretary, "clues", clue_id) == "finished"

    # 6. the measure
    dispositions = pages("dispositions")
    form = dispositions.new_record()
    assert form is not None
    for name, value in {"person_name": "赵某", "kind": "party", "measure": "警告", "decided_on": "2021-07-25",
                        "deciding_body": "城关镇纪委", "case_id": case_id, "clue_id": clue_id,
                        "handling_unit_id": t1}.items():  # fmt: skip
        form.set_value(name, value)
    disposition_id = saved(qtbot, form)
    assert dispositions.model.row_of(disposition_id) >= 0
    measure = secretary.get(get("dispositions"), disposition_id)
    assert (measure["form"], measure["ends_on"]) == ("2", date(2022, 7, 24))  # 警告: one year
    assert measure["person_id"] == secretary.get(get("clues"), clue_id)["person_id"]
    dispositions.reload()
    step(qtbot, dispositions, disposition_id, "announce", "召开宣布会", announced_on="2021-07-28")
    step(qtbot, dispositions, disposition_id, "execute", "已执行", executed_on="2021-08-02")
    step(qtbot, dispositions, disposition_id, "revisit", "回访", revisited_on="2021-12-01",
         revisit_note="本人认识深刻，表现良好")  # fmt: skip
    assert state(secretary, "dispositions", disposition_id) == "visited"

    # 人员档案: the person's whole record, from the measure
    dispositions.select_ids([disposition_id])
    assert dispositions.person_tools is not None
    record = dispositions.person_tools.open_selected()
    assert record is not None and record.name_label.text() == "赵某（城关镇人民政府，副镇长）"
    assert [r[0] for r in record.row_texts("clues")] == [secretary.get(get("clues"), clue_id)["number"]]
    assert record.row_texts("verifications")[0][2] == "已报告"
    assert record.row_texts("cases")[0][:3] == ["城纪立〔2021〕3号", "2021-05-25", "已结案"]
    assert record.row_texts("case_units")[0][3:] == ["第一派驻纪检监察组", "抽调参与审查调查"]
    record.set_on(date(2022, 1, 1))
    assert record.row_texts("dispositions")[0][2] == "处分期内，至 2022-07-24"
    record.reject()

    # The clue's timeline, on its form
    clues.select_ids([clue_id])
    clue_view = clues.edit_selected()
    assert clue_view is not None and clue_view.timeline is not None
    rows = clue_view.timeline.rows()
    assert [r[2] for r in rows] == ["登记", "提出处置意见（呈批）", "初步核实", "立案审查调查", "办结"]
    assert rows[3][4] == "立案审批：城纪立〔2021〕3号"  # moved by the case's approval
    assert rows[2][3] == "已拟办待批 → 初步核实中" and rows[2][4] == "2021年第3次书记专题会研究"
    assert state(secretary, "cases", case_id) == "concluded"


def test_the_deadline_panel_shows_a_back_dated_clue_as_overdue(
    qtbot: QtBot, secretary: RecordService, bus: ChangeBus, settings: QSettings, org: Org
) -> None:
    received = date.today() - timedelta(days=40)
    secretary.save(get("clues"), {"source": "supervision", "received_on": received, "subject_name": "钱某",
                                  "handler_id": org.staff["李强"]})  # fmt: skip
    secretary.save(
        get("clues"), {"source": "supervision", "received_on": date.today(), "subject_name": "孙某"}
    )
    opened: list[tuple[str, str]] = []
    home = HomePage(secretary, bus, settings, lambda reg, rid: opened.append((reg, rid)))
    qtbot.addWidget(home)
    home.show()
    [row] = home.rows()
    assert row[0] == "问题线索" and row[2] == "钱某" and row[6] == "已超期 10 天"
    assert "已超期 1 项" in home.summary.text()
    top = home.tree.topLevelItem(0)
    assert top is not None and top.text(0).startswith("李强")
    home.tree.setCurrentItem(top.child(0))
    qtbot.keyClick(home.tree, Qt.Key.Key_Return)
    assert opened and opened[0][0] == "clues"


def test_the_deadline_panel_warns_of_a_year_without_a_holiday_calendar(
    qtbot: QtBot, secretary: RecordService, bus: ChangeBus, settings: QSettings, org: Org
) -> None:
    from app.services.workdays import library_years

    year = max(library_years()) + 1
    secretary.save(get("deadline_rules"), {"step": "clue", "days": 5, "working": True}, confirmed=True)
    received = date(year, 3, 1)
    secretary.save(get("clues"), {"source": "supervision", "received_on": received, "registered_on": received,
                                  "subject_name": "钱某", "handler_id": org.staff["李强"]})  # fmt: skip
    home = HomePage(secretary, bus, settings, lambda _reg, _rid: None, today=lambda: date(year, 3, 3))
    qtbot.addWidget(home)
    home.show()
    [row] = home.rows()
    assert row[2] == "钱某"
    warning = f"{year} 年的节假日安排尚未录入，按周一至周五计算工作日，请在「节假日调整」中补录。"
    assert home.calendar_warning.text() == warning and not home.calendar_warning.isHidden()
    top = home.tree.topLevelItem(0)
    assert top is not None and top.child(0) is not None and top.child(0).toolTip(5) == warning


def test_a_handler_with_a_declared_tie_is_warned_in_the_form(
    qtbot: QtBot, pages: Pages, secretary: RecordService, org: Org
) -> None:
    secretary.save(
        get("staff_ties"), {"staff_id": org.staff["王芳"], "person_name": "周某", "relation": "kin"}
    )
    clues = pages("clues")
    form = clues.new_record()
    assert form is not None
    for name, value in {"source": "petition", "received_on": "2021-04-01", "subject_name": "周某",
                        "handler_id": org.staff["王芳"]}.items():  # fmt: skip
        form.set_value(name, value)
    asked: list[list[str]] = []
    form.confirm_warnings = lambda warnings: asked.append(warnings) is not None  # says no
    assert not form.save()
    assert any("王芳" in w and "亲属" in w for w in asked[0])
    assert secretary.ids(get("clues")) == []
    form.confirm_warnings = lambda _warnings: True
    assert form.save()
    assert len(secretary.ids(get("clues"))) == 1


def test_the_reporter_is_hidden_from_staff_and_shown_to_the_secretary(
    qtbot: QtBot, db: Database, secretary: RecordService
) -> None:
    report_id = secretary.save(get("reports"), {"received_on": date(2021, 3, 1), "method": "visit", "named": True,
                                                "reporter": "孙丽", "subject_name": "赵某"})  # fmt: skip
    for actor, expected in ((Actor("clerk", "staff", None), "（受限）"), (secretary.actor, "孙丽")):
        form = RecordForm(RecordService(Context(db, actor)), get("reports"), report_id)
        qtbot.addWidget(form)
        editor = form.editor("reporter")
        assert isinstance(editor, QLineEdit) and editor.text() == expected
