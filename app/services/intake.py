"""From a report (信访举报) to one or more problem clues: each clue starts with the report's facts;
the report moves to 已转线索 with its first clue, and every clue made from it is a step on the
report's timeline."""

from __future__ import annotations

from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import get as get_register
from app.security.sensitive import PLACEHOLDERS
from app.services.records import RecordService
from app.services.transitions import Transitions

CARRIED = (
    "subject_name",
    "subject_unit",
    "subject_post",
    "subject_rank",
    "subject_authority",
    "subject_village",
    "subject_is_object",
    "subject_is_member",
    "category",
    "subcategory",
    "summary",
    "register_only",
    "secrecy",
    "audience",
)


def clue_values_from_report(records: RecordService, report_id: str) -> dict[str, Any]:
    """Initial values of a new clue made from a report (source 信访举报). A sensitive value the
    actor may not read is not carried (the clue's copy would be empty, not a placeholder)."""
    report = records.get(get_register("reports"), report_id)
    values: dict[str, Any] = {"source": "petition", "report_id": report_id, "received_on": report["received_on"]}
    for name in CARRIED:
        value = report.get(name)
        if isinstance(value, str) and value.strip() in PLACEHOLDERS:
            continue
        values[name] = value
    return values


def mark_report_clued(records: RecordService, report_id: str, clue_number: str) -> str:
    """Record on the report that a clue was made from it (the report is then 已转线索)."""
    reports = get_register("reports")
    reason = str(Message(QT_TRANSLATE_NOOP("app", "已转为问题线索 {number}"), {"number": clue_number}))
    return Transitions(records).apply(reports, report_id, "to_clue", {}, reason)
