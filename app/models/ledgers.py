"""The daily supervision ledgers aimed at a 党委 (签字背书, 谈话纪实季检季报, 三重一大), the village
affairs supervision committees (村务监督委员会) and the village liaisons' monthly reports (联络员月报).

A ledger row names what it checked: the unit's own 党委 (``target`` "committee": a township
commission checking its township's 党委), a village of the township or a supervised unit of the
dispatched group. The 讲规学法 checks keep their table (``app.models.residency.LedgerEntry``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class CheckedBody:
    """The columns every quarterly ledger shares: its quarter, the unit keeping it, what it
    checked, the check's date and findings, and whether the quarter's report went up."""

    quarter: Mapped[str] = mapped_column(String(6))  # 2026Q4
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


class SignoffCheck(CheckedBody, SyncMixin, Base):
    """签字背书: a matter the principal leader signed off (a 函询 reply among them), and the check of it."""

    __tablename__ = "signoff_checks"
    __table_args__ = (Index("ix_signoff_checks_quarter", "deleted", "quarter", "unit_id"),)

    matter: Mapped[str] = mapped_column(String(200), default="")
    inquiry_id: Mapped[str | None] = mapped_column(ForeignKey("inquiries.id"), nullable=True, index=True)
    signer: Mapped[str] = mapped_column(String(64), default="")
    signer_post: Mapped[str] = mapped_column(String(64), default="")
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class TalkCheck(CheckedBody, SyncMixin, Base):
    """谈话纪实季检季报: a quarter's talks held by the principal leader, checked and reported."""

    __tablename__ = "talk_checks"
    __table_args__ = (Index("ix_talk_checks_quarter", "deleted", "quarter", "unit_id"),)

    leader: Mapped[str] = mapped_column(String(64), default="")
    leader_post: Mapped[str] = mapped_column(String(64), default="")
    appointment_talks: Mapped[int] = mapped_column(Integer, default=0)  # 任职谈话
    reminder_talks: Mapped[int] = mapped_column(Integer, default=0)  # 提醒谈话
    routine_talks: Mapped[int] = mapped_column(Integer, default=0)  # 日常谈话
    other_talks: Mapped[int] = mapped_column(Integer, default=0)


class MajorMatterCheck(CheckedBody, SyncMixin, Base):
    """三重一大: one matter decided collectively, the commission's supervision of it and its findings
    (the quarter's rows are the 季反馈)."""

    __tablename__ = "major_matter_checks"
    __table_args__ = (Index("ix_major_matter_checks_quarter", "deleted", "quarter", "unit_id"),)

    matter_kind: Mapped[str] = mapped_column(
        String(16), default=""
    )  # decision | appointment | project | funds
    matter: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # 元
    meeting: Mapped[str] = mapped_column(String(32), default="")
    meeting_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    attendees: Mapped[str] = mapped_column(Text, default="")
    objections: Mapped[str] = mapped_column(Text, default="")
    supervision: Mapped[str] = mapped_column(String(16), default="")  # attended (列席) | reviewed (事后审查)


class VillageCommitteeMember(SyncMixin, Base):
    """A member of a village's 村务监督委员会 for one term."""

    __tablename__ = "village_committee_members"
    __table_args__ = (live_index("village_committee_members", "name"),)

    village_id: Mapped[str] = mapped_column(ForeignKey("villages.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16), default="member")  # chair 主任 | member 委员
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class VillageCommitteeRecord(SyncMixin, Base):
    """What a 村务监督委员会 did on a day: a meeting, a supervision of a village matter, …"""

    __tablename__ = "village_committee_records"
    __table_args__ = (live_index("village_committee_records", "held_on"),)

    village_id: Mapped[str] = mapped_column(ForeignKey("villages.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="meeting")
    subject: Mapped[str] = mapped_column(String(200), default="")
    attendees: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")


class LiaisonReport(SyncMixin, Base):
    """联络员月报: a village liaison's report to the township for one month."""

    __tablename__ = "liaison_reports"
    __table_args__ = (Index("ix_liaison_reports_month", "deleted", "month", "village_id"),)

    village_id: Mapped[str] = mapped_column(ForeignKey("villages.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # 2026-11
    liaison: Mapped[str] = mapped_column(String(64), default="")
    reported_on: Mapped[date] = mapped_column(Date)
    village_affairs: Mapped[str] = mapped_column(Text, default="")  # 村务公开
    assets: Mapped[str] = mapped_column(Text, default="")  # 三资
    problems: Mapped[str] = mapped_column(Text, default="")
    clues: Mapped[str] = mapped_column(Text, default="")  # sealed: clues handed up
    clue_count: Mapped[int] = mapped_column(Integer, default=0)
