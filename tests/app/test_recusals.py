"""回避 as a decision: ties matched through the person register, the recusal step that changes the
handler and records who stepped aside from what, why and on whose approval (also on the command
line), and cross-handling across zones only by the county's assignment."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import Cli, OpenDb, enrolled_pair, init_installation

from app.context import Context
from app.db.database import Database
from app.models.casework import Recusal
from app.registers import get
from app.services.records import NeedsConfirmation, RecordService, ValidationError
from app.services.transitions import Transitions
from app.sync import exchange

CLUES, TIES, PEOPLE, RECUSALS = get("clues"), get("staff_ties"), get("people"), get("recusals")
INQUIRIES, CASES = get("inquiries"), get("cases")


class Org:
    """Two zones (T01 and T02 in the east, T03 in the west) and staff of T01 and T02."""

    def __init__(self, records: RecordService) -> None:
        east = records.save(get("zones"), {"name": "东片区"})
        west = records.save(get("zones"), {"name": "西片区"})
        units = get("units")
        mine = {records.get(units, i)["code"]: i for i in records.ids(units)}  # a township's own unit

        def unit(code: str, name: str, zone: str) -> str:
            return records.save(units, {"code": code, "name": name, "unit_type": "township", "zone_id": zone},
                                mine.get(code))  # fmt: skip

        self.t1 = unit("T01", "城关镇纪委", east)
        self.t2 = unit("T02", "河口乡纪委", east)
        self.t3 = unit("T03", "山前镇纪委", west)
        staff = get("staff")
        self.wang = records.save(staff, {"name": "王芳", "unit_id": self.t1, "post": "secretary"})
        self.li = records.save(staff, {"name": "李强", "unit_id": self.t1, "post": "member"})
        self.zhang = records.save(staff, {"name": "张伟", "unit_id": self.t2, "post": "secretary"})
        self.chen = records.save(staff, {"name": "陈静", "unit_id": self.t2, "post": "member"})


@pytest.fixture
def records(county_db: Database) -> RecordService:
    return RecordService(Context.system(county_db, "admin"))


@pytest.fixture
def org(records: RecordService) -> Org:
    return Org(records)


def clue(records: RecordService, org: Org, **values: Any) -> str:
    base = {
        "source": "petition",
        "received_on": date(2021, 3, 1),
        "subject_name": "赵某",
        "subject_unit": "城关镇人民政府",
        "handling_unit_id": org.t1,
    }
    return records.save(CLUES, {**base, **values}, confirmed=True)


def test_a_tie_to_a_person_warns_by_the_person_record(records: RecordService, org: Org) -> None:
    zhao = records.save(PEOPLE, {"name": "赵某", "unit": "城关镇人民政府", "post": "站长"})
    tie = records.save(TIES, {"staff_id": org.wang, "person_id": zhao, "relation": "kin"})
    stored = records.get(TIES, tie)
    assert (stored["person_name"], stored["person_unit"]) == ("赵某", "城关镇人民政府")  # from the person
    # The clue gives the unit another way: the person record still makes it the same person.
    values = {"source": "petition", "received_on": date(2021, 3, 1), "person_id": zhao, "subject_name": "赵某",
              "subject_unit": "城关镇政府", "handler_id": org.wang}  # fmt: skip
    with pytest.raises(NeedsConfirmation) as warned:
        records.save(CLUES, values)
    assert "「王芳」申报过与「赵某」的回避关系：亲属" in str(warned.value.warnings[0])
    # Another 赵某 of the same unit, another person record: no tie.
    other = records.save(PEOPLE, {"name": "赵某", "unit": "城关镇人民政府", "post": "司机"})
    cid = records.save(CLUES, {**values, "person_id": other, "subject_unit": "城关镇人民政府"})
    assert records.get(CLUES, cid)["person_id"] == other
    # A tie by name alone still matches by name (and unit where both give one).
    records.save(TIES, {"staff_id": org.li, "person_name": "赵某", "person_unit": "城关镇人民政府",
                        "relation": "classmate"})  # fmt: skip
    with pytest.raises(NeedsConfirmation) as by_name:
        records.save(CLUES, {"handler_id": org.li}, cid)
    assert "「李强」申报过与「赵某」的回避关系：同学" in str(by_name.value.warnings[0])
    elsewhere = {**values, "person_id": None, "subject_unit": "河口乡人民政府", "handler_id": org.li}
    records.save(CLUES, elsewhere)  # the same name in another unit: no warning


def test_a_recusal_changes_the_handler_and_is_recorded(records: RecordService, org: Org) -> None:
    t = Transitions(records)
    records.save(TIES, {"staff_id": org.wang, "person_name": "赵某", "relation": "kin"})
    records.save(TIES, {"staff_id": org.li, "person_name": "赵某", "relation": "classmate"})
    cid = clue(records, org, handler_id=org.wang)
    step = {"handler_id": org.zhang}
    with pytest.raises(ValidationError) as unapproved:
        t.apply(CLUES, cid, "recuse", step, "承办人与被反映人系亲属关系")
    assert str(unapproved.value.errors["approved_by"]) == "「回避（更换承办人）」须填写「批准人（机关）」。"
    with pytest.raises(ValidationError) as same:
        t.apply(CLUES, cid, "recuse", {"handler_id": org.wang, "approved_by": "镇纪委书记"}, "回避")
    assert str(same.value.errors["handler_id"]) == "回避须更换承办人：请选择「王芳」以外的工作人员。"
    with pytest.raises(ValidationError) as tied:
        t.apply(CLUES, cid, "recuse", {"handler_id": org.li, "approved_by": "镇纪委书记"}, "回避")
    assert str(tied.value.errors["handler_id"]) == (
        "「李强」本人也应回避，不能接任承办人。「李强」申报过与「赵某」的回避关系：同学。"
    )
    assert (
        records.get(CLUES, cid)["handler_id"] == org.wang and records.ids(RECUSALS) == []
    )  # nothing changed
    state = t.apply(CLUES, cid, "recuse", {**step, "approved_by": "镇纪委书记"}, "承办人与被反映人系亲属关系")
    assert state == "registered"  # the state stays
    assert records.get(CLUES, cid)["handler_id"] == org.zhang
    [rid] = records.ids(RECUSALS)
    recusal = records.get(RECUSALS, rid)
    assert {k: recusal[k] for k in ("register", "record_id", "staff_id", "replaced_by_id", "ground")} == {
        "register": "clues", "record_id": cid, "staff_id": org.wang, "replaced_by_id": org.zhang, "ground": "kin"
    }  # fmt: skip
    assert recusal["reason"] == "承办人与被反映人系亲属关系" and recusal["approved_by"] == "镇纪委书记"
    assert recusal["decided_on"] == date.today()
    last = t.timeline(CLUES, cid)[-1]
    assert (last.action, last.approved_by, last.to_state) == ("回避（更换承办人）", "镇纪委书记", "已登记")
    # 张伟 asks to step aside with no recorded ground (本人申请); the decision dated by its document.
    # Someone who has left cannot take over.
    left = records.save(
        get("staff"), {"name": "赵敏", "unit_id": org.t2, "post": "member", "left_on": date(2020, 1, 1)}
    )
    with pytest.raises(ValidationError) as gone:
        t.apply(CLUES, cid, "recuse", {"handler_id": left, "approved_by": "县纪委"}, "本人申请回避")
    assert "已离职或已删除" in str(gone.value.errors["handler_id"])
    t.apply(CLUES, cid, "recuse", {"handler_id": org.chen, "approved_by": "县纪委", "doc_on": "2021-04-02"},
            "本人申请回避")  # fmt: skip
    second = next(records.get(RECUSALS, r) for r in records.ids(RECUSALS) if r != rid)
    assert (second["staff_id"], second["replaced_by_id"], second["ground"]) == (
        org.zhang,
        org.chen,
        "applied",
    )
    assert second["decided_on"] == date(2021, 4, 2)


def test_the_lead_of_an_inquiry_and_the_handler_of_a_case_step_aside(
    records: RecordService, org: Org
) -> None:
    t = Transitions(records)
    zhao = records.save(PEOPLE, {"name": "赵某", "unit": "城关镇人民政府"})
    records.save(TIES, {"staff_id": org.wang, "person_id": zhao, "relation": "colleague"})
    cid = clue(records, org, person_id=zhao, subject_unit="城关镇政府")
    t.apply(CLUES, cid, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟谈话")
    t.apply(
        CLUES, cid, "dispose_talk", {"disposal_reason": "较轻", "decided_on": date(2021, 3, 10)}, "集体研究"
    )
    team = {"clue_id": cid, "kind": "talk", "lead_id": org.wang, "member_id": org.li}
    with pytest.raises(NeedsConfirmation) as warned:  # the clue's person, though its unit reads otherwise
        records.save(INQUIRIES, team)
    assert "「王芳」申报过与「赵某」的回避关系：曾经同事" in str(warned.value.warnings[0])
    iid = records.save(INQUIRIES, team, confirmed=True)
    assert [s.name for s in t.allowed(INQUIRIES, iid)][-1] == "recuse"
    t.apply(
        INQUIRIES, iid, "recuse", {"lead_id": org.zhang, "approved_by": "镇党委"}, "主办人曾与被反映人同事"
    )
    assert records.get(INQUIRIES, iid)["lead_id"] == org.zhang
    [rid] = records.ids(RECUSALS)
    recusal = records.get(RECUSALS, rid)
    assert (recusal["register"], recusal["record_id"], recusal["ground"]) == ("inquiries", iid, "colleague")
    case = records.save(CASES, {"number": "2021-A1", "clue_id": cid, "filed_on": date(2021, 4, 1),
                                "handling_unit_id": org.t1, "handler_id": org.li}, confirmed=True)  # fmt: skip
    with pytest.raises(ValidationError) as tied:  # the person's tie found through the person record
        t.apply(CASES, case, "recuse", {"handler_id": org.wang, "approved_by": "镇党委"}, "回避")
    assert "「王芳」申报过与「赵某」的回避关系：曾经同事" in str(tied.value.errors["handler_id"])
    t.apply(CASES, case, "recuse", {"handler_id": org.chen, "approved_by": "镇党委"}, "本人申请")
    assert records.get(CASES, case)["handler_id"] == org.chen
    assert {records.get(RECUSALS, r)["register"] for r in records.ids(RECUSALS)} == {"inquiries", "cases"}


def test_nothing_can_be_added_to_the_recusals_by_hand(records: RecordService, org: Org) -> None:
    with pytest.raises(ValidationError) as refused:
        records.save(RECUSALS, {"staff_id": org.wang, "ground": "kin"})
    assert "回避决定不能直接新增" in str(refused.value.errors[""])


def test_a_township_hands_a_clue_only_within_its_zone(open_db: OpenDb) -> None:
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    town = RecordService(Context.system(db, "admin"))
    org = Org(town)
    t = Transitions(town)
    cid = clue(town, org)
    with pytest.raises(ValidationError) as other_zone:
        t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t3}, "回避")
    assert str(other_zone.value.errors["handling_unit_id"]) == (
        "交叉办理只能交给同一片区协作区内的其他单位；跨片区交叉办理须由县纪委监委指定。"
    )
    with pytest.raises(ValidationError) as itself:
        t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t1}, "回避")
    assert str(itself.value.errors["handling_unit_id"]) == "请选择另一个单位承办。"
    t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t2}, "片区内交叉办理")
    assert town.get(CLUES, cid)["handling_unit_id"] == org.t2


def test_the_county_assigns_a_clue_across_zones(records: RecordService, org: Org) -> None:
    t = Transitions(records)
    cid = clue(records, org)
    with pytest.raises(ValidationError) as same:
        t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t1}, "指定")
    assert str(same.value.errors["handling_unit_id"]) == "请选择另一个单位承办。"
    t.apply(CLUES, cid, "cross_handle", {"handling_unit_id": org.t3}, "县纪委监委指定跨片区交叉办理")
    assert records.get(CLUES, cid)["handling_unit_id"] == org.t3


def test_the_command_line_takes_the_step_with_the_same_refusals(cli: Cli) -> None:
    cli.init_county()
    cli.ok("record", "add", "zones", "--set", "name=东片区")
    cli.ok("record", "add", "units", "--set", "code=T01", "--set", "name=城关镇纪委", "--set", "unit_type=township",
           "--set", "zone_id=东片区")  # fmt: skip
    for name in ("王芳", "李强", "张伟"):
        cli.ok(
            "record",
            "add",
            "staff",
            "--set",
            f"name={name}",
            "--set",
            "unit_id=城关镇纪委",
            "--set",
            "post=member",
        )
    cli.ok(
        "record",
        "add",
        "staff_ties",
        "--set",
        "申报人=李强",
        "--set",
        "person_name=赵某",
        "--set",
        "relation=kin",
    )
    cid = cli.json("record", "add", "clues", "--set", "source=petition", "--set", "received_on=2021-03-01",
                   "--set", "subject_name=赵某", "--set", "handling_unit_id=城关镇纪委", "--set", "承办人=王芳",
                   "--json")["id"]  # fmt: skip
    step = ("record", "step", "clues", cid, "recuse", "--reason", "本人申请回避")
    refused = cli.run(*step, "--set", "承办人=张伟")
    assert refused.returncode == 1 and "「回避（更换承办人）」须填写「批准人（机关）」。" in refused.stderr
    refused = cli.run(*step, "--set", "承办人=李强", "--approved-by", "镇纪委书记")
    assert refused.returncode == 1
    assert (
        "「李强」本人也应回避，不能接任承办人。「李强」申报过与「赵某」的回避关系：亲属。" in refused.stderr
    )
    done = cli.run(*step, "--set", "承办人=张伟", "--approved-by", "镇纪委书记")
    assert done.returncode == 0, done.stderr
    [row] = cli.json("record", "list", "recusals", "--json")
    assert (row["staff_id"], row["replaced_by_id"], row["ground"], row["approved_by"]) == (
        "王芳", "张伟", "本人申请", "镇纪委书记"
    )  # fmt: skip
    refused = cli.run("record", "add", "recusals", "--set", "回避人=王芳")
    assert refused.returncode == 1 and "回避决定不能直接新增" in refused.stderr


def test_a_townships_recusal_travels_to_the_county(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    town = RecordService(pair.unit)
    staff = get("staff")
    wang = town.save(staff, {"name": "王芳", "unit_id": pair.unit_id, "post": "member"})
    zhang = town.save(staff, {"name": "张伟", "unit_id": pair.unit_id, "post": "member"})
    cid = town.save(CLUES, {"source": "petition", "received_on": date(2022, 3, 1), "subject_name": "郑某",
                            "handler_id": wang}, confirmed=True)  # fmt: skip
    Transitions(town).apply(CLUES, cid, "recuse", {"handler_id": zhang, "approved_by": "镇党委"}, "本人申请")
    [rid] = town.ids(RECUSALS)
    stick = tmp_path / "stick"
    stick.mkdir()
    [result] = exchange.import_bundles(pair.county, [exchange.export_bundle(pair.unit, stick).path])
    assert result.status == "imported", result.message
    at_county = RecordService(pair.county)
    recusal = at_county.get(RECUSALS, rid)
    assert (recusal["record_id"], recusal["staff_id"], recusal["replaced_by_id"]) == (cid, wang, zhang)
    with pair.county.db.session() as s:
        assert s.get(Recusal, rid).owner == "T01"  # the unit that made it keeps it
    pair.county.db.close()
    pair.unit.db.close()
