"""Village residency (驻村监督) and residency at supervised units (驻在), the checklist of matters a
visit checks, and the 讲规学法 checks (the other quarterly ledgers: ``app.models.ledgers``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class Visit(SyncMixin, Base):
    """One planned stay of a township commission in a village, or of a dispatched group at a
    supervised unit; filled in from the paper form after the stay."""

    __tablename__ = "visits"
    __table_args__ = (
        live_index("visits", "planned_on"),
        Index("ix_visits_quarter", "deleted", "quarter", "unit_id"),
    )

    code: Mapped[str] = mapped_column(String(16), index=True)  # printed as text and QR code
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    supervised_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("supervised_units.id"), nullable=True, index=True
    )
    quarter: Mapped[str] = mapped_column(String(6))  # 2026Q4
    planned_on: Mapped[date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer, default=1)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    visited_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    people_talked: Mapped[str] = mapped_column(Text, default="")
    matters: Mapped[str] = mapped_column(Text, default="")  # checked matters, joined by 、
    findings: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    clues_found: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="planned", index=True)


class ChecklistItem(SyncMixin, Base):
    """检查事项: a matter the visit form lists for ticking (a setting the county may send)."""

    __tablename__ = "checklist_items"
    __table_args__ = (live_index("checklist_items", "position"),)

    name: Mapped[str] = mapped_column(String(32))
    applies_to: Mapped[str] = mapped_column(String(16), default="both")  # township | group | both
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class LedgerEntry(SyncMixin, Base):
    """One 讲规学法 check of a 党委 (the township's own, ``target`` "committee"), a village or a
    supervised unit. The table once held the 签字背书, 谈话纪实 and 三重一大 ledgers too (``kind``);
    migration 0014 moved those to their own registers (``app.models.ledgers``)."""

    __tablename__ = "ledger_entries"
    __table_args__ = (Index("ix_ledger_entries_quarter", "deleted", "kind", "quarter"),)

    kind: Mapped[str] = mapped_column(String(16))
    quarter: Mapped[str] = mapped_column(String(6))
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    target: Mapped[str] = mapped_column(
        String(16), default="village"
    )  # committee | village | supervised_unit
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    supervised_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("supervised_units.id"), nullable=True, index=True
    )
    checked_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    reported: Mapped[bool] = mapped_column(Boolean, default=False)  # 季报 sent up
