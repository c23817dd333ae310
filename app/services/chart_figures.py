"""The figures the charts draw besides the statistics' own tables: the four forms quarter by
quarter (the trend), and village residency (驻村覆盖) by township.

Both are counted by the rules the tables use: the trend is ``statistics.figures``' four forms
with each quarter as the period (person-times, the heaviest measure of a decision), so a quarter's
bar drills (``statistics.drill("forms", form=…, start=, end=)``) to exactly the measures it
counts; coverage is ``coverage.visit_coverage``'s cells (a village visited in a quarter when a
visit there is recorded as done), so a township's bar opens the visits behind it.

Which quarters: a year (or a quarter of it) shows the year's four; a range of days the quarters
it touches, each cut to the range (an open start: the eight quarters before its end); every year
the quarters of the last two years with data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.db.database import Database
from app.quarters import (
    quarter_after,
    quarter_bounds,
    quarter_key,
    quarter_of,
    quarter_text,
    quarter_text_wrapped,
    quarters_of_year,
)
from app.services import counting
from app.services.statistics import FORMS, _dispositions, stats_years

RECENT_QUARTERS = 8  # an open range's start: this many quarters before its end


@dataclass(frozen=True)
class QuarterSpan:
    """A quarter of the trend, cut to the period: ``start``..``end`` is what it counts."""

    quarter: str  # 2021Q1
    start: date
    end: date

    @property
    def label(self) -> str:
        return quarter_text(self.quarter)  # 2026年第四季度

    @property
    def short_label(self) -> str:
        """The label over two lines (2026年 / 第四季度), for a chart's narrow axis."""
        return quarter_text_wrapped(self.quarter)


def trend_quarters(
    db: Database,
    year: int | None = None,
    quarter: int | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    user: str = "system",
) -> list[QuarterSpan]:
    """The quarters the trend shows for the period asked for (see the module's docstring)."""
    today = today or date.today()
    if start is not None or end is not None:
        last = end or today
        first = start or quarter_bounds(quarter_after(quarter_of(last), 1 - RECENT_QUARTERS))[0]
        spans = []
        q = quarter_of(first)
        while quarter_bounds(q)[0] <= last:
            a, b = quarter_bounds(q)
            spans.append(QuarterSpan(q, max(a, first), min(b, last)))
            q = quarter_after(q, 1)
        return spans
    if year is not None:
        return [QuarterSpan(q, *quarter_bounds(q)) for q in quarters_of_year(year)]
    years = stats_years(db, user) or [today.year]
    shown = sorted(years)[-2:]
    return [QuarterSpan(q, *quarter_bounds(q)) for y in shown for q in quarters_of_year(y)]


def forms_by_quarter(
    db: Database, spans: Sequence[QuarterSpan], user: str = "system"
) -> list[dict[str, int]]:
    """The four forms (person-times) of each quarter, counted as ``statistics.figures`` counts
    ``forms`` with the quarter as the period."""
    from app.registers import form_mapping

    out = []
    with db.session(user) as s:
        mapping = form_mapping.in_force(s)
        for span in spans:
            c = counting.decisions(_dispositions((span.start, span.end)), mapping)
            rows = s.execute(select(c.c.form, func.count()).group_by(c.c.form)).all()
            counts = {str(form): int(n) for form, n in rows}
            out.append({form: counts.get(form, 0) for form in FORMS})
    return out


def trend(
    db: Database,
    year: int | None = None,
    quarter: int | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    user: str = "system",
) -> list[dict[str, Any]]:
    """The trend as JSON-able rows: ``quarter``, ``label``, ``start``, ``end`` (ISO days) and
    ``forms`` ({form: person-times}). A point drills as ``drill(db, "forms", form=…, start=,
    end=)``."""
    spans = trend_quarters(db, year, quarter, start=start, end=end, today=today, user=user)
    return [
        {
            "quarter": span.quarter,
            "label": span.label,
            "short_label": span.short_label,
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
            "forms": forms,
        }
        for span, forms in zip(spans, forms_by_quarter(db, spans, user), strict=True)
    ]


# ---- village residency by township ----------------------------------------------------------
@dataclass
class TownshipCoverage:
    unit_id: str
    name: str
    villages: int = 0
    owed: int = 0  # village × begun quarter
    visited: int = 0
    ids: list[str] = field(default_factory=list)  # the visits done behind ``visited``

    @property
    def share(self) -> float:
        return round(self.visited / self.owed, 4) if self.owed else 0.0


def coverage_quarters(
    year: int | None = None,
    quarter: int | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    trend_spans: Sequence[QuarterSpan] = (),
    today: date | None = None,
) -> list[str]:
    """The quarters residency is counted over: the period's quarters that have begun by
    ``today`` (every year: the trend's)."""
    today = today or date.today()
    if start is not None or end is not None:
        wanted = [s.quarter for s in trend_spans]
    elif year is not None:
        wanted = [quarter_key(year, quarter)] if quarter else quarters_of_year(year)
    else:
        wanted = [s.quarter for s in trend_spans]
    return [q for q in wanted if quarter_bounds(q)[0] <= today]


def coverage_by_township(
    records: Any, quarters: Sequence[str], today: date | None = None
) -> list[TownshipCoverage]:
    """Per township (in the units' order): its villages, the village-quarters owed over
    ``quarters``, those visited (a visit done) and the visits behind them. ``records`` is a
    ``RecordService``."""
    from app.services import coverage

    out: dict[str, TownshipCoverage] = {}
    years = sorted({int(q[:4]) for q in quarters})
    for year in years:
        for row in coverage.visit_coverage(records, year, today=today):
            if row.target_kind != "village":
                continue
            town = out.setdefault(row.unit_id, TownshipCoverage(row.unit_id, row.unit_name))
            if year == years[-1]:
                town.villages += 1
            for q in quarters:
                if q.startswith(str(year)) and row.cells[q].status != coverage.NOT_APPLICABLE:
                    town.owed += 1  # not for a quarter over before the village was added
                    cell = row.cells[q]
                    if cell.status == coverage.VISITED:
                        town.visited += 1
                        town.ids.extend(cell.ids)
    return list(out.values())


def chart_data(
    ctx: Any,
    year: int | None = None,
    quarter: int | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """What the statistics page charts besides ``statistics.figures``: ``trend`` (``trend``'s
    rows) and ``coverage`` (``TownshipCoverage`` of the townships with villages)."""
    from app.services.records import RecordService

    today = today or date.today()
    user = ctx.actor.username
    spans = trend_quarters(ctx.db, year, quarter, start=start, end=end, today=today, user=user)
    rows = trend(ctx.db, year, quarter, start=start, end=end, today=today, user=user)
    quarters = coverage_quarters(year, quarter, start=start, end=end, trend_spans=spans, today=today)
    townships = coverage_by_township(RecordService(ctx), quarters, today) if quarters else []
    return {"trend": rows, "coverage": [t for t in townships if t.owed]}
