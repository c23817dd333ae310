"""Synchronised domain models. Importing this package maps every model."""

from app.models.casework import (
    Appeal,
    CalendarDay,
    Case,
    CaseUnit,
    Clue,
    CoReview,
    DeadlineRule,
    Detention,
    Disposition,
    Inquiry,
    Recusal,
    Report,
    StaffTie,
    Transition,
    Trial,
    Verification,
)
from app.models.education import Circular, NameClearing, Pledge, Tolerance, WarningEducation
from app.models.inspection import InspectionBriefing, InspectionItem, InspectionRound
from app.models.integrity import IntegrityReply, IntegrityRequest
from app.models.ledgers import (
    LiaisonReport,
    MajorMatterCheck,
    SignoffCheck,
    TalkCheck,
    VillageCommitteeMember,
    VillageCommitteeRecord,
)
from app.models.org import (
    Liaison,
    Staff,
    SupervisedUnit,
    TownshipYearStats,
    Unit,
    Village,
    Zone,
)
from app.models.people import Person
from app.models.policy import CountyPolicy
from app.models.reporting import PartyReport, ReportFeedback, WorkReport
from app.models.residency import ChecklistItem, LedgerEntry, Visit
from app.models.training import Lesson, LessonAttendance, WeeklyScore, WeeklyTest
from app.models.transfer import OwnershipTransfer
from app.security.audit import AuditEntry
from app.sync import state as _sync_state  # noqa: F401  (the local sync tables, on the same metadata)

__all__ = [
    "Appeal",
    "AuditEntry",
    "CalendarDay",
    "Circular",
    "Case",
    "CaseUnit",
    "ChecklistItem",
    "Clue",
    "CoReview",
    "CountyPolicy",
    "DeadlineRule",
    "Detention",
    "Disposition",
    "Inquiry",
    "InspectionBriefing",
    "InspectionItem",
    "InspectionRound",
    "IntegrityReply",
    "IntegrityRequest",
    "LedgerEntry",
    "LiaisonReport",
    "MajorMatterCheck",
    "Lesson",
    "LessonAttendance",
    "NameClearing",
    "OwnershipTransfer",
    "PartyReport",
    "Person",
    "Pledge",
    "Liaison",
    "Recusal",
    "Report",
    "SignoffCheck",
    "ReportFeedback",
    "Staff",
    "StaffTie",
    "SupervisedUnit",
    "TalkCheck",
    "Tolerance",
    "TownshipYearStats",
    "Transition",
    "Trial",
    "Unit",
    "Verification",
    "Visit",
    "WarningEducation",
    "Village",
    "VillageCommitteeMember",
    "VillageCommitteeRecord",
    "WeeklyScore",
    "WeeklyTest",
    "WorkReport",
    "Zone",
]
