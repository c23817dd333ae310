"""One way to write a quarter (``app.quarters``), and coverage that tells the truth about time:
a planned day gone by without the visit is 未驻, and a village (staff member, unit) counts from the
day it was added. Every date is fixed: ``today`` is passed, the registry's rows are dated."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

import pypdf
import pytest
from apphelpers import PASSWORD, backdate_registry, init_installation
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.context import Context
from app.db.database import Database
from app.models.org import Staff, Village
from app.models.residency import Visit
from app.quarters import (
    normalise_quarter,
    parse_quarter,
    quarter_message,
    quarter_name,
    quarter_text,
    quarter_text_wrapped,
)
from app.registers import REGISTERS, get
from app.registers.fields import QUARTER, Duty
from app.services import duties
from app.services.coverage import (
    MISSED,
    NOT_APPLICABLE,
    PLANNED,
    UNPLANNED,
    VISITED,
    ledger_coverage,
    missing_this_quarter,
    visit_coverage,
)
from app.services.coverage_export import grid, headers, totals_line
from app.services.login import login
from app.services.records import RecordService, ValidationError
from app.services.transitions import Transitions

VISITS = get("visits")


# ---- writing and reading a quarter ---------------------------------------------------------------
def test_a_quarter_is_written_one_way() -> None:
    assert quarter_text("2026Q4") == "2026年第四季度"
    assert quarter_text((2027, 1)) == "2027年第一季度"
    assert [quarter_name(q) for q in range(1, 5)] == ["第一季度", "第二季度", "第三季度", "第四季度"]
    assert str(quarter_message("2026Q2")) == "2026年第二季度"
    english = {"{year}年第四季度": "Q4 {year}", "第三季度": "Q3"}
    assert quarter_text("2026Q4", lambda s: english.get(s, s)) == "Q4 2026"
    assert quarter_name(3, lambda s: english.get(s, s)) == "Q3"
    with pytest.raises(ValueError):
        quarter_name(5)
    # On a chart's narrow axis, the same form over two lines.
    assert quarter_text_wrapped("2026Q4") == "2026年\n第四季度"
    assert quarter_text_wrapped("2026Q4", "<br>", lambda s: english.get(s, s)) == "Q4<br>2026"


@pytest.mark.parametrize(
    "typed",
    ["2026Q4", "2026q4", " 2026 Q4 ", "2026年第四季度", "2026 年第4季度", "2026年第4季度", "2026年四季度",
     "2026年4季度", "2026 4", "Q4 2026", "q4 2026", "Q4, 2026"],
)  # fmt: skip
def test_every_written_form_is_read(typed: str) -> None:
    assert parse_quarter(typed) == (2026, 4)
    assert normalise_quarter(typed) == "2026Q4"


@pytest.mark.parametrize("typed", ["2026Q5", "2026年第五季度", "26Q4", "Q0 2026", "2026", "", "第四季度"])
def test_what_is_not_a_quarter_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_quarter(typed)


def test_the_coverage_table_heads_its_quarters_the_same_way() -> None:
    assert headers(2026)[2:] == ["第一季度", "第二季度", "第三季度", "第四季度"]
    assert str(duties.period_label(duties.periods_of_year(QUARTER, 2026)[3], QUARTER)) == "第四季度"


# ---- coverage and time ----------------------------------------------------------------------------
def _dated(records: RecordService, model: type, row_id: str, day: date) -> None:
    with records.ctx.session() as s:
        s.execute(
            update(model).where(model.id == row_id).values(created_at=datetime(day.year, day.month, day.day))
        )


@pytest.fixture
def town(open_db):  # type: ignore[no-untyped-def]
    db: Database = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    r = RecordService(Context.system(db, "admin"))
    unit = r.ids(get("units"))[0]
    villages = {
        n: r.save(get("villages"), {"township_id": unit, "name": n}) for n in ("东湾村", "西岭村", "新村")
    }
    staff = {
        n: r.save(get("staff"), {"name": n, "unit_id": unit, "post": "member"}) for n in ("李强", "孙丽")
    }
    backdate_registry(r.ctx, date(2024, 6, 1))
    _dated(r, Village, villages["新村"], date(2026, 8, 20))  # added in the third quarter
    _dated(r, Staff, staff["孙丽"], date(2026, 5, 10))  # joined in May
    return r, unit, villages, staff


def _done_by(s: Session, first: date, last: date, who: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    done = select(Visit).where(
        Visit.deleted.is_(False), Visit.state == "done", Visit.visited_on.between(first, last)
    )
    for visit in s.scalars(done):
        out.setdefault(getattr(visit, who), []).append(visit.id)
    return out


def _visit(
    r: RecordService, village: str, lead: str, planned: date, done: date | None = None, **more: str
) -> str:
    vid = r.save(VISITS, {"village_id": village, "planned_on": planned, "lead_id": lead, **more})
    if done is not None:
        Transitions(r).apply(VISITS, vid, "record", {"visited_on": done, "matters": "村务公开"}, "录入")
    return vid


def test_a_planned_day_gone_by_is_missed_not_planned(town) -> None:  # type: ignore[no-untyped-def]
    r, _unit, v, s = town
    today = date(2026, 12, 5)  # December: the fourth quarter is not over
    late = _visit(r, v["东湾村"], s["李强"], date(2026, 10, 15))  # never recorded
    _visit(r, v["西岭村"], s["李强"], date(2026, 12, 18))  # still to come
    rows = {row.target_name: row for row in visit_coverage(r, 2026, today=today)}
    assert rows["东湾村"].status("2026Q4") == MISSED and rows["东湾村"].cells["2026Q4"].ids == [late]
    assert rows["西岭村"].status("2026Q4") == PLANNED
    # The planned day itself is not gone by; a visit planned again for later is 已安排.
    assert {row.target_name: row for row in visit_coverage(r, 2026, today=date(2026, 10, 15))}[
        "东湾村"
    ].status("2026Q4") == PLANNED
    _visit(r, v["东湾村"], s["李强"], date(2026, 12, 20))
    rows = {row.target_name: row for row in visit_coverage(r, 2026, today=today)}
    assert rows["东湾村"].status("2026Q4") == PLANNED
    assert "东湾村" in {row.target_name for row in missing_this_quarter(r, today=today)}


def test_a_village_counts_from_the_day_it_was_added(town) -> None:  # type: ignore[no-untyped-def]
    r, _unit, v, s = town
    today = date(2026, 12, 5)
    rows = {row.target_name: row for row in visit_coverage(r, 2026, today=today)}
    new = rows["新村"]
    assert new.since == date(2026, 8, 20)
    assert [new.status(q) for q in ("2026Q1", "2026Q2", "2026Q3", "2026Q4")] == [
        NOT_APPLICABLE, NOT_APPLICABLE, MISSED, UNPLANNED,
    ]  # fmt: skip
    assert [rows["东湾村"].status(q) for q in ("2026Q1", "2026Q2")] == [MISSED, MISSED]
    # The totals leave it out where it did not count; the grid says 不适用, not 未驻.
    table = grid(list(rows.values()), 2026, "visits", "驻村（驻在）")
    line = next(line for line in table.lines if line[1] == "新村")
    assert line[2:4] == ["不适用", "不适用"] and line[4] == "未驻"
    assert totals_line(list(rows.values()), "2026Q1", "visits") == "1 乡镇 2 村：未驻 2"
    # A visit recorded for an earlier day shows it was there then: it counts from that day.
    _visit(r, v["新村"], s["李强"], date(2026, 2, 3), date(2026, 2, 3))
    rows = {row.target_name: row for row in visit_coverage(r, 2026, today=today)}
    assert rows["新村"].since == date(2026, 2, 3)
    assert [rows["新村"].status(q) for q in ("2026Q1", "2026Q2")] == [VISITED, MISSED]


def test_a_ledger_counts_from_the_day_the_village_was_added(town) -> None:  # type: ignore[no-untyped-def]
    r, _unit, _v, _s = town
    rows = {row.target_name: row for row in ledger_coverage(r, "signoff", 2026, today=date(2026, 12, 5))}
    assert rows["新村"].status("2026Q2") == NOT_APPLICABLE and rows["新村"].status("2026Q3") == MISSED
    assert rows["东湾村"].status("2026Q2") == MISSED


def test_a_ledger_quarter_may_be_typed_as_it_is_written(town) -> None:  # type: ignore[no-untyped-def]
    r, _unit, v, _s = town
    signoff = get("ledger_signoff")
    values = {"village_id": v["东湾村"], "checked_on": date(2026, 11, 6), "matter": "财务报账单据"}
    eid = r.save(signoff, {**values, "quarter": "2026年第四季度"})
    assert r.get(signoff, eid)["quarter"] == "2026Q4"
    with pytest.raises(ValidationError) as bad:
        r.save(signoff, {**values, "quarter": "2026年第五季度"})
    assert "2026年第四季度" in str(bad.value.errors["quarter"])


def test_a_duty_is_owed_from_the_day_the_ower_was_added(town, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    r, unit, v, s = town
    lead = Duty(
        "test_lead_q", "每季度主办驻村", QUARTER, "staff", lambda s, a, b: _done_by(s, a, b, "lead_id")
    )
    village = Duty(
        "test_village_q", "每季度驻村", QUARTER, "village", lambda s, a, b: _done_by(s, a, b, "village_id")
    )
    monkeypatch.setitem(REGISTERS, "visits", replace(VISITS, duties=(lead, village)))
    _visit(r, v["东湾村"], s["孙丽"], date(2026, 1, 20), date(2026, 1, 20))  # before she joined
    # A seconded member owes from the first day of the secondment, whenever entered.
    r.save(get("staff"), {"name": "周杰", "unit_id": unit, "post": "member", "seconded": True,
                          "seconded_from": "县财政局", "secondment_start": date(2026, 8, 1)})  # fmt: skip
    today = date(2026, 12, 5)
    _periods, rows = duties.duty_year(r, lead, 2026, today=today)
    by_name = {row.ower_name: row for row in rows}
    assert [by_name["周杰"].status(f"2026Q{q}") for q in range(1, 5)] == [
        duties.NOT_OWED, duties.NOT_OWED, duties.MISSED, duties.DUE,
    ]  # fmt: skip
    assert [by_name["孙丽"].status(f"2026Q{q}") for q in range(1, 5)] == [
        duties.PAID,
        duties.MISSED,
        duties.MISSED,
        duties.DUE,
    ]  # fmt: skip  (joined 10 May: the second quarter was not over)
    assert by_name["李强"].status("2026Q1") == duties.MISSED
    _periods, rows = duties.duty_year(r, village, 2026, today=today)
    new = next(row for row in rows if row.ower_name == "新村")
    assert [new.status(f"2026Q{q}") for q in range(1, 5)] == [
        duties.NOT_OWED, duties.NOT_OWED, duties.MISSED, duties.DUE,
    ]  # fmt: skip
    missing = duties.missing_now(r, today=date(2026, 7, 2))
    last = {m.duty.key: sorted(o.ower_name for o in m.owers) for m in missing if m.status == duties.MISSED}
    assert last["test_village_q"] == ["东湾村", "西岭村"]  # 新村 was added after the second quarter


# ---- the command line shows what the window shows -------------------------------------------------
def test_the_command_line_shows_coverage_and_duties_the_same_way(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A past year (2020): every quarter is over, so what is shown does not hang on today."""
    village_duty = Duty(
        "test_village_q", "每季度驻村", QUARTER, "village", lambda s, a, b: _done_by(s, a, b, "village_id")
    )
    monkeypatch.setitem(REGISTERS, "visits", replace(VISITS, duties=(village_duty,)))
    cli.init_county()
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        r = RecordService(opened)
        unit = r.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
        old = r.save(get("villages"), {"township_id": unit, "name": "东湾村"})
        new = r.save(get("villages"), {"township_id": unit, "name": "新村"})
        lead = r.save(get("staff"), {"name": "李强", "unit_id": unit, "post": "member"})
        backdate_registry(opened, date(2019, 6, 1))
        _dated(r, Village, new, date(2020, 5, 6))  # added in the second quarter of 2020
        r.save(VISITS, {"unit_id": unit, "village_id": old, "planned_on": date(2020, 8, 3), "lead_id": lead})
        _visit(r, new, lead, date(2020, 11, 9), date(2020, 11, 9), unit_id=unit)
    finally:
        opened.db.close()
    out = cli.ok("coverage", "--year", "2020").stdout.splitlines()
    assert out[0] == "2020 年驻村（驻在）覆盖情况"
    assert out[1].split("\t")[2:] == ["第一季度", "第二季度", "第三季度", "第四季度"]
    rows = {line.split("\t")[1]: line.split("\t")[2:] for line in out[2:4]}
    assert rows == {
        "东湾村": ["未驻", "未驻", "未驻", "未驻"],
        "新村": ["不适用", "未驻", "未驻", "已驻 11-09"],
    }
    assert out[4] == "第一季度\t1 乡镇 1 村：未驻 1"
    doc = cli.json("coverage", "--year", "2020", "--json")
    assert [q["label"] for q in doc["quarters"]] == [
        "2020年第一季度",
        "2020年第二季度",
        "2020年第三季度",
        "2020年第四季度",
    ]
    by_name = {row["target"]: row for row in doc["rows"]}
    assert by_name["新村"]["since"] == "2020-05-06"
    assert by_name["新村"]["cells"]["2020Q1"]["status"] == NOT_APPLICABLE
    assert by_name["东湾村"]["cells"]["2020Q3"]["status"] == MISSED  # planned, never done
    duty = cli.ok("duty", "coverage", "test_village_q", "--year", "2020").stdout.splitlines()
    assert duty[1].split("\t")[2:] == ["第一季度", "第二季度", "第三季度", "第四季度"]
    cells = {line.split("\t")[1]: line.split("\t")[2:] for line in duty[2:]}
    assert cells["新村"] == ["不适用", "缺", "缺", "已完成"] and cells["东湾村"] == ["缺", "缺", "缺", "缺"]


