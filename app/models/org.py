"""The organisation registry: units, zones, liaison, staff, villages, supervised units."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index

UNIT_TYPES = ("county", "office", "township", "group")
UNIT_ID_NAMESPACE = uuid.UUID("6f1d3c2e-8a47-4f0b-9a55-4c1e2d7b9e10")


def unit_row_id(county_code: str, unit_code: str) -> str:
    """A unit's row id, the same on every installation of the county: the county's register of its
    units and a unit's own installation then hold one row for one unit, not two."""
    return str(uuid.uuid5(UNIT_ID_NAMESPACE, f"{county_code}/{unit_code}"))


class Zone(SyncMixin, Base):
    """片区协作区: a group of offices, groups and townships led by a standing-committee member."""

    __tablename__ = "zones"
    __table_args__ = (live_index("zones", "name"),)

    name: Mapped[str] = mapped_column(String(64))
    leader: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Unit(SyncMixin, Base):
    """The county commission, its offices (室), township commissions and dispatched groups."""

    __tablename__ = "units"
    __table_args__ = (live_index("units", "code"),)

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    unit_type: Mapped[str] = mapped_column(String(16), index=True)
    # 核定编制 as entered; None: nobody entered it (shown as 未填, never as a figure).
    authorised_posts: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    zone_id: Mapped[str | None] = mapped_column(ForeignKey("zones.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Liaison(SyncMixin, Base):
    """点对点衔接联系: a county office liaises with a township commission or dispatched group."""

    __tablename__ = "liaisons"
    __table_args__ = (live_index("liaisons", "office_id"),)

    office_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    matters: Mapped[str] = mapped_column(Text, default="")


class Staff(SyncMixin, Base):
    """A person holding a post in a unit (书记, 副书记, 委员, 监察员, 组长, 副组长, 组员)."""

    __tablename__ = "staff"
    __table_args__ = (live_index("staff", "name"),)

    name: Mapped[str] = mapped_column(String(64))
    gender: Mapped[str] = mapped_column(String(4), default="")
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    post: Mapped[str] = mapped_column(String(16), index=True)
    also_inspector: Mapped[bool] = mapped_column(Boolean, default=False)
    full_time: Mapped[bool] = mapped_column(Boolean, default=False)
    seconded: Mapped[bool] = mapped_column(Boolean, default=False)
    seconded_from: Mapped[str] = mapped_column(String(100), default="")
    secondment_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    secondment_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    home_village: Mapped[str] = mapped_column(String(64), default="")
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Village(SyncMixin, Base):
    """A village (or community) of a township, with its village liaison (村级纪检监察员)."""

    __tablename__ = "villages"
    __table_args__ = (live_index("villages", "name"),)

    township_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(32), default="")
    liaison_name: Mapped[str] = mapped_column(String(64), default="")
    liaison_post: Mapped[str] = mapped_column(String(32), default="")
    liaison_phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SupervisedUnit(SyncMixin, Base):
    """被监督单位: a county department supervised by a dispatched group."""

    __tablename__ = "supervised_units"
    __table_args__ = (live_index("supervised_units", "name"),)

    group_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(32), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class TownshipYearStats(SyncMixin, Base):
    """Per township and year: supervision objects (监察对象) and party members."""

    __tablename__ = "township_year_stats"
    __table_args__ = (live_index("township_year_stats", "year"),)

    township_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    supervision_objects: Mapped[int] = mapped_column(Integer, default=0)
    party_members: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
