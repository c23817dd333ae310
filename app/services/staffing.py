"""The staffing summary: per unit type, posts against people (the seed's section 一)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.database import Database
from app.models.org import Staff, TownshipYearStats, Unit
from app.registers.org import UNIT_TYPE_CHOICES
from app.services.scope import installation_scope


@dataclass(frozen=True)
class StaffingRow:
    unit_type: str
    unit_type_label: str
    units: int
    authorised: int | None  # None: no unit of the type has its posts entered (未填)
    staffed: int
    vacancies: int | None  # over the units whose posts are entered; None as ``authorised``
    full_time: int
    inspectors: int  # 监察员, or 委员 who are also 监察员
    seconded: int
    leaders: int  # 书记 / 组长

    @property
    def full_time_share(self) -> float:
        return round(self.full_time / self.staffed, 4) if self.staffed else 0.0


@dataclass(frozen=True)
class TownshipTotals:
    year: int
    townships: int
    supervision_objects: int
    party_members: int


LEADER_POSTS = ("secretary", "group_leader")


def entered_sum(values: list[int | None]) -> int | None:
    """The sum of the figures someone entered; None when nobody entered any."""
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def staffing_summary(db: Database, user: str = "system") -> list[StaffingRow]:
    """One row per unit type that has units, in the order of ``UNIT_TYPE_CHOICES``."""
    with db.session(user) as s:
        scope = installation_scope(s)  # a township or group: its own unit only
        units = [u for u in s.scalars(select(Unit).where(Unit.deleted.is_(False))) if scope.lists_unit(u.id)]
        staff = list(s.scalars(select(Staff).where(Staff.deleted.is_(False), Staff.left_on.is_(None))))
    by_unit: dict[str, list[Staff]] = {}
    for p in staff:
        by_unit.setdefault(p.unit_id, []).append(p)
    rows = []
    for code, label in UNIT_TYPE_CHOICES:
        of_type = [u for u in units if u.unit_type == code]
        if not of_type:
            continue
        people = [p for u in of_type for p in by_unit.get(u.id, [])]
        entered = [u for u in of_type if u.authorised_posts is not None]
        rows.append(
            StaffingRow(
                unit_type=code,
                unit_type_label=label,
                units=len(of_type),
                authorised=sum(u.authorised_posts or 0 for u in entered) if entered else None,
                staffed=len(people),
                vacancies=sum(max(0, (u.authorised_posts or 0) - len(by_unit.get(u.id, []))) for u in entered)
                if entered
                else None,
                full_time=sum(1 for p in people if p.full_time),
                inspectors=sum(1 for p in people if p.post == "inspector" or p.also_inspector),
                seconded=sum(1 for p in people if p.seconded),
                leaders=sum(1 for p in people if p.post in LEADER_POSTS),
            )
        )
    return rows


def township_totals(db: Database, year: int, user: str = "system") -> TownshipTotals:
    """Supervision objects and party members across live townships for a year."""
    with db.session(user) as s:
        scope = installation_scope(s)  # a township: its own figures only
        stmt = (
            select(TownshipYearStats.supervision_objects, TownshipYearStats.party_members)
            .join(Unit, Unit.id == TownshipYearStats.township_id)
            .where(
                TownshipYearStats.year == year, TownshipYearStats.deleted.is_(False), Unit.deleted.is_(False)
            )
        )
        if not scope.everyone:
            stmt = stmt.where(Unit.id == scope.unit_id)
        rows = s.execute(stmt).all()
    return TownshipTotals(year, len(rows), sum(r[0] for r in rows), sum(r[1] for r in rows))


def stats_years(db: Database, user: str = "system") -> list[int]:
    with db.session(user) as s:
        return sorted(
            {
                y
                for y in s.scalars(select(TownshipYearStats.year).where(TownshipYearStats.deleted.is_(False)))
            },
            reverse=True,
        )
