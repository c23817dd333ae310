"""Reporting (述职与通报): the half-year 述职述廉 of each commission and group to the county, the
county's feedback on it, and the township commission hearing its 党委's 一岗双责 report."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class WorkReport(SyncMixin, Base):
    """半年述职述廉: a township commission or a dispatched group reports its half-year to the
    county (in June and December). The unit owns it."""

    __tablename__ = "work_reports"
    __table_args__ = (
        live_index("work_reports", "reported_on"),
        Index("ix_work_reports_half", "deleted", "half", "unit_id"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    half: Mapped[str] = mapped_column(String(6))  # 2026H1
    reported_on: Mapped[date] = mapped_column(Date)
    reporter: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[str] = mapped_column(Text, default="")


class ReportFeedback(SyncMixin, Base):
    """评价/反馈意见: the county's word on a unit's 述职述廉. The county owns it; its bundle carries
    it to the unit whose report it is (``app.sync.addressing.relevant``)."""

    __tablename__ = "report_feedback"
    __table_args__ = (live_index("report_feedback", "given_on"),)

    report_id: Mapped[str] = mapped_column(ForeignKey("work_reports.id"), index=True)
    given_on: Mapped[date] = mapped_column(Date)
    rating: Mapped[str] = mapped_column(String(16), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")


class PartyReport(SyncMixin, Base):
    """一岗双责 report: a township commission hears its 党委 (or a member of it) report on how it
    bears its share of responsibility for the party's conduct, every half-year."""

    __tablename__ = "party_reports"
    __table_args__ = (
        live_index("party_reports", "heard_on"),
        Index("ix_party_reports_half", "deleted", "half", "unit_id"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    half: Mapped[str] = mapped_column(String(6))
    heard_on: Mapped[date] = mapped_column(Date)
    reporter: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text, default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
