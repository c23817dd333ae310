"""RecordService: the registers' validation messages, delete/restore and history, on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.context import Context
from app.db.database import Database
from app.db.local import ChangeLog
from app.registers import get
from app.services.installation import SetupRequest, initialise
from app.services.records import ListQuery, RecordService, ValidationError

UNITS = get("units")
STAFF = get("staff")
VILLAGES = get("villages")
LIAISONS = get("liaisons")


@pytest.fixture
def records(county_db: Database) -> RecordService:
    return RecordService(Context.system(county_db, "clerk"))


def _errors(
    records: RecordService, register: Any, values: dict[str, Any], row_id: str | None = None
) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        records.save(register, values, row_id)
    return {k: str(v) for k, v in info.value.errors.items()}


def _log_size(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def _township(records: RecordService, code: str = "T01", name: str = "城关镇纪委") -> str:
    return records.save(UNITS, {"code": code, "name": name, "unit_type": "township", "authorised_posts": 5})


def test_required_fields(records: RecordService) -> None:
    errors = _errors(records, UNITS, {})
    assert errors["code"] == "「单位代码」不能为空。"
    assert errors["name"] == "「单位名称」不能为空。"
    assert errors["unit_type"] == "「单位类型」不能为空。"


def test_integer_and_range(records: RecordService) -> None:
    values = {"code": "T01", "name": "城关镇纪委", "unit_type": "township"}
    assert _errors(records, UNITS, {**values, "authorised_posts": "五"}) == {
        "authorised_posts": "「核定编制」须为整数。"
    }
    assert _errors(records, UNITS, {**values, "authorised_posts": 100}) == {
        "authorised_posts": "「核定编制」不能大于 99。"
    }
    assert _errors(records, UNITS, {**values, "authorised_posts": -1}) == {
        "authorised_posts": "「核定编制」不能小于 0。"
    }


def test_pattern(records: RecordService) -> None:
    errors = _errors(records, UNITS, {"code": "T 01", "name": "城关镇纪委", "unit_type": "township"})
    assert errors == {"code": "「单位代码」格式不对：只能用字母、数字、下划线和连字符，最多 32 位。"}


def test_unique_among_live_rows(records: RecordService) -> None:
    first = _township(records)
    assert _errors(records, UNITS, {"code": "T01", "name": "另一个", "unit_type": "township"}) == {
        "code": "已有相同「单位代码」的记录。"
    }
    records.delete(UNITS, first)
    # A tombstone does not hold the code. A unit's id derives from its code, so the unit comes back.
    second = _township(records, "T01", "城关镇纪委（新）")
    assert second == first
    assert records.get(UNITS, second)["name"] == "城关镇纪委（新）"
    zones = get("zones")
    zone = records.save(zones, {"name": "东片区"})
    records.delete(zones, zone)
    assert records.save(zones, {"name": "东片区"}) != zone  # other registers make a new row


def test_a_failed_save_changes_nothing(county_db: Database, records: RecordService) -> None:
    before = _log_size(county_db)
    count = records.count(UNITS)
    _errors(records, UNITS, {"code": "bad code", "name": "x", "unit_type": "office"})
    assert _log_size(county_db) == before
    assert records.count(UNITS) == count


def test_reference_filter(records: RecordService) -> None:
    township = _township(records)
    office = records.save(UNITS, {"code": "S01", "name": "组宣室", "unit_type": "office"})
    errors = _errors(records, LIAISONS, {"office_id": township, "unit_id": township})
    assert errors == {"office_id": "「联系科室」所选的记录不存在、已删除或不符合要求。"}
    errors = _errors(records, LIAISONS, {"office_id": office, "unit_id": "no-such-id"})
    assert errors == {"unit_id": "「联系单位」所选的记录不存在、已删除或不符合要求。"}
    liaison = records.save(LIAISONS, {"office_id": office, "unit_id": township, "matters": "线索处置"})
    assert records.get(LIAISONS, liaison)["matters"] == "线索处置"
    assert [v for v, _label in records.options(LIAISONS, "office_id")] == [office]


def test_staff_post_must_exist_in_the_unit_type(records: RecordService) -> None:
    township = _township(records)
    errors = _errors(records, STAFF, {"name": "张三", "unit_id": township, "post": "group_leader"})
    assert errors == {"post": "该单位没有「组长」这一岗位。"}
    assert records.save(STAFF, {"name": "张三", "unit_id": township, "post": "书记"})  # label accepted too


def test_secondment_rules_and_default_end(records: RecordService) -> None:
    group = records.save(UNITS, {"code": "G01", "name": "派驻第一纪检监察组", "unit_type": "group"})
    base = {"name": "李四", "unit_id": group, "post": "group_member", "seconded": "是"}
    errors = _errors(records, STAFF, base)
    assert errors == {
        "seconded_from": "挂职人员须填写派出单位。",
        "secondment_start": "挂职人员须填写挂职开始日期。",
    }
    row = records.save(STAFF, {**base, "seconded_from": "县财政局", "secondment_start": "2022-03-01"})
    saved = records.get(STAFF, row)
    assert saved["secondment_start"] == date(2022, 3, 1)
    assert saved["secondment_end"] == date(2023, 3, 1)  # one year by default
    leap = records.save(
        STAFF, {**base, "name": "王五", "seconded_from": "县教育局", "secondment_start": date(2024, 2, 29)}
    )
    assert records.get(STAFF, leap)["secondment_end"] == date(2025, 2, 28)
    errors = _errors(records, STAFF, {"secondment_end": "2022-01-01"}, row)
    assert errors == {"secondment_end": "挂职结束日期不能早于开始日期。"}
    errors = _errors(records, STAFF, {"secondment_start": "2022-13-01"}, row)
    assert errors == {"secondment_start": "「挂职开始」须为日期，格式如 2022-06-30。"}


def test_delete_refused_while_referenced_then_restore(records: RecordService) -> None:
    township = _township(records)
    village = records.save(VILLAGES, {"township_id": township, "name": "王家庄村", "liaison_name": "赵六"})
    with pytest.raises(ValidationError) as info:
        records.delete(UNITS, township)
    assert str(info.value.errors[""]) == "还有记录引用它（村（社区） 1 条），不能删除。"
    assert records.count(UNITS, ListQuery(filters={"unit_type": "township"})) == 1

    records.delete(VILLAGES, village)
    assert records.count(VILLAGES) == 0
    assert records.ids(VILLAGES, ListQuery(include_deleted=True)) == [village]
    assert records.rows(VILLAGES, [village])[village]["__deleted__"] == "1"
    records.delete(UNITS, township)  # nothing live points to it now
    assert records.count(UNITS, ListQuery(filters={"unit_type": "township"})) == 0

    records.restore(UNITS, township)
    records.restore(VILLAGES, village)
    assert records.count(VILLAGES) == 1
    assert records.get(VILLAGES, village)["__deleted__"] is False


def test_history_shows_who_changed_what(records: RecordService, county_db: Database) -> None:
    township = _township(records)
    village = records.save(
        VILLAGES, {"township_id": township, "name": "东河村", "liaison_phone": "13800000000"}
    )
    RecordService(Context.system(county_db, "secretary")).save(VILLAGES, {"liaison_phone": "13900000000"}, village)
    records.delete(VILLAGES, village)
    records.restore(VILLAGES, village)

    history = records.history(VILLAGES, village)
    assert [h.op for h in history] == ["insert", "update", "delete", "restore"]
    assert [h.by for h in history] == ["clerk", "secretary", "clerk", "clerk"]
    inserted = dict((label, (old, new)) for label, old, new in history[0].changes)
    assert inserted["所属乡镇"] == ("", "城关镇纪委")  # a reference shows the record's name
    assert inserted["村（社区）名称"] == ("", "东河村")
    assert history[1].changes == (("联系电话", "13800000000", "13900000000"),)
    assert history[2].changes == () and history[3].changes == ()


def test_list_search_filter_and_sort(records: RecordService) -> None:
    t1 = _township(records, "T01", "城关镇纪委")
    t2 = _township(records, "T02", "东关镇纪委")
    records.save(
        UNITS, {"code": "G01", "name": "派驻第一纪检监察组", "unit_type": "group", "authorised_posts": 3}
    )
    records.save(STAFF, {"name": "张三", "unit_id": t1, "post": "secretary", "full_time": True})
    assert records.ids(UNITS, ListQuery(search="东关")) == [t2]
    assert records.ids(UNITS, ListQuery(filters={"unit_type": "township"}, sort="code", descending=True)) == [
        t2,
        t1,
    ]
    rows = records.rows(UNITS, [t1])[t1]
    assert rows["unit_type"] == "乡镇纪委"
    assert (rows["staffed"], rows["vacancies"]) == ("1", "4")
    # LIKE wildcards in a search are literal text
    assert records.ids(UNITS, ListQuery(search="%")) == []


def test_a_unit_has_the_same_id_on_every_installation_and_comes_back_after_delete(tmp_path: Path) -> None:
    """The county's row for a township and the township's own row are one row (sync merges them)."""
    from app.models.org import unit_row_id

    county = Database.open(tmp_path / "county")
    township = Database.open(tmp_path / "township")
    try:
        initialise(county, SetupRequest("county", "X01", "示范县纪委监委", "X01", "示范县", "admin", "secret123"))
        initialise(township, SetupRequest("township", "T01", "城关镇纪委", "X01", "示范县", "admin", "secret123"))
        records = RecordService(Context.system(county, "admin"))
        units = get("units")
        made = records.save(units, {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
        own = RecordService(Context.system(township, "admin")).ids(units)
        assert made == unit_row_id("X01", "T01") == own[0]
        records.delete(units, made)
        again = records.save(units, {"code": "T01", "name": "城关镇纪委（新）", "unit_type": "township"})
        assert again == made
        assert records.get(units, made)["name"] == "城关镇纪委（新）"
        assert [e.op for e in records.history(units, made)] == ["insert", "delete", "restore"]
    finally:
        county.close()
        township.close()


def test_an_optional_choice_left_blank_saves_again(records: RecordService) -> None:
    """A clue whose 问题类别 is blank (None from the form) is edited and saved again: the blank is
    stored as the column's empty default, not a NULL the table refuses."""
    reg = get("clues")
    values = {
        "source": "petition",
        "received_on": date(2022, 1, 5),
        "subject_name": "赵某",
        "secrecy": "none",
        "category": None,
    }
    clue_id = records.save(reg, values)
    assert records.save(reg, {**values, "subject_unit": "城关镇人民政府"}, clue_id) == clue_id
    stored = records.get(reg, clue_id)
    assert (stored["category"], stored["subject_unit"]) == ("", "城关镇人民政府")
