"""The figures leaders ask for (DOMAIN.md): the four forms by unit and unit type with the
townships' share, clues by source and disposal, co-reviews, inspection-transferred clues and
their outcome, cases with a dispatched group taking part.

Every figure is one SQL aggregate (``GROUP BY``) over live rows (``deleted`` false) of a period:
a calendar year, one quarter of it, any range of days (``start``/``end``), or every year. Which
date puts a row in the period depends on the register:

- four forms (``dispositions``): ``decided_on``; counted in person-times, one per person per
  decision in the form of its heaviest measure (``app.services.counting``);
- clues: ``received_on``;
- cases: ``filed_on``;
- co-reviews: ``requested_on``;
- groups taking part: the case's ``filed_on``.

Inspection-transferred clues are followed as a cohort: the clues received in the period, and the
verifications and first-form dispositions that came of them, whenever those were decided.

``drill`` gives the register and the row ids behind any number ``figures`` returns. Both are
built from the same conditions (``_Figure``), so a drilled list always has as many ids as the
figure says (for an actor outside some records' audience, fewer: those are left out).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import Case, CaseUnit, Clue, CoReview, Disposition, Verification
from app.models.org import Unit
from app.quarters import quarter_text
from app.registers import form_mapping, get
from app.registers.casework_choices import (
    CO_REVIEW_RESULT_CHOICES,
    DISPOSAL_CHOICES,
    FORM_CHOICES,
    SOURCE_CHOICES,
    VERIFICATION_OUTCOME_CHOICES,
)
from app.registers.org import UNIT_TYPE_CHOICES
from app.security.roles import Actor
from app.security.secrecy import audience_condition, has_secrecy
from app.services import counting
from app.services.scope import installation_scope
from app.services.spreadsheet import write_report
from app.services.work_figures import work_figures, work_ids

FORMS = tuple(code for code, _label in FORM_CHOICES)
UNIT_TYPES = tuple(code for code, _label in UNIT_TYPE_CHOICES)
SOURCES = tuple(code for code, _label in SOURCE_CHOICES)
DISPOSALS = (*(code for code, _label in DISPOSAL_CHOICES), "")
OUTCOMES = (*(code for code, _label in VERIFICATION_OUTCOME_CHOICES), "")
RESULTS = (*(code for code, _label in CO_REVIEW_RESULT_CHOICES), "")

ALL_YEARS = QT_TRANSLATE_NOOP("app", "全部年度")
WHOLE_YEAR = QT_TRANSLATE_NOOP("app", "全年")
UNDECIDED = QT_TRANSLATE_NOOP("app", "未处置")
PENDING = QT_TRANSLATE_NOOP("app", "尚无结果")
SHEET_TITLE = QT_TRANSLATE_NOOP("app", "统计分析")


class UnknownFigure(KeyError):
    """``drill`` was asked for a figure (or a parameter) it does not know."""


# ---- the period ---------------------------------------------------------------------------------
Bounds = counting.Bounds


def period_bounds(year: int | None, quarter: int | None = None) -> tuple[date, date] | None:
    """First and last day of the period; None for every year."""
    if quarter is not None and year is None:
        raise ValueError("a quarter needs a year")
    if year is None:
        return None
    if quarter is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, date.fromordinal(last.toordinal() - 1)


RANGE_BACKWARDS = QT_TRANSLATE_NOOP("app", "截止日期不能早于起始日期。")
RANGE_WITH_YEAR = QT_TRANSLATE_NOOP("app", "按日期范围统计时不能同时选择年度或季度。")


def range_problem(start: date | None, end: date | None) -> str | None:
    """Why a range of days cannot be counted (a Chinese message), or None."""
    if start is not None and end is not None and end < start:
        return RANGE_BACKWARDS
    return None


def resolve(
    year: int | None = None, quarter: int | None = None, start: date | None = None, end: date | None = None
) -> Bounds:
    """The period asked for: a range of days (either end may be open), else a year or quarter,
    else every year (None). Refuses a range together with a year, or a range that ends first."""
    if start is None and end is None:
        return period_bounds(year, quarter)
    if year is not None or quarter is not None:
        raise ValueError(RANGE_WITH_YEAR)
    problem = range_problem(start, end)
    if problem is not None:
        raise ValueError(problem)
    return start, end


def period_label(
    year: int | None, quarter: int | None = None, start: date | None = None, end: date | None = None
) -> str:
    """The period in Chinese (the command line's wording; the window translates its own)."""
    if start is not None or end is not None:
        if start is None:
            return QT_TRANSLATE_NOOP("app", "{end} 及以前").format(end=end)
        if end is None:
            return QT_TRANSLATE_NOOP("app", "{start} 以来").format(start=start)
        return QT_TRANSLATE_NOOP("app", "{start} 至 {end}").format(start=start, end=end)
    if year is None:
        return ALL_YEARS
    if quarter is None:
        return f"{year} 年"
    return quarter_text((year, quarter))


def _units_of_type(*types: str) -> Select[Any]:
    return select(Unit.id).where(Unit.unit_type.in_(types))


# ---- the rows behind each figure ----------------------------------------------------------------
# Live rows: ``deleted = false``. With a period, the register's (deleted, date) index finds the
# period's rows; the figures' covering indexes (``ix_clues_figures``, ``ix_dispositions_counting``)
# let SQLite read the grouped columns from the index (a county after ten years:
# bench/county_scale.py).
def _dispositions(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [Disposition.deleted.is_(False), *counting.in_period(Disposition.decided_on, bounds)]


def _clues(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [Clue.deleted.is_(False), *counting.in_period(Clue.received_on, bounds)]


def _inspection_clues(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [*_clues(bounds), Clue.source == "inspection"]


def _inspection_clue_ids(bounds: Bounds) -> Select[Any]:
    return select(Clue.id).where(*_inspection_clues(bounds))


def _verified_by_groups(bounds: Bounds) -> list[ColumnElement[bool]]:
    # An uncorrelated IN, not a correlated EXISTS: without the planner's statistics (the program
    # never runs ANALYZE) SQLite probed the EXISTS through the live-verifications index, reading
    # every live verification once per clue: 18 s for a county with 25,000 clues.
    verified = Clue.id.in_(select(Verification.clue_id).where(Verification.deleted.is_(False)))
    return [*_inspection_clues(bounds), Clue.handling_unit_id.in_(_units_of_type("group")), verified]


def _inspection_measures(bounds: Bounds) -> list[ColumnElement[bool]]:
    """The measures that came of the period's inspection-transferred clues, whenever decided."""
    return [Disposition.deleted.is_(False), Disposition.clue_id.in_(_inspection_clue_ids(bounds))]


def _inspection_verifications(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [Verification.deleted.is_(False), Verification.clue_id.in_(_inspection_clue_ids(bounds))]


# Cases awaiting their filing approval (立案呈批) or reported up are not yet filed.
NOT_FILED = ("proposed", "reported")


def _group_cases(bounds: Bounds) -> list[ColumnElement[bool]]:
    """Cases of the period a dispatched group handles or takes part in."""
    taking_part = select(CaseUnit.case_id).where(
        CaseUnit.deleted.is_(False), CaseUnit.unit_id.in_(_units_of_type("group"))
    )
    return [
        Case.deleted.is_(False),
        Case.state.not_in(NOT_FILED),
        *counting.in_period(Case.filed_on, bounds),
        or_(
            Case.handling_unit_id.in_(_units_of_type("group")),
            Case.group_id.is_not(None),  # a case merged from a unit not yet upgraded (0.x)
            Case.id.in_(taking_part),
        ),
    ]


def _cases_of_period(bounds: Bounds) -> Select[Any]:
    return select(Case.id).where(
        Case.deleted.is_(False), Case.state.not_in(NOT_FILED), *counting.in_period(Case.filed_on, bounds)
    )


def _groups_handling(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [
        Case.deleted.is_(False),
        Case.state.not_in(NOT_FILED),
        *counting.in_period(Case.filed_on, bounds),
        Case.handling_unit_id.in_(_units_of_type("group")),
    ]


def _groups_taking_part(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [
        CaseUnit.deleted.is_(False),
        CaseUnit.unit_id.in_(_units_of_type("group")),
        CaseUnit.case_id.in_(_cases_of_period(bounds)),
    ]


def _co_reviews(bounds: Bounds) -> list[ColumnElement[bool]]:
    return [CoReview.deleted.is_(False), *counting.in_period(CoReview.requested_on, bounds)]


Where = Callable[[Bounds], list[ColumnElement[bool]]]
Param = Callable[[Any, Any], ColumnElement[bool]]  # (value, the rows' columns) -> condition


@dataclass(frozen=True)
class _Figure:
    """A figure's register, model, base conditions and the parameters that narrow it. A figure of
    measures (``counted``) counts person-times: its rows are ``counting.counted`` rows."""

    register: str
    model: type[Any]
    where: Where
    params: Mapping[str, Param]
    fixed: tuple[tuple[str, Any], ...] = ()
    counted: bool = False


def _truthy(value: Any) -> bool:
    return value not in (False, 0, "0", "false", "")


COUNTED_PARAMS: dict[str, Param] = {
    "form": lambda v, c: c.form == str(v),
    "unit_type": lambda v, c: c.unit_id.in_(_units_of_type(str(v))),
    "unit_id": lambda v, c: c.unit_id == str(v),
    "guided": lambda v, c: c.guided == (1 if _truthy(v) else 0),
}


def _on(column: str) -> Param:
    return lambda v, c: getattr(c, column) == str(v or "")


def _measures(where: Where = _dispositions, *fixed: tuple[str, Any]) -> _Figure:
    return _Figure("dispositions", Disposition, where, COUNTED_PARAMS, fixed, counted=True)


_FIGURES: dict[str, _Figure] = {
    "forms": _measures(),
    "by_unit_type": _measures(),
    "by_unit": _measures(),
    "first_form_total": _measures(_dispositions, ("form", "1")),
    "first_form_by_township_commissions": _measures(_dispositions, ("form", "1"), ("unit_type", "township")),
    "first_form_guided": _measures(_dispositions, ("form", "1"), ("guided", True)),
    "clues_by_source": _Figure("clues", Clue, _clues, {"source": _on("source")}),
    "clues_by_disposal": _Figure("clues", Clue, _clues, {"disposal": _on("disposal")}),
    "inspection_clues_transferred": _Figure("clues", Clue, _inspection_clues, {}),
    "inspection_clues.transferred": _Figure("clues", Clue, _inspection_clues, {}),
    "inspection_clues.verified_by_groups": _Figure("clues", Clue, _verified_by_groups, {}),
    "inspection_clues.first_form_measures": _measures(_inspection_measures, ("form", "1")),
    "inspection_clues.outcomes": _Figure(
        "verifications", Verification, _inspection_verifications, {"outcome": _on("outcome")}
    ),
    "cases_with_group_participation": _Figure("cases", Case, _group_cases, {}),
    "group_participations.handled": _Figure("cases", Case, _groups_handling, {}),
    "group_participations.taking_part": _Figure("case_units", CaseUnit, _groups_taking_part, {}),
    "co_reviews": _Figure("co_reviews", CoReview, _co_reviews, {}),
    "co_review_results": _Figure("co_reviews", CoReview, _co_reviews, {"result": _on("result")}),
}
DRILL_KEYS = tuple(_FIGURES)


# count(*), not count(id): the same number (``id`` is the primary key, never NULL), but SQLite
# must read the table for ``id`` (an index holds the rowid, not ``id``), so count(id) kept any
# index holding the grouped columns from answering alone (see bench/county_scale.py).
def _count(s: Session, conditions: Sequence[ColumnElement[bool]], model: type[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(model).where(*conditions)) or 0)


def _grouped(
    s: Session, column: Any, model: type[Any], conditions: Sequence[ColumnElement[bool]]
) -> dict[Any, int]:
    rows = s.execute(
        select(column, func.count()).select_from(model).where(*conditions).group_by(column)
    ).all()
    return {key: int(n) for key, n in rows}


def _of_inspection_clues(s: Session, model: type[Any], bounds: Bounds, column: Any = None) -> dict[Any, int]:
    """``model``'s live rows that came of the period's inspection-transferred clues, counted
    (grouped by ``column``) through a join from those clues: each clue looks its rows up by the
    ``clue_id`` index. The figures' ``IN (clue ids)`` gave the same counts but SQLite read every
    live row of ``model`` for it; ``drill`` keeps the ``IN`` form, the same rows."""
    keys = [column] if column is not None else []
    query = (
        select(*keys, func.count())
        .select_from(Clue)
        .join(model, model.clue_id == Clue.id)
        # IS NOT true: an index on ``deleted`` must not stand in for the clue_id look-up.
        .where(*_inspection_clues(bounds), model.deleted.is_not(True))
    )
    if column is not None:
        query = query.group_by(column)
    return {(row[0] if column is not None else None): int(row[-1]) for row in s.execute(query).all()}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _forms(counts: Mapping[str, int] | None = None) -> dict[str, int]:
    counts = counts or {}
    return {form: int(counts.get(form, 0)) for form in FORMS}


# ---- the figures --------------------------------------------------------------------------------
def figures(
    db: Database,
    year: int | None = None,
    quarter: int | None = None,
    user: str = "system",
    *,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, Any]:
    """Every figure for the period as one JSON-able dict (the ``stats --json`` document): a year,
    a quarter of it, a range of days (``start``, ``end``), or every year."""
    bounds = resolve(year, quarter, start, end)  # refuses a quarter without a year, a bad range
    with db.session(user) as s:
        mapping = form_mapping.in_force(s)
        rule = counting.describe(s)
        # The four forms: person-times grouped by (unit, form, guided); the rest adds these up.
        c = counting.decisions(_dispositions(bounds), mapping)
        groups = s.execute(
            select(c.c.unit_id, c.c.form, c.c.guided, func.count()).group_by(
                c.c.unit_id, c.c.form, c.c.guided
            )
        ).all()
        unit_ids = {g[0] for g in groups if g[0]}
        units = {
            u.id: u
            for u in s.execute(
                select(Unit.id, Unit.code, Unit.name, Unit.unit_type, Unit.deleted).where(
                    or_(
                        Unit.id.in_(unit_ids),
                        (Unit.deleted.is_(False) & Unit.unit_type.in_(("township", "group"))),
                    )
                )
            ).all()
        }
        # Clues by source and by disposal from one pass over the period's clues.
        clue_groups = s.execute(
            select(Clue.source, Clue.disposal, func.count())
            .where(*_clues(bounds))
            .group_by(Clue.source, Clue.disposal)
        ).all()
        clues_by_source: dict[str, int] = {}
        clues_by_disposal: dict[str, int] = {}
        for source, disposal, n in clue_groups:
            clues_by_source[source] = clues_by_source.get(source, 0) + int(n)
            clues_by_disposal[disposal] = clues_by_disposal.get(disposal, 0) + int(n)
        transferred = clues_by_source.get("inspection", 0)
        verified_by_groups = _count(s, _verified_by_groups(bounds), Clue)
        inspection = counting.decisions_of_clues(_inspection_clues(bounds), mapping)
        inspection_first_form = int(
            s.scalar(select(func.count()).select_from(inspection).where(inspection.c.form == "1")) or 0
        )
        outcomes = _of_inspection_clues(s, Verification, bounds, Verification.outcome)
        group_cases = _count(s, _group_cases(bounds), Case)
        handled = _count(s, _groups_handling(bounds), Case)
        taking_part = _count(s, _groups_taking_part(bounds), CaseUnit)
        co_review_results = _grouped(s, CoReview.result, CoReview, _co_reviews(bounds))
        work = work_figures(s, bounds)
        scope = installation_scope(s)

    forms = _forms()
    by_unit_type = {t: _forms() for t in UNIT_TYPES}
    per_unit: dict[str, dict[str, int]] = {}
    first_form_guided = 0
    guided_total = 0
    for unit_id, form, guided, n in groups:
        unit = units.get(unit_id)
        unit_type = unit.unit_type if unit is not None else ""
        forms[form] = forms.get(form, 0) + n
        by_unit_type.setdefault(unit_type, _forms())
        by_unit_type[unit_type][form] = by_unit_type[unit_type].get(form, 0) + n
        unit_forms = per_unit.setdefault(unit_id, _forms())
        unit_forms[form] = unit_forms.get(form, 0) + n
        if guided:
            guided_total += n
            if form == "1":
                first_form_guided += n
    type_order = {t: i for i, t in enumerate(UNIT_TYPES)}
    # The installation's scope: a township or group lists its own unit and type, not the county's
    # rows at zero (a unit or type with a count is listed wherever it is).
    by_unit_type = {t: c for t, c in by_unit_type.items() if scope.lists_type(t, any(c.values()))}
    units = {i: u for i, u in units.items() if scope.lists_unit(i, any(per_unit.get(i, {}).values()))}
    by_unit = [
        {
            "id": u.id,
            "code": u.code,
            "name": u.name,
            "unit_type": u.unit_type,
            "forms": per_unit.get(u.id, _forms()),
            "total": sum(per_unit.get(u.id, {}).values()),
        }
        for u in sorted(units.values(), key=lambda u: (type_order.get(u.unit_type, 99), u.code, u.id))
    ]
    first_total = forms.get("1", 0)
    first_township = by_unit_type.get("township", {}).get("1", 0)
    co_reviews = sum(co_review_results.values())
    first_day, last_day = bounds if bounds is not None else (None, None)
    return {
        "year": year,
        "quarter": quarter,
        "start": first_day.isoformat() if first_day else None,
        "end": last_day.isoformat() if last_day else None,
        "period": period_label(year, quarter, start, end),
        "counting": rule,
        "first_form_total": first_total,
        "first_form_by_township_commissions": first_township,
        "first_form_township_share": _share(first_township, first_total),
        "first_form_guided": first_form_guided,
        "guided_share": _share(first_form_guided, first_total),
        "guided_total": guided_total,
        "dispositions_total": sum(forms.values()),
        "forms": forms,
        "by_unit_type": by_unit_type,
        "by_unit": by_unit,
        "co_reviews": co_reviews,
        "co_review_results": {code: co_review_results.get(code, 0) for code in RESULTS}
        | {k: v for k, v in co_review_results.items() if k not in RESULTS},
        "inspection_clues_transferred": transferred,
        "inspection_clues": {
            "transferred": transferred,
            "verified_by_groups": verified_by_groups,
            "first_form_measures": inspection_first_form,
            "outcomes": {code: outcomes.get(code, 0) for code in OUTCOMES}
            | {k: v for k, v in outcomes.items() if k not in OUTCOMES},
        },
        "clues_total": sum(clues_by_source.values()),
        "clues_by_source": {code: clues_by_source.get(code, 0) for code in SOURCES}
        | {k: v for k, v in clues_by_source.items() if k not in SOURCES},
        "clues_by_disposal": {code: clues_by_disposal.get(code, 0) for code in DISPOSALS}
        | {k: v for k, v in clues_by_disposal.items() if k not in DISPOSALS},
        "cases_with_group_participation": group_cases,
        "group_participations_total": handled + taking_part,
        "group_participations": {"handled": handled, "taking_part": taking_part},
        "work": work,
    }


def drill(
    db: Database,
    key: str,
    year: int | None = None,
    quarter: int | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    actor: Actor | None = None,
    **params: Any,
) -> tuple[str, list[str]]:
    """The register and the ids of the rows behind a figure, in the register's default order.

    ``key`` is a key of ``figures`` (``forms``, ``by_unit``, ``clues_by_source``, …; nested ones
    as ``inspection_clues.outcomes``); ``params`` narrow it as the figure's breakdown does
    (``form``, ``unit_type``, ``unit_id``, ``guided``, ``source``, ``disposal``, ``outcome``,
    ``result``). A figure of measures drills to one measure per person-time (the heaviest of its
    decision). With an ``actor``, records whose audience (知悉范围) leaves them out are left out.
    """
    if key == "work":  # 各项工作: register=…, unit_id=…
        unknown = set(params) - {"register", "unit_id"}
        if unknown or "register" not in params:
            raise UnknownFigure(f"{key}: {', '.join(sorted(unknown)) or 'register'}")
        bounds = resolve(year, quarter, start, end)
        with db.session(actor.username if actor is not None else "system") as s:
            try:
                ids = work_ids(
                    s, bounds, params["register"], params.get("unit_id"), actor.username if actor else None
                )
            except KeyError:
                raise UnknownFigure(f"{key}: {params['register']}") from None
        return params["register"], ids
    figure = _FIGURES.get(key)
    if figure is None:
        raise UnknownFigure(key)
    unknown = set(params) - set(figure.params)
    if unknown:
        raise UnknownFigure(f"{key}: {', '.join(sorted(unknown))}")
    bounds = resolve(year, quarter, start, end)
    model = figure.model
    user = actor.username if actor is not None else "system"
    narrowing = [*figure.fixed, *params.items()]
    with db.session(user) as s:
        if figure.counted:
            c = counting.counted(figure.where(bounds), form_mapping.in_force(s))
            query = select(c.c.id).where(*(figure.params[name](value, c.c) for name, value in narrowing))
            query = query.order_by(c.c.decided_on, c.c.id)
        else:
            conditions = [*figure.where(bounds), *(figure.params[n](v, model) for n, v in narrowing)]
            if actor is not None and has_secrecy(model):
                conditions.append(audience_condition(model, actor.username))
            sort = getattr(model, get(figure.register).default_sort)
            query = select(model.id).where(*conditions).order_by(sort, model.id)
        ids = list(s.scalars(query))
    return figure.register, ids


def stats_years(db: Database, user: str = "system") -> list[int]:
    """The years from the earliest to the latest date of any counted row, newest first."""
    columns = (
        (Disposition, Disposition.decided_on),
        (Clue, Clue.received_on),
        (Case, Case.filed_on),
        (CoReview, CoReview.requested_on),
    )
    years: set[int] = set()
    with db.session(user) as s:
        for model, column in columns:
            # min() and max() each alone: SQLite then reads one end of the (deleted, date) index.
            for aggregate in (func.min(column), func.max(column)):
                d = s.scalar(select(aggregate).where(model.deleted.is_(False)))
                if isinstance(d, str):  # SQLite without type affinity
                    d = date.fromisoformat(d[:10])
                if isinstance(d, date):
                    years.add(d.year)
    if not years:
        return []
    return list(range(max(years), min(years) - 1, -1))


# ---- text for the command line -----------------------------------------------------------------
def format_percent(share: float) -> str:
    return f"{share * 100:.2f}%"


def _labels(choices: Sequence[tuple[str, str]], empty: str) -> dict[str, str]:
    return {**dict(choices), "": empty}


def render_text(result: Mapping[str, Any]) -> list[str]:
    """The figures as Chinese lines (``stats`` without ``--json``)."""
    forms = _labels(FORM_CHOICES, "")
    unit_types = _labels(UNIT_TYPE_CHOICES, QT_TRANSLATE_NOOP("app", "未知单位"))
    sources = _labels(SOURCE_CHOICES, "")
    disposals = _labels(DISPOSAL_CHOICES, UNDECIDED)
    outcomes = _labels(VERIFICATION_OUTCOME_CHOICES, PENDING)
    results = _labels(CO_REVIEW_RESULT_CHOICES, PENDING)
    sep = QT_TRANSLATE_NOOP("app", "，")

    def listing(counts: Mapping[str, int], labels: Mapping[str, str]) -> str:
        return sep.join(f"{labels.get(k, k)} {n}" for k, n in counts.items())

    inspection = result["inspection_clues"]
    lines = [
        QT_TRANSLATE_NOOP("app", "统计期间：{period}").format(period=result["period"]),
        result["counting"]["rule"],
        result["counting"]["mapping"],
        QT_TRANSLATE_NOOP(
            "app",
            "运用第一种形态 {total} 人次，其中乡镇纪委 {township} 人次，占 {share}；指导领办 {guided} 人次，占 {guided_share}",
        ).format(
            total=result["first_form_total"],
            township=result["first_form_by_township_commissions"],
            share=format_percent(result["first_form_township_share"]),
            guided=result["first_form_guided"],
            guided_share=format_percent(result["guided_share"]),
        ),
        QT_TRANSLATE_NOOP("app", "四种形态：{forms}").format(forms=listing(result["forms"], forms)),
    ]
    for unit_type, counts in result["by_unit_type"].items():
        if sum(counts.values()):
            lines.append(
                QT_TRANSLATE_NOOP("app", "　{unit_type}：{forms}").format(
                    unit_type=unit_types.get(unit_type, unit_type), forms=listing(counts, forms)
                )
            )
    for unit in result["by_unit"]:
        if unit["total"]:
            lines.append(
                QT_TRANSLATE_NOOP("app", "　　{name}：{forms}，合计 {total}").format(
                    name=unit["name"], forms=listing(unit["forms"], forms), total=unit["total"]
                )
            )
    lines += [
        QT_TRANSLATE_NOOP("app", "协审 {n} 件（{results}）").format(
            n=result["co_reviews"], results=listing(result["co_review_results"], results)
        ),
        QT_TRANSLATE_NOOP(
            "app",
            "巡察移交线索 {transferred} 件，派驻组初步核实 {verified} 件，以第一种形态处理 {first} 人次",
        ).format(
            transferred=inspection["transferred"],
            verified=inspection["verified_by_groups"],
            first=inspection["first_form_measures"],
        ),
        QT_TRANSLATE_NOOP("app", "　初核结果：{outcomes}").format(
            outcomes=listing(inspection["outcomes"], outcomes)
        ),
        QT_TRANSLATE_NOOP("app", "派驻组参与办理的案件 {n} 件").format(
            n=result["cases_with_group_participation"]
        ),
        QT_TRANSLATE_NOOP(
            "app", "派驻组参与查办案件 {n} 件（次）：承办 {handled} 件，协办 {taking_part} 件次"
        ).format(n=result["group_participations_total"], **result["group_participations"]),
        QT_TRANSLATE_NOOP("app", "问题线索 {n} 件，按来源：{sources}").format(
            n=result["clues_total"], sources=listing(result["clues_by_source"], sources)
        ),
        QT_TRANSLATE_NOOP("app", "　按处置方式：{disposals}").format(
            disposals=listing(result["clues_by_disposal"], disposals)
        ),
    ]
    work = result["work"]["registers"]
    if work:
        lines.append(
            QT_TRANSLATE_NOOP("app", "各项工作（条）：{counts}").format(
                counts=sep.join(f"{w['title']} {w['total']}" for w in work)
            )
        )
    return lines


# ---- export -------------------------------------------------------------------------------------
def export_figures(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]],
    *,
    title: str = SHEET_TITLE,
    period: str = "",
    db: Database | None = None,
    user: str = "system",
) -> int:
    """Write tables (``(caption, header, rows)``, already in the language shown) one under the
    other on one sheet; return the number of tables. With ``db`` the export is recorded in its
    audit log as ``user``, in the same step that puts the file in place."""

    def write(tmp: Path) -> None:
        # openpyxl is imported when a sheet is written, not when the window starts.
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = title[:31]
        ws.append([f"{title}　{period}".strip()])
        ws.cell(1, 1).font = Font(bold=True, size=14)
        widths: dict[int, int] = {}
        for caption, header, rows in sheets:
            ws.append([])
            ws.append([caption])
            ws.cell(ws.max_row, 1).font = Font(bold=True)
            ws.append(list(header))
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
            for row in rows:
                ws.append(list(row))
                for j, value in enumerate(row, start=1):
                    if isinstance(value, float):
                        ws.cell(ws.max_row, j).number_format = "0.00%"
            for j, text in enumerate(header, start=1):
                widths[j] = max(widths.get(j, 10), len(str(text)) * 2 + 4)
            for row in rows:
                for j, value in enumerate(row, start=1):
                    widths[j] = min(40, max(widths.get(j, 10), len(str(value)) * 2 + 2))
        for j, w in widths.items():
            ws.column_dimensions[get_column_letter(j)].width = w
        wb.save(tmp)

    write_report(path, write, db, user, "statistics", sum(len(rows) for _c, _h, rows in sheets))
    return len(sheets)
