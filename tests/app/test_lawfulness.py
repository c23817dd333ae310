"""``app.services.lawfulness``: lawful records give no problem; each rule broken after entry (a
person record corrected, an old row, a measure typed by hand) is named, with its row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import text

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services.lawfulness import problems
from app.services.records import RecordService

DISPOSITIONS = get("dispositions")


@dataclass
class World:
    db: Database
    ids: dict[str, str]

    def sql(self, statement: str, **params: str) -> None:
        with self.db.session() as s:
            s.execute(text(statement), params)

    def problems(self) -> list[tuple[str, str, str]]:
        with self.db.session() as s:
            return [(p.register, p.row_id, str(p.message)) for p in problems(s)]


def _measure(records: RecordService, person: str, unit: str, kind: str, measure: str, **values: str) -> str:
    return records.save(
        DISPOSITIONS,
        {
            "person_id": person,
            "kind": kind,
            "measure": measure,
            "decided_on": date(2021, 6, 1),
            "handling_unit_id": unit,
            **values,
        },
    )


@pytest.fixture
def world(county_db: Database) -> World:
    """A township and a group, a village cadre, a township cadre who is no party member, a
    department cadre, an inspection clue about each of the cadres, and one lawful measure of each
    kind that has a rule."""
    records = RecordService(Context.system(county_db, "admin"))
    units = get("units")
    town = records.save(units, {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    group = records.save(units, {"code": "G01", "name": "派驻第一纪检监察组", "unit_type": "group"})
    people = get("people")
    village = records.save(people, {"name": "村干甲", "unit": "东湾村民委员会", "post": "村委会主任",
                                    "authority": "村级干部", "party_member": True, "object_category": "5"})  # fmt: skip
    clerk = records.save(people, {"name": "乡干乙", "unit": "城关镇人民政府", "post": "科员",
                                  "authority": "乡镇管干部", "party_member": False, "object_category": "1"})  # fmt: skip
    cadre = records.save(people, {"name": "部门丙", "unit": "县水利局", "post": "股长",
                                  "authority": "部门管干部", "party_member": True, "object_category": "1"})  # fmt: skip
    clues = get("clues")
    base = {"source": "inspection", "received_on": date(2021, 3, 1), "category": "违反工作纪律"}
    village_clue = records.save(clues, {**base, "person_id": village, "subject_name": "村干甲",
                                        "handling_unit_id": town}, confirmed=True)  # fmt: skip
    cadre_clue = records.save(clues, {**base, "person_id": cadre, "subject_name": "部门丙",
                                      "handling_unit_id": group}, confirmed=True)  # fmt: skip
    ids = {
        "town": town,
        "group": group,
        "village": village,
        "clerk": clerk,
        "cadre": cadre,
        "village_clue": village_clue,
        "cadre_clue": cadre_clue,
        "party": _measure(records, cadre, group, "party", "严重警告"),
        "state": _measure(records, clerk, town, "state", "记过"),
        "village_state": _measure(records, village, town, "state", "记大过"),
        "village_inspection": _measure(records, village, town, "admonition", "诫勉", clue_id=village_clue),
        "cadre_inspection": _measure(records, cadre, group, "criticism", "批评教育", clue_id=cadre_clue),
        "org": _measure(records, "", town, "org_accountability", "检查", org_name="东湾村党支部"),
    }
    return World(county_db, ids)


def test_lawful_records_give_no_problem(world: World) -> None:
    assert world.problems() == []


@pytest.mark.parametrize(
    ("change", "register", "row", "says"),
    [
        ("UPDATE people SET party_member = false WHERE id = :cadre", "dispositions", "party", "不是中共党员"),
        ("UPDATE people SET object_category = '' WHERE id = :clerk", "dispositions", "state", "不是监察对象"),
        (
            "UPDATE dispositions SET measure = '撤职' WHERE id = :village_state",
            "dispositions",
            "village_state",
            "只能是警告、记过或记大过",
        ),  # fmt: skip
        ("UPDATE dispositions SET kind = 'criticism' WHERE id = :party", "dispositions", "party", "不符"),
        (
            "UPDATE dispositions SET person_id = :clerk, person_name = '乡干乙' WHERE id = :org",
            "dispositions",
            "org",
            "填写了个人",
        ),  # fmt: skip
        (
            "UPDATE dispositions SET org_name = '' WHERE id = :org",
            "dispositions",
            "org",
            "没有填写党组织名称",
        ),
        (
            "UPDATE dispositions SET person_id = NULL WHERE id = :state",
            "dispositions",
            "state",
            "没有关联人员库",
        ),
        ("UPDATE people SET deleted = true WHERE id = :clerk", "dispositions", "state", "没有关联人员库"),
        ("UPDATE dispositions SET person_name = '别人' WHERE id = :state", "dispositions", "state", "不一致"),
        (
            "UPDATE dispositions SET handling_unit_id = :group WHERE id = :village_inspection",
            "dispositions",
            "village_inspection",
            "由乡镇纪委办理和计数",
        ),  # fmt: skip
        (
            "UPDATE dispositions SET handling_unit_id = :town WHERE id = :cadre_inspection",
            "dispositions",
            "cadre_inspection",
            "由初核的派驻纪检监察组办理和计数",
        ),  # fmt: skip
        ("UPDATE clues SET person_id = NULL WHERE id = :cadre_clue", "clues", "cadre_clue", "没有关联人员库"),
        ("UPDATE people SET authority = '县管干部' WHERE id = :village", "people", "village", "管理权限"),
    ],
)
def test_each_broken_rule_is_named_with_its_row(world: World, change: str, register: str, row: str,
                                                says: str) -> None:  # fmt: skip
    params = {k: v for k, v in world.ids.items() if f":{k}" in change}
    world.sql(change, **params)
    found = world.problems()
    assert [(r, world_id) for r, world_id, _m in found] == [(register, world.ids[row])], found
    assert says in found[0][2]
