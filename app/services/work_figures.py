"""各项工作: how many records of each register of the daily work (驻村, the ledgers, 巡察整改,
training, pledges, 警示教育, 述职述廉, 通报, …) fall in a period, in all and per unit, for 统计分析
and the county's per-unit overview. A record falls in the period by its register's date field
(``Register.date_field``) and belongs to the unit that made it (its ``owner``: a unit's records
reach the county in its bundles with their owner)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.models.org import Unit
from app.registers import REGISTERS
from app.registers.fields import Register
from app.security.secrecy import audience_condition, has_secrecy
from app.services.counting import Bounds, in_period
from app.services.scope import installation_scope

# The areas whose registers are the daily work, and registers of other areas that are too.
WORK_AREAS = ("residency", "inspection", "education", "reporting")
WORK_REGISTERS_ELSEWHERE: tuple[str, ...] = ("name_clearings", "tolerances", "integrity_requests")


def work_registers() -> list[Register]:
    """The registers counted, in declaration order: each with a date field; of the work areas,
    none the county keeps alone (the visit checklist)."""
    return [reg for reg in REGISTERS.values() if reg.date_field and _counted(reg)]


def _counted(reg: Register) -> bool:
    if reg.name in WORK_REGISTERS_ELSEWHERE:
        return True
    return reg.area in WORK_AREAS and not reg.county_only


def _conditions(reg: Register, bounds: Bounds) -> list[ColumnElement[bool]]:
    model: Any = reg.model
    return [model.deleted.is_(False), *in_period(getattr(model, reg.date_field), bounds)]


def work_counts(
    s: Session, bounds: Bounds, registers: Sequence[Register] | None = None
) -> list[dict[str, Any]]:
    """Per register: its name, title, the total in the period and the count per unit id."""
    codes = dict(s.execute(select(Unit.code, Unit.id).where(Unit.deleted.is_(False))).all())
    out = []
    for reg in registers if registers is not None else work_registers():
        model: Any = reg.model
        rows = s.execute(
            select(model.owner, func.count()).where(*_conditions(reg, bounds)).group_by(model.owner)
        )
        by_unit: dict[str, int] = {}
        for owner, n in rows:
            unit_id = codes.get(owner, "")
            by_unit[unit_id] = by_unit.get(unit_id, 0) + int(n)
        out.append(
            {"register": reg.name, "title": reg.title, "total": sum(by_unit.values()), "by_unit": by_unit}
        )
    return out


def work_figures(s: Session, bounds: Bounds) -> dict[str, Any]:
    """``registers`` (``work_counts``) and ``units``: every live township commission and group,
    and any other unit with a record counted, in the order 统计分析 lists units."""
    registers = work_counts(s, bounds)
    counted = {unit_id for r in registers for unit_id, n in r["by_unit"].items() if n}
    units = s.execute(
        select(Unit.id, Unit.code, Unit.name, Unit.unit_type).where(
            Unit.deleted.is_(False) & Unit.unit_type.in_(("township", "group")) | Unit.id.in_(counted)
        )
    ).all()
    order = {"county": 0, "office": 1, "township": 2, "group": 3}
    scope = installation_scope(s)  # a township or group: its own unit, and any with a count
    return {
        "registers": registers,
        "units": [
            {"id": u.id, "code": u.code, "name": u.name, "unit_type": u.unit_type}
            for u in sorted(units, key=lambda u: (order.get(u.unit_type, 9), u.code))
            if scope.lists_unit(u.id, u.id in counted)
        ],
    }


def work_ids(
    s: Session, bounds: Bounds, register: str, unit_id: str | None = None, user: str | None = None
) -> list[str]:
    """The ids behind one count of ``work_counts``, in the register's default order; with a
    ``user``, records whose audience (知悉范围) leaves the user out are left out."""
    reg = next((r for r in work_registers() if r.name == register), None)
    if reg is None:
        raise KeyError(register)
    model: Any = reg.model
    conditions = _conditions(reg, bounds)
    if unit_id:
        conditions.append(model.owner == select(Unit.code).where(Unit.id == unit_id).scalar_subquery())
    if user is not None and has_secrecy(model):
        conditions.append(audience_condition(model, user))
    sort = getattr(model, reg.default_sort)
    return list(s.scalars(select(model.id).where(*conditions).order_by(sort, model.id)))
