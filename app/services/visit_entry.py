"""Entering a paper visit form (走访/驻村监督记录表) after the stay, and what the visit pages ask
about units and staff.

A scanner (or a person) types the form's code; ``find_by_code`` finds the visit; ``visit_sheet``
gives what the entry dialog shows (the checklist of the visit's unit type, the stored values);
``record_visit`` takes the visit's "record" step and registers the clues the stay found, linked to
the visit, in one transaction: all of it or nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.models.residency import Visit
from app.registers import get as get_register
from app.registers.residency import checklist, normalise_code, own_unit
from app.services import undo
from app.services.records import NotFoundError, RecordService, ValidationError
from app.services.transitions import Transitions

MATTER_SEPARATOR = "、"
RECORD_REASON = QT_TRANSLATE_NOOP("app", "录入纸质记录表")
PLANNING_TYPES = ("township", "group")


@dataclass(frozen=True)
class ClueDraft:
    """A clue written on the paper form: the person reported on, their unit, what was found."""

    subject_name: str
    subject_unit: str = ""
    summary: str = ""

    def is_empty(self) -> bool:
        return not (self.subject_name.strip() or self.subject_unit.strip() or self.summary.strip())


@dataclass
class VisitSheet:
    """What the entry dialog shows of one visit."""

    id: str
    code: str
    unit_id: str
    unit_name: str
    unit_type: str  # township | group
    target_name: str  # the village or supervised unit
    planned_on: date
    state: str
    lead_name: str
    member_name: str
    checklist: list[str]  # the matters to tick, in order (plus any stored matter no longer listed)
    values: dict[str, Any] = field(default_factory=dict)  # visited_on, matters (list), people_talked, …

    @property
    def recorded(self) -> bool:
        return self.state != "planned"


def find_by_code(records: RecordService, code: str) -> str | None:
    """The id of the live visit with this code (as typed or scanned), or None."""
    wanted = normalise_code(code)
    if not wanted:
        return None
    with records.ctx.session() as s:
        found = s.scalars(select(Visit.id).where(Visit.code == wanted, Visit.deleted.is_(False))).first()
        return str(found) if found is not None else None


def split_matters(text: str) -> list[str]:
    return [m.strip() for m in (text or "").split(MATTER_SEPARATOR) if m.strip()]


def visit_sheet(records: RecordService, visit_id: str) -> VisitSheet:
    """The visit as the entry dialog shows it; ``NotFoundError`` when it is gone."""
    with records.ctx.session() as s:
        v = s.get(Visit, visit_id)
        if v is None or v.deleted:
            raise NotFoundError(visit_id)
        unit = s.get(Unit, v.unit_id)
        unit_type = unit.unit_type if unit is not None else "township"
        if v.village_id:
            village = s.get(Village, v.village_id)
            target = village.name if village is not None else ""
        else:
            supervised = s.get(SupervisedUnit, v.supervised_unit_id) if v.supervised_unit_id else None
            target = supervised.name if supervised is not None else ""
        lead = s.get(Staff, v.lead_id) if v.lead_id else None
        member = s.get(Staff, v.member_id) if v.member_id else None
        matters = checklist(s, unit_type)
        stored = split_matters(v.matters)
        matters.extend(m for m in stored if m not in matters)
        return VisitSheet(
            id=v.id,
            code=v.code,
            unit_id=v.unit_id,
            unit_name=unit.name if unit is not None else "",
            unit_type=unit_type,
            target_name=target,
            planned_on=v.planned_on,
            state=v.state,
            lead_name=lead.name if lead is not None else "",
            member_name=member.name if member is not None else "",
            checklist=matters,
            values={
                "visited_on": v.visited_on,
                "matters": stored,
                "people_talked": v.people_talked,
                "findings": v.findings,
                "problems": v.problems,
                "follow_up": v.follow_up,
            },
        )


def linked_clues(records: RecordService, visit_id: str) -> list[str]:
    """Ids of the live clues registered from this visit."""
    clues = get_register("clues")
    with records.ctx.session() as s:
        model: Any = clues.model
        return list(s.scalars(select(model.id).where(model.visit_id == visit_id, model.deleted.is_(False))))


def record_visit(
    records: RecordService,
    visit_id: str,
    values: Mapping[str, Any],
    clue_drafts: Sequence[ClueDraft] = (),
) -> list[str]:
    """Take the visit's "record" step with the form's values and register one clue per (non-empty)
    draft in the clues register (监督发现, received on the visit date, handled by the visit's unit,
    linked to the visit), in one transaction. Return the new clues' ids.

    ``values``: ``visited_on`` (a date or text), ``matters`` (a list of ticked matters or text
    joined by 、), ``people_talked``, ``findings``, ``problems``, ``follow_up``. Raise
    ``ValidationError`` (a draft's errors keyed ``clue:<row>:<field>``, rows of ``clue_drafts``
    from 0),
    ``TransitionRefused``, ``NotFoundError`` or ``PermissionDenied`` and change nothing."""
    visits, clues = get_register("visits"), get_register("clues")
    step_values = dict(values)
    matters = step_values.get("matters")
    if isinstance(matters, list | tuple):
        step_values["matters"] = MATTER_SEPARATOR.join(str(m) for m in matters)
    transitions = Transitions(records)
    with records.ctx.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted:
            raise NotFoundError(visit_id)
        transitions.apply_in(s, visits, visit_id, "record", step_values, RECORD_REASON, confirmed=True)
        received = visit.visited_on or visit.planned_on
        ids = []
        for i, draft in enumerate(clue_drafts):
            if draft.is_empty():
                continue
            raw = {
                "source": "supervision",
                "received_on": received,
                "subject_name": draft.subject_name.strip(),
                "subject_unit": draft.subject_unit.strip(),
                "summary": draft.summary.strip(),
                "handling_unit_id": visit.unit_id,
            }
            try:
                ids.append(
                    records.save_in(s, clues, raw, confirmed=True, program_values={"visit_id": visit_id})
                )
            except ValidationError as exc:
                raise ValidationError({f"clue:{i}:{k}": m for k, m in exc.errors.items()}) from exc
        what = undo.step_label(visits, "record", visit)
    undo.mark(records.ctx, undo.TRANSITION, visits.name, what)  # a lifecycle step: not undone
    return ids


# ---- units and staff for the visit pages ------------------------------------------------------
@dataclass(frozen=True)
class PlanUnit:
    id: str
    name: str
    unit_type: str  # township | group


def planning_units(records: RecordService) -> tuple[list[PlanUnit], bool]:
    """The units this installation plans visits for, and whether it may choose among them: a
    township commission or a dispatched group plans its own (no choice); the county plans for any
    township or group it chooses; any other installation plans none."""
    with records.ctx.session() as s:
        own = own_unit(s)
        if own is not None and own.unit_type in PLANNING_TYPES:
            return [PlanUnit(own.id, own.name, own.unit_type)], False
        if own is not None and own.unit_type != "county":
            return [], False
        rows = s.scalars(
            select(Unit)
            .where(Unit.deleted.is_(False), Unit.unit_type.in_(PLANNING_TYPES))
            .order_by(Unit.unit_type.desc(), Unit.code)
        )
        return [PlanUnit(u.id, u.name, u.unit_type) for u in rows], True


def unit_staff(records: RecordService, unit_id: str) -> list[tuple[str, str]]:
    """(id, name) of the unit's staff in post, in the order the plan takes them."""
    with records.ctx.session() as s:
        rows = s.scalars(
            select(Staff)
            .where(Staff.unit_id == unit_id, Staff.deleted.is_(False), Staff.left_on.is_(None))
            .order_by(Staff.post, Staff.name)
        )
        return [(p.id, p.name) for p in rows]


def entry_refused(visit: VisitSheet) -> Message | None:
    """Why this visit's form cannot be entered now (None when it can)."""
    if visit.state == "done":
        return Message(
            QT_TRANSLATE_NOOP("app", "这份记录表已经录入，只能查看；如需修改，请先在「办理」中「退回修改」。")
        )
    if visit.state == "cancelled":
        return Message(QT_TRANSLATE_NOOP("app", "这次驻村（驻在）已取消，只能查看。"))
    return None
