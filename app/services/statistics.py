"""The figures leaders ask for (DOMAIN.md): the four forms by unit and unit type with the
townships' share, clues by source and disposal, co-reviews, inspection-transferred clues and
their outcome, cases with a dispatched group taking part.

Every figure is one SQL aggregate (``GROUP BY``) over live rows (``deleted`` false) of a period:
a calendar year, one quarter of it, or every year (``year`` None). Which date puts a row in the
period depends on the register:

- four forms (``dispositions``): ``decided_on``;
- clues: ``received_on``;
- cases: ``filed_on``;
- co-reviews: ``requested_on``.

Inspection-transferred clues are followed as a cohort: the clues received in the period, and the
verifications and first-form dispositions that came of them, whenever those were decided.

``drill`` gives the register and the row ids behind any number ``figures`` returns. Both are
built from the same conditions (``_Figure``), so a drilled list always has as many ids as the
figure says (for an actor outside some records' audience, fewer: those are left out).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import Case, Clue, CoReview, Disposition, Verification
from app.models.org import Unit
from app.registers import get
from app.registers.casework_choices import (
    CO_REVIEW_RESULT_CHOICES,
    DISPOSAL_CHOICES,
    FORM_CHOICES,
    SOURCE_CHOICES,
    VERIFICATION_OUTCOME_CHOICES,
)
from app.registers.org import UNIT_TYPE_CHOICES
from app.security import audit
from app.security.roles import Actor
from app.security.secrecy import audience_condition, has_secrecy
from app.services.spreadsheet import write_atomically

FORMS = tuple(code for code, _label in FORM_CHOICES)
UNIT_TYPES = tuple(code for code, _label in UNIT_TYPE_CHOICES)
SOURCES = tuple(code for code, _label in SOURCE_CHOICES)
DISPOSALS = (*(code for code, _label in DISPOSAL_CHOICES), "")
OUTCOMES = (*(code for code, _label in VERIFICATION_OUTCOME_CHOICES), "")
RESULTS = (*(code for code, _label in CO_REVIEW_RESULT_CHOICES), "")

QUARTER_LABELS = (
    QT_TRANSLATE_NOOP("app", "一季度"),
    QT_TRANSLATE_NOOP("app", "二季度"),
    QT_TRANSLATE_NOOP("app", "三季度"),
    QT_TRANSLATE_NOOP("app", "四季度"),
)
ALL_YEARS = QT_TRANSLATE_NOOP("app", "全部年度")
WHOLE_YEAR = QT_TRANSLATE_NOOP("app", "全年")
UNDECIDED = QT_TRANSLATE_NOOP("app", "未处置")
PENDING = QT_TRANSLATE_NOOP("app", "尚无结果")
SHEET_TITLE = QT_TRANSLATE_NOOP("app", "统计分析")


class UnknownFigure(KeyError):
    """``drill`` was asked for a figure (or a parameter) it does not know."""


# ---- the period ---------------------------------------------------------------------------------
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


def period_label(year: int | None, quarter: int | None = None) -> str:
    """The period in Chinese (the command line's wording; the window translates its own)."""
    if year is None:
        return ALL_YEARS
    if quarter is None:
        return f"{year} 年"
    return f"{year} 年{QUARTER_LABELS[quarter - 1]}"


def _in_period(column: Any, year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    bounds = period_bounds(year, quarter)
    if bounds is None:
        return []
    return [column >= bounds[0], column <= bounds[1]]


def _units_of_type(*types: str) -> Select[Any]:
    return select(Unit.id).where(Unit.unit_type.in_(types))


# ---- the rows behind each figure ----------------------------------------------------------------
def _live(model: type[Any], year: int | None, quarter: int | None) -> ColumnElement[bool]:
    """The model's live rows: ``deleted = false``. With a period, the register's (deleted, date)
    index finds the period's rows; the figures' covering indexes (``ix_clues_figures``,
    ``ix_dispositions_year``: deleted, date and every grouped column) let SQLite count from the
    index alone, over one year or all (a county after ten years: bench/county_scale.py)."""
    return model.deleted.is_(False)


def _dispositions(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [_live(Disposition, year, quarter), *_in_period(Disposition.decided_on, year, quarter)]


def _clues(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [_live(Clue, year, quarter), *_in_period(Clue.received_on, year, quarter)]


def _inspection_clues(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [*_clues(year, quarter), Clue.source == "inspection"]


def _inspection_clue_ids(year: int | None, quarter: int | None) -> Select[Any]:
    return select(Clue.id).where(*_inspection_clues(year, quarter))


def _verified_by_groups(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    # An uncorrelated IN, not a correlated EXISTS: without the planner's statistics (the program
    # never runs ANALYZE) SQLite probed the EXISTS through the live-verifications index, reading
    # every live verification once per clue: 18 s for a county with 25,000 clues.
    verified = Clue.id.in_(select(Verification.clue_id).where(Verification.deleted.is_(False)))
    return [*_inspection_clues(year, quarter), Clue.handling_unit_id.in_(_units_of_type("group")), verified]


def _inspection_first_form(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [
        Disposition.deleted.is_(False),
        Disposition.form == "1",
        Disposition.clue_id.in_(_inspection_clue_ids(year, quarter)),
    ]


def _inspection_verifications(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [Verification.deleted.is_(False), Verification.clue_id.in_(_inspection_clue_ids(year, quarter))]


def _group_cases(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [
        Case.deleted.is_(False),
        *_in_period(Case.filed_on, year, quarter),
        or_(Case.group_id.is_not(None), Case.handling_unit_id.in_(_units_of_type("group"))),
    ]


def _co_reviews(year: int | None, quarter: int | None) -> list[ColumnElement[bool]]:
    return [CoReview.deleted.is_(False), *_in_period(CoReview.requested_on, year, quarter)]


@dataclass(frozen=True)
class _Figure:
    """A figure's register, model, base conditions and the parameters that narrow it."""

    register: str
    model: type[Any]
    where: Callable[[int | None, int | None], list[ColumnElement[bool]]]
    params: Mapping[str, Callable[[Any], ColumnElement[bool]]]
    fixed: tuple[Callable[[], ColumnElement[bool]], ...] = ()


def _form(value: Any) -> ColumnElement[bool]:
    return Disposition.form == str(value)


def _disposition_unit_type(value: Any) -> ColumnElement[bool]:
    return Disposition.handling_unit_id.in_(_units_of_type(str(value)))


def _disposition_unit(value: Any) -> ColumnElement[bool]:
    return Disposition.handling_unit_id == str(value)


def _guided(value: Any) -> ColumnElement[bool]:
    return Disposition.guided.is_(value not in (False, 0, "0", "false", ""))


DISPOSITION_PARAMS: dict[str, Callable[[Any], ColumnElement[bool]]] = {
    "form": _form,
    "unit_type": _disposition_unit_type,
    "unit_id": _disposition_unit,
    "guided": _guided,
}

_FIGURES: dict[str, _Figure] = {
    "forms": _Figure("dispositions", Disposition, _dispositions, DISPOSITION_PARAMS),
    "by_unit_type": _Figure("dispositions", Disposition, _dispositions, DISPOSITION_PARAMS),
    "by_unit": _Figure("dispositions", Disposition, _dispositions, DISPOSITION_PARAMS),
    "first_form_total": _Figure(
        "dispositions", Disposition, _dispositions, DISPOSITION_PARAMS, (lambda: _form("1"),)
    ),
    "first_form_by_township_commissions": _Figure(
        "dispositions",
        Disposition,
        _dispositions,
        DISPOSITION_PARAMS,
        (lambda: _form("1"), lambda: _disposition_unit_type("township")),
    ),
    "first_form_guided": _Figure(
        "dispositions",
        Disposition,
        _dispositions,
        DISPOSITION_PARAMS,
        (lambda: _form("1"), lambda: _guided(True)),
    ),
    "clues_by_source": _Figure("clues", Clue, _clues, {"source": lambda v: Clue.source == str(v)}),
    "clues_by_disposal": _Figure(
        "clues", Clue, _clues, {"disposal": lambda v: Clue.disposal == str(v or "")}
    ),
    "inspection_clues_transferred": _Figure("clues", Clue, _inspection_clues, {}),
    "inspection_clues.transferred": _Figure("clues", Clue, _inspection_clues, {}),
    "inspection_clues.verified_by_groups": _Figure("clues", Clue, _verified_by_groups, {}),
    "inspection_clues.first_form_measures": _Figure(
        "dispositions", Disposition, _inspection_first_form, DISPOSITION_PARAMS
    ),
    "inspection_clues.outcomes": _Figure(
        "verifications",
        Verification,
        _inspection_verifications,
        {"outcome": lambda v: Verification.outcome == str(v or "")},
    ),
    "cases_with_group_participation": _Figure("cases", Case, _group_cases, {}),
    "co_reviews": _Figure("co_reviews", CoReview, _co_reviews, {}),
    "co_review_results": _Figure(
        "co_reviews", CoReview, _co_reviews, {"result": lambda v: CoReview.result == str(v or "")}
    ),
}
DRILL_KEYS = tuple(_FIGURES)


def _of_inspection_clues(
    s: Session,
    model: type[Any],
    conditions: Sequence[ColumnElement[bool]],
    year: int | None,
    quarter: int | None,
    column: Any = None,
) -> dict[Any, int]:
    """``model``'s live rows under ``conditions`` that came of the period's inspection-transferred
    clues, counted (grouped by ``column``) through a join from those clues: each clue looks its
    rows up by the ``clue_id`` index. The figures' ``IN (clue ids)`` gave the same counts but
    SQLite read every live row of ``model`` for it (4 s for 300,000 four-form rows); ``drill``
    keeps the ``IN`` form, the same rows."""
    keys = [column] if column is not None else []
    query = (
        select(*keys, func.count())
        .select_from(Clue)
        .join(model, model.clue_id == Clue.id)
        # IS NOT true: an index on ``deleted`` must not stand in for the clue_id look-up.
        .where(*_inspection_clues(year, quarter), model.deleted.is_not(True), *conditions)
    )
    if column is not None:
        query = query.group_by(column)
    return {(row[0] if column is not None else None): int(row[-1]) for row in s.execute(query).all()}


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


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _forms(counts: Mapping[str, int] | None = None) -> dict[str, int]:
    counts = counts or {}
    return {form: int(counts.get(form, 0)) for form in FORMS}


# ---- the figures --------------------------------------------------------------------------------
def figures(
    db: Database, year: int | None = None, quarter: int | None = None, user: str = "system"
) -> dict[str, Any]:
    """Every figure for the period as one JSON-able dict (the ``stats --json`` document)."""
    period_bounds(year, quarter)  # refuses a quarter without a year, or a quarter out of range
    with db.session(user) as s:
        # The four forms: one GROUP BY (unit, form, guided); everything else adds up these groups.
        groups = s.execute(
            select(
                Disposition.handling_unit_id,
                Disposition.form,
                Disposition.guided,
                func.count(),
            )
            .where(*_dispositions(year, quarter))
            .group_by(Disposition.handling_unit_id, Disposition.form, Disposition.guided)
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
            .where(*_clues(year, quarter))
            .group_by(Clue.source, Clue.disposal)
        ).all()
        clues_by_source: dict[str, int] = {}
        clues_by_disposal: dict[str, int] = {}
        for source, disposal, n in clue_groups:
            clues_by_source[source] = clues_by_source.get(source, 0) + int(n)
            clues_by_disposal[disposal] = clues_by_disposal.get(disposal, 0) + int(n)
        transferred = clues_by_source.get("inspection", 0)
        verified_by_groups = _count(s, _verified_by_groups(year, quarter), Clue)
        inspection_first_form = _of_inspection_clues(
            s, Disposition, [Disposition.form == "1"], year, quarter
        ).get(None, 0)
        outcomes = _of_inspection_clues(s, Verification, [], year, quarter, Verification.outcome)
        group_cases = _count(s, _group_cases(year, quarter), Case)
        co_review_results = _grouped(s, CoReview.result, CoReview, _co_reviews(year, quarter))

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
    return {
        "year": year,
        "quarter": quarter,
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
    }


def drill(
    db: Database,
    key: str,
    year: int | None = None,
    quarter: int | None = None,
    *,
    actor: Actor | None = None,
    **params: Any,
) -> tuple[str, list[str]]:
    """The register and the ids of the rows behind a figure, in the register's default order.

    ``key`` is a key of ``figures`` (``forms``, ``by_unit``, ``clues_by_source``, …; nested ones
    as ``inspection_clues.outcomes``); ``params`` narrow it as the figure's breakdown does
    (``form``, ``unit_type``, ``unit_id``, ``guided``, ``source``, ``disposal``, ``outcome``,
    ``result``). With an ``actor``, records whose audience (知悉范围) leaves them out are left out.
    """
    figure = _FIGURES.get(key)
    if figure is None:
        raise UnknownFigure(key)
    unknown = set(params) - set(figure.params)
    if unknown:
        raise UnknownFigure(f"{key}: {', '.join(sorted(unknown))}")
    model = figure.model
    conditions = [*figure.where(year, quarter), *(c() for c in figure.fixed)]
    conditions += [figure.params[name](value) for name, value in params.items()]
    if actor is not None and has_secrecy(model):
        conditions.append(audience_condition(model, actor.username))
    sort = getattr(model, get(figure.register).default_sort)
    user = actor.username if actor is not None else "system"
    with db.session(user) as s:
        ids = list(s.scalars(select(model.id).where(*conditions).order_by(sort, model.id)))
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
        QT_TRANSLATE_NOOP("app", "统计期间：{period}").format(
            period=period_label(result["year"], result["quarter"])
        ),
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
        QT_TRANSLATE_NOOP("app", "问题线索 {n} 件，按来源：{sources}").format(
            n=result["clues_total"], sources=listing(result["clues_by_source"], sources)
        ),
        QT_TRANSLATE_NOOP("app", "　按处置方式：{disposals}").format(
            disposals=listing(result["clues_by_disposal"], disposals)
        ),
    ]
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

    around: Callable[[], AbstractContextManager[object]] | None = None
    if db is not None:
        detail = audit.export_detail("report", "statistics", sum(len(rows) for _c, _h, rows in sheets))

        def around() -> AbstractContextManager[object]:
            return audit.recorded(db, user, audit.EXPORT, detail=detail)

    write_atomically(path, write, around_replace=around)
    return len(sheets)
