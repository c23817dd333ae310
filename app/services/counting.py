"""How the four forms (四种形态) are counted: one person in one decision is one person-time
(人次), in the form of the heaviest measure of that decision; which form a measure counts in is
the county's mapping (``app.registers.form_mapping``, DOMAIN.md's convention by default).

A decision is the measures given to one person by one handling unit on one day about one matter
(the same case, or the same clue, or neither): a 党纪 and a 政务 sanction decided together are
one person-time; the same person again on another day, or in another case, is another. Measures
of a party organisation (问责 of a 党组织) are no person and count in no form.

``counted`` gives one row per person-time (the heaviest measure of its decision, the lowest id
among equals), so a figure and the rows it drills down to are the same set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Subquery, case, func, literal, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import Disposition
from app.registers import form_mapping
from app.registers.sanctions import DEFAULT_FORMS

RULE = QT_TRANSLATE_NOOP(
    "app", "计数口径：同一人在同一决定中受到多项处理的计一人次，按其中最重的处理归入相应形态"
)
DEFAULT_MAPPING = QT_TRANSLATE_NOOP("app", "形态对应：按通行口径（默认）")
COUNTY_MAPPING = QT_TRANSLATE_NOOP("app", "形态对应：按本县设置（{n} 项与通行口径不同）")


def form_of(mapping: Mapping[tuple[str, str], str]) -> ColumnElement[Any]:
    """The form a measure row counts in under ``mapping``; a row without a kind (from a bundle of
    a program before measures had kinds) keeps the form it was entered with."""
    key = Disposition.kind + literal("/") + Disposition.measure
    whens = {f"{k}/{m}": form for (k, m), form in mapping.items()}
    return case(whens, value=key, else_=case((Disposition.kind == "", Disposition.form), else_=literal("")))


def counted(conditions: Sequence[ColumnElement[bool]], mapping: Mapping[tuple[str, str], str]) -> Subquery:
    """One row per person-time among the measures under ``conditions``: ``id`` (the heaviest
    measure of the decision), ``unit_id``, ``form``, ``guided``, ``clue_id``."""
    form = form_of(mapping)
    who = func.coalesce(Disposition.person_id, Disposition.person_name)
    rank = (
        func.row_number()
        .over(
            partition_by=(
                who,
                Disposition.handling_unit_id,
                Disposition.decided_on,
                func.coalesce(Disposition.case_id, ""),
                func.coalesce(Disposition.clue_id, ""),
            ),
            order_by=(form.desc(), Disposition.id),
        )
        .label("rank")
    )
    ranked = (
        select(
            Disposition.id.label("id"),
            Disposition.handling_unit_id.label("unit_id"),
            form.label("form"),
            Disposition.guided.label("guided"),
            Disposition.clue_id.label("clue_id"),
            Disposition.decided_on.label("decided_on"),
            rank,
        )
        .where(*conditions, form != "")
        .subquery("ranked")
    )
    return (
        select(
            ranked.c.id,
            ranked.c.unit_id,
            ranked.c.form,
            ranked.c.guided,
            ranked.c.clue_id,
            ranked.c.decided_on,
        )
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


def heaviest(rows: Sequence[tuple[str, str]], mapping: Mapping[tuple[str, str], str]) -> str:
    """The form one decision's measures ((kind, measure) pairs) count in: the heaviest; "" none."""
    forms = [mapping.get(r, "") for r in rows]
    forms = [f for f in forms if f]
    return max(forms) if forms else ""


__all__ = ["counted", "describe", "form_of", "heaviest"]
