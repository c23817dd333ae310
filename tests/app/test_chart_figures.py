"""app.services.chart_figures: the trend by quarter and residency by township, counted as the
tables count, each point drilling to as many rows as it shows."""

from __future__ import annotations

from datetime import date, datetime

from apphelpers import init_installation
from sqlalchemy import update
from test_residency import VISITS, Township
from test_statistics import Data, data  # noqa: F401 (the fixture)

from app.models.org import Village
from app.registers import get
from app.services.chart_figures import (
    coverage_by_township,
    coverage_quarters,
    trend,
    trend_quarters,
)
from app.services.coverage import VISITED, visit_coverage
from app.services.statistics import FORMS, drill, figures
from app.services.transitions import Transitions


def test_the_trend_adds_up_to_the_years_four_forms(data: Data) -> None:  # noqa: F811
    rows = trend(data.db, 2021)
    assert [r["quarter"] for r in rows] == ["2021Q1", "2021Q2", "2021Q3", "2021Q4"]
    year = figures(data.db, year=2021)["forms"]
    assert {f: sum(r["forms"][f] for r in rows) for f in FORMS} == year
    # By hand (test_statistics' data): first form Q1 2, Q2 3 (one of G01's), Q3 1, Q4 1.
    assert [r["forms"]["1"] for r in rows] == [2, 3, 1, 1]
    for q, r in enumerate(rows, start=1):
        assert r["forms"] == figures(data.db, year=2021, quarter=q)["forms"]
        for form in FORMS:
            _register, ids = drill(
                data.db,
                "forms",
                start=date.fromisoformat(r["start"]),
                end=date.fromisoformat(r["end"]),
                form=form,
            )
            assert len(ids) == r["forms"][form]


def test_a_range_is_cut_into_its_quarters(data: Data) -> None:  # noqa: F811
    spans = trend_quarters(data.db, start=date(2021, 2, 15), end=date(2021, 8, 10))
    assert [(s.quarter, s.start, s.end) for s in spans] == [
        ("2021Q1", date(2021, 2, 15), date(2021, 3, 31)),
        ("2021Q2", date(2021, 4, 1), date(2021, 6, 30)),
        ("2021Q3", date(2021, 7, 1), date(2021, 8, 10)),
    ]
    rows = trend(data.db, start=date(2021, 2, 15), end=date(2021, 8, 10))
    whole = figures(data.db, start=date(2021, 2, 15), end=date(2021, 8, 10))["forms"]
    assert {f: sum(r["forms"][f] for r in rows) for f in FORMS} == whole
    open_start = trend_quarters(data.db, end=date(2022, 9, 30))
    assert len(open_start) == 8 and open_start[0].quarter == "2020Q4" and open_start[-1].quarter == "2022Q3"
    every_year = trend_quarters(data.db)
    assert [s.quarter for s in every_year][0] == "2021Q1" and every_year[-1].quarter == "2022Q4"


def test_residency_by_township_counts_the_coverage_cells(open_db) -> None:  # type: ignore[no-untyped-def]
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    town = Township(db)
    r = town.records
    for village, day in (
        ("西岭村", date(2026, 1, 9)),
        ("南塘村", date(2026, 4, 8)),
        ("西岭村", date(2026, 5, 8)),
    ):
        vid = r.save(VISITS, {"village_id": town.villages[village], "planned_on": day, "lead_id": town.li})
        Transitions(r).apply(
            VISITS, vid, "record", {"visited_on": day, "matters": "村务公开"}, "录入纸质记录表"
        )
    today = date(2026, 5, 20)
    quarters = coverage_quarters(2026, today=today)
    assert quarters == ["2026Q1", "2026Q2"]  # the quarters begun
    (cov,) = coverage_by_township(r, quarters, today=today)
    assert (cov.name, cov.villages, cov.owed, cov.visited) == ("城关镇纪委", 5, 10, 3)
    assert cov.share == 0.3
    rows = visit_coverage(r, 2026, today=today)
    behind = sorted(i for row in rows for q in quarters if row.status(q) == VISITED for i in row.cells[q].ids)
    assert sorted(cov.ids) == behind
    (q2,) = coverage_by_township(r, coverage_quarters(2026, 2, today=today), today=today)
    assert (q2.owed, q2.visited, q2.share) == (5, 2, 0.4)
    # A village added on 1 May owes the second quarter, not the first.
    new = r.save(get("villages"), {"township_id": town.unit, "name": "新村"})
    with r.ctx.session() as s:
        s.execute(update(Village).where(Village.id == new).values(created_at=datetime(2026, 5, 1)))
    (cov,) = coverage_by_township(r, quarters, today=today)
    assert (cov.villages, cov.owed, cov.visited) == (6, 11, 3)
