"""Casework rules in the services: lifecycles and their timeline, deadlines, conflict-of-interest
warnings, duplicate clues, "register only", two-person teams, the four forms' measures,
cross-handling within a zone, and a report turned into a clue."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

import pytest

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services.deadlines import by_handler, due_items
from app.services.intake import clue_from_report, clue_values_from_report
from app.services.records import NeedsConfirmation, NotFoundError, RecordService, ValidationError
from app.services.transitions import TransitionRefused, Transitions

CLUES, REPORTS, INQUIRIES, VERIFICATIONS = (
    get("clues"),
    get("reports"),
    get("inquiries"),
    get("verifications"),
)
CASES, CO_REVIEWS, DISPOSITIONS, TIES = (
    get("cases"),
    get("co_reviews"),
    get("dispositions"),
    get("staff_ties"),
)


class Org:
    def __init__(self, records: RecordService) -> None:
        self.records = records
        east = records.save(get("zones"), {"name": "东片区"})
        west = records.save(get("zones"), {"name": "西片区"})
        self.t1 = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township",
                                              "zone_id": east})  # fmt: skip
        self.t2 = records.save(get("units"), {"code": "T02", "name": "河口乡纪委", "unit_type": "township",
                                              "zone_id": east})  # fmt: skip
        self.t3 = records.save(get("units"), {"code": "T03", "name": "山前镇纪委", "unit_type": "township",
                                              "zone_id": west})  # fmt: skip
        self.g1 = records.save(get("units"), {"code": "G01", "name": "第一派驻组", "unit_type": "group"})
        self.office = records.save(get("units"), {"code": "O01", "name": "案件审理室", "unit_type": "office"})
        staff = get("staff")
        self.wang = records.save(staff, {"name": "王芳", "unit_id": self.t1, "post": "secretary",
                                         "home_village": "东湾村"})  # fmt: skip
        self.li = records.save(staff, {"name": "李强", "unit_id": self.t1, "post": "member"})
        self.zhang = records.save(staff, {"name": "张伟", "unit_id": self.t2, "post": "secretary"})


KEY = secrets.token_bytes(32)


@pytest.fixture
def records(county_db: Database) -> RecordService:
    return RecordService(Context.system(county_db, "admin", sensitive_key=KEY))


@pytest.fixture
def org(records: RecordService) -> Org:
    return Org(records)


def clue(records: RecordService, org: Org, **values: Any) -> str:
    base = {
        "source": "petition",
        "received_on": date(2021, 3, 1),
        "subject_name": "赵某",
        "subject_unit": "城关镇人民政府",
        "category": "违反廉洁纪律",
        "handling_unit_id": org.t1,
    }
    return records.save(CLUES, {**base, **values}, confirmed=True)


def test_a_clue_goes_through_its_lifecycle_and_keeps_a_timeline(records: RecordService, org: Org) -> None:
    t = Transitions(records)
    cid = clue(records, org)
    stored = records.get(CLUES, cid)
    assert stored["state"] == "registered" and stored["number"] == "2021-0001"
    assert [s.name for s in t.allowed(CLUES, cid)] == ["propose", "cross_handle", "report_up", "recuse"]
    with pytest.raises(ValidationError) as refused:
        t.apply(CLUES, cid, "propose", {}, "拟办")
    assert set(refused.value.errors) == {"proposed_handling", "approver"}
    with pytest.raises(ValidationError) as no_reason:
        t.apply(CLUES, cid, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "  ")
    assert "reason" in no_reason.value.errors
    assert records.get(CLUES, cid)["state"] == "registered"  # refused: nothing changed
    t.apply(CLUES, cid, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟谈话函询")
    with pytest.raises(TransitionRefused) as wrong:
        t.apply(CLUES, cid, "file_case", {}, "直接立案")
    assert "已拟办待批" in str(wrong.value) and "不能" in str(wrong.value)
    t.apply(
        CLUES,
        cid,
        "dispose_talk",
        {"disposal_reason": "问题线索较轻", "decided_on": date(2021, 3, 10)},
        "集体研究",
    )
    stored = records.get(CLUES, cid)
    assert stored["state"] == "talk" and stored["disposal"] == "talk"
    t.apply(CLUES, cid, "to_verification", {}, "函询说明不清")
    t.apply(CLUES, cid, "file_case", {}, "初核属实")
    timeline = t.timeline(CLUES, cid)
    assert [e.to_state for e in timeline] == ["已登记", "已拟办待批", "谈话函询中", "初步核实中", "已立案"]
    assert [e.reason for e in timeline[1:]] == ["拟谈话函询", "集体研究", "函询说明不清", "初核属实"]
    assert all(e.by == "admin" for e in timeline)


def test_the_state_cannot_be_typed(records: RecordService, org: Org) -> None:
    cid = clue(records, org)
    records.save(CLUES, {"state": "closed", "disposal": "close"}, cid)
    stored = records.get(CLUES, cid)
    assert stored["state"] == "registered" and stored["disposal"] == ""


def test_deadlines_list_overdue_and_due_soon_per_handler(records: RecordService, org: Org) -> None:
    today = date(2021, 6, 1)
    late = clue(records, org, received_on=today - timedelta(days=45), handler_id=org.wang)
    soon = clue(records, org, received_on=today - timedelta(days=25), handler_id=org.li, subject_name="钱某")
    clue(records, org, received_on=today - timedelta(days=2), handler_id=org.li, subject_name="孙某")
    items = due_items(records, today=today)
    assert [(i.row_id, i.days_left, i.handler) for i in items] == [(late, -15, "王芳"), (soon, 5, "李强")]
    assert items[0].overdue and not items[1].overdue
    assert list(by_handler(items)) == ["王芳", "李强"]
    # A county may set its own deadline: 60 days makes the late one due in 15 days.
    records.save(get("deadline_rules"), {"step": "clue", "days": 60})
    assert [i.row_id for i in due_items(records, today=today)] == []
    # A clue disposed of is no longer waiting for its proposal.
    records.save(get("deadline_rules"), {"step": "clue", "days": 30}, _rule_id(records))
    t = Transitions(records)
    t.apply(CLUES, late, "propose", {"proposed_handling": "close", "approver": "陈书记"}, "拟了结")
    t.apply(CLUES, late, "dispose_close", {"disposal_reason": "查无实据", "decided_on": today}, "集体研究")
    assert [i.row_id for i in due_items(records, today=today)] == [soon]


def _rule_id(records: RecordService) -> str:
    return records.ids(get("deadline_rules"))[0]


def test_extensions_move_an_inquiry_deadline(records: RecordService, org: Org) -> None:
    t = Transitions(records)
    cid = clue(records, org)
    t.apply(CLUES, cid, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟办")
    t.apply(CLUES, cid, "dispose_talk", {"disposal_reason": "较轻", "decided_on": date(2021, 3, 5)}, "研究")
    iid = records.save(INQUIRIES, {"clue_id": cid, "kind": "talk", "lead_id": org.wang, "member_id": org.li})
    t.apply(INQUIRIES, iid, "start", {"started_on": date(2021, 4, 1)}, "开始谈话")
    [item] = [i for i in due_items(records, today=date(2021, 5, 5)) if i.register == "inquiries"]
    assert item.due == date(2021, 5, 1) and item.overdue
    with pytest.raises(ValidationError) as bad:
        t.apply(INQUIRIES, iid, "extend", {"extension_days": "0", "extension_reason": "需补充"}, "延期")
    assert "extension_days" in bad.value.errors
    with pytest.raises(ValidationError) as unapproved:
        t.apply(INQUIRIES, iid, "extend", {"extension_days": 15, "extension_reason": "需补充材料"}, "延期")
    assert "批准人" in str(unapproved.value.errors["approved_by"])
    t.apply(INQUIRIES, iid, "extend", {"extension_days": 15, "extension_reason": "需补充材料",
                                       "approved_by": "纪委书记"}, "经批准延期")  # fmt: skip
    assert records.get(INQUIRIES, iid)["extension_days"] == 15
    [item] = [i for i in due_items(records, today=date(2021, 5, 10)) if i.register == "inquiries"]
    assert item.due == date(2021, 5, 16) and item.days_left == 6


def test_a_rule_in_working_days_skips_the_holidays(records: RecordService, org: Org) -> None:
    from app.services import workdays

    received = date(2024, 9, 27)  # the Friday before the 2024 National Day break
    cid = clue(records, org, received_on=received, handler_id=org.wang)
    rules = get("deadline_rules")
    # Counting the clue's step in working days is not what it usually does: asked first.
    with pytest.raises(NeedsConfirmation) as asked:
        records.save(rules, {"step": "clue", "days": 5, "working": True})
    assert "通常按自然日计算" in str(asked.value.warnings[0])
    records.save(rules, {"step": "clue", "days": 5})
    [item] = due_items(records, today=date(2024, 10, 8))
    assert (item.row_id, item.due, item.days_left, item.warning) == (cid, date(2024, 10, 2), -6, None)
    records.save(rules, {"working": True}, _rule_id(records), confirmed=True)
    # Sunday 29 September (调休) and Monday 30 count; 1-7 October do not: due Thursday 10 October.
    [item] = due_items(records, today=date(2024, 10, 8))
    assert (item.due, item.days_left, item.overdue, item.warning) == (date(2024, 10, 10), 2, False, None)
    # A year without a holiday calendar: counted Monday to Friday, with the warning.
    year = max(workdays.library_years()) + 1
    later = clue(
        records, org, received_on=date(year, 3, 1), registered_on=date(year, 3, 1), subject_name="周某"
    )
    [item] = [i for i in due_items(records, today=date(year, 3, 5)) if i.row_id == later]
    assert item.due == workdays.add_days(None, date(year, 3, 1), 5, working=True)
    assert item.warning is not None and f"{year} 年的节假日安排尚未录入" in str(item.warning)


def test_the_steps_default_to_their_kind_of_days(records: RecordService) -> None:
    from app.services.deadlines import due_date, rules

    with records.ctx.session() as s:
        table = rules(s)
        assert table["letter_reply"] == (15, True) and table["trial"] == (30, False)
        assert table["announce"] == (30, False) and table["appeal"] == (30, False)
        # A letter received on the eve of the Spring Festival break: 15 working days.
        assert due_date(s, "letter_reply", date(2025, 1, 20)) == date(2025, 2, 14)
        assert due_date(s, "trial", date(2025, 1, 20), extension_days=30) == date(2025, 3, 21)
    # 函询回复 set without 工作日 is asked about; set with it, it is not.
    with pytest.raises(NeedsConfirmation) as asked:
        records.save(get("deadline_rules"), {"step": "letter_reply", "days": 20})
    assert "通常按工作日计算" in str(asked.value.warnings[0])
    records.save(get("deadline_rules"), {"step": "letter_reply", "days": 20, "working": True})
    with records.ctx.session() as s:
        assert rules(s)["letter_reply"] == (20, True)


def test_a_talk_needs_two_staff_and_an_open_talk_disposal(records: RecordService, org: Org) -> None:
    cid = clue(records, org)
    with pytest.raises(ValidationError) as refused:
        records.save(INQUIRIES, {"clue_id": cid, "kind": "talk", "lead_id": org.wang})
    assert "两名以上" in str(refused.value.errors["member_id"])
    assert "尚未决定" in str(refused.value.errors["clue_id"])
    with pytest.raises(ValidationError) as same:
        records.save(VERIFICATIONS, {"clue_id": cid, "lead_id": org.wang, "member_id": org.wang})
    assert "同一人" in str(same.value.errors["member_id"])


def test_a_handler_with_a_declared_tie_is_warned(records: RecordService, org: Org) -> None:
    records.save(TIES, {"staff_id": org.wang, "person_name": "赵某", "relation": "kin"})
    values = {"source": "petition", "received_on": date(2021, 3, 1), "subject_name": "赵某",
              "subject_unit": "城关镇纪委", "subject_village": "东湾村", "handler_id": org.wang}  # fmt: skip
    with pytest.raises(NeedsConfirmation) as warned:
        records.save(CLUES, values)
    text = " ".join(str(w) for w in warned.value.warnings)
    assert "王芳" in text and "亲属" in text  # declared tie
    assert "同在「城关镇纪委」" in text  # same unit
    assert "东湾村" in text  # home village
    assert records.ids(CLUES) == []  # nothing saved before confirmation
    cid = records.save(CLUES, values, confirmed=True)
    # Another handler with no ties: no warning; an unrelated edit does not ask again.
    records.save(CLUES, {"handler_id": org.zhang}, cid)
    records.save(CLUES, {"approver": "陈书记"}, cid)


def test_a_new_clue_about_the_same_person_and_matter_is_flagged(records: RecordService, org: Org) -> None:
    first = clue(records, org)
    with pytest.raises(NeedsConfirmation) as warned:
        records.save(CLUES, {"source": "inspection", "received_on": date(2021, 5, 1), "subject_name": "赵某",
                             "subject_unit": "城关镇人民政府", "category": "违反廉洁纪律"})  # fmt: skip
    assert "2021-0001" in str(warned.value.warnings[0])
    second = clue(records, org, received_on=date(2021, 5, 1))
    assert records.get(CLUES, second)["duplicate_of"] == first
    other_matter = clue(records, org, category="违反生活纪律")
    assert records.get(CLUES, other_matter)["duplicate_of"] is None


def test_register_only_keeps_the_row_without_content(records: RecordService, org: Org) -> None:
    cid = records.save(CLUES, {"source": "superior", "received_on": date(2021, 2, 1), "register_only": True})
    assert records.get(CLUES, cid)["subject_name"] == ""
    with pytest.raises(ValidationError) as refused:
        records.save(CLUES, {"source": "superior", "received_on": date(2021, 2, 1), "register_only": True,
                             "subcategory": "违规吃喝", "category": "违反廉洁纪律"})  # fmt: skip
    assert "仅登记" in str(refused.value.errors["subcategory"])
    with pytest.raises(ValidationError) as missing:
        records.save(CLUES, {"source": "superior", "received_on": date(2021, 2, 1)})
    assert "被反映人" in str(missing.value.errors["subject_name"])


def test_measures_belong_to_their_kind_and_inspection_clues_count_for_the_group(
    records: RecordService, org: Org
) -> None:
    base = {"person_name": "赵某", "decided_on": date(2021, 5, 1), "handling_unit_id": org.t1}
    with pytest.raises(ValidationError) as wrong:
        records.save(DISPOSITIONS, {**base, "kind": "reminder", "measure": "警告"})
    assert "提醒谈话的处理方式" in str(wrong.value.errors["measure"])
    with pytest.raises(ValidationError) as guided:
        records.save(DISPOSITIONS, {**base, "kind": "reminder", "measure": "提醒谈话", "guided": True})
    assert "guided_by_id" in guided.value.errors
    mid = records.save(
        DISPOSITIONS,
        {**base, "kind": "reminder", "measure": "提醒谈话", "guided": True, "guided_by_id": org.office},
    )
    assert records.get(DISPOSITIONS, mid)["form"] == "1"  # the form comes from the mapping, not typed
    inspection = clue(records, org, source="inspection", handling_unit_id=org.g1, subject_name="周某",
                      subject_authority="部门管干部")  # fmt: skip
    with pytest.raises(ValidationError) as group:
        records.save(
            DISPOSITIONS, {**base, "kind": "criticism", "measure": "批评教育", "clue_id": inspection}
        )
    assert "派驻纪检监察组" in str(group.value.errors["handling_unit_id"])
    did = records.save(
        DISPOSITIONS,
        {"kind": "criticism", "measure": "批评教育", "decided_on": date(2021, 6, 1), "clue_id": inspection},
    )
    stored = records.get(DISPOSITIONS, did)
    assert stored["person_name"] == "周某" and stored["handling_unit_id"] == org.g1
    assert stored["person_id"] == records.get(CLUES, inspection)["person_id"]  # the clue's person


def test_cross_handling_hands_the_clue_to_another_unit(records: RecordService, org: Org) -> None:
    # Within the zone at a township, across zones by the county's assignment: test_recusals.py.
    t = Transitions(records)
    cid = clue(records, org)
    with pytest.raises(ValidationError) as same_unit:
        t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t1}, "回避")
    assert "另一个单位" in str(same_unit.value.errors["handling_unit_id"])
    t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t2}, "被反映人与本镇干部关系密切，交叉办理")
    stored = records.get(CLUES, cid)
    assert stored["handling_unit_id"] == org.t2 and stored["state"] == "registered"
    assert t.timeline(CLUES, cid)[-1].action == "交叉办理（交片区内其他单位）"


def test_case_co_review_and_measure(records: RecordService, org: Org) -> None:
    t = Transitions(records)
    cid = clue(records, org)
    t.apply(CLUES, cid, "propose", {"proposed_handling": "verify", "approver": "陈书记"}, "拟初核")
    t.apply(
        CLUES, cid, "dispose_verify", {"disposal_reason": "需核实", "decided_on": date(2021, 3, 5)}, "研究"
    )
    with pytest.raises(ValidationError):
        records.save(CASES, {"number": "A-1", "filed_on": date(2021, 4, 1), "clue_id": clue(records, org,
                     subject_name="吴某"), "handling_unit_id": org.t1})  # fmt: skip
    kid = records.save(CASES, {"number": "A-2", "filed_on": date(2021, 4, 1), "clue_id": cid,
                               "handling_unit_id": org.t1})  # fmt: skip
    assert records.get(CASES, kid)["subject_name"] == "赵某"  # carried from the clue
    assert records.get(CASES, kid)["person_id"] == records.get(CLUES, cid)["person_id"]
    records.save(get("case_units"), {"case_id": kid, "unit_id": org.g1, "joined_on": date(2021, 4, 2)})
    with pytest.raises(ValidationError) as twice:
        records.save(get("case_units"), {"case_id": kid, "unit_id": org.g1})
    assert "已登记为本案的协办单位" in str(twice.value.errors["unit_id"])
    with pytest.raises(ValidationError) as handling:
        records.save(get("case_units"), {"case_id": kid, "unit_id": org.t1})
    assert "承办单位" in str(handling.value.errors["unit_id"])
    with pytest.raises(ValidationError) as early:
        records.save(CO_REVIEWS, {"case_id": kid, "requested_on": date(2021, 6, 1)})
    assert "尚未移送审理" in str(early.value.errors["case_id"])
    t.apply(CASES, kid, "approve", {"approved_by": "镇党委", "approval_no": "城纪立〔2021〕1号",
                                    "approved_on": date(2021, 4, 1)}, "经镇党委批准立案")  # fmt: skip
    assert records.get(CLUES, cid)["state"] == "case"  # 立案 moved the clue
    t.apply(CASES, kid, "investigate", {}, "开始")
    t.apply(CASES, kid, "to_review", {"review_on": date(2021, 5, 30), "facts": "事实清楚"}, "移送审理")
    rid = records.save(CO_REVIEWS, {"case_id": kid, "requested_on": date(2021, 6, 1)})
    with pytest.raises(TransitionRefused):
        t.apply(CO_REVIEWS, rid, "close", {"result": "agree"}, "结果")
    t.apply(CO_REVIEWS, rid, "give_opinion", {"reviewer": "审理室孙某", "opinion": "事实清楚", "opinion_on":
            date(2021, 6, 10), "result": "agree"}, "审理")  # fmt: skip
    t.apply(CO_REVIEWS, rid, "close", {"result": "agree"}, "采纳")
    assert records.get(CO_REVIEWS, rid)["state"] == "closed"


def test_a_report_becomes_a_clue(records: RecordService, org: Org) -> None:
    rid = records.save(REPORTS, {"received_on": date(2021, 1, 5), "method": "letter", "subject_name": "郑某",
                                 "subject_unit": "河口乡人民政府", "category": "违反群众纪律",
                                 "subcategory": "优亲厚友"})  # fmt: skip
    values = clue_values_from_report(records, rid)
    assert values["source"] == "petition" and values["report_id"] == rid and values["subject_name"] == "郑某"
    cid = clue_from_report(records, rid)
    assert records.get(REPORTS, rid)["state"] == "clued" and records.get(CLUES, cid)["report_id"] == rid
    clue_from_report(records, rid, {"category": "违反工作纪律", "subcategory": ""}, confirmed=True)
    timeline = Transitions(records).timeline(REPORTS, rid)
    assert [e.reason for e in timeline[1:]] == ["已转为问题线索 2021-0001", "已转为问题线索 2021-0002"]
    with pytest.raises(ValidationError) as named:
        records.save(
            REPORTS,
            {"received_on": date(2021, 1, 5), "method": "visit", "named": True, "subject_name": "郑某"},
        )
    assert "实名" in str(named.value.errors["reporter"])


def test_a_refused_clue_leaves_the_report_as_it_was(records: RecordService, org: Org) -> None:
    """The clue and the report's step are one operation: a clue that does not validate moves
    nothing, and a report that cannot take the step keeps no clue."""
    rid = records.save(REPORTS, {"received_on": date(2021, 1, 5), "method": "letter", "subject_name": "郑某"})
    before = records.count(CLUES)
    with pytest.raises(ValidationError):
        clue_from_report(records, rid, {"received_on": "not a date"})
    assert records.get(REPORTS, rid)["state"] == "received" and records.count(CLUES) == before
    records.delete(REPORTS, rid)
    with pytest.raises((NotFoundError, ValidationError)):  # a deleted report takes no step
        clue_from_report(records, rid)
    assert records.count(CLUES) == before
