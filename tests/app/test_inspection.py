"""巡察整改: rounds and their items closed one by one, late items on the list and the 工作台, 约谈
and 追责, the 驻点巡察 briefing, and a group's records at the county."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, enrolled_pair, init_installation
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app.context import Context
from app.db.database import Database
from app.demo.batch import add_demo_batch
from app.models.inspection import InspectionBriefing, InspectionItem
from app.registers import get
from app.registers.inspection import days_late, late_by
from app.services import login
from app.services.deadlines import due_items
from app.services.installation import SetupRequest
from app.services.records import RecordService, ValidationError
from app.services.spreadsheet import ID_HEADER, export_register
from app.services.transitions import TransitionRefused, Transitions
from app.sync import exchange

ROUNDS, ITEMS, BRIEFINGS = get("inspection_rounds"), get("inspection_items"), get("inspection_briefings")
TODAY = date.today()


class Group:
    def __init__(self, db: Database) -> None:
        self.records = r = RecordService(Context.system(db, "admin", sensitive_key=secrets.token_bytes(32)))
        self.unit = r.ids(get("units"))[0]
        units = get("supervised_units")
        self.bureau = r.save(units, {"group_id": self.unit, "name": "县自然资源局"})
        self.water = r.save(units, {"group_id": self.unit, "name": "县水利局"})
        staff = get("staff")
        self.chen = r.save(staff, {"name": "陈静", "unit_id": self.unit, "post": "group_leader"})
        self.liu = r.save(staff, {"name": "刘洋", "unit_id": self.unit, "post": "group_member"})

    def round(self, feedback: date, deadline: date, target: str | None = None) -> str:
        return self.records.save(ROUNDS, {"name": "县委第三轮巡察", "supervised_unit_id": target or self.bureau,
                                          "inspectors": "县委第二巡察组", "inspected_from": feedback - timedelta(days=40),
                                          "inspected_to": feedback - timedelta(days=10), "feedback_on": feedback,
                                          "deadline": deadline})  # fmt: skip

    def item(self, round_id: str, problem: str = "落实全面从严治党主体责任不到位", **more: object) -> str:
        return self.records.save(ITEMS, {"round_id": round_id, "problem": problem, "measure": "制定整改方案",
                                         "responsible": "局党组书记", "supervisor_id": self.liu, **more})  # fmt: skip


@pytest.fixture
def group(open_db) -> Group:  # type: ignore[no-untyped-def]
    db = init_installation(open_db(), unit_type="group", code="G01", name="第一派驻纪检监察组")
    return Group(db)


def _closing(on: date, **more: object) -> dict[str, object]:
    return {"closed_on": on, "evidence": "整改方案、会议纪要、制度文件", "checked_by_id": "", **more}


def test_each_register_is_created_edited_deleted_and_exported(group: Group, tmp_path: Path) -> None:
    r = group.records
    rid = group.round(date(2022, 5, 10), date(2022, 8, 10))
    stored = r.get(ROUNDS, rid)
    assert stored["unit_id"] == group.unit and stored["supervised_unit_id"] == group.bureau
    r.save(ROUNDS, {"inspectors": "县委第一巡察组"}, rid)
    assert r.get(ROUNDS, rid)["inspectors"] == "县委第一巡察组"
    iid = group.item(rid)
    item = r.get(ITEMS, iid)
    # the item takes the round's unit and deadline
    assert (item["unit_id"], item["supervised_unit_id"], item["due_on"], item["state"]) == (
        group.unit, group.bureau, date(2022, 8, 10), "rectifying"
    )  # fmt: skip
    r.save(ITEMS, {"due_on": date(2022, 9, 30), "responsible": "分管副局长"}, iid)
    assert r.get(ITEMS, iid)["due_on"] == date(2022, 9, 30)
    bid = r.save(BRIEFINGS, {"round_id": rid, "prepared_on": date(2022, 3, 20), "prepared_by_id": group.chen,
                             "briefing": "班子团结，但项目审批廉政风险较高", "sources": "驻在记录、信访件"})  # fmt: skip
    brief = r.get(BRIEFINGS, bid)
    assert brief["supervised_unit_id"] == group.bureau and brief["unit_id"] == group.unit
    assert brief["briefing"] == "班子团结，但项目审批廉政风险较高"
    with group.records.ctx.session() as s:
        assert s.get(InspectionBriefing, bid).briefing != brief["briefing"]  # stored sealed
    r.save(BRIEFINGS, {"sources": "驻在记录、信访件、审计报告"}, bid)
    assert r.get(BRIEFINGS, bid)["sources"] == "驻在记录、信访件、审计报告"

    for reg, rows in ((ROUNDS, [rid]), (ITEMS, [iid]), (BRIEFINGS, [bid])):
        path = tmp_path / f"{reg.name}.xlsx"
        assert export_register(r, reg, rows, path) == 1
        sheet = load_workbook(path).active
        header = [c.value for c in sheet[1]]
        assert header == [
            *(reg.column_label(c) for c in reg.columns),
            ID_HEADER,
        ]  # the hidden id to re-import
    sheet = load_workbook(tmp_path / "inspection_items.xlsx").active
    assert sheet.cell(2, 1).value == "县委第三轮巡察（2022-05-10）"

    with pytest.raises(ValidationError) as referenced:
        r.delete(ROUNDS, rid)
    assert "不能删除" in str(referenced.value.errors[""])
    r.delete(ITEMS, iid)
    r.delete(BRIEFINGS, bid)
    r.delete(ROUNDS, rid)
    assert r.ids(ROUNDS) == r.ids(ITEMS) == r.ids(BRIEFINGS) == []


def test_a_round_names_one_inspected_unit_and_keeps_its_dates_in_order(group: Group) -> None:
    r = group.records
    with pytest.raises(ValidationError) as none:
        r.save(
            ROUNDS,
            {"name": "县委第三轮巡察", "feedback_on": date(2022, 5, 10), "deadline": date(2022, 8, 10)},
        )
    assert "二者选其一" in str(none.value.errors["village_id"])
    with pytest.raises(ValidationError) as early:
        group.round(date(2022, 5, 10), date(2022, 4, 10))
    assert str(early.value.errors["deadline"]) == "整改期限不能早于反馈日期。"
    rid = group.round(date(2022, 5, 10), date(2022, 8, 10))
    group.item(rid)
    with pytest.raises(ValidationError) as moved:
        r.save(ROUNDS, {"supervised_unit_id": group.water}, rid)
    assert "不能更改被巡察单位" in str(moved.value.errors["supervised_unit_id"])
    with pytest.raises(ValidationError) as due:
        group.item(rid, due_on=date(2022, 5, 1))
    assert "整改时限不能早于巡察反馈日期（2022-05-10）" in str(due.value.errors["due_on"])


def test_an_item_is_closed_with_its_date_evidence_and_checker(group: Group) -> None:
    r, t = group.records, Transitions(group.records)
    rid = group.round(date(2022, 5, 10), date(2022, 8, 10))
    iid = group.item(rid)
    with pytest.raises(ValidationError) as typed:
        r.save(ITEMS, {"closed_on": date(2022, 7, 1)}, iid)  # not by editing
    assert "销号请办理「销号」" in str(typed.value.errors["closed_on"])
    with pytest.raises(ValidationError) as missing:
        t.apply(ITEMS, iid, "close", {"closed_on": date(2022, 7, 1)}, "整改到位")
    assert str(missing.value.errors["evidence"]) == "「销号」须填写「销号佐证材料」。"
    assert str(missing.value.errors["checked_by_id"]) == "「销号」须填写「销号核查人」。"
    with pytest.raises(ValidationError) as before:
        t.apply(ITEMS, iid, "close", _closing(date(2022, 5, 9), checked_by_id=group.chen), "整改到位")
    assert str(before.value.errors["closed_on"]) == "「销号日期」不能早于巡察反馈日期（2022-05-10）。"
    with pytest.raises(ValidationError) as future:
        t.apply(
            ITEMS, iid, "close", _closing(TODAY + timedelta(days=1), checked_by_id=group.chen), "整改到位"
        )
    assert str(future.value.errors["closed_on"]) == "「销号日期」不能晚于今天。"
    assert r.get(ITEMS, iid)["state"] == "rectifying"
    assert (
        t.apply(ITEMS, iid, "close", _closing(date(2022, 7, 1), checked_by_id=group.chen), "整改到位")
        == "closed"
    )
    closed = r.get(ITEMS, iid)
    assert (closed["closed_on"], closed["checked_by_id"]) == (date(2022, 7, 1), group.chen)
    with pytest.raises(ValidationError) as emptied:
        r.save(ITEMS, {"evidence": ""}, iid)
    assert str(emptied.value.errors["evidence"]) == "已销号的事项须有「销号佐证材料」。"
    with pytest.raises(TransitionRefused):
        t.apply(ITEMS, iid, "close", _closing(date(2022, 7, 2), checked_by_id=group.chen), "再次销号")
    assert t.apply(ITEMS, iid, "reopen", {}, "复查发现问题反弹") == "rectifying"
    reopened = r.get(ITEMS, iid)
    assert (reopened["closed_on"], reopened["evidence"], reopened["checked_by_id"]) == (None, "", None)
    assert [e.action for e in t.timeline(ITEMS, iid)] == ["登记", "销号", "退回整改"]


def test_late_items_are_late_on_the_list_and_on_the_deadlines_panel(group: Group) -> None:
    r, t = group.records, Transitions(group.records)
    rid = group.round(TODAY - timedelta(days=90), TODAY - timedelta(days=5))
    late = group.item(rid, "“三重一大”决策不规范")
    soon = group.item(rid, "干部选拔程序不规范", due_on=TODAY + timedelta(days=3))
    later = group.item(rid, "制度建设滞后", due_on=TODAY + timedelta(days=60))
    done = group.item(rid, "公务用车管理混乱")
    t.apply(ITEMS, done, "close", _closing(TODAY - timedelta(days=6), checked_by_id=group.chen), "整改到位")
    rows = r.rows(ITEMS, [late, soon, later, done])
    assert rows[late]["days_late"] == "5" and rows[late]["state"] == "整改中"
    assert rows[soon]["days_late"] == rows[later]["days_late"] == rows[done]["days_late"] == ""
    assert late_by(r.get(ITEMS, late)) == 5 and late_by(r.get(ITEMS, done)) == 0
    counts = r.rows(ROUNDS, [rid])[rid]
    assert (counts["items"], counts["open_items"], counts["late_items"]) == ("4", "3", "1")

    panel = {i.row_id: i for i in due_items(r, today=TODAY) if i.register == "inspection_items"}
    assert set(panel) == {late, soon}  # not the one due in two months, nor the closed one
    assert panel[late].overdue and panel[late].days_left == -5
    assert (panel[late].what, panel[late].subject, panel[late].handler, panel[late].step) == (
        "县委第三轮巡察", "县自然资源局", "刘洋", "巡察反馈问题整改"
    )  # fmt: skip
    assert not panel[soon].overdue and panel[soon].days_left == 3
    t.apply(ITEMS, late, "close", _closing(TODAY, checked_by_id=group.chen), "逾期后整改到位")
    assert late not in {i.row_id for i in due_items(r, today=TODAY)}


def test_a_late_item_is_talked_about_and_held_to_account(group: Group) -> None:
    r, t = group.records, Transitions(group.records)
    rid = group.round(date(2022, 5, 10), date(2022, 8, 10))
    iid = group.item(rid)
    with pytest.raises(ValidationError) as missing:
        t.apply(ITEMS, iid, "talk", {"talked_on": date(2022, 8, 20)}, "逾期未完成整改")
    assert str(missing.value.errors["talked_with"]) == "「约谈」须填写「约谈对象」。"
    with pytest.raises(ValidationError) as early:
        t.apply(
            ITEMS, iid, "talk", {"talked_on": date(2022, 5, 1), "talked_with": "局党组书记"}, "逾期未完成整改"
        )
    assert str(early.value.errors["talked_on"]) == "「约谈日期」不能早于巡察反馈日期（2022-05-10）。"
    assert t.apply(ITEMS, iid, "talk", {"talked_on": date(2022, 8, 20), "talked_with": "局党组书记"},
                   "逾期未完成整改") == "rectifying"  # fmt: skip
    measures = get("dispositions")
    old = r.save(measures, {"org_name": "县自然资源局党组", "kind": "org_accountability", "measure": "通报",
                            "decided_on": date(2022, 1, 5), "handling_unit_id": group.unit})  # fmt: skip
    with pytest.raises(ValidationError) as unrelated:
        t.apply(ITEMS, iid, "hold_accountable", {"accountability_id": old}, "整改不到位")
    assert "早于巡察反馈日期" in str(unrelated.value.errors["accountability_id"])
    mid = r.save(measures, {"org_name": "县自然资源局党组", "kind": "org_accountability", "measure": "检查",
                            "decided_on": date(2022, 9, 15), "handling_unit_id": group.unit})  # fmt: skip
    t.apply(
        ITEMS, iid, "hold_accountable", {"accountability_id": mid}, "约谈后仍未整改到位，责令党组作出检查"
    )
    item = r.get(ITEMS, iid)
    assert (item["talked_on"], item["talked_with"], item["accountability_id"]) == (
        date(2022, 8, 20), "局党组书记", mid
    )  # fmt: skip
    steps = t.timeline(ITEMS, iid)
    assert [(e.action, e.reason) for e in steps[1:]] == [
        ("约谈", "逾期未完成整改"), ("追责", "约谈后仍未整改到位，责令党组作出检查")
    ]  # fmt: skip
    with pytest.raises(ValidationError) as referenced:
        r.delete(measures, mid)  # the item points to it
    assert "不能删除" in str(referenced.value.errors[""])


def test_the_command_line_closes_an_item_with_the_same_refusal(cli: Cli) -> None:
    cli.init_county()
    cli.ok(
        "record", "add", "units", "--set", "code=G01", "--set", "name=第一派驻组", "--set", "unit_type=group"
    )
    cli.ok("record", "add", "supervised_units", "--set", "group_id=第一派驻组", "--set", "name=县水利局")
    cli.ok(
        "record",
        "add",
        "staff",
        "--set",
        "name=刘洋",
        "--set",
        "unit_id=第一派驻组",
        "--set",
        "post=group_member",
    )
    rid = cli.json("record", "add", "inspection_rounds", "--set", "name=县委第四轮巡察", "--set", "单位=第一派驻组",
                   "--set", "被巡察单位=县水利局", "--set", "feedback_on=2023-04-06", "--set", "deadline=2023-07-06",
                   "--json")["id"]  # fmt: skip
    iid = cli.json("record", "add", "inspection_items", "--set", f"round_id={rid}", "--set", "problem=河道采砂监管不力",
                   "--json")["id"]  # fmt: skip
    refused = cli.run("record", "step", "inspection_items", iid, "close", "--reason", "整改到位",
                      "--set", "closed_on=2023-06-30", "--set", "销号核查人=刘洋")  # fmt: skip
    assert refused.returncode == 1 and "「销号」须填写「销号佐证材料」。" in refused.stderr
    done = cli.run("record", "step", "inspection_items", iid, "close", "--reason", "整改到位",
                   "--set", "closed_on=2023-06-30", "--set", "销号核查人=刘洋", "--set", "evidence=验收报告")  # fmt: skip
    assert done.returncode == 0, done.stderr
    [row] = cli.json("record", "list", "inspection_items", "--json")
    assert (row["state"], row["closed_on"], row["supervised_unit_id"]) == ("已销号", "2023-06-30", "县水利局")


def test_a_groups_records_travel_to_the_county(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path, code="G01", name="第一派驻组", unit_type="group")
    group = RecordService(pair.unit)
    bureau = group.save(get("supervised_units"), {"group_id": pair.unit_id, "name": "县自然资源局"})
    liu = group.save(get("staff"), {"name": "刘洋", "unit_id": pair.unit_id, "post": "group_member"})
    rid = group.save(ROUNDS, {"name": "县委第三轮巡察", "supervised_unit_id": bureau,
                              "feedback_on": date(2022, 5, 10), "deadline": date(2022, 8, 10)})  # fmt: skip
    iid = group.save(ITEMS, {"round_id": rid, "problem": "项目审批廉政风险防控不到位", "supervisor_id": liu})
    Transitions(group).apply(ITEMS, iid, "close", _closing(date(2022, 8, 1), checked_by_id=liu), "整改到位")
    bid = group.save(BRIEFINGS, {"supervised_unit_id": bureau, "prepared_on": date(2022, 3, 1),
                                 "briefing": "主要负责人民主作风欠缺", "prepared_by_id": liu})  # fmt: skip
    stick = tmp_path / "stick"
    stick.mkdir()
    [result] = exchange.import_bundles(pair.county, [exchange.export_bundle(pair.unit, stick).path])
    assert result.status == "imported", result.message
    county = RecordService(pair.county)
    assert county.get(ROUNDS, rid)["supervised_unit_id"] == bureau
    item = county.get(ITEMS, iid)
    assert (item["state"], item["closed_on"], item["checked_by_id"]) == ("closed", date(2022, 8, 1), liu)
    assert county.get(BRIEFINGS, bid)["briefing"] == "主要负责人民主作风欠缺"
    with pair.county.db.session() as s:
        assert s.get(InspectionBriefing, bid).owner == "G01"
    pair.county.db.close()
    pair.unit.db.close()


def test_the_demo_gives_a_group_rounds_with_closed_and_late_items(tmp_path: Path) -> None:
    folder = tmp_path / "G03"
    opened = login.create(folder, f"sqlite:///{folder / 'jiwei.db'}",
                          SetupRequest("group", "G03", "派驻第三纪检监察组", "C01", "测试县", "admin", PASSWORD))  # fmt: skip
    try:
        add_demo_batch(opened, 1)
        records = RecordService(opened)
        assert len(records.ids(ROUNDS)) == 2 and len(records.ids(BRIEFINGS)) == 3
        with opened.db.session() as s:
            items = list(s.scalars(select(InspectionItem)))
            s.expunge_all()
        states = [(i.state, late_by(i)) for i in items]
        assert ("closed", 0) in states and any(state == "rectifying" and late for state, late in states)
        assert all(i.talked_on is not None for i in items if late_by(i))  # 约谈 when late
        for rid in records.ids(ITEMS):  # every item saves again unchanged
            records.save(ITEMS, {}, rid)
        panel = [i for i in due_items(records) if i.register == "inspection_items"]
        assert any(i.overdue for i in panel) and any(not i.overdue for i in panel)
    finally:
        opened.db.close()


def test_days_late_is_counted_in_each_databases_sql() -> None:
    lite = str(days_late().compile(dialect=sqlite.dialect()))
    assert "julianday(date('now', 'localtime')) - julianday(inspection_items.due_on)" in lite
    pg = str(days_late().compile(dialect=postgresql.dialect()))
    assert "(CURRENT_DATE - inspection_items.due_on)" in pg and "julianday" not in pg
