"""Education and circulars: integrity pledges (廉洁承诺, 清廉家庭倡议), warning-education activities
(警示教育) and circulars (通报); and the two casework decisions that protect cadres: clearing a
name (澄清正名) and tolerating an error (容错免责)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class Pledge(SyncMixin, Base):
    """A pledge a cadre signed: the 廉洁自律承诺书, or with a family member the 清廉家庭倡议书."""

    __tablename__ = "pledges"
    __table_args__ = (live_index("pledges", "signed_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="integrity")  # integrity | family
    signed_on: Mapped[date] = mapped_column(Date)
    signer_type: Mapped[str] = mapped_column(String(16), default="staff")  # staff | village | cadre
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True, index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    signer_name: Mapped[str] = mapped_column(String(64), default="")
    signer_post: Mapped[str] = mapped_column(String(64), default="")
    family_member: Mapped[str] = mapped_column(String(64), default="")
    family_relation: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class WarningEducation(SyncMixin, Base):
    """A warning-education activity (警示教育): a visit to an education base, a film, a lesson on
    cases; held by a unit, with the party organisations taking part."""

    __tablename__ = "warning_educations"
    __table_args__ = (live_index("warning_educations", "held_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(16), default="base")
    place: Mapped[str] = mapped_column(String(100), default="")
    topic: Mapped[str] = mapped_column(String(100), default="")
    participants: Mapped[int] = mapped_column(Integer, default=0)
    party_orgs: Mapped[str] = mapped_column(Text, default="")  # the party organisations taking part
    summary: Mapped[str] = mapped_column(Text, default="")


class Circular(SyncMixin, Base):
    """通报: a circular a commission issues (典型问题通报, 工作通报, 澄清正名通报)."""

    __tablename__ = "circulars"
    __table_args__ = (live_index("circulars", "issued_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    number: Mapped[str] = mapped_column(String(64), default="")  # 文号
    issued_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), default="typical")  # typical | work | clearing
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), nullable=True, index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    named: Mapped[str] = mapped_column(Text, default="")  # the persons and cases it names
    recipients: Mapped[str] = mapped_column(Text, default="")  # 主送、抄送
    body: Mapped[str] = mapped_column(Text, default="")


class NameClearing(SyncMixin, Base):
    """澄清正名: a cadre wrongly reported on is cleared, after a clue ended as 了结澄清 or was found
    untrue; with the accountability for a malicious report (诬告陷害)."""

    __tablename__ = "name_clearings"
    __table_args__ = (live_index("name_clearings", "cleared_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    clue_id: Mapped[str] = mapped_column(ForeignKey("clues.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    person_name: Mapped[str] = mapped_column(String(64), default="")
    person_unit: Mapped[str] = mapped_column(String(100), default="")
    person_post: Mapped[str] = mapped_column(String(64), default="")
    cleared_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(16), default="meeting")  # meeting | written | circular
    scope: Mapped[str] = mapped_column(String(200), default="")
    circular_id: Mapped[str | None] = mapped_column(ForeignKey("circulars.id"), nullable=True, index=True)
    malicious: Mapped[bool] = mapped_column(Boolean, default=False)  # 诬告陷害 found
    accountability: Mapped[str] = mapped_column(Text, default="")  # sealed: names the reporter
    note: Mapped[str] = mapped_column(Text, default="")


class Tolerance(SyncMixin, Base):
    """容错免责: a cadre's application to have an error tolerated, reviewed against the 三个区分开来
    and decided (免责, 减责, 不予免责)."""

    __tablename__ = "tolerances"
    __table_args__ = (live_index("tolerances", "applied_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    person_name: Mapped[str] = mapped_column(String(64), default="")
    person_unit: Mapped[str] = mapped_column(String(100), default="")
    person_post: Mapped[str] = mapped_column(String(64), default="")
    applied_on: Mapped[date] = mapped_column(Date)
    matter: Mapped[str] = mapped_column(Text, default="")
    # The 三个区分开来 and the usual conditions, each as the review found it.
    no_experience: Mapped[bool] = mapped_column(Boolean, default=False)
    not_forbidden: Mapped[bool] = mapped_column(Boolean, default=False)
    not_for_self: Mapped[bool] = mapped_column(Boolean, default=False)
    procedure_followed: Mapped[bool] = mapped_column(Boolean, default=False)
    loss_remedied: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_opinion: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(16), default="")  # exempt | reduced | refused
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16), default="applied", index=True)
