"""廉政意见回复: the requests and their replies (create, edit, delete, export, the step 回复), the
refusals (有问题 without facts, 暂缓 without a reason, 无问题 against what is held), the proposal
for a batch of names and the clear ones answered at once, the county's screen only, and the reply
view at the county seeing a township's open clue and a group's sanction about one person once both
units' bundles have merged."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, enrol_in_memory, send
from openpyxl import load_workbook

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.registers.integrity import CLEAR, DEFER, ISSUES, held
from app.security.roles import CountyScreen
from app.services import integrity_reply as ir
from app.services.installation import SetupRequest
from app.services.login import create
from app.services.records import RecordService, ValidationError
from app.services.spreadsheet import export_register
from app.services.transitions import Transitions

KEY = secrets.token_bytes(32)
ID_NUMBER = "11010519491231002X"
REQUESTS, REPLIES = get("integrity_requests"), get("integrity_replies")
PEOPLE, CLUES, MEASURES = get("people"), get("clues"), get("dispositions")


@dataclass
class County:
    records: RecordService
    t1: str
    zhang: str  # 张三: an open clue (T01) and a 警告 decided 2025-03-01 (in force to 2026-02-28)
    li: str  # 李四: a 记过 of 2021 that has run out, nothing else
    wang: str  # 王五: an open clue only
    request: str


@pytest.fixture
def county(county_db: Database) -> County:
    records = RecordService(Context.system(county_db, "admin", sensitive_key=KEY))
    t1 = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    zhang = records.save(
        PEOPLE,
        {
            "name": "张三",
            "id_number": ID_NUMBER,
            "unit": "城关镇人民政府",
            "post": "副镇长",
            "party_member": True,
        },
    )
    li = records.save(PEOPLE, {"name": "李四", "unit": "县水利局", "object_category": "1"})
    wang = records.save(PEOPLE, {"name": "王五", "unit": "县交通局"})
    for person in (zhang, wang):
        records.save(CLUES, {"source": "petition", "received_on": date(2025, 9, 1), "person_id": person,
                             "category": "违反廉洁纪律", "handling_unit_id": t1}, confirmed=True)  # fmt: skip
    records.save(MEASURES, {"person_id": zhang, "handling_unit_id": t1, "kind": "party", "measure": "警告",
                            "decided_on": date(2025, 3, 1), "decision_no": "城纪〔2025〕3号"})  # fmt: skip
    records.save(MEASURES, {"person_id": li, "handling_unit_id": t1, "kind": "state", "measure": "记过",
                            "decided_on": date(2021, 1, 1)})  # fmt: skip
    request = records.save(REQUESTS, {"letter_no": "组干函〔2025〕12号", "received_on": date(2025, 10, 8),
                                      "purpose": "promotion", "due_on": date(2025, 10, 15)})  # fmt: skip
    return County(records, t1, zhang, li, wang, request)


def test_requests_and_replies_are_created_edited_deleted_and_exported(county: County, tmp_path: Path) -> None:
    records = county.records
    assert records.get(REQUESTS, county.request)["requester"] == "县委组织部"
    records.save(REQUESTS, {"note": "拟提拔科级干部"}, county.request)
    assert records.get(REQUESTS, county.request)["note"] == "拟提拔科级干部"
    reply = records.save(REPLIES, {"request_id": county.request, "name": "赵六", "unit": "县财政局",
                                   "post": "股长", "id_number": "110105198001010016"})  # fmt: skip
    assert records.rows(REPLIES, [reply])[reply]["state"] == "待回复"
    records.save(REPLIES, {"post": "副局长"}, reply)
    got = records.get(REPLIES, reply)
    assert got["post"] == "副局长" and got["id_number"] == "110105198001010016"
    # A reply of a person of the register takes their name, unit and post.
    linked = records.save(REPLIES, {"request_id": county.request, "person_id": county.li})
    assert records.rows(REPLIES, [linked])[linked]["name"] == "李四"
    assert records.get(REPLIES, linked)["unit"] == "县水利局"
    assert records.rows(REQUESTS, [county.request])[county.request]["replies"] == "2"
    path = tmp_path / "replies.xlsx"
    assert export_register(records, REPLIES, records.ids(REPLIES), path) == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "姓名" in cells[0] and "赵六" in [v for row in cells for v in row]
    records.delete(REPLIES, reply)
    assert reply not in records.ids(REPLIES)
    with pytest.raises(ValidationError) as still:  # a request with names cannot go
        records.delete(REQUESTS, county.request)
    assert "廉政意见回复 1 条" in str(still.value)


def test_the_reply_step_and_its_refusals(county: County) -> None:
    records, flow = county.records, Transitions(county.records)
    reply = records.save(REPLIES, {"request_id": county.request, "person_id": county.zhang})
    day = {"replied_on": date(2025, 10, 10), "signed_by": "刘书记"}
    with pytest.raises(ValidationError) as no_facts:
        flow.apply(REPLIES, reply, "reply", {"answer": ISSUES, **day}, "回复")
    assert str(no_facts.value.errors["facts"]) == "回复「有问题」须写明掌握的问题情况。"
    with pytest.raises(ValidationError) as no_reason:
        flow.apply(REPLIES, reply, "reply", {"answer": DEFER, **day}, "回复")
    assert str(no_reason.value.errors["defer_reason"]) == "回复「暂缓」须写明暂缓的理由。"
    with pytest.raises(ValidationError) as held_back:
        flow.apply(REPLIES, reply, "reply", {"answer": CLEAR, **day}, "回复")
    assert str(held_back.value.errors["answer"]) == (
        "本机掌握「张三」的未办结的问题线索 1 件（城关镇纪委）、党纪处分（警告），影响期至 2026-02-28，"
        "不能回复「无问题」：请回复「有问题」或「暂缓」。"
    )
    with pytest.raises(ValidationError) as early:
        flow.apply(REPLIES, reply, "reply", {"answer": ISSUES, "facts": "受到警告处分", **day,
                                             "replied_on": date(2025, 10, 1)}, "回复")  # fmt: skip
    assert str(early.value.errors["replied_on"]) == "回复日期不能早于收函日期。"
    with pytest.raises(ValidationError) as missing:
        flow.apply(REPLIES, reply, "reply", {"answer": ISSUES, "facts": "受到警告处分"}, "回复")
    assert "「回复」须填写「回复日期」。" in str(missing.value)
    assert flow.state(REPLIES, reply) == "pending"
    assert (
        flow.apply(REPLIES, reply, "reply", {"answer": ISSUES, "facts": "受到警告处分", **day}, "回复")
        == "replied"
    )
    # The form cannot say 无问题 either.
    with pytest.raises(ValidationError):
        records.save(REPLIES, {"answer": CLEAR}, reply)
    # Once the 影响期 has run out and the clue is closed, 无问题 is accepted.
    with county.records.ctx.db.session() as s:
        assert not held(s, [county.li], date(2025, 10, 10))
    other = records.save(REPLIES, {"request_id": county.request, "person_id": county.li})
    assert flow.apply(REPLIES, other, "reply", {"answer": CLEAR, **day}, "回复") == "replied"


def test_the_review_sorts_what_bears_on_the_reply(county: County) -> None:
    found = ir.review(county.records, "张三", unit="城关镇人民政府", on=date(2025, 10, 10))
    assert [m.person.id for m in found.people] == [county.zhang]
    assert found.people[0].reason_labels == ("同名同单位",)
    assert len(found.open_clues) == 1 and found.open_clues[0].handling_unit == "城关镇纪委"
    assert [m.title for m in found.in_force] == ["党纪处分（警告）"]
    assert found.in_force[0].ends_on == date(2026, 2, 28)
    assert found.proposal == ISSUES and found.proposal_label == "有问题"
    assert found.proposed_facts == "2025年3月1日受到党纪处分（警告），影响期至2026年2月28日。"
    assert [str(g) for g in found.grounds][
        0
    ] == "2025-03-01 受到党纪处分（警告）（城关镇纪委），影响期至 2026-02-28"
    # By ID number alone: the same person, whatever name or unit the letter writes.
    by_id = ir.review(county.records, "张叁", id_number=ID_NUMBER.lower(), on=date(2025, 10, 10))
    assert [(m.person.id, m.reasons) for m in by_id.people] == [(county.zhang, ("id_number",))]
    # A matter past: listed apart, 无问题 proposed.
    li = ir.review(county.records, "李四", unit="县水利局", on=date(2025, 10, 10))
    assert not li.bears and li.proposal == CLEAR
    assert [m.title for m in li.past_measures] == ["政务处分（记过）"] and not li.in_force
    wang = ir.review(county.records, "王五", unit="县交通局", on=date(2025, 10, 10))
    assert wang.proposal == DEFER and wang.proposed_reason == "有反映其问题的线索正在处置（城关镇纪委）。"
    # A namesake of another unit is pointed to, not counted.
    other = ir.review(county.records, "张三", unit="县教育局", on=date(2025, 10, 10))
    assert not other.people and [p.id for p in other.namesakes] == [county.zhang]
    assert other.proposal == CLEAR
    assert [str(g) for g in other.grounds] == ["人员库中另有同名人员 1 位（其他单位），请核对是否同一人"]
    nobody = ir.review(county.records, "孙七", unit="县林业局")
    assert not nobody.people and not nobody.namesakes and nobody.proposal == CLEAR


def test_a_batch_is_proposed_and_its_clear_names_answered_at_once(county: County) -> None:
    records = county.records
    ids = ir.add_names(records, county.request, [
        {"name": "张三", "unit": "城关镇人民政府", "post": "副镇长"},
        {"name": "李四", "unit": "县水利局", "post": "副局长"},
        {"name": "王五", "unit": "县交通局"},
        {"name": "孙七", "unit": "县林业局", "post": "股长"},
    ])  # fmt: skip
    found = ir.batch(records, county.request, date(2025, 10, 10))
    assert found.request.letter_no == "组干函〔2025〕12号" and found.request.purpose_label == "提拔"
    assert [(x.name, x.person_id, x.review.proposal) for x in found.lines] == [
        ("张三", county.zhang, ISSUES),
        ("李四", county.li, CLEAR),
        ("王五", county.wang, DEFER),
        ("孙七", None, CLEAR),
    ]
    assert [x.name for x in found.clear_pending] == ["李四", "孙七"]
    answered = ir.answer_clear(records, county.request, date(2025, 10, 10), "刘书记")
    assert answered == [ids[1], ids[3]]
    after = ir.batch(records, county.request, date(2025, 10, 10))
    assert [(x.name, x.state, x.answer_label) for x in after.lines] == [
        ("张三", "pending", ""),
        ("李四", "replied", "无问题"),
        ("王五", "pending", ""),
        ("孙七", "replied", "无问题"),
    ]
    assert ir.answer(records, ids[2], DEFER, date(2025, 10, 11), "刘书记",
                     defer_reason=after.lines[2].review.proposed_reason) == "replied"  # fmt: skip
    assert records.get(REPLIES, ids[2])["defer_reason"] == "有反映其问题的线索正在处置（城关镇纪委）。"
    assert ir.find_request(records, "组干函〔2025〕12号").id == county.request
    assert [r.id for r in ir.requests(records)] == [county.request]


def test_a_township_neither_lists_nor_enters_it(cli: Cli) -> None:
    cli.ok("init", "--type", "township", "--code", "T01", "--name", "城关镇纪委", "--county-code", "C01",
           "--county-name", "测试县", "--admin", "admin")  # fmt: skip
    for args in (("record", "list", "integrity_replies"), ("record", "list", "integrity_requests"),
                 ("integrity", "check", "--name", "张三"), ("integrity", "requests")):  # fmt: skip
        result = cli.run(*args)
        assert result.returncode != 0
        assert "只在县纪委监委使用。" in result.stderr, args
    # The same words as the registers' own refusal (``RecordService``) in the window.
    for title, args in ((REPLIES.title, ("integrity", "check", "--name", "张三")),
                        (REPLIES.title, ("record", "add", "integrity_replies", "--set", "name=张三")),
                        (REQUESTS.title, ("record", "list", "integrity_requests"))):  # fmt: skip
        assert str(CountyScreen(title).message) in cli.run(*args).stderr


def test_the_command_line_checks_a_person_and_answers_a_batch(cli: Cli) -> None:
    cli.init_county()
    cli.ok("record", "add", "people", "--set", "name=张三", "--set", "unit=城关镇人民政府")
    cli.ok("record", "add", "integrity_requests", "--set", "letter_no=组干函〔2026〕1号",
           "--set", "received_on=2026-03-02", "--set", "purpose=评先评优")  # fmt: skip
    out = cli.ok("integrity", "check", "--name", "张三", "--unit", "城关镇人民政府").stdout
    assert "张三（城关镇人民政府）" in out and "拟回复：无问题" in out
    cli.ok("integrity", "add", "组干函〔2026〕1号", "--name", "张三", "--unit", "城关镇人民政府")
    cli.ok("integrity", "add", "组干函〔2026〕1号", "--name", "李四")
    shown = cli.json("integrity", "batch", "组干函〔2026〕1号", "--json")
    assert [(x["name"], x["proposal"], x["state"]) for x in shown["lines"]] == [
        ("张三", "clear", "pending"),
        ("李四", "clear", "pending"),
    ]
    out = cli.ok("integrity", "answer-clear", "组干函〔2026〕1号", "--signed-by", "刘书记",
                 "--on", "2026-03-05").stdout  # fmt: skip
    assert "已回复「无问题」2 人" in out
    shown = cli.json("integrity", "batch", "组干函〔2026〕1号", "--json")
    assert {x["state"] for x in shown["lines"]} == {"replied"}
    # A staff member (no sensitive right) neither searches by ID number nor writes the facts; a
    # read-only user answers nothing.
    for name, role in (("clerk", "staff"), ("reader", "readonly")):
        cli.ok("user", "add", name, "--role", role, "--full-name", name,
               "--new-password-file", str(cli.password_file))  # fmt: skip
    by_id = cli.run(
        "--user", "clerk", "integrity", "check", "--name", "张三", "--id-number", "11010519491231002X"
    )
    assert by_id.returncode == 1 and "当前用户没有「查看敏感信息」的权限。" in by_id.stderr
    third = cli.ok("integrity", "add", "组干函〔2026〕1号", "--name", "赵六").stdout.strip()
    facts = cli.run("--user", "clerk", "integrity", "answer", third, "--answer", "有问题", "--facts", "受过处分",
                    "--signed-by", "刘书记")  # fmt: skip
    assert facts.returncode == 1 and "当前用户无权查看或填写「问题情况」（敏感信息）。" in facts.stderr
    refused = cli.run(
        "--user", "reader", "integrity", "answer-clear", "组干函〔2026〕1号", "--signed-by", "刘书记"
    )
    assert refused.returncode == 1 and "当前用户没有「录入和修改」的权限。" in refused.stderr
    assert "拟回复：无问题" in cli.ok("--user", "reader", "integrity", "check", "--name", "赵六").stdout


def test_the_reply_view_at_the_county_sees_a_townships_clue_and_a_groups_sanction(tmp_path: Path) -> None:
    """T01 holds an open clue and G01 a sanction in force about one person (each recorded them with
    the same ID number); both appear in the county's reply view once both bundles have merged."""
    county = create(tmp_path / "C01", None, SetupRequest(
        unit_type="county", unit_code="C01", unit_name="测试县纪委监委", county_code="C01",
        county_name="测试县", admin_username="admin", admin_password=PASSWORD,
    ))  # fmt: skip
    units = RecordService(county)
    t1 = units.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    g1 = units.save(get("units"), {"code": "G01", "name": "县纪委监委第一派驻组", "unit_type": "group"})
    town = enrol_in_memory(county, "T01", tmp_path / "T01")
    group = enrol_in_memory(county, "G01", tmp_path / "G01")
    at_town, at_group = RecordService(town), RecordService(group)
    p1 = at_town.save(
        PEOPLE, {"name": "张三", "id_number": ID_NUMBER, "unit": "城关镇人民政府", "party_member": True}
    )
    clue = at_town.save(CLUES, {"source": "petition", "received_on": date(2026, 9, 1), "person_id": p1,
                                "category": "违反廉洁纪律", "handling_unit_id": t1}, confirmed=True)  # fmt: skip
    p2 = at_group.save(
        PEOPLE, {"name": "张三", "id_number": ID_NUMBER, "unit": "县水利局", "party_member": True}
    )
    sanction = at_group.save(MEASURES, {"person_id": p2, "handling_unit_id": g1, "kind": "party",
                                        "measure": "严重警告", "decided_on": date(2026, 6, 1)})  # fmt: skip
    assert send(town, county, tmp_path).status == "imported"
    assert send(group, county, tmp_path).status == "imported"

    records = RecordService(county)
    found = ir.review(records, "张三", id_number=ID_NUMBER, on=date(2026, 10, 1))
    assert {m.person.id for m in found.people} == {p1, p2}
    assert [c.id for c in found.open_clues] == [clue] and found.open_clues[0].handling_unit == "城关镇纪委"
    assert [m.id for m in found.in_force] == [sanction]
    assert found.in_force[0].handling_unit == "县纪委监委第一派驻组" and found.in_force[0].ends_on == date(
        2027, 11, 30
    )
    assert found.proposal == ISSUES
    # The county's reply about the township's person cannot say 无问题: the group's sanction binds.
    request = records.save(REQUESTS, {"letter_no": "组干函〔2026〕9号", "received_on": date(2026, 10, 1),
                                      "purpose": "promotion"})  # fmt: skip
    reply = records.save(REPLIES, {"request_id": request, "person_id": p1})
    with pytest.raises(ValidationError) as refused:
        ir.answer(records, reply, CLEAR, date(2026, 10, 2), "刘书记")
    assert "党纪处分（严重警告），影响期至 2027-11-30" in str(refused.value)
    assert "未办结的问题线索 1 件（城关镇纪委）" in str(refused.value)
    # The township and the group do not see it.
    with pytest.raises(CountyScreen):
        ir.review(at_town, "张三")
    with pytest.raises(CountyScreen):
        at_group.ids(REPLIES)
