"""Pledges (廉洁承诺), warning education (警示教育), circulars (通报), clearing a name (澄清正名) and
tolerating an error (容错免责): each register created, edited, deleted and exported; their rules
refused with their messages; the duties' ``paid`` naming who is missing; a township's records
travelling in its bundle and merged at the county."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import EnrolledPair, enrolled_pair, send
from openpyxl import load_workbook

from app.registers import get
from app.registers.circulars import CIRCULAR_DUTY
from app.registers.education import WARNING_DUTY
from app.services.records import RecordService, ValidationError
from app.services.spreadsheet import export_register
from app.services.transitions import Transitions

PLEDGES, EDUCATION, CIRCULARS = get("pledges"), get("warning_educations"), get("circulars")
CLEARINGS, TOLERANCES = get("name_clearings"), get("tolerances")
CLUES, INQUIRIES, VERIFICATIONS = get("clues"), get("inquiries"), get("verifications")


@pytest.fixture
def pair(tmp_path: Path) -> EnrolledPair:
    """County C01 and township T01 (made from its enrolment package), both on SQLite."""
    return enrolled_pair(tmp_path / "pair")


class Desk:
    def __init__(self, ctx: Any, unit_id: str) -> None:
        self.records = RecordService(ctx)
        self.flow = Transitions(self.records)
        self.unit = unit_id
        staff = get("staff")
        self.wang = self.records.save(staff, {"name": "王芳", "unit_id": unit_id, "post": "secretary"})
        self.li = self.records.save(staff, {"name": "李强", "unit_id": unit_id, "post": "member"})
        self.village = self.records.save(get("villages"), {"township_id": unit_id, "name": "东湾村"})

    def step(self, reg: Any, rid: str, name: str, reason: str = "依规办理", **values: Any) -> str:
        return self.flow.apply(reg, rid, name, values, reason, confirmed=True)

    def clue(self, disposal: str, name: str = "张三") -> str:
        values = {"source": "petition", "received_on": date(2024, 9, 2), "subject_name": name,
                  "subject_unit": "东湾村村民委员会", "subject_post": "村委会主任",
                  "subject_authority": "村级干部"}  # fmt: skip
        cid = self.records.save(CLUES, values, confirmed=True)
        self.step(CLUES, cid, "propose", proposed_handling=disposal, approver="陈书记")
        self.step(CLUES, cid, f"dispose_{disposal}", disposal_reason="集体研究", decided_on=date(2024, 9, 10))
        return cid

    def talked(self, cid: str, outcome: str) -> str:
        """A talk inquiry on the clue, reported with ``outcome``."""
        iid = self.records.save(INQUIRIES, {"clue_id": cid, "kind": "talk", "lead_id": self.wang,
                                            "member_id": self.li}, confirmed=True)  # fmt: skip
        self.step(INQUIRIES, iid, "start", started_on=date(2024, 9, 12))
        self.step(
            INQUIRIES, iid, "report", outcome=outcome, finished_on=date(2024, 9, 30), report="经谈话核实"
        )
        return iid


@pytest.fixture
def town(pair: EnrolledPair) -> Desk:
    return Desk(pair.unit, pair.unit_id)


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {k: str(v) for k, v in exc.value.errors.items()}


def _exported(records: RecordService, reg: Any, path: Path) -> list[tuple[Any, ...]]:
    assert export_register(records, reg, records.ids(reg), path) == len(records.ids(reg))
    return list(load_workbook(path).active.iter_rows(values_only=True))


# ---- create, edit, delete, export --------------------------------------------------------------
def test_pledges_are_kept_edited_exported_and_deleted(town: Desk, tmp_path: Path) -> None:
    r = town.records
    mine = r.save(PLEDGES, {"kind": "integrity", "signed_on": date(2024, 3, 1), "staff_id": town.wang})
    stored = r.get(PLEDGES, mine)
    assert (stored["unit_id"], stored["signer_name"]) == (town.unit, "王芳")  # own unit, the staff's name
    family = r.save(PLEDGES, {"kind": "family", "signed_on": date(2024, 3, 2), "signer_type": "village",
                              "village_id": town.village, "signer_name": "赵村长", "signer_post": "村委会主任",
                              "family_member": "钱某", "family_relation": "配偶"})  # fmt: skip
    r.save(PLEDGES, {"signer_post": "村党组织书记"}, family)
    assert r.get(PLEDGES, family)["signer_post"] == "村党组织书记"
    rows = _exported(r, PLEDGES, tmp_path / "pledges.xlsx")
    assert "签订人" in rows[0] and len(rows) == 3
    assert any("清廉家庭倡议书" in row and "钱某" in row for row in rows[1:])
    r.delete(PLEDGES, mine)
    assert r.ids(PLEDGES) == [family]


def test_pledge_rules(town: Desk) -> None:
    r = town.records
    with pytest.raises(ValidationError) as family:
        r.save(PLEDGES, {"kind": "family", "signed_on": date(2024, 3, 1), "staff_id": town.wang})
    assert "清廉家庭倡议书须由家庭成员共同签订" in _errors(family)["family_member"]
    with pytest.raises(ValidationError) as village:
        r.save(PLEDGES, {"signed_on": date(2024, 3, 1), "signer_type": "village", "signer_name": "赵某"})
    assert "请选择所在村（社区）" in _errors(village)["village_id"]
    with pytest.raises(ValidationError) as nobody:
        r.save(PLEDGES, {"signed_on": date(2024, 3, 1), "signer_type": "cadre"})
    assert "请填写签订人姓名" in _errors(nobody)["signer_name"]


def test_warning_education_is_kept_edited_exported_and_deleted(town: Desk, tmp_path: Path) -> None:
    r = town.records
    visit = r.save(EDUCATION, {"held_on": date(2024, 5, 20), "form": "base", "place": "县廉政教育基地",
                               "topic": "以案为鉴", "participants": 36,
                               "party_orgs": "镇机关党支部、东湾村党支部"})  # fmt: skip
    film = r.save(EDUCATION, {"held_on": date(2024, 6, 3), "form": "film", "participants": 40})
    r.save(EDUCATION, {"participants": 38}, visit)
    assert r.get(EDUCATION, visit)["participants"] == 38 and r.get(EDUCATION, visit)["unit_id"] == town.unit
    rows = _exported(r, EDUCATION, tmp_path / "education.xlsx")
    assert "参加的党组织" in rows[0] and any("县廉政教育基地" in row for row in rows[1:])
    with pytest.raises(ValidationError) as no_place:
        r.save(EDUCATION, {"held_on": date(2024, 5, 20), "form": "base", "participants": 10})
    assert "须写明基地名称" in _errors(no_place)["place"]
    r.delete(EDUCATION, film)
    assert r.ids(EDUCATION) == [visit]


def test_circulars_are_kept_edited_exported_and_deleted(town: Desk, tmp_path: Path) -> None:
    r = town.records
    first = r.save(CIRCULARS, {"number": "城纪通〔2024〕1号", "issued_on": date(2024, 2, 5), "kind": "typical",
                               "title": "关于三起违反中央八项规定精神问题的通报",
                               "named": "东湾村村委会主任张三违规吃喝", "recipients": "各村党组织",
                               "body": "现将三起典型问题通报如下……"})  # fmt: skip
    work = r.save(CIRCULARS, {"number": "城纪通〔2024〕2号", "issued_on": date(2024, 5, 5), "kind": "work",
                              "title": "关于一季度驻村监督情况的通报"})  # fmt: skip
    r.save(CIRCULARS, {"title": "关于一季度驻村监督工作情况的通报"}, work)
    assert r.get(CIRCULARS, work)["title"] == "关于一季度驻村监督工作情况的通报"
    with pytest.raises(ValidationError) as nameless:
        r.save(CIRCULARS, {"number": "城纪通〔2024〕3号", "issued_on": date(2024, 6, 5), "kind": "typical",
                           "title": "典型问题通报"})  # fmt: skip
    assert "须写明通报的人员或案件" in _errors(nameless)["named"]
    with pytest.raises(ValidationError) as twice:
        r.save(CIRCULARS, {"number": "城纪通〔2024〕1号", "issued_on": date(2024, 6, 5), "kind": "work",
                           "title": "重号"})  # fmt: skip
    assert twice.value.errors
    rows = _exported(r, CIRCULARS, tmp_path / "circulars.xlsx")
    assert "文号" in rows[0] and any("城纪通〔2024〕1号" in row for row in rows[1:])
    r.delete(CIRCULARS, first)
    assert r.ids(CIRCULARS) == [work]


def test_a_name_is_cleared_only_after_its_clue_was_found_untrue(town: Desk, tmp_path: Path) -> None:
    r = town.records
    open_clue = town.clue("talk")
    with pytest.raises(ValidationError) as early:
        r.save(CLEARINGS, {"clue_id": open_clue, "cleared_on": date(2024, 10, 8), "form": "meeting"})
    assert (
        "尚未以「了结澄清」（谈话函询）或「予以了结」（初步核实，反映不实）办结" in _errors(early)["clue_id"]
    )
    # A talk that ended in a first-form measure does not clear a name either.
    handled = town.clue("talk", "李四")
    town.talked(handled, "first_form")
    with pytest.raises(ValidationError) as measured:
        r.save(CLEARINGS, {"clue_id": handled, "cleared_on": date(2024, 10, 8)})
    assert "不能澄清正名" in _errors(measured)["clue_id"]
    town.talked(open_clue, "clarified")
    with pytest.raises(ValidationError) as before:
        r.save(CLEARINGS, {"clue_id": open_clue, "cleared_on": date(2024, 9, 20)})
    assert "澄清日期不能早于线索办结（2024-09-30）" in _errors(before)["cleared_on"]
    with pytest.raises(ValidationError) as unanswered:
        r.save(CLEARINGS, {"clue_id": open_clue, "cleared_on": date(2024, 10, 8), "malicious": True})
    assert "须写明对举报人的责任追究情况" in _errors(unanswered)["accountability"]
    cleared = r.save(CLEARINGS, {"clue_id": open_clue, "cleared_on": date(2024, 10, 8), "form": "meeting",
                                 "scope": "东湾村党员大会", "malicious": True,
                                 "accountability": "举报人捏造事实，移送公安机关依法处理"})  # fmt: skip
    stored = r.get(CLEARINGS, cleared)
    assert (stored["person_name"], stored["person_unit"], stored["unit_id"]) == (
        "张三",
        "东湾村村民委员会",
        town.unit,
    )
    assert stored["person_id"] == r.get(CLUES, open_clue)["person_id"]  # the clue's person
    assert stored["accountability"] == "举报人捏造事实，移送公安机关依法处理"
    # By a circular: the circular is named.
    with pytest.raises(ValidationError) as no_circular:
        r.save(CLEARINGS, {"form": "circular"}, cleared)
    assert "请选择所发的通报" in _errors(no_circular)["circular_id"]
    circular = r.save(CIRCULARS, {"number": "城纪通〔2024〕9号", "issued_on": date(2024, 10, 8),
                                  "kind": "clearing", "title": "关于为张三同志澄清正名的通报"})  # fmt: skip
    r.save(CLEARINGS, {"form": "circular", "circular_id": circular}, cleared)
    rows = _exported(r, CLEARINGS, tmp_path / "clearings.xlsx")
    assert "澄清方式" in rows[0] and any("通报澄清" in row for row in rows[1:])
    r.delete(CLEARINGS, cleared)
    assert r.ids(CLEARINGS) == []


def test_a_verification_found_untrue_clears_a_name(town: Desk) -> None:
    r = town.records
    cid = town.clue("verify")
    vid = r.save(VERIFICATIONS, {"clue_id": cid, "lead_id": town.wang, "member_id": town.li}, confirmed=True)
    town.step(VERIFICATIONS, vid, "start", started_on=date(2024, 9, 12))
    town.step(
        VERIFICATIONS, vid, "report", outcome="closed", finished_on=date(2024, 10, 30), report="反映不实"
    )
    cleared = r.save(CLEARINGS, {"clue_id": cid, "cleared_on": date(2024, 11, 4), "form": "written",
                                 "scope": "书面告知本人及所在党支部"})  # fmt: skip
    assert r.get(CLEARINGS, cleared)["person_name"] == "张三"


def test_tolerance_goes_from_application_to_review_to_decision(town: Desk, tmp_path: Path) -> None:
    r = town.records
    app_id = r.save(TOLERANCES, {"person_name": "刘某", "person_unit": "城关镇人民政府", "person_post": "副镇长",
                                 "applied_on": date(2024, 4, 1),
                                 "matter": "推进土地流转试点中合同条款不完善，造成一定损失"})  # fmt: skip
    assert r.get(TOLERANCES, app_id)["state"] == "applied"
    r.save(TOLERANCES, {"person_post": "党委委员、副镇长"}, app_id)
    # No decision by editing, nor before the review.
    with pytest.raises(ValidationError) as by_hand:
        r.save(TOLERANCES, {"decision": "exempt"}, app_id)
    assert "须经审查后通过「作出决定」办理" in _errors(by_hand)["decision"]
    with pytest.raises(Exception) as unreviewed:
        town.step(
            TOLERANCES, app_id, "decide", decision="exempt", decided_on=date(2024, 4, 20), decided_by="镇党委"
        )
    assert "不能「作出决定」" in str(unreviewed.value)
    town.step(TOLERANCES, app_id, "review", reviewed_on=date(2024, 4, 10), review_opinion="经审查，属先行先试中的失误",
              no_experience=True, not_for_self=True)  # fmt: skip
    with pytest.raises(ValidationError) as unchecked:
        town.step(
            TOLERANCES, app_id, "decide", decision="exempt", decided_on=date(2024, 4, 20), decided_by="镇党委"
        )
    message = _errors(unchecked)["decision"]
    assert "免责须经审查符合「三个区分开来」的全部情形" in message and "非明令禁止后我行我素" in message
    assert r.get(TOLERANCES, app_id)["state"] == "reviewed"  # refused: nothing changed
    assert town.step(TOLERANCES, app_id, "decide", decision="reduced", decided_on=date(2024, 4, 20),
                     decided_by="镇党委") == "decided"  # fmt: skip
    decided = r.get(TOLERANCES, app_id)
    assert (decided["decision"], decided["decided_by"]) == ("reduced", "镇党委")
    with pytest.raises(ValidationError) as emptied:
        r.save(TOLERANCES, {"decision": ""}, app_id)
    assert "处理决定不能为空" in _errors(emptied)["decision"]
    # Sent back for review, it loses its decision.
    town.step(TOLERANCES, app_id, "reconsider", reason="申请人补充材料")
    assert r.get(TOLERANCES, app_id)["decision"] in ("", None)
    # Nothing found at all: not even 减责.
    other = r.save(
        TOLERANCES, {"person_name": "周某", "applied_on": date(2024, 5, 1), "matter": "违规发放补贴"}
    )
    town.step(
        TOLERANCES,
        other,
        "review",
        reviewed_on=date(2024, 5, 10),
        review_opinion="为谋取私利，不符合容错情形",
    )
    with pytest.raises(ValidationError) as none:
        town.step(
            TOLERANCES, other, "decide", decision="reduced", decided_on=date(2024, 5, 20), decided_by="镇党委"
        )
    assert "减责须经审查至少符合「三个区分开来」的一种情形" in _errors(none)["decision"]
    town.step(
        TOLERANCES, other, "decide", decision="refused", decided_on=date(2024, 5, 20), decided_by="镇党委"
    )
    rows = _exported(r, TOLERANCES, tmp_path / "tolerances.xlsx")
    assert "处理决定" in rows[0] and any("不予免责" in row for row in rows[1:])
    r.delete(TOLERANCES, app_id)
    assert r.ids(TOLERANCES) == [other]


def test_the_command_line_refuses_with_the_same_message(pair: EnrolledPair, tmp_path: Path) -> None:
    from apphelpers import Cli

    # The township's installation, on its own command line.
    folder = Path(pair.unit.data_dir)
    pair.unit.db.close()
    password = tmp_path / "password.txt"
    from apphelpers import PASSWORD

    password.write_text(PASSWORD + "\n", encoding="utf-8")
    cli = Cli(folder, None, password)
    result = cli.run("record", "add", "pledges", "--set", "kind=family", "--set", "signed_on=2024-03-01",
                     "--set", "signer_type=cadre", "--set", "signer_name=孙某")  # fmt: skip
    assert result.returncode == 1 and "清廉家庭倡议书须由家庭成员共同签订" in result.stderr
    added = cli.run("record", "add", "pledges", "--set", "kind=family", "--set", "signed_on=2024-03-01",
                    "--set", "signer_type=cadre", "--set", "signer_name=孙某", "--set", "family_member=孙妻")  # fmt: skip
    assert added.returncode == 0, added.stderr
    # 容错免责 on the command line: the decision refused until the review found the conditions.
    made = cli.json("record", "add", "tolerances", "--set", "姓名=刘某", "--set", "申请日期=2024-04-01",
                    "--set", "申请容错的事项=试点中的失误", "--json")  # fmt: skip
    rid = made["id"]
    cli.ok("record", "step", "tolerances", rid, "审查", "--reason", "逐项审查", "--set", "审查日期=2024-04-10",
           "--set", "审查意见=属先行先试", "--set", "no_experience=是")  # fmt: skip
    refused = cli.run("record", "step", "tolerances", rid, "作出决定", "--reason", "集体研究",
                      "--set", "处理决定=exempt", "--set", "决定日期=2024-04-20", "--set", "决定机关=镇党委")  # fmt: skip
    assert refused.returncode == 1 and "免责须经审查符合「三个区分开来」的全部情形" in refused.stderr
    cli.ok("record", "step", "tolerances", rid, "作出决定", "--reason", "集体研究", "--set", "处理决定=reduced",
           "--set", "决定日期=2024-04-20", "--set", "决定机关=镇党委")  # fmt: skip
    shown = cli.json("record", "show", "tolerances", rid, "--json")["fields"]
    assert (shown["state"], shown["decision"], shown["no_experience"]) == ("decided", "reduced", True)


# ---- duties ------------------------------------------------------------------------------------
def test_the_duties_name_who_is_missing(pair: EnrolledPair) -> None:
    county = RecordService(pair.county)
    units = get("units")
    t02 = county.save(units, {"code": "T02", "name": "东关镇纪委", "unit_type": "township"})
    g01 = county.save(units, {"code": "G01", "name": "派驻第一纪检监察组", "unit_type": "group"})
    t01 = pair.unit_id
    county.save(CIRCULARS, {"number": "东纪通〔2024〕1号", "issued_on": date(2024, 2, 1), "kind": "work",
                            "title": "一季度工作通报", "unit_id": t02})  # fmt: skip
    county.save(CIRCULARS, {"number": "组通〔2024〕1号", "issued_on": date(2024, 4, 1), "kind": "work",
                            "title": "二季度工作通报", "unit_id": g01})  # fmt: skip
    county.save(EDUCATION, {"held_on": date(2024, 5, 1), "form": "base", "place": "县廉政教育基地",
                            "participants": 20, "unit_id": t02})  # fmt: skip
    county.save(EDUCATION, {"held_on": date(2024, 6, 1), "form": "film", "participants": 30, "unit_id": g01})
    names = {t01: "城关镇纪委", t02: "东关镇纪委", g01: "派驻第一纪检监察组"}
    assert (CIRCULAR_DUTY.period, CIRCULAR_DUTY.owes) == ("quarter", "commission")
    assert (WARNING_DUTY.period, WARNING_DUTY.owes) == ("year", "unit")
    with pair.county.db.session() as s:
        q1 = CIRCULAR_DUTY.paid(s, date(2024, 1, 1), date(2024, 3, 31))
        q2 = CIRCULAR_DUTY.paid(s, date(2024, 4, 1), date(2024, 6, 30))
        year = WARNING_DUTY.paid(s, date(2024, 1, 1), date(2024, 12, 31))
    assert sorted(names[u] for u in set(names) - set(q1)) == ["城关镇纪委", "派驻第一纪检监察组"]
    assert sorted(names[u] for u in set(names) - set(q2)) == ["东关镇纪委", "城关镇纪委"]
    # A film is recorded but is not the yearly visit to an education base.
    assert sorted(names[u] for u in set(names) - set(year)) == ["城关镇纪委", "派驻第一纪检监察组"]
    assert len(year[t02]) == 1


# ---- travel ------------------------------------------------------------------------------------
def test_a_townships_records_travel_in_its_bundle_and_merge_at_the_county(town: Desk, pair: EnrolledPair,
                                                                          tmp_path: Path) -> None:  # fmt: skip
    r = town.records
    pledge = r.save(PLEDGES, {"signed_on": date(2024, 3, 1), "staff_id": town.wang})
    education = r.save(EDUCATION, {"held_on": date(2024, 5, 20), "form": "base", "place": "县廉政教育基地",
                                   "participants": 30})  # fmt: skip
    circular = r.save(CIRCULARS, {"number": "城纪通〔2024〕1号", "issued_on": date(2024, 2, 5), "kind": "work",
                                  "title": "工作通报"})  # fmt: skip
    cid = town.clue("talk")
    town.talked(cid, "clarified")
    cleared = r.save(CLEARINGS, {"clue_id": cid, "cleared_on": date(2024, 10, 8), "malicious": True,
                                 "accountability": "对诬告人给予党内警告处分"})  # fmt: skip
    tolerance = r.save(
        TOLERANCES, {"person_name": "刘某", "applied_on": date(2024, 4, 1), "matter": "试点失误"}
    )
    town.step(TOLERANCES, tolerance, "review", reviewed_on=date(2024, 4, 10), review_opinion="符合",
              no_experience=True, not_forbidden=True, not_for_self=True)  # fmt: skip
    town.step(
        TOLERANCES, tolerance, "decide", decision="exempt", decided_on=date(2024, 4, 20), decided_by="镇党委"
    )
    assert send(pair.unit, pair.county, tmp_path).status == "imported"
    county = RecordService(pair.county)
    assert county.get(PLEDGES, pledge)["signer_name"] == "王芳"
    assert county.get(EDUCATION, education)["unit_id"] == pair.unit_id
    assert county.get(CIRCULARS, circular)["number"] == "城纪通〔2024〕1号"
    assert county.get(CLEARINGS, cleared)["accountability"] == "对诬告人给予党内警告处分"  # sealed, opened
    merged = county.get(TOLERANCES, tolerance)
    assert (merged["state"], merged["decision"]) == ("decided", "exempt")
    with pair.county.db.session() as s:
        assert pair.unit_id in CIRCULAR_DUTY.paid(s, date(2024, 1, 1), date(2024, 3, 31))
        assert WARNING_DUTY.paid(s, date(2024, 1, 1), date(2024, 12, 31))[pair.unit_id] == [education]
    # An edit and a deletion travel too.
    r.save(EDUCATION, {"participants": 32}, education)
    r.delete(PLEDGES, pledge)
    assert send(pair.unit, pair.county, tmp_path).status == "imported"
    assert county.get(EDUCATION, education)["participants"] == 32
    assert pledge not in county.ids(PLEDGES)


# ---- demo --------------------------------------------------------------------------------------
def test_the_demo_county_has_records_in_every_register_and_gaps(demo_county_cli: Any) -> None:
    from apphelpers import PASSWORD
    from sqlalchemy import select

    from app.models.org import Unit
    from app.quarters import quarter_bounds, quarters_of_year
    from app.services import login

    county = login.login(demo_county_cli[0] / "DEMO", None, "admin", PASSWORD)
    try:
        records = RecordService(county)
        for reg in (PLEDGES, EDUCATION, CIRCULARS, CLEARINGS, TOLERANCES):
            assert records.ids(reg), reg.name
        with county.db.session() as s:
            units = {u.id: u for u in s.scalars(select(Unit).where(Unit.deleted.is_(False)))}
            commissions = {i for i, u in units.items() if u.unit_type in ("township", "group")}
            owners = {u.code for i, u in units.items() if i in commissions}
            last = date.today().year - 1
            # Circulars: every quarter of last year some commissions issued one and some did not.
            quarters = [CIRCULAR_DUTY.paid(s, *quarter_bounds(q)) for q in quarters_of_year(last)]
            assert all(commissions & set(paid) for paid in quarters)
            assert any(commissions - set(paid) for paid in quarters)
            # Warning education: every unit visited a base last year; this year one at least has not.
            assert set(WARNING_DUTY.paid(s, date(last, 1, 1), date(last, 12, 31))) == set(units)
            this_year = WARNING_DUTY.paid(s, date(last + 1, 1, 1), date(last + 1, 12, 31))
            assert set(units) - set(this_year)
        # The units' own rows reached the county in their bundles.
        from app.cli import dump_records

        tables = {r["table"] for r in dump_records(county) if r["owner"] in owners}
        assert {"pledges", "warning_educations", "circulars", "name_clearings", "tolerances"} <= tables
    finally:
        county.db.close()
