"""Casework: reports and clues, talk/letter inquiries, preliminary verifications, cases,
co-reviews, the four forms, conflict-of-interest declarations, deadline rules and the
state transitions every lifecycle register records (全程留痕).

Text that says who reported whom or what about (reporter, contact, summaries, reports) is
stored as sealed tokens (``app.security.sensitive``): its columns are ``Text``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index
from app.db.secrecy import SecrecyMixin


class SubjectMixin:
    """The person reported on (被反映人): the person record, and the name, unit and post as the
    record gives them (a snapshot: a post at the time of the facts)."""

    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    subject_name: Mapped[str] = mapped_column(String(64), default="")
    subject_unit: Mapped[str] = mapped_column(String(100), default="")
    subject_post: Mapped[str] = mapped_column(String(64), default="")
    subject_rank: Mapped[str] = mapped_column(String(16), default="")
    subject_authority: Mapped[str] = mapped_column(String(16), default="")  # 管理权限
    subject_village: Mapped[str] = mapped_column(String(64), default="")
    subject_is_object: Mapped[bool] = mapped_column(Boolean, default=False)  # 监察对象
    subject_is_member: Mapped[bool] = mapped_column(Boolean, default=True)  # 中共党员


class Report(SecrecyMixin, SubjectMixin, SyncMixin, Base):
    """信访举报: one report as received (letter, visit, phone, online …)."""

    __tablename__ = "reports"
    __table_args__ = (live_index("reports", "received_on"),)

    number: Mapped[str] = mapped_column(String(32), default="")
    received_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    named: Mapped[bool] = mapped_column(Boolean, default=False)  # 实名
    reporter: Mapped[str] = mapped_column(Text, default="")  # sealed
    reporter_contact: Mapped[str] = mapped_column(Text, default="")  # sealed
    category: Mapped[str] = mapped_column(String(32), default="")
    subcategory: Mapped[str] = mapped_column(String(32), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # sealed
    register_only: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), default="received", index=True)


class Clue(SecrecyMixin, SubjectMixin, SyncMixin, Base):
    """问题线索: a clue, its disposal (四类处置) and who handles it."""

    __tablename__ = "clues"
    __table_args__ = (
        live_index("clues", "received_on"),
        Index("ix_clues_live_subject", "deleted", "subject_name"),
        # The statistics' clue figures of a period, read from the index alone (bench/county_scale.py).
        Index("ix_clues_figures", "deleted", "received_on", "source", "disposal", "handling_unit_id"),
        # The inspection-transferred clues of a period and their id, from the index alone: without
        # it SQLite walked every live clue's row to find them (8.7 s of the 10 s the statistics of
        # every year took at the bench's county; 0.9 s with it).
        Index("ix_clues_inspection", "source", "deleted", "received_on", "handling_unit_id", "id"),
    )

    number: Mapped[str] = mapped_column(String(32))
    report_id: Mapped[str | None] = mapped_column(ForeignKey("reports.id"), nullable=True, index=True)
    source: Mapped[str] = mapped_column(String(16), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    category: Mapped[str] = mapped_column(String(32), default="")
    subcategory: Mapped[str] = mapped_column(String(32), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # sealed
    register_only: Mapped[bool] = mapped_column(Boolean, default=False)
    handling_unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    handler_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True, index=True)
    proposed_handling: Mapped[str] = mapped_column(String(16), default="")
    approver: Mapped[str] = mapped_column(String(64), default="")
    disposal: Mapped[str] = mapped_column(String(16), default="", index=True)
    disposal_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # 集体研究日期
    duplicate_of: Mapped[str | None] = mapped_column(ForeignKey("clues.id"), nullable=True)
    visit_id: Mapped[str | None] = mapped_column(
        ForeignKey("visits.id"), nullable=True, index=True
    )  # 驻村发现
    state: Mapped[str] = mapped_column(String(16), default="registered", index=True)


class InquiryMixin:
    """What a talk/letter inquiry and a preliminary verification share: team, dates, outcome."""

    clue_id: Mapped[str] = mapped_column(ForeignKey("clues.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True, index=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    other_members: Mapped[str] = mapped_column(String(100), default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    finished_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16), default="", index=True)
    report: Mapped[str] = mapped_column(Text, default="")  # sealed
    state: Mapped[str] = mapped_column(String(16), default="planned", index=True)


class Inquiry(InquiryMixin, SecrecyMixin, SyncMixin, Base):
    """谈话函询."""

    __tablename__ = "inquiries"
    __table_args__ = (live_index("inquiries", "started_on"),)

    kind: Mapped[str] = mapped_column(String(8), default="talk")  # talk | letter
    # 函询: the letter, its delivery, the written reply with the sign-off of the principal leader of
    # the person's 党委（党组） and the office's assessment of it.
    letter_no: Mapped[str] = mapped_column(String(64), default="", server_default="")
    letter_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reply_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    reply_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sign_opinion: Mapped[str] = mapped_column(Text, default="", server_default="")
    assessment: Mapped[str] = mapped_column(String(16), default="", server_default="")


class Verification(InquiryMixin, SecrecyMixin, SyncMixin, Base):
    """初步核实."""

    __tablename__ = "verifications"
    __table_args__ = (
        live_index("verifications", "started_on"),
        Index("ix_verifications_clue_outcome", "clue_id", "deleted", "outcome"),
    )


class Case(SecrecyMixin, SubjectMixin, SyncMixin, Base):
    """立案审查调查: filing, investigation, transfer to review."""

    __tablename__ = "cases"
    __table_args__ = (live_index("cases", "filed_on"),)

    number: Mapped[str] = mapped_column(String(32))
    clue_id: Mapped[str | None] = mapped_column(ForeignKey("clues.id"), nullable=True, index=True)
    filed_on: Mapped[date] = mapped_column(Date)
    # 立案审批: the approving body (the township 党委, the county commission) and its document.
    approved_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    approval_no: Mapped[str] = mapped_column(String(64), default="", server_default="")
    approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    handling_unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    handler_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True, index=True)
    # 参与的派驻组 before participations (case_units) took its place; kept so that a bundle from a
    # unit not yet upgraded still applies. Migration 0010 made a participation of every value.
    group_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    guided_by_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True)  # 指导领办的室
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # 移送审理
    concluded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    facts: Mapped[str] = mapped_column(Text, default="")  # sealed
    state: Mapped[str] = mapped_column(String(16), default="proposed", index=True)


class CoReview(SyncMixin, Base):
    """协审 (乡案县审): a case sent to the county review office, its opinion and result."""

    __tablename__ = "co_reviews"
    __table_args__ = (live_index("co_reviews", "requested_on"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(64), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    opinion_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str] = mapped_column(String(16), default="")
    state: Mapped[str] = mapped_column(String(16), default="requested", index=True)


class CaseUnit(SyncMixin, Base):
    """协办: a unit taking part in a case besides its handling unit (a dispatched group, an office)."""

    __tablename__ = "case_units"
    __table_args__ = (Index("ix_case_units_case", "case_id", "deleted"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    role: Mapped[str] = mapped_column(String(64), default="")  # what the unit did in the case
    note: Mapped[str] = mapped_column(Text, default="")


class Disposition(SyncMixin, Base):
    """One measure given to one person (or, for 问责 of a party organisation, one organisation).
    The measures one person is given in one decision count as one person-time (人次), in the form
    of the heaviest (``app.services.counting``)."""

    __tablename__ = "dispositions"
    __table_args__ = (
        live_index("dispositions", "decided_on"),
        # The four forms of a period counted in person-times (app.services.counting), read from the
        # index alone: without it SQLite read 300,000 rows of the table (3.9 s; bench/county_scale.py).
        Index(
            "ix_dispositions_counting",
            "deleted",
            "decided_on",
            "handling_unit_id",
            "person_id",
            "person_name",
            "case_id",
            "clue_id",
            "kind",
            "measure",
            "form",
            "guided",
        ),  # fmt: skip
        Index("ix_dispositions_clue_form", "clue_id", "deleted", "form"),
    )

    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    person_name: Mapped[str] = mapped_column(String(64))
    person_unit: Mapped[str] = mapped_column(String(100), default="")
    person_post: Mapped[str] = mapped_column(String(64), default="")
    org_name: Mapped[str] = mapped_column(
        String(100), default="", server_default=""
    )  # 问责 of an organisation
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # The form under the mapping in force when the row was saved (the list shows it); statistics
    # count by the mapping in force when they are asked (``app.services.counting``).
    form: Mapped[str] = mapped_column(String(1))
    measure: Mapped[str] = mapped_column(String(16))
    decision_no: Mapped[str] = mapped_column(String(64), default="", server_default="")  # 决定文号
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # 处分期/影响期 end
    deciding_body: Mapped[str] = mapped_column(String(64), default="")
    decided_on: Mapped[date] = mapped_column(Date)
    clue_id: Mapped[str | None] = mapped_column(ForeignKey("clues.id"), nullable=True, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), nullable=True, index=True)
    handling_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    guided: Mapped[bool] = mapped_column(Boolean, default=False)
    guided_by_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # After the decision: 宣布/送达, 执行, 回访 (rows from before these steps existed: "untracked").
    state: Mapped[str] = mapped_column(String(16), default="decided", server_default="untracked", index=True)
    announced_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    executed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revisited_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revisit_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Appeal(SyncMixin, Base):
    """申诉 (party sanction) or 复审 / 复核 (政务处分) against one decision."""

    __tablename__ = "appeals"

    disposition_id: Mapped[str] = mapped_column(ForeignKey("dispositions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # complaint | review | recheck
    received_on: Mapped[date] = mapped_column(Date)
    grounds: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_no: Mapped[str] = mapped_column(String(64), default="")
    result: Mapped[str] = mapped_column(String(16), default="")  # upheld | changed | revoked
    new_measure: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="received", index=True)


class Trial(SyncMixin, Base):
    """审理: the county's case-trial office's work on a case it tries."""

    __tablename__ = "trials"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    judge: Mapped[str] = mapped_column(String(64), default="")  # 承办人（审理室）
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    report_no: Mapped[str] = mapped_column(String(64), default="")
    reported_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    opinion: Mapped[str] = mapped_column(Text, default="")  # sealed
    result: Mapped[str] = mapped_column(String(16), default="")
    state: Mapped[str] = mapped_column(String(16), default="received", index=True)


class Detention(SyncMixin, Base):
    """留置: a measure only the county commission takes, on a case it handles, approved by the
    commission above; three months, extendable once by three months (监察法 art. 43)."""

    __tablename__ = "detentions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    approved_by: Mapped[str] = mapped_column(String(64), default="")
    approval_no: Mapped[str] = mapped_column(String(64), default="")
    started_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100), default="")
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="in_force", index=True)


class Recusal(SyncMixin, Base):
    """回避决定: a staff member stepped aside from a matter; who decided, and who took over."""

    __tablename__ = "recusals"
    __table_args__ = (Index("ix_recusals_record", "record_id"),)

    register: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    replaced_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    ground: Mapped[str] = mapped_column(String(16), default="")  # kin | colleague | … | applied
    reason: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[str] = mapped_column(String(64), default="")
    decided_on: Mapped[date] = mapped_column(Date)


class StaffTie(SyncMixin, Base):
    """回避关系申报: a staff member's declared relationship to a person."""

    __tablename__ = "staff_ties"
    __table_args__ = (live_index("staff_ties", "person_name"),)

    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    person_name: Mapped[str] = mapped_column(String(64))
    person_unit: Mapped[str] = mapped_column(String(100), default="")
    relation: Mapped[str] = mapped_column(String(16))
    declared_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class DeadlineRule(SyncMixin, Base):
    """期限设置: the number of days a step may take (local practice differs between counties)."""

    __tablename__ = "deadline_rules"
    __table_args__ = (live_index("deadline_rules", "step"),)

    step: Mapped[str] = mapped_column(String(16))
    days: Mapped[int] = mapped_column(Integer)
    working: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())  # 工作日
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarDay(SyncMixin, Base):
    """A day the county declares a holiday or an adjusted working day (调休), for a year the shipped
    calendar does not cover or where it must be corrected. Sent by the county."""

    __tablename__ = "calendar_days"
    __table_args__ = (live_index("calendar_days", "day"),)

    day: Mapped[date] = mapped_column(Date)
    working: Mapped[bool] = mapped_column(Boolean)  # True: 调休上班; False: 放假
    name: Mapped[str] = mapped_column(String(32), default="")  # 春节, 国庆节 …


class Transition(SyncMixin, Base):
    """One step of a record's lifecycle: from which state to which, why (who and when: the row's
    created_by / created_at)."""

    __tablename__ = "transitions"
    __table_args__ = (Index("ix_transitions_record", "record_id", "created_at"),)

    register: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    # The document the step produced (立案决定书, 处分决定 …) and who approved it, as the
    # secretary enters them (no approver accounts).
    doc_no: Mapped[str] = mapped_column(String(64), default="", server_default="")
    doc_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    approved_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
