"""巡察整改: an inspection round (巡察) of a supervised unit or a village, the problems its feedback
names as rectification items closed one by one (销号), and the briefing on the inspected unit's
政治生态 a dispatched group prepares before a 驻点巡察."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class InspectionRound(SyncMixin, Base):
    """One inspection of one unit or village: when the inspectors stayed, when they gave their
    feedback (反馈意见) and by when it must be rectified. Kept by the group (or township) that
    supervises the rectification."""

    __tablename__ = "inspection_rounds"
    __table_args__ = (live_index("inspection_rounds", "feedback_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    supervised_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("supervised_units.id"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(64))  # 县委第三轮巡察
    inspectors: Mapped[str] = mapped_column(String(64), default="")  # 县委第二巡察组
    inspected_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    inspected_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    feedback_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)  # 整改期限
    note: Mapped[str] = mapped_column(Text, default="")


class InspectionItem(SyncMixin, Base):
    """One problem of a round's feedback and its rectification, closed (销号) with its evidence;
    the 约谈 and 追责 that follow a late one."""

    __tablename__ = "inspection_items"
    __table_args__ = (
        live_index("inspection_items", "due_on"),
        Index("ix_inspection_items_open", "deleted", "state", "due_on"),
    )

    round_id: Mapped[str] = mapped_column(ForeignKey("inspection_rounds.id"), index=True)
    # The round's, kept on the item for its list and filters.
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True)
    supervised_unit_id: Mapped[str | None] = mapped_column(ForeignKey("supervised_units.id"), nullable=True)
    problem: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text, default="")  # 整改措施
    responsible: Mapped[str] = mapped_column(String(64), default="")  # 整改责任人
    due_on: Mapped[date] = mapped_column(Date)
    supervisor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)  # 督办人
    state: Mapped[str] = mapped_column(String(16), default="rectifying", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    evidence: Mapped[str] = mapped_column(Text, default="")  # 销号佐证材料
    checked_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    talked_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # the last 约谈
    talked_with: Mapped[str] = mapped_column(String(64), default="")
    accountability_id: Mapped[str | None] = mapped_column(ForeignKey("dispositions.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class InspectionBriefing(SyncMixin, Base):
    """驻点巡察 preparation: what a group knows of the inspected unit's 政治生态, written for the
    inspectors before they arrive."""

    __tablename__ = "inspection_briefings"
    __table_args__ = (live_index("inspection_briefings", "prepared_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True)
    supervised_unit_id: Mapped[str | None] = mapped_column(
        ForeignKey("supervised_units.id"), nullable=True, index=True
    )
    round_id: Mapped[str | None] = mapped_column(ForeignKey("inspection_rounds.id"), nullable=True)
    prepared_on: Mapped[date] = mapped_column(Date)
    prepared_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    briefing: Mapped[str] = mapped_column(Text, default="")  # sealed
    sources: Mapped[str] = mapped_column(Text, default="")  # 参阅材料
