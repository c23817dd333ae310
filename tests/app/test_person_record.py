"""A person's record (人员档案): everything on file about one person, the measures in force on a
day, people of a name, possible duplicates, and the audience (知悉范围) respected throughout."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

import pytest
from apphelpers import conclude_case

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.security.secrecy import NotInAudience
from app.services import person_record as pr
from app.services.records import NotFoundError, RecordService
from app.services.transitions import Transitions

KEY = secrets.token_bytes(32)
ID_NUMBER = "11010519491231002X"
PEOPLE, CLUES, CASES, MEASURES = get("people"), get("clues"), get("cases"), get("dispositions")


@dataclass
class Casework:
    records: RecordService
    t1: str
    g1: str
    zhang: str  # 张三, with a clue, an inquiry, a case, a unit taking part and three measures
    twin: str  # another 张三 of the same unit
    same_id: str  # 张叁 of another unit with the same ID number
    li: str  # 李四: nothing on record
    clue: str
    case: str
    warning: str  # 党纪处分 警告 decided 2025-03-01: in force until 2026-02-28
    demerit: str  # 政务处分 记过 decided 2021-01-01: run out 2021-12-31
    criticism: str  # 批评教育: no period


@pytest.fixture
def casework(county_db: Database) -> Casework:
    records = RecordService(Context.system(county_db, "admin", sensitive_key=KEY))
    t1 = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    g1 = records.save(get("units"), {"code": "G01", "name": "第一派驻组", "unit_type": "group"})
    lead = records.save(get("staff"), {"name": "王芳", "unit_id": t1, "post": "secretary"})
    member = records.save(get("staff"), {"name": "李强", "unit_id": t1, "post": "member"})
    person = {"unit": "城关镇人民政府", "post": "副镇长", "party_member": True, "object_category": "1",
              "authority": "乡镇管干部", "rank": "科级"}  # fmt: skip
    zhang = records.save(PEOPLE, {"name": "张三", "id_number": ID_NUMBER, **person})
    twin = records.save(PEOPLE, {"name": "张三", **{**person, "post": "主任科员"}})
    same_id = records.save(PEOPLE, {"name": "张叁", "id_number": ID_NUMBER.lower(), "unit": "河口乡人民政府"})
    li = records.save(PEOPLE, {"name": "李四", "unit": "城关镇人民政府"})
    clue = records.save(CLUES, {"source": "petition", "received_on": date(2024, 3, 1), "person_id": zhang,
                                "category": "违反廉洁纪律", "handling_unit_id": t1}, confirmed=True)  # fmt: skip
    t = Transitions(records)
    t.apply(CLUES, clue, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟谈话")
    t.apply(CLUES, clue, "dispose_talk", {"disposal_reason": "较轻", "decided_on": date(2024, 3, 5)}, "研究")
    records.save(get("inquiries"), {"kind": "talk", "clue_id": clue, "lead_id": lead, "member_id": member,
                                    "started_on": date(2024, 3, 10)}, confirmed=True)  # fmt: skip
    case = records.save(CASES, {"number": "LA2024-01", "filed_on": date(2024, 5, 1), "clue_id": clue,
                                "handling_unit_id": t1}, confirmed=True)  # fmt: skip
    records.save(
        get("case_units"), {"case_id": case, "unit_id": g1, "joined_on": date(2024, 5, 2), "role": "协查"}
    )
    conclude_case(records, case, date(2024, 12, 1))
    base = {"person_id": zhang, "handling_unit_id": t1}
    warning = records.save(MEASURES, {**base, "kind": "party", "measure": "警告", "decided_on": date(2025, 3, 1),
                                      "case_id": case, "decision_no": "城纪〔2025〕3号"})  # fmt: skip
    demerit = records.save(
        MEASURES, {**base, "kind": "state", "measure": "记过", "decided_on": date(2021, 1, 1)}
    )
    criticism = records.save(
        MEASURES, {**base, "kind": "criticism", "measure": "批评教育", "decided_on": date(2024, 4, 1)}
    )
    return Casework(records, t1, g1, zhang, twin, same_id, li, clue, case, warning, demerit, criticism)


def test_a_person_record_lists_everything_on_file(casework: Casework) -> None:
    record = pr.person_record(casework.records, casework.zhang, on=date(2025, 6, 1))
    assert record.person.display == "张三（城关镇人民政府，副镇长）"
    assert record.person.party_member and record.person.object_label.startswith("（一）")
    assert record.person.has_id_number  # on file, never opened here
    [clue] = record.clues
    assert (clue.number, clue.received_on, clue.state_label, clue.disposal_label, clue.handling_unit) == (
        "2024-0001",
        date(2024, 3, 1),
        "已办结",  # the case filed on it moved it on (立案), its conclusion finished it (审结)
        "谈话函询",
        "城关镇纪委",
    )
    [inquiry] = record.inquiries
    assert (inquiry.kind, inquiry.clue_number, inquiry.state) == ("谈话", "2024-0001", "已制定方案")
    assert record.verifications == ()
    [case] = record.cases
    assert (case.number, case.filed_on, case.state_label, case.handling_unit) == (
        "LA2024-01",
        date(2024, 5, 1),
        "已结案",
        "城关镇纪委",
    )
    [part] = record.case_units
    assert (part.case_number, part.unit, part.role) == ("LA2024-01", "第一派驻组", "协查")
    # Newest first; the form under the mapping in force; the period's end and whether it binds.
    assert [m.id for m in record.measures] == [casework.warning, casework.criticism, casework.demerit]
    warning, criticism, demerit = record.measures
    assert (warning.title, warning.form_label, warning.ends_on, warning.in_force) == (
        "党纪处分（警告）",
        "第二种形态",
        date(2026, 2, 28),
        True,
    )
    assert warning.case_number == "LA2024-01" and warning.decision_no == "城纪〔2025〕3号"
    assert warning.handling_unit == "城关镇纪委"
    assert (demerit.ends_on, demerit.in_force) == (date(2021, 12, 31), False)
    assert (criticism.form_label, criticism.has_period, criticism.in_force) == ("第一种形态", False, False)
    assert record.in_force == (warning,)
    assert not record.empty


def test_in_force_on_a_day(casework: Casework) -> None:
    records = casework.records
    assert [m.id for m in pr.person_record(records, casework.zhang, on=date(2021, 6, 30)).in_force] == [
        casework.demerit
    ]
    assert pr.person_record(records, casework.zhang, on=date(2026, 2, 28)).in_force[0].id == casework.warning
    assert pr.person_record(records, casework.zhang, on=date(2026, 3, 1)).in_force == ()
    assert pr.person_record(records, casework.zhang, on=date(2025, 2, 28)).in_force == ()  # not yet decided
    assert pr.person_record(records, casework.zhang).on == date.today()


def test_people_are_found_by_name_and_duplicates_are_pointed_to(casework: Casework) -> None:
    records = casework.records
    assert {p.id for p in pr.find_people(records, " 张三 ")} == {casework.zhang, casework.twin}
    assert pr.find_people(records, "王五") == []
    dups = pr.person_record(records, casework.zhang).duplicates
    assert {d.person.id: d.reasons for d in dups} == {
        casework.twin: (pr.SAME_NAME_UNIT,),
        casework.same_id: (pr.SAME_ID_NUMBER,),  # the same number typed in lower case
    }
    assert pr.duplicates(records, casework.li) == ()
    [group] = pr.duplicate_groups(records)
    assert {d.person.id: d.reason_labels for d in group} == {
        casework.zhang: ("同名同单位", "身份证号码相同"),
        casework.twin: ("同名同单位",),
        casework.same_id: ("身份证号码相同",),
    }
    nothing = pr.person_record(records, casework.li)
    assert nothing.empty and nothing.measures == () and nothing.duplicates == ()


def test_a_record_outside_the_audience_is_left_out(casework: Casework) -> None:
    records = casework.records
    records.save(CASES, {"audience": "admin", "secrecy": "work_secret"}, casework.case)
    clerk = RecordService(Context(records.db, Actor("clerk", "staff")))
    seen = pr.person_record(clerk, casework.zhang, on=date(2025, 6, 1))
    assert seen.cases == () and seen.case_units == ()  # nor the units taking part in it
    assert seen.measures[0].case_number == "（受限）"  # the measure stays; its case is not named
    assert len(pr.person_record(records, casework.zhang).cases) == 1
    records.save(PEOPLE, {"audience": "admin"}, casework.twin)
    assert [p.id for p in pr.find_people(clerk, "张三")] == [casework.zhang]
    assert casework.twin not in {d.person.id for d in pr.duplicates(clerk, casework.zhang)}
    with pytest.raises(NotInAudience):
        pr.person_record(clerk, casework.twin)
    with pytest.raises(NotFoundError):
        pr.person_record(clerk, "no-such-person")


def test_a_records_person_and_what_a_form_takes_from_them(casework: Casework) -> None:
    records = casework.records
    assert pr.person_of_record(records, "clues", casework.clue) == casework.zhang
    assert pr.person_of_record(records, "dispositions", casework.warning) == casework.zhang
    assert pr.person_of_record(records, "units", casework.t1) is None
    assert pr.has_person("cases") and pr.has_person("inquiries") and not pr.has_person("staff")
    fill = pr.fill_from_person(records, "clues", casework.zhang)
    assert fill.when_empty["subject_unit"] == "城关镇人民政府"
    assert fill.when_empty["subject_authority"] == "乡镇管干部"
    assert fill.always == {"subject_is_member": True, "subject_is_object": True}
    fill = pr.fill_from_person(records, "dispositions", casework.li)
    assert fill.when_empty == {"person_name": "李四", "person_unit": "城关镇人民政府", "person_post": ""}
