"""Residency: visits and their codes, the quarter plan, coverage, quarterly ledgers."""

from __future__ import annotations

from datetime import date

import pytest
from apphelpers import backdate_registry, init_installation

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.registers.residency import checklist, normalise_code
from app.services.coverage import (
    MISSED,
    PLANNED,
    UNPLANNED,
    VISITED,
    ledger_coverage,
    missing_this_quarter,
    visit_coverage,
)
from app.services.records import NeedsConfirmation, RecordService, ValidationError
from app.services.transitions import Transitions
from app.services.visit_plan import PlanError, propose_plan, save_plan, working_days

VISITS = get("visits")


class Township:
    def __init__(self, db: Database) -> None:
        self.records = r = RecordService(Context.system(db, "admin"))
        self.unit = r.ids(get("units"))[0]
        self.villages = {
            name: r.save(get("villages"), {"township_id": self.unit, "name": name})
            for name in ("东湾村", "西岭村", "南塘村", "北坡村", "中心社区")
        }
        staff = get("staff")
        self.wang = r.save(
            staff, {"name": "王芳", "unit_id": self.unit, "post": "secretary", "home_village": "东湾村"}
        )
        self.li = r.save(staff, {"name": "李强", "unit_id": self.unit, "post": "member"})
        self.zhao = r.save(staff, {"name": "赵敏", "unit_id": self.unit, "post": "member"})
        backdate_registry(r.ctx)  # in the registry long before the quarters the tests look at


@pytest.fixture
def town(open_db) -> Township:  # type: ignore[no-untyped-def]
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    return Township(db)


def test_a_visit_gets_a_code_and_its_quarter(town: Township) -> None:
    vid = town.records.save(VISITS, {"village_id": town.villages["西岭村"], "planned_on": date(2026, 11, 3),
                                     "lead_id": town.li, "member_id": town.zhao})  # fmt: skip
    v = town.records.get(VISITS, vid)
    assert v["quarter"] == "2026Q4" and v["unit_id"] == town.unit and v["state"] == "planned"
    assert v["code"].startswith("V") and len(v["code"]) == 9
    assert normalise_code(v["code"].lower().replace("0", "o")) == v["code"].replace("O", "0")


def test_a_visit_needs_one_target_and_warns_of_a_home_village(town: Township) -> None:
    with pytest.raises(ValidationError) as none:
        town.records.save(VISITS, {"planned_on": date(2026, 11, 3)})
    assert "二者选其一" in str(none.value.errors["village_id"])
    with pytest.raises(NeedsConfirmation) as home:
        town.records.save(VISITS, {"village_id": town.villages["东湾村"], "planned_on": date(2026, 11, 3),
                                   "lead_id": town.wang})  # fmt: skip
    assert "东湾村" in str(home.value.warnings[0])


def test_recording_a_visit_and_coverage(town: Township) -> None:
    r = town.records
    today = date(2026, 11, 27)
    done = r.save(
        VISITS, {"village_id": town.villages["西岭村"], "planned_on": date(2026, 10, 9), "lead_id": town.li}
    )
    Transitions(r).apply(VISITS, done, "record", {"visited_on": date(2026, 10, 9), "matters": "村务公开、作风问题"},
                         "录入纸质记录表")  # fmt: skip
    r.save(
        VISITS, {"village_id": town.villages["南塘村"], "planned_on": date(2026, 12, 8), "lead_id": town.li}
    )
    r.save(
        VISITS, {"village_id": town.villages["北坡村"], "planned_on": date(2026, 7, 8), "lead_id": town.li}
    )
    rows = {row.target_name: row for row in visit_coverage(r, 2026, today=today)}
    assert rows["西岭村"].status("2026Q4") == VISITED
    assert rows["南塘村"].status("2026Q4") == PLANNED
    assert rows["东湾村"].status("2026Q4") == UNPLANNED
    assert rows["北坡村"].status("2026Q3") == MISSED  # planned, never done, quarter over
    assert rows["东湾村"].status("2026Q1") == MISSED
    assert rows["西岭村"].cells["2026Q4"].ids == [done]
    missing = {row.target_name for row in missing_this_quarter(r, today=today)}
    assert missing == {"东湾村", "南塘村", "北坡村", "中心社区"}


def test_the_proposed_plan_covers_every_village_and_keeps_people_from_home(town: Township) -> None:
    r = town.records
    r.save(
        VISITS, {"village_id": town.villages["西岭村"], "planned_on": date(2027, 1, 6), "lead_id": town.li}
    )
    plan = propose_plan(r, town.unit, "2027Q1", today=date(2026, 11, 27))
    assert sorted(p.target_name for p in plan) == sorted(set(town.villages) - {"西岭村"})
    days = working_days("2027Q1")
    assert all(p.planned_on in days for p in plan) and len({p.planned_on for p in plan}) == len(plan)
    home = next(p for p in plan if p.target_name == "东湾村")
    assert town.wang not in (home.lead_id, home.member_id)
    assert all(p.lead_id and p.member_id and p.lead_id != p.member_id for p in plan)
    ids = save_plan(r, plan)
    assert len(ids) == 4
    assert propose_plan(r, town.unit, "2027Q1", today=date(2026, 11, 27)) == []
    with pytest.raises(PlanError):
        propose_plan(r, "no-such-unit", "2027Q1")


def test_the_plan_leaves_out_holidays_and_counts_adjusted_working_days() -> None:
    days = working_days("2024Q4")
    assert not any(date(2024, 10, 1) <= d <= date(2024, 10, 7) for d in days)  # 国庆节
    assert date(2024, 10, 12) in days  # the 调休 Saturday
    # 92 days less 26 weekend days and the break's 5 weekdays, plus the 调休 Saturday.
    assert days[0] == date(2024, 10, 8) and len(days) == 92 - 26 - 5 + 1


def test_ledgers_have_their_kind_and_quarterly_coverage(town: Township) -> None:
    r = town.records
    signoff = get("ledger_signoff")
    eid = r.save(
        signoff,
        {"village_id": town.villages["东湾村"], "checked_on": date(2026, 5, 6), "content": "签字背书齐全",
         "matter": "财务报账单据"},
    )  # fmt: skip
    stored = r.get(signoff, eid)
    assert stored["target"] == "village" and stored["quarter"] == "2026Q2"
    assert r.ids(get("ledger_law_study")) == []  # each ledger lists its own kind
    rows = {row.target_name: row for row in ledger_coverage(r, "signoff", 2026, today=date(2026, 11, 27))}
    assert rows["东湾村"].status("2026Q2") == VISITED and rows["西岭村"].status("2026Q2") == MISSED
    with pytest.raises(ValidationError) as bad:
        r.save(
            signoff,
            {
                "village_id": town.villages["东湾村"],
                "checked_on": date(2026, 5, 6),
                "quarter": "2026Q5",
                "matter": "财务报账单据",
            },  # fmt: skip
        )
    assert "quarter" in bad.value.errors


def test_the_checklist_defaults_and_settings(town: Township) -> None:
    with town.records.db.session() as s:
        assert "村务公开" in checklist(s, "township") and "村务公开" not in checklist(s, "group")
    town.records.save(
        get("checklist_items"), {"name": "人居环境整治资金", "applies_to": "township", "position": 1}
    )
    with town.records.db.session() as s:
        assert checklist(s, "township") == ["人居环境整治资金"]
