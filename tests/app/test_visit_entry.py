"""Entering a paper visit form: finding the visit by its code, recording it with the clues it found
in one transaction (all or nothing)."""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from apphelpers import init_installation

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.services.records import RecordService, ValidationError
from app.services.transitions import TransitionRefused
from app.services.visit_entry import (
    ClueDraft,
    find_by_code,
    linked_clues,
    planning_units,
    record_visit,
    unit_staff,
    visit_sheet,
)

VISITS, CLUES = get("visits"), get("clues")
KEY = secrets.token_bytes(32)


class Township:
    def __init__(self, db: Database) -> None:
        self.system = RecordService(Context.system(db, "admin"))
        self.records = RecordService(
            Context(db, Actor("sec", "secretary", KEY))
        )  # may write a clue's summary
        self.unit = self.system.ids(get("units"))[0]
        self.village = self.system.save(get("villages"), {"township_id": self.unit, "name": "西岭村"})
        staff = get("staff")
        self.li = self.system.save(staff, {"name": "李强", "unit_id": self.unit, "post": "member"})
        self.zhao = self.system.save(staff, {"name": "赵敏", "unit_id": self.unit, "post": "member"})
        self.visit = self.system.save(
            VISITS,
            {
                "village_id": self.village,
                "planned_on": date.today(),
                "lead_id": self.li,
                "member_id": self.zhao,
            },
        )
        self.code = str(self.system.get(VISITS, self.visit)["code"])


@pytest.fixture
def town(open_db) -> Township:  # type: ignore[no-untyped-def]
    return Township(init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委"))


def test_a_code_as_scanned_or_typed_finds_the_visit(town: Township) -> None:
    assert find_by_code(town.records, town.code) == town.visit
    sloppy = town.code.lower().replace("0", "o").replace("1", "l")
    assert find_by_code(town.records, f" {sloppy[:4]}-{sloppy[4:]} ") == town.visit
    assert find_by_code(town.records, "V00000000") is None
    assert find_by_code(town.records, "  ") is None
    sheet = visit_sheet(town.records, town.visit)
    assert sheet.target_name == "西岭村" and sheet.unit_type == "township" and not sheet.recorded
    assert "村务公开" in sheet.checklist and sheet.lead_name == "李强"


def test_recording_a_visit_stores_the_form_and_registers_linked_clues(town: Township) -> None:
    today = date.today()
    values = {
        "visited_on": today,
        "matters": ["村务公开", "作风问题"],
        "people_talked": "村支书、村会计",
        "findings": "村务公开栏未按季度更新",
        "problems": "公开不及时",
        "follow_up": "督促一周内整改",
    }
    drafts = [
        ClueDraft("周某", "西岭村村委会", "反映周某虚报低保"),
        ClueDraft(""),  # an empty row of the table is ignored
        ClueDraft("吴某", "", "反映吴某优亲厚友"),
    ]
    ids = record_visit(town.records, town.visit, values, drafts)
    assert len(ids) == 2
    visit = town.records.get(VISITS, town.visit)
    assert visit["state"] == "done" and visit["visited_on"] == today
    assert visit["matters"] == "村务公开、作风问题" and visit["follow_up"] == "督促一周内整改"
    assert sorted(linked_clues(town.records, town.visit)) == sorted(ids)
    clue = town.records.get(CLUES, ids[0])
    assert clue["source"] == "supervision" and clue["received_on"] == today
    assert clue["handling_unit_id"] == town.unit and clue["visit_id"] == town.visit
    assert clue["state"] == "registered" and clue["summary"] == "反映周某虚报低保"
    assert clue["subject_unit"] == "西岭村村委会"
    # Recorded once: the step is no longer allowed.
    with pytest.raises(TransitionRefused):
        record_visit(town.records, town.visit, values)
    assert visit_sheet(town.records, town.visit).recorded


def test_a_bad_draft_saves_nothing(town: Township) -> None:
    values = {"visited_on": date.today(), "matters": ["村务公开"]}
    with pytest.raises(ValidationError) as bad:
        record_visit(
            town.records, town.visit, values, [ClueDraft("周某"), ClueDraft("", "西岭村", "没写被反映人")]
        )
    assert any(key.startswith("clue:1:") for key in bad.value.errors)
    assert town.records.get(VISITS, town.visit)["state"] == "planned"
    assert town.records.ids(CLUES) == []
    # The step's own checks: the matters are required.
    with pytest.raises(ValidationError) as missing:
        record_visit(town.records, town.visit, {"visited_on": date.today(), "matters": []})
    assert "matters" in missing.value.errors
    assert town.records.get(VISITS, town.visit)["state"] == "planned"


def test_a_township_plans_its_own_villages_with_its_own_staff(town: Township) -> None:
    units, choose = planning_units(town.records)
    assert [u.id for u in units] == [town.unit] and not choose
    assert {name for _id, name in unit_staff(town.records, town.unit)} == {"李强", "赵敏"}
