"""履职覆盖: a register's frequency rules (``Duty``) as coverage, on made-up duties over visits so
that the mechanism is tested apart from the registers that declare real ones."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

import pytest
from apphelpers import backdate_registry, init_installation
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Context
from app.models.residency import Visit
from app.registers import REGISTERS, get
from app.registers.fields import MONTH, QUARTER, WEEK, Duty
from app.services.duties import (
    DUE,
    FUTURE,
    MISSED,
    NOT_OWED,
    PAID,
    UnknownDutyError,
    duty_year,
    find_duty,
    missing_now,
    period_label,
    period_of,
    periods_of_year,
    rule_text,
    totals,
)
from app.services.records import RecordService
from app.services.transitions import Transitions

VISITS = get("visits")


def _done(s: Session, first: date, last: date) -> list[Visit]:
    return list(
        s.scalars(
            select(Visit).where(
                Visit.deleted.is_(False), Visit.state == "done", Visit.visited_on.between(first, last)
            )
        )
    )


def led(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    out: dict[str, list[str]] = {}
    for v in _done(s, first, last):
        if v.lead_id:
            out.setdefault(v.lead_id, []).append(v.id)
    return out


def visited(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    out: dict[str, list[str]] = {}
    for v in _done(s, first, last):
        if v.village_id:
            out.setdefault(v.village_id, []).append(v.id)
    return out


LEAD = Duty("test_lead_monthly", "每月带队驻村", MONTH, "staff", led)
VILLAGE = Duty("test_village_quarterly", "每季度驻村", QUARTER, "village", visited)


@pytest.fixture
def town(open_db, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(REGISTERS, "visits", replace(VISITS, duties=(LEAD, VILLAGE)))
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    r = RecordService(Context.system(db, "admin"))
    unit = r.ids(get("units"))[0]
    villages = {n: r.save(get("villages"), {"township_id": unit, "name": n}) for n in ("东湾村", "西岭村")}
    staff = get("staff")
    people = {
        "王芳": r.save(staff, {"name": "王芳", "unit_id": unit, "post": "secretary"}),
        "李强": r.save(staff, {"name": "李强", "unit_id": unit, "post": "member"}),
        "赵敏": r.save(
            staff, {"name": "赵敏", "unit_id": unit, "post": "member", "left_on": date(2026, 3, 20)}
        ),
    }
    backdate_registry(r.ctx)  # in the registry long before the periods the tests look at

    def visit(village: str, lead: str, on: date) -> str:
        vid = r.save(VISITS, {"village_id": villages[village], "planned_on": on, "lead_id": people[lead]})
        Transitions(r).apply(VISITS, vid, "record", {"visited_on": on, "matters": "村务公开"}, "录入")
        return vid

    return r, villages, people, visit


def test_periods_cover_the_year_once() -> None:
    assert [p.key for p in periods_of_year(QUARTER, 2026)] == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    months = periods_of_year(MONTH, 2026)
    assert months[1].first == date(2026, 2, 1) and months[1].last == date(2026, 2, 28)
    weeks = periods_of_year(WEEK, 2026)
    assert len(weeks) == 53 and weeks[0].first == date(2025, 12, 29)  # ISO: 2026 has 53 weeks
    assert period_of(WEEK, date(2027, 1, 1)).key == "2026W53"
    assert period_of("half", date(2026, 7, 1)).key == "2026H2"
    assert str(period_label(months[2], MONTH)) == "3月"
    assert str(rule_text(LEAD)) == "每名纪检监察干部每月至少 1 次"


def test_a_staff_duty_names_who_is_missing(town) -> None:
    r, _villages, people, visit = town
    jan = visit("东湾村", "王芳", date(2026, 1, 15))
    visit("西岭村", "王芳", date(2026, 2, 10))
    visit("西岭村", "李强", date(2026, 2, 11))
    periods, rows = duty_year(r, LEAD.key, 2026, today=date(2026, 4, 10))
    assert [p.key for p in periods][:2] == ["2026-01", "2026-02"]
    by_name = {row.ower_name: row for row in rows}
    assert set(by_name) == {"王芳", "李强", "赵敏"}
    assert by_name["王芳"].cells["2026-01"].status == PAID and by_name["王芳"].cells["2026-01"].ids == [jan]
    assert by_name["李强"].status("2026-01") == MISSED and by_name["李强"].status("2026-02") == PAID
    assert by_name["王芳"].status("2026-03") == MISSED
    assert by_name["王芳"].status("2026-04") == DUE and by_name["王芳"].status("2026-05") == FUTURE
    # 赵敏 left on 20 March: owes March, not April
    assert by_name["赵敏"].status("2026-03") == MISSED and by_name["赵敏"].status("2026-04") == NOT_OWED
    assert totals(rows, "2026-02") == {PAID: 2, MISSED: 1, DUE: 0, FUTURE: 0, NOT_OWED: 0}
    assert people["赵敏"] == by_name["赵敏"].ower_id


def test_the_workbench_hears_what_is_missing_now(town) -> None:
    r, _villages, _people, visit = town
    visit("东湾村", "王芳", date(2026, 2, 10))
    missing = missing_now(r, today=date(2026, 3, 5))
    lead = {(m.period.key, m.status): sorted(o.ower_name for o in m.owers) for m in missing if m.duty is LEAD}
    assert lead == {("2026-03", DUE): ["李强", "王芳", "赵敏"], ("2026-02", MISSED): ["李强", "赵敏"]}
    village = {
        (m.period.key, m.status): sorted(o.ower_name for o in m.owers) for m in missing if m.duty is VILLAGE
    }
    assert village == {("2026Q1", DUE): ["西岭村"], ("2025Q4", MISSED): ["东湾村", "西岭村"]}
    assert all(m.register == "visits" for m in missing if m.duty in (LEAD, VILLAGE))


def test_an_unknown_duty_is_refused() -> None:
    with pytest.raises(UnknownDutyError) as e:
        find_duty("每日一练")
    assert "没有名为 每日一练 的履职要求" in str(e.value)


def test_the_command_line_lists_duties_and_their_coverage(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REGISTERS, "visits", replace(VISITS, duties=(LEAD, VILLAGE)))
    cli.init_county()
    listed = cli.json("duty", "list", "--json")
    assert {d["key"]: d["rule"] for d in listed if d["key"].startswith("test_")} == {
        "test_lead_monthly": "每名纪检监察干部每月至少 1 次",
        "test_village_quarterly": "每个村（社区）每季度至少 1 次",
    }
    doc = cli.json("duty", "coverage", "test_village_quarterly", "--year", "2026", "--json")
    assert [p["key"] for p in doc["periods"]] == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert doc["rows"] == []  # the county has no villages yet
    refused = cli.run("duty", "coverage", "每日一练")
    assert refused.returncode == 1
    assert "没有名为 每日一练 的履职要求。" in refused.stderr
    assert (
        "没有代码为 NOPE 的单位。"
        in cli.run("duty", "coverage", "test_lead_monthly", "--unit", "NOPE").stderr
    )
