"""``person show`` and ``person duplicates`` on the command line, in-process: the record the window's
人员档案 shows, a name several people share, the audience (知悉范围), and the refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from apphelpers import PASSWORD, Cli

from app.registers import get
from app.services.login import login
from app.services.records import RecordService

ID_NUMBER = "11010519491231002X"


@dataclass
class County:
    cli: Cli
    zhang: str
    twin: str
    li: str
    warning: str


@pytest.fixture
def county(cli: Cli) -> County:
    cli.init_county()
    ctx = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        records = RecordService(ctx)
        t1 = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
        people = get("people")
        zhang = records.save(people, {"name": "张三", "unit": "城关镇人民政府", "post": "副镇长",
                                      "party_member": True, "object_category": "1", "id_number": ID_NUMBER})  # fmt: skip
        twin = records.save(people, {"name": "张三", "unit": "城关镇人民政府", "post": "主任科员"})
        li = records.save(people, {"name": "李四", "unit": "河口乡人民政府", "audience": "admin"})
        records.save(get("clues"), {"source": "petition", "received_on": date(2024, 3, 1), "person_id": zhang,
                                    "handling_unit_id": t1}, confirmed=True)  # fmt: skip
        measures = get("dispositions")
        base = {"person_id": zhang, "handling_unit_id": t1}
        warning = records.save(
            measures, {**base, "kind": "party", "measure": "警告", "decided_on": date(2025, 3, 1)}
        )
        records.save(measures, {**base, "kind": "state", "measure": "记过", "decided_on": date(2021, 1, 1)})
    finally:
        ctx.db.close()
    return County(cli, zhang, twin, li, warning)


def test_a_person_is_shown_with_the_sanctions_in_force(county: County) -> None:
    result = county.cli.ok("person", "show", county.zhang, "--on", "2025-06-01")
    out = result.stdout
    assert "人员：张三（城关镇人民政府，副镇长）" in out
    assert "中共党员：是" in out and "身份证号码：已登记" in out and ID_NUMBER not in out
    assert "截至 2025-06-01，处分期（影响期）内的处理 1 项：" in out
    assert "2025-03-01  党纪处分（警告）  第二种形态  处分期（影响期）至 2026-02-28  城关镇纪委" in out
    assert "问题线索（1）：" in out and "2024-0001" in out
    assert "处理处分（2）：" in out and "政务处分（记过）" in out
    assert "可能是同一人的人员" in out and county.twin in out and "同名同单位" in out
    later = county.cli.ok("person", "show", county.zhang, "--on", "2026-03-01").stdout
    assert "截至 2026-03-01，没有处分期（影响期）内的处理。" in later


def test_json_and_a_name_shared_by_several(county: County) -> None:
    doc = county.cli.json("person", "show", county.zhang, "--on", "2021-06-30", "--json")
    assert doc["person"]["display"] == "张三（城关镇人民政府，副镇长）"
    assert doc["on"] == "2021-06-30"
    [in_force] = doc["in_force"]
    measure = next(m for m in doc["measures"] if m["id"] == in_force)
    assert (measure["title"], measure["ends_on"], measure["in_force"]) == (
        "政务处分（记过）",
        "2021-12-31",
        True,
    )
    assert [c["number"] for c in doc["clues"]] == ["2024-0001"]
    assert [d["reasons"] for d in doc["duplicates"]] == [["name_unit"]]
    several = county.cli.run("person", "show", "张三")
    assert several.returncode == 1 and several.stdout == ""
    assert "人员库中有 2 位「张三」，请用编号指明是哪一位" in several.stderr
    assert county.zhang in several.stderr and county.twin in several.stderr
    one = county.cli.ok("person", "show", "李四")  # a name of one person
    assert "人员：李四（河口乡人民政府）" in one.stdout and "在案记录：无。" in one.stdout
    missing = county.cli.run("person", "show", "王五")
    assert missing.returncode == 1 and "人员库中没有编号或姓名为「王五」的人员。" in missing.stderr
    assert county.cli.run("person", "show", "张三", "--on", "2025-13-01").returncode == 2


def test_duplicates_are_listed(county: County) -> None:
    out = county.cli.ok("person", "duplicates").stdout
    assert "可能是同一人的人员 1 组" in out and county.zhang in out and county.twin in out
    [group] = county.cli.json("person", "duplicates", "--json")
    assert {d["person"]["id"] for d in group} == {county.zhang, county.twin}


def test_a_read_only_user_sees_what_the_registers_show_them(county: County, tmp_path: object) -> None:
    cli = county.cli
    cli.ok("user", "add", "clerk", "--role", "readonly", "--full-name", "职员",
           "--new-password-file", str(cli.password_file))  # fmt: skip
    shown = cli.ok("--user", "clerk", "person", "show", county.zhang, "--on", "2025-06-01")
    assert "党纪处分（警告）" in shown.stdout  # viewing needs no more than viewing the registers
    hidden = cli.run("--user", "clerk", "person", "show", county.li)
    assert hidden.returncode == 1 and "知悉范围" in hidden.stderr
    assert (
        "人员库中没有编号或姓名为「李四」的人员。"
        in cli.run("--user", "clerk", "person", "show", "李四").stderr
    )
