"""A whole demo county on disk: one data folder per unit plus the county's (``demo-county``).

``build_demo_county(out, password, seed)`` makes, under the empty (or absent) folder ``out``:

- ``out/<county code>``: the county, as ``create_demo_county`` makes it (``python main.py --demo``):
  the organisation of the seed report, the casework of every unit and this year's village and
  unit residency (visits, quarterly ledgers), each unit's rows owned by that unit (``owner`` = its
  code), reproducing the seed report's figures for 2021;
- ``out/<unit code>`` for each of the 8 township commissions and 10 dispatched groups: a real
  installation (``app.services.login.create``, encrypted, key slots) holding that unit's own
  records: its casework rows and their timelines, its visits (驻村/驻在) and quarterly ledger
  entries, the clue drafts its visits found, its staff, villages or supervised units, the
  county's settings (deadline rules, the visit checklist), and the county's rows these refer to
  (the guiding offices, their zones), all with the same ids, owners and versions as in the
  county's folder.

Every folder's administrator is ``admin`` with ``password``.

Sync bundles do not exist yet, so the unit folders are filled by copying the county's rows
(what an enrolment package and the units' bundles will carry), and the county already holds
everything. Once bundles exist (a later issue) this is to be rebuilt through them: each unit
enters its own casework, exports its bundle, and the county imports and merges them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.config import DB_FILE_NAME
from app.db.base import Base, SyncMixin
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import (
    Case,
    Clue,
    CoReview,
    DeadlineRule,
    Disposition,
    Inquiry,
    Report,
    StaffTie,
    Transition,
    Verification,
)
from app.models.org import Liaison, Staff, SupervisedUnit, TownshipYearStats, Unit, Village
from app.models.residency import ChecklistItem, LedgerEntry, Visit
from app.security import sensitive
from app.services.demo import DEMO_COUNTY, create_demo_county
from app.services.installation import SetupError, SetupRequest
from app.services.login import Opened, create

__all__ = ["DemoCountyError", "Folder", "build_demo_county"]

# A unit's own casework and residency records: the rows it owns.
_OWNED: tuple[type[Any], ...] = (
    Report,
    Clue,
    Inquiry,
    Verification,
    Case,
    CoReview,
    Disposition,
    StaffTie,
    Transition,
    Visit,
    LedgerEntry,
)
# The county's settings every unit holds.
_SETTINGS: tuple[type[Any], ...] = (DeadlineRule, ChecklistItem)


class DemoCountyError(Exception):
    """The demo county cannot be built; ``message`` says why (Chinese)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class Folder:
    code: str
    unit_type: str  # county | township | group
    path: Path


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise DemoCountyError(
            Message(
                QT_TRANSLATE_NOOP("app", "「{path}」不是目录，请指定一个空目录或不存在的目录。"),
                {"path": str(out)},
            )
        )
    if out.is_dir() and any(out.iterdir()):
        raise DemoCountyError(
            Message(
                QT_TRANSLATE_NOOP("app", "目录「{path}」不是空的，请指定一个空目录或不存在的目录。"),
                {"path": str(out)},
            )
        )


def _row(table: Table, obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in table.columns}


def _unit_rows(s: Session, unit: Unit) -> dict[Table, dict[str, dict[str, Any]]]:
    """The county's rows a unit's folder holds: what it owns, its organisation, the deadline rules,
    and (transitively) every row these refer to."""
    wanted: dict[Table, dict[str, dict[str, Any]]] = {}

    def take(objs: Iterable[Any]) -> list[Any]:
        taken = []
        for obj in objs:
            table = obj.__table__
            rows = wanted.setdefault(table, {})
            if obj.id not in rows:
                rows[obj.id] = _row(table, obj)
                taken.append(obj)
        return taken

    todo: list[Any] = []
    for model in _OWNED:
        todo += take(s.scalars(select(model).where(model.owner == unit.code)))
    todo += take(s.scalars(select(Staff).where(Staff.unit_id == unit.id)))
    todo += take(s.scalars(select(Village).where(Village.township_id == unit.id)))
    todo += take(s.scalars(select(SupervisedUnit).where(SupervisedUnit.group_id == unit.id)))
    todo += take(s.scalars(select(TownshipYearStats).where(TownshipYearStats.township_id == unit.id)))
    todo += take(s.scalars(select(Liaison).where(Liaison.unit_id == unit.id)))
    for model in _SETTINGS:
        todo += take(s.scalars(select(model)))
    models = {m.class_.__table__: m.class_ for m in Base.registry.mappers}
    while todo:
        obj = todo.pop()
        for fk in obj.__table__.foreign_keys:
            value = getattr(obj, fk.parent.key)
            target = models.get(fk.column.table)
            if value and target is not None and issubclass(target, SyncMixin):
                ref = s.get(target, value)
                if ref is not None:
                    todo += take([ref])
    return wanted


