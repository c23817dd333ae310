"""Coverage: which villages (or supervised units) were visited in which quarter, and which
supervised bodies have their quarterly ledger entries (for a ledger a township's own 党委 is a
body too: its row comes first among the township's villages).

A year view is one row per village or supervised unit and one cell per quarter. A cell is
``visited`` (a visit recorded as done; for a ledger: an entry exists), ``planned`` (a visit
planned for today or a later day of a quarter not over), ``missed`` (未驻: the quarter is over with
no done visit, or every visit planned in it was for a day now past and none was done: a planned
visit that did not happen is not 已安排 any more), ``unplanned`` (this quarter, nothing planned
yet), ``future`` (a later quarter, nothing planned) or ``not_applicable`` (不适用: a quarter that
was over before the village or unit was added, with nothing recorded in it).

A village (supervised unit, township) counts from the day it was added: its record's creation
day (the registry keeps no founding date), or the day of the first visit (for a ledger: the first
entry) recorded for it when that is earlier, since work entered afterwards shows it was there.
Everything is read with a few queries; the cells are put together in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, select

from app.i18n import QT_TRANSLATE_NOOP
from app.models.org import SupervisedUnit, Unit, Village
from app.models.residency import LedgerEntry, Visit
from app.quarters import quarter_bounds, quarter_of, quarters_of_year
from app.registers.ledgers import LEDGER_MODELS, committee_name
from app.services.records import RecordService
from app.services.scope import installation_scope

VISITED, PLANNED, MISSED, UNPLANNED, FUTURE = "visited", "planned", "missed", "unplanned", "future"
NOT_APPLICABLE = "not_applicable"
STATUS_LABELS = {
    VISITED: QT_TRANSLATE_NOOP("app", "已驻"),
    PLANNED: QT_TRANSLATE_NOOP("app", "已安排"),
    MISSED: QT_TRANSLATE_NOOP("app", "未驻"),
    UNPLANNED: QT_TRANSLATE_NOOP("app", "未安排"),
    FUTURE: "",
    NOT_APPLICABLE: QT_TRANSLATE_NOOP("app", "不适用"),
}
LEDGER_STATUS_LABELS = {
    VISITED: QT_TRANSLATE_NOOP("app", "已报"),
    PLANNED: "",
    MISSED: QT_TRANSLATE_NOOP("app", "未报"),
    UNPLANNED: QT_TRANSLATE_NOOP("app", "待报"),
    FUTURE: "",
    NOT_APPLICABLE: QT_TRANSLATE_NOOP("app", "不适用"),
}


@dataclass
class Cell:
    status: str
    ids: list[str] = field(default_factory=list)  # the visits (or ledger entries) behind it
    dates: list[date] = field(default_factory=list)


@dataclass
class Row:
    unit_id: str
    unit_name: str
    target_id: str
    target_name: str
    target_kind: str  # village | supervised_unit | committee (a township's own 党委: target_id is the unit's)
    cells: dict[str, Cell]
    since: date | None = None  # the day it counts from (see the module's docstring)

    def status(self, quarter: str) -> str:
        return self.cells[quarter].status


Target = tuple[str, str, str, str, str, date]


def _day(created: datetime | None) -> date:
    return created.date() if created is not None else date.min


def _targets(s: Any, unit_id: str | None, committees: bool = False) -> list[Target]:
    """(unit id, unit name, target id, target name, kind, the day it was added) of every live
    village and supervised unit; ``committees``: each live township's own 党委 too (added with its
    unit), just before its villages."""
    out: list[Target] = []
    for model, owner_col, kind in ((Village, Village.township_id, "village"),
                                   (SupervisedUnit, SupervisedUnit.group_id, "supervised_unit")):  # fmt: skip
        stmt = (
            select(Unit.id, Unit.name, model.id, model.name, model.created_at)
            .join(Unit, Unit.id == owner_col)
            .where(model.deleted.is_(False), Unit.deleted.is_(False))
            .order_by(Unit.code, model.name)
        )
        if unit_id:
            stmt = stmt.where(Unit.id == unit_id)
        out.extend((u, un, t, tn, kind, _day(at)) for u, un, t, tn, at in s.execute(stmt))
    if not committees:
        return out
    townships = (
        select(Unit.id, Unit.name, Unit.created_at)
        .where(Unit.deleted.is_(False), Unit.unit_type == "township")
        .order_by(Unit.code)
    )
    if unit_id:
        townships = townships.where(Unit.id == unit_id)
    merged: list[Target] = []
    for u, un, at in s.execute(townships):
        merged.append((u, un, u, committee_name(un), "committee", _day(at)))
        merged.extend(t for t in out if t[0] == u)
    placed = {t[0] for t in merged}
    return merged + [t for t in out if t[0] not in placed]


def _in_scope(s: Any, unit_id: str | None) -> str | None:
    """The unit a view is narrowed to: a township's or group's own always (``app.services.scope``),
    at the county the one asked for, or everyone."""
    scope = installation_scope(s)
    return unit_id if scope.everyone else scope.unit_id


def _status(quarter: str, today: date, done: bool, planned: list[date], since: date) -> str:
    """A quarter cell's status: ``done`` a visit done (a ledger entry made), ``planned`` the days
    of the visits planned and not done, ``since`` the day the village (unit) counts from."""
    first, last = quarter_bounds(quarter)
    if done:
        return VISITED
    if last < since and not planned:
        return NOT_APPLICABLE
    if last < today:
        return MISSED
    if planned:
        return PLANNED if max(planned) >= today else MISSED  # a planned day gone by: not done
    return UNPLANNED if first <= today else FUTURE


def visit_coverage(
    records: RecordService, year: int, unit_id: str | None = None, today: date | None = None
) -> list[Row]:
    """The year view of visits: every village and supervised unit × the four quarters."""
    today = today or date.today()
    quarters = quarters_of_year(year)
    with records.ctx.session() as s:
        unit_id = _in_scope(s, unit_id)
        targets = _targets(s, unit_id)
        stmt = select(
            Visit.id, Visit.village_id, Visit.supervised_unit_id, Visit.quarter, Visit.state,
            Visit.planned_on, Visit.visited_on,
        ).where(Visit.deleted.is_(False), Visit.quarter.in_(quarters), Visit.state != "cancelled")  # fmt: skip
        if unit_id:
            stmt = stmt.where(Visit.unit_id == unit_id)
        visits = s.execute(stmt).all()
        # The first visit recorded for each (any year, any state): it was there by then.
        target = func.coalesce(Visit.village_id, Visit.supervised_unit_id)
        first_visit = dict(
            s.execute(
                select(target, func.min(Visit.planned_on)).where(Visit.deleted.is_(False)).group_by(target)
            ).all()
        )
    by_target: dict[tuple[str, str], list[Any]] = {}
    for v in visits:
        by_target.setdefault((v.village_id or v.supervised_unit_id or "", v.quarter), []).append(v)
    rows = []
    for u, un, t, tn, kind, added in targets:
        since = min(added, first_visit.get(t) or added)
        cells = {}
        for q in quarters:
            found = by_target.get((t, q), [])
            done = [v for v in found if v.state == "done"]
            shown = done or found
            cells[q] = Cell(
                _status(q, today, bool(done), [v.planned_on for v in found], since),
                [v.id for v in shown],
                [v.visited_on or v.planned_on for v in shown],
            )
        rows.append(Row(u, un, t, tn, kind, cells, since))
    return rows


def ledger_coverage(
    records: RecordService, kind: str, year: int, unit_id: str | None = None, today: date | None = None
) -> list[Row]:
    """The year view of one quarterly ledger (``kind``: signoff, talk_record, major_matters,
    law_study): every supervised body, and every township's own 党委, × the four quarters,
    ``visited`` meaning an entry exists for that quarter."""
    today = today or date.today()
    quarters = quarters_of_year(year)
    model: Any = LEDGER_MODELS[kind]
    with records.ctx.session() as s:
        unit_id = _in_scope(s, unit_id)
        targets = _targets(s, unit_id, committees=True)
        stmt = select(
            model.id, model.unit_id, model.target, model.village_id, model.supervised_unit_id, model.quarter,
            model.checked_on,
        ).where(model.deleted.is_(False), model.quarter.in_(quarters))  # fmt: skip
        if model is LedgerEntry:
            stmt = stmt.where(LedgerEntry.kind == kind)
        if unit_id:
            stmt = stmt.where(model.unit_id == unit_id)
        entries = s.execute(stmt).all()
        # The first entry made for each body (any year): it was there by then.
        body_col = case((model.target == "committee", model.unit_id),
                        else_=func.coalesce(model.village_id, model.supervised_unit_id))  # fmt: skip
        first_stmt = (
            select(body_col, func.min(model.quarter)).where(model.deleted.is_(False)).group_by(body_col)
        )
        if model is LedgerEntry:
            first_stmt = first_stmt.where(LedgerEntry.kind == kind)
        first_entry = {body: quarter_bounds(q)[0] for body, q in s.execute(first_stmt) if body and q}
    by_target: dict[tuple[str, str], list[Any]] = {}
    for e in entries:
        body = e.unit_id if e.target == "committee" else (e.village_id or e.supervised_unit_id or "")
        by_target.setdefault((body, e.quarter), []).append(e)
    rows = []
    for u, un, t, tn, target_kind, added in targets:
        since = min(added, first_entry.get(t) or added)
        cells = {}
        for q in quarters:
            found = by_target.get((t, q), [])
            cells[q] = Cell(
                _status(q, today, bool(found), [], since),
                [e.id for e in found],
                [e.checked_on for e in found],
            )
        rows.append(Row(u, un, t, tn, target_kind, cells, since))
    return rows


def missing_this_quarter(records: RecordService, today: date | None = None) -> list[Row]:
    """Villages and supervised units with no visit done this quarter (planned or not)."""
    today = today or date.today()
    quarter = quarter_of(today)
    rows = visit_coverage(records, today.year, today=today)
    return [r for r in rows if r.status(quarter) not in (VISITED, NOT_APPLICABLE)]


def summary(rows: Iterable[Row], quarter: str) -> dict[str, int]:
    """How many rows have each status in a quarter."""
    counts = {VISITED: 0, PLANNED: 0, MISSED: 0, UNPLANNED: 0, FUTURE: 0, NOT_APPLICABLE: 0}
    for r in rows:
        counts[r.status(quarter)] += 1
    return counts
