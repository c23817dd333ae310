"""How the four forms (四种形态) are counted: one person in one decision is one person-time
(人次), in the form of the heaviest measure of that decision; which form a measure counts in is
the county's mapping (``app.registers.form_mapping``, DOMAIN.md's convention by default).

A decision is the measures given to one person by one handling unit on one day about one matter
(the same case, or the same clue, or neither): a 党纪 and a 政务 sanction decided together are
one person-time; the same person again on another day, or in another case, is another. Measures
of a party organisation (问责 of a 党组织) are no person and count in no form.

``decisions`` counts them (a GROUP BY over the decision's columns, read from a covering index);
``counted`` gives the same person-times as rows (the heaviest measure of each decision, the lowest
id among equals), so a figure and the rows it drills down to are the same set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, Subquery, case, cast, func, literal, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import Clue, Disposition
from app.registers import form_mapping
from app.registers.sanctions import DEFAULT_FORMS

RULE = QT_TRANSLATE_NOOP(
    "app", "计数口径：同一人在同一决定中受到多项处理的计一人次，按其中最重的处理归入相应形态"
)
DEFAULT_MAPPING = QT_TRANSLATE_NOOP("app", "形态对应：按通行口径（默认）")
COUNTY_MAPPING = QT_TRANSLATE_NOOP("app", "形态对应：按本县设置（{n} 项与通行口径不同）")

# A period of days, both ends included; None on either side leaves it open, None for all time.
Bounds = tuple[date | None, date | None] | None


def in_period(column: Any, bounds: Bounds) -> list[ColumnElement[bool]]:
    """The conditions that keep ``column`` (a date) within ``bounds``."""
    if bounds is None:
        return []
    start, end = bounds
    return [*([column >= start] if start else []), *([column <= end] if end else [])]


def form_of(mapping: Mapping[tuple[str, str], str]) -> ColumnElement[Any]:
    """The form a measure row counts in under ``mapping``; a row without a kind (from a bundle of
    a program before measures had kinds) keeps the form it was entered with."""
    key = Disposition.kind + literal("/") + Disposition.measure
    whens = {f"{k}/{m}": form for (k, m), form in mapping.items()}
    return case(whens, value=key, else_=case((Disposition.kind == "", Disposition.form), else_=literal("")))


def _decision() -> tuple[Any, ...]:
    """The columns that make one decision: the person (by record, and by name for a measure
    received without one), the handling unit, the day, the case and the clue."""
    return (
        Disposition.person_id,
        Disposition.person_name,
        Disposition.handling_unit_id,
        Disposition.decided_on,
        Disposition.case_id,
        Disposition.clue_id,
    )


def _grouped(mapping: Mapping[tuple[str, str], str]) -> tuple[Select[str, Any, int], ColumnElement[Any]]:
    """A decision's unit, heaviest form and guided flag (1 when any of its measures was guided),
    with the form expression for the caller's conditions."""
    form = form_of(mapping)
    columns = select(
        Disposition.handling_unit_id.label("unit_id"),
        func.max(form).label("form"),
        func.max(cast(Disposition.guided, Integer)).label("guided"),
    )
    return columns, form


def decisions(conditions: Sequence[ColumnElement[bool]], mapping: Mapping[tuple[str, str], str]) -> Subquery:
    """One row per person-time among the measures under ``conditions``: ``unit_id``, ``form`` (the
    heaviest), ``guided``. Read from the covering index ``ix_dispositions_counting`` alone
    (bench/county_scale.py)."""
    columns, form = _grouped(mapping)
    return columns.where(*conditions, form != "").group_by(*_decision()).subquery("decisions")


def decisions_of_clues(
    clue_conditions: Sequence[ColumnElement[bool]], mapping: Mapping[tuple[str, str], str]
) -> Subquery:
    """``decisions`` among the measures that came of the clues under ``clue_conditions``, joined
    from those clues: each clue looks its measures up by the ``clue_id`` index. (The same set as
    ``decisions`` with ``clue_id IN (…)``, which SQLite answered by reading every measure: 2.7 s
    for 300,000.)"""
    columns, form = _grouped(mapping)
    return (
        columns.select_from(Clue)
        .join(Disposition, Disposition.clue_id == Clue.id)
        # IS NOT true: an index on ``deleted`` must not stand in for the clue_id look-up.
        .where(*clue_conditions, Disposition.deleted.is_not(True), form != "")
        .group_by(*_decision())
        .subquery("decisions")
    )


def counted(conditions: Sequence[ColumnElement[bool]], mapping: Mapping[tuple[str, str], str]) -> Subquery:
    """The same person-times as ``decisions``, each as its heaviest measure (the lowest id among
    equals), for the rows behind a figure: ``id``, ``unit_id``, ``form``, ``guided``,
    ``decided_on``."""
    form = form_of(mapping)
    decision = _decision()
    ranked = (
        select(
            Disposition.id.label("id"),
            Disposition.handling_unit_id.label("unit_id"),
            form.label("form"),
            func.max(cast(Disposition.guided, Integer)).over(partition_by=decision).label("guided"),
            Disposition.decided_on.label("decided_on"),
            func.row_number()
            .over(partition_by=decision, order_by=(form.desc(), Disposition.id))
            .label("rank"),
        )
        .where(*conditions, form != "")
        .subquery("ranked")
    )
    return (
        select(ranked.c.id, ranked.c.unit_id, ranked.c.form, ranked.c.guided, ranked.c.decided_on)
        .where(ranked.c.rank == 1)
        .subquery("counted")
    )


def describe(s: Session) -> dict[str, Any]:
    """The rule the figures count by, for the page and ``stats`` (``rule``, ``mapping`` lines;
    ``changed``: how many measures the county counts otherwise than the convention)."""
    mapping = form_mapping.in_force(s)
    changed = sum(1 for key, form in mapping.items() if DEFAULT_FORMS.get(key) != form)
    return {
        "rule": RULE,
        "mapping": COUNTY_MAPPING.format(n=changed) if changed else DEFAULT_MAPPING,
        "changed": changed,
    }


__all__ = ["counted", "decisions", "decisions_of_clues", "describe", "form_of"]