def _reseal(wanted: dict[Table, dict[str, dict[str, Any]]], from_key: bytes, to_key: bytes) -> None:
    """Sensitive values sealed under the county's key, sealed again under the unit's (each
    installation has its own sensitive-field key)."""
    columns = sensitive.sensitive_columns()
    for table, rows in wanted.items():
        for name in columns.get(table.name, ()):
            for rid, row in rows.items():
                value = row.get(name)
                if isinstance(value, str) and sensitive.is_sealed(value):
                    where = sensitive.Context(table.name, name, rid)
                    row[name] = sensitive.seal(to_key, sensitive.open(from_key, value, where), where)


def _copy_into(county: Opened, unit: Unit, opened: Opened) -> None:
    with county.db.session() as src:
        wanted = _unit_rows(src, unit)
    if county.keys.sensitive is not None and opened.keys.sensitive is not None:
        _reseal(wanted, county.keys.sensitive, opened.keys.sensitive)
    with opened.db.session(DEMO_COUNTY["admin_username"]) as dst:
        for table in Base.metadata.sorted_tables:  # referenced tables first
            rows = wanted.get(table)
            if not rows:
                continue
            present = set(dst.scalars(select(table.c.id).where(table.c.id.in_(list(rows)))))
            new = [r for rid, r in sorted(rows.items()) if rid not in present]
            if new:
                dst.execute(insert(table), new)


def build_demo_county(out: Path, password: str, seed: int = 1) -> list[Folder]:
    """Build the demo county under ``out`` (empty or absent); return its folders, the county's
    first, then the townships' and groups' in code order. Raises ``DemoCountyError``."""
    out = Path(out)
    _check_out(out)
    county_code = DEMO_COUNTY["county_code"]
    try:
        out.mkdir(parents=True, exist_ok=True)
        opened = create_demo_county(out / county_code, password, seed=seed)
    except SetupError as exc:
        raise DemoCountyError(next(iter(exc.messages.values()))) from None
    except OSError as exc:
        raise DemoCountyError(
            Message(QT_TRANSLATE_NOOP("app", "无法建立示范县目录：{reason}"), {"reason": str(exc)})
        ) from None
    folders = [Folder(county_code, "county", out / county_code)]
    try:
        with opened.db.session() as s:
            units = list(
                s.scalars(
                    select(Unit)
                    .where(Unit.unit_type.in_(("township", "group")), Unit.deleted.is_(False))
                    .order_by(Unit.unit_type.desc(), Unit.code)
                )
            )
            s.expunge_all()
        for unit in units:
            path = out / unit.code
            unit_opened = create(
                path,
                f"sqlite:///{path / DB_FILE_NAME}",
                SetupRequest(
                    unit_type=unit.unit_type,
                    unit_code=unit.code,
                    unit_name=unit.name,
                    county_code=county_code,
                    county_name=DEMO_COUNTY["county_name"],
                    admin_username=DEMO_COUNTY["admin_username"],
                    admin_password=password,
                ),
            )
            try:
                _copy_into(opened, unit, unit_opened)
            finally:
                unit_opened.db.close()
            folders.append(Folder(unit.code, unit.unit_type, path))
    finally:
        opened.db.close()
    return folders
