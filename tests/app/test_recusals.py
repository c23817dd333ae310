"""回避 as a decision: ties matched through the person register, the recusal step that changes the
handler and records who stepped aside from what, why and on whose approval (also on the command
line), and cross-handling across zones only by the county's assignment."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services.records import NeedsConfirmation, RecordService

CLUES, TIES, PEOPLE = get("clues"), get("staff_ties"), get("people")


class Org:
    """Two zones with two townships and one, a group, and staff of T01 and T02."""

    def __init__(self, records: RecordService) -> None:
        east = records.save(get("zones"), {"name": "东片区"})
        west = records.save(get("zones"), {"name": "西片区"})
        units = get("units")
        self.t1 = records.save(
            units, {"code": "T01", "name": "城关镇纪委", "unit_type": "township", "zone_id": east}
        )
        self.t2 = records.save(
            units, {"code": "T02", "name": "河口乡纪委", "unit_type": "township", "zone_id": east}
        )
        self.t3 = records.save(
            units, {"code": "T03", "name": "山前镇纪委", "unit_type": "township", "zone_id": west}
        )
        staff = get("staff")
        self.wang = records.save(staff, {"name": "王芳", "unit_id": self.t1, "post": "secretary"})
        self.li = records.save(staff, {"name": "李强", "unit_id": self.t1, "post": "member"})
        self.zhang = records.save(staff, {"name": "张伟", "unit_id": self.t2, "post": "secretary"})


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
