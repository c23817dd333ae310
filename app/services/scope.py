"""Which units a view lists: the installation's scope.

The county commission sees everyone (its merged data). A township commission or a dispatched
group sees its own unit (and, through it, its villages or supervised units): its statistics,
coverage, duty pages, staffing summary and work report list no county rows (县纪委监委, 委机关室,
other townships and groups) at zero, even though the shared reference data (units) the county
sends holds them. A row outside the scope that does carry a figure is still listed: a count is
never hidden, only empty rows are.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.local import Installation
from app.models.org import Unit


@dataclass(frozen=True)
class Scope:
    unit_type: str  # the installation's: county, township or group
    unit_id: str | None  # its own unit's row; None at the county (everyone)

    @property
    def everyone(self) -> bool:
        return self.unit_id is None

    def lists_unit(self, unit_id: str | None, has_figures: bool = False) -> bool:
        """Whether a view lists the unit ``unit_id`` (one with figures is always listed)."""
        return self.everyone or has_figures or unit_id == self.unit_id

    def lists_type(self, unit_type: str, has_figures: bool = False) -> bool:
        """Whether a per-type breakdown lists ``unit_type`` (one with figures is always listed)."""
        return self.everyone or has_figures or unit_type == self.unit_type


EVERYONE = Scope("county", None)


def installation_scope(s: Session) -> Scope:
    """This installation's scope: everyone at the county (or with no installation row, as the
    tests' bare databases have), else the installation's own unit."""
    info = s.execute(select(Installation.unit_code, Installation.unit_type)).first()
    if info is None or info.unit_type == "county":
        return EVERYONE
    own = s.scalar(select(Unit.id).where(Unit.code == info.unit_code, Unit.deleted.is_(False)))
    return Scope(info.unit_type, own or "")  # no own unit row (deleted): nobody's rows but figures
