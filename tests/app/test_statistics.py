"""app.services.statistics: the figures leaders ask for, their periods, and the rows behind them."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli

from app.context import Context
from app.db.database import Database
from app.models.casework import Case, Clue, CoReview, Disposition, Verification
from app.registers import get
from app.security.roles import Actor
from app.services.records import RecordService
from app.services.statistics import (
    DRILL_KEYS,
    UnknownFigure,
    drill,
    figures,
    period_bounds,
    render_text,
    stats_years,
)


@dataclass
class Data:
    """A small county: two townships, a group, an office; ids by short name."""

    db: Database
    units: dict[str, str] = field(default_factory=dict)
    n: int = 0

    def unit(self, code: str, name: str, unit_type: str) -> str:
        records = RecordService(Context.system(self.db, "admin"))
        self.units[code] = records.save(get("units"), {"code": code, "name": name, "unit_type": unit_type})
        return self.units[code]

    def add(self, obj: Any) -> str:
        with self.db.session("admin") as s:
            s.add(obj)
            s.flush()
            return str(obj.id)

    def clue(self, received: date, source: str = "petition", unit: str | None = None, **values: Any) -> str:
        self.n += 1
        return self.add(
            Clue(
                number=f"X-{self.n:04d}",
                source=source,
                received_on=received,
                subject_name=f"被反映人{self.n}",
                handling_unit_id=self.units[unit] if unit else None,
                **values,
            )
        )

    def disposition(self, decided: date, form: str, unit: str, **values: Any) -> str:
        self.n += 1
        return self.add(
            Disposition(
                person_name=f"当事人{self.n}",
                form=form,
                measure={"1": "谈话提醒", "2": "警告", "3": "留党察看", "4": "移送检察机关"}[form],
                decided_on=decided,
                handling_unit_id=self.units[unit],
                **values,
            )
        )

    def case(self, filed: date, unit: str, group: str | None = None, **values: Any) -> str:
        self.n += 1
        return self.add(
            Case(
                number=f"A-{self.n:04d}",
                filed_on=filed,
                subject_name=f"被审查人{self.n}",
                handling_unit_id=self.units[unit],
                group_id=self.units[group] if group else None,
                **{"state": "filed", **values},  # approved (立案); "proposed" ones are not counted
            )
        )

    def tombstone(self, model: type[Any], row_id: str) -> None:
        with self.db.session("admin") as s:
            obj = s.get(model, row_id)
            assert obj is not None
            obj.deleted = True


@pytest.fixture
def data(county_db: Database) -> Data:
    """Hand-counted data for 2021 and 2022 (see the expectations in the tests)."""
    d = Data(county_db)
    d.unit("T01", "城关镇纪委", "township")
    d.unit("T02", "河口乡纪委", "township")
    d.unit("G01", "第一派驻纪检监察组", "group")
    d.unit("O01", "党风政风监督室", "office")
    office = d.units["O01"]
    county = next(iter(_units_of(county_db, "county")))
    d.units["C01"] = county
    # Four forms in 2021: first form 6 (T01 3, T02 1, G01 1, county 1), of them 2 guided;
    # second form 2 (T01, G01); third 1 (county); fourth 1 (G01).
    d.disposition(date(2021, 1, 5), "1", "T01", guided=True, guided_by_id=office)  # Q1
    d.disposition(date(2021, 3, 31), "1", "T01")  # Q1
    d.disposition(date(2021, 4, 1), "1", "T01")  # Q2
    d.disposition(date(2021, 6, 30), "1", "T02", guided=True, guided_by_id=office)  # Q2
    d.disposition(date(2021, 12, 31), "1", "G01")  # Q4
    d.disposition(date(2021, 7, 1), "1", "C01")  # Q3
    d.disposition(date(2021, 2, 1), "2", "T01")
    d.disposition(date(2021, 8, 1), "2", "G01", guided=True, guided_by_id=office)
    d.disposition(date(2021, 9, 1), "3", "C01")
    d.disposition(date(2021, 10, 1), "4", "G01")
    # Not counted in 2021: another year, and a tombstoned row.
    d.disposition(date(2022, 1, 1), "1", "T02")
    d.disposition(date(2020, 12, 31), "1", "T02")
    gone = d.disposition(date(2021, 5, 5), "1", "T01")
    d.tombstone(Disposition, gone)

    # Clues of 2021: petition 3 (one tombstoned -> 2), inspection 3 (two verified by G01, one
    # handled by T02), superior 1; disposals: talk 1, verify 3, close 1, undecided 2.
    d.clue(date(2021, 2, 1), "petition", "T01", disposal="talk")
    d.clue(date(2021, 5, 1), "petition", "T02")
    dead = d.clue(date(2021, 5, 2), "petition", "T02")
    d.tombstone(Clue, dead)
    d.clue(date(2021, 11, 1), "superior", "C01", disposal="close")
    i1 = d.clue(date(2021, 3, 1), "inspection", "G01", disposal="verify")
    i2 = d.clue(date(2021, 8, 1), "inspection", "G01", disposal="verify")
    i3 = d.clue(date(2021, 9, 1), "inspection", "T02", disposal="verify")
    d.clue(date(2022, 1, 10), "inspection", "G01")  # another year
    d.add(Verification(clue_id=i1, outcome="first_form", state="finished"))
    d.add(Verification(clue_id=i2, outcome="first_form", state="finished"))
    d.add(Verification(clue_id=i3, outcome="closed", state="finished"))
    # i1 and i2 end in first-form measures (decided in early 2022: still counted for the cohort).
    d.disposition(date(2021, 4, 1), "1", "G01", clue_id=i1)  # 2021 Q2 first form: G01 now 2
    d.disposition(date(2022, 2, 1), "1", "G01", clue_id=i2)
    d.disposition(date(2022, 2, 2), "2", "G01", clue_id=i2)  # second form: not a first-form measure

    # Cases of 2021: three with a group taking part (group_id, or handled by a group), one without,
    # one tombstoned; one in 2022.
    c1 = d.case(date(2021, 1, 10), "T01", group="G01")
    c2 = d.case(date(2021, 6, 10), "G01")
    d.case(date(2021, 10, 10), "T02", group="G01")
    d.case(date(2021, 3, 10), "T02")
    gone_case = d.case(date(2021, 4, 10), "T01", group="G01")
    d.tombstone(Case, gone_case)
    d.case(date(2022, 3, 10), "T01", group="G01")
    # Co-reviews of 2021: 3 (agree 2, return 1), a pending one in 2022, a tombstoned one.
    d.add(CoReview(case_id=c1, requested_on=date(2021, 2, 1), result="agree", state="closed"))
    d.add(CoReview(case_id=c1, requested_on=date(2021, 5, 1), result="agree", state="closed"))
    d.add(CoReview(case_id=c2, requested_on=date(2021, 11, 1), result="return", state="closed"))
    d.add(CoReview(case_id=c2, requested_on=date(2022, 1, 3)))
    dead_review = d.add(CoReview(case_id=c2, requested_on=date(2021, 7, 1), result="agree"))
    d.tombstone(CoReview, dead_review)
    return d


def _units_of(db: Database, unit_type: str) -> list[str]:
    from sqlalchemy import select

    from app.models.org import Unit

    with db.session() as s:
        return list(s.scalars(select(Unit.id).where(Unit.unit_type == unit_type)))


def test_period_bounds() -> None:
    assert period_bounds(None) is None
    assert period_bounds(2021) == (date(2021, 1, 1), date(2021, 12, 31))
    assert period_bounds(2021, 1) == (date(2021, 1, 1), date(2021, 3, 31))
    assert period_bounds(2024, 1) == (date(2024, 1, 1), date(2024, 3, 31))
    assert period_bounds(2021, 2) == (date(2021, 4, 1), date(2021, 6, 30))
    assert period_bounds(2021, 4) == (date(2021, 10, 1), date(2021, 12, 31))
    with pytest.raises(ValueError):
        period_bounds(None, 2)
    with pytest.raises(ValueError):
        period_bounds(2021, 5)


def test_the_year_figures_match_a_hand_count(data: Data) -> None:
    r = figures(data.db, year=2021)
    assert (r["year"], r["quarter"]) == (2021, None)
    assert r["forms"] == {"1": 7, "2": 2, "3": 1, "4": 1}
    assert r["first_form_total"] == 7
    assert r["first_form_by_township_commissions"] == 4
    assert r["first_form_township_share"] == round(4 / 7, 4) == 0.5714
    assert r["first_form_guided"] == 2
    assert r["guided_share"] == round(2 / 7, 4)
    assert r["guided_total"] == 3
    assert r["by_unit_type"]["township"] == {"1": 4, "2": 1, "3": 0, "4": 0}
    assert r["by_unit_type"]["group"] == {"1": 2, "2": 1, "3": 0, "4": 1}
    assert r["by_unit_type"]["county"] == {"1": 1, "2": 0, "3": 1, "4": 0}
    assert r["by_unit_type"]["office"] == {"1": 0, "2": 0, "3": 0, "4": 0}
    by_code = {u["code"]: u for u in r["by_unit"]}
    assert by_code["T01"]["forms"] == {"1": 3, "2": 1, "3": 0, "4": 0} and by_code["T01"]["total"] == 4
    assert by_code["T02"]["total"] == 1 and by_code["T02"]["unit_type"] == "township"
    assert by_code["G01"]["forms"] == {"1": 2, "2": 1, "3": 0, "4": 1}
    assert by_code["C01"]["total"] == 2
    assert "O01" not in by_code  # an office without dispositions is not listed
    assert [u["unit_type"] for u in r["by_unit"]] == ["county", "township", "township", "group"]
    assert r["clues_by_source"] == {
        "petition": 2,
        "inspection": 3,
        "superior": 1,
        "supervision": 0,
        "transfer": 0,
    }
    assert r["clues_by_disposal"] == {"talk": 1, "verify": 3, "hold": 0, "close": 1, "": 1}
    assert r["clues_total"] == 6
    assert r["inspection_clues_transferred"] == 3
    assert r["inspection_clues"] == {
        "transferred": 3,
        "verified_by_groups": 2,
        "first_form_measures": 2,
        "outcomes": {"closed": 1, "first_form": 2, "hold": 0, "propose_case": 0, "": 0},
    }
    assert r["cases_with_group_participation"] == 3
    assert r["co_reviews"] == 3
    assert r["co_review_results"] == {"agree": 2, "amend": 0, "return": 1, "": 0}


def test_quarters_split_the_year(data: Data) -> None:
    quarters = [figures(data.db, year=2021, quarter=q) for q in (1, 2, 3, 4)]
    assert [q["first_form_total"] for q in quarters] == [2, 3, 1, 1]
    assert [q["first_form_by_township_commissions"] for q in quarters] == [2, 2, 0, 0]
    assert [q["co_reviews"] for q in quarters] == [1, 1, 0, 1]
    assert [q["inspection_clues_transferred"] for q in quarters] == [1, 0, 2, 0]
    assert [q["cases_with_group_participation"] for q in quarters] == [1, 1, 0, 1]
    year = figures(data.db, year=2021)
    for key in ("first_form_total", "co_reviews", "inspection_clues_transferred", "clues_total"):
        assert sum(q[key] for q in quarters) == year[key], key
    for form in "1234":
        assert sum(q["forms"][form] for q in quarters) == year["forms"][form]
    assert quarters[0]["first_form_township_share"] == 1.0
    assert quarters[2]["first_form_township_share"] == 0.0


def test_other_years_and_all_years(data: Data) -> None:
    r2022 = figures(data.db, year=2022)
    assert r2022["forms"] == {"1": 2, "2": 1, "3": 0, "4": 0}
    assert r2022["inspection_clues"]["transferred"] == 1
    assert r2022["inspection_clues"]["first_form_measures"] == 0  # i2's measure belongs to 2021's cohort
    assert r2022["co_reviews"] == 1 and r2022["co_review_results"][""] == 1
    assert r2022["cases_with_group_participation"] == 1
    everything = figures(data.db)
    assert everything["year"] is None and everything["quarter"] is None
    assert everything["forms"] == {"1": 10, "2": 3, "3": 1, "4": 1}  # 2020: 1, 2021: 7+4, 2022: 2+1
    assert everything["co_reviews"] == 4
    assert everything["inspection_clues_transferred"] == 4
    assert figures(data.db, year=2019)["first_form_total"] == 0
    assert figures(data.db, year=2019)["first_form_township_share"] == 0.0
    assert stats_years(data.db) == [2022, 2021, 2020]


def test_tombstoned_rows_leave_the_figures(data: Data) -> None:
    before = figures(data.db, year=2021)
    register, ids = drill(data.db, "first_form_by_township_commissions", 2021)
    data.tombstone(Disposition, ids[0])
    after = figures(data.db, year=2021)
    assert after["first_form_by_township_commissions"] == before["first_form_by_township_commissions"] - 1
    assert after["first_form_total"] == before["first_form_total"] - 1
    assert len(drill(data.db, "first_form_by_township_commissions", 2021)[1]) == len(ids) - 1


def test_an_empty_installation_has_zero_figures(county_db: Database) -> None:
    r = figures(county_db, year=2021)
    assert r["first_form_total"] == 0 and r["first_form_township_share"] == 0.0
    assert r["forms"] == {"1": 0, "2": 0, "3": 0, "4": 0}
    assert r["clues_by_disposal"][""] == 0
    assert stats_years(county_db) == []
    assert render_text(r)[0] == "统计期间：2021 年"


DRILLS: list[tuple[str, dict[str, Any], Any]] = [
    ("first_form_total", {}, lambda r: r["first_form_total"]),
    ("first_form_by_township_commissions", {}, lambda r: r["first_form_by_township_commissions"]),
    ("first_form_guided", {}, lambda r: r["first_form_guided"]),
    ("forms", {"form": "1"}, lambda r: r["forms"]["1"]),
    ("forms", {"form": "2"}, lambda r: r["forms"]["2"]),
    ("forms", {}, lambda r: sum(r["forms"].values())),
    ("by_unit_type", {"unit_type": "group", "form": "4"}, lambda r: r["by_unit_type"]["group"]["4"]),
    ("by_unit_type", {"unit_type": "township"}, lambda r: sum(r["by_unit_type"]["township"].values())),
    ("clues_by_source", {"source": "inspection"}, lambda r: r["clues_by_source"]["inspection"]),
    ("clues_by_source", {"source": "petition"}, lambda r: r["clues_by_source"]["petition"]),
    ("clues_by_disposal", {"disposal": ""}, lambda r: r["clues_by_disposal"][""]),
    ("clues_by_disposal", {"disposal": "verify"}, lambda r: r["clues_by_disposal"]["verify"]),
    ("co_reviews", {}, lambda r: r["co_reviews"]),
    ("co_review_results", {"result": "agree"}, lambda r: r["co_review_results"]["agree"]),
    ("co_review_results", {"result": ""}, lambda r: r["co_review_results"][""]),
    ("inspection_clues_transferred", {}, lambda r: r["inspection_clues_transferred"]),
    ("inspection_clues.verified_by_groups", {}, lambda r: r["inspection_clues"]["verified_by_groups"]),
    ("inspection_clues.first_form_measures", {}, lambda r: r["inspection_clues"]["first_form_measures"]),
    (
        "inspection_clues.outcomes",
        {"outcome": "first_form"},
        lambda r: r["inspection_clues"]["outcomes"]["first_form"],
    ),
    ("cases_with_group_participation", {}, lambda r: r["cases_with_group_participation"]),
]


@pytest.mark.parametrize("period", [(2021, None), (2021, 2), (2022, None), (None, None)])
def test_drilled_ids_are_as_many_as_the_figure(data: Data, period: tuple[int | None, int | None]) -> None:
    year, quarter = period
    r = figures(data.db, year=year, quarter=quarter)
    for key, params, expected in DRILLS:
        _register, ids = drill(data.db, key, year, quarter, **params)
        assert len(ids) == expected(r), (key, params)
        assert len(set(ids)) == len(ids)
    for unit in r["by_unit"]:
        _register, ids = drill(data.db, "by_unit", year, quarter, unit_id=unit["id"])
        assert len(ids) == unit["total"], unit["code"]
        _register, ids = drill(data.db, "by_unit", year, quarter, unit_id=unit["id"], form="1")
        assert len(ids) == unit["forms"]["1"], unit["code"]


def test_drill_names_the_register_and_its_rows(data: Data) -> None:
    register, ids = drill(data.db, "inspection_clues_transferred", 2021)
    assert register == "clues"
    records = RecordService(Context.system(data.db, "admin"))
    rows = records.rows(get(register), ids)
    assert sorted(rows[i]["source"] for i in ids) == ["巡察移交"] * 3
    assert [rows[i]["received_on"] for i in ids] == sorted(rows[i]["received_on"] for i in ids)
    assert drill(data.db, "co_reviews", 2021)[0] == "co_reviews"
    assert drill(data.db, "cases_with_group_participation", 2021)[0] == "cases"
    assert drill(data.db, "inspection_clues.outcomes", 2021, outcome="closed")[0] == "verifications"
    assert drill(data.db, "forms", 2021, form="1")[0] == "dispositions"
    with pytest.raises(UnknownFigure):
        drill(data.db, "no_such_figure", 2021)
    with pytest.raises(UnknownFigure):
        drill(data.db, "co_reviews", 2021, form="1")
    assert "inspection_clues.outcomes" in DRILL_KEYS


def test_drill_leaves_out_records_outside_the_actors_audience(data: Data) -> None:
    register, ids = drill(data.db, "inspection_clues_transferred", 2021)
    with data.db.session("admin") as s:
        clue = s.get(Clue, ids[0])
        assert clue is not None
        clue.audience = "admin"
    assert len(drill(data.db, "inspection_clues_transferred", 2021, actor=Actor("admin", "admin"))[1]) == 3
    assert len(drill(data.db, "inspection_clues_transferred", 2021, actor=Actor("zhang", "staff"))[1]) == 2
    assert figures(data.db, year=2021)["inspection_clues_transferred"] == 3  # the figure counts all


def test_records_saved_through_the_service_are_counted(county_db: Database) -> None:
    records = RecordService(Context.system(county_db, "admin"))
    township = records.save(get("units"), {"code": "T09", "name": "白沙镇纪委", "unit_type": "township"})
    for i, (kind, measure) in enumerate(
        (("reminder", "提醒谈话"), ("criticism", "批评教育"), ("admonition", "诫勉"))
    ):
        records.save(
            get("dispositions"),
            {
                "person_name": f"干部{i}",
                "kind": kind,
                "measure": measure,
                "decided_on": date(2023, 5, i + 1),
                "handling_unit_id": township,
            },
        )
    r = figures(county_db, year=2023, quarter=2)
    assert r["first_form_total"] == r["first_form_by_township_commissions"] == 3
    assert r["first_form_township_share"] == 1.0
    assert figures(county_db, year=2023, quarter=1)["first_form_total"] == 0


def test_render_text(data: Data) -> None:
    lines = render_text(figures(data.db, year=2021, quarter=2))
    assert lines[0] == "统计期间：2021年第二季度"
    assert lines[1].startswith("计数口径：同一人在同一决定中受到多项处理的计一人次")
    assert lines[2] == "形态对应：按通行口径（默认）"
    assert lines[3].startswith("运用第一种形态 3 人次，其中乡镇纪委 2 人次，占 66.67%")
    text = "\n".join(lines)
    assert "协审 1 件" in text
    assert "巡察移交线索 0 件" in text
    assert "城关镇纪委" in text
    assert render_text(figures(data.db))[0] == "统计期间：全部年度"


def test_the_figures_are_json(data: Data) -> None:
    import json

    r = figures(data.db, year=2021)
    assert json.loads(json.dumps(r, ensure_ascii=False)) == r


def test_cli_stats_json(cli: Cli) -> None:
    from app.services import login

    cli.init_county()
    opened = login.login(cli.data_dir, None, "admin", PASSWORD)
    db = opened.db
    try:
        records = RecordService(Context.system(db, "admin"))
        township = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
        group = records.save(
            get("units"), {"code": "G01", "name": "第一派驻纪检监察组", "unit_type": "group"}
        )
        for i, (unit, day) in enumerate(((township, date(2021, 3, 1)), (township, date(2021, 5, 1)),
                                         (group, date(2021, 5, 2)), (township, date(2022, 1, 1)))):  # fmt: skip
            records.save(
                get("dispositions"),
                {"person_name": f"干部{i}", "kind": "reminder", "measure": "提醒谈话", "decided_on": day,
                 "handling_unit_id": unit},
            )  # fmt: skip
    finally:
        db.close()
    r = cli.json("stats", "--year", "2021", "--json")
    assert r["year"] == 2021 and r["quarter"] is None
    assert r["first_form_total"] == 3
    assert r["first_form_by_township_commissions"] == 2
    assert r["first_form_township_share"] == 0.6667
    assert r["forms"] == {"1": 3, "2": 0, "3": 0, "4": 0}
    assert cli.json("stats", "--year", "2021", "--quarter", "2", "--json")["first_form_total"] == 2
    assert cli.json("stats", "--json")["first_form_total"] == 4
    text = cli.ok("stats", "--year", "2021")
    assert "运用第一种形态 3 人次，其中乡镇纪委 2 人次，占 66.67%" in text.stdout + text.stderr
    ranged = cli.json("stats", "--from", "2021-04-01", "--to", "2022-01-01", "--json")
    assert (ranged["start"], ranged["end"], ranged["period"]) == (
        "2021-04-01",
        "2022-01-01",
        "2021-04-01 至 2022-01-01",
    )
    assert ranged["first_form_total"] == 3
    assert cli.json("stats", "--from", "2021-05-02", "--json")["first_form_total"] == 2
    one_day = cli.ok("stats", "--from", "2021-03-01", "--to", "2021-03-01")
    assert "统计期间：2021-03-01 至 2021-03-01" in one_day.stdout + one_day.stderr
    assert "运用第一种形态 1 人次，其中乡镇纪委 1 人次" in one_day.stdout + one_day.stderr
    for bad in (("--from", "2021-13-01"), ("--from", "2022-01-01", "--to", "2021-01-01"),
                ("--year", "2021", "--from", "2021-01-01")):  # fmt: skip
        refused = cli.run("stats", *bad, "--json")
        assert refused.returncode == 2, bad
        assert refused.stderr.strip(), bad
    refused = cli.run("stats", "--quarter", "2", "--json")
    assert refused.returncode == 2
    assert cli.run("stats", "--year", "0", "--json").returncode == 2


def test_the_demo_county_reproduces_the_seed_report(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    """The seed's section 二 at the county of ``demo-county``, which holds the units' records
    only as merged from their bundles: in 2021 the first form 617 person-times, 324 (52.51%) by
    township commissions, 37 inspection-transferred clues ending in 37 first-form person-times;
    from 2021 to September 2022 48 co-reviews and 44 participations (件次) of dispatched groups in
    cases; and every figure drills down to as many rows."""
    from app.demo.casework import SEED_SINCE, SEED_UNTIL
    from app.services.login import login

    opened = login(demo_county_cli[0] / "DEMO", None, "admin", PASSWORD)
    db = opened.db
    try:
        r = figures(db, year=2021)
        assert r["first_form_total"] == 617
        assert r["first_form_by_township_commissions"] == 324
        assert r["first_form_township_share"] == 0.5251
        assert r["first_form_guided"] == 324  # the townships', every one guided by a county office
        assert r["inspection_clues_transferred"] == 37
        assert r["inspection_clues"]["verified_by_groups"] == 37
        assert r["inspection_clues"]["first_form_measures"] == 37
        assert "运用第一种形态 617 人次，其中乡镇纪委 324 人次，占 52.51%" in "\n".join(render_text(r))
        since = figures(db, start=SEED_SINCE, end=SEED_UNTIL)
        assert since["co_reviews"] == 48
        assert since["group_participations_total"] == 44
        for key, params, expected in DRILLS:
            assert len(drill(db, key, 2021, None, **params)[1]) == expected(r), (key, params)
            got = drill(db, key, start=SEED_SINCE, end=SEED_UNTIL, **params)[1]
            assert len(got) == expected(since), (key, params)
    finally:
        db.close()
