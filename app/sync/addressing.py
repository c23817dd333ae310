"""Which records the county's bundle carries to a unit, and the unit's check of what arrives.

The county sends a unit (``relevant`` and ``referenced``): the shared reference tables
(``SHARED_TABLES``); the unit's own rows; clues it handles (交叉办理, 上级交办); co-reviews of its
cases; the county's feedback on its 述职述廉; ownership transfers that name it, and the rows they
moved; and the rows those refer to that the unit holds nowhere else (the report a handed clue came
from). The unit applies nothing else:
``check_addressed`` refuses a bundle carrying a record outside that, naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from app.db.local import ChangeLog
from app.i18n import Message
from app.models.casework import Case, Clue
from app.models.org import Unit
from app.models.reporting import WorkReport
from app.models.transfer import TRANSFER, OwnershipTransfer
from app.sync.merge import synced_models
from app.sync.rules import NOT_ADDRESSED, OutsideRights

SHARED_TABLES = (
    "units", "zones", "liaisons", "staff", "villages", "supervised_units", "township_year_stats",
    "deadline_rules", "calendar_days", "checklist_items", "county_policy",
)  # fmt: skip


def county_only_tables() -> frozenset[str]:
    """Tables only the county keeps: its registers marked ``county_only`` and its policy."""
    from app.registers import REGISTERS

    return frozenset(
        {reg.model.__table__.name for reg in REGISTERS.values() if reg.county_only} | {"county_policy"}  # type: ignore[attr-defined]
    )


def relevant(s: Session, table: str, row: Mapping[str, Any], unit: Unit) -> bool:
    """Whether the county sends ``row`` of ``table`` to ``unit`` by itself (not as a row another
    one refers to)."""
    if table in SHARED_TABLES or row["owner"] == unit.code:
        return True
    if table == "clues":  # a clue handed to the unit (交叉办理, 上级交办)
        return bool(row["handling_unit_id"] == unit.id)
    if table == "co_reviews":  # the county's opinion on the unit's case
        owner = s.scalar(select(Case.owner).where(Case.id == row["case_id"]))
        return owner == unit.code
    if table == "report_feedback":  # the county's feedback on the unit's 述职述廉
        owner = s.scalar(select(WorkReport.owner).where(WorkReport.id == row["report_id"]))
        return owner == unit.code
    if table == "ownership_transfers":  # a transfer that names the unit
        return unit.code in (row["from_unit"], row["to_unit"])
    return False


def addressed_to(s: Session, unit: Unit) -> Callable[[str, Mapping[str, Any]], bool]:
    """At the unit: ``relevant`` for a record as a bundle carries it."""

    def check(table: str, rec: Mapping[str, Any]) -> bool:
        given = rec.get("fields")
        fields: Mapping[str, Any] = given if isinstance(given, dict) else {}
        return relevant(s, table, {"owner": rec.get("owner"), **_ids(table, fields)}, unit)

    return check


def _ids(table: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The keys ``relevant`` reads, present even when a record leaves them out."""
    keys = {
        "clues": ("handling_unit_id",),
        "co_reviews": ("case_id",),
        "report_feedback": ("report_id",),
        "ownership_transfers": ("from_unit", "to_unit"),
    }
    return {k: fields.get(k) for k in keys.get(table, ())}


def referenced(s: Session, unit: Unit, since: int) -> dict[str, set[str]]:
    """Rows a unit is sent although it does not own them (a clue handed to it, a row transferred
    from it) refer to rows it may not hold: the report the clue came from, the clue it duplicates,
    the visit that found it. Without them the unit's database refuses the bundle (foreign keys),
    every time. Those rows, and what they refer to in turn, go with the bundle. Rows moved by a
    transfer that names the unit go once, with the transfer. Shared tables are not followed (the
    unit holds all of them)."""
    models = synced_models()
    changed = select(ChangeLog.row_id).where(ChangeLog.seq > since)
    handed = select(Clue.id).where(
        Clue.handling_unit_id == unit.id,
        Clue.owner != unit.code,
        Clue.id.in_(changed.where(ChangeLog.table_name == "clues")),
    )
    todo = [("clues", row_id) for row_id in s.scalars(handed)]
    found: dict[str, set[str]] = {}
    moved = select(OwnershipTransfer.table_name, OwnershipTransfer.row_id).where(
        OwnershipTransfer.kind == TRANSFER,
        OwnershipTransfer.deleted.is_(False),
        or_(OwnershipTransfer.from_unit == unit.code, OwnershipTransfer.to_unit == unit.code),
        OwnershipTransfer.id.in_(changed.where(ChangeLog.table_name == "ownership_transfers")),
    )
    for table_name, row_id in s.execute(moved):
        if table_name in models:
            found.setdefault(table_name, set()).add(row_id)
            todo.append((table_name, row_id))
    seen: set[tuple[str, str]] = set(todo)
    conn = s.connection()
    while todo:
        table_name, row_id = todo.pop()
        table: Table = models[table_name].__table__  # type: ignore[attr-defined]
        refs = [fk for fk in table.foreign_keys if fk.column.table.name not in SHARED_TABLES]
        if not refs:
            continue
        row = conn.execute(select(*[fk.parent for fk in refs]).where(table.c.id == row_id)).first()
        for fk, value in zip(refs, row or (), strict=False):
            target = fk.column.table.name
            if value is None or (target, value) in seen or target not in models:
                continue
            seen.add((target, value))
            target_table: Table = models[target].__table__  # type: ignore[attr-defined]
            owner = conn.execute(select(target_table.c.owner).where(target_table.c.id == value)).scalar()
            if owner is not None and owner != unit.code:
                found.setdefault(target, set()).add(value)
                todo.append((target, value))
    return found


def check_addressed(s: Session, unit: Unit, unaddressed: Mapping[str, set[str]]) -> None:
    """After a county bundle was merged at ``unit``: every record it carried that was not addressed
    to the unit must be one a row held here refers to, or one a transfer naming the unit moved;
    else ``OutsideRights`` (the import is rolled back)."""
    if not unaddressed:
        return
    models = synced_models()
    conn = s.connection()
    for table_name, ids in unaddressed.items():
        left = set(ids)
        moved = select(OwnershipTransfer.row_id).where(
            OwnershipTransfer.kind == TRANSFER,
            OwnershipTransfer.table_name == table_name,
            OwnershipTransfer.row_id.in_(sorted(left)),
            or_(OwnershipTransfer.from_unit == unit.code, OwnershipTransfer.to_unit == unit.code),
        )
        left -= set(s.scalars(moved))
        target: Table = models[table_name].__table__  # type: ignore[attr-defined]
        for model in models.values():
            if not left:
                break
            table: Table = model.__table__  # type: ignore[attr-defined]
            for fk in table.foreign_keys:
                if fk.column.table is target and left:
                    found = conn.execute(select(fk.parent).where(fk.parent.in_(sorted(left)))).scalars()
                    left -= set(found)
        if left:
            first = sorted(left)[0]
            owner = conn.execute(select(target.c.owner).where(target.c.id == first)).scalar()
            raise OutsideRights(
                Message(NOT_ADDRESSED, {"table": table_name, "id": first, "owner": str(owner)})
            )