def test_a_printed_visit_form_and_the_command_line_name_the_quarter_one_way(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.reports.visit_forms import visit_sheets

    cli.init_county()
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        r = RecordService(opened)
        unit = r.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
        village = r.save(get("villages"), {"township_id": unit, "name": "东湾村"})
        lead = r.save(get("staff"), {"name": "李强", "unit_id": unit, "post": "member"})
        vid = r.save(
            VISITS, {"unit_id": unit, "village_id": village, "planned_on": date(2020, 11, 3), "lead_id": lead}
        )
        assert quarter_text(visit_sheets(r, [vid])[0].quarter) == "2020年第四季度"
    finally:
        opened.db.close()
    out = tmp_path / "forms.pdf"
    done = cli.ok("print", "visit-forms", "--quarter", "2020年第四季度", "--out", str(out))
    assert "已写入 2020年第四季度 的驻村（驻在）监督工作记录表" in done.stderr + done.stdout
    text = "".join(re.sub(r"\s+", "", page.extract_text() or "") for page in pypdf.PdfReader(out).pages)
    assert "2020年第四季度" in text and "2020Q4" not in text
    refused = cli.run("print", "visit-forms", "--quarter", "2020年第三季度", "--out", str(out))
    assert "2020年第三季度 没有已安排或已完成的驻村（驻在）监督" in refused.stderr
    bad = cli.run("print", "visit-forms", "--quarter", "2020年第五季度", "--out", str(out))
    assert "请写成 2026年第四季度 或 2026Q4 的样子" in bad.stderr


def test_a_quarter_after_another_crosses_years_both_ways() -> None:
    from app.quarters import quarter_after

    assert quarter_after("2026Q4", 1) == "2027Q1"
    assert quarter_after("2026Q1", -1) == "2025Q4"
    assert quarter_after("2026Q2", -7) == "2024Q3"
    assert quarter_after("2026年第三季度", 0) == "2026Q3"  # any written form is read
